/*
 * warc.c - a streaming WARC reader (see warc.h for the contract).
 *
 * Three layers:
 * - the source turns the file into a window of bytes: read as they are,
 *   or inflated one gzip member at a time (zlib, restarted at each
 *   member, as a per-record gzip WARC needs);
 * - the record parser takes a WARC header and Content-Length bytes of
 *   block from the window, keeping only a bounded prefix of the block;
 * - the HTTP layer splits that prefix into status, headers and body and
 *   undoes chunked transfer coding and gzip/deflate content coding.
 *
 * Recovery: in a per-record gzip file a record that ends early is
 * noticed where the next member starts with "WARC/"; in any file a
 * header that is not WARC makes the reader scan for the next line
 * starting "WARC/" (or the next gzip member); a gzip member that does
 * not inflate is skipped up to the next gzip magic.  Each of these is
 * one WARC_BAD, and reading goes on.
 *
 * Invariants: win holds the unread bytes at [win_pos, win.len);
 * boundary, when set, is where in win the newest gzip member's bytes
 * begin; nothing is kept across records except the window.
 */
#include "batch/warc.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "base/buf.h"
#include "base/msg.h"
#include "base/str.h"
#include "batch/warc_int.h"

enum {
	WARC_IN_CHUNK = 64 * 1024,   /* file bytes read at a time */
	WARC_OUT_CHUNK = 64 * 1024,  /* bytes inflated at a time */
	/* a WARC header longer than this is no header (real ones: ~1 KB) */
	WARC_MAX_HEADER = 64 * 1024,
	/* block bytes kept beyond the body cap, for the HTTP headers */
	WARC_HTTP_ROOM = 256 * 1024,
	/* "WARC/" and the byte before it, kept while scanning for it */
	WARC_MAGIC_LEN = 5,
};

#define NO_BOUNDARY ((size_t)-1)

enum src {
	SRC_DATA,       /* bytes were added to the window */
	SRC_MEMBER_END, /* gzip: the member ended; call member_start() */
	SRC_EOF,
	SRC_ERROR,      /* r->error says why */
};

/* Why fill() could not provide the bytes asked for. */
enum stop {
	STOP_NONE,
	STOP_EOF,
	STOP_MEMBER, /* a new gzip member starts a new record */
	STOP_ERROR,
};

struct warc_reader {
	FILE *f;
	size_t max_body;
	bool gzip;
	bool in_member;
	bool z_ready;
	z_stream z;
	unsigned char *in;      /* WARC_IN_CHUNK file bytes */
	size_t in_len, in_pos;
	uint64_t in_base;       /* file offset of in[0] */
	unsigned char *out;     /* WARC_OUT_CHUNK inflated bytes */
	struct buf win;
	size_t win_pos;
	uint64_t win_base;      /* stream offset of win.ptr[0] */
	size_t boundary;
	uint64_t member_offset; /* file offset of the current member */
	struct buf header;      /* the record's WARC header fields */
	struct buf block;       /* the kept prefix of the record's block */
	struct buf http;        /* HTTP header lines and Content-Type */
	struct buf body;        /* a decoded body */
	char error[256];
	struct warc_stats stats;
};

/* ---- source ---- */

static void set_error(struct warc_reader *r, const char *what, uint64_t at)
{
	snprintf(r->error, sizeof(r->error), "%s at offset %llu", what,
		 (unsigned long long)at);
}

/* Reads more file bytes after the unconsumed ones; returns how many. */
static size_t in_refill(struct warc_reader *r)
{
	if (r->in_pos) {
		memmove(r->in, r->in + r->in_pos, r->in_len - r->in_pos);
		r->in_base += r->in_pos;
		r->in_len -= r->in_pos;
		r->in_pos = 0;
	}
	if (r->in_len == WARC_IN_CHUNK)
		return 0;
	size_t n = fread(r->in + r->in_len, 1, WARC_IN_CHUNK - r->in_len, r->f);
	r->in_len += n;
	return n;
}

static void win_compact(struct warc_reader *r)
{
	if (!r->win_pos)
		return;
	memmove(r->win.ptr, r->win.ptr + r->win_pos, r->win.len - r->win_pos);
	buf_truncate(&r->win, r->win.len - r->win_pos);
	if (r->boundary != NO_BOUNDARY)
		r->boundary = r->boundary >= r->win_pos ? r->boundary - r->win_pos
							: NO_BOUNDARY;
	r->win_base += r->win_pos;
	r->win_pos = 0;
}

