/*
 * test_decode_sniff.c - the label allow-list, Content-Type parsing, the
 * <meta> prescan, the BOM > header > meta order and the binary check.
 *
 * Inputs that the prescan reads are placed just before a PROT_NONE page
 * (as picohttpparser's tests do), so an over-read faults even without
 * ASan: a string literal's NUL would otherwise hide it.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "decode/decode_sniff.h"

struct guarded {
	char *map;
	size_t map_len;
	const char *bytes;
};

static struct guarded guard(const char *s, size_t len)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t data_pages = (len + page - 1) / page;
	struct guarded g;

	g.map_len = (data_pages + 1) * page;
	g.map = mmap(NULL, g.map_len, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(g.map != MAP_FAILED);
	assert_int_equal(mprotect(g.map + data_pages * page, page, PROT_NONE),
			 0);
	g.bytes = g.map + data_pages * page - len;
	if (len)
		memcpy(g.map + data_pages * page - len, s, len);
	return g;
}

static void unguard(struct guarded *g)
{
	munmap(g->map, g->map_len);
}

/* The charset name the prescan finds in s, or "" for none. */
static const char *meta_of(const char *s, size_t len)
{
	struct guarded g = guard(s, len);
	const struct charset *cs = sniff_meta(g.bytes, len);

	unguard(&g);
	return cs ? cs->name : "";
}

#define META(lit) meta_of((lit), sizeof(lit) - 1)

static const char *label_name(const char *label)
{
	const struct charset *cs = charset_for_label(str_from(label));

	return cs ? cs->name : "";
}

static const char *label_iconv(const char *label)
{
	const struct charset *cs = charset_for_label(str_from(label));

	assert_non_null(cs);
	return cs->iconv ? cs->iconv : "(none)";
}

static void test_label_case_and_space(void **state)
{
	(void)state;
	assert_string_equal(label_name("utf-8"), "utf-8");
	assert_string_equal(label_name("UTF-8"), "utf-8");
	assert_string_equal(label_name("Utf8"), "utf-8");
	assert_string_equal(label_name(" \t\n\r\fUTF-8 \n"), "utf-8");
	assert_string_equal(label_name("  Shift_JIS  "), "shift_jis");
	/* vertical tab is not ASCII whitespace in the Encoding Standard */
	assert_string_equal(label_name("\vutf-8"), "");
	assert_string_equal(label_name("utf 8"), "");
	assert_string_equal(label_name(""), "");
	assert_string_equal(label_name("   "), "");
	assert_null(charset_for_label(STR_NULL));
}

static void test_label_mapping(void **state)
{
	(void)state;
	assert_null(charset_for_label(str_from("utf-8"))->iconv);
	assert_string_equal(label_iconv("latin1"), "CP1252");
	assert_string_equal(label_iconv("iso-8859-1"), "CP1252");
	assert_string_equal(label_iconv("ascii"), "CP1252");
	assert_string_equal(label_iconv("US-ASCII"), "CP1252");
	assert_string_equal(label_name("us-ascii"), "windows-1252");
	assert_string_equal(label_iconv("shift_jis"), "CP932");
	assert_string_equal(label_iconv("sjis"), "CP932");
	assert_string_equal(label_iconv("windows-31j"), "CP932");
	assert_string_equal(label_iconv("euc-kr"), "CP949");
	assert_string_equal(label_iconv("ks_c_5601-1987"), "CP949");
	assert_string_equal(label_name("gb2312"), "gbk");
	assert_string_equal(label_iconv("gb2312"), "GBK");
	assert_string_equal(label_iconv("gb18030"), "GB18030");
	assert_string_equal(label_iconv("big5"), "BIG5-HKSCS");
	assert_string_equal(label_iconv("iso-2022-jp"), "ISO-2022-JP");
	assert_string_equal(label_iconv("euc-jp"), "EUC-JP");
	assert_string_equal(label_name("utf-16"), "utf-16le");
	assert_string_equal(label_iconv("utf-16le"), "UTF-16LE");
	assert_string_equal(label_iconv("utf-16be"), "UTF-16BE");
	assert_string_equal(label_iconv("koi8-r"), "KOI8-R");
	assert_string_equal(label_iconv("koi8-u"), "KOI8-U");
	assert_string_equal(label_iconv("iso-8859-5"), "ISO-8859-5");
	assert_string_equal(label_name("iso-8859-9"), "windows-1254");
	assert_string_equal(label_iconv("windows-1251"), "CP1251");
	assert_string_equal(label_iconv("cp1251"), "CP1251");
	assert_string_equal(label_iconv("macintosh"), "MACINTOSH");
	assert_string_equal(label_iconv("x-mac-cyrillic"), "MAC-CYRILLIC");
	assert_string_equal(label_iconv("ibm866"), "IBM866");
	assert_string_equal(label_iconv("windows-874"), "CP874");
	assert_string_equal(label_name("tis-620"), "windows-874");
}

