/*
 * fixture_server.c - a loopback HTTP/1.1 server of well-behaved and
 * hostile endpoints, for the end-to-end tests.
 *
 *   fixture_server [--port N] [--dir FIXTURES] [--docroot DIR]
 *                  [--lifetime SECONDS]
 *
 * It binds 127.0.0.1 (port 0 unless --port), prints the port on the first
 * line of stdout and serves until killed or until the lifetime (default
 * 120 s) runs out, so a test run that forgets it cannot leave it behind.
 * One thread per connection; every response closes its connection.
 *
 * Each path is one behaviour:
 *   /status/NNN          that status with a small HTML page; 3xx statuses
 *                        point at /status/200, 429 and 503 add Retry-After
 *   /page?file=NAME      FIXTURES/NAME.http sent byte for byte (a whole
 *                        raw response: status line, headers, blank line,
 *                        body; without Content-Length the close ends it)
 *   /redirect/N          302 to /redirect/N-1; /redirect/0 is a page
 *   /loop                302 to itself
 *   /redirect-to?url=U   302 with Location: U verbatim (percent-decoded)
 *   /gzip                a gzip-encoded HTML page
 *   /gzip-bomb           64 MiB of zeros gzip-encoded (about 64 KB)
 *   /bad-gzip            Content-Encoding: gzip on a plain body
 *   /endless             a chunked body that never ends
 *   /stall               headers, then nothing until the client leaves
 *   /slow-headers        the headers themselves at one byte per second
 *   /drip                headers, then one body byte per second
 *   /big?bytes=N         an HTML body of exactly N bytes, with
 *                        Content-Length unless &nolength=1 (then the
 *                        close ends it)
 *   /charset/header-wins header windows-1252, meta utf-8, latin-1 bytes
 *   /charset/header-utf8 header utf-8, meta iso-8859-1, UTF-8 bytes
 *   /charset/meta        no header charset, meta windows-1252
 *   /reset               part of the body, then a TCP reset
 *   /length-lie          Content-Length: 1000, 8 bytes, close
 *   /pdf                 application/pdf: 64 KiB of a 10 MiB body, then
 *                        a stall, so only a client that aborts early ends
 *   /type?ct=T           a small HTML page labelled with Content-Type T
 *   /no-type             an HTML page without Content-Type
 *   /echo                the request headers, as an HTML page
 *   /flaky?id=ID&fail=N&status=S&retry_after=V
 *                        the first N requests naming ID get status S
 *                        (default 503), with Retry-After: V when given;
 *                        later ones get a page.  Counts are per ID for
 *                        the server's life
 *   /count?id=ID         how many requests /flaky has seen for ID, as
 *                        the page title ("count 3")
 *   /delay?ms=N          a page, after N milliseconds
 *   /empty               200 text/html with an empty body
 *   /huge-headers?bytes=N  a header line of N bytes (default 1 MiB)
 *   /files/PATH          the file PATH under --docroot DIR, as text/html
 *                        (no "..", nothing outside DIR)
 *   /silent              reads the request, then says nothing at all
 *                        until the client leaves
 *   /trickle?bps=N       headers, then N body bytes each second, forever
 *   /conns?reset=1       the most connections open at once since the last
 *                        reset, and how many were open at the reset, as
 *                        the page title ("conns 5 base 1")
 * Anything else is a 404 page.  A client that opens with a TLS handshake
 * gets a plain-HTTP 400 at once, as real plain-HTTP servers answer.
 *
 * This is a test tool: it keeps its configuration in globals, and a
 * failed send only ends that connection.
 */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#define REQUEST_MAX 16384
#define IDLE_MS     10000
#define BOMB_BYTES  ((size_t)64 << 20)
#define PDF_BYTES   ((size_t)10 << 20)
#define PDF_PREFIX  ((size_t)64 << 10)

static const char *fixture_dir = "tests/e2e/fixtures";
static const char *docroot;

/* Request counts of /flaky, per id; the table only grows. */
#define FLAKY_MAX 4096
static pthread_mutex_t flaky_lock = PTHREAD_MUTEX_INITIALIZER;
static struct {
	char id[64];
	unsigned long count;
} flaky[FLAKY_MAX];
static size_t flaky_used;

/* Connections open now, and the most at once since /conns?reset=1. */
static pthread_mutex_t conns_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned long conns_open, conns_max, conns_base;

