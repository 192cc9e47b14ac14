/*
 * fetch_multi.c - many transfers at once on libcurl's multi interface,
 * and the check of URL-list lines.
 *
 * The loop is the one of curl's tool_operate.c: curl_multi_poll() (here
 * also watching the caller's descriptors, so one thread waits on the
 * network, the URL list and the worker pipes together), then
 * curl_multi_perform(), then curl_multi_info_read().  Each easy handle's
 * CURLOPT_PRIVATE is its struct fetch_transfer, which owns everything
 * about that transfer.
 *
 * Invariants:
 * - Every transfer added is on the live list until fetch_multi_done()
 *   hands it back or fetch_multi_free() abandons it; nothing leaks.
 * - The window and the per-host limit are the caller's to keep (so that
 *   a transfer's deadline never runs while it sits in libcurl's queue);
 *   the multi handle's own limits are only a second line of defence.
 */
#include "fetch/fetch.h"
#include "fetch/fetch_transfer.h"

#include <curl/curl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/msg.h"
#include "base/response.h"
#include "base/str.h"

struct fetch_multi {
	CURLM *multi;
	const struct fetch_options *opts;
	struct fetch_transfer *live; /* every transfer added and not done */
	size_t running;
	struct curl_waitfd *wait; /* scratch for fetch_multi_wait() */
	size_t wait_cap;
};

struct fetch_multi *fetch_multi_new(const struct fetch_options *o,
				    long max_total, long max_host)
{
	struct fetch_multi *m = xcalloc(1, sizeof(*m));

	m->opts = o;
	m->multi = curl_multi_init();
	if (!m->multi) {
		free(m);
		error("cannot create a libcurl multi handle");
		return NULL;
	}
	curl_multi_setopt(m->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, max_total);
	curl_multi_setopt(m->multi, CURLMOPT_MAX_HOST_CONNECTIONS, max_host);
	curl_multi_setopt(m->multi, CURLMOPT_MAXCONNECTS, max_total);
	return m;
}

static void fetch_multi_drop(struct fetch_multi *m, struct fetch_transfer *t)
{
	for (struct fetch_transfer **p = &m->live; *p; p = &(*p)->next) {
		if (*p == t) {
			*p = t->next;
			break;
		}
	}
	curl_multi_remove_handle(m->multi, t->easy);
	m->running--;
}

void fetch_multi_free(struct fetch_multi *m)
{
	if (!m)
		return;
	while (m->live) {
		struct fetch_transfer *t = m->live;

		fetch_multi_drop(m, t);
		fetch_transfer_release(t);
		free(t);
	}
	curl_multi_cleanup(m->multi);
	free(m->wait);
	free(m);
}

int fetch_multi_add(struct fetch_multi *m, const char *url, struct response *r,
		    void *priv)
{
	struct fetch_transfer *t = xmalloc(sizeof(*t));

	free(r->url);
	r->url = xstrdup(url);
	if (fetch_transfer_setup(t, url, m->opts, r)) {
		free(t);
		return -1;
	}
	t->r = r;
	t->priv = priv;
	if (curl_multi_add_handle(m->multi, t->easy) != CURLM_OK) {
		fetch_transfer_release(t);
		free(t);
		response_fail(r, FAIL_FETCH, "libcurl refused the transfer");
		return -1;
	}
	t->next = m->live;
	m->live = t;
	m->running++;
	return 0;
}

size_t fetch_multi_running(const struct fetch_multi *m)
{
	return m->running;
}

static short fetch_to_curl_events(short ev)
{
	return (short)(((ev & POLLIN) ? CURL_WAIT_POLLIN : 0) |
		       ((ev & POLLOUT) ? CURL_WAIT_POLLOUT : 0));
}

static short fetch_from_curl_events(short ev)
{
	return (short)(((ev & CURL_WAIT_POLLIN) ? POLLIN : 0) |
		       ((ev & CURL_WAIT_POLLOUT) ? POLLOUT : 0));
}

int fetch_multi_wait(struct fetch_multi *m, struct pollfd *fds, size_t n,
		     int timeout_ms)
{
	int still = 0;

	if (n > m->wait_cap) {
		m->wait = xrealloc(m->wait, n * sizeof(*m->wait));
		m->wait_cap = n;
	}
	for (size_t i = 0; i < n; i++) {
		m->wait[i] = (struct curl_waitfd){
		    .fd = fds[i].fd,
		    .events = fetch_to_curl_events(fds[i].events),
		};
	}
	CURLMcode rc = curl_multi_poll(m->multi, n ? m->wait : NULL,
				       (unsigned)n, timeout_ms, NULL);
	for (size_t i = 0; i < n; i++)
		fds[i].revents =
		    rc == CURLM_OK ? fetch_from_curl_events(m->wait[i].revents)
				   : 0;
	if (rc != CURLM_OK)
		return error("libcurl: %s", curl_multi_strerror(rc));
	rc = curl_multi_perform(m->multi, &still);
	if (rc != CURLM_OK)
		return error("libcurl: %s", curl_multi_strerror(rc));
	return 0;
}

bool fetch_multi_done(struct fetch_multi *m, struct fetch_outcome *out)
{
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(m->multi, &left)) != NULL) {
		struct fetch_transfer *t = NULL;

		if (msg->msg != CURLMSG_DONE)
			continue;
		CURLcode rc = msg->data.result;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
				  (char **)&t);
		if (!t)
			continue;
		fetch_multi_drop(m, t);
		*out = (struct fetch_outcome){.priv = t->priv};
		fetch_transfer_finish(t, rc, t->r, out);
		free(t);
		return true;
	}
	return false;
}

/* ---- URL list lines ---- */

static char *fetch_url_part(CURLU *u, CURLUPart what, unsigned flags)
{
	char *part = NULL;
	char *copy;

	if (curl_url_get(u, what, &part, flags) != CURLUE_OK || !part)
		return NULL;
	copy = xstrdup(part);
	curl_free(part);
	return copy;
}

int fetch_url_check(const char *s, char **host_key, char **why)
{
	CURLU *u = curl_url();
	CURLUcode rc;
	char *scheme = NULL, *host = NULL, *port = NULL;
	struct buf msg;

	*host_key = NULL;
	*why = NULL;
	if (!u)
		die_oom();
	buf_init(&msg, BUF_NO_MAX);
	rc = curl_url_set(u, CURLUPART_URL, s, 0);
	if (rc != CURLUE_OK) {
		buf_printf(&msg, "invalid URL: %s", curl_url_strerror(rc));
	} else {
		scheme = fetch_url_part(u, CURLUPART_SCHEME, 0);
		host = fetch_url_part(u, CURLUPART_HOST, 0);
		port = fetch_url_part(u, CURLUPART_PORT, CURLU_DEFAULT_PORT);
		if (!scheme || (strcmp(scheme, "http") != 0 &&
				strcmp(scheme, "https") != 0))
			buf_printf(&msg,
				   "unsupported scheme '%s' (only http "
				   "and https are fetched)",
				   scheme ? scheme : "");
		else if (!host || !*host)
			buf_printf(&msg, "invalid URL: no host");
	}
	if (msg.len || !host) {
		*why = buf_detach(&msg, NULL);
	} else {
		/* Host names are case-insensitive: one key per server. */
		for (char *p = host; *p; p++)
			*p = (char)ascii_lower((unsigned char)*p);
		buf_printf(&msg, "%s:%s", host, port ? port : "");
		*host_key = buf_detach(&msg, NULL);
	}
	buf_release(&msg);
	free(scheme);
	free(host);
	free(port);
	curl_url_cleanup(u);
	return *why ? -1 : 0;
}