static void test_label_refused(void **state)
{
	(void)state;
	assert_string_equal(label_name("foo"), "");
	assert_string_equal(label_name("utf-7"), "");
	assert_string_equal(label_name("UTF7"), "");
	assert_string_equal(label_name("iso-2022-jp-3"), "");
	assert_string_equal(label_name("ibm1390"), "");
	assert_string_equal(label_name("ucs-4"), "");
	assert_string_equal(label_name("utf-32"), "");
	/* page labels stay WHATWG labels, whatever detectors call things */
	assert_string_equal(label_name("mac-cyrillic"), "");
	assert_string_equal(label_name("euc-tw"), "");
}

static void test_label_odd_bytes(void **state)
{
	char big[10240];

	(void)state;
	memset(big, 'a', sizeof(big));
	assert_null(charset_for_label(str_make(big, sizeof(big))));
	/* surrounding whitespace of any length is trimmed (get an encoding) */
	memset(big, ' ', sizeof(big));
	memcpy(big + 5000, "koi8-r", 6);
	assert_string_equal(charset_for_label(str_make(big, sizeof(big)))->name,
			    "koi8-r");
	assert_null(charset_for_label(str_make("utf-8\0", 6)));
	assert_null(charset_for_label(str_make("utf\0-8", 6)));
	assert_null(charset_for_label(str_make("\0utf-8", 6)));
	assert_null(charset_for_label(str_make("utf-8\xC2\xA0", 7)));
}

static void test_label_special(void **state)
{
	const struct charset *cs;

	(void)state;
	cs = charset_for_label(str_from("iso-2022-kr"));
	assert_string_equal(cs->name, "replacement");
	assert_null(cs->iconv);
	assert_string_equal(label_name("hz-gb-2312"), "replacement");
	assert_string_equal(label_name("ISO-2022-CN-EXT"), "replacement");
	cs = charset_for_label(str_from("x-user-defined"));
	assert_string_equal(cs->name, "x-user-defined");
	assert_null(cs->iconv);
}

static const char *detected(const char *name)
{
	const struct charset *cs = charset_for_detected(str_from(name));

	return cs ? cs->name : "";
}

/* Every name libuchardet 0.0.7 can report, and where it leads. */
static void test_detector_names(void **state)
{
	(void)state;
	assert_string_equal(detected("WINDOWS-1251"), "windows-1251");
	assert_string_equal(detected("KOI8-R"), "koi8-r");
	assert_string_equal(detected("SHIFT_JIS"), "shift_jis");
	assert_string_equal(detected("EUC-JP"), "euc-jp");
	assert_string_equal(detected("GB18030"), "gb18030");
	assert_string_equal(detected("ISO-8859-5"), "iso-8859-5");
	assert_string_equal(detected("MAC-CYRILLIC"), "x-mac-cyrillic");
	assert_string_equal(detected("IBM866"), "ibm866");
	assert_string_equal(detected("UTF-8"), "utf-8");
	assert_string_equal(detected("ASCII"), "windows-1252");
	assert_string_equal(detected("BIG5"), "big5");
	assert_string_equal(detected("EUC-KR"), "euc-kr");
	assert_string_equal(detected("ISO-2022-JP"), "iso-2022-jp");
	assert_string_equal(detected("ISO-8859-1"), "windows-1252");
	assert_string_equal(detected("ISO-8859-9"), "windows-1254");
	assert_string_equal(detected("TIS-620"), "windows-874");
	assert_string_equal(detected("WINDOWS-1258"), "windows-1258");
	/* no WHATWG decoder, or nothing a guess should select */
	assert_string_equal(detected("EUC-TW"), "");
	assert_string_equal(detected("IBM852"), "");
	assert_string_equal(detected("IBM855"), "");
	assert_string_equal(detected("MAC-CENTRALEUROPE"), "");
	assert_string_equal(detected("VISCII"), "");
	assert_string_equal(detected("UTF-32"), "");
	assert_string_equal(detected("UTF-16"), "");
	assert_string_equal(detected("HZ-GB-2312"), "");
	assert_string_equal(detected("ISO-2022-KR"), "");
	assert_string_equal(detected("ISO-2022-CN"), "");
	assert_string_equal(detected(""), "");
	assert_null(charset_for_detected(STR_NULL));
}

