/*
 * test_meta.c - metadata: dates in the forms pages write them, authors
 * cleaned and split, JSON-LD quirks, the visible byline when metadata
 * is silent, and the declared language against the text's script.
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
#include "extract/heuristics.h"

/* 2024-06-01T00:00:00Z: "now" for every page here */
#define NOW 1717200000LL

struct page {
	struct arena a;
	struct dom d;
	struct extraction ex;
};

static void run(struct page *p, const char *html, const char *url)
{
	struct page_facts facts = {.status = 200, .url = url, .now = NOW};

	arena_init(&p->a);
	assert_int_equal(dom_parse(&p->a, html, strlen(html), NULL, &p->d), 0);
	extract_page(&p->a, &p->d, &facts, &p->ex);
}

static void expect_date(const char *in, const char *want)
{
	struct date_value v;
	bool ok = date_parse(in, strlen(in), &v);

	if (!want) {
		if (ok)
			fail_msg("\"%s\" parsed as %s", in, v.iso);
		return;
	}
	if (!ok)
		fail_msg("\"%s\" did not parse", in);
	if (strcmp(v.iso, want))
		fail_msg("\"%s\": got %s, want %s", in, v.iso, want);
}

static void dates_in_common_forms(void **state)
{
	(void)state;

	expect_date("2019-11-19", "2019-11-19");
	expect_date("2019-11-19T10:04:05.123Z", "2019-11-19T10:04:05Z");
	expect_date("2019-11-19 10:04", "2019-11-19T10:04:00");
	expect_date("2022-01-28T11:05:37+0100", "2022-01-28T11:05:37+01:00");
	expect_date("2015-03-10T08:05:41-07:00", "2015-03-10T08:05:41-07:00");
	expect_date("Tue, 19 Nov 2019 10:00:00 GMT", "2019-11-19T10:00:00Z");
	expect_date("Sun, 06 Nov 1994 08:49:37 +0000", "1994-11-06T08:49:37Z");
	expect_date("Tue Feb 20 2018 01:00:00 GMT+0100 (Central European "
		    "Standard Time)", "2018-02-20T01:00:00+01:00");
	expect_date("November 19, 2019", "2019-11-19");
	expect_date("Nov. 19, 2019", "2019-11-19");
	expect_date("19 November 2019", "2019-11-19");
	expect_date("19. M\xc3\xa4rz 2020", "2020-03-19");
	expect_date("19 de noviembre de 2019", "2019-11-19");
	expect_date("le 7 d\xc3\xa9" "cembre 2020", "2020-12-07");
	expect_date("19.11.2019", "2019-11-19");
	expect_date("am 29.12.2010, 13:36 Uhr", "2010-12-29T13:36:00");
	expect_date("11/19/2019", "2019-11-19");
	expect_date("19/11/2019", "2019-11-19");
	expect_date("Updated 10:01 pm PST, Tuesday, November 19, 2019",
		    "2019-11-19T22:01:00-08:00");
}

static void non_dates_are_refused(void **state)
{
	(void)state;

	expect_date("05/06/2019", NULL); /* May 6 or June 5 */
	expect_date("2019-02-30", NULL);
	expect_date("1970-01-01", NULL); /* an epoch default */
	expect_date("Page 3", NULL);
	expect_date("May the force be with you", NULL);
	expect_date("", NULL);
	assert_non_null(NULL == NULL ? "" : NULL);
}

static void future_dates_are_dropped(void **state)
{
	struct arena a;
	(void)state;

	arena_init(&a);
	assert_string_equal(date_normalize(&a, "May 31, 2024", NOW), "2024-05-31");
	/* a day of time zones is allowed, a week is not */
	assert_non_null(date_normalize(&a, "2024-06-01T20:00:00Z", NOW));
	assert_null(date_normalize(&a, "2024-06-08", NOW));
	assert_null(date_normalize(&a, "not a date", NOW));
	arena_release(&a);
}

#define PARA(x)                                                                \
	"<p>" x " The committee met on a grey morning, and the members "     \
	"spoke at length about budgets, schedules, and the weather.</p>"

