/*
 * netpolicy.h - which IP addresses --deny-private refuses to connect to.
 *
 * A pure classifier over addresses, with no I/O: the fetch stage asks it
 * about every address libcurl is about to connect to (the first one, each
 * redirect's and each one a name resolves to, so neither a redirect nor a
 * name that changes what it resolves to gets past it).
 *
 * Refused (each answer names its range):
 *   IPv4  0.0.0.0/8 "this network", 10/8, 172.16/12, 192.168/16
 *         (RFC 1918), 100.64/10 (shared, carrier-grade NAT), 127/8
 *         loopback, 169.254/16 link-local, 224/4 multicast, 240/4
 *         reserved (with 255.255.255.255 broadcast);
 *   IPv6  :: unspecified, ::1 loopback, fe80::/10 link-local, fec0::/10
 *         site-local, fc00::/7 unique local, ff00::/8 multicast; and the
 *         forms that carry an IPv4 address, judged by that address:
 *         ::ffff:0:0/96 mapped, ::/96 compatible, 64:ff9b::/96 NAT64,
 *         2002::/16 6to4.
 * Everything else is allowed.
 */
#ifndef EXTRACT_NETPOLICY_H
#define EXTRACT_NETPOLICY_H

#include <stddef.h>
#include <stdint.h>

struct sockaddr;

/*
 * The range that makes the address at sa (len bytes; AF_INET or
 * AF_INET6) refused, as a static string such as "loopback", or NULL when
 * it is allowed.  An address of another family, or too short for its
 * family, is refused as "not an IP address".
 */
const char *netpolicy_private_range(const struct sockaddr *sa, size_t len);

/* The same for an IPv4 address in host byte order ... */
const char *netpolicy_private_v4(uint32_t addr);
/* ... and for an IPv6 address's 16 bytes, in network order. */
const char *netpolicy_private_v6(const unsigned char addr[16]);

#endif
