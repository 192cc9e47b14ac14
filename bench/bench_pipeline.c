/*
 * bench_pipeline.c - the whole pipeline (decode, parse, extract, render
 * JSON) over a corpus, in one process, through pipeline_run(): the
 * production path, minus I/O.
 *
 *   bench_pipeline [options] [DIR]
 *     -r N     passes over the corpus (default 1); one result line per
 *              pass, or one in all for -j/-p
 *     -j N     N threads share the passes (a work queue of pages)
 *     -p N     N processes share the passes (page k goes to k mod N)
 *     -c       paired with the floor: each page is parsed by gumbo alone
 *              and run through the pipeline back to back, in turns as
 *              to which goes first, so both see the machine in the same
 *              state; two result lines per pass (floor_paired,
 *              pipeline_paired)
 *     -m       memory per page: each page runs in a child process (after
 *              a small page) and its resident-set growth is divided by
 *              the page's bytes
 *     -s       streaming: pages are read from disk one at a time through
 *              fetch_local (nothing preloaded), for the peak RSS of a run
 *     -n NAME  only the page of that name (or a path)
 *
 * Pages are loaded and inflated before the clock starts, except with -s.
 * Output records are built and dropped; their size is summed so that
 * the work cannot be optimised away and so that runs can be compared.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS and wait4 */

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_common.h"
#include "base/buf.h"
#include "fetch/fetch_local.h"
#include "pipeline/pipeline.h"
#include "base/response.h"

#define BENCH_MAX_BYTES ((size_t)16 * 1024 * 1024)

struct job {
	const struct bench_corpus *c;
	size_t items; /* passes * pages */
	atomic_size_t next;
	double *ms;   /* per item */
	atomic_size_t out_bytes;
};

/* Runs one page through the pipeline; returns the record's size. */
static size_t run_page(const struct bench_page *pg, struct buf *out)
{
	struct response r = {0};
	struct pipeline_options po;
	char *diag = NULL;

	r.input = pg->path;
	r.body = pg->bytes;
	r.body_len = pg->len;
	pipeline_options_defaults(&po);
	po.format = FORMAT_JSON;
	buf_reset(out);
	(void)pipeline_run(&r, &po, out, &diag);
	free(diag);
	return out->len;
}

static void *worker(void *arg)
{
	struct job *j = arg;
	struct buf out;
	size_t bytes = 0;

	buf_init(&out, BUF_NO_MAX);
	for (;;) {
		size_t k = atomic_fetch_add(&j->next, 1);
		if (k >= j->items)
			break;
		double t0 = bench_now();
		bytes += run_page(&j->c->v[k % j->c->count], &out);
		j->ms[k] = (bench_now() - t0) * 1e3;
	}
	buf_release(&out);
	atomic_fetch_add(&j->out_bytes, bytes);
	return NULL;
}

static int run_passes(const struct bench_corpus *c, long passes)
{
	struct job j = {.c = c, .items = c->count};
	double *ms = calloc(c->count, sizeof(*ms));

	if (!ms)
		return 1;
	for (long r = 0; r < passes; r++) {
		j.ms = ms;
		atomic_store(&j.next, 0);
		atomic_store(&j.out_bytes, 0);
		double start = bench_now();
		worker(&j);
		double secs = bench_now() - start;
		printf("out_bytes=%zu ", atomic_load(&j.out_bytes));
		bench_report("pipeline", ms, c->count, c->bytes, secs,
			     bench_peak_rss_kb());
	}
	free(ms);
	return 0;
}

/*
 * On a shared machine the speed changes from one second to the next, so
 * a floor run and a pipeline run made apart can differ by more than the
 * work they do.  Paired page by page, the two sums see the same machine.
 */
