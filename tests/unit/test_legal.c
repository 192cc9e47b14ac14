/*
 * test_legal.c - disclaimers: which notices go to the disclaimer field,
 * in page order and out of the body, and which page furniture (cookie
 * banners, newsletter prompts, copyright lines, comment widgets) is
 * neither body nor disclaimer.  Each page is written for one rule.
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

static void run(struct page *p, const char *html)
{
	run_page(p, html, 200);
}

static bool has(const char *field, const char *s)
{
	return field && strstr(field, s);
}

#define PROSE(x)                                                               \
	"<p>" x " The council met on a grey morning and spoke at length "    \
	"about budgets, ferry schedules and the weather on the islands, "    \
	"and about the roads that the winter storms had washed away.</p>"

#define ARTICLE_BODY                                                           \
	PROSE("One.") PROSE("Two.") PROSE("Three.") PROSE("Four.")           \
	PROSE("Five.") PROSE("Six.") PROSE("Seven.") PROSE("Eight.")

#define HEAD "<html><head><title>Ferry timetable | Coast Daily</title></head>"

static const char labelled[] =
	HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
	"<div class=notice><p><strong>Legal Disclaimer:</strong></p>"
	"<p>Coast Daily provides the information \"as is\" without warranty "
	"of any kind and accepts no liability for its accuracy.</p></div>"
	"</article><footer><p>&copy; 2024 Coast Daily. All rights reserved."
	"</p></footer></body></html>";

static void a_label_takes_the_paragraph_after_it(void **state)
{
	struct page p;
	(void)state;

	run(&p, labelled);
	assert_true(has(p.ex.body, "Eight. The council"));
	assert_false(has(p.ex.body, "without warranty"));
	assert_false(has(p.ex.body, "Legal Disclaimer"));
	assert_non_null(p.ex.disclaimer);
	assert_string_equal(p.ex.disclaimer,
			    "Legal Disclaimer:\n\nCoast Daily provides the "
			    "information \"as is\" without warranty of any kind "
			    "and accepts no liability for its accuracy.");
	arena_release(&p.a);
}

static void notices_come_in_page_order_from_anywhere(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Best kettles</h1>"
		"<p><em>This post contains affiliate links: we may earn a "
		"commission if you buy through them.</em></p>" ARTICLE_BODY
		"</article><aside><p>The views expressed are those of the author "
		"and do not necessarily reflect those of Coast Daily.</p></aside>"
		"<footer><p>This page may contain forward-looking statements; "
		"actual results may differ.</p><p>Disclaimer: nothing here is "
		"an offer to sell securities.</p></footer></body></html>");
	const char *d = p.ex.disclaimer;
	assert_non_null(d);
	const char *aff = strstr(d, "affiliate links");
	const char *views = strstr(d, "views expressed");
	const char *fls = strstr(d, "forward-looking");
	const char *label = strstr(d, "Disclaimer: nothing");
	assert_true(aff && views && fls && label);
	assert_true(aff < views && views < fls && fls < label);
	assert_false(has(p.ex.body, "affiliate links"));
	assert_true(has(p.ex.body, "One. The council"));
	arena_release(&p.a);
}

static void banners_prompts_and_copyright_are_not_notices(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><div class=cookie-bar><p>We use cookies to give "
		"you the best experience; the site is provided as is and we "
		"accept no liability for cookies you block.</p></div>"
		"<article><h1>Ferry timetable</h1>" ARTICLE_BODY "</article>"
		"<div class=signup><p>Subscribe to our newsletter for "
		"informational purposes only: no spam, no liability.</p></div>"
		"<footer><p>&copy; 2024 Coast Daily. All rights reserved. No part "
		"of this site may be reproduced.</p></footer></body></html>");
	assert_null(p.ex.disclaimer);
	assert_false(has(p.ex.body, "cookies"));
	assert_false(has(p.ex.body, "newsletter"));
	assert_false(has(p.ex.body, "All rights reserved"));
	arena_release(&p.a);
}

static void a_press_release_profile_is_boilerplate(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"<hr><p>Coast Ferries AG is a global provider of island "
		"transport. Coast Ferries is headquartered in Oban, has "
		"subsidiaries in 4 countries and employs around 900 people. "
		"Its shares are listed on the Oban Exchange.</p>"
		"</article></body></html>");
	assert_true(has(p.ex.body, "Eight. The council"));
	assert_false(has(p.ex.body, "global provider"));
	assert_true(has(p.ex.disclaimer, "employs around 900 people"));
	arena_release(&p.a);

	/* naming a seat and a workforce in the news is the news */
	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"<p>The operator, which is headquartered in Oban and employs "
		"around 900 people, said the new timetable starts in May.</p>"
		"</article></body></html>");
	assert_true(has(p.ex.body, "employs around 900 people"));
	assert_null(p.ex.disclaimer);
	arena_release(&p.a);
}

static void talk_of_advice_inside_an_article_is_the_article(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Choosing an adviser</h1>"
		PROSE("One.") PROSE("Two.") PROSE("Three.") PROSE("Four.")
		"<p>Is a blog post investment advice? Regulators say a text "
		"written for informational purposes is not financial advice, and "
		"past performance says little.</p>"
		PROSE("Five.") PROSE("Six.") PROSE("Seven.") PROSE("Eight.")
		PROSE("Nine.") PROSE("Ten.") "</article></body></html>");
	assert_null(p.ex.disclaimer);
	assert_true(has(p.ex.body, "Is a blog post investment advice?"));
	arena_release(&p.a);
}

