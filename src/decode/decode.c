/*
 * decode.c - a page's bytes to UTF-8, in the document arena.
 *
 * The only file that includes <iconv.h>.  iconv_open() is only ever given
 * a fixed name from decode_sniff.c's table, never a label from a page
 * (glibc's exotic converters have crashed on hostile input).
 *
 * Invariants of every result:
 * - valid UTF-8 and NUL-terminated: iconv's output goes through
 *   utf8_repair() too, so a converter bug cannot break the invariant;
 * - NUL bytes are dropped: the text is handed to C string APIs and gumbo,
 *   and HTML gives NUL no meaning in text;
 * - an invalid or truncated sequence becomes U+FFFD and decoding goes on;
 * - output is bounded by max_out (-1 past it), and grows by at most three
 *   bytes per input byte, since no supported decoder yields more.
 *
 * Undeclared pages (HTML's "encoding sniffing algorithm", steps 7-9):
 * - valid UTF-8 with some non-ASCII bytes: utf-8, source "detected";
 * - pure ASCII: windows-1252, source "default".  Both charsets decode it
 *   to the same text, WHATWG's default for an undeclared page is
 *   windows-1252, and "default" says truthfully that nothing was declared
 *   or detected.  ESC is not counted as ASCII, because 7-bit ISO-2022-JP
 *   is left to the detector;
 * - anything else: libuchardet over the first 64 KB, its answer mapped
 *   through the same allow-list (charset_for_detected); when it has no
 *   usable answer, windows-1252 with source "default".
 */
#include "decode/decode.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>

#include <uchardet.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/msg.h"
#include "base/utf8.h"

/* More than libuchardet needs to be confident; bounds its time. */
#define DECODE_DETECT_LEN ((size_t)64 * 1024)
/* bytes looked at for BOM-less UTF-16/32 and for double-byte text */
#define CJK_SNIFF_LEN ((size_t)16 * 1024)
#define CJK_MIN_HIGH_BYTES 16
/* iconv writes into this stack chunk; each chunk holds whole characters. */
#define DECODE_CHUNK      16384

static const char replacement_utf8[] = "\xEF\xBF\xBD";

/* Flushes what iconv wrote into chunk[0..n) to out; -1 past the cap. */
static int flush_chunk(struct buf *out, const char *chunk, size_t n)
{
	return n ? utf8_repair(out, chunk, n) : 0;
}

/*
 * The conversion loop.  Every iteration consumes input, produces output
 * or skips a code unit, so it ends: a converter that reports E2BIG yet
 * does neither has that unit skipped as invalid rather than spinning.
 */
static int iconv_loop(iconv_t cd, const char *name, const char *bytes,
		      size_t len, struct buf *out)
{
	/*
	 * WHATWG decoders resume right after the bad code unit: one byte,
	 * or two in UTF-16, where skipping one would misalign the rest.
	 */
	size_t unit = strncmp(name, "UTF-16", 6) ? 1 : 2;
	char chunk[DECODE_CHUNK];
	char *in = (char *)(uintptr_t)bytes; /* iconv's prototype lacks const */
	size_t in_left = len;

	while (in_left) {
		char *o = chunk;
		size_t o_left = sizeof(chunk);
		size_t before = in_left;
		size_t r = iconv(cd, &in, &in_left, &o, &o_left);
		int err = r == (size_t)-1 ? errno : 0;

		if (flush_chunk(out, chunk, (size_t)(o - chunk)))
			return -1;
		if (!err)
			continue;
		if (err == E2BIG && (in_left < before || o > chunk))
			continue;
		if (err == EINVAL) {
			/* a sequence cut off by the end of the input */
			return buf_append(out, replacement_utf8, 3);
		}
		if (err != EILSEQ && err != E2BIG)
			return error("iconv from %s failed (errno %d)", name,
				     err);
		if (buf_append(out, replacement_utf8, 3))
			return -1;
		if (unit > in_left)
			unit = in_left;
		in += unit;
		in_left -= unit;
	}
	return 0;
}

/* Lets a stateful decoder emit what it holds back (Big5-HKSCS does). */
static int iconv_finish(iconv_t cd, struct buf *out)
{
	char chunk[64];
	char *o = chunk;
	size_t o_left = sizeof(chunk);

	iconv(cd, NULL, NULL, &o, &o_left);
	return flush_chunk(out, chunk, (size_t)(o - chunk));
}

