/*
 * batch_shard.c - the shard of a list entry (see batch_shard.h).
 *
 * FNV-1a (Fowler, Noll, Vo) is short, has no state and no seed, and is
 * the same on every machine and in every version: the properties a
 * partition that several machines compute independently needs.  Its low
 * bits mix less well than its high ones, so the two halves are folded
 * together before the modulo.
 */
#include "run/batch_shard.h"

#include <string.h>

#include "base/hash.h"
#include "base/str.h"


/* A decimal number in [1, BATCH_SHARD_MAX] from s up to end. */
static int parse_count(const char *s, const char *end, unsigned long *out)
{
	unsigned long v = 0;

	if (s == end)
		return -1;
	for (const char *p = s; p < end; p++) {
		if (!ascii_is_digit((unsigned char)*p))
			return -1;
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > BATCH_SHARD_MAX)
			return -1;
	}
	if (v < 1)
		return -1;
	*out = v;
	return 0;
}

int batch_shard_parse(const char *s, struct batch_shard *out)
{
	const char *slash = strchr(s, '/');
	struct batch_shard sh;

	if (!slash || parse_count(s, slash, &sh.index) ||
	    parse_count(slash + 1, slash + strlen(slash), &sh.count) ||
	    sh.index > sh.count)
		return -1;
	*out = sh;
	return 0;
}

uint64_t batch_shard_hash(const char *key, size_t len)
{
	uint64_t h = HASH_FNV1A_BASIS;

	for (size_t i = 0; i < len; i++)
		h = hash_fnv1a_step(h, (uint64_t)ascii_lower((unsigned char)key[i]));
	return h;
}

unsigned long batch_shard_of(const char *key, size_t len, unsigned long count)
{
	uint64_t h = batch_shard_hash(key, len);
	uint32_t folded = (uint32_t)(h ^ (h >> 32));

	return (unsigned long)(folded % count) + 1;
}

size_t batch_shard_host_len(const char *host_key)
{
	const char *colon = strrchr(host_key, ':');
	const char *bracket = strrchr(host_key, ']');

	/* "[::1]:8080": the port's colon is the one after the bracket */
	if (!colon || (bracket && colon < bracket))
		return strlen(host_key);
	return (size_t)(colon - host_key);
}

bool batch_shard_keeps(const struct batch_shard *s, const char *key,
		       size_t len)
{
	if (!s->count)
		return true;
	return batch_shard_of(key, len, s->count) == s->index;
}
