/*
 * warc_write.c - one `response` record appended as its own gzip member.
 *
 * The record is built in memory, compressed in one deflate call and
 * written with one fwrite, so a record is either wholly in the file or
 * (after a failed write) reported; a reader sees each member as one
 * record.  Values that would break the header (CR or LF in the URL, the
 * date or a header line) are refused rather than cleaned.
 */
#include "batch/warc.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "base/buf.h"
#include "base/msg.h"
#include "base/str.h"

enum {
	UUID_BYTES = 16,
	/* "urn:uuid:" and 36 characters, with room to spare */
	RECORD_ID_MAX = 64,
	DATE_MAX = 32,
};

/* Headers whose value described the bytes on the wire, not the body. */
static const char *const wire_headers[] = {
	"Content-Encoding", "Transfer-Encoding", "Content-Length",
};

static int read_random(unsigned char *p, size_t n)
{
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	size_t got = 0;

	if (fd < 0)
		return -1;
	while (got < n) {
		ssize_t k = read(fd, p + got, n - got);
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd);
	return got == n ? 0 : -1;
}

/* "<urn:uuid:...>" of a random (version 4, RFC 4122) UUID. */
static int record_id(char out[RECORD_ID_MAX])
{
	unsigned char u[UUID_BYTES];

	if (read_random(u, sizeof(u)))
		return -1;
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
	snprintf(out, RECORD_ID_MAX,
		 "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x>",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 u[10], u[11], u[12], u[13], u[14], u[15]);
	return 0;
}

static int now_iso(char out[DATE_MAX])
{
	time_t t = time(NULL);
	struct tm tm;

	if (!gmtime_r(&t, &tm))
		return -1;
	return strftime(out, DATE_MAX, "%Y-%m-%dT%H:%M:%SZ", &tm) ? 0 : -1;
}

static bool one_line(const char *s)
{
	return s && !strpbrk(s, "\r\n");
}

static bool is_wire_header(struct str line)
{
	for (size_t i = 0; i < sizeof(wire_headers) / sizeof(wire_headers[0]); i++) {
		size_t n = strlen(wire_headers[i]);
		if (line.len > n && line.ptr[n] == ':' &&
		    str_ieq_mem(line.ptr, wire_headers[i], n))
			return true;
	}
	return false;
}

/* The HTTP message: status line, headers (CRLF), blank line, body. */
static int http_block(struct buf *b, const char *status_line,
		      const char *headers, const char *body, size_t body_len)
{
	int rc = buf_printf(b, "%s\r\n", status_line);
	const char *p = headers ? headers : "";

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		struct str line = str_make(p, n);
		if (n && p[n - 1] == '\r')
			line.len--;
		if (line.len) {
			if (is_wire_header(line))
				rc |= buf_append_str(b, "X-Crawler-");
			rc |= buf_append(b, line.ptr, line.len);
			rc |= buf_append_str(b, "\r\n");
		}
		p += nl ? n + 1 : n;
	}
	rc |= buf_printf(b, "Content-Length: %zu\r\n\r\n", body_len);
	rc |= buf_append(b, body, body_len);
	return rc;
}

/* The record compressed as one gzip member. */
static int gzip_member(const struct buf *in, struct buf *out)
{
	z_stream z = {0};
	int rc;

	/* 15 + 16: a 32 KiB window with the gzip wrapper */
	if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return -1;
	uLong bound = deflateBound(&z, (uLong)in->len);
	unsigned char *dst = xmalloc(bound);
	z.next_in = (Bytef *)(uintptr_t)in->ptr; /* zlib's API is not const */
	z.avail_in = (uInt)in->len;
	z.next_out = dst;
	z.avail_out = (uInt)bound;
	rc = deflate(&z, Z_FINISH);
	size_t made = (size_t)(bound - z.avail_out);
	deflateEnd(&z);
	if (rc == Z_STREAM_END)
		rc = buf_append(out, dst, made);
	else
		rc = -1;
	free(dst);
	return rc;
}

int warc_write_response(FILE *f, const char *url, const char *date,
			const char *status_line, const char *headers,
			const char *body, size_t body_len)
{
	char id[RECORD_ID_MAX], now[DATE_MAX];
	struct buf http, rec, gz;
	int rc = -1;

	if (!one_line(url) || !one_line(status_line) || (date && !one_line(date)))
		return error("WARC record: the URL, date or status line spans lines");
	/* zlib takes 32-bit lengths in one call */
	if (body_len > UINT32_MAX / 2)
		return error("WARC record for %s: body too large", url);
	if (record_id(id))
		return error("WARC record for %s: no random bytes for its ID", url);
	if (!date) {
		if (now_iso(now))
			return error("WARC record for %s: no clock", url);
		date = now;
	}
	buf_init(&http, BUF_NO_MAX);
	buf_init(&rec, BUF_NO_MAX);
	buf_init(&gz, BUF_NO_MAX);
	if (http_block(&http, status_line, headers, body, body_len))
		goto done;
	int bad = buf_printf(&rec,
			     "WARC/1.0\r\n"
			     "WARC-Type: response\r\n"
			     "WARC-Record-ID: %s\r\n"
			     "WARC-Date: %s\r\n"
			     "WARC-Target-URI: %s\r\n"
			     "Content-Type: application/http; msgtype=response\r\n"
			     "Content-Length: %zu\r\n\r\n",
			     id, date, url, http.len);
	bad |= buf_append(&rec, http.ptr, http.len);
	bad |= buf_append_str(&rec, "\r\n\r\n");
	if (bad || gzip_member(&rec, &gz))
		goto done;
	rc = fwrite(gz.ptr, 1, gz.len, f) == gz.len ? 0 : -1;
	if (rc)
		error("WARC record for %s: write failed", url);
done:
	buf_release(&http);
	buf_release(&rec);
	buf_release(&gz);
	return rc;
}
