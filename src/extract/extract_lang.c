/*
 * extract_lang.c - the declared language against the text's script.
 *
 * Templates declare a language once for a whole site, so a page in
 * Russian can say lang="en".  Counting the letters of each script is
 * cheap and settles the gross cases: when most letters are in a script
 * the declared language is not written in, the declaration is dropped,
 * or replaced where the script itself names the language (Greek, Hebrew,
 * Thai, kana, hangul, Chinese characters alone).  Telling languages that
 * share a script apart is left undone: that needs a language model.
 */
#include "extract/heuristics.h"

#include <string.h>

#include "base/arena.h"
#include "base/utf8.h"

enum script {
	SCRIPT_LATIN, SCRIPT_CYRILLIC, SCRIPT_GREEK, SCRIPT_ARABIC,
	SCRIPT_HEBREW, SCRIPT_HAN, SCRIPT_KANA, SCRIPT_HANGUL, SCRIPT_THAI,
	SCRIPT_DEVANAGARI, SCRIPT_COUNT, SCRIPT_OTHER = SCRIPT_COUNT,
};

enum {
	/* fewer letters than this say nothing about a page's language */
	SCRIPT_MIN_LETTERS = 200,
	/* bytes of text looked at: enough to know the script */
	SCRIPT_SAMPLE_BYTES = 64 * 1024,
};

/* Unicode blocks of each script (letters only, roughly). */
static const struct {
	uint32_t lo, hi;
	enum script script;
} script_ranges[] = {
	{'A', 'Z', SCRIPT_LATIN}, {'a', 'z', SCRIPT_LATIN},
	{0x00C0, 0x024F, SCRIPT_LATIN}, {0x1E00, 0x1EFF, SCRIPT_LATIN},
	{0x0370, 0x03FF, SCRIPT_GREEK}, {0x0400, 0x052F, SCRIPT_CYRILLIC},
	{0x0590, 0x05FF, SCRIPT_HEBREW}, {0x0600, 0x06FF, SCRIPT_ARABIC},
	{0x0750, 0x077F, SCRIPT_ARABIC}, {0x0900, 0x097F, SCRIPT_DEVANAGARI},
	{0x0E00, 0x0E7F, SCRIPT_THAI}, {0x1100, 0x11FF, SCRIPT_HANGUL},
	{0x3040, 0x30FF, SCRIPT_KANA}, {0x3400, 0x4DBF, SCRIPT_HAN},
	{0x4E00, 0x9FFF, SCRIPT_HAN}, {0xAC00, 0xD7AF, SCRIPT_HANGUL},
};

/*
 * Which scripts a language is written in (bits of enum script).  Only
 * languages listed here are checked.  To extend: add the ISO 639-1 code.
 */
#define S(x) (1u << SCRIPT_##x)
static const struct {
	const char *lang;
	unsigned scripts;
} lang_scripts[] = {
	{"en", S(LATIN)}, {"de", S(LATIN)}, {"fr", S(LATIN)}, {"es", S(LATIN)},
	{"it", S(LATIN)}, {"pt", S(LATIN)}, {"nl", S(LATIN)}, {"sv", S(LATIN)},
	{"da", S(LATIN)}, {"no", S(LATIN)}, {"nb", S(LATIN)}, {"fi", S(LATIN)},
	{"pl", S(LATIN)}, {"cs", S(LATIN)}, {"sk", S(LATIN)}, {"sl", S(LATIN)},
	{"hr", S(LATIN)}, {"hu", S(LATIN)}, {"ro", S(LATIN)}, {"tr", S(LATIN)},
	{"et", S(LATIN)}, {"lv", S(LATIN)}, {"lt", S(LATIN)}, {"id", S(LATIN)},
	{"ms", S(LATIN)}, {"vi", S(LATIN)}, {"ca", S(LATIN)}, {"ga", S(LATIN)},
	{"ru", S(CYRILLIC)}, {"uk", S(CYRILLIC)}, {"be", S(CYRILLIC)},
	{"bg", S(CYRILLIC)}, {"mk", S(CYRILLIC)}, {"kk", S(CYRILLIC)},
	{"el", S(GREEK)}, {"ar", S(ARABIC)}, {"fa", S(ARABIC)},
	{"ur", S(ARABIC)}, {"he", S(HEBREW)}, {"iw", S(HEBREW)},
	{"zh", S(HAN)}, {"ja", S(HAN) | S(KANA)}, {"ko", S(HANGUL) | S(HAN)},
	{"th", S(THAI)}, {"hi", S(DEVANAGARI)}, {"mr", S(DEVANAGARI)},
	{"ne", S(DEVANAGARI)},
};
#undef S

