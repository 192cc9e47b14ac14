/*
 * lexicon.c - the class/id vocabulary that marks content and boilerplate.
 *
 * The idea (and the shape of the word lists) follows Readability's
 * "unlikely candidates" and class-weight patterns: authors name their
 * containers after what they hold, so "comments", "sidebar" or
 * "share-bar" in a class or id says more than any text statistic.
 * Matching is by substring on the lower-cased "class id" string.
 *
 * To extend: add a word to the table it belongs to.  Words that are
 * substrings of common content names (e.g. "ad" in "header", "read")
 * must be written with their delimiters ("-ad-", "ad-").
 */
#include "extract/heuristics.h"

#include "base/str.h"

/* Containers that are boilerplate wherever they appear. */
static const char *const boiler_words[] = {
	"banner", "breadcrumb", "combx", "comment", "community", "cover-wrap",
	"disqus", "extra", "footer", "gdpr", "legends", "menu", "related",
	"remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper",
	"social", "sponsor", "supplemental", "ad-break", "agegate",
	"pagination", "pager", "popup", "cookie", "consent", "newsletter",
	"subscribe", "share", "sharing", "promo", "advert", "outbrain",
	"taboola", "signup", "sign-up", "modal", "masthead", "navbar",
	"navigation", "recommend", "trending", "most-popular", "mostpopular",
	"read-more", "readmore", "more-stories", "jump-link", "skip-link",
	"social-", "toolbar", "print-only", "author-bio", "byline", "dateline",
	"related-", "ads-", "-ads", "ad-slot",
	"adslot", "ad-container", "ad-wrapper", "ad-unit", "dfp-",
	"hidden-print", "visually-hidden", "sr-only", "screen-reader",
	"pswp", "lightbox", "tags", "tag-list", "article-tags", "keywords",
	"feedback", "rating", "login", "donate", "carousel",
};

/* Words that rescue a container from the list above. */
static const char *const content_words[] = {
	"article", "body", "column", "content", "main", "shadow", "post",
	"entry", "story", "text", "blog",
	/* an embedded post (a tweet, a video) quoted by the article */
	"embed",
};

static const char *const negative_words[] = {
	"-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
	"foot", "footnote", "gdpr", "masthead", "media", "meta", "outbrain",
	"promo", "related", "scroll", "share", "shoutbox", "sidebar",
	"skyscraper", "sponsor", "shopping", "tags", "tool", "widget",
	"caption", "byline", "author", "subscribe", "newsletter",
};

static const char *const positive_words[] = {
	"article", "body", "content", "entry", "hentry", "h-entry", "main",
	"page", "post", "text", "blog", "story", "prose", "rich-text",
	"richtext",
};

static bool has_any(struct str s, const char *const *words, size_t n)
{
	return str_ifind_any(s, words, n) >= 0;
}

#define HAS_ANY(s, list) has_any((s), (list), sizeof(list) / sizeof(list[0]))

int class_weight(const struct dom *d, uint32_t i)
{
	int w = 0;
	struct str cls = dom_attr(d, i, "class");
	struct str id = dom_attr(d, i, "id");

	if (cls.len) {
		if (HAS_ANY(cls, negative_words))
			w -= 25;
		if (HAS_ANY(cls, positive_words))
			w += 25;
	}
	if (id.len) {
		if (HAS_ANY(id, negative_words))
			w -= 25;
		if (HAS_ANY(id, positive_words))
			w += 25;
	}
	return w;
}

/*
 * A name that holds a content word besides a boilerplate word is judged
 * by what else it says: a wrapper that only says what sits beside it
 * ("content-sidebar-wrap", "has-sidebar") or an embedded post quoted by
 * the article ("social-media-embed") holds content.
 */
static const char *const holder_words[] = {
	"has-", "with-", "no-", "wrap", "layout", "embed",
};

/*
 * Judged one class name at a time: a name that pairs a content word with
 * a boilerplate word ("article-related-stories", "comment-body",
 * "post-share") names a part of the page beside the content; only a name
 * whose words are all content ("article-body"), or a holder, rescues
 * the element.
 */
static bool names_boilerplate(struct str s)
{
	bool boiler = false;

	if (!s.len || s.len >= 400 || !HAS_ANY(s, boiler_words))
		return false;
	for (size_t i = 0; i < s.len;) {
		while (i < s.len && ascii_is_space((unsigned char)s.ptr[i]))
			i++;
		size_t start = i;
		while (i < s.len && !ascii_is_space((unsigned char)s.ptr[i]))
			i++;
		if (i == start)
			break;
		struct str name = str_make(s.ptr + start, i - start);
		bool names_boiler = HAS_ANY(name, boiler_words);
		if (HAS_ANY(name, content_words) &&
		    (!names_boiler || HAS_ANY(name, holder_words)))
			return false;
		boiler |= names_boiler;
	}
	return boiler;
}

bool class_is_boilerplate(const struct dom *d, uint32_t i)
{
	struct str role = dom_attr(d, i, "role");

	if (role.len &&
	    (str_ieq(role, "navigation") || str_ieq(role, "banner") ||
	     str_ieq(role, "complementary") || str_ieq(role, "contentinfo") ||
	     str_ieq(role, "menu") || str_ieq(role, "menubar") ||
	     str_ieq(role, "dialog") || str_ieq(role, "alertdialog")))
		return true;
	return names_boilerplate(dom_attr(d, i, "class")) ||
	       names_boilerplate(dom_attr(d, i, "id"));
}
