/*
 * batch_job.h - what goes to a parser worker and what comes back, and
 * how one batch record is rendered.
 *
 * A job is either a fetched response (its bytes and transport facts) or
 * a local path for the worker to read itself, so that reading and
 * inflating a file is isolated as well.  A result is the exit code of
 * that input, its one-line diagnostic and its rendered record.
 *
 * How to render is not in the job: the worker was forked from the
 * batch driver and has its pipeline options, given as the handler's
 * context.
 *
 * Records: with --json the pipeline's JSON line (with "index"); in the
 * other formats a header line "==> INPUT <==", the diagnostic in
 * brackets when there is one, the record, and an empty line (head(1)'s
 * convention, so that one record per entry can be counted and split).
 */
#ifndef EXTRACT_BATCH_JOB_H
#define EXTRACT_BATCH_JOB_H

#include <stddef.h>

#include "exitcode.h"

struct buf;
struct pipeline_options;
struct response;

/* A fetched response (body included) as a job; a heap buffer. */
char *batch_job_from_response(const struct response *r, long index,
			      size_t *len);
/* A local file, read by the worker under max_bytes; a heap buffer. */
char *batch_job_from_path(const char *path, long index, size_t max_bytes,
			  size_t *len);

/*
 * The worker's handler (struct worker_handler.run); ctx is the batch's
 * const struct pipeline_options.
 */
void batch_job_run(const void *ctx, const char *job, size_t len,
		   struct buf *out);

/*
 * Splits a worker's result: *code, *diag (a heap string or NULL) and
 * the record appended to record.  -1 if the bytes are not a result.
 */
int batch_job_result(const char *data, size_t len, enum exit_code *code,
		     char **diag, struct buf *record);

/*
 * Renders r as a batch record at list position index with the options
 * po (whose index is ignored): the pipeline's record, wrapped unless it
 * is JSON.  Returns the input's exit code; *diag as pipeline_run()
 * sets it.
 */
enum exit_code batch_render(const struct response *r,
			    const struct pipeline_options *po, long index,
			    struct buf *out, char **diag);

#endif
