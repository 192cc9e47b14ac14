/*
 * test_errpage.c - error-page verdicts on small pages written for each
 * rule: status codes, soft error pages, challenge and block pages, login
 * walls, articles that only talk about errors, and the phrase matcher
 * the verdicts rest on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "page.h"
#include "extract/phrase.h"


/* The verdict on html served with status, as a kind. */
static enum page_error_kind verdict(const char *html, long status)
{
	struct page p;

	run_page(&p, html, status);
	enum page_error_kind kind = p.ex.error.kind;
	arena_release(&p.a);
	return kind;
}

static bool evidence_has(const struct page *p, const char *s)
{
	return p->ex.error.evidence && strstr(p->ex.error.evidence, s);
}

#define PROSE(x)                                                               \
	"<p>" x " The council met on a grey morning and spoke at length "    \
	"about budgets, ferry schedules and the weather on the islands, "    \
	"and about the roads that the winter storms had washed away.</p>"

/* An article long enough to be content whatever words it has. */
#define ARTICLE_BODY                                                           \
	PROSE("One.") PROSE("Two.") PROSE("Three.") PROSE("Four.")           \
	PROSE("Five.") PROSE("Six.") PROSE("Seven.") PROSE("Eight.")         \
	PROSE("Nine.") PROSE("Ten.")

static const char soft_404[] =
	"<html><head><title>Page not found | Harbour News</title></head>"
	"<body><nav><a href=/>Home</a> <a href=/news>News</a></nav>"
	"<main><h1>Sorry, we can't find that page</h1>"
	"<p>The page you were looking for may have moved.</p>"
	"<p><a href=/>Back to the front page</a></p></main></body></html>";

static void soft_404_is_found_from_its_words(void **state)
{
	struct page p;
	(void)state;

	run_page(&p, soft_404, 200);
	assert_int_equal(p.ex.error.kind, PAGE_NOT_FOUND);
	assert_true(p.ex.error.soft);
	assert_int_equal(p.ex.error.status, 200);
	assert_true(evidence_has(&p, "phrase"));
	assert_true(evidence_has(&p, "characters of prose"));
	arena_release(&p.a);
	/* the same page read from a file, with no status */
	assert_int_equal(verdict(soft_404, 0), PAGE_NOT_FOUND);
}

static void server_templates_are_read_by_their_code(void **state)
{
	(void)state;
	assert_int_equal(
		verdict("<html><head><title>404 Not Found</title></head><body>"
			"<center><h1>404 Not Found</h1></center><hr>"
			"<center>nginx</center></body></html>", 0),
		PAGE_NOT_FOUND);
	assert_int_equal(
		verdict("<html><head><title>502 Bad Gateway</title></head><body>"
			"<center><h1>502 Bad Gateway</h1></center></body></html>",
			0),
		PAGE_SERVER_ERROR);
	assert_int_equal(verdict("<html><body>default backend - 404</body>"
				 "</html>", 0),
			 PAGE_NOT_FOUND);
	assert_int_equal(verdict("<html><head><title>HTTP 403</title></head>"
				 "<body></body></html>", 0),
			 PAGE_FORBIDDEN);
	/* a code in the text must be presented as one */
	assert_int_equal(verdict("<html><head><title>Sale</title></head><body>"
				 "<p>Order 404 items today</p></body></html>",
				 0),
			 PAGE_OK);
}

static void status_decides_and_words_choose_the_kind(void **state)
{
	struct page p;
	(void)state;

	run_page(&p, "<html><head><title>Harbour News</title></head><body>"
		"<article>" ARTICLE_BODY "</article></body></html>", 404);
	assert_int_equal(p.ex.error.kind, PAGE_NOT_FOUND);
	assert_false(p.ex.error.soft);
	assert_true(evidence_has(&p, "HTTP status 404"));
	arena_release(&p.a);

	/* a 503 that is a bot challenge */
	assert_int_equal(
		verdict("<html><head><title>One moment</title></head><body>"
			"<div class='cf-browser-verification'><form id=f "
			"action='/cdn-cgi/l/chk_jschl'></form></div></body></html>",
			503),
		PAGE_CHALLENGE);
	/* a 500 is a server error, whatever its page says */
	assert_int_equal(verdict("<html><body><h1>Service Unavailable</h1>"
				 "</body></html>", 500),
			 PAGE_SERVER_ERROR);
	/* an unusual 4xx takes the kind its page names */
	assert_int_equal(verdict("<html><body><h1>Bad Request</h1></body>"
				 "</html>", 418),
			 PAGE_BAD_REQUEST);
}

