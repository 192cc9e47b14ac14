/*
 * block_rules.c - the rules that give each block of the main content
 * its verdict, and the one registry that orders them.
 *
 * Every rule is a pure function of the page (struct page_ctx, read only),
 * the blocks and the verdicts so far; it proposes, and verdicts_decide()
 * records the first proposal each block gets.  To add a rule: write it
 * here with a unit test on a page of its own (tests/unit/test_rules.c),
 * then give it a place in the registry at the end of this file.  `make
 * bench-ablation` measures what each one is worth.
 */
#include "extract/verdict.h"

#include <stdlib.h>
#include <string.h>

#include "base/hash.h"
#include "base/msg.h"
#include "extract/heuristics.h"

enum {
	/* Repeats shorter than this may be a refrain or a "Yes."; keep them. */
	DEDUPE_MIN_CHARS = 40,
	/* a verbatim repeat of a paragraph this long is always a copy */
	DEDUPE_ALWAYS_CHARS = 200,
	/* a repeat this few blocks after the first is a copy */
	DEDUPE_ADJACENT = 2,
	/* blocks repeated in order that make a copy, not a recurring line */
	DEDUPE_RUN = 3,
	/* longer repeats are copies even when they stand alone */
	DEDUPE_RECUR_MAX_CHARS = 100,
	/* a closing list item this short with a linked headline is chrome */
	TAIL_ITEM_MAX_CHARS = 120,
	/* "More:", "Related stories": a few words */
	STORY_LABEL_MAX_CHARS = 30,
	/* the blurb under a closing teaser card's headline */
	TAIL_CARD_MAX_CHARS = 200,
	/* a closing line shorter than this without a full stop is chrome */
	TAIL_LABEL_MAX_CHARS = 40,
};

const char *verdict_name(enum verdict v)
{
	switch (v) {
	case VERDICT_BODY:
		return "body";
	case VERDICT_DISCLAIMER:
		return "disclaimer";
	case VERDICT_COMMENT:
		return "comment";
	case VERDICT_DROPPED:
		break;
	}
	return "dropped";
}

static void propose(struct decision *p, enum verdict v, const char *rule)
{
	p->verdict = (uint8_t)v;
	p->rule = rule;
}

/* ---- one block at a time ---- */

/* Blocks the rule may still move: body, and not preformatted text. */
typedef bool (*line_test)(const char *s, size_t len);

static void drop_lines(const struct rule_input *in, struct decision *p,
		       line_test test, const char *rule)
{
	const struct blocks *b = in->b;

	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		if (in->now[k].verdict != VERDICT_BODY ||
		    bl->kind == BLOCK_PRE || bl->kind == BLOCK_ROW)
			continue;
		if (test(block_text(b, k), bl->len))
			propose(&p[k], VERDICT_DROPPED, rule);
	}
}

/*
 * A block whose text is mostly link text is navigation, a list of other
 * stories or a tag cloud (fx: Readability's link density).  Headings stay:
 * a linked headline heads its own text.
 */
static void rule_link_list(const struct rule_input *in, struct decision *p)
{
	const struct blocks *b = in->b;

	if (in->c->relaxed)
		return;
	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		if (bl->chars && bl->link_chars * 2 > bl->chars &&
		    bl->kind != BLOCK_HEADING)
			propose(&p[k], VERDICT_DROPPED, "link-list");
	}
}

#define LINE_RULE(fn, test, name)                                            \
	static void fn(const struct rule_input *in, struct decision *p)      \
	{                                                                    \
		drop_lines(in, p, test, name);                               \
	}
LINE_RULE(rule_dateline, line_is_dateline, "dateline")
LINE_RULE(rule_byline, line_is_byline, "byline")
LINE_RULE(rule_teaser, line_is_teaser, "teaser-label")
LINE_RULE(rule_promo, line_is_promo, "promo")
LINE_RULE(rule_credit, line_is_credit, "credit")
LINE_RULE(rule_chrome, line_is_chrome, "chrome-label")
LINE_RULE(rule_comment_notice, line_is_comment_notice, "comment-notice")
LINE_RULE(rule_post_meta, line_is_post_meta, "post-meta")
#undef LINE_RULE

