/*
 * extract_title.c - the page's own headline.
 *
 * Candidates: JSON-LD headline, og:title, twitter:title, <title>, and
 * the visible <h1>s.  A visible h1 that the metadata agrees with wins
 * (it is what a reader sees as the headline); otherwise the metadata
 * title without its site-name part; then the first heading.
 */
#include "heuristics.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "utf8.h"

enum {
	TITLE_MAX_HEADINGS = 8,
	TITLE_MIN_CHARS = 2,
	TITLE_MAX_BYTES = 600,
};

/* Lower-cased ASCII, letters and digits only, for comparisons. */
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

static const char *const separators[] = {
	" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " :: ", " \xc2\xbb ",
	" \xc2\xab ", " \xc2\xb7 ", " \xe2\x80\xa2 ", " / ", " \xef\xbd\x9c ",
	" ~ ", " : ",
};

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

/* The earliest separator at or after from; sets its length. */
static const char *next_separator(const char *s, size_t *sep_len)
{
	const char *best = NULL;

	for (size_t k = 0; k < sizeof(separators) / sizeof(separators[0]); k++) {
		const char *p = strstr(s, separators[k]);
		if (p && (!best || p < best)) {
			best = p;
			*sep_len = strlen(separators[k]);
		}
	}
	return best;
}

/*
 * Removes a site name from a title: the segment that equals the known
 * site name, else the shorter parts around the longest segment when
 * they are short (a headline is longer than a site name).
 */
static const char *strip_site(struct page_ctx *c, const char *title)
{
	struct { const char *p; size_t len; } seg[16];
	size_t n = 0;
	const char *s = title;
	size_t sep_len = 0;
	const char *site = c->meta.site_name ? fold(c->a, c->meta.site_name) : "";

	while (n < 15) {
		const char *sep = next_separator(s, &sep_len);
		if (!sep)
			break;
		seg[n].p = s;
		seg[n].len = (size_t)(sep - s);
		n++;
		s = sep + sep_len;
	}
	seg[n].p = s;
	seg[n].len = strlen(s);
	n++;
	if (n == 1)
		return title;

	size_t best = 0, best_words = 0;
	for (size_t i = 0; i < n; i++) {
		const char *f = fold(c->a, arena_strndup(c->a, seg[i].p, seg[i].len));
		if (*site && !strcmp(f, site))
			continue;
		size_t w = count_words(seg[i].p, seg[i].len);
		if (w > best_words) {
			best = i;
			best_words = w;
		}
	}
	/* keep neighbouring long segments: "Part one: part two | Site" */
	size_t first = best, last = best;
	while (first > 0 && count_words(seg[first - 1].p, seg[first - 1].len) > 3)
		first--;
	while (last + 1 < n && count_words(seg[last + 1].p, seg[last + 1].len) > 3)
		last++;
	const char *start = seg[first].p;
	const char *end = seg[last].p + seg[last].len;
	return arena_strndup(c->a, start, (size_t)(end - start));
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

static bool agrees(struct page_ctx *c, const char *h, const char *meta)
{
	if (!meta)
		return false;
	const char *fh = fold(c->a, h);
	const char *fm = fold(c->a, meta);
	size_t lh = strlen(fh);
	return lh >= 4 && strstr(fm, fh) && lh * 3 >= strlen(fm);
}

const char *title_pick(struct page_ctx *c)
{
	const struct dom *d = c->d;
	const struct page_meta *m = &c->meta;
	const char *h1s[TITLE_MAX_HEADINGS];
	size_t nh = 0;

	for (uint32_t i = c->body; i < d->count && nh < TITLE_MAX_HEADINGS;) {
		if (c->hidden[i]) {
			i = d->nodes[i].end;
			continue;
		}
		if (d->nodes[i].tag == DOM_TAG_H1) {
			const char *t = heading_text(c, i);
			if (t && strlen(t) >= TITLE_MIN_CHARS &&
			    strlen(t) < TITLE_MAX_BYTES)
				h1s[nh++] = t;
			i = d->nodes[i].end;
			continue;
		}
		i++;
	}
	const char *metas[] = {m->ld_headline, m->og_title, m->twitter_title,
			       m->title_tag};
	for (size_t k = 0; k < nh; k++) {
		for (size_t j = 0; j < sizeof(metas) / sizeof(metas[0]); j++) {
			if (agrees(c, h1s[k], metas[j]))
				return h1s[k];
		}
	}
	for (size_t j = 0; j < sizeof(metas) / sizeof(metas[0]); j++) {
		if (metas[j] && strlen(metas[j]) < TITLE_MAX_BYTES * 2)
			return strip_site(c, metas[j]);
	}
	if (nh)
		return h1s[0];
	uint32_t h2 = dom_find(d, c->body, DOM_TAG_H2);
	return h2 != DOM_NONE ? heading_text(c, h2) : NULL;
}
