/*
 * render_markdown.c - the extraction as CommonMark, with GFM tables.
 *
 * Output: "# title", then the body's blocks (headings, paragraphs,
 * lists, block quotes, fenced code, tables, captions), then the
 * disclaimer after a thematic break.
 *
 * Invariants:
 * - Page text reaches the output only through md_line(), which escapes
 *   every character that CommonMark or GFM would read as markup at that
 *   place, so a page can never inject a link, an emphasis, a heading or
 *   raw HTML.  Only code blocks are copied verbatim, inside a fence
 *   longer than any backtick run they contain.
 * - Blocks are separated by one blank line, except the items of one list
 *   and the rows of one table; a quoted block has "> " before each line.
 * - A line break inside a block is a hard break (a backslash at the end
 *   of the line), so lines stay lines; leading white space is dropped
 *   from each line, since four spaces would start a code block.
 * - The result is valid UTF-8 and ends with one newline.
 */
#include "render/render.h"

#include <string.h>

#include "base/buf.h"
#include "extract/extract.h"
#include "base/str.h"
#include "base/utf8.h"

enum {
	/* CommonMark: a code fence is at least three backticks */
	MD_FENCE_MIN = 3,
	/* CommonMark: an ordered list marker has at most nine digits */
	MD_MARKER_DIGITS = 9,
	/* ATX headings go from # to ###### */
	MD_HEADING_MAX = 6,
	/* longer names are no entity reference (the longest HTML one is 31) */
	MD_ENTITY_MAX = 32,
};

/* Where a line of text goes; each place has its own markup to avoid. */
enum md_place {
	MD_BLOCK_LINE, /* starts a line of a paragraph, item or caption */
	MD_HEADING,    /* after "## ": a trailing # run would be eaten */
	MD_CELL,       /* a table cell: | ends the cell */
};

static bool is_blank(int c)
{
	return c == ' ' || c == '\t';
}

/* "&name;" or "&#123;": CommonMark would decode it. */
static bool entity_like(const char *s, size_t n)
{
	size_t i = 1;

	while (i < n && i <= MD_ENTITY_MAX &&
	       (ascii_is_alnum((unsigned char)s[i]) || s[i] == '#'))
		i++;
	return i > 1 && i < n && s[i] == ';';
}

/*
 * A line of only these characters could be a thematic break, a setext
 * underline, a table delimiter row or a code fence.
 */
static bool rule_like(const char *s, size_t n)
{
	bool mark = false;

	for (size_t i = 0; i < n; i++) {
		if (is_blank(s[i]))
			continue;
		if (!strchr("-_*=+:|~`", s[i]))
			return false;
		mark = true;
	}
	return mark;
}

/*
 * Where a line's start would open a block (heading, quote, list item),
 * the offset of the character to escape; n when there is none.
 */
static size_t block_start_escape(const char *s, size_t n)
{
	size_t i = 0;

	if (!n)
		return n;
	switch (s[0]) {
	case '>':
		return 0;
	case '#':
		while (i < n && s[i] == '#')
			i++;
		return i <= MD_HEADING_MAX && (i == n || is_blank(s[i])) ? 0 : n;
	case '-':
	case '+':
		return n == 1 || is_blank(s[1]) ? 0 : n;
	default:
		break;
	}
	while (i < n && i < MD_MARKER_DIGITS + 1 && ascii_is_digit((unsigned char)s[i]))
		i++;
	if (i == 0 || i > MD_MARKER_DIGITS || i == n)
		return n;
	if ((s[i] == '.' || s[i] == ')') && (i + 1 == n || is_blank(s[i + 1])))
		return i;
	return n;
}

/* Only '#', spaces and tabs from here on: a closing sequence. */
static bool closing_hashes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '#' && !is_blank(s[i]))
			return false;
	}
	return true;
}

static bool needs_escape(const char *s, size_t n, size_t i,
			 enum md_place place)
{
	switch (s[i]) {
	case '\\': case '`': case '*': case '[': case ']': case '<': case '~':
		return true;
	case '_':
		/* snake_case: an underscore between alphanumerics is literal */
		return !(i > 0 && ascii_is_alnum((unsigned char)s[i - 1]) &&
			 i + 1 < n && ascii_is_alnum((unsigned char)s[i + 1]));
	case '&':
		return entity_like(s + i, n - i);
	case '|':
		return place == MD_CELL;
	case '#':
		return place == MD_HEADING && (i == 0 || is_blank(s[i - 1])) &&
		       closing_hashes(s + i, n - i);
	default:
		return false;
	}
}

/* One line of text (no '\n'), trimmed, escaped for its place. */
static int md_line(struct buf *out, const char *s, size_t n,
		   enum md_place place)
{
	int rc = 0;

