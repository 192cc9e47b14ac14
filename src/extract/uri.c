/*
 * uri.c - RFC 3986 reference resolution (section 5.2).
 *
 * A reference is split into its five components the way appendix B's
 * regular expression does (scheme, authority, path, query, fragment;
 * query and fragment may be present but empty, which is not the same as
 * absent), then merged with the base by the algorithm of 5.2.2 and
 * cleaned by remove_dot_segments (5.2.4).  Views point into the caller's
 * strings until the result is written, so nothing is allocated except
 * two scratch buffers for the path.
 */
#include "extract/uri.h"

#include "base/buf.h"

enum {
	/* longer references are refused, not truncated */
	URI_MAX_BYTES = 64 * 1024,
};

struct uri_parts {
	struct str scheme;    /* without ':'; ptr NULL when absent */
	struct str authority; /* without "//"; ptr NULL when absent */
	struct str path;
	struct str query;     /* without '?'; ptr NULL when absent */
	struct str fragment;  /* without '#'; ptr NULL when absent */
};

static bool scheme_char(int c, bool first)
{
	if (ascii_is_alpha(c))
		return true;
	return !first && (ascii_is_digit(c) || c == '+' || c == '-' || c == '.');
}

static size_t scheme_len(struct str s)
{
	size_t i = 0;

	while (i < s.len && scheme_char((unsigned char)s.ptr[i], i == 0))
		i++;
	return i > 0 && i < s.len && s.ptr[i] == ':' ? i : 0;
}

bool uri_has_scheme(struct str s)
{
	return scheme_len(s) > 0;
}

bool uri_is_scheme(struct str s, const char *scheme)
{
	size_t n = scheme_len(s);

	return n && n == strlen(scheme) && str_ieq_mem(s.ptr, scheme, n);
}

static size_t span_until(struct str s, size_t i, const char *stops)
{
	while (i < s.len && !strchr(stops, s.ptr[i]))
		i++;
	return i;
}

static void uri_split(struct str s, struct uri_parts *p)
{
	size_t i = scheme_len(s);

	*p = (struct uri_parts){0};
	if (i) {
		p->scheme = str_make(s.ptr, i);
		i++;
	}
	if (s.len - i >= 2 && s.ptr[i] == '/' && s.ptr[i + 1] == '/') {
		size_t end = span_until(s, i + 2, "/?#");
		p->authority = str_make(s.ptr + i + 2, end - i - 2);
		i = end;
	}
	size_t end = span_until(s, i, "?#");
	p->path = str_make(s.ptr + i, end - i);
	i = end;
	if (i < s.len && s.ptr[i] == '?') {
		end = span_until(s, i + 1, "#");
		p->query = str_make(s.ptr + i + 1, end - i - 1);
		i = end;
	}
	if (i < s.len && s.ptr[i] == '#')
		p->fragment = str_make(s.ptr + i + 1, s.len - i - 1);
}

/* Drops the last segment of out and its preceding '/' (5.2.4 C). */
static void pop_segment(struct buf *out)
{
	size_t n = out->len;

	while (n > 0 && out->ptr[n - 1] != '/')
		n--;
	buf_truncate(out, n ? n - 1 : 0);
}

static bool at(struct str in, size_t i, const char *lit)
{
	size_t n = strlen(lit);

	return in.len - i >= n && !memcmp(in.ptr + i, lit, n);
}

static bool is_rest(struct str in, size_t i, const char *lit)
{
	return in.len - i == strlen(lit) && at(in, i, lit);
}

/* RFC 3986 5.2.4, appending the result to out. */
static int remove_dot_segments(struct buf *out, struct str in)
{
	struct buf seg;
	size_t i = 0;
	int rc = 0;

	buf_init(&seg, URI_MAX_BYTES);
	while (i < in.len && !rc) {
		if (at(in, i, "../")) {
			i += 3;
		} else if (at(in, i, "./")) {
			i += 2;
		} else if (at(in, i, "/./")) {
			i += 2; /* leaves "/..." */
		} else if (is_rest(in, i, "/.")) {
			rc = buf_append_char(&seg, '/');
			i = in.len;
		} else if (at(in, i, "/../")) {
			i += 3;
			pop_segment(&seg);
		} else if (is_rest(in, i, "/..")) {
			pop_segment(&seg);
			rc = buf_append_char(&seg, '/');
			i = in.len;
		} else if (is_rest(in, i, ".") || is_rest(in, i, "..")) {
			i = in.len;
		} else {
			size_t end = i + 1;
			while (end < in.len && in.ptr[end] != '/')
				end++;
			rc = buf_append(&seg, in.ptr + i, end - i);
			i = end;
		}
	}
	if (!rc)
		rc = buf_append(out, seg.ptr, seg.len);
	buf_release(&seg);
	return rc;
}

