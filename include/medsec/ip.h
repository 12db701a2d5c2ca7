/*
 * ip.h - addresses and prefixes as hospitals write them, and whether they
 * are global. Used by intake (validation) and later by the scanner's scope.
 */
#ifndef MEDSEC_IP_H
#define MEDSEC_IP_H

#include <stddef.h>
#include <stdint.h>

struct ms_prefix {
	int family;       /* AF_INET or AF_INET6 */
	uint8_t addr[16]; /* network byte order; IPv4 uses the first 4 */
	int len;          /* prefix length; 32 or 128 for one address */
};

enum ms_prefix_parse_result {
	MS_PREFIX_OK = 0,
	MS_PREFIX_SYNTAX = -1,     /* not an address */
	MS_PREFIX_BAD_LENGTH = -2, /* /N out of range */
	MS_PREFIX_HOST_BITS = -3,  /* "203.0.113.9/29": bits set past the prefix */
};

/* Parses "ADDR" or "ADDR/LEN" (IPv4 or IPv6); surrounding blanks are not allowed. */
enum ms_prefix_parse_result ms_prefix_parse(const char *s, struct ms_prefix *out);

/* Parses "ADDR/LEN" where ADDR is a host on that network (a terminal's "192.168.1.25/24"). */
enum ms_prefix_parse_result ms_ifaddr_parse(const char *s, struct ms_prefix *out);

/* Canonical text ("2001:db8::1", "203.0.113.0/29"; no /32 or /128 for one address). */
void ms_prefix_format(const struct ms_prefix *p, char *buf, size_t size);

enum ms_addr_class {
	MS_ADDR_GLOBAL,     /* reachable from the internet */
	MS_ADDR_TEST,       /* documentation and benchmarking ranges (198.18.0.0/15 ...) */
	MS_ADDR_NON_GLOBAL, /* private, loopback, link-local, multicast, reserved ... */
};

/* Class of the whole prefix: global only if no part of it is special. */
enum ms_addr_class ms_prefix_classify(const struct ms_prefix *p);

/* Is every address of inner also in outer? */
int ms_prefix_contains(const struct ms_prefix *outer, const struct ms_prefix *inner);

/* Number of addresses in p, saturated at UINT64_MAX. */
uint64_t ms_prefix_size(const struct ms_prefix *p);

#endif
