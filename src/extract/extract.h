/*
 * extract.h - what extract finds in one parsed page.
 *
 * extract_page() is a pure function of the DOM and the transport facts
 * (status, URL): no I/O, no global state.  Each field is filled by one
 * heuristic file (extract_title.c, extract_body.c, extract_legal.c,
 * extract_errpage.c, extract_meta.c); extract.c runs them in order.
 *
 * All strings are UTF-8 without NUL, allocated in the document arena
 * given to extract_page() and valid until arena_release(); NULL means
 * unknown.
 */
#ifndef EXTRACT_EXTRACT_H
#define EXTRACT_EXTRACT_H

#include <stdbool.h>
#include <stddef.h>

struct arena;
struct dom;

enum page_error_kind {
	PAGE_OK = 0,
	PAGE_NOT_FOUND,
	PAGE_GONE,
	PAGE_FORBIDDEN,
	PAGE_UNAUTHORIZED,
	PAGE_BLOCKED,
	PAGE_CHALLENGE,
	PAGE_LOGIN_WALL,
	PAGE_RATE_LIMITED,
	PAGE_SERVER_ERROR,
	PAGE_UNAVAILABLE,
	PAGE_BAD_REQUEST,
	PAGE_OTHER_ERROR,
};

struct page_error {
	enum page_error_kind kind;
	long status;          /* the HTTP status, 0 if none */
	bool soft;            /* an error page served with a success status */
	const char *evidence; /* what decided, for a person to audit */
};

struct page_facts {
	long status;             /* HTTP status, 0 for local input */
	const char *url;         /* final URL or --base-url; may be NULL */
	long long now;           /* Unix time after which no date can be;
				    0 for the clock's */
	/* what the caller asks of the extraction */
	bool explain;            /* fill extraction.explain */
	const char *without_rules; /* block rules turned off, comma-separated
				      (verdict.h; for measuring them) */
};

/* One paragraph-like unit of the body, for renderers that show structure. */
enum body_block_kind {
	BODY_PARAGRAPH,
	BODY_HEADING,  /* level 1-6 */
	BODY_ITEM,     /* a list item; ordered tells the list's kind */
	BODY_CODE,     /* preformatted: white space is the content */
	BODY_QUOTE,
	BODY_ROW,      /* a table row; header tells a <th> row */
	BODY_CAPTION,
};

struct body_block {
	enum body_block_kind kind;
	int level;           /* headings: 1-6 */
	bool ordered;        /* items of an <ol> */
	bool header;         /* rows made of <th> cells */
	bool quoted;         /* inside a block quotation */
	const char *text;    /* the block's text as in body */
	const char *const *cells; /* rows: cell_count cell texts */
	size_t cell_count;
};

/* A link or an image of the main content, resolved against the base URL. */
struct page_link {
	const char *url;
	const char *text;    /* the link's text or the image's alt; may be "" */
};

/* Why a block of the page is in the body or not (--explain). */
struct explain_line {
	const char *text;    /* the block's first words */
	const char *verdict; /* "body", "disclaimer", "comment", "dropped" */
	const char *rule;    /* the rule or stage that decided */
};

struct extraction {
	const char *title;
	const char *body;
	const struct body_block *blocks; /* body as block_count blocks */
	size_t block_count;
	const char *disclaimer;
	struct page_error error;
	const char *language;
	const char **authors;    /* author_count names */
	size_t author_count;
	const char *date_published; /* ISO 8601 */
	const char *date_modified;
	const char *site_name;
	const char *description;
	const char *canonical_url;
	const char *image;
	const struct page_link *links;  /* link_count, in page order */
	size_t link_count;
	const struct page_link *images; /* image_count, in page order */
	size_t image_count;
	const struct explain_line *explain; /* explain_count, page order;
					       with facts.explain only */
	size_t explain_count;
};

void extract_page(struct arena *a, const struct dom *d,
		  const struct page_facts *facts, struct extraction *out);

const char *page_error_kind_name(enum page_error_kind kind);

#endif
