/*
 * test_markdown.c - the markdown renderer: escaping at line starts and
 * inline, each block kind, lists, quotes, fences and tables, and a page
 * run through the whole pipeline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/buf.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "render/render.h"
#include "base/response.h"
#include "base/utf8.h"

#define PARA(t) {.kind = BODY_PARAGRAPH, .text = (t)}

/* Renders blocks (and an optional title) and compares the whole output. */
static void expect_md(const char *title, const struct body_block *v,
		      size_t n, const char *want)
{
	struct extraction ex = {.title = title, .blocks = v, .block_count = n};
	struct record rec = {.ex = &ex};
	struct buf out;

	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(render_markdown(&rec, &out), 0);
	if (strcmp(out.ptr, want))
		fail_msg("got:\n%s\nwant:\n%s", out.ptr, want);
	buf_release(&out);
}

static void expect_para(const char *text, const char *want)
{
	struct body_block b = PARA(text);
	struct buf w;

	buf_init(&w, BUF_NO_MAX);
	assert_int_equal(buf_printf(&w, "%s\n", want), 0);
	expect_md(NULL, &b, 1, w.ptr);
	buf_release(&w);
}

static void inline_markup_is_escaped(void **state)
{
	(void)state;

	expect_para("a *b* and **c**", "a \\*b\\* and \\*\\*c\\*\\*");
	expect_para("`code` and \\n", "\\`code\\` and \\\\n");
	expect_para("[link](http://x) ![img](y)",
		    "\\[link\\](http://x) !\\[img\\](y)");
	expect_para("<b>raw</b> <http://x>", "\\<b>raw\\</b> \\<http://x>");
	expect_para("~~gone~~", "\\~\\~gone\\~\\~");
	/* entity references would be decoded; a lone & is only text */
	expect_para("AT&T &amp; &#35; &copy;", "AT&T \\&amp; \\&#35; \\&copy;");
	/* pipes only matter in tables */
	expect_para("Home | News", "Home | News");
}

static void underscores_inside_words_stay(void **state)
{
	(void)state;

	expect_para("snake_case_name", "snake_case_name");
	expect_para("_emph_ and __strong__", "\\_emph\\_ and \\_\\_strong\\_\\_");
	expect_para("x_ _y", "x\\_ \\_y");
}

static void line_starts_that_open_blocks_are_escaped(void **state)
{
	(void)state;

	expect_para("# not a heading", "\\# not a heading");
	expect_para("###### six", "\\###### six");
	expect_para("####### seven is text", "####### seven is text");
	expect_para("#hashtag", "#hashtag");
	expect_para("> not a quote", "\\> not a quote");
	expect_para("- not a list", "\\- not a list");
	expect_para("+ not a list", "\\+ not a list");
	expect_para("-5 degrees", "-5 degrees");
	expect_para("1. not a list", "1\\. not a list");
	expect_para("2019. A year", "2019\\. A year");
	expect_para("3) also not", "3\\) also not");
	expect_para("1234567890. too long for a marker",
		    "1234567890. too long for a marker");
	expect_para("1.5 litres", "1.5 litres");
	/* inline only: # and > mid-line are plain */
	expect_para("a # b > c", "a # b > c");
}

static void rule_like_lines_are_defused(void **state)
{
	(void)state;

	/* thematic breaks, setext underlines, table delimiters, fences */
	expect_para("---", "\\-\\-\\-");
	expect_para("Title\n===", "Title\\\n\\=\\=\\=");
	expect_para("a | b\n|:--|--|", "a | b\\\n\\|\\:\\-\\-\\|\\-\\-\\|");
	expect_para("~~~", "\\~\\~\\~");
	expect_para("```", "\\`\\`\\`");
	expect_para("* * *", "\\* \\* \\*");
}

static void line_breaks_are_hard_and_trimmed(void **state)
{
	(void)state;

	/* leading spaces would make an indented code block */
	expect_para("one\n    two  \n\n- three",
		    "one\\\ntwo\\\n\\- three");
}

