/*
 * phrase.c - text folding and whole-word phrase search (see phrase.h).
 *
 * Folding works code point by code point and stops before a code point
 * that would not fit, so out->s is always a prefix of the folded input,
 * valid UTF-8 and NUL-terminated.
 */
#include "extract/phrase.h"

#include <stdint.h>
#include <string.h>

#include "base/str.h"
#include "base/utf8.h"

/* Latin Extended-A pairs upper and lower case, upper first, except in
 * the runs where the pairs start on an odd code point. */
static uint32_t fold_latin_ext(uint32_t cp)
{
	bool odd_upper = (cp >= 0x139 && cp <= 0x148) ||
			 (cp >= 0x179 && cp <= 0x17E);
	bool paired = cp <= 0x137 || odd_upper || (cp >= 0x14A && cp <= 0x177);

	if (!paired || cp == 0x130)
		return cp;
	return ((cp & 1) != 0) == odd_upper ? cp + 1 : cp;
}

/* The lower-case partner of cp in the scripts the tables use, or cp. */
static uint32_t fold_case(uint32_t cp)
{
	if (cp < 0x80)
		return (uint32_t)ascii_lower((int)cp);
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return cp + 0x20;                      /* Latin-1 */
	if (cp >= 0x100 && cp <= 0x17F)
		return fold_latin_ext(cp);
	if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2)
		return cp + 0x20;                      /* Greek */
	if (cp >= 0x410 && cp <= 0x42F)
		return cp + 0x20;                      /* Cyrillic А-Я */
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 0x50;                      /* Cyrillic Ѐ-Џ */
	return cp;
}

/* Punctuation that pages write in several ways, mapped to one. */
static uint32_t fold_punct(uint32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x02BC: case 0x00B4: case 0x2032:
		return '\'';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2212:
		return '-';
	default:
		break;
	}
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFF01 + 0x21;             /* fullwidth ASCII */
	return cp;
}

static unsigned pair_hash(unsigned char a, unsigned char b)
{
	return (((unsigned)a << 4) ^ b) & (FOLD_PAIR_BITS - 1);
}

static void index_pairs(struct folded *f)
{
	memset(f->pairs, 0, sizeof(f->pairs));
	for (size_t i = 0; i + 1 < f->len; i++) {
		unsigned h = pair_hash((unsigned char)f->s[i],
				       (unsigned char)f->s[i + 1]);
		f->pairs[h / 64] |= UINT64_C(1) << (h % 64);
	}
}

/* The offset where the code point ending just before `at` starts. */
static size_t prev_start(const char *s, size_t at)
{
	size_t i = at - 1;

	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

void fold_text(const char *text, size_t len, struct folded *out)
{
	size_t n = 0;
	bool space = false;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += utf8_decode(text + i, len - i, &cp);
		if (cp < 0x80 ? ascii_is_space((int)cp) : utf8_is_space(cp)) {
			space = n > 0;
			continue;
		}
		char enc[4];
		size_t k = utf8_encode(fold_case(fold_punct(cp)), enc);
		if (n + (space ? 1 : 0) + k >= FOLD_MAX)
			break;
		if (space)
			out->s[n++] = ' ';
		space = false;
		memcpy(out->s + n, enc, k);
		n += k;
	}
	out->s[n] = '\0';
	out->len = n;
	index_pairs(out);
}

void fold_set(const char *folded, size_t len, struct folded *out)
{
	if (len >= FOLD_MAX)
		len = prev_start(folded, FOLD_MAX);
	memcpy(out->s, folded, len);
	out->s[len] = '\0';
	out->len = len;
	index_pairs(out);
}

/* Letters and digits of the space-separated scripts continue words. */
static bool is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_is_alnum((int)cp);
	return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) ||
	       (cp >= 0x370 && cp <= 0x52F);
}

bool fold_is_word_at(const struct folded *f, size_t at)
{
	uint32_t cp;

	if (at >= f->len)
		return false;
	utf8_decode(f->s + at, f->len - at, &cp);
	return is_word_cp(cp);
}

/* True if the code point that starts at s continues a word. */
static bool word_cp_at(const char *s, size_t len)
{
	uint32_t cp;

	utf8_decode(s, len, &cp);
	return is_word_cp(cp);
}

const char *fold_find(const struct folded *f, const char *phrase)
{
	if (!phrase[0])
		return NULL;
	if (phrase[1]) {
		unsigned h = pair_hash((unsigned char)phrase[0],
				       (unsigned char)phrase[1]);
		if (!(f->pairs[h / 64] & (UINT64_C(1) << (h % 64))))
			return NULL;
	}
	const char *at = strstr(f->s, phrase);
	if (!at)
		return NULL;
	size_t n = strlen(phrase);
	/* edges that are letters or digits must not continue a text word */
	bool check_start = word_cp_at(phrase, n);
	size_t last = prev_start(phrase, n);
	bool check_end = word_cp_at(phrase + last, n - last);
	for (; at; at = strstr(at + 1, phrase)) {
		size_t pos = (size_t)(at - f->s);
		if (check_start && pos > 0 &&
		    fold_is_word_at(f, prev_start(f->s, pos)))
			continue;
		if (check_end && fold_is_word_at(f, pos + n))
			continue;
		return at;
	}
	return NULL;
}

size_t fold_word_count(const char *s, size_t len)
{
	size_t words = 0;
	bool in_word = false;

	for (size_t i = 0; i < len; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in_word)
			words++;
		in_word = !sp;
	}
	return words;
}
