/*
 * test_netpolicy.c - the --deny-private classifier, over addresses inside
 * and just outside every refused range, in IPv4, IPv6 and the IPv6 forms
 * that carry an IPv4 address.  Nothing here connects anywhere.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "fetch/netpolicy.h"

struct verdict {
	const char *addr;
	const char *range; /* a word of the range's name; NULL = allowed */
};

/* Through the sockaddr entry point, as the fetch stage calls it. */
static const char *classify(const char *text)
{
	struct sockaddr_in in = {0};
	struct sockaddr_in6 in6 = {0};

	if (inet_pton(AF_INET, text, &in.sin_addr) == 1) {
		in.sin_family = AF_INET;
		in.sin_port = htons(80);
		return netpolicy_private_range((const struct sockaddr *)&in,
					       sizeof(in));
	}
	if (inet_pton(AF_INET6, text, &in6.sin6_addr) == 1) {
		in6.sin6_family = AF_INET6;
		in6.sin6_port = htons(443);
		return netpolicy_private_range((const struct sockaddr *)&in6,
					       sizeof(in6));
	}
	fail_msg("test address %s does not parse", text);
	return NULL;
}

static void check_all(const struct verdict *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *got = classify(v[i].addr);

		if (!v[i].range && got)
			fail_msg("%s: refused as %s, should be allowed",
				 v[i].addr, got);
		if (v[i].range && !got)
			fail_msg("%s: allowed, should be refused (%s)",
				 v[i].addr, v[i].range);
		if (v[i].range && !strstr(got, v[i].range))
			fail_msg("%s: refused as %s, expected %s", v[i].addr,
				 got, v[i].range);
	}
}

#define CHECK_ALL(table) check_all(table, sizeof(table) / sizeof(table[0]))

static void ipv4_ranges_and_their_edges(void **state)
{
	static const struct verdict v[] = {
	    {"0.0.0.0", "this network"},
	    {"0.255.255.255", "this network"},
	    {"1.0.0.0", NULL},
	    {"9.255.255.255", NULL},
	    {"10.0.0.0", "10.0.0.0/8"},
	    {"10.1.2.3", "10.0.0.0/8"},
	    {"10.255.255.255", "10.0.0.0/8"},
	    {"11.0.0.0", NULL},
	    {"100.63.255.255", NULL},
	    {"100.64.0.0", "carrier-grade"},
	    {"100.127.255.255", "carrier-grade"},
	    {"100.128.0.0", NULL},
	    {"126.255.255.255", NULL},
	    {"127.0.0.1", "loopback"},
	    {"127.0.0.2", "loopback"},
	    {"127.255.255.254", "loopback"},
	    {"128.0.0.0", NULL},
	    {"169.253.255.255", NULL},
	    {"169.254.0.1", "link-local"},
	    {"169.254.169.254", "link-local"}, /* cloud metadata */
	    {"169.255.0.0", NULL},
	    {"172.15.255.255", NULL},
	    {"172.16.0.0", "172.16.0.0/12"},
	    {"172.31.255.255", "172.16.0.0/12"},
	    {"172.32.0.0", NULL},
	    {"192.167.255.255", NULL},
	    {"192.168.0.1", "192.168.0.0/16"},
	    {"192.168.255.255", "192.168.0.0/16"},
	    {"192.169.0.0", NULL},
	    {"223.255.255.255", NULL},
	    {"224.0.0.1", "multicast"},
	    {"239.255.255.250", "multicast"},
	    {"240.0.0.1", "reserved"},
	    {"255.255.255.255", "broadcast"},
	    {"8.8.8.8", NULL},
	    {"93.184.216.34", NULL},
	    {"198.51.100.7", NULL},
	};
	(void)state;
	CHECK_ALL(v);
}

