/*
 * test_decode.c - conversion to UTF-8 and the choice of charset for
 * undeclared pages.
 *
 * The legacy samples are short sentences written for these tests and
 * encoded once with iconv(1); the expected text is the same sentence in
 * UTF-8.  Every result is also checked for the decoder's invariants:
 * valid UTF-8, NUL-terminated, no NUL inside.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "base/arena.h"
#include "decode/decode.h"
#include "base/utf8.h"

/* A few sentences of prose, enough for libuchardet to be confident. */
static const char prose_utf8[] = "Вечером над рекой поднялся густой туман, и "
				 "рыбаки один за другим вернулись к своим "
				 "домам. Старый мельник долго сидел у окна и "
				 "смотрел, как гаснут огни на другом берегу. "
				 "Он думал о том, что весна в этом году пришла "
				 "слишком рано, а поля ещё не готовы к посеву. "
				 "Утром его внук собирался поехать в город, "
				 "чтобы купить новые сети и немного соли.";

static const char prose_koi8r[] =
    "\xf7\xc5\xde\xc5\xd2\xcf\xcd\x20\xce\xc1\xc4\x20\xd2\xc5\xcb\xcf"
    "\xca\x20\xd0\xcf\xc4\xce\xd1\xcc\xd3\xd1\x20\xc7\xd5\xd3\xd4\xcf"
    "\xca\x20\xd4\xd5\xcd\xc1\xce\x2c\x20\xc9\x20\xd2\xd9\xc2\xc1\xcb"
    "\xc9\x20\xcf\xc4\xc9\xce\x20\xda\xc1\x20\xc4\xd2\xd5\xc7\xc9\xcd"
    "\x20\xd7\xc5\xd2\xce\xd5\xcc\xc9\xd3\xd8\x20\xcb\x20\xd3\xd7\xcf"
    "\xc9\xcd\x20\xc4\xcf\xcd\xc1\xcd\x2e\x20\xf3\xd4\xc1\xd2\xd9\xca"
    "\x20\xcd\xc5\xcc\xd8\xce\xc9\xcb\x20\xc4\xcf\xcc\xc7\xcf\x20\xd3"
    "\xc9\xc4\xc5\xcc\x20\xd5\x20\xcf\xcb\xce\xc1\x20\xc9\x20\xd3\xcd"
    "\xcf\xd4\xd2\xc5\xcc\x2c\x20\xcb\xc1\xcb\x20\xc7\xc1\xd3\xce\xd5"
    "\xd4\x20\xcf\xc7\xce\xc9\x20\xce\xc1\x20\xc4\xd2\xd5\xc7\xcf\xcd"
    "\x20\xc2\xc5\xd2\xc5\xc7\xd5\x2e\x20\xef\xce\x20\xc4\xd5\xcd\xc1"
    "\xcc\x20\xcf\x20\xd4\xcf\xcd\x2c\x20\xde\xd4\xcf\x20\xd7\xc5\xd3"
    "\xce\xc1\x20\xd7\x20\xdc\xd4\xcf\xcd\x20\xc7\xcf\xc4\xd5\x20\xd0"
    "\xd2\xc9\xdb\xcc\xc1\x20\xd3\xcc\xc9\xdb\xcb\xcf\xcd\x20\xd2\xc1"
    "\xce\xcf\x2c\x20\xc1\x20\xd0\xcf\xcc\xd1\x20\xc5\xdd\xa3\x20\xce"
    "\xc5\x20\xc7\xcf\xd4\xcf\xd7\xd9\x20\xcb\x20\xd0\xcf\xd3\xc5\xd7"
    "\xd5\x2e\x20\xf5\xd4\xd2\xcf\xcd\x20\xc5\xc7\xcf\x20\xd7\xce\xd5"
    "\xcb\x20\xd3\xcf\xc2\xc9\xd2\xc1\xcc\xd3\xd1\x20\xd0\xcf\xc5\xc8"
    "\xc1\xd4\xd8\x20\xd7\x20\xc7\xcf\xd2\xcf\xc4\x2c\x20\xde\xd4\xcf"
    "\xc2\xd9\x20\xcb\xd5\xd0\xc9\xd4\xd8\x20\xce\xcf\xd7\xd9\xc5\x20"
    "\xd3\xc5\xd4\xc9\x20\xc9\x20\xce\xc5\xcd\xce\xcf\xc7\xcf\x20\xd3"
    "\xcf\xcc\xc9\x2e";

