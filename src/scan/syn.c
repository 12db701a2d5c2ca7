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
#include "scan/reply.h"

#define RECV_BATCH 4096

struct pending {
	uint64_t pos, sent_ms;
};

struct sscan {
	struct engine e;
	int tx, rx, icmp, hold;	/* raw send, raw TCP receive, raw ICMP receive, port holder */
	struct reply_ctx rc;	/* what answers must match: scope, ports, our port, key */
	struct in_addr *src;	/* per target: our address towards it */
	uint32_t *sent_at;	/* per probe: ms after start of the last send */
	struct pending *q;	/* in flight, in send order */
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
	const struct sockaddr_in *dst = (const struct sockaddr_in *)&e->scope->targets[t].addr;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr = dst->sin_addr };
	uint8_t pkt[44];

	reply_build_syn(&s->rc, pkt, ntohl(s->src[t].s_addr), ntohl(dst->sin_addr.s_addr), port,
			(uint16_t)(probe * 2654435761u));
	if (sendto(s->tx, pkt, sizeof(pkt), 0, (struct sockaddr *)&to, sizeof(to)) < 0) {
		if (errno == ENOBUFS || errno == EAGAIN)
			return -1;	/* the queue is full: try again shortly */
		engine_finish(e, probe, PORT_FILTERED);	/* no route to it from here */
		return 0;
	}
	e->state[probe] = (uint8_t)(e->state[probe] + 8);
	e->sent++;
	s->sent_at[probe] = (uint32_t)(now - e->t0);
	q_push(s, pos, now);
	return 0;
}

static void read_tcp(struct sscan *s, uint64_t now)
{
	uint8_t buf[1600];

	for (int k = 0; k < RECV_BATCH; k++) {
		ssize_t n = recv(s->rx, buf, sizeof(buf), 0);
		uint64_t probe;
		enum port_state st;

		if (n < 0)
			return;
		if (!reply_tcp(&s->rc, buf, (size_t)n, &probe, &st))
			continue;
		if (!FINAL(s->e.state[probe]))
			engine_rtt_sample(&s->e, (double)(now - s->e.t0 - s->sent_at[probe]));
		engine_finish(&s->e, probe, st);
	}
}

static void read_icmp(struct sscan *s)
{
	uint8_t buf[1600];

	for (int k = 0; k < RECV_BATCH; k++) {
		ssize_t n = recv(s->icmp, buf, sizeof(buf), 0);
		uint64_t probe;
		enum port_state st;

		if (n < 0)
			return;
		if (reply_icmp(&s->rc, buf, (size_t)n, &probe, &st))
			engine_finish(&s->e, probe, st);
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

/* Holds a local port for the scan, so no socket of this machine answers in our place. */
static int hold_port(struct sscan *s)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);

	s->hold = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (s->hold < 0 || bind(s->hold, (struct sockaddr *)&a, sizeof(a)) != 0 ||
	    getsockname(s->hold, (struct sockaddr *)&a, &len) != 0)
		return -1;
	s->rc.sport = ntohs(a.sin_port);
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