static pthread_once_t bomb_once = PTHREAD_ONCE_INIT;
static unsigned char *bomb;
static size_t bomb_len;

struct request {
	char head[REQUEST_MAX + 1];
	char path[2048];
	char query[2048];
};

/* ---- sending ---- */

static int send_all(int fd, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

static int send_str(int fd, const char *s)
{
	return send_all(fd, s, strlen(s));
}

static void sleep_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/*
 * Waits until the peer closes, for at most max_ms (-1: until the lifetime
 * alarm ends us), discarding whatever it sends.
 */
static void wait_for_close(int fd, long max_ms)
{
	char sink[4096];

	for (long waited = 0; max_ms < 0 || waited < max_ms; waited += 100) {
		struct pollfd p = {.fd = fd, .events = POLLIN};

		if (poll(&p, 1, 100) < 0 && errno != EINTR)
			return;
		if (p.revents & (POLLERR | POLLHUP | POLLNVAL))
			return;
		if ((p.revents & POLLIN) &&
		    recv(fd, sink, sizeof(sink), 0) <= 0)
			return;
	}
}

static const char *reason(int status)
{
	static const struct {
		int code;
		const char *text;
	} table[] = {
	    {200, "OK"},
	    {201, "Created"},
	    {204, "No Content"},
	    {301, "Moved Permanently"},
	    {302, "Found"},
	    {303, "See Other"},
	    {304, "Not Modified"},
	    {307, "Temporary Redirect"},
	    {308, "Permanent Redirect"},
	    {400, "Bad Request"},
	    {401, "Unauthorized"},
	    {403, "Forbidden"},
	    {404, "Not Found"},
	    {408, "Request Timeout"},
	    {410, "Gone"},
	    {429, "Too Many Requests"},
	    {451, "Unavailable For Legal Reasons"},
	    {500, "Internal Server Error"},
	    {502, "Bad Gateway"},
	    {503, "Service Unavailable"},
	    {504, "Gateway Timeout"},
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (table[i].code == status)
			return table[i].text;
	}
	return "Status";
}

/*
 * A complete response with Content-Length.  extra holds whole header
 * lines ("Name: value\r\n"), or is "".  A NULL type sends no
 * Content-Type at all.
 */
static int send_response(int fd, int status, const char *type,
			 const char *extra, const void *body, size_t len)
{
	char head[4096];
	int n;

	n = snprintf(head, sizeof(head),
		     "HTTP/1.1 %d %s\r\n%s%s%sContent-Length: %zu\r\n"
		     "Connection: close\r\n%s\r\n",
		     status, reason(status), type ? "Content-Type: " : "",
		     type ? type : "", type ? "\r\n" : "", len, extra);
	if (n < 0 || (size_t)n >= sizeof(head))
		return -1;
	if (send_all(fd, head, (size_t)n))
		return -1;
	return send_all(fd, body, len);
}

static int send_html(int fd, int status, const char *extra, const char *body)
{
	return send_response(fd, status, "text/html; charset=utf-8", extra,
			     body, strlen(body));
}

static int send_page(int fd, int status, const char *extra, const char *title,
		     const char *text)
{
	char body[2048];

	snprintf(body, sizeof(body),
		 "<!DOCTYPE html>\n<html lang=\"en\"><head>"
		 "<meta charset=\"utf-8\"><title>%s</title></head>\n"
		 "<body><article><h1>%s</h1>\n<p>%s</p>\n</article>"
		 "</body></html>\n",
		 title, title, text);
	return send_html(fd, status, extra, body);
}

static int send_redirect(int fd, int status, const char *location)
{
	char extra[2300];

	snprintf(extra, sizeof(extra), "Location: %s\r\n", location);
	return send_page(fd, status, extra, "Moved", "This page has moved.");
}

/* ---- request parsing ---- */

static int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * The percent-decoded value of name in the query, without CR, LF or NUL
 * (they would split the header it is copied into).  False if absent.
 */
static bool query_get(const char *query, const char *name, char *out,
		      size_t size)
{
	size_t nlen = strlen(name);
	const char *p = query;

	while (p && *p) {
		if (strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			size_t o = 0;

			for (p += nlen + 1; *p && *p != '&' && o + 1 < size;
			     p++) {
				int c = (unsigned char)*p;

				if (c == '%' && hex_value(p[1]) >= 0 &&
				    hex_value(p[2]) >= 0) {
					c = hex_value(p[1]) * 16 +
					    hex_value(p[2]);
					p += 2;
				} else if (c == '+') {
					c = ' ';
				}
				if (c != '\r' && c != '\n' && c != '\0')
					out[o++] = (char)c;
			}
			out[o] = '\0';
			return true;
		}
		p = strchr(p, '&');
		if (p)
			p++;
	}
	return false;
}

static unsigned long long query_number(const char *query, const char *name,
				       unsigned long long fallback)
{
	char value[32];
	char *end;

	if (!query_get(query, name, value, sizeof(value)))
		return fallback;
	errno = 0;
	unsigned long long n = strtoull(value, &end, 10);
	if (errno || end == value || *end)
		return fallback;
	return n;
}

/*
 * Reads up to the blank line; splits the target into path and query.
 * Returns 1 when the client speaks TLS instead.
 */
static int read_request(int fd, struct request *rq)
{
	size_t len = 0;

	for (;;) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		ssize_t n;

		if (poll(&p, 1, IDLE_MS) <= 0)
			return -1;
		n = recv(fd, rq->head + len, REQUEST_MAX - len, 0);
		if (n <= 0)
			return -1;
		len += (size_t)n;
		rq->head[len] = '\0';
		if ((unsigned char)rq->head[0] == 0x16)
			return 1; /* a TLS handshake record */
		if (strstr(rq->head, "\r\n\r\n") || strstr(rq->head, "\n\n"))
			break;
		if (len == REQUEST_MAX)
			return -1;
	}
	const char *target = strchr(rq->head, ' ');
	if (!target)
		return -1;
	target++;
	size_t tlen = strcspn(target, " \r\n");
	size_t plen = strcspn(target, "? \r\n");
	if (plen >= sizeof(rq->path) || tlen - plen >= sizeof(rq->query))
		return -1;
	memcpy(rq->path, target, plen);
	rq->path[plen] = '\0';
	rq->query[0] = '\0';
	if (tlen > plen) {
		memcpy(rq->query, target + plen + 1, tlen - plen - 1);
		rq->query[tlen - plen - 1] = '\0';
	}
	return 0;
}

