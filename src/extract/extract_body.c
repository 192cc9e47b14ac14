/*
 * extract_body.c - where the main text is, and which of its blocks to
 * keep.
 *
 * The scoring follows Readability's idea (fx: Readability.js
 * _grabArticle): every paragraph-like block scores by its length and
 * commas, the score flows to its ancestors with decay, an ancestor's
 * score is discounted by its link density, and the best-scoring element
 * with its well-scoring siblings is the article.  Unlike Readability we
 * never change the tree: boilerplate is a mark in a side table, and the
 * chosen subtrees select blocks from one text pass over the page.
 */
#include "extract/heuristics.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/msg.h"
#include "extract/lexicon.h"

enum {
	/* Blocks shorter than this carry no evidence (Readability: 25). */
	BODY_MIN_BLOCK_CHARS = 25,
	BODY_SCORE_LEVELS = 5,
	BODY_TOP_CANDIDATES = 5,
	/* less main text than this and the relaxed pass is tried */
	BODY_MIN_CHARS_BEFORE_RETRY = 250,
	/* a candidate scoring less is weak evidence of an article */
	BODY_WEAK_SCORE = 30,
	/*
	 * A chosen article holding less than this share (percent) of the
	 * page's own text is one part of a page whose text is spread out:
	 * a service page's sections, a product's panels, a listing's
	 * cards.  The page's text is then gathered instead.
	 */
	BODY_GATHER_SHARE = 50,
	/* a teaser card: this many levels above its text at most ... */
	BODY_CARD_LEVELS = 4,
	/* ... and no more text than this */
	BODY_CARD_MAX_CHARS = 600,
};

static float initial_score(const struct dom *d, uint32_t i)
{
	float s;

	switch ((enum dom_tag)d->nodes[i].tag) {
	case DOM_TAG_DIV: case DOM_TAG_ARTICLE: case DOM_TAG_MAIN:
	case DOM_TAG_SECTION:
		s = 5;
		break;
	case DOM_TAG_PRE: case DOM_TAG_TD: case DOM_TAG_BLOCKQUOTE:
		s = 3;
		break;
	case DOM_TAG_ADDRESS: case DOM_TAG_OL: case DOM_TAG_UL:
	case DOM_TAG_DL: case DOM_TAG_DD: case DOM_TAG_DT: case DOM_TAG_LI:
	case DOM_TAG_FORM:
		s = -3;
		break;
	case DOM_TAG_H1: case DOM_TAG_H2: case DOM_TAG_H3: case DOM_TAG_H4:
	case DOM_TAG_H5: case DOM_TAG_H6: case DOM_TAG_TH:
		s = -5;
		break;
	default:
		s = 0;
		break;
	}
	return s + (float)class_weight(d, i);
}

static unsigned count_commas(const char *s, size_t len)
{
	unsigned n = 0;

	for (size_t i = 0; i < len; i++) {
		if (s[i] == ',')
			n++;
		/* the ideographic and fullwidth commas */
		else if (i + 2 < len && (unsigned char)s[i] == 0xE3 &&
			 (unsigned char)s[i + 1] == 0x80 &&
			 (unsigned char)s[i + 2] == 0x81)
			n++;
		else if (i + 2 < len && (unsigned char)s[i] == 0xEF &&
			 (unsigned char)s[i + 1] == 0xBC &&
			 (unsigned char)s[i + 2] == 0x8C)
			n++;
	}
	return n;
}

static float link_density(const struct page_ctx *c, uint32_t i)
{
	uint32_t t = c->text_chars[i];

	if (c->relaxed)
		return 0.0f;
	return t ? (float)c->link_chars[i] / (float)t : 0.0f;
}

struct scoring {
	float *score;
	uint8_t *scored; /* 1 once initial_score was added */
};

static void add_score(const struct page_ctx *c, struct scoring *s, uint32_t node,
		      float value)
{
	if (!s->scored[node]) {
		s->scored[node] = 1;
		s->score[node] += initial_score(c->d, node);
	}
	s->score[node] += value;
}

static void score_blocks(const struct page_ctx *c, const struct blocks *b,
			 struct scoring *s)
{
	const struct dom *d = c->d;

	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		if (bl->chars < BODY_MIN_BLOCK_CHARS || bl->kind == BLOCK_HEADING)
			continue;
		float value = 1.0f + (float)count_commas(block_text(b, k), bl->len);
		float len_bonus = (float)bl->chars / 100.0f;
		value += len_bonus > 3.0f ? 3.0f : len_bonus;
		/* the paragraph's own container, then its ancestors */
		uint32_t node = d->nodes[bl->first].parent;
		if (node == DOM_NONE)
			continue;
		for (int level = 0; level <= BODY_SCORE_LEVELS && node != DOM_NONE &&
				    node >= c->body;
		     level++) {
			float div = level <= 1 ? 1.0f
				    : level == 2 ? 2.0f
						 : (float)level * 3.0f;
			add_score(c, s, node, value / div);
			node = d->nodes[node].parent;
		}
	}
}