/* 5.2.3: the base's directory joined with a relative path. */
static int merge_paths(struct buf *out, const struct uri_parts *base,
		       struct str rel)
{
	if (base->authority.ptr && !base->path.len) {
		if (buf_append_char(out, '/'))
			return -1;
	} else {
		size_t n = base->path.len;
		while (n > 0 && base->path.ptr[n - 1] != '/')
			n--;
		if (buf_append(out, base->path.ptr, n))
			return -1;
	}
	return buf_append(out, rel.ptr, rel.len);
}

/* The target's path (5.2.2), dot segments removed. */
static int target_path(struct buf *path, const struct uri_parts *base,
		       const struct uri_parts *ref)
{
	struct buf merged;
	int rc;

	if (ref->path.len && ref->path.ptr[0] == '/')
		return remove_dot_segments(path, ref->path);
	buf_init(&merged, URI_MAX_BYTES);
	rc = merge_paths(&merged, base, ref->path);
	if (!rc)
		rc = remove_dot_segments(path, str_make(merged.ptr, merged.len));
	buf_release(&merged);
	return rc;
}

/* 5.3: the components put back together. */
static int recompose(struct buf *out, const struct uri_parts *t,
		     struct str path)
{
	int rc = 0;

	if (t->scheme.ptr) {
		rc |= buf_append(out, t->scheme.ptr, t->scheme.len);
		rc |= buf_append_char(out, ':');
	}
	if (t->authority.ptr) {
		rc |= buf_append_str(out, "//");
		rc |= buf_append(out, t->authority.ptr, t->authority.len);
	}
	rc |= buf_append(out, path.ptr, path.len);
	if (t->query.ptr) {
		rc |= buf_append_char(out, '?');
		rc |= buf_append(out, t->query.ptr, t->query.len);
	}
	if (t->fragment.ptr) {
		rc |= buf_append_char(out, '#');
		rc |= buf_append(out, t->fragment.ptr, t->fragment.len);
	}
	return rc ? -1 : 0;
}

/* The reference as a browser reads an href: trimmed, no tabs or newlines. */
static int clean_ref(struct buf *clean, struct str ref)
{
	while (ref.len && (unsigned char)ref.ptr[0] <= ' ') {
		ref.ptr++;
		ref.len--;
	}
	while (ref.len && (unsigned char)ref.ptr[ref.len - 1] <= ' ')
		ref.len--;
	for (size_t i = 0; i < ref.len; i++) {
		char c = ref.ptr[i];
		if (c != '\t' && c != '\n' && c != '\r' && buf_append_char(clean, c))
			return -1;
	}
	return 0;
}

static int resolve_parts(struct buf *out, const struct uri_parts *b,
			 const struct uri_parts *r)
{
	struct uri_parts t = *r;
	struct buf path;
	int rc = 0;

	buf_init(&path, URI_MAX_BYTES);
	if (r->scheme.ptr) {
		rc = remove_dot_segments(&path, r->path);
	} else if (r->authority.ptr) {
		t.scheme = b->scheme;
		rc = remove_dot_segments(&path, r->path);
	} else {
		t.scheme = b->scheme;
		t.authority = b->authority;
		if (!r->path.len) {
			rc = buf_append(&path, b->path.ptr, b->path.len);
			if (!r->query.ptr)
				t.query = b->query;
		} else {
			rc = target_path(&path, b, r);
		}
	}
	if (!rc)
		rc = recompose(out, &t, str_make(path.ptr, path.len));
	buf_release(&path);
	return rc;
}

int uri_resolve(struct buf *out, struct str base, struct str ref)
{
	struct uri_parts b, r;
	struct buf clean;
	size_t mark = out->len;
	int rc = -1;

	if (base.len > URI_MAX_BYTES || ref.len > URI_MAX_BYTES)
		return -1;
	/* views of NULL are empty strings here: no arithmetic on NULL */
	if (!base.ptr)
		base = str_make("", 0);
	if (!ref.ptr)
		ref = str_make("", 0);
	buf_init(&clean, URI_MAX_BYTES);
	if (clean_ref(&clean, ref))
		goto done;
	uri_split(str_make(clean.ptr, clean.len), &r);
	uri_split(base, &b);
	if (!r.scheme.ptr && !b.scheme.ptr)
		goto done;
	rc = resolve_parts(out, &b, &r);
done:
	buf_release(&clean);
	if (rc)
		buf_truncate(out, mark);
	return rc;
}