static void denials_blocks_and_challenges(void **state)
{
	(void)state;
	/* a denial with a ban is a block */
	assert_int_equal(
		verdict("<html><head><title>Access denied</title></head><body>"
			"<h2>Access denied</h2><p>The owner of this website has "
			"banned your IP address.</p></body></html>", 403),
		PAGE_BLOCKED);
	/* a coded denial stays a denial */
	assert_int_equal(
		verdict("<html><body><h1>403 ERROR</h1><p>Request blocked. We "
			"can't connect to the server for this app.</p></body>"
			"</html>", 0),
		PAGE_FORBIDDEN);
	/* challenge wording wins over the rest */
	assert_int_equal(
		verdict("<html><head><title>Access to this page has been "
			"denied</title></head><body><h1>Please verify you are a "
			"human</h1><p>Press and hold the button.</p></body></html>",
			0),
		PAGE_CHALLENGE);
	assert_int_equal(
		verdict("<html><head><title>Attention Required!</title></head>"
			"<body><h1>One more step</h1><h2>Please complete the "
			"security check to access the site</h2></body></html>", 0),
		PAGE_CHALLENGE);
	assert_int_equal(verdict("<html><body><Error><Code>AccessDenied</Code>"
				 "<Message>Access Denied</Message></Error>"
				 "</body></html>", 0),
			 PAGE_FORBIDDEN);
	assert_int_equal(verdict("<html><body><Error><Code>NoSuchKey</Code>"
				 "<Message>The specified key does not exist."
				 "</Message></Error></body></html>", 0),
			 PAGE_NOT_FOUND);
}

static void login_walls(void **state)
{
	struct page p;
	(void)state;

	run_page(&p, "<html><head><title>Example Mail - Sign in</title></head>"
		"<body><h1>Sign in</h1><form action=/session method=post>"
		"<label>Email <input name=email></label><label>Password "
		"<input type=password name=pw></label><button>Continue</button>"
		"</form><p><a href=/forgot>Forgot your password?</a></p>"
		"</body></html>", 200);
	assert_int_equal(p.ex.error.kind, PAGE_LOGIN_WALL);
	assert_true(p.ex.error.soft);
	assert_true(evidence_has(&p, "sign-in"));
	arena_release(&p.a);

	/* a password field and a sign-in heading, the title a brand */
	assert_int_equal(
		verdict("<html><head><title>Example</title></head><body>"
			"<h2>Log in</h2><form><input type=password></form>"
			"</body></html>", 0),
		PAGE_LOGIN_WALL);
	/* an article about signing in is an article */
	assert_int_equal(
		verdict("<html><head><title>How to log in to your router safely"
			"</title></head><body><article>" ARTICLE_BODY "</article>"
			"</body></html>", 200),
		PAGE_OK);
	/* "design in" is not "sign in" */
	assert_int_equal(verdict("<html><head><title>Design in</title></head>"
				 "<body><p>A gallery.</p></body></html>", 200),
			 PAGE_OK);
}

/* Articles that only talk about errors, denials and captchas. */
static void articles_about_errors_stay_articles(void **state)
{
	(void)state;
	assert_int_equal(
		verdict("<html><head><title>Why 404 Not Found pages cost you "
			"visitors</title></head><body><article><h1>Why 404 Not "
			"Found pages cost you visitors</h1>"
			"<p>An error 404 tells a visitor that the page is gone, "
			"and access denied pages are worse.</p>" ARTICLE_BODY
			"</article></body></html>", 200),
		PAGE_OK);
	assert_int_equal(
		verdict("<html><head><title>Access denied: the court rules on "
			"the archive</title><meta property='article:published_time'"
			" content='2024-03-12T08:30:00Z'></head><body><article>"
			"<h1>Access denied: the court rules on the archive</h1>"
			PROSE("The judges said no.") PROSE("Reporters waited.")
			PROSE("The archive stays closed.")
			"</article></body></html>", 200),
		PAGE_OK);
}

/* Short pages about errors: a headline, a question, a reference page. */
static void short_pages_about_errors_stay_content(void **state)
{
	(void)state;
	assert_int_equal(
		verdict("<html><head><title>Access denied: court keeps the "
			"harbour archive closed</title></head><body><article><h1>"
			"Access denied: court keeps the harbour archive closed</h1>"
			PROSE("The judges said no.") "</article></body></html>", 0),
		PAGE_OK);
	assert_int_equal(
		verdict("<html><head><title>Error 404 when installing a package"
			"</title></head><body><h1>Error 404 when installing a "
			"package</h1><p>When I run the installer on the build "
			"server I get an HTTP error 404 for one dependency. Has "
			"anyone seen this?</p><p>The index moved that release; pin "
			"the previous version.</p></body></html>", 0),
		PAGE_OK);
	assert_int_equal(
		verdict("<html><head><title>403 Forbidden - HTTP | Web Docs"
			"</title></head><body><article><h1>403 Forbidden</h1><p>"
			"The 403 status code means the server refuses the request."
			"</p><h2>Status</h2><pre>403 Forbidden</pre><h2>Examples"
			"</h2><p>A request without the right role.</p><h2>"
			"Specifications</h2><p>HTTP Semantics, section 15.</p><h2>"
			"Browser support</h2><p>All browsers.</p></article></body>"
			"</html>",
			0),
		PAGE_OK);
}

