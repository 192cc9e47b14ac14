/*
 * fuzz_urllist.c - the batch list reader against a model of its contract.
 *
 * Input: byte 0 is the mode; the rest is the list.  Mode bit 0 feeds the
 * list through a pipe, in chunks of the size bits 1-3 pick, written only
 * when the reader says URLLIST_AGAIN (so lines arrive in pieces); without
 * it the list is a regular file.  Mode bit 4 turns on expansion: the
 * bytes 0x01 N C stand for (N + 1) * 1024 copies of C, which is how an
 * input of a few KB reaches lines longer than URLLIST_MAX_LINE.
 *
 * The model is urllist.h's contract, written independently: lines end at
 * LF; a UTF-8 BOM is dropped from the first line; a line is an entry
 * unless, with spaces around it removed, it is empty or starts with '#';
 * entries are numbered from 0 and carry their 1-based line number; a
 * line longer than URLLIST_MAX_LINE is flagged too long, its text the
 * first PREFIX_MAX bytes from its first non-space byte; the text stops
 * at a NUL byte (flagged, for a line of normal length).  The reader must
 * hand out exactly the model's entries in order, then URLLIST_END, and
 * urllist_count() must agree for a file.  Each entry then goes through
 * fetch_url_check(), as batch mode does: a host key in lower case with
 * a port, or a reason, never both.
 *
 * Lists are given to urllist_open() as /proc/self/fd/N paths (an
 * unlinked temporary file, or a pipe), so nothing is left on disk.
 */
#include "fuzz.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch/fetch.h"
#include "batch/urllist.h"

#define HARNESS "fuzz_urllist"

#define EXPAND_MAX   (256u * 1024) /* bytes of list after expansion */
#define PREFIX_MAX   256           /* what a too-long entry shows at most */
#define MAX_WRITES   20000         /* pipe writes per input at most */
#define ROUNDS_LIMIT 10000000      /* next() calls before we call it a hang */

enum {
	MODE_PIPE = 1 << 0,
	MODE_EXPAND = 1 << 4,
};

static const size_t chunk_sizes[] = {1, 2, 3, 7, 64, 509, 4096, 65536};

struct list {
	char *p;
	size_t len, cap;
};

struct expected {
	size_t start, len; /* the entry's text in the list (before a cut) */
	long line;
	enum urllist_problem problem;
};

static int file_fd = -1; /* the reusable temporary file (harness only) */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char path[] = "/tmp/fuzz_urllist.XXXXXX";

	(void)argc;
	(void)argv;
	file_fd = mkstemp(path);
	if (file_fd < 0) {
		perror("fuzz_urllist: mkstemp");
		abort();
	}
	unlink(path);
	return 0;
}

static void list_put(struct list *l, const void *p, size_t n)
{
	if (l->len + n > l->cap) {
		size_t cap = l->cap ? l->cap : 4096;
		while (cap < l->len + n)
			cap *= 2;
		l->p = realloc(l->p, cap);
		if (!l->p)
			abort();
		l->cap = cap;
	}
	memcpy(l->p + l->len, p, n);
	l->len += n;
}

static void expand(const uint8_t *d, size_t n, bool on, struct list *out)
{
	for (size_t i = 0; i < n; i++) {
		if (!on || d[i] != 0x01 || i + 2 >= n) {
			list_put(out, d + i, 1);
			continue;
		}
		size_t count = ((size_t)d[i + 1] + 1) * 1024;
		char run[1024];
		memset(run, d[i + 2], sizeof(run));
		for (size_t k = 0; k < count / sizeof(run); k++) {
			if (out->len + sizeof(run) > EXPAND_MAX)
				break;
			list_put(out, run, sizeof(run));
		}
		i += 2;
	}
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* The entries the contract says the list holds; returns their number. */
static size_t model(const char *p, size_t len, struct expected **out)
{
	size_t n = 0, cap = 0;
	long line = 0;

	*out = NULL;
	for (size_t at = 0; at < len;) {
		const char *lf = memchr(p + at, '\n', len - at);
		size_t end = lf ? (size_t)(lf - p) : len;
		size_t s = at, e = end;

		line++;
		if (line == 1 && e - s >= 3 &&
		    !memcmp(p + s, "\xEF\xBB\xBF", 3))
			s += 3;
		bool too_long = end - at > URLLIST_MAX_LINE;
		while (s < e && is_space((unsigned char)p[s]))
			s++;
		while (e > s && is_space((unsigned char)p[e - 1]))
			e--;
		at = lf ? end + 1 : len;
		if (s == e || p[s] == '#')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = realloc(*out, cap * sizeof(**out));
			if (!*out)
				abort();
		}
		struct expected *x = &(*out)[n++];
		*x = (struct expected){.start = s, .len = e - s, .line = line};
		if (too_long) {
			/* the first PREFIX_MAX bytes from the first non-space,
			 * up to a NUL, without trailing spaces */
			size_t k = end - s < PREFIX_MAX ? end - s : PREFIX_MAX;
			const char *nul = memchr(p + s, '\0', k);
			if (nul)
				k = (size_t)(nul - (p + s));
			while (k && is_space((unsigned char)p[s + k - 1]))
				k--;
			x->problem = URLLIST_TOO_LONG;
			x->len = k;
		} else if (memchr(p + s, '\0', e - s)) {
			x->problem = URLLIST_HAS_NUL;
			x->len =
			    (size_t)((const char *)memchr(p + s, '\0', e - s) -
				     (p + s));
		}
	}
	return n;
}

