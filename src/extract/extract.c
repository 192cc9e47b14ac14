/*
 * extract.c - runs the heuristics over one parsed page.
 *
 * Order: side tables (visibility, boilerplate marks, text and link
 * counts), metadata, title, main-content blocks, then the block filters
 * (link-heavy lines, repeats, disclaimers), then the error-page verdict,
 * which needs the title and how much real text the page has.
 */
#include "extract/extract.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "extract/heuristics.h"
#include "base/msg.h"

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
	/* less body than this may be a page that scripts fill in */
	BODY_SCRIPTED_MAX = 80,
	/* a closing list item this short with a linked headline is chrome */
	TAIL_ITEM_MAX_CHARS = 120,
	/* "More:", "Related stories": a few words */
	STORY_LABEL_MAX_CHARS = 30,
	/* the blurb under a closing teaser card's headline */
	TAIL_CARD_MAX_CHARS = 200,
	/* a closing line shorter than this without a full stop is chrome */
	TAIL_LABEL_MAX_CHARS = 40,
	BODY_MAX_BYTES = 16 * 1024 * 1024,
};

static bool is_link_list(const struct page_ctx *c, const struct block *bl)
{
	return !c->relaxed && bl->chars && bl->link_chars * 2 > bl->chars &&
	       bl->kind != BLOCK_HEADING;
}

/* FNV-1a over letters and digits, so spacing and punctuation don't count. */
static uint64_t text_hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u;

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
		h ^= (uint64_t)ascii_lower(ch);
		h *= 1099511628211u;
	}
	return h;
}

/* A line of page furniture: a dateline, a byline, a label, a prompt. */
static bool is_furniture_line(const char *t, size_t len)
{
	return line_is_dateline(t, len) || line_is_byline(t, len) ||
	       line_is_teaser(t, len) || line_is_promo(t, len) ||
	       line_is_credit(t, len) || line_is_chrome(t, len) ||
	       line_is_comment_notice(t, len) || line_is_post_meta(t, len);
}

/* A line that says when and by whom, not what. */
static bool is_post_line(const char *t, size_t len)
{
	return line_is_byline(t, len) || line_is_post_meta(t, len);
}

/*
 * Appends a paragraph whose lines are broken with <br>, without the
 * lines of furniture glued to it ("05/10/2018 - Posted by: ...").
 */
static void append_lines(struct buf *out, const char *t, size_t len)
{
	bool any = false;

	for (size_t at = 0; at < len;) {
		const char *nl = memchr(t + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - t) : len;
		struct str line = str_trim(str_make(t + at, end - at));
		if (line.len && !is_post_line(line.ptr, line.len)) {
			if (any)
				(void)buf_append_char(out, '\n');
			(void)buf_append(out, line.ptr, line.len);
			any = true;
		}
		at = end + 1;
	}
}

static void append_block(struct buf *out, const struct blocks *b, uint32_t k,
			 const struct block *prev)
{
	const struct block *bl = &b->v[k];
	const char *t = block_text(b, k);

	if (out->len) {
		bool tight = prev && prev->kind == bl->kind &&
			     (prev->kind == BLOCK_ITEM || prev->kind == BLOCK_ROW);
		(void)buf_append_str(out, tight ? "\n" : "\n\n");
	}
	if (bl->kind == BLOCK_PARA && memchr(t, '\n', bl->len))
		append_lines(out, t, bl->len);
	else
		(void)buf_append(out, t, bl->len);
}

enum block_fate {
	FATE_DROP,
	FATE_BODY,
	FATE_LEGAL,
};

static bool ends_sentence(const char *s, size_t len)
{
	static const char *const stops[] = {
		".", "!", "?", "\"", ")", "\xe2\x80\x9d", "\xe3\x80\x82",
		"\xef\xbc\x81", "\xef\xbc\x9f", "\xe2\x80\xa6",
	};
	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++) {
		size_t n = strlen(stops[i]);
		if (len >= n && !memcmp(s + len - n, stops[i], n))
			return true;
	}
	return false;
}

/*
 * What a reader sees after an article's last paragraph is page chrome
 * ("Share:", "Tags", "Weitere Informationen:", a heading over a list of
 * links that was removed): short lines that are not sentences, and
 * headings with nothing under them, the items of a list of further
 * stories whose headlines are links.  They are cut from the end.
 */
static bool same_kind(const struct dom *d, uint32_t a, uint32_t b)
{
	struct str ca = dom_attr(d, a, "class"), cb = dom_attr(d, b, "class");

	return d->nodes[a].type == DOM_ELEMENT &&
	       d->nodes[a].tag == d->nodes[b].tag && ca.len == cb.len &&
	       (!ca.len || !memcmp(ca.ptr, cb.ptr, ca.len));
}

