/*
 * decode_sniff.c - choosing a page's charset, and the label allow-list.
 *
 * Everything here follows the WHATWG Encoding Standard ("Encodings" table,
 * "get an encoding") and the WHATWG HTML Standard ("encoding sniffing
 * algorithm", "prescan a byte stream to determine its encoding").
 *
 * Invariants:
 * - Pure: no iconv, no allocation, no global mutable state; every result
 *   points into the static const table below or into the caller's bytes.
 * - The only iconv names that leave this file are the fixed ones in
 *   encodings[]; a label from a page is only ever compared, never passed
 *   on.  Labels outside the table (UTF-7, ISO-2022-JP-3, IBM1390...) are
 *   unknown and treated as absent.
 * - Canonical names are the WHATWG names in lower case, as TextDecoder's
 *   "encoding" attribute reports them ("utf-8", "shift_jis", "big5").
 *
 * Where glibc's converter differs from the WHATWG index it is noted in the
 * table.  Three encodings have no iconv name: utf-8 (decode.c validates
 * and repairs it itself), and "replacement" and "x-user-defined", whose
 * WHATWG decoders are a few lines each and are done in decode.c:
 * - replacement (iso-2022-kr, iso-2022-cn, hz-gb-2312...): the standard
 *   decodes the whole input to a single U+FFFD so that these escape-based
 *   encodings can never be misread as ASCII; we do the same, and glibc's
 *   ISO-2022-CN family (CVE-2024-2961) is never reached.
 * - x-user-defined: bytes 0x80-0xFF become U+F780-U+F7FF as the standard
 *   says; a <meta> declaring it means windows-1252 instead (HTML prescan).
 */
#include "decode/decode_sniff.h"

/* The HTML Standard prescans only this much of the body for <meta>. */
#define SNIFF_PRESCAN_LEN 1024
/* The binary check looks at as much, as the MIME Sniffing Standard does. */
#define SNIFF_BINARY_LEN  1024
/* bytes read to tell BOM-less UTF-16 and UTF-32 */
#define SNIFF_WIDE_LEN    ((size_t)1024)

/*
 * One encoding of the Encoding Standard with all its labels, separated by
 * single spaces (no label contains a space).  To add an encoding, copy
 * its labels from the standard's table; never add a label it lacks.
 */
struct encoding {
	struct charset cs;
	const char *labels;
};

enum {
	ENC_UTF8,
	ENC_UTF16BE,
	ENC_UTF16LE,
	ENC_WINDOWS_1252,
	ENC_X_MAC_CYRILLIC,
	ENC_REPLACEMENT,
	ENC_X_USER_DEFINED,
};

