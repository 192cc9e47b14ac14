/*
 * extract_legal.c - legal and editorial notices about the content.
 *
 * A disclaimer is a notice *about* the text: no warranty ("as is"), not
 * advice (investment, medical, legal), forward-looking statements, the
 * author's own views, affiliate links and sponsorship, syndication.
 * Pages put them after or before the article, in its container or in
 * the page footer, so the whole page is read; each notice found goes to
 * the disclaimer field, in page order, and out of the body.
 *
 * A block of text is a disclaimer when
 *  - it opens with a label ("Disclaimer:", "Affiliate disclosure:"), or
 *    follows a label that stands alone (a "Legal Disclaimer" heading or
 *    line) inside the label's own container; or
 *  - its phrases weigh DISCLAIMER_THRESHOLD or more (the lexicon's
 *    LEX_LEGAL_PHRASES).
 * Cookie and consent banners and newsletter prompts are not disclaimers:
 * their words weigh against (LEX_OTHER_NOTICES).  A copyright line has no
 * phrase of the table, so it is not one either.
 *
 * Invariants:
 *  - A labelled notice is one wherever it stands, glued to a closing
 *    call to action included ("Share this! Disclaimer: ...": the notice
 *    is taken from its label on).  One found by its words alone stands
 *    at an edge of the main content (its first or last few blocks), or
 *    speaks of the page itself ("this article", "the author", "we"): in
 *    the middle of an article, talk of "investment advice" is the
 *    article.
 *  - The main content is never emptied into the disclaimer: a page that
 *    is all notice (a site's own disclaimer page) keeps it as its body.
 *  - The same notice repeated (a print copy) is given once.
 *
 * To extend: add a phrase with its weight to the lexicon's
 * LEX_LEGAL_PHRASES, a word that names a notice to LEX_NOTICE_LABELS, or
 * a word of banners and prompts to LEX_OTHER_NOTICES (lexicon.c).
 */
#include "extract/heuristics.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/msg.h"
#include "extract/lexicon.h"
#include "extract/phrase.h"

enum {
	DISCLAIMER_THRESHOLD = 4,
	/* a disclaimer is a notice, not an article */
	DISCLAIMER_MAX_BYTES = 3000,
	/* shorter lines carry no notice of their own (labels aside) */
	SCORE_MIN_CHARS = 30,
	/* "Affiliate Disclaimer:" and the like: a few words, then a colon */
	LABEL_MAX_BYTES = 48,
	LABEL_MAX_WORDS = 6,
	/* how far into a block a glued notice's label may stand */
	GLUED_PREFIX_MAX = 300,
	/* how many blocks a label standing alone claims, and how far up the
	 * tree its container may be */
	LABEL_FOLLOW_MAX = 3,
	LABEL_CLIMB_MAX = 3,
	/* the edges of the main content where an unlabelled notice may be */
	CONTENT_HEAD_BLOCKS = 3,
	CONTENT_TAIL_BLOCKS = 6,
	LEGAL_MAX_BYTES = 64 * 1024,
	/* where a company profile names itself: "Acme Holdings AG is a" */
	PROFILE_OPENING_BYTES = 60,
};

static int phrase_weight(const struct folded *f)
{
	return lexicon_weigh(f, LEX_LEGAL_PHRASES) +
	       lexicon_weigh(f, LEX_OTHER_NOTICES);
}

/* "Acme Corp. is a ...": a defining opening in the first words. */
static bool opens_by_defining(const struct folded *f)
{
	struct folded head;

	/* the verb within the first words, before the first sentence ends */
	fold_set(f->s, f->len < PROFILE_OPENING_BYTES ? f->len
						      : PROFILE_OPENING_BYTES,
		 &head);
	const struct lexicon_list *verbs = lexicon_list(LEX_PROFILE_VERBS);
	for (size_t i = 0; i < verbs->count; i++) {
		const char *at = fold_find(&head, verbs->entries[i].text);
		if (at && at > head.s &&
		    !memchr(head.s, '.', (size_t)(at - head.s) - 1))
			return true;
	}
	return false;
}

static int profile_weight(const struct folded *f)
{
	int score = 0;

	if (!opens_by_defining(f))
		return 0;
	return score + lexicon_weigh(f, LEX_PROFILE_PHRASES);
}

