/*
 * extract_errpage.c - is this page an error page, and what kind?
 *
 * The page's own words and markup are gathered as pieces of evidence,
 * each with a kind and a rank (how much it says, see enum rank): a
 * challenge platform's markup, a status code in a heading ("404"), an
 * error phrase in a heading, in the title or in the text of a small
 * page, a generic word such as "Error" standing alone, a sign-in title
 * or form.  The strongest piece names the kind; two refinements follow,
 * because some pages carry several messages: any bot-challenge evidence
 * makes the page a challenge, and a denial worded as a phrase becomes
 * "blocked" when the page also speaks of a block (an IP ban, a firewall).
 *
 * Invariants:
 *  - An HTTP error status (>= 400) decides that the page is an error
 *    page; the page's words only choose among the kinds that status
 *    allows (a 503 may be a challenge, never a not_found).
 *  - With a success status (or none) the page is a soft error page only
 *    with evidence AND little main text: an article that mentions "404"
 *    or "access denied" has the words but also the text, and stays an
 *    article.  Weaker evidence needs even less text; a page that
 *    presents itself as content (a date, an author, an article type)
 *    or is a document in sections needs very little or none.
 *  - Words about an error are not an error message: a headline that
 *    goes on past the phrase ("Access denied: court keeps ..."), or a
 *    sentence quoting "HTTP error 404", gives no evidence.
 *  - error.evidence names what decided, for a person to audit.
 *
 * The tables of phrases, generic words, sign-in wording and challenge
 * signatures are in errpage_lexicon.c, with a note on how to extend them.
 */
#include "extract/heuristics.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "extract/errpage_lexicon.h"
#include "extract/phrase.h"

enum {
	/* More prose than this is a content page, whatever its words (the
	 * error pages we know have a few hundred characters at most). */
	SOFT_MAX_MAIN_CHARS = 1200,
	/* A title alone says less than a heading: it may be a headline. */
	TITLE_MAX_MAIN_CHARS = 800,
	/* Evidence read only in the running text needs a short page. */
	TEXT_MAX_MAIN_CHARS = 600,
	/* A sign-in page is a form and a few lines. */
	LOGIN_MAX_MAIN_CHARS = 1000,
	/* A generic word ("Error", "Oops") decides only on a nearly empty page. */
	WEAK_MAX_MAIN_CHARS = 500,
	/* A page that presents itself as content (a date, an author, an
	 * article type) is an error page only if very short. */
	ARTICLE_MAX_MAIN_CHARS = 300,
	/* This many headings about other things make a document. */
	STRUCTURED_MIN_HEADINGS = 3,
	/* Pages with less visible text are read whole, not just the main text. */
	SMALL_PAGE_CHARS = 2000,
	/* A status code counts only on a line, or in a title or heading, this
	 * short, unless the text shows it is one (see status_code_in). */
	CODE_LINE_MAX_BYTES = 64,
	CODE_LINE_MAX_WORDS = 5,
	/* ... or where a longer line starts ("Description: HTTP 404. ...") */
	CODE_LEAD_MAX_BYTES = 32,
	/* "Access denied: court keeps the archive closed" is a headline */
	KICKER_MIN_WORDS = 4,
	/* A sign-in title segment or heading is short and starts (a title
	 * segment may also end) with the phrase; headings h1 and h2 only. */
	LOGIN_TITLE_MAX_WORDS = 6,
	LOGIN_HEADING_MAX_LEVEL = 2,
	HEADINGS_MAX = 24,
	TEXT_BLOCKS_MAX = 200,
	SCRIPT_SCAN_MAX_BYTES = 64 * 1024,
	DETAIL_MAX = 80,
	EVIDENCE_MAX = 320,
};

/* How much a piece of evidence says, weakest first. */
enum rank {
	RANK_NONE = 0,
	RANK_WEAK,           /* a generic word as a whole title segment or
				heading */
	RANK_LOGIN,          /* a sign-in title, or a sign-in heading with a
				password field */
	RANK_TEXT_PHRASE,    /* an error phrase in the text of a small page */
	RANK_TITLE_PHRASE,
	RANK_HEADING_PHRASE,
	RANK_TEXT_CODE,      /* "404" on a short line, or "HTTP 404" opening
				a line of text */
	RANK_CODE,           /* "404" in the title or a heading */
	RANK_SIGNATURE,      /* markup only a challenge or error template has */
};

