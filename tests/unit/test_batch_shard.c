/*
 * test_batch_shard.c - --shard I/N: parsing, a hash that never changes,
 * one host in one shard, every key in exactly one shard, and shards of
 * about equal size.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "run/batch_shard.h"

static void parses_i_of_n(void **state)
{
	struct batch_shard s = {0};

	(void)state;
	assert_int_equal(batch_shard_parse("1/4", &s), 0);
	assert_int_equal(s.index, 1);
	assert_int_equal(s.count, 4);
	assert_int_equal(batch_shard_parse("4/4", &s), 0);
	assert_int_equal(batch_shard_parse("1/1", &s), 0);
	assert_int_equal(batch_shard_parse("0/4", &s), -1);
	assert_int_equal(batch_shard_parse("5/4", &s), -1);
	assert_int_equal(batch_shard_parse("1/0", &s), -1);
	assert_int_equal(batch_shard_parse("1", &s), -1);
	assert_int_equal(batch_shard_parse("/4", &s), -1);
	assert_int_equal(batch_shard_parse("1/", &s), -1);
	assert_int_equal(batch_shard_parse("-1/4", &s), -1);
	assert_int_equal(batch_shard_parse("1/4x", &s), -1);
	assert_int_equal(batch_shard_parse("1/99999999999999999999", &s), -1);
}

/* The published FNV-1a 64 test vectors: the hash must never change. */
static void the_hash_is_fnv1a(void **state)
{
	(void)state;
	assert_true(batch_shard_hash("", 0) == 0xcbf29ce484222325ULL);
	assert_true(batch_shard_hash("a", 1) == 0xaf63dc4c8601ec8cULL);
	assert_true(batch_shard_hash("foobar", 6) == 0x85944171f73967e8ULL);
	/* ASCII case does not matter: host names are case-insensitive */
	assert_true(batch_shard_hash("FooBar", 6) == 0x85944171f73967e8ULL);
}

/* Pinned assignments: a change here would reshuffle users' crawls. */
static void assignments_are_stable(void **state)
{
	static const struct {
		const char *key;
		unsigned long count, shard;
	} pinned[] = {
	    {"example.com", 4, 2}, {"example.org", 4, 3},
	    {"www.example.net", 16, 14}, {"a.example", 3, 3},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(pinned) / sizeof(pinned[0]); i++) {
		unsigned long got = batch_shard_of(
		    pinned[i].key, strlen(pinned[i].key), pinned[i].count);
		assert_int_equal(got, pinned[i].shard);
	}
}

static void one_host_one_shard(void **state)
{
	char key[64];

	(void)state;
	assert_int_equal(batch_shard_host_len("example.com:443"), 11);
	assert_int_equal(batch_shard_host_len("[::1]:8080"), 5);
	assert_int_equal(batch_shard_host_len("[::1]"), 5);
	assert_int_equal(batch_shard_host_len("example.com"), 11);
	for (unsigned long n = 1; n <= 64; n++) {
		unsigned long a = batch_shard_of("News.Example.COM", 16, n);
		assert_int_equal(batch_shard_of("news.example.com", 16, n), a);
		snprintf(key, sizeof(key), "news.example.com:8080");
		assert_int_equal(
		    batch_shard_of(key, batch_shard_host_len(key), n), a);
	}
}

/* Every key in exactly one of the N shards, and shards of similar size. */
static void shards_partition_and_balance(void **state)
{
	enum { KEYS = 20000 };
	static const unsigned long counts[] = {2, 3, 7, 16, 100};
	char key[64];

	(void)state;
	for (size_t c = 0; c < sizeof(counts) / sizeof(counts[0]); c++) {
		unsigned long n = counts[c];
		unsigned long size[100] = {0};
		for (int i = 0; i < KEYS; i++) {
			int len = snprintf(key, sizeof(key),
					   "host%d.example.org", i);
			unsigned long owners = 0;
			for (unsigned long s = 1; s <= n; s++) {
				struct batch_shard sh = {s, n};
				owners +=
				    batch_shard_keeps(&sh, key, (size_t)len);
			}
			assert_int_equal(owners, 1);
			size[batch_shard_of(key, (size_t)len, n) - 1]++;
		}
		double mean = (double)KEYS / (double)n;
		for (unsigned long s = 0; s < n; s++) {
			/* within 25 % of the mean (about 5 sigma at n = 100) */
			assert_true((double)size[s] > 0.75 * mean);
			assert_true((double)size[s] < 1.25 * mean);
		}
	}
}

static void no_sharding_keeps_everything(void **state)
{
	struct batch_shard none = {0, 0};

	(void)state;
	assert_true(batch_shard_keeps(&none, "anything", 8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(parses_i_of_n),
	    cmocka_unit_test(the_hash_is_fnv1a),
	    cmocka_unit_test(assignments_are_stable),
	    cmocka_unit_test(one_host_one_shard),
	    cmocka_unit_test(shards_partition_and_balance),
	    cmocka_unit_test(no_sharding_keeps_everything),
	};
	return cmocka_run_group_tests_name("batch_shard", tests, NULL, NULL);
}
