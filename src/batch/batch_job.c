/*
 * batch_job.c - the bytes between the batch driver and a parser worker,
 * and the rendering of one batch record.
 *
 * Layout of a job (integers in host order: both ends are this binary):
 *	u8 kind, i64 index, u64 max_bytes, i64 status, i64 attempts,
 *	i64 now, then the strings input, url, final_url, content_type,
 *	fetched_at and the body, each as u64 length (UINT64_MAX for NULL)
 *	and bytes.
 * A result: i64 exit code, the diagnostic as a string, then the record
 * up to the end.
 *
 * Invariants:
 * - Decoding checks every length against what is left, so a truncated
 *   or corrupt message is refused, never over-read.
 * - Nothing here prints: the worker's stderr goes nowhere, and the
 *   parent decides what to say.
 */
#include "batch/batch_job.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "fetch/fetch_local.h"
#include "base/msg.h"
#include "pipeline/pipeline.h"
#include "base/response.h"
#include "run/run.h"
#include "base/str.h"

enum {
	JOB_RESPONSE = 1,
	JOB_LOCAL = 2,
};

#define JOB_NULL UINT64_MAX

/* ---- writing ---- */

static void put_raw(struct buf *b, const void *p, size_t n)
{
	if (buf_append(b, p, n))
		die_oom();
}

static void put_u64(struct buf *b, uint64_t v)
{
	put_raw(b, &v, sizeof(v));
}

static void put_bytes(struct buf *b, const char *s, size_t n)
{
	if (!s) {
		put_u64(b, JOB_NULL);
		return;
	}
	put_u64(b, n);
	put_raw(b, s, n);
}

static void put_str(struct buf *b, const char *s)
{
	put_bytes(b, s, s ? strlen(s) : 0);
}

static void put_head(struct buf *b, int kind, long index, size_t max_bytes)
{
	unsigned char k = (unsigned char)kind;

	put_raw(b, &k, sizeof(k));
	put_u64(b, (uint64_t)(int64_t)index);
	put_u64(b, max_bytes);
}

char *batch_job_from_response(const struct response *r, long index,
			      long long now, size_t *len)
{
	return batch_job_from_page(r, r->body, r->body_len, index, now, len);
}

char *batch_job_from_page(const struct response *r, const char *body,
			  size_t body_len, long index, long long now,
			  size_t *len)
{
	struct buf b;

	buf_init(&b, BUF_NO_MAX);
	put_head(&b, JOB_RESPONSE, index, 0);
	put_u64(&b, (uint64_t)(int64_t)r->status);
	put_u64(&b, (uint64_t)(int64_t)r->attempts);
	put_u64(&b, (uint64_t)(int64_t)now);
	put_str(&b, r->input);
	put_str(&b, r->url);
	put_str(&b, r->final_url);
	put_str(&b, r->content_type);
	put_str(&b, r->fetched_at);
	put_bytes(&b, body, body_len);
	return buf_detach(&b, len);
}

char *batch_job_from_path(const char *path, long index, size_t max_bytes,
			  size_t *len)
{
	struct buf b;

	buf_init(&b, BUF_NO_MAX);
	put_head(&b, JOB_LOCAL, index, max_bytes);
	put_u64(&b, 0);
	put_u64(&b, 0);
	put_u64(&b, 0);
	put_str(&b, path);
	return buf_detach(&b, len);
}

/* ---- reading ---- */

struct reader {
	const char *p;
	size_t left;
	bool bad;
};

static const char *get_raw(struct reader *rd, size_t n)
{
	const char *at = rd->p;

	if (rd->bad || n > rd->left) {
		rd->bad = true;
		return NULL;
	}
	rd->p += n;
	rd->left -= n;
	return at;
}

static uint64_t get_u64(struct reader *rd)
{
	uint64_t v = 0;
	const char *at = get_raw(rd, sizeof(v));

	if (at)
		memcpy(&v, at, sizeof(v));
	return v;
}

/* A heap copy (NUL-terminated) or NULL; *n gets the length. */
static char *get_str(struct reader *rd, size_t *n)
{
	uint64_t len = get_u64(rd);
	const char *at;

	*n = 0;
	if (rd->bad || len == JOB_NULL)
		return NULL;
	at = get_raw(rd, len > SIZE_MAX ? SIZE_MAX : (size_t)len);
	if (!at)
		return NULL;
	*n = (size_t)len;
	return xstrndup(at, (size_t)len);
}

/* ---- rendering ---- */

/* The input on one line: control bytes would break the header. */
static void put_header(struct buf *out, const char *input)
{
	buf_append_str(out, "==> ");
	for (const char *p = input; *p; p++)
		buf_append_char(
		    out, (unsigned char)*p < 0x20 || *p == 0x7f ? '?' : *p);
	buf_append_str(out, " <==\n");
}

