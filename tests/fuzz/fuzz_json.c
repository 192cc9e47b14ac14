/*
 * fuzz_json.c - arbitrary bytes in one field of a record, through the
 * JSON and text renderers.
 *
 * Input: byte 0 picks the field; the rest is its value.  Fields are C
 * strings (they come from the command line, libcurl or the arena), so
 * NUL bytes are dropped from the value rather than cutting it short.
 *
 * Oracles:
 * - the JSON record is one line ending in "\n" and strict JSON;
 * - the field decodes to the input repaired as the WHATWG UTF-8 decoder
 *   repairs it (check.c's own decoder, not src/utf8.c), whether it is a
 *   top-level string, the first author, or the error's evidence;
 * - the text record carries title, body and disclaimer repaired the same
 *   way, in its fixed layout.
 */
#include "fuzz.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "extract/extract.h"
#include "render/render.h"
#include "base/response.h"

#define HARNESS "fuzz_json"

enum field {
	F_INPUT,
	F_URL,
	F_FINAL_URL,
	F_CONTENT_TYPE,
	F_CHARSET,
	F_TITLE,
	F_BODY,
	F_DISCLAIMER,
	F_LANGUAGE,
	F_AUTHOR,
	F_DATE_PUBLISHED,
	F_DATE_MODIFIED,
	F_SITE_NAME,
	F_DESCRIPTION,
	F_CANONICAL_URL,
	F_IMAGE,
	F_EVIDENCE,
	F_FAIL_DETAIL,
	F_COUNT,
};

