/*
 * test_fetch_local.c - files and stdin as responses: plain, gzip, caps.
 *
 * Every input is written into a private mkdtemp directory that the group
 * teardown empties and removes.  gzip inputs are made here with zlib so
 * that no binary fixture has to live in the repository.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "base/buf.h"
#include "fetch/fetch_local.h"
#include "base/response.h"

#define PAGE "<html><head><title>T</title></head><body><p>Hello</p></body>"

struct local_env {
	char dir[64];
};

static char *env_path(void **state, const char *name)
{
	const struct local_env *env = *state;
	static char path[256];

	snprintf(path, sizeof(path), "%s/%s", env->dir, name);
	return path;
}

static void write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* One complete gzip member holding data, appended to out. */
static void gzip_member(struct buf *out, const void *data, size_t len)
{
	unsigned char chunk[16384];
	z_stream zs = {0};
	int ret;

	/* 15 + 16: the largest window, with a gzip wrapper. */
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 15 + 16, 8,
				      Z_DEFAULT_STRATEGY),
			 Z_OK);
	zs.next_in = (unsigned char *)(uintptr_t)data;
	zs.avail_in = (uInt)len;
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof(chunk);
		ret = deflate(&zs, Z_FINISH);
		assert_true(ret == Z_OK || ret == Z_STREAM_END);
		assert_int_equal(buf_append(out, chunk,
					    sizeof(chunk) - zs.avail_out),
				 0);
	} while (ret != Z_STREAM_END);
	deflateEnd(&zs);
}

static int group_setup(void **state)
{
	struct local_env *env = calloc(1, sizeof(*env));

	if (!env)
		return -1;
	snprintf(env->dir, sizeof(env->dir), "/tmp/test_fetch_local.XXXXXX");
	if (!mkdtemp(env->dir)) {
		free(env);
		return -1;
	}
	*state = env;
	return 0;
}

static int group_teardown(void **state)
{
	struct local_env *env = *state;
	DIR *d = opendir(env->dir);
	const struct dirent *de;
	char path[512];

	while (d && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 ||
		    strcmp(de->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", env->dir, de->d_name);
		if (rmdir(path) != 0)
			unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(env->dir);
	free(env);
	return 0;
}

static void test_plain_file(void **state)
{
	char *path = env_path(state, "plain.html");
	struct response r;

	write_file(path, PAGE, strlen(PAGE));
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), 0);
	assert_int_equal(r.fail, FAIL_NONE);
	assert_int_equal(r.body_len, strlen(PAGE));
	assert_string_equal(r.body, PAGE);
	assert_int_equal(r.status, 0);
	assert_null(r.url);
	assert_null(r.final_url);
	response_release(&r);
}

static void test_empty_file(void **state)
{
	char *path = env_path(state, "empty.html");
	struct response r;

	write_file(path, "", 0);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), 0);
	assert_non_null(r.body);
	assert_int_equal(r.body_len, 0);
	assert_string_equal(r.body, "");
	response_release(&r);
}

static void test_cap_is_inclusive(void **state)
{
	char *path = env_path(state, "exact.html");
	struct response r;

	write_file(path, PAGE, strlen(PAGE));
	response_init(&r, path);
	assert_int_equal(fetch_local(path, strlen(PAGE), &r), 0);
	assert_int_equal(r.body_len, strlen(PAGE));
	response_release(&r);
}

static void test_cap_exceeded_plain(void **state)
{
	char *path = env_path(state, "big.html");
	size_t len = 300000;
	char *data = malloc(len);
	struct response r;

	assert_non_null(data);
	memset(data, 'x', len);
	write_file(path, data, len);
	free(data);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, len - 1, &r), -1);
	assert_int_equal(r.fail, FAIL_TOO_LARGE);
	assert_null(r.body);
	assert_non_null(strstr(r.fail_detail, "larger than 299999 bytes"));
	response_release(&r);
}

static void test_gzip_file(void **state)
{
	char *path = env_path(state, "page.html.gz");
	struct buf gz;
	struct response r;

	buf_init(&gz, BUF_NO_MAX);
	gzip_member(&gz, PAGE, strlen(PAGE));
	write_file(path, gz.ptr, gz.len);
	buf_release(&gz);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), 0);
	assert_int_equal(r.body_len, strlen(PAGE));
	assert_string_equal(r.body, PAGE);
	response_release(&r);
}

