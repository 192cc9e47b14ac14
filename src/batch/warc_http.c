/*
 * warc_http.c - the bytes of one WARC record: its header fields, and the
 * HTTP response in a response record's block.
 *
 * Web archives keep what the server sent, so a stored body may still be
 * chunked or gzip-compressed; others (Common Crawl) store it decoded and
 * keep the header.  So decoding is attempted when the headers ask for
 * it, and when the bytes turn out not to be coded that way the body is
 * taken as it is.
 */
#include "batch/warc_int.h"

#include <string.h>
#include <zlib.h>

#include "base/buf.h"
#include "base/msg.h"
#include "base/str.h"

enum {
	/* Content-Length digits: 19 fit in 63 bits */
	WARC_LENGTH_DIGITS = 19,
	/* a chunk-size line longer than this is not chunked coding */
	CHUNK_LINE_MAX = 1024,
	INFLATE_CHUNK = 64 * 1024,
};

/* The value of field name in header lines [p, end), trimmed. */
static struct str field(const char *p, const char *end, const char *name)
{
	size_t n = strlen(name);

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t line = (size_t)((nl ? nl : end) - p);
		if (line > n && p[n] == ':' && str_ieq_mem(p, name, n))
			return str_trim(str_make(p + n + 1, line - n - 1));
		p = nl ? nl + 1 : end;
	}
	return STR_NULL;
}

/* Appends s and a NUL to store; returns its offset, or -1 for none. */
static long keep(struct buf *store, struct str s)
{
	size_t at = store->len;

	if (!s.ptr)
		return -1;
	if (buf_append(store, s.ptr, s.len) || buf_append_char(store, '\0'))
		return -1;
	return (long)at;
}

static const char *stored(const struct buf *store, long off)
{
	return off < 0 ? NULL : store->ptr + off;
}

static bool parse_length(struct str s, uint64_t *out)
{
	uint64_t v = 0;

	if (!s.len || s.len > WARC_LENGTH_DIGITS)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		if (!ascii_is_digit((unsigned char)s.ptr[i]))
			return false;
		v = v * 10 + (uint64_t)(s.ptr[i] - '0');
	}
	*out = v;
	return true;
}

const char *warc_parse_fields(struct buf *store, const char *hdr, size_t len,
			      struct warc_fields *out)
{
	const char *end = hdr + len;

	*out = (struct warc_fields){0};
	buf_reset(store);
	if (len < 6 || memcmp(hdr, "WARC/", 5) || !ascii_is_digit((unsigned char)hdr[5]))
		return "no WARC version line";
	const char *fields = memchr(hdr, '\n', len);
	fields = fields ? fields + 1 : end;
	struct str uri = field(fields, end, "WARC-Target-URI");
	if (uri.len >= 2 && uri.ptr[0] == '<' && uri.ptr[uri.len - 1] == '>')
		uri = str_make(uri.ptr + 1, uri.len - 2);
	long type = keep(store, field(fields, end, "WARC-Type"));
	long target = keep(store, uri);
	long date = keep(store, field(fields, end, "WARC-Date"));
	long id = keep(store, field(fields, end, "WARC-Record-ID"));
	if (!parse_length(field(fields, end, "Content-Length"), &out->length))
		return "no valid Content-Length";
	if (type < 0)
		return "no WARC-Type";
	/* offsets until here: the store may move while it grows */
	out->type = stored(store, type);
	out->target_uri = stored(store, target);
	out->date = stored(store, date);
	out->record_id = stored(store, id);
	return NULL;
}