/* clang-format off */
static const struct encoding encodings[] = {
	[ENC_UTF8] = {{"utf-8", NULL},
		      "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 "
		      "utf8 x-unicode20utf8"},
	[ENC_UTF16BE] = {{"utf-16be", "UTF-16BE"}, "unicodefffe utf-16be"},
	[ENC_UTF16LE] = {{"utf-16le", "UTF-16LE"},
			 "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff "
			 "utf-16 utf-16le"},
	/* glibc CP1252 rejects 81 8D 8F 90 9D (C1 controls): U+FFFD */
	[ENC_WINDOWS_1252] = {{"windows-1252", "CP1252"},
			      "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 "
			      "ibm819 iso-8859-1 iso-ir-100 iso8859-1 "
			      "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 "
			      "us-ascii windows-1252 x-cp1252"},
	/* glibc has 0xFF as U+00A4 where WHATWG has U+20AC */
	[ENC_X_MAC_CYRILLIC] = {{"x-mac-cyrillic", "MAC-CYRILLIC"},
				"x-mac-cyrillic x-mac-ukrainian"},
	[ENC_REPLACEMENT] = {{"replacement", NULL},
			     "csiso2022kr hz-gb-2312 iso-2022-cn "
			     "iso-2022-cn-ext iso-2022-kr replacement"},
	[ENC_X_USER_DEFINED] = {{"x-user-defined", NULL}, "x-user-defined"},
	{{"ibm866", "IBM866"}, "866 cp866 csibm866 ibm866"},
	{{"iso-8859-2", "ISO-8859-2"},
	 "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 "
	 "iso_8859-2:1987 l2 latin2"},
	{{"iso-8859-3", "ISO-8859-3"},
	 "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 "
	 "iso_8859-3:1988 l3 latin3"},
	{{"iso-8859-4", "ISO-8859-4"},
	 "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 "
	 "iso_8859-4:1988 l4 latin4"},
	{{"iso-8859-5", "ISO-8859-5"},
	 "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 "
	 "iso88595 iso_8859-5 iso_8859-5:1988"},
	{{"iso-8859-6", "ISO-8859-6"},
	 "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 "
	 "iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 "
	 "iso88596 iso_8859-6 iso_8859-6:1987"},
	{{"iso-8859-7", "ISO-8859-7"},
	 "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 "
	 "iso-ir-126 iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 "
	 "sun_eu_greek"},
	{{"iso-8859-8", "ISO-8859-8"},
	 "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e "
	 "iso-ir-138 iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"},
	/* logical order differs from visual only in display, not in bytes */
	{{"iso-8859-8-i", "ISO-8859-8"}, "csiso88598i iso-8859-8-i logical"},
	{{"iso-8859-10", "ISO-8859-10"},
	 "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 "
	 "latin6"},
	{{"iso-8859-13", "ISO-8859-13"}, "iso-8859-13 iso8859-13 iso885913"},
	{{"iso-8859-14", "ISO-8859-14"}, "iso-8859-14 iso8859-14 iso885914"},
	{{"iso-8859-15", "ISO-8859-15"},
	 "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"},
	{{"iso-8859-16", "ISO-8859-16"}, "iso-8859-16"},
	{{"koi8-r", "KOI8-R"}, "cskoi8r koi koi8 koi8-r koi8_r"},
	/* glibc KOI8-U has box drawing at AE and BE, WHATWG has U+045E/040E */
	{{"koi8-u", "KOI8-U"}, "koi8-ru koi8-u"},
	{{"macintosh", "MACINTOSH"}, "csmacintosh mac macintosh x-mac-roman"},
	{{"windows-874", "CP874"},
	 "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"},
	{{"windows-1250", "CP1250"}, "cp1250 windows-1250 x-cp1250"},
	{{"windows-1251", "CP1251"}, "cp1251 windows-1251 x-cp1251"},
	{{"windows-1253", "CP1253"}, "cp1253 windows-1253 x-cp1253"},
	{{"windows-1254", "CP1254"},
	 "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 "
	 "iso_8859-9 iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"},
	{{"windows-1255", "CP1255"}, "cp1255 windows-1255 x-cp1255"},
	{{"windows-1256", "CP1256"}, "cp1256 windows-1256 x-cp1256"},
	{{"windows-1257", "CP1257"}, "cp1257 windows-1257 x-cp1257"},
	{{"windows-1258", "CP1258"}, "cp1258 windows-1258 x-cp1258"},
	/* WHATWG decodes gbk with the gb18030 decoder; glibc GBK has the
	 * single byte 0x80 (euro) that GBK pages use, GB18030 lacks it */
	{{"gbk", "GBK"},
	 "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk "
	 "iso-ir-58 x-gbk"},
	{{"gb18030", "GB18030"}, "gb18030"},
	/* WHATWG big5 is Big5 with the HKSCS extensions */
	{{"big5", "BIG5-HKSCS"}, "big5 big5-hkscs cn-big5 csbig5 x-x-big5"},
	{{"euc-jp", "EUC-JP"}, "cseucpkdfmtjapanese euc-jp x-euc-jp"},
	/* plain ISO-2022-JP only: glibc's -JP-3 had CVE-2021-3326 */
	{{"iso-2022-jp", "ISO-2022-JP"}, "csiso2022jp iso-2022-jp"},
	/* WHATWG Shift_JIS is Microsoft's variant (Windows-31J) */
	{{"shift_jis", "CP932"},
	 "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j "
	 "x-sjis"},
	/* WHATWG euc-kr is Microsoft's Unified Hangul Code (windows-949) */
	{{"euc-kr", "CP949"},
	 "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 "
	 "ks_c_5601-1989 ksc5601 ksc_5601 windows-949"},
};
/* clang-format on */

