/*
 * batch_int.h - the state batch.c (the loop, set-up, tear-down) and
 * batch_item.c (the life of one entry) share.  Internal to batch mode.
 */
#ifndef EXTRACT_BATCH_INT_H
#define EXTRACT_BATCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/buf.h"
#include "base/exitcode.h"
#include "batch/progress.h"
#include "base/response.h"
#include "run/run.h"

struct batch_hosts;
struct batch_ledger;
struct batch_warc;
struct fetch_multi;
struct fetch_outcome;
struct options;
struct batch_options;
struct pollfd;
struct urllist;
struct worker_pool;
struct worker_result;

/*
 * QUEUED (a URL waiting for its host, its retry time or a free
 * transfer) -> FETCHING -> PENDING (a job waiting for a worker; local
 * files start here) -> PARSING -> DONE.  Entries that fail before a
 * page exists go straight to DONE.
 */
enum item_state {
	ITEM_FREE,
	ITEM_QUEUED,
	ITEM_FETCHING,
	ITEM_PENDING,
	ITEM_PARSING,
	ITEM_DONE,
};

struct item {
	enum item_state state;
	size_t index;
	struct response r; /* r.input is the list entry */
	char *host;        /* host key of a URL, else NULL */
	int attempts;
	double due; /* no new attempt before this (backoff) */
	char *job;  /* PENDING: the bytes for a worker */
	size_t job_len;
	struct buf record;
	char *diag;
	struct item *next; /* in the URL queue, the job queue or free list */
};

struct batch {
	const struct options *o;
	const struct batch_options *bo;
	struct run_format fmt; /* what every record is rendered with */
	struct urllist *list;  /* -i, or --warc -: the paths of WARC files */
	struct batch_warc *warc_in; /* --warc: the records being read */
	FILE *warc_out;             /* --warc-output */
	bool list_end, list_waiting;
	struct batch_ledger *ledger;
	int out_fd;
	bool out_failed;
	struct fetch_multi *multi;
	struct worker_pool *pool;
	struct batch_hosts *hosts;
	struct item *items, *free_items;
	size_t cap, in_use, fetching;
	struct item *queue, **queue_tail; /* URLs waiting to start */
	struct item *jobs, **jobs_tail;   /* pages waiting for a worker */
	struct item **ring; /* --keep-order: the window, in order */
	size_t ring_head, ring_len;
	double next_due; /* earliest backoff or delay end */
	struct pollfd *fds;
	struct progress progress;
	enum exit_code worst; /* highest per-entry code */
	enum exit_code fatal; /* a failure outside any entry */
};

double batch_now(void);

/* Reads entries while the window has room. */
void batch_admit(struct batch *b);
/* Starts the queued transfers that may start now; sets next_due. */
void batch_start_fetches(struct batch *b, double now);
void batch_on_fetched(struct batch *b, const struct fetch_outcome *out,
		      double now);
/* Hands pending pages to idle workers. */
void batch_dispatch(struct batch *b);
void batch_on_parsed(struct batch *b, struct worker_result *res);
/* Returns an item to the free list, whatever its state. */
void batch_item_free(struct batch *b, struct item *it);

/* Takes a free item for entry index (the window must have room). */
struct item *batch_item_take(struct batch *b, const char *input,
			     size_t index);
/* Queues an item whose it->job is set for a worker. */
void batch_item_queue_job(struct batch *b, struct item *it);
/* Finishes an item whose response says why there is no page. */
void batch_item_render(struct batch *b, struct item *it);
/*
 * With --resume: 1 when entry index already has a record (counted as
 * done before), 0 when not, -1 when the output was made from another
 * list (reported; the batch stops).  where names the entry's place.
 */
int batch_item_done_before(struct batch *b, size_t index, const char *input,
			   const char *where);

/* ---- WARC (batch_warc.c) ---- */

/* Opens --warc-output (appending with --resume); -1 if it cannot. */
int batch_warc_out_open(struct batch *b);
/* Keeps the response of a finished fetch; stops the batch on failure. */
void batch_warc_keep(struct batch *b, const struct response *r);
/* Flushes and closes --warc-output; -1 if records may be lost. */
int batch_warc_out_close(struct batch *b);

/* The --warc source: files from the command line or the list. */
struct batch_warc *batch_warc_new(const struct options *o);
void batch_warc_free(struct batch_warc *w);
/* Reads records into the window while it has room (batch_admit's twin). */
void batch_warc_admit(struct batch *b);
/* The "responses, skipped, bad" line of the summary. */
void batch_warc_summary(const struct batch *b);

#endif
