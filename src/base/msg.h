/*
 * msg.h - diagnostics and allocation that cannot fail.
 *
 * Every diagnostic is one line on stderr prefixed "extract: ".  error()
 * returns -1 so that callers can write "return error(...)".  Allocation
 * failure is fatal (as in git and jq): limits are enforced at the inputs,
 * so running out of memory is not a per-page condition we try to survive.
 */
#ifndef EXTRACT_MSG_H
#define EXTRACT_MSG_H

#include <stddef.h>

#define MSG_PRINTF(f, a) __attribute__((format(printf, f, a)))

int error(const char *fmt, ...) MSG_PRINTF(1, 2);
void warning(const char *fmt, ...) MSG_PRINTF(1, 2);
_Noreturn void die_oom(void);
_Noreturn void bug(const char *file, int line, const char *what);
#define BUG(what) bug(__FILE__, __LINE__, (what))

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

#endif
