/*
 * extract_meta.c - what the page says about itself.
 *
 * Sources, most specific first: JSON-LD (schema.org), OpenGraph and
 * Twitter cards, Dublin Core and plain <meta> names, <link rel>, the
 * <html lang> attribute and <title>.  Later passes only fill what earlier
 * ones left empty, with one exception: the dates of the first JSON-LD
 * article win over <meta> dates, which templates copy between pages.
 *
 * Invariants: dates are stored ISO 8601 or not at all (a value that does
 * not read as a date, or lies in the future, is skipped so that a later
 * source can fill the field); authors enter only through author_add(),
 * which cleans and splits them; meta_finish() then falls back to the
 * visible byline (extract_byline.c).
 */
#include "extract/heuristics.h"

#include <jansson.h>
#include <string.h>
#include <time.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/utf8.h"
#include "extract/lexicon.h"

enum {
	/* JSON-LD nests a few levels; deeper is a hostile page */
	LD_MAX_DEPTH = 8,
	/* "&#x10FFFF;" and the longest name read below */
	REF_MAX_BYTES = 12,
};

char *text_clean(struct arena *a, const char *s, size_t len)
{
	char *out = arena_alloc(a, len + 1);
	size_t o = 0;
	bool space = false;

	for (size_t i = 0; i < len;) {
		uint32_t cp = (unsigned char)s[i];
		size_t n = cp < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
		if (utf8_is_space(cp) || cp == 0) {
			space = o > 0;
			i += n;
			continue;
		}
		if (space)
			out[o++] = ' ';
		space = false;
		memcpy(out + o, s + i, n);
		o += n;
		i += n;
	}
	out[o] = '\0';
	return out;
}

/*
 * JSON-LD strings often carry the HTML escapes of the page they were
 * cut from ("Signa in Sorge &#8211; Finanzdaten"): the reader sees the
 * characters, so numeric references and the common named ones are read.
 * A reference never takes more bytes decoded than written.
 */
