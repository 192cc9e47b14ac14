/*
 * extract_lines.c - short lines around an article that are not its text:
 * datelines ("Updated 10:01 pm PST, Tuesday, November 19, 2019"),
 * bylines ("By Jane Doe - 11/18/19"), teaser labels, calls to action,
 * credits, the labels of the page's furniture.  Readers see them as page
 * chrome; the body keeps only what the author wrote as the article.
 *
 * A line qualifies only when it is short and made mostly of such words,
 * so a sentence that merely contains a date stays.  The words are the
 * lexicon's (lexicon.c), matched on the folded line by whole words.
 */
#include "extract/heuristics.h"

#include <string.h>

#include "extract/lexicon.h"

enum {
	LINE_MAX_BYTES = 120,
	BYLINE_MAX_WORDS = 10,
	TEASER_MAX_BYTES = 160,
	PROMO_MAX_BYTES = 260,
	CREDIT_MAX_BYTES = 300,
	PROMO_THRESHOLD = 3,
	CHROME_MAX_BYTES = 80,
	PROMO_OPENER_MAX_BYTES = 160,
	COMMENT_NOTICE_MAX_BYTES = 200,
	POST_META_MAX_BYTES = 200,
	/* a name, not a caption that starts with "Image:" */
	PICTURE_CREDIT_MAX_BYTES = 64,
	/* years a dateline may name */
	YEAR_MIN = 1900,
	YEAR_MAX = 2099,
};

static bool is_word_char(unsigned char ch)
{
	return ch >= 0x80 || ascii_is_alnum(ch) || ch == '-' || ch == '.';
}

/* A year a dateline may name: four digits, 1900-2099. */
static bool is_year(const char *w, size_t n)
{
	unsigned year = 0;

	if (n != 4)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!ascii_is_digit((unsigned char)w[i]))
			return false;
		year = year * 10 + (unsigned)(w[i] - '0');
	}
	return year >= YEAR_MIN && year <= YEAR_MAX;
}

/* "10:01" somewhere in the line: a clock. */
static bool has_clock(const char *s, size_t len)
{
	for (size_t i = 1; i + 2 < len; i++) {
		if (s[i] == ':' && ascii_is_digit((unsigned char)s[i - 1]) &&
		    ascii_is_digit((unsigned char)s[i + 1]) &&
		    ascii_is_digit((unsigned char)s[i + 2]))
			return true;
	}
	return false;
}

static bool has_digits_date(const char *s, size_t len);

static bool has_digit(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ascii_is_digit((unsigned char)w[i]))
			return true;
	}
	return false;
}

/*
 * True for a line made of dates and times: every word is a number, a
 * month, a weekday, a time zone or a label like "Updated", nothing else
 * but at most two other words (a name), and one of its words names a
 * date or a time for certain: a month, a weekday, a clock or calendar
 * number, "today", "ago".
 */
bool line_is_dateline(const char *s, size_t len)
{
	size_t words = 0, dateish = 0, numbers = 0, sure = 0;
	bool after_number = false;

	if (len > LINE_MAX_BYTES)
		return false;
	sure = has_clock(s, len) || has_digits_date(s, len);
	for (size_t i = 0; i < len;) {
		while (i < len && !is_word_char((unsigned char)s[i]))
			i++;
		size_t start = i;
		while (i < len && is_word_char((unsigned char)s[i]))
			i++;
		size_t n = i - start;
		const char *w = s + start;
		while (n && strchr(".-:/", w[n - 1]))
			n--;
		if (!n)
			continue;
		words++;
		const struct lexicon_entry *e;
		if (has_digit(w, n)) {
			numbers++;
			dateish++;
			const struct lexicon_entry *half =
				n >= 3 ? lexicon_word(LEX_DATE_WORDS, w + n - 2, 2)
				       : NULL;
			/* a year, or "3pm" */
			sure += is_year(w, n) ||
				(half && half->value == DATE_WORD_CLOCK &&
				 ascii_is_digit((unsigned char)w[n - 3]));
		} else if (lexicon_word(LEX_MONTHS, w, n) ||
			   lexicon_word(LEX_WEEKDAYS, w, n)) {
			dateish++;
			sure++;
		} else if (lexicon_word(LEX_TIME_ZONES, w, n)) {
			dateish++;
		} else if ((e = lexicon_word(LEX_DATE_WORDS, w, n)) != NULL) {
			dateish++;
			/* "Today", "5 hours ago"; "10 p.m." */
			sure += e->value == DATE_WORD_SURE ||
				(e->value == DATE_WORD_CLOCK && after_number);
		}
		after_number = has_digit(w, n);
	}
	return numbers > 0 && sure > 0 && words - dateish <= 2 &&
	       dateish * 2 > words;
}