struct evidence {
	enum page_error_kind kind;
	enum rank rank;
	const char *what;       /* "heading phrase", "title status code" ... */
	char detail[DETAIL_MAX]; /* the phrase or code that matched */
};

struct findings {
	struct evidence best;      /* the strongest piece of any kind */
	struct evidence challenge; /* the strongest bot-challenge piece */
	struct evidence blocked;   /* the strongest "blocked" piece */
	bool password;             /* the page has a password field */
};

static void note(struct evidence *slot, enum page_error_kind kind,
		 enum rank rank, const char *what, const char *detail)
{
	if (rank <= slot->rank)
		return; /* the earlier of two equal pieces stands */
	slot->kind = kind;
	slot->rank = rank;
	slot->what = what;
	snprintf(slot->detail, sizeof(slot->detail), "%s", detail);
}

static void record(struct findings *fd, enum page_error_kind kind,
		   enum rank rank, const char *what, const char *detail)
{
	note(&fd->best, kind, rank, what, detail);
	if (kind == PAGE_CHALLENGE)
		note(&fd->challenge, kind, rank, what, detail);
	else if (kind == PAGE_BLOCKED)
		note(&fd->blocked, kind, rank, what, detail);
}

static size_t kind_position(enum page_error_kind kind)
{
	for (size_t i = 0; i < kind_order_count; i++) {
		if (kind_order[i] == kind)
			return i;
	}
	return kind_order_count;
}

/* The most specific phrase of the table found in f, or NULL. */
static const struct error_phrase *match_phrases(const struct folded *f,
						unsigned where)
{
	const struct error_phrase *best = NULL;

	for (size_t i = 0; i < error_phrases_count; i++) {
		const struct error_phrase *p = &error_phrases[i];
		if (!(p->where & where) || !fold_find(f, p->text))
			continue;
		if (!best || kind_position(p->kind) < kind_position(best->kind))
			best = p;
	}
	return best;
}

/* Punctuation around a title segment or a heading ("Oops!", "« Erreur »"). */
static size_t punct_len(const char *s, size_t len, bool at_end)
{
	static const char *const marks[] = {
		"\xe2\x80\xa6", "\xc2\xab", "\xc2\xbb", "\xc2\xa1", "\xc2\xbf",
		"\xe3\x80\x82", "\xe3\x80\x81",
	};
	unsigned char ch = (unsigned char)(at_end ? s[len - 1] : s[0]);

	if (ch < 0x80)
		return strchr(" !.?,:;\"'()[]*-", ch) && ch ? 1 : 0;
	for (size_t i = 0; i < COUNT(marks); i++) {
		size_t n = strlen(marks[i]);
		if (n <= len && !memcmp(at_end ? s + len - n : s, marks[i], n))
			return n;
	}
	return 0;
}

static struct str trim_punct(struct str s)
{
	size_t n;

	while (s.len && (n = punct_len(s.ptr, s.len, false)) > 0)
		s.ptr += n, s.len -= n;
	while (s.len && (n = punct_len(s.ptr, s.len, true)) > 0)
		s.len -= n;
	return s;
}

/* A generic word that is the whole of s (a title segment, a heading). */
static const struct kind_word *match_whole(struct str s)
{
	struct str t = trim_punct(s);

	for (size_t i = 0; i < generic_words_count; i++) {
		if (str_ieq(t, generic_words[i].text))
			return &generic_words[i];
	}
	return NULL;
}

static bool is_error_code(long n)
{
	return (n >= 400 && n <= 431) || n == 451 || (n >= 500 && n <= 511) ||
	       (n >= 520 && n <= 530);
}

/* Characters that make a number part of something else (an IP address,
 * a price, a path, an id) when they touch it. */
static bool glues_number(char ch)
{
	return ascii_is_alnum((unsigned char)ch) || ch == '.' || ch == ',' ||
	       ch == '$' || ch == '#' || ch == '/' || ch == '_' || ch == '+' ||
	       ch == '%' || ch == '=';
}

