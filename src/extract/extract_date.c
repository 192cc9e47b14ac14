/*
 * extract_date.c - dates as pages write them, made ISO 8601.
 *
 * Forms read: ISO 8601 and its loose variants ("2019-11-19 10:00",
 * "+0100" offsets), RFC 2822 ("Tue, 19 Nov 2019 10:00:00 GMT"),
 * JavaScript's Date.toString(), and day-month-year in words or digits
 * ("November 19, 2019", "19. November 2019", "19 de noviembre de 2019",
 * "19.11.2019", "11/19/2019"), month names in the languages of the
 * month table.  A slash date whose day and month could be swapped
 * ("05/06/2019") is refused rather than guessed.
 *
 * Output: "YYYY-MM-DD" when only the day is known, else
 * "YYYY-MM-DDTHH:MM:SS" with "Z" or "+HH:MM" when the zone is known;
 * the date stays the one written (no conversion to UTC), so the
 * calendar day is the page's.  A date after "now" (plus a day of time
 * zones) is refused: a page cannot be published in the future, and
 * such values are templates or event dates.
 */
#include "extract/heuristics.h"

#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "extract/lexicon.h"

enum {
	/* the Web began in 1991; older metadata dates are defaults or junk */
	DATE_MIN_YEAR = 1991,
	DATE_MAX_YEAR = 2200,
	/* time zones put "now" up to a day ahead somewhere */
	DATE_FUTURE_SLACK = 24 * 60 * 60,
	/* longer strings are prose, not a date */
	DATE_MAX_INPUT = 200,
	DATE_MAX_TOKENS = 48,
	DATE_ISO_MAX = 32,
};

struct date {
	int y, mo, d;
	int h, mi, s;
	bool has_time;
	bool has_zone;
	int zone_min; /* offset east of UTC in minutes */
};

static int days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