/* ---- endpoints ---- */

static int serve_status(int fd, const char *arg)
{
	char title[64], text[160];
	char *end;
	long status = strtol(arg, &end, 10);

	if (*end || status < 200 || status > 599)
		return send_page(fd, 400, "", "Bad status", "No such status.");
	int code = (int)status;
	snprintf(title, sizeof(title), "%d %s", code, reason(code));
	if (code == 204 || code == 304)
		return send_response(fd, code, NULL, "", "", 0);
	if (code >= 300 && code < 400 && code != 304)
		return send_redirect(fd, code, "/status/200");
	snprintf(text, sizeof(text),
		 "The fixture server answered this request with the status "
		 "%d %s, and this sentence is the body of that page.",
		 code, reason(code));
	return send_page(fd, code,
			 code == 429 || code == 503 ? "Retry-After: 1\r\n" : "",
			 title, text);
}

static bool safe_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return false;
	}
	return true;
}

static int serve_file(int fd, const char *query)
{
	char name[128], path[4096], chunk[65536];
	size_t n;

	if (!query_get(query, "file", name, sizeof(name)) || !safe_name(name))
		return send_page(fd, 400, "", "Bad name", "Bad fixture name.");
	snprintf(path, sizeof(path), "%s/%s.http", fixture_dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return send_page(fd, 404, "", "No fixture", "No such fixture.");
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		if (send_all(fd, chunk, n))
			break;
	}
	fclose(f);
	return 0;
}

static int serve_redirect_chain(int fd, const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);
	char next[64];

	if (*end || n < 0)
		return send_page(fd, 400, "", "Bad count", "Bad count.");
	if (n == 0)
		return send_page(fd, 200, "", "End of the chain",
				 "Every redirect of the chain was followed "
				 "and this is the page at its end.");
	snprintf(next, sizeof(next), "/redirect/%ld", n - 1);
	return send_redirect(fd, 302, next);
}

