/*
 * syn.c - the TCP SYN scan (scan_tcp_syn), IPv4 and IPv6: raw sockets send
 * SYNs built here, others read every TCP segment and ICMP error that arrives
 * and keep those that answer a probe of ours. Nothing per probe is kept but
 * its state byte and send time: the answer carries its own proof (the
 * acknowledged cookie). Sockets are opened per family present in the scope.
 */
#define _GNU_SOURCE /* struct in6_pktinfo (RFC 3542) */
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
#include "scan/reply.h"

#define RECV_BATCH 4096

struct pending {
	uint64_t pos, sent_ms;
};

/* The raw sockets of one family: send, TCP receive, ICMP receive. */
struct family_socks {
	int tx, rx, icmp;
};

struct sscan {
	struct engine e;
	struct family_socks v4, v6;
	int hold;                     /* a TCP socket keeping our source port from anyone else */
	struct reply_ctx rc;          /* what answers must match: scope, ports, our port, key */
	struct sockaddr_storage *src; /* per target: our address towards it */
	uint32_t *sent_at;            /* per probe: ms after start of the last send */
	struct pending *q;            /* in flight, in send order */
	size_t q_head, q_n, q_cap;
};

static void q_push(struct sscan *s, uint64_t pos, uint64_t sent)
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
	s->q[s->q_head + s->q_n++] = (struct pending){ pos, sent };
}

static int send_syn(struct sscan *s, uint64_t pos, uint64_t now)
{
	struct engine *e = &s->e;
	uint64_t probe = engine_probe(e, pos);
	size_t t = (size_t)(probe / e->ports->n);
	uint16_t port = e->ports->v[probe % e->ports->n];
	const struct sockaddr_storage *dst = &e->scope->targets[t].addr;
	ssize_t sent;

	if (dst->ss_family == AF_INET) {
		const struct sockaddr_in *d = (const struct sockaddr_in *)dst;
		const struct sockaddr_in *src = (const struct sockaddr_in *)&s->src[t];
		struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = d->sin_addr };
		uint8_t pkt[44];

		reply_build_syn(&s->rc, pkt, ntohl(src->sin_addr.s_addr), ntohl(d->sin_addr.s_addr),
		                port, (uint16_t)(probe * 2654435761u));
		sent = sendto(s->v4.tx, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to));
	} else {
		const struct sockaddr_in6 *d = (const struct sockaddr_in6 *)dst;
		const struct sockaddr_in6 *src = (const struct sockaddr_in6 *)&s->src[t];
		struct sockaddr_in6 to = { .sin6_family = AF_INET6, .sin6_addr = d->sin6_addr };
		uint8_t seg[24];
		/* The source is set per packet (IPV6_PKTINFO): it is in the checksum. */
		union {
			char buf[CMSG_SPACE(sizeof(struct in6_pktinfo))];
			struct cmsghdr align;
		} ctl;
		struct iovec iov = { seg, sizeof(seg) };
		struct msghdr msg = { .msg_name = &to,
			              .msg_namelen = sizeof(to),
			              .msg_iov = &iov,
			              .msg_iovlen = 1,
			              .msg_control = ctl.buf,
			              .msg_controllen = sizeof(ctl.buf) };
		struct cmsghdr *cm;
		struct in6_pktinfo info = { .ipi6_addr = src->sin6_addr };

		memset(&ctl, 0, sizeof(ctl));
		cm = CMSG_FIRSTHDR(&msg);
		cm->cmsg_level = IPPROTO_IPV6;
		cm->cmsg_type = IPV6_PKTINFO;
		cm->cmsg_len = CMSG_LEN(sizeof(info));
		memcpy(CMSG_DATA(cm), &info, sizeof(info));
		reply_build_syn6(&s->rc, seg, src->sin6_addr.s6_addr, d->sin6_addr.s6_addr, port);
		sent = sendmsg(s->v6.tx, &msg, 0);
	}
	if (sent < 0) {
		if (errno == ENOBUFS || errno == EAGAIN)
			return -1;                      /* the queue is full: try again shortly */
		engine_finish(e, probe, PORT_FILTERED); /* no route to it from here */
		return 0;
	}
	e->state[probe] = (uint8_t)(e->state[probe] + 8);
	e->sent++;
	s->sent_at[probe] = (uint32_t)(now - e->t0);
	q_push(s, pos, now);
	return 0;
}

