/*
 * extract_marks.c - the per-node side tables every heuristic reads:
 * what is never rendered (scripts, hidden elements, framework classes
 * that hide), what is boilerplate by its tag or its class and id words,
 * and how much text and link text each subtree holds.
 *
 * Computed once per page in two linear passes over the flat DOM: a
 * forward pass (a node inherits from its parent, which comes first) and
 * a backward one (a node's counts are added to its parent's).
 */
#include "extract/heuristics.h"

#include <string.h>

#include "base/arena.h"
#include "extract/lexicon.h"

static bool style_hides(struct str style)
{
	if (!style.len)
		return false;
	/* "display:none" and "visibility:hidden", spaces allowed */
	char compact[256];
	size_t n = 0;
	for (size_t i = 0; i < style.len && n + 1 < sizeof(compact); i++) {
		if (!ascii_is_space((unsigned char)style.ptr[i]))
			compact[n++] = (char)ascii_lower((unsigned char)style.ptr[i]);
	}
	compact[n] = '\0';
	return strstr(compact, "display:none") ||
	       strstr(compact, "visibility:hidden");
}

/*
 * Class names that CSS frameworks define as hidden (Bootstrap's
 * "collapse" without "show", "d-none", "sr-only" ...).  Matched as whole
 * class tokens, since "hidden-xs" or "collapse-toggle" are visible.
 */
static bool class_hides(struct str cls)
{
	bool collapse = false, shown = false;
	size_t i = 0;

	while (i < cls.len) {
		while (i < cls.len && ascii_is_space((unsigned char)cls.ptr[i]))
			i++;
		size_t start = i;
		while (i < cls.len && !ascii_is_space((unsigned char)cls.ptr[i]))
			i++;
		struct str tok = str_make(cls.ptr + start, i - start);
		if (!tok.len)
			continue;
		if (class_token_hides(tok.ptr, tok.len))
			return true;
		collapse |= str_ieq(tok, "collapse");
		shown |= str_ieq(tok, "show") || str_ieq(tok, "in");
	}
	return collapse && !shown;
}

/*
 * Why an element is not shown: never (scripts, forms' controls, hidden
 * machinery), or only until the reader opens it (a collapsed accordion
 * panel, a closed tab, a "read more" fold).  Dialogs and menus that are
 * hidden stay hidden: a reader opens them for something else.
 */
enum unshown { SHOWN, UNTIL_OPENED, NEVER };

static bool is_dialog(const struct dom *d, uint32_t i)
{
	struct str role = dom_attr(d, i, "role");

	return str_ieq(role, "dialog") || str_ieq(role, "alertdialog") ||
	       str_ieq(role, "menu") || str_ieq(role, "navigation") ||
	       dom_has_attr(d, i, "aria-modal") ||
	       str_icontains(dom_attr(d, i, "class"), "modal") ||
	       str_icontains(dom_attr(d, i, "class"), "menu");
}

static enum unshown unshown_kind(const struct dom *d, uint32_t i)
{
	switch ((enum dom_tag)d->nodes[i].tag) {
	case DOM_TAG_HEAD: case DOM_TAG_SCRIPT: case DOM_TAG_STYLE:
	case DOM_TAG_NOSCRIPT: case DOM_TAG_TEMPLATE: case DOM_TAG_TITLE:
	case DOM_TAG_META: case DOM_TAG_LINK: case DOM_TAG_IFRAME:
	case DOM_TAG_OBJECT: case DOM_TAG_EMBED: case DOM_TAG_CANVAS:
	case DOM_TAG_VIDEO: case DOM_TAG_AUDIO: case DOM_TAG_SVG:
	case DOM_TAG_MATH: case DOM_TAG_SELECT: case DOM_TAG_OPTION:
	case DOM_TAG_BUTTON: case DOM_TAG_INPUT: case DOM_TAG_TEXTAREA:
	case DOM_TAG_DATALIST: case DOM_TAG_MAP: case DOM_TAG_APPLET:
	case DOM_TAG_FRAMESET: case DOM_TAG_NOFRAMES:
		return NEVER;
	default:
		break;
	}
	if (d->nodes[i].type != DOM_ELEMENT)
		return SHOWN;
	if (!dom_has_attr(d, i, "hidden") &&
	    !str_ieq(dom_attr(d, i, "aria-hidden"), "true") &&
	    !class_hides(dom_attr(d, i, "class")) &&
	    !style_hides(dom_attr(d, i, "style")))
		return SHOWN;
	return is_dialog(d, i) ? NEVER : UNTIL_OPENED;
}

