/*
 * fuzz_pipeline.c - the whole pipeline, from received bytes to a record.
 *
 * Input: byte 0 picks the HTTP status, byte 1 the Content-Type, byte 2
 * a set of option flags (below); the rest is the body.  The response is
 * built as fetch would build it and run through pipeline_run() in
 * process, as run.c does, so the fuzzer sees every stage: binary check,
 * charset sniffing, decoding, the dom.c guards and gumbo, extraction and
 * rendering.
 *
 * Oracles, beyond "no crash, no leak, no sanitizer report":
 * - the JSON record is one line ending in "\n", valid UTF-8 and strict
 *   JSON (check.c), and has every key of schema_version 1, as jansson
 *   also agrees;
 * - the text record is valid UTF-8 without NUL;
 * - the record is at most PIPE_K bytes per body byte plus PIPE_C: no
 *   input amplifies without bound;
 * - the exit code is one pipeline_run() may return, never EXIT_OUTPUT
 *   (rendering into an unbounded buffer cannot fail);
 * - the same input gives the same record, exit code and diagnostic.
 */
#include "fuzz.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "pipeline/pipeline.h"
#include "base/response.h"

#define HARNESS "fuzz_pipeline"

/*
 * A body byte becomes at most 3 bytes of UTF-8 and a control character
 * 6 bytes of JSON escape; a few fields (title, description, body, site
 * name, authors) may each carry the same text.  The constant covers the
 * fixed keys, the URLs and the diagnostics.
 */
#define PIPE_K 64
#define PIPE_C 8192

enum {
	FLAG_TEXT = 1 << 0,     /* also render as text */
	FLAG_BASE_URL = 1 << 1, /* a --base-url */
	FLAG_FETCHED = 1 << 2,  /* url and final_url, as from fetch */
	FLAG_INDEX = 1 << 3,    /* a list position */
	FLAG_SMALL = 1 << 4,    /* a decoded-size cap near the body size */
	FLAG_FAILED = 1 << 5,   /* a transport failure, the body as detail */
};

static const long statuses[] = {
    0,   200, 200, 200, 201, 203, 204, 206, 301, 302, 304,
    400, 401, 403, 404, 404, 405, 408, 410, 418, 429, 451,
    500, 502, 503, 504, 520, 599, 1,   99,  600, 999,
};

static const char *const content_types[] = {
    NULL,
    "text/html",
    "text/html; charset=utf-8",
    "text/html;charset=UTF-8",
    "text/html; charset=\"windows-1251\"",
    "text/html; charset=shift_jis",
    "text/html; charset=euc-kr",
    "text/html; charset=gb18030",
    "text/html; charset=big5",
    "text/html; charset=utf-16le",
    "text/html; charset=utf-16be",
    "text/html; charset=iso-2022-jp",
    "text/html; charset=iso-2022-kr",
    "text/html; charset=x-user-defined",
    "text/html; charset=koi8-r",
    "text/html; charset=euc-jp",
    "text/html; charset=windows-874",
    "text/html; charset=iso-8859-8-i",
    "text/html; charset=x-mac-cyrillic",
    "text/html; charset=utf-7",
    "text/html; charset=bogus",
    "text/html; charset=",
    "text/html; charset='latin1'; charset=utf-8",
    "TEXT/HTML; Charset = \"Shift_JIS\" ",
    "text/plain",
    "application/xhtml+xml",
    "application/xml; charset=gbk",
    "application/json",
    "application/pdf",
    "image/png",
    "",
    ";;;charset",
};

static const char *const keys[] = {
    "schema_version", "input",          "url",           "final_url",
    "status",         "content_type",   "charset",       "error",
    "title",          "body",           "disclaimer",    "language",
    "authors",        "date_published", "date_modified", "site_name",
    "description",    "canonical_url",  "image",         "truncated",
    "attempts",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

struct outcome {
	struct buf out;
	enum exit_code code;
	char *diag;
};

static void run(const struct response *r, const struct pipeline_options *o,
		struct outcome *res)
{
	buf_init(&res->out, BUF_NO_MAX);
	res->code = pipeline_run(r, o, &res->out, &res->diag);
}

static void outcome_release(struct outcome *res)
{
	buf_release(&res->out);
	free(res->diag);
}

static bool same(const struct outcome *a, const struct outcome *b)
{
	if (a->code != b->code || a->out.len != b->out.len ||
	    memcmp(a->out.ptr, b->out.ptr, a->out.len))
		return false;
	if (!a->diag || !b->diag)
		return a->diag == b->diag;
	return !strcmp(a->diag, b->diag);
}

static void check_keys(const char *text, size_t len)
{
	json_error_t err;
	json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &err);

	FUZZ_CHECK(HARNESS, root, "jansson rejects the JSON record");
	FUZZ_CHECK(HARNESS, json_is_object(root), "the record is no object");
	for (size_t i = 0; i < COUNT(keys); i++)
		FUZZ_CHECK(HARNESS, json_object_get(root, keys[i]),
			   "a schema key is missing");
	FUZZ_CHECK(
	    HARNESS,
	    json_integer_value(json_object_get(root, "schema_version")) == 1,
	    "schema_version is not 1");
	FUZZ_CHECK(HARNESS, json_is_boolean(json_object_get(root, "truncated")),
		   "truncated is not a boolean");
	FUZZ_CHECK(HARNESS, json_is_array(json_object_get(root, "authors")),
		   "authors is not an array");
	json_t *error = json_object_get(root, "error");
	FUZZ_CHECK(HARNESS,
		   json_is_null(error) ||
		       json_is_string(json_object_get(error, "kind")),
		   "error is neither null nor an object with a kind");
	json_decref(root);
}

