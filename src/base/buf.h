/*
 * buf.h - a growable byte buffer with a hard maximum.
 *
 * Invariants (as git's strbuf): ptr is never NULL after buf_init, the
 * content is always NUL-terminated, and len < cap.  The maximum is set at
 * init (as curl's dynbuf): an append that would pass it fails, returns -1
 * and leaves the buffer as it was, so a caller can report "too large"
 * instead of growing without bound.  Content may hold NUL bytes.
 */
#ifndef EXTRACT_BUF_H
#define EXTRACT_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct buf {
	char *ptr;
	size_t len;
	size_t cap;
	size_t max;
};

#define BUF_NO_MAX ((size_t)-1 / 2)

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
/* Hands the heap string to the caller (free() it); the buffer is reset. */
char *buf_detach(struct buf *b, size_t *len);
void buf_reset(struct buf *b);

/* buf_append() when the buffer must grow (or len passes max). */
int buf_append_grow(struct buf *b, const void *data, size_t len);

/*
 * Appends len bytes; -1 (buffer unchanged) past max.  Inline because text
 * assembly appends a character at a time: the common case, room left,
 * is a copy and a NUL.  data may be NULL when len is 0 (an empty view):
 * memcpy must not see it.
 */
static inline int buf_append(struct buf *b, const void *data, size_t len)
{
	if (len && len < b->cap - b->len && b->len + len <= b->max) {
		memcpy(b->ptr + b->len, data, len);
		b->len += len;
		b->ptr[b->len] = '\0';
		return 0;
	}
	return buf_append_grow(b, data, len);
}
int buf_append_str(struct buf *b, const char *s);
int buf_append_char(struct buf *b, char c);
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Shortens the content to len bytes (len <= b->len). */
void buf_truncate(struct buf *b, size_t len);

#endif
