/*
 * worker.c - a small pool of worker processes that run jobs in isolation.
 *
 * Parent and worker talk over two pipes; every message is a 64-bit
 * length in host order, then that many bytes.  The parent's ends are
 * non-blocking and are only touched when poll() said so; the worker's
 * ends are blocking, since a worker has nothing else to do.
 *
 * Invariants:
 * - A worker holds at most one job.  Every job submitted comes back
 *   exactly once from worker_pool_result(): as WORKER_DONE with the
 *   handler's bytes, or as the reason the worker could not finish it.
 * - A worker that is lost (crash, exit, watchdog, broken pipe) is killed,
 *   reaped and replaced before anything else happens to its slot, so no
 *   zombie and no half-read message outlives it.
 * - A worker keeps no descriptor but its own two pipe ends (stdin, stdout
 *   and stderr are /dev/null): it cannot hold the parent's sockets or
 *   another worker's pipes open, cannot read the URL list on stdin and
 *   cannot write a byte of output.
 * - RLIMIT_CPU is cumulative per process, so before each job the worker
 *   sets its soft limit to the CPU time used so far plus the budget;
 *   passing it raises SIGXCPU, whose default action ends the worker.
 *
 * A caveat: the first workers are forked before libcurl runs, but one
 * started later (after a loss, or every max_jobs jobs) is forked from a
 * process that may have resolver threads.  glibc keeps malloc usable in
 * such a child; a child stuck on some other lock held at fork time is
 * caught by the watchdog like any hang.
 */
#include "batch/worker.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/msg.h"

/* The largest result a worker may send: far above any real record. */
#define WORKER_MAX_RESULT ((size_t)512 << 20)

/* Address-space limits and AddressSanitizer's shadow memory cannot mix. */
#if defined(__SANITIZE_ADDRESS__)
#define WORKER_NO_RLIMIT_AS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WORKER_NO_RLIMIT_AS 1
#endif
#endif

enum worker_state {
	WORKER_IDLE,
	WORKER_BUSY,
	WORKER_ABSENT, /* no process: start one when needed */
};

struct worker {
	pid_t pid;
	int to_fd;   /* jobs go out here */
	int from_fd; /* results come in here */
	enum worker_state state;
	unsigned long jobs;
	/* the job in progress */
	void *tag;
	char *job;
	size_t job_len;
	size_t sent; /* of the 8-byte header plus the job */
	uint64_t header;
	struct buf in;   /* the result so far, header included */
	double deadline; /* monotonic seconds; 0 = none */
	/* a result waiting for worker_pool_result() */
	bool has_result;
	struct worker_result res;
};

struct worker_pool {
	struct worker *w;
	size_t n;
	struct worker_limits lim;
	struct worker_handler h;
};

static double worker_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- inside a worker ---- */

static void worker_close_other_fds(int keep_a, int keep_b)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *de;

	if (!d) {
		for (int fd = 3; fd < 4096; fd++) {
			if (fd != keep_a && fd != keep_b)
				close(fd);
		}
		return;
	}
	int dfd = dirfd(d);
	while ((de = readdir(d)) != NULL) {
		char *end;
		long fd = strtol(de->d_name, &end, 10);

		if (*end || end == de->d_name || fd < 3 || fd == keep_a ||
		    fd == keep_b || fd == dfd)
			continue;
		close((int)fd);
	}
	closedir(d);
}

static void worker_quiet_stdio(void)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0)
		return;
	dup2(null, STDIN_FILENO);
	dup2(null, STDOUT_FILENO);
	dup2(null, STDERR_FILENO);
	if (null > STDERR_FILENO)
		close(null);
}

static void worker_set_limit(int resource, rlim_t value)
{
	struct rlimit rl;

	if (getrlimit(resource, &rl) != 0)
		return;
	if (rl.rlim_max != RLIM_INFINITY && value > rl.rlim_max)
		value = rl.rlim_max;
	rl.rlim_cur = value;
	setrlimit(resource, &rl);
}

