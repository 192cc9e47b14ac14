/*
 * dom.c - gumbo behind guards, flattened into struct dom.
 *
 * The only file that includes <gumbo.h>.  Guards, each measured on
 * Debian's gumbo 0.10.1 (README "Limits"):
 *  - max_errors = 0: with the default, each parse error copies the open
 *    element stack (19 GB for 250 KB of unclosed divs);
 *  - a byte-level pre-scan that cuts the input before the tag where the
 *    naive nesting depth, a tag's attribute count or the tag count passes
 *    its limit (deep trees are quadratic to build, attribute duplicates
 *    are found by a quadratic scan);
 *  - numeric character references too long to fit gumbo's signed int are
 *    rewritten to U+FFFD (they would put NUL or invalid UTF-8 in text);
 *  - parse and copy run on a thread of their own with a stack of known
 *    size, whatever stack the caller's thread was given;
 *  - every string copied out is checked for valid UTF-8;
 *  - gumbo allocates into an arena of its own that is dropped whole
 *    after the copy, so gumbo_destroy_output, which recurses once per
 *    nesting level, is never called, and what gumbo leaks is freed all
 *    the same.
 */
#include "dom/dom.h"

#include <gumbo.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/msg.h"
#include "base/utf8.h"

enum {
	/* Real pages nest at most ~50 deep (181-page benchmark, max 52). */
	DOM_DEFAULT_MAX_DEPTH = 1000,
	DOM_DEFAULT_MAX_ATTRIBUTES = 256,
	/* ~200 bytes of gumbo memory per node: 1M tags ~ 200 MB at worst. */
	DOM_DEFAULT_MAX_TAGS = 1000000,
	/*
	 * The parse does not recurse with the tree's depth (with a 64 KB
	 * stack it passed the benchmark, the corpus, the fuzzing corpus and
	 * 990-deep trees); 8 MB is the main thread's usual stack.
	 */
	DOM_PARSE_STACK = 8 * 1024 * 1024,
};

void dom_limits_defaults(struct dom_limits *l)
{
	l->max_depth = DOM_DEFAULT_MAX_DEPTH;
	l->max_attributes = DOM_DEFAULT_MAX_ATTRIBUTES;
	l->max_tags = DOM_DEFAULT_MAX_TAGS;
}

/* ---- pre-scan ------------------------------------------------------ */

struct prescan {
	size_t cut;           /* bytes to keep */
	const char *why;      /* NULL when nothing was cut */
	size_t overlong_refs; /* numeric references to rewrite */
};

enum tag_class {
	TAG_PLAIN,
	TAG_VOID,     /* never has content: no end tag to wait for */
	TAG_RAW_TEXT, /* content is text up to its end tag */
};

/* Void and raw-text elements, the only names the pre-scan tells apart. */
static enum tag_class classify_tag(struct str name)
{
	static const struct {
		char name[10];
		uint8_t len;
		uint8_t class;
	} tags[] = {
		{"area", 4, TAG_VOID},      {"base", 4, TAG_VOID},
		{"br", 2, TAG_VOID},        {"col", 3, TAG_VOID},
		{"embed", 5, TAG_VOID},     {"hr", 2, TAG_VOID},
		{"img", 3, TAG_VOID},       {"input", 5, TAG_VOID},
		{"keygen", 6, TAG_VOID},    {"link", 4, TAG_VOID},
		{"meta", 4, TAG_VOID},      {"param", 5, TAG_VOID},
		{"source", 6, TAG_VOID},    {"track", 5, TAG_VOID},
		{"wbr", 3, TAG_VOID},       {"script", 6, TAG_RAW_TEXT},
		{"style", 5, TAG_RAW_TEXT}, {"textarea", 8, TAG_RAW_TEXT},
		{"title", 5, TAG_RAW_TEXT}, {"xmp", 3, TAG_RAW_TEXT},
		{"iframe", 6, TAG_RAW_TEXT}, {"noembed", 7, TAG_RAW_TEXT},
		{"noframes", 8, TAG_RAW_TEXT}, {"plaintext", 9, TAG_RAW_TEXT},
	};
	char low[sizeof(tags[0].name)];

	if (name.len >= sizeof(low))
		return TAG_PLAIN;
	for (size_t i = 0; i < name.len; i++)
		low[i] = (char)ascii_lower((unsigned char)name.ptr[i]);
	for (size_t k = 0; k < sizeof(tags) / sizeof(tags[0]); k++) {
		if (tags[k].len == name.len &&
		    !memcmp(tags[k].name, low, name.len))
			return (enum tag_class)tags[k].class;
	}
	return TAG_PLAIN;
}

