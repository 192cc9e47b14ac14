/*
 * warc_make.c - writes a small WARC file for the tests of --warc.
 *
 *   warc_make FILE.warc.gz
 *
 * The records, each its own gzip member (as Common Crawl writes them),
 * in this order; the HTML responses are written by warc_write_response(),
 * the rest by hand:
 *   1. a page "Harbour notes" (200, text/html), dated 2024-05-01
 *   2. a warcinfo record                          (skipped: no response)
 *   3. an image (200, image/png)                  (skipped: not HTML)
 *   4. a redirect (301, text/html body)           (skipped: no page)
 *   5. a response that ends early: its Content-Length claims more than
 *      its member holds                           (bad, reported)
 *   6. a page "Lost page" (404, text/html)
 *   7. a page "Untyped page" with no Content-Type (its body is markup)
 *   8. a page published 2024-06-01 in a record dated 2024-05-01: a date
 *      after the record's cannot be the page's
 *   9. the same page in a record dated 2025-01-01
 * Exit status 0, or 1 when the file cannot be written.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "base/buf.h"
#include "batch/warc.h"

#define PAGE(title, extra)                                                     \
	"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"      \
	"<title>" title "</title>" extra "</head><body><article><h1>" title    \
	"</h1><p>The harbour master keeps a log of every boat that comes in, " \
	"and this page is one of its entries, written out in full.</p>"        \
	"<p>Boats leave at dawn and return by the evening tide.</p>"           \
	"</article></body></html>"

#define DATED                                                                  \
	"<meta property=\"article:published_time\" content=\"2024-06-01\">"

/* data as one gzip member, written to f */
static int gz_write(FILE *f, const char *data, size_t n)
{
	z_stream z = {0};
	unsigned char dst[64 * 1024];
	int ok;

	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) !=
	    Z_OK)
		return -1;
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)n;
	z.next_out = dst;
	z.avail_out = sizeof(dst);
	ok = deflate(&z, Z_FINISH) == Z_STREAM_END;
	deflateEnd(&z);
	if (!ok)
		return -1;
	size_t made = sizeof(dst) - z.avail_out;
	return fwrite(dst, 1, made, f) == made ? 0 : -1;
}

/* A record by hand; claimed > 0 states a wrong Content-Length. */
static int raw_record(FILE *f, const char *type, const char *uri,
		      const char *block, size_t claimed)
{
	struct buf b;
	int rc;

	buf_init(&b, BUF_NO_MAX);
	rc = buf_printf(&b,
			"WARC/1.1\r\nWARC-Type: %s\r\n"
			"WARC-Target-URI: %s\r\n"
			"WARC-Date: 2024-05-01T10:00:00Z\r\n"
			"WARC-Record-ID: "
			"<urn:uuid:00000000-0000-4000-8000-%012zu>\r\n"
			"Content-Length: %zu\r\n\r\n%s\r\n\r\n",
			type, uri, strlen(uri),
			claimed ? claimed : strlen(block), block);
	if (rc == 0)
		rc = gz_write(f, b.ptr, b.len);
	buf_release(&b);
	return rc;
}

static int page(FILE *f, const char *url, const char *date,
		const char *status, const char *headers, const char *body)
{
	return warc_write_response(f, url, date, status, headers, body,
				   strlen(body));
}

static int write_all(FILE *f)
{
	static const char html[] = "Content-Type: text/html; charset=utf-8\r\n";
	int rc = 0;

	rc |= page(f, "https://harbour.example/notes", "2024-05-01T10:00:00Z",
		   "HTTP/1.1 200 OK", html, PAGE("Harbour notes", ""));
	rc |= raw_record(f, "warcinfo", "", "software: warc_make", 0);
	rc |= page(f, "https://harbour.example/logo.png",
		   "2024-05-01T10:00:01Z",
		   "HTTP/1.1 200 OK", "Content-Type: image/png\r\n",
		   "\x89PNG\r\n\x1a\n");
	rc |= page(f, "https://harbour.example/old", "2024-05-01T10:00:02Z",
		   "HTTP/1.1 301 Moved Permanently",
		   "Location: https://harbour.example/notes\r\n"
		   "Content-Type: text/html\r\n",
		   "<html><body>Moved</body></html>");
	rc |= raw_record(f, "response", "https://harbour.example/cut",
			 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
			 "<html><title>Cut",
			 5000);
	rc |= page(f, "https://harbour.example/lost", "2024-05-01T10:00:03Z",
		   "HTTP/1.1 404 Not Found", html, PAGE("Lost page", ""));
	rc |= page(f, "https://harbour.example/untyped", "2024-05-01T10:00:04Z",
		   "HTTP/1.1 200 OK", NULL, PAGE("Untyped page", ""));
	rc |= page(f, "https://harbour.example/dated", "2024-05-01T10:00:05Z",
		   "HTTP/1.1 200 OK", html, PAGE("Dated page", DATED));
	rc |= page(f, "https://harbour.example/dated", "2025-01-01T00:00:00Z",
		   "HTTP/1.1 200 OK", html, PAGE("Dated page", DATED));
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: warc_make FILE.warc.gz\n");
		return 2;
	}
	FILE *f = fopen(argv[1], "wb");
	if (!f) {
		perror(argv[1]);
		return 1;
	}
	int rc = write_all(f);
	if (fclose(f) != 0)
		rc = -1;
	if (rc)
		fprintf(stderr, "warc_make: %s: write failed\n", argv[1]);
	return rc ? 1 : 0;
}