static void a_page_that_is_all_notice_keeps_it_as_body(void **state)
{
	struct page p;
	(void)state;

	run(&p, "<html><head><title>Disclaimer | Coast Daily</title></head>"
		"<body><main><h1>Disclaimer</h1><p>The information on this site "
		"is provided for informational purposes only and without "
		"warranty of any kind.</p><p>Coast Daily accepts no liability "
		"for the accuracy or completeness of the information.</p>"
		"</main></body></html>");
	assert_true(has(p.ex.body, "without warranty"));
	assert_null(p.ex.disclaimer);
	arena_release(&p.a);
}

static void a_repeated_notice_is_given_once(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"<p>Disclaimer: the views expressed are the author's own.</p>"
		"</article><div class=print-copy><p>Disclaimer: the views "
		"expressed are the author's own.</p></div></body></html>");
	assert_string_equal(p.ex.disclaimer,
			    "Disclaimer: the views expressed are the author's "
			    "own.");
	arena_release(&p.a);
}

static void a_heading_label_claims_its_section_only(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"</article><div class=box><h2>Haftungsausschluss</h2>"
		"<p>Trotz sorgfältiger Kontrolle übernehmen wir keine Haftung "
		"für die Inhalte externer Links.</p></div>"
		"<div class=more><h2>More from the coast</h2><p>Harbour lights "
		"return for the winter festival.</p></div></body></html>");
	assert_true(has(p.ex.disclaimer, "Haftungsausschluss"));
	assert_true(has(p.ex.disclaimer, "keine Haftung"));
	assert_false(has(p.ex.disclaimer, "Harbour lights"));
	arena_release(&p.a);
}

static void a_notice_heading_goes_with_its_notice(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry traffic at a record</h1>"
		ARTICLE_BODY "<h2>Forward-Looking Statements</h2><p>This "
		"release contains forward-looking statements; actual results may "
		"differ materially.</p></article></body></html>");
	assert_true(has(p.ex.disclaimer, "Forward-Looking Statements\n\n"));
	assert_false(has(p.ex.body, "Forward-Looking"));
	assert_false(has(p.ex.body, "actual results"));
	arena_release(&p.a);
}

static void a_menu_link_named_disclaimer_is_not_a_label(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"</article><footer><ul><li><a href=/legal>Legal Disclaimer</a>"
		"</li><li><a href=/privacy>Privacy Policy</a></li></ul>"
		"<p>Legal Disclaimer, Privacy Policy, Cookies | Contact</p>"
		"</footer></body></html>");
	assert_null(p.ex.disclaimer);
	arena_release(&p.a);
}

static void comment_widgets_are_neither_body_nor_notice(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"</article><section id=comments class=comments-widget>"
		"<h3>Comments</h3><div class=empty>No comment</div></section>"
		"</body></html>");
	assert_false(has(p.ex.body, "Comments"));
	assert_false(has(p.ex.body, "No comment"));
	assert_null(p.ex.disclaimer);
	/* block boundaries separate words */
	assert_false(has(p.ex.body, "Away.The") || has(p.ex.body, "away.The"));
	arena_release(&p.a);
}

static void a_labelled_notice_is_one_anywhere(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>"
		"<p>Disclaimer: This post contains affiliate links.</p>"
		PROSE("One.") PROSE("Two.") PROSE("Three.") PROSE("Four.")
		"<p>DISCLAIMER: the ferry company paid for our crossing.</p>"
		PROSE("Five.") PROSE("Six.") PROSE("Seven.") PROSE("Eight.")
		PROSE("Nine.") PROSE("Ten.") "</article></body></html>");
	assert_true(has(p.ex.disclaimer, "This post contains affiliate"));
	assert_true(has(p.ex.disclaimer, "paid for our crossing"));
	assert_false(has(p.ex.body, "affiliate"));
	assert_false(has(p.ex.body, "paid for our crossing"));
	assert_true(has(p.ex.body, "Four. The council"));
	assert_true(has(p.ex.body, "Five. The council"));
	arena_release(&p.a);
}

static void a_notice_glued_to_a_call_to_action_is_cut_out(void **state)
{
	struct page p;
	(void)state;

	run(&p, HEAD "<body><article><h1>Ferry timetable</h1>" ARTICLE_BODY
		"<p>Thanks for reading! Share it with your friends. Disclaimer: "
		"fares were correct at the time of writing.</p></article>"
		"</body></html>");
	assert_string_equal(p.ex.disclaimer,
			    "Disclaimer: fares were correct at the time of "
			    "writing.");
	assert_false(has(p.ex.body, "fares were correct"));
	assert_true(has(p.ex.body, "Eight. The council"));
	arena_release(&p.a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_label_takes_the_paragraph_after_it),
		cmocka_unit_test(a_labelled_notice_is_one_anywhere),
		cmocka_unit_test(a_notice_glued_to_a_call_to_action_is_cut_out),
		cmocka_unit_test(notices_come_in_page_order_from_anywhere),
		cmocka_unit_test(banners_prompts_and_copyright_are_not_notices),
		cmocka_unit_test(a_press_release_profile_is_boilerplate),
		cmocka_unit_test(talk_of_advice_inside_an_article_is_the_article),
		cmocka_unit_test(a_page_that_is_all_notice_keeps_it_as_body),
		cmocka_unit_test(a_repeated_notice_is_given_once),
		cmocka_unit_test(a_heading_label_claims_its_section_only),
		cmocka_unit_test(a_notice_heading_goes_with_its_notice),
		cmocka_unit_test(a_menu_link_named_disclaimer_is_not_a_label),
		cmocka_unit_test(comment_widgets_are_neither_body_nor_notice),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
