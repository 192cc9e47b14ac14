/*
 * test_extract.c - the body, title, line and metadata heuristics on
 * small pages written for each rule.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "page.h"
#include "extract/heuristics.h"


static bool body_has(const struct page *p, const char *s)
{
	return p->ex.body && strstr(p->ex.body, s);
}

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *q = hay; hay && (q = strstr(q, needle)); q++)
		n++;
	return n;
}

#define PARA(x)                                                                \
	"<p>" x " The committee met on a grey morning, and the members "     \
	"spoke at length about budgets, schedules, and the weather.</p>"

static const char article_page[] =
	"<html><head><title>Ferry timetable changes | Coast Daily</title>"
	"<meta property='og:site_name' content='Coast Daily'></head><body>"
	"<nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport"
	"</a></nav><div class=sidebar><h3>Most read</h3><ul><li><a href=/1>"
	"Something else happened somewhere far away today</a></li></ul></div>"
	"<article><h1>Ferry timetable changes</h1>"
	"<p class=byline>By Mira Okafor</p>"
	"<p class=date>Updated 10:01 pm PST, Tuesday, November 19, 2019</p>"
	PARA("First.") PARA("Second.") PARA("Third.") PARA("Fourth.")
	"</article><div class=related><h3>Related stories</h3><ul>"
	"<li><a href=/a>A long related headline about another ferry</a></li>"
	"<li><a href=/b>Another related headline about the harbour</a></li>"
	"</ul></div><section id=comments><h3>Comments</h3><p>No comments yet, "
	"be the first to share what you think about this.</p></section>"
	"<footer><p>Copyright 2024 Coast Daily. All rights reserved.</p>"
	"</footer></body></html>";

static void body_is_the_article_only(void **state)
{
	struct page p;
	(void)state;

	run_page(&p, article_page, 200);
	assert_true(body_has(&p, "First. The committee"));
	assert_true(body_has(&p, "Fourth."));
	assert_false(body_has(&p, "Home"));
	assert_false(body_has(&p, "Most read"));
	assert_false(body_has(&p, "related headline"));
	assert_false(body_has(&p, "No comments yet"));
	assert_false(body_has(&p, "Copyright"));
	assert_false(body_has(&p, "By Mira"));
	assert_false(body_has(&p, "Updated 10:01"));
	/* the headline is the title, not the first line of the body */
	assert_string_equal(p.ex.title, "Ferry timetable changes");
	assert_false(body_has(&p, "Ferry timetable changes"));
	assert_int_equal(p.ex.error.kind, PAGE_OK);
	arena_release(&p.a);
}

static void repeated_blocks_appear_once_but_refrains_stay(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><article><h1>Song of the harbour</h1>"
	    "<div class=main>" PARA("One.") PARA("Two.") "<p>Yes.</p>"
	    PARA("Three.") "<p>Yes.</p></div>"
	    "<div class=print>" PARA("One.") PARA("Two.") PARA("Three.")
	    "</div></article></body></html>",
	    200);
	assert_int_equal(count_of(p.ex.body, "One. The committee"), 1);
	assert_int_equal(count_of(p.ex.body, "Three. The committee"), 1);
	assert_int_equal(count_of(p.ex.body, "Yes."), 2);
	arena_release(&p.a);
}

static void recurring_lines_among_siblings_stay(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><div class=recipe><h2>Plan A</h2>" PARA("Plan A.")
	    "<p>Drink one glass of water with a slice of lemon.</p>"
	    "<h2>Plan B</h2>" PARA("Plan B.")
	    "<p>Drink one glass of water with a slice of lemon.</p>"
	    "<h2>Plan C</h2>" PARA("Plan C.")
	    "<p>Drink one glass of water with a slice of lemon.</p>"
	    "</div></body></html>",
	    200);
	assert_int_equal(count_of(p.ex.body, "Drink one glass"), 3);
	arena_release(&p.a);
}

