/*
 * test_rules.c - each block rule of the registry (src/extract/
 * block_rules.c) on a page written for it: the rule decides the block it
 * is for, by name, and leaves the article's own paragraphs in the body.
 * The verdicts are read the way a user reads them, through --explain.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "base/arena.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "extract/verdict.h"

/* Three paragraphs of an article, enough for any page to have a body. */
#define ARTICLE_TEXT                                                         \
	"<p>The river authority opened the new lock on Tuesday morning, "    \
	"after three years of work on the old stone chamber and the gates "  \
	"that had leaked since the winter floods.</p>"                       \
	"<p>Barges waiting downstream were the first through, and the "      \
	"lock keeper said the new gates close in half the time, which "      \
	"shortens the queue on busy summer weekends.</p>"                    \
	"<p>The authority will publish the traffic figures for the first "   \
	"month in the spring, together with the cost of the repairs and "    \
	"the plans for the next two locks upstream.</p>"

struct explained {
	struct arena a;
	struct dom d;
	struct extraction ex;
};

static void explain_page(struct explained *p, const char *html,
			 const char *without)
{
	struct page_facts facts = {.explain = true, .without_rules = without};

	arena_init(&p->a);
	assert_int_equal(dom_parse(&p->a, html, strlen(html), NULL, &p->d), 0);
	extract_page(&p->a, &p->d, &facts, &p->ex);
}

/* The explain line of the first block that starts with prefix. */
static const struct explain_line *line_of(const struct explained *p,
					  const char *prefix)
{
	for (size_t i = 0; i < p->ex.explain_count; i++) {
		const struct explain_line *l = &p->ex.explain[i];
		if (!strncmp(l->text, prefix, strlen(prefix)))
			return l;
	}
	fail_msg("no block starts with \"%s\"", prefix);
	return NULL;
}

/*
 * On html, the block starting with prefix has verdict and rule, and the
 * article's first paragraph is body; with the rule turned off, the block
 * is no longer decided by it.
 */
static void decides(const char *html, const char *prefix,
		    const char *verdict, const char *rule)
{
	struct explained p;

	explain_page(&p, html, NULL);
	const struct explain_line *l = line_of(&p, prefix);
	assert_string_equal(l->rule, rule);
	assert_string_equal(l->verdict, verdict);
	assert_string_equal(line_of(&p, "The river authority")->verdict,
			    "body");
	arena_release(&p.a);

	explain_page(&p, html, rule);
	assert_string_not_equal(line_of(&p, prefix)->rule, rule);
	arena_release(&p.a);
}

static void test_link_list(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT
		"<p><a href=/a>Locks of the north</a>, "
		"<a href=/b>Canal boats for hire</a></p></article></body>",
		"Locks of the north", "dropped", "link-list");
}

static void test_dateline(void **state)
{
	(void)state;
	decides("<body><article><p>Updated 10:01 pm PST, Tuesday, "
		"November 19, 2019</p>" ARTICLE_TEXT "</article></body>",
		"Updated 10:01", "dropped", "dateline");
}

static void test_byline(void **state)
{
	(void)state;
	decides("<body><article><p>By Jane Doe</p>" ARTICLE_TEXT
		"</article></body>",
		"By Jane Doe", "dropped", "byline");
}

static void test_teaser(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT
		"<p>Read more: the history of the lock</p>"
		"<p>The keeper has worked at the lock for twenty years, and "
		"remembers the floods.</p></article></body>",
		"Read more:", "dropped", "teaser-label");
}

static void test_promo(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT
		"<p>Subscribe to our newsletter for the latest news.</p>"
		"<p>The keeper has worked at the lock for twenty years, and "
		"remembers the floods.</p></article></body>",
		"Subscribe to", "dropped", "promo");
}

static void test_credit(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT
		"<p>Jane Doe contributed to this report.</p>"
		"<p>The keeper has worked at the lock for twenty years, and "
		"remembers the floods.</p></article></body>",
		"Jane Doe contributed", "dropped", "credit");
}

static void test_chrome(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT "<p>Advertisement</p>"
		"<p>The keeper has worked at the lock for twenty years, and "
		"remembers the floods.</p></article></body>",
		"Advertisement", "dropped", "chrome-label");
}

static void test_comment_notice(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT "<p>Comments are closed.</p>"
		"<p>The keeper has worked at the lock for twenty years, and "
		"remembers the floods.</p></article></body>",
		"Comments are closed", "dropped", "comment-notice");
}

static void test_post_meta(void **state)
{
	(void)state;
	decides("<body><article><p>05/10/2018 - Posted by: admin - "
		"Category: News - Tags: locks</p>" ARTICLE_TEXT
		"</article></body>",
		"05/10/2018", "dropped", "post-meta");
}

