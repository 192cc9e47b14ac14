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

int render_text(const struct record *rec, struct buf *out)
{
	const struct extraction *ex = rec->ex;
	int rc = 0;

	if (!ex)
		return 0;
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
