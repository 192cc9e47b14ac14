/*
 * batch_out.c - the destination of batch records, and the ledger of
 * records an earlier run already wrote (--resume).
 *
 * Invariants:
 * - A record goes out with one write() call; only a short write (a pipe
 *   full under a huge record, a signal) continues it, and nothing else
 *   is written in between, so records never interleave.
 * - On resume the file is cut back to its last newline before anything
 *   is appended: a torn record is dropped and its entry done again,
 *   never glued to the next record.
 * - The ledger holds one 32-bit tag per list position (a hash of the
 *   input, never 0 when done): 4 bytes per entry, the only state that
 *   grows with the list, and only with --resume.
 */
#include "batch/batch_out.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/msg.h"
#include "base/utf8.h"

/* An index beyond this in a record is corruption, not a list position. */
#define LEDGER_MAX_INDEX ((size_t)1 << 31)

struct batch_ledger {
	uint32_t *tag; /* tag[i] != 0: entry i is done; see ledger_tag() */
	size_t cap;
	size_t count;
};

/* FNV-1a, with the low bit set so that a done entry is never 0. */
static uint32_t ledger_tag(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h | 1u;
}

static void ledger_mark(struct batch_ledger *l, size_t index, const char *input)
{
	if (index >= l->cap) {
		size_t cap = l->cap ? l->cap : 1024;

		while (cap <= index)
			cap *= 2;
		l->tag = xrealloc(l->tag, cap * sizeof(*l->tag));
		memset(l->tag + l->cap, 0, (cap - l->cap) * sizeof(*l->tag));
		l->cap = cap;
	}
	if (!l->tag[index])
		l->count++;
	l->tag[index] = ledger_tag(input);
}

/* One complete line of the file: a record with "index" and "input". */
static void ledger_add(struct batch_ledger *l, const char *line, size_t len,
		       const char *path, long lineno)
{
	json_error_t err;
	json_t *rec = json_loadb(line, len, 0, &err);
	json_t *index = rec ? json_object_get(rec, "index") : NULL;
	json_t *input = rec ? json_object_get(rec, "input") : NULL;

	if (!json_is_integer(index) || !json_is_string(input) ||
	    json_integer_value(index) < 0 ||
	    (size_t)json_integer_value(index) >= LEDGER_MAX_INDEX) {
		warning("%s:%ld: not a batch record; ignored", path, lineno);
		json_decref(rec);
		return;
	}
	ledger_mark(l, (size_t)json_integer_value(index),
		    json_string_value(input));
	json_decref(rec);
}

/* Loads the complete lines; *good is the length they span. */
static int ledger_load(struct batch_ledger *l, const char *path, off_t *good)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	long lineno = 0;

	*good = 0;
	if (!f)
		return error("%s: %s", path, strerror(errno));
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] != '\n')
			break;
		lineno++;
		*good += n;
		ledger_add(l, line, (size_t)n, path, lineno);
	}
	int failed = ferror(f);
	free(line);
	fclose(f);
	if (failed)
		return error("%s: read error", path);
	return 0;
}

static int out_open_resume(const char *path, struct batch_ledger **ledger)
{
	struct batch_ledger *l = xcalloc(1, sizeof(*l));
	off_t good;
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0666);

	if (fd < 0 || ledger_load(l, path, &good)) {
		if (fd < 0)
			error("%s: %s", path, strerror(errno));
		else
			close(fd);
		batch_ledger_free(l);
		return -1;
	}
	off_t size = lseek(fd, 0, SEEK_END);
	if (size > good) {
		warning("%s: dropped an incomplete last line (%lld bytes); "
			"its entry is done again",
			path, (long long)(size - good));
		if (ftruncate(fd, good) != 0) {
			error("%s: %s", path, strerror(errno));
			close(fd);
			batch_ledger_free(l);
			return -1;
		}
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_APPEND);
	*ledger = l;
	return fd;
}

int batch_out_open(const char *path, bool resume, struct batch_ledger **ledger)
{
	*ledger = NULL;
	if (!path)
		return STDOUT_FILENO;
	if (resume)
		return out_open_resume(path, ledger);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0)
		return error("%s: %s", path, strerror(errno));
	return fd;
}

int batch_out_write(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0 || errno != EPIPE)
				error("write error: %s", n == 0
							     ? "nothing written"
							     : strerror(errno));
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

bool batch_ledger_done(const struct batch_ledger *l, size_t index,
		       const char *input, bool *changed)
{
	uint32_t tag;

	*changed = false;
	if (!l || index >= l->cap || !l->tag[index])
		return false;
	if (utf8_valid(input, strlen(input))) {
		tag = ledger_tag(input);
	} else {
		/* The record holds the input as JSON holds it: repaired. */
		struct buf fixed;

		buf_init(&fixed, BUF_NO_MAX);
		utf8_repair(&fixed, input, strlen(input));
		tag = ledger_tag(fixed.ptr);
		buf_release(&fixed);
	}
	*changed = l->tag[index] != tag;
	return !*changed;
}

size_t batch_ledger_count(const struct batch_ledger *l)
{
	return l ? l->count : 0;
}

void batch_ledger_free(struct batch_ledger *l)
{
	if (!l)
		return;
	free(l->tag);
	free(l);
}
