/*
 * test_fastpath.c - the word-at-a-time paths of str.c, utf8.c and buf.h
 * give exactly the answers of the plain byte loops they replace.
 *
 * Each test runs a simple reference (written here, byte by byte) and the
 * library over many pseudo-random strings built from an alphabet chosen
 * to hit the edge cases: case pairs, bytes that only differ in bit 5
 * ('@' and '`', '[' and '{'), high bytes, NUL, and matches that start in
 * one 8-byte word and end in the next.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "base/str.h"
#include "base/utf8.h"

/* A fixed generator, so that a failure repeats. */
static uint32_t next_random(uint32_t *s)
{
	*s = *s * 1103515245u + 12345u;
	return *s >> 8;
}

static void random_text(uint32_t *seed, const char *alphabet, char *out,
			size_t len)
{
	size_t n = strlen(alphabet);

	for (size_t i = 0; i < len; i++)
		out[i] = alphabet[next_random(seed) % n];
}

static const char *ref_ifind(struct str s, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return s.ptr;
	if (!s.ptr || s.len < n)
		return NULL;
	for (size_t i = 0; i + n <= s.len; i++) {
		size_t j = 0;
		while (j < n && ascii_lower((unsigned char)s.ptr[i + j]) ==
					ascii_lower((unsigned char)needle[j]))
			j++;
		if (j == n)
			return s.ptr + i;
	}
	return NULL;
}

static void ifind_matches_the_byte_loop(void **state)
{
	static const char alphabet[] = "aAbB@`[{-z \xc3\xa9\x80";
	uint32_t seed = 1;
	char hay[80], needle[6];
	(void)state;

	for (int round = 0; round < 20000; round++) {
		size_t hl = next_random(&seed) % sizeof(hay);
		size_t nl = next_random(&seed) % (sizeof(needle) - 1);
		random_text(&seed, alphabet, hay, hl);
		random_text(&seed, alphabet, needle, nl);
		needle[nl] = '\0';
		struct str s = str_make(hay, hl);
		assert_ptr_equal(str_ifind(s, needle), ref_ifind(s, needle));
	}
	assert_null(str_ifind(STR_NULL, "a"));
	struct str ten = str_from("xxxxxxxxxxABC");
	assert_ptr_equal(str_ifind(ten, "abc"), ten.ptr + 10);
	struct str long_s = str_from("0123456789abcdefghijKLMNOP");
	assert_ptr_equal(str_ifind(long_s, "jklm"), long_s.ptr + 19);
	assert_ptr_equal(str_ifind(long_s, "op"), long_s.ptr + 24);
	assert_null(str_ifind(long_s, "pq"));
}

static void ifind_any_answers_as_each_in_turn(void **state)
{
	static const char *const words[] = {
		"ab", "Ba", "a", "@`", "{z", "ba-", "zz", "", "\xc3\xa9z",
	};
	static const char alphabet[] = "aAbB@`[{-z\xc3\xa9";
	const size_t count = sizeof(words) / sizeof(words[0]);
	uint32_t seed = 7;
	char hay[600];
	(void)state;

	for (int round = 0; round < 5000; round++) {
		size_t hl = next_random(&seed) % sizeof(hay);
		random_text(&seed, alphabet, hay, hl);
		struct str s = str_make(hay, hl);
		/* without the empty word, so that "none" happens too */
		size_t from = next_random(&seed) % 2 ? 0 : 4;
		size_t n = from ? 3 : count;
		long want = -1;
		for (size_t k = 0; k < n; k++) {
			if (ref_ifind(s, words[from + k])) {
				want = (long)k;
				break;
			}
		}
		assert_int_equal(str_ifind_any(s, words + from, n), want);
	}
}

static bool ref_valid(const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT &&
		    !(n == 3 && !memcmp(p + i, "\xef\xbf\xbd", 3)))
			return false;
		i += n;
	}
	return true;
}

static void utf8_paths_match_the_byte_loop(void **state)
{
	static const char alphabet[] = "abcdefgh \n\xc3\xa9\xe2\x82\xac\xef\xbf"
				       "\xbd\xf0\x9f\x98\x80";
	uint32_t seed = 3;
	char text[70];
	(void)state;

	for (int round = 0; round < 20000; round++) {
		size_t len = next_random(&seed) % sizeof(text);
		random_text(&seed, alphabet, text, len);
		if (len && next_random(&seed) % 4 == 0)
			text[next_random(&seed) % len] = '\0';
		assert_int_equal(utf8_valid(text, len), ref_valid(text, len));

		struct buf b, want;
		buf_init(&b, BUF_NO_MAX);
		buf_init(&want, BUF_NO_MAX);
		assert_int_equal(utf8_repair(&b, text, len), 0);
		for (size_t i = 0; i < len;) {
			uint32_t cp;
			size_t n = text[i] ? utf8_decode(text + i, len - i, &cp)
					   : 1;
			if (!text[i]) {
				i++;
				continue;
			}
			if (ref_valid(text + i, n))
				buf_append(&want, text + i, n);
			else
				buf_append_str(&want, "\xef\xbf\xbd");
			i += n;
		}
		assert_int_equal(b.len, want.len);
		assert_memory_equal(b.ptr, want.ptr, b.len + 1);
		buf_release(&b);
		buf_release(&want);
	}
	for (uint32_t cp = 0; cp < 0x3100; cp++) {
		bool space = cp == 0x20 || (cp >= 0x09 && cp <= 0x0D) ||
			     cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
			     (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
			     cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
			     cp == 0x3000;
		assert_int_equal(utf8_is_space(cp), space);
	}
}

static void str_ieq_compares_length_then_bytes(void **state)
{
	(void)state;
	assert_true(str_ieq(str_from("Hidden"), "hidden"));
	assert_false(str_ieq(str_from("hidde"), "hidden"));
	assert_false(str_ieq(str_from("@"), "`"));
	assert_true(str_ieq(STR_NULL, ""));
	assert_true(str_ieq_mem("ABC", "abc", 3));
}

static void buf_append_inline_keeps_the_invariants(void **state)
{
	struct buf b;
	(void)state;

	buf_init(&b, 10);
	for (int i = 0; i < 10; i++)
		assert_int_equal(buf_append(&b, "x", 1), 0);
	assert_int_equal(buf_append(&b, "x", 1), -1);
	assert_int_equal(b.len, 10);
	assert_string_equal(b.ptr, "xxxxxxxxxx");
	assert_true(b.len < b.cap);
	assert_int_equal(buf_append(&b, "", 0), 0);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ifind_matches_the_byte_loop),
		cmocka_unit_test(ifind_any_answers_as_each_in_turn),
		cmocka_unit_test(utf8_paths_match_the_byte_loop),
		cmocka_unit_test(str_ieq_compares_length_then_bytes),
		cmocka_unit_test(buf_append_inline_keeps_the_invariants),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
