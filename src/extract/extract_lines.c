/*
 * extract_lines.c - short lines around an article that are not its text:
 * datelines ("Updated 10:01 pm PST, Tuesday, November 19, 2019") and
 * bylines ("By Jane Doe - 11/18/19").  Readers see them as page chrome;
 * the body keeps only what the author wrote as the article.
 *
 * A line qualifies only when it is short and made mostly of date words,
 * numbers and names, so a sentence that merely contains a date stays.
 * To extend: add month, weekday or label words (lower case) to the tables.
 */
#include "extract/heuristics.h"

#include <string.h>

enum {
	LINE_MAX_BYTES = 120,
	BYLINE_MAX_WORDS = 10,
	TEASER_MAX_BYTES = 160,
	PROMO_MAX_BYTES = 260,
	CREDIT_MAX_BYTES = 300,
	PROMO_THRESHOLD = 3,
	CHROME_MAX_BYTES = 80,
	PROMO_OPENER_MAX_BYTES = 160,
	COMMENT_NOTICE_MAX_BYTES = 200,
	POST_META_MAX_BYTES = 200,
	/* a name, not a caption that starts with "Image:" */
	PICTURE_CREDIT_MAX_BYTES = 64,
};

/* True if the line opens with one of the words (any case). */
static bool opens_with_any(struct str line, const char *const *words,
			   size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (str_starts_with_i(line, words[i]))
			return true;
	}
	return false;
}

static const char *const date_words[] = {
	/* English */
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
	"am", "pm", "a.m", "p.m", "updated", "published", "posted", "modified",
	"last", "on", "at", "of", "est", "edt", "cst", "cdt", "pst", "pdt",
	"mst", "mdt", "gmt", "utc", "bst", "cet", "cest", "ist", "et", "pt",
	"ago", "hours", "hour", "minutes", "min", "mins", "days", "day",
	"today", "yesterday", "read", "time",
	/* German, French, Spanish, Portuguese, Italian */
	"januar", "februar", "märz", "mai", "juni", "juli", "oktober",
	"dezember", "aktualisiert", "veröffentlicht", "am", "um", "uhr",
	"janvier", "février", "mars", "avril", "juin", "juillet", "août",
	"septembre", "octobre", "novembre", "décembre", "le", "à", "mis",
	"jour", "publié", "enero", "febrero", "marzo", "abril", "mayo",
	"junio", "julio", "agosto", "septiembre", "octubre", "noviembre",
	"diciembre", "de", "del", "janeiro", "fevereiro", "março", "maio",
	"junho", "julho", "setembro", "outubro", "novembro", "dezembro",
	"às", "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira",
	"sexta-feira", "sábado", "domingo", "gennaio", "febbraio", "aprile",
	"maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
	/* Dutch, Indonesian */
	"januari", "februari", "maart", "maret", "mei", "augustus",
	"agustus", "desember", "oleh", "pada", "door", "op",
};

static const char *const byline_openers[] = {
	"by ", "von ", "par ", "por ", "di ", "door ", "written by ",
	"posted by ", "reporting by ", "story by ", "text by ",
};

static bool is_date_word(const char *w, size_t n)
{
	char low[32];

	if (n == 0 || n >= sizeof(low))
		return false;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)ascii_lower((unsigned char)w[i]);
	low[n] = '\0';
	for (size_t i = 0; i < sizeof(date_words) / sizeof(date_words[0]); i++) {
		if (!strcmp(low, date_words[i]))
			return true;
	}
	return false;
}

static bool has_digit(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ascii_is_digit((unsigned char)w[i]))
			return true;
	}
	return false;
}

static bool is_word_char(unsigned char ch)
{
	return ch >= 0x80 || ascii_is_alnum(ch) || ch == '-' || ch == '.';
}

/*
 * True for a line made of dates and times: every word is a number, a
 * month, a weekday, a time-zone or a label like "Updated", with at least
 * one number, and nothing else but at most two other words (a name).
 */
