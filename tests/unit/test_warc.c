/*
 * test_warc.c - WARC files written by warc_write_response() and by hand
 * (plain and gzip, per-record members and one member for all, records
 * of other types, chunked and compressed bodies, truncated and corrupt
 * records), read back with the streaming reader.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "base/buf.h"
#include "batch/warc.h"

enum { CAP = 1024 * 1024 };

/* data compressed as one gzip member, appended to out */
static void gz(struct buf *out, const char *data, size_t n)
{
	z_stream z = {0};
	unsigned char dst[64 * 1024];

	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	z.next_out = dst;
	z.avail_out = sizeof(dst);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	assert_int_equal(buf_append(out, dst, sizeof(dst) - z.avail_out), 0);
	deflateEnd(&z);
}

/* A record: WARC header with type and URI, then the block. */
static void record(struct buf *out, const char *type, const char *uri,
		   const char *block, size_t block_len, size_t claimed)
{
	assert_int_equal(buf_printf(out,
				    "WARC/1.1\r\nWARC-Type: %s\r\n"
				    "WARC-Target-URI: %s\r\n"
				    "WARC-Date: 2024-05-01T10:00:00Z\r\n"
				    "WARC-Record-ID: <urn:uuid:%s>\r\n"
				    "Content-Length: %zu\r\n\r\n",
				    type, uri, uri, claimed ? claimed : block_len),
			 0);
	assert_int_equal(buf_append(out, block, block_len), 0);
	assert_int_equal(buf_append_str(out, "\r\n\r\n"), 0);
}

static void response(struct buf *out, const char *uri, const char *http)
{
	record(out, "response", uri, http, strlen(http), 0);
}

static FILE *file_of(const struct buf *b)
{
	FILE *f = tmpfile();

	assert_non_null(f);
	assert_int_equal(fwrite(b->ptr, 1, b->len, f), b->len);
	rewind(f);
	return f;
}

static const char page_a[] =
	"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
	"<p>first page</p>";
static const char page_b[] =
	"HTTP/1.0 404 Not Found\r\ncontent-type: text/html\r\n\r\n<p>gone</p>";

static void expect_record(struct warc_reader *r, const char *uri, long status,
			  const char *body)
{
	struct warc_record rec;
	enum warc_status s = warc_next(r, &rec);

	if (s != WARC_RECORD)
		fail_msg("wanted %s, got status %d (%s)", uri, (int)s,
			 rec.error ? rec.error : "");
	assert_string_equal(rec.target_uri, uri);
	assert_int_equal(rec.status, status);
	assert_int_equal(rec.body_len, strlen(body));
	assert_memory_equal(rec.body, body, rec.body_len);
	assert_int_equal(rec.body[rec.body_len], '\0');
}

static void expect_bad(struct warc_reader *r, const char *what)
{
	struct warc_record rec;

	assert_int_equal(warc_next(r, &rec), WARC_BAD);
	assert_non_null(rec.error);
	if (!strstr(rec.error, what))
		fail_msg("error \"%s\" lacks \"%s\"", rec.error, what);
}

static void expect_end(struct warc_reader *r)
{
	struct warc_record rec;

	assert_int_equal(warc_next(r, &rec), WARC_END);
	assert_int_equal(warc_next(r, &rec), WARC_END);
}

