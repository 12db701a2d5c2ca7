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
	return (uint32_t)scan_mix64(c->key[0] ^ scan_mix64(((uint64_t)daddr << 32 | (uint64_t)dport << 16 |
					      c->sport) ^ c->key[1]));
}

void reply_build_syn(const struct reply_ctx *c, uint8_t pkt[44], uint32_t saddr, uint32_t daddr,
		     uint16_t port, uint16_t ip_id)
{
	uint8_t *tcp = pkt + 20;
	uint32_t sum;

	memset(pkt, 0, 44);
	pkt[0] = 0x45;				/* IPv4, 20-byte header */
	put16(pkt + 2, 44);
	put16(pkt + 4, ip_id);
	pkt[8] = 64;				/* TTL */
	pkt[9] = IPPROTO_TCP;
	put32(pkt + 12, saddr);			/* the kernel fills the header checksum */
	put32(pkt + 16, daddr);
	put16(tcp, c->sport);
	put16(tcp + 2, port);
	put32(tcp + 4, reply_cookie(c, daddr, port));
	tcp[12] = 6 << 4;			/* 24-byte header: with the MSS option */
	tcp[13] = TCP_SYN;
	put16(tcp + 14, 1024);			/* window */
	memcpy(tcp + 20, "\x02\x04\x05\xb4", 4);	/* MSS 1460 */
	sum = (saddr >> 16) + (saddr & 0xffff) + (daddr >> 16) + (daddr & 0xffff) + IPPROTO_TCP + 24;
	put16(tcp + 16, checksum(tcp, 24, sum));
}

/* The probe an answer from (addr, port) belongs to, or -1. addr in host order. */
static int64_t probe_of(const struct reply_ctx *c, uint32_t addr, uint16_t port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(addr) };
	long t = scan_scope_find(c->scope, (struct sockaddr *)&sin);
	size_t lo = 0, hi = c->ports->n;

	if (t < 0)
		return -1;	/* not from the scope: never counted */
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
	if (p < 0 || get32(tcp + 8) != reply_cookie(c, from, get16(tcp)) + 1)
		return 0;	/* not an answer to us */
	if (tcp[13] & TCP_SYN)
		*state = PORT_OPEN;
	else if (tcp[13] & TCP_RST)
		*state = PORT_CLOSED;
	else
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

	if (!ihl || n < ihl + 8 || pkt[ihl] != 3)	/* destination unreachable */
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