bool line_is_dateline(const char *s, size_t len)
{
	size_t words = 0, dateish = 0, numbers = 0;

	if (len > LINE_MAX_BYTES)
		return false;
	for (size_t i = 0; i < len;) {
		while (i < len && !is_word_char((unsigned char)s[i]))
			i++;
		size_t start = i;
		while (i < len && is_word_char((unsigned char)s[i]))
			i++;
		size_t n = i - start;
		while (n && (s[start + n - 1] == '.' || s[start + n - 1] == '-'))
			n--;
		if (!n)
			continue;
		words++;
		if (has_digit(s + start, n)) {
			numbers++;
			dateish++;
		} else if (is_date_word(s + start, n)) {
			dateish++;
		}
	}
	return numbers > 0 && words > 0 && words - dateish <= 2 &&
	       dateish * 2 > words;
}

/* "By Jane Doe", "By Jane Doe and John Roe - 11/18/19 11:04 PM EST". */
bool line_is_byline(const char *s, size_t len)
{
	if (len > LINE_MAX_BYTES)
		return false;
	struct str line = str_make(s, len);
	for (size_t i = 0;
	     i < sizeof(byline_openers) / sizeof(byline_openers[0]); i++) {
		if (!str_starts_with_i(line, byline_openers[i]))
			continue;
		size_t words = 0;
		bool in = false;
		for (size_t k = 0; k < len; k++) {
			bool sp = s[k] == ' ';
			words += !sp && !in;
			in = !sp;
		}
		/* a sentence starting "By the end ..." ends with a stop */
		bool sentence = s[len - 1] == '.' || s[len - 1] == '!' ||
				s[len - 1] == '?';
		return words <= BYLINE_MAX_WORDS && !sentence;
	}
	return false;
}

/*
 * "Read also: <headline>", "Lesen Sie auch", "Explore further": pointers
 * to other pages set between paragraphs.  Matched at the start of a
 * short line only.
 */
static const char *const teaser_labels[] = {
	"read more", "read also", "also read", "see also", "related:",
	"related post:", "related article:", "related story:", "related link:",
	"related articles", "related stories", "related posts", "more:",
	"explore further", "recommended", "you may also like",
	"you might also like", "don't miss", "watch:", "listen:",
	"lesen sie auch", "lesen sie mehr", "schon gelesen", "weiterlesen",
	"auch interessant", "das k\xc3\xb6nnte sie auch interessieren",
	"lire aussi", "\xc3\xa0 lire aussi", "voir aussi", "lea tambi\xc3\xa9n",
	"lee tambi\xc3\xa9n", "ver tambi\xc3\xa9n", "mire:", "leia tamb\xc3\xa9m",
	"leia mais", "veja tamb\xc3\xa9m", "leggi anche", "vedi anche",
	/* Russian "read also" */
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 \xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",
};

bool line_is_teaser(const char *s, size_t len)
{
	if (len > TEASER_MAX_BYTES)
		return false;
	return opens_with_any(str_make(s, len), teaser_labels,
			      COUNT(teaser_labels));
}

/*
 * Calls to action set among paragraphs: follow us, subscribe, sign up
 * for the newsletter, reach the author.  Each cue has a weight; a short
 * block needs PROMO_THRESHOLD, so an article that mentions Twitter once
 * keeps its sentence.
 */
struct cue {
	const char *text;
	int weight;
};

