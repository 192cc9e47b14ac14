/*
 * test_worker.c - the isolation of the worker pool: a job that crashes,
 * aborts, spins, hangs, runs out of memory or exits comes back as that
 * job's failure, and the pool goes on serving the next jobs.
 *
 * The handler here stands in for the parser: the job's text says what
 * to do ("echo:TEXT" answers TEXT).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/msg.h"
#include "batch/worker.h"

#if defined(__SANITIZE_ADDRESS__)
#define NO_RLIMIT_AS 1 /* the pool does not limit memory under ASan */
#endif

static void handle(const void *ctx, const char *job, size_t len,
		   struct buf *out)
{
	(void)ctx;
	(void)len;
	if (strncmp(job, "echo:", 5) == 0) {
		buf_append_str(out, job + 5);
	} else if (strcmp(job, "segv") == 0) {
		raise(SIGSEGV);
	} else if (strcmp(job, "abort") == 0) {
		abort();
	} else if (strcmp(job, "exit") == 0) {
		_exit(7);
	} else if (strcmp(job, "spin") == 0) {
		for (volatile unsigned long i = 0;; i++)
			;
	} else if (strcmp(job, "hang") == 0) {
		pause();
	} else if (strcmp(job, "oom") == 0) {
		for (;;)
			memset(xmalloc(1 << 20), 1, 1 << 20);
	} else if (strcmp(job, "big") == 0) {
		for (int i = 0; i < 1 << 20; i++)
			buf_append(out, "0123456789abcdef", 16);
	}
}

static struct worker_pool *new_pool(size_t n, double cpu, double wall)
{
	struct worker_limits lim = {.cpu_seconds = cpu,
				    .memory_bytes = (size_t)512 << 20,
				    .wall_seconds = wall,
				    .max_jobs = 3};
	struct worker_handler h = {.run = handle};
	struct worker_pool *p = worker_pool_new(n, &lim, &h);

	assert_non_null(p);
	return p;
}

static int tag_of(const struct worker_result *r)
{
	return (int)(intptr_t)r->tag;
}

/* Runs the loop until every submitted job is back; results by tag. */
static void run_all(struct worker_pool *p, struct worker_result *res, size_t n)
{
	struct pollfd fds[32];
	size_t got = 0;
	time_t start = time(NULL);

	while (got < n) {
		assert_true(time(NULL) - start < 20);
		size_t k = worker_pool_pollfds(p, fds);
		long ms = worker_pool_timeout_ms(p);
		poll(fds, k, ms < 0 || ms > 100 ? 100 : (int)ms);
		worker_pool_events(p, fds, k);
		struct worker_result r;
		while (worker_pool_result(p, &r)) {
			res[tag_of(&r)] = r;
			got++;
		}
	}
}

static void submit(struct worker_pool *p, const char *job, int tag)
{
	char *copy = xstrdup(job);

	assert_int_equal(
	    worker_pool_submit(p, copy, strlen(copy), (void *)(intptr_t)tag),
	    0);
}

static void expect_echo(const struct worker_result *r, const char *text)
{
	assert_int_equal(r->status, WORKER_DONE);
	assert_int_equal(r->len, strlen(text));
	assert_memory_equal(r->data, text, r->len);
	free(r->data);
}

static void test_echo_many(void **state)
{
	struct worker_pool *p = new_pool(2, 5, 10);
	struct worker_result res[2];

	(void)state;
	/* More jobs than max_jobs: workers are replaced on the way. */
	for (int round = 0; round < 10; round++) {
		assert_true(worker_pool_has_idle(p));
		submit(p, "echo:first", 0);
		submit(p, "echo:second", 1);
		assert_false(worker_pool_has_idle(p));
		run_all(p, res, 2);
		expect_echo(&res[0], "first");
		expect_echo(&res[1], "second");
	}
	worker_pool_free(p);
}

