/*
 * test_batch_hosts.c - per-host politeness (the transfer limit and the
 * delay between starts), and the URL check that gives batch mode its
 * host keys and refuses unusable list lines.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "batch/batch_hosts.h"
#include "fetch/fetch.h"

static void test_per_host_limit(void **state)
{
	struct batch_hosts *h = batch_hosts_new(2, 0);
	double when = -1;

	(void)state;
	batch_hosts_hold(h, "a:80");
	batch_hosts_hold(h, "a:80");
	batch_hosts_hold(h, "a:80");
	batch_hosts_hold(h, "b:80");
	assert_true(batch_hosts_may_start(h, "a:80", 0, &when));
	batch_hosts_started(h, "a:80", 0);
	batch_hosts_started(h, "a:80", 0);
	assert_false(batch_hosts_may_start(h, "a:80", 0, &when));
	assert_true(when < 0); /* the count, not a delay, is in the way */
	assert_true(batch_hosts_may_start(h, "b:80", 0, &when));
	batch_hosts_finished(h, "a:80");
	assert_true(batch_hosts_may_start(h, "a:80", 0, &when));
	/* An unknown host has no limit in the way. */
	assert_true(batch_hosts_may_start(h, "c:443", 0, &when));
	batch_hosts_free(h);
}

static void test_delay(void **state)
{
	struct batch_hosts *h = batch_hosts_new(4, 1.5);
	double when = 0;

	(void)state;
	batch_hosts_hold(h, "a:80");
	batch_hosts_hold(h, "a:80");
	batch_hosts_started(h, "a:80", 10);
	assert_false(batch_hosts_may_start(h, "a:80", 11, &when));
	assert_true(when > 11.49 && when < 11.51);
	assert_true(batch_hosts_may_start(h, "a:80", 11.5, &when));
	batch_hosts_finished(h, "a:80");
	/* Dropped by everyone, the host keeps its delay until it runs out. */
	batch_hosts_drop(h, "a:80", 11);
	batch_hosts_drop(h, "a:80", 11);
	assert_false(batch_hosts_may_start(h, "a:80", 11.2, &when));
	batch_hosts_free(h);
}

static void expect_key(const char *url, const char *key)
{
	char *host = NULL, *why = NULL;

	assert_int_equal(fetch_url_check(url, &host, &why), 0);
	assert_null(why);
	assert_string_equal(host, key);
	free(host);
}

static void expect_refused(const char *url, const char *reason)
{
	char *host = NULL, *why = NULL;

	assert_int_equal(fetch_url_check(url, &host, &why), -1);
	assert_null(host);
	assert_non_null(why);
	assert_non_null(strstr(why, reason));
	free(why);
}

static void test_url_check(void **state)
{
	(void)state;
	expect_key("http://Example.COM/a?b#c", "example.com:80");
	expect_key("https://example.com/", "example.com:443");
	expect_key("http://127.0.0.1:8080", "127.0.0.1:8080");
	expect_key("HTTP://example.org", "example.org:80");
	expect_key("http://[::1]:81/x", "[::1]:81");
	expect_refused("ftp://example.com/file", "unsupported scheme");
	expect_refused("gopher://example.com/", "unsupported scheme");
	expect_refused("http://", "invalid URL");
	expect_refused("http://[::1/", "invalid URL");
	expect_refused("http://exa mple.com/", "invalid URL");
	expect_refused("http://example.com/a b", "invalid URL");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_per_host_limit),
	    cmocka_unit_test(test_delay),
	    cmocka_unit_test(test_url_check),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