static void answered(struct sscan *s, uint64_t probe, enum port_state st, uint64_t now)
{
	if (!FINAL(s->e.state[probe]) && st != PORT_FILTERED)
		engine_rtt_sample(&s->e, (double)(now - s->e.t0 - s->sent_at[probe]));
	engine_finish(&s->e, probe, st);
}

/* Reads what is waiting on the family's receive sockets. */
static void read_replies(struct sscan *s, const struct family_socks *f, int v6, uint64_t now)
{
	uint8_t buf[1600];
	uint64_t probe;
	enum port_state st;

	for (int k = 0; f->rx >= 0 && k < RECV_BATCH; k++) {
		struct sockaddr_in6 from;
		socklen_t len = sizeof(from);
		ssize_t n = recvfrom(f->rx, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);

		if (n < 0)
			break;
		if (v6 ? reply_tcp6(&s->rc, from.sin6_addr.s6_addr, buf, (size_t)n, &probe, &st)
		       : reply_tcp(&s->rc, buf, (size_t)n, &probe, &st))
			answered(s, probe, st, now);
	}
	for (int k = 0; f->icmp >= 0 && k < RECV_BATCH; k++) {
		ssize_t n = recv(f->icmp, buf, sizeof(buf), 0);

		if (n < 0)
			break;
		if (v6 ? reply_icmp6(&s->rc, buf, (size_t)n, &probe, &st)
		       : reply_icmp(&s->rc, buf, (size_t)n, &probe, &st))
			answered(s, probe, st, now);
	}
}

static void expire(struct sscan *s, uint64_t now)
{
	struct engine *e = &s->e;

	/*
	 * Sent in order, so the oldest is at the head; its wait is judged with the
	 * round trips known now (a retry, with its longer wait, may hold the queue
	 * up a little: that only delays, never loses, a verdict).
	 */
	while (s->q_n) {
		uint64_t pos = s->q[s->q_head].pos, probe = engine_probe(e, pos);

		if (!FINAL(e->state[probe]) &&
		    now < s->q[s->q_head].sent_ms + engine_timeout(e, TRIES(e->state[probe]) - 1))
			break;
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

/*
 * Holds a local port for the scan, so no socket of this machine answers in
 * our place: a dual-stack socket where IPv6 exists, else an IPv4 one.
 */
static int hold_port(struct sscan *s)
{
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6 };
	struct sockaddr_in a4 = { .sin_family = AF_INET };
	socklen_t len = sizeof(a6);
	int off = 0;

	s->hold = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->hold >= 0) {
		setsockopt(s->hold, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
		if (bind(s->hold, (struct sockaddr *)&a6, sizeof(a6)) == 0 &&
		    getsockname(s->hold, (struct sockaddr *)&a6, &len) == 0) {
			s->rc.sport = ntohs(a6.sin6_port);
			return 0;
		}
		close(s->hold);
	}
	len = sizeof(a4);
	s->hold = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->hold < 0 || bind(s->hold, (struct sockaddr *)&a4, sizeof(a4)) != 0 ||
	    getsockname(s->hold, (struct sockaddr *)&a4, &len) != 0)
		return -1;
	s->rc.sport = ntohs(a4.sin_port);
	return 0;
}