#define ARTICLE(head, byline)                                                  \
	"<html><head>" head "</head><body><article><h1>Ferry news</h1>"        \
	byline PARA("One.") PARA("Two.") PARA("Three.") "</article></body></html>"

static void authors_are_cleaned_and_split(void **state)
{
	struct page p;
	(void)state;

	run(&p, ARTICLE("<meta name=author content='By Ines Halvorsen and "
			"Tom Beck'>", ""), NULL);
	assert_int_equal(p.ex.author_count, 2);
	assert_string_equal(p.ex.authors[0], "Ines Halvorsen");
	assert_string_equal(p.ex.authors[1], "Tom Beck");
	arena_release(&p.a);

	/* credentials stay with their name; a username folds into it */
	run(&p, ARTICLE("<meta name=author content='Jill Kubala, MS, RD'>"
			"<meta name=parsely-author content='jill.kubala'>", ""),
	    NULL);
	assert_int_equal(p.ex.author_count, 1);
	assert_string_equal(p.ex.authors[0], "Jill Kubala, MS, RD");
	arena_release(&p.a);

	/* URLs, handles and photo credits are not authors */
	run(&p, ARTICLE("<meta name=author content='https://x.example/u'>"
			"<meta name=author content='@handle'>"
			"<meta name=author content='Foto: Ingo Weiss'>", ""), NULL);
	assert_int_equal(p.ex.author_count, 0);
	arena_release(&p.a);
}

static void json_ld_authors_come_from_the_article(void **state)
{
	struct page p;
	(void)state;

	/* CDATA-wrapped, with a graph whose author is a reference, and a
	   related article listing its own author */
	run(&p, ARTICLE("<script type='application/ld+json'>//<![CDATA[\n"
			"{\"@graph\":[{\"@type\":\"Article\",\"headline\":\"Ferry "
			"news\",\"datePublished\":\"2024-03-05T08:30:00+01:00\","
			"\"author\":{\"@id\":\"#p1\"},\"publisher\":{\"@type\":"
			"\"Organization\",\"name\":\"Coast Daily\"}},"
			"{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Mira "
			"Okafor\"},{\"@type\":\"NewsArticle\",\"author\":{\"name\":"
			"\"Someone Else\"}}]}\n//]]></script>"
			"<meta property='article:published_time' "
			"content='2024-03-07'>", ""), NULL);
	assert_int_equal(p.ex.author_count, 1);
	assert_string_equal(p.ex.authors[0], "Mira Okafor");
	/* the article's own date wins over a template's <meta> */
	assert_string_equal(p.ex.date_published, "2024-03-05T08:30:00+01:00");
	assert_string_equal(p.ex.site_name, "Coast Daily");
	arena_release(&p.a);

	/* people named, the organisation steps aside */
	run(&p, ARTICLE("<script type='application/ld+json'>{\"@type\":"
			"\"NewsArticle\",\"author\":[{\"@type\":\"Organization\","
			"\"name\":\"Coast Daily\"},{\"@type\":\"Person\",\"name\":"
			"\"Mira Okafor\"}]}</script>", ""), NULL);
	assert_int_equal(p.ex.author_count, 1);
	assert_string_equal(p.ex.authors[0], "Mira Okafor");
	arena_release(&p.a);
}