static int decode_iconv(const struct charset *cs, const char *bytes, size_t len,
			struct buf *out)
{
	iconv_t cd = iconv_open("UTF-8", cs->iconv);
	int ret;

	if (cd == (iconv_t)-1)
		return error("no converter from %s", cs->iconv);
	ret = iconv_loop(cd, cs->iconv, bytes, len, out);
	if (!ret)
		ret = iconv_finish(cd, out);
	iconv_close(cd);
	return ret;
}

/* WHATWG x-user-defined: ASCII as is, 0x80-0xFF to U+F780-U+F7FF. */
static int decode_user_defined(const char *bytes, size_t len, struct buf *out)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];
		char enc[4];
		size_t n;

		if (!c)
			continue;
		if (c < 0x80) {
			enc[0] = (char)c;
			n = 1;
		} else {
			n = utf8_encode(0xF780u + (c - 0x80u), enc);
		}
		if (buf_append(out, enc, n))
			return -1;
	}
	return 0;
}

static int decode_into(const struct charset *cs, const char *bytes, size_t len,
		       struct buf *out)
{
	if (cs->iconv)
		return decode_iconv(cs, bytes, len, out);
	if (!strcmp(cs->name, "utf-8"))
		return utf8_repair(out, bytes, len);
	if (!strcmp(cs->name, "x-user-defined"))
		return decode_user_defined(bytes, len, out);
	if (!strcmp(cs->name, "replacement"))
		return len ? buf_append(out, replacement_utf8, 3) : 0;
	BUG("charset without a decoder");
}

int decode_with(struct arena *a, const struct charset *cs, const char *bytes,
		size_t len, size_t max_out, char **text, size_t *text_len)
{
	struct buf out;
	int ret;

	/* most pages: UTF-8 that needs no repair, copied once */
	if (!cs->iconv && !strcmp(cs->name, "utf-8") &&
	    utf8_valid(bytes, len) && !memchr(bytes, '\0', len)) {
		if (len > max_out)
			return -1;
		*text = arena_strndup(a, bytes, len);
		*text_len = len;
		return 0;
	}
	buf_init(&out, max_out);
	ret = decode_into(cs, bytes, len, &out);
	if (!ret) {
		*text = arena_strndup(a, out.ptr, out.len);
		*text_len = out.len;
	}
	buf_release(&out);
	return ret;
}

enum text_kind {
	TEXT_ASCII,
	TEXT_UTF8,
	TEXT_OTHER,
};

/* Eight ASCII bytes, none of them ESC (read whatever their alignment). */
static bool ascii_no_esc(const char *p)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	uint64_t w, x;

	memcpy(&w, p, sizeof(w));
	x = w ^ (ones * 0x1B);
	return !(w & highs) && !((x - ones) & ~x & highs);
}

/*
 * Valid UTF-8 may still be cut off at the very end (a body truncated at
 * the byte cap), so a valid lead byte whose sequence runs into the end of
 * the input does not disqualify it.
 */
static enum text_kind classify(const char *bytes, size_t len)
{
	bool high = false, esc = false;
	size_t i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)bytes[i];
		uint32_t cp;
		size_t n;

		if (i + 8 <= len && ascii_no_esc(bytes + i)) {
			i += 8;
			continue;
		}
		if (c < 0x80) {
			esc = esc || c == 0x1B;
			i++;
			continue;
		}
		high = true;
		n = utf8_decode(bytes + i, len - i, &cp);
		if (cp == UTF8_REPLACEMENT && !(n == 3 && c == 0xEF)) {
			bool cut = i + n == len && c >= 0xC2 && c <= 0xF4;
			return cut ? TEXT_UTF8 : TEXT_OTHER;
		}
		i += n;
	}
	if (high)
		return TEXT_UTF8;
	return esc ? TEXT_OTHER : TEXT_ASCII;
}

/* libuchardet's guess through the allow-list, or NULL. */
static const struct charset *detect(const char *bytes, size_t len)
{
	const struct charset *cs = NULL;
	uchardet_t ud = uchardet_new();

	if (!ud)
		return NULL;
	if (len > DECODE_DETECT_LEN)
		len = DECODE_DETECT_LEN;
	if (uchardet_handle_data(ud, bytes, len) == 0) {
		uchardet_data_end(ud);
		cs = charset_for_detected(str_from(uchardet_get_charset(ud)));
	}
	uchardet_delete(ud);
	return cs;
}