static const char prose_1251[] =
    "\xc2\xe5\xf7\xe5\xf0\xee\xec\x20\xed\xe0\xe4\x20\xf0\xe5\xea\xee"
    "\xe9\x20\xef\xee\xe4\xed\xff\xeb\xf1\xff\x20\xe3\xf3\xf1\xf2\xee"
    "\xe9\x20\xf2\xf3\xec\xe0\xed\x2c\x20\xe8\x20\xf0\xfb\xe1\xe0\xea"
    "\xe8\x20\xee\xe4\xe8\xed\x20\xe7\xe0\x20\xe4\xf0\xf3\xe3\xe8\xec"
    "\x20\xe2\xe5\xf0\xed\xf3\xeb\xe8\xf1\xfc\x20\xea\x20\xf1\xe2\xee"
    "\xe8\xec\x20\xe4\xee\xec\xe0\xec\x2e\x20\xd1\xf2\xe0\xf0\xfb\xe9"
    "\x20\xec\xe5\xeb\xfc\xed\xe8\xea\x20\xe4\xee\xeb\xe3\xee\x20\xf1"
    "\xe8\xe4\xe5\xeb\x20\xf3\x20\xee\xea\xed\xe0\x20\xe8\x20\xf1\xec"
    "\xee\xf2\xf0\xe5\xeb\x2c\x20\xea\xe0\xea\x20\xe3\xe0\xf1\xed\xf3"
    "\xf2\x20\xee\xe3\xed\xe8\x20\xed\xe0\x20\xe4\xf0\xf3\xe3\xee\xec"
    "\x20\xe1\xe5\xf0\xe5\xe3\xf3\x2e\x20\xce\xed\x20\xe4\xf3\xec\xe0"
    "\xeb\x20\xee\x20\xf2\xee\xec\x2c\x20\xf7\xf2\xee\x20\xe2\xe5\xf1"
    "\xed\xe0\x20\xe2\x20\xfd\xf2\xee\xec\x20\xe3\xee\xe4\xf3\x20\xef"
    "\xf0\xe8\xf8\xeb\xe0\x20\xf1\xeb\xe8\xf8\xea\xee\xec\x20\xf0\xe0"
    "\xed\xee\x2c\x20\xe0\x20\xef\xee\xeb\xff\x20\xe5\xf9\xb8\x20\xed"
    "\xe5\x20\xe3\xee\xf2\xee\xe2\xfb\x20\xea\x20\xef\xee\xf1\xe5\xe2"
    "\xf3\x2e\x20\xd3\xf2\xf0\xee\xec\x20\xe5\xe3\xee\x20\xe2\xed\xf3"
    "\xea\x20\xf1\xee\xe1\xe8\xf0\xe0\xeb\xf1\xff\x20\xef\xee\xe5\xf5"
    "\xe0\xf2\xfc\x20\xe2\x20\xe3\xee\xf0\xee\xe4\x2c\x20\xf7\xf2\xee"
    "\xe1\xfb\x20\xea\xf3\xef\xe8\xf2\xfc\x20\xed\xee\xe2\xfb\xe5\x20"
    "\xf1\xe5\xf2\xe8\x20\xe8\x20\xed\xe5\xec\xed\xee\xe3\xee\x20\xf1"
    "\xee\xeb\xe8\x2e";

#define NO_MAX ((size_t)64 * 1024 * 1024)

static int setup(void **state)
{
	struct arena *a = malloc(sizeof(*a));

	if (!a)
		return -1;
	arena_init(a);
	*state = a;
	return 0;
}

static int teardown(void **state)
{
	arena_release(*state);
	free(*state);
	return 0;
}

static void assert_clean_utf8(const char *text, size_t len)
{
	assert_non_null(text);
	assert_int_equal(text[len], '\0');
	assert_int_equal(strlen(text), len);
	assert_true(utf8_valid(text, len));
}