static void headings_keep_trailing_hashes(void **state)
{
	const struct body_block v[] = {
		{.kind = BODY_HEADING, .level = 2, .text = "Learn C #"},
		{.kind = BODY_HEADING, .level = 3, .text = "C#"},
		{.kind = BODY_HEADING, .level = 9, .text = "#"},
		{.kind = BODY_HEADING, .level = 2, .text = "two\nlines *x*"},
	};
	(void)state;

	expect_md("Title: [draft] *1*", v, 4,
		  "# Title: \\[draft\\] \\*1\\*\n\n"
		  "## Learn C \\#\n\n"
		  "### C#\n\n"
		  "###### \\#\n\n"
		  "## two lines \\*x\\*\n");
}

static void lists_number_and_indent(void **state)
{
	const struct body_block v[] = {
		{.kind = BODY_ITEM, .text = "first"},
		{.kind = BODY_ITEM, .text = "- nested-looking\nsecond line"},
		{.kind = BODY_ITEM, .ordered = true, .text = "one"},
		{.kind = BODY_ITEM, .ordered = true, .text = "two\n1. not a list"},
		PARA("between"),
		{.kind = BODY_ITEM, .ordered = true, .text = "again one"},
	};
	(void)state;

	expect_md(NULL, v, 6,
		  "- first\n"
		  "- \\- nested-looking\\\n  second line\n\n"
		  "1. one\n"
		  "2. two\\\n   1\\. not a list\n\n"
		  "between\n\n"
		  "1. again one\n");
}

static void quotes_prefix_every_line(void **state)
{
	const struct body_block v[] = {
		{.kind = BODY_PARAGRAPH, .quoted = true, .text = "said\n> this"},
		{.kind = BODY_PARAGRAPH, .quoted = true, .text = "and that"},
		{.kind = BODY_ITEM, .quoted = true, .text = "a point"},
		{.kind = BODY_ITEM, .quoted = true, .text = "another"},
		PARA("after"),
	};
	(void)state;

	expect_md(NULL, v, 5,
		  "> said\\\n> \\> this\n"
		  ">\n"
		  "> and that\n"
		  ">\n"
		  "> - a point\n"
		  "> - another\n\n"
		  "after\n");
}

static void code_fences_outgrow_the_content(void **state)
{
	const struct body_block v[] = {
		{.kind = BODY_CODE, .text = "  indented *kept*\n\tand <tabs>"},
		{.kind = BODY_CODE, .text = "```\nx = ````y````\n```"},
		{.kind = BODY_CODE, .quoted = true, .text = "a\n\nb"},
	};
	(void)state;

	expect_md(NULL, v, 3,
		  "```\n  indented *kept*\n\tand <tabs>\n```\n\n"
		  "`````\n```\nx = ````y````\n```\n`````\n\n"
		  "> ```\n> a\n>\n> b\n> ```\n");
}

static void tables_take_the_first_row_as_header(void **state)
{
	static const char *const r1[] = {"Name", "Note"};
	static const char *const r2[] = {"a|b", "x\ny", "extra"};
	static const char *const r3[] = {"*c*"};
	const struct body_block v[] = {
		{.kind = BODY_ROW, .cells = r1, .cell_count = 2},
		{.kind = BODY_ROW, .cells = r2, .cell_count = 3},
		{.kind = BODY_ROW, .cells = r3, .cell_count = 1},
		{.kind = BODY_CAPTION, .text = "Table 1: *sizes*"},
	};
	(void)state;

	expect_md(NULL, v, 4,
		  "| Name | Note |  |\n"
		  "| --- | --- | --- |\n"
		  "| a\\|b | x y | extra |\n"
		  "| \\*c\\* |  |  |\n\n"
		  "*Table 1: \\*sizes\\**\n");
}