/* True if the element stands among siblings of its own tag and class. */
static bool has_twin(const struct dom *d, uint32_t el)
{
	uint32_t parent = d->nodes[el].parent;

	if (parent == DOM_NONE)
		return false;
	for (uint32_t n = parent + 1; n != DOM_NONE && n < d->nodes[parent].end;
	     n = d->nodes[n].next_sibling) {
		if (n != el && same_kind(d, n, el))
			return true;
	}
	return false;
}

static bool inside(const struct dom *d, uint32_t el, uint32_t node)
{
	return node > el && node < d->nodes[el].end;
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
	    !inside(d, card, title->first))
		return false;
	if ((k >= 2 && inside(d, card, b->v[k - 2].first)) ||
	    (k + 1 < b->count && inside(d, card, b->v[k + 1].first)))
		return false;
	return has_twin(d, card);
}

static void trim_tail(const struct dom *d, const struct blocks *b,
		      enum block_fate *fate)
{
	uint32_t total = 0, cut = 0, last = b->count;

	for (uint32_t k = 0; k < b->count; k++)
		total += fate[k] == FATE_BODY ? b->v[k].chars : 0;
	for (uint32_t k = b->count; k-- > 0;) {
		if (fate[k] != FATE_BODY)
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
	for (uint32_t k = last; k < b->count; k++) {
		if (fate[k] == FATE_BODY)
			fate[k] = FATE_DROP;
	}
}

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

static uint8_t *find_repeats(const struct dom *d, const struct blocks *b)
{
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
	for (uint32_t k = 0; k < b->count; k++)
		rep[k] = rep[k] >= REP_ELSEWHERE || (rep[k] && copy);
	free(hashes);
	free(first);
	free(prev);
	return rep;
}

static enum block_fate block_fate(struct page_ctx *c, const struct blocks *b,
				  uint32_t k, const uint8_t *repeat,
				  bool first)
{
	const struct block *bl = &b->v[k];
	const char *t = block_text(b, k);
	const char *title = c->title;

	if (is_link_list(c, bl))
		return FATE_DROP;
	if (bl->kind != BLOCK_PRE && bl->kind != BLOCK_ROW &&
	    is_furniture_line(t, bl->len))
		return FATE_DROP;
	if (repeat[k])
		return FATE_DROP;
	if (bl->kind == BLOCK_HEADING && title && first &&
	    text_hash(t, bl->len) == text_hash(title, strlen(title)))
		return FATE_DROP; /* the headline is the title, not body */
	if (legal_is_disclaimer(c, bl))
		return FATE_LEGAL;
	return FATE_BODY;
}

/*
 * When the page declares its article text (JSON-LD articleBody) at about
 * the length of what was found, paragraphs that share nothing with it
 * are not the article.  Headings and captions are left alone: the
 * declared text rarely carries them.
 */
static void drop_undeclared(struct page_ctx *c, const struct blocks *b,
			    enum block_fate *fate)
{
	const struct ld_text *ld = ld_text_new(c->a, c->meta.ld_body);
	uint32_t words = 0;

	if (!ld)
		return;
	for (uint32_t k = 0; k < b->count; k++)
		words += fate[k] == FATE_BODY ? b->v[k].chars / 6 : 0;
	if (ld_text_words(ld) * 2 < words)
		return; /* a summary, not the whole text */
	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		if (fate[k] != FATE_BODY || bl->kind == BLOCK_HEADING ||
		    bl->kind == BLOCK_CAPTION)
			continue;
		if (ld_text_overlap(ld, block_text(b, k), bl->len) == 0.0f)
			fate[k] = FATE_DROP;
	}
}

/*
 * A label over other stories ("More:", "Related stories") standing on
 * its own line claims the linked headlines under it, headings included,
 * up to the first line that is not mostly a link.
 */
static void drop_after_story_label(struct page_ctx *c, const struct blocks *b,
				   enum block_fate *fate)
{
	for (uint32_t k = 0; k + 1 < b->count; k++) {
		const struct block *bl = &b->v[k];
		const char *t = block_text(b, k);
		if (c->relaxed || bl->chars > STORY_LABEL_MAX_CHARS ||
		    bl->link_chars ||
		    !(line_is_teaser(t, bl->len) || line_is_chrome(t, bl->len)))
			continue;
		uint32_t j = k + 1;
		while (j < b->count && b->v[j].chars &&
		       b->v[j].link_chars * 2 > b->v[j].chars) {
			if (fate[j] == FATE_BODY)
				fate[j] = FATE_DROP;
			j++;
		}
		k = j - 1;
	}
}

