/*
 * urllist.c - the input list of batch mode, read lazily.
 *
 * Invariants:
 * - Memory is one buffer of URLLIST_MAX_LINE + URLLIST_CHUNK + 1 bytes,
 *   allocated at open: an overlong line is skipped to its end, keeping
 *   only its first bytes for the record, so no line can grow it.
 * - buf[start, end) holds bytes read but not yet consumed; the byte
 *   after each line handed out is overwritten with NUL, which is why the
 *   buffer has one spare byte for a last line without newline.
 * - Nothing read is ever silently lost: every line that is not blank or
 *   a comment becomes exactly one entry, in order, with its index.
 * - A regular file is read with plain read(); anything else (pipe, tty,
 *   FIFO) is polled first, so urllist_next() never blocks the caller's
 *   loop while transfers are running.
 */
#include "batch/urllist.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/msg.h"
#include "base/str.h"

#define URLLIST_CHUNK  65536
#define URLLIST_PREFIX 256 /* what an overlong line's record shows of it */

struct urllist {
	int fd;
	bool own_fd;
	bool regular; /* a regular file: reads never block */
	bool eof;
	bool first; /* the next line is the first (BOM check) */
	char *name;
	char *buf;
	size_t cap; /* usable bytes of buf; one more is allocated */
	size_t start, end;
	long line;    /* lines consumed so far */
	size_t index; /* entries handed out so far */
	/* an overlong line being skipped */
	bool skipping;
	bool skipping_blank;   /* ... only spaces so far: may be blank */
	bool skipping_comment; /* ... that is a comment: no entry */
	char prefix[URLLIST_PREFIX + 1];
	size_t prefix_len;
};

struct urllist *urllist_open(const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	struct urllist *l;

	if (fd < 0) {
		error("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		error("%s: %s", is_stdin ? "stdin" : path,
		      S_ISDIR(st.st_mode) ? "is a directory" : strerror(errno));
		if (!is_stdin)
			close(fd);
		return NULL;
	}
	l = xcalloc(1, sizeof(*l));
	l->fd = fd;
	l->own_fd = !is_stdin;
	l->regular = S_ISREG(st.st_mode);
	l->first = true;
	l->name = xstrdup(is_stdin ? "stdin" : path);
	l->cap = URLLIST_MAX_LINE + URLLIST_CHUNK;
	l->buf = xmalloc(l->cap + 1);
	return l;
}

void urllist_close(struct urllist *l)
{
	if (!l)
		return;
	if (l->own_fd)
		close(l->fd);
	free(l->name);
	free(l->buf);
	free(l);
}

int urllist_fd(const struct urllist *l)
{
	return l->fd;
}

const char *urllist_name(const struct urllist *l)
{
	return l->name;
}

/*
 * Turns one line (without its LF) into an entry; false for a line that
 * is skipped.  The line's buffer has room for a NUL after it.
 */
static bool urllist_take(struct urllist *l, char *p, size_t len,
			 struct urllist_entry *e)
{
	static const char bom[] = "\xEF\xBB\xBF";
	struct str s;
	const char *nul;

	l->line++;
	if (l->first && len >= 3 && memcmp(p, bom, 3) == 0) {
		p += 3;
		len -= 3;
	}
	l->first = false;
	s = str_trim(str_make(p, len));
	if (!s.len || s.ptr[0] == '#')
		return false;
	*e = (struct urllist_entry){.index = l->index++, .line = l->line};
	nul = memchr(s.ptr, '\0', s.len);
	if (nul) {
		e->problem = URLLIST_HAS_NUL;
		s.len = (size_t)(nul - s.ptr);
	}
	p[(s.ptr - p) + (ptrdiff_t)s.len] = '\0';
	e->text = s.ptr;
	e->len = s.len;
	return true;
}

/* The end of an overlong line: its entry shows the first bytes. */
static bool urllist_take_long(struct urllist *l, struct urllist_entry *e)
{
	size_t len;

	l->skipping = false;
	l->line++;
	l->first = false;
	if (l->skipping_blank || l->skipping_comment)
		return false;
	l->prefix[l->prefix_len] = '\0';
	len = strlen(l->prefix);
	while (len && ascii_is_space((unsigned char)l->prefix[len - 1]))
		len--;
	l->prefix[len] = '\0';
	*e = (struct urllist_entry){
	    .text = l->prefix,
	    .len = len,
	    .index = l->index++,
	    .line = l->line,
	    .problem = URLLIST_TOO_LONG,
	};
	return true;
}