/* The charset parameter as a C string, or "(null)". */
static const char *ct(const char *value, char *out, size_t out_len)
{
	struct str s = sniff_content_type_charset(str_from(value));

	if (!s.ptr)
		return "(null)";
	assert_true(s.len < out_len);
	memcpy(out, s.ptr, s.len);
	out[s.len] = '\0';
	return out;
}

static void test_content_type(void **state)
{
	char b[64];

	(void)state;
	assert_string_equal(ct("text/html; charset=utf-8", b, 64), "utf-8");
	assert_string_equal(ct("text/html;charset=\"Shift_JIS\"", b, 64),
			    "Shift_JIS");
	assert_string_equal(ct("text/html ; charset = koi8-r ", b, 64),
			    "koi8-r");
	assert_string_equal(ct("TEXT/HTML; CHARSET=UTF-8", b, 64), "UTF-8");
	assert_string_equal(ct("text/html; q=1; charset=euc-kr", b, 64),
			    "euc-kr");
	assert_string_equal(
	    ct("text/html; x=\"a;charset=koi8-r\"; charset=big5", b, 64),
	    "big5");
	assert_string_equal(ct("text/html; charset=gbk; charset=big5", b, 64),
			    "gbk");
	assert_string_equal(ct("text/html; charset=\"big5", b, 64), "big5");
	assert_string_equal(ct("text/html", b, 64), "(null)");
	assert_string_equal(ct("text/html;", b, 64), "(null)");
	assert_string_equal(ct("text/html; charset=", b, 64), "(null)");
	assert_string_equal(ct("text/html; charset", b, 64), "(null)");
	assert_string_equal(ct("text/html; xcharset=utf-8", b, 64), "(null)");
	assert_string_equal(ct("", b, 64), "(null)");
	assert_string_equal(ct(NULL, b, 64), "(null)");
	/* single quotes are not HTTP quoting: no such label */
	assert_null(charset_for_label(
	    sniff_content_type_charset(str_from("text/html; charset='x'"))));
}

static void test_meta_forms(void **state)
{
	(void)state;
	assert_string_equal(META("<meta charset=\"windows-1251\">"),
			    "windows-1251");
	assert_string_equal(META("<META CHARSET=KOI8-R>"), "koi8-r");
	assert_string_equal(META("<meta charset='euc-jp'>"), "euc-jp");
	assert_string_equal(META("<meta charset=\"  KOI8-R \">"), "koi8-r");
	assert_string_equal(META("<meta/charset=big5>"), "big5");
	assert_string_equal(META("<html><head><meta\ncharset = gbk >"), "gbk");
	assert_string_equal(META("<meta http-equiv=\"Content-Type\" "
				 "content=\"text/html; charset=shift_jis\">"),
			    "shift_jis");
	assert_string_equal(META("<meta content='text/html;charset = "
				 "\"iso-8859-2\"' HTTP-EQUIV=content-type>"),
			    "iso-8859-2");
	assert_string_equal(META("<meta content=\"text/html; charset=gbk\" "
				 "http-equiv=content-type>"),
			    "gbk");
	assert_string_equal(META("<meta charset=\"koi8-r\" charset=\"big5\">"),
			    "koi8-r");
}

