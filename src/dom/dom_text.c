/*
 * dom_text.c - text assembly over the flat DOM.
 *
 * One forward pass over [root, end).  A stack of open elements tells
 * when the walk leaves one (its subtree range ends), which is when a
 * block closes or a link ends.  Whitespace is collapsed as a browser
 * renders it: runs of white space (including NBSP and other Unicode
 * spaces) become one space, and none is kept at a block's edges.
 */
#include "dom/dom_text.h"

#include <stdlib.h>

#include "base/msg.h"
#include "base/utf8.h"

void blocks_init(struct blocks *b)
{
	b->v = NULL;
	b->count = 0;
	b->cap = 0;
	buf_init(&b->text, BUF_NO_MAX);
}

void blocks_release(struct blocks *b)
{
	free(b->v);
	buf_release(&b->text);
	blocks_init(b);
}

bool dom_is_block_tag(enum dom_tag tag)
{
	switch (tag) {
	case DOM_TAG_ADDRESS: case DOM_TAG_ARTICLE: case DOM_TAG_ASIDE:
	case DOM_TAG_BLOCKQUOTE: case DOM_TAG_BODY: case DOM_TAG_CENTER:
	case DOM_TAG_DD: case DOM_TAG_DETAILS: case DOM_TAG_DIR:
	case DOM_TAG_DIV: case DOM_TAG_DL: case DOM_TAG_DT:
	case DOM_TAG_FIELDSET: case DOM_TAG_FIGCAPTION: case DOM_TAG_FIGURE:
	case DOM_TAG_FOOTER: case DOM_TAG_FORM: case DOM_TAG_H1:
	case DOM_TAG_H2: case DOM_TAG_H3: case DOM_TAG_H4: case DOM_TAG_H5:
	case DOM_TAG_H6: case DOM_TAG_HEADER: case DOM_TAG_HGROUP:
	case DOM_TAG_HR: case DOM_TAG_LI: case DOM_TAG_LISTING:
	case DOM_TAG_MAIN: case DOM_TAG_MENU: case DOM_TAG_NAV:
	case DOM_TAG_OL: case DOM_TAG_P: case DOM_TAG_PLAINTEXT:
	case DOM_TAG_PRE: case DOM_TAG_SECTION: case DOM_TAG_SUMMARY:
	case DOM_TAG_TABLE: case DOM_TAG_TBODY: case DOM_TAG_THEAD:
	case DOM_TAG_TFOOT: case DOM_TAG_TR: case DOM_TAG_CAPTION:
	case DOM_TAG_UL: case DOM_TAG_XMP: case DOM_TAG_LEGEND:
	case DOM_TAG_OPTION: case DOM_TAG_HTML: case DOM_TAG_FRAMESET:
	case DOM_TAG_NOFRAMES:
		return true;
	default:
		return false;
	}
}

struct open_el {
	uint32_t node;
	uint32_t end;
};

struct builder {
	const struct dom *d;
	struct blocks *out;
	struct open_el *stack;
	size_t depth;
	size_t cap;
	uint32_t holder;     /* block element for the text being gathered */
	uint32_t first;      /* first text node of the current block */
	uint32_t start;      /* offset of the current block's text */
	uint32_t chars;
	uint32_t link_chars;
	uint32_t in_link;    /* open <a> elements */
	uint32_t in_pre;
	bool pending_space;
	bool row_has_cell;
	bool link_closed;    /* nothing written since the last </a> */
};


static enum block_kind kind_of(const struct dom *d, uint32_t node, uint8_t *level)
{
	enum dom_tag t = (enum dom_tag)d->nodes[node].tag;

	*level = 0;
	switch (t) {
	case DOM_TAG_H1: case DOM_TAG_H2: case DOM_TAG_H3:
	case DOM_TAG_H4: case DOM_TAG_H5: case DOM_TAG_H6:
		*level = (uint8_t)(t - DOM_TAG_H1 + 1);
		return BLOCK_HEADING;
	case DOM_TAG_LI: case DOM_TAG_DT: case DOM_TAG_DD:
		return BLOCK_ITEM;
	case DOM_TAG_PRE: case DOM_TAG_LISTING: case DOM_TAG_XMP:
	case DOM_TAG_PLAINTEXT:
		return BLOCK_PRE;
	case DOM_TAG_BLOCKQUOTE:
		return BLOCK_QUOTE;
	case DOM_TAG_TR:
		return BLOCK_ROW;
	case DOM_TAG_FIGCAPTION: case DOM_TAG_CAPTION:
		return BLOCK_CAPTION;
	default:
		return BLOCK_PARA;
	}
}

/* Ends the current block, if it has any text. */
static void flush(struct builder *b)
{
	struct blocks *out = b->out;
	struct buf *t = &out->text;

	/* drop trailing white space */
	while (t->len > b->start &&
	       (t->ptr[t->len - 1] == ' ' || t->ptr[t->len - 1] == '\n'))
		t->len--;
	if (b->chars && t->len > b->start) {
		if (out->count == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->v = xrealloc(out->v, sizeof(*out->v) * out->cap);
		}
		struct block *bl = &out->v[out->count++];
		bl->node = b->holder;
		bl->first = b->first;
		bl->start = b->start;
		bl->len = (uint32_t)(t->len - b->start);
		bl->chars = b->chars;
		bl->link_chars = b->link_chars;
		bl->kind = (uint8_t)kind_of(b->d, b->holder, &bl->level);
		/* kept NUL-separated so block_text() is a C string */
		if (buf_append_char(t, '\0'))
			die_oom();
	} else {
		buf_truncate(t, b->start);
	}
	b->start = (uint32_t)t->len;
	b->chars = 0;
	b->link_chars = 0;
	b->pending_space = false;
	b->row_has_cell = false;
}

