/*
 * test_decode_guess.c - pages that declare no charset and are not UTF-8:
 * BOM-less UTF-16 and UTF-32, double-byte East Asian text, and Latin
 * text that must stay windows-1252.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "decode/decode.h"
#include "decode/decode_sniff.h"
#include "base/utf8.h"

static void decode(const char *bytes, size_t len, const char *want_charset,
		   const char *want_text)
{
	struct arena a;
	struct decoded d;

	arena_init(&a);
	assert_int_equal(decode_page(&a, bytes, len, NULL, 1 << 20, &d), 0);
	assert_string_equal(d.charset, want_charset);
	assert_true(utf8_valid(d.text, d.len));
	if (want_text)
		assert_non_null(strstr(d.text, want_text));
	arena_release(&a);
}

static void utf16_without_bom_is_recognised(void **state)
{
	const char le[] = "<\0p\0>\0h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0<\0/\0p\0>\0";
	const char be[] = "\0<\0p\0>\0h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0<\0/\0p\0>";
	(void)state;

	assert_int_equal(sniff_wide_text(le, sizeof(le) - 1), WIDE_UTF16LE);
	assert_false(sniff_is_binary(le, sizeof(le) - 1));
	decode(le, sizeof(le) - 1, "utf-16le", "<p>hello world</p>");
	decode(be, sizeof(be) - 1, "utf-16be", "<p>hello world</p>");
}

static void utf32_without_bom_is_recognised(void **state)
{
	const char le[] = "<\0\0\0p\0\0\0>\0\0\0h\0\0\0i\0\0\0!\0\0\0<\0\0\0/"
			  "\0\0\0p\0\0\0>\0\0\0";
	(void)state;

	decode(le, sizeof(le) - 1, "utf-32le", "<p>hi!</p>");
}

static void double_byte_text_is_guessed(void **state)
{
	const char ko[] = "<p>\xbf\xc0\xb4\xc3\x20\xbe\xc6\xc4\xa7\x20\xbd\xc3\xc0\xe5\xbf\xa1\xbc\xad\x20\xbd\xc5\xbc\xb1\xc7\xd1\x20\xbb\xe7\xb0\xfa\xbf\xcd\x20\xb9\xe8\xb8\xa6\x20\xbb\xf2\xbd\xc0\xb4\xcf\xb4\xd9\x2e\x20\xb3\xaf\xbe\xbe\xb0\xa1\x20\xb8\xbc\xbe\xc6\xbc\xad\x20\xb0\xf8\xbf\xf8\xbf\xa1\xbc\xad\x20\xbb\xea\xc3\xa5\xc0\xbb\x20\xc7\xdf\xbd\xc0\xb4\xcf\xb4\xd9\x2e</p>";
	(void)state;

	decode(ko, sizeof(ko) - 1, "euc-kr", "\xec\x82\xac\xea\xb3\xbc");
}

static void latin_text_stays_single_byte(void **state)
{
	const char fr[] = "<p>Le caf\xe9 de la gare a rouvert apr\xe8s "
			  "l'\xe9t\xe9, \xe0 la grande joie des habitu\xe9s.</p>";
	struct arena a;
	struct decoded d;
	(void)state;

	arena_init(&a);
	assert_int_equal(decode_page(&a, fr, sizeof(fr) - 1, NULL, 1 << 20, &d),
			 0);
	assert_non_null(strstr(d.text, "caf\xc3\xa9"));
	assert_int_equal(sniff_wide_text(fr, sizeof(fr) - 1), WIDE_NONE);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf16_without_bom_is_recognised),
		cmocka_unit_test(utf32_without_bom_is_recognised),
		cmocka_unit_test(double_byte_text_is_guessed),
		cmocka_unit_test(latin_text_stays_single_byte),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
