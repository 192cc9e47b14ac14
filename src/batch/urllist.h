/*
 * urllist.h - the input list of batch mode, read lazily.
 *
 * One URL or file path per line.  Blank lines and lines starting with
 * '#' are skipped; a UTF-8 BOM on the first line, CR before LF, spaces
 * around an entry and a missing final newline are tolerated.  Every
 * other line is an entry, numbered from 0 in list order: the "index"
 * of its record.  Lines are never judged here (an unusable line is
 * still an entry, so that it gets a record); only what the reader
 * itself cannot carry is flagged: a line longer than URLLIST_MAX_LINE
 * or one holding a NUL byte.
 *
 * Memory is one fixed buffer, whatever the length of the list.  A list
 * on a pipe or a terminal is never waited for: urllist_next() says
 * URLLIST_AGAIN and the caller polls urllist_fd().
 */
#ifndef EXTRACT_URLLIST_H
#define EXTRACT_URLLIST_H

#include <stdbool.h>
#include <stddef.h>

#define URLLIST_MAX_LINE 65536

struct urllist;

enum urllist_problem {
	URLLIST_FINE = 0,
	URLLIST_TOO_LONG, /* text holds the start of the line only */
	URLLIST_HAS_NUL,  /* text holds the line up to its first NUL */
};

struct urllist_entry {
	const char *text; /* NUL-terminated; valid until the next call */
	size_t len;
	size_t index; /* 0-based among entries */
	long line;    /* 1-based line number in the list */
	enum urllist_problem problem;
};

enum urllist_status {
	URLLIST_ENTRY,
	URLLIST_AGAIN, /* nothing to read yet: poll urllist_fd() */
	URLLIST_END,
	URLLIST_ERROR, /* a read error, already reported */
};

/*
 * Opens path ("-" for stdin).  NULL (reported) if it cannot be read as a
 * list: missing, a directory, unreadable.
 */
struct urllist *urllist_open(const char *path);
void urllist_close(struct urllist *l);
int urllist_fd(const struct urllist *l);
/* The name used in messages: the path, or "stdin". */
const char *urllist_name(const struct urllist *l);

enum urllist_status urllist_next(struct urllist *l, struct urllist_entry *e);

/*
 * The number of entries in the list at path, read through once, or -1
 * when that is not possible without consuming it (stdin, a pipe).
 */
long urllist_count(const char *path);

#endif
