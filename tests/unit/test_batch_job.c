/*
 * test_batch_job.c - what travels to a parser worker and back: a fetched
 * response and a local path as jobs, their results, broken messages, and
 * the text form of batch records.
 *
 * batch_job_run() is called directly here, as the worker would.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch_job.h"
#include "base/buf.h"
#include "base/msg.h"
#include "pipeline/pipeline.h"
#include "base/response.h"
#include "run/run.h"

#define PAGE                                                                   \
	"<html><head><title>Harbour news</title></head><body>"                 \
	"<article><p>The ferry timetable changes in spring, the "              \
	"council said on Monday after a long debate.</p></article>"            \
	"</body></html>"

static struct run_format *options(enum output_format format)
{
	static struct run_format f;

	f = (struct run_format){0};
	pipeline_options_defaults(&f.po);
	f.po.format = format;
	return &f;
}

/* Runs job through the worker's handler and splits the result. */
static enum exit_code round_trip(char *job, size_t len, char **diag,
				 struct buf *record)
{
	struct buf result;
	enum exit_code code = EXIT_OUTPUT;

	buf_init(&result, BUF_NO_MAX);
	batch_job_run(options(FORMAT_JSON), job, len, &result);
	free(job);
	assert_int_equal(
	    batch_job_result(result.ptr, result.len, &code, diag, record), 0);
	buf_release(&result);
	return code;
}

static void test_response_json(void **state)
{
	struct response r;
	struct buf rec;
	char *diag = NULL;
	size_t len;

	(void)state;
	response_init(&r, "http://a.example/news");
	r.url = xstrdup("http://a.example/news");
	r.final_url = xstrdup("http://a.example/news/");
	r.status = 200;
	r.attempts = 2;
	r.content_type = xstrdup("text/html; charset=utf-8");
	r.body = xstrdup(PAGE);
	r.body_len = strlen(PAGE);
	r.fetched_at = xstrdup("2024-05-01T10:00:00Z");
	buf_init(&rec, BUF_NO_MAX);
	char *job = batch_job_from_response(&r, 41, 0, &len);
	assert_int_equal(round_trip(job, len, &diag, &rec), EXIT_OK);
	assert_null(diag);
	assert_non_null(strstr(rec.ptr, "\"input\":\"http://a.example/news\""));
	assert_non_null(strstr(rec.ptr, "\"index\":41"));
	assert_non_null(
	    strstr(rec.ptr, "\"final_url\":\"http://a.example/news/\""));
	assert_non_null(strstr(rec.ptr, "\"attempts\":2"));
	assert_non_null(
	    strstr(rec.ptr, "\"fetched_at\":\"2024-05-01T10:00:00Z\""));
	assert_non_null(strstr(rec.ptr, "Harbour news"));
	assert_int_equal(rec.ptr[rec.len - 1], '\n');
	assert_null(memchr(rec.ptr, '\n', rec.len - 1));
	buf_release(&rec);
	response_release(&r);
}

/* -p: one JSON object of the fields, or raw lines under a header. */
static void test_properties(void **state)
{
	static const char *const names[] = {"title", "status", "error"};
	struct response r;
	struct buf out;
	char *diag = NULL;
	struct run_format *f = options(FORMAT_JSON);

	(void)state;
	response_init(&r, "http://a.example/news");
	r.status = 200;
	r.body = xstrdup(PAGE);
	r.body_len = strlen(PAGE);
	f->props = (struct property_list){names, 3, true};
	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(batch_render(&r, f, 5, 0, &out, &diag), EXIT_OK);
	assert_string_equal(
	    out.ptr, "{\"title\":\"Harbour news\",\"status\":200,\"error\":null}\n");
	buf_reset(&out);
	f->props.json = false;
	assert_int_equal(batch_render(&r, f, 5, 0, &out, &diag), EXIT_OK);
	assert_string_equal(out.ptr, "==> http://a.example/news <==\n"
				     "Harbour news\n200\n\n\n");
	buf_release(&out);
	response_release(&r);
}

static void test_missing_path_hint(void **state)
{
	struct buf rec;
	char *diag = NULL;
	size_t len;

	(void)state;
	buf_init(&rec, BUF_NO_MAX);
	char *job = batch_job_from_path("www.example.org/page", 3, 1000, &len);
	assert_int_equal(round_trip(job, len, &diag, &rec), EXIT_UNREADABLE);
	assert_non_null(diag);
	assert_non_null(strstr(diag, "a URL needs http:// or https://"));
	assert_non_null(strstr(rec.ptr, "\"kind\":\"unreadable\""));
	free(diag);
	buf_release(&rec);
}

static void test_text_record(void **state)
{
	struct response r;
	struct buf out;
	char *diag = NULL;

	(void)state;
	response_init(&r, "http://a.example/\x01x");
	r.status = 200;
	r.body = xstrdup(PAGE);
	r.body_len = strlen(PAGE);
	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(batch_render(&r, options(FORMAT_TEXT), 0, 0, &out, &diag),
			 EXIT_OK);
	assert_true(strncmp(out.ptr, "==> http://a.example/?x <==\n", 28) == 0);
	assert_non_null(strstr(out.ptr, "Harbour news\n"));
	assert_true(out.len > 2 && out.ptr[out.len - 1] == '\n' &&
		    out.ptr[out.len - 2] == '\n');
	buf_release(&out);
	response_release(&r);

	/* A failure: the header, then the reason in brackets. */
	response_init(&r, "ftp://x/");
	response_fail(&r, FAIL_INVALID_URL, "line 3: unsupported scheme");
	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(batch_render(&r, options(FORMAT_TEXT), 2, 0, &out, &diag),
			 EXIT_UNREADABLE);
	assert_string_equal(out.ptr, "==> ftp://x/ <==\n"
				     "[line 3: unsupported scheme]\n\n");
	free(diag);
	buf_release(&out);
	response_release(&r);
}

static void test_broken_messages(void **state)
{
	struct buf result, rec;
	enum exit_code code;
	char *diag = NULL;
	size_t len;

	(void)state;
	buf_init(&result, BUF_NO_MAX);
	buf_init(&rec, BUF_NO_MAX);
	/* A job cut short gives an empty result, which is no result. */
	char *job = batch_job_from_path("page.html", 0, 10, &len);
	batch_job_run(options(FORMAT_JSON), job, len - 3, &result);
	assert_int_equal(result.len, 0);
	assert_int_equal(
	    batch_job_result(result.ptr, result.len, &code, &diag, &rec), -1);
	batch_job_run(options(FORMAT_JSON), "garbage", 7, &result);
	assert_int_equal(result.len, 0);
	/* A result with a length past its end. */
	static const char bad[] = "\0\0\0\0\0\0\0\0\xff\0\0\0\0\0\0\0x";
	assert_int_equal(
	    batch_job_result(bad, sizeof(bad) - 1, &code, &diag, &rec), -1);
	assert_null(diag);
	free(job);
	buf_release(&result);
	buf_release(&rec);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_response_json),
	    cmocka_unit_test(test_properties),
	    cmocka_unit_test(test_missing_path_hint),
	    cmocka_unit_test(test_text_record),
	    cmocka_unit_test(test_broken_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
