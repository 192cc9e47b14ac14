/*
 * exitcode.h - the process exit statuses of extract.
 *
 * Ordered so that a run's status is the highest outcome of any of its
 * inputs. man/extract.1 (EXIT STATUS) and README.md mirror this table.
 */
#ifndef EXTRACT_EXITCODE_H
#define EXTRACT_EXITCODE_H

enum exit_code {
	EXIT_OK = 0,          /* extracted; no input is an error page */
	EXIT_ERROR_PAGE = 1,  /* an input is an error page (record written) */
	EXIT_USAGE = 2,       /* bad command line; nothing processed */
	EXIT_FETCH = 3,       /* fetch failed: DNS, connect, TLS, timeout, size */
	EXIT_UNREADABLE = 4,  /* input unreadable, not HTML or undecodable */
	EXIT_OUTPUT = 5,      /* stdout or the output file could not be written */
	EXIT_INTERRUPTED = 130, /* SIGINT; finished records were flushed */
	EXIT_TERMINATED = 143,  /* SIGTERM; finished records were flushed */
};

#endif
