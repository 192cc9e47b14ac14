/*
 * errpage_lexicon.h - the error-page phrase and signature tables.
 */
#ifndef EXTRACT_ERRPAGE_LEXICON_H
#define EXTRACT_ERRPAGE_LEXICON_H

#include <stddef.h>

#include "extract/extract.h"

/* Where a phrase may be matched. */
enum {
	IN_TITLE = 1,
	IN_HEADING = 2,
	IN_TEXT = 4,
	IN_ANY = IN_TITLE | IN_HEADING | IN_TEXT,
};

struct error_phrase {
	const char *text;
	enum page_error_kind kind;
	unsigned where;
};

struct kind_word {
	const char *text;
	enum page_error_kind kind;
};

extern const struct error_phrase error_phrases[];
extern const size_t error_phrases_count;
extern const struct kind_word generic_words[];
extern const size_t generic_words_count;
extern const char *const login_phrases[];
extern const size_t login_phrases_count;
extern const struct kind_word signatures[];
extern const size_t signatures_count;
extern const enum page_error_kind kind_order[];
extern const size_t kind_order_count;
extern const char *const code_words[];
extern const size_t code_words_count;

#endif
