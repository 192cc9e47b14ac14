/*
 * extract_title.c - the page's own headline.
 *
 * Order of trust: the title the page declares for sharing (JSON-LD
 * headline, Dublin Core, OpenGraph, Twitter card) without a segment that
 * names the site, then <title> with its site-name part removed, then the
 * visible headings.  A visible <h1>
 * that says the same as a candidate is preferred, since it is what a
 * reader sees.  A candidate that is only the site's name is not a title.
 *
 * Cleaning <title> follows Readability's rule (fx: Readability.js
 * _getArticleTitle): drop the part after the last separator, or before
 * the first one if too little is left, and keep the whole title when the
 * result would be four words or fewer (short titles such as "Page not
 * found - Example" are whole titles).
 */
#include "extract/heuristics.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"

enum {
	TITLE_MAX_HEADINGS = 8,
	TITLE_MIN_CHARS = 2,
	TITLE_MAX_BYTES = 600,
	TITLE_MIN_WORDS_AFTER_CUT = 3,
	TITLE_SHORT_WORDS = 4,
	/* outside these lengths a lone <h1> beats <title> (Readability) */
	TITLE_TOO_SHORT = 15,
	TITLE_TOO_LONG = 150,
};

/* Lower-cased ASCII letters and digits, and all non-ASCII bytes. */
static char *fold(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *out = arena_alloc(a, n + 1);
	size_t o = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x80 || ascii_is_alnum(ch))
			out[o++] = (char)ascii_lower(ch);
	}
	out[o] = '\0';
	return out;
}

static bool same_text(struct arena *a, const char *x, const char *y)
{
	return x && y && !strcmp(fold(a, x), fold(a, y));
}

static size_t count_words(const char *s, size_t len)
{
	size_t words = 0;
	bool in = false;

	for (size_t i = 0; i < len; i++) {
		bool sp = s[i] == ' ';
		if (!sp && !in)
			words++;
		in = !sp;
	}
	return words;
}

/* Separators between a headline and a site name: " | ", " - " ... */
static size_t separator_at(const char *s)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \\ ",
		" / ", " > ", " \xc2\xbb ", " :: ", " \xc2\xb7 ", " \xe2\x80\xa2 ",
		/* CJK titles use the fullwidth bar without spaces */
		" \xef\xbd\x9c ", "\xef\xbd\x9c",
	};
	for (size_t k = 0; k < sizeof(seps) / sizeof(seps[0]); k++) {
		size_t n = strlen(seps[k]);
		if (!strncmp(s, seps[k], n))
			return n;
	}
	return 0;
}

/* The first and last separators of a title ({0, 0} each when none). */
struct separators {
	size_t first, first_len, last, last_len;
};

static struct separators find_separators(const char *title)
{
	struct separators sep = {0, 0, 0, 0};
	size_t len = strlen(title);

	for (size_t i = 0; i < len; i++) {
		size_t n = separator_at(title + i);
		if (!n)
			continue;
		if (!sep.first_len) {
			sep.first = i;
			sep.first_len = n;
		}
		sep.last = i;
		sep.last_len = n;
	}
	return sep;
}

/*
 * The title without a first or last segment that is the site's name, or
 * NULL when no segment is.
 */
static const char *without_site(struct arena *a, const char *title,
				const char *site, struct separators sep)
{
	if (!site || !sep.first_len)
		return NULL;
	if (same_text(a, title + sep.last + sep.last_len, site))
		return arena_strndup(a, title, sep.last);
	if (same_text(a, arena_strndup(a, title, sep.first), site))
		return title + sep.first + sep.first_len;
	return NULL;
}

static const char *clean_title_tag(struct arena *a, const char *title,
				   const char *site)
{
	struct separators sep = find_separators(title);

	if (!sep.first_len)
		return title;
	/* a segment naming the site goes first of all */
	const char *rest = without_site(a, title, site, sep);
	if (rest)
		return clean_title_tag(a, rest, NULL);
	const char *cut = arena_strndup(a, title, sep.last);
	size_t words = count_words(cut, sep.last);
	if (words < TITLE_MIN_WORDS_AFTER_CUT) {
		cut = title + sep.first + sep.first_len;
		words = count_words(cut, strlen(cut));
	}
	if (words <= TITLE_SHORT_WORDS)
		return title;
	return cut;
}

/*
 * A title declared for sharing is the headline as its author wrote it;
 * only a segment that is the site's name is not part of it (a dash in
 * "Bericht zur Lage - worauf wartet die Politik?" is the headline's).
 */