/*
 * Looks at the bytes of an overlong line as they are skipped.  Until its
 * first byte that is not a space, the line may still turn out blank or a
 * comment, however long its leading run of spaces; from that byte on,
 * the first URLLIST_PREFIX bytes are kept for the entry.
 */
static void urllist_skip_bytes(struct urllist *l, const char *p, size_t n)
{
	size_t i = 0, room;

	if (l->skipping_blank) {
		while (i < n && ascii_is_space((unsigned char)p[i]))
			i++;
		if (i == n)
			return;
		l->skipping_blank = false;
		l->skipping_comment = p[i] == '#';
	}
	room = URLLIST_PREFIX - l->prefix_len;
	if (room > n - i)
		room = n - i;
	memcpy(l->prefix + l->prefix_len, p + i, room);
	l->prefix_len += room;
}

/*
 * Starts skipping an overlong line, whose first len bytes are at start:
 * the one filling the buffer without an LF, or one whose LF came in the
 * same read.  A BOM is dropped from the first line, as urllist_take does.
 */
static void urllist_start_skip(struct urllist *l, size_t len)
{
	const char *p = l->buf + l->start;

	if (l->first && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
		p += 3;
		len -= 3;
	}
	l->prefix_len = 0;
	l->skipping_blank = true;
	l->skipping_comment = false;
	l->skipping = true;
	urllist_skip_bytes(l, p, len);
	l->start = l->end;
}

/* 1 read something, 0 nothing yet, -1 error (reported). */
static int urllist_fill(struct urllist *l)
{
	ssize_t n;

	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (!l->regular) {
		struct pollfd p = {.fd = l->fd, .events = POLLIN};

		if (poll(&p, 1, 0) == 0)
			return 0;
	}
	n = read(l->fd, l->buf + l->end, l->cap - l->end);
	if (n < 0) {
		if (errno == EINTR || errno == EAGAIN)
			return 0;
		return error("%s: %s", l->name, strerror(errno));
	}
	if (n == 0)
		l->eof = true;
	l->end += (size_t)n;
	return 1;
}

enum urllist_status urllist_next(struct urllist *l, struct urllist_entry *e)
{
	for (;;) {
		char *p = l->buf + l->start;
		size_t avail = l->end - l->start;
		char *lf = memchr(p, '\n', avail);

		if (lf && !l->skipping && (size_t)(lf - p) > URLLIST_MAX_LINE) {
			urllist_start_skip(l, (size_t)(lf - p));
			l->start = (size_t)(lf - l->buf);
			continue;
		}
		if (lf) {
			l->start += (size_t)(lf - p) + 1;
			if (l->skipping) {
				urllist_skip_bytes(l, p, (size_t)(lf - p));
				if (urllist_take_long(l, e))
					return URLLIST_ENTRY;
				continue;
			}
			if (urllist_take(l, p, (size_t)(lf - p), e))
				return URLLIST_ENTRY;
			continue;
		}
		if (l->skipping) {
			urllist_skip_bytes(l, p, avail);
			l->start = l->end;
		} else if (avail > URLLIST_MAX_LINE) {
			urllist_start_skip(l, avail);
		}
		if (l->eof) {
			if (l->skipping)
				return urllist_take_long(l, e) ? URLLIST_ENTRY
							       : URLLIST_END;
			if (!avail)
				return URLLIST_END;
			l->start = l->end;
			if (urllist_take(l, p, avail, e))
				return URLLIST_ENTRY;
			return URLLIST_END;
		}
		int rc = urllist_fill(l);
		if (rc < 0)
			return URLLIST_ERROR;
		if (rc == 0)
			return URLLIST_AGAIN;
	}
}

long urllist_count(const char *path)
{
	struct urllist *l;
	struct urllist_entry e;
	enum urllist_status status;
	struct stat st;
	long n = 0;

	/* Never open a FIFO here: that would take its writer's data. */
	if (strcmp(path, "-") == 0 || stat(path, &st) != 0 ||
	    !S_ISREG(st.st_mode))
		return -1;
	l = urllist_open(path);
	if (!l)
		return -1;
	while ((status = urllist_next(l, &e)) == URLLIST_ENTRY)
		n++;
	urllist_close(l);
	return status == URLLIST_END ? n : -1;
}
