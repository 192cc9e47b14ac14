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
 * Only fetch.c, fetch_multi.c and their internal fetch_transfer.h
 * include <curl/curl.h>.
 */
#ifndef EXTRACT_FETCH_H
#define EXTRACT_FETCH_H

#include <stdbool.h>
#include <stddef.h>

struct pollfd;
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
	const char *cacert;         /* --cacert: trust only these CAs */
	bool insecure;              /* -k */
	bool deny_private;          /* --deny-private: see netpolicy.h */
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

/*
 * True for a Content-Type worth downloading as a page: any text type,
 * XHTML, XML, or none at all.
 */
bool fetch_type_is_html_like(const char *type);

/* True for an absolute http:// or https:// URL. */
bool fetch_is_url(const char *s);

/* True for a status that says "not now": 408, 425, 429, 500, 502-504. */
bool fetch_status_retryable(long status);

/*
 * The multi engine: many transfers at once, on one thread.
 *
 *	m = fetch_multi_new(&opts, parallel, per_host);
 *	fetch_multi_add(m, url, &response, item);   (any number of times)
 *	loop: fetch_multi_wait(m, fds, n, ms);
 *	      while (fetch_multi_done(m, &outcome)) ... outcome.priv ...
 *
 * Each response is filled as fetch_url() fills it, when its transfer is
 * handed back by fetch_multi_done(); it must stay valid until then.
 */
struct fetch_multi;

struct fetch_outcome {
	void *priv;          /* as given to fetch_multi_add() */
	bool ok;             /* a whole response came, whatever its status */
	bool transient;      /* another attempt may succeed (see fetch.c) */
	long retry_after_ms; /* the server's Retry-After, or -1 */
};

/* o must outlive the engine.  NULL (reported) if libcurl refuses. */
struct fetch_multi *fetch_multi_new(const struct fetch_options *o,
				    long max_total, long max_host);
/* Abandons the transfers in progress; their responses are left as they are. */
void fetch_multi_free(struct fetch_multi *m);
/* Starts fetching url into r.  -1 (with r->fail set) if it cannot start. */
int fetch_multi_add(struct fetch_multi *m, const char *url, struct response *r,
		    void *priv);
size_t fetch_multi_running(const struct fetch_multi *m);
/*
 * Waits up to timeout_ms for network activity or for one of the n
 * descriptors (events POLLIN and/or POLLOUT; revents are set), then
 * moves every transfer along.  -1 (reported) on a libcurl failure.
 */
int fetch_multi_wait(struct fetch_multi *m, struct pollfd *fds, size_t n,
		     int timeout_ms);
/* Hands back one finished transfer, or returns false when none is. */
bool fetch_multi_done(struct fetch_multi *m, struct fetch_outcome *out);

/*
 * Checks a URL-list line with libcurl's URL parser.  On success (0)
 * *host_key is "host:port" in lower case, the unit of per-host limits;
 * on failure (-1) *why says what is wrong.  Both are heap strings.
 */
int fetch_url_check(const char *s, char **host_key, char **why);

#endif