static void written_records_read_back(void **state)
{
	FILE *f = tmpfile();
	struct warc_record rec;
	(void)state;

	assert_non_null(f);
	assert_int_equal(warc_write_response(f, "https://ex.com/a", NULL,
					     "HTTP/1.1 200 OK",
					     "Content-Type: text/html\r\n"
					     "Content-Encoding: gzip\n"
					     "Transfer-Encoding: chunked\r\n"
					     "Content-Length: 12\r\n",
					     "<p>hi</p>", 9), 0);
	assert_int_equal(warc_write_response(f, "https://ex.com/b",
					     "2024-05-01T10:00:00Z",
					     "HTTP/1.1 503 Service Unavailable",
					     NULL, "", 0), 0);
	/* values that would break the header are refused */
	assert_int_equal(warc_write_response(f, "https://ex.com/\r\nX: y", NULL,
					     "HTTP/1.1 200 OK", NULL, "", 0), -1);
	rewind(f);
	struct warc_reader *r = warc_reader_new(f, CAP);
	assert_int_equal(warc_next(r, &rec), WARC_RECORD);
	assert_string_equal(rec.target_uri, "https://ex.com/a");
	assert_int_equal(rec.status, 200);
	assert_string_equal(rec.content_type, "text/html");
	assert_string_equal(rec.body, "<p>hi</p>");
	/* the wire headers no longer describe the stored body */
	assert_non_null(strstr(rec.http_headers, "X-Crawler-Content-Encoding: gzip\r\n"));
	assert_non_null(strstr(rec.http_headers, "X-Crawler-Transfer-Encoding: chunked"));
	assert_non_null(strstr(rec.http_headers, "\r\nContent-Length: 9\r\n"));
	assert_int_equal(strlen(rec.record_id), strlen("<urn:uuid:") + 36 + 1);
	assert_int_equal(rec.record_id[strlen("<urn:uuid:") + 14], '4');
	assert_int_equal(strlen(rec.date), strlen("2024-05-01T10:00:00Z"));
	assert_int_equal(rec.date[10], 'T');
	assert_int_equal(warc_next(r, &rec), WARC_RECORD);
	assert_string_equal(rec.target_uri, "https://ex.com/b");
	assert_string_equal(rec.date, "2024-05-01T10:00:00Z");
	assert_int_equal(rec.date_epoch, 1714557600);
	assert_int_equal(rec.status, 503);
	assert_int_equal(rec.body_len, 0);
	assert_null(rec.content_type);
	expect_end(r);
	assert_int_equal(warc_reader_stats(r)->responses, 2);
	warc_reader_free(r);
	fclose(f);
}

static void other_types_are_skipped_and_counted(void **state)
{
	struct buf plain, gzipped, rec;
	(void)state;

	buf_init(&plain, BUF_NO_MAX);
	record(&plain, "warcinfo", "", "software: test\r\n", 16, 0);
	record(&plain, "request", "https://ex.com/a",
	       "GET /a HTTP/1.1\r\n\r\n", 19, 0);
	response(&plain, "https://ex.com/a", page_a);
	record(&plain, "metadata", "https://ex.com/a", "fetchTimeMs: 5\r\n", 16, 0);
	response(&plain, "dns:ex.com", "20240501 ex.com. 300 IN A 192.0.2.1");
	response(&plain, "<https://ex.com/b>", page_b);
	/* the same records, one gzip member each */
	buf_init(&gzipped, BUF_NO_MAX);
	buf_init(&rec, BUF_NO_MAX);
	const char *p = plain.ptr;
	while (p < plain.ptr + plain.len) {
		const char *next = strstr(p + 1, "WARC/1.1");
		size_t n = next ? (size_t)(next - p) : plain.len - (size_t)(p - plain.ptr);
		gz(&gzipped, p, n);
		p += n;
	}
	for (int pass = 0; pass < 2; pass++) {
		FILE *f = file_of(pass ? &gzipped : &plain);
		struct warc_reader *r = warc_reader_new(f, CAP);
		expect_record(r, "https://ex.com/a", 200, "<p>first page</p>");
		/* WARC/1.0 writers put the URI in angle brackets */
		expect_record(r, "https://ex.com/b", 404, "<p>gone</p>");
		expect_end(r);
		const struct warc_stats *st = warc_reader_stats(r);
		assert_int_equal(st->responses, 2);
		assert_int_equal(st->skipped, 4); /* 3 other types, 1 dns */
		assert_int_equal(st->bad, 0);
		warc_reader_free(r);
		fclose(f);
	}
	buf_release(&plain);
	buf_release(&gzipped);
	buf_release(&rec);
}