/* The first free-standing three-digit HTTP error code in s, or 0. */
static long find_code(const char *s, size_t len, size_t *at)
{
	for (size_t i = 0; i + 3 <= len; i++) {
		if (!ascii_is_digit((unsigned char)s[i]) ||
		    (i > 0 && glues_number(s[i - 1])))
			continue;
		if (!ascii_is_digit((unsigned char)s[i + 1]) ||
		    !ascii_is_digit((unsigned char)s[i + 2]))
			continue;
		char after = i + 3 < len ? s[i + 3] : ' ';
		char after2 = i + 4 < len ? s[i + 4] : ' ';
		if (ascii_is_alnum((unsigned char)after) ||
		    ((after == '.' || after == ',') &&
		     ascii_is_digit((unsigned char)after2)) ||
		    (after != '.' && after != ',' && glues_number(after)))
			continue;
		long n = (s[i] - '0') * 100 + (s[i + 1] - '0') * 10 +
			 (s[i + 2] - '0');
		if (is_error_code(n)) {
			*at = i;
			return n;
		}
	}
	return 0;
}

/* True if the word just before offset `at` is one of code_words[]. */
static bool code_word_before(const struct folded *f, size_t at)
{
	size_t end = at;

	while (end > 0 && (f->s[end - 1] == ' ' || f->s[end - 1] == ':' ||
			   f->s[end - 1] == '-'))
		end--;
	for (size_t i = 0; i < code_words_count; i++) {
		size_t n = strlen(code_words[i]);
		if (end >= n && !memcmp(f->s + end - n, code_words[i], n) &&
		    (end == n || !fold_is_word_at(f, end - n - 1)))
			return true;
	}
	return false;
}

/*
 * A status code that the text presents as one: the code alone; or with
 * an error phrase, a word like "Error" or "HTTP", or a dash, in a short
 * title, heading or line ("404 Not Found", "HTTP 502", "default backend
 * - 404"); or right after such a word at the start of a longer line
 * ("Description: HTTP 404. The resource ...").  A headline such as
 * "Error 404 when installing a package", or a sentence that quotes an
 * "HTTP error 404", is about an error and has no code.
 */
static long status_code_in(const struct folded *f, bool has_phrase,
			   unsigned where)
{
	size_t at;
	long code = find_code(f->s, f->len, &at);

	if (!code)
		return 0;
	if (trim_punct(str_make(f->s, f->len)).len == 3)
		return code;
	bool is_short = where == IN_TEXT ? f->len <= CODE_LINE_MAX_BYTES
					 : fold_word_count(f->s, f->len) <=
						   CODE_LINE_MAX_WORDS;
	if (where == IN_TEXT && at <= CODE_LEAD_MAX_BYTES &&
	    code_word_before(f, at))
		return code;
	if (has_phrase && (is_short || where == IN_TITLE))
		return code;
	if (!is_short)
		return 0;
	if (strstr(f->s, " - ") == f->s + at + 3 ||
	    (at >= 3 && at + 3 == f->len && !memcmp(f->s + at - 3, " - ", 3)))
		return code;
	for (size_t i = 0; i < code_words_count; i++) {
		if (fold_find(f, code_words[i]))
			return code;
	}
	return 0;
}

static enum page_error_kind kind_for_status(long status)
{
	switch (status) {
	case 400: case 405: case 406: case 411: case 413: case 414:
	case 415: case 422: case 431:
		return PAGE_BAD_REQUEST;
	case 401: case 407: return PAGE_UNAUTHORIZED;
	case 403: return PAGE_FORBIDDEN;
	case 404: return PAGE_NOT_FOUND;
	case 410: return PAGE_GONE;
	case 429: return PAGE_RATE_LIMITED;
	case 451: return PAGE_BLOCKED;
	case 503: return PAGE_UNAVAILABLE;
	default:
		if (status >= 500)
			return PAGE_SERVER_ERROR;
		return status >= 400 ? PAGE_OTHER_ERROR : PAGE_OK;
	}
}

/*
 * A headline that opens with an error phrase and goes on about something
 * else ("Access denied: court keeps the archive closed", "Page not found?
 * Here is how to fix it") is news about an error, not an error message.
 */
static bool is_kicker(const struct folded *f, const char *phrase)
{
	const char *at = fold_find(f, phrase);
	const char *rest = at ? at + strlen(phrase) : NULL;

	if (!rest || (rest[0] != ':' && rest[0] != '?'))
		return false;
	rest++;
	struct folded tail;
	fold_text(rest, strlen(rest), &tail);
	size_t where;
	return fold_word_count(tail.s, tail.len) >= KICKER_MIN_WORDS &&
	       !match_phrases(&tail, IN_ANY) &&
	       !find_code(tail.s, tail.len, &where);
}