static void generic_words_need_an_empty_page(void **state)
{
	(void)state;
	assert_int_equal(verdict("<html><head><title>Tracker &rsaquo; Error"
				 "</title></head><body><p><a href=/>Back</a>"
				 "</p></body></html>", 0),
			 PAGE_OTHER_ERROR);
	assert_int_equal(verdict("<html><head><title>Error | Journal</title>"
				 "</head><body><article>" ARTICLE_BODY
				 "</article></body></html>", 0),
			 PAGE_OK);
}

struct lang_case {
	const char *title;
	enum page_error_kind kind;
};

static void phrases_in_many_languages(void **state)
{
	static const struct lang_case cases[] = {
		{"Seite nicht gefunden", PAGE_NOT_FOUND},
		{"Zugriff verweigert", PAGE_FORBIDDEN},
		{"Page introuvable", PAGE_NOT_FOUND},
		{"Accès refusé", PAGE_FORBIDDEN},
		{"Página no encontrada", PAGE_NOT_FOUND},
		{"Página não encontrada", PAGE_NOT_FOUND},
		{"Pagina non trovata", PAGE_NOT_FOUND},
		{"Страница не найдена", PAGE_NOT_FOUND},
		{"ДОСТУП ЗАПРЕЩЁН", PAGE_FORBIDDEN},
		{"页面不存在", PAGE_NOT_FOUND},
		{"ページが見つかりません", PAGE_NOT_FOUND},
		{"Fehler 404", PAGE_NOT_FOUND},
		{"Erreur interne du serveur", PAGE_SERVER_ERROR},
		{"En mantenimiento", PAGE_UNAVAILABLE},
		{"Troppe richieste", PAGE_RATE_LIMITED},
	};
	char html[512];
	(void)state;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(html, sizeof(html),
			 "<html><head><meta charset=utf-8><title>%s</title>"
			 "</head><body><p><a href=/>Home</a></p></body></html>",
			 cases[i].title);
		enum page_error_kind got = verdict(html, 200);
		if (got != cases[i].kind)
			fail_msg("%s: got %s", cases[i].title,
				 page_error_kind_name(got));
	}
}

static bool found(const char *text, const char *phrase)
{
	struct folded f;

	fold_text(text, strlen(text), &f);
	return fold_find(&f, phrase) != NULL;
}

static void folding_and_whole_words(void **state)
{
	(void)state;
	assert_true(found("We CAN\xe2\x80\x99T find it", "can't find"));
	assert_true(found("Access\xc2\xa0" "DENIED", "access denied"));
	assert_true(found("СТРАНИЦА НЕ НАЙДЕНА", "страница не найдена"));
	assert_true(found("ＥＲＲＯＲ ４０４", "error 404"));
	assert_true(found("Sign in", "sign in"));
	assert_false(found("Design in practice", "sign in"));
	assert_false(found("protected by reCAPTCHA", "captcha"));
	assert_true(found("お探しのページは見つかりませんでした", "見つかりません"));
	/* the byte-pair index: a phrase at either end, a one-byte phrase */
	assert_true(found("Error", "error"));
	assert_true(found("an unexpected error", "error"));
	assert_true(found("404 not found", "404"));
	assert_true(found("x", "x"));
	assert_false(found("x", "xy"));
	assert_false(found("", "error"));
	/* fold_set takes folded text as fold_text made it */
	struct folded part;
	fold_set("read our privacy policy here", 23, &part);
	assert_int_equal(part.len, 23);
	assert_non_null(fold_find(&part, "privacy policy"));
	assert_null(fold_find(&part, "here"));
	/* a long text is cut at a code point, and stays valid */
	char *big = malloc(FOLD_MAX * 2);
	assert_non_null(big);
	memset(big, 'a', FOLD_MAX * 2);
	memcpy(big + FOLD_MAX - 2, "\xc3\xa9", 2);
	struct folded f;
	fold_text(big, FOLD_MAX * 2, &f);
	assert_true(f.len < FOLD_MAX);
	assert_int_equal(f.s[f.len], '\0');
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(soft_404_is_found_from_its_words),
		cmocka_unit_test(server_templates_are_read_by_their_code),
		cmocka_unit_test(status_decides_and_words_choose_the_kind),
		cmocka_unit_test(denials_blocks_and_challenges),
		cmocka_unit_test(login_walls),
		cmocka_unit_test(articles_about_errors_stay_articles),
		cmocka_unit_test(short_pages_about_errors_stay_content),
		cmocka_unit_test(generic_words_need_an_empty_page),
		cmocka_unit_test(phrases_in_many_languages),
		cmocka_unit_test(folding_and_whole_words),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
