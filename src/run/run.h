/*
 * run.h - drives inputs through fetch and the pipeline and writes the
 * records.  Records go to stdout only; diagnostics to stderr only.
 */
#ifndef EXTRACT_RUN_H
#define EXTRACT_RUN_H

#include "base/exitcode.h"
#include "pipeline/pipeline.h"
#include "render/property.h"

struct buf;
struct options;
struct response;

/* "2026-01-31T12:00:00Z" and its NUL */
#define RUN_DATE_MAX 32

/*
 * How every record of a run is rendered: the pipeline options the
 * command line asks for (format, extra JSON fields...) and -p.  Shared
 * by single and batch mode so that an option added here reaches both.
 * With -p the pipeline renders JSON, and the fields are taken from it.
 */
struct run_format {
	struct pipeline_options po;
	struct property_list props;
};

void run_format_init(const struct options *o, struct run_format *f);

/*
 * pipeline_run() with f's options, then the -p selection if any: the
 * record is appended to out, *diag set as pipeline_run() sets it.
 */
enum exit_code run_render(const struct response *r, const struct run_format *f,
			  struct buf *out, char **diag);

/* The current time as ISO 8601 in UTC, for "fetched_at"; "" if unknown. */
void run_utc_now(char out[RUN_DATE_MAX]);

/* One URL, file or stdin; returns the exit status. */
enum exit_code run_single(const struct options *o);

#endif
