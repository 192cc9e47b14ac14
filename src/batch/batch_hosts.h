/*
 * batch_hosts.h - politeness per host: how many transfers each host has
 * in progress (--parallel-host) and when the next may start
 * (--host-delay).
 *
 * A host is known by the key fetch_url_check() gives ("host:port").
 * Only hosts of entries in the batch's window, or started within the
 * last host delay, are remembered, so the table stays as small as the
 * window whatever the length of the list.
 */
#ifndef EXTRACT_BATCH_HOSTS_H
#define EXTRACT_BATCH_HOSTS_H

#include <stdbool.h>
#include <stddef.h>

struct batch_hosts;

struct batch_hosts *batch_hosts_new(long per_host, double delay);
void batch_hosts_free(struct batch_hosts *h);

/* An entry for key joined the window / left it. */
void batch_hosts_hold(struct batch_hosts *h, const char *key);
void batch_hosts_drop(struct batch_hosts *h, const char *key, double now);

/*
 * Whether a transfer to key may start at now.  When only the delay
 * stands in the way, *when is the time it may (else it is left alone).
 */
bool batch_hosts_may_start(const struct batch_hosts *h, const char *key,
			   double now, double *when);
void batch_hosts_started(struct batch_hosts *h, const char *key, double now);
void batch_hosts_finished(struct batch_hosts *h, const char *key);

#endif
