/*
 * extract_meta.c - what the page says about itself.
 *
 * Sources, most specific first: JSON-LD (schema.org), OpenGraph and
 * Twitter cards, Dublin Core and plain <meta> names, <link rel>, the
 * <html lang> attribute and <title>.  Later passes only fill what earlier
 * ones left empty.
 */
#include "heuristics.h"

#include <jansson.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "utf8.h"

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

static void add_author(struct page_meta *m, const char *name)
{
	if (!name || !*name)
		return;
	for (size_t i = 0; i < m->author_count; i++) {
		if (!strcmp(m->authors[i], name))
			return;
	}
	if (m->author_count < sizeof(m->authors) / sizeof(m->authors[0]))
		m->authors[m->author_count++] = name;
}

static void meta_tag(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;
	struct page_meta *m = &c->meta;
	struct str key = dom_attr(d, i, "property");
	struct str content = dom_attr(d, i, "content");

	if (!key.len)
		key = dom_attr(d, i, "name");
	if (!key.len)
		key = dom_attr(d, i, "itemprop");
	if (!key.len || !content.ptr)
		return;
	const char *v = clean_str(c, content);
	if (!v)
		return;
	if (str_ieq(key, "og:title"))
		set_once(&m->og_title, v);
	else if (str_ieq(key, "twitter:title"))
		set_once(&m->twitter_title, v);
	else if (str_ieq(key, "dc.title") || str_ieq(key, "dcterm:title") ||
		 str_ieq(key, "dcterms.title"))
		set_once(&m->dc_title, v);
	else if (str_ieq(key, "og:site_name") ||
		 str_ieq(key, "application-name"))
		set_once(&m->site_name, v);
	else if (str_ieq(key, "og:description") ||
		 str_ieq(key, "description") ||
		 str_ieq(key, "twitter:description") ||
		 str_ieq(key, "dc.description"))
		set_once(&m->description, v);
	else if (str_ieq(key, "og:image") || str_ieq(key, "twitter:image"))
		set_once(&m->image, v);
	else if (str_ieq(key, "article:published_time") ||
		 str_ieq(key, "datepublished") ||
		 str_ieq(key, "dc.date") || str_ieq(key, "dc.date.issued") ||
		 str_ieq(key, "pubdate") || str_ieq(key, "publish-date") ||
		 str_ieq(key, "date"))
		set_once(&m->published, v);
	else if (str_ieq(key, "article:modified_time") ||
		 str_ieq(key, "datemodified") || str_ieq(key, "og:updated_time"))
		set_once(&m->modified, v);
	else if (str_ieq(key, "author") || str_ieq(key, "dc.creator") ||
		 str_ieq(key, "article:author") ||
		 str_ieq(key, "parsely-author") || str_ieq(key, "sailthru.author"))
		add_author(m, strncmp(v, "http", 4) ? v : NULL);
	else if (str_ieq(key, "og:locale") || str_ieq(key, "dc.language") ||
		 str_ieq(key, "content-language") || str_ieq(key, "language"))
		set_once(&m->language, v);
}

static const char *json_text(struct page_ctx *c, const json_t *v)
{
	if (json_is_string(v))
		return clean_str(c, str_make(json_string_value(v),
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

static void ld_object(struct page_ctx *c, const json_t *o, int depth)
{
	struct page_meta *m = &c->meta;

	if (depth > 8)
		return;
	if (json_is_array(o)) {
		size_t i;
		json_t *v;
		json_array_foreach(o, i, v) ld_object(c, v, depth + 1);
		return;
	}
	if (!json_is_object(o))
		return;
	json_t *graph = json_object_get(o, "@graph");
	if (graph)
		ld_object(c, graph, depth + 1);
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
	set_once(&m->published, json_text(c, json_object_get(o, "datePublished")));
	set_once(&m->modified, json_text(c, json_object_get(o, "dateModified")));
	set_once(&m->ld_body, json_text(c, json_object_get(o, "articleBody")));
	if (webpage)
		return;
	json_t *author = json_object_get(o, "author");
	if (json_is_array(author)) {
		size_t i;
		json_t *v;
		json_array_foreach(author, i, v) add_author(m, json_text(c, v));
	} else {
		add_author(m, json_text(c, author));
	}
	json_t *pub = json_object_get(o, "publisher");
	if (json_is_object(pub))
		set_once(&m->site_name, json_text(c, json_object_get(pub, "name")));
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
	json_t *root = json_loadb(text.ptr, text.len,
				  JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	buf_release(&text);
	if (!root)
		return;
	ld_object(c, root, 0);
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
