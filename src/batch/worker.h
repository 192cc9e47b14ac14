/*
 * worker.h - a small pool of worker processes that run jobs in isolation.
 *
 * Parsing hostile pages runs code we do not trust to stay well-behaved
 * (gumbo 0.10.1 asserts and recurses, glibc iconv has aborted on exotic
 * input).  Each job therefore runs in a forked worker with an address-
 * space limit and a CPU limit, watched by a wall-clock watchdog in the
 * parent.  A worker that crashes, aborts, runs out of memory or hangs
 * costs that one job, which comes back as WORKER_CRASHED or
 * WORKER_TIMEOUT; the pool starts a new worker and goes on.
 *
 * A job and its result are opaque bytes: the pool moves them over pipes
 * (a 64-bit length, then the bytes) and the handler given at creation
 * turns one into the other inside the worker.  The parent never blocks
 * on a worker: it polls the descriptors from worker_pool_pollfds() in
 * its own loop and calls worker_pool_events() afterwards.
 *
 * Workers are forked, so the handler sees the parent's memory as it was
 * at fork time; it must not touch the parent's network state, stdout or
 * anything else but its job and its result.
 */
#ifndef EXTRACT_WORKER_H
#define EXTRACT_WORKER_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct pollfd;
struct worker_pool;

struct worker_limits {
	/* 0 for none of these limits */
	double cpu_seconds;     /* CPU time per job (RLIMIT_CPU) */
	size_t memory_bytes;    /* address space per worker (RLIMIT_AS) */
	double wall_seconds;    /* wall time per job, then SIGKILL */
	unsigned long max_jobs; /* start a worker afresh after this many */
};

struct worker_handler {
	/* Runs in the worker: appends the result of job to out. */
	void (*run)(const void *ctx, const char *job, size_t len,
		    struct buf *out);
	const void *ctx; /* the parent's, as it was when the worker started */
};

enum worker_status {
	WORKER_DONE,        /* data holds the handler's result */
	WORKER_CRASHED,     /* the worker died: a signal, or an exit */
	WORKER_TIMEOUT,     /* over its CPU or wall-clock budget */
	WORKER_UNAVAILABLE, /* no worker process could be started */
};

struct worker_result {
	void *tag; /* as given to worker_pool_submit() */
	enum worker_status status;
	int signal;      /* the signal that ended the worker, or 0 */
	int exit_status; /* its exit status when it exited, or -1 */
	char *data;      /* WORKER_DONE: heap bytes, the caller's */
	size_t len;
};

/*
 * Starts n workers (at least 1).  NULL (reported) if not even one could
 * be started.  lim and h are copied.
 */
struct worker_pool *worker_pool_new(size_t n, const struct worker_limits *lim,
				    const struct worker_handler *h);
/* Kills every worker and waits for it; jobs in progress are dropped. */
void worker_pool_free(struct worker_pool *p);

size_t worker_pool_size(const struct worker_pool *p);
bool worker_pool_has_idle(const struct worker_pool *p);

/*
 * Gives job (len bytes of heap memory, which the pool now owns) to an
 * idle worker.  -1 when none can take it: none is idle, or (after
 * worker_pool_has_idle() said one was) no process could be started.
 * The result comes back, with tag, from worker_pool_result().
 */
int worker_pool_submit(struct worker_pool *p, char *job, size_t len, void *tag);

/*
 * Fills fds (room for 2 * worker_pool_size() entries) with what to
 * poll; returns how many.  After polling, worker_pool_events() does the
 * I/O their revents allow and enforces the watchdog.
 */
size_t worker_pool_pollfds(const struct worker_pool *p, struct pollfd *fds);
void worker_pool_events(struct worker_pool *p, const struct pollfd *fds,
			size_t n);
/* Milliseconds until the next watchdog deadline, or -1 if none. */
long worker_pool_timeout_ms(const struct worker_pool *p);

/* Hands back one finished job, or returns false when none is. */
bool worker_pool_result(struct worker_pool *p, struct worker_result *res);

#endif
