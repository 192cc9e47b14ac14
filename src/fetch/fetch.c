/*
 * fetch.c - one HTTP(S) transfer with libcurl, under our own limits.
 *
 * Everything about a transfer lives in a struct fetch_transfer: the easy
 * handle, the header list, the body buffer and the error buffer.  It is
 * set up by fetch_transfer_setup() and turned into a struct response by
 * fetch_transfer_finish().  fetch_url() runs one with curl_easy_perform();
 * the batch engine (struct fetch_multi) runs many with the same two calls
 * around curl_multi_perform(), CURLOPT_PRIVATE pointing back at the
 * transfer, as curl's own tool_operate.c does.
 *
 * Invariants:
 * - The body never holds more than max_bytes decoded bytes: the write
 *   callback refuses the chunk that would pass the cap, because libcurl
 *   7.88 checks CURLOPT_MAXFILESIZE_LARGE only against Content-Length and
 *   never against decompressed bytes.
 * - A transfer that did not end with CURLE_OK never yields a body, so a
 *   page cut short is never mistaken for a whole one.
 * - Only the body of the last response is kept: each status line seen by
 *   the header callback starts the body afresh.
 * - Over TLS, a body that only the connection's close ends is whole only
 *   when the server's close_notify came before the close.
 * - With --deny-private no socket is ever opened to an address that
 *   netpolicy.h refuses, whatever name, redirect or proxy led there.
 * - Options that libcurl would read as "no limit" (a zero or negative
 *   timeout or low-speed setting, a negative redirect count) fall back to
 *   our defaults; a limit is never silently dropped.
 */
#include "fetch/fetch.h"
#include "fetch/fetch_transfer.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "base/msg.h"
#include "fetch/netpolicy.h"
#include "base/str.h"

/* Starting points from the reliability notes (RELIABILITY.md, section 7). */
#define FETCH_USER_AGENT         "extract/0.1"
#define FETCH_CONNECT_TIMEOUT_MS 10000L
#define FETCH_TIMEOUT_MS         60000L
#define FETCH_LOW_SPEED_BYTES    1000L
#define FETCH_LOW_SPEED_SECONDS  15L
#define FETCH_MAX_REDIRS         10L
#define FETCH_MAX_BYTES          ((size_t)16 << 20)
/* Header bytes kept for --warc-output; lines past this are dropped. */
#define FETCH_MAX_HEAD           ((size_t)256 << 10)

void fetch_options_defaults(struct fetch_options *o)
{
	*o = (struct fetch_options){
	    .user_agent = NULL,
	    .connect_timeout_ms = FETCH_CONNECT_TIMEOUT_MS,
	    .timeout_ms = FETCH_TIMEOUT_MS,
	    .low_speed_bytes = FETCH_LOW_SPEED_BYTES,
	    .low_speed_seconds = FETCH_LOW_SPEED_SECONDS,
	    .max_redirs = FETCH_MAX_REDIRS,
	    .max_bytes = FETCH_MAX_BYTES,
	};
}

int fetch_global_init(void)
{
	CURLcode rc = curl_global_init(CURL_GLOBAL_DEFAULT);

	if (rc != CURLE_OK)
		return error("cannot initialise libcurl: %s",
			     curl_easy_strerror(rc));
	return 0;
}

void fetch_global_cleanup(void)
{
	curl_global_cleanup();
}

bool fetch_is_url(const char *s)
{
	struct str v = str_from(s);

	if (str_starts_with_i(v, "http://"))
		return v.len > strlen("http://");
	if (str_starts_with_i(v, "https://"))
		return v.len > strlen("https://");
	return false;
}

bool fetch_status_retryable(long status)
{
	switch (status) {
	case 408: /* Request Timeout */
	case 425: /* Too Early */
	case 429: /* Too Many Requests */
	case 500:
	case 502:
	case 503:
	case 504:
		return true;
	default:
		return false;
	}
}

/*
 * Content types that cannot be an HTML page.  An allow-list: text of any
 * kind, XHTML and XML (XHTML is sometimes served as plain XML) and a
 * missing or malformed type pass; the content sniffer downstream has the
 * last word on those.  Everything else (application/pdf, any image, audio,
 * video or font type, application/octet-stream, application/json, ...) is
 * refused before its body is downloaded.
 */
