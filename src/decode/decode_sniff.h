/*
 * decode_sniff.h - which charset a page is in, by the WHATWG order.
 *
 * BOM, then the HTTP Content-Type charset, then a <meta> prescan of the
 * first 1024 bytes.  Labels are mapped through the WHATWG Encoding
 * Standard's label table to a fixed glibc iconv name: a page's label is
 * never handed to iconv_open() itself (glibc has had crashes in exotic
 * converters).  Pure functions: no iconv, no allocation.
 */
#ifndef EXTRACT_DECODE_SNIFF_H
#define EXTRACT_DECODE_SNIFF_H

#include <stddef.h>

#include "base/str.h"

enum sniff_source {
	SNIFF_NONE = 0, /* nothing declared; the caller detects or defaults */
	SNIFF_BOM,
	SNIFF_HEADER,
	SNIFF_META,
	SNIFF_DETECTED,
	SNIFF_DEFAULT,
};

struct charset {
	const char *name;  /* WHATWG canonical name, e.g. "windows-1251" */
	const char *iconv; /* the glibc iconv name; NULL for utf-8 */
};

struct sniff_result {
	const struct charset *charset; /* NULL when source is SNIFF_NONE */
	enum sniff_source source;
	size_t bom_len; /* bytes to skip at the start */
};

/* The charset for a label (case and surrounding space ignored), or NULL. */
const struct charset *charset_for_label(struct str label);
/* The charset parameter of a Content-Type value, or STR_NULL. */
struct str sniff_content_type_charset(struct str content_type);
/* The WHATWG <meta> prescan over the first 1024 bytes; NULL if none. */
const struct charset *sniff_meta(const char *bytes, size_t len);
void sniff_charset(const char *bytes, size_t len, const char *content_type,
		   struct sniff_result *out);
const char *sniff_source_name(enum sniff_source s);

/*
 * The charset for a name reported by a detector (libuchardet), or NULL.
 * Goes through the same allow-list as labels, plus the few detector names
 * that are not WHATWG labels; never utf-16, replacement or x-user-defined.
 */
const struct charset *charset_for_detected(struct str name);
/* The utf-8 and the windows-1252 (default) entries of the table. */
const struct charset *charset_utf8(void);
const struct charset *charset_default(void);
/*
 * replacement and x-user-defined have no iconv name either (iconv is NULL
 * as for utf-8): decode.c implements their WHATWG decoders itself.
 */

/* Text in a wide encoding without a byte order mark, told by its NULs. */
enum wide_text {
	WIDE_NONE,
	WIDE_UTF16LE,
	WIDE_UTF16BE,
	WIDE_UTF32LE,
	WIDE_UTF32BE,
};

/*
 * UTF-16 or UTF-32 without a BOM: markup is ASCII, so one byte of each
 * pair (or three of each quad) of the first bytes is NUL.
 */
enum wide_text sniff_wide_text(const char *bytes, size_t len);

/*
 * True when the first 1024 bytes are a binary format (PDF, PNG, GIF,
 * JPEG, ZIP, gzip) or hold NUL bytes that UTF-16 text would not explain;
 * a UTF-16 BOM, or the NULs of BOM-less UTF-16 or UTF-32, mean text.  The caller reports such a page as not HTML.
 */
bool sniff_is_binary(const char *bytes, size_t len);

#endif