/* Decodes with the charset of a label; returns the text. */
static const char *with(struct arena *a, const char *label, const char *bytes,
			size_t len)
{
	const struct charset *cs = charset_for_label(str_from(label));
	char *text = NULL;
	size_t text_len = 0;

	assert_non_null(cs);
	assert_int_equal(
	    decode_with(a, cs, bytes, len, NO_MAX, &text, &text_len), 0);
	assert_clean_utf8(text, text_len);
	return text;
}

#define WITH(a, label, lit) with((a), (label), (lit), sizeof(lit) - 1)

static void page(struct arena *a, const char *bytes, size_t len,
		 const char *ctype, struct decoded *d)
{
	assert_int_equal(decode_page(a, bytes, len, ctype, NO_MAX, d), 0);
	assert_clean_utf8(d->text, d->len);
}

#define PAGE(a, lit, ctype, d) page((a), (lit), sizeof(lit) - 1, (ctype), (d))

static void test_cyrillic(void **state)
{
	struct arena *a = *state;

	assert_string_equal(
	    WITH(a, "windows-1251",
		 "\xcf\xf0\xe8\xe2\xe5\xf2\x2c\x20\xec\xe8\xf0\x21\x20\xd3"
		 "\xf2\xf0\xee\xec\x20\xf8\xb8\xeb\x20\xe4\xee\xe6\xe4\xfc"
		 "\x2e"),
	    "Привет, мир! Утром шёл дождь.");
	assert_string_equal(
	    WITH(a, "koi8-r",
		 "\xf0\xd2\xc9\xd7\xc5\xd4\x2c\x20\xcd\xc9\xd2\x21\x20\xf5"
		 "\xd4\xd2\xcf\xcd\x20\xdb\xa3\xcc\x20\xc4\xcf\xd6\xc4\xd8"
		 "\x2e"),
	    "Привет, мир! Утром шёл дождь.");
}

/* Shift_JIS as WHATWG (Windows-31J): 0x8160 is U+FF5E, 0x8740 is U+2460. */
static void test_shift_jis(void **state)
{
	struct arena *a = *state;

	assert_string_equal(
	    WITH(a, "shift_jis",
		 "\x89\x4a\x82\xcc\x93\xfa\x82\xc9\x96\x7b\x89\xae\x82\xc5"
		 "\x8c\xc3\x82\xa2\x92\x6e\x90\x7d\x82\xf0\x8c\xa9\x82\xc2"
		 "\x82\xaf\x82\xbd\x81\x60\x87\x40"),
	    "雨の日に本屋で古い地図を見つけた～①");
	assert_string_equal(WITH(a, "shift_jis", "\x82\xa0\x20\xb1"), "あ ｱ");
}

/* euc-kr as WHATWG (windows-949): 0x8C63 is outside KS X 1001. */
static void test_euc_kr(void **state)
{
	struct arena *a = *state;

	assert_string_equal(
	    WITH(a, "euc-kr",
		 "\xbf\xc0\xb4\xc3\xc0\xba\x20\xb3\xaf\xbe\xbe\xb0\xa1\x20"
		 "\xb8\xbc\xb4\xd9\x2e\x20\x8c\x63"),
	    "오늘은 날씨가 맑다. 똠");
}

static void test_chinese(void **state)
{
	struct arena *a = *state;

	/* the last two are a two-byte euro and a four-byte emoji */
	assert_string_equal(
	    WITH(a, "gb18030",
		 "\xb4\xba\xcc\xec\xc0\xb4\xc1\xcb\xa3\xac\xb9\xab\xd4\xb0"
		 "\xc0\xef\xb5\xc4\xbb\xa8\xb6\xbc\xbf\xaa\xc1\xcb\xa2\xe3"
		 "\x94\x39\xfc\x36"),
	    "春天来了，公园里的花都开了€😀");
	assert_string_equal(WITH(a, "gb2312", "\xb4\xba\xcc\xec\x80"), "春天€");
	assert_string_equal(
	    WITH(a, "big5",
		 "\xb3\x6f\xac\x4f\xa4\x40\xad\xd3\xc3\xf6\xa9\xf3\xa4\x73"
		 "\xab\xb0\xaa\xba\xa4\x70\xac\x47\xa8\xc6\xa1\x43"),
	    "這是一個關於山城的小故事。");
	/* Big5-HKSCS holds a possible combining base back: it must appear */
	assert_string_equal(WITH(a, "big5", "\x88\x66"), "Ê");
}

