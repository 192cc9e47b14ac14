/*
 * netpolicy.c - the address classifier of --deny-private.
 *
 * The ranges are data: one table per family, each row a prefix, its
 * length and the name reported.  IPv6 forms that embed an IPv4 address
 * are unwrapped first and judged as that address, so ::ffff:127.0.0.1
 * or 64:ff9b::a00:1 cannot stand in for 127.0.0.1 or 10.0.0.1.
 *
 * To refuse another range, add a row; the unit tests in
 * tests/unit/test_netpolicy.c list an address inside and just outside
 * each one.
 */
#include "fetch/netpolicy.h"

#include <netinet/in.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>

struct v4_range {
	uint32_t prefix;
	unsigned bits;
	const char *name;
};

/* IANA's special-purpose registry, the parts no public server lives in. */
static const struct v4_range v4_refused[] = {
    {0x00000000u, 8, "\"this network\" (0.0.0.0/8)"},
    {0x0a000000u, 8, "private (10.0.0.0/8)"},
    {0x64400000u, 10, "shared, carrier-grade NAT (100.64.0.0/10)"},
    {0x7f000000u, 8, "loopback (127.0.0.0/8)"},
    {0xa9fe0000u, 16, "link-local (169.254.0.0/16)"},
    {0xac100000u, 12, "private (172.16.0.0/12)"},
    {0xc0a80000u, 16, "private (192.168.0.0/16)"},
    {0xe0000000u, 4, "multicast (224.0.0.0/4)"},
    {0xf0000000u, 4, "reserved or broadcast (240.0.0.0/4)"},
};

struct v6_range {
	unsigned char prefix[16];
	unsigned bits;
	const char *name;
};

static const struct v6_range v6_refused[] = {
    {{0}, 128, "unspecified (::)"},
    {{[15] = 1}, 128, "loopback (::1)"},
    {{0xfe, 0x80}, 10, "link-local (fe80::/10)"},
    {{0xfe, 0xc0}, 10, "site-local (fec0::/10)"},
    {{0xfc}, 7, "unique local (fc00::/7)"},
    {{0xff}, 8, "multicast (ff00::/8)"},
};

/* Forms that carry an IPv4 address at a known offset. */
struct v6_embed {
	unsigned char prefix[16];
	unsigned bits;
	unsigned offset; /* where the IPv4 address starts */
};

static const struct v6_embed v6_embedded[] = {
    {{[10] = 0xff, [11] = 0xff}, 96, 12}, /* ::ffff:a.b.c.d, mapped */
    {{0}, 96, 12},                        /* ::a.b.c.d, compatible */
    {{0x00, 0x64, 0xff, 0x9b}, 96, 12},   /* 64:ff9b::/96, NAT64 */
    {{0x20, 0x02}, 16, 2},                /* 2002:aabb:ccdd::/48, 6to4 */
};

static bool v6_has_prefix(const unsigned char *a, const unsigned char *p,
			  unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;

	if (memcmp(a, p, whole) != 0)
		return false;
	if (!rest)
		return true;
	unsigned char mask = (unsigned char)(0xffu << (8 - rest));
	return (a[whole] & mask) == (p[whole] & mask);
}

const char *netpolicy_private_v4(uint32_t addr)
{
	for (size_t i = 0; i < sizeof(v4_refused) / sizeof(v4_refused[0]);
	     i++) {
		uint32_t mask = 0xffffffffu << (32 - v4_refused[i].bits);

		if ((addr & mask) == v4_refused[i].prefix)
			return v4_refused[i].name;
	}
	return NULL;
}

const char *netpolicy_private_v6(const unsigned char addr[16])
{
	size_t i;

	/* :: and ::1 first: they also match the compatible form's prefix. */
	for (i = 0; i < sizeof(v6_refused) / sizeof(v6_refused[0]); i++) {
		if (v6_has_prefix(addr, v6_refused[i].prefix,
				  v6_refused[i].bits))
			return v6_refused[i].name;
	}
	for (i = 0; i < sizeof(v6_embedded) / sizeof(v6_embedded[0]); i++) {
		const unsigned char *v4 = addr + v6_embedded[i].offset;

		if (!v6_has_prefix(addr, v6_embedded[i].prefix,
				   v6_embedded[i].bits))
			continue;
		return netpolicy_private_v4((uint32_t)v4[0] << 24 |
					    (uint32_t)v4[1] << 16 |
					    (uint32_t)v4[2] << 8 | v4[3]);
	}
	return NULL;
}

const char *netpolicy_private_range(const struct sockaddr *sa, size_t len)
{
	static const char not_ip[] = "not an IP address";

	if (!sa || len < sizeof(sa->sa_family))
		return not_ip;
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		struct sockaddr_in in;

		memcpy(&in, sa, sizeof(in));
		return netpolicy_private_v4(ntohl(in.sin_addr.s_addr));
	}
	if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 in6;

		memcpy(&in6, sa, sizeof(in6));
		return netpolicy_private_v6(in6.sin6_addr.s6_addr);
	}
	return not_ip;
}