static void check_json(const struct outcome *res, size_t body_len)
{
	const char *p = res->out.ptr;
	size_t len = res->out.len;

	FUZZ_CHECK(HARNESS, len && p[len - 1] == '\n',
		   "the JSON record does not end in a newline");
	FUZZ_CHECK(HARNESS, !memchr(p, '\n', len - 1),
		   "the JSON record spans several lines");
	FUZZ_CHECK(HARNESS, fuzz_utf8_valid(p, len) && !memchr(p, '\0', len),
		   "the JSON record is not valid UTF-8 without NUL");
	FUZZ_CHECK(HARNESS, fuzz_json_valid(p, len - 1, NULL, NULL, NULL),
		   "the JSON record is not strict JSON");
	FUZZ_CHECK(HARNESS, len <= PIPE_K * body_len + PIPE_C,
		   "the JSON record is out of proportion to the input");
	check_keys(p, len - 1);
}

static void check_text(const struct outcome *res, size_t body_len)
{
	const char *p = res->out.ptr;
	size_t len = res->out.len;

	FUZZ_CHECK(HARNESS, fuzz_utf8_valid(p, len) && !memchr(p, '\0', len),
		   "the text record is not valid UTF-8 without NUL");
	FUZZ_CHECK(HARNESS, len <= PIPE_K * body_len + PIPE_C,
		   "the text record is out of proportion to the input");
}

static void check_code(enum exit_code code)
{
	FUZZ_CHECK(HARNESS,
		   code == EXIT_OK || code == EXIT_ERROR_PAGE ||
		       code == EXIT_FETCH || code == EXIT_UNREADABLE,
		   "pipeline_run returned an unexpected exit code");
}

/* Runs one format twice: checks the record and that it is repeatable. */
static void run_format(const struct response *r, struct pipeline_options *o,
		       enum output_format format)
{
	struct outcome first, again;

	o->format = format;
	run(r, o, &first);
	check_code(first.code);
	if (format == FORMAT_JSON)
		check_json(&first, r->body_len);
	else
		check_text(&first, r->body_len);
	run(r, o, &again);
	FUZZ_CHECK(HARNESS, same(&first, &again),
		   "the same input gave a different outcome");
	outcome_release(&first);
	outcome_release(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t head[3] = {0, 0, 0};
	size_t skip = size < 3 ? size : 3;
	struct response r = {0};
	struct pipeline_options o;
	char input[] = "fuzz-input.html";
	char url[] = "http://fuzz.example/a";
	char final_url[] = "https://fuzz.example/b?c=d#e";

	memcpy(head, data, skip);
	r.input = input;
	r.status = statuses[head[0] % COUNT(statuses)];
	r.content_type =
	    (char *)(uintptr_t)content_types[head[1] % COUNT(content_types)];
	r.body = fuzz_dup(data + skip, size - skip);
	r.body_len = size - skip;
	r.attempts = 1;
	pipeline_options_defaults(&o);
	if (head[2] & FLAG_BASE_URL)
		o.base_url = "https://fuzz.example/dir/page.html";
	if (head[2] & FLAG_FETCHED) {
		r.url = url;
		r.final_url = final_url;
	}
	if (head[2] & FLAG_INDEX)
		o.index = 7;
	if (head[2] & FLAG_SMALL)
		o.max_html_bytes = r.body_len / 2 + 1;
	if (head[2] & FLAG_FAILED) {
		r.fail = (enum fail_kind)(1 + head[1] % FAIL_PARSE_TIMEOUT);
		r.fail_detail = r.body;
	}

	run_format(&r, &o, FORMAT_JSON);
	if (head[2] & FLAG_TEXT)
		run_format(&r, &o, FORMAT_TEXT);
	free(r.body);
	return 0;
}
