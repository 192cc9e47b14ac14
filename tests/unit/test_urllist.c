/*
 * test_urllist.c - the batch list reader: what is an entry, what is
 * skipped, line numbers, overlong lines, NUL bytes, pipes that deliver
 * a line in pieces, and counting.
 *
 * Lists are written into a private mkdtemp directory that the group
 * teardown removes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/urllist.h"

static char dir[64];

static const char *path_of(const char *name)
{
	static char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static const char *write_list(const char *name, const void *data, size_t len)
{
	const char *path = path_of(name);
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
	return path;
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_urllist.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static void expect_entry(struct urllist *l, const char *text, size_t index,
			 long line, enum urllist_problem problem)
{
	struct urllist_entry e;

	assert_int_equal(urllist_next(l, &e), URLLIST_ENTRY);
	assert_string_equal(e.text, text);
	assert_int_equal(e.len, strlen(text));
	assert_int_equal(e.index, index);
	assert_int_equal(e.line, line);
	assert_int_equal(e.problem, problem);
}

static void expect_end(struct urllist *l)
{
	struct urllist_entry e;

	assert_int_equal(urllist_next(l, &e), URLLIST_END);
	assert_int_equal(urllist_next(l, &e), URLLIST_END);
}

static void test_skips_and_tolerates(void **state)
{
	static const char text[] = "\xEF\xBB\xBFhttp://a.example/1\r\n"
				   "\n"
				   "# a comment\n"
				   "   \t\r\n"
				   "  http://a.example/2  \r\n"
				   "#http://not.an.entry/\n"
				   "page.html";
	const char *path = write_list("basic.txt", text, sizeof(text) - 1);
	struct urllist *l = urllist_open(path);

	(void)state;
	assert_non_null(l);
	expect_entry(l, "http://a.example/1", 0, 1, URLLIST_FINE);
	expect_entry(l, "http://a.example/2", 1, 5, URLLIST_FINE);
	expect_entry(l, "page.html", 2, 7, URLLIST_FINE);
	expect_end(l);
	urllist_close(l);
	assert_int_equal(urllist_count(path), 3);
}

static void test_empty_list(void **state)
{
	const char *path = write_list("empty.txt", "", 0);
	struct urllist *l = urllist_open(path);

	(void)state;
	assert_non_null(l);
	expect_end(l);
	urllist_close(l);
	assert_int_equal(urllist_count(path), 0);
}

static void test_overlong_line(void **state)
{
	size_t n = URLLIST_MAX_LINE + 5000;
	char *text = malloc(2 * n + 64);
	size_t len;

	(void)state;
	assert_non_null(text);
	memcpy(text, "http://x.example/", 17);
	memset(text + 17, 'a', n - 17);
	len = n;
	memcpy(text + len, "\nnext\n# ", 9);
	len += 9;
	memset(text + len, 'c', n); /* an overlong comment: skipped */
	len += n;
	memcpy(text + len, "\nlast", 5);
	len += 5;
	const char *path = write_list("long.txt", text, len);
	struct urllist *l = urllist_open(path);
	struct urllist_entry e;

	assert_non_null(l);
	assert_int_equal(urllist_next(l, &e), URLLIST_ENTRY);
	assert_int_equal(e.problem, URLLIST_TOO_LONG);
	assert_int_equal(e.index, 0);
	assert_int_equal(e.line, 1);
	assert_true(e.len > 17 && e.len <= 256);
	assert_memory_equal(e.text, "http://x.example/aaa", 20);
	expect_entry(l, "next", 1, 2, URLLIST_FINE);
	expect_entry(l, "last", 2, 4, URLLIST_FINE);
	expect_end(l);
	urllist_close(l);
	free(text);
}

static void test_overlong_last_line(void **state)
{
	size_t n = URLLIST_MAX_LINE * 2;
	char *text = malloc(n);

	(void)state;
	assert_non_null(text);
	memset(text, 'z', n);
	const char *path = write_list("longlast.txt", text, n);
	struct urllist *l = urllist_open(path);
	struct urllist_entry e;

	assert_int_equal(urllist_next(l, &e), URLLIST_ENTRY);
	assert_int_equal(e.problem, URLLIST_TOO_LONG);
	expect_end(l);
	urllist_close(l);
	free(text);
}

static void test_nul_byte(void **state)
{
	static const char text[] = "http://a.example/\0rest\n\0\nok\n";
	const char *path = write_list("nul.txt", text, sizeof(text) - 1);
	struct urllist *l = urllist_open(path);

	(void)state;
	expect_entry(l, "http://a.example/", 0, 1, URLLIST_HAS_NUL);
	/* A line of only a NUL is not blank: it still gets a record. */
	expect_entry(l, "", 1, 2, URLLIST_HAS_NUL);
	expect_entry(l, "ok", 2, 3, URLLIST_FINE);
	expect_end(l);
	urllist_close(l);
}

static void test_pipe_in_pieces(void **state)
{
	int fds[2];
	char path[64];
	struct urllist_entry e;

	(void)state;
	assert_int_equal(pipe(fds), 0);
	snprintf(path, sizeof(path), "/dev/fd/%d", fds[0]);
	struct urllist *l = urllist_open(path);
	assert_non_null(l);
	assert_int_equal(urllist_next(l, &e), URLLIST_AGAIN);
	assert_int_equal(write(fds[1], "http://a.exa", 12), 12);
	assert_int_equal(urllist_next(l, &e), URLLIST_AGAIN);
	assert_int_equal(write(fds[1], "mple/\nsecond", 12), 12);
	expect_entry(l, "http://a.example/", 0, 1, URLLIST_FINE);
	assert_int_equal(urllist_next(l, &e), URLLIST_AGAIN);
	close(fds[1]);
	/* The last line needs no newline once the writer is gone. */
	expect_entry(l, "second", 1, 2, URLLIST_FINE);
	expect_end(l);
	urllist_close(l);
	close(fds[0]);
	assert_int_equal(urllist_count(path), -1);
	assert_int_equal(urllist_count("-"), -1);
}

static void test_unopenable(void **state)
{
	(void)state;
	assert_null(urllist_open(path_of("no-such-list.txt")));
	assert_null(urllist_open(dir));
	assert_int_equal(urllist_count(path_of("no-such-list.txt")), -1);
}

/* Many lines across many buffer refills keep their numbers. */
static void test_many_lines(void **state)
{
	const char *path = path_of("many.txt");
	FILE *f = fopen(path, "w");
	struct urllist_entry e;
	size_t n = 0;

	(void)state;
	assert_non_null(f);
	for (int i = 0; i < 50000; i++)
		fprintf(f, "%shttp://h%d.example/%d\n", i % 7 ? "" : "#", i, i);
	assert_int_equal(fclose(f), 0);
	struct urllist *l = urllist_open(path);
	while (urllist_next(l, &e) == URLLIST_ENTRY) {
		char want[64];
		int i = (int)e.line - 1;

		snprintf(want, sizeof(want), "http://h%d.example/%d", i, i);
		assert_string_equal(e.text, want);
		assert_int_equal(e.index, n);
		n++;
	}
	urllist_close(l);
	assert_int_equal(n, 50000 - (50000 + 6) / 7);
	assert_int_equal(urllist_count(path), (long)n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_skips_and_tolerates),
	    cmocka_unit_test(test_empty_list),
	    cmocka_unit_test(test_overlong_line),
	    cmocka_unit_test(test_overlong_last_line),
	    cmocka_unit_test(test_nul_byte),
	    cmocka_unit_test(test_pipe_in_pieces),
	    cmocka_unit_test(test_unopenable),
	    cmocka_unit_test(test_many_lines),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
