/*
 * batch_hosts.c - transfers in progress and next start time, per host.
 *
 * A chained hash table of struct host_slot keyed by "host:port".
 *
 * Invariants:
 * - A slot exists while an entry of the window holds it (held > 0), or
 *   while its host delay since the last start still runs; then it goes,
 *   so memory follows the window, not the list.
 * - active <= the per-host limit, because transfers start only after
 *   batch_hosts_may_start() said yes, and all on one thread.
 */
#include "batch/batch_hosts.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/msg.h"

#define HOSTS_BUCKETS 1024 /* a power of two */

struct host_slot {
	char *key;
	long held;         /* entries of the window for this host */
	long active;       /* transfers in progress */
	double next_start; /* no start before this (host delay) */
	struct host_slot *next;
};

struct batch_hosts {
	struct host_slot *bucket[HOSTS_BUCKETS];
	long per_host;
	double delay;
};

static size_t hosts_hash(const char *key)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *key; key++) {
		h ^= (unsigned char)*key;
		h *= 16777619u;
	}
	return h & (HOSTS_BUCKETS - 1);
}

static struct host_slot *hosts_slot(const struct batch_hosts *h,
				    const char *key)
{
	struct host_slot *s = h->bucket[hosts_hash(key)];

	while (s && strcmp(s->key, key) != 0)
		s = s->next;
	return s;
}

struct batch_hosts *batch_hosts_new(long per_host, double delay)
{
	struct batch_hosts *h = xcalloc(1, sizeof(*h));

	h->per_host = per_host > 0 ? per_host : 1;
	h->delay = delay > 0 ? delay : 0;
	return h;
}

void batch_hosts_free(struct batch_hosts *h)
{
	if (!h)
		return;
	for (size_t i = 0; i < HOSTS_BUCKETS; i++) {
		while (h->bucket[i]) {
			struct host_slot *s = h->bucket[i];

			h->bucket[i] = s->next;
			free(s->key);
			free(s);
		}
	}
	free(h);
}

void batch_hosts_hold(struct batch_hosts *h, const char *key)
{
	struct host_slot *s = hosts_slot(h, key);

	if (!s) {
		size_t b = hosts_hash(key);

		s = xcalloc(1, sizeof(*s));
		s->key = xstrdup(key);
		s->next = h->bucket[b];
		h->bucket[b] = s;
	}
	s->held++;
}

/* Forgets slots nobody holds whose delay has run out, in key's bucket. */
static void hosts_prune(struct batch_hosts *h, const char *key, double now)
{
	struct host_slot **p = &h->bucket[hosts_hash(key)];

	while (*p) {
		struct host_slot *s = *p;

		if (s->held <= 0 && s->active <= 0 && s->next_start <= now) {
			*p = s->next;
			free(s->key);
			free(s);
		} else {
			p = &s->next;
		}
	}
}

void batch_hosts_drop(struct batch_hosts *h, const char *key, double now)
{
	struct host_slot *s = hosts_slot(h, key);

	if (s)
		s->held--;
	hosts_prune(h, key, now);
}

bool batch_hosts_may_start(const struct batch_hosts *h, const char *key,
			   double now, double *when)
{
	struct host_slot *s = hosts_slot(h, key);

	if (!s)
		return true;
	if (s->active >= h->per_host)
		return false;
	if (s->next_start > now) {
		*when = s->next_start;
		return false;
	}
	return true;
}

void batch_hosts_started(struct batch_hosts *h, const char *key, double now)
{
	struct host_slot *s = hosts_slot(h, key);

	if (!s)
		return;
	s->active++;
	s->next_start = now + h->delay;
}

void batch_hosts_finished(struct batch_hosts *h, const char *key)
{
	struct host_slot *s = hosts_slot(h, key);

	if (s && s->active > 0)
		s->active--;
}