/* The language a script alone gives away, or NULL when several share it. */
static const char *const script_language[SCRIPT_COUNT] = {
	[SCRIPT_GREEK] = "el", [SCRIPT_HEBREW] = "he", [SCRIPT_HAN] = "zh",
	[SCRIPT_KANA] = "ja", [SCRIPT_HANGUL] = "ko", [SCRIPT_THAI] = "th",
};

static enum script script_of(uint32_t cp)
{
	for (size_t i = 0; i < sizeof(script_ranges) / sizeof(script_ranges[0]); i++) {
		if (cp >= script_ranges[i].lo && cp <= script_ranges[i].hi)
			return script_ranges[i].script;
	}
	return SCRIPT_OTHER;
}

/* The script of most letters, or SCRIPT_OTHER when too few to tell. */
static enum script main_script(const char *text)
{
	unsigned long count[SCRIPT_COUNT + 1] = {0}, letters = 0;
	size_t len = strlen(text);

	if (len > SCRIPT_SAMPLE_BYTES)
		len = SCRIPT_SAMPLE_BYTES;
	for (size_t i = 0; i < len;) {
		uint32_t cp = (unsigned char)text[i];
		i += cp < 0x80 ? 1 : utf8_decode(text + i, len - i, &cp);
		enum script s = script_of(cp);
		count[s]++;
		letters += s != SCRIPT_OTHER;
	}
	/* Japanese writes kanji beside kana: any real share of kana is it */
	if (count[SCRIPT_KANA] * 10 >= count[SCRIPT_HAN] + count[SCRIPT_KANA] &&
	    count[SCRIPT_KANA]) {
		count[SCRIPT_KANA] += count[SCRIPT_HAN];
		count[SCRIPT_HAN] = 0;
	}
	enum script best = SCRIPT_OTHER;
	for (int s = 0; s < SCRIPT_COUNT; s++) {
		if (best == SCRIPT_OTHER || count[s] > count[best])
			best = (enum script)s;
	}
	if (letters < SCRIPT_MIN_LETTERS || count[best] * 2 < letters)
		return SCRIPT_OTHER;
	return best;
}

const char *meta_language(struct page_ctx *c, const char *declared,
			  const char *text)
{
	if (!declared)
		return NULL;
	struct str tag = str_trim(str_from(declared));
	char *norm = arena_strndup(c->a, tag.ptr, tag.len);
	size_t primary = 0;

	/* og:locale writes "en_US" */
	for (char *p = norm; *p; p++)
		*p = *p == '_' ? '-' : *p;
	while (norm[primary] && norm[primary] != '-')
		primary++;
	if (!*norm || !text)
		return *norm ? norm : NULL;
	enum script seen = main_script(text);
	if (seen == SCRIPT_OTHER)
		return norm;
	for (size_t i = 0; i < sizeof(lang_scripts) / sizeof(lang_scripts[0]); i++) {
		if (strlen(lang_scripts[i].lang) != primary ||
		    !str_ieq_mem(norm, lang_scripts[i].lang, primary))
			continue;
		if (lang_scripts[i].scripts & (1u << seen))
			return norm;
		/* a template's "en" on a page in another script */
		return script_language[seen];
	}
	return norm;
}
