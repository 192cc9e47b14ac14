/*
 * pipeline.c - decode, parse, extract, render.
 */
#include "pipeline/pipeline.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "decode/decode.h"
#include "decode/decode_sniff.h"
#include "dom/dom.h"
#include "extract/extract.h"
#include "extract/verdict.h"
#include "base/msg.h"
#include "base/response.h"

enum {
	/* 8 MiB of decoded HTML: about 800 MB of gumbo tree at worst */
	PIPELINE_MAX_HTML = 8 * 1024 * 1024,
};

void pipeline_options_defaults(struct pipeline_options *o)
{
	*o = (struct pipeline_options){
		.format = FORMAT_TEXT,
		.max_html_bytes = PIPELINE_MAX_HTML,
		.index = -1,
	};
}

static enum exit_code code_for_fail(enum fail_kind k)
{
	switch (k) {
	case FAIL_NONE:
		return EXIT_OK;
	case FAIL_FETCH:
	case FAIL_TIMEOUT:
	case FAIL_TOO_LARGE:
	case FAIL_BLOCKED_ADDRESS:
		return EXIT_FETCH;
	case FAIL_NOT_HTML:
	case FAIL_UNREADABLE:
	case FAIL_INVALID_URL:
	case FAIL_PARSE_CRASHED:
	case FAIL_PARSE_TIMEOUT:
		return EXIT_UNREADABLE;
	}
	return EXIT_UNREADABLE;
}

static char *diag_for(const struct response *r, const char *what)
{
	char line[1024];

	snprintf(line, sizeof(line), "%s: %s", r->input, what);
	return xstrdup(line);
}

static int render(const struct record *rec, const struct pipeline_options *o,
		  struct buf *out)
{
	switch (o->format) {
	case FORMAT_JSON:
		return render_json(rec, out);
	case FORMAT_MARKDOWN:
		return render_markdown(rec, out);
	case FORMAT_TEXT:
		break;
	}
	return render_text(rec, out);
}

/* A failure before a page exists: the record says why. */
static enum exit_code render_failure(struct response *r,
				     const struct pipeline_options *o,
				     struct record *rec, struct buf *out,
				     char **diag)
{
	*diag = diag_for(r, r->fail_detail ? r->fail_detail
					   : fail_kind_name(r->fail));
	if (render(rec, o, out))
		return EXIT_OUTPUT;
	return code_for_fail(r->fail);
}

enum exit_code pipeline_run(const struct response *resp,
			    const struct pipeline_options *o, struct buf *out,
			    char **diag)
{
	struct response r = *resp; /* shallow: failures are noted locally */
	struct record rec = {.resp = &r, .index = o->index,
			     .url = resp->final_url ? resp->final_url
			     : resp->url ? resp->url : o->base_url,
			     .with_markdown = o->with_markdown,
			     .with_links = o->with_links,
			     .with_images = o->with_images,
			     .explain = o->explain};
	struct arena a;
	enum exit_code code;

	*diag = NULL;
	r.fail_detail = NULL;
	if (resp->fail != FAIL_NONE) {
		r.fail_detail = resp->fail_detail;
		return render_failure(&r, o, &rec, out, diag);
	}
	if (sniff_is_binary(resp->body, resp->body_len)) {
		char detail[256];
		r.fail = FAIL_NOT_HTML;
		snprintf(detail, sizeof(detail), "content is binary (%s), not HTML",
			 resp->content_type ? resp->content_type : "no content type");
		r.fail_detail = detail;
		return render_failure(&r, o, &rec, out, diag);
	}

	arena_init(&a);
	struct decoded dec;
	if (decode_page(&a, resp->body, resp->body_len, resp->content_type,
			o->max_html_bytes, &dec)) {
		char detail[128];
		snprintf(detail, sizeof(detail),
			 "decoded page is larger than %zu bytes",
			 o->max_html_bytes);
		r.fail = FAIL_TOO_LARGE;
		r.fail_detail = detail;
		code = render_failure(&r, o, &rec, out, diag);
		arena_release(&a);
		return code;
	}
	rec.charset = dec.charset;

	struct dom dom;
	if (dom_parse(&a, dec.text, dec.len, NULL, &dom)) {
		char detail[] = "the parser could not run";
		r.fail = FAIL_UNREADABLE;
		r.fail_detail = detail;
		code = render_failure(&r, o, &rec, out, diag);
		arena_release(&a);
		return code;
	}
	rec.truncated = dom.truncated;

	struct extraction ex;
	struct page_facts facts = {.status = resp->status, .url = rec.url,
				   .now = o->now, .explain = o->explain,
				   .without_rules = o->without_rules};
	extract_page(&a, &dom, &facts, &ex);
	rec.ex = &ex;
	code = EXIT_OK;
	if (ex.error.kind != PAGE_OK) {
		char what[512];
		snprintf(what, sizeof(what), "error page: %s (%s)",
			 page_error_kind_name(ex.error.kind),
			 ex.error.evidence ? ex.error.evidence : "");
		*diag = diag_for(resp, what);
		code = EXIT_ERROR_PAGE;
	} else if (dom.truncated) {
		char what[256];
		snprintf(what, sizeof(what), "page cut short: %s", dom.truncation);
		*diag = diag_for(resp, what);
	}
	if (render(&rec, o, out))
		code = EXIT_OUTPUT;
	arena_release(&a);
	return code;
}

void pipeline_rules_print(FILE *to)
{
	size_t n;
	const struct block_rule *r = block_rules(&n);

	for (size_t i = 0; i < n; i++)
		fprintf(to, "%-22s %s\n", r[i].name, r[i].what);
}

bool pipeline_rule_exists(const char *name)
{
	size_t n;
	const struct block_rule *r = block_rules(&n);

	for (size_t i = 0; i < n; i++) {
		if (!strcmp(r[i].name, name))
			return true;
	}
	return false;
}