/* Phrases, codes and generic words of one title, heading or line. */
static void scan_text(struct findings *fd, const char *text, size_t len,
		      unsigned where)
{
	static const struct {
		const char *phrase, *code;
		enum rank phrase_rank;
	} as[] = {
		[IN_TITLE] = {"title phrase", "title status code",
			      RANK_TITLE_PHRASE},
		[IN_HEADING] = {"heading phrase", "heading status code",
				RANK_HEADING_PHRASE},
		[IN_TEXT] = {"text phrase", "text status code",
			     RANK_TEXT_PHRASE},
	};
	struct folded f;

	fold_text(text, len, &f);
	const struct error_phrase *p = match_phrases(&f, where);
	if (p && where != IN_TEXT && is_kicker(&f, p->text))
		return;
	long code = status_code_in(&f, p != NULL, where);
	if (code) {
		char num[8];
		snprintf(num, sizeof(num), "%ld", code);
		record(fd, kind_for_status(code),
		       where == IN_TEXT ? RANK_TEXT_CODE : RANK_CODE,
		       as[where].code, num);
	}
	if (p)
		record(fd, p->kind, as[where].phrase_rank, as[where].phrase,
		       p->text);
	if (where != IN_TEXT) {
		const struct kind_word *w = match_whole(str_make(f.s, f.len));
		if (w)
			record(fd, w->kind, RANK_WEAK, where == IN_TITLE
			       ? "title word" : "heading word", w->text);
	}
}

/* The byte length of a title separator (" | ", " - ", " › "...) at s. */
static size_t separator_at(const char *s, size_t len)
{
	static const char *const seps[] = {
		" | ", "|", " - ", " / ", " ~ ", ": ", " :: ",
		"\xe2\x80\xa2", "\xe2\x80\xba", "\xc2\xbb", "\xc2\xb7",
	};

	for (size_t i = 0; i < COUNT(seps); i++) {
		size_t n = strlen(seps[i]);
		if (n <= len && !memcmp(s, seps[i], n))
			return n;
	}
	return 0;
}

/* A title segment that is a sign-in prompt: short, phrase at an edge. */
static const char *login_title(struct str seg)
{
	struct folded f;
	struct str t = str_trim(seg);

	if (fold_word_count(t.ptr, t.len) > LOGIN_TITLE_MAX_WORDS)
		return NULL;
	fold_text(t.ptr, t.len, &f);
	for (size_t i = 0; i < login_phrases_count; i++) {
		const char *at = fold_find(&f, login_phrases[i]);
		size_t n = strlen(login_phrases[i]);
		if (at && (at == f.s || (size_t)(at - f.s) + n == f.len))
			return login_phrases[i];
	}
	return NULL;
}

/* Each segment of the title alone: generic words, bare codes, sign-in. */
static void scan_title_segments(struct findings *fd, const struct folded *f)
{
	size_t start = 0;

	for (size_t i = 0; i <= f->len;) {
		size_t sep = i < f->len ? separator_at(f->s + i, f->len - i) : 1;
		if (!sep) {
			i++;
			continue;
		}
		struct str seg = str_make(f->s + start, i - start);
		const struct kind_word *w = match_whole(seg);
		if (w)
			record(fd, w->kind, RANK_WEAK, "title word", w->text);
		struct str t = trim_punct(seg);
		size_t at;
		long code = t.len == 3 ? find_code(t.ptr, t.len, &at) : 0;
		if (code) {
			char num[8];
			snprintf(num, sizeof(num), "%ld", code);
			record(fd, kind_for_status(code), RANK_CODE,
			       "title status code", num);
		}
		const char *login = login_title(seg);
		if (login)
			record(fd, PAGE_LOGIN_WALL, RANK_LOGIN, "sign-in title",
			       login);
		i += sep;
		start = i;
	}
}

static void scan_title(struct findings *fd, const char *title)
{
	struct folded f;

	if (!title || !*title)
		return;
	scan_text(fd, title, strlen(title), IN_TITLE);
	fold_text(title, strlen(title), &f);
	scan_title_segments(fd, &f);
}

