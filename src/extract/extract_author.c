/*
 * extract_author.c - author names, cleaned, whatever their source.
 *
 * Pages write bylines for people to read: "By Jane Doe and John Roe",
 * "Von Jane Doe | 5 min", "jane.doe", "Foto: ...".  Here "By" and its
 * kin are dropped, "A and B" and "A, B" are split (credentials such as
 * "MD" stay with their name), dates and labels after the names are cut,
 * URLs, handles, e-mail addresses and photo credits are refused, and
 * "jane.doe" folds into "Jane Doe".  Organisations are kept apart so
 * that named people can take their place.
 *
 * To extend: add words to the tables (lower case).
 */
#include "extract/heuristics.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "extract/lexicon.h"

enum {
	AUTHOR_MAX_BYTES = 80,
	/* enough of a line to see how it opens */
	OPENER_BYTES = 48,
	AUTHOR_MAX_WORDS = 10,
	/* a credential after a comma: "MD", "PhD", "Jr." */
	CREDENTIAL_MAX_BYTES = 4,
};

/* Words that open a byline before the names. */
/* Where a byline's names end ("Jane Doe | 5 min read", "... am 3.4."). */
static const char *const stops[] = {
	" | ", " \xc2\xb7 ", " \xe2\x80\xa2 ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
	" - ", " on ", " am ", " le ", " el ", " il ", " at ", " posted ",
	" published ", " updated ",
};

/* Names between names. */
static const char *const joiners[] = {
	" and ", " & ", " und ", " et ", " y ", "; ", ", ",
};

static bool has_letter(struct str s)
{
	for (size_t i = 0; i < s.len; i++) {
		if (ascii_is_alpha((unsigned char)s.ptr[i]) ||
		    (unsigned char)s.ptr[i] >= 0x80)
			return true;
	}
	return false;
}

static size_t word_count(struct str s)
{
	size_t n = 0;
	bool in = false;

	for (size_t i = 0; i < s.len; i++) {
		bool sp = s.ptr[i] == ' ';
		n += !sp && !in;
		in = !sp;
	}
	return n;
}

/* s after its first n words (words are separated by spaces). */
static struct str skip_words(struct str s, size_t n)
{
	size_t i = 0;

	while (n-- && i < s.len) {
		while (i < s.len && s.ptr[i] == ' ')
			i++;
		while (i < s.len && s.ptr[i] != ' ')
			i++;
	}
	return str_make(s.ptr + i, s.len - i);
}

/* The byline opener or author label s opens with, or NULL. */
static const struct lexicon_entry *opener_of(struct str s)
{
	struct folded f;
	const struct lexicon_entry *e;

	fold_text(s.ptr, s.len < OPENER_BYTES ? s.len : OPENER_BYTES, &f);
	e = lexicon_opening(&f, LEX_BYLINE_OPENERS);
	return e ? e : lexicon_opening(&f, LEX_AUTHOR_LABELS);
}

/* "By Jane Doe", "Autor: Jane Doe", "Written by: Jane": the names. */
static struct str drop_openers(struct str s)
{
	const struct lexicon_entry *e;

	for (s = str_trim(s); (e = opener_of(s)) != NULL; s = str_trim(s)) {
		struct str rest = skip_words(s, fold_word_count(e->text,
								strlen(e->text)));
		while (rest.len && (rest.ptr[0] == ':' || rest.ptr[0] == ' '))
			rest = str_make(rest.ptr + 1, rest.len - 1);
		if (!rest.len)
			break;
		s = rest;
	}
	return s;
}

static struct str strip_quotes(struct str s)
{
	static const char *const quotes[] = {
		"\"", "'", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xc2\xab", "\xc2\xbb",
	};
	bool again = true;

	while (again && s.len) {
		again = false;
		for (size_t i = 0; i < sizeof(quotes) / sizeof(quotes[0]); i++) {
			size_t n = strlen(quotes[i]);
			if (s.len >= n && !memcmp(s.ptr, quotes[i], n)) {
				s = str_make(s.ptr + n, s.len - n);
				again = true;
			}
			if (s.len >= n && !memcmp(s.ptr + s.len - n, quotes[i], n)) {
				s.len -= n;
				again = true;
			}
		}
		s = str_trim(s);
	}
	return s;
}

