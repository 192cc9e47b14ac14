/*
 * test_uri.c - reference resolution: the normal and abnormal examples of
 * RFC 3986 section 5.4, and the mess hrefs carry in real pages.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "extract/uri.h"

static const char rfc_base[] = "http://a/b/c/d;p?q";

struct example {
	const char *ref;
	const char *want;
};

static void check(const char *base, const char *ref, const char *want)
{
	struct buf out;

	buf_init(&out, BUF_NO_MAX);
	int rc = uri_resolve(&out, str_from(base), str_from(ref));
	if (!want) {
		assert_int_equal(rc, -1);
		assert_int_equal(out.len, 0);
	} else {
		assert_int_equal(rc, 0);
		if (strcmp(out.ptr, want))
			fail_msg("%s + %s: got %s, want %s", base, ref, out.ptr,
				 want);
	}
	buf_release(&out);
}

static void rfc3986_normal_examples(void **state)
{
	static const struct example ex[] = {
		{"g:h", "g:h"},
		{"g", "http://a/b/c/g"},
		{"./g", "http://a/b/c/g"},
		{"g/", "http://a/b/c/g/"},
		{"/g", "http://a/g"},
		{"//g", "http://g"},
		{"?y", "http://a/b/c/d;p?y"},
		{"g?y", "http://a/b/c/g?y"},
		{"#s", "http://a/b/c/d;p?q#s"},
		{"g#s", "http://a/b/c/g#s"},
		{"g?y#s", "http://a/b/c/g?y#s"},
		{";x", "http://a/b/c/;x"},
		{"g;x", "http://a/b/c/g;x"},
		{"g;x?y#s", "http://a/b/c/g;x?y#s"},
		{"", "http://a/b/c/d;p?q"},
		{".", "http://a/b/c/"},
		{"./", "http://a/b/c/"},
		{"..", "http://a/b/"},
		{"../", "http://a/b/"},
		{"../g", "http://a/b/g"},
		{"../..", "http://a/"},
		{"../../", "http://a/"},
		{"../../g", "http://a/g"},
	};
	(void)state;

	for (size_t i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
		check(rfc_base, ex[i].ref, ex[i].want);
}

static void rfc3986_abnormal_examples(void **state)
{
	static const struct example ex[] = {
		{"../../../g", "http://a/g"},
		{"../../../../g", "http://a/g"},
		{"/./g", "http://a/g"},
		{"/../g", "http://a/g"},
		{"g.", "http://a/b/c/g."},
		{".g", "http://a/b/c/.g"},
		{"g..", "http://a/b/c/g.."},
		{"..g", "http://a/b/c/..g"},
		{"./../g", "http://a/b/g"},
		{"./g/.", "http://a/b/c/g/"},
		{"g/./h", "http://a/b/c/g/h"},
		{"g/../h", "http://a/b/c/h"},
		{"g;x=1/./y", "http://a/b/c/g;x=1/y"},
		{"g;x=1/../y", "http://a/b/c/y"},
		{"g?y/./x", "http://a/b/c/g?y/./x"},
		{"g?y/../x", "http://a/b/c/g?y/../x"},
		{"g#s/./x", "http://a/b/c/g#s/./x"},
		{"g#s/../x", "http://a/b/c/g#s/../x"},
		/* strict parsers keep the scheme (5.4.2) */
		{"http:g", "http:g"},
	};
	(void)state;

	for (size_t i = 0; i < sizeof(ex) / sizeof(ex[0]); i++)
		check(rfc_base, ex[i].ref, ex[i].want);
}

static void page_hrefs_are_cleaned_first(void **state)
{
	(void)state;

	check("https://ex.com/news/a.html", "  b.html\n", "https://ex.com/news/b.html");
	check("https://ex.com/news/a.html", "/img/x\t.png",
	      "https://ex.com/img/x.png");
	check("https://ex.com", "x", "https://ex.com/x"); /* empty base path */
	check("https://ex.com/a/", "?", "https://ex.com/a/?");
	check("https://ex.com/a/", "#", "https://ex.com/a/#");
	check("https://ex.com/a", "//cdn.ex.net/i.jpg", "https://cdn.ex.net/i.jpg");
	check("https://ex.com/a", "MAILTO:me@ex.com", "MAILTO:me@ex.com");
	/* no base to resolve against: only absolute references work */
	check("", "b.html", NULL);
	check("page.html", "b.html", NULL);
	check("", "https://ex.com/x/../y", "https://ex.com/y");
}

static void failures_leave_the_buffer_alone(void **state)
{
	struct buf out;
	(void)state;

	buf_init(&out, 16);
	assert_int_equal(buf_append_str(&out, "keep"), 0);
	assert_int_equal(uri_resolve(&out, str_from("https://example.com/"),
				     str_from("a-long-path-name")), -1);
	assert_string_equal(out.ptr, "keep");
	buf_release(&out);
	assert_true(uri_is_scheme(str_from("JavaScript:void(0)"), "javascript"));
	assert_false(uri_is_scheme(str_from("javascript"), "javascript"));
	assert_false(uri_has_scheme(str_from("1http://x")));
	assert_true(uri_has_scheme(str_from("a+b.c-d:x")));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rfc3986_normal_examples),
		cmocka_unit_test(rfc3986_abnormal_examples),
		cmocka_unit_test(page_hrefs_are_cleaned_first),
		cmocka_unit_test(failures_leave_the_buffer_alone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
