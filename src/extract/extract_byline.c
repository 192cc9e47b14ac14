/*
 * extract_byline.c - who wrote the page and when, as its readers see it.
 *
 * When the metadata names no person or gives no date, the page itself
 * is read, as Readability reads bylines (fx: Readability.js
 * _isValidByline, "byline|author|dateline|writtenby|p-author") and as
 * hAtom and schema.org microdata mark them (rel=author, itemprop=author
 * and datePublished, <abbr class=published>, <time datetime>), then the
 * URL's /YYYY/MM/DD/.  Names found go through author_add()
 * (extract_author.c) like those of the metadata.
 *
 * Where to look: strong marks (microdata, rel=author) count anywhere
 * outside comment threads; weak ones (class names, a bare <time>, a line
 * starting "By" or "Published") only around the article: the smallest
 * element holding the main content and the headline.  Listings of other
 * articles carry bylines and dates too, and those are not this page's.
 */
#include "extract/heuristics.h"

#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "extract/lexicon.h"

enum {
	/* a byline element with more text than this is a bio or a box */
	BYLINE_MAX_TEXT = 160,
	/* an unmarked "By Jane Doe" line is about a name long */
	BYLINE_LINE_MAX_BYTES = 80,
	BYLINE_TEXT_BUF = 1024,
	/* "By Jane Doe" or "Published: 3.4.2021" is a small element */
	LINE_MAX_NODES = 12,
	/* enough of a line to see how it opens */
	LINE_OPENING_BYTES = 48,
	/* time zones put "now" up to a day ahead somewhere */
	BYLINE_FUTURE_SLACK = 24 * 60 * 60,
};

/* ---- where to look ---- */

static uint32_t common_ancestor(const struct dom *d, uint32_t a, uint32_t b)
{
	while (a != b && a != DOM_NONE && b != DOM_NONE) {
		if (d->nodes[a].depth >= d->nodes[b].depth)
			a = d->nodes[a].parent;
		else
			b = d->nodes[b].parent;
	}
	return a == b ? a : 0;
}

static bool heading_is_title(struct page_ctx *c, uint32_t h)
{
	const struct dom *d = c->d;
	struct buf t;
	bool same;

	if (!c->title)
		return false;
	buf_init(&t, BYLINE_TEXT_BUF);
	for (uint32_t k = h + 1; k < d->nodes[h].end; k++)
		(void)buf_append(&t, d->nodes[k].text.ptr, d->nodes[k].text.len);
	const char *s = text_clean(c->a, t.ptr, t.len);
	same = *s && (author_same(s, c->title) ||
		      str_icontains(str_from(c->title), s));
	buf_release(&t);
	return same;
}

/* The smallest element holding the main content and its headline. */
static uint32_t article_scope(struct page_ctx *c)
{
	const struct dom *d = c->d;
	uint32_t scope = DOM_NONE;

	if (!c->content)
		return c->body;
	for (uint32_t i = c->body; i < d->count; i++) {
		uint32_t p = d->nodes[i].parent;
		if (!c->content[i] || (p != DOM_NONE && c->content[p]))
			continue;
		scope = scope == DOM_NONE ? i : common_ancestor(d, scope, i);
		i = d->nodes[i].end - 1;
	}
	if (scope == DOM_NONE)
		return c->body;
	for (uint32_t i = c->body; i < d->count; i++) {
		if (d->nodes[i].tag == DOM_TAG_H1 && !c->hidden[i] &&
		    heading_is_title(c, i)) {
			scope = common_ancestor(d, scope, i);
			break;
		}
	}
	return scope < c->body ? c->body : scope;
}

/* Nodes inside comment threads, where other people sign and date. */
static uint8_t *comment_marks(struct page_ctx *c)
{
	const struct dom *d = c->d;
	uint8_t *in = arena_calloc(c->a, d->count, 1);

	for (uint32_t i = 0; i < d->count; i++) {
		uint32_t p = d->nodes[i].parent;
		in[i] = (p != DOM_NONE && in[p]) ||
			(d->nodes[i].type == DOM_ELEMENT &&
			 (str_icontains(dom_attr(d, i, "class"), "comment") ||
			  str_icontains(dom_attr(d, i, "id"), "comment")));
	}
	return in;
}

/* The subtree's text with a space between text nodes, cleaned. */
static const char *node_text(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;
	struct buf t;

	buf_init(&t, BYLINE_TEXT_BUF);
	for (uint32_t k = i + 1; k < d->nodes[i].end; k++) {
		if (d->nodes[k].tag == DOM_TAG_SCRIPT || d->nodes[k].tag == DOM_TAG_STYLE) {
			k = d->nodes[k].end - 1;
			continue;
		}
		if (d->nodes[k].type != DOM_TEXT)
			continue;
		if (buf_append(&t, d->nodes[k].text.ptr, d->nodes[k].text.len) ||
		    buf_append_char(&t, ' '))
			break;
	}
	const char *s = text_clean(c->a, t.ptr, t.len);
	buf_release(&t);
	return s;
}