static void recurring_pairs_do_not_make_a_copy(void **state)
{
	struct page p;
	(void)state;

	/* the repeated pairs outweigh a third of the text, yet none is a
	 * copy of the text: each recurs between lines that do not */
	run_page(&p,
	    "<html><body><article><div class=plan><h2>Monday</h2>"
	    "<p>Porridge with one cup of berries and a spoon of honey</p>"
	    "<p>Containers: one green, one red, one yellow, one teaspoon</p>"
	    "<h2>Tuesday</h2><p>Eggs on toast with spinach and half an "
	    "avocado</p>"
	    "<p>Containers: one green, one red, one yellow, one teaspoon</p>"
	    "<h2>Wednesday</h2>"
	    "<p>Porridge with one cup of berries and a spoon of honey</p>"
	    "<p>Containers: one green, one red, one yellow, one teaspoon</p>"
	    "</div></article></body></html>",
	    200);
	assert_int_equal(count_of(p.ex.body, "Containers: one green"), 3);
	assert_int_equal(count_of(p.ex.body, "Porridge with"), 2);
	arena_release(&p.a);

	/* the same line on two cards of a listing */
	run_page(&p,
	    "<html><body><main><h1>Fairs this spring</h1><div class=cards>"
	    "<div class=card><h3>Harbour days</h3><div class=info><p>A fair "
	    "by the water in Leith, Scotland, all weekend long</p></div></div>"
	    "<div class=card><h3>Ferry week</h3><div class=info><p>A fair by "
	    "the water in Oban, Scotland, all weekend long</p></div></div>"
	    "<div class=card><h3>Boat show</h3><div class=info><p>A fair by "
	    "the water in Leith, Scotland, all weekend long</p></div></div>"
	    "</div></main></body></html>",
	    200);
	assert_int_equal(count_of(p.ex.body, "in Leith"), 2);
	arena_release(&p.a);
}

static void nested_articles_are_not_the_text(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><article class=post><h1>Main story</h1>"
	    PARA("Main one.") PARA("Main two.") PARA("Main three.")
	    "<section><h2>Replies</h2>"
	    "<article class=post><p>I disagree with this article strongly, "
	    "for reasons that I will now explain in detail.</p></article>"
	    "<article class=post><p>Thanks for writing this, it was useful "
	    "and I learned a lot from reading it today.</p></article>"
	    "</section></article></body></html>",
	    200);
	assert_true(body_has(&p, "Main three."));
	assert_false(body_has(&p, "I disagree"));
	assert_false(body_has(&p, "Thanks for writing"));
	arena_release(&p.a);
}

static void hidden_content_is_not_read(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><div class=story>" PARA("Shown.") PARA("Also shown.")
	    "<div class='d-none'>" PARA("Secret.") "</div>"
	    "<div style='display: none'>" PARA("Also secret.") "</div>"
	    "<script>var x = 'not text';</script></div></body></html>",
	    200);
	assert_true(body_has(&p, "Also shown."));
	assert_false(body_has(&p, "Secret."));
	assert_false(body_has(&p, "Also secret."));
	assert_false(body_has(&p, "not text"));
	arena_release(&p.a);
}

static void link_cards_fall_back_to_relaxed_pass(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><div class=cards>"
	    "<a href=/1><h2>Certificate in data</h2><p>Twelve weeks of "
	    "evening classes with practical projects and mentoring.</p></a>"
	    "<a href=/2><h2>Certificate in design</h2><p>Ten weeks of "
	    "studio work with reviews from practising designers.</p></a>"
	    "<a href=/3><h2>Certificate in law</h2><p>Eight weeks of "
	    "seminars on contracts, property and public law.</p></a>"
	    "</div></body></html>",
	    200);
	assert_true(body_has(&p, "Twelve weeks"));
	assert_true(body_has(&p, "seminars on contracts"));
	arena_release(&p.a);
}

/* html, served with status 200, gets the title want. */
static void title_is(const char *html, const char *want)
{
	struct page p;

	run_page(&p, html, 200);
	assert_string_equal(p.ex.title, want);
	arena_release(&p.a);
}