static uint32_t best_candidate(const struct page_ctx *c, struct scoring *s,
			       uint32_t top[BODY_TOP_CANDIDATES])
{
	const struct dom *d = c->d;
	float best[BODY_TOP_CANDIDATES] = {0};

	for (uint32_t k = 0; k < BODY_TOP_CANDIDATES; k++)
		top[k] = DOM_NONE;
	for (uint32_t i = c->body; i < d->count; i++) {
		if (!s->scored[i])
			continue;
		s->score[i] *= 1.0f - link_density(c, i);
		for (uint32_t k = 0; k < BODY_TOP_CANDIDATES; k++) {
			if (top[k] == DOM_NONE || s->score[i] > best[k]) {
				memmove(&top[k + 1], &top[k],
					sizeof(top[0]) * (BODY_TOP_CANDIDATES - k - 1));
				memmove(&best[k + 1], &best[k],
					sizeof(best[0]) * (BODY_TOP_CANDIDATES - k - 1));
				top[k] = i;
				best[k] = s->score[i];
				break;
			}
		}
	}
	return top[0];
}

/*
 * When several strong candidates share an ancestor (an article split in
 * sections), the ancestor is the article (fx: Readability, "alternative
 * candidate ancestors").
 */
static uint32_t widen_to_common_ancestor(const struct page_ctx *c, struct scoring *s,
					 const uint32_t top[BODY_TOP_CANDIDATES])
{
	const struct dom *d = c->d;
	uint32_t best = top[0];
	float floor = s->score[best] * 0.75f;
	uint32_t alts[BODY_TOP_CANDIDATES];
	size_t n = 0;

	for (uint32_t k = 1; k < BODY_TOP_CANDIDATES; k++) {
		if (top[k] != DOM_NONE && s->score[top[k]] >= floor &&
		    !dom_contains(d, best, top[k]) && !dom_contains(d, top[k], best))
			alts[n++] = top[k];
	}
	if (n == 0)
		return best;
	for (uint32_t p = d->nodes[best].parent; p != DOM_NONE && p > c->body;
	     p = d->nodes[p].parent) {
		size_t inside = 0;
		for (size_t k = 0; k < n; k++)
			inside += dom_contains(d, p, alts[k]);
		if (inside >= (n < 2 ? n : 2))
			return p;
	}
	return best;
}

static bool ends_sentence(const char *s, size_t len)
{
	while (len && s[len - 1] == ' ')
		len--;
	return len && (s[len - 1] == '.' || s[len - 1] == '!' ||
		       s[len - 1] == '?' || s[len - 1] == '"');
}

/*
 * The siblings of the article root that belong with it (fx: Readability's
 * sibling pass): well-scored ones, and long low-link paragraphs.
 */
static void select_siblings(const struct page_ctx *c, struct scoring *s,
			    uint32_t root, uint8_t *selected,
			    const struct blocks *b)
{
	const struct dom *d = c->d;
	uint32_t parent = d->nodes[root].parent;
	float threshold = s->score[root] * 0.2f;

	if (threshold < 10.0f)
		threshold = 10.0f;
	selected[root] = 1;
	if (parent == DOM_NONE || parent < c->body)
		return;
	struct str root_class = dom_attr(d, root, "class");
	for (uint32_t k = parent + 1; k < d->nodes[parent].end;
	     k = d->nodes[k].end) {
		if (k == root || d->nodes[k].type != DOM_ELEMENT ||
		    c->hidden[k] || c->boiler[k])
			continue;
		/* an <article> is self-contained: its neighbours are others */
		if (d->nodes[k].tag == DOM_TAG_ARTICLE &&
		    d->nodes[root].tag == DOM_TAG_ARTICLE)
			continue;
		float bonus = 0;
		struct str cls = dom_attr(d, k, "class");
		if (root_class.len && cls.len == root_class.len &&
		    !memcmp(cls.ptr, root_class.ptr, cls.len))
			bonus = s->score[root] * 0.2f;
		if (s->scored[k] && s->score[k] + bonus >= threshold) {
			selected[k] = 1;
			continue;
		}
		if (d->nodes[k].tag != DOM_TAG_P)
			continue;
		uint32_t chars = c->text_chars[k];
		float ld = link_density(c, k);
		if (chars > 80 && ld < 0.25f) {
			selected[k] = 1;
		} else if (chars && chars <= 80 && ld == 0.0f) {
			for (uint32_t j = 0; j < b->count; j++) {
				if (dom_contains(d, k, b->v[j].first) &&
				    ends_sentence(block_text(b, j), b->v[j].len)) {
					selected[k] = 1;
					break;
				}
			}
		}
	}
}