static int open_family(struct family_socks *f, int family)
{
	int rcvbuf = 8 << 20;
	int proto = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;

	/* IPv4 sends whole packets (IPPROTO_RAW); IPv6 raw sockets send the segment alone. */
	f->tx = socket(family, SOCK_RAW | SOCK_CLOEXEC,
	               family == AF_INET ? IPPROTO_RAW : IPPROTO_TCP);
	f->rx = socket(family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, IPPROTO_TCP);
	f->icmp = socket(family, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, proto);
	if (f->tx < 0 || f->rx < 0 || f->icmp < 0)
		return -1;
	setsockopt(f->rx, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	return 0;
}

static void close_family(struct family_socks *f)
{
	if (f->tx >= 0)
		close(f->tx);
	if (f->rx >= 0)
		close(f->rx);
	if (f->icmp >= 0)
		close(f->icmp);
}

int scan_tcp_syn(const struct scan_scope *scope, const struct scan_ports *ports,
                 const struct scan_params *prm, const struct scan_events *ev, struct ms_error *err)
{
	struct sscan s = { .v4 = { -1, -1, -1 }, .v6 = { -1, -1, -1 }, .hold = -1 };
	struct engine *e = &s.e;
	int rc = MS_OK, has4 = 0, has6 = 0;

	if ((uint64_t)scope->n_targets * ports->n <= prm->start)
		return MS_OK;
	for (size_t i = 0; i < scope->n_targets; i++) {
		has4 |= scope->targets[i].addr.ss_family == AF_INET;
		has6 |= scope->targets[i].addr.ss_family == AF_INET6;
	}
	if ((has4 && open_family(&s.v4, AF_INET) != 0) ||
	    (has6 && open_family(&s.v6, AF_INET6) != 0)) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_NEEDS_RAW, NULL, strerror(errno));
		goto out;
	}
	if (hold_port(&s) != 0) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_SOCKET, NULL, strerror(errno));
		goto out;
	}
	if (getrandom(s.rc.key, sizeof(s.rc.key), 0) != sizeof(s.rc.key)) {
		s.rc.key[0] = prm->seed ^ ((uint64_t)getpid() << 32) ^ engine_now_ms();
		s.rc.key[1] = ~s.rc.key[0] * 0x9e3779b97f4a7c15ull;
	}
	s.rc.scope = scope;
	s.rc.ports = ports;
	engine_init(e, scope, ports, prm, ev);
	e->proto = IPPROTO_TCP;
	s.src = ms_xcalloc(scope->n_targets, sizeof(*s.src));
	s.sent_at = ms_xcalloc(e->n, sizeof(*s.sent_at));
	for (size_t i = 0; i < scope->n_targets; i++) {
		int family = scope->targets[i].addr.ss_family;
		char a[64];
		void *dst = family == AF_INET
		                    ? (void *)&((struct sockaddr_in *)&s.src[i])->sin_addr
		                    : (void *)&((struct sockaddr_in6 *)&s.src[i])->sin6_addr;

		s.src[i].ss_family = (sa_family_t)family;
		/* No route: the send fails and the probe is filtered. */
		if (scan_source_address(&scope->targets[i], a, sizeof(a)) == 0)
			inet_pton(family, a, dst);
	}
	while (e->done < e->n && !e->stop) {
		struct pollfd pf[4] = { { s.v4.rx, POLLIN, 0 },
			                { s.v4.icmp, POLLIN, 0 },
			                { s.v6.rx, POLLIN, 0 },
			                { s.v6.icmp, POLLIN, 0 } };
		uint64_t now = engine_now_ms(), pos;

		engine_refill(e, now);
		while (engine_next(e, &pos)) {
			if (send_syn(&s, pos, now) != 0) {
				engine_requeue(e, pos);
				break;
			}
		}
		poll(pf, 4, s.q_n ? 2 : 1); /* poll skips the -1 descriptors */
		now = engine_now_ms();
		read_replies(&s, &s.v4, 0, now);
		read_replies(&s, &s.v6, 1, now);
		expire(&s, now);
		engine_tick(e, now);
	}
	engine_end(e);
	free(s.src);
	free(s.sent_at);
	free(s.q);
	engine_dispose(e);
out:
	close_family(&s.v4);
	close_family(&s.v6);
	if (s.hold >= 0)
		close(s.hold);
	return rc;
}
