/*
 * batch.c - batch mode: the list in, fetches on libcurl's multi
 * interface, parsing in worker processes, one record per entry out.
 *
 * One thread runs one loop: admit entries from the list while the
 * window has room, start the transfers that their host allows, hand
 * fetched pages to idle workers, wait (curl_multi_poll() watching the
 * network, the list and the worker pipes together), then collect what
 * finished.  Each entry is a struct item from a fixed array, so memory
 * follows the window, never the list.
 *
 * The life of an entry (admission, fetching with retries, parsing) is
 * in batch_item.c; this file has the loop, set-up and tear-down.
 *
 * Invariants:
 * - Every entry read from the list ends as exactly one record, written
 *   whole by batch_out_write(), except entries a previous run already
 *   recorded (--resume) and entries cut short by a signal, which have
 *   none and are done by the next --resume.
 * - At most --parallel transfers run, at most --parallel-host per host,
 *   and a host's starts are --host-delay apart; libcurl never queues a
 *   transfer of ours, so no deadline runs while a transfer waits.
 * - With --keep-order, records leave in list order through a ring of
 *   the window's items; a slow entry holds back intake, not memory.
 * - The only global is the signal flag: a handler may do no more.
 */
#include "batch/batch.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch/batch_hosts.h"
#include "batch/batch_int.h"
#include "batch/batch_job.h"
#include "batch/batch_out.h"
#include "base/buf.h"
#include "run/options.h"
#include "fetch/fetch.h"
#include "base/msg.h"
#include "batch/progress.h"
#include "base/response.h"
#include "run/run.h"
#include "base/str.h"
#include "batch/urllist.h"
#include "batch/worker.h"

#define BATCH_POLL_MS     200  /* the longest wait: signal latency */
#define BATCH_WORKER_JOBS 5000 /* a worker starts afresh after these */

static volatile sig_atomic_t batch_signal;

static void batch_on_signal(int sig)
{
	batch_signal = sig;
}

/* ---- the loop ---- */

static int batch_timeout_ms(const struct batch *b, double now)
{
	long ms = BATCH_POLL_MS;
	long w = worker_pool_timeout_ms(b->pool);

	if (b->next_due > 0) {
		long due = (long)((b->next_due - now) * 1000.0) + 1;

		ms = due < ms ? (due < 0 ? 0 : due) : ms;
	}
	if (w >= 0 && w < ms)
		ms = w;
	return (int)ms;
}

static int batch_wait(struct batch *b)
{
	size_t n = 0;
	double now = batch_now();

	if (b->list_waiting && b->in_use < b->cap)
		b->fds[n++] = (struct pollfd){.fd = urllist_fd(b->list),
					      .events = POLLIN};
	size_t first_worker = n;
	n += worker_pool_pollfds(b->pool, b->fds + n);
	if (fetch_multi_wait(b->multi, b->fds, n, batch_timeout_ms(b, now)))
		return -1;
	worker_pool_events(b->pool, b->fds + first_worker, n - first_worker);

	struct fetch_outcome out;
	now = batch_now();
	while (fetch_multi_done(b->multi, &out))
		batch_on_fetched(b, &out, now);
	struct worker_result res;
	while (worker_pool_result(b->pool, &res))
		batch_on_parsed(b, &res);
	return 0;
}

static enum exit_code batch_loop(struct batch *b)
{
	for (;;) {
		if (batch_signal || b->out_failed || b->fatal == EXIT_USAGE)
			break;
		batch_admit(b);
		batch_start_fetches(b, batch_now());
		batch_dispatch(b);
		progress_draw(&b->progress, false);
		if (b->list_end && !b->in_use)
			break;
		if (batch_wait(b)) {
			b->fatal = EXIT_FETCH;
			break;
		}
	}
	return b->worst;
}

/* ---- set-up and tear-down ---- */

static size_t batch_workers(const struct batch_options *bo)
{
	long n = bo->workers;

	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 64 ? 64 : (size_t)n;
}

static int batch_start_workers(struct batch *b)
{
	const struct batch_options *bo = b->bo;
	struct worker_limits lim = {
	    .cpu_seconds = bo->parse_timeout,
	    .memory_bytes = (size_t)bo->parse_memory_mib << 20,
	    /*
	     * CPU time lags wall time when workers share the cores; a job
	     * blocked without using CPU (a FIFO named in the list) is
	     * caught by this alone.
	     */
	    .wall_seconds = 2 * bo->parse_timeout + 1,
	    .max_jobs = BATCH_WORKER_JOBS,
	};
	struct worker_handler h = {.run = batch_job_run, .ctx = &b->fmt};
	size_t n = batch_workers(bo);

	b->pool = worker_pool_new(n, &lim, &h);
	if (!b->pool)
		return -1;
	b->fds = xcalloc(1 + 2 * n, sizeof(*b->fds));
	return 0;
}