static bool same_class(const struct dom *d, uint32_t a, uint32_t b)
{
	return dom_attr(d, a, "class").len && dom_same_kind(d, a, b);
}

/*
 * Long articles are often cut into chunks between ads: containers of the
 * root's own tag and class elsewhere on the page, each with real text,
 * are more of the same article.
 */
static void select_chunks(const struct page_ctx *c, struct scoring *s,
			  uint32_t root, uint8_t *selected)
{
	const struct dom *d = c->d;
	float floor = s->score[root] * 0.1f;

	if (floor < 10.0f)
		floor = 10.0f;
	for (uint32_t i = c->body; i < d->count; i++) {
		if (!s->scored[i] || s->score[i] < floor || i == root ||
		    dom_contains(d, root, i) || dom_contains(d, i, root) ||
		    !same_class(d, i, root) || c->boiler[i])
			continue;
		selected[i] = 1;
		i = d->nodes[i].end - 1;
	}
}

/*
 * A best candidate with little score that holds a small part of the
 * page's readable text is no article (listings, landing pages): the
 * page's non-boilerplate text as a whole is the better answer.
 */
static bool weak_candidate(const struct page_ctx *c, const struct scoring *s,
			   uint32_t root)
{
	uint32_t page = c->text_chars[c->body] - c->link_chars[c->body];
	uint32_t mine = c->text_chars[root] - c->link_chars[root];

	return s->score[root] < BODY_WEAK_SCORE && mine * 4 < page;
}

/* True if a selected element holds the node. */
static bool under_selected(const struct page_ctx *c, const uint8_t *selected,
			   uint32_t node)
{
	for (uint32_t n = node; n != DOM_NONE && n >= c->body;
	     n = c->d->nodes[n].parent) {
		if (selected[n])
			return true;
	}
	return false;
}

/*
 * Text of a teaser card, which points to another page: the block lies
 * in a small element that stands among twins (a run of cards of one
 * tag and class) and opens with a linked headline.  A service page's
 * feature cards open with a heading of their own and stay.
 */
static bool in_teaser_card(const struct page_ctx *c, const struct blocks *b,
			   uint32_t k)
{
	const struct dom *d = c->d;
	uint32_t n = b->v[k].node;

	for (int up = 0; up < BODY_CARD_LEVELS && n != DOM_NONE && n > c->body;
	     up++, n = d->nodes[n].parent) {
		if (c->text_chars[n] > BODY_CARD_MAX_CHARS)
			return false;
		if (!dom_has_twin(d, n))
			continue;
		uint32_t j = k;
		while (j > 0 && dom_contains(d, n, b->v[j - 1].first))
			j--;
		const struct block *head = &b->v[j];
		return head->chars && head->link_chars * 2 > head->chars;
	}
	return false;
}

/*
 * Whether the selection holds less than BODY_GATHER_SHARE of the text
 * outside links of the page's blocks b (boilerplate and hidden text
 * left out, and the blurbs of teaser cards, which point to other
 * pages).
 */
static bool holds_little(const struct page_ctx *c, const uint8_t *selected,
			 const struct blocks *b)
{
	uint64_t page = 0, mine = 0;

	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		uint32_t own = bl->chars - bl->link_chars;
		if (under_selected(c, selected, bl->first))
			mine += own;
		else if (in_teaser_card(c, b, k))
			continue;
		page += own;
	}
	return mine * 100 < page * BODY_GATHER_SHARE;
}

uint32_t body_find_root(const struct page_ctx *c, uint8_t *selected,
			bool *spread)
{
	const struct dom *d = c->d;
	struct blocks b;
	struct scoring s;
	uint32_t top[BODY_TOP_CANDIDATES];

	blocks_init(&b);
	uint8_t *skip = arena_alloc(c->a, d->count);
	for (uint32_t i = 0; i < d->count; i++)
		skip[i] = c->hidden[i] | c->boiler[i];
	blocks_build(d, c->body, skip, &b);
	s.score = arena_calloc(c->a, d->count, sizeof(*s.score));
	s.scored = arena_calloc(c->a, d->count, 1);
	score_blocks(c, &b, &s);
	uint32_t root = best_candidate(c, &s, top);
	*spread = false;
	if (root == DOM_NONE || weak_candidate(c, &s, root)) {
		root = c->body;
		selected[root] = 1;
	} else {
		root = widen_to_common_ancestor(c, &s, top);
		select_siblings(c, &s, root, selected, &b);
		select_chunks(c, &s, root, selected);
		*spread = holds_little(c, selected, &b);
	}
	blocks_release(&b);
	return root;
}

/*
 * The element that holds a gathered page's text: the page's <main> (or
 * role=main) when it holds most of the page's text, else <body>.
 */