#define N_ENCODINGS (sizeof(encodings) / sizeof(encodings[0]))

/* clang-format off */
/*
 * Names libuchardet 0.0.7 reports that are not WHATWG labels but name a
 * WHATWG encoding.  Its other answers either are labels already (KOI8-R,
 * SHIFT_JIS, WINDOWS-1251, ISO-8859-1, TIS-620, ASCII...) or have no
 * WHATWG encoding at all (EUC-TW, IBM852, IBM855, MAC-CENTRALEUROPE,
 * VISCII, UTF-32) and so are refused.
 */
static const struct {
	const char *name;
	int enc;
} detector_aliases[] = {
	{"mac-cyrillic", ENC_X_MAC_CYRILLIC},
};
/* clang-format on */

/* WHATWG "ASCII whitespace": unlike str.h's set, no vertical tab. */
static bool is_html_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static struct str trim_html_space(struct str s)
{
	while (s.len && is_html_space((unsigned char)s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && is_html_space((unsigned char)s.ptr[s.len - 1]))
		s.len--;
	return s;
}

/* Whether the space-separated list holds s, ASCII case-insensitively. */
static bool label_list_has(const char *list, struct str s)
{
	const char *p = list;

	while (*p) {
		size_t n = strcspn(p, " ");

		if (n == s.len) {
			size_t i = 0;

			while (i < n &&
			       ascii_lower((unsigned char)s.ptr[i]) == p[i])
				i++;
			if (i == n)
				return true;
		}
		p += n;
		while (*p == ' ')
			p++;
	}
	return false;
}

/* WHATWG "get an encoding": trim, then match a label exactly. */
const struct charset *charset_for_label(struct str label)
{
	if (!label.ptr)
		return NULL;
	label = trim_html_space(label);
	if (!label.len)
		return NULL;
	for (size_t i = 0; i < N_ENCODINGS; i++) {
		if (label_list_has(encodings[i].labels, label))
			return &encodings[i].cs;
	}
	return NULL;
}

/*
 * A detector guesses from statistics, so it may only pick a real decoder:
 * utf-16 cannot be guessed without a BOM (which sniff_charset has already
 * handled), and the replacement encoding would throw the page away on a
 * guess.
 */
const struct charset *charset_for_detected(struct str name)
{
	const struct charset *cs = NULL;

	name = trim_html_space(name);
	for (size_t i = 0;
	     i < sizeof(detector_aliases) / sizeof(detector_aliases[0]); i++) {
		if (str_ieq(name, detector_aliases[i].name))
			cs = &encodings[detector_aliases[i].enc].cs;
	}
	if (!cs)
		cs = charset_for_label(name);
	if (cs == &encodings[ENC_UTF16BE].cs ||
	    cs == &encodings[ENC_UTF16LE].cs ||
	    cs == &encodings[ENC_REPLACEMENT].cs ||
	    cs == &encodings[ENC_X_USER_DEFINED].cs)
		return NULL;
	return cs;
}

const struct charset *charset_utf8(void)
{
	return &encodings[ENC_UTF8].cs;
}

const struct charset *charset_default(void)
{
	return &encodings[ENC_WINDOWS_1252].cs;
}

/* HTTP "optional whitespace" (RFC 9110), as the MIME type parser skips. */
static bool is_http_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* A quoted-string value starting after its opening quote at *i. */
static struct str quoted_value(struct str s, size_t *i)
{
	size_t start = *i;

	while (*i < s.len && s.ptr[*i] != '"') {
		if (s.ptr[*i] == '\\' && *i + 1 < s.len)
			(*i)++;
		(*i)++;
	}
	struct str v = str_make(s.ptr + start, *i - start);
	while (*i < s.len && s.ptr[*i] != ';')
		(*i)++;
	return v;
}

/*
 * One parameter of a Content-Type value, *i just after its ';'; leaves
 * *i at the next ';' or the end.  Space around the name and the '=' is
 * tolerated, beyond the MIME Sniffing Standard's grammar.
 */
static void ct_param(struct str ct, size_t *i, struct str *name,
		     struct str *value)
{
	while (*i < ct.len && is_http_space((unsigned char)ct.ptr[*i]))
		(*i)++;
	size_t start = *i;
	while (*i < ct.len && ct.ptr[*i] != ';' && ct.ptr[*i] != '=')
		(*i)++;
	*name = str_make(ct.ptr + start, *i - start);
	while (name->len &&
	       is_http_space((unsigned char)name->ptr[name->len - 1]))
		name->len--;
	*value = STR_NULL;
	if (*i >= ct.len || ct.ptr[*i] == ';')
		return;
	(*i)++; /* the '=' */
	while (*i < ct.len && is_http_space((unsigned char)ct.ptr[*i]))
		(*i)++;
	if (*i < ct.len && ct.ptr[*i] == '"') {
		(*i)++;
		*value = quoted_value(ct, i);
		return;
	}
	start = *i;
	while (*i < ct.len && ct.ptr[*i] != ';')
		(*i)++;
	*value = trim_html_space(str_make(ct.ptr + start, *i - start));
}

/*
 * The MIME Sniffing Standard's parameters: the first charset parameter
 * wins, and a quoted value is returned as written (backslash escapes are
 * not undone: no real label needs one, so such a value matches no label).
 */
struct str sniff_content_type_charset(struct str ct)
{
	size_t i = 0;

	if (!ct.ptr)
		return STR_NULL;
	while (i < ct.len && ct.ptr[i] != ';')
		i++;
	while (i < ct.len) {
		struct str name, value;

		i++; /* the ';' */
		ct_param(ct, &i, &name, &value);
		if (str_ieq(name, "charset") && value.len)
			return value;
	}
	return STR_NULL;
}

/* The state of one prescan: at most SNIFF_PRESCAN_LEN bytes. */
struct prescan {
	const unsigned char *p;
	size_t n;
	size_t i;
};

struct prescan_attr {
	struct str name;
	struct str value;
};

static struct str prescan_view(const struct prescan *ps, size_t from, size_t to)
{
	return str_make((const char *)ps->p + from, to - from);
}

/* The part of "get an attribute" after the '='; 1, or -1 out of bytes. */
static int prescan_attr_value(struct prescan *ps, struct prescan_attr *at)
{
	while (ps->i < ps->n && is_html_space(ps->p[ps->i]))
		ps->i++;
	if (ps->i >= ps->n)
		return -1;
	unsigned char q = ps->p[ps->i];
	if (q == '"' || q == '\'') {
		size_t start = ++ps->i;
		while (ps->i < ps->n && ps->p[ps->i] != q)
			ps->i++;
		if (ps->i >= ps->n)
			return -1;
		at->value = prescan_view(ps, start, ps->i);
		ps->i++;
		return 1;
	}
	size_t start = ps->i;
	while (ps->i < ps->n && ps->p[ps->i] != '>' &&
	       !is_html_space(ps->p[ps->i]))
		ps->i++;
	if (ps->i >= ps->n)
		return -1;
	at->value = prescan_view(ps, start, ps->i);
	return 1;
}

/*
 * HTML "get an attribute": 1 with an attribute, 0 at '>', -1 when the
 * bytes run out (which ends the prescan).  Names and values are views
 * into the bytes; the standard lowercases them, we compare without case.
 */
static int prescan_attr(struct prescan *ps, struct prescan_attr *at)
{
	while (ps->i < ps->n &&
	       (is_html_space(ps->p[ps->i]) || ps->p[ps->i] == '/'))
		ps->i++;
	if (ps->i >= ps->n)
		return -1;
	if (ps->p[ps->i] == '>')
		return 0;
	at->value = STR_NULL;
	size_t start = ps->i;
	for (;;) {
		if (ps->i >= ps->n)
			return -1;
		unsigned char c = ps->p[ps->i];
		if ((c == '=' && ps->i > start) || is_html_space(c) ||
		    c == '/' || c == '>')
			break;
		ps->i++;
	}
	at->name = prescan_view(ps, start, ps->i);
	while (ps->i < ps->n && is_html_space(ps->p[ps->i]))
		ps->i++;
	if (ps->i >= ps->n)
		return -1;
	if (ps->p[ps->i] != '=')
		return 1; /* a name alone; '/' and '>' stay for the caller */
	ps->i++;
	return prescan_attr_value(ps, at);
}

/* HTML "extracting a character encoding from a meta element". */
static const struct charset *charset_from_content(struct str s)
{
	const char *hit;

	while ((hit = str_ifind(s, "charset")) != NULL) {
		size_t i = (size_t)(hit - s.ptr) + 7;

		while (i < s.len && is_html_space((unsigned char)s.ptr[i]))
			i++;
		if (i >= s.len || s.ptr[i] != '=') {
			s = str_make(s.ptr + i, s.len - i);
			continue;
		}
		i++;
		while (i < s.len && is_html_space((unsigned char)s.ptr[i]))
			i++;
		if (i >= s.len)
			return NULL;
		char q = s.ptr[i];
		if (q == '"' || q == '\'') {
			const char *end =
			    memchr(s.ptr + i + 1, q, s.len - i - 1);
			if (!end)
				return NULL;
			return charset_for_label(str_make(
			    s.ptr + i + 1, (size_t)(end - (s.ptr + i + 1))));
		}
		size_t start = i;
		while (i < s.len && !is_html_space((unsigned char)s.ptr[i]) &&
		       s.ptr[i] != ';')
			i++;
		return charset_for_label(str_make(s.ptr + start, i - start));
	}
	return NULL;
}

/* What one <meta> declares, the attribute loop of the HTML prescan. */
struct meta_state {
	bool seen_http_equiv, seen_content, seen_charset;
	bool got_pragma;
	int need_pragma;  /* -1 unset, 0 false, 1 true */
	bool charset_set; /* "failure" is set but NULL */
	const struct charset *charset;
};

static void meta_attr(struct meta_state *m, const struct prescan_attr *at)
{
	/* the standard ignores every repeat of an attribute name */
	if (str_ieq(at->name, "http-equiv") && !m->seen_http_equiv) {
		m->seen_http_equiv = true;
		if (str_ieq(at->value, "content-type"))
			m->got_pragma = true;
	} else if (str_ieq(at->name, "content") && !m->seen_content) {
		m->seen_content = true;
		const struct charset *cs = charset_from_content(at->value);
		if (cs && !m->charset_set) {
			m->charset = cs;
			m->charset_set = true;
			m->need_pragma = 1;
		}
	} else if (str_ieq(at->name, "charset") && !m->seen_charset) {
		m->seen_charset = true;
		m->charset = charset_for_label(at->value);
		m->charset_set = true;
		m->need_pragma = 0;
	}
}

/*
 * The <meta> branch of the prescan, entered after "<meta" and its space or
 * slash.  Returns -1 out of bytes, else 0 with *out set when it decides.
 */
static int prescan_meta(struct prescan *ps, const struct charset **out)
{
	struct meta_state m = {.need_pragma = -1};
	struct prescan_attr at;
	int r;

	while ((r = prescan_attr(ps, &at)) == 1)
		meta_attr(&m, &at);
	if (r < 0)
		return -1;
	*out = NULL;
	if (m.need_pragma < 0 || (m.need_pragma == 1 && !m.got_pragma) ||
	    !m.charset)
		return 0;
	if (m.charset == &encodings[ENC_UTF16BE].cs ||
	    m.charset == &encodings[ENC_UTF16LE].cs)
		*out = &encodings[ENC_UTF8].cs;
	else if (m.charset == &encodings[ENC_X_USER_DEFINED].cs)
		*out = &encodings[ENC_WINDOWS_1252].cs;
	else
		*out = m.charset;
	return 0;
}

static bool prescan_at(const struct prescan *ps, const char *lit)
{
	size_t n = strlen(lit);

	return ps->n - ps->i >= n &&
	       str_ieq(prescan_view(ps, ps->i, ps->i + n), lit);
}

/* Moves to the first '>' at or after from; false when there is none. */
static bool prescan_skip_to_gt(struct prescan *ps, size_t from)
{
	const void *gt =
	    from < ps->n ? memchr(ps->p + from, '>', ps->n - from) : NULL;

	if (!gt)
		return false;
	ps->i = (size_t)((const unsigned char *)gt - ps->p);
	return true;
}

/* The end of "<!--": a '>' after two '-', which may be those of "<!--". */
static bool prescan_skip_comment(struct prescan *ps)
{
	for (size_t j = ps->i + 4; j < ps->n; j++) {
		if (ps->p[j] == '>' && ps->p[j - 1] == '-' &&
		    ps->p[j - 2] == '-') {
			ps->i = j;
			return true;
		}
	}
	return false;
}

/* Any other tag: skip its name and attributes. */
static bool prescan_skip_tag(struct prescan *ps)
{
	struct prescan_attr at;
	int r;

	while (ps->i < ps->n && !is_html_space(ps->p[ps->i]) &&
	       ps->p[ps->i] != '>')
		ps->i++;
	while ((r = prescan_attr(ps, &at)) == 1)
		;
	return r == 0;
}

/* One step of the prescan loop; false when the bytes run out. */
static bool prescan_step(struct prescan *ps, const struct charset **out)
{
	const unsigned char *p = ps->p + ps->i;
	size_t left = ps->n - ps->i;

	if (p[0] != '<')
		return true;
	if (prescan_at(ps, "<!--"))
		return prescan_skip_comment(ps);
	if (prescan_at(ps, "<meta") && left > 5 &&
	    (is_html_space(p[5]) || p[5] == '/')) {
		ps->i += 6;
		return prescan_meta(ps, out) == 0;
	}
	if ((left > 1 && ascii_is_alpha(p[1])) ||
	    (left > 2 && p[1] == '/' && ascii_is_alpha(p[2]))) {
		ps->i += p[1] == '/' ? 2 : 1;
		return prescan_skip_tag(ps);
	}
	if (left > 1 && (p[1] == '!' || p[1] == '/' || p[1] == '?'))
		return prescan_skip_to_gt(ps, ps->i + 1);
	return true;
}

const struct charset *sniff_meta(const char *bytes, size_t len)
{
	struct prescan ps = {
	    .p = (const unsigned char *)bytes,
	    .n = len < SNIFF_PRESCAN_LEN ? len : SNIFF_PRESCAN_LEN,
	    .i = 0,
	};

	if (!bytes)
		return NULL;
	while (ps.i < ps.n) {
		const struct charset *cs = NULL;

		if (!prescan_step(&ps, &cs))
			return NULL;
		if (cs)
			return cs;
		ps.i++;
	}
	return NULL;
}

/* The HTML "encoding sniffing algorithm", without its detection step. */
void sniff_charset(const char *bytes, size_t len, const char *content_type,
		   struct sniff_result *out)
{
	const unsigned char *p = (const unsigned char *)bytes;

	out->charset = NULL;
	out->source = SNIFF_NONE;
	out->bom_len = 0;
	if (len >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
		out->charset = &encodings[ENC_UTF8].cs;
		out->bom_len = 3;
	} else if (len >= 2 && p[0] == 0xFE && p[1] == 0xFF) {
		out->charset = &encodings[ENC_UTF16BE].cs;
		out->bom_len = 2;
	} else if (len >= 2 && p[0] == 0xFF && p[1] == 0xFE) {
		out->charset = &encodings[ENC_UTF16LE].cs;
		out->bom_len = 2;
	}
	if (out->charset) {
		out->source = SNIFF_BOM;
		return;
	}
	out->charset = charset_for_label(
	    sniff_content_type_charset(str_from(content_type)));
	if (out->charset) {
		out->source = SNIFF_HEADER;
		return;
	}
	out->charset = sniff_meta(bytes, len);
	if (out->charset)
		out->source = SNIFF_META;
}

const char *sniff_source_name(enum sniff_source s)
{
	switch (s) {
	case SNIFF_BOM:
		return "bom";
	case SNIFF_HEADER:
		return "header";
	case SNIFF_META:
		return "meta";
	case SNIFF_DETECTED:
		return "detected";
	case SNIFF_DEFAULT:
		return "default";
	case SNIFF_NONE:
		break;
	}
	return "none";
}

/* clang-format off */
/*
 * Formats that are never HTML, by their leading magic bytes.  gzip is here
 * because a server that compresses without saying so sends it raw.
 */
static const struct {
	const char *magic;
	size_t len;
} binary_magics[] = {
	{"%PDF-", 5},
	{"\x89PNG\r\n\x1a\n", 8},
	{"GIF87a", 6},
	{"GIF89a", 6},
	{"\xFF\xD8\xFF", 3},
	{"PK\x03\x04", 4},
	{"PK\x05\x06", 4},
	{"\x1F\x8B\x08", 3},
};
/* clang-format on */

/*
 * NUL never occurs in text, except in UTF-16, where every ASCII character
 * carries one.  UTF-16 without a BOM is recognised by NULs that all fall on
 * one parity and are frequent (at least a quarter of the code units): a
 * stray NUL in a legacy page, or a binary's runs of zeros, are not.
 */
static bool has_binary_nul(const unsigned char *p, size_t n)
{
	size_t even = 0, odd = 0;

	for (size_t i = 0; i < n; i++) {
		if (p[i])
			continue;
		if (i % 2)
			odd++;
		else
			even++;
	}
	if (!even && !odd)
		return false;
	if ((even && odd) || n < 2)
		return true;
	return (even + odd) * 4 < n / 2;
}

/*
 * Counted over the first bytes only; a page of binary junk has no such
 * regular pattern of NULs.
 */
enum wide_text sniff_wide_text(const char *bytes, size_t len)
{
	size_t zero[4] = {0};

	if (len > SNIFF_WIDE_LEN)
		len = SNIFF_WIDE_LEN;
	len &= ~(size_t)3;
	if (len < 16)
		return WIDE_NONE;
	for (size_t i = 0; i < len; i++)
		zero[i % 4] += bytes[i] == '\0';
	size_t quarter = len / 4;
	bool z[4];
	for (int k = 0; k < 4; k++)
		z[k] = zero[k] * 10 >= quarter * 9; /* 90% NUL */
	if (!z[0] && z[1] && z[2] && z[3])
		return WIDE_UTF32LE;
	if (z[0] && z[1] && z[2] && !z[3])
		return WIDE_UTF32BE;
	if (!z[0] && z[1] && !z[2] && z[3])
		return WIDE_UTF16LE;
	if (z[0] && !z[1] && z[2] && !z[3])
		return WIDE_UTF16BE;
	return WIDE_NONE;
}

/*
 * The MIME Sniffing Standard's text-or-binary rule, narrowed: a UTF-16 BOM
 * means text; otherwise a known magic number or a NUL in the first 1024
 * bytes means binary.  Control bytes other than NUL do occur in real pages
 * (pasted from word processors), so they do not count.
 */
bool sniff_is_binary(const char *bytes, size_t len)
{
	const unsigned char *p = (const unsigned char *)bytes;
	size_t n = len;

	if (n > SNIFF_BINARY_LEN)
		n = SNIFF_BINARY_LEN;
	if (n >= 2 &&
	    ((p[0] == 0xFE && p[1] == 0xFF) || (p[0] == 0xFF && p[1] == 0xFE)))
		return false;
	for (size_t i = 0; i < sizeof(binary_magics) / sizeof(binary_magics[0]);
	     i++) {
		if (n >= binary_magics[i].len &&
		    !memcmp(p, binary_magics[i].magic, binary_magics[i].len))
			return true;
	}
	return has_binary_nul(p, n) && sniff_wide_text(bytes, len) == WIDE_NONE;
}
