/*
 * str.c - ASCII, locale-independent helpers over string views.
 *
 * The case-insensitive searches are the hottest code of extraction:
 * every class and id is looked up in the word lists of lexicon.c, and
 * every block in the phrase tables.  So str_ifind looks at eight starts
 * at a time for the needle's first two bytes, and str_ifind_any first
 * rules out the needles whose first two bytes never occur together in
 * the text.  Both find exactly what a byte-by-byte comparison would
 * (tests/unit/test_fastpath.c checks it).
 */
#include "base/str.h"

#include <stdint.h>

bool str_ieq_mem(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ascii_lower((unsigned char)a[i]) !=
		    ascii_lower((unsigned char)b[i]))
			return false;
	}
	return true;
}

#define ONES  UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

static uint64_t load64(const char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	return w;
}

/*
 * Non-zero when a byte of w equals c (bit 7 of that byte is set; a
 * byte just above a match may be flagged too).  With fold, ASCII letters
 * are compared without case: c is then a lower-case letter, and setting
 * bit 5 turns only c and its upper case into c.
 */
static uint64_t match_mask(uint64_t w, uint64_t pattern, uint64_t fold)
{
	uint64_t x = (w | fold) ^ pattern;

	return (x - ONES) & ~x & HIGHS;
}

static bool rest_matches(const char *p, const char *needle, size_t n)
{
	for (size_t j = 1; j < n; j++) {
		if (ascii_lower((unsigned char)p[j]) !=
		    ascii_lower((unsigned char)needle[j]))
			return false;
	}
	return true;
}

/* The pattern and fold arguments of match_mask() for the byte c. */
static void byte_pattern(int c, uint64_t *pattern, uint64_t *fold)
{
	c = ascii_lower(c);
	*pattern = ONES * (uint64_t)c;
	*fold = ascii_is_alpha(c) ? ONES * 0x20 : 0;
}

const char *str_ifind(struct str s, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return s.ptr;
	if (!s.ptr || s.len < n)
		return NULL;
	int first = ascii_lower((unsigned char)needle[0]);
	size_t last = s.len - n; /* the last possible start */
	size_t i = 0;

	if (n >= 2) {
		/*
		 * Eight starts at a time: those where both the first and
		 * the second byte of the needle match (the second word is
		 * loaded one byte on, so its byte k is start k's second).
		 */
		uint64_t p0, f0, p1, f1;
		byte_pattern(first, &p0, &f0);
		byte_pattern((unsigned char)needle[1], &p1, &f1);
		for (; i + 8 <= last + 1; i += 8) {
			uint64_t m = match_mask(load64(s.ptr + i), p0, f0) &
				     match_mask(load64(s.ptr + i + 1), p1, f1);
			if (!m)
				continue;
			/* rare: test the eight starts in order */
			for (size_t k = 0; k < 8; k++) {
				if (ascii_lower((unsigned char)s.ptr[i + k]) ==
					    first &&
				    rest_matches(s.ptr + i + k, needle, n))
					return s.ptr + i + k;
			}
		}
	}
	for (; i <= last; i++) {
		if (ascii_lower((unsigned char)s.ptr[i]) == first &&
		    rest_matches(s.ptr + i, needle, n))
			return s.ptr + i;
	}
	return NULL;
}

bool str_icontains(struct str s, const char *needle)
{
	return str_ifind(s, needle) != NULL;
}

enum {
	/* longer texts fill the pair table; they are searched directly */
	STR_PAIR_MAX_LEN = 512,
	STR_PAIR_BITS = 4096,
};

/* A hash of two case-folded bytes; collisions only cost a search. */
static unsigned pair_hash(unsigned char a, unsigned char b)
{
	unsigned h = (unsigned)ascii_lower(a) * 131u + (unsigned)ascii_lower(b);

	return h & (STR_PAIR_BITS - 1);
}

long str_ifind_any(struct str s, const char *const *needles, size_t count)
{
	uint64_t pairs[STR_PAIR_BITS / 64];
	bool filter = s.ptr && s.len >= 2 && s.len <= STR_PAIR_MAX_LEN;

	if (filter) {
		memset(pairs, 0, sizeof(pairs));
		for (size_t i = 0; i + 1 < s.len; i++) {
			unsigned h = pair_hash((unsigned char)s.ptr[i],
					       (unsigned char)s.ptr[i + 1]);
			pairs[h / 64] |= UINT64_C(1) << (h % 64);
		}
	}
	for (size_t k = 0; k < count; k++) {
		const char *w = needles[k];
		if (filter && w[0] && w[1]) {
			unsigned h = pair_hash((unsigned char)w[0],
					       (unsigned char)w[1]);
			if (!(pairs[h / 64] & (UINT64_C(1) << (h % 64))))
				continue;
		}
		if (str_ifind(s, w))
			return (long)k;
	}
	return -1;
}

struct str str_trim(struct str s)
{
	while (s.len && ascii_is_space((unsigned char)s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && ascii_is_space((unsigned char)s.ptr[s.len - 1]))
		s.len--;
	return s;
}

bool str_starts_with_i(struct str s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.len >= n && str_ieq(str_make(s.ptr, n), prefix);
}