static uint32_t gather_root(const struct page_ctx *c)
{
	const struct dom *d = c->d;
	uint32_t page = c->text_chars[c->body] - c->link_chars[c->body];

	for (uint32_t i = c->body; i < d->count; i++) {
		if (c->hidden[i] || d->nodes[i].type != DOM_ELEMENT)
			continue;
		if (d->nodes[i].tag != DOM_TAG_MAIN &&
		    !str_ieq(dom_attr(d, i, "role"), "main"))
			continue;
		if ((c->text_chars[i] - c->link_chars[i]) * 2 >= page)
			return i;
		break;
	}
	return c->body;
}

/*
 * The page's blocks that lie in a selected subtree; returns the mask of
 * the selected nodes.
 */
static uint8_t *collect_blocks(const struct page_ctx *c, uint8_t *selected,
			       struct blocks *out)
{
	const struct dom *d = c->d;
	uint8_t *skip = arena_alloc(c->a, d->count);

	/* spread the selection to descendants, then build only those */
	for (uint32_t i = 0; i < d->count; i++) {
		if (!selected[i] && d->nodes[i].parent != DOM_NONE &&
		    selected[d->nodes[i].parent])
			selected[i] = 1;
	}
	for (uint32_t i = 0; i < d->count; i++) {
		bool inside = selected[i];
		/* keep ancestors walkable so that the walk reaches the roots */
		skip[i] = c->hidden[i] || (c->boiler[i] && inside);
	}
	struct blocks all;
	blocks_init(&all);
	blocks_build(d, c->body, skip, &all);
	for (uint32_t k = 0; k < all.count; k++) {
		const struct block *bl = &all.v[k];
		if (!selected[bl->first])
			continue;
		if (out->count == out->cap) {
			out->cap = out->cap ? out->cap * 2 : 64;
			out->v = xrealloc(out->v, sizeof(*out->v) * out->cap);
		}
		struct block copy = *bl;
		copy.start = (uint32_t)out->text.len;
		if (buf_append(&out->text, block_text(&all, k), bl->len + 1))
			die_oom();
		out->v[out->count++] = copy;
	}
	blocks_release(&all);
	return selected;
}

/* Text in blocks that are not mostly links (what the body will keep). */
static uint32_t total_chars(const struct blocks *b)
{
	uint32_t n = 0;

	for (uint32_t k = 0; k < b->count; k++) {
		if (b->v[k].link_chars * 2 <= b->v[k].chars)
			n += b->v[k].chars;
	}
	return n;
}

static uint32_t plain_chars(const struct blocks *b)
{
	uint32_t n = 0;

	for (uint32_t k = 0; k < b->count; k++)
		n += b->v[k].chars;
	return n;
}

/*
 * The main content.  When the first pass finds almost nothing (pages
 * built of link cards, text left in <noscript> for script-less readers,
 * content in containers named like boilerplate), a second pass drops the
 * boilerplate marks and the link-density discount and keeps the better
 * result (fx: Readability's retries with weaker flags, here without
 * re-parsing).
 */
/*
 * A gathered page: its main element, or its body, less boilerplate,
 * with the panels a reader can open (accordions, tabs) opened.
 */
static struct page_ctx *gather(struct page_ctx *c, struct blocks *out)
{
	struct page_ctx *g = arena_alloc(c->a, sizeof(*g));
	uint8_t *selected = arena_calloc(c->a, c->d->count, 1);

	*g = *c;
	g->hidden = c->hidden_closed;
	g->gathered = true;
	selected[gather_root(c)] = 1;
	blocks_release(out);
	blocks_init(out);
	g->content = collect_blocks(g, selected, out);
	return g;
}

struct page_ctx *body_blocks(struct page_ctx *c, struct blocks *out)
{
	bool spread;
	uint8_t *selected = arena_calloc(c->a, c->d->count, 1);

	body_find_root(c, selected, &spread);
	c->content = collect_blocks(c, selected, out);
	if (spread)
		c = gather(c, out);
	if (total_chars(out) >= BODY_MIN_CHARS_BEFORE_RETRY)
		return c;

	struct page_ctx *relaxed = arena_alloc(c->a, sizeof(*relaxed));
	struct blocks second;
	*relaxed = *c;
	relaxed->boiler = arena_calloc(c->a, c->d->count, 1);
	relaxed->hidden = c->hidden_noscript;
	relaxed->relaxed = true;
	relaxed->gathered = false;
	blocks_init(&second);
	uint8_t *again = arena_calloc(c->a, c->d->count, 1);
	body_find_root(relaxed, again, &spread);
	relaxed->content = collect_blocks(relaxed, again, &second);
	if (plain_chars(&second) <= total_chars(out) * 2) {
		blocks_release(&second);
		return c;
	}
	struct blocks tmp = *out;
	*out = second;
	blocks_release(&tmp);
	return relaxed;
}
