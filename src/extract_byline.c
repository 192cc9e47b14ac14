/*
 * extract_byline.c - who wrote the page and when, as its readers see it.
 *
 * Two jobs.  Author names from any source are cleaned here: "By" and
 * its kin dropped, "A and B" and "A, B" split (credentials such as
 * "MD" stay with their name), URLs, handles and e-mail addresses
 * refused, and "jane.doe" folded into "Jane Doe".  And when the
 * metadata names no person or gives no date, the page itself is read,
 * as Readability reads bylines (fx: Readability.js _isValidByline,
 * "byline|author|dateline|writtenby|p-author") and as hAtom and
 * schema.org microdata mark them (rel=author, itemprop=author and
 * datePublished, <abbr class=published>, <time datetime>).
 *
 * Where to look: strong marks (microdata, rel=author) count anywhere
 * outside comment threads; weak ones (class names, a bare <time>) only
 * around the article: the smallest element holding the main content and
 * the headline.  Listings of other articles carry bylines and dates too,
 * and those are not this page's.
 */
#include "heuristics.h"

#include <string.h>

#include "arena.h"
#include "buf.h"

enum {
	AUTHOR_MAX_BYTES = 80,
	AUTHOR_MAX_WORDS = 10,
	/* a byline element with more text than this is a bio or a box */
	BYLINE_MAX_TEXT = 160,
	BYLINE_TEXT_BUF = 1024,
	/* a credential after a comma: "MD", "PhD", "Jr." */
	CREDENTIAL_MAX_BYTES = 4,
	/* "By Jane Doe" or "Published: 3.4.2021" is a small element */
	LINE_MAX_NODES = 12,
};

/* How a byline line starts when no class marks it. */
static const char *const line_openers[] = {
	"by ", "von ", "par ", "written by ", "posted by ",
};

/* How a dateline starts when no class marks it. */
static const char *const date_labels[] = {
	"published", "posted", "date", "datum", "ver\xc3\xb6" "ffentlicht",
	"ver\xc3\xb6" "ffentlichung", "publi\xc3\xa9", "publicado",
	"pubblicato", "erschienen",
};

/* Words that open a byline before the names. */
static const char *const openers[] = {
	"written by", "posted by", "published by", "reporting by", "story by",
	"text by", "words by", "by", "von", "par", "por", "door", "di", "av",
	"author", "authors", "autor", "autorin", "auteur", "text:",
	"redaktion:",
};

/* Words where a byline's names have ended: dates and labels. */
static const char *const end_words[] = {
	"last", "updated", "update", "published", "posted", "modified", "min",
	"read", "ago", "aktualisiert", "ver\xc3\xb6" "ffentlicht", "publi\xc3\xa9",
	"mis", "on", "am", "le", "at", "um", "|",
};

/* Credits that name someone other than the writer. */
static const char *const credit_prefixes[] = {
	"foto", "photo", "bild", "image", "credit", "quelle", "source",
	"illustration", "video",
};

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

/* Accounts and labels, not people. */
static const char *const not_names[] = {
	"admin", "administrator", "anonymous", "unknown", "guest", "user",
	"null", "undefined", "by", "author", "authors",
};

/* ---- names ---- */

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

static struct str drop_openers(struct str s)
{
	bool again = true;

	while (again) {
		again = false;
		s = str_trim(s);
		for (size_t i = 0; i < sizeof(openers) / sizeof(openers[0]); i++) {
			size_t n = strlen(openers[i]);
			bool colon = openers[i][n - 1] == ':';
			if (s.len > n && str_starts_with_i(s, openers[i]) &&
			    (colon || s.ptr[n] == ' ' || s.ptr[n] == ':')) {
				s = str_make(s.ptr + n, s.len - n);
				while (s.len && (s.ptr[0] == ':' || s.ptr[0] == ' '))
					s = str_make(s.ptr + 1, s.len - 1);
				again = true;
				break;
			}
		}
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
		for (size_t k = 0; !end && k < sizeof(end_words) / sizeof(end_words[0]); k++)
			end = str_ieq(word, end_words[k]) ||
			      (str_starts_with_i(word, end_words[k]) &&
			       word.len == strlen(end_words[k]) + 1 &&
			       word.ptr[word.len - 1] == ':');
		if (!end && date_month_name(word.ptr, word.len) && i + 1 < s.len &&
		    ascii_is_digit((unsigned char)s.ptr[i + 1]))
			end = true;
		if (end)
			return str_trim(str_make(s.ptr, w));
	}
	return s;
}