static const struct cue promo_cues[] = {
	{"follow us", 2}, {"follow him", 2}, {"follow her", 2},
	{"follow them", 2}, {"follow me", 2}, {"on twitter", 1},
	{"on facebook", 1}, {"on instagram", 1}, {"on linkedin", 1},
	{"subscribe to", 2}, {"subscribe now", 3}, {"sign up for", 2},
	{"sign up to", 2}, {"newsletter", 2}, {"to your inbox", 2},
	{"in your inbox", 2}, {"delivered to your", 1}, {"click here", 1},
	{"may be reached at", 3}, {"can be reached at", 3},
	{"have a tip?", 2}, {"got a tip?", 2}, {"send us", 1},
	{"join our", 1}, {"download our app", 3}, {"get the app", 2},
	{"support our journalism", 3}, {"become a member", 2},
	{"share it with", 2}, {"subscribe to our", 3},
	{"click here for more information", 2}, {"like this story?", 2}, {"like this article?", 2},
	{"abonnieren", 2}, {"newsletter abonnieren", 3}, {"folgen sie uns", 3},
	{"suivez-nous", 3}, {"abonnez-vous", 3}, {"s\xc3\xadguenos", 3},
	{"suscr\303\255bete", 3}, {"siga-nos", 3}, {"seguici", 3},
};

/* A short line that opens with the call itself ("Subscribe to ..."). */
static const char *const promo_openers[] = {
	"subscribe to ", "subscribe for ", "sign up for ", "sign up to ",
	"follow us ", "follow our ",
};

bool line_is_promo(const char *s, size_t len)
{
	if (len > PROMO_MAX_BYTES)
		return false;
	struct str line = str_make(s, len);
	int score = 0;
	if (len <= PROMO_OPENER_MAX_BYTES &&
	    opens_with_any(line, promo_openers, COUNT(promo_openers)))
		return true;
	for (size_t i = 0; i < COUNT(promo_cues); i++) {
		if (str_icontains(line, promo_cues[i].text))
			score += promo_cues[i].weight;
	}
	return score >= PROMO_THRESHOLD;
}

/*
 * Wire-service credits closing a story: "(Reporting by ...; Editing by
 * ...)", "... contributed to this report."
 */
bool line_is_credit(const char *s, size_t len)
{
	static const char *const openers[] = {
		"reporting by", "(reporting by", "additional reporting by",
		"editing by", "(editing by", "compiled by", "writing by",
		"(writing by", "mitarbeit:", "avec afp", "with afp",
	};
	if (len > CREDIT_MAX_BYTES)
		return false;
	struct str line = str_make(s, len);
	return opens_with_any(line, openers, COUNT(openers)) ||
	       str_icontains(line, "contributed to this report") ||
	       str_icontains(line, "contributed reporting");
}

/*
 * Labels a page prints beside its furniture ("Advertisement", "Share")
 * and notices a player or a gallery shows in place of itself ("Media
 * playback is unsupported on your device").  The whole line must be the
 * label, so a sentence that mentions an advertisement stays.
 */
static const char *const chrome_labels[] = {
	"advert", "advertisement", "advertising", "sponsored", "ad",
	"anzeige", "werbung", "publicidad", "publicité", "pubblicità",
	"publicidade", "реклама", "share", "share this", "share this article",
	"share this story", "tweet", "print", "email", "continue reading",
	"skip advert", "skip ad", "scroll to continue", "story continues below",
	"article continues below", "continue reading below",
	/* gallery and player controls */
	"close", "caption", "hide caption", "toggle caption", "expand",
	"enlarge", "enlarge this image", "fullscreen", "view gallery",
	"open gallery", "play video", "watch video",
	/* labels over a box of other stories */
	"trending", "trending now", "trending news", "related news",
	"related", "related stories", "related articles", "more stories",
	"most read", "most popular", "subscribe", "recommended",
};

static const char *const chrome_notices[] = {
	/* reading time */
	"reading time", "tempo de leitura", "tiempo de lectura",
	"temps de lecture", "lesezeit", "tempo di lettura",
	"\xd0\xb2\xd1\x80\xd0\xb5\xd0\xbc\xd1\x8f \xd1\x87\xd1\x82\xd0\xb5\xd0\xbd\xd0\xb8\xd1\x8f",
	/* a copyright line: the site's, or a picture's */
	"\xc2\xa9", "copyright \xc2\xa9", "(c) ",
	"media playback is unsupported", "this slideshow requires javascript",
	"your browser does not support", "please enable javascript",
	"you need to enable javascript", "javascript is required",
	"javascript is disabled",
};

