/*
 * str.h - non-owning string views and locale-free ASCII helpers.
 *
 * <ctype.h> depends on the locale and is undefined for negative chars;
 * these helpers look at ASCII only and treat every other byte as opaque.
 */
#ifndef EXTRACT_STR_H
#define EXTRACT_STR_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

struct str {
	const char *ptr;
	size_t len;
};

#define STR_NULL ((struct str){NULL, 0})

static inline struct str str_from(const char *s)
{
	return (struct str){s, s ? strlen(s) : 0};
}

static inline struct str str_make(const char *s, size_t len)
{
	return (struct str){s, len};
}

static inline bool ascii_is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static inline bool ascii_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool ascii_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_is_alnum(int c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c);
}

static inline int ascii_lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

/* The value of a hexadecimal digit, or -1. */
static inline int ascii_hex_value(int c)
{
	if (ascii_is_digit(c))
		return c - '0';
	c = ascii_lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Case-insensitive (ASCII) equality of n bytes. */
bool str_ieq_mem(const char *a, const char *b, size_t n);

/*
 * Case-insensitive (ASCII) equality of a view and a C string.  Inline so
 * that the literal's length is known at compile time and most calls end
 * at the length test.
 */
static inline bool str_ieq(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	return s.len == n && str_ieq_mem(s.ptr, lit, n);
}
/* Case-insensitive (ASCII) search for needle in s. */
bool str_icontains(struct str s, const char *needle);
const char *str_ifind(struct str s, const char *needle);
/*
 * The index of the first of count needles (in list order) that s
 * contains, case-insensitively (ASCII), or -1: the same answer as
 * str_icontains on each in turn, found faster for word lists.
 */
long str_ifind_any(struct str s, const char *const *needles, size_t count);
/* Leading and trailing ASCII whitespace removed. */
struct str str_trim(struct str s);
bool str_starts_with_i(struct str s, const char *prefix);

#endif