static void disclaimer_follows_a_rule(void **state)
{
	struct body_block b = PARA("Body.");
	struct extraction ex = {.title = "T", .blocks = &b, .block_count = 1,
				.disclaimer = "Not advice.\n\n# Really not."};
	struct record rec = {.ex = &ex};
	struct buf out;
	(void)state;

	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(render_markdown(&rec, &out), 0);
	assert_string_equal(out.ptr, "# T\n\nBody.\n\n---\n\nNot advice.\n\n"
				     "\\# Really not.\n");
	buf_release(&out);
	/* no page: nothing at all */
	rec.ex = NULL;
	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(render_markdown(&rec, &out), 0);
	assert_int_equal(out.len, 0);
	buf_release(&out);
}

static void output_is_valid_utf8(void **state)
{
	expect_para("caf\xc3\xa9 \xff\xfe", "caf\xc3\xa9 \xef\xbf\xbd\xef\xbf\xbd");
	(void)state;
}

static const char page[] =
	"<html><head><title>Knots</title></head><body><article>"
	"<h1>Knots</h1>"
	"<p>A knot is only as good as the rope it is tied in, and the "
	"bowline is the one knot that every sailor should know by heart.</p>"
	"<h2>Steps</h2><ol><li>Make a small loop.</li><li>Pass the end up "
	"through it.</li></ol>"
	"<blockquote><p>The rabbit comes out of the hole, round the tree "
	"and back down the hole again.</p></blockquote>"
	"<pre>loop = make_loop(rope)\n  pass(end, loop)</pre>"
	"<table><tr><th>Knot</th><th>Use</th></tr>"
	"<tr><td>Bowline</td><td>a fixed loop</td></tr></table>"
	"<p>Practise it with your eyes closed until your hands know it.</p>"
	"</article></body></html>";

static void pipeline_renders_markdown(void **state)
{
	struct response r;
	struct pipeline_options o;
	struct buf out;
	char *diag;
	(void)state;

	response_init(&r, "page.html");
	r.body = strdup(page);
	r.body_len = strlen(page);
	pipeline_options_defaults(&o);
	o.format = FORMAT_MARKDOWN;
	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(pipeline_run(&r, &o, &out, &diag), EXIT_OK);
	free(diag);
	assert_non_null(strstr(out.ptr, "# Knots\n\nA knot is only"));
	assert_non_null(strstr(out.ptr, "## Steps\n\n1. Make a small loop.\n"
					"2. Pass the end up through it.\n"));
	assert_non_null(strstr(out.ptr, "> The rabbit comes out"));
	assert_non_null(strstr(out.ptr, "```\nloop = make_loop(rope)\n"
					"  pass(end, loop)\n```"));
	assert_non_null(strstr(out.ptr, "| Knot | Use |\n| --- | --- |\n"
					"| Bowline | a fixed loop |"));
	buf_reset(&out);
	/* in JSON only when asked */
	o.format = FORMAT_JSON;
	assert_int_equal(pipeline_run(&r, &o, &out, &diag), EXIT_OK);
	free(diag);
	assert_null(strstr(out.ptr, "\"markdown\""));
	buf_reset(&out);
	o.with_markdown = true;
	assert_int_equal(pipeline_run(&r, &o, &out, &diag), EXIT_OK);
	free(diag);
	assert_non_null(strstr(out.ptr, "\"markdown\":\"# Knots\\n\\nA knot"));
	buf_release(&out);
	response_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(inline_markup_is_escaped),
		cmocka_unit_test(underscores_inside_words_stay),
		cmocka_unit_test(line_starts_that_open_blocks_are_escaped),
		cmocka_unit_test(rule_like_lines_are_defused),
		cmocka_unit_test(line_breaks_are_hard_and_trimmed),
		cmocka_unit_test(headings_keep_trailing_hashes),
		cmocka_unit_test(lists_number_and_indent),
		cmocka_unit_test(quotes_prefix_every_line),
		cmocka_unit_test(code_fences_outgrow_the_content),
		cmocka_unit_test(tables_take_the_first_row_as_header),
		cmocka_unit_test(disclaimer_follows_a_rule),
		cmocka_unit_test(output_is_valid_utf8),
		cmocka_unit_test(pipeline_renders_markdown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
