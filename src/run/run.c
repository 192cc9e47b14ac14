/*
 * run.c - single-input mode, and the rendering both modes share.
 */
#include "run/run.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "run/options.h"
#include "fetch/fetch.h"
#include "fetch/fetch_local.h"
#include "base/msg.h"
#include "base/response.h"

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

void run_format_init(const struct options *o, struct run_format *f)
{
	*f = (struct run_format){0};
	pipeline_options_defaults(&f->po);
	f->po.format = o->properties ? FORMAT_JSON : o->format;
	f->po.base_url = o->base_url;
	f->po.with_markdown = o->with_markdown;
	f->po.with_links = o->with_links;
	f->po.with_images = o->with_images;
	f->po.explain = o->explain;
	f->po.without_rules = o->without_rules;
	f->props.names = o->properties;
	f->props.count = o->n_properties;
	f->props.json = o->format == FORMAT_JSON;
}

enum exit_code run_render(const struct response *r, const struct run_format *f,
			  struct buf *out, char **diag)
{
	struct buf json;
	enum exit_code code;

	if (!f->props.count)
		return pipeline_run(r, &f->po, out, diag);
	buf_init(&json, BUF_NO_MAX);
	code = pipeline_run(r, &f->po, &json, diag);
	if (property_select(json.ptr, json.len, &f->props, out))
		code = EXIT_OUTPUT;
	buf_release(&json);
	return code;
}

void run_utc_now(char out[RUN_DATE_MAX])
{
	time_t t = time(NULL);
	struct tm tm;

	out[0] = '\0';
	if (gmtime_r(&t, &tm))
		strftime(out, RUN_DATE_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void run_fetch(const struct options *o, struct response *r)
{
	if (fetch_is_url(o->input)) {
		char now[RUN_DATE_MAX];

		fetch_url(o->input, &o->fetch, r);
		run_utc_now(now);
		if (r->status > 0 && now[0])
			r->fetched_at = xstrdup(now);
		return;
	}
	fetch_local(o->input, o->fetch.max_bytes, r);
	r->status = o->status;
	if (o->content_type)
		r->content_type = xstrdup(o->content_type);
}

enum exit_code run_single(const struct options *o)
{
	struct response r;
	struct run_format f;
	struct buf out;
	char *diag = NULL;

	response_init(&r, o->input);
	run_fetch(o, &r);
	run_format_init(o, &f);
	buf_init(&out, BUF_NO_MAX);
	enum exit_code code = run_render(&r, &f, &out, &diag);
	if (diag && !(o->quiet && code == EXIT_ERROR_PAGE))
		error("%s", diag);
	free(diag);
	if (write_record(&out))
		code = EXIT_OUTPUT;
	buf_release(&out);
	response_release(&r);
	return code;
}