static const struct {
	const char *name;
	const char *utf8;
} named_refs[] = {
	{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
	{"nbsp", " "}, {"ndash", "\xe2\x80\x93"}, {"mdash", "\xe2\x80\x94"},
	{"hellip", "\xe2\x80\xa6"}, {"lsquo", "\xe2\x80\x98"},
	{"rsquo", "\xe2\x80\x99"}, {"ldquo", "\xe2\x80\x9c"},
	{"rdquo", "\xe2\x80\x9d"}, {"laquo", "\xc2\xab"},
	{"raquo", "\xc2\xbb"},
};

/* The reference at s[0] ('&'): its length, with its text in out[]. */
static size_t read_ref(const char *s, size_t len, char out[4], size_t *n)
{
	const char *semi = memchr(s, ';', len < REF_MAX_BYTES ? len : REF_MAX_BYTES);

	if (!semi)
		return 0;
	size_t ref_len = (size_t)(semi - s) + 1;
	if (ref_len > 3 && s[1] == '#') {
		bool hex = s[2] == 'x' || s[2] == 'X';
		uint32_t cp = 0;
		size_t i = hex ? 3 : 2;
		if (i == ref_len - 1)
			return 0;
		for (; i < ref_len - 1; i++) {
			int digit = ascii_hex_value((unsigned char)s[i]);
			if (digit < 0 || (!hex && digit > 9))
				return 0;
			cp = cp * (hex ? 16 : 10) + (uint32_t)digit;
			if (cp > 0x10FFFF)
				return 0;
		}
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		*n = utf8_encode(cp, out);
		return ref_len;
	}
	for (size_t k = 0; k < sizeof(named_refs) / sizeof(named_refs[0]); k++) {
		size_t nl = strlen(named_refs[k].name);
		if (ref_len == nl + 2 && !memcmp(s + 1, named_refs[k].name, nl)) {
			*n = strlen(named_refs[k].utf8);
			memcpy(out, named_refs[k].utf8, *n);
			return ref_len;
		}
	}
	return 0;
}

static struct str unescape_refs(struct arena *a, const char *s, size_t len)
{
	if (!memchr(s, '&', len))
		return str_make(s, len);
	char *out = arena_alloc(a, len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		char ch[4];
		size_t n = 0;
		size_t used = s[i] == '&' ? read_ref(s + i, len - i, ch, &n) : 0;
		if (used) {
			memcpy(out + o, ch, n);
			o += n;
			i += used;
		} else {
			out[o++] = s[i++];
		}
	}
	out[o] = '\0';
	return str_make(out, o);
}

static const char *clean_str(struct page_ctx *c, struct str s)
{
	if (!s.ptr)
		return NULL;
	char *t = text_clean(c->a, s.ptr, s.len);
	return *t ? t : NULL;
}

static void set_once(const char **field, const char *value)
{
	if (!*field && value && *value)
		*field = value;
}

/*
 * A date is taken only once it reads as one (and is not in the future),
 * so a template placeholder in an early tag does not hide a good value
 * in a later one.
 */
static void set_date(struct page_ctx *c, const char **field, const char *v)
{
	if (!*field)
		*field = date_normalize(c->a, v, c->meta.now);
}

/* What a <meta> key fills.  To extend: add the key (lower case). */
enum meta_field {
	MF_OG_TITLE, MF_TWITTER_TITLE, MF_DC_TITLE, MF_SITE, MF_DESCRIPTION,
	MF_IMAGE, MF_PUBLISHED, MF_MODIFIED, MF_AUTHOR, MF_LANGUAGE,
	MF_BYLINE_LABEL, MF_BYLINE_DATA,
};

static const struct {
	const char *key;
	enum meta_field field;
} meta_keys[] = {
	{"og:title", MF_OG_TITLE}, {"twitter:title", MF_TWITTER_TITLE},
	{"dc.title", MF_DC_TITLE}, {"dcterm:title", MF_DC_TITLE},
	{"dcterms.title", MF_DC_TITLE},
	{"og:site_name", MF_SITE}, {"application-name", MF_SITE},
	{"og:description", MF_DESCRIPTION}, {"description", MF_DESCRIPTION},
	{"twitter:description", MF_DESCRIPTION},
	{"dc.description", MF_DESCRIPTION},
	{"og:image", MF_IMAGE}, {"twitter:image", MF_IMAGE},
	{"article:published_time", MF_PUBLISHED},
	{"article:published", MF_PUBLISHED},
	{"og:article:published_time", MF_PUBLISHED},
	{"datepublished", MF_PUBLISHED}, {"dc.date", MF_PUBLISHED},
	{"dc.date.issued", MF_PUBLISHED}, {"dc.date.created", MF_PUBLISHED},
	{"dcterms.created", MF_PUBLISHED}, {"dcterms.issued", MF_PUBLISHED},
	{"dcterms.date", MF_PUBLISHED}, {"pubdate", MF_PUBLISHED},
	{"publish-date", MF_PUBLISHED}, {"publish_date", MF_PUBLISHED},
	{"publishdate", MF_PUBLISHED}, {"published_time", MF_PUBLISHED},
	{"parsely-pub-date", MF_PUBLISHED}, {"sailthru.date", MF_PUBLISHED},
	{"citation_publication_date", MF_PUBLISHED},
	{"citation_date", MF_PUBLISHED}, {"date", MF_PUBLISHED},
	{"article:modified_time", MF_MODIFIED}, {"article:modified", MF_MODIFIED},
	{"datemodified", MF_MODIFIED}, {"og:updated_time", MF_MODIFIED},
	{"dcterms.modified", MF_MODIFIED},
	{"author", MF_AUTHOR}, {"dc.creator", MF_AUTHOR},
	{"dcterms.creator", MF_AUTHOR}, {"article:author", MF_AUTHOR},
	{"og:article:author", MF_AUTHOR},
	{"article:author_name", MF_AUTHOR}, {"parsely-author", MF_AUTHOR},
	{"sailthru.author", MF_AUTHOR}, {"byl", MF_AUTHOR},
	{"citation_author", MF_AUTHOR},
	{"og:locale", MF_LANGUAGE}, {"dc.language", MF_LANGUAGE},
	{"content-language", MF_LANGUAGE}, {"language", MF_LANGUAGE},
	/* Yoast's reading-time cards: label1 "Written by", data1 the name */
	{"twitter:label1", MF_BYLINE_LABEL}, {"twitter:label2", MF_BYLINE_LABEL},
	{"twitter:data1", MF_BYLINE_DATA}, {"twitter:data2", MF_BYLINE_DATA},
};

static bool is_byline_label(const char *v)
{
	return lexicon_word(LEX_META_BYLINE_LABELS, v, strlen(v)) != NULL;
}

static void meta_field(struct page_ctx *c, enum meta_field f, struct str key,
		       const char *v)
{
	struct page_meta *m = &c->meta;
	int n = key.ptr[key.len - 1] - '0';

	switch (f) {
	case MF_OG_TITLE: set_once(&m->og_title, v); break;
	case MF_TWITTER_TITLE: set_once(&m->twitter_title, v); break;
	case MF_DC_TITLE: set_once(&m->dc_title, v); break;
	case MF_SITE: set_once(&m->site_name, v); break;
	case MF_DESCRIPTION: set_once(&m->description, v); break;
	case MF_IMAGE: set_once(&m->image, v); break;
	case MF_PUBLISHED: set_date(c, &m->published, v); break;
	case MF_MODIFIED: set_date(c, &m->modified, v); break;
	case MF_LANGUAGE: set_once(&m->language, v); break;
	case MF_AUTHOR:
		/* article:author is often a profile URL */
		if (strncmp(v, "http", 4))
			author_add(c, v, false);
		break;
	case MF_BYLINE_LABEL:
		if (is_byline_label(v))
			m->byline_label = n;
		break;
	case MF_BYLINE_DATA:
		if (m->byline_label == n)
			author_add(c, v, false);
		break;
	}
}

static void meta_tag(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;
	struct str key = dom_attr(d, i, "property");
	struct str content = dom_attr(d, i, "content");

	if (!key.len)
		key = dom_attr(d, i, "name");
	if (!key.len)
		key = dom_attr(d, i, "itemprop");
	key = str_trim(key);
	if (!key.len || !content.ptr)
		return;
	const char *v = clean_str(c, content);
	if (!v)
		return;
	for (size_t k = 0; k < sizeof(meta_keys) / sizeof(meta_keys[0]); k++) {
		if (str_ieq(key, meta_keys[k].key)) {
			meta_field(c, meta_keys[k].field, key, v);
			return;
		}
	}
}

static const char *json_text(struct page_ctx *c, const json_t *v)
{
	if (json_is_string(v))
		return clean_str(c, unescape_refs(c->a, json_string_value(v),
						  json_string_length(v)));
	if (json_is_object(v))
		return json_text(c, json_object_get(v, "name"));
	if (json_is_array(v) && json_array_size(v))
		return json_text(c, json_array_get(v, 0));
	return NULL;
}

static bool ld_is_article(const json_t *type)
{
	static const char *const kinds[] = {
		"Article", "NewsArticle", "BlogPosting", "Report",
		"ScholarlyArticle", "TechArticle", "AnalysisNewsArticle",
		"ReportageNewsArticle", "OpinionNewsArticle", "LiveBlogPosting",
		"SocialMediaPosting", "WebPage", "Review", "Recipe", "Posting",
	};
	if (json_is_array(type)) {
		size_t i;
		json_t *t;
		json_array_foreach(type, i, t) {
			if (ld_is_article(t))
				return true;
		}
		return false;
	}
	if (!json_is_string(type))
		return false;
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (!strcmp(json_string_value(type), kinds[i]))
			return true;
	}
	return false;
}