static void win_add(struct warc_reader *r, const void *p, size_t n)
{
	if (buf_append(&r->win, p, n))
		die_oom();
}

static enum src plain_more(struct warc_reader *r)
{
	if (r->in_pos < r->in_len || in_refill(r)) {
		win_add(r, r->in + r->in_pos, r->in_len - r->in_pos);
		r->in_pos = r->in_len;
		return SRC_DATA;
	}
	if (ferror(r->f)) {
		set_error(r, "read error", r->in_base + r->in_len);
		return SRC_ERROR;
	}
	return SRC_EOF;
}

/* Inflates some of the current member into the window. */
static enum src gzip_more(struct warc_reader *r)
{
	if (!r->in_member)
		return SRC_MEMBER_END;
	for (;;) {
		if (r->in_pos == r->in_len && !in_refill(r)) {
			if (ferror(r->f)) {
				set_error(r, "read error", r->in_base + r->in_len);
				return SRC_ERROR;
			}
			r->in_member = false; /* cut short: what came is kept */
			return SRC_EOF;
		}
		r->z.next_in = r->in + r->in_pos;
		r->z.avail_in = (uInt)(r->in_len - r->in_pos);
		r->z.next_out = r->out;
		r->z.avail_out = WARC_OUT_CHUNK;
		int rc = inflate(&r->z, Z_NO_FLUSH);
		size_t made = WARC_OUT_CHUNK - r->z.avail_out;
		r->in_pos = (size_t)(r->z.next_in - r->in);
		win_add(r, r->out, made);
		if (rc == Z_STREAM_END) {
			r->in_member = false;
			return made ? SRC_DATA : SRC_MEMBER_END;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			set_error(r, "gzip data corrupt", r->member_offset);
			r->in_member = false;
			return SRC_ERROR;
		}
		if (made)
			return SRC_DATA;
	}
}

static enum src src_more(struct warc_reader *r)
{
	win_compact(r);
	return r->gzip ? gzip_more(r) : plain_more(r);
}

/*
 * Moves the input to the next gzip magic at or after from bytes past
 * the current position; false at the end of the file.
 */
static bool seek_magic(struct warc_reader *r, size_t from)
{
	size_t i = r->in_pos + from;

	for (;;) {
		for (; i + 2 < r->in_len; i++) {
			if (r->in[i] == 0x1f && r->in[i + 1] == 0x8b &&
			    r->in[i + 2] == 8) {
				r->in_pos = i;
				return true;
			}
		}
		r->in_pos = i < r->in_len ? i : r->in_len;
		if (!in_refill(r))
			return false;
		i = r->in_pos;
	}
}

/* Starts the next gzip member; SRC_DATA when one started. */
static enum src member_start(struct warc_reader *r)
{
	if (r->in_pos == r->in_len && !in_refill(r))
		return SRC_EOF;
	if (!seek_magic(r, 0))
		return SRC_EOF; /* trailing bytes that are no member */
	if (inflateReset(&r->z) != Z_OK)
		BUG("inflateReset");
	r->member_offset = r->in_base + r->in_pos;
	r->in_member = true;
	r->boundary = r->win.len;
	return SRC_DATA;
}

/* After a corrupt member: on to the next magic. */
static void member_skip(struct warc_reader *r)
{
	r->in_member = false;
	if (r->in_base + r->in_pos <= r->member_offset)
		r->in_pos = (size_t)(r->member_offset - r->in_base);
	(void)seek_magic(r, 1);
}

static size_t avail(const struct warc_reader *r)
{
	return r->win.len - r->win_pos;
}

/* Whether the newest member's first bytes are a WARC version line. */
static enum stop member_starts_record(struct warc_reader *r)
{
	while (r->win.len - r->boundary < WARC_MAGIC_LEN) {
		enum src s = gzip_more(r);
		if (s != SRC_DATA)
			break;
	}
	if (r->win.len - r->boundary >= WARC_MAGIC_LEN &&
	    !memcmp(r->win.ptr + r->boundary, "WARC/", WARC_MAGIC_LEN))
		return STOP_MEMBER;
	return STOP_NONE;
}

/*
 * Makes need bytes available.  At a record's start, empty members are
 * crossed; inside a record, a member that begins a new record stops it.
 */