static void test_iso_2022_jp(void **state)
{
	struct arena *a = *state;

	assert_string_equal(
	    WITH(a, "iso-2022-jp", "a\x1b\x24\x42\x24\x22\x1b\x28\x42z"),
	    "aあz");
}

/* Every encoding of the table has a converter in glibc. */
static void test_every_converter_opens(void **state)
{
	static const char *const labels[] = {
	    "ibm866",       "iso-8859-2",   "iso-8859-3",   "iso-8859-4",
	    "iso-8859-5",   "iso-8859-6",   "iso-8859-7",   "iso-8859-8",
	    "iso-8859-8-i", "iso-8859-10",  "iso-8859-13",  "iso-8859-14",
	    "iso-8859-15",  "iso-8859-16",  "koi8-r",       "koi8-u",
	    "macintosh",    "windows-874",  "windows-1250", "windows-1251",
	    "windows-1252", "windows-1253", "windows-1254", "windows-1255",
	    "windows-1256", "windows-1257", "windows-1258", "x-mac-cyrillic",
	    "gbk",          "gb18030",      "big5",         "euc-jp",
	    "iso-2022-jp",  "shift_jis",    "euc-kr",       "utf-8",
	};
	struct arena *a = *state;

	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		assert_string_equal(WITH(a, labels[i], "<p>ok</p>"),
				    "<p>ok</p>");
	assert_string_equal(WITH(a, "utf-16le", "o\0k\0"), "ok");
	assert_string_equal(WITH(a, "utf-16be", "\0o\0k"), "ok");
}