static void one_member_for_the_whole_file(void **state)
{
	struct buf plain, gzipped;
	(void)state;

	buf_init(&plain, BUF_NO_MAX);
	buf_init(&gzipped, BUF_NO_MAX);
	response(&plain, "https://ex.com/a", page_a);
	record(&plain, "request", "https://ex.com/b", "GET /b HTTP/1.1\r\n\r\n", 19, 0);
	response(&plain, "https://ex.com/b", page_b);
	gz(&gzipped, plain.ptr, plain.len);
	FILE *f = file_of(&gzipped);
	struct warc_reader *r = warc_reader_new(f, CAP);
	expect_record(r, "https://ex.com/a", 200, "<p>first page</p>");
	expect_record(r, "https://ex.com/b", 404, "<p>gone</p>");
	expect_end(r);
	warc_reader_free(r);
	fclose(f);
	buf_release(&plain);
	buf_release(&gzipped);
}

static void chunked_and_compressed_bodies_are_decoded(void **state)
{
	struct buf file, zbody, http;
	const char html[] = "<html><body><p>compressed and chunked</p></body></html>";
	(void)state;

	buf_init(&zbody, BUF_NO_MAX);
	gz(&zbody, html, strlen(html));
	buf_init(&http, BUF_NO_MAX);
	assert_int_equal(buf_printf(&http,
				    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
				    "Transfer-Encoding: chunked\r\n"
				    "Content-Encoding: gzip\r\n\r\n%zx;ext=1\r\n",
				    zbody.len - 10), 0);
	assert_int_equal(buf_append(&http, zbody.ptr, zbody.len - 10), 0);
	assert_int_equal(buf_printf(&http, "\r\n%x\r\n", 10), 0);
	assert_int_equal(buf_append(&http, zbody.ptr + zbody.len - 10, 10), 0);
	assert_int_equal(buf_append_str(&http, "\r\n0\r\nX-Trailer: 1\r\n\r\n"), 0);
	buf_init(&file, BUF_NO_MAX);
	record(&file, "response", "https://ex.com/z", http.ptr, http.len, 0);
	/* a body stored decoded, with the header kept: taken as it is */
	response(&file, "https://ex.com/kept",
		 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
		 "Content-Encoding: gzip\r\n\r\n<p>already decoded</p>");
	FILE *f = file_of(&file);
	struct warc_reader *r = warc_reader_new(f, CAP);
	expect_record(r, "https://ex.com/z", 200, html);
	expect_record(r, "https://ex.com/kept", 200, "<p>already decoded</p>");
	expect_end(r);
	warc_reader_free(r);
	fclose(f);
	buf_release(&file);
	buf_release(&zbody);
	buf_release(&http);
}

static void bodies_stop_at_the_cap(void **state)
{
	struct buf file, http;
	struct warc_record rec;
	(void)state;

	buf_init(&http, BUF_NO_MAX);
	assert_int_equal(buf_append_str(&http, "HTTP/1.1 200 OK\r\n\r\n"), 0);
	for (int i = 0; i < 100000; i++)
		assert_int_equal(buf_append_char(&http, (char)('a' + i % 26)), 0);
	buf_init(&file, BUF_NO_MAX);
	record(&file, "response", "https://ex.com/big", http.ptr, http.len, 0);
	response(&file, "https://ex.com/a", page_a);
	FILE *f = file_of(&file);
	struct warc_reader *r = warc_reader_new(f, 1000);
	assert_int_equal(warc_next(r, &rec), WARC_RECORD);
	assert_int_equal(rec.body_len, 1000);
	assert_true(rec.truncated);
	assert_memory_equal(rec.body, "abcdefghij", 10);
	expect_record(r, "https://ex.com/a", 200, "<p>first page</p>");
	expect_end(r);
	warc_reader_free(r);
	fclose(f);
	buf_release(&file);
	buf_release(&http);
}

