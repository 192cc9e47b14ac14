/*
 * response.c - lifetime of struct response.
 */
#include "base/response.h"

#include <stdlib.h>

#include "base/msg.h"

void response_init(struct response *r, const char *input)
{
	*r = (struct response){0};
	r->input = xstrdup(input ? input : "");
	r->attempts = 0;
}

void response_release(struct response *r)
{
	free(r->input);
	free(r->url);
	free(r->final_url);
	free(r->content_type);
	free(r->body);
	free(r->fail_detail);
	free(r->fetched_at);
	free(r->http_head);
	*r = (struct response){0};
}

void response_fail(struct response *r, enum fail_kind kind, const char *detail)
{
	r->fail = kind;
	free(r->fail_detail);
	r->fail_detail = xstrdup(detail ? detail : fail_kind_name(kind));
}

const char *fail_kind_name(enum fail_kind kind)
{
	switch (kind) {
	case FAIL_NONE:
		return "none";
	case FAIL_FETCH:
		return "fetch_failed";
	case FAIL_TIMEOUT:
		return "timeout";
	case FAIL_TOO_LARGE:
		return "too_large";
	case FAIL_NOT_HTML:
		return "not_html";
	case FAIL_UNREADABLE:
		return "unreadable";
	case FAIL_INVALID_URL:
		return "invalid_url";
	case FAIL_PARSE_CRASHED:
		return "parse_crashed";
	case FAIL_PARSE_TIMEOUT:
		return "parse_timeout";
	case FAIL_BLOCKED_ADDRESS:
		return "blocked_address";
	}
	return "other";
}