/* True if s (folded) is a few words ending with a label word. */
static bool is_label_text(const char *s, size_t len)
{
	struct folded f;

	while (len && (*s == '*' || *s == ' ' || *s == '(' || *s == '['))
		s++, len--;
	while (len && (s[len - 1] == '*' || s[len - 1] == ' ' ||
		       s[len - 1] == '.' || s[len - 1] == ')' ||
		       s[len - 1] == ']'))
		len--;
	if (!len || fold_word_count(s, len) > LABEL_MAX_WORDS)
		return false;
	fold_set(s, len, &f);
	const struct lexicon_list *labels = lexicon_list(LEX_NOTICE_LABELS);
	for (size_t i = 0; i < labels->count; i++) {
		const char *word = labels->entries[i].text;
		const char *at = fold_find(&f, word);
		if (at && (size_t)(at - f.s) + strlen(word) == len)
			return true;
	}
	return false;
}

enum label {
	LABEL_NONE,
	LABEL_INLINE, /* "Disclaimer: the views ..." */
	LABEL_ALONE,  /* "Disclaimer" or "Legal Disclaimer:" on its own */
};

/* Whether the folded block opens with a label, and what follows it. */
static enum label label_of(const struct folded *f)
{
	static const char *const colons[] = {":", " - "};

	for (size_t i = 0; i < COUNT(colons); i++) {
		const char *at = strstr(f->s, colons[i]);
		if (!at || (size_t)(at - f->s) > LABEL_MAX_BYTES)
			continue;
		if (!is_label_text(f->s, (size_t)(at - f->s)))
			continue;
		const char *rest = at + strlen(colons[i]);
		while (*rest == ' ' || *rest == '*')
			rest++;
		return *rest ? LABEL_INLINE : LABEL_ALONE;
	}
	if (f->len <= LABEL_MAX_BYTES && is_label_text(f->s, f->len))
		return LABEL_ALONE;
	return LABEL_NONE;
}

static bool is_link_heavy(const struct block *bl)
{
	return bl->link_chars * 2 > bl->chars;
}

/* One block's reading: its label, if any, and the weight of its words. */
struct reading {
	enum label label;
	int weight;
	bool about_itself; /* "this article", "the author", "we": a notice
			      about the page, not talk of notices */
	bool done;   /* read already */
};

static struct reading read_block(const struct blocks *b, uint32_t k)
{
	const struct block *bl = &b->v[k];
	struct reading r = {.label = LABEL_NONE, .done = true};
	struct folded f;

	if (bl->len > DISCLAIMER_MAX_BYTES || is_link_heavy(bl) ||
	    bl->kind == BLOCK_ITEM)
		return r;
	fold_text(block_text(b, k), bl->len, &f);
	r.label = label_of(&f);
	if (bl->chars >= SCORE_MIN_CHARS)
		r.weight = phrase_weight(&f) + profile_weight(&f);
	r.about_itself = r.weight && lexicon_find(&f, LEX_SELF_REFERENCES);
	return r;
}

/*
 * A label standing alone claims the blocks after it that share its
 * container (the nearest ancestor, a few levels up at most, that also
 * holds the next block), up to the next heading.  Returns how many it
 * claimed; none unless one of them has some legal wording.
 */
static uint32_t claim_after_label(const struct page_ctx *c,
				  const struct blocks *b, uint32_t k,
				  struct reading *rd)
{
	const struct dom *d = c->d;
	uint32_t next = k + 1;

	if (next >= b->count)
		return 0;
	uint32_t box = b->v[k].node;
	for (int up = 0; up < LABEL_CLIMB_MAX && box != DOM_NONE &&
			 !dom_contains(d, box, b->v[next].first); up++)
		box = d->nodes[box].parent;
	if (box == DOM_NONE || !dom_contains(d, box, b->v[next].first))
		return 0;
	uint32_t n = 0;
	bool worded = false;
	for (uint32_t j = next; j < b->count && n < LABEL_FOLLOW_MAX; j++) {
		const struct block *bl = &b->v[j];
		if (!rd[j].done)
			rd[j] = read_block(b, j);
		if (!dom_contains(d, box, bl->first) || bl->kind == BLOCK_HEADING ||
		    is_link_heavy(bl) || bl->len > DISCLAIMER_MAX_BYTES ||
		    rd[j].label != LABEL_NONE)
			break;
		worded |= rd[j].weight > 0;
		n++;
	}
	return worded ? n : 0;
}