/* Days since 1970-01-01 of a Gregorian date (the civil-from-days inverse). */
static long long civil_days(long long y, long long m, long long d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;

	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* n digits at s[at] as a number, or -1. */
static long long number(const char *s, size_t at, size_t n)
{
	long long v = 0;

	for (size_t i = at; i < at + n; i++) {
		if (!ascii_is_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

long long warc_date_epoch(const char *s)
{
	/* WARC dates are UTC: YYYY-MM-DDThh:mm:ss[.frac]Z (or a prefix) */
	if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
		return 0;
	long long y = number(s, 0, 4), mo = number(s, 5, 2), d = number(s, 8, 2);
	long long h = 0, mi = 0, sec = 0;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return 0;
	if (strlen(s) >= 19 && s[10] == 'T' && s[13] == ':' && s[16] == ':') {
		h = number(s, 11, 2);
		mi = number(s, 14, 2);
		sec = number(s, 17, 2);
		if (h < 0 || mi < 0 || sec < 0)
			return 0;
	}
	return civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
}

/* ---- HTTP ---- */

size_t warc_blank_line_end(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] != '\n')
			continue;
		if (s[i + 1] == '\n')
			return i + 2;
		if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n')
			return i + 3;
	}
	return 0;
}

/*
 * Undoes chunked coding into out (at most max bytes).  Returns 0 (with
 * *short_read when the chunks stop early or pass max), or -1 when the
 * bytes are not chunked coding at all.
 */
static int dechunk(const char *p, size_t n, struct buf *out, size_t max,
		   bool *short_read)
{
	size_t i = 0;

	buf_reset(out);
	*short_read = true;
	while (i < n) {
		uint64_t size = 0;
		size_t digits = 0;
		while (i < n && ascii_hex_value((unsigned char)p[i]) >= 0) {
			if (++digits > 15)
				return -1;
			size = size * 16 + (uint64_t)ascii_hex_value((unsigned char)p[i++]);
		}
		if (!digits)
			return -1;
		const char *nl = memchr(p + i, '\n', n - i);
		if (!nl || (size_t)(nl - (p + i)) > CHUNK_LINE_MAX)
			return out->len ? 0 : -1;
		i = (size_t)(nl - p) + 1;
		if (size == 0) {
			*short_read = false;
			return 0;
		}
		size_t take = size < n - i ? (size_t)size : n - i;
		size_t room = max - out->len;
		if (buf_append(out, p + i, take < room ? take : room))
			die_oom();
		if (take > room || take < size)
			return 0;
		i += take;
		if (i < n && p[i] == '\r')
			i++;
		if (i < n && p[i] == '\n')
			i++;
	}
	return 0;
}

/*
 * Inflates gzip, zlib or raw deflate into out (at most max bytes).
 * Returns 0 (*short_read when it stopped early), or -1 when nothing
 * inflated.
 */
static int inflate_body(const char *p, size_t n, struct buf *out, size_t max,
			bool raw, bool *short_read)
{
	z_stream z = {0};
	unsigned char chunk[INFLATE_CHUNK];
	int rc;

	buf_reset(out);
	*short_read = true;
	/* 15 + 32: gzip or zlib, told apart by the header; -15: raw */
	if (inflateInit2(&z, raw ? -15 : 15 + 32) != Z_OK)
		die_oom();
	z.next_in = (Bytef *)(uintptr_t)p; /* zlib's API is not const */
	z.avail_in = n > UINT32_MAX ? UINT32_MAX : (uInt)n;
	do {
		z.next_out = chunk;
		z.avail_out = sizeof(chunk);
		rc = inflate(&z, Z_NO_FLUSH);
		size_t made = sizeof(chunk) - z.avail_out;
		size_t room = max - out->len;
		if (buf_append(out, chunk, made < room ? made : room))
			die_oom();
		if (made > room)
			break;
	} while (rc == Z_OK);
	if (rc == Z_STREAM_END)
		*short_read = false;
	inflateEnd(&z);
	return rc == Z_STREAM_END || out->len ? 0 : -1;
}

static bool lists_token(struct str v, const char *token)
{
	return v.len && str_icontains(v, token);
}

/* Undoes the content coding into h->body; false leaves the body alone. */
static bool decode_content(const struct warc_http *h, struct str enc,
			   const char **body, size_t *len, bool *truncated)
{
	bool deflate = lists_token(enc, "deflate");
	bool short_read;

	if (!lists_token(enc, "gzip") && !deflate)
		return false;
	struct buf tmp;
	buf_init(&tmp, BUF_NO_MAX);
	int rc = inflate_body(*body, *len, &tmp, h->max_body, false, &short_read);
	if (rc && deflate)
		rc = inflate_body(*body, *len, &tmp, h->max_body, true, &short_read);
	if (rc) {
		buf_release(&tmp);
		return false;
	}
	buf_release(h->body);
	*h->body = tmp;
	*body = h->body->ptr;
	*len = h->body->len;
	*truncated |= short_read;
	return true;
}

static bool status_line(const char *p, size_t n, long *status)
{
	const char *sp = memchr(p, ' ', n);

	if (!sp || (size_t)(sp - p) + 4 > n)
		return false;
	for (int k = 1; k <= 3; k++) {
		if (!ascii_is_digit((unsigned char)sp[k]))
			return false;
	}
	*status = (sp[1] - '0') * 100 + (sp[2] - '0') * 10 + (sp[3] - '0');
	return true;
}

enum warc_http_result warc_http_decode(const struct warc_http *h, bool cut,
				       struct warc_record *out,
				       const char **problem)
{
	const char *b = h->block->ptr;
	size_t n = h->block->len;

	if (n < 5 || memcmp(b, "HTTP/", 5))
		return WARC_HTTP_NOT_HTTP;
	size_t hend = warc_blank_line_end(b, n);
	const char *eol = memchr(b, '\n', n);
	if (!hend || !eol || !status_line(b, (size_t)(eol - b), &out->status)) {
		*problem = hend ? "bad HTTP status line" : "HTTP headers incomplete";
		return WARC_HTTP_BAD;
	}
	const char *hdr = eol + 1, *hdr_end = b + hend;
	buf_reset(h->http);
	long lines = keep(h->http, str_make(hdr, (size_t)(hdr_end - hdr)));
	long ctype = keep(h->http, field(hdr, hdr_end, "Content-Type"));
	if (lines < 0)
		die_oom();
	out->http_headers = stored(h->http, lines);
	out->content_type = stored(h->http, ctype);

	const char *body = b + hend;
	size_t len = n - hend;
	bool truncated = cut, short_read, decoded = false;
	if (lists_token(field(hdr, hdr_end, "Transfer-Encoding"), "chunked") &&
	    !dechunk(body, len, h->body, h->max_body, &short_read)) {
		body = h->body->ptr;
		len = h->body->len;
		truncated |= short_read;
		decoded = true;
	}
	decoded |= decode_content(h, field(hdr, hdr_end, "Content-Encoding"),
				  &body, &len, &truncated);
	if (len > h->max_body) {
		len = h->max_body;
		truncated = true;
	}
	/* either way the body ends in a NUL */
	if (decoded)
		buf_truncate(h->body, len);
	else
		buf_truncate(h->block, hend + len);
	out->body = body;
	out->body_len = len;
	out->truncated = truncated;
	return WARC_HTTP_OK;
}