static bool date_valid(const struct date *t)
{
	return t->y >= DATE_MIN_YEAR && t->y <= DATE_MAX_YEAR && t->mo >= 1 &&
	       t->mo <= 12 && t->d >= 1 && t->d <= days_in_month(t->y, t->mo) &&
	       t->h >= 0 && t->h < 24 && t->mi >= 0 && t->mi < 60 &&
	       t->s >= 0 && t->s <= 60;
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

static long long date_epoch(const struct date *t)
{
	long long secs = days_from_civil(t->y, t->mo, t->d) * 86400;

	if (t->has_time)
		secs += t->h * 3600 + t->mi * 60 + t->s;
	if (t->has_zone)
		secs -= (long long)t->zone_min * 60;
	return secs;
}

/* ---- ISO 8601 ---- */

/* n digits at *p as a number, or -1. */
static int digits(const char **p, const char *end, int n)
{
	int v = 0;

	if (end - *p < n)
		return -1;
	for (int i = 0; i < n; i++) {
		if (!ascii_is_digit((unsigned char)(*p)[i]))
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	return v;
}

/* "Z", "+01:00", "+0100", "-05"; true when one was read. */
static bool iso_zone(const char **p, const char *end, struct date *t)
{
	const char *q = *p;

	if (q < end && (*q == 'Z' || *q == 'z')) {
		t->has_zone = true;
		t->zone_min = 0;
		*p = q + 1;
		return true;
	}
	if (q >= end || (*q != '+' && *q != '-'))
		return false;
	int sign = *q == '-' ? -1 : 1;
	q++;
	int hh = digits(&q, end, 2);
	if (hh < 0 || hh > 14)
		return false;
	if (q < end && *q == ':')
		q++;
	int mm = digits(&q, end, 2);
	if (mm < 0)
		mm = 0;
	t->has_zone = true;
	t->zone_min = sign * (hh * 60 + mm);
	*p = q;
	return true;
}

/* "hh:mm[:ss[.frac]]" */
static bool clock_time(const char **p, const char *end, struct date *t)
{
	const char *q = *p;
	int h = digits(&q, end, 2);

	if (h < 0 || q >= end || *q != ':')
		return false;
	q++;
	int mi = digits(&q, end, 2);
	if (mi < 0)
		return false;
	int s = 0;
	if (q < end && *q == ':') {
		q++;
		s = digits(&q, end, 2);
		if (s < 0)
			return false;
		if (q < end && (*q == '.' || *q == ','))
			for (q++; q < end && ascii_is_digit((unsigned char)*q);)
				q++;
	}
	t->h = h;
	t->mi = mi;
	t->s = s;
	t->has_time = true;
	*p = q;
	return true;
}

static bool parse_iso(const char *s, const char *end, struct date *t)
{
	const char *p = s;

	*t = (struct date){0};
	t->y = digits(&p, end, 4);
	if (t->y < 0 || p >= end || (*p != '-' && *p != '/'))
		return false;
	char sep = *p++;
	t->mo = digits(&p, end, 2);
	if (t->mo < 0 || p >= end || *p != sep)
		return false;
	p++;
	t->d = digits(&p, end, 2);
	if (t->d < 0)
		return false;
	if (p < end && (*p == 'T' || *p == 't' || *p == ' ')) {
		const char *q = p + 1;
		if (clock_time(&q, end, t)) {
			p = q;
			while (p < end && *p == ' ')
				p++;
			(void)iso_zone(&p, end, t);
		}
	}
	return p == end || !ascii_is_digit((unsigned char)*p);
}

/* ---- dates in words ---- */

enum tok_kind { TOK_NUM, TOK_WORD, TOK_PUNCT };

struct tok {
	enum tok_kind kind;
	const char *p;
	size_t len;
	int value;   /* numbers (saturating) and month numbers of words */
	bool clock;  /* a number that is part of a clock time */
};

int date_month_name(const char *p, size_t len)
{
	const struct lexicon_entry *e = lexicon_word(LEX_MONTHS, p, len);

	return e ? e->value : 0;
}

static size_t tokenize(const char *s, const char *end, struct tok *v,
		       size_t max)
{
	size_t n = 0;

	for (const char *p = s; p < end && n < max;) {
		unsigned char c = (unsigned char)*p;
		const char *q = p;
		struct tok t = {.p = p};
		if (ascii_is_digit(c)) {
			t.kind = TOK_NUM;
			for (; q < end && ascii_is_digit((unsigned char)*q); q++)
				t.value = t.value < 100000 ? t.value * 10 + (*q - '0')
							   : t.value;
		} else if (ascii_is_alpha(c) || c >= 0x80) {
			t.kind = TOK_WORD;
			while (q < end && (ascii_is_alpha((unsigned char)*q) ||
					   (unsigned char)*q >= 0x80))
				q++;
		} else if (ascii_is_space(c) || c == ',') {
			p++;
			continue;
		} else {
			t.kind = TOK_PUNCT;
			q++;
		}
		t.len = (size_t)(q - p);
		if (t.kind == TOK_WORD)
			t.value = date_month_name(p, t.len);
		v[n++] = t;
		p = q;
	}
	/* numbers around a ':' belong to a clock */
	for (size_t i = 1; i + 1 < n; i++) {
		if (v[i].kind == TOK_PUNCT && v[i].p[0] == ':') {
			v[i - 1].clock = v[i - 1].kind == TOK_NUM;
			v[i + 1].clock = v[i + 1].kind == TOK_NUM;
		}
	}
	return n;
}

static bool is_day(const struct tok *t)
{
	return t->kind == TOK_NUM && !t->clock && t->len <= 2 && t->value >= 1 &&
	       t->value <= 31;
}

static bool is_year(const struct tok *t)
{
	return t->kind == TOK_NUM && !t->clock && t->len == 4;
}

/* "19 November 2019", "November 19, 2019", "19. de noviembre de 2019" */
static bool words_date(const struct tok *v, size_t n, struct date *t)
{
	for (size_t m = 0; m < n; m++) {
		if (v[m].kind != TOK_WORD || !v[m].value)
			continue;
		int day = 0, year = 0;
		/* the day: just before (skipping "." or "de"), or just after */
		for (size_t k = m; k-- > 0 && m - k <= 3;) {
			if (is_day(&v[k])) {
				day = v[k].value;
				break;
			}
			if (v[k].kind == TOK_NUM)
				break;
		}
		for (size_t k = m + 1; k < n && k - m <= 3; k++) {
			if (!day && is_day(&v[k]) && !(k + 1 < n && v[k + 1].kind == TOK_PUNCT &&
							v[k + 1].p[0] == ':')) {
				day = v[k].value;
				continue;
			}
			if (is_year(&v[k])) {
				year = v[k].value;
				break;
			}
		}
		if (!year && m >= 1 && is_year(&v[m - 1]))
			year = v[m - 1].value; /* "2019 November 19" */
		if (day && year) {
			t->y = year;
			t->mo = v[m].value;
			t->d = day;
			return true;
		}
	}
	return false;
}

/* "19.11.2019", "19-11-2019", "11/19/2019" (unambiguous only) */
static bool digits_date(const struct tok *v, size_t n, struct date *t)
{
	for (size_t i = 0; i + 4 < n; i++) {
		if (!is_day(&v[i]) || v[i + 1].kind != TOK_PUNCT ||
		    !is_day(&v[i + 2]) || v[i + 3].kind != TOK_PUNCT ||
		    !is_year(&v[i + 4]) || v[i + 1].p[0] != v[i + 3].p[0])
			continue;
		char sep = v[i + 1].p[0];
		int a = v[i].value, b = v[i + 2].value;
		if (sep == '.' || sep == '-') {
			t->d = a;
			t->mo = b;
		} else if (sep == '/' && (a > 12) != (b > 12)) {
			t->d = a > 12 ? a : b;
			t->mo = a > 12 ? b : a;
		} else {
			continue;
		}
		t->y = v[i + 4].value;
		return true;
	}
	return false;
}

/* The clock time after a date, with am/pm and a zone when given. */
static void words_time(const struct tok *v, size_t n, struct date *t)
{
	for (size_t i = 0; i + 2 < n; i++) {
		if (!v[i].clock || !v[i + 2].clock || v[i].value > 23 ||
		    v[i + 2].value > 59)
			continue;
		t->h = v[i].value;
		t->mi = v[i + 2].value;
		t->has_time = true;
		size_t k = i + 3;
		if (k + 1 < n && v[k].p[0] == ':' && v[k + 1].clock) {
			t->s = v[k + 1].value;
			k += 2;
		}
		if (k < n && v[k].kind == TOK_WORD && v[k].len <= 4) {
			struct str w = str_make(v[k].p, v[k].len);
			if ((str_ieq(w, "pm") || str_ieq(w, "p")) && t->h < 12)
				t->h += 12;
			else if ((str_ieq(w, "am") || str_ieq(w, "a")) && t->h == 12)
				t->h = 0;
			if (str_ieq(w, "pm") || str_ieq(w, "am") || str_ieq(w, "p") ||
			    str_ieq(w, "a"))
				k++;
		}
		if (k < n && v[k].kind == TOK_WORD) {
			const struct lexicon_entry *zone =
				lexicon_word(LEX_TIME_ZONES, v[k].p, v[k].len);
			if (zone) {
				t->has_zone = true;
				t->zone_min = zone->value;
				k++;
			}
		}
		/* "+0100" and "GMT+0100" */
		if (k + 1 < n && v[k].kind == TOK_PUNCT &&
		    (v[k].p[0] == '+' || v[k].p[0] == '-') &&
		    v[k + 1].kind == TOK_NUM && v[k + 1].len == 4) {
			const char *z = v[k].p;
			(void)iso_zone(&z, v[k + 1].p + 4, t);
		}
		return;
	}
}

bool date_parse(const char *s, size_t len, struct date_value *out)
{
	struct date t = {0};
	struct str in = str_trim(str_make(s, len));

	if (!in.len || in.len > DATE_MAX_INPUT)
		return false;
	const char *end = in.ptr + in.len;
	if (!parse_iso(in.ptr, end, &t) || !date_valid(&t)) {
		struct tok v[DATE_MAX_TOKENS];
		size_t n = tokenize(in.ptr, end, v, DATE_MAX_TOKENS);
		t = (struct date){0};
		if (!words_date(v, n, &t) && !digits_date(v, n, &t))
			return false;
		words_time(v, n, &t);
		if (!date_valid(&t)) {
			t.has_time = t.has_zone = false;
			t.h = t.mi = t.s = 0;
			if (!date_valid(&t))
				return false;
		}
	}
	out->epoch = date_epoch(&t);
	int n = snprintf(out->iso, sizeof(out->iso), "%04d-%02d-%02d", t.y, t.mo,
			 t.d);
	if (t.has_time)
		n += snprintf(out->iso + n, sizeof(out->iso) - (size_t)n,
			      "T%02d:%02d:%02d", t.h, t.mi, t.s);
	if (t.has_time && t.has_zone && t.zone_min == 0)
		snprintf(out->iso + n, sizeof(out->iso) - (size_t)n, "Z");
	else if (t.has_time && t.has_zone)
		snprintf(out->iso + n, sizeof(out->iso) - (size_t)n,
			 "%c%02d:%02d", t.zone_min < 0 ? '-' : '+',
			 (t.zone_min < 0 ? -t.zone_min : t.zone_min) / 60,
			 (t.zone_min < 0 ? -t.zone_min : t.zone_min) % 60);
	return true;
}

const char *date_normalize(struct arena *a, const char *s, long long now)
{
	struct date_value v;

	if (!s || !date_parse(s, strlen(s), &v))
		return NULL;
	if (now && v.epoch > now + DATE_FUTURE_SLACK)
		return NULL;
	return arena_strdup(a, v.iso);
}
