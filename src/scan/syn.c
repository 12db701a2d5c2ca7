/*
 * syn.c - the TCP SYN scan (scan_tcp_syn): one raw socket sends SYNs built
 * here, another reads every TCP segment that arrives and keeps those that
 * answer a probe of ours. Nothing per probe is kept but its state byte and
 * send time: the answer carries its own proof (the acknowledged cookie).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "medsec/mem.h"
#include "scan/engine.h"

#define RECV_BATCH 4096

struct pending {
	uint64_t pos, deadline_ms;
};

struct sscan {
	struct engine e;
	int tx, rx, icmp, hold;	/* raw send, raw TCP receive, raw ICMP receive, port holder */
	uint16_t sport;
	uint64_t key[2];
	struct in_addr *src;	/* per target: our address towards it */
	uint32_t *sent_at;	/* per probe: ms after start of the last send */
	struct pending *q;	/* in flight, in send order: deadlines only grow */
	size_t q_head, q_n, q_cap;
};

static uint64_t mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

/* The sequence number a probe carries: keyed, so no one else can forge an answer. */
static uint32_t cookie(const struct sscan *s, uint32_t daddr, uint16_t dport)
{
	return (uint32_t)mix(s->key[0] ^ mix(((uint64_t)daddr << 32 | (uint64_t)dport << 16 |
					      s->sport) ^ s->key[1]));
}

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

static void q_push(struct sscan *s, uint64_t pos, uint64_t deadline)
{
	if (s->q_head + s->q_n == s->q_cap) {
		if (s->q_head) {
			memmove(s->q, s->q + s->q_head, s->q_n * sizeof(*s->q));
			s->q_head = 0;
		} else {
			s->q_cap = s->q_cap ? s->q_cap * 2 : 1024;
			s->q = ms_xrealloc(s->q, s->q_cap * sizeof(*s->q));
		}
	}
	s->q[s->q_head + s->q_n++] = (struct pending){ pos, deadline };
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

static int send_syn(struct sscan *s, uint64_t pos, uint64_t now)
{
	struct engine *e = &s->e;
	uint64_t probe = engine_probe(e, pos);
	size_t t = (size_t)(probe / e->ports->n);
	uint16_t port = e->ports->v[probe % e->ports->n];
	const struct sockaddr_in *dst = (const struct sockaddr_in *)&e->scope->targets[t].addr;
	uint32_t daddr = ntohl(dst->sin_addr.s_addr), saddr = ntohl(s->src[t].s_addr), sum;
	uint8_t pkt[44] = { 0 }, *tcp = pkt + 20;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = dst->sin_addr };

	pkt[0] = 0x45;				/* IPv4, 20-byte header */
	put16(pkt + 2, sizeof(pkt));
	put16(pkt + 4, (uint16_t)mix(probe ^ s->key[1]));	/* id */
	pkt[8] = 64;				/* TTL */
	pkt[9] = IPPROTO_TCP;
	put32(pkt + 12, saddr);			/* the kernel fills the header checksum */
	put32(pkt + 16, daddr);
	put16(tcp, s->sport);
	put16(tcp + 2, port);
	put32(tcp + 4, cookie(s, daddr, port));
	tcp[12] = 6 << 4;			/* 24-byte header: with the MSS option */
	tcp[13] = TCP_SYN;
	put16(tcp + 14, 1024);			/* window */
	memcpy(tcp + 20, "\x02\x04\x05\xb4", 4);	/* MSS 1460 */
	sum = (saddr >> 16) + (saddr & 0xffff) + (daddr >> 16) + (daddr & 0xffff) + IPPROTO_TCP + 24;
	put16(tcp + 16, checksum(tcp, 24, sum));
	if (sendto(s->tx, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
		if (errno == ENOBUFS || errno == EAGAIN)
			return -1;	/* the queue is full: try again shortly */
		engine_finish(e, probe, PORT_FILTERED);	/* no route to it from here */
		return 0;
	}
	e->state[probe] = (uint8_t)(e->state[probe] + 8);
	e->sent++;
	s->sent_at[probe] = (uint32_t)(now - e->t0);
	q_push(s, pos, now + engine_timeout(e, TRIES(e->state[probe]) - 1));
	return 0;
}

/* The probe an answer from (addr, port) belongs to, or -1. addr in network order. */
static int64_t probe_of(const struct sscan *s, uint32_t addr, uint16_t port)
{
	const struct engine *e = &s->e;
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(addr) };
	long t = scan_scope_find(e->scope, (struct sockaddr *)&sin);
	size_t lo = 0, hi = e->ports->n;

	if (t < 0)
		return -1;	/* not from the scope: never counted */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (e->ports->v[mid] < port)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == e->ports->n || e->ports->v[lo] != port)
		return -1;
	return (int64_t)((uint64_t)t * e->ports->n + lo);
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

static void read_tcp(struct sscan *s, uint64_t now)
{
	uint8_t buf[1600];

	for (int k = 0; k < RECV_BATCH; k++) {
		ssize_t n = recv(s->rx, buf, sizeof(buf), 0);
		size_t ihl;
		const uint8_t *tcp;
		uint32_t from;
		int64_t probe;

		if (n < 0)
			return;
		ihl = ip_header(buf, (size_t)n, IPPROTO_TCP);
		if (!ihl || (size_t)n < ihl + 20)
			continue;
		tcp = buf + ihl;
		from = get32(buf + 12);
		if (get16(tcp + 2) != s->sport || !(tcp[13] & TCP_ACK))
			continue;
		probe = probe_of(s, from, get16(tcp));
		if (probe < 0 || get32(tcp + 8) != cookie(s, from, get16(tcp)) + 1)
			continue;	/* not an answer to us */
		if (!FINAL(s->e.state[probe]))
			engine_rtt_sample(&s->e, (double)(now - s->e.t0 - s->sent_at[probe]));
		if (tcp[13] & TCP_SYN)
			engine_finish(&s->e, (uint64_t)probe, PORT_OPEN);
		else if (tcp[13] & TCP_RST)
			engine_finish(&s->e, (uint64_t)probe, PORT_CLOSED);
	}
}

