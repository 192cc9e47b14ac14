/*
 * test_base.c - arena, buf, str and utf8: the primitives every stage
 * trusts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/str.h"
#include "base/utf8.h"

static void arena_allocations_are_aligned_and_distinct(void **state)
{
	struct arena a;
	(void)state;

	arena_init(&a);
	char *p = arena_alloc(&a, 3);
	char *q = arena_alloc(&a, 5);
	assert_true(p != q);
	assert_int_equal((uintptr_t)q % _Alignof(max_align_t), 0);
	/* a block larger than the arena's block size still works */
	char *big = arena_alloc(&a, 9 * 1024 * 1024);
	memset(big, 'x', 9 * 1024 * 1024);
	char *s = arena_strndup(&a, "ab\0cd", 5);
	assert_memory_equal(s, "ab\0cd", 6);
	arena_release(&a);
	assert_null(a.head);
}

static void buf_refuses_to_pass_its_maximum(void **state)
{
	struct buf b;
	(void)state;

	buf_init(&b, 8);
	assert_int_equal(buf_append_str(&b, "12345"), 0);
	assert_int_equal(buf_append_str(&b, "6789"), -1);
	assert_string_equal(b.ptr, "12345"); /* unchanged after a refusal */
	assert_int_equal(buf_append_str(&b, "678"), 0);
	assert_int_equal(b.len, 8);
	buf_release(&b);
	assert_string_equal(b.ptr, "");
}

static void buf_printf_grows(void **state)
{
	struct buf b;
	(void)state;

	buf_init(&b, BUF_NO_MAX);
	for (int i = 0; i < 100; i++)
		assert_int_equal(buf_printf(&b, "%d,", i), 0);
	assert_true(b.len > 200);
	assert_memory_equal(b.ptr, "0,1,2,", 6);
	size_t len;
	char *s = buf_detach(&b, &len);
	assert_int_equal(strlen(s), len);
	free(s);
}

static void str_helpers_ignore_locale_and_case(void **state)
{
	(void)state;
	assert_true(str_ieq(str_from("Content-Type"), "content-type"));
	assert_false(str_ieq(str_from("Content-Typ"), "content-type"));
	assert_true(str_icontains(str_from("the Sidebar-left"), "sidebar"));
	struct str t = str_trim(str_from("  \t hi \n"));
	assert_int_equal(t.len, 2);
	assert_true(str_starts_with_i(str_from("By Jane"), "by "));
}

static void utf8_decoder_rejects_what_it_must(void **state)
{
	uint32_t cp;
	(void)state;

	assert_int_equal(utf8_decode("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xE9);
	utf8_decode("\xc0\xaf", 2, &cp); /* overlong */
	assert_int_equal(cp, UTF8_REPLACEMENT);
	utf8_decode("\xed\xa0\x80", 3, &cp); /* surrogate */
	assert_int_equal(cp, UTF8_REPLACEMENT);
	utf8_decode("\xf4\x90\x80\x80", 4, &cp); /* above U+10FFFF */
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_int_equal(utf8_decode("\xe2\x82", 2, &cp), 2); /* truncated */
	assert_int_equal(cp, UTF8_REPLACEMENT);
	assert_true(utf8_valid("\xef\xbf\xbd ok", 6));
	assert_false(utf8_valid("a\xffz", 3));
}

static void utf8_repair_replaces_and_drops_nul(void **state)
{
	struct buf b;
	(void)state;

	buf_init(&b, BUF_NO_MAX);
	assert_int_equal(utf8_repair(&b, "a\xff" "b\0c\xe2\x82", 7), 0);
	assert_string_equal(b.ptr, "a\xef\xbf\xbd" "bc\xef\xbf\xbd");
	assert_true(utf8_valid(b.ptr, b.len));
	buf_release(&b);
	assert_true(utf8_is_space(0xA0));
	assert_true(utf8_is_space(0x3000));
	assert_false(utf8_is_space('x'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_allocations_are_aligned_and_distinct),
		cmocka_unit_test(buf_refuses_to_pass_its_maximum),
		cmocka_unit_test(buf_printf_grows),
		cmocka_unit_test(str_helpers_ignore_locale_and_case),
		cmocka_unit_test(utf8_decoder_rejects_what_it_must),
		cmocka_unit_test(utf8_repair_replaces_and_drops_nul),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
