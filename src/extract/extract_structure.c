/*
 * extract_structure.c - the kept body blocks as typed blocks (headings
 * with their level, list items, code, quotations, table rows with their
 * cells, captions), for renderers that show structure, such as markdown.
 *
 * Only reads the DOM around each block's element: it never changes what
 * the body says.
 */
#include "extract/heuristics.h"

#include "base/arena.h"
#include "base/buf.h"

enum {
	CELL_MAX_BYTES = 1024 * 1024,
};

/* The text of one table cell, its blocks joined by spaces. */
static const char *cell_text(struct page_ctx *c, uint32_t cell)
{
	struct blocks b;
	struct buf all;

	blocks_init(&b);
	buf_init(&all, CELL_MAX_BYTES);
	blocks_build(c->d, cell, c->hidden, &b);
	for (uint32_t k = 0; k < b.count; k++) {
		if (k)
			(void)buf_append_char(&all, ' ');
		(void)buf_append(&all, block_text(&b, k), b.v[k].len);
	}
	const char *t = text_clean(c->a, all.ptr, all.len);
	buf_release(&all);
	blocks_release(&b);
	return t;
}

static void export_row(struct page_ctx *c, uint32_t tr, struct body_block *out)
{
	const struct dom *d = c->d;
	size_t n = 0;

	for (uint32_t k = dom_first_child(d, tr); k != DOM_NONE;
	     k = d->nodes[k].next_sibling)
		n += d->nodes[k].tag == DOM_TAG_TD || d->nodes[k].tag == DOM_TAG_TH;
	const char **cells = arena_alloc(c->a, sizeof(*cells) * (n ? n : 1));
	size_t i = 0;
	bool all_th = n > 0;
	for (uint32_t k = dom_first_child(d, tr); k != DOM_NONE;
	     k = d->nodes[k].next_sibling) {
		enum dom_tag t = (enum dom_tag)d->nodes[k].tag;
		if (t != DOM_TAG_TD && t != DOM_TAG_TH)
			continue;
		all_th &= t == DOM_TAG_TH;
		cells[i++] = c->hidden[k] ? "" : cell_text(c, k);
	}
	out->cells = cells;
	out->cell_count = n;
	out->header = all_th;
}

/* A paragraph inside a list item or a quotation takes on its role. */
static void mark_context(const struct page_ctx *c, uint32_t node,
			 struct body_block *o)
{
	const struct dom *d = c->d;

	for (uint32_t p = node; p != DOM_NONE && p > c->body;
	     p = d->nodes[p].parent) {
		enum dom_tag t = (enum dom_tag)d->nodes[p].tag;
		if (t == DOM_TAG_BLOCKQUOTE)
			o->quoted = true;
		if (t == DOM_TAG_LI && o->kind == BODY_PARAGRAPH && p != node) {
			uint32_t list = d->nodes[p].parent;
			o->kind = BODY_ITEM;
			o->ordered = list != DOM_NONE &&
				     d->nodes[list].tag == DOM_TAG_OL;
		}
		if (t == DOM_TAG_PRE)
			o->kind = BODY_CODE;
	}
	if (o->kind == BODY_QUOTE) {
		o->kind = BODY_PARAGRAPH;
		o->quoted = true;
	}
}

/* The kept blocks with their structure, for the markdown renderer. */
void structure_export(struct page_ctx *c, const struct blocks *kept,
		      struct extraction *out)
{
	const struct dom *d = c->d;
	struct body_block *v = arena_calloc(c->a, kept->count ? kept->count : 1,
					    sizeof(*v));

	for (uint32_t k = 0; k < kept->count; k++) {
		const struct block *bl = &kept->v[k];
		struct body_block *o = &v[k];
		o->text = arena_strndup(c->a, block_text(kept, k), bl->len);
		o->level = bl->level;
		switch ((enum block_kind)bl->kind) {
		case BLOCK_HEADING:
			o->kind = BODY_HEADING;
			break;
		case BLOCK_ITEM: {
			uint32_t list = d->nodes[bl->node].parent;
			o->kind = BODY_ITEM;
			o->ordered = list != DOM_NONE &&
				     d->nodes[list].tag == DOM_TAG_OL;
			break;
		}
		case BLOCK_PRE:
			o->kind = BODY_CODE;
			break;
		case BLOCK_QUOTE:
			o->kind = BODY_QUOTE;
			break;
		case BLOCK_ROW:
			o->kind = BODY_ROW;
			if (d->nodes[bl->node].tag == DOM_TAG_TR)
				export_row(c, bl->node, o);
			break;
		case BLOCK_CAPTION:
			o->kind = BODY_CAPTION;
			break;
		default:
			o->kind = BODY_PARAGRAPH;
			break;
		}
		mark_context(c, bl->node, o);
	}
	out->blocks = v;
	out->block_count = kept->count;
}
