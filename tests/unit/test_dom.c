/*
 * test_dom.c - parsing into the flat array, the pre-scan guards, and
 * text assembly into blocks.
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
#include "dom/dom_text.h"
#include "base/utf8.h"

static void parse(struct arena *a, const char *html, struct dom *d)
{
	arena_init(a);
	assert_int_equal(dom_parse(a, html, strlen(html), NULL, d), 0);
}

/* All block texts joined with "|" for compact assertions. */
static char *blocks_of(const char *html)
{
	struct arena a;
	struct dom d;
	struct blocks b;
	struct buf out;

	parse(&a, html, &d);
	blocks_init(&b);
	blocks_build(&d, 0, NULL, &b);
	buf_init(&out, BUF_NO_MAX);
	for (uint32_t k = 0; k < b.count; k++) {
		if (k)
			buf_append_char(&out, '|');
		buf_append(&out, block_text(&b, k), b.v[k].len);
	}
	blocks_release(&b);
	arena_release(&a);
	return buf_detach(&out, NULL);
}

static void tree_is_flat_and_ordered(void **state)
{
	struct arena a;
	struct dom d;
	(void)state;

	parse(&a, "<div id=x class='a b'><p>one</p><p>two</p></div>", &d);
	assert_int_equal(d.nodes[0].type, DOM_DOCUMENT);
	assert_int_equal(d.nodes[0].end, d.count);
	uint32_t div = dom_find(&d, 0, DOM_TAG_DIV);
	assert_true(div != DOM_NONE);
	assert_true(str_ieq(dom_attr(&d, div, "class"), "a b"));
	assert_null(dom_attr(&d, div, "title").ptr);
	uint32_t p1 = dom_first_child(&d, div);
	assert_int_equal(d.nodes[p1].tag, DOM_TAG_P);
	uint32_t p2 = d.nodes[p1].next_sibling;
	assert_int_equal(d.nodes[p2].tag, DOM_TAG_P);
	assert_int_equal(d.nodes[p2].parent, div);
	assert_int_equal(d.nodes[div].end, d.nodes[p2].end);
	assert_int_equal(d.nodes[p2].next_sibling, DOM_NONE);
	arena_release(&a);
}

static void unknown_elements_keep_their_names(void **state)
{
	struct arena a;
	struct dom d;
	(void)state;

	parse(&a, "<body><my-widget data-x=1>hi</my-widget></body>", &d);
	uint32_t w = dom_find(&d, 0, DOM_TAG_OTHER);
	assert_true(w != DOM_NONE);
	assert_true(str_ieq(d.nodes[w].name, "my-widget"));
	arena_release(&a);
}

static void deep_nesting_is_cut_not_crashed(void **state)
{
	struct buf html;
	struct arena a;
	struct dom d;
	(void)state;

	buf_init(&html, BUF_NO_MAX);
	for (int i = 0; i < 300000; i++)
		buf_append_str(&html, "<span>");
	arena_init(&a);
	assert_int_equal(dom_parse(&a, html.ptr, html.len, NULL, &d), 0);
	assert_true(d.truncated);
	assert_non_null(d.truncation);
	arena_release(&a);
	buf_release(&html);
}

static void attribute_floods_are_cut(void **state)
{
	struct buf html;
	struct arena a;
	struct dom d;
	(void)state;

	buf_init(&html, BUF_NO_MAX);
	buf_append_str(&html, "<p>before</p><div");
	for (int i = 0; i < 5000; i++)
		buf_printf(&html, " a%d=1", i);
	buf_append_str(&html, ">x</div>");
	arena_init(&a);
	assert_int_equal(dom_parse(&a, html.ptr, html.len, NULL, &d), 0);
	assert_true(d.truncated);
	assert_true(dom_find(&d, 0, DOM_TAG_P) != DOM_NONE);
	arena_release(&a);
	buf_release(&html);
}

static void overflowing_references_do_not_cut_text(void **state)
{
	(void)state;
	char *t = blocks_of("<title>x</title><p>a&#x80000000;bcd</p>");
	/* gumbo alone would stop at a NUL after "a" */
	assert_non_null(strstr(t, "bcd"));
	assert_true(utf8_valid(t, strlen(t)));
	free(t);
	t = blocks_of("<p>&#x800000C3;&#x80000028;z</p>");
	assert_true(utf8_valid(t, strlen(t)));
	assert_non_null(strchr(t, 'z'));
	free(t);
}

static void blocks_never_glue_words(void **state)
{
	(void)state;
	char *t = blocks_of("<section><h3>Comments</h3><div>No comment</div>"
			    "</section><a>Read more</a><a>Share</a>");
	assert_string_equal(t, "Comments|No comment|Read more Share");
	free(t);
	t = blocks_of("<p>one<br>two<br><br>three</p><p>a <b>bold</b> "
		      "word</p>");
	assert_string_equal(t, "one\ntwo\nthree|a bold word");
	free(t);
}

static void whitespace_collapses_except_in_pre(void **state)
{
	(void)state;
	char *t = blocks_of("<p>  lots \n\t of\xc2\xa0\xc2\xa0space </p>"
			    "<pre>  keep\n    this</pre>");
	assert_string_equal(t, "lots of space|  keep\n    this");
	free(t);
}

static void table_rows_separate_cells(void **state)
{
	struct arena a;
	struct dom d;
	struct blocks b;
	(void)state;

	parse(&a, "<table><tr><th>Name</th><th>Age</th></tr>"
		  "<tr><td>Ann</td><td>31</td></tr></table>", &d);
	blocks_init(&b);
	blocks_build(&d, 0, NULL, &b);
	assert_int_equal(b.count, 2);
	assert_string_equal(block_text(&b, 0), "Name | Age");
	assert_string_equal(block_text(&b, 1), "Ann | 31");
	assert_int_equal(b.v[1].kind, BLOCK_ROW);
	blocks_release(&b);
	arena_release(&a);
}

static void link_text_is_counted(void **state)
{
	struct arena a;
	struct dom d;
	struct blocks b;
	(void)state;

	parse(&a, "<p>see <a href=/x>this page</a> now</p>", &d);
	blocks_init(&b);
	blocks_build(&d, 0, NULL, &b);
	assert_int_equal(b.count, 1);
	assert_int_equal(b.v[0].chars, 14);
	assert_int_equal(b.v[0].link_chars, 8);
	blocks_release(&b);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tree_is_flat_and_ordered),
		cmocka_unit_test(unknown_elements_keep_their_names),
		cmocka_unit_test(deep_nesting_is_cut_not_crashed),
		cmocka_unit_test(attribute_floods_are_cut),
		cmocka_unit_test(overflowing_references_do_not_cut_text),
		cmocka_unit_test(blocks_never_glue_words),
		cmocka_unit_test(whitespace_collapses_except_in_pre),
		cmocka_unit_test(table_rows_separate_cells),
		cmocka_unit_test(link_text_is_counted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
