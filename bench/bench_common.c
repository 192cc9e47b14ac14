/*
 * bench_common.c - corpus loading, clock and report for the benchmarks.
 *
 * The corpus is read and inflated before timing, so the figures measure
 * the work done on bytes in memory, not disk or zlib.
 */
#include "bench_common.h"

#include <dirent.h>
#include <errno.h>
#include <gumbo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>

static void *bench_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fputs("bench: out of memory\n", stderr);
		exit(1);
	}
	return q;
}

static char *bench_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = bench_xrealloc(NULL, n);

	memcpy(p, s, n);
	return p;
}

char *bench_read_file(const char *path, size_t *len)
{
	gzFile gz = gzopen(path, "rb");
	size_t cap = 1 << 16, n = 0;
	char *p;

	if (!gz) {
		fprintf(stderr, "bench: cannot open %s\n", path);
		return NULL;
	}
	p = bench_xrealloc(NULL, cap);
	for (;;) {
		if (cap - n < 65536) {
			cap *= 2;
			p = bench_xrealloc(p, cap);
		}
		int got = gzread(gz, p + n, (unsigned)(cap - n - 1));
		if (got < 0) {
			fprintf(stderr, "bench: cannot read %s\n", path);
			gzclose(gz);
			free(p);
			return NULL;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	gzclose(gz);
	p[n] = '\0';
	*len = n;
	return p;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "x.html" or "x.html.gz" */
static int is_page_name(const char *n)
{
	size_t len = strlen(n);

	if (len > 5 && !strcmp(n + len - 5, ".html"))
		return 1;
	return len > 8 && !strcmp(n + len - 8, ".html.gz");
}

/* The name without .gz and .html, for matching "only". */
static int same_page(const char *file, const char *only)
{
	size_t n = strlen(only);

	if (strncmp(file, only, n))
		return 0;
	return !file[n] || !strcmp(file + n, ".html") ||
	       !strcmp(file + n, ".html.gz") || !strcmp(file + n, ".gz");
}

static int add_page(struct bench_corpus *c, const char *path,
		    const char *name, int load)
{
	struct bench_page *pg;

	c->v = bench_xrealloc(c->v, sizeof(*c->v) * (c->count + 1));
	pg = &c->v[c->count];
	pg->bytes = NULL;
	pg->len = 0;
	if (load) {
		pg->bytes = bench_read_file(path, &pg->len);
		if (!pg->bytes)
			return -1;
	}
	pg->path = bench_strdup(path);
	pg->name = bench_strdup(name);
	c->bytes += pg->len;
	c->count++;
	return 0;
}

int bench_load(const char *dir, const char *only, int load,
	       struct bench_corpus *c)
{
	char sub[4096];
	struct stat st;
	char **names = NULL;
	size_t n = 0;

	*c = (struct bench_corpus){0};
	if (only && !stat(only, &st) && S_ISREG(st.st_mode)) {
		const char *base = strrchr(only, '/');
		return add_page(c, only, base ? base + 1 : only, load);
	}
	snprintf(sub, sizeof(sub), "%s/html", dir);
	if (stat(sub, &st) || !S_ISDIR(st.st_mode))
		snprintf(sub, sizeof(sub), "%s", dir);
	DIR *d = opendir(sub);
	if (!d) {
		fprintf(stderr, "bench: cannot open %s: %s\n", sub,
			strerror(errno));
		return -1;
	}
	for (struct dirent *e = readdir(d); e; e = readdir(d)) {
		if (!is_page_name(e->d_name))
			continue;
		if (only && !same_page(e->d_name, only))
			continue;
		names = bench_xrealloc(names, sizeof(*names) * (n + 1));
		names[n++] = bench_strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	int rc = 0;
	for (size_t i = 0; i < n; i++) {
		char path[8192];
		snprintf(path, sizeof(path), "%s/%s", sub, names[i]);
		if (!rc && add_page(c, path, names[i], load))
			rc = -1;
		free(names[i]);
	}
	free(names);
	if (!rc && !c->count) {
		fprintf(stderr, "bench: no pages in %s\n", sub);
		rc = -1;
	}
	return rc;
}

void bench_corpus_free(struct bench_corpus *c)
{
	for (size_t i = 0; i < c->count; i++) {
		free(c->v[i].bytes);
		free(c->v[i].path);
		free(c->v[i].name);
	}
	free(c->v);
	*c = (struct bench_corpus){0};
}

void bench_floor_parse(const char *html, size_t len)
{
	GumboOptions options = kGumboDefaultOptions;

	options.max_errors = 0;
	GumboOutput *out = gumbo_parse_with_options(&options, html, len);
	gumbo_destroy_output(&options, out);
}

double bench_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

long bench_peak_rss_kb(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_SELF, &ru))
		return 0;
	return ru.ru_maxrss;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The nearest-rank percentile of sorted v. */
static double percentile(const double *v, size_t n, double p)
{
	size_t rank = (size_t)(p * (double)n + 0.999999);

	if (rank < 1)
		rank = 1;
	if (rank > n)
		rank = n;
	return v[rank - 1];
}

void bench_report(const char *name, double *ms, size_t pages, size_t bytes,
		  double secs, long rss_kb)
{
	double med = 0, p90 = 0, max = 0;

	if (ms && pages) {
		qsort(ms, pages, sizeof(*ms), by_value);
		med = percentile(ms, pages, 0.5);
		p90 = percentile(ms, pages, 0.9);
		max = ms[pages - 1];
	}
	printf("name=%s pages=%zu bytes=%zu secs=%.4f pages_s=%.2f "
	       "mb_s=%.2f med_ms=%.3f p90_ms=%.3f max_ms=%.3f rss_kb=%ld\n",
	       name, pages, bytes, secs, secs > 0 ? (double)pages / secs : 0.0,
	       secs > 0 ? (double)bytes / 1e6 / secs : 0.0, med, p90, max,
	       rss_kb);
	fflush(stdout);
}
