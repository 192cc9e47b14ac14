/*
 * render.h - one input's outcome as text or as a JSON object.
 *
 * Renderers see only the record (transport facts and the extraction),
 * never the DOM.  JSON output is one object on one line ending in "\n",
 * always valid UTF-8, with every key of schema_version 1 present.
 */
#ifndef EXTRACT_RENDER_H
#define EXTRACT_RENDER_H

#include <stdbool.h>

struct buf;
struct extraction;
struct response;

enum output_format {
	FORMAT_TEXT,
	FORMAT_JSON,
	FORMAT_MARKDOWN,
};

struct record {
	const struct response *resp;
	const struct extraction *ex; /* NULL when no page was extracted */
	const char *charset;         /* WHATWG name, NULL if not decoded */
	const char *url;             /* the page's URL (base URL for files) */
	long index;                  /* position in a list; -1 for one input */
	bool truncated;              /* the page was cut at a size limit */
	/* optional JSON fields, each present only when asked for */
	bool with_markdown;          /* "markdown": the body as CommonMark */
	bool with_links;             /* "links": [{"url", "text"}] */
	bool with_images;            /* "images": [{"url", "alt"}] */
	bool explain;                /* "explain": [{"text", "verdict", "rule"}];
					in text, the explanation alone */
};

int render_json(const struct record *rec, struct buf *out);
int render_text(const struct record *rec, struct buf *out);
/*
 * CommonMark (with GFM tables): "# title", the body's blocks, and the
 * disclaimer after a thematic break.  Text is escaped so that it never
 * turns into markup.  Appends nothing when no page was extracted.
 */
int render_markdown(const struct record *rec, struct buf *out);

#endif
