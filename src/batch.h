/*
 * batch.h - batch mode: a list of URLs and files in, one record per
 * entry out.
 *
 * The network loop (libcurl multi, on the main thread) fetches; worker
 * processes (worker.h) parse and extract; records are written whole,
 * one write() each, in completion order or in list order.  See batch.c
 * for the invariants and README.md "Batch mode" for the user's side.
 */
#ifndef EXTRACT_BATCH_H
#define EXTRACT_BATCH_H

#include <stdbool.h>

#include "batch_shard.h"
#include "exitcode.h"

struct options;

struct batch_options {
	/* --parallel and --parallel-host: transfers at once, in all and per
	 * host */
	long parallel;
	long parallel_host;
	/* --host-delay: seconds between two starts to one host */
	double host_delay;
	/* --retry: attempts after the first; --retry-delay: the first wait;
	 * --retry-max-wait: the longest wait (seconds) */
	long retry;
	double retry_delay;
	double retry_max_wait;
	/* --workers (0: one per CPU), --parse-timeout (CPU seconds per page),
	 * --parse-memory (address space of a worker, MiB) */
	long workers;
	double parse_timeout;
	long parse_memory_mib;
	/* --shard I/N: only the entries of shard I (count 0: all) */
	struct batch_shard shard;
	/* --warc-output: every fetched response is kept in this file */
	const char *warc_output;
	bool keep_order;
	bool resume; /* needs -o */
	bool exit_zero;
	bool progress; /* a progress line on stderr: a tty, and no -q */
	bool color;    /* ... which may use colour (NO_COLOR, TERM) */
};

void batch_options_defaults(struct batch_options *b);

/* Runs the list o->list; returns the exit status. */
enum exit_code batch_run(const struct options *o);

#endif