/*
 * The first article object's dates win over <meta> ones, as in
 * Readability: templates copy <meta> dates between pages (or stamp them
 * on every edit), while JSON-LD describes the article.
 */
static void ld_dates(struct page_ctx *c, const json_t *o, bool webpage)
{
	struct page_meta *m = &c->meta;
	const char *pub = json_text(c, json_object_get(o, "datePublished"));
	const char *mod = json_text(c, json_object_get(o, "dateModified"));

	if (webpage || m->ld_dated) {
		set_date(c, &m->published, pub);
		set_date(c, &m->modified, mod);
		return;
	}
	pub = date_normalize(c->a, pub, m->now);
	if (!pub)
		return;
	m->published = pub;
	mod = date_normalize(c->a, mod, m->now);
	if (mod)
		m->modified = mod;
	m->ld_dated = true;
}

/* The object with @id id in the JSON-LD tree under v, or NULL. */
static const json_t *ld_find_id(const json_t *v, const char *id, int depth)
{
	if (depth > LD_MAX_DEPTH)
		return NULL;
	if (json_is_array(v)) {
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			const json_t *hit = ld_find_id(e, id, depth + 1);
			if (hit)
				return hit;
		}
		return NULL;
	}
	if (!json_is_object(v))
		return NULL;
	const json_t *own = json_object_get(v, "@id");
	if (json_is_string(own) && !strcmp(json_string_value(own), id) &&
	    json_object_get(v, "name"))
		return v;
	return ld_find_id(json_object_get(v, "@graph"), id, depth + 1);
}