static void plain_damage_is_reported_and_skipped(void **state)
{
	struct buf file;
	(void)state;

	buf_init(&file, BUF_NO_MAX);
	response(&file, "https://ex.com/a", page_a);
	assert_int_equal(buf_append_str(&file, "this is not a WARC header\r\n"
					       "Content-Length: 5\r\n\r\n"), 0);
	assert_int_equal(buf_append_str(&file, "WARC/1.0\r\nWARC-Type: response\r\n"
					       "Content-Length: many\r\n\r\n"), 0);
	response(&file, "https://ex.com/b", page_b);
	/* the last record claims more than the file holds */
	record(&file, "response", "https://ex.com/cut", page_a, 30, 500);
	FILE *f = file_of(&file);
	struct warc_reader *r = warc_reader_new(f, CAP);
	expect_record(r, "https://ex.com/a", 200, "<p>first page</p>");
	expect_bad(r, "no WARC version line");
	expect_bad(r, "no valid Content-Length");
	expect_record(r, "https://ex.com/b", 404, "<p>gone</p>");
	expect_bad(r, "record truncated");
	expect_end(r);
	assert_int_equal(warc_reader_stats(r)->bad, 3);
	assert_int_equal(warc_reader_stats(r)->responses, 2);
	warc_reader_free(r);
	fclose(f);
	buf_release(&file);
}

static void gzip_damage_is_reported_and_skipped(void **state)
{
	struct buf file, one;
	(void)state;

	buf_init(&file, BUF_NO_MAX);
	buf_init(&one, BUF_NO_MAX);
	response(&one, "https://ex.com/a", page_a);
	gz(&file, one.ptr, one.len);
	/* a member whose record claims more bytes than the member holds */
	buf_reset(&one);
	record(&one, "response", "https://ex.com/short", page_b, strlen(page_b), 4000);
	gz(&file, one.ptr, one.len);
	buf_reset(&one);
	response(&one, "https://ex.com/b", page_b);
	gz(&file, one.ptr, one.len);
	/* a member with its deflate data overwritten */
	buf_reset(&one);
	response(&one, "https://ex.com/corrupt", page_a);
	size_t at = file.len;
	gz(&file, one.ptr, one.len);
	memset(file.ptr + at + 12, 0xff, 24);
	buf_reset(&one);
	response(&one, "https://ex.com/c", page_a);
	gz(&file, one.ptr, one.len);
	/* and a member cut off by the end of the file */
	buf_reset(&one);
	response(&one, "https://ex.com/end", page_b);
	at = file.len;
	gz(&file, one.ptr, one.len);
	buf_truncate(&file, at + (file.len - at) / 2);

	FILE *f = file_of(&file);
	struct warc_reader *r = warc_reader_new(f, CAP);
	expect_record(r, "https://ex.com/a", 200, "<p>first page</p>");
	expect_bad(r, "record truncated");
	expect_record(r, "https://ex.com/b", 404, "<p>gone</p>");
	expect_bad(r, "gzip data corrupt");
	expect_record(r, "https://ex.com/c", 200, "<p>first page</p>");
	expect_bad(r, "truncated");
	expect_end(r);
	assert_int_equal(warc_reader_stats(r)->bad, 3);
	warc_reader_free(r);
	fclose(f);
	buf_release(&file);
	buf_release(&one);
}

static void empty_and_foreign_files(void **state)
{
	struct buf file;
	struct warc_record rec;
	(void)state;

	buf_init(&file, BUF_NO_MAX);
	FILE *f = file_of(&file);
	struct warc_reader *r = warc_reader_new(f, CAP);
	expect_end(r);
	warc_reader_free(r);
	fclose(f);
	assert_int_equal(buf_append_str(&file, "<html>not a warc</html>\n"), 0);
	f = file_of(&file);
	r = warc_reader_new(f, CAP);
	assert_int_equal(warc_next(r, &rec), WARC_BAD);
	expect_end(r);
	warc_reader_free(r);
	fclose(f);
	buf_release(&file);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(written_records_read_back),
		cmocka_unit_test(other_types_are_skipped_and_counted),
		cmocka_unit_test(one_member_for_the_whole_file),
		cmocka_unit_test(chunked_and_compressed_bodies_are_decoded),
		cmocka_unit_test(bodies_stop_at_the_cap),
		cmocka_unit_test(plain_damage_is_reported_and_skipped),
		cmocka_unit_test(gzip_damage_is_reported_and_skipped),
		cmocka_unit_test(empty_and_foreign_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