/* A sign-in heading ("Sign in to your account") counts only as a main
 * heading, and with a password field on the page. */
static void scan_login_heading(struct findings *fd, const char *text,
			       size_t len, unsigned level)
{
	struct folded f;

	if (!fd->password || level > LOGIN_HEADING_MAX_LEVEL)
		return;
	fold_text(text, len, &f);
	struct str t = trim_punct(str_make(f.s, f.len));
	if (fold_word_count(t.ptr, t.len) > LOGIN_TITLE_MAX_WORDS)
		return;
	for (size_t i = 0; i < login_phrases_count; i++) {
		if (fold_find(&f, login_phrases[i]) == f.s) {
			record(fd, PAGE_LOGIN_WALL, RANK_LOGIN,
			       "sign-in heading with a password field",
			       login_phrases[i]);
			return;
		}
	}
}

static void scan_blocks(struct findings *fd, const struct blocks *page,
			bool read_text)
{
	uint32_t headings = 0, lines = 0;

	for (uint32_t k = 0; k < page->count; k++) {
		const struct block *bl = &page->v[k];
		const char *t = block_text(page, k);
		if (bl->kind == BLOCK_HEADING && headings < HEADINGS_MAX) {
			headings++;
			scan_text(fd, t, bl->len, IN_HEADING);
			scan_login_heading(fd, t, bl->len, bl->level);
		} else if (read_text && bl->kind != BLOCK_HEADING &&
			   lines < TEXT_BLOCKS_MAX) {
			lines++;
			scan_text(fd, t, bl->len, IN_TEXT);
		}
	}
}

/* "NoSuchKey" -> "No Such Key", so that the phrase table can read it. */
static size_t split_camel(struct str s, char *out, size_t cap)
{
	size_t n = 0;

	for (size_t i = 0; i < s.len && n + 2 < cap; i++) {
		unsigned char ch = (unsigned char)s.ptr[i];
		if (i > 0 && ch >= 'A' && ch <= 'Z' && s.ptr[i - 1] >= 'a' &&
		    s.ptr[i - 1] <= 'z')
			out[n++] = ' ';
		out[n++] = (char)ch;
	}
	out[n] = '\0';
	return n;
}

/*
 * An XML error document (<Error><Code>AccessDenied</Code>...), as object
 * stores answer: the code names the kind.
 */
static void scan_error_document(struct findings *fd, const struct dom *d,
				uint32_t i)
{
	if (!str_ieq(d->nodes[i].name, "error"))
		return;
	uint32_t code = dom_find(d, i, DOM_TAG_CODE);
	if (code == DOM_NONE || code >= d->nodes[i].end ||
	    code + 1 >= d->nodes[code].end ||
	    d->nodes[code + 1].type != DOM_TEXT)
		return;
	char words[DETAIL_MAX];
	struct folded f;
	split_camel(str_trim(d->nodes[code + 1].text), words, sizeof(words));
	fold_text(words, strlen(words), &f);
	const struct error_phrase *p = match_phrases(&f, IN_ANY);
	if (!p && fold_find(&f, "no such"))
		p = &error_phrases[0]; /* NoSuchKey, NoSuchBucket: not found */
	record(fd, p ? p->kind : PAGE_OTHER_ERROR, RANK_SIGNATURE,
	       "error document code", words);
}

static void scan_value(struct findings *fd, struct str v)
{
	for (size_t k = 0; k < signatures_count; k++) {
		if (str_icontains(v, signatures[k].text)) {
			record(fd, signatures[k].kind, RANK_SIGNATURE,
			       "template signature", signatures[k].text);
			return;
		}
	}
}

/*
 * Error documents and password fields, and on a small page (challenge
 * pages are) the challenge platforms' markup, in one walk.
 */
static void scan_markup(struct findings *fd, const struct dom *d, bool small)
{
	static const char *const attrs[] = {"id", "class", "name", "action",
					    "src"};
	size_t script_bytes = 0;

	for (uint32_t i = 0; i < d->count; i++) {
		const struct dom_node *n = &d->nodes[i];
		if (small && n->type == DOM_TEXT && n->parent != DOM_NONE &&
		    d->nodes[n->parent].tag == DOM_TAG_SCRIPT &&
		    script_bytes < SCRIPT_SCAN_MAX_BYTES) {
			script_bytes += n->text.len;
			scan_value(fd, n->text);
		}
		if (n->type != DOM_ELEMENT)
			continue;
		if (n->tag == DOM_TAG_INPUT &&
		    str_ieq(dom_attr(d, i, "type"), "password"))
			fd->password = true;
		if (n->tag == DOM_TAG_OTHER)
			scan_error_document(fd, d, i);
		for (size_t k = 0; small && k < COUNT(attrs); k++) {
			struct str v = dom_attr(d, i, attrs[k]);
			if (v.len)
				scan_value(fd, v);
		}
	}
}

