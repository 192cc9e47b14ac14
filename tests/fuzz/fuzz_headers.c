/*
 * fuzz_headers.c - a server's reply, as bytes, through fetch's transfer
 * code, libcurl's HTTP parser and the pipeline.
 *
 * Input: byte 0 is a set of flags (below); the rest is what the server
 * sends: status line, headers, body, in any shape.  The transfer is set
 * up by fetch_transfer_setup() exactly as fetch_url() does; every host
 * is then mapped to a listening socket of this process on 127.0.0.1
 * (CURLOPT_CONNECT_TO, no proxy), so no name is resolved and no packet
 * leaves the machine.  Each connection is accepted from the
 * CURLOPT_PREREQFUNCTION callback, which libcurl calls once connected
 * and before sending the request, and is handed the whole reply and an
 * end of stream.  (A socketpair from CURLOPT_OPENSOCKETFUNCTION would
 * need no listener, but libcurl 7.88 ignores CURL_SOCKOPT_ALREADY_
 * CONNECTED and calls connect() on it: curl issue 10626.)  Redirects
 * get the same reply again, so Location handling and the redirect limit
 * run too.
 *
 * Our code under test: the header and write callbacks (a status line
 * restarts the body, the byte cap on decoded bytes, the content-type
 * refusal), the classification of failures and of transient statuses,
 * Retry-After capping, and the record made from whatever arrived.
 *
 * Oracles:
 * - a transfer that succeeded has a status from 100 to 999, no failure,
 *   a NUL-terminated body within the byte cap, and a content type that
 *   fetch_type_is_html_like() accepts unless the status is an error;
 * - a transfer that failed has a failure kind and a detail, and no body;
 * - Retry-After is -1 or capped at a year; "transient" after a complete
 *   response is exactly fetch_status_retryable(status);
 * - the charset parameter found in the content type lies inside it;
 * - the record rendered from the response is strict JSON.
 */
#include "fuzz.h"

#include "fetch/fetch_transfer.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "base/buf.h"
#include "decode/decode_sniff.h"
#include "fetch/fetch.h"
#include "pipeline/pipeline.h"
#include "base/response.h"
#include "base/str.h"

#define HARNESS "fuzz_headers"

#define MAX_CONNECTIONS 8 /* connections one input may open */
#define YEAR_MS         (86400L * 365 * 1000)

enum {
	FLAG_CAP_MASK = 3,       /* bits 0-1: the byte cap, from caps[] */
	FLAG_NO_REDIRS = 1 << 2, /* --max-redirs 0 */
};

static const size_t caps[] = {65536, 16, 1024, 8192};

/* The listening socket and its CONNECT_TO entry (harness only). */
static int listener = -1;
static char connect_to_entry[64];

struct server {
	const uint8_t *reply;
	size_t len;
	int peers[MAX_CONNECTIONS]; /* accepted ends, closed at the end */
	size_t n;
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct sockaddr_in sa = {.sin_family = AF_INET};
	socklen_t sl = sizeof(sa);

	(void)argc;
	(void)argv;
	if (fetch_global_init())
		abort();
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	listener = socket(AF_INET, SOCK_STREAM, 0);
	if (listener < 0 ||
	    bind(listener, (struct sockaddr *)&sa, sizeof(sa)) ||
	    listen(listener, 64) ||
	    getsockname(listener, (struct sockaddr *)&sa, &sl) ||
	    fcntl(listener, F_SETFL, O_NONBLOCK)) {
		perror("fuzz_headers: listening on 127.0.0.1");
		abort();
	}
	fcntl(listener, F_SETFD, FD_CLOEXEC);
	snprintf(connect_to_entry, sizeof(connect_to_entry), "::127.0.0.1:%u",
		 (unsigned)ntohs(sa.sin_port));
	return 0;
}

/*
 * Connected, request not yet sent: take the new connection, if any (a
 * reused one has none), and give it the whole reply and an end of
 * stream.  Our end stays open to take the request.
 */
