/*
 * batch_warc.c - WARC files in batch mode: --warc reads them, and
 * --warc-output keeps what a batch fetched.
 *
 * Reading.  The files (the operands, or with "--warc -" one path per
 * line of stdin) are read one after the other, one record at a time
 * while the window has room.  Each HTML response becomes an item whose
 * job goes to a parser worker, as a fetched page does: the record's
 * target URI is its input and URL, its WARC-Date is "fetched_at" and
 * the time no date of the page may pass.  Other records, and responses
 * that are no HTML page (images, PDFs, redirects, robots.txt...), are
 * skipped and counted; a corrupt record is reported (path, offset,
 * reason) and reading goes on with the next.  HTML responses are
 * numbered ("index") across all files in reading order, and their
 * records written in that order, so the output of a file set is always
 * the same.
 *
 * Writing.  The final response of each fetched entry (retried attempts
 * are not kept) is appended to --warc-output as its own gzip member by
 * warc_write_response(), from the main loop, and flushed at once: a
 * kill loses at most the record being written.  A write that fails
 * stops the batch (exit 5): an archive with holes is not what was
 * asked for.
 */
#include "batch/batch_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch/batch.h"
#include "batch/batch_job.h"
#include "run/batch_shard.h"
#include "run/options.h"
#include "base/msg.h"
#include "base/str.h"
#include "batch/urllist.h"
#include "batch/warc.h"
#include "batch/worker.h"

struct batch_warc {
	const char *const *files; /* the operands, or NULL: paths on stdin */
	size_t n_files, next_file;
	char *path;               /* the file being read, or NULL */
	FILE *f;
	struct warc_reader *reader;
	size_t next_index;        /* of the next HTML response */
	unsigned long files_read, pages, skipped, bad;
};

/* ---- reading ---- */

struct batch_warc *batch_warc_new(const struct options *o)
{
	struct batch_warc *w = xcalloc(1, sizeof(*w));

	w->files = o->warc_files;
	w->n_files = o->n_warc_files;
	return w;
}

static void warc_close(struct batch_warc *w)
{
	if (!w->reader)
		return;
	w->skipped += warc_reader_stats(w->reader)->skipped;
	warc_reader_free(w->reader);
	fclose(w->f);
	free(w->path);
	w->reader = NULL;
	w->f = NULL;
	w->path = NULL;
}

void batch_warc_free(struct batch_warc *w)
{
	if (!w)
		return;
	warc_close(w);
	free(w);
}

static void note_worst(struct batch *b, enum exit_code code)
{
	if (code > b->worst)
		b->worst = code;
}

/* A problem of the file being read: one line, unless -q. */
static void warc_report(struct batch *b, const char *path, const char *what)
{
	note_worst(b, EXIT_UNREADABLE);
	if (b->o->quiet)
		return;
	progress_clear(&b->progress);
	error("%s: %s", path, what);
}

/* The next path: 1 when *path is set, 0 at the end, -1 to wait. */
static int warc_next_path(struct batch *b, struct batch_warc *w,
			  struct urllist_entry *e, const char **path)
{
	if (w->files) {
		if (w->next_file == w->n_files)
			return 0;
		*path = w->files[w->next_file++];
		return 1;
	}
	switch (urllist_next(b->list, e)) {
	case URLLIST_ENTRY:
		*path = e->text;
		return 1;
	case URLLIST_AGAIN:
		b->list_waiting = true;
		return -1;
	case URLLIST_ERROR:
		b->fatal = EXIT_UNREADABLE;
		return 0;
	case URLLIST_END:
		break;
	}
	return 0;
}

/* Opens the next file of this shard: 1 when one is open, 0, -1 (wait). */
static int warc_open_next(struct batch *b, struct batch_warc *w)
{
	struct urllist_entry e;
	const char *path;
	int rc;

	while ((rc = warc_next_path(b, w, &e, &path)) == 1) {
		if (!batch_shard_keeps(&b->bo->shard, path, strlen(path)))
			continue;
		w->f = fopen(path, "rb");
		if (!w->f) {
			/* a whole input lost: said even with -q */
			note_worst(b, EXIT_UNREADABLE);
			progress_clear(&b->progress);
			error("%s: %s", path, strerror(errno));
			continue;
		}
		w->path = xstrdup(path);
		w->reader = warc_reader_new(w->f, b->o->fetch.max_bytes);
		w->files_read++;
		return 1;
	}
	return rc;
}

/* After a byte order mark and white space, markup. */
static bool looks_like_markup(const char *p, size_t n)
{
	size_t i = 0;

	if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < n && ascii_is_space((unsigned char)p[i]))
		i++;
	return i < n && p[i] == '<';
}

/*
 * A page: a status that comes with one (not 1xx, 204, 3xx), and an HTML
 * type, or no type and a body that starts with markup.
 */
static bool warc_is_page(const struct warc_record *rec)
{
	static const char *const html_types[] = {
	    "text/html", "application/xhtml+xml",
	    "application/vnd.wap.xhtml+xml"};
	const char *type = rec->content_type;

	if (rec->status < 200 || rec->status == 204 ||
	    (rec->status >= 300 && rec->status < 400))
		return false;
	if (!type || !*type)
		return looks_like_markup(rec->body, rec->body_len);
	struct str t = str_trim(str_make(type, strcspn(type, ";")));
	size_t n = sizeof(html_types) / sizeof(html_types[0]);

	for (size_t i = 0; i < n; i++) {
		if (str_ieq(t, html_types[i]))
			return true;
	}
	return false;
}

