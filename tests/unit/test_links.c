/*
 * test_links.c - the links and images of the main content: which count,
 * how they are resolved, and how they reach the JSON record.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "base/buf.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "pipeline/pipeline.h"
#include "base/response.h"

struct page {
	struct arena a;
	struct dom d;
	struct extraction ex;
};

static void run(struct page *p, const char *html, const char *url)
{
	struct page_facts facts = {.status = 200, .url = url};

	arena_init(&p->a);
	assert_int_equal(dom_parse(&p->a, html, strlen(html), NULL, &p->d), 0);
	extract_page(&p->a, &p->d, &facts, &p->ex);
}

#define PARA(x)                                                                \
	"<p>" x " The committee met on a grey morning, and the members "     \
	"spoke at length about budgets, schedules, and the weather.</p>"

static const char page[] =
	"<html><head><title>Ferry news</title></head><body>"
	"<nav><a href=/>Home</a> <a href=/news>News</a></nav>"
	"<article><h1>Ferry news</h1>"
	PARA("See the <a href='timetable.html#winter'>new timetable</a> and "
	     "the <a href='https://port.example/'>port</a>.")
	"<figure><img src='/img/ferry.jpg' alt='The ferry  at dawn'>"
	"<figcaption>The ferry at dawn.</figcaption></figure>"
	PARA("Lazy: <img src='data:image/gif;base64,R0lGOD' "
	     "data-src='lazy.png' alt=''> and a <a href='#top'>jump</a>, a "
	     "<a href='javascript:void(0)'>script</a>, the <a "
	     "href='timetable.html#winter'>timetable again</a>.")
	"<ul><li><a href=/a>Related story one with a long headline</a></li>"
	"<li><a href=/b>Related story two with a long headline</a></li></ul>"
	PARA("Ends here.")
	"</article><aside><a href=/ad><img src=/ad.png alt=ad></a></aside>"
	"</body></html>";

static void content_links_are_resolved_once(void **state)
{
	struct page p;
	(void)state;

	run(&p, page, "https://news.example/2024/ferry/");
	assert_int_equal(p.ex.link_count, 2);
	assert_string_equal(p.ex.links[0].url,
			    "https://news.example/2024/ferry/timetable.html#winter");
	assert_string_equal(p.ex.links[0].text, "new timetable");
	assert_string_equal(p.ex.links[1].url, "https://port.example/");
	assert_int_equal(p.ex.image_count, 2);
	assert_string_equal(p.ex.images[0].url, "https://news.example/img/ferry.jpg");
	assert_string_equal(p.ex.images[0].text, "The ferry at dawn");
	assert_string_equal(p.ex.images[1].url,
			    "https://news.example/2024/ferry/lazy.png");
	arena_release(&p.a);
}

static void base_element_and_missing_base(void **state)
{
	struct page p;
	static const char based[] =
		"<html><head><base href='/static/'></head><body><article>"
		PARA("A <a href='doc.html'>document</a> here.")
		PARA("More.") "</article></body></html>";
	(void)state;

	run(&p, based, "https://site.example/a/b");
	assert_int_equal(p.ex.link_count, 1);
	assert_string_equal(p.ex.links[0].url, "https://site.example/static/doc.html");
	arena_release(&p.a);
	/* a local file without --base-url: kept as written */
	run(&p, based + strlen("<html><head><base href='/static/'></head>"), NULL);
	assert_int_equal(p.ex.link_count, 1);
	assert_string_equal(p.ex.links[0].url, "doc.html");
	arena_release(&p.a);
}

static void json_lists_only_when_asked(void **state)
{
	struct response r;
	struct pipeline_options o;
	struct buf out;
	char *diag;
	(void)state;

	response_init(&r, "page.html");
	r.body = strdup(page);
	r.body_len = strlen(page);
	pipeline_options_defaults(&o);
	o.format = FORMAT_JSON;
	o.base_url = "https://news.example/2024/ferry/";
	buf_init(&out, BUF_NO_MAX);
	assert_int_equal(pipeline_run(&r, &o, &out, &diag), EXIT_OK);
	free(diag);
	assert_null(strstr(out.ptr, "\"links\""));
	assert_null(strstr(out.ptr, "\"images\""));
	buf_reset(&out);
	o.with_links = o.with_images = true;
	assert_int_equal(pipeline_run(&r, &o, &out, &diag), EXIT_OK);
	free(diag);
	assert_non_null(strstr(out.ptr, "\"links\":[{\"url\":\"https://news.example"
					"/2024/ferry/timetable.html#winter\","
					"\"text\":\"new timetable\"}"));
	assert_non_null(strstr(out.ptr, "\"images\":[{\"url\":\"https://news."
					"example/img/ferry.jpg\",\"alt\":\"The "
					"ferry at dawn\"}"));
	buf_release(&out);
	response_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(content_links_are_resolved_once),
		cmocka_unit_test(base_element_and_missing_base),
		cmocka_unit_test(json_lists_only_when_asked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