/* The JSON key of each field; authors and evidence are nested. */
static const char *const key_of[F_COUNT] = {
    [F_INPUT] = "input",
    [F_URL] = "url",
    [F_FINAL_URL] = "final_url",
    [F_CONTENT_TYPE] = "content_type",
    [F_CHARSET] = "charset",
    [F_TITLE] = "title",
    [F_BODY] = "body",
    [F_DISCLAIMER] = "disclaimer",
    [F_LANGUAGE] = "language",
    [F_AUTHOR] = "authors",
    [F_DATE_PUBLISHED] = "date_published",
    [F_DATE_MODIFIED] = "date_modified",
    [F_SITE_NAME] = "site_name",
    [F_DESCRIPTION] = "description",
    [F_CANONICAL_URL] = "canonical_url",
    [F_IMAGE] = "image",
    [F_EVIDENCE] = "error",
    [F_FAIL_DETAIL] = "error",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void place(enum field f, char *s, struct response *r,
		  struct extraction *ex, struct record *rec,
		  const char **author)
{
	switch (f) {
	case F_INPUT:
		r->input = s;
		break;
	case F_URL:
		rec->url = s;
		break;
	case F_FINAL_URL:
		r->final_url = s;
		break;
	case F_CONTENT_TYPE:
		r->content_type = s;
		break;
	case F_CHARSET:
		rec->charset = s;
		break;
	case F_TITLE:
		ex->title = s;
		break;
	case F_BODY:
		ex->body = s;
		break;
	case F_DISCLAIMER:
		ex->disclaimer = s;
		break;
	case F_LANGUAGE:
		ex->language = s;
		break;
	case F_AUTHOR:
		*author = s;
		ex->authors = author;
		ex->author_count = 1;
		break;
	case F_DATE_PUBLISHED:
		ex->date_published = s;
		break;
	case F_DATE_MODIFIED:
		ex->date_modified = s;
		break;
	case F_SITE_NAME:
		ex->site_name = s;
		break;
	case F_DESCRIPTION:
		ex->description = s;
		break;
	case F_CANONICAL_URL:
		ex->canonical_url = s;
		break;
	case F_IMAGE:
		ex->image = s;
		break;
	case F_EVIDENCE:
		ex->error = (struct page_error){.kind = PAGE_NOT_FOUND,
						.status = 404,
						.soft = true,
						.evidence = s};
		break;
	case F_FAIL_DETAIL:
		r->fail = FAIL_TIMEOUT;
		r->fail_detail = s;
		rec->ex = NULL;
		break;
	case F_COUNT:
		break;
	}
}

/* The field's decoded value, found with jansson where it is nested. */
static char *nested_value(const char *json, size_t len, enum field f, size_t *n)
{
	json_error_t err;
	json_t *root = json_loadb(json, len, JSON_REJECT_DUPLICATES, &err);
	json_t *v;
	char *copy = NULL;

	FUZZ_CHECK(HARNESS, root, "jansson rejects the JSON record");
	v = json_object_get(root, key_of[f]);
	v = f == F_AUTHOR ? json_array_get(v, 0)
			  : json_object_get(v, "evidence");
	FUZZ_CHECK(HARNESS, json_is_string(v), "the field is not a string");
	*n = json_string_length(v);
	copy = fuzz_dup(json_string_value(v), *n);
	json_decref(root);
	return copy;
}

static void check_json(const struct record *rec, enum field f, const char *want,
		       size_t want_len)
{
	struct buf out;
	char *got = NULL;
	size_t got_len = 0;

	buf_init(&out, BUF_NO_MAX);
	FUZZ_CHECK(HARNESS, !render_json(rec, &out), "render_json failed");
	FUZZ_CHECK(HARNESS,
		   out.len && out.ptr[out.len - 1] == '\n' &&
		       !memchr(out.ptr, '\n', out.len - 1),
		   "the JSON record is not one line ending in a newline");
	FUZZ_CHECK(
	    HARNESS,
	    fuzz_json_valid(out.ptr, out.len - 1, key_of[f], &got, &got_len),
	    "the JSON record is not strict JSON");
	if (f == F_AUTHOR || f == F_EVIDENCE || f == F_FAIL_DETAIL) {
		free(got);
		got = nested_value(out.ptr, out.len - 1, f, &got_len);
	}
	FUZZ_CHECK(HARNESS, got, "the field is missing or not a string");
	FUZZ_CHECK(HARNESS, got_len == want_len && !memcmp(got, want, want_len),
		   "the field does not decode to the repaired input");
	free(got);
	buf_release(&out);
}

static void check_text(const struct record *rec, enum field f, const char *want,
		       size_t want_len)
{
	struct buf out, expect;

	buf_init(&out, BUF_NO_MAX);
	buf_init(&expect, BUF_NO_MAX);
	FUZZ_CHECK(HARNESS, !render_text(rec, &out), "render_text failed");
	FUZZ_CHECK(HARNESS,
		   fuzz_utf8_valid(out.ptr, out.len) &&
		       !memchr(out.ptr, '\0', out.len),
		   "the text record is not valid UTF-8 without NUL");
	if (f == F_TITLE) {
		buf_append(&expect, want, want_len);
		buf_append_str(&expect, "\n\n");
	} else if (f == F_BODY) {
		buf_append(&expect, want, want_len);
		buf_append_str(&expect, "\n");
	} else if (f == F_DISCLAIMER) {
		buf_append_str(&expect, "\n----\n");
		buf_append(&expect, want, want_len);
		buf_append_str(&expect, "\n");
	}
	if (f == F_TITLE || f == F_BODY || f == F_DISCLAIMER) {
		FUZZ_CHECK(HARNESS,
			   out.len == expect.len &&
			       !memcmp(out.ptr, expect.ptr, out.len),
			   "the text record is not the repaired field");
	}
	buf_release(&expect);
	buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char input[] = "fuzz-input.html";
	struct response r = {.input = input, .status = 200, .attempts = 1};
	struct extraction ex = {0};
	struct record rec = {
	    .resp = &r, .ex = &ex, .index = -1, .url = "https://fuzz.example/"};
	const char *author = NULL;

	if (!size)
		return 0;
	enum field f = (enum field)(data[0] % F_COUNT);
	char *s = malloc(size);
	size_t n = 0;
	if (!s)
		abort();
	for (size_t i = 1; i < size; i++) {
		if (data[i])
			s[n++] = (char)data[i];
	}
	s[n] = '\0';
	char *want = malloc(3 * n + 1);
	if (!want)
		abort();
	size_t want_len = fuzz_utf8_repair(s, n, want);

	place(f, s, &r, &ex, &rec, &author);
	check_json(&rec, f, want, want_len);
	check_text(&rec, f, want, want_len);
	free(want);
	free(s);
	return 0;
}
