/*
 * fetch.h - HTTP(S) retrieval with libcurl, under our own limits.
 *
 * libcurl 7.88 leaves several defences to the application (see
 * README "Limits"): the byte cap is enforced in the write callback on
 * decoded bytes, redirects are bounded and limited to http/https, and
 * every transfer has a connect timeout, a deadline and a low-speed abort.
 * Error statuses are never treated as transport failures: their bodies
 * are kept so that the page can be classified.
 *
 * This is the only file that includes <curl/curl.h>.
 */
#ifndef EXTRACT_FETCH_H
#define EXTRACT_FETCH_H

#include <stdbool.h>
#include <stddef.h>

struct response;

struct fetch_options {
	const char *user_agent;     /* -A; NULL = "extract/VERSION" */
	long connect_timeout_ms;    /* --connect-timeout */
	long timeout_ms;            /* -m/--max-time: the whole transfer */
	long low_speed_bytes;       /* abort below this many bytes/s ... */
	long low_speed_seconds;     /* ... sustained this long */
	long max_redirs;            /* --max-redirs */
	size_t max_bytes;           /* --max-filesize, on decoded bytes */
	const char *const *headers; /* -H, n_headers of them */
	size_t n_headers;
	const char *cookie;         /* -b: a cookie string or a file */
	const char *proxy;          /* -x; NULL = the environment's */
	bool insecure;              /* -k */
};

void fetch_options_defaults(struct fetch_options *o);

/* Process-wide libcurl set-up; call once from main before any thread. */
int fetch_global_init(void);
void fetch_global_cleanup(void);

/*
 * Fetches one URL into r (already response_init'ed).  Returns 0 when a
 * response with a status arrived (whatever the status), -1 when it did
 * not, with r->fail and r->fail_detail set.  Prints nothing.
 */
int fetch_url(const char *url, const struct fetch_options *o,
	      struct response *r);

/* True for an absolute http:// or https:// URL. */
bool fetch_is_url(const char *s);

/*
 * True when r may succeed if fetched again later: a timeout, or a status
 * that says "not now" (408, 425, 429, 500, 502, 503, 504).  Connection
 * and DNS failures are not retried: they rarely heal within a run.
 */
bool fetch_retryable(const struct response *r);

#endif