static const char *strip_site(struct arena *a, const char *title,
			      const char *site)
{
	const char *rest = without_site(a, title, site, find_separators(title));

	return rest ? rest : title;
}

/* True when h is a run of whole separator-delimited segments of title. */
static bool is_title_segment(struct arena *a, const char *title, const char *h)
{
	size_t starts[32], ends[32], n = 0;
	size_t seg_start = 0;

	if (!title || !h)
		return false;
	size_t len = strlen(title);
	for (size_t i = 0; i < len && n < 31; i++) {
		size_t sep = separator_at(title + i);
		if (!sep && title[i] == ':' && i + 1 < len && title[i + 1] == ' ')
			sep = 2;
		if (!sep)
			continue;
		starts[n] = seg_start;
		ends[n++] = i;
		seg_start = i + sep;
		i += sep - 1;
	}
	starts[n] = seg_start;
	ends[n++] = len;
	const char *fh = fold(a, h);
	if (!*fh)
		return false;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i; j < n; j++) {
			const char *run = arena_strndup(a, title + starts[i],
							ends[j] - starts[i]);
			if (!strcmp(fold(a, run), fh))
				return true;
		}
	}
	return false;
}

static const char *heading_text(struct page_ctx *c, uint32_t i)
{
	struct blocks b;
	const char *t = NULL;

	blocks_init(&b);
	blocks_build(c->d, i, c->hidden, &b);
	if (b.count) {
		struct buf all;
		buf_init(&all, TITLE_MAX_BYTES * 4);
		for (uint32_t k = 0; k < b.count; k++) {
			if (k)
				(void)buf_append_char(&all, ' ');
			(void)buf_append(&all, block_text(&b, k), b.v[k].len);
		}
		t = text_clean(c->a, all.ptr, all.len);
		buf_release(&all);
	}
	blocks_release(&b);
	return t;
}

static size_t visible_headings(struct page_ctx *c, enum dom_tag tag,
			       const char **out)
{
	const struct dom *d = c->d;
	size_t n = 0;

	for (uint32_t i = c->body; i < d->count && n < TITLE_MAX_HEADINGS;) {
		if (c->hidden[i]) {
			i = d->nodes[i].end;
			continue;
		}
		if (d->nodes[i].tag == tag) {
			const char *t = heading_text(c, i);
			if (t && strlen(t) >= TITLE_MIN_CHARS &&
			    strlen(t) < TITLE_MAX_BYTES)
				out[n++] = t;
			i = d->nodes[i].end;
			continue;
		}
		i++;
	}
	return n;
}

/* A declared title, unless it is empty, overlong or just the site name. */
static const char *usable(struct page_ctx *c, const char *t)
{
	if (!t || strlen(t) < TITLE_MIN_CHARS || strlen(t) > TITLE_MAX_BYTES)
		return NULL;
	if (same_text(c->a, t, c->meta.site_name))
		return NULL;
	return t;
}

const char *title_pick(struct page_ctx *c)
{
	const struct page_meta *m = &c->meta;
	const char *h1s[TITLE_MAX_HEADINGS];
	size_t nh = visible_headings(c, DOM_TAG_H1, h1s);
	const char *declared = usable(c, m->ld_headline);

	if (!declared)
		declared = usable(c, m->dc_title);
	if (!declared)
		declared = usable(c, m->og_title);
	if (!declared)
		declared = usable(c, m->twitter_title);
	const char *tag = usable(c, m->title_tag);
	const char *tag_clean =
		tag ? clean_title_tag(c->a, tag, m->site_name) : NULL;

	for (size_t k = 0; k < nh; k++) {
		if (same_text(c->a, h1s[k], tag_clean) ||
		    (!same_text(c->a, h1s[k], m->site_name) &&
		     (is_title_segment(c->a, declared, h1s[k]) ||
		      is_title_segment(c->a, tag, h1s[k]))))
			return h1s[k];
	}
	if (declared)
		return strip_site(c->a, declared, m->site_name);
	if (tag_clean) {
		size_t len = strlen(tag_clean);
		if (nh == 1 && (len < TITLE_TOO_SHORT || len > TITLE_TOO_LONG))
			return h1s[0];
		return tag_clean;
	}
	if (nh)
		return h1s[0];
	const char *h2s[TITLE_MAX_HEADINGS];
	return visible_headings(c, DOM_TAG_H2, h2s) ? h2s[0] : NULL;
}
