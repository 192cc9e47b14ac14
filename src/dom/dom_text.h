/*
 * dom_text.h - a subtree's visible text as a sequence of blocks.
 *
 * Block-level elements and <br> separate text; inline elements do not.
 * This is what keeps "Comments" and "No comment" apart when a widget puts
 * them in two divs.  Each block remembers the element that holds it and
 * how much of its text is link text, so heuristics can judge blocks
 * without looking at markup again.
 *
 * Text is whitespace-collapsed, except inside <pre>, where it is kept.
 */
#ifndef EXTRACT_DOM_TEXT_H
#define EXTRACT_DOM_TEXT_H

#include <stdint.h>

#include "base/buf.h"
#include "dom/dom.h"

enum block_kind {
	BLOCK_PARA,
	BLOCK_HEADING,
	BLOCK_ITEM,    /* a list item, dt or dd */
	BLOCK_PRE,
	BLOCK_QUOTE,
	BLOCK_ROW,     /* a table row; cells separated by " | " */
	BLOCK_CAPTION, /* figcaption or table caption */
};

struct block {
	uint32_t node;       /* the block-level element holding the text */
	uint32_t first;      /* the text node the block starts with */
	uint32_t start;      /* byte offset in blocks.text */
	uint32_t len;        /* bytes */
	uint32_t chars;      /* code points that are not whitespace */
	uint32_t link_chars; /* of which inside <a> */
	uint8_t kind;        /* enum block_kind */
	uint8_t level;       /* heading level 1-6, else 0 */
};

struct blocks {
	struct block *v;
	uint32_t count;
	uint32_t cap;
	struct buf text;     /* every block's text, NUL-separated */
};

void blocks_init(struct blocks *b);
void blocks_release(struct blocks *b);

/*
 * Appends the blocks of the subtree at root.  Nodes whose skip[] entry is
 * non-zero are left out with their subtrees (skip may be NULL).
 */
void blocks_build(const struct dom *d, uint32_t root, const uint8_t *skip,
		  struct blocks *out);

static inline const char *block_text(const struct blocks *b, uint32_t i)
{
	return b->text.ptr + b->v[i].start;
}

/* True for elements that start a new block of text. */
bool dom_is_block_tag(enum dom_tag tag);

#endif
