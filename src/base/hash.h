/*
 * hash.h - FNV-1a, 64 bits: the one hash of the code base (hash sets of
 * texts, URLs and shingles, the shard of a list entry).  Fast, without
 * state, and the same on every machine; not meant to resist an attacker
 * choosing collisions, so a caller compares what a match points to
 * wherever a collision would matter.
 */
#ifndef EXTRACT_HASH_H
#define EXTRACT_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV1A_BASIS 0xcbf29ce484222325ULL /* the offset basis */
#define HASH_FNV1A_PRIME 0x100000001b3ULL

/* One more byte (or word hash, folded in whole) into h. */
static inline uint64_t hash_fnv1a_step(uint64_t h, uint64_t byte)
{
	return (h ^ byte) * HASH_FNV1A_PRIME;
}

static inline uint64_t hash_fnv1a(const void *data, size_t len)
{
	const unsigned char *p = data;
	uint64_t h = HASH_FNV1A_BASIS;

	for (size_t i = 0; i < len; i++)
		h = hash_fnv1a_step(h, p[i]);
	return h;
}

#endif
