/*
 * fuzz_charset.c - charset sniffing and decoding to UTF-8.
 *
 * Input: byte 0 picks a label from the table below (WHATWG labels of
 * every encoding family, odd spellings, labels glibc knows but the
 * standard does not, junk) or, past the table, takes the label from the
 * first line of the body; its top bit quotes the label in the
 * Content-Type.  The rest is the page's bytes.
 *
 * Oracles:
 * - sniffing is deterministic and agrees with itself: the charset
 *   parameter of "text/html; charset=LABEL" is LABEL, a label matches
 *   whatever its case and surrounding spaces, and a page without a BOM
 *   decodes in the charset of its declared label;
 * - decode_with() and decode_page() give valid UTF-8 without NUL, at
 *   most 3 bytes per input byte plus DECODE_SLACK, the same output each
 *   time, and honour max_out exactly: a cap one byte short of the
 *   output fails, a cap of the output's size succeeds with the same text.
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "decode/decode.h"
#include "decode/decode_sniff.h"

#define HARNESS "fuzz_charset"

/* A truncated last sequence adds one U+FFFD; round up generously. */
#define DECODE_SLACK 16
#define LABEL_MAX    64

static const char *const labels[] = {
    NULL,
    "utf-8",
    "UTF8",
    "unicode-1-1-utf-8",
    "utf-16",
    "utf-16le",
    "utf-16be",
    "unicodefffe",
    "windows-1252",
    "latin1",
    "us-ascii",
    "iso-8859-2",
    "iso-8859-5",
    "iso-8859-6-i",
    "iso-8859-7",
    "iso-8859-8",
    "iso-8859-8-i",
    "iso-8859-10",
    "iso-8859-13",
    "iso-8859-14",
    "iso-8859-15",
    "iso-8859-16",
    "koi8-r",
    "koi8-u",
    "ibm866",
    "macintosh",
    "x-mac-cyrillic",
    "windows-874",
    "tis-620",
    "windows-1250",
    "windows-1251",
    "windows-1253",
    "windows-1254",
    "windows-1255",
    "windows-1256",
    "windows-1257",
    "windows-1258",
    "gbk",
    "gb2312",
    "gb18030",
    "big5",
    "big5-hkscs",
    "euc-jp",
    "iso-2022-jp",
    "shift_jis",
    "sjis",
    "windows-31j",
    "euc-kr",
    "ks_c_5601-1987",
    "iso-2022-kr",
    "iso-2022-cn",
    "hz-gb-2312",
    "replacement",
    "x-user-defined",
    "utf-7",
    "utf-32",
    "ucs-4",
    "iso-2022-jp-3",
    "ibm1390",
    "cp037",
    "x-unknown",
    "",
    " ",
    "\tutf-8\f",
};

#define N_LABELS (sizeof(labels) / sizeof(labels[0]))

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static void check_text(const char *text, size_t len, size_t in_len)
{
	FUZZ_CHECK(HARNESS, text, "a successful decode gave no text");
	FUZZ_CHECK(HARNESS, text[len] == '\0',
		   "the text is not NUL-terminated");
	FUZZ_CHECK(HARNESS, !memchr(text, '\0', len), "the text holds NUL");
	FUZZ_CHECK(HARNESS, fuzz_utf8_valid(text, len),
		   "the text is not valid UTF-8");
	FUZZ_CHECK(HARNESS, len <= 3 * in_len + DECODE_SLACK,
		   "the text is more than 3 bytes per input byte");
}

/* decode_with three times: free, capped one short, capped exactly. */
static void check_decode_with(const struct charset *cs, const char *bytes,
			      size_t len)
{
	struct arena a;
	char *text, *again;
	size_t n, n2;

	arena_init(&a);
	FUZZ_CHECK(HARNESS,
		   !decode_with(&a, cs, bytes, len, BUF_NO_MAX, &text, &n),
		   "decode_with failed without a cap");
	check_text(text, n, len);
	if (n) {
		FUZZ_CHECK(HARNESS,
			   decode_with(&a, cs, bytes, len, n - 1, &again, &n2),
			   "decode_with passed a cap one byte short");
	}
	FUZZ_CHECK(HARNESS, !decode_with(&a, cs, bytes, len, n, &again, &n2),
		   "decode_with failed with a cap of its output size");
	FUZZ_CHECK(HARNESS, n == n2 && !memcmp(text, again, n),
		   "decode_with gave different text for the same input");
	arena_release(&a);
}