static void put(struct builder *b, const char *s, size_t n)
{
	if (buf_append(&b->out->text, s, n))
		die_oom();
}

/* Appends text with white space collapsed (or kept inside <pre>). */
static void add_text(struct builder *b, uint32_t node, struct str s)
{
	size_t i = 0;

	while (i < s.len) {
		unsigned char c = (unsigned char)s.ptr[i];
		uint32_t cp = c;
		size_t n = 1;
		if (c >= 0x80)
			n = utf8_decode(s.ptr + i, s.len - i, &cp);
		if (utf8_is_space(cp)) {
			if (b->in_pre) {
				put(b, c == '\r' ? "\n" : (c == '\n' || c == '\t')
						? s.ptr + i : " ", 1);
			} else {
				b->pending_space = true;
			}
			i += n;
			continue;
		}
		if (b->pending_space && b->out->text.len > b->start)
			put(b, " ", 1);
		b->pending_space = false;
		b->link_closed = false;
		/* with the ASCII non-space bytes after it: one copy */
		size_t run = n;
		while (i + run < s.len &&
		       (unsigned char)s.ptr[i + run] < 0x80 &&
		       !utf8_is_space((unsigned char)s.ptr[i + run]))
			run++;
		put(b, s.ptr + i, run);
		if (!b->chars)
			b->first = node;
		b->chars += (uint32_t)(run - n + 1);
		if (b->in_link)
			b->link_chars += (uint32_t)(run - n + 1);
		i += run;
	}
}

static void line_break(struct builder *b)
{
	struct buf *t = &b->out->text;

	while (t->len > b->start && t->ptr[t->len - 1] == ' ')
		t->len--;
	if (t->len > b->start && t->ptr[t->len - 1] != '\n')
		put(b, "\n", 1);
	b->pending_space = false;
}

static void leave(struct builder *b, uint32_t node)
{
	enum dom_tag t = (enum dom_tag)b->d->nodes[node].tag;

	if (t == DOM_TAG_A && b->in_link) {
		b->in_link--;
		b->link_closed = true;
	}
	if (t == DOM_TAG_PRE && b->in_pre)
		b->in_pre--;
	if (dom_is_block_tag(t)) {
		flush(b);
		/* text after this element belongs to the enclosing block */
		for (size_t k = b->depth; k-- > 0;) {
			enum dom_tag up = (enum dom_tag)b->d->nodes[b->stack[k].node].tag;
			if (dom_is_block_tag(up) || up == DOM_TAG_TD || up == DOM_TAG_TH) {
				b->holder = b->stack[k].node;
				break;
			}
		}
	}
}

static void enter(struct builder *b, uint32_t i)
{
	const struct dom_node *n = &b->d->nodes[i];
	enum dom_tag t = (enum dom_tag)n->tag;

	if (t == DOM_TAG_BR) {
		line_break(b);
		return;
	}
	if (t == DOM_TAG_A) {
		/*
		 * Links set side by side are laid out as separate items
		 * ("Read more" "Share"); no word runs across two links.
		 */
		if (b->link_closed)
			b->pending_space = true;
		b->in_link++;
	}
	if (t == DOM_TAG_PRE)
		b->in_pre++;
	if (t == DOM_TAG_TD || t == DOM_TAG_TH) {
		if (b->row_has_cell && b->out->text.len > b->start) {
			put(b, " | ", 3);
			b->pending_space = false;
		}
		b->row_has_cell = true;
	}
	if (t == DOM_TAG_IMG) {
		/* an image separates words as a browser lays it out */
		b->pending_space = true;
	}
	if (dom_is_block_tag(t)) {
		flush(b);
		b->holder = i;
	}
}

void blocks_build(const struct dom *d, uint32_t root, const uint8_t *skip,
		  struct blocks *out)
{
	struct builder b = {.d = d, .out = out, .holder = root,
			    .start = (uint32_t)out->text.len};
	uint32_t end = d->nodes[root].end;

	b.cap = 64;
	b.stack = xmalloc(sizeof(*b.stack) * b.cap);
	for (uint32_t i = root; i < end;) {
		while (b.depth && b.stack[b.depth - 1].end <= i) {
			b.depth--;
			leave(&b, b.stack[b.depth].node);
		}
		const struct dom_node *n = &d->nodes[i];
		if (skip && skip[i]) {
			i = n->end;
			continue;
		}
		if (n->type == DOM_TEXT || n->type == DOM_WHITESPACE) {
			add_text(&b, i, n->text);
			i++;
			continue;
		}
		if (n->type == DOM_ELEMENT) {
			enter(&b, i);
			if (n->end > i + 1) {
				if (b.depth == b.cap) {
					b.cap *= 2;
					b.stack = xrealloc(b.stack, sizeof(*b.stack) * b.cap);
				}
				b.stack[b.depth++] = (struct open_el){i, n->end};
			} else {
				leave(&b, i);
			}
		}
		i++;
	}
	while (b.depth) {
		b.depth--;
		leave(&b, b.stack[b.depth].node);
	}
	flush(&b);
	free(b.stack);
}
