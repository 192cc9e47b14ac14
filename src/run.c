/*
 * run.c - single-input mode, and the pipeline options both modes use.
 */
#include "run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "fetch.h"
#include "fetch_local.h"
#include "msg.h"
#include "pipeline.h"
#include "response.h"

/* Writes a whole record; a failed write is reported once. */
static int write_record(const struct buf *b)
{
	if (!b->len)
		return 0;
	if (fwrite(b->ptr, 1, b->len, stdout) != b->len || fflush(stdout)) {
		if (errno != EPIPE)
			error("write error: %s", strerror(errno));
		return -1;
	}
	return 0;
}

void run_pipeline_options(const struct options *o, struct pipeline_options *po)
{
	pipeline_options_defaults(po);
	po->format = o->format;
	po->base_url = o->base_url;
}

enum exit_code run_single(const struct options *o)
{
	struct response r;
	struct pipeline_options po;
	struct buf out;
	char *diag = NULL;

	response_init(&r, o->input);
	if (fetch_is_url(o->input)) {
		fetch_url(o->input, &o->fetch, &r);
	} else {
		fetch_local(o->input, o->fetch.max_bytes, &r);
		r.status = o->status;
		if (o->content_type)
			r.content_type = xstrdup(o->content_type);
	}
	run_pipeline_options(o, &po);
	buf_init(&out, BUF_NO_MAX);
	enum exit_code code = pipeline_run(&r, &po, &out, &diag);
	if (diag && !(o->quiet && code == EXIT_ERROR_PAGE))
		error("%s", diag);
	free(diag);
	if (write_record(&out))
		code = EXIT_OUTPUT;
	buf_release(&out);
	response_release(&r);
	return code;
}
