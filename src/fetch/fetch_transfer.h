/*
 * fetch_transfer.h - one libcurl transfer, shared by fetch.c (which owns
 * the per-transfer policy: limits, callbacks, classification of failures)
 * and fetch_multi.c (which runs many transfers at once).  Internal to the
 * fetch stage: nothing outside fetch*.c includes it, and with fetch*.c it
 * is the only place that sees <curl/curl.h>.
 */
#ifndef EXTRACT_FETCH_TRANSFER_H
#define EXTRACT_FETCH_TRANSFER_H

#include <curl/curl.h>
#include <stdbool.h>

#include "base/buf.h"
#include "base/response.h"

struct fetch_options;
struct fetch_outcome;

struct fetch_transfer {
	CURL *easy;
	const struct fetch_options *opts;
	struct curl_slist *headers;
	struct buf body;
	struct buf head;           /* the last response's status and headers */
	bool head_done;            /* its blank line was seen */
	bool type_checked;         /* the current response's type was vetted */
	bool length_seen;          /* it had a Content-Length, of length: */
	curl_off_t length;
	bool chunked;              /* its Transfer-Encoding names chunked */
	bool watch_close_notify;   /* the TLS trace is read for close_notify */
	bool close_notify;         /* the server's TLS close_notify came since */
	enum fail_kind abort_kind; /* why a callback stopped the transfer */
	char abort_detail[160];
	char blocked[160]; /* an address --deny-private refused, or "" */
	char errbuf[CURL_ERROR_SIZE];
	/* multi engine only */
	struct response *r;          /* filled when the transfer ends */
	void *priv;                  /* the caller's, handed back at the end */
	struct fetch_transfer *next; /* in fetch_multi's list of transfers */
};

/*
 * Makes t ready to perform url with the options o (which must outlive
 * t).  On failure r has the reason and t holds nothing.
 */
int fetch_transfer_setup(struct fetch_transfer *t, const char *url,
			 const struct fetch_options *o, struct response *r);

/*
 * Fills r from a finished transfer whose result is rc, then releases t.
 * Returns 0 when a whole response arrived, -1 otherwise.  When out is
 * given, it learns whether another attempt makes sense.
 */
int fetch_transfer_finish(struct fetch_transfer *t, CURLcode rc,
			  struct response *r, struct fetch_outcome *out);

void fetch_transfer_release(struct fetch_transfer *t);

#endif