/* Index of the end tag "</name" at or after i, or len when none. */
static size_t find_end_tag(const char *s, size_t len, size_t i,
			   struct str name)
{
	for (; i + 2 + name.len <= len; i++) {
		const char *lt = memchr(s + i, '<', len - i);
		if (!lt)
			break;
		i = (size_t)(lt - s);
		if (i + 2 + name.len > len)
			break;
		if (s[i + 1] == '/') {
			size_t k = 0;
			while (k < name.len &&
			       ascii_lower((unsigned char)s[i + 2 + k]) ==
				       ascii_lower((unsigned char)name.ptr[k]))
				k++;
			if (k == name.len)
				return i;
		}
	}
	return len;
}

static bool is_hex(int c)
{
	return ascii_is_digit(c) || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

/*
 * Length of a numeric reference at s[i] == '&' whose value cannot fit a
 * signed 32-bit int (more than 7 significant hex or 9 decimal digits),
 * or 0.
 */
static size_t overlong_ref_len(const char *s, size_t len, size_t i)
{
	size_t j = i + 1;

	if (j >= len || s[j] != '#')
		return 0;
	j++;
	bool hex = j < len && (s[j] == 'x' || s[j] == 'X');
	if (hex)
		j++;
	while (j < len && s[j] == '0')
		j++;
	size_t digits = 0;
	while (j < len && (hex ? is_hex((unsigned char)s[j])
			       : ascii_is_digit((unsigned char)s[j]))) {
		j++;
		digits++;
	}
	if (digits <= (hex ? 7u : 9u))
		return 0;
	if (j < len && s[j] == ';')
		j++;
	return j - i;
}

/* Scans one start tag from s[i] == '<'; returns the index after it. */
static size_t scan_start_tag(const char *s, size_t len, size_t i,
			     struct str *name, uint32_t *attrs, bool *selfclose)
{
	size_t j = i + 1;

	while (j < len && !ascii_is_space((unsigned char)s[j]) &&
	       s[j] != '>' && s[j] != '/')
		j++;
	*name = str_make(s + i + 1, j - i - 1);
	*attrs = 0;
	*selfclose = false;
	while (j < len) {
		while (j < len && (ascii_is_space((unsigned char)s[j]) ||
				   s[j] == '/')) {
			*selfclose = s[j] == '/';
			j++;
		}
		if (j >= len || s[j] == '>')
			break;
		*selfclose = false;
		(*attrs)++;
		while (j < len && !ascii_is_space((unsigned char)s[j]) &&
		       s[j] != '=' && s[j] != '>' && s[j] != '/')
			j++;
		while (j < len && ascii_is_space((unsigned char)s[j]))
			j++;
		if (j >= len || s[j] != '=')
			continue;
		j++;
		while (j < len && ascii_is_space((unsigned char)s[j]))
			j++;
		if (j < len && (s[j] == '"' || s[j] == '\'')) {
			const char *q = memchr(s + j + 1, s[j], len - j - 1);
			j = q ? (size_t)(q - s) + 1 : len;
		} else {
			while (j < len && !ascii_is_space((unsigned char)s[j]) &&
			       s[j] != '>')
				j++;
		}
	}
	return j < len ? j + 1 : len;
}

/* Index after the "-->" at or after k, or len when none. */
static size_t comment_end(const char *s, size_t len, size_t k)
{
	while (k + 2 < len) {
		const char *dash = memchr(s + k, '-', len - k - 2);
		if (!dash)
			break;
		k = (size_t)(dash - s);
		if (s[k + 1] == '-' && s[k + 2] == '>')
			return k + 3;
		k++;
	}
	return len;
}

/*
 * A second count of nesting, for the inputs that fool the naive one: the
 * open elements as HTML keeps them.  An end tag closes only an element
 * that is open ("<div></x>" repeated opens a div each time; the naive
 * count went up and down and let 100,000 levels through, 73 s of gumbo
 * for 900 KB), and "/>" closes only void elements and, inside <svg> or
 * <math>, foreign ones ("<div/>" stays open).  It runs high where an
 * ordinary page leaves elements open, so its limit is PRESCAN_MODEL_SLACK
 * times the naive one: 4,000 levels cost gumbo about 30 ms.  Only the top
 * PRESCAN_MATCH_WINDOW entries are searched for an end tag's element, so
 * each tag costs O(1); an end tag that matches none of them closes
 * nothing, which can only overestimate.
 */
enum {
	PRESCAN_MATCH_WINDOW = 128,
	PRESCAN_MODEL_SLACK = 4,
};

static bool is_foreign_root(struct str name)
{
	return str_ieq(name, "svg") || str_ieq(name, "math");
}

struct open_stack {
	struct str *names;
	uint32_t depth;
	uint32_t cap;
	uint32_t foreign; /* open <svg> and <math>: "/>" closes there */
};

static void open_element(struct open_stack *st, struct str name)
{
	if (st->depth == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 64;
		st->names = xrealloc(st->names, sizeof(*st->names) * st->cap);
	}
	st->names[st->depth++] = name;
	if (is_foreign_root(name))
		st->foreign++;
}

/* An end tag: pops up to the nearest open element of that name. */
static void close_element(struct open_stack *st, struct str name)
{
	uint32_t floor = st->depth > PRESCAN_MATCH_WINDOW
				 ? st->depth - PRESCAN_MATCH_WINDOW
				 : 0;

	for (uint32_t k = st->depth; k-- > floor;) {
		struct str open = st->names[k];
		if (open.len != name.len ||
		    !str_ieq_mem(open.ptr, name.ptr, name.len))
			continue;
		while (st->depth > k) {
			st->depth--;
			if (is_foreign_root(st->names[st->depth]))
				st->foreign--;
		}
		return;
	}
}

/* The name of the end tag at s[i] == '<', s[i + 1] == '/'. */
static struct str end_tag_name(const char *s, size_t len, size_t i)
{
	size_t j = i + 2;

	while (j < len && !ascii_is_space((unsigned char)s[j]) &&
	       s[j] != '>' && s[j] != '/')
		j++;
	return str_make(s + i + 2, j - i - 2);
}

/*
 * An overestimate of nesting, attribute and tag counts, linear in the
 * input.  It need not follow the tokenizer exactly: it only has to stop
 * the inputs that make gumbo quadratic or deep.
 */
static void prescan(const char *s, size_t len, const struct dom_limits *l,
		    struct prescan *out)
{
	struct open_stack st = {0};
	uint32_t depth = 0, tags = 0;
	uint64_t model_max = (uint64_t)l->max_depth * PRESCAN_MODEL_SLACK;

	*out = (struct prescan){.cut = len};
	for (size_t i = 0; i < len;) {
		const char *lt = memchr(s + i, '<', len - i);
		size_t text_end = lt ? (size_t)(lt - s) : len;
		/* references in the text before the tag (found once each) */
		const char *amp = memchr(s + i, '&', text_end - i);
		while (amp) {
			size_t at = (size_t)(amp - s);
			if (overlong_ref_len(s, len, at))
				out->overlong_refs++;
			amp = memchr(amp + 1, '&', text_end - at - 1);
		}
		if (!lt)
			break;
		i = text_end;
		if (i + 3 < len && !memcmp(s + i, "<!--", 4)) {
			i = comment_end(s, len, i + 4);
			continue;
		}
		if (i + 1 < len && s[i + 1] == '/') {
			if (depth)
				depth--;
			close_element(&st, end_tag_name(s, len, i));
			i += 2;
			continue;
		}
		if (i + 1 >= len || !ascii_is_alpha((unsigned char)s[i + 1])) {
			i++;
			continue;
		}
		struct str name;
		uint32_t attrs;
		bool selfclose;
		size_t next = scan_start_tag(s, len, i, &name, &attrs, &selfclose);
		enum tag_class class = classify_tag(name);
		bool opens = class != TAG_VOID && !(selfclose && st.foreign);
		tags++;
		if (class != TAG_VOID && !selfclose)
			depth++;
		bool deep = depth > l->max_depth ||
			    (opens && st.depth >= model_max);
		if (deep || attrs > l->max_attributes || tags > l->max_tags) {
			out->cut = i;
			out->why = deep ? "nesting too deep"
				   : attrs > l->max_attributes
					   ? "too many attributes on one tag"
					   : "too many tags";
			break;
		}
		/* raw text ends at its end tag: it holds no elements */
		if (opens && class != TAG_RAW_TEXT)
			open_element(&st, name);
		if (class == TAG_RAW_TEXT && !selfclose) {
			next = find_end_tag(s, len, next, name);
			if (depth)
				depth--;
		}
		i = next;
	}
	free(st.names);
}

/* The input with overlong numeric references replaced by U+FFFD. */
static char *rewrite_refs(struct arena *a, const char *s, size_t len,
			  size_t *out_len)
{
	char *out = arena_alloc(a, len + 1);
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		size_t n = s[i] == '&' ? overlong_ref_len(s, len, i) : 0;
		if (n >= 8) {
			memcpy(out + o, "&#xFFFD;", 8);
			o += 8;
			i += n - 1;
			continue;
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	*out_len = o;
	return out;
}

/* ---- tag mapping ---------------------------------------------------- */

static enum dom_tag map_tag(GumboTag t)
{
	switch (t) {
#define DOM_TAG_CASE(name)                                                     \
	case GUMBO_TAG_##name:                                                 \
		return DOM_TAG_##name;
		DOM_TAGS(DOM_TAG_CASE)
#undef DOM_TAG_CASE
	default:
		return DOM_TAG_OTHER;
	}
}

const char *dom_tag_name(enum dom_tag tag)
{
	static const char *const names[] = {
		"",
#define DOM_TAG_STRING(name) #name,
		DOM_TAGS(DOM_TAG_STRING)
#undef DOM_TAG_STRING
		"other",
	};
	return tag < DOM_TAG_COUNT ? names[tag] : "?";
}

/* ---- flattening ----------------------------------------------------- */

struct flatten {
	struct arena *a;
	struct dom *d;
	struct buf scratch;
};

static struct str copy_text(struct flatten *f, const char *s, size_t len)
{
	if (utf8_valid(s, len) && !memchr(s, '\0', len))
		return str_make(arena_strndup(f->a, s, len), len);
	buf_reset(&f->scratch);
	if (utf8_repair(&f->scratch, s, len))
		return str_make("", 0);
	return str_make(arena_strndup(f->a, f->scratch.ptr, f->scratch.len),
			f->scratch.len);
}

static struct str element_name(struct flatten *f, const GumboElement *e,
			       enum dom_tag tag)
{
	if (tag != DOM_TAG_OTHER) {
		const char *n = gumbo_normalized_tagname(e->tag);
		return str_make(n, strlen(n));
	}
	GumboStringPiece piece = e->original_tag;
	gumbo_tag_from_original_text(&piece);
	size_t n = 0;
	while (n < piece.length && !ascii_is_space((unsigned char)piece.data[n]) &&
	       piece.data[n] != '/' && piece.data[n] != '>')
		n++;
	char *lower = arena_alloc(f->a, n + 1);
	for (size_t i = 0; i < n; i++)
		lower[i] = (char)ascii_lower((unsigned char)piece.data[i]);
	lower[n] = '\0';
	struct str s = copy_text(f, lower, n);
	return s;
}

static bool is_element(const GumboNode *n)
{
	return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

static const GumboVector *children_of(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_DOCUMENT)
		return &n->v.document.children;
	if (is_element(n))
		return &n->v.element.children;
	return NULL;
}

static bool is_kept(const GumboNode *n)
{
	return n->type != GUMBO_NODE_COMMENT;
}

/* Pre-order successor of n inside the tree, climbing as needed. */
static const GumboNode *next_in_preorder(const GumboNode *n, bool descend)
{
	const GumboVector *kids = children_of(n);

	if (descend && kids && kids->length)
		return kids->data[0];
	while (n->parent) {
		const GumboVector *sib = children_of(n->parent);
		size_t next = n->index_within_parent + 1;
		if (next < sib->length)
			return sib->data[next];
		n = n->parent;
	}
	return NULL;
}

static void count_tree(const GumboNode *root, uint32_t *nodes, uint32_t *attrs)
{
	*nodes = 0;
	*attrs = 0;
	for (const GumboNode *n = root; n; n = next_in_preorder(n, true)) {
		if (!is_kept(n))
			continue;
		(*nodes)++;
		if (is_element(n))
			*attrs += n->v.element.attributes.length;
	}
}

static void fill_node(struct flatten *f, const GumboNode *n, uint32_t idx)
{
	struct dom *d = f->d;
	struct dom_node *dn = &d->nodes[idx];

	*dn = (struct dom_node){.parent = DOM_NONE, .next_sibling = DOM_NONE,
				.end = idx + 1, .attr_first = d->attr_count};
	switch (n->type) {
	case GUMBO_NODE_DOCUMENT:
		dn->type = DOM_DOCUMENT;
		break;
	case GUMBO_NODE_ELEMENT:
	case GUMBO_NODE_TEMPLATE: {
		const GumboElement *e = &n->v.element;
		dn->type = DOM_ELEMENT;
		dn->tag = (uint8_t)map_tag(e->tag);
		dn->name = element_name(f, e, (enum dom_tag)dn->tag);
		for (unsigned i = 0; i < e->attributes.length; i++) {
			const GumboAttribute *at = e->attributes.data[i];
			struct dom_attr *da = &d->attrs[d->attr_count++];
			da->name = copy_text(f, at->name, strlen(at->name));
			da->value = copy_text(f, at->value, strlen(at->value));
		}
		dn->attr_count = e->attributes.length;
		break;
	}
	case GUMBO_NODE_WHITESPACE:
		dn->type = DOM_WHITESPACE;
		dn->text = copy_text(f, n->v.text.text, strlen(n->v.text.text));
		break;
	default:
		dn->type = DOM_TEXT;
		dn->text = copy_text(f, n->v.text.text, strlen(n->v.text.text));
		break;
	}
}

/*
 * Copies gumbo's tree in pre-order.  The walk follows parent pointers,
 * never recursion; path[] holds our index of each open ancestor so that
 * parent, sibling and subtree-end links are set as the walk moves.
 */
static void flatten_tree(struct flatten *f, const GumboNode *root)
{
	struct dom *d = f->d;
	uint32_t nodes, attrs;

	count_tree(root, &nodes, &attrs);
	d->nodes = arena_alloc(f->a, sizeof(*d->nodes) * (nodes ? nodes : 1));
	d->attrs = arena_alloc(f->a, sizeof(*d->attrs) * (attrs ? attrs : 1));
	d->count = 0;
	d->attr_count = 0;

	size_t cap = 64;
	uint32_t *path = xmalloc(sizeof(*path) * cap);
	uint32_t *prev_child = xmalloc(sizeof(*prev_child) * cap);
	size_t level = 0;
	const GumboNode *n = root;

	while (n) {
		const GumboVector *kids = children_of(n);
		if (is_kept(n)) {
			uint32_t idx = d->count++;
			fill_node(f, n, idx);
			struct dom_node *dn = &d->nodes[idx];
			dn->depth = level > UINT16_MAX ? UINT16_MAX
						       : (uint16_t)level;
			if (level) {
				dn->parent = path[level - 1];
				if (prev_child[level - 1] != DOM_NONE)
					d->nodes[prev_child[level - 1]]
						.next_sibling = idx;
				prev_child[level - 1] = idx;
			}
			if (level == cap) {
				cap *= 2;
				path = xrealloc(path, sizeof(*path) * cap);
				prev_child = xrealloc(prev_child,
						      sizeof(*prev_child) * cap);
			}
			path[level] = idx;
			prev_child[level] = DOM_NONE;
			if (kids && kids->length) {
				level++;
				n = kids->data[0];
				continue;
			}
			d->nodes[idx].end = d->count;
		}
		/* leave n, closing each ancestor that has no next sibling */
		for (;;) {
			if (!n->parent) {
				n = NULL;
				break;
			}
			const GumboVector *sib = children_of(n->parent);
			size_t next = n->index_within_parent + 1;
			if (next < sib->length) {
				n = sib->data[next];
				break;
			}
			n = n->parent;
			level--;
			d->nodes[path[level]].end = d->count;
		}
	}
	free(prev_child);
	free(path);
}


/* ---- gumbo's memory ------------------------------------------------- */

/*
 * gumbo allocates into an arena of its own, one per parse, dropped whole
 * once the tree is flattened: no malloc and free per token and node
 * (about 8 % of a bare parse's instructions), no gumbo_destroy_output
 * walk, and nothing gumbo 0.10.1 leaks (the name and identifiers of a
 * DOCTYPE token met in <head><noscript>) outlives the parse.  Freed
 * blocks are not reused; gumbo grows its vectors and strings by
 * allocate, copy, free, but doubling, so a parse allocates in all at most
 * 1.7 times what it holds at its peak (measured on the 181 benchmark
 * pages, 1.65 at worst, and on 8 MB hostile shapes: one text node or
 * comment 1.6, 2M open paragraphs 1.07), or about its input's size when
 * it holds little (repeated duplicate attributes).  OOM is fatal as
 * everywhere (gumbo does not check for NULL).
 */
static void *gumbo_alloc(void *userdata, size_t size)
{
	/* as malloc(0) would, a zero-size block gets an address of its own */
	return arena_alloc(userdata, size ? size : 1);
}

static void gumbo_free(void *userdata, void *ptr)
{
	(void)userdata;
	(void)ptr;
}

/* ---- parsing on a thread of its own --------------------------------- */

struct parse_job {
	struct arena *a;
	const char *html;
	size_t len;
	struct dom *out;
};

static void *parse_thread(void *arg)
{
	struct parse_job *job = arg;
	GumboOptions options = kGumboDefaultOptions;
	struct arena gumbo_mem;

	arena_init(&gumbo_mem);
	options.max_errors = 0;
	options.allocator = gumbo_alloc;
	options.deallocator = gumbo_free;
	options.userdata = &gumbo_mem;
	GumboOutput *output =
		gumbo_parse_with_options(&options, job->html, job->len);
	struct flatten f = {.a = job->a, .d = job->out};
	buf_init(&f.scratch, BUF_NO_MAX);
	flatten_tree(&f, output->document);
	buf_release(&f.scratch);
	arena_release(&gumbo_mem);
	return NULL;
}

int dom_parse(struct arena *a, const char *html, size_t len,
	      const struct dom_limits *limits, struct dom *out)
{
	struct dom_limits defaults;
	struct prescan scan;

	if (!limits) {
		dom_limits_defaults(&defaults);
		limits = &defaults;
	}
	*out = (struct dom){0};
	prescan(html, len, limits, &scan);
	if (scan.why) {
		out->truncated = true;
		out->truncation = scan.why;
		len = scan.cut;
	}
	/*
	 * gumbo 0.10.1 reads a byte past the length it is given (a guard
	 * page after the input faults), so it gets a NUL-terminated copy
	 */
	const char *input;
	size_t input_len;
	if (scan.overlong_refs) {
		input = rewrite_refs(a, html, len, &input_len);
	} else {
		input = arena_strndup(a, html, len);
		input_len = len;
	}

	struct parse_job job = {.a = a, .html = input, .len = input_len,
				.out = out};
	pthread_attr_t attr;
	pthread_t thread;
	if (pthread_attr_init(&attr))
		return error("cannot set up the parser thread");
	pthread_attr_setstacksize(&attr, DOM_PARSE_STACK);
	int rc = pthread_create(&thread, &attr, parse_thread, &job);
	pthread_attr_destroy(&attr);
	if (rc)
		return error("cannot start the parser thread: %s", strerror(rc));
	pthread_join(thread, NULL);
	return 0;
}

struct str dom_attr(const struct dom *d, uint32_t i, const char *name)
{
	const struct dom_node *n = &d->nodes[i];
	size_t len = strlen(name);

	for (uint32_t k = 0; k < n->attr_count; k++) {
		const struct dom_attr *at = &d->attrs[n->attr_first + k];
		if (at->name.len == len && str_ieq_mem(at->name.ptr, name, len))
			return at->value;
	}
	return STR_NULL;
}

bool dom_has_attr(const struct dom *d, uint32_t i, const char *name)
{
	return dom_attr(d, i, name).ptr != NULL;
}

uint32_t dom_find(const struct dom *d, uint32_t from, enum dom_tag tag)
{
	for (uint32_t i = from; i < d->count; i++) {
		if (d->nodes[i].tag == tag)
			return i;
	}
	return DOM_NONE;
}

bool dom_same_kind(const struct dom *d, uint32_t a, uint32_t b)
{
	struct str ca = dom_attr(d, a, "class"), cb = dom_attr(d, b, "class");

	return d->nodes[a].type == DOM_ELEMENT &&
	       d->nodes[a].tag == d->nodes[b].tag && ca.len == cb.len &&
	       (!ca.len || !memcmp(ca.ptr, cb.ptr, ca.len));
}

bool dom_has_twin(const struct dom *d, uint32_t el)
{
	uint32_t parent = d->nodes[el].parent;

	if (parent == DOM_NONE)
		return false;
	for (uint32_t n = parent + 1; n != DOM_NONE && n < d->nodes[parent].end;
	     n = d->nodes[n].next_sibling) {
		if (n != el && dom_same_kind(d, n, el))
			return true;
	}
	return false;
}