static int run_paired(const struct bench_corpus *c, long passes)
{
	double *floor_ms = calloc(c->count, sizeof(*floor_ms));
	double *pipe_ms = calloc(c->count, sizeof(*pipe_ms));
	struct buf out;

	if (!floor_ms || !pipe_ms)
		return 1;
	buf_init(&out, BUF_NO_MAX);
	for (long r = 0; r < passes; r++) {
		double floor_secs = 0, pipe_secs = 0;
		size_t out_bytes = 0;
		for (size_t k = 0; k < c->count; k++) {
			const struct bench_page *pg = &c->v[k];
			int floor_first = (k + (size_t)r) % 2 == 0;
			for (int turn = 0; turn < 2; turn++) {
				double t0 = bench_now();
				if ((turn == 0) == floor_first) {
					bench_floor_parse(pg->bytes, pg->len);
					floor_ms[k] = (bench_now() - t0) * 1e3;
					floor_secs += floor_ms[k] / 1e3;
				} else {
					out_bytes += run_page(pg, &out);
					pipe_ms[k] = (bench_now() - t0) * 1e3;
					pipe_secs += pipe_ms[k] / 1e3;
				}
			}
		}
		bench_report("floor_paired", floor_ms, c->count, c->bytes,
			     floor_secs, bench_peak_rss_kb());
		printf("out_bytes=%zu ", out_bytes);
		bench_report("pipeline_paired", pipe_ms, c->count, c->bytes,
			     pipe_secs, bench_peak_rss_kb());
	}
	buf_release(&out);
	free(pipe_ms);
	free(floor_ms);
	return 0;
}