/* Kinds an HTTP error status lets the page's own words choose. */
static bool status_allows(long status, enum page_error_kind kind)
{
	enum page_error_kind base = kind_for_status(status);

	if (kind == base || kind == PAGE_CHALLENGE)
		return true; /* challenges come as 403, 429 and 503 alike */
	switch (base) {
	case PAGE_FORBIDDEN:
	case PAGE_RATE_LIMITED:
		return kind == PAGE_BLOCKED;
	case PAGE_NOT_FOUND:
	case PAGE_GONE:
		return kind == PAGE_NOT_FOUND || kind == PAGE_GONE;
	case PAGE_OTHER_ERROR:
		/* an unusual 4xx: the words say more */
		return kind != PAGE_LOGIN_WALL;
	default:
		return false;
	}
}

static bool is_code_rank(enum rank r)
{
	return r == RANK_CODE || r == RANK_TEXT_CODE || r == RANK_SIGNATURE;
}

/*
 * The piece that names the kind, or NULL: bot-challenge evidence wins
 * over everything, and a denial worded as a phrase is a block when the
 * page also speaks of one; otherwise the strongest piece.
 */
static const struct evidence *deciding(const struct findings *fd)
{
	const struct evidence *best = &fd->best;

	if (!best->rank)
		return NULL;
	if (fd->challenge.rank)
		return &fd->challenge;
	if (best->kind == PAGE_FORBIDDEN && !is_code_rank(best->rank) &&
	    fd->blocked.rank)
		return &fd->blocked;
	return best;
}

/*
 * Whether the main text is little enough for a soft error page whose
 * strongest evidence has this rank.  Prose decides, so that a menu that
 * slipped into the main text cannot hide an error message; but words
 * found only in the running text need a page with little text of any
 * kind: a listing has no prose and is not an error page, and an article
 * may quote "HTTP 403" in a paragraph.
 */
static bool little_text(enum rank rank, bool content_like, uint32_t prose,
			uint32_t all)
{
	bool from_text = rank == RANK_TEXT_PHRASE || rank == RANK_TEXT_CODE;
	uint32_t limit = rank == RANK_LOGIN         ? LOGIN_MAX_MAIN_CHARS
			 : rank == RANK_WEAK        ? WEAK_MAX_MAIN_CHARS
			 : rank == RANK_TITLE_PHRASE ? TITLE_MAX_MAIN_CHARS
			 : from_text                ? TEXT_MAX_MAIN_CHARS
						    : SOFT_MAX_MAIN_CHARS;

	if (content_like && rank != RANK_SIGNATURE &&
	    limit > ARTICLE_MAX_MAIN_CHARS)
		limit = ARTICLE_MAX_MAIN_CHARS;
	if (from_text && all > limit)
		return false;
	return prose <= limit;
}

/* A line that reads as a sentence: it ends or breaks like one. */
static bool is_sentence(const char *s, size_t len)
{
	static const char *const stops[] = {". ", "! ", "? ", "\xe3\x80\x82"};
	struct str t = str_trim(str_make(s, len));

	if (t.len && (t.ptr[t.len - 1] == '.' || t.ptr[t.len - 1] == '!' ||
		      t.ptr[t.len - 1] == '?'))
		return true;
	for (size_t i = 0; i < COUNT(stops); i++) {
		if (str_icontains(t, stops[i]))
			return true;
	}
	return false;
}

/*
 * How much text the main content has: all of it, and the characters of
 * its sentence lines (prose).
 */
static void measure(const struct blocks *b, uint32_t *prose, uint32_t *all)
{
	*prose = *all = 0;
	for (uint32_t k = 0; k < b->count; k++) {
		*all += b->v[k].chars;
		if (b->v[k].kind != BLOCK_HEADING &&
		    is_sentence(block_text(b, k), b->v[k].len))
			*prose += b->v[k].chars;
	}
}