static void test_invalid_utf8(void **state)
{
	struct arena *a = *state;

	/* overlong '/', then a UTF-16 surrogate: one U+FFFD per bad byte */
	assert_string_equal(WITH(a, "utf-8",
				 "a\xC0\xAF"
				 "b"),
			    "a\xEF\xBF\xBD\xEF\xBF\xBD"
			    "b");
	assert_string_equal(WITH(a, "utf-8", "\xED\xA0\x80"),
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	assert_string_equal(WITH(a, "utf-8", "x\xFFy"), "x\xEF\xBF\xBDy");
	assert_string_equal(WITH(a, "utf-8", "\xF4\x90\x80\x80"),
			    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
			    "\xEF\xBF\xBD");
	/* a sequence cut off by the end of the input */
	assert_string_equal(WITH(a, "utf-8", "abc\xE2\x82"), "abc\xEF\xBF\xBD");
	assert_string_equal(WITH(a, "utf-8", "\xF0\x9F\x98"), "\xEF\xBF\xBD");
	/* U+FFFD itself and valid text pass unchanged */
	assert_string_equal(WITH(a, "utf-8", "\xEF\xBF\xBD é"),
			    "\xEF\xBF\xBD é");
}

static void test_nul_dropped(void **state)
{
	struct arena *a = *state;

	assert_string_equal(WITH(a, "utf-8", "a\0b\0"), "ab");
	assert_string_equal(WITH(a, "windows-1251", "\0\xcf\0"), "П");
	assert_string_equal(WITH(a, "utf-16le", "a\0\0\0b\0"), "ab");
	assert_string_equal(WITH(a, "x-user-defined", "\0a"), "a");
}

/* Bad bytes in a legacy page become U+FFFD and decoding goes on. */
static void test_legacy_errors(void **state)
{
	struct arena *a = *state;

	/* 0x98 is unassigned in windows-1251 */
	assert_string_equal(WITH(a, "windows-1251", "\xcf\xf0\x98\xe8"),
			    "Пр\xEF\xBF\xBDи");
	/* a Shift_JIS lead byte before an ASCII byte: the ASCII survives */
	assert_string_equal(WITH(a, "shift_jis", "\x89\x4a\x82 <p>"),
			    "雨\xEF\xBF\xBD <p>");
	/* cut off at the end */
	assert_string_equal(WITH(a, "shift_jis", "\x89\x4a\x82"),
			    "雨\xEF\xBF\xBD");
	assert_string_equal(WITH(a, "gb18030", "\xb4\xba\x94\x39"),
			    "春\xEF\xBF\xBD");
	/* lone surrogates in UTF-16: the next code unit is read normally */
	assert_string_equal(WITH(a, "utf-16le",
				 "a\0\x00\xD8"
				 "b\0"),
			    "a\xEF\xBF\xBD"
			    "b");
	assert_string_equal(WITH(a, "utf-16le",
				 "\x00\xDC"
				 "b\0"),
			    "\xEF\xBF\xBD"
			    "b");
	assert_string_equal(WITH(a, "utf-16be", "\0a\0"), "a\xEF\xBF\xBD");
}

/* More output than one iconv chunk, with errors around the boundary. */
static void test_long_input(void **state)
{
	enum { N = 20000 };
	struct arena *a = *state;
	char *in = malloc(2 * N);
	const char *out;

	assert_non_null(in);
	for (size_t i = 0; i < N; i++)
		memcpy(in + 2 * i, "\x82\xa0", 2);
	in[2 * 5461] = '\xff'; /* near the first 16 KB of output */
	out = with(a, "shift_jis", in, 2 * N);
	assert_int_equal(strlen(out), 3 * N - 3 + 3 + 3);
	assert_memory_equal(out, "あ", 3);
	assert_memory_equal(out + 3 * 5461, "\xEF\xBF\xBD", 3);
	assert_memory_equal(out + 3 * N, "あ", 3);
	free(in);
}

static void test_max_out(void **state)
{
	struct arena *a = *state;
	const struct charset *sjis = charset_for_label(str_from("shift_jis"));
	const struct charset *utf8 = charset_for_label(str_from("utf-8"));
	char *text = NULL;
	size_t len = 0;

	/* two characters, six bytes of UTF-8 */
	assert_int_equal(
	    decode_with(a, sjis, "\x82\xa0\x82\xa0", 4, 6, &text, &len), 0);
	assert_int_equal(len, 6);
	assert_int_equal(
	    decode_with(a, sjis, "\x82\xa0\x82\xa0", 4, 5, &text, &len), -1);
	assert_int_equal(decode_with(a, utf8, "abcdef", 6, 5, &text, &len), -1);
	assert_int_equal(decode_with(a, utf8, "", 0, 0, &text, &len), 0);
	assert_int_equal(len, 0);
	assert_string_equal(text, "");
}

static void test_special_encodings(void **state)
{
	struct arena *a = *state;
	struct decoded d;

	/* WHATWG: the replacement decoder yields one U+FFFD for any input */
	PAGE(a, "\x1b$)C\x0e!!", "text/html; charset=iso-2022-kr", &d);
	assert_string_equal(d.charset, "replacement");
	assert_string_equal(d.text, "\xEF\xBF\xBD");
	assert_string_equal(WITH(a, "replacement", ""), "");
	PAGE(a, "a\x80\xff", "text/html; charset=x-user-defined", &d);
	assert_string_equal(d.charset, "x-user-defined");
	assert_string_equal(d.text, "a\xEF\x9E\x80\xEF\x9F\xBF");
}

static void test_page_declared(void **state)
{
	struct arena *a = *state;
	struct decoded d;

	PAGE(a, "<p>\x82\xa0</p>", "text/html; charset=Shift_JIS", &d);
	assert_string_equal(d.charset, "shift_jis");
	assert_int_equal(d.source, SNIFF_HEADER);
	assert_string_equal(d.text, "<p>あ</p>");
	PAGE(a, "<meta charset=windows-1251><p>\xcf</p>", NULL, &d);
	assert_string_equal(d.charset, "windows-1251");
	assert_int_equal(d.source, SNIFF_META);
	assert_string_equal(d.text, "<meta charset=windows-1251><p>П</p>");
	/* the BOM wins, and is not part of the text */
	PAGE(a, "\xEF\xBB\xBF<p>\xD0\x9F</p>", "text/html; charset=koi8-r", &d);
	assert_string_equal(d.charset, "utf-8");
	assert_int_equal(d.source, SNIFF_BOM);
	assert_string_equal(d.text, "<p>П</p>");
	PAGE(a, "\xFF\xFE<\0p\0>\0\x1f\x04", "text/html; charset=utf-8", &d);
	assert_string_equal(d.charset, "utf-16le");
	assert_string_equal(d.text, "<p>П");
	PAGE(a, "\xFE\xFF\0<\0p\0>\x04\x1f", NULL, &d);
	assert_string_equal(d.charset, "utf-16be");
	assert_string_equal(d.text, "<p>П");
	/* UTF-16 declared by the header, no BOM */
	PAGE(a, "<\0p\0>\0", "text/html; charset=utf-16", &d);
	assert_string_equal(d.charset, "utf-16le");
	assert_int_equal(d.source, SNIFF_HEADER);
	assert_string_equal(d.text, "<p>");
	/* a <meta> utf-16 is read as utf-8 */
	PAGE(a, "<meta charset=utf-16><p>\xD0\x9F", NULL, &d);
	assert_string_equal(d.charset, "utf-8");
	assert_string_equal(d.text, "<meta charset=utf-16><p>П");
}

static void test_page_undeclared(void **state)
{
	struct arena *a = *state;
	struct decoded d;

	PAGE(a, prose_koi8r, "text/html", &d);
	assert_string_equal(d.charset, "koi8-r");
	assert_int_equal(d.source, SNIFF_DETECTED);
	assert_string_equal(d.text, prose_utf8);
	PAGE(a, prose_1251, NULL, &d);
	assert_string_equal(d.charset, "windows-1251");
	assert_int_equal(d.source, SNIFF_DETECTED);
	assert_string_equal(d.text, prose_utf8);
	PAGE(a, prose_utf8, NULL, &d);
	assert_string_equal(d.charset, "utf-8");
	assert_int_equal(d.source, SNIFF_DETECTED);
	assert_string_equal(d.text, prose_utf8);
	/* UTF-8 cut off by a byte cap is still UTF-8 */
	PAGE(a, "<p>caf\xC3\xA9 \xE2\x82", NULL, &d);
	assert_string_equal(d.charset, "utf-8");
	assert_string_equal(d.text, "<p>caf\xC3\xA9 \xEF\xBF\xBD");
	/* 7-bit ISO-2022-JP is not ASCII: the detector recognises it */
	PAGE(a,
	     "\x1b\x24\x42\x3a\x23\x46\x7c\x24\x4f\x31\x2b\x24\x47\x24\x39\x21"
	     "\x23\x4b\x5c\x32\x30\x24\x47\x43\x4f\x3f\x5e\x24\x72\x47\x63\x24"
	     "\x24\x24\x5e\x24\x37\x24\x3f\x21\x23\x1b\x28\x42",
	     NULL, &d);
	assert_string_equal(d.charset, "iso-2022-jp");
	assert_string_equal(d.text, "今日は雨です。本屋で地図を買いました。");
}

/* Pure ASCII: nothing declared or detected, so the WHATWG default. */
static void test_page_ascii(void **state)
{
	struct arena *a = *state;
	struct decoded d;

	PAGE(a, "<html><title>Plain</title><p>Only ASCII here.</p>",
	     "text/html; charset=utf-7", &d);
	assert_string_equal(d.charset, "windows-1252");
	assert_int_equal(d.source, SNIFF_DEFAULT);
	assert_string_equal(
	    d.text, "<html><title>Plain</title><p>Only ASCII here.</p>");
	PAGE(a, "", NULL, &d);
	assert_int_equal(d.source, SNIFF_DEFAULT);
	assert_string_equal(d.text, "");
	assert_int_equal(decode_page(a, NULL, 0, NULL, NO_MAX, &d), 0);
	assert_string_equal(d.text, "");
}

static void test_page_too_large(void **state)
{
	struct arena *a = *state;
	struct decoded d;

	assert_int_equal(decode_page(a, "<p>0123456789</p>", 17, NULL, 16, &d),
			 -1);
	assert_int_equal(decode_page(a, "<p>0123456789</p>", 17, NULL, 17, &d),
			 0);
	assert_int_equal(d.len, 17);
}

#define TEST(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
	    TEST(test_cyrillic),      TEST(test_shift_jis),
	    TEST(test_euc_kr),        TEST(test_chinese),
	    TEST(test_iso_2022_jp),   TEST(test_every_converter_opens),
	    TEST(test_invalid_utf8),  TEST(test_nul_dropped),
	    TEST(test_legacy_errors), TEST(test_long_input),
	    TEST(test_max_out),       TEST(test_special_encodings),
	    TEST(test_page_declared), TEST(test_page_undeclared),
	    TEST(test_page_ascii),    TEST(test_page_too_large),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
