/*
 * warc.h - reading and writing WARC files (ISO 28500; WARC/1.0 and 1.1).
 *
 * The reader streams a file, plain or gzip-compressed.  A compressed
 * WARC is a series of gzip members, one per record as Common Crawl and
 * wget write them (a single member holding every record works too).  It
 * yields the HTTP responses of `response` records: target URI, date,
 * status, headers and body, the body de-chunked and decompressed when
 * the HTTP headers say it was sent so.  Other record types are skipped
 * and counted.  A record that is truncated or corrupt is reported as
 * WARC_BAD and skipped; reading goes on at the next record.
 *
 * Memory is bounded: a record's block is kept only up to the byte cap
 * (plus room for the HTTP headers) and the rest is read past, so one huge
 * record costs time, not memory.
 *
 * The writer appends one `response` record as its own gzip member, so
 * files written in several runs, or by several writers one after the
 * other, are valid WARC files.
 */
#ifndef EXTRACT_WARC_H
#define EXTRACT_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct warc_reader;

enum warc_status {
	WARC_RECORD, /* a response record: see struct warc_record */
	WARC_BAD,    /* a truncated or corrupt record, skipped: see error */
	WARC_END,    /* no more records */
	WARC_IO,     /* the file could not be read: see error; stop */
};

/*
 * One record.  Strings are NUL-terminated and owned by the reader: valid
 * until the next warc_next() or warc_reader_free().  NULL when absent.
 */
struct warc_record {
	const char *target_uri;   /* WARC-Target-URI */
	const char *date;         /* WARC-Date, as written (ISO 8601) */
	long long date_epoch;     /* the WARC-Date as Unix time; 0 if unread */
	const char *record_id;    /* WARC-Record-ID */
	long status;              /* HTTP status code */
	const char *http_headers; /* the HTTP header lines, CRLF-separated */
	const char *content_type; /* the HTTP Content-Type */
	const char *body;         /* the payload, decoded; may hold NUL */
	size_t body_len;
	bool truncated;           /* the body was cut at the byte cap */
	const char *error;        /* WARC_BAD, WARC_IO: what went wrong */
	uint64_t offset;          /* where the record starts: its gzip member
				     in a compressed file, else its byte */
};

struct warc_stats {
	unsigned long responses; /* response records yielded */
	unsigned long skipped;   /* other record types, and non-HTTP blocks */
	unsigned long bad;       /* truncated or corrupt records */
};

/*
 * A reader over f, which stays the caller's (to fclose after the
 * reader is freed).  max_body caps each yielded body in bytes.
 */
struct warc_reader *warc_reader_new(FILE *f, size_t max_body);
void warc_reader_free(struct warc_reader *r);

enum warc_status warc_next(struct warc_reader *r, struct warc_record *out);
const struct warc_stats *warc_reader_stats(const struct warc_reader *r);

/*
 * Appends a gzip-compressed `response` record for url to f with one
 * fwrite.  status_line is the HTTP status line without CRLF ("HTTP/1.1
 * 200 OK"); headers are "Name: value" lines, each ending in CRLF or LF
 * (may be NULL).  The body is stored as given: since HTTP clients hand
 * over bodies already de-chunked and decompressed, Content-Encoding,
 * Transfer-Encoding and Content-Length are renamed X-Crawler-* (as
 * Common Crawl does) and a Content-Length for the stored body is added.
 * date is the WARC-Date (ISO 8601, UTC) or NULL for now.  The record ID
 * is a random (version 4) UUID from /dev/urandom.  Returns 0 or -1.
 */
int warc_write_response(FILE *f, const char *url, const char *date,
			const char *status_line, const char *headers,
			const char *body, size_t body_len);

#endif
