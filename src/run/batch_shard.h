/*
 * batch_shard.h - which list entries belong to this process's shard
 * (--shard I/N), so that N processes on N machines can share one list.
 *
 * An entry is assigned by a key: the host name of a URL (lower case, no
 * port), so that every URL of one host lands in one shard and the
 * per-host limits (--parallel-host, --host-delay) hold across machines;
 * for anything else (a file path, a line that is no usable URL) the
 * entry's text.  The key's 64-bit FNV-1a hash, folded to 32 bits, modulo
 * N picks the shard.  The assignment depends on nothing but the key and
 * N, never on the machine, the run or the list's order, so the N shards
 * of a list together hold every entry exactly once.
 *
 * Shards are numbered 1 to N, as split(1) numbers its chunks
 * ("split -n l/2/4").
 */
#ifndef EXTRACT_BATCH_SHARD_H
#define EXTRACT_BATCH_SHARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BATCH_SHARD_MAX 1000000

struct batch_shard {
	unsigned long index; /* 1..count */
	unsigned long count; /* 0: no sharding, every entry is kept */
};

/* Parses "I/N" (1 <= I <= N <= BATCH_SHARD_MAX); -1 if it is not that. */
int batch_shard_parse(const char *s, struct batch_shard *out);

/* FNV-1a (64-bit) of the key with ASCII letters in lower case. */
uint64_t batch_shard_hash(const char *key, size_t len);

/* The shard (1..count) of a key; count must be at least 1. */
unsigned long batch_shard_of(const char *key, size_t len,
			     unsigned long count);

/*
 * The key of a URL's host key "host:port" (as fetch_url_check() makes
 * it): the host without the port.  A view into host_key.
 */
size_t batch_shard_host_len(const char *host_key);

/* Whether key belongs to shard s (always true without sharding). */
bool batch_shard_keeps(const struct batch_shard *s, const char *key,
		       size_t len);

#endif