/* A class or id token that names a byline, as Readability's pattern. */
static bool byline_class(const struct dom *d, uint32_t i)
{
	static const char *const marks[] = {
		"byline", "author", "writtenby", "p-author", "autor", "auteur",
	};
	static const char *const not_marks[] = {
		"avatar", "bio", "image", "img", "photo", "thumb", "comment",
		"social", "follow", "more", "about", "description", "authori",
	};
	struct str names[2] = {dom_attr(d, i, "class"), dom_attr(d, i, "id")};
	bool hit = false;

	for (int k = 0; k < 2; k++) {
		if (!names[k].len)
			continue;
		if (str_ifind_any(names[k], not_marks, COUNT(not_marks)) >= 0)
			return false;
		hit |= str_ifind_any(names[k], marks, COUNT(marks)) >= 0;
	}
	return hit;
}

static bool itemprop_is(const struct dom *d, uint32_t i, const char *word)
{
	struct str p = dom_attr(d, i, "itemprop");

	return p.len && str_icontains(p, word);
}

/* An itemprop=author element's name: its itemprop=name, else its text. */
static const char *microdata_name(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;
	struct str content = dom_attr(d, i, "content");

	if (content.len)
		return text_clean(c->a, content.ptr, content.len);
	for (uint32_t k = i + 1; k < d->nodes[i].end; k++) {
		if (d->nodes[k].type == DOM_ELEMENT && itemprop_is(d, k, "name")) {
			struct str v = dom_attr(d, k, "content");
			return v.len ? text_clean(c->a, v.ptr, v.len) : node_text(c, k);
		}
	}
	return node_text(c, i);
}

/* The first text of small element i opens with an entry of the list. */
static bool line_starts(const struct dom *d, uint32_t i, enum lexicon_id id)
{
	if (d->nodes[i].end - i > LINE_MAX_NODES)
		return false;
	for (uint32_t k = i + 1; k < d->nodes[i].end; k++) {
		if (d->nodes[k].type != DOM_TEXT)
			continue;
		struct str t = str_trim(d->nodes[k].text);
		struct folded f;
		/* the openers are a few words: their end is all it takes */
		fold_text(t.ptr, t.len < LINE_OPENING_BYTES ? t.len
							   : LINE_OPENING_BYTES,
			  &f);
		return lexicon_opening(&f, id) != NULL;
	}
	return false;
}

/*
 * Adds the names of byline element i; false when it named no one.  An
 * element marked only by how its text starts must hold names alone.
 */
static bool try_byline(struct page_ctx *c, uint32_t i, bool strong,
		       bool unmarked)
{
	struct page_meta *m = &c->meta;
	size_t before = m->author_count;
	const char *text = strong ? microdata_name(c, i) : node_text(c, i);

	if (!*text || strlen(text) > (unmarked ? BYLINE_LINE_MAX_BYTES : BYLINE_MAX_TEXT))
		return false;
	author_add(c, text, false);
	for (size_t k = before; unmarked && k < m->author_count; k++) {
		if (!author_looks_like_name(m->authors[k])) {
			m->author_count = before;
			return false;
		}
	}
	return m->author_count > before;
}

static bool strong_byline(const struct dom *d, uint32_t i)
{
	return itemprop_is(d, i, "author") ||
	       (d->nodes[i].tag == DOM_TAG_A &&
		str_ieq(str_trim(dom_attr(d, i, "rel")), "author"));
}

/*
 * The first byline around the article that names someone; failing
 * that, the first strong one anywhere.
 */
static void byline_authors(struct page_ctx *c, uint32_t scope,
			   const uint8_t *comments)
{
	const struct dom *d = c->d;
	bool found = false;

	for (int pass = 0; pass < 2 && !found; pass++) {
		for (uint32_t i = c->body; i < d->count && !found; i++) {
			if (d->nodes[i].type != DOM_ELEMENT || comments[i])
				continue;
			bool strong = strong_byline(d, i);
			bool in_scope = i >= scope && i < d->nodes[scope].end;
			bool marked = strong || byline_class(d, i);
			bool unmarked = !marked &&
					line_starts(d, i, LEX_BYLINE_OPENERS);
			if (pass == 0 && in_scope && (marked || unmarked))
				found = try_byline(c, i, strong, unmarked);
			else if (pass == 1 && strong && !in_scope)
				found = try_byline(c, i, true, false);
		}
	}
	/* the page's own byline names people: the organisations go */
	if (found)
		author_settle(c);
}