enum exit_code batch_render(const struct response *r,
			    const struct run_format *base, long index,
			    long long now, struct buf *out, char **diag)
{
	struct run_format f = *base;
	struct buf text;
	enum exit_code code;

	f.po.index = index;
	f.po.now = now;
	if (f.po.format == FORMAT_JSON && (!f.props.count || f.props.json))
		return run_render(r, &f, out, diag);
	buf_init(&text, BUF_NO_MAX);
	code = run_render(r, &f, &text, diag);
	put_header(out, r->input);
	if (*diag) {
		/* The diagnostic starts with the input, already in the header.
		 */
		const char *what = *diag;
		size_t n = strlen(r->input);

		if (strncmp(what, r->input, n) == 0 && what[n] == ':')
			what += n + (what[n + 1] == ' ' ? 2 : 1);
		buf_printf(out, "[%s]\n", what);
	}
	if (buf_append(out, text.ptr, text.len))
		code = EXIT_OUTPUT;
	buf_append_char(out, '\n');
	buf_release(&text);
	return code;
}

/* ---- the worker's side ---- */

/*
 * "example.com/page": what a URL without its scheme looks like.  The
 * list reader never guesses a scheme (an entry without one is a file);
 * this only adds a hint to the "no such file" record.
 */
static bool looks_like_host(const char *s)
{
	size_t end = strcspn(s, "/");
	size_t dot = 0, i;

	for (i = 0; i < end; i++) {
		char c = s[i];

		if (c == '.')
			dot = i;
		else if (!ascii_is_alnum((unsigned char)c) && c != '-' &&
			 c != ':')
			return false;
	}
	if (!dot || dot + 1 >= end)
		return false;
	for (i = dot + 1; i < end && s[i] != ':'; i++) {
		if (!ascii_is_alpha((unsigned char)s[i]))
			return false;
	}
	return true;
}

static void read_local(struct response *r, size_t max_bytes)
{
	if (fetch_local(r->input, max_bytes, r) == 0)
		return;
	if (r->fail == FAIL_UNREADABLE && looks_like_host(r->input) &&
	    access(r->input, F_OK) != 0) {
		char detail[512];

		snprintf(detail, sizeof(detail),
			 "%s: no such file (a URL needs http:// or https://)",
			 r->input);
		response_fail(r, FAIL_UNREADABLE, detail);
	}
}

static void run_decoded(struct reader *rd, int kind, const struct run_format *f,
			long index, size_t max_bytes, struct buf *out)
{
	struct response r;
	size_t n;
	char *diag = NULL;

	response_init(&r, NULL);
	r.status = (long)(int64_t)get_u64(rd);
	r.attempts = (int)(int64_t)get_u64(rd);
	long long now = (long long)(int64_t)get_u64(rd);
	free(r.input);
	r.input = get_str(rd, &n);
	if (kind == JOB_RESPONSE) {
		r.url = get_str(rd, &n);
		r.final_url = get_str(rd, &n);
		r.content_type = get_str(rd, &n);
		r.fetched_at = get_str(rd, &n);
		r.body = get_str(rd, &r.body_len);
	}
	if (rd->bad || !r.input) {
		response_release(&r);
		return; /* an empty result: the parent sees a broken reply */
	}
	if (kind == JOB_LOCAL)
		read_local(&r, max_bytes);
	struct buf record;
	buf_init(&record, BUF_NO_MAX);
	enum exit_code code = batch_render(&r, f, index, now, &record, &diag);
	put_u64(out, (uint64_t)(int64_t)code);
	put_str(out, diag);
	put_raw(out, record.ptr, record.len);
	buf_release(&record);
	free(diag);
	response_release(&r);
}

void batch_job_run(const void *ctx, const char *job, size_t len,
		   struct buf *out)
{
	struct reader rd = {.p = job, .left = len};
	const unsigned char *k = (const unsigned char *)get_raw(&rd, 1);
	long index = (long)(int64_t)get_u64(&rd);
	size_t max_bytes = (size_t)get_u64(&rd);

	if (!k || rd.bad || (k[0] != JOB_RESPONSE && k[0] != JOB_LOCAL))
		return;
	run_decoded(&rd, k[0], ctx, index, max_bytes, out);
}

int batch_job_result(const char *data, size_t len, enum exit_code *code,
		     char **diag, struct buf *record)
{
	struct reader rd = {.p = data, .left = len};
	size_t n;
	int64_t c = (int64_t)get_u64(&rd);

	*diag = get_str(&rd, &n);
	if (rd.bad || c < EXIT_OK || c > EXIT_OUTPUT) {
		free(*diag);
		*diag = NULL;
		return -1;
	}
	*code = (enum exit_code)c;
	if (buf_append(record, rd.p, rd.left))
		die_oom();
	return 0;
}
