/*
 * render_json.c - the JSON record (schema_version 1).
 *
 * Built with jansson, so escaping is never done by hand.  Every string is
 * repaired to valid UTF-8 before it reaches jansson (which refuses
 * invalid UTF-8), so a hostile page cannot make the output invalid.
 */
#include "render/render.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "extract/extract.h"
#include "base/response.h"
#include "base/utf8.h"

static json_t *jstr(const char *s)
{
	if (!s)
		return json_null();
	size_t len = strlen(s);
	/* checked just above: jansson need not check it again */
	if (utf8_valid(s, len))
		return json_stringn_nocheck(s, len);
	struct buf fixed;
	buf_init(&fixed, BUF_NO_MAX);
	(void)utf8_repair(&fixed, s, len);
	json_t *v = json_stringn(fixed.ptr, fixed.len);
	buf_release(&fixed);
	return v ? v : json_null();
}

static json_t *error_object(const struct record *rec)
{
	const struct response *r = rec->resp;

	if (r->fail != FAIL_NONE) {
		return json_pack("{s:s, s:o, s:b, s:o}", "kind",
				 fail_kind_name(r->fail), "status",
				 r->status ? json_integer(r->status) : json_null(),
				 "soft", 0, "evidence", jstr(r->fail_detail));
	}
	if (!rec->ex || rec->ex->error.kind == PAGE_OK)
		return json_null();
	const struct page_error *e = &rec->ex->error;
	return json_pack("{s:s, s:o, s:b, s:o}", "kind",
			 page_error_kind_name(e->kind), "status",
			 e->status ? json_integer(e->status) : json_null(),
			 "soft", e->soft, "evidence", jstr(e->evidence));
}

static json_t *authors_array(const struct extraction *ex)
{
	json_t *a = json_array();

	for (size_t i = 0; ex && i < ex->author_count; i++)
		json_array_append_new(a, jstr(ex->authors[i]));
	return a;
}

/* [{"url": ..., key: ...}] for links ("text") or images ("alt"). */
static json_t *link_array(const struct page_link *v, size_t n,
			  const char *key)
{
	json_t *a = json_array();

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:o, s:o}", "url",
						   jstr(v[i].url), key,
						   jstr(v[i].text)));
	return a;
}

/* The body as markdown, or null when there is no page. */
static json_t *markdown_string(const struct record *rec)
{
	struct buf md;
	json_t *v;

	if (!rec->ex)
		return json_null();
	buf_init(&md, BUF_NO_MAX);
	v = render_markdown(rec, &md) ? json_null() : jstr(md.ptr);
	buf_release(&md);
	return v;
}

/* --explain: each block of the page, its verdict and the deciding rule */
static json_t *explain_array(const struct extraction *ex)
{
	json_t *a = json_array();

	for (size_t i = 0; ex && i < ex->explain_count; i++) {
		const struct explain_line *l = &ex->explain[i];
		json_t *o = json_object();
		json_object_set_new(o, "text", jstr(l->text));
		json_object_set_new(o, "verdict", jstr(l->verdict));
		json_object_set_new(o, "rule", jstr(l->rule));
		json_array_append_new(a, o);
	}
	return a;
}

int render_json(const struct record *rec, struct buf *out)
{
	const struct response *r = rec->resp;
	const struct extraction *ex = rec->ex;
	json_t *o = json_object();

	json_object_set_new(o, "schema_version", json_integer(1));
	json_object_set_new(o, "input", jstr(r->input));
	if (rec->index >= 0)
		json_object_set_new(o, "index", json_integer(rec->index));
	json_object_set_new(o, "url", jstr(rec->url));
	json_object_set_new(o, "final_url", jstr(r->final_url));
	json_object_set_new(o, "status",
			    r->status ? json_integer(r->status) : json_null());
	json_object_set_new(o, "content_type", jstr(r->content_type));
	json_object_set_new(o, "charset", jstr(rec->charset));
	json_object_set_new(o, "error", error_object(rec));
	json_object_set_new(o, "title", jstr(ex ? ex->title : NULL));
	json_object_set_new(o, "body", jstr(ex ? ex->body : NULL));
	if (rec->with_markdown)
		json_object_set_new(o, "markdown", markdown_string(rec));
	json_object_set_new(o, "disclaimer", jstr(ex ? ex->disclaimer : NULL));
	json_object_set_new(o, "language", jstr(ex ? ex->language : NULL));
	json_object_set_new(o, "authors", authors_array(ex));
	json_object_set_new(o, "date_published",
			    jstr(ex ? ex->date_published : NULL));
	json_object_set_new(o, "date_modified",
			    jstr(ex ? ex->date_modified : NULL));
	json_object_set_new(o, "site_name", jstr(ex ? ex->site_name : NULL));
	json_object_set_new(o, "description", jstr(ex ? ex->description : NULL));
	json_object_set_new(o, "canonical_url",
			    jstr(ex ? ex->canonical_url : NULL));
	json_object_set_new(o, "image", jstr(ex ? ex->image : NULL));
	if (rec->with_links)
		json_object_set_new(o, "links",
				    link_array(ex ? ex->links : NULL,
					       ex ? ex->link_count : 0, "text"));
	if (rec->with_images)
		json_object_set_new(o, "images",
				    link_array(ex ? ex->images : NULL,
					       ex ? ex->image_count : 0, "alt"));
	if (rec->explain)
		json_object_set_new(o, "explain", explain_array(ex));
	json_object_set_new(o, "truncated", json_boolean(rec->truncated));
	json_object_set_new(o, "attempts",
			    r->attempts ? json_integer(r->attempts) : json_null());
	json_object_set_new(o, "fetched_at", jstr(r->fetched_at));

	char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!text)
		return -1;
	int rc = buf_append_str(out, text);
	free(text);
	return rc ? rc : buf_append_char(out, '\n');
}