/* FNV-1a over letters and digits, so spacing and punctuation don't count. */
static uint64_t text_hash(const char *s, size_t len)
{
	uint64_t h = HASH_FNV1A_BASIS;

	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x80 && !ascii_is_alnum(ch))
			continue;
		/* U+2000-U+206F: dashes, quotes, ellipsis; U+00A0-U+00BF */
		if ((ch == 0xE2 && i + 1 < len && (unsigned char)s[i + 1] == 0x80) ||
		    (ch == 0xE2 && i + 1 < len && (unsigned char)s[i + 1] == 0x81)) {
			i += 2;
			continue;
		}
		if (ch == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0xA0 &&
		    (unsigned char)s[i + 1] <= 0xBF) {
			i += 1;
			continue;
		}
		h = hash_fnv1a_step(h, (uint64_t)ascii_lower(ch));
	}
	return h;
}

/*
 * The first heading of the body, when it says what the title says, is
 * the headline: the title field has it already.
 */
static void rule_headline(const struct rule_input *in, struct decision *p)
{
	const struct blocks *b = in->b;
	const char *title = in->c->title;

	if (!title)
		return;
	uint64_t title_hash = text_hash(title, strlen(title));
	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		if (in->now[k].verdict != VERDICT_BODY)
			continue;
		/* a disclaimer before the headline leaves it the first */
		if (legal_is_disclaimer(in->c, bl))
			continue;
		if (bl->kind != BLOCK_HEADING ||
		    text_hash(block_text(b, k), bl->len) != title_hash)
			return;
		/* the next heading may say it again: it is then first */
		propose(&p[k], VERDICT_DROPPED, "headline-is-title");
	}
}

/* Blocks of the page's disclaimers (legal_find) go to that field. */
static void rule_disclaimer(const struct rule_input *in, struct decision *p)
{
	const struct blocks *b = in->b;

	for (uint32_t k = 0; k < b->count; k++) {
		if (legal_is_disclaimer(in->c, &b->v[k]))
			propose(&p[k], VERDICT_DISCLAIMER, "disclaimer");
	}
}

/* ---- repeats ---- */

/* The element around a block's own element: its place on the page. */
static uint32_t block_place(const struct dom *d, const struct block *bl)
{
	uint32_t holder = d->nodes[bl->first].parent;

	return holder == DOM_NONE ? DOM_NONE : d->nodes[holder].parent;
}

/*
 * Which blocks repeat an earlier one.  A repeat is a copy (a print
 * version, a hidden mobile copy, a gallery caption shown twice) when it
 * stands elsewhere on the page than the first occurrence, when it is a
 * long paragraph, or when repeats make up a third of all text.  A repeat
 * among its siblings (a refrain, recurring lines of a recipe or a
 * timetable) stays where the author put it.
 */
enum { REP_NONE, REP_NEAR, REP_ELSEWHERE, REP_SURE };

/*
 * A short line repeated elsewhere with no repeated line beside it: the
 * same fact on each card of a listing ("Tech conference in Chicago"),
 * not a copied passage.  Captions are still copies: a gallery shows one
 * in two places.
 */
static bool recurs_alone(const struct blocks *b, const uint8_t *rep,
			 uint32_t k)
{
	const struct block *bl = &b->v[k];

	return rep[k] == REP_ELSEWHERE && bl->kind != BLOCK_CAPTION &&
	       bl->chars < DEDUPE_RECUR_MAX_CHARS && !(k > 0 && rep[k - 1]) &&
	       !(k + 1 < b->count && rep[k + 1]);
}

static void rule_repeat(const struct rule_input *in, struct decision *p)
{
	const struct dom *d = in->c->d;
	const struct blocks *b = in->b;
	size_t cap = (size_t)b->count * 2 + 16;
	uint64_t *hashes = xcalloc(cap, sizeof(*hashes));
	uint32_t *first = xcalloc(cap, sizeof(*first));
	uint8_t *rep = xcalloc(b->count ? b->count : 1, 1);
	uint32_t *prev = xcalloc(b->count ? b->count : 1, sizeof(*prev));
	uint64_t total = 0;

	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		total += bl->chars;
		if (bl->chars < DEDUPE_MIN_CHARS)
			continue;
		uint64_t h = text_hash(block_text(b, k), bl->len) | 1;
		size_t i = (size_t)(h % cap);
		while (hashes[i] && hashes[i] != h)
			i = (i + 1) % cap;
		if (!hashes[i]) {
			hashes[i] = h;
			first[i] = k;
			continue;
		}
		bool elsewhere = block_place(d, bl) !=
				 block_place(d, &b->v[first[i]]);
		/* said twice in a row: a caption under and over an image */
		bool adjacent = k - first[i] <= DEDUPE_ADJACENT;
		prev[k] = first[i];
		rep[k] = adjacent || bl->chars >= DEDUPE_ALWAYS_CHARS ? REP_SURE
			 : elsewhere				      ? REP_ELSEWHERE
								      : REP_NEAR;
		first[i] = k;
	}
	/*
	 * A copy of the text repeats a run of blocks in their order; a line
	 * or two that recur among their siblings (the items of a meal plan
	 * or a timetable, a chorus) are the author's, and do not make the
	 * page a copy.
	 */
	uint64_t repeated = 0;
	for (uint32_t k = 0; k < b->count;) {
		uint32_t run = 1;
		if (!rep[k]) {
			k++;
			continue;
		}
		while (k + run < b->count && rep[k + run] &&
		       prev[k + run] == prev[k + run - 1] + 1)
			run++;
		for (uint32_t j = k; j < k + run; j++) {
			if (run >= DEDUPE_RUN || rep[j] != REP_NEAR)
				repeated += b->v[j].chars;
			if (run == 1 && recurs_alone(b, rep, j))
				rep[j] = REP_NEAR;
		}
		k += run;
	}
	bool copy = repeated * 3 >= total;
	for (uint32_t k = 0; k < b->count; k++) {
		if (rep[k] >= REP_ELSEWHERE || (rep[k] && copy))
			propose(&p[k], VERDICT_DROPPED, "repeat");
	}
	free(hashes);
	free(first);
	free(prev);
	free(rep);
}

