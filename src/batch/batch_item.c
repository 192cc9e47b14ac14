/*
 * batch_item.c - the life of one list entry in batch mode: admitted from
 * the list, fetched (with retries) or read, parsed by a worker, done.
 *
 * Invariants:
 * - Every entry admitted reaches ITEM_DONE exactly once, through
 *   item_finish(), which counts it and hands its record on; only
 *   entries a previous run recorded (--resume) are not counted there.
 * - An item is on at most one list at a time (the URL queue, the job
 *   queue or the free list), through its one next pointer.
 * - A transfer never starts unless its host allows it (batch_hosts.h)
 *   and fewer than --parallel run; retries go back to the queue with a
 *   due time, so a backoff holds a window slot, never the loop.
 */
#include "batch/batch_int.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "batch/batch.h"
#include "batch/batch_hosts.h"
#include "batch/batch_job.h"
#include "batch/batch_out.h"
#include "run/options.h"
#include "fetch/fetch.h"
#include "base/msg.h"
#include "base/str.h"
#include "batch/urllist.h"
#include "batch/worker.h"

double batch_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- items ---- */

struct item *batch_item_take(struct batch *b, const char *input, size_t index)
{
	struct item *it = b->free_items;

	b->free_items = it->next;
	b->in_use++;
	response_init(&it->r, input);
	it->index = index;
	it->next = NULL;
	if (b->bo->keep_order) {
		b->ring[(b->ring_head + b->ring_len) % b->cap] = it;
		b->ring_len++;
	}
	return it;
}

void batch_item_free(struct batch *b, struct item *it)
{
	if (it->host)
		batch_hosts_drop(b->hosts, it->host, batch_now());
	free(it->host);
	free(it->job);
	free(it->diag);
	response_release(&it->r);
	buf_reset(&it->record);
	it->host = it->job = it->diag = NULL;
	it->attempts = 0;
	it->due = 0;
	it->state = ITEM_FREE;
	it->next = b->free_items;
	b->free_items = it;
	b->in_use--;
}

static void item_emit(struct batch *b, struct item *it)
{
	if (b->out_failed || !it->record.len)
		return;
	if (batch_out_write(b->out_fd, it->record.ptr, it->record.len))
		b->out_failed = true;
}

/* Writes the records at the head of the ring that are done. */
static void batch_flush_ring(struct batch *b)
{
	while (b->ring_len && b->ring[b->ring_head]->state == ITEM_DONE) {
		struct item *it = b->ring[b->ring_head];

		item_emit(b, it);
		batch_item_free(b, it);
		b->ring_head = (b->ring_head + 1) % b->cap;
		b->ring_len--;
	}
}

static void item_finish(struct batch *b, struct item *it, enum exit_code code)
{
	it->state = ITEM_DONE;
	if (code > b->worst)
		b->worst = code;
	progress_count(&b->progress, code);
	if (it->diag && !b->o->quiet) {
		progress_clear(&b->progress);
		error("%s", it->diag);
	}
	if (b->bo->keep_order) {
		batch_flush_ring(b);
		return;
	}
	item_emit(b, it);
	batch_item_free(b, it);
}

/* A record without a page: the response says why (r.fail is set). */
void batch_item_render(struct batch *b, struct item *it)
{
	enum exit_code code = batch_render(&it->r, &b->fmt, (long)it->index,
					   0, &it->record, &it->diag);
	item_finish(b, it, code);
}

static void item_fail(struct batch *b, struct item *it, enum fail_kind kind,
		      const char *detail)
{
	response_fail(&it->r, kind, detail);
	batch_item_render(b, it);
}

static void queue_url(struct batch *b, struct item *it)
{
	it->state = ITEM_QUEUED;
	it->next = NULL;
	*b->queue_tail = it;
	b->queue_tail = &it->next;
}

void batch_item_queue_job(struct batch *b, struct item *it)
{
	it->state = ITEM_PENDING;
	it->next = NULL;
	*b->jobs_tail = it;
	b->jobs_tail = &it->next;
}

/* ---- admission ---- */

/* "scheme://": RFC 3986 scheme characters, then "://". */
static bool looks_like_url(const char *s)
{
	size_t i = 0;

	if (!ascii_is_alpha((unsigned char)s[0]))
		return false;
	while (ascii_is_alnum((unsigned char)s[i]) || s[i] == '+' ||
	       s[i] == '-' || s[i] == '.')
		i++;
	return strncmp(s + i, "://", 3) == 0;
}

/* Schemes without "//" that are never a file name someone meant. */
static bool opaque_scheme(const char *s)
{
	static const char *const schemes[] = {
	    "javascript:", "data:", "mailto:", "about:", "tel:"};
	struct str v = str_from(s);

	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		if (str_starts_with_i(v, schemes[i]))
			return true;
	}
	return false;
}

