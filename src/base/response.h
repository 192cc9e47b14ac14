/*
 * response.h - one input's bytes and what the transport said about them.
 *
 * Filled by fetch (a URL) or fetch_local (a file or stdin); consumed by
 * pipeline_run(), which never does I/O.  All strings are heap-owned by
 * the response and freed by response_release().
 */
#ifndef EXTRACT_RESPONSE_H
#define EXTRACT_RESPONSE_H

#include <stddef.h>

/* Why no page exists; the JSON error.kind of each is in fail_kind_name(). */
enum fail_kind {
	FAIL_NONE = 0,
	FAIL_FETCH,      /* DNS, connect, TLS, protocol, redirect policy */
	FAIL_TIMEOUT,    /* connect timeout, deadline, low-speed abort */
	FAIL_TOO_LARGE,  /* byte cap, decoded-size cap or parse limits */
	FAIL_NOT_HTML,   /* a content type or content that is not HTML */
	FAIL_UNREADABLE, /* a local file that cannot be read, a bad URL */
	FAIL_INVALID_URL,   /* a list line that is no usable URL */
	FAIL_PARSE_CRASHED, /* the worker parsing the page died */
	FAIL_PARSE_TIMEOUT, /* the worker parsing the page overran its budget */
	FAIL_BLOCKED_ADDRESS, /* --deny-private refused the address */
};

struct response {
	char *input;        /* as the user gave it */
	char *url;          /* the URL requested; NULL for local input */
	char *final_url;    /* after redirects; NULL for local input */
	long status;        /* HTTP status; 0 when there was no HTTP */
	char *content_type; /* the Content-Type header, NULL if none */
	char *body;         /* the bytes received (decompressed), NUL-terminated */
	size_t body_len;
	int attempts;       /* fetch attempts made (1 without retries) */
	char *fetched_at;   /* when it was fetched (ISO 8601, UTC; a WARC
			       record's date); NULL for local input */
	char *http_head;    /* the status line and header lines as received
			       (CRLF-separated, bounded), or NULL */
	enum fail_kind fail;
	char *fail_detail;  /* one line for the user when fail != FAIL_NONE */
};

void response_init(struct response *r, const char *input);
void response_release(struct response *r);
/* Records a failure; detail is copied. */
void response_fail(struct response *r, enum fail_kind kind, const char *detail);
const char *fail_kind_name(enum fail_kind kind);

#endif
