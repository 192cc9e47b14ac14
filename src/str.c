/*
 * str.c - ASCII, locale-independent helpers over string views.
 */
#include "str.h"

bool str_ieq(struct str s, const char *lit)
{
	size_t n = strlen(lit);

	if (s.len != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		if (ascii_lower((unsigned char)s.ptr[i]) !=
		    ascii_lower((unsigned char)lit[i]))
			return false;
	}
	return true;
}

const char *str_ifind(struct str s, const char *needle)
{
	size_t n = strlen(needle);

	if (n == 0)
		return s.ptr;
	if (!s.ptr || s.len < n)
		return NULL;
	int first = ascii_lower((unsigned char)needle[0]);
	for (size_t i = 0; i + n <= s.len; i++) {
		if (ascii_lower((unsigned char)s.ptr[i]) != first)
			continue;
		size_t j = 1;
		while (j < n && ascii_lower((unsigned char)s.ptr[i + j]) ==
					ascii_lower((unsigned char)needle[j]))
			j++;
		if (j == n)
			return s.ptr + i;
	}
	return NULL;
}

bool str_icontains(struct str s, const char *needle)
{
	return str_ifind(s, needle) != NULL;
}

struct str str_trim(struct str s)
{
	while (s.len && ascii_is_space((unsigned char)s.ptr[0])) {
		s.ptr++;
		s.len--;
	}
	while (s.len && ascii_is_space((unsigned char)s.ptr[s.len - 1]))
		s.len--;
	return s;
}

bool str_starts_with_i(struct str s, const char *prefix)
{
	size_t n = strlen(prefix);

	return s.len >= n && str_ieq(str_make(s.ptr, n), prefix);
}