/* Who took a picture, said on a line of its own. */
static const char *const picture_credit_openers[] = {
	"image copyright", "image credit", "(image credit", "image source",
	"photo credit", "(photo credit", "picture credit", "copyright image",
	"image:", "(image:", "photo:", "(photo:", "foto:", "bild:",
	"bildquelle", "fonte:", "crédit photo", "crédits photo",
};

static struct str trim_line(const char *s, size_t len)
{
	while (len && (ascii_is_space((unsigned char)s[len - 1]) ||
		       strchr(".:!…", s[len - 1])))
		len--;
	while (len && ascii_is_space((unsigned char)*s)) {
		s++;
		len--;
	}
	return str_make(s, len);
}

bool line_is_chrome(const char *s, size_t len)
{
	if (len > CHROME_MAX_BYTES)
		return false;
	struct str line = trim_line(s, len);
	for (size_t i = 0; i < COUNT(chrome_labels); i++) {
		if (str_ieq(line, chrome_labels[i]))
			return true;
	}
	return opens_with_any(line, chrome_notices, COUNT(chrome_notices)) ||
	       (line.len <= PICTURE_CREDIT_MAX_BYTES &&
		opens_with_any(line, picture_credit_openers,
			       COUNT(picture_credit_openers)));
}

/*
 * What a comment box says about itself ("Comments are closed.", "we are
 * moderating all comments", "comments ... will not be approved by the
 * moderator"): a comment word and a word of its rules, in a short line.
 */
static const char *const comment_words[] = {
	"comment", "coment\xc3\xa1rio", "comentario", "kommentar",
	"commentaire", "commento", "commenti",
};

static const char *const comment_rule_words[] = {
	"moderat", "are closed", "is closed", "closed for", "approved",
	"aprovados", "aprobados", "freigeschaltet", "spam", "guidelines",
	"fermés", "chiusi",
};

bool line_is_comment_notice(const char *s, size_t len)
{
	if (len > COMMENT_NOTICE_MAX_BYTES)
		return false;
	struct str line = str_make(s, len);
	return str_ifind_any(line, comment_words, COUNT(comment_words)) >= 0 &&
	       str_ifind_any(line, comment_rule_words,
			     COUNT(comment_rule_words)) >= 0;
}

/*
 * The line a blog engine prints over a post: "05/10/2018 - Posted by:
 * Jane Doe - Category: Health - Tags: ferry".  Two of its labels, or one
 * with a date, in a short line that is not a sentence.
 */
static const char *const post_meta_labels[] = {
	"posted by", "posted in", "posted on", "written by", "filed under",
	"category:", "categories:", "tags:", "publicado por", "publicado em",
	"categoria:", "publi\xc3\xa9 par", "cat\xc3\xa9gorie", "ver\303\266ffentlicht von",
	"kategorie:", "pubblicato da", "etiquetas:",
};

static bool has_digits_date(const char *s, size_t len)
{
	for (size_t i = 0; i + 4 < len; i++) {
		if (ascii_is_digit((unsigned char)s[i]) &&
		    (s[i + 1] == '/' || s[i + 1] == '.' || s[i + 1] == '-' ||
		     (ascii_is_digit((unsigned char)s[i + 1]) &&
		      (s[i + 2] == '/' || s[i + 2] == '.' || s[i + 2] == '-'))))
			return true;
	}
	return false;
}

bool line_is_post_meta(const char *s, size_t len)
{
	if (!len || len > POST_META_MAX_BYTES || s[len - 1] == '.' ||
	    s[len - 1] == '!' || s[len - 1] == '?')
		return false;
	struct str line = str_make(s, len);
	int labels = 0;
	for (size_t i = 0; i < COUNT(post_meta_labels); i++)
		labels += str_icontains(line, post_meta_labels[i]);
	return labels >= 2 || (labels == 1 && has_digits_date(s, len));
}