static int serve_redirect_to(int fd, const char *query)
{
	char url[2048];

	if (!query_get(query, "url", url, sizeof(url)))
		return send_page(fd, 400, "", "Bad target", "No url given.");
	return send_redirect(fd, 302, url);
}

/* Appends the gzip form of n bytes of data (or of zeros, when NULL). */
static int gzip_into(unsigned char **out, size_t *out_len, const void *data,
		     size_t n)
{
	static const unsigned char zeros[65536];
	z_stream zs = {0};
	size_t cap = 65536, len = 0;
	unsigned char *buf = malloc(cap);
	int ret = Z_OK;

	if (!buf || deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 9,
				 Z_DEFAULT_STRATEGY) != Z_OK) {
		free(buf);
		return -1;
	}
	while (ret != Z_STREAM_END) {
		size_t feed = n < sizeof(zeros) ? n : sizeof(zeros);

		if (zs.avail_in == 0 && n) {
			zs.next_in = data ? (unsigned char *)(uintptr_t)data
					  : (unsigned char *)(uintptr_t)zeros;
			zs.avail_in = (uInt)feed;
			if (data)
				data = (const char *)data + feed;
			n -= feed;
		}
		if (cap - len < 65536) {
			unsigned char *bigger = realloc(buf, cap * 2);

			if (!bigger)
				break;
			buf = bigger;
			cap *= 2;
		}
		zs.next_out = buf + len;
		zs.avail_out = (uInt)(cap - len);
		ret = deflate(&zs, n || zs.avail_in ? Z_NO_FLUSH : Z_FINISH);
		len = cap - zs.avail_out;
		if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
			break;
	}
	deflateEnd(&zs);
	if (ret != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	*out = buf;
	*out_len = len;
	return 0;
}

static void make_bomb(void)
{
	if (gzip_into(&bomb, &bomb_len, NULL, BOMB_BYTES))
		bomb = NULL;
}

static int serve_gzip(int fd)
{
	static const char page[] =
	    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
	    "<title>Compressed page</title></head><body><article>"
	    "<h1>Compressed page</h1><p>This paragraph travelled "
	    "gzip-compressed and was inflated by the client.</p>"
	    "</article></body></html>\n";
	unsigned char *gz;
	size_t len;

	if (gzip_into(&gz, &len, page, sizeof(page) - 1))
		return -1;
	int rc = send_response(fd, 200, "text/html; charset=utf-8",
			       "Content-Encoding: gzip\r\n", gz, len);
	free(gz);
	return rc;
}

static int serve_gzip_bomb(int fd)
{
	pthread_once(&bomb_once, make_bomb);
	if (!bomb)
		return -1;
	return send_response(fd, 200, "text/html", "Content-Encoding: gzip\r\n",
			     bomb, bomb_len);
}