static void test_repeat(void **state)
{
	struct explained p;

	(void)state;
	/* the copy is the second block that starts with the same words */
	explain_page(&p,
		     "<body><article><p>The keeper has worked at the lock "
		     "for twenty years, and remembers the floods of the old "
		     "days when the water rose over the towpath.</p>"
		     ARTICLE_TEXT "<div><p>The keeper has worked at the lock "
		     "for twenty years, and remembers the floods of the old "
		     "days when the water rose over the towpath.</p></div>"
		     "</article></body>",
		     NULL);
	size_t seen = 0;
	for (size_t i = 0; i < p.ex.explain_count; i++) {
		const struct explain_line *l = &p.ex.explain[i];
		if (strncmp(l->text, "The keeper", 10))
			continue;
		assert_string_equal(l->rule, seen ? "repeat" : "main-content");
		seen++;
	}
	assert_int_equal(seen, 2);
	arena_release(&p.a);
}

static void test_headline(void **state)
{
	(void)state;
	decides("<head><title>New lock opens on the river</title></head>"
		"<body><article><h1>New lock opens on the river</h1>"
		ARTICLE_TEXT "</article></body>",
		"New lock opens", "dropped", "headline-is-title");
}

static void test_disclaimer(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT
		"<p>Disclaimer: this article is for information only and is "
		"not financial advice. The publisher accepts no liability for "
		"decisions made on the basis of it.</p></article></body>",
		"Disclaimer: this", "disclaimer", "disclaimer");
}

#define LOCK_STORY                                                           \
	"The river authority opened the new lock on Tuesday morning, after " \
	"three years of work on the old stone chamber and the gates that "   \
	"had leaked since the winter floods. Barges waiting downstream were " \
	"the first through, and the lock keeper said the new gates close in " \
	"half the time, which shortens the queue on busy summer weekends. "  \
	"The authority will publish the traffic figures for the first month " \
	"in the spring, together with the cost of the repairs and the plans " \
	"for the next two locks upstream. Boat owners along the canal said " \
	"the closure had cost them a season of trade, and the authority "    \
	"promised a reduced licence fee for the coming year to those who "   \
	"moor within a mile of the lock and had to wait for the work to end."

static void test_undeclared(void **state)
{
	(void)state;
	decides("<head><script type=application/ld+json>{\"@type\":"
		"\"NewsArticle\",\"articleBody\":\"" LOCK_STORY "\"}</script>"
		"</head><body><article><p>" LOCK_STORY "</p>"
		"<p>Quarterly dividends were paid to shareholders yesterday "
		"evening.</p></article></body>",
		"Quarterly dividends", "dropped", "not-in-declared-text");
}

static void test_story_label(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT "<p>More:</p>"
		"<h3><a href=/x>Floods close the towpath for a week</a></h3>"
		"<p>The keeper has worked at the lock for twenty years, and "
		"remembers the floods.</p></article></body>",
		"Floods close", "dropped", "under-story-label");
}

static void test_closing_chrome(void **state)
{
	(void)state;
	decides("<body><article>" ARTICLE_TEXT
		"<h3>The lock in pictures</h3></article></body>",
		"The lock in pictures", "dropped", "closing-chrome");
}

/* Blocks outside the chosen content are said to be so, and why. */
static void test_outside_content(void **state)
{
	struct explained p;

	(void)state;
	explain_page(&p,
		     "<body><nav><a href=/>Home</a></nav><div class=box-green>"
		     "<p>Win a boat trip this summer</p></div><article>"
		     ARTICLE_TEXT "</article></body>",
		     NULL);
	assert_string_equal(line_of(&p, "Home")->rule,
			    "boilerplate-container");
	assert_string_equal(line_of(&p, "Win a boat")->rule,
			    "outside-main-content");
	assert_string_equal(line_of(&p, "Win a boat")->verdict, "dropped");
	arena_release(&p.a);
}

/* Every rule has a name, a description and a function; names are unique. */
static void test_registry(void **state)
{
	size_t n;
	const struct block_rule *r = block_rules(&n);

	(void)state;
	assert_true(n >= 10);
	for (size_t i = 0; i < n; i++) {
		assert_non_null(r[i].decide);
		assert_true(strlen(r[i].name) > 0 && strlen(r[i].what) > 0);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(r[i].name, r[j].name);
		assert_true(rule_listed(r[i].name, r[i].name));
	}
	assert_true(rule_listed("repeat,byline", "byline"));
	assert_false(rule_listed("repeat,byline", "by"));
	assert_false(rule_listed(NULL, "byline"));
	assert_string_equal(verdict_name(VERDICT_COMMENT), "comment");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_link_list),
	    cmocka_unit_test(test_dateline),
	    cmocka_unit_test(test_byline),
	    cmocka_unit_test(test_teaser),
	    cmocka_unit_test(test_promo),
	    cmocka_unit_test(test_credit),
	    cmocka_unit_test(test_chrome),
	    cmocka_unit_test(test_comment_notice),
	    cmocka_unit_test(test_post_meta),
	    cmocka_unit_test(test_repeat),
	    cmocka_unit_test(test_headline),
	    cmocka_unit_test(test_disclaimer),
	    cmocka_unit_test(test_undeclared),
	    cmocka_unit_test(test_story_label),
	    cmocka_unit_test(test_closing_chrome),
	    cmocka_unit_test(test_outside_content),
	    cmocka_unit_test(test_registry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
