/*
 * arena.c - bump allocation in growing blocks.
 *
 * Blocks double in size up to ARENA_MAX_BLOCK so that small pages use
 * little memory and big pages few mallocs.  An allocation larger than a
 * block gets a block of its own.
 */
#include "base/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/msg.h"

enum {
	ARENA_FIRST_BLOCK = 16 * 1024,
	ARENA_MAX_BLOCK = 4 * 1024 * 1024,
	ARENA_ALIGN = alignof(max_align_t),
};

struct arena_block {
	struct arena_block *next;
	size_t size;
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void arena_release(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->used = 0;
}

static struct arena_block *new_block(size_t size)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	size_t rounded = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	struct arena_block *b = a->head;

	if (rounded < size)
		die_oom();
	a->used += rounded;
#ifdef ARENA_DEBUG
	b = new_block(rounded);
	b->next = a->head;
	a->head = b;
	b->used = rounded;
	return b->data;
#else
	if (!b || b->size - b->used < rounded) {
		size_t want = b ? b->size * 2 : ARENA_FIRST_BLOCK;

		if (want > ARENA_MAX_BLOCK)
			want = ARENA_MAX_BLOCK;
		if (want < rounded)
			want = rounded;
		b = new_block(want);
		if (a->head && rounded > ARENA_MAX_BLOCK / 2) {
			/* keep the partly used current block in front */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += rounded;
	return p;
#endif
}

void *arena_calloc(struct arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		die_oom();
	void *p = arena_alloc(a, count * size);
	memset(p, 0, count * size);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);

	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