/* Splits the content blocks into body and disclaimer text. */
static void assemble(struct page_ctx *c, const struct blocks *b,
		     struct extraction *out, struct blocks *kept)
{
	struct buf body;
	const struct block *prev = NULL;
	enum block_fate *fate = xcalloc(b->count ? b->count : 1, sizeof(*fate));
	uint8_t *repeat = find_repeats(c->d, b);
	bool first = true;

	for (uint32_t k = 0; k < b->count; k++) {
		fate[k] = block_fate(c, b, k, repeat, first);
		first &= fate[k] != FATE_BODY;
	}
	free(repeat);
	drop_undeclared(c, b, fate);
	drop_after_story_label(c, b, fate);
	trim_tail(c->d, b, fate);
	buf_init(&body, BODY_MAX_BYTES);
	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		/* disclaimers are gathered page-wide by legal_find() */
		if (fate[k] != FATE_BODY)
			continue;
		append_block(&body, b, k, prev);
		prev = bl;
		if (kept->count == kept->cap) {
			kept->cap = kept->cap ? kept->cap * 2 : 64;
			kept->v = xrealloc(kept->v, sizeof(*kept->v) * kept->cap);
		}
		kept->v[kept->count++] = *bl;
	}
	out->body = body.len ? arena_strndup(c->a, body.ptr, body.len) : NULL;
	buf_release(&body);
	free(fate);
}

/*
 * A page whose text is built by scripts has almost none in its markup;
 * the description it gives of itself (meta description, og:description)
 * is then the best account of its content there is.
 */
static const char *fall_back_to_description(const struct page_ctx *c,
					    const char *body)
{
	const char *desc = c->meta.description;
	size_t have = body ? strlen(body) : 0;

	if (have >= BODY_SCRIPTED_MAX || !desc)
		return body;
	size_t len = strlen(desc);
	if (len < BODY_SCRIPTED_MAX || len < have * 2)
		return body;
	return desc;
}

void extract_page(struct arena *a, const struct dom *d,
		  const struct page_facts *facts, struct extraction *out)
{
	struct page_ctx c = {.a = a, .d = d, .facts = facts};
	struct blocks content, kept;

	*out = (struct extraction){0};
	if (!d->count)
		return;
	marks_compute(&c);
	meta_collect(&c);
	out->title = title_pick(&c);
	c.title = out->title;
	blocks_init(&content);
	blocks_init(&kept);
	body_blocks(&c, &content);
	meta_finish(&c);
	kept.text = content.text; /* kept blocks point into content's text */
	/* disclaimers come from the whole page, in page order */
	const char *disclaimer = legal_find(&c, &content);
	assemble(&c, &content, out, &kept);
	out->disclaimer = disclaimer;
	errpage_classify(&c, out->title, &kept, &out->error);
	structure_export(&c, &kept, out);
	links_collect(&c, &content, &kept, out);
	if (out->error.kind == PAGE_OK)
		out->body = fall_back_to_description(&c, out->body);
	free(kept.v);
	blocks_release(&content);

	const struct page_meta *m = &c.meta;
	out->language = meta_language(&c, m->language,
				      out->body ? out->body : out->title);
	out->site_name = m->site_name;
	out->description = m->description;
	out->canonical_url = m->canonical;
	out->image = m->image;
	out->date_published = m->published;
	out->date_modified = m->modified;
	if (m->author_count) {
		out->authors = arena_alloc(a, sizeof(char *) * m->author_count);
		memcpy(out->authors, m->authors, sizeof(char *) * m->author_count);
		out->author_count = m->author_count;
	}
}

const char *page_error_kind_name(enum page_error_kind kind)
{
	static const char *const names[] = {
		[PAGE_OK] = "ok",
		[PAGE_NOT_FOUND] = "not_found",
		[PAGE_GONE] = "gone",
		[PAGE_FORBIDDEN] = "forbidden",
		[PAGE_UNAUTHORIZED] = "unauthorized",
		[PAGE_BLOCKED] = "blocked",
		[PAGE_CHALLENGE] = "challenge",
		[PAGE_LOGIN_WALL] = "login_wall",
		[PAGE_RATE_LIMITED] = "rate_limited",
		[PAGE_SERVER_ERROR] = "server_error",
		[PAGE_UNAVAILABLE] = "unavailable",
		[PAGE_BAD_REQUEST] = "bad_request",
		[PAGE_OTHER_ERROR] = "other",
	};
	return kind <= PAGE_OTHER_ERROR ? names[kind] : "other";
}