static enum stop fill(struct warc_reader *r, size_t need, bool in_record)
{
	while (avail(r) < need) {
		enum src s = src_more(r);
		if (s == SRC_DATA)
			continue;
		if (s == SRC_ERROR)
			return STOP_ERROR;
		if (s == SRC_EOF)
			return STOP_EOF;
		if (member_start(r) != SRC_DATA)
			return STOP_EOF;
		if (in_record && member_starts_record(r) == STOP_MEMBER)
			return STOP_MEMBER;
	}
	return STOP_NONE;
}

/* ---- records ---- */

static enum warc_status bad(struct warc_reader *r, struct warc_record *out,
			    const char *what, uint64_t at)
{
	if (what)
		set_error(r, what, at);
	r->stats.bad++;
	out->error = r->error;
	out->offset = at;
	return WARC_BAD;
}

/*
 * Skips to the next line starting "WARC/", or to the next gzip member,
 * whichever comes first.
 */
static void resync(struct warc_reader *r)
{
	if (avail(r))
		r->win_pos++;
	for (;;) {
		const char *p = r->win.ptr + r->win_pos;
		const char *hit = NULL;
		for (size_t i = 0; i + WARC_MAGIC_LEN < avail(r); i++) {
			if (p[i] == '\n' && !memcmp(p + i + 1, "WARC/", WARC_MAGIC_LEN)) {
				hit = p + i + 1;
				break;
			}
		}
		if (hit) {
			r->win_pos = (size_t)(hit - r->win.ptr);
			return;
		}
		if (avail(r) > WARC_MAGIC_LEN)
			r->win_pos = r->win.len - WARC_MAGIC_LEN;
		enum src s = src_more(r);
		if (s == SRC_MEMBER_END || s == SRC_ERROR) {
			r->win_pos = r->win.len; /* the new member starts clean */
			if (s == SRC_ERROR)
				member_skip(r);
			return;
		}
		if (s == SRC_EOF) {
			r->win_pos = r->win.len;
			return;
		}
	}
}

/* Bytes between records: CR, LF (and the NUL padding some tools add). */
static enum stop skip_gap(struct warc_reader *r)
{
	for (;;) {
		enum stop st = fill(r, 1, false);
		if (st != STOP_NONE)
			return st;
		char c = r->win.ptr[r->win_pos];
		if (c != '\r' && c != '\n' && c != '\0')
			return STOP_NONE;
		r->win_pos++;
	}
}

static enum warc_status read_header(struct warc_reader *r,
				    struct warc_record *out, size_t *len)
{
	size_t seen = 0;

	for (;;) {
		size_t from = seen > 2 ? seen - 2 : 0;
		size_t end = warc_blank_line_end(r->win.ptr + r->win_pos + from,
					avail(r) - from);
		if (end) {
			*len = from + end;
			return WARC_RECORD;
		}
		seen = avail(r);
		if (seen > WARC_MAX_HEADER) {
			bad(r, out, "WARC header too long", out->offset);
			resync(r);
			return WARC_BAD;
		}
		enum stop st = fill(r, seen + 1, true);
		if (st == STOP_EOF && !seen)
			return WARC_END;
		if (st == STOP_ERROR) {
			bad(r, out, NULL, out->offset);
			member_skip(r);
			r->win_pos = r->win.len;
			return WARC_BAD;
		}
		if (st != STOP_NONE) {
			bad(r, out, "record truncated in its WARC header",
			    out->offset);
			r->win_pos = st == STOP_MEMBER ? r->boundary : r->win.len;
			return WARC_BAD;
		}
	}
}

/* Takes the block, keeping up to keep bytes of it. */
static enum warc_status read_block(struct warc_reader *r,
				   struct warc_record *out, uint64_t length,
				   size_t keep)
{
	uint64_t left = length;

	buf_reset(&r->block);
	while (left) {
		if (!avail(r)) {
			enum stop st = fill(r, 1, true);
			if (st == STOP_ERROR) {
				bad(r, out, NULL, out->offset);
				member_skip(r);
				r->win_pos = r->win.len;
				return WARC_BAD;
			}
			if (st != STOP_NONE) {
				char what[128];
				snprintf(what, sizeof(what),
					 "record truncated: %llu of %llu block bytes",
					 (unsigned long long)(length - left),
					 (unsigned long long)length);
				bad(r, out, what, out->offset);
				r->win_pos = st == STOP_MEMBER ? r->boundary
							       : r->win.len;
				return WARC_BAD;
			}
		}
		size_t take = avail(r) < left ? avail(r) : (size_t)left;
		size_t room = keep > r->block.len ? keep - r->block.len : 0;
		if (buf_append(&r->block, r->win.ptr + r->win_pos,
			       take < room ? take : room))
			die_oom();
		r->win_pos += take;
		left -= take;
	}
	return WARC_RECORD;
}

