/*
 * spawn_time.c - wall time of a whole process, as a user sees a one-off
 * call: start, dynamic linking, work, exit.
 *
 *   spawn_time NAME N COMMAND [ARG...]
 *
 * Runs COMMAND N times one after the other (stdout to /dev/null) and
 * prints one result line (bench_common.h keys) whose times are the
 * median, 90th percentile and maximum over the runs; secs is their sum
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
	double total = 0;
	long rss = 0;
	if (!ms)
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
		total += ms[i] / 1e3;
		if (ru.ru_maxrss > rss)
			rss = ru.ru_maxrss;
		if (!WIFEXITED(status) || WEXITSTATUS(status) == 127) {
			fprintf(stderr, "spawn_time: %s failed\n", argv[3]);
			return 1;
		}
	}
	bench_report(argv[1], ms, (size_t)n, 0, total, rss);
	free(ms);
	return 0;
}
