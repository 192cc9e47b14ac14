/*
 * fetch_local.c - a local file or stdin ("-") as a struct response.
 *
 * Invariants:
 * - Neither the bytes read nor the bytes inflated ever pass max_bytes:
 *   a compressed input larger than the cap is refused as too large, like
 *   its inflated form would be, so memory stays within twice the cap.
 * - gzip is recognised by its magic bytes alone, never by the file name;
 *   concatenated members are inflated one after the other, as gzip -d
 *   does, and anything after the last member that is not one is corrupt.
 * - On failure r->body stays NULL; a partial page is never handed on.
 * - status stays 0 and url/final_url stay NULL: there was no HTTP.
 */
#include "fetch/fetch_local.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "base/buf.h"
#include "base/msg.h"
#include "base/response.h"

#define LOCAL_CHUNK 65536

static const char *local_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "stdin" : path;
}

/* strerror() is not thread-safe; this is the XSI strerror_r. */
static int local_fail_errno(struct response *r, const char *path, int err)
{
	char why[128];
	struct buf line;

	if (strerror_r(err, why, sizeof(why)))
		snprintf(why, sizeof(why), "error %d", err);
	buf_init(&line, BUF_NO_MAX);
	buf_printf(&line, "%s: %s", local_name(path), why);
	response_fail(r, FAIL_UNREADABLE, line.ptr);
	buf_release(&line);
	return -1;
}

static int local_fail(struct response *r, enum fail_kind kind, const char *path,
		      const char *why)
{
	struct buf line;

	buf_init(&line, BUF_NO_MAX);
	buf_printf(&line, "%s: %s", local_name(path), why);
	response_fail(r, kind, line.ptr);
	buf_release(&line);
	return -1;
}

static int local_fail_too_large(struct response *r, const char *path,
				size_t max_bytes)
{
	char why[64];

	snprintf(why, sizeof(why), "larger than %zu bytes", max_bytes);
	return local_fail(r, FAIL_TOO_LARGE, path, why);
}

static int local_open(const char *path, struct response *r)
{
	struct stat st;
	int fd;

	if (strcmp(path, "-") == 0)
		return STDIN_FILENO;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return local_fail_errno(r, path, errno);
	/* Linux lets a directory be opened; only read() would complain. */
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		return local_fail_errno(r, path, EISDIR);
	}
	return fd;
}

/* Reads fd to its end into out (whose max is the cap). */
static int local_read_all(int fd, const char *path, struct buf *out,
			  struct response *r)
{
	char chunk[LOCAL_CHUNK];

	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return local_fail_errno(r, path, errno);
		if (n == 0)
			return 0;
		if (buf_append(out, chunk, (size_t)n))
			return local_fail_too_large(r, path, out->max);
	}
}

static bool local_is_gzip(const struct buf *b)
{
	return b->len >= 2 && (unsigned char)b->ptr[0] == 0x1f &&
	       (unsigned char)b->ptr[1] == 0x8b;
}

/*
 * Inflates every member of in into out.  Returns 0, -1 for corrupt or
 * truncated data, -2 when out would pass its cap.
 */
static int local_inflate(const struct buf *in, struct buf *out)
{
	unsigned char chunk[LOCAL_CHUNK];
	z_stream zs = {0};
	int result = 0;

	/* 15 + 32: the largest window, and a gzip or zlib header. */
	if (inflateInit2(&zs, 15 + 32) != Z_OK)
		die_oom();
	zs.next_in = (unsigned char *)in->ptr;
	zs.avail_in = (uInt)in->len;
	while (result == 0) {
		zs.next_out = chunk;
		zs.avail_out = sizeof(chunk);
		int ret = inflate(&zs, Z_NO_FLUSH);

		if (ret == Z_MEM_ERROR)
			die_oom();
		/* Z_DATA_ERROR: corrupt; Z_BUF_ERROR: input ended early. */
		if (ret != Z_OK && ret != Z_STREAM_END) {
			result = -1;
			break;
		}
		if (buf_append(out, chunk, sizeof(chunk) - zs.avail_out))
			result = -2;
		else if (ret == Z_STREAM_END && zs.avail_in == 0)
			break;
		else if (ret == Z_STREAM_END)
			inflateReset(&zs); /* another member follows */
	}
	inflateEnd(&zs);
	return result;
}

int fetch_local(const char *path, size_t max_bytes, struct response *r)
{
	struct buf raw;
	int fd = local_open(path, r);

	if (fd < 0)
		return -1;
	buf_init(&raw, max_bytes);
	int rc = local_read_all(fd, path, &raw, r);
	if (fd != STDIN_FILENO)
		close(fd);
	if (rc == 0 && local_is_gzip(&raw)) {
		struct buf plain;

		/* zlib counts input in uInt; a cap past that is moot. */
		if (raw.len > (size_t)UINT_MAX)
			rc = local_fail_too_large(r, path, max_bytes);
		buf_init(&plain, max_bytes);
		if (rc == 0)
			rc = local_inflate(&raw, &plain);
		if (rc == -1)
			local_fail(r, FAIL_UNREADABLE, path,
				   "corrupt gzip data");
		if (rc == -2)
			rc = local_fail_too_large(r, path, max_bytes);
		buf_release(&raw);
		raw = plain;
	}
	if (rc) {
		buf_release(&raw);
		return -1;
	}
	r->body = buf_detach(&raw, &r->body_len);
	return 0;
}
