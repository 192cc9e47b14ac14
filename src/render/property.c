/*
 * property.c - selected fields of a JSON record (see property.h).
 */
#include "render/property.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/msg.h"
#include "render/render.h"
#include "base/response.h"

/*
 * The keys a record can have: those of a record for no page rendered
 * with every optional field asked for.  render_json() writes every key
 * in every record, so this is the whole schema without a second list.
 */
static json_t *schema_sample(void)
{
	struct response r;
	struct record rec = {.resp = &r, .index = 0, .with_markdown = true,
			     .with_links = true, .with_images = true};
	struct buf out;
	json_t *j = NULL;

	response_init(&r, "");
	response_fail(&r, FAIL_UNREADABLE, NULL);
	buf_init(&out, BUF_NO_MAX);
	if (render_json(&rec, &out) == 0)
		j = json_loadb(out.ptr, out.len, 0, NULL);
	buf_release(&out);
	response_release(&r);
	return j;
}

int property_check(const char *const *names, size_t count)
{
	json_t *schema = schema_sample();
	int rc = 0;

	if (!schema)
		BUG("a record that does not parse");
	for (size_t i = 0; i < count && rc == 0; i++) {
		if (!json_object_get(schema, names[i]))
			rc = error("--property: no field '%s' in a record "
				   "(see \"man extract\", OUTPUT)",
				   names[i]);
	}
	json_decref(schema);
	return rc;
}

/* One field as a raw line: strings as they are, the rest as JSON. */
static int raw_line(const json_t *v, struct buf *out)
{
	int rc = 0;

	if (json_is_string(v)) {
		rc = buf_append(out, json_string_value(v),
				json_string_length(v));
	} else if (v && !json_is_null(v)) {
		char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY |
					       JSON_PRESERVE_ORDER);
		if (!text)
			return -1;
		rc = buf_append_str(out, text);
		free(text);
	}
	return rc ? rc : buf_append_char(out, '\n');
}

static int json_line(json_t *record, const struct property_list *p,
		     struct buf *out)
{
	json_t *o = json_object();
	int rc = 0;

	for (size_t i = 0; i < p->count; i++) {
		json_t *v = json_object_get(record, p->names[i]);
		json_object_set(o, p->names[i], v ? v : json_null());
	}
	char *text = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	if (!text)
		return -1;
	rc = buf_append_str(out, text);
	free(text);
	return rc ? rc : buf_append_char(out, '\n');
}

int property_select(const char *record, size_t len,
		    const struct property_list *p, struct buf *out)
{
	json_t *j = json_loadb(record, len, JSON_ALLOW_NUL, NULL);
	int rc = 0;

	if (!json_is_object(j)) {
		json_decref(j);
		return -1;
	}
	if (p->json) {
		rc = json_line(j, p, out);
	} else {
		for (size_t i = 0; i < p->count && rc == 0; i++)
			rc = raw_line(json_object_get(j, p->names[i]), out);
	}
	json_decref(j);
	return rc;
}