/*
 * What batch mode does with each entry next: fetch_url_check() either
 * gives a host key, "host:port" in lower case, or says why not.
 */
static void check_url(const char *text)
{
	char *key, *why;
	int rc = fetch_url_check(text, &key, &why);

	FUZZ_CHECK(HARNESS, rc == 0 ? key && !why : !key && why,
		   "fetch_url_check gave both or neither of key and reason");
	if (key) {
		FUZZ_CHECK(HARNESS, strchr(key, ':'), "a host key has no port");
		for (const char *p = key; *p; p++)
			FUZZ_CHECK(HARNESS, !(*p >= 'A' && *p <= 'Z'),
				   "a host key is not in lower case");
	}
	free(key);
	free(why);
}

static void check_entry(const struct urllist_entry *e, const char *list,
			const struct expected *x, size_t index)
{
	FUZZ_CHECK(HARNESS, e->index == index,
		   "entries are not numbered in order");
	FUZZ_CHECK(HARNESS, e->line == x->line,
		   "an entry has the wrong line number");
	FUZZ_CHECK(HARNESS, e->problem == x->problem,
		   "an entry has the wrong problem flag");
	FUZZ_CHECK(HARNESS, e->text && strlen(e->text) == e->len,
		   "an entry's text and length disagree");
	FUZZ_CHECK(HARNESS,
		   e->len == x->len &&
		       !memcmp(e->text, list + x->start, x->len),
		   "an entry's text is not its trimmed line (or its prefix)");
	if (x->problem != URLLIST_TOO_LONG)
		check_url(e->text);
}

static struct urllist *open_fd(int fd)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	return urllist_open(path);
}

/* Reads the whole list, checking each entry; wr >= 0 is the pipe to feed. */
static void read_all(struct urllist *l, const struct list *in, int wr,
		     size_t chunk, const struct expected *x, size_t n)
{
	struct urllist_entry e;
	size_t got = 0, sent = 0;

	for (long round = 0;; round++) {
		FUZZ_CHECK(HARNESS, round < ROUNDS_LIMIT,
			   "the reader makes no progress");
		enum urllist_status st = urllist_next(l, &e);
		if (st == URLLIST_END)
			break;
		FUZZ_CHECK(HARNESS, st != URLLIST_ERROR, "the reader failed");
		if (st == URLLIST_AGAIN) {
			FUZZ_CHECK(HARNESS, wr >= 0,
				   "a regular file said URLLIST_AGAIN");
			if (sent == in->len) {
				close(wr);
				wr = -1;
				continue;
			}
			size_t want =
			    in->len - sent < chunk ? in->len - sent : chunk;
			ssize_t w = write(wr, in->p + sent, want);
			FUZZ_CHECK(HARNESS, w > 0 || errno == EAGAIN,
				   "writing the pipe failed");
			if (w > 0)
				sent += (size_t)w;
			continue;
		}
		FUZZ_CHECK(HARNESS, got < n, "the reader made up an entry");
		check_entry(&e, in->p, &x[got], got);
		got++;
	}
	FUZZ_CHECK(HARNESS, got == n, "the reader lost an entry");
	FUZZ_CHECK(HARNESS, urllist_next(l, &e) == URLLIST_END,
		   "the reader did not stay at its end");
	FUZZ_CHECK(HARNESS, wr < 0, "the reader ended before the pipe closed");
}

static void run_file(const struct list *in, const struct expected *x, size_t n)
{
	char path[64];

	FUZZ_CHECK(HARNESS, ftruncate(file_fd, 0) == 0, "ftruncate failed");
	for (size_t off = 0; off < in->len;) {
		ssize_t w =
		    pwrite(file_fd, in->p + off, in->len - off, (off_t)off);
		FUZZ_CHECK(HARNESS, w > 0, "writing the list file failed");
		off += (size_t)w;
	}
	struct urllist *l = open_fd(file_fd);
	FUZZ_CHECK(HARNESS, l, "urllist_open refused a regular file");
	read_all(l, in, -1, 0, x, n);
	urllist_close(l);
	snprintf(path, sizeof(path), "/proc/self/fd/%d", file_fd);
	FUZZ_CHECK(HARNESS, urllist_count(path) == (long)n,
		   "urllist_count disagrees with the entries");
}

static void run_pipe(const struct list *in, size_t chunk,
		     const struct expected *x, size_t n)
{
	int fds[2];

	FUZZ_CHECK(HARNESS, pipe(fds) == 0, "pipe failed");
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	struct urllist *l = open_fd(fds[0]);
	close(fds[0]);
	FUZZ_CHECK(HARNESS, l, "urllist_open refused a pipe");
	read_all(l, in, fds[1], chunk, x, n);
	urllist_close(l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct list in = {0};
	struct expected *x;

	if (!size)
		return 0;
	if (file_fd < 0)
		LLVMFuzzerInitialize(NULL, NULL);
	uint8_t mode = data[0];
	expand(data + 1, size - 1, mode & MODE_EXPAND, &in);
	size_t n = model(in.p, in.len, &x);
	if (mode & MODE_PIPE) {
		size_t chunk = chunk_sizes[(mode >> 1) & 7];
		/* bounds the syscalls per input, for the fuzzer's time limit */
		if (in.len / chunk > MAX_WRITES)
			chunk = in.len / MAX_WRITES;
		run_pipe(&in, chunk, x, n);
	} else
		run_file(&in, x, n);
	free(x);
	free(in.p);
	return 0;
}
