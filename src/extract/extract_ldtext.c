/*
 * extract_ldtext.c - the article text a page declares in JSON-LD
 * (schema.org articleBody), as a set of word trigrams.
 *
 * Many publishers put the article's plain text in their metadata.  When
 * that text is long, it tells which blocks of the visible content are
 * the article: a paragraph none of whose trigrams occur in it is a
 * teaser, an author box or a promotion that the scoring let through.
 * The metadata is only a witness: it never adds text to the body.
 */
#include "extract/heuristics.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/hash.h"
#include "base/msg.h"

enum {
	/* shorter declared texts are summaries, not the article */
	LD_MIN_WORDS = 120,
	LD_SHINGLE = 3,
};

struct ld_text {
	uint64_t *slots;
	size_t cap;
	size_t words;
};

static bool is_word_byte(unsigned char ch)
{
	return ch >= 0x80 || ascii_is_alnum(ch);
}

/* Calls fn for the hash of each word of s, in order. */
static size_t word_hashes(const char *s, size_t len, uint64_t *out,
			  size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n < max;) {
		while (i < len && !is_word_byte((unsigned char)s[i]))
			i++;
		/* typographic punctuation (U+2000-U+206F) separates words */
		if (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
		    ((unsigned char)s[i + 1] == 0x80 ||
		     (unsigned char)s[i + 1] == 0x81)) {
			i += 3;
			continue;
		}
		uint64_t h = HASH_FNV1A_BASIS;
		size_t start = i;
		while (i < len && is_word_byte((unsigned char)s[i])) {
			if (i + 2 < len && (unsigned char)s[i] == 0xE2 &&
			    ((unsigned char)s[i + 1] == 0x80 ||
			     (unsigned char)s[i + 1] == 0x81))
				break;
			h = hash_fnv1a_step(h, (uint64_t)ascii_lower(
						       (unsigned char)s[i]));
			i++;
		}
		if (i > start)
			out[n++] = h;
	}
	return n;
}

static uint64_t shingle_at(const uint64_t *w, size_t k)
{
	uint64_t h = HASH_FNV1A_BASIS;

	for (size_t j = 0; j < LD_SHINGLE; j++)
		h = hash_fnv1a_step(h, w[k + j]);
	return h | 1;
}

static void set_add(struct ld_text *t, uint64_t h)
{
	size_t i = (size_t)(h % t->cap);

	while (t->slots[i] && t->slots[i] != h)
		i = (i + 1) % t->cap;
	t->slots[i] = h;
}

static bool set_has(const struct ld_text *t, uint64_t h)
{
	size_t i = (size_t)(h % t->cap);

	while (t->slots[i]) {
		if (t->slots[i] == h)
			return true;
		i = (i + 1) % t->cap;
	}
	return false;
}

struct ld_text *ld_text_new(struct arena *a, const char *body)
{
	if (!body)
		return NULL;
	size_t len = strlen(body);
	uint64_t *w = xmalloc(sizeof(*w) * (len / 2 + 1));
	size_t n = word_hashes(body, len, w, len / 2 + 1);
	if (n < LD_MIN_WORDS) {
		free(w);
		return NULL;
	}
	struct ld_text *t = arena_alloc(a, sizeof(*t));
	t->cap = n * 2 + 16;
	t->slots = arena_calloc(a, t->cap, sizeof(*t->slots));
	t->words = n;
	for (size_t k = 0; k + LD_SHINGLE <= n; k++)
		set_add(t, shingle_at(w, k));
	free(w);
	return t;
}

size_t ld_text_words(const struct ld_text *t)
{
	return t ? t->words : 0;
}

/* The share of a text's trigrams found in the declared text; -1 if it
 * is too short to judge. */
float ld_text_overlap(const struct ld_text *t, const char *s, size_t len)
{
	uint64_t w[512];
	size_t n = word_hashes(s, len, w, sizeof(w) / sizeof(w[0]));

	if (!t || n < LD_SHINGLE + 3)
		return -1.0f;
	size_t found = 0, total = 0;
	for (size_t k = 0; k + LD_SHINGLE <= n; k++) {
		total++;
		found += set_has(t, shingle_at(w, k));
	}
	return (float)found / (float)total;
}