/*
 * One author.  Yoast's graphs name the author by reference
 * ({"@id": ".../#/schema/person/..."}) to a Person node elsewhere.
 */
static void ld_author(struct page_ctx *c, const json_t *root, const json_t *a)
{
	const json_t *ref = json_is_object(a) ? json_object_get(a, "@id") : NULL;

	if (json_is_string(ref) && !json_object_get(a, "name")) {
		const json_t *node = ld_find_id(root, json_string_value(ref), 0);
		if (node)
			a = node;
	}

	const json_t *type = json_is_object(a) ? json_object_get(a, "@type") : NULL;
	bool org = json_is_string(type) &&
		   strcmp(json_string_value(type), "Person") != 0;

	author_add(c, json_text(c, a), org);
}

/*
 * The authors of the first article object that names any: pages list
 * related articles in JSON-LD too, with their own authors.
 */
static void ld_authors(struct page_ctx *c, const json_t *root,
		       const json_t *author)
{
	size_t before = c->meta.author_count;

	if (c->meta.ld_authors || !author)
		return;
	if (json_is_array(author)) {
		size_t i;
		json_t *v;
		json_array_foreach(author, i, v) ld_author(c, root, v);
	} else {
		ld_author(c, root, author);
	}
	c->meta.ld_authors = c->meta.author_count > before;
}

static void ld_object(struct page_ctx *c, const json_t *root, const json_t *o,
		      int depth)
{
	struct page_meta *m = &c->meta;

	if (depth > LD_MAX_DEPTH)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *v;
		json_array_foreach(o, i, v) ld_object(c, root, v, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	json_t *graph = json_object_get(o, "@graph");
	if (graph)
		ld_object(c, root, graph, depth + 1);
	json_t *type = json_object_get(o, "@type");
	if (!m->ld_type && json_is_string(type))
		m->ld_type = arena_strdup(c->a, json_string_value(type));
	if (!ld_is_article(type))
		return;
	bool webpage = json_is_string(type) &&
		       !strcmp(json_string_value(type), "WebPage");
	if (!webpage)
		set_once(&m->ld_headline,
			 json_text(c, json_object_get(o, "headline")));
	ld_dates(c, o, webpage);
	set_once(&m->ld_body, json_text(c, json_object_get(o, "articleBody")));
	if (webpage)
		return;
	ld_authors(c, root, json_object_get(o, "author"));
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_object(pub))
		set_once(&m->site_name, json_text(c, json_object_get(pub, "name")));
}