static int serve_endless(int fd)
{
	static const char start[] = "<html><body><p>endless";
	char chunk[16384 + 16];
	int head = snprintf(chunk, sizeof(chunk), "%x\r\n", 16384);

	memset(chunk + head, 'x', 16384);
	memcpy(chunk + head + 16384, "\r\n", 2);
	if (send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Transfer-Encoding: chunked\r\n\r\n"))
		return -1;
	char first[64];
	int n = snprintf(first, sizeof(first), "%zx\r\n%s\r\n",
			 sizeof(start) - 1, start);
	if (send_all(fd, first, (size_t)n))
		return -1;
	while (send_all(fd, chunk, (size_t)head + 16384 + 2) == 0)
		;
	return 0;
}

static int serve_stall(int fd)
{
	if (send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Content-Length: 100000\r\n\r\n"))
		return -1;
	wait_for_close(fd, -1);
	return 0;
}

static int drip(int fd, const char *s)
{
	for (; *s; s++) {
		if (send_all(fd, s, 1))
			return -1;
		sleep_ms(1000);
	}
	return 0;
}

static int serve_slow_headers(int fd)
{
	return drip(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			"X-Filler: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
			"Content-Length: 2\r\n\r\nok");
}

static int serve_drip(int fd)
{
	if (send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Connection: close\r\n\r\n"))
		return -1;
	for (;;) {
		if (drip(fd, "<p>drip</p>\n"))
			return 0;
	}
}

static int serve_big(int fd, const char *query)
{
	static const char filler[] =
	    "<p>Filler paragraph of the big page, "
	    "repeated until the size is reached.</p>\n";
	unsigned long long left = query_number(query, "bytes", 1000000);
	bool nolength = query_number(query, "nolength", 0) != 0;
	char head[256], chunk[65536];

	snprintf(head, sizeof(head),
		 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
		 "Connection: close\r\nContent-Length: %llu\r\n\r\n",
		 left);
	if (nolength)
		snprintf(head, sizeof(head),
			 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Connection: close\r\n\r\n");
	for (size_t i = 0; i < sizeof(chunk); i++)
		chunk[i] = filler[i % (sizeof(filler) - 1)];
	memcpy(chunk, "<html><body>", 12);
	if (send_str(fd, head))
		return -1;
	while (left) {
		size_t n = left < sizeof(chunk) ? (size_t)left : sizeof(chunk);

		if (send_all(fd, chunk, n))
			return -1;
		left -= n;
		memcpy(chunk, filler, 12);
	}
	return 0;
}

/*
 * "café crème brûlée" in windows-1252 and in UTF-8.  The last "e" is
 * written \x65 because "\xe9e" would read as a single escape.
 */
#define LATIN1_WORDS "caf\xe9 cr\xe8me br\xfbl\xe9\x65"
#define UTF8_WORDS   "caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9\x65"

static int serve_charset(int fd, const char *which)
{
	const char *type, *meta, *words;
	char body[1024];

	if (strcmp(which, "header-wins") == 0) {
		type = "text/html; charset=windows-1252";
		meta = "utf-8";
		words = LATIN1_WORDS;
	} else if (strcmp(which, "header-utf8") == 0) {
		type = "text/html; charset=utf-8";
		meta = "iso-8859-1";
		words = UTF8_WORDS;
	} else if (strcmp(which, "meta") == 0) {
		type = "text/html";
		meta = "windows-1252";
		words = LATIN1_WORDS;
	} else {
		return send_page(fd, 404, "", "No such case", "No such case.");
	}
	snprintf(body, sizeof(body),
		 "<!DOCTYPE html>\n<html><head><meta charset=\"%s\">"
		 "<title>Menu: %s</title></head><body><article><h1>Menu</h1>"
		 "<p>Today the kitchen serves %s, and the %s is made fresh "
		 "every morning.</p></article></body></html>\n",
		 meta, words, words, words);
	return send_response(fd, 200, type, "", body, strlen(body));
}

/* Returns 1: the connection is to be closed as it is, with a reset. */
static int serve_reset(int fd)
{
	struct linger lg = {.l_onoff = 1, .l_linger = 0};
	char part[100];

	memset(part, 'x', sizeof(part));
	memcpy(part, "<html><body><p>", 15);
	if (send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Content-Length: 10000\r\n\r\n") ||
	    send_all(fd, part, sizeof(part)))
		return -1;
	sleep_ms(100);
	/* A zero linger turns close() into a reset. */
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	return 1;
}

static int serve_length_lie(int fd)
{
	return send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			    "Content-Length: 1000\r\nConnection: close\r\n\r\n"
			    "<html>ab");
}

static int serve_pdf(int fd)
{
	char head[256], chunk[4096];

	snprintf(head, sizeof(head),
		 "HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n"
		 "Content-Length: %zu\r\n\r\n%%PDF-1.4\n",
		 PDF_BYTES);
	memset(chunk, ' ', sizeof(chunk));
	if (send_str(fd, head))
		return -1;
	for (size_t sent = 9; sent < PDF_PREFIX; sent += sizeof(chunk)) {
		if (send_all(fd, chunk, sizeof(chunk)))
			return -1;
	}
	wait_for_close(fd, -1);
	return 0;
}

static int serve_type(int fd, const char *query)
{
	static const char page[] =
	    "<!DOCTYPE html>\n<html><head><title>Labelled page</title>"
	    "</head><body><p>A page under an arbitrary content type.</p>"
	    "</body></html>\n";
	char type[256];

	if (!query_get(query, "ct", type, sizeof(type)))
		return send_page(fd, 400, "", "Bad type", "No ct given.");
	return send_response(fd, 200, type, "", page, sizeof(page) - 1);
}

static int serve_no_type(int fd)
{
	static const char page[] =
	    "<!DOCTYPE html>\n<html><head><title>Untyped page</title>"
	    "</head><body><article><h1>Untyped page</h1><p>This page "
	    "came without any Content-Type header.</p></article></body>"
	    "</html>\n";

	return send_response(fd, 200, NULL, "", page, sizeof(page) - 1);
}

/* Each request header line becomes a paragraph of the page. */
static int serve_echo(int fd, const struct request *rq)
{
	char body[3 * REQUEST_MAX];
	size_t len;

	len = (size_t)snprintf(body, sizeof(body),
			       "<!DOCTYPE html>\n<html><head><title>Echo"
			       "</title></head><body><article><p>");
	for (const char *p = rq->head; *p && len + 64 < sizeof(body); p++) {
		if (*p == '\r' || *p == '<' || *p == '&')
			continue;
		if (*p != '\n') {
			body[len++] = *p;
			continue;
		}
		memcpy(body + len, "</p>\n<p>", 8);
		len += 8;
	}
	len += (size_t)snprintf(body + len, sizeof(body) - len,
				"</p></article></body></html>\n");
	return send_response(fd, 200, "text/html", "", body, len);
}

/* Adds one to id's count (with add) and returns the count. */
static unsigned long flaky_count(const char *id, bool add)
{
	unsigned long n = 0;
	size_t i;

	pthread_mutex_lock(&flaky_lock);
	for (i = 0; i < flaky_used; i++) {
		if (strcmp(flaky[i].id, id) == 0)
			break;
	}
	if (i == flaky_used && add && flaky_used < FLAKY_MAX) {
		snprintf(flaky[i].id, sizeof(flaky[i].id), "%s", id);
		flaky_used++;
	}
	if (i < flaky_used) {
		if (add)
			flaky[i].count++;
		n = flaky[i].count;
	}
	pthread_mutex_unlock(&flaky_lock);
	return n;
}

static int serve_flaky(int fd, const char *query)
{
	char id[64], after[128], extra[200] = "";
	unsigned long fail = query_number(query, "fail", 1);
	unsigned long long status = query_number(query, "status", 503);

	if (!query_get(query, "id", id, sizeof(id)) || status < 200 ||
	    status > 599)
		return send_page(fd, 400, "", "Bad flaky", "Bad id or status.");
	if (flaky_count(id, true) > fail)
		return send_page(fd, 200, "", "Recovered page",
				 "After a few failures this endpoint answers "
				 "with a proper page, and this is its text.");
	if (query_get(query, "retry_after", after, sizeof(after)))
		snprintf(extra, sizeof(extra), "Retry-After: %s\r\n", after);
	return send_page(fd, (int)status, extra, reason((int)status),
			 "Not now: this endpoint fails on purpose.");
}

static int serve_count(int fd, const char *query)
{
	char id[64], title[96];

	if (!query_get(query, "id", id, sizeof(id)))
		return send_page(fd, 400, "", "Bad count", "No id given.");
	snprintf(title, sizeof(title), "count %lu", flaky_count(id, false));
	return send_page(fd, 200, "", title, "How many requests were seen.");
}

static int serve_delay(int fd, const char *query)
{
	unsigned long long ms = query_number(query, "ms", 100);

	sleep_ms(ms > 60000 ? 60000 : (long)ms);
	return send_page(fd, 200, "", "Delayed page",
			 "This page was sent after a pause on purpose, so "
			 "that transfers overlap.");
}

static int serve_huge_headers(int fd, const char *query)
{
	unsigned long long n = query_number(query, "bytes", 1 << 20);
	char chunk[4096];

	memset(chunk, 'h', sizeof(chunk));
	if (send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "X-Huge: "))
		return -1;
	while (n) {
		size_t k = n < sizeof(chunk) ? (size_t)n : sizeof(chunk);

		if (send_all(fd, chunk, k))
			return -1;
		n -= k;
	}
	return send_str(fd, "\r\nContent-Length: 2\r\n\r\nok");
}

static int serve_trickle(int fd, const char *query)
{
	unsigned long long bps = query_number(query, "bps", 2000);
	char chunk[65536];

	if (bps == 0 || bps > sizeof(chunk))
		bps = sizeof(chunk);
	memset(chunk, 'x', sizeof(chunk));
	if (send_str(fd, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
			 "Connection: close\r\n\r\n<html><body><p>"))
		return -1;
	while (send_all(fd, chunk, (size_t)bps) == 0)
		sleep_ms(1000);
	return 0;
}

static void conns_change(int by)
{
	pthread_mutex_lock(&conns_lock);
	conns_open = by > 0 ? conns_open + 1 : conns_open - 1;
	if (conns_open > conns_max)
		conns_max = conns_open;
	pthread_mutex_unlock(&conns_lock);
}

static int serve_conns(int fd, const char *query)
{
	char title[64];

	pthread_mutex_lock(&conns_lock);
	if (query_number(query, "reset", 0)) {
		conns_max = conns_open;
		conns_base = conns_open;
	}
	snprintf(title, sizeof(title), "conns %lu base %lu", conns_max,
		 conns_base);
	pthread_mutex_unlock(&conns_lock);
	return send_page(fd, 200, "", title, "Connections open at once.");
}

static int serve_docroot(int fd, const char *rel)
{
	char path[4096], chunk[65536];
	size_t n;
	struct stat st;

	if (!docroot || strstr(rel, "..") || !*rel)
		return send_page(fd, 404, "", "No file", "No such file.");
	snprintf(path, sizeof(path), "%s/%s", docroot, rel);
	FILE *f = fopen(path, "rb");
	if (!f || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		if (f)
			fclose(f);
		return send_page(fd, 404, "", "No file", "No such file.");
	}
	snprintf(chunk, sizeof(chunk),
		 "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
		 "Content-Length: %lld\r\nConnection: close\r\n\r\n",
		 (long long)st.st_size);
	if (send_str(fd, chunk) == 0) {
		while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
			if (send_all(fd, chunk, n))
				break;
		}
	}
	fclose(f);
	return 0;
}

static bool path_arg(const char *path, const char *prefix, const char **arg)
{
	size_t n = strlen(prefix);

	if (strncmp(path, prefix, n) != 0)
		return false;
	*arg = path + n;
	return true;
}

static int route_more(int fd, const struct request *rq);

/* Returns 1 when the connection must be closed without a lingering close. */
static int route(int fd, const struct request *rq)
{
	const char *p = rq->path, *q = rq->query, *arg;

	if (strcmp(p, "/reset") == 0)
		return serve_reset(fd);
	if (path_arg(p, "/status/", &arg))
		serve_status(fd, arg);
	else if (strcmp(p, "/page") == 0)
		serve_file(fd, q);
	else if (path_arg(p, "/redirect/", &arg))
		serve_redirect_chain(fd, arg);
	else if (strcmp(p, "/loop") == 0)
		send_redirect(fd, 302, "/loop");
	else if (strcmp(p, "/redirect-to") == 0)
		serve_redirect_to(fd, q);
	else if (strcmp(p, "/gzip") == 0)
		serve_gzip(fd);
	else if (strcmp(p, "/gzip-bomb") == 0)
		serve_gzip_bomb(fd);
	else if (strcmp(p, "/bad-gzip") == 0)
		send_response(fd, 200, "text/html",
			      "Content-Encoding: gzip\r\n",
			      "<html>plain</html>", 18);
	else if (strcmp(p, "/endless") == 0)
		serve_endless(fd);
	else if (strcmp(p, "/stall") == 0)
		serve_stall(fd);
	else if (strcmp(p, "/slow-headers") == 0)
		serve_slow_headers(fd);
	else if (strcmp(p, "/drip") == 0)
		serve_drip(fd);
	else if (strcmp(p, "/big") == 0)
		serve_big(fd, q);
	else if (path_arg(p, "/charset/", &arg))
		serve_charset(fd, arg);
	else if (strcmp(p, "/length-lie") == 0)
		serve_length_lie(fd);
	else if (strcmp(p, "/pdf") == 0)
		serve_pdf(fd);
	else if (strcmp(p, "/type") == 0)
		serve_type(fd, q);
	else if (strcmp(p, "/no-type") == 0)
		serve_no_type(fd);
	else if (strcmp(p, "/echo") == 0)
		serve_echo(fd, rq);
	else
		return route_more(fd, rq);
	return 0;
}

/* The endpoints of batch tests and benchmarks. */
static int route_more(int fd, const struct request *rq)
{
	const char *p = rq->path, *q = rq->query, *arg;

	if (strcmp(p, "/flaky") == 0)
		serve_flaky(fd, q);
	else if (strcmp(p, "/count") == 0)
		serve_count(fd, q);
	else if (strcmp(p, "/delay") == 0)
		serve_delay(fd, q);
	else if (strcmp(p, "/empty") == 0)
		send_response(fd, 200, "text/html", "", "", 0);
	else if (strcmp(p, "/huge-headers") == 0)
		serve_huge_headers(fd, q);
	else if (path_arg(p, "/files/", &arg))
		serve_docroot(fd, arg);
	else if (strcmp(p, "/silent") == 0)
		wait_for_close(fd, -1);
	else if (strcmp(p, "/trickle") == 0)
		serve_trickle(fd, q);
	else if (strcmp(p, "/conns") == 0)
		serve_conns(fd, q);
	else
		send_page(fd, 404, "", "404 Not Found",
			  "The fixture server has no such endpoint.");
	return 0;
}

/* ---- connections ---- */

static void *connection(void *arg)
{
	int fd = (int)(intptr_t)arg;
	struct request *rq = malloc(sizeof(*rq));

	int abrupt = 0;
	int got;

	conns_change(1);
	got = rq ? read_request(fd, rq) : -1;
	if (got == 0)
		abrupt = route(fd, rq);
	else if (got == 1)
		send_str(fd, "HTTP/1.1 400 Bad Request\r\nContent-Type: "
			     "text/plain\r\nConnection: close\r\n\r\n"
			     "This port speaks plain HTTP, not TLS.\n");
	free(rq);
	/*
	 * A close with unread input resets the connection and may destroy
	 * the reply's tail in flight: say we are done, then give the client
	 * a moment to read and close first.
	 */
	if (!abrupt) {
		shutdown(fd, SHUT_WR);
		/*
		 * The reply is whole: the client may close and open its next
		 * connection before this thread sees the close, so this one
		 * stops counting now, not when the close is noticed.
		 */
		conns_change(-1);
		wait_for_close(fd, 2000);
	}
	close(fd);
	if (abrupt)
		conns_change(-1);
	return NULL;
}

static int listen_on(unsigned short port)
{
	struct sockaddr_in sa = {0};
	socklen_t salen = sizeof(sa);
	int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	sa.sin_family = AF_INET;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	sa.sin_port = htons(port);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 128) ||
	    getsockname(fd, (struct sockaddr *)&sa, &salen)) {
		close(fd);
		return -1;
	}
	printf("%u\n", (unsigned)ntohs(sa.sin_port));
	fflush(stdout);
	return fd;
}