static void worker_setup(const struct worker_limits *lim, int in, int out)
{
	/* A crash must end the worker, whatever handler the parent had. */
	static const int fatal[] = {SIGSEGV, SIGBUS,  SIGFPE, SIGILL,
				    SIGABRT, SIGTERM, SIGXCPU};

	for (size_t i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		signal(fatal[i], SIG_DFL);
	signal(SIGINT, SIG_IGN); /* a terminal's ^C is the parent's to handle */
	signal(SIGPIPE, SIG_IGN); /* a vanished parent is a write error */
	worker_close_other_fds(in, out);
	worker_quiet_stdio();
	worker_set_limit(RLIMIT_CORE, 0);
#ifndef WORKER_NO_RLIMIT_AS
	if (lim->memory_bytes)
		worker_set_limit(RLIMIT_AS, (rlim_t)lim->memory_bytes);
#else
	(void)lim;
#endif
}

static void worker_cpu_budget(double seconds)
{
	struct rusage ru;

	if (seconds <= 0 || getrusage(RUSAGE_SELF, &ru) != 0)
		return;
	double used = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
		      (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
	/* Whole seconds, rounded up: the limit never cuts a job short. */
	worker_set_limit(RLIMIT_CPU, (rlim_t)(used + seconds) + 1);
}

/* 1 all read, 0 end of file before anything, -1 error or a short read. */
static int worker_read_all(int fd, void *data, size_t len)
{
	char *p = data;
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, p + got, len - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return got == 0 && n == 0 ? 0 : -1;
		got += (size_t)n;
	}
	return 1;
}

static int worker_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static _Noreturn void worker_main(const struct worker_pool *p, int in, int out)
{
	struct buf result;

	worker_setup(&p->lim, in, out);
	buf_init(&result, BUF_NO_MAX);
	for (;;) {
		uint64_t len;

		int rc = worker_read_all(in, &len, sizeof(len));
		if (rc <= 0 || len > SIZE_MAX - 1)
			_exit(rc == 0 ? 0 : 1);
		char *job = xmalloc((size_t)len + 1);
		if (worker_read_all(in, job, (size_t)len) != 1)
			_exit(1);
		job[len] = '\0';
		worker_cpu_budget(p->lim.cpu_seconds);
		buf_reset(&result);
		p->h.run(p->h.ctx, job, (size_t)len, &result);
		free(job);
		len = result.len;
		if (worker_write_all(out, &len, sizeof(len)) ||
		    worker_write_all(out, result.ptr, result.len))
			_exit(1);
	}
}

/* ---- in the parent ---- */

static void worker_set_flags(int fd, bool nonblock)
{
	fcntl(fd, F_SETFD, FD_CLOEXEC);
	if (nonblock)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static int worker_start(struct worker_pool *p, struct worker *w)
{
	int job_pipe[2], res_pipe[2];

	if (pipe(job_pipe) != 0)
		return error("cannot create a pipe: %s", strerror(errno));
	if (pipe(res_pipe) != 0) {
		close(job_pipe[0]);
		close(job_pipe[1]);
		return error("cannot create a pipe: %s", strerror(errno));
	}
	pid_t pid = fork();
	if (pid < 0) {
		int err = errno;
		close(job_pipe[0]);
		close(job_pipe[1]);
		close(res_pipe[0]);
		close(res_pipe[1]);
		return error("cannot start a worker process: %s",
			     strerror(err));
	}
	if (pid == 0)
		worker_main(p, job_pipe[0], res_pipe[1]);
	close(job_pipe[0]);
	close(res_pipe[1]);
	worker_set_flags(job_pipe[1], true);
	worker_set_flags(res_pipe[0], true);
	w->pid = pid;
	w->to_fd = job_pipe[1];
	w->from_fd = res_pipe[0];
	w->state = WORKER_IDLE;
	w->jobs = 0;
	return 0;
}

static void worker_clear_job(struct worker *w)
{
	free(w->job);
	w->job = NULL;
	w->job_len = 0;
	w->sent = 0;
	w->tag = NULL;
	w->deadline = 0;
	buf_reset(&w->in);
}

/* Ends the worker's process for good and reaps it; the slot is empty. */
static int worker_stop(struct worker *w)
{
	int status = 0;

	if (w->state == WORKER_ABSENT)
		return 0;
	kill(w->pid, SIGKILL);
	close(w->to_fd);
	close(w->from_fd);
	while (waitpid(w->pid, &status, 0) < 0 && errno == EINTR)
		;
	w->state = WORKER_ABSENT;
	w->pid = 0;
	return status;
}

/*
 * The worker is gone or must go: it is killed (a no-op if it is already
 * dead, which keeps the cause of its death) and replaced.  Its job, if
 * any, comes back failed: a timeout when the watchdog fired or the CPU
 * limit raised SIGXCPU, a crash otherwise.
 */
static void worker_lose(struct worker_pool *p, struct worker *w, bool timeout)
{
	bool busy = w->state == WORKER_BUSY;
	void *tag = w->tag;
	int status = worker_stop(w);

	worker_clear_job(w);
	if (busy) {
		struct worker_result *r = &w->res;

		*r = (struct worker_result){.tag = tag, .exit_status = -1};
		if (WIFSIGNALED(status))
			r->signal = WTERMSIG(status);
		else if (WIFEXITED(status))
			r->exit_status = WEXITSTATUS(status);
		if (r->signal == SIGXCPU)
			timeout = true;
		r->status = timeout ? WORKER_TIMEOUT : WORKER_CRASHED;
		w->has_result = true;
	}
	worker_start(p, w);
}

struct worker_pool *worker_pool_new(size_t n, const struct worker_limits *lim,
				    const struct worker_handler *h)
{
	struct worker_pool *p = xcalloc(1, sizeof(*p));
	size_t started = 0;

	p->n = n ? n : 1;
	p->lim = *lim;
	p->h = *h;
	p->w = xcalloc(p->n, sizeof(*p->w));
	for (size_t i = 0; i < p->n; i++) {
		p->w[i].state = WORKER_ABSENT;
		buf_init(&p->w[i].in, WORKER_MAX_RESULT);
		if (worker_start(p, &p->w[i]) == 0)
			started++;
	}
	if (!started) {
		worker_pool_free(p);
		return NULL;
	}
	return p;
}

void worker_pool_free(struct worker_pool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->n; i++) {
		struct worker *w = &p->w[i];

		worker_stop(w);
		worker_clear_job(w);
		buf_release(&w->in);
		if (w->has_result)
			free(w->res.data);
	}
	free(p->w);
	free(p);
}

size_t worker_pool_size(const struct worker_pool *p)
{
	return p->n;
}

bool worker_pool_has_idle(const struct worker_pool *p)
{
	for (size_t i = 0; i < p->n; i++) {
		if (p->w[i].has_result)
			continue;
		if (p->w[i].state == WORKER_IDLE ||
		    p->w[i].state == WORKER_ABSENT)
			return true;
	}
	return false;
}

/* Sends what the pipe takes now; false if the worker is lost. */
static bool worker_send(struct worker_pool *p, struct worker *w)
{
	while (w->sent < sizeof(w->header) + w->job_len) {
		const char *from;
		size_t left;

		if (w->sent < sizeof(w->header)) {
			from = (const char *)&w->header + w->sent;
			left = sizeof(w->header) - w->sent;
		} else {
			from = w->job + (w->sent - sizeof(w->header));
			left = w->job_len - (w->sent - sizeof(w->header));
		}
		ssize_t n = write(w->to_fd, from, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return true;
		if (n <= 0) {
			worker_lose(p, w, false);
			return false;
		}
		w->sent += (size_t)n;
	}
	/* Sent whole: the job's bytes are no longer needed here. */
	free(w->job);
	w->job = NULL;
	return true;
}

/*
 * An idle worker that died (the OOM killer, a stray signal) is replaced
 * before a job is lost to it.  Reaped here, it must not be signalled
 * again: its pid may already belong to another process.
 */
static void worker_check_idle(struct worker_pool *p, struct worker *w)
{
	int status;

	if (waitpid(w->pid, &status, WNOHANG) != w->pid)
		return;
	close(w->to_fd);
	close(w->from_fd);
	w->state = WORKER_ABSENT;
	w->pid = 0;
	worker_start(p, w);
}

int worker_pool_submit(struct worker_pool *p, char *job, size_t len, void *tag)
{
	struct worker *w = NULL;

	for (size_t i = 0; i < p->n && !w; i++) {
		struct worker *c = &p->w[i];

		if (c->has_result)
			continue;
		if (c->state == WORKER_IDLE)
			worker_check_idle(p, c);
		if (c->state == WORKER_ABSENT)
			worker_start(p, c);
		if (c->state == WORKER_IDLE)
			w = c;
	}
	if (!w) {
		free(job);
		return -1;
	}
	w->state = WORKER_BUSY;
	w->tag = tag;
	w->job = job;
	w->job_len = len;
	w->header = len;
	w->sent = 0;
	w->jobs++;
	w->deadline =
	    p->lim.wall_seconds > 0 ? worker_now() + p->lim.wall_seconds : 0;
	worker_send(p, w);
	return 0;
}

size_t worker_pool_pollfds(const struct worker_pool *p, struct pollfd *fds)
{
	size_t k = 0;

	for (size_t i = 0; i < p->n; i++) {
		const struct worker *w = &p->w[i];

		if (w->state == WORKER_ABSENT)
			continue;
		/* An idle worker is watched too: end of file is its death. */
		fds[k++] = (struct pollfd){.fd = w->from_fd, .events = POLLIN};
		if (w->state == WORKER_BUSY && w->job)
			fds[k++] =
			    (struct pollfd){.fd = w->to_fd, .events = POLLOUT};
	}
	return k;
}

/* Reads what is there; a complete result ends the job. */
static void worker_receive(struct worker_pool *p, struct worker *w)
{
	char chunk[65536];

	for (;;) {
		ssize_t n = read(w->from_fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0 || w->state != WORKER_BUSY ||
		    buf_append(&w->in, chunk, (size_t)n)) {
			worker_lose(p, w, false);
			return;
		}
		uint64_t len;
		if (w->in.len < sizeof(len))
			continue;
		memcpy(&len, w->in.ptr, sizeof(len));
		if (w->in.len - sizeof(len) < len)
			continue;
		if (w->in.len - sizeof(len) > len) {
			worker_lose(p, w, false); /* more than one result */
			return;
		}
		w->res = (struct worker_result){
		    .tag = w->tag, .status = WORKER_DONE, .exit_status = -1};
		w->res.data = xmalloc((size_t)len + 1);
		memcpy(w->res.data, w->in.ptr + sizeof(len), (size_t)len);
		w->res.data[len] = '\0';
		w->res.len = (size_t)len;
		w->has_result = true;
		worker_clear_job(w);
		w->state = WORKER_IDLE;
		if (p->lim.max_jobs && w->jobs >= p->lim.max_jobs) {
			worker_stop(w);
			worker_start(p, w);
		}
		return;
	}
}

static struct worker *worker_by_fd(struct worker_pool *p, int fd)
{
	for (size_t i = 0; i < p->n; i++) {
		struct worker *w = &p->w[i];

		if (w->state != WORKER_ABSENT &&
		    (w->from_fd == fd || w->to_fd == fd))
			return w;
	}
	return NULL;
}

void worker_pool_events(struct worker_pool *p, const struct pollfd *fds,
			size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!fds[i].revents)
			continue;
		struct worker *w = worker_by_fd(p, fds[i].fd);
		if (!w)
			continue;
		if (fds[i].fd == w->to_fd && w->state == WORKER_BUSY && w->job)
			worker_send(p, w);
		else if (fds[i].fd == w->from_fd)
			worker_receive(p, w);
	}
	double now = worker_now();
	for (size_t i = 0; i < p->n; i++) {
		struct worker *w = &p->w[i];

		if (w->state == WORKER_BUSY && w->deadline > 0 &&
		    now >= w->deadline)
			worker_lose(p, w, true);
	}
}

long worker_pool_timeout_ms(const struct worker_pool *p)
{
	double next = 0;

	for (size_t i = 0; i < p->n; i++) {
		const struct worker *w = &p->w[i];

		if (w->state == WORKER_BUSY && w->deadline > 0 &&
		    (next == 0 || w->deadline < next))
			next = w->deadline;
	}
	if (next == 0)
		return -1;
	double ms = (next - worker_now()) * 1000.0;
	return ms <= 0 ? 0 : (long)ms + 1;
}

bool worker_pool_result(struct worker_pool *p, struct worker_result *res)
{
	for (size_t i = 0; i < p->n; i++) {
		struct worker *w = &p->w[i];

		if (w->has_result) {
			*res = w->res;
			w->has_result = false;
			w->res = (struct worker_result){0};
			return true;
		}
	}
	return false;
}
