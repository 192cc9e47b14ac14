/*
 * spawn_time.c - wall time of a whole process, as a user sees a one-off
 * call: start, dynamic linking, work, exit.
 *
 *   spawn_time NAME N COMMAND [ARG...] [-- NAME2 COMMAND2 [ARG...]]
 *
 * Runs COMMAND N times one after the other (stdout to /dev/null) and
 * prints one result line (bench_common.h keys) whose times are the
 * median, 90th percentile and maximum over the runs (and med_cpu_ms,
 * the median of user plus system time); secs is their sum
 * and rss_kb the largest peak RSS (of the process or any of its own
 * children).  With a second command after "--", the two take turns
 * (A B B A A B ...), so that both see the machine in the same state, and
 * a second line is printed for it.  Exits non-zero if a run is killed or
 * cannot start; the command's own exit status (extract's 1 for an error
 * page, say) is its business.
 */
#define _DEFAULT_SOURCE /* wait4 */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_common.h"

struct timed {
	const char *name;
	char **argv;
	double *ms;
	double *cpu;
	double total;
	long rss;
};

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Runs t's command once more as run number i. */
static int run_once(struct timed *t, long i)
{
	double t0 = bench_now();
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		if (fd >= 0)
			dup2(fd, STDOUT_FILENO);
		execvp(t->argv[0], t->argv);
		_exit(127);
	}
	struct rusage ru;
	int status;
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	t->ms[i] = (bench_now() - t0) * 1e3;
	t->cpu[i] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
		    (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	t->total += t->ms[i] / 1e3;
	if (ru.ru_maxrss > t->rss)
		t->rss = ru.ru_maxrss;
	if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
		fprintf(stderr, "spawn_time: %s failed\n", t->argv[0]);
		return -1;
	}
	return 0;
}

static void report(struct timed *t, long n)
{
	/* CPU time (user + system) moves less than wall time with load */
	qsort(t->cpu, (size_t)n, sizeof(*t->cpu), by_value);
	printf("med_cpu_ms=%.3f ", t->cpu[(size_t)(n - 1) / 2]);
	bench_report(t->name, t->ms, (size_t)n, 0, t->total, t->rss);
}

int main(int argc, char **argv)
{
	struct timed t[2] = {{0}};
	int count = 1;

	if (argc < 4) {
		fputs("usage: spawn_time NAME N COMMAND [ARG...] "
		      "[-- NAME2 COMMAND2 [ARG...]]\n",
		      stderr);
		return 2;
	}
	long n = strtol(argv[2], NULL, 10);
	if (n < 1)
		return 2;
	t[0].name = argv[1];
	t[0].argv = argv + 3;
	for (int i = 3; i < argc; i++) {
		if (strcmp(argv[i], "--"))
			continue;
		if (i + 2 >= argc || i == 3)
			return 2;
		argv[i] = NULL;
		t[1].name = argv[i + 1];
		t[1].argv = argv + i + 2;
		count = 2;
		break;
	}
	for (int k = 0; k < count; k++) {
		t[k].ms = calloc((size_t)n, sizeof(double));
		t[k].cpu = calloc((size_t)n, sizeof(double));
		if (!t[k].ms || !t[k].cpu)
			return 1;
	}
	for (long i = 0; i < n; i++) {
		/* A B, then B A: neither always runs first */
		int first = (int)(i % 2);
		for (int k = 0; k < count; k++) {
			int which = count == 2 ? (k + first) % 2 : 0;
			if (run_once(&t[which], i))
				return 1;
		}
	}
	for (int k = 0; k < count; k++) {
		report(&t[k], n);
		free(t[k].cpu);
		free(t[k].ms);
	}
	return 0;
}
