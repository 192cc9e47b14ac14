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
#include "extract/verdict.h"
#include "base/msg.h"

enum {
	/* less body than this may be a page that scripts fill in */
	BODY_SCRIPTED_MAX = 80,
	BODY_MAX_BYTES = 16 * 1024 * 1024,
	/* the words of a block --explain shows */
	EXPLAIN_TEXT_MAX_BYTES = 80,
};

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

/* The body from the blocks whose verdict is body, in page order. */
static void assemble(struct page_ctx *c, const struct blocks *b,
		     const struct decision *verdicts, struct extraction *out,
		     struct blocks *kept)
{
	struct buf body;
	const struct block *prev = NULL;

	buf_init(&body, BODY_MAX_BYTES);
	for (uint32_t k = 0; k < b->count; k++) {
		const struct block *bl = &b->v[k];
		/* disclaimers are gathered page-wide by legal_find() */
		if (verdicts[k].verdict != VERDICT_BODY)
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
}

/* The first words of a block, cut at a character's edge, in the arena. */
static const char *explain_words(struct arena *a, const char *t, size_t len)
{
	if (len > EXPLAIN_TEXT_MAX_BYTES) {
		len = EXPLAIN_TEXT_MAX_BYTES;
		while (len && ((unsigned char)t[len] & 0xC0) == 0x80)
			len--;
	}
	char *s = arena_strndup(a, t, len);
	for (char *p = s; *p; p++) {
		if (*p == '\n')
			*p = ' ';
	}
	return s;
}

/* True if a boilerplate-marked element holds the node. */
static bool under_boilerplate(const struct page_ctx *c, uint32_t node)
{
	for (uint32_t n = node; n != DOM_NONE && n >= c->body;
	     n = c->d->nodes[n].parent) {
		if (c->boiler[n])
			return true;
	}
	return false;
}

/*
 * --explain: every visible block of the page in order, with its verdict
 * and the rule or the stage that decided it.  Blocks of the main content
 * carry their rule's name; the others were left out whole, as
 * boilerplate or as text outside the main content.
 */
static void explain(const struct page_ctx *c, const struct blocks *content,
		    const struct decision *verdicts, struct extraction *out)
{
	const struct dom *d = c->d;
	struct blocks page;
	uint32_t j = 0;

	blocks_init(&page);
	blocks_build(d, c->body, c->hidden, &page);
	struct explain_line *lines =
		arena_alloc(c->a, sizeof(*lines) * (page.count ? page.count : 1));
	for (uint32_t k = 0; k < page.count; k++) {
		const struct block *bl = &page.v[k];
		struct explain_line *l = &lines[k];
		l->text = explain_words(c->a, block_text(&page, k), bl->len);
		while (j < content->count && content->v[j].first < bl->first)
			j++;
		if (j < content->count && content->v[j].first == bl->first) {
			l->verdict = verdict_name(verdicts[j].verdict);
			l->rule = verdicts[j].rule ? verdicts[j].rule
						   : "main-content";
		} else {
			l->verdict = verdict_name(VERDICT_DROPPED);
			l->rule = under_boilerplate(c, bl->first)
					  ? "boilerplate-container"
					  : "outside-main-content";
		}
	}
	out->explain = lines;
	out->explain_count = page.count;
	blocks_release(&page);
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
	/* from here on, the view the main content was found with */
	struct page_ctx *v = body_blocks(&c, &content);
	meta_finish(v);
	kept.text = content.text; /* kept blocks point into content's text */
	/* disclaimers come from the whole page, in page order */
	const char *disclaimer = legal_find(v, &content);
	struct decision *verdicts =
		verdicts_decide(v, &content, facts->without_rules);
	assemble(v, &content, verdicts, out, &kept);
	if (facts->explain)
		explain(v, &content, verdicts, out);
	free(verdicts);
	out->disclaimer = disclaimer;
	errpage_classify(v, out->title, &kept, &out->error);
	structure_export(v, &kept, out);
	links_collect(v, &content, &kept, out);
	if (out->error.kind == PAGE_OK)
		out->body = fall_back_to_description(v, out->body);
	free(kept.v);
	blocks_release(&content);

	const struct page_meta *m = &v->meta;
	out->language = meta_language(v, m->language,
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
