/* reply.c - which packets answer our probes, and the probes themselves (reply.h). */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "scan/engine.h"
#include "scan/reply.h"

static uint16_t checksum(const void *data, size_t len, uint32_t sum)
{
	const uint8_t *p = data;

	for (; len > 1; p += 2, len -= 2)
		sum += (uint32_t)(p[0] << 8 | p[1]);
	if (len)
		sum += (uint32_t)(p[0] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* Wire layouts by offset (RFC 791, RFC 9293): no struct differs between libcs here. */
#define TCP_SYN 0x02
#define TCP_RST 0x04
#define TCP_ACK 0x10

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)get16(p) << 16 | get16(p + 2);
}

uint32_t reply_cookie(const struct reply_ctx *c, uint32_t daddr, uint16_t dport)
{
	return (uint32_t)scan_mix64(
	        c->key[0] ^
	        scan_mix64(((uint64_t)daddr << 32 | (uint64_t)dport << 16 | c->sport) ^ c->key[1]));
}

void reply_build_syn(const struct reply_ctx *c, uint8_t pkt[44], uint32_t saddr, uint32_t daddr,
                     uint16_t port, uint16_t ip_id)
{
	uint8_t *tcp = pkt + 20;
	uint32_t sum;

	memset(pkt, 0, 44);
	pkt[0] = 0x45; /* IPv4, 20-byte header */
	put16(pkt + 2, 44);
	put16(pkt + 4, ip_id);
	pkt[8] = 64; /* TTL */
	pkt[9] = IPPROTO_TCP;
	put32(pkt + 12, saddr); /* the kernel fills the header checksum */
	put32(pkt + 16, daddr);
	put16(tcp, c->sport);
	put16(tcp + 2, port);
	put32(tcp + 4, reply_cookie(c, daddr, port));
	tcp[12] = 6 << 4; /* 24-byte header: with the MSS option */
	tcp[13] = TCP_SYN;
	put16(tcp + 14, 1024);                   /* window */
	memcpy(tcp + 20, "\x02\x04\x05\xb4", 4); /* MSS 1460 */
	sum = (saddr >> 16) + (saddr & 0xffff) + (daddr >> 16) + (daddr & 0xffff) + IPPROTO_TCP +
	      24;
	put16(tcp + 16, checksum(tcp, 24, sum));
}

/* The probe an answer from (address, port) belongs to, or -1. */
static int64_t probe_at(const struct reply_ctx *c, const struct sockaddr *sa, uint16_t port)
{
	long t = scan_scope_find(c->scope, sa);
	size_t lo = 0, hi = c->ports->n;

	if (t < 0)
		return -1; /* not from the scope: never counted */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (c->ports->v[mid] < port)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == c->ports->n || c->ports->v[lo] != port)
		return -1;
	return (int64_t)((uint64_t)t * c->ports->n + lo);
}

/* addr in host order */
static int64_t probe_of(const struct reply_ctx *c, uint32_t addr, uint16_t port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(addr) };

	return probe_at(c, (struct sockaddr *)&sin, port);
}

static int64_t probe_of6(const struct reply_ctx *c, const uint8_t addr[16], uint16_t port)
{
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6 };

	memcpy(&sin6.sin6_addr, addr, 16);
	return probe_at(c, (struct sockaddr *)&sin6, port);
}

/* What a segment to our port, acknowledging cookie + 1, says of the port probed. */
static int verdict(const uint8_t *tcp, uint32_t cookie, enum port_state *state)
{
	if (get32(tcp + 8) != cookie + 1)
		return 0; /* not an answer to us */
	if (tcp[13] & TCP_SYN)
		*state = PORT_OPEN;
	else if (tcp[13] & TCP_RST)
		*state = PORT_CLOSED;
	else
		return 0;
	return 1;
}

uint32_t reply_cookie6(const struct reply_ctx *c, const uint8_t a[16], uint16_t dport)
{
	uint64_t hi = (uint64_t)get32(a) << 32 | get32(a + 4),
	         lo = (uint64_t)get32(a + 8) << 32 | get32(a + 12);

	return (uint32_t)scan_mix64(c->key[0] ^ scan_mix64(hi ^ c->key[1]) ^
	                            scan_mix64(lo ^ ((uint64_t)dport << 16 | c->sport)));
}