static void test_gzip_two_members(void **state)
{
	char *path = env_path(state, "two.gz");
	struct buf gz;
	struct response r;

	buf_init(&gz, BUF_NO_MAX);
	gzip_member(&gz, "<p>first</p>", 12);
	gzip_member(&gz, "<p>second</p>", 13);
	write_file(path, gz.ptr, gz.len);
	buf_release(&gz);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), 0);
	assert_string_equal(r.body, "<p>first</p><p>second</p>");
	assert_int_equal(r.body_len, 25);
	response_release(&r);
}

static void expect_corrupt(const char *path)
{
	struct response r;

	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), -1);
	assert_int_equal(r.fail, FAIL_UNREADABLE);
	assert_null(r.body);
	assert_non_null(strstr(r.fail_detail, "corrupt gzip data"));
	assert_non_null(strstr(r.fail_detail, path));
	response_release(&r);
}

static void test_gzip_corrupt(void **state)
{
	static const unsigned char junk[] = {0x1f, 0x8b, 0x08, 0x00, 0xde,
					     0xad, 0xbe, 0xef, 0x00, 0x03,
					     0xff, 0xff, 0xff, 0xff, 0x12};
	char *path = env_path(state, "corrupt.gz");

	write_file(path, junk, sizeof(junk));
	expect_corrupt(path);
}

static void test_gzip_truncated(void **state)
{
	char *path = env_path(state, "truncated.gz");
	struct buf gz;

	buf_init(&gz, BUF_NO_MAX);
	gzip_member(&gz, PAGE, strlen(PAGE));
	write_file(path, gz.ptr, gz.len - 6);
	buf_release(&gz);
	expect_corrupt(path);
}

static void test_gzip_bomb(void **state)
{
	char *path = env_path(state, "bomb.gz");
	size_t len = (size_t)32 << 20;
	char *zeros = calloc(1, len);
	struct buf gz;
	struct response r;

	assert_non_null(zeros);
	buf_init(&gz, BUF_NO_MAX);
	gzip_member(&gz, zeros, len);
	free(zeros);
	assert_true(gz.len < 100000);
	write_file(path, gz.ptr, gz.len);
	buf_release(&gz);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), -1);
	assert_int_equal(r.fail, FAIL_TOO_LARGE);
	assert_null(r.body);
	assert_non_null(strstr(r.fail_detail, "larger than 1048576 bytes"));
	response_release(&r);
}

static void test_missing_file(void **state)
{
	char *path = env_path(state, "no-such-file.html");
	char want[300];
	struct response r;

	snprintf(want, sizeof(want), "%s: No such file or directory", path);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), -1);
	assert_int_equal(r.fail, FAIL_UNREADABLE);
	assert_null(r.body);
	assert_string_equal(r.fail_detail, want);
	response_release(&r);
}

static void test_directory(void **state)
{
	char *path = env_path(state, "subdir");
	struct response r;

	assert_int_equal(mkdir(path, 0700), 0);
	response_init(&r, path);
	assert_int_equal(fetch_local(path, 1 << 20, &r), -1);
	assert_int_equal(r.fail, FAIL_UNREADABLE);
	assert_non_null(strstr(r.fail_detail, "Is a directory"));
	response_release(&r);
}

static void test_stdin(void **state)
{
	char *path = env_path(state, "stdin.html");
	int saved = dup(STDIN_FILENO);
	int fd;
	struct response r;
	int rc;

	write_file(path, PAGE, strlen(PAGE));
	fd = open(path, O_RDONLY);
	assert_true(saved >= 0 && fd >= 0);
	assert_int_equal(dup2(fd, STDIN_FILENO), STDIN_FILENO);
	close(fd);
	response_init(&r, "-");
	rc = fetch_local("-", 1 << 20, &r);
	dup2(saved, STDIN_FILENO);
	close(saved);
	assert_int_equal(rc, 0);
	assert_string_equal(r.body, PAGE);
	assert_int_equal(r.status, 0);
	response_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_file),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_cap_is_inclusive),
		cmocka_unit_test(test_cap_exceeded_plain),
		cmocka_unit_test(test_gzip_file),
		cmocka_unit_test(test_gzip_two_members),
		cmocka_unit_test(test_gzip_corrupt),
		cmocka_unit_test(test_gzip_truncated),
		cmocka_unit_test(test_gzip_bomb),
		cmocka_unit_test(test_missing_file),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_stdin),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
