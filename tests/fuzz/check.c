/*
 * check.c - oracles for the fuzz harnesses: UTF-8 validity, the WHATWG
 * UTF-8 decoder as a reference repair, and a strict JSON parser.
 *
 * Deliberately independent of src/: the UTF-8 code follows the Unicode
 * well-formedness table and the WHATWG Encoding Standard's decoder
 * steps, not src/utf8.c, and the JSON parser follows the RFC 8259
 * grammar, not jansson, so that a bug shared by encoder and checker
 * cannot hide.  Speed matters little; clarity does.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void fuzz_fail(const char *harness, const char *what)
{
	fprintf(stderr, "%s: oracle failed: %s\n", harness, what);
	abort();
}

char *fuzz_dup(const void *p, size_t len)
{
	char *copy = malloc(len + 1);

	if (!copy)
		abort();
	if (len)
		memcpy(copy, p, len);
	copy[len] = '\0';
	return copy;
}

/* ---- UTF-8 ------------------------------------------------------------ */

/*
 * The length of the well-formed sequence at p[0, n), or 0.  The ranges
 * of the second byte are those of Unicode's table 3-7 (they exclude
 * overlongs, surrogates and code points above U+10FFFF).
 */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0];
	unsigned lo = 0x80, hi = 0xBF;
	size_t need;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		lo = c == 0xE0 ? 0xA0 : 0x80;
		hi = c == 0xED ? 0x9F : 0xBF;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF;
	} else {
		return 0;
	}
	if (n <= need || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t k = 2; k <= need; k++) {
		if (p[k] < 0x80 || p[k] > 0xBF)
			return 0;
	}
	return need + 1;
}

bool fuzz_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < len;) {
		size_t n = utf8_seq(p + i, len - i);

		if (!n)
			return false;
		i += n;
	}
	return true;
}

static size_t put_cp(char *out, uint32_t cp)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * The Encoding Standard's UTF-8 decoder, step by step: "bytes needed",
 * "bytes seen" and the lower and upper boundary of the next byte; a byte
 * outside the boundaries yields U+FFFD and is processed again.
 */
size_t fuzz_utf8_repair(const char *s, size_t len, char *out)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned need = 0, seen = 0, lo = 0x80, hi = 0xBF;
	uint32_t cp = 0;
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		unsigned b = p[i];

		if (need == 0) {
			if (b == 0) {
				continue;
			} else if (b < 0x80) {
				o += put_cp(out + o, b);
			} else if (b >= 0xC2 && b <= 0xDF) {
				need = 1;
				cp = b & 0x1F;
			} else if (b >= 0xE0 && b <= 0xEF) {
				lo = b == 0xE0 ? 0xA0 : 0x80;
				hi = b == 0xED ? 0x9F : 0xBF;
				need = 2;
				cp = b & 0x0F;
			} else if (b >= 0xF0 && b <= 0xF4) {
				lo = b == 0xF0 ? 0x90 : 0x80;
				hi = b == 0xF4 ? 0x8F : 0xBF;
				need = 3;
				cp = b & 0x07;
			} else {
				o += put_cp(out + o, 0xFFFD);
			}
			continue;
		}
		if (b < lo || b > hi) {
			need = seen = 0;
			cp = 0;
			lo = 0x80;
			hi = 0xBF;
			o += put_cp(out + o, 0xFFFD);
			i--; /* the byte is looked at again */
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		cp = (cp << 6) | (b & 0x3F);
		if (++seen == need) {
			o += put_cp(out + o, cp);
			need = seen = 0;
			cp = 0;
		}
	}
	if (need)
		o += put_cp(out + o, 0xFFFD);
	return o;
}

/* ---- strict JSON ------------------------------------------------------ */

#define JSON_MAX_DEPTH 64

struct text {
	char *p;
	size_t len, cap;
};

struct parser {
	const unsigned char *s;
	size_t len, i;
	int depth;
};

static void text_put(struct text *t, const char *p, size_t n)
{
	if (t->len + n + 1 > t->cap) {
		size_t cap = t->cap ? t->cap : 64;

		while (cap < t->len + n + 1)
			cap *= 2;
		t->p = realloc(t->p, cap);
		if (!t->p)
			abort();
		t->cap = cap;
	}
	memcpy(t->p + t->len, p, n);
	t->len += n;
	t->p[t->len] = '\0';
}

static bool at_end(const struct parser *j)
{
	return j->i >= j->len;
}

static int peek(const struct parser *j)
{
	return at_end(j) ? -1 : j->s[j->i];
}

/* RFC 8259 whitespace is these four bytes and nothing else. */
static void skip_ws(struct parser *j)
{
	while (!at_end(j) && (j->s[j->i] == ' ' || j->s[j->i] == '\t' ||
			      j->s[j->i] == '\n' || j->s[j->i] == '\r'))
		j->i++;
}

static bool literal(struct parser *j, const char *word)
{
	size_t n = strlen(word);

	if (j->len - j->i < n || memcmp(j->s + j->i, word, n))
		return false;
	j->i += n;
	return true;
}

static bool digits(struct parser *j)
{
	size_t start = j->i;

	while (!at_end(j) && j->s[j->i] >= '0' && j->s[j->i] <= '9')
		j->i++;
	return j->i > start;
}

/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool number(struct parser *j)
{
	if (peek(j) == '-')
		j->i++;
	if (peek(j) == '0') {
		j->i++;
	} else if (peek(j) >= '1' && peek(j) <= '9') {
		digits(j);
	} else {
		return false;
	}
	if (peek(j) == '.') {
		j->i++;
		if (!digits(j))
			return false;
	}
	if (peek(j) == 'e' || peek(j) == 'E') {
		j->i++;
		if (peek(j) == '+' || peek(j) == '-')
			j->i++;
		if (!digits(j))
			return false;
	}
	return true;
}

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