void reply_build_syn6(const struct reply_ctx *c, uint8_t seg[24], const uint8_t saddr[16],
                      const uint8_t daddr[16], uint16_t port)
{
	uint32_t sum = IPPROTO_TCP + 24; /* pseudo-header: length and next header */

	memset(seg, 0, 24);
	put16(seg, c->sport);
	put16(seg + 2, port);
	put32(seg + 4, reply_cookie6(c, daddr, port));
	seg[12] = 6 << 4;
	seg[13] = TCP_SYN;
	put16(seg + 14, 1024);
	memcpy(seg + 20, "\x02\x04\x05\xa0", 4); /* MSS 1440 */
	for (int i = 0; i < 16; i += 2)
		sum += (uint32_t)get16(saddr + i) + get16(daddr + i);
	put16(seg + 16, checksum(seg, 24, sum));
}

int reply_tcp6(const struct reply_ctx *c, const uint8_t from[16], const uint8_t *seg, size_t n,
               uint64_t *probe, enum port_state *state)
{
	int64_t p;

	if (n < 20 || get16(seg + 2) != c->sport || !(seg[13] & TCP_ACK))
		return 0;
	p = probe_of6(c, from, get16(seg));
	if (p < 0 || !verdict(seg, reply_cookie6(c, from, get16(seg)), state))
		return 0;
	*probe = (uint64_t)p;
	return 1;
}

int reply_icmp6(const struct reply_ctx *c, const uint8_t *msg, size_t n, uint64_t *probe,
                enum port_state *state)
{
	const uint8_t *inner = msg + 8, *tcp = msg + 48;
	int64_t p;

	/* Destination unreachable, quoting a plain IPv6 header and our TCP header (RFC 4443). */
	if (n < 48 + 8 || msg[0] != 1 || inner[0] >> 4 != 6 || inner[6] != IPPROTO_TCP ||
	    get16(tcp) != c->sport)
		return 0;
	p = probe_of6(c, inner + 24, get16(tcp + 2));
	if (p < 0 || get32(tcp + 4) != reply_cookie6(c, inner + 24, get16(tcp + 2)))
		return 0;
	*probe = (uint64_t)p;
	*state = PORT_FILTERED;
	return 1;
}

/* The IPv4 header length of a packet, or 0 if it is not a whole IPv4 header of proto. */
static size_t ip_header(const uint8_t *p, size_t n, uint8_t proto)
{
	size_t ihl;

	if (n < 20 || p[0] >> 4 != 4 || p[9] != proto)
		return 0;
	ihl = (size_t)(p[0] & 15) * 4;
	return ihl >= 20 && ihl <= n ? ihl : 0;
}

int reply_tcp(const struct reply_ctx *c, const uint8_t *pkt, size_t n, uint64_t *probe,
              enum port_state *state)
{
	size_t ihl = ip_header(pkt, n, IPPROTO_TCP);
	const uint8_t *tcp;
	uint32_t from;
	int64_t p;

	if (!ihl || n < ihl + 20)
		return 0;
	tcp = pkt + ihl;
	from = get32(pkt + 12);
	if (get16(tcp + 2) != c->sport || !(tcp[13] & TCP_ACK))
		return 0;
	p = probe_of(c, from, get16(tcp));
	if (p < 0 || !verdict(tcp, reply_cookie(c, from, get16(tcp)), state))
		return 0;
	*probe = (uint64_t)p;
	return 1;
}

int reply_icmp(const struct reply_ctx *c, const uint8_t *pkt, size_t n, uint64_t *probe,
               enum port_state *state)
{
	size_t ihl = ip_header(pkt, n, IPPROTO_ICMP), iihl;
	const uint8_t *inner, *tcp;
	uint32_t to;
	int64_t p;

	if (!ihl || n < ihl + 8 || pkt[ihl] != 3) /* destination unreachable */
		return 0;
	inner = pkt + ihl + 8;
	iihl = ip_header(inner, n - ihl - 8, IPPROTO_TCP);
	if (!iihl || n < ihl + 8 + iihl + 8)
		return 0;
	tcp = inner + iihl;
	to = get32(inner + 16);
	if (get16(tcp) != c->sport)
		return 0;
	p = probe_of(c, to, get16(tcp + 2));
	if (p < 0 || get32(tcp + 4) != reply_cookie(c, to, get16(tcp + 2)))
		return 0;
	*probe = (uint64_t)p;
	*state = PORT_FILTERED;
	return 1;
}