/* A failing job next to a good one: each comes back as itself. */
static void check_failure(const char *job, enum worker_status status, int sig,
			  int exit_status, double cpu, double wall)
{
	struct worker_pool *p = new_pool(2, cpu, wall);
	struct worker_result res[3];

	submit(p, job, 0);
	submit(p, "echo:fine", 1);
	run_all(p, res, 2);
	assert_int_equal(res[0].status, status);
	assert_null(res[0].data);
	if (sig >= 0)
		assert_int_equal(res[0].signal, sig);
	if (exit_status >= 0)
		assert_int_equal(res[0].exit_status, exit_status);
	expect_echo(&res[1], "fine");
	/* The lost worker was replaced: the pool still has two. */
	submit(p, "echo:again", 0);
	submit(p, "echo:and again", 1);
	run_all(p, res, 2);
	expect_echo(&res[0], "again");
	expect_echo(&res[1], "and again");
	worker_pool_free(p);
}

static void test_segv(void **state)
{
	(void)state;
	check_failure("segv", WORKER_CRASHED, SIGSEGV, -1, 5, 10);
}

static void test_abort(void **state)
{
	(void)state;
	check_failure("abort", WORKER_CRASHED, SIGABRT, -1, 5, 10);
}

static void test_exit(void **state)
{
	(void)state;
	check_failure("exit", WORKER_CRASHED, 0, 7, 5, 10);
}

static void test_cpu_limit(void **state)
{
	(void)state;
	check_failure("spin", WORKER_TIMEOUT, SIGXCPU, -1, 1, 60);
}

static void test_watchdog(void **state)
{
	(void)state;
	check_failure("hang", WORKER_TIMEOUT, SIGKILL, -1, 5, 0.5);
}

static void test_out_of_memory(void **state)
{
	(void)state;
#ifdef NO_RLIMIT_AS
	skip();
#else
	/* xmalloc's failure path: "out of memory", exit status 4. */
	check_failure("oom", WORKER_CRASHED, 0, 4, 5, 10);
#endif
}

static void test_big_result(void **state)
{
	struct worker_pool *p = new_pool(1, 5, 10);
	struct worker_result res[1];

	(void)state;
	submit(p, "big", 0);
	run_all(p, res, 1);
	assert_int_equal(res[0].status, WORKER_DONE);
	assert_int_equal(res[0].len, (size_t)16 << 20);
	assert_memory_equal(res[0].data + res[0].len - 16, "0123456789abcdef",
			    16);
	free(res[0].data);
	worker_pool_free(p);
}

static void test_big_job(void **state)
{
	struct worker_pool *p = new_pool(1, 5, 10);
	struct worker_result res[1];
	size_t n = (size_t)8 << 20;
	char *job = xmalloc(n + 1);

	(void)state;
	memcpy(job, "echo:", 5);
	memset(job + 5, 'j', n - 5);
	job[n] = '\0';
	assert_int_equal(worker_pool_submit(p, job, n, (void *)0), 0);
	run_all(p, res, 1);
	assert_int_equal(res[0].status, WORKER_DONE);
	assert_int_equal(res[0].len, n - 5);
	free(res[0].data);
	worker_pool_free(p);
}

/* Freeing the pool mid-job kills and reaps the workers. */
static void test_free_busy(void **state)
{
	struct worker_pool *p = new_pool(2, 5, 10);

	(void)state;
	submit(p, "hang", 0);
	submit(p, "echo:x", 1);
	worker_pool_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_echo_many),
	    cmocka_unit_test(test_segv),
	    cmocka_unit_test(test_abort),
	    cmocka_unit_test(test_exit),
	    cmocka_unit_test(test_cpu_limit),
	    cmocka_unit_test(test_watchdog),
	    cmocka_unit_test(test_out_of_memory),
	    cmocka_unit_test(test_big_result),
	    cmocka_unit_test(test_big_job),
	    cmocka_unit_test(test_free_busy),
	};

	signal(SIGPIPE, SIG_IGN);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