/* ---- passes over the whole content ---- */

/*
 * When the page declares its article text (JSON-LD articleBody) at about
 * the length of what was found, paragraphs that share nothing with it
 * are not the article.  Headings and captions are left alone: the
 * declared text rarely carries them.
 */
static void rule_undeclared(const struct rule_input *in, struct decision *p)
{
	const struct page_ctx *c = in->c;
	const struct blocks *b = in->b;
	const struct ld_text *ld = ld_text_new(c->a, c->meta.ld_body);
	uint32_t words = 0;

	if (!ld)
		return;
	for (uint32_t k = 0; k < b->count; k++)
		words += in->now[k].verdict == VERDICT_BODY ? b->v[k].chars / 6
							    : 0;
	if (ld_text_words(ld) * 2 < words)
		return; /* a summary, not the whole text */
	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		if (in->now[k].verdict != VERDICT_BODY ||
		    bl->kind == BLOCK_HEADING || bl->kind == BLOCK_CAPTION)
			continue;
		if (ld_text_overlap(ld, block_text(b, k), bl->len) == 0.0f)
			propose(&p[k], VERDICT_DROPPED, "not-in-declared-text");
	}
}

/*
 * A label over other stories ("More:", "Related stories") standing on
 * its own line claims the linked headlines under it, headings included,
 * up to the first line that is not mostly a link.
 */
static void rule_story_label(const struct rule_input *in, struct decision *p)
{
	const struct blocks *b = in->b;

	if (in->c->relaxed)
		return;
	for (uint32_t k = 0; k + 1 < b->count; k++) {
		const struct block *bl = &b->v[k];
		const char *t = block_text(b, k);
		if (bl->chars > STORY_LABEL_MAX_CHARS || bl->link_chars ||
		    !(line_is_teaser(t, bl->len) || line_is_chrome(t, bl->len)))
			continue;
		uint32_t j = k + 1;
		while (j < b->count && b->v[j].chars &&
		       b->v[j].link_chars * 2 > b->v[j].chars) {
			propose(&p[j], VERDICT_DROPPED, "under-story-label");
			j++;
		}
		k = j - 1;
	}
}

static bool ends_sentence(const char *s, size_t len)
{
	static const char *const stops[] = {
		".", "!", "?", "\"", ")", "\xe2\x80\x9d", "\xe3\x80\x82",
		"\xef\xbc\x81", "\xef\xbc\x9f", "\xe2\x80\xa6",
	};
	for (size_t i = 0; i < COUNT(stops); i++) {
		size_t n = strlen(stops[i]);
		if (len >= n && !memcmp(s + len - n, stops[i], n))
			return true;
	}
	return false;
}

/*
 * A teaser card of a "more stories" box: a short text that shares its
 * card (the element around the text's own element, one of a run of
 * twins) only with the linked headline just before it.
 */
static bool is_card_text(const struct dom *d, const struct blocks *b,
			 uint32_t k)
{
	const struct block *bl = &b->v[k];
	uint32_t card = bl->node == DOM_NONE ? DOM_NONE
					     : d->nodes[bl->node].parent;

	if (card == DOM_NONE || k == 0 || bl->chars >= TAIL_CARD_MAX_CHARS)
		return false;
	const struct block *title = &b->v[k - 1];
	if (!title->chars || title->link_chars * 2 <= title->chars ||
	    !dom_contains(d, card, title->first))
		return false;
	if ((k >= 2 && dom_contains(d, card, b->v[k - 2].first)) ||
	    (k + 1 < b->count && dom_contains(d, card, b->v[k + 1].first)))
		return false;
	return dom_has_twin(d, card);
}