/* The four hex digits after "\u"; -1 when they are not. */
static long hex4(struct parser *j)
{
	long v = 0;

	if (j->len - j->i < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		int h = hex_value(j->s[j->i + (size_t)k]);
		if (h < 0)
			return -1;
		v = v * 16 + h;
	}
	j->i += 4;
	return v;
}

/* After a backslash: one escape, decoded into t. */
static bool escape(struct parser *j, struct text *t)
{
	static const char from[] = "\"\\/bfnrt";
	static const char to[] = "\"\\/\b\f\n\r\t";
	int c = peek(j);
	const char *hit;
	char enc[4];

	if (c < 0)
		return false;
	j->i++;
	hit = c ? strchr(from, c) : NULL;
	if (hit) {
		text_put(t, &to[hit - from], 1);
		return true;
	}
	if (c != 'u')
		return false;
	long u = hex4(j);
	if (u < 0 || (u >= 0xDC00 && u <= 0xDFFF))
		return false; /* a low surrogate first is unpaired */
	if (u >= 0xD800 && u <= 0xDBFF) {
		if (!literal(j, "\\u"))
			return false;
		long low = hex4(j);
		if (low < 0xDC00 || low > 0xDFFF)
			return false;
		u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
	}
	text_put(t, enc, put_cp(enc, (uint32_t)u));
	return true;
}

/* A string at j->i == '"', decoded into t (which it resets). */
static bool string(struct parser *j, struct text *t)
{
	t->len = 0;
	text_put(t, "", 0);
	j->i++;
	for (;;) {
		int c = peek(j);
		if (c < 0 || c < 0x20)
			return false;
		if (c == '"') {
			j->i++;
			return true;
		}
		if (c == '\\') {
			j->i++;
			if (!escape(j, t))
				return false;
			continue;
		}
		size_t n = utf8_seq(j->s + j->i, j->len - j->i);
		if (!n)
			return false;
		text_put(t, (const char *)j->s + j->i, n);
		j->i += n;
	}
}

static bool value(struct parser *j, const char *key, struct text *capture,
		  bool *captured);

static bool array(struct parser *j)
{
	j->i++;
	skip_ws(j);
	if (peek(j) == ']') {
		j->i++;
		return true;
	}
	for (;;) {
		if (!value(j, NULL, NULL, NULL))
			return false;
		skip_ws(j);
		if (peek(j) == ']') {
			j->i++;
			return true;
		}
		if (peek(j) != ',')
			return false;
		j->i++;
	}
}

static bool key_seen(const struct text *keys, size_t n, const struct text *k)
{
	for (size_t i = 0; i < n; i++) {
		if (keys[i].len == k->len && !memcmp(keys[i].p, k->p, k->len))
			return true;
	}
	return false;
}

static void keys_free(struct text *keys, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(keys[i].p);
	free(keys);
}

/* One "key": value member, the key appended to *keys. */
static bool member(struct parser *j, struct text **keys, size_t *n,
		   const char *key, struct text *capture, bool *captured)
{
	struct text k = {0};

	skip_ws(j);
	if (peek(j) != '"' || !string(j, &k) || key_seen(*keys, *n, &k)) {
		free(k.p);
		return false;
	}
	*keys = realloc(*keys, (*n + 1) * sizeof(**keys));
	if (!*keys)
		abort();
	(*keys)[(*n)++] = k;
	skip_ws(j);
	if (peek(j) != ':')
		return false;
	j->i++;
	skip_ws(j);
	if (key && capture && !strcmp(k.p, key) && peek(j) == '"') {
		*captured = true;
		return string(j, capture);
	}
	return value(j, NULL, NULL, NULL);
}

static bool object(struct parser *j, const char *key, struct text *capture,
		   bool *captured)
{
	struct text *keys = NULL;
	size_t n = 0;
	bool ok = false;

	j->i++;
	skip_ws(j);
	if (peek(j) == '}') {
		j->i++;
		return true;
	}
	for (;;) {
		if (!member(j, &keys, &n, key, capture, captured))
			break;
		skip_ws(j);
		if (peek(j) == '}') {
			j->i++;
			ok = true;
			break;
		}
		if (peek(j) != ',')
			break;
		j->i++;
	}
	keys_free(keys, n);
	return ok;
}

static bool value(struct parser *j, const char *key, struct text *capture,
		  bool *captured)
{
	struct text scratch = {0};
	bool ok;

	skip_ws(j);
	if (++j->depth > JSON_MAX_DEPTH)
		return false;
	switch (peek(j)) {
	case '{':
		ok = object(j, key, capture, captured);
		break;
	case '[':
		ok = array(j);
		break;
	case '"':
		ok = string(j, &scratch);
		break;
	case 't':
		ok = literal(j, "true");
		break;
	case 'f':
		ok = literal(j, "false");
		break;
	case 'n':
		ok = literal(j, "null");
		break;
	default:
		ok = number(j);
		break;
	}
	free(scratch.p);
	j->depth--;
	return ok;
}

bool fuzz_json_valid(const char *s, size_t len, const char *key, char **val,
		     size_t *val_len)
{
	struct parser j = {.s = (const unsigned char *)s, .len = len};
	struct text capture = {0};
	bool captured = false;
	bool ok;

	ok = value(&j, key, &capture, &captured);
	skip_ws(&j);
	ok = ok && at_end(&j);
	if (val) {
		*val = NULL;
		if (ok && captured) {
			text_put(&capture, "", 0);
			*val = capture.p;
			*val_len = capture.len;
			return true;
		}
	}
	free(capture.p);
	return ok;
}
