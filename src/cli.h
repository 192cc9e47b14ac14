/*
 * cli.h - the command line, parsed once into a read-only struct.
 */
#ifndef EXTRACT_CLI_H
#define EXTRACT_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "batch.h"
#include "fetch.h"
#include "pipeline.h"

#define EXTRACT_VERSION "0.1.0"

struct options {
	const char *input;       /* URL, file or "-" */
	const char *list;        /* -i: a file of inputs, or "-" */
	const char *output;      /* -o: write records here instead of stdout */
	enum output_format format;
	bool format_given;       /* --json, --markdown or --format was given */
	bool with_markdown;      /* JSON fields asked for ... */
	bool with_links;
	bool with_images;
	const char **properties; /* -p, n_properties of them, or NULL */
	size_t n_properties;
	/* --warc: the operands are WARC files; with "-" alone, their
	 * paths are read from stdin (warc_files is then NULL) */
	bool warc;
	const char *const *warc_files;
	size_t n_warc_files;
	const char *base_url;
	long status;             /* --status for local input */
	const char *content_type; /* --content-type for local input */
	bool quiet;
	struct fetch_options fetch;
	struct batch_options batch; /* with -i */
	const char **headers;    /* storage behind fetch.headers */
};

/*
 * Parses argv.  Returns 0 to run, 1 when --help or --version was
 * printed (exit 0), -1 on a usage error (already reported; exit 2).
 */
int cli_parse(int argc, char **argv, struct options *o);
void cli_release(struct options *o);
void cli_usage(FILE *to);

#endif