/*
 * The JSON inside a script's text: XHTML-minded templates wrap it in
 * "<![CDATA[ ... ]]>" (often behind "//"), old ones in "<!-- ... -->",
 * and some end it with a ';'.
 */
static struct str ld_unwrap(struct str s)
{
	static const char *const heads[] = {"//<![CDATA[", "<![CDATA[", "<!--"};
	static const char *const tails[] = {"//]]>", "]]>", "-->", ";"};
	bool again = true;

	while (again) {
		again = false;
		s = str_trim(s);
		for (size_t i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
			size_t n = strlen(heads[i]);
			if (s.len >= n && !memcmp(s.ptr, heads[i], n)) {
				s = str_make(s.ptr + n, s.len - n);
				again = true;
			}
		}
		for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++) {
			size_t n = strlen(tails[i]);
			if (s.len >= n && !memcmp(s.ptr + s.len - n, tails[i], n)) {
				s.len -= n;
				again = true;
			}
		}
	}
	return s;
}

static void json_ld(struct page_ctx *c, uint32_t script)
{
	const struct dom *d = c->d;
	struct buf text;

	buf_init(&text, 4 * 1024 * 1024);
	for (uint32_t k = script + 1; k < d->nodes[script].end; k++) {
		if (d->nodes[k].type == DOM_TEXT &&
		    buf_append(&text, d->nodes[k].text.ptr, d->nodes[k].text.len))
			break;
	}
	json_error_t err;
	struct str json = ld_unwrap(str_make(text.ptr, text.len));
	json_t *root = json_loadb(json.ptr, json.len,
				  JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	buf_release(&text);
	if (!root)
		return;
	ld_object(c, root, root, 0);
	json_decref(root);
}

static void link_tag(struct page_ctx *c, uint32_t i)
{
	struct str rel = dom_attr(c->d, i, "rel");
	struct str href = dom_attr(c->d, i, "href");

	if (href.len && str_ieq(str_trim(rel), "canonical"))
		set_once(&c->meta.canonical, clean_str(c, href));
}

void meta_collect(struct page_ctx *c)
{
	const struct dom *d = c->d;

	c->meta.now = c->facts && c->facts->now ? c->facts->now
						: (long long)time(NULL);

	for (uint32_t i = 0; i < d->count; i++) {
		const struct dom_node *n = &d->nodes[i];
		if (n->type != DOM_ELEMENT)
			continue;
		switch ((enum dom_tag)n->tag) {
		case DOM_TAG_HTML:
			set_once(&c->meta.language,
				 clean_str(c, dom_attr(d, i, "lang")));
			break;
		case DOM_TAG_META:
			meta_tag(c, i);
			break;
		case DOM_TAG_LINK:
			link_tag(c, i);
			break;
		case DOM_TAG_TITLE:
			if (!c->meta.title_tag && n->end > i + 1) {
				struct buf t;
				buf_init(&t, 64 * 1024);
				for (uint32_t k = i + 1; k < n->end; k++)
					(void)buf_append(&t, d->nodes[k].text.ptr,
							 d->nodes[k].text.len);
				c->meta.title_tag = clean_str(c, str_make(t.ptr, t.len));
				buf_release(&t);
			}
			break;
		case DOM_TAG_SCRIPT:
			if (str_icontains(dom_attr(d, i, "type"), "ld+json"))
				json_ld(c, i);
			break;
		default:
			break;
		}
	}
}

void meta_finish(struct page_ctx *c)
{
	byline_from_page(c);
}