bool fetch_type_is_html_like(const char *type)
{
	static const char *const allowed[] = {
	    "application/xhtml+xml",
	    "application/vnd.wap.xhtml+xml",
	    "application/xml",
	};
	struct str t;

	if (!type)
		return true;
	t = str_trim(str_make(type, strcspn(type, ";")));
	if (!t.len || !memchr(t.ptr, '/', t.len))
		return true;
	if (str_starts_with_i(t, "text/"))
		return true;
	for (size_t i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++) {
		if (str_ieq(t, allowed[i]))
			return true;
	}
	return false;
}

/*
 * Error statuses keep whatever body they have (capped), so that a 404
 * served as image/png is still reported as a 404 rather than as not HTML.
 */
static bool fetch_type_refused(long status, const char *type)
{
	return status < 400 && !fetch_type_is_html_like(type);
}

static void fetch_abort_not_html(struct fetch_transfer *t, const char *type)
{
	t->abort_kind = FAIL_NOT_HTML;
	snprintf(t->abort_detail, sizeof(t->abort_detail),
		 "content type %s is not HTML", type);
}

/* Vets the content type once per response, on its first body bytes. */
static bool fetch_check_type(struct fetch_transfer *t)
{
	const char *type = NULL;
	long status = 0;

	if (t->type_checked)
		return true;
	t->type_checked = true;
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &type);
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &status);
	if (!fetch_type_refused(status, type))
		return true;
	fetch_abort_not_html(t, type);
	return false;
}

static void fetch_abort_too_large(struct fetch_transfer *t)
{
	t->abort_kind = FAIL_TOO_LARGE;
	snprintf(t->abort_detail, sizeof(t->abort_detail),
		 "response larger than %zu bytes", t->opts->max_bytes);
}

/* Any return short of n makes libcurl stop with CURLE_WRITE_ERROR. */
static size_t fetch_write_cb(char *data, size_t size, size_t nmemb, void *userp)
{
	struct fetch_transfer *t = userp;
	size_t n = size * nmemb;

	if (!n)
		return 0;
	if (!fetch_check_type(t))
		return 0;
	if (buf_append(&t->body, data, n)) {
		fetch_abort_too_large(t);
		return 0;
	}
	return n;
}

/*
 * A status line starts a new response (after a redirect, a 1xx or an
 * authentication round): whatever came before is not the page.  The
 * header lines of the last response are kept (for WARC output) up to
 * FETCH_MAX_HEAD; a line that would pass it is dropped, not cut, and
 * trailers after the blank line are not kept.
 */
/*
 * Content-Length headers that disagree leave the body's end unknowable
 * (RFC 9112, section 6.3: an unrecoverable error); libcurl 7.88 takes
 * the last one silently, which can cut the page short.  Values that are
 * not plain digits are left to libcurl, which refuses them itself.
 */
static bool fetch_length_conflicts(struct fetch_transfer *t, struct str line)
{
	static const char name[] = "content-length:";
	const size_t skip = sizeof(name) - 1;
	curl_off_t value = 0;
	struct str v;

	if (!str_starts_with_i(line, name))
		return false;
	v = str_trim(str_make(line.ptr + skip, line.len - skip));
	if (!v.len || v.len > 18)
		return false;
	for (size_t i = 0; i < v.len; i++) {
		if (v.ptr[i] < '0' || v.ptr[i] > '9')
			return false;
		value = value * 10 + (v.ptr[i] - '0');
	}
	if (t->length_seen && value != t->length)
		return true;
	t->length_seen = true;
	t->length = value;
	return false;
}

static size_t fetch_header_cb(char *data, size_t size, size_t nmemb,
			      void *userp)
{
	struct fetch_transfer *t = userp;
	size_t n = size * nmemb;
	struct str line = str_make(data, n);

	if (str_starts_with_i(line, "HTTP/")) {
		buf_reset(&t->body);
		buf_reset(&t->head);
		t->head_done = false;
		t->type_checked = false;
		t->length_seen = false;
		t->chunked = false;
		t->close_notify = false;
	}
	/* libcurl, too, takes "chunked" anywhere in the value as chunked. */
	if (str_starts_with_i(line, "transfer-encoding:") &&
	    str_icontains(line, "chunked"))
		t->chunked = true;
	if (fetch_length_conflicts(t, line)) {
		t->abort_kind = FAIL_FETCH;
		snprintf(t->abort_detail, sizeof(t->abort_detail),
			 "conflicting Content-Length headers");
		return 0;
	}
	if (str_trim(line).len == 0)
		t->head_done = true;
	else if (!t->head_done && t->head.len + n <= FETCH_MAX_HEAD)
		(void)buf_append(&t->head, data, n);
	return n;
}