static bool is_boilerplate_element(const struct dom *d, uint32_t i)
{
	switch ((enum dom_tag)d->nodes[i].tag) {
	case DOM_TAG_NAV: case DOM_TAG_ASIDE: case DOM_TAG_FOOTER:
	case DOM_TAG_HEADER: case DOM_TAG_MENU:
		return true;
	case DOM_TAG_BODY: case DOM_TAG_HTML: case DOM_TAG_MAIN:
	case DOM_TAG_ARTICLE:
		return false;
	default:
		return class_is_boilerplate(d, i);
	}
}

static uint32_t visible_chars(struct str s)
{
	uint32_t n = 0;

	for (size_t i = 0; i < s.len; i++) {
		unsigned char ch = (unsigned char)s.ptr[i];
		if ((ch & 0xC0) == 0x80 || ascii_is_space(ch))
			continue;
		n++;
	}
	return n;
}

/*
 * Nested <article> elements are, by the HTML standard, comments or
 * related items of the outer one.  Where an article holds two or more,
 * they are a list of such items, not the text.
 */
static void mark_nested_articles(struct page_ctx *c)
{
	const struct dom *d = c->d;
	uint32_t *inner = arena_calloc(c->a, d->count, sizeof(uint32_t));
	uint32_t *outer = arena_alloc(c->a, sizeof(uint32_t) * d->count);

	for (uint32_t i = 0; i < d->count; i++) {
		uint32_t p = d->nodes[i].parent;
		outer[i] = p == DOM_NONE ? DOM_NONE
			   : d->nodes[p].tag == DOM_TAG_ARTICLE ? p
								 : outer[p];
		if (d->nodes[i].tag == DOM_TAG_ARTICLE && outer[i] != DOM_NONE)
			inner[outer[i]]++;
	}
	for (uint32_t i = 0; i < d->count; i++) {
		if (d->nodes[i].tag == DOM_TAG_ARTICLE && outer[i] != DOM_NONE &&
		    inner[outer[i]] >= 2)
			c->boiler[i] = 1;
	}
}

void marks_compute(struct page_ctx *c)
{
	const struct dom *d = c->d;
	uint32_t n = d->count;
	uint8_t *in_link = arena_calloc(c->a, n, 1);

	c->hidden = arena_calloc(c->a, n, 1);
	c->boiler = arena_calloc(c->a, n, 1);
	c->hidden_noscript = arena_calloc(c->a, n, 1);
	c->hidden_closed = arena_calloc(c->a, n, 1);
	c->text_chars = arena_calloc(c->a, n, sizeof(uint32_t));
	c->link_chars = arena_calloc(c->a, n, sizeof(uint32_t));
	for (uint32_t i = 0; i < n; i++) {
		uint32_t p = d->nodes[i].parent;
		bool ph = p != DOM_NONE && c->hidden[p];
		enum unshown kind = unshown_kind(d, i);
		bool unrendered = kind != SHOWN;
		c->hidden[i] = ph || unrendered;
		c->hidden_noscript[i] =
			(p != DOM_NONE && c->hidden_noscript[p]) ||
			(d->nodes[i].tag != DOM_TAG_NOSCRIPT && unrendered);
		c->hidden_closed[i] =
			(p != DOM_NONE && c->hidden_closed[p]) || kind == NEVER;
		in_link[i] = (p != DOM_NONE && in_link[p]) ||
			     d->nodes[i].tag == DOM_TAG_A;
		/* panels a reader can open are judged too (gathered pages) */
		if (!c->hidden_closed[i] && d->nodes[i].type == DOM_ELEMENT &&
		    i >= c->body)
			c->boiler[i] = is_boilerplate_element(d, i);
		if (d->nodes[i].tag == DOM_TAG_BODY && !c->body)
			c->body = i;
	}
	for (uint32_t i = n; i-- > 0;) {
		if (c->hidden[i])
			continue;
		if (d->nodes[i].type == DOM_TEXT) {
			c->text_chars[i] = visible_chars(d->nodes[i].text);
			if (in_link[i])
				c->link_chars[i] = c->text_chars[i];
		}
		uint32_t p = d->nodes[i].parent;
		if (p != DOM_NONE) {
			c->text_chars[p] += c->text_chars[i];
			c->link_chars[p] += c->link_chars[i];
		}
	}
	mark_nested_articles(c);
	/* a "boilerplate" wrapper that holds most of the page is the page */
	uint32_t total = c->text_chars[c->body];
	for (uint32_t i = c->body; i < n; i++) {
		if (c->boiler[i] && c->text_chars[i] * 2 > total &&
		    d->nodes[i].tag != DOM_TAG_NAV)
			c->boiler[i] = 0;
	}
}