static void check_sniff(const char *bytes, size_t len, const char *ct,
			const char *label)
{
	struct sniff_result first, again;

	sniff_charset(bytes, len, ct, &first);
	sniff_charset(bytes, len, ct, &again);
	FUZZ_CHECK(HARNESS,
		   first.charset == again.charset &&
		       first.source == again.source &&
		       first.bom_len == again.bom_len,
		   "sniff_charset is not deterministic");
	FUZZ_CHECK(HARNESS, (first.source == SNIFF_NONE) == !first.charset,
		   "sniff_charset's source and charset disagree");
	FUZZ_CHECK(HARNESS, first.bom_len <= len,
		   "the BOM is longer than the page");
	FUZZ_CHECK(HARNESS, sniff_meta(bytes, len) == sniff_meta(bytes, len),
		   "sniff_meta is not deterministic");
	FUZZ_CHECK(HARNESS,
		   sniff_is_binary(bytes, len) == sniff_is_binary(bytes, len),
		   "sniff_is_binary is not deterministic");

	const struct charset *declared = charset_for_label(str_from(label));
	if (first.source != SNIFF_BOM && declared) {
		FUZZ_CHECK(HARNESS,
			   first.source == SNIFF_HEADER &&
			       first.charset == declared,
			   "a declared label did not decide the charset");
	}
}

/* A label in another case with spaces around it maps to the same charset. */
static void check_label_forms(const char *label)
{
	char other[LABEL_MAX + 8];
	size_t n = strlen(label);
	const struct charset *cs = charset_for_label(str_from(label));

	if (n > LABEL_MAX)
		return;
	other[0] = ' ';
	for (size_t i = 0; i < n; i++) {
		char c = label[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		else if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		other[1 + i] = c;
	}
	memcpy(other + 1 + n, "\r\n", 3);
	FUZZ_CHECK(HARNESS, charset_for_label(str_from(other)) == cs,
		   "a label's case or surrounding space changed its charset");
}

static void check_decode_page(const char *bytes, size_t len, const char *ct)
{
	struct arena a;
	struct decoded d, d2;
	struct sniff_result sr;

	sniff_charset(bytes, len, ct, &sr);
	arena_init(&a);
	FUZZ_CHECK(HARNESS, !decode_page(&a, bytes, len, ct, BUF_NO_MAX, &d),
		   "decode_page failed without a cap");
	check_text(d.text, d.len, len);
	FUZZ_CHECK(HARNESS, d.charset, "decode_page named no charset");
	if (sr.source != SNIFF_NONE) {
		FUZZ_CHECK(HARNESS,
			   d.source == sr.source &&
			       !strcmp(d.charset, sr.charset->name),
			   "decode_page ignored the sniffed charset");
	}
	if (d.len) {
		FUZZ_CHECK(HARNESS,
			   decode_page(&a, bytes, len, ct, d.len - 1, &d2),
			   "decode_page passed a cap one byte short");
	}
	FUZZ_CHECK(HARNESS, !decode_page(&a, bytes, len, ct, d.len, &d2),
		   "decode_page failed with a cap of its output size");
	FUZZ_CHECK(HARNESS,
		   d.len == d2.len && !memcmp(d.text, d2.text, d.len) &&
		       !strcmp(d.charset, d2.charset) && d.source == d2.source,
		   "decode_page gave a different result for the same input");
	arena_release(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char label[LABEL_MAX + 1];
	const char *lab = NULL;
	char ct[LABEL_MAX + 40];
	const char *ctp = NULL;

	if (!size)
		return 0;
	size_t pick = (data[0] & 0x7F) % (N_LABELS + 1);
	bool quoted = data[0] & 0x80;
	char *bytes = fuzz_dup(data + 1, size - 1);
	size_t len = size - 1;

	if (pick < N_LABELS) {
		lab = labels[pick];
	} else {
		/* the label is the body's first line, as a server might echo */
		size_t n = 0;
		while (n < len && n < LABEL_MAX && bytes[n] != '\n' &&
		       bytes[n] != '\0' && bytes[n] != ';' && bytes[n] != '"')
			n++;
		memcpy(label, bytes, n);
		label[n] = '\0';
		lab = label;
	}
	if (lab) {
		snprintf(ct, sizeof(ct),
			 quoted ? "text/html; charset=\"%s\""
				: "text/html; charset=%s",
			 lab);
		ctp = ct;
		struct str got = sniff_content_type_charset(str_from(ctp));
		struct str want = str_from(lab);
		/* an unquoted value is trimmed; a quoted one is taken as is */
		if (quoted && want.len && !strpbrk(lab, "\\")) {
			FUZZ_CHECK(HARNESS,
				   got.len == want.len &&
				       !memcmp(got.ptr, want.ptr, want.len),
				   "the charset parameter is not the label");
		}
		check_label_forms(lab);
	}

	check_sniff(bytes, len, ctp, lab);
	const struct charset *cs =
	    lab ? charset_for_label(str_from(lab)) : NULL;
	if (cs)
		check_decode_with(cs, bytes, len);
	check_decode_page(bytes, len, ctp);
	free(bytes);
	return 0;
}
