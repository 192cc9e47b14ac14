/*
 * arena.h - a per-document bump allocator.
 *
 * Everything derived from one page (decoded text, the flat DOM, side
 * tables, extracted strings) shares one lifetime, so it all lives in one
 * arena and is freed by one arena_release().  Error paths therefore need
 * no per-string frees.
 *
 * Built with -DARENA_DEBUG, every allocation is a separate malloc so that
 * ASan and valgrind see overflows between objects.
 *
 * Allocation never fails (out of memory is fatal, see msg.h); size limits
 * are enforced on the inputs.
 */
#ifndef EXTRACT_ARENA_H
#define EXTRACT_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used;  /* bytes handed out, for memory accounting */
};

void arena_init(struct arena *a);
void arena_release(struct arena *a);

/* Memory aligned for any scalar type, valid until arena_release(). */
void *arena_alloc(struct arena *a, size_t size);
void *arena_calloc(struct arena *a, size_t count, size_t size);
/* A NUL-terminated copy of len bytes (which may themselves contain NUL). */
char *arena_strndup(struct arena *a, const char *s, size_t len);
char *arena_strdup(struct arena *a, const char *s);

#endif