static void test_meta_refused(void **state)
{
	(void)state;
	assert_string_equal(META(""), "");
	assert_string_equal(META("<p>no declaration</p>"), "");
	/* content alone needs the pragma */
	assert_string_equal(META("<meta content=\"text/html; charset=big5\">"),
			    "");
	assert_string_equal(META("<meta http-equiv=\"content-type\">"), "");
	assert_string_equal(
	    META("<meta http-equiv=refresh content=\"charset=big5\">"), "");
	assert_string_equal(META("<meta charset=\"utf-7\">"), "");
	assert_string_equal(META("<metadata charset=koi8-r>"), "");
	assert_string_equal(META("<meta http-equiv=content-type "
				 "content=\"text/html; charset='koi8-r\">"),
			    "");
	/* the bytes run out inside the tag: no answer */
	assert_string_equal(META("<meta charset=\"koi8-r"), "");
	assert_string_equal(META("<meta charset=koi8-r"), "");
	assert_string_equal(META("<meta charset="), "");
	assert_string_equal(META("<meta "), "");
	/* an unknown label is skipped and the scan goes on */
	assert_string_equal(META("<meta charset=foo><meta charset=koi8-r>"),
			    "koi8-r");
}

static void test_meta_skipping(void **state)
{
	(void)state;
	assert_string_equal(
	    META("<!-- <meta charset=\"koi8-r\"> --><meta charset=big5>"),
	    "big5");
	assert_string_equal(META("<!--><meta charset=big5>"), "big5");
	assert_string_equal(META("<!-- unclosed <meta charset=big5>"), "");
	assert_string_equal(META("<div title=\"<meta charset=koi8-r>\">"
				 "<meta charset=utf-8>"),
			    "utf-8");
	assert_string_equal(META("</div x='<meta charset=koi8-r>'>"
				 "<meta charset=euc-kr>"),
			    "euc-kr");
	assert_string_equal(META("<?xml version=\"1.0\" encoding=\"koi8-r\"?>"
				 "<meta charset=big5>"),
			    "big5");
	assert_string_equal(META("<!DOCTYPE html><meta charset=big5>"), "big5");
	assert_string_equal(META("< meta charset=big5>"), "");
}

static void test_meta_specials(void **state)
{
	(void)state;
	/* HTML prescan: a declared UTF-16 means utf-8 ... */
	assert_string_equal(META("<meta charset=\"utf-16\">"), "utf-8");
	assert_string_equal(META("<meta charset=utf-16be>"), "utf-8");
	assert_string_equal(META("<meta http-equiv=content-type "
				 "content=\"text/html; charset=utf-16le\">"),
			    "utf-8");
	/* ... and x-user-defined means windows-1252 */
	assert_string_equal(META("<meta charset=x-user-defined>"),
			    "windows-1252");
	assert_string_equal(META("<meta charset=iso-2022-kr>"), "replacement");
}

/* The prescan stops at byte 1024: a <meta> must end before it. */
static void test_meta_window(void **state)
{
	static const char meta[] = "<meta charset=\"koi8-r\">";
	char page[2048];
	size_t m = sizeof(meta) - 1;

	(void)state;
	memset(page, ' ', sizeof(page));
	memcpy(page + 1024 - m, meta, m);
	assert_string_equal(meta_of(page, sizeof(page)), "koi8-r");
	memset(page, ' ', sizeof(page));
	memcpy(page + 1100, meta, m);
	assert_string_equal(meta_of(page, sizeof(page)), "");
	memset(page, ' ', sizeof(page));
	memcpy(page + 1020, meta, m);
	assert_string_equal(meta_of(page, sizeof(page)), "");
	memset(page, ' ', sizeof(page));
	memcpy(page, "<!--", 4);
	memcpy(page + 1030, "--><meta charset=big5>", 22);
	assert_string_equal(meta_of(page, sizeof(page)), "");
}

static void sniff(const char *bytes, size_t len, const char *ctype,
		  struct sniff_result *sr)
{
	struct guarded g = guard(bytes, len);

	sniff_charset(g.bytes, len, ctype, sr);
	unguard(&g);
}

#define SNIFF(lit, ctype, sr) sniff((lit), sizeof(lit) - 1, (ctype), (sr))