static void visible_byline_when_metadata_is_silent(void **state)
{
	struct page p;
	(void)state;

	run(&p, ARTICLE("", "<div class=post-meta><span class=meta-prep>By "
			"</span><span class=author><a href=/u/d>Dana Reyes</a>"
			"</span> | <time datetime='2023-10-02T09:00:00Z'>Oct 2"
			"</time></div>"), NULL);
	assert_int_equal(p.ex.author_count, 1);
	assert_string_equal(p.ex.authors[0], "Dana Reyes");
	assert_string_equal(p.ex.date_published, "2023-10-02T09:00:00Z");
	arena_release(&p.a);

	/* an unmarked "By" line, and a dated line in words */
	run(&p, ARTICLE("", "<p>By Jerry Chu</p><p>Published: March 4, 2024"
			"</p>"), NULL);
	assert_int_equal(p.ex.author_count, 1);
	assert_string_equal(p.ex.authors[0], "Jerry Chu");
	assert_string_equal(p.ex.date_published, "2024-03-04");
	arena_release(&p.a);

	/* a sentence is no byline; comment threads are not the article's */
	run(&p, ARTICLE("", "<p>By the numbers:</p><div class=comments><span "
			"class=comment-author>Pat Doe</span> <time datetime="
			"2024-01-09>Jan 9</time></div>"), NULL);
	assert_int_equal(p.ex.author_count, 0);
	assert_null(p.ex.date_published);
	arena_release(&p.a);

	/* the URL's date as the last resort */
	run(&p, ARTICLE("", ""), "https://news.example/2022/01/18/ferry/");
	assert_string_equal(p.ex.date_published, "2022-01-18");
	arena_release(&p.a);
}

static void future_metadata_dates_are_dropped(void **state)
{
	struct page p;
	(void)state;

	run(&p, ARTICLE("<meta property='article:published_time' "
			"content='2031-01-01'><meta name=date content='not yet'>"
			"<meta name=dc.date content='19.11.2019'>", ""), NULL);
	assert_string_equal(p.ex.date_published, "2019-11-19");
	arena_release(&p.a);
}

/* "Hello world, this is a text in Russian, and it is long." */
#define CYRILLIC_SENTENCE                                                      \
	"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8" \
	"\xd1\x80 \xd1\x8d\xd1\x82\xd0\xbe \xd1\x82\xd0\xb5\xd0\xba\xd1\x81"   \
	"\xd1\x82 \xd0\xbd\xd0\xb0 \xd1\x80\xd1\x83\xd1\x81\xd1\x81\xd0\xba"   \
	"\xd0\xbe\xd0\xbc \xd1\x8f\xd0\xb7\xd1\x8b\xd0\xba\xd0\xb5, \xd0\xb8 " \
	"\xd0\xbe\xd0\xbd \xd0\xb4\xd0\xbb\xd0\xb8\xd0\xbd\xd0\xbd\xd1\x8b\xd0"\
	"\xb9. "

/* one paragraph: repeated paragraphs would be cut from the body */
#define CYRILLIC_TEXT                                                          \
	"<p>" CYRILLIC_SENTENCE CYRILLIC_SENTENCE CYRILLIC_SENTENCE            \
	CYRILLIC_SENTENCE CYRILLIC_SENTENCE CYRILLIC_SENTENCE "</p>"

static void language_is_checked_against_the_script(void **state)
{
	struct page p;
	(void)state;

	/* a template's "en" over Cyrillic text: no language is better */
	run(&p, "<html lang=en><body><article><h1>T</h1>" CYRILLIC_TEXT
		"</article></body></html>", NULL);
	assert_null(p.ex.language);
	arena_release(&p.a);

	run(&p, "<html lang=ru><body><article><h1>T</h1>" CYRILLIC_TEXT
		"</article></body></html>", NULL);
	assert_string_equal(p.ex.language, "ru");
	arena_release(&p.a);

	/* og:locale's underscore; too little text to judge */
	run(&p, "<html><head><meta property=og:locale content=en_GB></head>"
		"<body><p>\xd0\x94\xd0\xb0.</p></body></html>", NULL);
	assert_string_equal(p.ex.language, "en-GB");
	arena_release(&p.a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_in_common_forms),
		cmocka_unit_test(non_dates_are_refused),
		cmocka_unit_test(future_dates_are_dropped),
		cmocka_unit_test(authors_are_cleaned_and_split),
		cmocka_unit_test(json_ld_authors_come_from_the_article),
		cmocka_unit_test(visible_byline_when_metadata_is_silent),
		cmocka_unit_test(future_metadata_dates_are_dropped),
		cmocka_unit_test(language_is_checked_against_the_script),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
