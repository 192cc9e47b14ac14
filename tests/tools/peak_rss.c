/*
 * peak_rss.c - runs a command and reports its peak resident memory, for
 * the memory tests (/usr/bin/time may be missing).
 *
 *   peak_rss OUT COMMAND [ARGS...]
 *
 * Writes the peak RSS in KiB to the file OUT and exits with the
 * command's status (128 + N after signal N).  The figure is
 * getrusage(RUSAGE_CHILDREN) once the command is reaped: the largest of
 * the command and of the children it waited for, which for extract
 * includes its worker processes.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct rusage ru;
	int status;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: peak_rss OUT COMMAND [ARGS...]\n");
		return 2;
	}
	pid = fork();
	if (pid < 0) {
		perror("peak_rss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		fprintf(stderr, "peak_rss: %s: %s\n", argv[2], strerror(errno));
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("peak_rss: waitpid");
			return 2;
		}
	}
	if (getrusage(RUSAGE_CHILDREN, &ru) != 0) {
		perror("peak_rss: getrusage");
		return 2;
	}
	FILE *out = fopen(argv[1], "w");
	if (!out || fprintf(out, "%ld\n", ru.ru_maxrss) < 0 || fclose(out)) {
		perror(argv[1]);
		return 2;
	}
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}