static int serve(void *clientp, char *primary_ip, char *local_ip,
		 int primary_port, int local_port)
{
	struct server *s = clientp;
	int fd;

	(void)primary_ip;
	(void)local_ip;
	(void)primary_port;
	(void)local_port;
	if (s->n == MAX_CONNECTIONS)
		return CURL_PREREQFUNC_ABORT;
	fd = accept(listener, NULL, NULL);
	if (fd < 0)
		return CURL_PREREQFUNC_OK;
	s->peers[s->n++] = fd;
	for (size_t off = 0; off < s->len;) {
		ssize_t w =
		    send(fd, s->reply + off, s->len - off, MSG_NOSIGNAL);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	shutdown(fd, SHUT_WR);
	return CURL_PREREQFUNC_OK;
}

/* Closes our ends without TIME_WAIT, and any connection never served. */
static void hang_up(struct server *s)
{
	struct linger now = {.l_onoff = 1, .l_linger = 0};
	int fd;

	for (size_t i = 0; i < s->n; i++) {
		setsockopt(s->peers[i], SOL_SOCKET, SO_LINGER, &now,
			   sizeof(now));
		close(s->peers[i]);
	}
	s->n = 0;
	while ((fd = accept(listener, NULL, NULL)) >= 0)
		close(fd);
}

/* The policy fetch.c applies to the Content-Type of a success status. */
static bool type_allowed(const char *type)
{
	return fetch_type_is_html_like(type);
}

static void check_response(const struct response *r, int ret,
			   const struct fetch_outcome *out, size_t cap)
{
	FUZZ_CHECK(
	    HARNESS,
	    out->retry_after_ms == -1 ||
		(out->retry_after_ms >= 0 && out->retry_after_ms <= YEAR_MS),
	    "Retry-After is out of range");
	FUZZ_CHECK(HARNESS, (ret == 0) == out->ok,
		   "the return value and outcome.ok disagree");
	if (ret == 0) {
		FUZZ_CHECK(HARNESS, r->status >= 100 && r->status <= 999,
			   "a complete response has no plausible status");
		FUZZ_CHECK(HARNESS, r->fail == FAIL_NONE,
			   "a complete response carries a failure");
		FUZZ_CHECK(HARNESS, r->body && r->body[r->body_len] == '\0',
			   "the body is not NUL-terminated");
		FUZZ_CHECK(HARNESS, r->body_len <= cap,
			   "the body is larger than the byte cap");
		FUZZ_CHECK(HARNESS,
			   r->status >= 400 || type_allowed(r->content_type),
			   "a refused content type was let through");
		FUZZ_CHECK(HARNESS,
			   out->transient == fetch_status_retryable(r->status),
			   "transient does not follow the status");
	} else {
		FUZZ_CHECK(HARNESS, r->fail != FAIL_NONE && r->fail_detail,
			   "a failed transfer has no failure kind or detail");
		FUZZ_CHECK(HARNESS, !r->body, "a failed transfer kept a body");
	}
	if (r->content_type) {
		struct str ct = str_from(r->content_type);
		struct str cs = sniff_content_type_charset(ct);
		FUZZ_CHECK(HARNESS,
			   !cs.ptr || (cs.ptr >= ct.ptr &&
				       cs.ptr + cs.len <= ct.ptr + ct.len),
			   "the charset parameter lies outside the header");
	}
}

static void check_record(const struct response *r)
{
	struct pipeline_options o;
	struct buf out;
	char *diag = NULL;

	pipeline_options_defaults(&o);
	o.format = FORMAT_JSON;
	buf_init(&out, BUF_NO_MAX);
	pipeline_run(r, &o, &out, &diag);
	FUZZ_CHECK(HARNESS,
		   out.len && out.ptr[out.len - 1] == '\n' &&
		       fuzz_json_valid(out.ptr, out.len - 1, NULL, NULL, NULL),
		   "the record is not strict JSON on one line");
	free(diag);
	buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct server s = {0};
	struct fetch_options o;
	struct fetch_transfer t;
	struct fetch_outcome out = {0};
	struct response r;
	struct curl_slist *connect_to;

	if (!size)
		return 0;
	const char *url = "http://fuzz.example/p";
	s.reply = data + 1;
	s.len = size - 1;
	fetch_options_defaults(&o);
	o.max_bytes = caps[data[0] & FLAG_CAP_MASK];
	o.max_redirs = data[0] & FLAG_NO_REDIRS ? 0 : 3;
	o.timeout_ms = 3000;
	o.connect_timeout_ms = 1000;
	o.proxy = ""; /* never the environment's proxy */

	response_init(&r, url);
	r.url = fuzz_dup(url, strlen(url));
	FUZZ_CHECK(HARNESS, !fetch_transfer_setup(&t, url, &o, &r),
		   "fetch_transfer_setup failed");
	connect_to = curl_slist_append(NULL, connect_to_entry);
	if (!connect_to)
		abort();
	curl_easy_setopt(t.easy, CURLOPT_CONNECT_TO, connect_to);
	curl_easy_setopt(t.easy, CURLOPT_PREREQFUNCTION, serve);
	curl_easy_setopt(t.easy, CURLOPT_PREREQDATA, &s);
	CURLcode rc = curl_easy_perform(t.easy);
	int ret = fetch_transfer_finish(&t, rc, &r, &out);
	curl_slist_free_all(connect_to);
	hang_up(&s);

	check_response(&r, ret, &out, o.max_bytes);
	check_record(&r);
	response_release(&r);
	return 0;
}
