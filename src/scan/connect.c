/*
 * connect.c - the scans made of ordinary sockets, which need no privileges:
 * TCP connect() (scan_tcp_connect) and UDP with connected datagram sockets
 * (scan_udp). Many non-blocking sockets are in flight at once (epoll); the
 * kernel does the handshake or matches the answer to its socket, and tells
 * us of ICMP errors through the socket's error.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <unistd.h>

#include "medsec/mem.h"
#include "scan/engine.h"

struct slot {
	int fd; /* -1 when free */
	uint64_t pos;
	uint64_t sent_ms;
};

struct cscan {
	struct engine e;
	int udp;
	struct slot *slots;
	size_t n_slots, in_flight;
	int ep;
};

static void release(struct cscan *c, struct slot *s)
{
	epoll_ctl(c->ep, EPOLL_CTL_DEL, s->fd, NULL);
	close(s->fd);
	s->fd = -1;
	c->in_flight--;
}

/* Starts one probe; returns 0, or -1 if no socket could be had (try again later). */
static int launch(struct cscan *c, uint64_t pos, uint64_t now)
{
	struct engine *e = &c->e;
	uint64_t probe = engine_probe(e, pos);
	const struct scan_target *tg = &e->scope->targets[probe / e->ports->n];
	uint16_t port = e->ports->v[probe % e->ports->n];
	struct sockaddr_storage sa = tg->addr;
	struct slot *s = NULL;
	struct epoll_event ev = { .events = c->udp ? EPOLLIN : EPOLLOUT };
	int fd, one = 1, rc;

	for (size_t i = 0; i < c->n_slots && !s; i++)
		if (c->slots[i].fd < 0)
			s = &c->slots[i];
	if (!s)
		return -1;
	if (sa.ss_family == AF_INET)
		((struct sockaddr_in *)&sa)->sin_port = htons(port);
	else
		((struct sockaddr_in6 *)&sa)->sin6_port = htons(port);
	fd = socket(sa.ss_family,
	            (c->udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	e->state[probe] = (uint8_t)(e->state[probe] + 8);
	e->sent++;
	if (c->udp) {
		uint8_t payload[1024];
		const char *name;
		size_t len = scan_udp_payload(port, (uint16_t)(probe * 2654435761u),
		                              TRIES(e->state[probe]) - 1, payload, sizeof(payload),
		                              &name);

		/* connect() binds the socket to the target: only its answers reach us. */
		rc = connect(fd, (struct sockaddr *)&sa, tg->addr_len);
		if (rc == 0 && send(fd, payload, len, 0) < 0)
			rc = -1;
		if (rc != 0) {
			close(fd);
			engine_finish(e, probe,
			              errno == ECONNREFUSED ? PORT_CLOSED : PORT_FILTERED);
			return 0;
		}
	} else {
		/* One SYN per try: our own retries and timer decide, not the kernel's. */
		setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &one, sizeof(one));
		rc = connect(fd, (struct sockaddr *)&sa, tg->addr_len);
		if (rc == 0 || errno == ECONNREFUSED) {
			close(fd);
			engine_finish(e, probe, rc == 0 ? PORT_OPEN : PORT_CLOSED);
			return 0;
		}
		if (errno != EINPROGRESS) {
			close(fd);
			engine_finish(e, probe, PORT_FILTERED); /* unreachable from here */
			return 0;
		}
	}
	s->fd = fd;
	s->pos = pos;
	s->sent_ms = now;
	ev.data.ptr = s;
	epoll_ctl(c->ep, EPOLL_CTL_ADD, fd, &ev);
	c->in_flight++;
	return 0;
}

/* A datagram from the target is open; ICMP port unreachable (ECONNREFUSED) is closed. */
static void answer_udp(struct cscan *c, struct slot *s, uint64_t now)
{
	struct engine *e = &c->e;
	uint8_t buf[2048];
	ssize_t n = recv(s->fd, buf, sizeof(buf), MSG_DONTWAIT);
	enum port_state st;

	if (n >= 0)
		st = PORT_OPEN;
	else if (errno == EAGAIN || errno == EINTR)
		return;
	else if (errno == ECONNREFUSED)
		st = PORT_CLOSED;
	else
		st = PORT_FILTERED; /* host, network or administratively unreachable */
	engine_rtt_sample(e, (double)(now - s->sent_ms));
	engine_finish(e, engine_probe(e, s->pos), st);
	release(c, s);
}

static void answer(struct cscan *c, struct slot *s, uint64_t now)
{
	struct engine *e = &c->e;
	int soerr = 0;
	socklen_t len = sizeof(soerr);
	struct sockaddr_storage peer;
	socklen_t plen = sizeof(peer);
	enum port_state st;

	getsockopt(s->fd, SOL_SOCKET, SO_ERROR, &soerr, &len);
	if (soerr == 0) {
		/* The answer must come from the address probed, inside the scope. */
		st = getpeername(s->fd, (struct sockaddr *)&peer, &plen) == 0 &&
		                     scan_scope_find(e->scope, (struct sockaddr *)&peer) >= 0
		             ? PORT_OPEN
		             : PORT_FILTERED;
		engine_rtt_sample(e, (double)(now - s->sent_ms));
	} else if (soerr == ECONNREFUSED) {
		st = PORT_CLOSED;
		engine_rtt_sample(e, (double)(now - s->sent_ms));
	} else {
		st = PORT_FILTERED; /* host or network unreachable (ICMP), or timed out */
	}
	engine_finish(e, engine_probe(e, s->pos), st);
	release(c, s);
}

static void expire(struct cscan *c, uint64_t now)
{
	struct engine *e = &c->e;

	for (size_t i = 0; i < c->n_slots; i++) {
		struct slot *s = &c->slots[i];
		struct pollfd pf;
		uint64_t probe;

		if (s->fd < 0)
			continue;
		probe = engine_probe(e, s->pos);
		/* The wait is judged with the round trips known now, not when it was sent. */
		if (now < s->sent_ms + engine_timeout(e, TRIES(e->state[probe]) - 1))
			continue;
		/* An answer may have come while we were not looking (a busy machine): take it. */
		pf = (struct pollfd){ s->fd, c->udp ? POLLIN : POLLOUT, 0 };
		if (poll(&pf, 1, 0) > 0 && pf.revents) {
			(c->udp ? answer_udp : answer)(c, s, now);
			continue;
		}
		if (TRIES(e->state[probe]) <= e->prm->retries)
			engine_requeue(e, s->pos);
		else /* silence: a dropping firewall, or a UDP service that did not answer */
			engine_finish(e, probe, c->udp ? PORT_OPEN_FILTERED : PORT_FILTERED);
		release(c, s);
	}
}

static size_t slot_budget(unsigned want)
{
	struct rlimit rl;
	size_t n = want ? want : 2048;

	/* Raise the soft descriptor limit as far as allowed; leave some for the store and stdio. */
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
	    rl.rlim_cur < n + 64) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > n + 64 ? n + 64
		                                                                   : rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
		if (rl.rlim_cur < n + 64)
			n = rl.rlim_cur > 96 ? rl.rlim_cur - 64 : 32;
	}
	return n;
}