static long fetch_positive(long value, long fallback)
{
	return value > 0 ? value : fallback;
}

/* Our policy on protocols and redirects; refuse the transfer without it. */
static int fetch_set_policy(CURL *h, const struct fetch_options *o)
{
	long redirs = o->max_redirs >= 0 ? o->max_redirs : FETCH_MAX_REDIRS;

	if (curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https") ||
	    curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") ||
	    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L) ||
	    curl_easy_setopt(h, CURLOPT_MAXREDIRS, redirs))
		return -1;
	return 0;
}

static void fetch_set_limits(CURL *h, const struct fetch_options *o)
{
	curl_easy_setopt(
	    h, CURLOPT_CONNECTTIMEOUT_MS,
	    fetch_positive(o->connect_timeout_ms, FETCH_CONNECT_TIMEOUT_MS));
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS,
			 fetch_positive(o->timeout_ms, FETCH_TIMEOUT_MS));
	curl_easy_setopt(
	    h, CURLOPT_LOW_SPEED_LIMIT,
	    fetch_positive(o->low_speed_bytes, FETCH_LOW_SPEED_BYTES));
	curl_easy_setopt(
	    h, CURLOPT_LOW_SPEED_TIME,
	    fetch_positive(o->low_speed_seconds, FETCH_LOW_SPEED_SECONDS));
	/* Refuses an announced oversize body before it starts. */
	curl_off_t announced = (curl_off_t)o->max_bytes;
	if (announced > 0)
		curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, announced);
}

static void fetch_set_request(struct fetch_transfer *t)
{
	const struct fetch_options *o = t->opts;
	CURL *h = t->easy;

	/* "" offers every encoding this libcurl decodes (gzip, br, zstd). */
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(h, CURLOPT_USERAGENT,
			 o->user_agent ? o->user_agent : FETCH_USER_AGENT);
	for (size_t i = 0; i < o->n_headers; i++) {
		struct curl_slist *l =
		    curl_slist_append(t->headers, o->headers[i]);
		if (!l)
			die_oom();
		t->headers = l;
	}
	if (t->headers)
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->headers);
	/* As curl's -b: a name=value string, or else a file to read. */
	if (o->cookie && strchr(o->cookie, '='))
		curl_easy_setopt(h, CURLOPT_COOKIE, o->cookie);
	else if (o->cookie)
		curl_easy_setopt(h, CURLOPT_COOKIEFILE, o->cookie);
	/* Left unset, libcurl honours http_proxy, https_proxy and no_proxy. */
	if (o->proxy)
		curl_easy_setopt(h, CURLOPT_PROXY, o->proxy);
	if (o->insecure) {
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
		curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
	}
}

/*
 * --cacert: the CAs of that file and no others.  CURLOPT_CAINFO alone
 * replaces only the CA bundle: a libcurl built with a CA directory
 * (Debian's: /etc/ssl/certs) would still trust the system's CAs through
 * it, so the directory is unset too.  A TLS library without CA
 * directories refuses that second option, and has nothing to unset.
 */
static int fetch_set_trust(CURL *h, const struct fetch_options *o)
{
	if (!o->cacert)
		return 0;
	if (curl_easy_setopt(h, CURLOPT_CAINFO, o->cacert))
		return -1;
	(void)curl_easy_setopt(h, CURLOPT_CAPATH, (char *)NULL);
	return 0;
}

/* "127.0.0.1 is loopback (127.0.0.0/8)", for the record's detail. */
static void fetch_note_blocked(struct fetch_transfer *t,
			       const struct curl_sockaddr *a, const char *range)
{
	char host[INET6_ADDRSTRLEN] = "?";

	if (a->family == AF_INET && a->addrlen >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in in;

		memcpy(&in, &a->addr, sizeof(in));
		inet_ntop(AF_INET, &in.sin_addr, host, sizeof(host));
	} else if (a->family == AF_INET6 &&
		   a->addrlen >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 in6;

		memcpy(&in6, &a->addr, sizeof(in6));
		inet_ntop(AF_INET6, &in6.sin6_addr, host, sizeof(host));
	}
	snprintf(t->blocked, sizeof(t->blocked),
		 "--deny-private: not connecting to %s, a %s address", host,
		 range);
}