/* True if a heading says nothing of errors, challenges or signing in. */
static bool is_plain_heading(const char *text, size_t len)
{
	struct findings probe = {0};

	scan_text(&probe, text, len, IN_HEADING);
	return probe.best.rank == RANK_NONE;
}

/*
 * A main text in sections under headings that speak of other things
 * ("Examples", "See also") is a document, even a short one about an
 * error code: only challenge markup makes it an error page.
 */
static bool is_structured(const struct blocks *main)
{
	uint32_t plain = 0;

	for (uint32_t k = 0; k < main->count; k++) {
		const struct block *bl = &main->v[k];
		if (bl->kind == BLOCK_HEADING &&
		    is_plain_heading(block_text(main, k), bl->len))
			plain++;
	}
	return plain >= STRUCTURED_MIN_HEADINGS;
}

/*
 * The page declares itself a piece of content: a publication date, an
 * author, or a JSON-LD type of article, post, question or product.
 */
static bool presents_as_content(const struct page_ctx *c)
{
	static const char *const types[] = {
		"article", "posting", "qapage", "question", "recipe", "howto",
		"product", "review", "report",
	};
	const struct page_meta *m = &c->meta;

	if (m->published || m->author_count)
		return true;
	for (size_t i = 0; m->ld_type && i < COUNT(types); i++) {
		if (str_icontains(str_from(m->ld_type), types[i]))
			return true;
	}
	return false;
}

/* Every piece of evidence the page offers about itself. */
static void gather(struct page_ctx *c, const char *title,
		   const struct blocks *main, struct findings *fd)
{
	const struct dom *d = c->d;
	uint32_t root = c->body ? c->body : 0;
	bool small = c->text_chars[root] <= SMALL_PAGE_CHARS;
	struct blocks page;

	scan_markup(fd, d, small);
	scan_title(fd, c->meta.title_tag ? c->meta.title_tag : title);
	blocks_init(&page);
	blocks_build(d, root, c->hidden, &page);
	scan_blocks(fd, &page, small);
	blocks_release(&page);
	if (!small)
		scan_blocks(fd, main, true);
}

static void append_piece(char *out, size_t cap, const struct evidence *e)
{
	size_t n = strlen(out);

	if (e && e->rank && n < cap)
		snprintf(out + n, cap - n, "%s%s \"%s\"", n ? "; " : "", e->what,
			 e->detail);
}

static const char *evidence_text(struct arena *a, long status,
				 const struct findings *fd,
				 const struct evidence *why, uint32_t chars)
{
	char text[EVIDENCE_MAX] = "";
	size_t n;

	if (status >= 400)
		snprintf(text, sizeof(text), "HTTP status %ld", status);
	if (why) {
		/* the strongest piece, and the one that refined its kind */
		append_piece(text, sizeof(text), &fd->best);
		if (why->kind != fd->best.kind || why->rank != fd->best.rank)
			append_piece(text, sizeof(text), why);
	}
	n = strlen(text);
	if (status < 400 && n < sizeof(text))
		snprintf(text + n, sizeof(text) - n,
			 "; %u characters of prose in the main text", chars);
	return arena_strdup(a, text);
}

void errpage_classify(struct page_ctx *c, const char *title,
		      const struct blocks *body, struct page_error *out)
{
	long status = c->facts ? c->facts->status : 0;
	uint32_t prose, all;
	struct findings fd = {0};

	measure(body, &prose, &all);
	*out = (struct page_error){.status = status};
	if (status < 400 && prose > SOFT_MAX_MAIN_CHARS)
		return; /* too much text for any soft error page */
	gather(c, title, body, &fd);
	const struct evidence *why = deciding(&fd);
	if (status >= 400) {
		out->kind = kind_for_status(status);
		if (why && status_allows(status, why->kind))
			out->kind = why->kind;
		else
			why = NULL;
	} else {
		bool document = is_structured(body) &&
				fd.best.rank < RANK_SIGNATURE;
		if (!why || document ||
		    !little_text(fd.best.rank, presents_as_content(c), prose,
				 all))
			return;
		out->kind = why->kind;
		out->soft = true;
	}
	out->evidence = evidence_text(c->a, status, &fd, why, prose);
}
