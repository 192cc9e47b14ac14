/*
 * options.h - what the user asked for, parsed once (cli.c fills it) and
 * read by every mode: one input (run.c) and a list (batch/).
 */
#ifndef EXTRACT_OPTIONS_H
#define EXTRACT_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "fetch/fetch.h"
#include "pipeline/pipeline.h"
#include "run/batch_shard.h"

struct batch_options {
	/* --parallel and --parallel-host: transfers at once, in all and per
	 * host */
	long parallel;
	long parallel_host;
	/* --host-delay: seconds between two starts to one host */
	double host_delay;
	/* --retry: attempts after the first; --retry-delay: the first wait;
	 * --retry-max-wait: the longest wait (seconds) */
	long retry;
	double retry_delay;
	double retry_max_wait;
	/* --workers (0: one per CPU), --parse-timeout (CPU seconds per page),
	 * --parse-memory (address space of a worker, MiB) */
	long workers;
	double parse_timeout;
	long parse_memory_mib;
	/* --shard I/N: only the entries of shard I (count 0: all) */
	struct batch_shard shard;
	/* --warc-output: every fetched response is kept in this file */
	const char *warc_output;
	bool keep_order;
	bool resume; /* needs -o */
	bool exit_zero;
	bool progress; /* a progress line on stderr: a tty, and no -q */
	bool color;    /* ... which may use colour (NO_COLOR, TERM) */
};

void batch_options_defaults(struct batch_options *b);

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
	bool explain;            /* --explain */
	char *without_rules;     /* --without-rule, comma-separated (owned) */
};

#endif