static void titles_lose_site_names_only_when_sure(void **state)
{
	(void)state;
	title_is("<html><head><title>Winter storms close the pass early this "
		 "year - Mountain Post</title></head><body><p>text</p></body>"
		 "</html>",
		 "Winter storms close the pass early this year");
	/* a short title is a whole title */
	title_is("<html><head><title>Page not found - Example</title></head>"
		 "<body><p>text</p></body></html>",
		 "Page not found - Example");
	/* the visible heading decides which segment is the headline */
	title_is("<html><head><title>WebSocket - Web APIs | Docs</title></head>"
		 "<body><h1>WebSocket</h1><p>text</p></body></html>",
		 "WebSocket");
	/* a declared title that is only the site's name is no title */
	title_is("<html><head><meta property='og:title' content='Coast Daily'>"
		 "<meta property='og:site_name' content='Coast Daily'>"
		 "<title>Ferry news | Coast Daily</title></head><body><h1>Ferry "
		 "news</h1><p>text</p></body></html>",
		 "Ferry news");
	/* a declared headline keeps its own dash; the site's segment goes */
	title_is("<html><head><meta property='og:title' content='Storm report - "
		 "what the ferry crews saw | Coast Daily'>"
		 "<meta property='og:site_name' content='Coast Daily'></head>"
		 "<body><p>text</p></body></html>",
		 "Storm report - what the ferry crews saw");
	/* JSON-LD strings carry the page's escapes; the reader sees text */
	title_is("<html><head><script type='application/ld+json'>{\"@type\":"
		 "\"NewsArticle\",\"headline\":\"Storm report &#8211; the "
		 "crews &amp; the pier\"}</script></head><body><p>text</p>"
		 "</body></html>",
		 "Storm report \xe2\x80\x93 the crews & the pier");
}

