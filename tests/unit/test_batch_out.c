/*
 * test_batch_out.c - the --resume ledger (complete records count, a torn
 * last line is cut off, a changed list is noticed) and whole-record
 * writes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch_out.h"

static char dir[64];

static const char *path_of(const char *name)
{
	static char path[256];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static long file_size(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return (long)st.st_size;
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/test_batch_out.XXXXXX");
	signal(SIGPIPE, SIG_IGN);
	return mkdtemp(dir) ? 0 : -1;
}

static int group_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

#define REC(i, input)                                                          \
	"{\"schema_version\":1,\"input\":\"" input "\",\"index\":" #i          \
	",\"title\":null}\n"

static void test_resume_loads_and_cuts(void **state)
{
	const char *path = path_of("out.jsonl");
	static const char good[] = REC(0, "http://a/")
	    REC(2, "http://c/") "not json at all\n" REC(5, "page.html");
	struct batch_ledger *l;
	bool changed;

	(void)state;
	write_file(path, good);
	/* ... and a record torn by a kill in the middle of its write */
	FILE *f = fopen(path, "ab");
	fputs("{\"schema_version\":1,\"input\":\"http://d/\",\"ind", f);
	fclose(f);

	int fd = batch_out_open(path, true, &l);
	assert_true(fd >= 0);
	assert_non_null(l);
	assert_int_equal(file_size(path), (long)sizeof(good) - 1);
	assert_int_equal(batch_ledger_count(l), 3);
	assert_true(batch_ledger_done(l, 0, "http://a/", &changed));
	assert_false(batch_ledger_done(l, 1, "http://b/", &changed));
	assert_false(changed);
	assert_true(batch_ledger_done(l, 2, "http://c/", &changed));
	assert_false(batch_ledger_done(l, 3, "http://d/", &changed));
	assert_true(batch_ledger_done(l, 5, "page.html", &changed));
	assert_false(batch_ledger_done(l, 1000000, "x", &changed));
	/* Entry 2 names another input: the list is not the same. */
	assert_false(batch_ledger_done(l, 2, "http://other/", &changed));
	assert_true(changed);

	/* New records are appended after the last complete one. */
	assert_int_equal(batch_out_write(fd, REC(3, "http://d/"),
					 sizeof(REC(3, "http://d/")) - 1),
			 0);
	close(fd);
	batch_ledger_free(l);
	assert_int_equal(
	    file_size(path),
	    (long)(sizeof(good) - 1 + sizeof(REC(3, "http://d/")) - 1));
	fd = batch_out_open(path, true, &l);
	assert_true(fd >= 0);
	assert_int_equal(batch_ledger_count(l), 4);
	close(fd);
	batch_ledger_free(l);
}

static void test_resume_creates(void **state)
{
	const char *path = path_of("new.jsonl");
	struct batch_ledger *l;
	bool changed;

	(void)state;
	int fd = batch_out_open(path, true, &l);
	assert_true(fd >= 0);
	assert_int_equal(batch_ledger_count(l), 0);
	assert_false(batch_ledger_done(l, 0, "x", &changed));
	close(fd);
	batch_ledger_free(l);
}

/* Without --resume the file starts empty; without a path it is stdout. */
static void test_plain_open(void **state)
{
	const char *path = path_of("plain.jsonl");
	struct batch_ledger *l;

	(void)state;
	write_file(path, "old content\n");
	int fd = batch_out_open(path, false, &l);
	assert_true(fd >= 0);
	assert_null(l);
	assert_int_equal(file_size(path), 0);
	close(fd);
	assert_int_equal(batch_out_open(NULL, false, &l), STDOUT_FILENO);
	assert_int_equal(batch_out_open(dir, false, &l), -1);
}

static void test_closed_pipe(void **state)
{
	int fds[2];

	(void)state;
	assert_int_equal(pipe(fds), 0);
	close(fds[0]);
	errno = 0;
	assert_int_equal(batch_out_write(fds[1], "x\n", 2), -1);
	assert_int_equal(errno, EPIPE);
	close(fds[1]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_resume_loads_and_cuts),
	    cmocka_unit_test(test_resume_creates),
	    cmocka_unit_test(test_plain_open),
	    cmocka_unit_test(test_closed_pipe),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