/* ICMP unreachable quoting one of our SYNs: that port is filtered on the way. */
static void read_icmp(struct sscan *s)
{
	uint8_t buf[1600];

	for (int k = 0; k < RECV_BATCH; k++) {
		ssize_t n = recv(s->icmp, buf, sizeof(buf), 0);
		size_t ihl, iihl;
		const uint8_t *inner, *tcp;
		uint32_t to;
		int64_t probe;

		if (n < 0)
			return;
		ihl = ip_header(buf, (size_t)n, IPPROTO_ICMP);
		if (!ihl || (size_t)n < ihl + 8 || buf[ihl] != 3)	/* destination unreachable */
			continue;
		inner = buf + ihl + 8;
		iihl = ip_header(inner, (size_t)n - ihl - 8, IPPROTO_TCP);
		if (!iihl || (size_t)n < ihl + 8 + iihl + 8)
			continue;
		tcp = inner + iihl;
		to = get32(inner + 16);
		if (get16(tcp) != s->sport)
			continue;
		probe = probe_of(s, to, get16(tcp + 2));
		if (probe >= 0 && get32(tcp + 4) == cookie(s, to, get16(tcp + 2)))
			engine_finish(&s->e, (uint64_t)probe, PORT_FILTERED);
	}
}

static void expire(struct sscan *s, uint64_t now)
{
	struct engine *e = &s->e;

	while (s->q_n && s->q[s->q_head].deadline_ms <= now) {
		uint64_t pos = s->q[s->q_head].pos, probe = engine_probe(e, pos);

		s->q_head++;
		s->q_n--;
		if (FINAL(e->state[probe]))
			continue;
		if (TRIES(e->state[probe]) <= e->prm->retries)
			engine_requeue(e, pos);
		else
			engine_finish(e, probe, PORT_FILTERED);
	}
}

int scan_raw_allowed(void)
{
	int fd = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);

	if (fd < 0)
		return 0;
	close(fd);
	return 1;
}

/* Holds a local port for the scan, so no socket of this machine answers in our place. */
static int hold_port(struct sscan *s)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);

	s->hold = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->hold < 0 || bind(s->hold, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    getsockname(s->hold, (struct sockaddr *)&a, &len) != 0)
		return -1;
	s->sport = ntohs(a.sin_port);
	return 0;
}

int scan_tcp_syn(const struct scan_scope *scope, const struct scan_ports *ports,
		 const struct scan_params *prm, const struct scan_events *ev,
		 struct ms_error *err)
{
	struct sscan s = { .tx = -1, .rx = -1, .icmp = -1, .hold = -1 };
	struct engine *e = &s.e;
	int rcvbuf = 8 << 20, rc = MS_OK;

	for (size_t i = 0; i < scope->n_targets; i++)
		if (scope->targets[i].addr.ss_family != AF_INET)
			return ms_fail(err, MS_ERR_INPUT, MSG_SCAN_SYN_IPV4, NULL, NULL);
	if ((uint64_t)scope->n_targets * ports->n <= prm->start)
		return MS_OK;
	s.tx = socket(AF_INET, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_RAW);
	s.rx = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
	s.icmp = socket(AF_INET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_ICMP);
	if (s.tx < 0 || s.rx < 0 || s.icmp < 0) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_NEEDS_RAW, NULL, strerror(errno));
		goto out;
	}
	if (hold_port(&s) != 0) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_SOCKET, NULL, strerror(errno));
		goto out;
	}
	setsockopt(s.rx, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	if (getrandom(s.key, sizeof(s.key), 0) != sizeof(s.key)) {
		s.key[0] = mix(prm->seed ^ (uint64_t)getpid());
		s.key[1] = mix(s.key[0]);
	}
	engine_init(e, scope, ports, prm, ev);
	e->proto = IPPROTO_TCP;
	s.src = ms_xcalloc(scope->n_targets, sizeof(*s.src));
	s.sent_at = ms_xcalloc(e->n, sizeof(*s.sent_at));
	for (size_t i = 0; i < scope->n_targets; i++) {
		char a[64];

		if (scan_source_address(&scope->targets[i], a, sizeof(a)) != 0 ||
		    inet_pton(AF_INET, a, &s.src[i]) != 1)
			s.src[i].s_addr = 0;	/* no route: sendto fails, the probe is filtered */
	}
	while (e->done < e->n && !e->stop) {
		struct pollfd pf[2] = { { s.rx, POLLIN, 0 }, { s.icmp, POLLIN, 0 } };
		uint64_t now = engine_now_ms(), pos;

		engine_refill(e, now);
		while (engine_next(e, &pos)) {
			if (send_syn(&s, pos, now) != 0) {
				engine_requeue(e, pos);
				break;
			}
		}
		poll(pf, 2, s.q_n ? 2 : 1);
		now = engine_now_ms();
		read_tcp(&s, now);
		read_icmp(&s);
		expire(&s, now);
		engine_tick(e, now);
	}
	engine_end(e);
	free(s.src);
	free(s.sent_at);
	free(s.q);
	engine_dispose(e);
out:
	if (s.tx >= 0)
		close(s.tx);
	if (s.rx >= 0)
		close(s.rx);
	if (s.icmp >= 0)
		close(s.icmp);
	if (s.hold >= 0)
		close(s.hold);
	return rc;
}
