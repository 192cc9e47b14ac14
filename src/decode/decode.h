/*
 * decode.h - a page's bytes to UTF-8.
 *
 * Uses decode_sniff for declared charsets, libuchardet for undeclared
 * ones, then windows-1252.  Invalid sequences become U+FFFD and NUL bytes
 * are dropped; the output is always valid UTF-8.  Only decode.c includes
 * <iconv.h>.
 */
#ifndef EXTRACT_DECODE_H
#define EXTRACT_DECODE_H

#include <stddef.h>

#include "decode/decode_sniff.h"

struct arena;

struct decoded {
	char *text;          /* UTF-8, NUL-terminated; valid until arena_release */
	size_t len;
	const char *charset; /* WHATWG name of the source charset */
	enum sniff_source source;
};

/*
 * Returns 0, or -1 when the output would exceed max_out bytes (the page
 * is too large) or the bytes are not text.
 */
int decode_page(struct arena *a, const char *bytes, size_t len,
		const char *content_type, size_t max_out, struct decoded *out);

/* Converts with a known charset; the building block of decode_page(). */
int decode_with(struct arena *a, const struct charset *cs, const char *bytes,
		size_t len, size_t max_out, char **text, size_t *text_len);

#endif
