/*
 * gumbo_floor.c - the floor: what parsing alone costs.
 *
 * Parses every page of the corpus with gumbo only, with the options the
 * pipeline uses (max_errors = 0), and frees the tree; nothing else.  The
 * pipeline's throughput is reported as a ratio to this.
 *
 *   gumbo_floor [-r ROUNDS] [DIR]   throughput over DIR's pages (one
 *                                   result line per round)
 *   gumbo_floor -1 FILE             parse one file once, print nothing:
 *                                   the process a one-off call is timed
 *                                   against
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_common.h"

static int one_off(const char *path)
{
	size_t len;
	char *html = bench_read_file(path, &len);

	if (!html)
		return 1;
	bench_floor_parse(html, len);
	free(html);
	return 0;
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/bench/aeb";
	long rounds = 1;
	struct bench_corpus c;
	int i = 1;

	if (argc == 3 && !strcmp(argv[1], "-1"))
		return one_off(argv[2]);
	if (i + 1 < argc && !strcmp(argv[i], "-r")) {
		rounds = strtol(argv[i + 1], NULL, 10);
		i += 2;
	}
	if (i < argc)
		dir = argv[i];
	if (rounds < 1 || bench_load(dir, NULL, 1, &c))
		return 1;
	double *ms = calloc(c.count, sizeof(*ms));
	if (!ms)
		return 1;
	for (long r = 0; r < rounds; r++) {
		double start = bench_now();
		for (size_t k = 0; k < c.count; k++) {
			double t0 = bench_now();
			bench_floor_parse(c.v[k].bytes, c.v[k].len);
			ms[k] = (bench_now() - t0) * 1e3;
		}
		double secs = bench_now() - start;
		bench_report("gumbo_floor", ms, c.count, c.bytes, secs,
			     bench_peak_rss_kb());
	}
	free(ms);
	bench_corpus_free(&c);
	return 0;
}
