/*
 * extract_links.c - the links and images of the main content.
 *
 * The main content is the node set that extract_body.c chose
 * (c->content), less what it skipped there (hidden subtrees and, unless
 * the relaxed pass won, boilerplate), less the blocks that the body
 * filters dropped afterwards (link lists, bylines, repeats,
 * disclaimers).  So an <a> or <img> counts when the nearest block
 * element around it holds a kept block of text, or no block of text at
 * all (a <figure> holding only an image): a link is listed exactly when
 * its words made it into the body.
 *
 * URLs are resolved against the document's base URL, which is <base
 * href> over the page's own URL (HTML's "document base URL").  Each URL
 * is listed once, in page order; a relative URL with no base to resolve
 * against is kept as written.
 */
#include "extract/heuristics.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/hash.h"
#include "base/msg.h"
#include "extract/uri.h"

enum {
	/* more than this in one article is a link farm; the rest is noise */
	LINKS_MAX = 4096,
	IMAGES_MAX = 1024,
	/* bytes of text gathered for one link before it is cleaned */
	LINK_TEXT_MAX = 2048,
	/* a resolved URL longer than this is dropped (browsers cap near 2 MB,
	   but nobody clicks those) */
	LINK_URL_MAX = 8192,
};

enum holder_mark {
	HOLDER_NONE = 0, /* holds no text block */
	HOLDER_DROPPED,  /* holds only blocks that were left out */
	HOLDER_KEPT,     /* holds a block of the body */
};

struct link_list {
	struct page_link *v;
	size_t count;
	size_t cap;
	size_t max;
	uint64_t *seen;  /* open-addressing set of URL hashes, 2 * max slots */
};

static uint8_t *mark_holders(struct page_ctx *c, const struct blocks *content,
			     const struct blocks *kept)
{
	uint8_t *mark = arena_calloc(c->a, c->d->count, 1);

	for (uint32_t k = 0; k < content->count; k++)
		mark[content->v[k].node] = HOLDER_DROPPED;
	for (uint32_t k = 0; k < kept->count; k++)
		mark[kept->v[k].node] = HOLDER_KEPT;
	return mark;
}

/* Nodes the body walk never entered: outside the content, or skipped. */
static uint8_t *outside_content(struct page_ctx *c)
{
	const struct dom *d = c->d;
	const uint8_t *hidden = c->relaxed ? c->hidden_noscript : c->hidden;
	uint8_t *out = arena_alloc(c->a, d->count);

	for (uint32_t i = 0; i < d->count; i++) {
		uint32_t p = d->nodes[i].parent;
		bool inherited = p != DOM_NONE && c->content[p] && out[p];
		out[i] = !c->content[i] || hidden[i] || inherited ||
			 (!c->relaxed && c->boiler[i]);
	}
	return out;
}

/* Whether the words around node i are in the body (see the top). */
static bool in_kept_text(const struct page_ctx *c, const uint8_t *mark,
			 uint32_t i)
{
	const struct dom *d = c->d;

	for (uint32_t p = d->nodes[i].parent; p != DOM_NONE && p >= c->body;
	     p = d->nodes[p].parent) {
		if (mark[p] || dom_is_block_tag((enum dom_tag)d->nodes[p].tag))
			return mark[p] != HOLDER_DROPPED;
	}
	return true;
}

static const char *base_url(struct page_ctx *c)
{
	const struct dom *d = c->d;
	const char *page = c->facts ? c->facts->url : NULL;
	uint32_t base = dom_find(d, 0, DOM_TAG_BASE);
	struct str href = base == DOM_NONE ? STR_NULL : dom_attr(d, base, "href");
	struct buf out;

	if (!href.len)
		return page;
	buf_init(&out, LINK_URL_MAX);
	const char *r = page;
	if (!uri_resolve(&out, str_from(page), href))
		r = arena_strndup(c->a, out.ptr, out.len);
	buf_release(&out);
	return r;
}

static uint64_t url_hash(const char *s)
{
	return hash_fnv1a(s, strlen(s)) | 1; /* 0 marks an empty slot */
}

/* Adds url once; false when it was there already or the list is full. */
static bool list_add(struct link_list *l, const char *url, const char *text)
{
	uint64_t h = url_hash(url);
	size_t slots = 2 * l->max;
	size_t i = (size_t)(h % slots);

	if (l->count == l->max)
		return false;
	while (l->seen[i]) {
		if (l->seen[i] == h)
			return false; /* a hash collision drops a link: harmless */
		i = (i + 1) % slots;
	}
	l->seen[i] = h;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, sizeof(*l->v) * l->cap);
	}
	l->v[l->count++] = (struct page_link){url, text};
	return true;
}

static void list_init(struct link_list *l, size_t max)
{
	*l = (struct link_list){.max = max};
	l->seen = xcalloc(2 * max, sizeof(*l->seen));
}

/* Hands the list over to the arena. */
static const struct page_link *list_finish(struct arena *a,
					   struct link_list *l, size_t *count)
{
	struct page_link *v = NULL;