static void batch_make_window(struct batch *b)
{
	size_t n = worker_pool_size(b->pool);

	/* Room for a full set of transfers, plus pages waiting to parse. */
	b->cap = 2 * (size_t)b->bo->parallel + 4 * n + 16;
	if (b->bo->keep_order)
		b->cap *= 4;
	b->items = xcalloc(b->cap, sizeof(*b->items));
	for (size_t i = b->cap; i-- > 0;) {
		buf_init(&b->items[i].record, BUF_NO_MAX);
		b->items[i].next = b->free_items;
		b->free_items = &b->items[i];
	}
	if (b->bo->keep_order)
		b->ring = xcalloc(b->cap, sizeof(*b->ring));
	b->queue_tail = &b->queue;
	b->jobs_tail = &b->jobs;
}

/* The list of URLs, or with --warc the WARC files. */
static int batch_open_inputs(struct batch *b, const struct options *o)
{
	long total = -1;

	if (o->warc) {
		b->warc_in = batch_warc_new(o);
		if (!o->warc_files)
			b->list = urllist_open("-");
		else
			return 0;
	} else {
		b->list = urllist_open(o->list);
		/* with --shard, only a pass over the whole list would tell */
		if (b->list && o->batch.progress && !o->batch.shard.count)
			total = urllist_count(o->list);
	}
	if (!b->list)
		return -1;
	b->progress.total = total;
	return 0;
}

static int batch_setup(struct batch *b, const struct options *o)
{
	*b = (struct batch){.o = o, .bo = &o->batch, .out_fd = -1};
	run_format_init(o, &b->fmt);
	b->fmt.po.base_url = NULL; /* --base-url names one page, not a list */
	b->out_fd = batch_out_open(o->output, o->batch.resume, &b->ledger);
	if (b->out_fd < 0)
		return -1;
	progress_init(&b->progress, o->batch.progress, o->batch.color, -1);
	if (batch_open_inputs(b, o))
		return -1;
	if (o->batch.warc_output && batch_warc_out_open(b))
		return -1;
	/* Workers are forked before libcurl starts any thread or socket. */
	if (batch_start_workers(b))
		return -1;
	batch_make_window(b);
	b->hosts = batch_hosts_new(o->batch.parallel_host, o->batch.host_delay);
	b->multi = fetch_multi_new(&o->fetch, o->batch.parallel,
				   o->batch.parallel_host);
	return b->multi ? 0 : -1;
}

/* Closes the output; -1 if what was written may not have reached it. */
static int batch_close_output(struct batch *b)
{
	if (b->out_fd < 0 || b->out_fd == STDOUT_FILENO)
		return 0;
	/* On disk, not only in the page cache, before we say we are done. */
	int rc = fsync(b->out_fd) != 0 && errno != EINVAL && errno != EROFS;
	if (close(b->out_fd) != 0)
		rc = 1;
	if (rc && !b->out_failed)
		error("%s: write error: %s", b->o->output, strerror(errno));
	return rc ? -1 : 0;
}

static int batch_teardown(struct batch *b)
{
	/* Transfers point into items: they go first. */
	fetch_multi_free(b->multi);
	worker_pool_free(b->pool);
	for (size_t i = 0; b->items && i < b->cap; i++) {
		if (b->items[i].state != ITEM_FREE)
			batch_item_free(b, &b->items[i]);
		buf_release(&b->items[i].record);
	}
	free(b->items);
	free(b->ring);
	free(b->fds);
	batch_hosts_free(b->hosts);
	urllist_close(b->list);
	batch_warc_free(b->warc_in);
	batch_ledger_free(b->ledger);
	int warc = batch_warc_out_close(b);
	int out = batch_close_output(b);
	return warc || out ? -1 : 0;
}

static enum exit_code batch_status(const struct batch *b, enum exit_code worst)
{
	enum exit_code code = worst;

	if (b->bo->exit_zero)
		code = EXIT_OK;
	if (b->fatal == EXIT_USAGE)
		return EXIT_USAGE;
	if (b->fatal > code)
		code = b->fatal;
	if (b->out_failed)
		code = EXIT_OUTPUT;
	if (batch_signal)
		code = batch_signal == SIGTERM ? EXIT_TERMINATED
					       : EXIT_INTERRUPTED;
	return code;
}

static void batch_summary(struct batch *b)
{
	const char *how = "";

	if (b->o->quiet || b->out_failed)
		return; /* a closed pipe ("| head") ends the run quietly */
	if (batch_signal)
		how = b->o->output ? "interrupted (finish with --resume): "
				   : "interrupted: ";
	else if (b->fatal == EXIT_USAGE)
		how = "stopped: ";
	progress_summary(&b->progress, how);
	if (b->warc_in)
		batch_warc_summary(b);
}

enum exit_code batch_run(const struct options *o)
{
	struct sigaction sa = {.sa_handler = batch_on_signal}, old_int,
			 old_term;
	struct batch b;
	enum exit_code code = EXIT_OK;

	/* No SA_RESTART: a signal must cut a wait short. */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	if (batch_setup(&b, o) == 0)
		code = batch_loop(&b);
	else if (!b.fatal)
		b.fatal = b.out_fd < 0 ? EXIT_OUTPUT : EXIT_USAGE;
	batch_summary(&b);
	code = batch_status(&b, code);
	if (batch_teardown(&b) && code < EXIT_OUTPUT)
		code = EXIT_OUTPUT;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	return code;
}
