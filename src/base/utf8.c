/*
 * utf8.c - a strict UTF-8 decoder (no overlongs, no surrogates, nothing
 * above U+10FFFF) and the repair used on every output string.
 */
#include "base/utf8.h"

#include <string.h>

#include "base/buf.h"

/*
 * Pages are mostly ASCII, so validation and repair skip eight bytes at a
 * time while none has its high bit set (and, for repair, none is NUL).
 */
#define ONES  UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

static uint64_t load64(const char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/* Non-zero when one of the eight bytes is NUL. */
static uint64_t has_nul(uint64_t w)
{
	return (w - ONES) & ~w & HIGHS;
}

size_t utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = p[0];
	size_t need;
	uint32_t v;
	unsigned lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	size_t i = 1;
	for (; i <= need; i++) {
		if (i >= len || p[i] < lo || p[i] > hi) {
			*cp = UTF8_REPLACEMENT;
			return i;
		}
		lo = 0x80;
		hi = 0xBF;
		v = (v << 6) | (p[i] & 0x3Fu);
	}
	*cp = v;
	return i;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
	if (cp >= 0xD800 && cp <= 0xDFFF)
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp > 0x10FFFF)
		return utf8_encode(UTF8_REPLACEMENT, out);
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const char *p, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		if (i + 8 <= len && !(load64(p + i) & HIGHS)) {
			i += 8;
			continue;
		}
		if ((unsigned char)p[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = utf8_decode(p + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT &&
		    !(n == 3 && (unsigned char)p[i] == 0xEF &&
		      (unsigned char)p[i + 1] == 0xBF &&
		      (unsigned char)p[i + 2] == 0xBD))
			return false;
		i += n;
	}
	return true;
}

int utf8_repair(struct buf *out, const char *p, size_t len)
{
	size_t i = 0;
	size_t run = 0; /* start of the current run of good bytes */

	while (i < len) {
		if (i + 8 <= len) {
			uint64_t w = load64(p + i);
			if (!(w & HIGHS) && !has_nul(w)) {
				i += 8;
				continue;
			}
		}
		unsigned char c = (unsigned char)p[i];
		if (c && c < 0x80) {
			i++;
			continue;
		}
		uint32_t cp = 0;
		size_t n = c ? utf8_decode(p + i, len - i, &cp) : 1;
		bool bad = !c || (cp == UTF8_REPLACEMENT &&
				  !(n == 3 && c == 0xEF));
		if (!bad) {
			i += n;
			continue;
		}
		if (buf_append(out, p + run, i - run))
			return -1;
		if (c && buf_append(out, "\xEF\xBF\xBD", 3))
			return -1;
		i += n;
		run = i;
	}
	return buf_append(out, p + run, i - run);
}

/* utf8_is_space() for code points from U+0080 on. */
bool utf8_is_space_above_ascii(uint32_t cp)
{
	switch (cp) {
	case 0x85:
	case 0xA0:
	case 0x1680:
	case 0x2028:
	case 0x2029:
	case 0x202F:
	case 0x205F:
	case 0x3000:
		return true;
	default:
		return cp >= 0x2000 && cp <= 0x200A;
	}
}