/*
 * --deny-private.  libcurl asks here for every socket it is about to
 * connect: the first host's, each redirect's, each address a name
 * resolves to, the proxy's when there is one (the proxy then resolves
 * the target, out of our sight).  The address is seen before connect(),
 * after name resolution, so neither a redirect nor a name that resolves
 * differently the second time gets past the check.  A refused address
 * fails only that attempt: libcurl goes on to a name's other addresses.
 */
static curl_socket_t fetch_open_socket(void *clientp, curlsocktype purpose,
				       struct curl_sockaddr *a)
{
	struct fetch_transfer *t = clientp;
	const char *range = netpolicy_private_range(&a->addr, a->addrlen);

	(void)purpose;
	if (!range)
		return socket(a->family, a->socktype, a->protocol);
	fetch_note_blocked(t, a, range);
	return CURL_SOCKET_BAD;
}

static int fetch_set_address_policy(struct fetch_transfer *t)
{
	if (!t->opts->deny_private)
		return 0;
	if (curl_easy_setopt(t->easy, CURLOPT_OPENSOCKETFUNCTION,
			     fetch_open_socket) ||
	    curl_easy_setopt(t->easy, CURLOPT_OPENSOCKETDATA, t))
		return -1;
	return 0;
}

/*
 * libcurl traces TLS alerts only with the OpenSSL family behind it; with
 * another TLS library close_notify would never be seen, and every such
 * body would fail, so the check is not made there.
 */
static bool tls_traces_alerts(void)
{
	static const char *const family[] = {"OpenSSL", "LibreSSL",
					     "BoringSSL", "quictls"};
	const curl_version_info_data *v = curl_version_info(CURLVERSION_NOW);

	if (!v || !v->ssl_version)
		return false;
	for (size_t i = 0; i < sizeof(family) / sizeof(family[0]); i++) {
		if (str_starts_with_i(str_from(v->ssl_version), family[i]))
			return true;
	}
	return false;
}

/*
 * A TLS close_notify, as libcurl 7.88 lets it be seen: only in its trace
 * of the TLS records it receives (OpenSSL's message callback), which it
 * writes as text such as "TLSv1.3 (IN), TLS alert, close notify (256):"
 * and hands to the debug function when CURLOPT_VERBOSE is on.  Nothing
 * else of the trace is kept.  A TLS library whose trace says nothing of
 * alerts leaves close_notify unseen: see tls_traces_alerts().  Only
 * the server could put those words in the trace otherwise (in its
 * certificate's subject, say), and it could as well send the alert: the
 * check guards against a cut on the way, not against the server.
 */
static int fetch_debug_cb(CURL *h, curl_infotype type, char *data,
			  size_t size, void *userp)
{
	struct fetch_transfer *t = userp;

	(void)h;
	if (type == CURLINFO_TEXT &&
	    str_icontains(str_make(data, size), "(IN), TLS alert, close notify"))
		t->close_notify = true;
	return 0;
}

static void fetch_set_callbacks(struct fetch_transfer *t)
{
	CURL *h = t->easy;

	curl_easy_setopt(h, CURLOPT_PRIVATE, t);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fetch_write_cb);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, fetch_header_cb);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, t);
	/*
	 * libcurl formats its trace for every transfer that asks for it:
	 * asked only where the trace can show a close_notify
	 */
	t->watch_close_notify = tls_traces_alerts();
	if (t->watch_close_notify) {
		curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, fetch_debug_cb);
		curl_easy_setopt(h, CURLOPT_DEBUGDATA, t);
		curl_easy_setopt(h, CURLOPT_VERBOSE, 1L);
	}
	/* No SIGALRM for resolver timeouts: we may run on any thread. */
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	/* Never CURLOPT_FAILONERROR: error pages have bodies to classify. */
}

void fetch_transfer_release(struct fetch_transfer *t)
{
	if (t->easy)
		curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	buf_release(&t->body);
	buf_release(&t->head);
	t->easy = NULL;
	t->headers = NULL;
}