static void admit_url(struct batch *b, struct item *it, long line)
{
	char *why = NULL;

	if (fetch_url_check(it->r.input, &it->host, &why)) {
		char detail[512];

		snprintf(detail, sizeof(detail), "line %ld: %s", line, why);
		free(why);
		item_fail(b, it, FAIL_INVALID_URL, detail);
		return;
	}
	batch_hosts_hold(b->hosts, it->host);
	queue_url(b, it);
}

/* Why an entry can never be fetched or read, or NULL. */
static const char *entry_refusal(const struct urllist_entry *e)
{
	if (e->problem == URLLIST_TOO_LONG)
		return "longer than the 65536 bytes a line may have";
	if (e->problem == URLLIST_HAS_NUL)
		return "holds a NUL byte";
	if (strcmp(e->text, "-") == 0)
		return "stdin cannot be an entry of a list";
	if (opaque_scheme(e->text))
		return "unsupported scheme (only http and https are fetched)";
	return NULL;
}

static void admit_entry(struct batch *b, const struct urllist_entry *e)
{
	struct item *it = batch_item_take(b, e->text, e->index);
	const char *refusal = entry_refusal(e);

	if (refusal) {
		char detail[256];

		snprintf(detail, sizeof(detail), "line %ld: %s", e->line,
			 refusal);
		item_fail(b, it, FAIL_INVALID_URL, detail);
		return;
	}
	if (looks_like_url(e->text)) {
		admit_url(b, it, e->line);
		return;
	}
	/* Anything else is a local file, read and parsed by a worker. */
	it->job = batch_job_from_path(e->text, (long)e->index,
				      b->o->fetch.max_bytes, &it->job_len);
	batch_item_queue_job(b, it);
}

/* An entry an earlier run recorded: nothing to do, except hold its place. */
int batch_item_done_before(struct batch *b, size_t index, const char *input,
			   const char *where)
{
	bool changed;

	if (!batch_ledger_done(b->ledger, index, input, &changed)) {
		if (!changed)
			return 0;
		error("%s: '%s' is not the input recorded for entry %zu "
		      "in %s; resume with the list that file was made from",
		      where, input, index, b->o->output);
		b->fatal = EXIT_USAGE;
		return -1;
	}
	b->progress.skipped++;
	if (b->bo->keep_order) {
		batch_item_take(b, input, index)->state = ITEM_DONE;
		batch_flush_ring(b);
	}
	return 1;
}

static int admit_done_before(struct batch *b, const struct urllist_entry *e)
{
	char where[512];

	snprintf(where, sizeof(where), "%s:%ld", urllist_name(b->list),
		 e->line);
	return batch_item_done_before(b, e->index, e->text, where);
}

/*
 * Whether the entry is this process's (--shard): a URL by its host, so
 * that a host's politeness limits hold across machines; anything else
 * (a file, a line that is no usable URL) by its text.
 */
static bool entry_in_shard(const struct batch *b, const struct urllist_entry *e)
{
	const struct batch_shard *s = &b->bo->shard;
	char *host = NULL, *why = NULL;
	bool keep;

	if (!s->count)
		return true;
	if (e->problem == URLLIST_FINE && looks_like_url(e->text) &&
	    fetch_url_check(e->text, &host, &why) == 0)
		keep = batch_shard_keeps(s, host, batch_shard_host_len(host));
	else
		keep = batch_shard_keeps(s, e->text, e->len);
	free(host);
	free(why);
	return keep;
}

void batch_admit(struct batch *b)
{
	struct urllist_entry e;

	if (b->warc_in) {
		batch_warc_admit(b);
		return;
	}
	b->list_waiting = false;
	while (!b->list_end && b->in_use < b->cap && !b->fatal) {
		switch (urllist_next(b->list, &e)) {
		case URLLIST_ENTRY:
			if (entry_in_shard(b, &e) &&
			    admit_done_before(b, &e) == 0)
				admit_entry(b, &e);
			break;
		case URLLIST_AGAIN:
			b->list_waiting = true;
			return;
		case URLLIST_ERROR:
			b->fatal = EXIT_UNREADABLE;
			b->list_end = true;
			return;
		case URLLIST_END:
			b->list_end = true;
			return;
		}
	}
}

/* ---- fetching ---- */

static void item_start_fetch(struct batch *b, struct item *it, double now)
{
	char *input = it->r.input;

	/* A fresh response for each attempt; only the input carries over. */
	it->r.input = NULL;
	response_release(&it->r);
	it->r.input = input;
	it->attempts++;
	batch_hosts_started(b->hosts, it->host, now);
	if (fetch_multi_add(b->multi, input, &it->r, it)) {
		batch_hosts_finished(b->hosts, it->host);
		it->r.attempts = it->attempts;
		batch_item_render(b, it);
		return;
	}
	it->state = ITEM_FETCHING;
	b->fetching++;
}

static void note_due(struct batch *b, double when)
{
	if (b->next_due == 0 || when < b->next_due)
		b->next_due = when;
}