/* ---- dates ---- */

static const char *date_in(struct page_ctx *c, struct str s)
{
	struct date_value v;

	if (!s.len || !date_parse(s.ptr, s.len, &v))
		return NULL;
	if (v.epoch > c->meta.now + BYLINE_FUTURE_SLACK)
		return NULL;
	return arena_strdup(c->a, v.iso);
}

/* An element that states the publication date in markup. */
static const char *strong_date(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;
	struct str cls = dom_attr(d, i, "class");

	if (itemprop_is(d, i, "datepublished")) {
		struct str v = dom_attr(d, i, "content");
		if (!v.len)
			v = dom_attr(d, i, "datetime");
		return v.len ? date_in(c, v) : date_in(c, str_from(node_text(c, i)));
	}
	if (d->nodes[i].tag == DOM_TAG_TIME && dom_has_attr(d, i, "pubdate"))
		return date_in(c, dom_attr(d, i, "datetime"));
	/* hAtom: <abbr class="published" title="2015-03-10T08:05:41-07:00"> */
	if (str_icontains(cls, "published") && !str_icontains(cls, "update")) {
		struct str v = dom_attr(d, i, "datetime");
		if (!v.len)
			v = dom_attr(d, i, "title");
		if (v.len)
			return date_in(c, v);
	}
	return NULL;
}

static bool date_class(const struct dom *d, uint32_t i)
{
	static const char *const marks[] = {
		"date", "time", "publish", "posted", "dateline", "byline", "meta",
		"author",
	};
	struct str cls = dom_attr(d, i, "class");
	struct str id = dom_attr(d, i, "id");

	if (str_icontains(cls, "update") || str_icontains(cls, "modif"))
		return false;
	return str_ifind_any(cls, marks, COUNT(marks)) >= 0 ||
	       str_ifind_any(id, marks, COUNT(marks)) >= 0;
}

/* A date the page shows near its article (a <time>, a dated line). */
static const char *scoped_date(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;

	if (d->nodes[i].tag == DOM_TAG_TIME) {
		struct str v = dom_attr(d, i, "datetime");
		const char *r = v.len ? date_in(c, v) : NULL;
		return r ? r : date_in(c, str_from(node_text(c, i)));
	}
	if (!date_class(d, i) &&
	    !line_starts(d, i, LEX_DATE_OPENERS))
		return NULL;
	const char *text = node_text(c, i);
	return strlen(text) <= BYLINE_MAX_TEXT ? date_in(c, str_from(text)) : NULL;
}

/* "/2019/01/18/" or "/2019-01-18" in a URL. */
static const char *url_date(struct page_ctx *c, const char *url)
{
	if (!url)
		return NULL;
	for (const char *p = strchr(url, '/'); p; p = strchr(p + 1, '/')) {
		char iso[11];
		const char *q = p + 1;
		size_t n = 0;
		for (; n < 10 && *q; q++) {
			if (ascii_is_digit((unsigned char)*q) && n != 4 && n != 7)
				iso[n++] = *q;
			else if ((*q == '/' || *q == '-') && (n == 4 || n == 7))
				iso[n++] = '-';
			else
				break;
		}
		if (n == 10 && (*q == '/' || *q == '-' || *q == '\0')) {
			iso[10] = '\0';
			const char *r = date_in(c, str_make(iso, 10));
			if (r)
				return r;
		}
	}
	return NULL;
}

static const char *byline_date(struct page_ctx *c, uint32_t scope,
			       const uint8_t *comments)
{
	const struct dom *d = c->d;
	const char *scoped = NULL;

	for (uint32_t i = c->body; i < d->count; i++) {
		if (d->nodes[i].type != DOM_ELEMENT || comments[i])
			continue;
		const char *r = strong_date(c, i);
		if (r)
			return r;
		if (!scoped && i >= scope && i < d->nodes[scope].end)
			scoped = scoped_date(c, i);
	}
	if (scoped)
		return scoped;
	const char *r = url_date(c, c->meta.canonical);
	return r ? r : url_date(c, c->facts ? c->facts->url : NULL);
}

void byline_from_page(struct page_ctx *c)
{
	struct page_meta *m = &c->meta;

	author_settle(c);
	if (m->published && m->author_count && !author_only_orgs(m))
		return;
	uint32_t scope = article_scope(c);
	uint8_t *comments = comment_marks(c);
	if (!m->published)
		m->published = byline_date(c, scope, comments);
	if (!m->author_count || author_only_orgs(m))
		byline_authors(c, scope, comments);
}
