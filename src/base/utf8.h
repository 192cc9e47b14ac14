/*
 * utf8.h - UTF-8 decoding, validation and repair.
 *
 * Text from pages and from gumbo is untrusted bytes: gumbo 0.10.1 can emit
 * invalid UTF-8 and NUL (numeric reference overflow), so every string
 * that reaches output goes through utf8_repair().
 */
#ifndef EXTRACT_UTF8_H
#define EXTRACT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decodes one code point from p (len > 0).  Returns the bytes consumed
 * (at least 1); an invalid or truncated sequence yields U+FFFD and
 * consumes its maximal invalid prefix (the WHATWG/Unicode practice).
 */
size_t utf8_decode(const char *p, size_t len, uint32_t *cp);
/* Writes cp (<= 0x10FFFF, not a surrogate) as UTF-8; returns 1..4. */
size_t utf8_encode(uint32_t cp, char out[4]);
bool utf8_valid(const char *p, size_t len);
/* Appends p with invalid sequences as U+FFFD and NUL bytes dropped. */
int utf8_repair(struct buf *out, const char *p, size_t len);
bool utf8_is_space_above_ascii(uint32_t cp);

/*
 * Unicode White_Space (includes NBSP and the ideographic space).  Inline
 * for ASCII, which text walks test once per character.
 */
static inline bool utf8_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == 0x20 || (cp >= 0x09 && cp <= 0x0D);
	return utf8_is_space_above_ascii(cp);
}

#endif