static const struct charset utf32le = {"utf-32le", "UTF-32LE"};
static const struct charset utf32be = {"utf-32be", "UTF-32BE"};

/* UTF-16 or UTF-32 without a byte order mark, or NULL. */
static const struct charset *wide_encoding(const char *bytes, size_t len)
{
	switch (sniff_wide_text(bytes, len)) {
	case WIDE_UTF32LE:
		return &utf32le;
	case WIDE_UTF32BE:
		return &utf32be;
	case WIDE_UTF16LE:
		return charset_for_label(str_from("utf-16le"));
	case WIDE_UTF16BE:
		return charset_for_label(str_from("utf-16be"));
	case WIDE_NONE:
		break;
	}
	return NULL;
}

static bool has_replacement(const struct buf *b)
{
	for (size_t i = 0; i + 3 <= b->len; i++) {
		if (!memcmp(b->ptr + i, replacement_utf8, 3))
			return true;
	}
	return false;
}

/*
 * East Asian double-byte text that the detector could not place: nearly
 * every byte above 0x7F comes in a run with another, where Latin text
 * has lone accented letters.  The first candidate that decodes the
 * sample without an invalid sequence is taken.
 */
static const struct charset *double_byte_guess(const char *bytes, size_t len)
{
	static const char *const candidates[] = {
		"euc-kr", "gbk", "shift_jis", "big5", "euc-jp",
	};
	size_t high = 0, paired = 0;

	if (len > CJK_SNIFF_LEN)
		len = CJK_SNIFF_LEN;
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)bytes[i] < 0x80)
			continue;
		high++;
		bool next = i + 1 < len && (unsigned char)bytes[i + 1] >= 0x80;
		bool prev = i > 0 && (unsigned char)bytes[i - 1] >= 0x80;
		paired += next || prev;
	}
	if (high < CJK_MIN_HIGH_BYTES || paired * 10 < high * 9)
		return NULL;
	for (size_t k = 0; k < sizeof(candidates) / sizeof(candidates[0]);
	     k++) {
		const struct charset *cs = charset_for_label(str_from(candidates[k]));
		struct buf out;
		if (!cs)
			continue;
		buf_init(&out, len * 4 + 16);
		bool clean = !decode_into(cs, bytes, len, &out) &&
			     !has_replacement(&out);
		buf_release(&out);
		if (clean)
			return cs;
	}
	return NULL;
}

static bool is_single_byte_latin(const struct charset *cs)
{
	return cs && (!strcmp(cs->name, "windows-1252") ||
		      !strncmp(cs->name, "iso-8859-", 9));
}

static void choose_undeclared(const char *bytes, size_t len,
			      struct sniff_result *sr)
{
	sr->charset = wide_encoding(bytes, len);
	if (sr->charset) {
		sr->source = SNIFF_DETECTED;
		return;
	}
	enum text_kind kind = classify(bytes, len);
	if (kind == TEXT_UTF8) {
		sr->charset = charset_utf8();
	} else if (kind == TEXT_OTHER) {
		sr->charset = detect(bytes, len);
		if (!sr->charset || is_single_byte_latin(sr->charset)) {
			const struct charset *cjk = double_byte_guess(bytes, len);
			if (cjk)
				sr->charset = cjk;
		}
	}
	sr->source = sr->charset ? SNIFF_DETECTED : SNIFF_DEFAULT;
	if (!sr->charset)
		sr->charset = charset_default();
}

int decode_page(struct arena *a, const char *bytes, size_t len,
		const char *content_type, size_t max_out, struct decoded *out)
{
	struct sniff_result sr;

	if (!bytes)
		bytes = "";
	sniff_charset(bytes, len, content_type, &sr);
	if (sr.source == SNIFF_NONE)
		choose_undeclared(bytes, len, &sr);
	out->charset = sr.charset->name;
	out->source = sr.source;
	return decode_with(a, sr.charset, bytes + sr.bom_len, len - sr.bom_len,
			   max_out, &out->text, &out->len);
}
