/*
 * warc_int.h - the parts of the WARC reader that work on one record's
 * bytes, shared by warc.c (the stream) and warc_http.c (the parsing).
 */
#ifndef EXTRACT_WARC_INT_H
#define EXTRACT_WARC_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "batch/warc.h"

struct buf;

/* The WARC header fields the reader uses; strings live in the store. */
struct warc_fields {
	const char *type;       /* WARC-Type */
	const char *target_uri; /* WARC-Target-URI, <> removed (WARC/1.0) */
	const char *date;       /* WARC-Date */
	const char *record_id;  /* WARC-Record-ID */
	uint64_t length;        /* Content-Length of the block */
};

/*
 * Parses the header block hdr (version line, fields, blank line) into
 * out, copying values into store.  Returns NULL, or what is wrong.
 */
const char *warc_parse_fields(struct buf *store, const char *hdr, size_t len,
			      struct warc_fields *out);

/* A WARC-Date ("2024-05-01T10:00:00Z", fractions allowed) as Unix
   time, or 0. */
long long warc_date_epoch(const char *s);

/* The end of a header block (after its empty line) in s, or 0. */
size_t warc_blank_line_end(const char *s, size_t n);

/* A response record's block and the buffers to decode it into. */
struct warc_http {
	struct buf *block; /* the kept prefix of the block */
	struct buf *http;  /* receives the header lines and Content-Type */
	struct buf *body;  /* receives a body that had to be decoded */
	size_t max_body;
};

enum warc_http_result {
	WARC_HTTP_OK,       /* out's HTTP fields are set */
	WARC_HTTP_BAD,      /* *problem says why */
	WARC_HTTP_NOT_HTTP, /* the block is no HTTP response (dns: ...) */
};

/*
 * Splits the block into status, headers and body, undoing chunked
 * transfer coding and gzip or deflate content coding; cut tells that the
 * block was longer than what was kept.
 */
enum warc_http_result warc_http_decode(const struct warc_http *h, bool cut,
				       struct warc_record *out,
				       const char **problem);

#endif
