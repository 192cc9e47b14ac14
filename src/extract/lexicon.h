/*
 * lexicon.h - every word list of the extraction, in one place, and the
 * one way words of a page are matched against them.
 *
 * Lists of words of text (datelines, bylines, teaser labels, calls to
 * action, legal notices...) are written folded (phrase.h: lower case,
 * straight apostrophes, single spaces) and matched through fold_find():
 * on folded text, by whole words, so one entry matches "À lire aussi",
 * "À LIRE AUSSI" and "à lire aussi", and "follow me" is not found in
 * "follow meetings".  An entry carries a value: a weight, a month's
 * number, a zone's offset, or 0.
 *
 * Lists of parts of class and id names ("sidebar", "-ad-") are matched
 * as substrings of the identifier, since authors glue words together
 * ("leftsidebar", "post-share"): class_weight() and
 * class_is_boilerplate().
 *
 * To extend: add the entry, folded, to its list in lexicon.c;
 * tests/unit/test_lexicon.c checks that every entry is folded, given
 * once, and not shadowed by another list of its group.
 */
#ifndef EXTRACT_LEXICON_H
#define EXTRACT_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dom/dom.h"
#include "extract/phrase.h"

enum lexicon_id {
	/* dates */
	LEX_MONTHS,          /* value: the month, 1-12 */
	LEX_WEEKDAYS,
	LEX_TIME_ZONES,      /* value: minutes east of UTC */
	LEX_DATE_WORDS,      /* the other words of a dateline */
	LEX_DATE_OPENERS,    /* "Published", "Datum": a date line's label */
	/* who wrote it */
	LEX_BYLINE_OPENERS,  /* "By", "Von", "Por", "Written by" */
	LEX_AUTHOR_LABELS,   /* "Author", "Autor", "Text:" */
	LEX_AUTHOR_ENDS,     /* words after the names: "updated", "on" */
	LEX_CREDIT_KINDS,    /* "Photo", "Quelle": credits of others */
	LEX_NOT_NAMES,       /* "admin", "anonymous": accounts, not people */
	LEX_NAME_PARTICLES,  /* "van", "de", "bin" */
	LEX_META_BYLINE_LABELS, /* twitter:labelN saying "Written by" */
	/* page furniture among the paragraphs */
	LEX_TEASER_LABELS,   /* "Read also:", "Lesen Sie auch" */
	LEX_PROMO_CUES,      /* value: weight; "follow us", "newsletter" */
	LEX_PROMO_OPENERS,   /* "Subscribe to", "Sign up for" */
	LEX_CREDIT_OPENERS,  /* "Reporting by", "Editing by" */
	LEX_CREDIT_PHRASES,  /* "contributed to this report" */
	LEX_CHROME_LABELS,   /* a whole line: "Advertisement", "Share" */
	LEX_CHROME_NOTICES,  /* "Reading time", "©", "Please enable JavaScript" */
	LEX_PICTURE_CREDITS, /* "Photo:", "Image credit" */
	LEX_COMMENT_WORDS,   /* "comments", "Kommentare" */
	LEX_COMMENT_RULES,   /* "are closed", "moderated" */
	LEX_POST_META_LABELS, /* "Posted in", "Tags:" */
	/* notices about the content */
	LEX_LEGAL_PHRASES,   /* value: weight */
	LEX_OTHER_NOTICES,   /* value: (negative) weight; cookies, newsletters */
	LEX_PROFILE_PHRASES, /* value: weight; a press release's company */
	LEX_PROFILE_VERBS,   /* "is a", "est un": a profile's opening */
	LEX_SELF_REFERENCES, /* "this article", "the author", "we" */
	LEX_NOTICE_LABELS,   /* "Disclaimer", "Affiliate disclosure" */
	LEX_COUNT
};

/* The values of LEX_DATE_WORDS. */
enum {
	DATE_WORD_SURE = 1,  /* the line is a date: "today", "ago" */
	DATE_WORD_CLOCK = 2, /* after a number, a time: "pm", "Uhr" */
};

struct lexicon_entry {
	const char *text;
	int value;
};

struct lexicon_list {
	const char *name;  /* as the lists are named above, for tests */
	const char *group; /* lists matched against the same text */
	const struct lexicon_entry *entries;
	size_t count;
};

const struct lexicon_list *lexicon_list(enum lexicon_id id);

/* The first entry of the list found in f, by whole words, or NULL. */
const struct lexicon_entry *lexicon_find(const struct folded *f,
					 enum lexicon_id id);

/* The sum of the values of the entries found in f. */
int lexicon_weigh(const struct folded *f, enum lexicon_id id);

/* How many of the list's entries are found in f. */
size_t lexicon_count(const struct folded *f, enum lexicon_id id);

/* The entry f opens with, ending at a word's edge, or NULL. */
const struct lexicon_entry *lexicon_opening(const struct folded *f,
					    enum lexicon_id id);

/* The entry that f is, whole, or NULL. */
const struct lexicon_entry *lexicon_whole(const struct folded *f,
					  enum lexicon_id id);

/* The entry a word of page text is (folded first), or NULL. */
const struct lexicon_entry *lexicon_word(enum lexicon_id id, const char *w,
					 size_t len);

/* class/id vocabulary (the substring lists) */
int class_weight(const struct dom *d, uint32_t i);
bool class_is_boilerplate(const struct dom *d, uint32_t i);
/* A class token that CSS frameworks define as hidden ("d-none"). */
bool class_token_hides(const char *tok, size_t len);

#endif