void batch_start_fetches(struct batch *b, double now)
{
	struct item **p = &b->queue;

	b->next_due = 0;
	while (*p && b->fetching < (size_t)b->bo->parallel) {
		struct item *it = *p;
		double when = 0;

		if (it->due > now) {
			note_due(b, it->due);
			p = &it->next;
			continue;
		}
		if (!batch_hosts_may_start(b->hosts, it->host, now, &when)) {
			if (when > 0)
				note_due(b, when);
			p = &it->next;
			continue;
		}
		*p = it->next;
		if (!*p)
			b->queue_tail = p;
		it->next = NULL;
		item_start_fetch(b, it, now);
	}
}

/*
 * Seconds to wait before attempt number attempts + 1, or -1 for none:
 * the server's Retry-After when it gave one (unless longer than
 * --retry-max-wait: then it is not worth waiting), else --retry-delay
 * doubled after each attempt, capped by --retry-max-wait.
 */
static double retry_wait(const struct batch_options *bo, int attempts,
			 long retry_after_ms)
{
	double wait = bo->retry_delay;

	if (retry_after_ms >= 0) {
		wait = (double)retry_after_ms / 1000.0;
		return wait > bo->retry_max_wait ? -1 : wait;
	}
	for (int i = 1; i < attempts && wait < bo->retry_max_wait; i++)
		wait *= 2;
	return wait > bo->retry_max_wait ? bo->retry_max_wait : wait;
}

void batch_on_fetched(struct batch *b, const struct fetch_outcome *out,
		      double now)
{
	struct item *it = out->priv;
	char when[RUN_DATE_MAX];

	b->fetching--;
	batch_hosts_finished(b->hosts, it->host);
	it->r.attempts = it->attempts;
	run_utc_now(when);
	if (it->r.status > 0 && when[0])
		it->r.fetched_at = xstrdup(when);
	if (out->transient && it->attempts <= b->bo->retry) {
		double wait =
		    retry_wait(b->bo, it->attempts, out->retry_after_ms);

		if (wait >= 0) {
			it->due = now + wait;
			queue_url(b, it);
			return;
		}
	}
	if (!out->ok) {
		batch_item_render(b, it);
		return;
	}
	if (b->warc_out)
		batch_warc_keep(b, &it->r);
	it->job =
	    batch_job_from_response(&it->r, (long)it->index, 0, &it->job_len);
	/* The worker has its own copy; the record needs only the facts. */
	free(it->r.body);
	free(it->r.http_head);
	it->r.body = it->r.http_head = NULL;
	it->r.body_len = 0;
	batch_item_queue_job(b, it);
}

/* ---- parsing ---- */

void batch_dispatch(struct batch *b)
{
	while (b->jobs && worker_pool_has_idle(b->pool)) {
		struct item *it = b->jobs;

		b->jobs = it->next;
		if (!b->jobs)
			b->jobs_tail = &b->jobs;
		it->next = NULL;
		char *job = it->job;
		it->job = NULL;
		if (worker_pool_submit(b->pool, job, it->job_len, it)) {
			item_fail(b, it, FAIL_PARSE_CRASHED,
				  "no parser process could be started");
			continue;
		}
		it->state = ITEM_PARSING;
	}
}

static const char *signal_name(int sig)
{
	switch (sig) {
	case SIGSEGV:
		return " (SIGSEGV)";
	case SIGABRT:
		return " (SIGABRT)";
	case SIGBUS:
		return " (SIGBUS)";
	case SIGFPE:
		return " (SIGFPE)";
	case SIGILL:
		return " (SIGILL)";
	case SIGKILL:
		return " (SIGKILL)";
	case SIGXCPU:
		return " (SIGXCPU)";
	default:
		return "";
	}
}

void batch_on_parsed(struct batch *b, struct worker_result *res)
{
	struct item *it = res->tag;
	char detail[160];
	enum exit_code code;

	if (res->status == WORKER_DONE &&
	    batch_job_result(res->data, res->len, &code, &it->diag,
			     &it->record) == 0) {
		item_finish(b, it, code);
	} else if (res->status == WORKER_TIMEOUT) {
		snprintf(detail, sizeof(detail),
			 "parsing took longer than its budget (--parse-timeout "
			 "%g s)",
			 b->bo->parse_timeout);
		item_fail(b, it, FAIL_PARSE_TIMEOUT, detail);
	} else {
		if (res->signal)
			snprintf(detail, sizeof(detail),
				 "the parser process died of signal %d%s",
				 res->signal, signal_name(res->signal));
		else if (res->exit_status == EXIT_UNREADABLE)
			snprintf(detail, sizeof(detail),
				 "the parser ran out of memory (--parse-memory "
				 "%ld MiB)",
				 b->bo->parse_memory_mib);
		else
			snprintf(detail, sizeof(detail),
				 "the parser process failed (status %d)",
				 res->exit_status);
		item_fail(b, it, FAIL_PARSE_CRASHED, detail);
	}
	free(res->data);
}