/* "By Jane Doe", "By Jane Doe and John Roe - 11/18/19 11:04 PM EST". */
bool line_is_byline(const char *s, size_t len)
{
	struct folded f;

	if (!len || len > LINE_MAX_BYTES)
		return false;
	fold_text(s, len, &f);
	if (!lexicon_opening(&f, LEX_BYLINE_OPENERS) ||
	    fold_word_count(f.s, f.len) > BYLINE_MAX_WORDS)
		return false;
	/* a sentence starting "By the end ..." ends with a stop */
	return !(s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

/*
 * "Read also: <headline>", "Lesen Sie auch", "Explore further": pointers
 * to other pages set between paragraphs.  Matched at the start of a
 * short line only.
 */
bool line_is_teaser(const char *s, size_t len)
{
	struct folded f;

	if (len > TEASER_MAX_BYTES)
		return false;
	fold_text(s, len, &f);
	return lexicon_opening(&f, LEX_TEASER_LABELS) != NULL;
}

/*
 * Calls to action set among paragraphs: follow us, subscribe, sign up
 * for the newsletter, reach the author.  Each cue has a weight; a short
 * block needs PROMO_THRESHOLD, so an article that mentions Twitter once
 * keeps its sentence.
 */
bool line_is_promo(const char *s, size_t len)
{
	struct folded f;

	if (len > PROMO_MAX_BYTES)
		return false;
	fold_text(s, len, &f);
	if (len <= PROMO_OPENER_MAX_BYTES &&
	    lexicon_opening(&f, LEX_PROMO_OPENERS))
		return true;
	return lexicon_weigh(&f, LEX_PROMO_CUES) >= PROMO_THRESHOLD;
}

/*
 * Wire-service credits closing a story: "(Reporting by ...; Editing by
 * ...)", "... contributed to this report."
 */
bool line_is_credit(const char *s, size_t len)
{
	struct folded f;

	if (len > CREDIT_MAX_BYTES)
		return false;
	fold_text(s, len, &f);
	return lexicon_opening(&f, LEX_CREDIT_OPENERS) ||
	       lexicon_find(&f, LEX_CREDIT_PHRASES);
}

/* The line without the punctuation a label may carry at its ends. */
static void fold_label(const char *s, size_t len, struct folded *f)
{
	fold_text(s, len, f);
	size_t n = f->len;
	while (n && strchr(".:!", f->s[n - 1]))
		n--;
	/* "…" */
	while (n >= 3 && !memcmp(f->s + n - 3, "\xe2\x80\xa6", 3))
		n -= 3;
	if (n != f->len)
		fold_set(f->s, n, f);
}

/*
 * A count standing alone, "(4824)", or a gallery's counter, "Image 1 of
 * 23", "3 / 12": numbers a widget prints, with at most one word before.
 */
static bool is_counter(const struct folded *f)
{
	size_t numbers = 0, words = 0, joins = 0;

	for (size_t i = 0; i < f->len;) {
		while (i < f->len && strchr(" ()[]", f->s[i]))
			i++;
		size_t start = i;
		while (i < f->len && !strchr(" ()[]", f->s[i]))
			i++;
		size_t n = i - start;
		const char *w = f->s + start;
		if (!n)
			continue;
		size_t digits = 0;
		for (size_t k = 0; k < n; k++)
			digits += ascii_is_digit((unsigned char)w[k]) || w[k] == ',';
		if (digits == n)
			numbers++;
		else if ((n == 1 && w[0] == '/') || (n == 2 && !memcmp(w, "of", 2)))
			joins++;
		else if (numbers || ++words > 1)
			return false;
	}
	return (numbers == 1 && !joins && !words) ||
	       (numbers == 2 && joins >= 1 && joins <= 2);
}

/*
 * Labels a page prints beside its furniture ("Advertisement", "Share")
 * and notices a player or a gallery shows in place of itself ("Media
 * playback is unsupported on your device").  The whole line must be the
 * label, so a sentence that mentions an advertisement stays.
 */
bool line_is_chrome(const char *s, size_t len)
{
	struct folded f;

	if (len > CHROME_MAX_BYTES)
		return false;
	fold_label(s, len, &f);
	return lexicon_whole(&f, LEX_CHROME_LABELS) || is_counter(&f) ||
	       lexicon_opening(&f, LEX_CHROME_NOTICES) ||
	       (f.len <= PICTURE_CREDIT_MAX_BYTES &&
		lexicon_opening(&f, LEX_PICTURE_CREDITS));
}

/*
 * What a comment box says about itself ("Comments are closed.", "we are
 * moderating all comments", "comments ... will not be approved by the
 * moderator"): a comment word and a word of its rules, in a short line.
 */
bool line_is_comment_notice(const char *s, size_t len)
{
	struct folded f;

	if (len > COMMENT_NOTICE_MAX_BYTES)
		return false;
	fold_text(s, len, &f);
	return lexicon_find(&f, LEX_COMMENT_WORDS) &&
	       lexicon_find(&f, LEX_COMMENT_RULES);
}

static bool has_digits_date(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 < len; i++) {
		if (ascii_is_digit((unsigned char)s[i]) &&
		    (s[i + 1] == '/' || s[i + 1] == '.' || s[i + 1] == '-' ||
		     (ascii_is_digit((unsigned char)s[i + 1]) &&
		      (s[i + 2] == '/' || s[i + 2] == '.' || s[i + 2] == '-'))))
			return true;
	}
	return false;
}

/*
 * The line a blog engine prints over a post: "05/10/2018 - Posted by:
 * Jane Doe - Category: Health - Tags: ferry".  Two of its labels, or one
 * with a date, in a short line that is not a sentence.
 */
bool line_is_post_meta(const char *s, size_t len)
{
	struct folded f;

	if (!len || len > POST_META_MAX_BYTES || s[len - 1] == '.' ||
	    s[len - 1] == '!' || s[len - 1] == '?')
		return false;
	fold_text(s, len, &f);
	size_t labels = lexicon_count(&f, LEX_POST_META_LABELS);
	return labels >= 2 || (labels == 1 && has_digits_date(s, len));
}