/*
 * What a reader sees after an article's last paragraph is page chrome
 * ("Share:", "Tags", "Weitere Informationen:", a heading over a list of
 * links that was removed): short lines that are not sentences, and
 * headings with nothing under them, the items of a list of further
 * stories whose headlines are links.  They are cut from the end.
 */
static void rule_tail(const struct rule_input *in, struct decision *p)
{
	const struct dom *d = in->c->d;
	const struct blocks *b = in->b;
	uint32_t total = 0, cut = 0, last = b->count;

	for (uint32_t k = 0; k < b->count; k++)
		total += in->now[k].verdict == VERDICT_BODY ? b->v[k].chars : 0;
	for (uint32_t k = b->count; k-- > 0;) {
		if (in->now[k].verdict != VERDICT_BODY)
			continue;
		const struct block *bl = &b->v[k];
		const char *t = block_text(b, k);
		bool heading = bl->kind == BLOCK_HEADING;
		bool label = bl->chars < TAIL_LABEL_MAX_CHARS &&
			     bl->kind != BLOCK_ITEM && bl->kind != BLOCK_ROW &&
			     !ends_sentence(t, bl->len);
		/* an item of a closing "more stories" list, headline linked */
		bool linked_item = bl->kind == BLOCK_ITEM &&
				   bl->link_chars * 4 >= bl->chars &&
				   bl->chars < TAIL_ITEM_MAX_CHARS;
		if (!heading && !label && !linked_item &&
		    !is_card_text(d, b, k))
			break;
		cut += bl->chars;
		last = k;
	}
	/* a page made of such lines (a listing, a form) keeps them all */
	if (last == b->count || cut * 4 > total)
		return;
	for (uint32_t k = last; k < b->count; k++)
		propose(&p[k], VERDICT_DROPPED, "closing-chrome");
}

/* ---- the registry ---- */

static const struct block_rule registry[] = {
	{"link-list", "a block that is mostly link text", rule_link_list},
	{"dateline", "a line of date words and numbers", rule_dateline},
	{"byline", "\"By Jane Doe\" and its like", rule_byline},
	{"teaser-label", "\"Read more:\", \"Related:\" and their like",
	 rule_teaser},
	{"promo", "a call to subscribe, follow or download", rule_promo},
	{"credit", "a picture or source credit", rule_credit},
	{"chrome-label", "a label of the page's furniture (\"Share\")",
	 rule_chrome},
	{"comment-notice", "\"Comments are closed\" and its like",
	 rule_comment_notice},
	{"post-meta", "a line of post date, author, category and tags",
	 rule_post_meta},
	{"repeat", "a copy of an earlier block", rule_repeat},
	{"headline-is-title", "the first heading, when it is the title",
	 rule_headline},
	{"disclaimer", "a legal notice or disclosure", rule_disclaimer},
	{"not-in-declared-text",
	 "a paragraph the page's declared article text lacks",
	 rule_undeclared},
	{"under-story-label", "linked headlines under a \"More:\" label",
	 rule_story_label},
	{"closing-chrome", "short lines and linked items after the text",
	 rule_tail},
};

const struct block_rule *block_rules(size_t *count)
{
	*count = COUNT(registry);
	return registry;
}

bool rule_listed(const char *list, const char *name)
{
	size_t n = strlen(name);

	for (const char *at = list; at && *at;) {
		const char *comma = strchr(at, ',');
		size_t len = comma ? (size_t)(comma - at) : strlen(at);
		if (len == n && !memcmp(at, name, n))
			return true;
		at = comma ? comma + 1 : NULL;
	}
	return false;
}

struct decision *verdicts_decide(const struct page_ctx *c,
				 const struct blocks *b, const char *skip)
{
	size_t n = b->count ? b->count : 1;
	struct decision *now = xcalloc(n, sizeof(*now));
	struct decision *proposal = xcalloc(n, sizeof(*proposal));
	struct rule_input in = {.c = c, .b = b, .now = now};

	for (size_t r = 0; r < COUNT(registry); r++) {
		if (rule_listed(skip, registry[r].name))
			continue;
		memset(proposal, 0, n * sizeof(*proposal));
		registry[r].decide(&in, proposal);
		for (uint32_t k = 0; k < b->count; k++) {
			if (now[k].verdict == VERDICT_BODY && !now[k].rule &&
			    proposal[k].rule)
				now[k] = proposal[k];
		}
	}
	free(proposal);
	return now;
}