/* The part of s before the first stop; s when there is none. */
static struct str cut_at_stops(struct str s)
{
	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		const char *p = str_ifind(s, stops[i]);
		if (p && p > s.ptr)
			s.len = (size_t)(p - s.ptr);
	}
	return s;
}

static bool is_credential(struct str s)
{
	size_t letters = 0;

	s = str_trim(s);
	if (!s.len || s.len > CREDENTIAL_MAX_BYTES + 1)
		return false;
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.ptr[i];
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c != '.' && !(c >= 'a' && c <= 'z'))
			return false;
	}
	return letters > 0 && (s.ptr[0] >= 'A' && s.ptr[0] <= 'Z');
}

/*
 * Cuts s at the first word that ends the names: a label ("Updated"), a
 * number, or a month name before a number ("Mar 14, 2024").
 */
static struct str cut_at_end_words(struct str s)
{
	size_t i = 0;

	while (i < s.len) {
		while (i < s.len && s.ptr[i] == ' ')
			i++;
		size_t w = i;
		while (i < s.len && s.ptr[i] != ' ')
			i++;
		struct str word = str_make(s.ptr + w, i - w);
		bool end = word.len && ascii_is_digit((unsigned char)word.ptr[0]);
		/* "Updated" or "Updated:" */
		struct str bare = word;
		if (bare.len > 1 && bare.ptr[bare.len - 1] == ':')
			bare.len--;
		end = end || lexicon_word(LEX_AUTHOR_ENDS, bare.ptr, bare.len);
		if (!end && date_month_name(word.ptr, word.len) && i + 1 < s.len &&
		    ascii_is_digit((unsigned char)s.ptr[i + 1]))
			end = true;
		if (end)
			return str_trim(str_make(s.ptr, w));
	}
	return s;
}

/* "Foto: Jane Doe", "Source Reuters": a credit, not a byline. */
static bool is_credit(struct str s)
{
	struct folded f;

	fold_text(s.ptr, s.len < OPENER_BYTES ? s.len : OPENER_BYTES, &f);
	const struct lexicon_entry *e = lexicon_opening(&f, LEX_CREDIT_KINDS);
	size_t n = e ? strlen(e->text) : 0;
	return e && f.len > n && (f.s[n] == ':' || f.s[n] == ' ');
}

/* Leading marks before a name: "~ Jane", "- Jane", "· Jane". */
static struct str drop_marks(struct str s)
{
	while (s.len && !ascii_is_alnum((unsigned char)s.ptr[0]) &&
	       (unsigned char)s.ptr[0] < 0x80 && !strchr("\"'(@", s.ptr[0]))
		s = str_make(s.ptr + 1, s.len - 1);
	return str_trim(s);
}

static bool acceptable_name(struct str s)
{
	if (!s.len || s.len > AUTHOR_MAX_BYTES || !has_letter(s) ||
	    word_count(s) > AUTHOR_MAX_WORDS || is_credit(s))
		return false;
	if (str_icontains(s, "http") || str_icontains(s, "www.") ||
	    memchr(s.ptr, '@', s.len) || memchr(s.ptr, '/', s.len) == s.ptr)
		return false;
	return !lexicon_word(LEX_NOT_NAMES, s.ptr, s.len);
}

/*
 * Letters and digits only, lower case, credentials left out: "jane.doe"
 * and "Jane Doe, MD" agree.
 */
static void name_key(const char *s, struct buf *key)
{
	buf_reset(key);
	for (; *s && *s != ','; s++) {
		unsigned char c = (unsigned char)*s;
		if (ascii_is_alnum(c) || c >= 0x80)
			(void)buf_append_char(key, (char)ascii_lower(c));
	}
}

bool author_same(const char *a, const char *b)
{
	struct buf ka, kb;
	bool same;

	buf_init(&ka, AUTHOR_MAX_BYTES * 4);
	buf_init(&kb, AUTHOR_MAX_BYTES * 4);
	name_key(a, &ka);
	name_key(b, &kb);
	same = ka.len && ka.len == kb.len && !memcmp(ka.ptr, kb.ptr, ka.len);
	buf_release(&ka);
	buf_release(&kb);
	return same;
}