	while (n && is_blank(s[0])) {
		s++;
		n--;
	}
	while (n && is_blank(s[n - 1]))
		n--;
	bool rule = place == MD_BLOCK_LINE && rule_like(s, n);
	size_t at = place == MD_BLOCK_LINE ? block_start_escape(s, n) : n;
	for (size_t i = 0; i < n; i++) {
		bool esc = i == at || needs_escape(s, n, i, place) ||
			   (rule && !is_blank(s[i]));
		if (esc)
			rc |= buf_append_char(out, '\\');
		rc |= buf_append_char(out, s[i]);
	}
	return rc;
}

static bool blank_line(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!is_blank(s[i]))
			return false;
	}
	return true;
}

/*
 * Text whose lines are hard-broken; continuation lines are indented by
 * indent spaces so that they stay inside a list item.
 */
static int md_lines(struct buf *out, const char *s, size_t indent)
{
	bool first = true;
	int rc = 0;

	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t n = nl ? (size_t)(nl - s) : strlen(s);
		if (!blank_line(s, n)) {
			if (!first) {
				rc |= buf_append_str(out, "\\\n");
				for (size_t k = 0; k < indent; k++)
					rc |= buf_append_char(out, ' ');
			}
			rc |= md_line(out, s, n, MD_BLOCK_LINE);
			first = false;
		}
		s += nl ? n + 1 : n;
	}
	return rc;
}

/* Text on one line (headings, cells): line breaks become spaces. */
static int md_flat(struct buf *out, const char *s, enum md_place place)
{
	struct buf one;
	int rc;

	buf_init(&one, BUF_NO_MAX);
	rc = buf_append_str(&one, s);
	for (size_t i = 0; i < one.len; i++) {
		if (one.ptr[i] == '\n' || one.ptr[i] == '\r')
			one.ptr[i] = ' ';
	}
	rc |= md_line(out, one.ptr, one.len, place);
	buf_release(&one);
	return rc;
}

static int md_heading(struct buf *out, int level, const char *text)
{
	int rc = 0;

	if (level < 1)
		level = 1;
	if (level > MD_HEADING_MAX)
		level = MD_HEADING_MAX;
	for (int i = 0; i < level; i++)
		rc |= buf_append_char(out, '#');
	rc |= buf_append_char(out, ' ');
	return rc | md_flat(out, text, MD_HEADING);
}

