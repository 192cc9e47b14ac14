/*
 * dom.h - a parsed page as a flat, read-only array of nodes.
 *
 * dom_parse() runs gumbo behind the guards measured in the reliability
 * notes (max_errors = 0, a linear pre-scan that truncates absurd nesting
 * and attribute floods, overflowing numeric references rewritten, the
 * parse on a thread of its own), then copies the tree into an arena in
 * pre-order and drops gumbo's memory whole.
 *
 * The array is in document order; node 0 is the document.  A subtree is
 * the range [i, nodes[i].end), so walks are loops and never recurse, and
 * heuristics keep their per-node results in side arrays indexed by node.
 * Every string is valid UTF-8 without NUL bytes.
 *
 * This interface hides gumbo entirely: dom.c is its only includer.
 */
#ifndef EXTRACT_DOM_H
#define EXTRACT_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/str.h"

struct arena;

#define DOM_NONE UINT32_MAX

/* The elements extraction cares about; the rest are DOM_TAG_OTHER. */
#define DOM_TAGS(X)                                                            \
	X(HTML) X(HEAD) X(TITLE) X(BASE) X(LINK) X(META) X(STYLE) X(SCRIPT)    \
	X(NOSCRIPT) X(TEMPLATE) X(BODY) X(ARTICLE) X(SECTION) X(NAV) X(ASIDE)  \
	X(H1) X(H2) X(H3) X(H4) X(H5) X(H6) X(HGROUP) X(HEADER) X(FOOTER)      \
	X(ADDRESS) X(P) X(HR) X(PRE) X(BLOCKQUOTE) X(OL) X(UL) X(LI) X(DL)     \
	X(DT) X(DD) X(FIGURE) X(FIGCAPTION) X(MAIN) X(DIV) X(A) X(EM)          \
	X(STRONG) X(SMALL) X(S) X(CITE) X(Q) X(TIME) X(CODE) X(SUB) X(SUP)     \
	X(I) X(B) X(U) X(MARK) X(SPAN) X(BR) X(WBR) X(INS) X(DEL) X(IMG)       \
	X(IFRAME) X(EMBED) X(OBJECT) X(PARAM) X(VIDEO) X(AUDIO) X(SOURCE)      \
	X(TRACK) X(CANVAS) X(MAP) X(AREA) X(MATH) X(SVG) X(TABLE) X(CAPTION)   \
	X(COLGROUP) X(COL) X(TBODY) X(THEAD) X(TFOOT) X(TR) X(TD) X(TH)        \
	X(FORM) X(FIELDSET) X(LEGEND) X(LABEL) X(INPUT) X(BUTTON) X(SELECT)    \
	X(DATALIST) X(OPTGROUP) X(OPTION) X(TEXTAREA) X(OUTPUT) X(PROGRESS)    \
	X(METER) X(DETAILS) X(SUMMARY) X(MENU) X(MENUITEM) X(APPLET)          \
	X(CENTER) X(FONT) X(FRAME) X(FRAMESET) X(NOFRAMES) X(MARQUEE) X(TT)   \
	X(BIG) X(STRIKE) X(DIR) X(XMP) X(LISTING) X(PLAINTEXT)      \
	X(NOBR) X(ABBR) X(VAR) X(KBD) X(SAMP) X(DFN) X(BDI) X(BDO) X(RUBY)     \
	X(RT) X(RP) X(DATA)

enum dom_tag {
	DOM_TAG_NONE = 0, /* not an element */
#define DOM_TAG_ENUM(name) DOM_TAG_##name,
	DOM_TAGS(DOM_TAG_ENUM)
#undef DOM_TAG_ENUM
	DOM_TAG_OTHER,    /* an element with another name, see node.name */
	DOM_TAG_COUNT
};

enum dom_type {
	DOM_DOCUMENT,
	DOM_ELEMENT,
	DOM_TEXT,       /* text and CDATA */
	DOM_WHITESPACE, /* a text node of only ASCII whitespace */
};

struct dom_attr {
	struct str name;  /* lower case */
	struct str value;
};

struct dom_node {
	uint32_t parent;       /* DOM_NONE for the document */
	uint32_t next_sibling; /* DOM_NONE for the last child */
	uint32_t end;          /* one past the last node of the subtree */
	uint32_t attr_first;   /* index into dom.attrs */
	uint32_t attr_count;
	uint16_t depth;        /* saturates at UINT16_MAX */
	uint8_t type;          /* enum dom_type */
	uint8_t tag;           /* enum dom_tag */
	struct str name;       /* element name, lower case; text: empty */
	struct str text;       /* text nodes: the text; elements: empty */
};

struct dom {
	struct dom_node *nodes;
	uint32_t count;
	struct dom_attr *attrs;
	uint32_t attr_count;
	bool truncated;        /* the pre-scan cut the input at a limit */
	const char *truncation; /* why, for diagnostics; NULL if not */
};

struct dom_limits {
	uint32_t max_depth;      /* naive nesting depth of the pre-scan */
	uint32_t max_attributes; /* attributes on one tag */
	uint32_t max_tags;       /* start tags in the document */
};

void dom_limits_defaults(struct dom_limits *l);

/*
 * Parses UTF-8 html.  Returns 0, or -1 when the parse could not run (no
 * thread could be started); a page past a limit is truncated, not
 * refused (dom->truncated).  Everything is in a; html may be freed after.
 */
int dom_parse(struct arena *a, const char *html, size_t len,
	      const struct dom_limits *limits, struct dom *out);

/* The value of attribute name (lower case) on node i, or STR_NULL. */
struct str dom_attr(const struct dom *d, uint32_t i, const char *name);
bool dom_has_attr(const struct dom *d, uint32_t i, const char *name);
const char *dom_tag_name(enum dom_tag tag);

static inline bool dom_is(const struct dom *d, uint32_t i, enum dom_tag t)
{
	return d->nodes[i].tag == t;
}

static inline uint32_t dom_first_child(const struct dom *d, uint32_t i)
{
	return i + 1 < d->nodes[i].end ? i + 1 : DOM_NONE;
}

/* Whether node lies in the subtree of anc (anc itself included). */
static inline bool dom_contains(const struct dom *d, uint32_t anc,
				uint32_t node)
{
	return node >= anc && node < d->nodes[anc].end;
}

/* Elements of one tag and one class attribute (or both without one). */
bool dom_same_kind(const struct dom *d, uint32_t a, uint32_t b);

/* Whether the element stands among siblings of its own tag and class. */
bool dom_has_twin(const struct dom *d, uint32_t el);

/* The first element of a given tag in pre-order, or DOM_NONE. */
uint32_t dom_find(const struct dom *d, uint32_t from, enum dom_tag tag);

#endif