static void add_one(struct page_ctx *c, struct str name, bool org)
{
	struct page_meta *m = &c->meta;
	size_t max = sizeof(m->authors) / sizeof(m->authors[0]);

	name = cut_at_end_words(drop_marks(strip_quotes(str_trim(name))));
	while (name.len && (name.ptr[name.len - 1] == ',' ||
			    name.ptr[name.len - 1] == ';'))
		name = str_trim(str_make(name.ptr, name.len - 1));
	if (!acceptable_name(name))
		return;
	const char *s = arena_strndup(c->a, name.ptr, name.len);
	for (size_t i = 0; i < m->author_count; i++) {
		if (!author_same(m->authors[i], s))
			continue;
		/* "jane.doe" gives way to "Jane Doe" */
		if (!strchr(m->authors[i], ' ') && strchr(s, ' '))
			m->authors[i] = s;
		return;
	}
	if (m->author_count < max) {
		m->author_org[m->author_count] = org;
		m->authors[m->author_count++] = s;
	}
}

/* The first joiner in s, or NULL; *len gets its length. */
static const char *next_joiner(struct str s, size_t *len)
{
	const char *best = NULL;

	for (size_t i = 0; i < sizeof(joiners) / sizeof(joiners[0]); i++) {
		const char *p = str_ifind(s, joiners[i]);
		if (p && (!best || p < best)) {
			best = p;
			*len = strlen(joiners[i]);
		}
	}
	return best;
}

void author_add(struct page_ctx *c, const char *raw, bool org)
{
	if (!raw)
		return;
	char *clean = text_clean(c->a, raw, strlen(raw));
	struct str s = str_from(clean);

	if (is_credit(s))
		return;
	s = cut_at_stops(drop_openers(drop_marks(s)));
	struct str name = {s.ptr, 0};
	bool after_comma = false;

	/* names between joiners; "Kubala, MS, RD" keeps its credentials */
	while (s.len) {
		size_t jl = 0;
		const char *j = next_joiner(s, &jl);
		size_t part = j ? (size_t)(j - s.ptr) : s.len;
		struct str piece = str_make(s.ptr, part);
		if (name.len && after_comma && is_credential(piece)) {
			name.len = (size_t)(piece.ptr + piece.len - name.ptr);
		} else {
			if (name.len)
				add_one(c, drop_openers(name), org);
			name = piece;
		}
		after_comma = j && *j == ',';
		s = j ? str_make(j + jl, s.len - part - jl) : str_make(s.ptr + s.len, 0);
	}
	if (name.len)
		add_one(c, drop_openers(name), org);
}

/*
 * Organisations step aside when people are named; so does the site's
 * own name given as an author.
 */
void author_settle(struct page_ctx *c)
{
	struct page_meta *m = &c->meta;
	size_t persons = 0, k = 0;

	for (size_t i = 0; i < m->author_count; i++) {
		if (m->site_name && author_same(m->authors[i], m->site_name))
			m->author_org[i] = true;
		persons += !m->author_org[i];
	}
	if (!persons)
		return;
	for (size_t i = 0; i < m->author_count; i++) {
		if (m->author_org[i])
			continue;
		m->author_org[k] = false;
		m->authors[k++] = m->authors[i];
	}
	m->author_count = k;
}

bool author_only_orgs(const struct page_meta *m)
{
	for (size_t i = 0; i < m->author_count; i++) {
		if (!m->author_org[i])
			return false;
	}
	return true;
}

/*
 * Capitalised words, bar the particles of names: what an unmarked "By"
 * line needs to be a byline and not a sentence ("By the numbers").
 */
bool author_looks_like_name(const char *s)
{
	struct str all = str_from(s);
	size_t i = 0;

	while (i < all.len) {
		size_t w = i;
		while (i < all.len && all.ptr[i] != ' ')
			i++;
		struct str word = str_make(all.ptr + w, i - w);
		unsigned char c0 = (unsigned char)word.ptr[0];
		bool ok = (c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80;
		ok = ok || lexicon_word(LEX_NAME_PARTICLES, word.ptr, word.len);
		if (!ok)
			return false;
		while (i < all.len && all.ptr[i] == ' ')
			i++;
	}
	return true;
}