static int md_code(struct buf *out, const char *text)
{
	size_t run = 0, longest = 0, len = strlen(text);
	int rc = 0;

	for (size_t i = 0; i < len; i++) {
		run = text[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	size_t fence = longest + 1 > MD_FENCE_MIN ? longest + 1 : MD_FENCE_MIN;
	for (size_t i = 0; i < fence; i++)
		rc |= buf_append_char(out, '`');
	rc |= buf_append_char(out, '\n');
	rc |= buf_append(out, text, len);
	if (len && text[len - 1] != '\n')
		rc |= buf_append_char(out, '\n');
	for (size_t i = 0; i < fence; i++)
		rc |= buf_append_char(out, '`');
	return rc;
}

static int md_item(struct buf *out, const struct body_block *b,
		   unsigned number)
{
	size_t mark = out->len;
	int rc;

	rc = b->ordered ? buf_printf(out, "%u. ", number)
			: buf_append_str(out, "- ");
	return rc | md_lines(out, b->text, out->len - mark);
}

static int md_row(struct buf *out, const struct body_block *b, size_t cols)
{
	int rc = buf_append_char(out, '|');

	for (size_t i = 0; i < cols; i++) {
		const char *cell = "";
		if (b->cell_count && i < b->cell_count)
			cell = b->cells[i] ? b->cells[i] : "";
		else if (!b->cell_count && i == 0)
			cell = b->text; /* a row without cells: its text */
		rc |= buf_append_char(out, ' ');
		rc |= md_flat(out, cell, MD_CELL);
		rc |= buf_append_str(out, " |");
	}
	return rc;
}

/*
 * Rows [from, to) as one GFM table.  GFM wants a header row, so the
 * first row is the header, <th> or not.
 */
static int md_table(struct buf *out, const struct body_block *v, size_t from,
		    size_t to)
{
	size_t cols = 1;
	int rc = 0;

	for (size_t k = from; k < to; k++) {
		if (v[k].cell_count > cols)
			cols = v[k].cell_count;
	}
	for (size_t k = from; k < to; k++) {
		if (k > from)
			rc |= buf_append_char(out, '\n');
		rc |= md_row(out, &v[k], cols);
		if (k == from) {
			rc |= buf_append_str(out, "\n|");
			for (size_t i = 0; i < cols; i++)
				rc |= buf_append_str(out, " --- |");
		}
	}
	return rc;
}

/* Appends md with "> " before each line (">" alone on empty ones). */
static int quote_lines(struct buf *out, const struct buf *md)
{
	const char *s = md->ptr, *end = md->ptr + md->len;
	int rc = 0;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		bool empty = nl == s;
		rc |= buf_append_str(out, empty ? ">" : "> ");
		rc |= buf_append(out, s, n);
		if (nl)
			rc |= buf_append_char(out, '\n');
		s += nl ? n + 1 : n;
	}
	return rc;
}

static bool same_list(const struct body_block *a, const struct body_block *b)
{
	return a->kind == BODY_ITEM && b->kind == BODY_ITEM &&
	       a->ordered == b->ordered && a->quoted == b->quoted;
}

/* One block (or a run of rows) as markdown, without separators. */
static int md_block(struct buf *md, const struct body_block *v, size_t count,
		    size_t *k, unsigned *number)
{
	const struct body_block *b = &v[*k];
	size_t end;
	int rc = 0;

	switch (b->kind) {
	case BODY_HEADING:
		return md_heading(md, b->level, b->text);
	case BODY_ITEM:
		*number = *k > 0 && same_list(&v[*k - 1], b) ? *number + 1 : 1;
		return md_item(md, b, *number);
	case BODY_CODE:
		return md_code(md, b->text);
	case BODY_ROW:
		end = *k + 1;
		while (end < count && v[end].kind == BODY_ROW &&
		       v[end].quoted == b->quoted)
			end++;
		rc = md_table(md, v, *k, end);
		*k = end - 1;
		return rc;
	case BODY_CAPTION:
		rc |= buf_append_char(md, '*');
		rc |= md_lines(md, b->text, 0);
		rc |= buf_append_char(md, '*');
		return rc;
	case BODY_PARAGRAPH:
	case BODY_QUOTE:
		break;
	}
	return md_lines(md, b->text, 0);
}

static int md_blocks(struct buf *out, const struct extraction *ex)
{
	const struct body_block *v = ex->blocks;
	struct buf md;
	unsigned number = 0;
	int rc = 0;

	buf_init(&md, BUF_NO_MAX);
	for (size_t k = 0; k < ex->block_count; k++) {
		size_t first = k;
		buf_reset(&md);
		rc |= md_block(&md, v, ex->block_count, &k, &number);
		if (!md.len)
			continue;
		if (out->len && first > 0) {
			const struct body_block *prev = &v[first - 1];
			if (same_list(prev, &v[first]))
				rc |= buf_append_char(out, '\n');
			else if (prev->quoted && v[first].quoted)
				rc |= buf_append_str(out, "\n>\n");
			else
				rc |= buf_append_str(out, "\n\n");
		}
		rc |= v[first].quoted ? quote_lines(out, &md)
				      : buf_append(out, md.ptr, md.len);
	}
	buf_release(&md);
	return rc;
}

/*
 * Plain text with blank lines between paragraphs (no block structure),
 * appended to out; paragraphs already there from start on count.
 */
static int md_paragraphs(struct buf *out, size_t start, const char *text)
{
	struct buf para;
	const char *s = text;
	int rc = 0;

	buf_init(&para, BUF_NO_MAX);
	while (*s) {
		const char *gap = strstr(s, "\n\n");
		size_t n = gap ? (size_t)(gap - s) : strlen(s);
		buf_reset(&para);
		rc |= buf_append(&para, s, n);
		size_t mark = out->len;
		if (out->len > start)
			rc |= buf_append_str(out, "\n\n");
		size_t before = out->len;
		rc |= md_lines(out, para.ptr, 0);
		if (out->len == before)
			buf_truncate(out, mark); /* only blank lines */
		s += gap ? n + 2 : n;
	}
	buf_release(&para);
	return rc;
}

int render_markdown(const struct record *rec, struct buf *out)
{
	const struct extraction *ex = rec->ex;
	struct buf md;
	int rc = 0;

	if (!ex)
		return 0;
	buf_init(&md, BUF_NO_MAX);
	if (ex->title)
		rc |= md_heading(&md, 1, ex->title);
	struct buf body;
	buf_init(&body, BUF_NO_MAX);
	if (ex->block_count)
		rc |= md_blocks(&body, ex);
	else if (ex->body)
		rc |= md_paragraphs(&body, 0, ex->body);
	if (body.len) {
		if (md.len)
			rc |= buf_append_str(&md, "\n\n");
		rc |= buf_append(&md, body.ptr, body.len);
	}
	buf_release(&body);
	if (ex->disclaimer) {
		if (md.len)
			rc |= buf_append_str(&md, "\n\n");
		rc |= buf_append_str(&md, "---\n\n");
		rc |= md_paragraphs(&md, md.len, ex->disclaimer);
	}
	if (md.len)
		rc |= buf_append_char(&md, '\n');
	if (!rc)
		rc = utf8_repair(out, md.ptr, md.len);
	buf_release(&md);
	return rc ? -1 : 0;
}
