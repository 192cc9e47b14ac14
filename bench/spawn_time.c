/*
 * spawn_time.c - wall time of a whole process, as a user sees a one-off
 * call: start, dynamic linking, work, exit.
 *
 *   spawn_time NAME N COMMAND [ARG...]
 *
 * Runs COMMAND N times one after the other (stdout to /dev/null) and
 * prints one result line (bench_common.h keys) whose times are the
 * median, 90th percentile and maximum over the runs (and med_cpu_ms,
 * the median of user plus system time); secs is their sum
 * and rss_kb the largest peak RSS (of the process or any of its own
 * children).  Exits non-zero if a run is killed or cannot start; the
 * command's own exit status (extract's 1 for an error page, say) is its
 * business.
 */
#define _DEFAULT_SOURCE /* wait4 */

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_common.h"

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: spawn_time NAME N COMMAND [ARG...]\n", stderr);
		return 2;
	}
	long n = strtol(argv[2], NULL, 10);
	if (n < 1)
		return 2;
	double *ms = calloc((size_t)n, sizeof(*ms));
	double *cpu = calloc((size_t)n, sizeof(*cpu));
	double total = 0;
	long rss = 0;
	if (!ms || !cpu)
		return 1;
	for (long i = 0; i < n; i++) {
		double t0 = bench_now();
		pid_t pid = fork();
		if (pid < 0)
			return 1;
		if (pid == 0) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0)
				dup2(fd, STDOUT_FILENO);
			execvp(argv[3], argv + 3);
			_exit(127);
		}
		struct rusage ru;
		int status;
		if (wait4(pid, &status, 0, &ru) != pid)
			return 1;
		ms[i] = (bench_now() - t0) * 1e3;
		cpu[i] = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
			 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
		total += ms[i] / 1e3;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
		if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
			fprintf(stderr, "spawn_time: %s failed\n", argv[3]);
			return 1;
		}
	}
	/* CPU time (user + system) moves less than wall time with load */
	qsort(cpu, (size_t)n, sizeof(*cpu), by_value);
	printf("med_cpu_ms=%.3f ", cpu[(size_t)(n - 1) / 2]);
	bench_report(argv[1], ms, (size_t)n, 0, total, rss);
	free(cpu);
	free(ms);
	return 0;
}