static bool is_credit(struct str s)
{
	for (size_t i = 0; i < sizeof(credit_prefixes) / sizeof(credit_prefixes[0]); i++) {
		size_t n = strlen(credit_prefixes[i]);
		if (str_starts_with_i(s, credit_prefixes[i]) && s.len > n &&
		    (s.ptr[n] == ':' || s.ptr[n] == ' '))
			return true;
	}
	return false;
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
	for (size_t i = 0; i < sizeof(not_names) / sizeof(not_names[0]); i++) {
		if (str_ieq(s, not_names[i]))
			return false;
	}
	return true;
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

static bool same_person(const char *a, const char *b)
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
		if (!same_person(m->authors[i], s))
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
static void authors_settle(struct page_ctx *c)
{
	struct page_meta *m = &c->meta;
	size_t persons = 0, k = 0;

	for (size_t i = 0; i < m->author_count; i++) {
		if (m->site_name && same_person(m->authors[i], m->site_name))
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

static bool only_orgs(const struct page_meta *m)
{
	for (size_t i = 0; i < m->author_count; i++) {
		if (!m->author_org[i])
			return false;
	}
	return true;
}

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
	same = *s && (same_person(s, c->title) ||
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
		for (size_t w = 0; w < sizeof(marks) / sizeof(marks[0]); w++)
			hit |= str_icontains(names[k], marks[w]);
		for (size_t w = 0; w < sizeof(not_marks) / sizeof(not_marks[0]); w++) {
			if (str_icontains(names[k], not_marks[w]))
				return false;
		}
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

/* The first text of small element i starts with one of words. */
static bool line_starts(const struct dom *d, uint32_t i,
			const char *const *words, size_t n)
{
	if (d->nodes[i].end - i > LINE_MAX_NODES)
		return false;
	for (uint32_t k = i + 1; k < d->nodes[i].end; k++) {
		if (d->nodes[k].type != DOM_TEXT)
			continue;
		struct str t = str_trim(d->nodes[k].text);
		for (size_t w = 0; w < n; w++) {
			if (str_starts_with_i(t, words[w]))
				return true;
		}
		return false;
	}
	return false;
}

/*
 * Capitalised words, bar the particles of names: what an unmarked "By"
 * line needs to be a byline and not a sentence ("By the numbers").
 */
static bool looks_like_name(const char *s)
{
	static const char *const particles[] = {
		"van", "von", "der", "den", "de", "du", "la", "le", "da", "di",
		"del", "dos", "bin", "al", "of",
	};
	struct str all = str_from(s);
	size_t i = 0;

	while (i < all.len) {
		size_t w = i;
		while (i < all.len && all.ptr[i] != ' ')
			i++;
		struct str word = str_make(all.ptr + w, i - w);
		unsigned char c0 = (unsigned char)word.ptr[0];
		bool ok = (c0 >= 'A' && c0 <= 'Z') || c0 >= 0x80;
		for (size_t k = 0; !ok && k < sizeof(particles) / sizeof(particles[0]); k++)
			ok = str_ieq(word, particles[k]);
		if (!ok)
			return false;
		while (i < all.len && all.ptr[i] == ' ')
			i++;
	}
	return true;
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

	if (!*text || strlen(text) > (unmarked ? AUTHOR_MAX_BYTES : BYLINE_MAX_TEXT))
		return false;
	author_add(c, text, false);
	for (size_t k = before; unmarked && k < m->author_count; k++) {
		if (!looks_like_name(m->authors[k])) {
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
					line_starts(d, i, line_openers,
						    sizeof(line_openers) /
							    sizeof(line_openers[0]));
			if (pass == 0 && in_scope && (marked || unmarked))
				found = try_byline(c, i, strong, unmarked);
			else if (pass == 1 && strong && !in_scope)
				found = try_byline(c, i, true, false);
		}
	}
	/* the page's own byline names people: the organisations go */
	if (found)
		authors_settle(c);
}

/* ---- dates ---- */

static const char *date_in(struct page_ctx *c, struct str s)
{
	struct date_value v;

	if (!s.len || !date_parse(s.ptr, s.len, &v))
		return NULL;
	if (v.epoch > c->meta.now + 24 * 60 * 60)
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
	for (size_t k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		if (str_icontains(cls, marks[k]) || str_icontains(id, marks[k]))
			return true;
	}
	return false;
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
	    !line_starts(d, i, date_labels, sizeof(date_labels) / sizeof(date_labels[0])))
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

	authors_settle(c);
	if (m->published && m->author_count && !only_orgs(m))
		return;
	uint32_t scope = article_scope(c);
	uint8_t *comments = comment_marks(c);
	if (!m->published)
		m->published = byline_date(c, scope, comments);
	if (!m->author_count || only_orgs(m))
		byline_authors(c, scope, comments);
}
