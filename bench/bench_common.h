/*
 * bench_common.h - what the benchmark programs share: a corpus loaded
 * into memory before any timing starts, a monotonic clock, and one
 * result line per run.
 *
 * The result line is "key=value" pairs, which bench/run.sh turns into
 * the table; keep its keys stable:
 *   name pages bytes secs pages_s mb_s med_ms p90_ms max_ms rss_kb
 */
#ifndef EXTRACT_BENCH_COMMON_H
#define EXTRACT_BENCH_COMMON_H

#include <stddef.h>

struct bench_page {
	char *name; /* file name without directory */
	char *path; /* as opened */
	char *bytes; /* inflated, NUL-terminated */
	size_t len;
};

struct bench_corpus {
	struct bench_page *v;
	size_t count;
	size_t bytes; /* sum of len */
};

/*
 * Loads every *.html and *.html.gz file of dir, or of dir/html when that
 * exists, in name order, inflating gzip.  Returns 0, or -1 after a
 * message on stderr.  A non-NULL only loads the one file of that name
 * (without .gz or .html) or path.  Without load, only the names and
 * paths are filled in (bytes stays NULL).
 */
int bench_load(const char *dir, const char *only, int load,
	       struct bench_corpus *c);
void bench_corpus_free(struct bench_corpus *c);

/* Reads one file (gzip or not) into a malloc'd NUL-terminated buffer. */
char *bench_read_file(const char *path, size_t *len);

/*
 * The floor's unit of work: gumbo parses html with the pipeline's options
 * (max_errors = 0) and frees the tree, nothing else.
 */
void bench_floor_parse(const char *html, size_t len);

double bench_now(void);

/* The process's peak resident set so far, in KiB. */
long bench_peak_rss_kb(void);

/* Prints the result line for one run: ms[] holds per-page times. */
void bench_report(const char *name, double *ms, size_t pages, size_t bytes,
		  double secs, long rss_kb);

#endif