static int usage(void)
{
	fprintf(stderr, "usage: fixture_server [--port N] [--dir DIR] "
			"[--docroot DIR] [--lifetime SECONDS]\n");
	return 2;
}

static bool parse_number(const char *s, unsigned long max, unsigned long *out)
{
	char *end;

	if (!s)
		return false;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return !errno && end != s && !*end && *out <= max;
}

int main(int argc, char **argv)
{
	unsigned long port = 0, lifetime = 120;
	pthread_attr_t attr;
	int lfd;

	for (int i = 1; i < argc; i++) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--port") == 0 &&
		    parse_number(v, 65535, &port))
			i++;
		else if (strcmp(argv[i], "--lifetime") == 0 &&
			 parse_number(v, 86400, &lifetime) && lifetime)
			i++;
		else if (strcmp(argv[i], "--dir") == 0 && v)
			fixture_dir = argv[++i];
		else if (strcmp(argv[i], "--docroot") == 0 && v)
			docroot = argv[++i];
		else
			return usage();
	}
	signal(SIGPIPE, SIG_IGN);
	lfd = listen_on((unsigned short)port);
	if (lfd < 0) {
		perror("fixture_server: listen");
		return 1;
	}
	/* SIGALRM's default action ends the process: our hard lifetime. */
	alarm((unsigned)lifetime);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	for (;;) {
		pthread_t tid;
		int fd = accept(lfd, NULL, NULL);

		if (fd < 0) {
			if (errno == EMFILE || errno == ENFILE)
				sleep_ms(50);
			if (errno == EINTR || errno == ECONNABORTED ||
			    errno == EMFILE || errno == ENFILE)
				continue;
			perror("fixture_server: accept");
			return 1;
		}
		if (pthread_create(&tid, &attr, connection,
				   (void *)(intptr_t)fd) != 0)
			close(fd);
	}
}
