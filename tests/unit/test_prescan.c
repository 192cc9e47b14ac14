/*
 * test_prescan.c - the pre-scan in dom_parse() cuts the nesting that
 * makes gumbo quadratic, however the markup hides it, and leaves
 * ordinary deep-ish markup alone.
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
#include "dom/dom.h"

/* Parses prefix, then unit n times, then "end"; returns truncated. */
static bool parse_repeated(const char *prefix, const char *unit, int n)
{
	struct buf html;
	struct arena a;
	struct dom d;

	buf_init(&html, BUF_NO_MAX);
	buf_append_str(&html, prefix);
	for (int i = 0; i < n; i++)
		buf_append_str(&html, unit);
	buf_append_str(&html, "end");
	arena_init(&a);
	assert_int_equal(dom_parse(&a, html.ptr, html.len, NULL, &d), 0);
	bool cut = d.truncated;
	if (cut)
		assert_string_equal(d.truncation, "nesting too deep");
	arena_release(&a);
	buf_release(&html);
	return cut;
}

static void stray_end_tags_do_not_hide_depth(void **state)
{
	(void)state;
	assert_true(parse_repeated("<body>", "<div></x>", 20000));
	assert_true(parse_repeated("<body>", "<span></p>", 20000));
}

static void slash_does_not_close_html_elements(void **state)
{
	(void)state;
	assert_true(parse_repeated("<body>", "<div/>", 20000));
}

static void ordinary_markup_is_not_cut(void **state)
{
	(void)state;
	/* foreign elements do close with "/>" */
	assert_false(parse_repeated("<body><svg>", "<path d='M0 0'/>", 20000));
	assert_false(parse_repeated("<body>", "<br/><img src=x/>", 20000));
	/* end tags close the elements left open inside them */
	assert_false(parse_repeated("<body>", "<div><p>a<p>b<i>c</div>", 300));
	assert_false(parse_repeated("<body>", "<div>a</div>", 20000));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(stray_end_tags_do_not_hide_depth),
		cmocka_unit_test(slash_does_not_close_html_elements),
		cmocka_unit_test(ordinary_markup_is_not_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