int fetch_transfer_setup(struct fetch_transfer *t, const char *url,
			 const struct fetch_options *o, struct response *r)
{
	*t = (struct fetch_transfer){.opts = o};
	buf_init(&t->body, o->max_bytes);
	buf_init(&t->head, FETCH_MAX_HEAD);
	t->easy = curl_easy_init();
	if (!t->easy) {
		response_fail(r, FAIL_FETCH, "cannot create a libcurl handle");
		return -1;
	}
	if (curl_easy_setopt(t->easy, CURLOPT_URL, url) ||
	    fetch_set_policy(t->easy, o) || fetch_set_address_policy(t)) {
		fetch_transfer_release(t);
		response_fail(
		    r, FAIL_FETCH,
		    "libcurl refused the protocol or redirect policy");
		return -1;
	}
	if (fetch_set_trust(t->easy, o)) {
		fetch_transfer_release(t);
		response_fail(r, FAIL_FETCH,
			      "libcurl cannot use --cacert with its TLS library");
		return -1;
	}
	fetch_set_limits(t->easy, o);
	fetch_set_request(t);
	fetch_set_callbacks(t);
	return 0;
}

/*
 * What libcurl said.  The caller's message already names the input, so
 * a URL is added only when the failure happened elsewhere, after a
 * redirect: "ftp://host/x: Protocol "ftp" not supported ...".
 */
static void fetch_fail_curl(struct fetch_transfer *t, struct response *r,
			    enum fail_kind kind, CURLcode rc)
{
	const char *why = t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc);
	struct buf line;

	/* 7.88 says only "Out of memory" when a server's headers are huge. */
	if (rc == CURLE_OUT_OF_MEMORY && !t->errbuf[0])
		why = "libcurl ran out of memory (response headers too large?)";
	if (!r->final_url || strcmp(r->final_url, r->url) == 0) {
		response_fail(r, kind, why);
		return;
	}
	buf_init(&line, BUF_NO_MAX);
	buf_printf(&line, "%s: %s", r->final_url, why);
	response_fail(r, kind, line.ptr);
	buf_release(&line);
}

static enum fail_kind fetch_kind_of(struct fetch_transfer *t, CURLcode rc)
{
	long redirects = 0;

	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		return FAIL_TIMEOUT;
	case CURLE_FILESIZE_EXCEEDED:
		return FAIL_TOO_LARGE;
	case CURLE_URL_MALFORMAT:
		/* Our URL is unusable; a server's bad Location is a fetch. */
		curl_easy_getinfo(t->easy, CURLINFO_REDIRECT_COUNT, &redirects);
		return redirects ? FAIL_FETCH : FAIL_UNREADABLE;
	default:
		/*
		 * Connect, DNS, TLS, protocol and redirect-policy errors, and
		 * bodies cut short (PARTIAL_FILE, RECV_ERROR, GOT_NOTHING,
		 * BAD_CONTENT_ENCODING).  CURLE_OUT_OF_MEMORY lands here
		 * too: in 7.88 a hostile server can provoke it with oversized
		 * headers, so it is not our own memory running out.
		 */
		return FAIL_FETCH;
	}
}

static void fetch_record_failure(struct fetch_transfer *t, CURLcode rc,
				 struct response *r)
{
	enum fail_kind kind;

	if (t->abort_kind != FAIL_NONE) {
		response_fail(r, t->abort_kind, t->abort_detail);
		return;
	}
	if (t->blocked[0] && rc == CURLE_COULDNT_CONNECT) {
		response_fail(r, FAIL_BLOCKED_ADDRESS, t->blocked);
		return;
	}
	kind = fetch_kind_of(t, rc);
	if (kind == FAIL_TOO_LARGE) {
		/* The Content-Length check runs after all headers are in. */
		if (fetch_type_refused(r->status, r->content_type))
			fetch_abort_not_html(t, r->content_type);
		else
			fetch_abort_too_large(t);
		response_fail(r, t->abort_kind, t->abort_detail);
		return;
	}
	fetch_fail_curl(t, r, kind, rc);
}

/*
 * Whether another attempt may succeed: the connection could not be made
 * or broke (refused, reset, nothing or a cut-short body received), the
 * connect phase timed out, or the status says "not now".  A deadline or
 * low-speed abort after connecting is not retried: that server answered
 * too slowly and most likely would again.  DNS, TLS, size, type and
 * redirect-policy failures are final.
 */
static bool fetch_transient(struct fetch_transfer *t, CURLcode rc, long status)
{
	curl_off_t connected = 0;

	if (t->abort_kind != FAIL_NONE)
		return false;
	if (t->blocked[0] && rc == CURLE_COULDNT_CONNECT)
		return false; /* --deny-private: refused again next time */
	switch (rc) {
	case CURLE_OK:
		return fetch_status_retryable(status);
	case CURLE_COULDNT_CONNECT:
	case CURLE_GOT_NOTHING:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_PARTIAL_FILE:
		return true;
	case CURLE_OPERATION_TIMEDOUT:
		curl_easy_getinfo(t->easy, CURLINFO_CONNECT_TIME_T, &connected);
		return connected == 0;
	default:
		return false;
	}
}