/*
 * Where each page block stands in the main content: its index among the
 * content blocks, or UINT32_MAX outside.  Blocks are matched by their
 * first text node, which both text passes share.
 */
static uint32_t *content_index(const struct page_ctx *c,
			       const struct blocks *page,
			       const struct blocks *content)
{
	uint32_t *at_node = arena_alloc(c->a, sizeof(uint32_t) * c->d->count);
	uint32_t *index = arena_alloc(c->a, sizeof(uint32_t) * (page->count + 1));

	memset(at_node, 0xFF, sizeof(uint32_t) * c->d->count);
	for (uint32_t k = 0; k < content->count; k++)
		at_node[content->v[k].first] = k;
	for (uint32_t k = 0; k < page->count; k++)
		index[k] = at_node[page->v[k].first];
	return index;
}

/* A notice in the main content stands at one of its edges. */
static bool at_content_edge(uint32_t index, uint32_t count)
{
	return index == UINT32_MAX || index < CONTENT_HEAD_BLOCKS ||
	       index + CONTENT_TAIL_BLOCKS >= count;
}

/*
 * Where the n-th sentence after the first starts in s (a sentence ends
 * with ".", "!", "?" or a line break, then white space), or 0.
 */
static size_t sentence_start(const char *s, size_t len, size_t n)
{
	for (size_t i = 2; i < len; i++) {
		if (s[i - 1] != ' ' && s[i - 1] != '\n')
			continue;
		if (s[i] == ' ' || s[i] == '\n')
			continue;
		size_t j = i - 1;
		while (j > 0 && s[j] == ' ')
			j--;
		if (!strchr(".!?\n", s[j]))
			continue;
		if (--n == 0)
			return i;
	}
	return 0;
}

/*
 * A notice glued to what comes before it in one block, most often a
 * closing call to action ("Thanks for reading, share it! Disclaimer:
 * ..."): a label opening a sentence in the block's first few hundred
 * bytes.  Returns the label's offset in the block's text, or 0.
 */
static size_t glued_label_at(const char *s, size_t len)
{
	struct folded f;

	fold_text(s, len < GLUED_PREFIX_MAX + LABEL_MAX_BYTES
			     ? len
			     : GLUED_PREFIX_MAX + LABEL_MAX_BYTES,
		  &f);
	for (size_t n = 1;; n++) {
		size_t at = sentence_start(f.s, f.len, n);
		if (!at || at > GLUED_PREFIX_MAX)
			return 0;
		size_t room = f.len - at < LABEL_MAX_BYTES ? f.len - at
							   : LABEL_MAX_BYTES;
		const char *colon = memchr(f.s + at, ':', room);
		if (!colon)
			continue;
		size_t label = (size_t)(colon - (f.s + at));
		/* the label is this sentence's first words, not the last one's */
		if (!memchr(f.s + at, '.', label) && !memchr(f.s + at, '!', label) &&
		    !memchr(f.s + at, '?', label) && is_label_text(f.s + at, label))
			return sentence_start(s, len, n);
	}
}

/* Why a block was taken, and so how much of it is the notice. */
enum take {
	TAKE_NONE,
	TAKE_WHOLE,        /* labelled: the label says where it starts */
	TAKE_FROM_LABEL,   /* a label after a few words of something else */
	TAKE_WORDED_LINES, /* by its words: only its lines that have them */
};

/* Marks take[k] for every block that is a disclaimer. */
static void choose(const struct page_ctx *c, const struct blocks *page,
		   const uint32_t *index, uint32_t content_count,
		   uint8_t *take)
{
	struct reading *rd = xcalloc(page->count + 1, sizeof(*rd));

	for (uint32_t k = 0; k < page->count; k++) {
		bool edge = at_content_edge(index[k], content_count);
		if (!rd[k].done)
			rd[k] = read_block(page, k);
		if (rd[k].label == LABEL_INLINE) {
			take[k] = TAKE_WHOLE;
		} else if (rd[k].label == LABEL_NONE && !is_link_heavy(&page->v[k]) &&
			   glued_label_at(block_text(page, k), page->v[k].len)) {
			take[k] = TAKE_FROM_LABEL;
		} else if (rd[k].weight >= DISCLAIMER_THRESHOLD &&
			   (edge || rd[k].about_itself)) {
			take[k] = TAKE_WORDED_LINES;
		} else if (rd[k].label == LABEL_ALONE) {
			uint32_t n = claim_after_label(c, page, k, rd);
			if (n)
				memset(take + k, TAKE_WHOLE, n + 1);
			k += n;
		}
	}
	free(rd);
}

