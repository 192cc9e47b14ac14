/*
 * phrase.h - matching phrase tables against page text, in any script.
 *
 * Page text is folded once (fold_text) so that one table entry matches
 * every way a page writes it: upper and lower case (ASCII, Latin-1,
 * Latin Extended-A, Greek and Cyrillic letters), the typographic
 * apostrophes (’ ʼ ‘ ´) as ', the dashes (– — −) as -, fullwidth ASCII
 * (ＡＢＣ１２３) as ASCII, and any run of white space as one space.
 * Table entries are written folded: lower case, straight apostrophes.
 *
 * fold_find() matches whole words: a phrase that starts (ends) with a
 * letter or digit must not continue a word of the text, so "sign in"
 * is not found in "design in".  Scripts written without spaces (Chinese,
 * Japanese) have no word edges and match anywhere.
 */
#ifndef EXTRACT_PHRASE_H
#define EXTRACT_PHRASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	/* longer text is cut: the phrases we look for come early */
	FOLD_MAX = 4096,
	FOLD_PAIR_BITS = 4096,
};

struct folded {
	char s[FOLD_MAX];
	size_t len;
	/*
	 * Which byte pairs occur in s (hashed): a phrase whose first two
	 * bytes never occur together is ruled out without a search, and
	 * most of a table's phrases are.
	 */
	uint64_t pairs[FOLD_PAIR_BITS / 64];
};

/* Folds len bytes of UTF-8 text into out (cut at FOLD_MAX - 1 bytes). */
void fold_text(const char *text, size_t len, struct folded *out);

/*
 * Takes len bytes of text that is folded already (a part of a folded
 * text) as out, as fold_text would have made it (cut likewise).
 */
void fold_set(const char *folded, size_t len, struct folded *out);

/* The first whole-word occurrence of phrase in f->s, or NULL. */
const char *fold_find(const struct folded *f, const char *phrase);

/* True if the byte at f->s[at] starts or continues a word. */
bool fold_is_word_at(const struct folded *f, size_t at);

/* The number of space-separated words in f. */
size_t fold_word_count(const char *s, size_t len);

#endif