static void test_sniff_order(void **state)
{
	struct sniff_result sr;

	(void)state;
	SNIFF("\xEF\xBB\xBF<meta charset=big5>", "text/html; charset=koi8-r",
	      &sr);
	assert_int_equal(sr.source, SNIFF_BOM);
	assert_string_equal(sr.charset->name, "utf-8");
	assert_int_equal(sr.bom_len, 3);
	SNIFF("\xFF\xFE<\0p\0>\0", "text/html; charset=utf-8", &sr);
	assert_int_equal(sr.source, SNIFF_BOM);
	assert_string_equal(sr.charset->name, "utf-16le");
	assert_int_equal(sr.bom_len, 2);
	SNIFF("\xFE\xFF\0<\0p\0>", NULL, &sr);
	assert_string_equal(sr.charset->name, "utf-16be");
	assert_int_equal(sr.bom_len, 2);
	SNIFF("<meta charset=big5>", "text/html; charset=koi8-r", &sr);
	assert_int_equal(sr.source, SNIFF_HEADER);
	assert_string_equal(sr.charset->name, "koi8-r");
	assert_int_equal(sr.bom_len, 0);
	SNIFF("<meta charset=big5>", "text/html; charset=utf-7", &sr);
	assert_int_equal(sr.source, SNIFF_META);
	assert_string_equal(sr.charset->name, "big5");
	SNIFF("<meta charset=big5>", NULL, &sr);
	assert_int_equal(sr.source, SNIFF_META);
	SNIFF("<p>plain</p>", "text/html", &sr);
	assert_int_equal(sr.source, SNIFF_NONE);
	assert_null(sr.charset);
	SNIFF("\xEF\xBB", NULL, &sr);
	assert_int_equal(sr.source, SNIFF_NONE);
	/* a header's utf-16 is taken as it is (only <meta> turns it) */
	SNIFF("<\0p\0>\0", "text/html; charset=utf-16", &sr);
	assert_int_equal(sr.source, SNIFF_HEADER);
	assert_string_equal(sr.charset->name, "utf-16le");
}

static void test_source_names(void **state)
{
	(void)state;
	assert_string_equal(sniff_source_name(SNIFF_NONE), "none");
	assert_string_equal(sniff_source_name(SNIFF_BOM), "bom");
	assert_string_equal(sniff_source_name(SNIFF_HEADER), "header");
	assert_string_equal(sniff_source_name(SNIFF_META), "meta");
	assert_string_equal(sniff_source_name(SNIFF_DETECTED), "detected");
	assert_string_equal(sniff_source_name(SNIFF_DEFAULT), "default");
}

static bool binary(const char *bytes, size_t len)
{
	struct guarded g = guard(bytes, len);
	bool r = sniff_is_binary(g.bytes, len);

	unguard(&g);
	return r;
}

#define BINARY(lit) binary((lit), sizeof(lit) - 1)

static void test_binary(void **state)
{
	char page[2048];

	(void)state;
	assert_true(BINARY("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"));
	assert_true(BINARY("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
	assert_true(BINARY("GIF89a\x01\x00"));
	assert_true(BINARY("\xFF\xD8\xFF\xE0"));
	assert_true(BINARY("PK\x03\x04\x14"));
	assert_true(BINARY("\x1F\x8B\x08\x00"));
	assert_true(BINARY("<html>\0\0\0\0<body>"));
	assert_true(BINARY("\0"));
	assert_false(BINARY(""));
	assert_false(BINARY("<!doctype html><title>x</title>"));
	assert_false(BINARY("\xFF\xFE<\0h\0t\0m\0l\0>\0"));
	assert_false(BINARY("\xFE\xFF\0<\0h\0t\0m\0l\0>"));
	/* UTF-16 without a BOM: NULs on one side, on most code units */
	assert_false(BINARY("<\0h\0t\0m\0l\0>\0<\0p\0>\0"));
	assert_false(BINARY("\0<\0h\0t\0m\0l\0>\0<\0p\0>"));
	/* a stray NUL in an 8-bit page within the first 1024 bytes */
	memset(page, 'a', sizeof(page));
	page[700] = '\0';
	assert_true(binary(page, sizeof(page)));
	/* ... but not after it */
	page[700] = 'a';
	page[1500] = '\0';
	assert_false(binary(page, sizeof(page)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_label_case_and_space),
	    cmocka_unit_test(test_label_mapping),
	    cmocka_unit_test(test_label_refused),
	    cmocka_unit_test(test_label_odd_bytes),
	    cmocka_unit_test(test_label_special),
	    cmocka_unit_test(test_detector_names),
	    cmocka_unit_test(test_content_type),
	    cmocka_unit_test(test_meta_forms),
	    cmocka_unit_test(test_meta_refused),
	    cmocka_unit_test(test_meta_skipping),
	    cmocka_unit_test(test_meta_specials),
	    cmocka_unit_test(test_meta_window),
	    cmocka_unit_test(test_sniff_order),
	    cmocka_unit_test(test_source_names),
	    cmocka_unit_test(test_binary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
