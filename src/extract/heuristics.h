/*
 * heuristics.h - the per-page context shared by the extract_*.c files.
 *
 * extract.c computes the side tables once (per-node text and link
 * counts, boilerplate marks, metadata), then each heuristic reads them.
 * Side tables are arrays indexed by node, allocated in the page's arena.
 */
#ifndef EXTRACT_HEURISTICS_H
#define EXTRACT_HEURISTICS_H

#include <stdbool.h>
#include <stdint.h>

#include "dom/dom.h"
#include "dom/dom_text.h"
#include "extract/extract.h"

struct arena;

/* The number of entries of a word table. */
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Metadata the page declares about itself (meta tags, JSON-LD). */
struct page_meta {
	const char *og_title;
	const char *twitter_title;
	const char *dc_title;
	const char *ld_headline;
	const char *title_tag;
	const char *site_name;
	const char *description;
	const char *language;
	const char *canonical;
	const char *image;
	const char *published;
	const char *modified;
	const char *authors[8];
	bool author_org[8];     /* the author is an organisation */
	size_t author_count;
	bool ld_authors;        /* a JSON-LD article gave its authors */
	bool ld_dated;          /* a JSON-LD article gave its dates */
	int byline_label;       /* twitter:labelN said "Written by": N */
	long long now;          /* no date may be later (Unix time) */
	const char *ld_body;    /* JSON-LD articleBody, if any */
	const char *ld_type;    /* the first JSON-LD @type seen */
};

struct page_ctx {
	struct arena *a;
	const struct dom *d;
	const struct page_facts *facts;
	uint32_t body;          /* the <body> element, or 0 */
	uint32_t *text_chars;   /* non-space code points in each subtree */
	uint32_t *link_chars;   /* of which inside links */
	uint8_t *hidden;        /* never rendered: scripts, hidden, templates */
	uint8_t *boiler;        /* navigation, ads, widgets, comments ... */
	uint8_t *hidden_noscript; /* hidden as a browser without scripts sees it */
	uint8_t *hidden_closed; /* hidden even with every panel a reader can
				   open opened (accordions, tabs, folds) */
	const char *title;      /* once title_pick() has run */
	bool gathered;          /* the text is spread over the page and was
				   gathered whole, not one part of it picked */
	bool relaxed;           /* the fallback pass: no boilerplate marks, no
				   link-density discount */
	struct page_meta meta;
	uint8_t *legal;         /* first text node of each disclaimer block,
				   once legal_find() has run */
	uint8_t *content;       /* nodes of the chosen main-content subtrees,
				   once body_blocks() has run */
};

/* extract_marks.c: hidden, boiler, text_chars, link_chars, body */
void marks_compute(struct page_ctx *c);

/* extract_structure.c: out->blocks from the kept blocks */
void structure_export(struct page_ctx *c, const struct blocks *kept,
		      struct extraction *out);

/* extract_meta.c */
void meta_collect(struct page_ctx *c);
/*
 * After body_blocks(): dates made ISO 8601 (or dropped), authors
 * cleaned, and what metadata lacked taken from the page's visible
 * bylines and dates.
 */
void meta_finish(struct page_ctx *c);
/* The declared language unless the text's script contradicts it. */
const char *meta_language(struct page_ctx *c, const char *declared,
			  const char *text);

/* extract_author.c */
/* Adds the names in raw ("By A and B"), cleaned; org for organisations. */
void author_add(struct page_ctx *c, const char *raw, bool org);
/* Organisations (and the site's own name) step aside for people. */
void author_settle(struct page_ctx *c);
bool author_only_orgs(const struct page_meta *m);
/* The same letters and digits, ignoring case, spaces and punctuation. */
bool author_same(const char *a, const char *b);
/* Capitalised words and name particles only ("Jane van Doe"). */
bool author_looks_like_name(const char *s);

/* extract_byline.c */
/* Authors and date from the page's visible byline, where metadata has none. */
void byline_from_page(struct page_ctx *c);

/* extract_date.c */
struct date_value {
	long long epoch;  /* seconds since 1970 (UTC if the zone is known) */
	char iso[32];     /* ISO 8601: a day, or a day and time */
};
bool date_parse(const char *s, size_t len, struct date_value *out);
/* 1-12 for a month's name ("Nov", "März", "décembre"), else 0. */
int date_month_name(const char *p, size_t len);
/* s as ISO 8601 in the arena, or NULL if no date or later than now. */
const char *date_normalize(struct arena *a, const char *s, long long now);

/* extract_title.c */
const char *title_pick(struct page_ctx *c);

/*
 * extract_body.c: the main content as blocks, in page order.  Returns
 * the view it was found with: c itself, or (when only a second pass
 * without boilerplate marks found text) a copy of c made for that pass;
 * either way with its content mask set.  Later stages read that view.
 */
uint32_t body_find_root(const struct page_ctx *c, uint8_t *selected,
			bool *spread);
struct page_ctx *body_blocks(struct page_ctx *c, struct blocks *out);

/*
 * extract_links.c: the links and images of the main content (content
 * holds every candidate block, kept those that made the body).
 */
void links_collect(struct page_ctx *c, const struct blocks *content,
		   const struct blocks *kept, struct extraction *out);

/*
 * extract_legal.c: the page's disclaimers (in and out of the main
 * content), in page order, or NULL; marks their blocks for
 * legal_is_disclaimer(), which keeps them out of the body.
 */
const char *legal_find(struct page_ctx *c, const struct blocks *content);
bool legal_is_disclaimer(const struct page_ctx *c, const struct block *bl);

/* extract_ldtext.c: the JSON-LD articleBody as a witness */
struct ld_text;
struct ld_text *ld_text_new(struct arena *a, const char *body);
size_t ld_text_words(const struct ld_text *t);
float ld_text_overlap(const struct ld_text *t, const char *s, size_t len);

/* extract_lines.c: page chrome lines inside the content */
bool line_is_dateline(const char *s, size_t len);
bool line_is_byline(const char *s, size_t len);
bool line_is_teaser(const char *s, size_t len);
bool line_is_promo(const char *s, size_t len);
bool line_is_credit(const char *s, size_t len);
bool line_is_chrome(const char *s, size_t len);
bool line_is_comment_notice(const char *s, size_t len);
bool line_is_post_meta(const char *s, size_t len);

/* extract_errpage.c */
void errpage_classify(struct page_ctx *c, const char *title,
		      const struct blocks *body, struct page_error *out);


/* A copy of s with white space collapsed and trimmed, in the arena. */
char *text_clean(struct arena *a, const char *s, size_t len);

#endif