static void warc_admit_page(struct batch *b, struct batch_warc *w,
			    const struct warc_record *rec)
{
	const char *uri = rec->target_uri ? rec->target_uri : "";
	size_t index = w->next_index++;
	char where[512];

	w->pages++;
	snprintf(where, sizeof(where), "%s: record at offset %llu", w->path,
		 (unsigned long long)rec->offset);
	if (batch_item_done_before(b, index, uri, where) != 0)
		return;
	struct item *it = batch_item_take(b, uri, index);
	it->r.url = xstrdup(uri);
	it->r.final_url = xstrdup(uri);
	it->r.status = rec->status;
	if (rec->content_type)
		it->r.content_type = xstrdup(rec->content_type);
	if (rec->date)
		it->r.fetched_at = xstrdup(rec->date);
	if (rec->truncated) {
		char detail[160];
		snprintf(detail, sizeof(detail),
			 "the record's body is larger than %zu bytes",
			 b->o->fetch.max_bytes);
		response_fail(&it->r, FAIL_TOO_LARGE, detail);
		batch_item_render(b, it);
		return;
	}
	it->job = batch_job_from_page(&it->r, rec->body, rec->body_len,
				      (long)index, rec->date_epoch,
				      &it->job_len);
	batch_item_queue_job(b, it);
}

static void warc_read_one(struct batch *b, struct batch_warc *w)
{
	struct warc_record rec;

	switch (warc_next(w->reader, &rec)) {
	case WARC_RECORD:
		if (warc_is_page(&rec))
			warc_admit_page(b, w, &rec);
		else
			w->skipped++;
		return;
	case WARC_BAD:
		w->bad++;
		warc_report(b, w->path, rec.error ? rec.error : "bad record");
		return;
	case WARC_IO:
		w->bad++;
		warc_report(b, w->path, rec.error ? rec.error : "read error");
		warc_close(w);
		return;
	case WARC_END:
		warc_close(w);
		return;
	}
}

/*
 * Records are read as fast as the disk allows, not as fast as servers
 * answer: the window is kept to a few pages per worker, so that pages
 * waiting for a parser (each up to --max-filesize) stay few.
 */
static size_t warc_window(const struct batch *b)
{
	size_t n = 4 * worker_pool_size(b->pool) + 8;

	return n < b->cap ? n : b->cap;
}

void batch_warc_admit(struct batch *b)
{
	struct batch_warc *w = b->warc_in;
	size_t window = warc_window(b);

	b->list_waiting = false;
	while (!b->list_end && b->in_use < window && !b->fatal) {
		if (!w->reader) {
			int rc = warc_open_next(b, w);
			if (rc < 0)
				return;
			if (rc == 0) {
				b->list_end = true;
				return;
			}
		}
		warc_read_one(b, w);
	}
}

void batch_warc_summary(const struct batch *b)
{
	const struct batch_warc *w = b->warc_in;
	unsigned long skipped = w->skipped;

	if (w->reader)
		skipped += warc_reader_stats(w->reader)->skipped;
	fprintf(stderr,
		"extract: WARC: %lu file%s, %lu HTML responses, %lu other "
		"records skipped, %lu bad\n",
		w->files_read, w->files_read == 1 ? "" : "s", w->pages, skipped,
		w->bad);
}

/* ---- writing ---- */

int batch_warc_out_open(struct batch *b)
{
	const char *path = b->bo->warc_output;

	/* appended to with --resume, as the records are */
	b->warc_out = fopen(path, b->bo->resume ? "ab" : "wb");
	if (!b->warc_out) {
		error("%s: %s", path, strerror(errno));
		b->fatal = EXIT_OUTPUT;
		return -1;
	}
	return 0;
}

/* The status line of head (without its line end) and where the rest is. */
static char *split_head(const char *head, long status, const char **rest)
{
	char line[64];

	if (head) {
		size_t n = strcspn(head, "\r\n");
		*rest = head + n + strspn(head + n, "\r\n");
		while (n && head[n - 1] == ' ')
			n--;
		return xstrndup(head, n);
	}
	/* no header was kept: the status alone still makes a valid record */
	*rest = NULL;
	snprintf(line, sizeof(line), "HTTP/1.1 %ld", status);
	return xstrdup(line);
}

void batch_warc_keep(struct batch *b, const struct response *r)
{
	const char *url = r->final_url ? r->final_url : r->url;
	const char *headers;

	if (!b->warc_out || b->fatal == EXIT_OUTPUT || !url)
		return;
	char *status_line = split_head(r->http_head, r->status, &headers);
	int rc = warc_write_response(b->warc_out, url, r->fetched_at,
				     status_line, headers, r->body,
				     r->body_len);
	free(status_line);
	if (rc == 0 && fflush(b->warc_out) == 0)
		return;
	if (rc == 0)
		error("%s: write error: %s", b->bo->warc_output,
		      strerror(errno));
	b->fatal = EXIT_OUTPUT;
}

int batch_warc_out_close(struct batch *b)
{
	int rc = 0;

	if (!b->warc_out)
		return 0;
	if (fflush(b->warc_out) != 0 ||
	    (fsync(fileno(b->warc_out)) != 0 && errno != EINVAL &&
	     errno != EROFS))
		rc = -1;
	if (fclose(b->warc_out) != 0)
		rc = -1;
	b->warc_out = NULL;
	if (rc && b->fatal != EXIT_OUTPUT)
		error("%s: write error: %s", b->bo->warc_output,
		      strerror(errno));
	return rc;
}
