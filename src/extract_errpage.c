/*
 * extract_errpage.c - is this page an error page, and what kind?
 *
 * An HTTP error status decides by itself.  A page served with a success
 * status is a soft error page only when its own words say so (title or
 * main heading matches an error phrase) and it has no substantial text
 * besides: an article that mentions "404" or "access denied" in passing
 * has both the phrase and the text, and stays an article.  Evidence
 * names what decided, so a user can audit it.
 *
 * To extend the phrase table: add {phrase, kind}; phrases are matched
 * case-insensitively (ASCII) as substrings of the title and headings.
 */
#include "heuristics.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"

enum {
	/* more visible body text than this is an article, whatever the title */
	SOFT_ERROR_MAX_BODY_CHARS = 1200,
};

struct error_phrase {
	const char *text;
	enum page_error_kind kind;
};

static const struct error_phrase phrases[] = {
	/* English */
	{"page not found", PAGE_NOT_FOUND},
	{"404 not found", PAGE_NOT_FOUND},
	{"not found", PAGE_NOT_FOUND},
	{"error 404", PAGE_NOT_FOUND},
	{"404 error", PAGE_NOT_FOUND},
	{"page you were looking for", PAGE_NOT_FOUND},
	{"page you are looking for", PAGE_NOT_FOUND},
	{"page you requested", PAGE_NOT_FOUND},
	{"page doesn't exist", PAGE_NOT_FOUND},
	{"page does not exist", PAGE_NOT_FOUND},
	{"no longer available", PAGE_GONE},
	{"has been removed", PAGE_GONE},
	{"access denied", PAGE_FORBIDDEN},
	{"403 forbidden", PAGE_FORBIDDEN},
	{"forbidden", PAGE_FORBIDDEN},
	{"you don't have permission", PAGE_FORBIDDEN},
	{"you do not have permission", PAGE_FORBIDDEN},
	{"request blocked", PAGE_BLOCKED},
	{"you have been blocked", PAGE_BLOCKED},
	{"attention required", PAGE_CHALLENGE},
	{"just a moment", PAGE_CHALLENGE},
	{"checking your browser", PAGE_CHALLENGE},
	{"verify you are human", PAGE_CHALLENGE},
	{"are you a robot", PAGE_CHALLENGE},
	{"captcha", PAGE_CHALLENGE},
	{"too many requests", PAGE_RATE_LIMITED},
	{"rate limit", PAGE_RATE_LIMITED},
	{"internal server error", PAGE_SERVER_ERROR},
	{"server error", PAGE_SERVER_ERROR},
	{"bad gateway", PAGE_SERVER_ERROR},
	{"service unavailable", PAGE_UNAVAILABLE},
	{"temporarily unavailable", PAGE_UNAVAILABLE},
	{"under maintenance", PAGE_UNAVAILABLE},
	{"bad request", PAGE_BAD_REQUEST},
	{"unauthorized", PAGE_UNAUTHORIZED},
	{"sign in to continue", PAGE_LOGIN_WALL},
	{"log in to continue", PAGE_LOGIN_WALL},
	/* German, French, Spanish, Portuguese, Italian */
	{"seite nicht gefunden", PAGE_NOT_FOUND},
	{"nicht gefunden", PAGE_NOT_FOUND},
	{"zugriff verweigert", PAGE_FORBIDDEN},
	{"page introuvable", PAGE_NOT_FOUND},
	{"page non trouv", PAGE_NOT_FOUND},
	{"acc\xc3\xa8s refus\xc3\xa9", PAGE_FORBIDDEN},
	{"p\xc3\xa1gina no encontrada", PAGE_NOT_FOUND},
	{"acceso denegado", PAGE_FORBIDDEN},
	{"p\xc3\xa1gina n\xc3\xa3o encontrada", PAGE_NOT_FOUND},
	{"acesso negado", PAGE_FORBIDDEN},
	{"pagina non trovata", PAGE_NOT_FOUND},
	{"accesso negato", PAGE_FORBIDDEN},
	/* Russian, Chinese, Japanese */
	{"\xd1\x81\xd1\x82\xd1\x80\xd0\xb0\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0 "
	 "\xd0\xbd\xd0\xb5 \xd0\xbd\xd0\xb0\xd0\xb9\xd0\xb4\xd0\xb5\xd0\xbd\xd0\xb0",
	 PAGE_NOT_FOUND},
	{"\xd0\xb4\xd0\xbe\xd1\x81\xd1\x82\xd1\x83\xd0\xbf "
	 "\xd0\xb7\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd1\x89\xd0\xb5\xd0\xbd",
	 PAGE_FORBIDDEN},
	{"\xe9\xa1\xb5\xe9\x9d\xa2\xe4\xb8\x8d\xe5\xad\x98\xe5\x9c\xa8",
	 PAGE_NOT_FOUND},
	{"\xe6\x89\xbe\xe4\xb8\x8d\xe5\x88\xb0", PAGE_NOT_FOUND},
	{"\xe3\x83\x9a\xe3\x83\xbc\xe3\x82\xb8\xe3\x81\x8c\xe8\xa6\x8b\xe3\x81"
	 "\xa4\xe3\x81\x8b\xe3\x82\x8a\xe3\x81\xbe\xe3\x81\x9b\xe3\x82\x93",
	 PAGE_NOT_FOUND},
};

static enum page_error_kind kind_for_status(long status)
{
	switch (status) {
	case 400: return PAGE_BAD_REQUEST;
	case 401: case 407: return PAGE_UNAUTHORIZED;
	case 403: return PAGE_FORBIDDEN;
	case 404: return PAGE_NOT_FOUND;
	case 410: return PAGE_GONE;
	case 429: return PAGE_RATE_LIMITED;
	case 451: return PAGE_BLOCKED;
	case 503: return PAGE_UNAVAILABLE;
	default:
		if (status >= 500)
			return PAGE_SERVER_ERROR;
		return status >= 400 ? PAGE_OTHER_ERROR : PAGE_OK;
	}
}

static const struct error_phrase *match_phrase(const char *text)
{
	if (!text)
		return NULL;
	struct str s = str_from(text);
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++) {
		if (str_icontains(s, phrases[i].text))
			return &phrases[i];
	}
	return NULL;
}

static uint32_t body_chars(const struct blocks *body)
{
	uint32_t n = 0;

	for (uint32_t k = 0; k < body->count; k++)
		n += body->v[k].chars;
	return n;
}

void errpage_classify(struct page_ctx *c, const char *title,
		      const struct blocks *body, struct page_error *out)
{
	long status = c->facts ? c->facts->status : 0;
	char evidence[256];

	*out = (struct page_error){.status = status};
	if (status >= 400) {
		out->kind = kind_for_status(status);
		snprintf(evidence, sizeof(evidence), "HTTP status %ld", status);
		out->evidence = arena_strdup(c->a, evidence);
		return;
	}
	const char *where = "title";
	const struct error_phrase *p = match_phrase(c->meta.title_tag);
	if (!p) {
		p = match_phrase(title);
		where = "headline";
	}
	if (!p)
		return;
	uint32_t chars = body_chars(body);
	if (chars > SOFT_ERROR_MAX_BODY_CHARS)
		return;
	out->kind = p->kind;
	out->soft = true;
	snprintf(evidence, sizeof(evidence),
		 "%s phrase \"%s\"; %u characters of main text", where, p->text,
		 chars);
	out->evidence = arena_strdup(c->a, evidence);
}
