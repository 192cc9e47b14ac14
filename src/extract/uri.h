/*
 * uri.h - URI references resolved against a base (RFC 3986, section 5).
 *
 * Pure string work: no I/O, no percent-decoding, no normalisation
 * beyond what section 5.2 asks for (dot segments are removed).  Links
 * found in pages are messy, so, as the WHATWG URL parser does, leading
 * and trailing C0 controls and spaces are trimmed and tabs and newlines
 * inside the reference are dropped before resolving.
 */
#ifndef EXTRACT_URI_H
#define EXTRACT_URI_H

#include <stdbool.h>
#include <stddef.h>

#include "base/str.h"

struct buf;

/*
 * Appends the target of ref resolved against base to out.  Returns 0;
 * -1 when base is not absolute (no scheme) and ref is relative, or when
 * out would pass its maximum (out is then left as it was).
 */
int uri_resolve(struct buf *out, struct str base, struct str ref);

/* True when s starts with a scheme ("http:", "mailto:" ...). */
bool uri_has_scheme(struct str s);

/* True when s starts with scheme followed by ':' (ASCII, any case). */
bool uri_is_scheme(struct str s, const char *scheme);

#endif