enum warc_status warc_next(struct warc_reader *r, struct warc_record *out)
{
	for (;;) {
		*out = (struct warc_record){0};
		r->boundary = NO_BOUNDARY;
		enum stop st = skip_gap(r);
		if (st == STOP_ERROR) {
			bad(r, out, NULL, r->member_offset);
			member_skip(r);
			r->win_pos = r->win.len;
			return WARC_BAD;
		}
		if (st != STOP_NONE)
			return WARC_END;
		out->offset = r->gzip ? r->member_offset : r->win_base + r->win_pos;
		size_t hlen;
		enum warc_status s = read_header(r, out, &hlen);
		if (s != WARC_RECORD)
			return s;
		struct warc_fields wf;
		const char *problem = warc_parse_fields(&r->header,
							r->win.ptr + r->win_pos,
							hlen, &wf);
		if (problem) {
			bad(r, out, problem, out->offset);
			resync(r);
			return WARC_BAD;
		}
		r->win_pos += hlen;
		bool response = wf.type && !strcmp(wf.type, "response");
		size_t keep = response ? r->max_body + WARC_HTTP_ROOM : 0;
		s = read_block(r, out, wf.length, keep);
		if (s != WARC_RECORD)
			return s;
		if (!response) {
			r->stats.skipped++;
			continue;
		}
		out->target_uri = wf.target_uri;
		out->date = wf.date;
		out->date_epoch = warc_date_epoch(wf.date);
		out->record_id = wf.record_id;
		struct warc_http h = {&r->block, &r->http, &r->body, r->max_body};
		switch (warc_http_decode(&h, wf.length > r->block.len, out,
					 &problem)) {
		case WARC_HTTP_OK:
			r->stats.responses++;
			return WARC_RECORD;
		case WARC_HTTP_BAD:
			return bad(r, out, problem, out->offset);
		case WARC_HTTP_NOT_HTTP:
			r->stats.skipped++; /* dns:, whois: ... */
			break;
		}
	}
}

/* ---- lifetime ---- */

struct warc_reader *warc_reader_new(FILE *f, size_t max_body)
{
	struct warc_reader *r = xcalloc(1, sizeof(*r));
	int c0 = getc(f);
	int c1 = c0 == EOF ? EOF : getc(f);

	r->f = f;
	r->max_body = max_body;
	r->in = xmalloc(WARC_IN_CHUNK);
	r->boundary = NO_BOUNDARY;
	buf_init(&r->win, BUF_NO_MAX);
	buf_init(&r->header, WARC_MAX_HEADER * 2);
	buf_init(&r->block, BUF_NO_MAX);
	buf_init(&r->http, BUF_NO_MAX);
	buf_init(&r->body, BUF_NO_MAX);
	/* the two bytes read to sniff go back in as input */
	if (c0 != EOF)
		r->in[r->in_len++] = (unsigned char)c0;
	if (c1 != EOF)
		r->in[r->in_len++] = (unsigned char)c1;
	r->gzip = c0 == 0x1f && c1 == 0x8b;
	if (r->gzip) {
		r->out = xmalloc(WARC_OUT_CHUNK);
		/* 15 + 16: a 32 KiB window, gzip wrapper only */
		if (inflateInit2(&r->z, 15 + 16) != Z_OK)
			die_oom();
		r->z_ready = true;
		r->in_member = true;
	}
	return r;
}

void warc_reader_free(struct warc_reader *r)
{
	if (!r)
		return;
	if (r->z_ready)
		inflateEnd(&r->z);
	free(r->in);
	free(r->out);
	buf_release(&r->win);
	buf_release(&r->header);
	buf_release(&r->block);
	buf_release(&r->http);
	buf_release(&r->body);
	free(r);
}

const struct warc_stats *warc_reader_stats(const struct warc_reader *r)
{
	return &r->stats;
}