static void datelines_and_bylines_are_recognised(void **state)
{
	(void)state;
	const char *yes[] = {
		"Updated 10:01 pm PST, Tuesday, November 19, 2019",
		"19 November 2019",
		"Chris Davies - Nov 19, 2019, 10:31 pm CST",
		"sexta-feira, 22 de outubro de 2010 \xc3\xa0s 20:13",
	};
	const char *no[] = {
		"The council met on 19 November 2019 to discuss the ferry.",
		"Tuesday was the best day of the trip for most of us",
		"Chapter 12",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(line_is_dateline(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(line_is_dateline(no[i], strlen(no[i])));
	assert_true(line_is_byline("By Jane Doe", 11));
	assert_true(line_is_byline("By Justine Coleman - 11/18/19 11:04 PM EST",
				   42));
	const char *sentence = "By the end of the year, the line was closed.";
	assert_false(line_is_byline(sentence, strlen(sentence)));
	const char *promo = "Follow us on Twitter and sign up for our daily "
			    "newsletter.";
	assert_true(line_is_promo(promo, strlen(promo)));
	const char *news = "The minister announced the plan on Twitter late "
			   "on Sunday evening.";
	assert_false(line_is_promo(news, strlen(news)));
	const char *teaser = "Read more: Ferry prices rise again";
	assert_true(line_is_teaser(teaser, strlen(teaser)));
}

static void chrome_lines_are_furniture_not_text(void **state)
{
	(void)state;
	const char *yes[] = {
		"Advertisement", "Advert", "Share this article", " Share ",
		"Media playback is unsupported on your device",
		"This slideshow requires JavaScript.",
		"Image copyright Getty Images", "(Image credit: Harbour Trust)",
		"Photo: Mira Okafor", "Close", "Trending now",
		"Tempo de leitura: 1 minuto", "\xc2\xa9 Mira Okafor",
		"Copyright \xc2\xa9 2019 Coast Daily. All rights reserved.",
	};
	const char *no[] = {
		"The advertisement ran for six weeks in the local paper.",
		"Share prices fell",
		"Image: The ferry leaves the harbour at dawn while the crew "
		"waves to the families on the pier",
		"Photographs of the harbour were shown at the meeting.",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		assert_true(line_is_chrome(yes[i], strlen(yes[i])));
	for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		assert_false(line_is_chrome(no[i], strlen(no[i])));
	const char *dated = "Posted on Maret 30, 2015 by Admin";
	assert_true(line_is_dateline(dated, strlen(dated)));
	const char *related = "Related post: Pickled sprouts for winter";
	assert_true(line_is_teaser(related, strlen(related)));
	const char *share = "Like this story? Share it with a friend!";
	assert_true(line_is_promo(share, strlen(share)));
	const char *sub = "Subscribe to Coast Daily and stay on top of the tides.";
	assert_true(line_is_promo(sub, strlen(sub)));
	const char *money = "Follow the money, the inspector told the council.";
	assert_false(line_is_promo(money, strlen(money)));
	const char *closed = "Comments are closed.";
	assert_true(line_is_comment_notice(closed, strlen(closed)));
	const char *mod = "Note: we are moderating all comments to deal with spam.";
	assert_true(line_is_comment_notice(mod, strlen(mod)));
	const char *said = "The mayor declined to comment on the ferry strike.";
	assert_false(line_is_comment_notice(said, strlen(said)));
	const char *meta = "05/10/2018 - Publicado por: Ana Lima - Categoria: "
			   "Sa\303\272de - Tags: ferry";
	assert_true(line_is_post_meta(meta, strlen(meta)));
	const char *tags = "Tags: ferry, harbour";
	assert_false(line_is_post_meta(tags, strlen(tags)));
	/* one label is one label, however it is spelled */
	const char *cat = "Categoria: Porti e traghetti";
	assert_false(line_is_post_meta(cat, strlen(cat)));
}

static void a_post_line_glued_to_its_paragraph_is_cut(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><div class=post><p class=title>Ferry cars broken "
	    "into</p><small><b>05/10/2018</b> - Posted by: Ana Lima - "
	    "Category: <a href=/c>Health</a> - Tags: <a href=/t>ferry</a>"
	    "</small><br><br>Two of the five cars of the ferry team were broken "
	    "into this morning. The batteries were taken and the doors "
	    "damaged, and the police came to see the damage.<br>The visits "
	    "planned for the morning will be moved to another day.</div>"
	    "</body></html>",
	    200);
	assert_true(body_has(&p, "Two of the five cars"));
	assert_true(body_has(&p, "another day"));
	assert_false(body_has(&p, "Posted by"));
	arena_release(&p.a);
}

static void a_story_label_claims_the_linked_headlines_under_it(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><article><h1>Harbour news</h1>" PARA("First.")
	    PARA("Second.") "<h4>More:</h4>"
	    "<ul><li><h4><a href=/a>Gulls return to the old pier</a></h4></li>"
	    "</ul><ul><li><h4><a href=/b>Ferry fares rise in spring</a></h4>"
	    "</li></ul>" PARA("Third.") PARA("Fourth.")
	    "<h2>What happens next</h2>" PARA("Fifth.")
	    "</article></body></html>",
	    200);
	assert_true(body_has(&p, "Third. The committee"));
	assert_true(body_has(&p, "What happens next"));
	assert_false(body_has(&p, "Gulls return"));
	assert_false(body_has(&p, "Ferry fares"));
	arena_release(&p.a);
}

static void a_closing_list_of_linked_headlines_is_cut(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><body><article><h1>Harbour news</h1>" PARA("First.")
	    PARA("Second.") PARA("Third.")
	    "<ul><li>Bring a coat: the wind on the pier is strong</li>"
	    "<li>Bring a flask: the kiosk closes at noon</li></ul>"
	    PARA("Fourth.") PARA("Fifth.") PARA("Sixth.")
	    "<hr><h3>More great stories</h3><ul>"
	    "<li>Ferries must unionise, <a href=/a>no matter what</a></li>"
	    "<li>The pier is not the problem. <a href=/b>The tide is</a></li>"
	    "<li>Could a gull <a href=/c>steer a boat home</a>?</li></ul>"
	    "</article></body></html>",
	    200);
	assert_true(body_has(&p, "Sixth. The committee"));
	assert_true(body_has(&p, "Bring a flask"));
	assert_false(body_has(&p, "unionise"));
	assert_false(body_has(&p, "steer a boat"));
	assert_false(body_has(&p, "More great stories"));
	arena_release(&p.a);

	/* teaser cards: a linked headline and a blurb, card after card */
	run_page(&p,
	    "<html><body><article><h1>Harbour news</h1>" PARA("First.")
	    PARA("Second.") PARA("Third.") PARA("Fourth.") PARA("Fifth.")
	    PARA("Sixth.") "<div class=popular><h2>Most popular</h2>"
	    "<div class=card><div class=t><a href=/a>Ferry diet</a></div>"
	    "<div class=b>Lose ten pounds in fourteen days on the boat.</div>"
	    "</div><div class=card><div class=t><a href=/b>Pier diet</a></div>"
	    "<div class=b>Walk the pier twice a day and eat only fish.</div>"
	    "</div></div></article></body></html>",
	    200);
	assert_true(body_has(&p, "Sixth. The committee"));
	assert_false(body_has(&p, "Lose ten pounds"));
	assert_false(body_has(&p, "Walk the pier"));
	arena_release(&p.a);

	/* a closing paragraph after a linked line is the article's */
	run_page(&p,
	    "<html><body><article><h1>Harbour news</h1>" PARA("First.")
	    PARA("Second.") PARA("Third.") PARA("Fourth.")
	    "<div><p><a href=/x>Read the council's full report</a></p>"
	    "<p>The report is due again in May.</p></div>"
	    "</article></body></html>",
	    200);
	assert_true(body_has(&p, "due again in May"));
	arena_release(&p.a);
}

static void class_names_are_judged_one_at_a_time(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html><head><title>Harbour news</title></head><body>"
	    "<div class='content-sidebar-wrap'><article class=story-body>"
	    PARA("First.") PARA("Second.") PARA("Third.")
	    "<div class='social-media-embed'><blockquote class=tweet><p>The "
	    "harbour looks lovely this morning, quoted from a post</p>"
	    "</blockquote></div>"
	    "<div class='story-related-links'><h4>Another headline entirely "
	    "about a different town and its bridge</h4>"
	    "<h4>Yet another headline about the mayor and her new car</h4>"
	    "</div>" PARA("Fourth.") "</article></div></body></html>",
	    200);
	assert_true(body_has(&p, "First. The committee"));
	assert_true(body_has(&p, "Fourth. The committee"));
	assert_true(body_has(&p, "quoted from a post"));
	assert_false(body_has(&p, "different town"));
	assert_false(body_has(&p, "new car"));
	arena_release(&p.a);
}

