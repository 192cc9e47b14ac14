/*
 * render_text.c - the readable form: title, a blank line, the body, and
 * the disclaimer after a separator line.  Nothing else goes to stdout;
 * an error page's status and kind are the caller's line on stderr.
 */
#include "render/render.h"

#include <string.h>

#include "base/buf.h"
#include "extract/extract.h"
#include "base/response.h"
#include "base/utf8.h"

static int put_text(struct buf *out, const char *s)
{
	return utf8_repair(out, s, strlen(s));
}

/*
 * --explain: one line per block of the page, "VERDICT RULE: first
 * words", the columns padded so that the words line up.
 */
static int render_explain(const struct extraction *ex, struct buf *out)
{
	int rc = 0;

	for (size_t i = 0; i < ex->explain_count; i++) {
		const struct explain_line *l = &ex->explain[i];
		size_t v = strlen(l->verdict), r = strlen(l->rule);
		rc |= buf_append_str(out, l->verdict);
		for (size_t k = v; k < 11; k++)
			rc |= buf_append_char(out, ' ');
		rc |= buf_append_str(out, l->rule);
		rc |= buf_append_char(out, ':');
		for (size_t k = r; k < 22; k++)
			rc |= buf_append_char(out, ' ');
		rc |= buf_append_char(out, ' ');
		rc |= put_text(out, l->text);
		rc |= buf_append_char(out, '\n');
	}
	return rc;
}

int render_text(const struct record *rec, struct buf *out)
{
	const struct extraction *ex = rec->ex;
	int rc = 0;

	if (!ex)
		return 0;
	if (rec->explain)
		return render_explain(ex, out) ? -1 : 0;
	if (ex->title) {
		rc |= put_text(out, ex->title);
		rc |= buf_append_str(out, "\n\n");
	}
	if (ex->body) {
		rc |= put_text(out, ex->body);
		rc |= buf_append_char(out, '\n');
	}
	if (ex->disclaimer) {
		rc |= buf_append_str(out, "\n----\n");
		rc |= put_text(out, ex->disclaimer);
		rc |= buf_append_char(out, '\n');
	}
	return rc ? -1 : 0;
}
