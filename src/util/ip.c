/* ip.c - address and prefix parsing and classification (ip.h). */
#ifdef _WIN32
#include <ws2tcpip.h> /* inet_pton, inet_ntop: the portable core also builds for Windows */
#else
#include <arpa/inet.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/ip.h"

static int addr_bits(int family)
{
	return family == AF_INET ? 32 : 128;
}

static enum ms_prefix_parse_result parse(const char *s, struct ms_prefix *out, int want_network)
{
	char buf[INET6_ADDRSTRLEN + 8];
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);

	memset(out, 0, sizeof(*out));
	if (alen == 0 || alen >= INET6_ADDRSTRLEN)
		return MS_PREFIX_SYNTAX;
	memcpy(buf, s, alen);
	buf[alen] = '\0';
	if (inet_pton(AF_INET, buf, out->addr) == 1)
		out->family = AF_INET;
	else if (inet_pton(AF_INET6, buf, out->addr) == 1)
		out->family = AF_INET6;
	else
		return MS_PREFIX_SYNTAX;
	out->len = addr_bits(out->family);
	if (slash) {
		const char *p = slash + 1;
		int len = 0;

		if (!*p || strlen(p) > 3)
			return MS_PREFIX_BAD_LENGTH;
		for (; *p; p++) {
			if (*p < '0' || *p > '9')
				return MS_PREFIX_BAD_LENGTH;
			len = len * 10 + (*p - '0');
		}
		if (len > addr_bits(out->family) || (want_network && len == 0))
			return MS_PREFIX_BAD_LENGTH;
		out->len = len;
	}
	if (want_network) {
		for (int bit = out->len; bit < addr_bits(out->family); bit++)
			if (out->addr[bit / 8] & (0x80 >> (bit % 8)))
				return MS_PREFIX_HOST_BITS;
	}
	return MS_PREFIX_OK;
}

enum ms_prefix_parse_result ms_prefix_parse(const char *s, struct ms_prefix *out)
{
	return parse(s, out, 1);
}

enum ms_prefix_parse_result ms_ifaddr_parse(const char *s, struct ms_prefix *out)
{
	return parse(s, out, 0);
}

void ms_prefix_format(const struct ms_prefix *p, char *buf, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	if (!inet_ntop(p->family, p->addr, a, sizeof(a)))
		snprintf(a, sizeof(a), "?");
	if (p->len == addr_bits(p->family))
		snprintf(buf, size, "%s", a);
	else
		snprintf(buf, size, "%s/%d", a, p->len);
}

/* Do the first min(a.len, b.len) bits agree? */
static int overlaps(const struct ms_prefix *a, const struct ms_prefix *b)
{
	int n = a->len < b->len ? a->len : b->len;

	if (a->family != b->family)
		return 0;
	for (int bit = 0; bit < n; bit++) {
		int m = 0x80 >> (bit % 8);

		if ((a->addr[bit / 8] & m) != (b->addr[bit / 8] & m))
			return 0;
	}
	return 1;
}

struct range {
	const char *text;
	enum ms_addr_class cls;
};

/* IANA special-purpose registries (RFC 6890 and successors), reduced to what matters here. */
static const struct range special[] = {
	{ "0.0.0.0/8", MS_ADDR_NON_GLOBAL },
	{ "10.0.0.0/8", MS_ADDR_NON_GLOBAL },
	{ "100.64.0.0/10", MS_ADDR_NON_GLOBAL }, /* carrier-grade NAT */
	{ "127.0.0.0/8", MS_ADDR_NON_GLOBAL },
	{ "169.254.0.0/16", MS_ADDR_NON_GLOBAL },
	{ "172.16.0.0/12", MS_ADDR_NON_GLOBAL },
	{ "192.0.0.0/24", MS_ADDR_NON_GLOBAL },
	{ "192.0.2.0/24", MS_ADDR_TEST }, /* TEST-NET-1 */
	{ "192.88.99.0/24", MS_ADDR_NON_GLOBAL },
	{ "192.168.0.0/16", MS_ADDR_NON_GLOBAL },
	{ "198.18.0.0/15", MS_ADDR_TEST },     /* benchmarking: our test beds */
	{ "198.51.100.0/24", MS_ADDR_TEST },   /* TEST-NET-2 */
	{ "203.0.113.0/24", MS_ADDR_TEST },    /* TEST-NET-3 */
	{ "224.0.0.0/3", MS_ADDR_NON_GLOBAL }, /* multicast, reserved, broadcast */
	{ "2001:2::/48", MS_ADDR_TEST },       /* benchmarking */
	{ "2001:db8::/32", MS_ADDR_TEST },     /* documentation */
	{ "3fff::/20", MS_ADDR_TEST },         /* documentation (RFC 9637) */
};

enum ms_addr_class ms_prefix_classify(const struct ms_prefix *p)
{
	static const struct ms_prefix v6_global_unicast = { AF_INET6, { 0x20 }, 3 };
	enum ms_addr_class cls = MS_ADDR_GLOBAL;

	if (p->family == AF_INET6 && !(p->len >= 3 && overlaps(p, &v6_global_unicast)))
		return MS_ADDR_NON_GLOBAL;
	for (size_t i = 0; i < sizeof(special) / sizeof(special[0]); i++) {
		struct ms_prefix r;

		if (ms_prefix_parse(special[i].text, &r) != MS_PREFIX_OK || !overlaps(p, &r))
			continue;
		if (special[i].cls == MS_ADDR_NON_GLOBAL || p->len < r.len)
			return MS_ADDR_NON_GLOBAL; /* wider than a test range: not all test */
		cls = MS_ADDR_TEST;
	}
	return cls;
}

int ms_prefix_contains(const struct ms_prefix *outer, const struct ms_prefix *inner)
{
	return outer->family == inner->family && outer->len <= inner->len && overlaps(outer, inner);
}

uint64_t ms_prefix_size(const struct ms_prefix *p)
{
	int host = addr_bits(p->family) - p->len;

	return host >= 64 ? UINT64_MAX : (uint64_t)1 << host;
}
