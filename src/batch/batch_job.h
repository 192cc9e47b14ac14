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
 * batch driver and has its struct run_format, given as the handler's
 * context.  Only what differs per page travels: the time no date of the
 * page may pass (a WARC record's date) and when it was fetched.
 *
 * Records: with --json the pipeline's JSON line (with "index"), or with
 * -p the selected fields as one JSON object; in the other formats
 * (text, markdown, raw -p fields) a header line "==> INPUT <==", the
 * diagnostic in brackets when there is one, the record, and an empty
 * line (head(1)'s convention, so that one record per entry can be
 * counted and split).
 */
#ifndef EXTRACT_BATCH_JOB_H
#define EXTRACT_BATCH_JOB_H

#include <stddef.h>

#include "base/exitcode.h"

struct buf;
struct response;
struct run_format;

/*
 * A fetched response (body included) as a job; a heap buffer.  now is
 * the Unix time no date of the page may pass, 0 for the worker's clock.
 */
char *batch_job_from_response(const struct response *r, long index,
			      long long now, size_t *len);
/* The same with the body given apart (r->body is not used). */
char *batch_job_from_page(const struct response *r, const char *body,
			  size_t body_len, long index, long long now,
			  size_t *len);
/* A local file, read by the worker under max_bytes; a heap buffer. */
char *batch_job_from_path(const char *path, long index, size_t max_bytes,
			  size_t *len);

/*
 * The worker's handler (struct worker_handler.run); ctx is the batch's
 * const struct run_format.
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
 * Renders r as a batch record at list position index with f (whose
 * index and now are replaced by these): the record, wrapped unless it
 * is JSON.  Returns the input's exit code; *diag as pipeline_run()
 * sets it.
 */
enum exit_code batch_render(const struct response *r,
			    const struct run_format *f, long index,
			    long long now, struct buf *out, char **diag);

#endif