static int run_threads(const struct bench_corpus *c, long passes, long n)
{
	struct job j = {.c = c, .items = c->count * (size_t)passes};
	pthread_t *t = calloc((size_t)n, sizeof(*t));

	j.ms = calloc(j.items, sizeof(*j.ms));
	if (!t || !j.ms)
		return 1;
	double start = bench_now();
	for (long i = 0; i < n; i++) {
		if (pthread_create(&t[i], NULL, worker, &j)) {
			fputs("bench: cannot start a thread\n", stderr);
			return 1;
		}
	}
	for (long i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	double secs = bench_now() - start;
	char name[64];
	snprintf(name, sizeof(name), "pipeline_%ldthreads", n);
	printf("out_bytes=%zu ", atomic_load(&j.out_bytes));
	bench_report(name, j.ms, j.items, c->bytes * (size_t)passes, secs,
		     bench_peak_rss_kb());
	free(j.ms);
	free(t);
	return 0;
}

static int run_processes(const struct bench_corpus *c, long passes, long n)
{
	size_t items = c->count * (size_t)passes;
	double *ms = mmap(NULL, sizeof(*ms) * items, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	long rss = 0;

	if (ms == MAP_FAILED)
		return 1;
	fflush(stdout);
	double start = bench_now();
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			struct buf out;
			buf_init(&out, BUF_NO_MAX);
			for (size_t k = (size_t)i; k < items; k += (size_t)n) {
				double t0 = bench_now();
				run_page(&c->v[k % c->count], &out);
				ms[k] = (bench_now() - t0) * 1e3;
			}
			buf_release(&out);
			_exit(0);
		}
	}
	for (long i = 0; i < n; i++) {
		struct rusage ru;
		int status;
		if (wait4(-1, &status, 0, &ru) > 0 && ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
	}
	double secs = bench_now() - start;
	char name[64];
	snprintf(name, sizeof(name), "pipeline_%ldprocs", n);
	bench_report(name, ms, items, c->bytes * (size_t)passes, secs, rss);
	munmap(ms, sizeof(*ms) * items);
	return 0;
}

/* The resident set now, in KiB (0 if /proc cannot tell). */
static long current_rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, resident = 0;

	if (!f)
		return 0;
	if (fscanf(f, "%ld %ld", &size, &resident) != 2)
		resident = 0;
	fclose(f);
	return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

/*
 * How much a child's resident set grows while it runs page, in KiB.  The
 * child first runs a small page, as a long batch process would have
 * done: libraries' code pages, lazy bindings, malloc's per-thread arena
 * and the like are a cost per process, not per page.  The exit status
 * carries nothing; a pipe carries the figure.
 */
static long child_growth(const struct bench_page *pg)
{
	static char warm[] = "<title>warm</title><p>up, up and away</p>";
	const struct bench_page warm_page = {
		.name = warm, .path = warm, .bytes = warm,
		.len = sizeof(warm) - 1,
	};
	int fd[2];
	long grow = -1;

	fflush(stdout);
	if (pipe(fd))
		return -1;
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		struct buf out;
		close(fd[0]);
		buf_init(&out, BUF_NO_MAX);
		run_page(&warm_page, &out);
		buf_release(&out);
		buf_init(&out, BUF_NO_MAX);
		long before = current_rss_kb();
		run_page(pg, &out);
		buf_release(&out);
		long g = bench_peak_rss_kb() - before;
		if (write(fd[1], &g, sizeof(g)) != (ssize_t)sizeof(g))
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (read(fd[0], &grow, sizeof(grow)) != (ssize_t)sizeof(grow))
		grow = -1;
	close(fd[0]);
	waitpid(pid, NULL, 0);
	return grow;
}

static int run_memory(const struct bench_corpus *c)
{
	double worst = 0, big_worst = 0;
	size_t worst_k = 0, big_k = SIZE_MAX, grow_k = 0;
	long max_grow = 0;

	for (size_t k = 0; k < c->count; k++) {
		long grow = child_growth(&c->v[k]);
		if (grow < 0)
			grow = 0;
		double ratio = (double)grow * 1024.0 / (double)c->v[k].len;
		if (ratio > worst) {
			worst = ratio;
			worst_k = k;
		}
		/* past 100 KB the fixed costs no longer dominate */
		if (c->v[k].len >= 100000 &&
		    (big_k == SIZE_MAX || ratio > big_worst)) {
			big_worst = ratio;
			big_k = k;
		}
		if (grow > max_grow) {
			max_grow = grow;
			grow_k = k;
		}
	}
	printf("name=memory pages=%zu worst_ratio=%.1f worst_page=%s "
	       "worst_bytes=%zu worst_grow_kb=%ld big_worst_ratio=%.1f "
	       "big_page=%s big_bytes=%zu max_grow_kb=%ld max_grow_page=%s "
	       "max_grow_bytes=%zu\n",
	       c->count, worst, c->v[worst_k].name, c->v[worst_k].len,
	       (long)(worst * (double)c->v[worst_k].len / 1024.0), big_worst,
	       big_k == SIZE_MAX ? "-" : c->v[big_k].name,
	       big_k == SIZE_MAX ? 0 : c->v[big_k].len, max_grow,
	       c->v[grow_k].name, c->v[grow_k].len);
	return 0;
}

/* The production path from disk, one page at a time. */
static int run_stream(const struct bench_corpus *c)
{
	struct buf out;
	size_t bytes = 0, out_bytes = 0;
	double *ms = calloc(c->count, sizeof(*ms));

	if (!ms)
		return 1;
	buf_init(&out, BUF_NO_MAX);
	double start = bench_now();
	for (size_t k = 0; k < c->count; k++) {
		struct response r;
		struct pipeline_options po;
		char *diag = NULL;
		double t0 = bench_now();

		response_init(&r, c->v[k].path);
		(void)fetch_local(c->v[k].path, BENCH_MAX_BYTES, &r);
		bytes += r.body_len;
		pipeline_options_defaults(&po);
		po.format = FORMAT_JSON;
		buf_reset(&out);
		(void)pipeline_run(&r, &po, &out, &diag);
		out_bytes += out.len;
		free(diag);
		response_release(&r);
		ms[k] = (bench_now() - t0) * 1e3;
	}
	double secs = bench_now() - start;
	buf_release(&out);
	printf("out_bytes=%zu ", out_bytes);
	bench_report("stream", ms, c->count, bytes, secs, bench_peak_rss_kb());
	free(ms);
	return 0;
}

static void usage(void)
{
	fputs("usage: bench_pipeline [-r N] [-c | -j N | -p N | -m | -s] "
	      "[-n NAME] [DIR]\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *dir = "../shared/bench/aeb", *only = NULL;
	long passes = 1, threads = 0, procs = 0;
	int memory = 0, stream = 0, paired = 0, opt;
	struct bench_corpus c;

	while ((opt = getopt(argc, argv, "r:cj:p:msn:")) != -1) {
		switch (opt) {
		case 'r':
			passes = strtol(optarg, NULL, 10);
			break;
		case 'c':
			paired = 1;
			break;
		case 'j':
			threads = strtol(optarg, NULL, 10);
			break;
		case 'p':
			procs = strtol(optarg, NULL, 10);
			break;
		case 'm':
			memory = 1;
			break;
		case 's':
			stream = 1;
			break;
		case 'n':
			only = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind < argc)
		dir = argv[optind];
	if (passes < 1 || threads < 0 || procs < 0)
		usage();
	if (bench_load(dir, only, !stream, &c))
		return 1;
	int rc;
	if (stream)
		rc = run_stream(&c);
	else if (memory)
		rc = run_memory(&c);
	else if (paired)
		rc = run_paired(&c, passes);
	else if (threads)
		rc = run_threads(&c, passes, threads);
	else if (procs)
		rc = run_processes(&c, passes, procs);
	else
		rc = run_passes(&c, passes);
	bench_corpus_free(&c);
	return rc;
}
