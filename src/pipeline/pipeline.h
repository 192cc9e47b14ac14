/*
 * pipeline.h - one document, from received bytes to a rendered record.
 *
 * pipeline_run() does no network I/O and prints nothing, so the golden
 * tests, the fuzzers and the benchmark run the production path offline.
 * Its memory is one arena, released before it returns.
 */
#ifndef EXTRACT_PIPELINE_H
#define EXTRACT_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/exitcode.h"
#include "render/render.h"

struct buf;
struct response;

struct pipeline_options {
	enum output_format format;
	size_t max_html_bytes; /* decoded UTF-8 cap */
	const char *base_url;  /* URL of local input, for metadata */
	long index;            /* list position, or -1 */
	bool with_markdown;    /* JSON: add "markdown" */
	bool with_links;       /* JSON: add "links" */
	bool with_images;      /* JSON: add "images" */
	bool explain;          /* why each block is in or out (--explain) */
	const char *without_rules; /* block rules turned off, comma-separated */
	long long now;         /* Unix time no page date may pass (WARC
				  input: the record's date); 0: the clock */
};

void pipeline_options_defaults(struct pipeline_options *o);

/* The block rules --without-rule can name, and whether name is one. */
void pipeline_rules_print(FILE *to);
bool pipeline_rule_exists(const char *name);

/*
 * Appends the rendered record to out and returns this input's exit code.
 * *diag is set to a heap-allocated one-line message for stderr (the
 * caller frees it), or NULL.
 */
enum exit_code pipeline_run(const struct response *r,
			    const struct pipeline_options *o, struct buf *out,
			    char **diag);

#endif
