/*
 * main.c - process lifecycle: libcurl set-up, signals, single or batch
 * mode, the final check that stdout was really written, and the exit
 * status.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "batch/batch.h"
#include "cli/cli.h"
#include "base/exitcode.h"
#include "fetch/fetch.h"
#include "base/msg.h"
#include "run/run.h"

/* A failed flush of buffered output is data lost: say so and fail. */
static int close_stdout(void)
{
	int failed = ferror(stdout);

	if (fclose(stdout) != 0 || failed) {
		if (errno != EPIPE)
			error("write error: %s",
			      errno ? strerror(errno) : "output failed");
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;

	/* a closed pipe is reported as EPIPE, not a silent death */
	signal(SIGPIPE, SIG_IGN);
	/* and a file over `ulimit -f` as EFBIG, a write error (exit 5) */
	signal(SIGXFSZ, SIG_IGN);
	int rc = cli_parse(argc, argv, &o);
	if (rc) {
		cli_release(&o);
		if (rc > 0)
			return close_stdout() ? EXIT_OUTPUT : EXIT_OK;
		return EXIT_USAGE;
	}
	if (fetch_global_init()) {
		cli_release(&o);
		return EXIT_FETCH;
	}
	enum exit_code code;
	if (o.list || o.warc) {
		code = batch_run(&o);
	} else if (o.output && !freopen(o.output, "w", stdout)) {
		error("%s: %s", o.output, strerror(errno));
		code = EXIT_OUTPUT;
	} else {
		code = run_single(&o);
	}
	fetch_global_cleanup();
	cli_release(&o);
	if (close_stdout() && code < EXIT_OUTPUT)
		code = EXIT_OUTPUT;
	return (int)code;
}