static void metadata_comes_from_json_ld_and_meta(void **state)
{
	struct page p;
	(void)state;

	run_page(&p,
	    "<html lang=de><head><link rel=canonical href='https://x.example/a'>"
	    "<script type='application/ld+json'>{\"@context\":"
	    "\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":"
	    "\"Der Fahrplan\",\"datePublished\":\"2024-03-12T08:30:00Z\","
	    "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Ufer\"},"
	    "{\"@type\":\"Person\",\"name\":\"Bo Kai\"}],\"publisher\":"
	    "{\"name\":\"Hafenblatt\"}}</script>"
	    "<meta name=description content='Neue Zeiten'></head><body>"
	    "<p>Text</p></body></html>",
	    200);
	assert_string_equal(p.ex.title, "Der Fahrplan");
	assert_string_equal(p.ex.language, "de");
	assert_string_equal(p.ex.date_published, "2024-03-12T08:30:00Z");
	assert_int_equal(p.ex.author_count, 2);
	assert_string_equal(p.ex.authors[1], "Bo Kai");
	assert_string_equal(p.ex.site_name, "Hafenblatt");
	assert_string_equal(p.ex.canonical_url, "https://x.example/a");
	assert_string_equal(p.ex.description, "Neue Zeiten");
	arena_release(&p.a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(body_is_the_article_only),
		cmocka_unit_test(repeated_blocks_appear_once_but_refrains_stay),
		cmocka_unit_test(recurring_lines_among_siblings_stay),
		cmocka_unit_test(recurring_pairs_do_not_make_a_copy),
		cmocka_unit_test(nested_articles_are_not_the_text),
		cmocka_unit_test(hidden_content_is_not_read),
		cmocka_unit_test(link_cards_fall_back_to_relaxed_pass),
		cmocka_unit_test(titles_lose_site_names_only_when_sure),
		cmocka_unit_test(datelines_and_bylines_are_recognised),
		cmocka_unit_test(chrome_lines_are_furniture_not_text),
		cmocka_unit_test(class_names_are_judged_one_at_a_time),
		cmocka_unit_test(a_closing_list_of_linked_headlines_is_cut),
		cmocka_unit_test(a_post_line_glued_to_its_paragraph_is_cut),
		cmocka_unit_test(a_story_label_claims_the_linked_headlines_under_it),
		cmocka_unit_test(metadata_comes_from_json_ld_and_meta),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