static int run(const struct scan_scope *scope, const struct scan_ports *ports,
               const struct scan_params *prm, const struct scan_events *ev, int udp,
               struct ms_error *err)
{
	struct cscan c = { .ep = -1, .udp = udp };
	struct engine *e = &c.e;

	if ((uint64_t)scope->n_targets * ports->n <= prm->start)
		return MS_OK;
	c.ep = epoll_create1(EPOLL_CLOEXEC);
	if (c.ep < 0)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_SOCKET, NULL, strerror(errno));
	engine_init(e, scope, ports, prm, ev);
	e->proto = udp ? IPPROTO_UDP : IPPROTO_TCP;
	c.n_slots = slot_budget(prm->max_in_flight);
	c.slots = ms_xcalloc(c.n_slots, sizeof(*c.slots));
	for (size_t i = 0; i < c.n_slots; i++)
		c.slots[i].fd = -1;

	while (e->done < e->n && !e->stop) {
		struct epoll_event evs[256];
		uint64_t now = engine_now_ms(), pos;
		int n;

		engine_refill(e, now);
		while (c.in_flight < c.n_slots && engine_next(e, &pos)) {
			if (launch(&c, pos, now) != 0) {
				engine_requeue(e, pos);
				break;
			}
		}
		n = epoll_wait(c.ep, evs, 256, c.in_flight ? 10 : 1);
		now = engine_now_ms();
		for (int i = 0; i < n; i++)
			(udp ? answer_udp : answer)(&c, evs[i].data.ptr, now);
		expire(&c, now);
		engine_tick(e, now);
	}
	engine_end(e);
	for (size_t i = 0; i < c.n_slots; i++)
		if (c.slots[i].fd >= 0)
			close(c.slots[i].fd);
	free(c.slots);
	engine_dispose(e);
	close(c.ep);
	return MS_OK;
}

int scan_tcp_connect(const struct scan_scope *scope, const struct scan_ports *ports,
                     const struct scan_params *prm, const struct scan_events *ev,
                     struct ms_error *err)
{
	return run(scope, ports, prm, ev, 0, err);
}

int scan_udp(const struct scan_scope *scope, const struct scan_ports *ports,
             const struct scan_params *prm, const struct scan_events *ev, struct ms_error *err)
{
	return run(scope, ports, prm, ev, 1, err);
}