static void ipv6_ranges_and_their_edges(void **state)
{
	static const struct verdict v[] = {
	    {"::", "unspecified"},
	    {"::1", "loopback"},
	    {"::2", "this network"}, /* compatible form of 0.0.0.2 */
	    {"fe80::1", "link-local"},
	    {"febf:ffff::1", "link-local"},
	    {"fec0::1", "site-local"},
	    {"feff::1", "site-local"},
	    {"fc00::1", "unique local"},
	    {"fd12:3456:789a::1", "unique local"},
	    {"fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique local"},
	    {"fbff:ffff::1", NULL},
	    {"fe00::1", NULL},
	    {"ff02::1", "multicast"},
	    {"ff0e::101", "multicast"},
	    {"2001:db8::1", NULL},
	    {"2606:4700:4700::1111", NULL},
	    {"2a00:1450:4001:80b::200e", NULL},
	    {"::1:0:0:1", NULL},
	};
	(void)state;
	CHECK_ALL(v);
}

static void ipv6_forms_of_ipv4_are_judged_as_ipv4(void **state)
{
	static const struct verdict v[] = {
	    {"::ffff:127.0.0.1", "loopback"},
	    {"::ffff:7f00:1", "loopback"},
	    {"::ffff:10.0.0.1", "10.0.0.0/8"},
	    {"::ffff:169.254.169.254", "link-local"},
	    {"::ffff:100.64.0.1", "carrier-grade"},
	    {"::ffff:0.0.0.0", "this network"},
	    {"::ffff:224.0.0.1", "multicast"},
	    {"::ffff:8.8.8.8", NULL},
	    {"::127.0.0.1", "loopback"},
	    {"::192.168.1.1", "192.168.0.0/16"},
	    {"::8.8.8.8", NULL},
	    {"64:ff9b::127.0.0.1", "loopback"},
	    {"64:ff9b::a00:1", "10.0.0.0/8"},
	    {"64:ff9b::8.8.8.8", NULL},
	    {"2002:7f00:1::", "loopback"},
	    {"2002:c0a8:101::1", "192.168.0.0/16"},
	    {"2002:808:808::1", NULL},
	    /* Not an embedding form: judged as IPv6. */
	    {"::fffe:127.0.0.1", NULL},
	};
	(void)state;
	CHECK_ALL(v);
}

static void other_families_and_short_lengths_are_refused(void **state)
{
	struct sockaddr_in in = {.sin_family = AF_INET};
	struct sockaddr_in6 in6 = {.sin6_family = AF_INET6};
	struct sockaddr unix_like = {.sa_family = AF_UNIX};
	(void)state;

	in.sin_addr.s_addr = htonl(0x08080808u);
	assert_null(
	    netpolicy_private_range((struct sockaddr *)&in, sizeof(in)));
	assert_non_null(
	    netpolicy_private_range((struct sockaddr *)&in, sizeof(in) - 1));
	assert_non_null(
	    netpolicy_private_range((struct sockaddr *)&in6, sizeof(in6) - 1));
	assert_non_null(netpolicy_private_range(&unix_like, sizeof(unix_like)));
	assert_non_null(netpolicy_private_range(NULL, 0));
}

static void host_order_entry_points(void **state)
{
	static const unsigned char loop6[16] = {[15] = 1};
	static const unsigned char pub6[16] = {0x20, 0x01, 0x0d,
					       0xb8, [15] = 1};
	(void)state;

	assert_non_null(netpolicy_private_v4(0x7f000001u));
	assert_null(netpolicy_private_v4(0x08080808u));
	assert_non_null(netpolicy_private_v6(loop6));
	assert_null(netpolicy_private_v6(pub6));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(ipv4_ranges_and_their_edges),
	    cmocka_unit_test(ipv6_ranges_and_their_edges),
	    cmocka_unit_test(ipv6_forms_of_ipv4_are_judged_as_ipv4),
	    cmocka_unit_test(other_families_and_short_lengths_are_refused),
	    cmocka_unit_test(host_order_entry_points),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