	*count = l->count;
	if (l->count) {
		v = arena_alloc(a, sizeof(*v) * l->count);
		memcpy(v, l->v, sizeof(*v) * l->count);
	}
	free(l->v);
	free(l->seen);
	return v;
}

/* The reference resolved, or as written when it cannot be; NULL to skip. */
static const char *resolve(struct page_ctx *c, const char *base,
			   struct str ref)
{
	struct buf out;
	const char *r = NULL;

	ref = str_trim(ref);
	/* scripts, inline data and same-page anchors lead nowhere else */
	if (!ref.len || ref.ptr[0] == '#' || uri_is_scheme(ref, "javascript") ||
	    uri_is_scheme(ref, "data") || uri_is_scheme(ref, "vbscript"))
		return NULL;
	buf_init(&out, LINK_URL_MAX);
	if (!uri_resolve(&out, str_from(base), ref))
		r = arena_strndup(c->a, out.ptr, out.len);
	else if (ref.len < LINK_URL_MAX)
		r = text_clean(c->a, ref.ptr, ref.len);
	buf_release(&out);
	return r && *r ? r : NULL;
}

/* The visible text of the subtree at i, or an image's alt inside it. */
static const char *link_text(struct page_ctx *c, uint32_t i)
{
	const struct dom *d = c->d;
	struct buf t;

	buf_init(&t, LINK_TEXT_MAX);
	for (uint32_t k = i + 1; k < d->nodes[i].end; k++) {
		if (c->hidden[k]) {
			k = d->nodes[k].end - 1;
			continue;
		}
		if (d->nodes[k].type == DOM_TEXT || d->nodes[k].type == DOM_WHITESPACE)
			(void)buf_append(&t, d->nodes[k].text.ptr,
					 d->nodes[k].text.len);
		else if (d->nodes[k].tag == DOM_TAG_IMG && !t.len) {
			struct str alt = dom_attr(d, k, "alt");
			(void)buf_append(&t, alt.ptr, alt.len);
		}
	}
	const char *s = text_clean(c->a, t.ptr, t.len);
	buf_release(&t);
	return s;
}

/* The first URL of a srcset ("a.jpg 1x, b.jpg 2x"). */
static struct str srcset_first(struct str set)
{
	size_t i = 0;

	set = str_trim(set);
	while (i < set.len && !ascii_is_space((unsigned char)set.ptr[i]) &&
	       set.ptr[i] != ',')
		i++;
	return str_make(set.ptr, i);
}

/*
 * Where an image really is.  Lazy loaders put a placeholder (often a
 * data: URI) in src and the real address in a data- attribute.
 */
static struct str image_source(const struct dom *d, uint32_t i)
{
	static const char *const lazy[] = {
		"data-src", "data-lazy-src", "data-original", "data-url",
	};
	struct str src = str_trim(dom_attr(d, i, "src"));

	if (src.len && !uri_is_scheme(src, "data"))
		return src;
	for (size_t k = 0; k < sizeof(lazy) / sizeof(lazy[0]); k++) {
		struct str v = str_trim(dom_attr(d, i, lazy[k]));
		if (v.len)
			return v;
	}
	struct str set = srcset_first(dom_attr(d, i, "data-srcset"));
	if (!set.len)
		set = srcset_first(dom_attr(d, i, "srcset"));
	return set.len ? set : src;
}

static void take_node(struct page_ctx *c, const char *base, uint32_t i,
		      struct link_list *links, struct link_list *images)
{
	const struct dom *d = c->d;

	if (d->nodes[i].tag == DOM_TAG_A) {
		struct str href = dom_attr(d, i, "href");
		const char *url = href.ptr ? resolve(c, base, href) : NULL;
		if (url)
			(void)list_add(links, url, link_text(c, i));
	} else if (d->nodes[i].tag == DOM_TAG_IMG) {
		const char *url = resolve(c, base, image_source(d, i));
		struct str alt = dom_attr(d, i, "alt");
		if (url)
			(void)list_add(images, url,
				       alt.ptr ? text_clean(c->a, alt.ptr, alt.len)
					       : "");
	}
}

void links_collect(struct page_ctx *c, const struct blocks *content,
		   const struct blocks *kept, struct extraction *out)
{
	const struct dom *d = c->d;
	struct link_list links, images;

	if (!c->content || !kept->count)
		return;
	uint8_t *mark = mark_holders(c, content, kept);
	uint8_t *outside = outside_content(c);
	const char *base = base_url(c);
	list_init(&links, LINKS_MAX);
	list_init(&images, IMAGES_MAX);
	for (uint32_t i = c->body; i < d->count; i++) {
		if (outside[i] && !c->content[i])
			continue;
		if (outside[i]) {
			i = d->nodes[i].end - 1; /* a skipped subtree */
			continue;
		}
		if ((d->nodes[i].tag == DOM_TAG_A || d->nodes[i].tag == DOM_TAG_IMG) &&
		    in_kept_text(c, mark, i))
			take_node(c, base, i, &links, &images);
	}
	out->links = list_finish(c->a, &links, &out->link_count);
	out->images = list_finish(c->a, &images, &out->image_count);
}