/*
 * A body that only the connection's close ends (HTTP/1.x, no
 * Content-Length, not chunked) is known whole over TLS only when the
 * server said so with close_notify before closing: a bare TCP close may
 * be a cut, by a crash or by anyone on the path (RFC 8446, section 6.1).
 * libcurl 7.88 with OpenSSL takes the bare close as the end of the body
 * (it sets SSL_OP_IGNORE_UNEXPECTED_EOF); later libcurl reports it as a
 * receive error, and so does this check, so that such a page is never
 * taken as whole, whatever the libcurl.  Statuses that have no body
 * (1xx, 204, 304) need no end.
 */
static bool fetch_close_unverified(struct fetch_transfer *t,
				   const struct response *r)
{
	curl_off_t length = -1;
	long version = 0;

	if (!t->watch_close_notify || t->close_notify || t->chunked)
		return false;
	/* libcurl's own reading of Content-Length, odd forms included */
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length);
	if (length >= 0)
		return false;
	if (!r->final_url || !str_starts_with_i(str_from(r->final_url),
						"https://"))
		return false;
	if (r->status < 200 || r->status == 204 || r->status == 304)
		return false;
	curl_easy_getinfo(t->easy, CURLINFO_HTTP_VERSION, &version);
	return version == CURL_HTTP_VERSION_1_0 ||
	       version == CURL_HTTP_VERSION_1_1;
}

/* libcurl parses Retry-After (seconds or an HTTP date) for us. */
static long fetch_retry_after_ms(struct fetch_transfer *t)
{
	curl_off_t secs = 0;
	CURLcode rc = curl_easy_getinfo(t->easy, CURLINFO_RETRY_AFTER, &secs);

	if (rc != CURLE_OK || secs <= 0)
		return -1;
	if (secs > 86400 * 365L)
		secs = 86400 * 365L;
	return (long)secs * 1000L;
}

int fetch_transfer_finish(struct fetch_transfer *t, CURLcode rc,
			  struct response *r, struct fetch_outcome *out)
{
	const char *final_url = NULL;
	const char *type = NULL;

	r->attempts = 1;
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &final_url);
	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &r->status);
	curl_easy_getinfo(t->easy, CURLINFO_CONTENT_TYPE, &type);
	if (final_url)
		r->final_url = xstrdup(final_url);
	if (type)
		r->content_type = xstrdup(type);

	/* libcurl 7.88 reads "HTTP/21" as HTTP/2 with status 1: not HTTP */
	if (rc == CURLE_OK && (r->status < 100 || r->status > 999)) {
		snprintf(t->errbuf, sizeof(t->errbuf), "no HTTP status");
		rc = CURLE_WEIRD_SERVER_REPLY;
	}
	if (rc == CURLE_OK && fetch_close_unverified(t, r)) {
		snprintf(t->errbuf, sizeof(t->errbuf),
			 "TLS connection closed without close_notify: the "
			 "body, ended only by the close, may be cut short");
		rc = CURLE_RECV_ERROR;
	}
	/* An empty body never reached the write callback's check. */
	if (rc == CURLE_OK && fetch_type_refused(r->status, r->content_type))
		fetch_abort_not_html(t, r->content_type);
	if (out) {
		out->transient = fetch_transient(t, rc, r->status);
		out->retry_after_ms = fetch_retry_after_ms(t);
	}
	if (rc != CURLE_OK || t->abort_kind != FAIL_NONE) {
		fetch_record_failure(t, rc, r);
		fetch_transfer_release(t);
		if (out)
			out->ok = false;
		return -1;
	}
	r->body = buf_detach(&t->body, &r->body_len);
	if (t->head.len)
		r->http_head = buf_detach(&t->head, NULL);
	fetch_transfer_release(t);
	if (out)
		out->ok = true;
	return 0;
}

int fetch_url(const char *url, const struct fetch_options *o,
	      struct response *r)
{
	struct fetch_transfer t;

	free(r->url);
	r->url = xstrdup(url);
	if (fetch_transfer_setup(&t, url, o, r))
		return -1;
	return fetch_transfer_finish(&t, curl_easy_perform(t.easy), r, NULL);
}