/*
 * A page that is all notice keeps it as its body: when the chosen blocks
 * are half or more of the main content, the content keeps all of them.
 */
static void keep_content_whole(const struct blocks *page,
			       const uint32_t *index,
			       const struct blocks *content, uint8_t *take)
{
	uint64_t total = 0, taken = 0;

	for (uint32_t k = 0; k < content->count; k++)
		total += content->v[k].chars;
	for (uint32_t k = 0; k < page->count; k++) {
		if (take[k] && index[k] != UINT32_MAX)
			taken += page->v[k].chars;
	}
	if (!taken || taken * 2 < total)
		return;
	for (uint32_t k = 0; k < page->count; k++) {
		if (index[k] != UINT32_MAX)
			take[k] = 0;
	}
}

/* True if the text of block k was already given (a repeated notice). */
static bool given_before(const struct blocks *page, const uint8_t *take,
			 uint32_t k)
{
	for (uint32_t j = 0; j < k; j++) {
		if (take[j] && page->v[j].len == page->v[k].len &&
		    !memcmp(block_text(page, j), block_text(page, k),
			    page->v[k].len))
			return true;
	}
	return false;
}

/* The next line of text[0, len) from *start; advances *start. */
static struct str next_line(const char *text, size_t len, size_t *start)
{
	const char *nl = memchr(text + *start, '\n', len - *start);
	size_t end = nl ? (size_t)(nl - text) : len;
	struct str line = str_trim(str_make(text + *start, end - *start));

	*start = end + 1;
	return line;
}

static bool is_worded(struct str line)
{
	struct folded f;

	fold_text(line.ptr, line.len, &f);
	return phrase_weight(&f) > 0;
}

/*
 * Appends a notice.  A block found by its words may be a footer that
 * runs a copyright line, an address and the notice together on separate
 * lines: then only the lines with legal wording are the notice (all of
 * them if its wording is spread over the lines).
 */
static void append_notice(struct buf *out, const char *text, size_t len,
			  bool whole)
{
	bool first = true, any = false;

	for (size_t at = 0; !whole && !any && at < len;)
		any = is_worded(next_line(text, len, &at));
	whole |= !any;
	for (size_t at = 0; at < len;) {
		struct str line = next_line(text, len, &at);
		if (!line.len || (!whole && !is_worded(line)))
			continue;
		if (out->len)
			(void)buf_append_str(out, first ? "\n\n" : "\n");
		(void)buf_append(out, line.ptr, line.len);
		first = false;
	}
}

const char *legal_find(struct page_ctx *c, const struct blocks *content)
{
	const struct dom *d = c->d;
	struct blocks page;
	struct buf out;
	const char *text = NULL;

	c->legal = arena_calloc(c->a, d->count, 1);
	blocks_init(&page);
	blocks_build(d, c->body ? c->body : 0, c->hidden, &page);
	uint32_t *index = content_index(c, &page, content);
	uint8_t *take = arena_calloc(c->a, page.count + 1, 1);
	choose(c, &page, index, content->count, take);
	keep_content_whole(&page, index, content, take);
	buf_init(&out, LEGAL_MAX_BYTES);
	for (uint32_t k = 0; k < page.count; k++) {
		if (!take[k])
			continue;
		c->legal[page.v[k].first] = 1;
		if (given_before(&page, take, k))
			continue;
		const char *t = block_text(&page, k);
		size_t len = page.v[k].len;
		if (take[k] == TAKE_FROM_LABEL) {
			size_t at = glued_label_at(t, len);
			t += at;
			len -= at;
		}
		append_notice(&out, t, len, take[k] != TAKE_WORDED_LINES);
	}
	if (out.len)
		text = arena_strndup(c->a, out.ptr, out.len);
	buf_release(&out);
	blocks_release(&page);
	return text;
}

bool legal_is_disclaimer(const struct page_ctx *c, const struct block *bl)
{
	return c->legal && c->legal[bl->first];
}
