/*
 * connect.c - the TCP connect() scan (scan_tcp_connect): the scan that needs
 * no privileges. Many non-blocking sockets are in flight at once (epoll);
 * a global and a per-host token bucket pace the probes, and the wait for an
 * answer adapts to the round-trip times seen, as TCP's own timer does
 * (RFC 6298), so a dropped port costs a few round trips, not seconds.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "medsec/mem.h"
#include "medsec/scan.h"

#define MIN_TIMEOUT_MS 100
#define CHECKPOINT_MS 500
#define PROGRESS_MS 250

/* state[pos]: low 3 bits the final state (0 while pending), high bits the tries made. */
#define FINAL(b) ((b) & 7u)
#define TRIES(b) ((b) >> 3)

struct fifo {
	uint64_t *v;
	size_t head, n, cap;
};

struct host {
	double tokens;
	struct fifo backlog;	/* probes waiting for this host's tokens */
};

struct slot {
	int fd;			/* -1 when free */
	uint64_t pos;
	uint64_t sent_ms, deadline_ms;
};

struct engine {
	const struct scan_scope *scope;
	const struct scan_ports *ports;
	const struct scan_params *prm;
	const struct scan_events *ev;
	uint64_t n, next, done;
	uint8_t *state;
	struct host *hosts;
	uint32_t *closed, *filtered;
	size_t rr;		/* round-robin position over hosts' backlogs */
	struct slot *slots;
	size_t n_slots, in_flight;
	int ep;
	double tokens;
	double srtt, rttvar;	/* ms; srtt 0 until the first sample */
	uint64_t sent, last_refill;
};

static uint64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static void fifo_push(struct fifo *f, uint64_t v)
{
	if (f->head + f->n == f->cap) {
		if (f->head) {	/* reuse the consumed front before growing */
			memmove(f->v, f->v + f->head, f->n * sizeof(*f->v));
			f->head = 0;
		} else {
			f->cap = f->cap ? f->cap * 2 : 64;
			f->v = ms_xrealloc(f->v, f->cap * sizeof(*f->v));
		}
	}
	f->v[f->head + f->n++] = v;
}

static uint64_t fifo_pop(struct fifo *f)
{
	f->n--;
	return f->v[f->head++];
}

static size_t target_of(const struct engine *e, uint64_t pos, size_t *port_index)
{
	size_t t, pi;

	scan_probe_at(pos, e->n, e->ports->n, e->prm->seed, &t, &pi);
	if (port_index)
		*port_index = pi;
	return t;
}

static unsigned timeout_for(const struct engine *e, unsigned tries)
{
	double t = e->srtt > 0 ? e->srtt + 4 * e->rttvar : e->prm->timeout_ms;

	if (t < MIN_TIMEOUT_MS)
		t = MIN_TIMEOUT_MS;
	if (t > e->prm->timeout_ms)
		t = e->prm->timeout_ms;
	return (unsigned)t << (tries > 3 ? 3 : tries);	/* back off on each retry */
}

static void rtt_sample(struct engine *e, double ms)
{
	if (e->srtt == 0) {
		e->srtt = ms;
		e->rttvar = ms / 2;
	} else {
		double d = e->srtt > ms ? e->srtt - ms : ms - e->srtt;

		e->rttvar = 0.75 * e->rttvar + 0.25 * d;
		e->srtt = 0.875 * e->srtt + 0.125 * ms;
	}
}

static void finish(struct engine *e, uint64_t pos, enum port_state st)
{
	size_t pi, t = target_of(e, pos, &pi);

	e->state[pos] = (uint8_t)((e->state[pos] & ~7u) | st);
	if (st == PORT_OPEN && e->ev->found)
		e->ev->found(e->ev->ctx, t, IPPROTO_TCP, e->ports->v[pi], st);
}

static void release(struct engine *e, struct slot *s)
{
	epoll_ctl(e->ep, EPOLL_CTL_DEL, s->fd, NULL);
	close(s->fd);
	s->fd = -1;
	e->in_flight--;
}

/* Starts one probe; returns 0, or -1 if no socket could be had (try again later). */
static int launch(struct engine *e, uint64_t pos, uint64_t now)
{
	size_t pi, t = target_of(e, pos, &pi);
	const struct scan_target *tg = &e->scope->targets[t];
	struct sockaddr_storage sa = tg->addr;
	struct slot *s = NULL;
	struct epoll_event ev = { .events = EPOLLOUT };
	int fd, one = 1, rc;

	for (size_t i = 0; i < e->n_slots && !s; i++)
		if (e->slots[i].fd < 0)
			s = &e->slots[i];
	if (!s)
		return -1;
	if (sa.ss_family == AF_INET)
		((struct sockaddr_in *)&sa)->sin_port = htons(e->ports->v[pi]);
	else
		((struct sockaddr_in6 *)&sa)->sin6_port = htons(e->ports->v[pi]);
	fd = socket(sa.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	/* One SYN per try: our own retries and timer decide, not the kernel's. */
	setsockopt(fd, IPPROTO_TCP, TCP_SYNCNT, &one, sizeof(one));
	e->state[pos] = (uint8_t)(e->state[pos] + 8);
	e->sent++;
	rc = connect(fd, (struct sockaddr *)&sa, tg->addr_len);
	if (rc == 0 || errno == ECONNREFUSED) {
		close(fd);
		finish(e, pos, rc == 0 ? PORT_OPEN : PORT_CLOSED);
		return 0;
	}
	if (errno != EINPROGRESS) {
		close(fd);
		finish(e, pos, PORT_FILTERED);	/* unreachable from here */
		return 0;
	}
	s->fd = fd;
	s->pos = pos;
	s->sent_ms = now;
	s->deadline_ms = now + timeout_for(e, TRIES(e->state[pos]) - 1);
	ev.data.ptr = s;
	epoll_ctl(e->ep, EPOLL_CTL_ADD, fd, &ev);
	e->in_flight++;
	return 0;
}

/* The next probe that may go now, or 0 if none: from a host's backlog, or a new position. */
static int next_probe(struct engine *e, uint64_t *pos)
{
	size_t nt = e->scope->n_targets;

	for (size_t k = 0; k < nt; k++) {
		struct host *h = &e->hosts[(e->rr + k) % nt];

		if (h->backlog.n && h->tokens >= 1) {
			e->rr = (e->rr + k + 1) % nt;
			*pos = fifo_pop(&h->backlog);
			h->tokens -= 1;
			return 1;
		}
	}
	while (e->next < e->n) {
		uint64_t p = e->next++;
		struct host *h = &e->hosts[target_of(e, p, NULL)];

		if (h->tokens >= 1 && !h->backlog.n) {
			h->tokens -= 1;
			*pos = p;
			return 1;
		}
		fifo_push(&h->backlog, p);
	}
	return 0;
}

static void refill(struct engine *e, uint64_t now)
{
	double dt = (double)(now - e->last_refill) / 1000.0;
	double cap = e->prm->rate / 20.0 + 1, hcap = e->prm->host_rate / 20.0 + 1;

	e->last_refill = now;
	e->tokens += dt * e->prm->rate;
	if (e->tokens > cap)
		e->tokens = cap;
	for (size_t i = 0; i < e->scope->n_targets; i++) {
		e->hosts[i].tokens += dt * e->prm->host_rate;
		if (e->hosts[i].tokens > hcap)
			e->hosts[i].tokens = hcap;
	}
}

static void answer(struct engine *e, struct slot *s, uint64_t now)
{
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
		rtt_sample(e, (double)(now - s->sent_ms));
	} else if (soerr == ECONNREFUSED) {
		st = PORT_CLOSED;
		rtt_sample(e, (double)(now - s->sent_ms));
	} else {
		st = PORT_FILTERED;	/* host or network unreachable (ICMP), or timed out */
	}
	finish(e, s->pos, st);
	release(e, s);
}

static void expire(struct engine *e, uint64_t now)
{
	for (size_t i = 0; i < e->n_slots; i++) {
		struct slot *s = &e->slots[i];

		if (s->fd < 0 || now < s->deadline_ms)
			continue;
		if (TRIES(e->state[s->pos]) <= e->prm->retries)
			fifo_push(&e->hosts[target_of(e, s->pos, NULL)].backlog, s->pos);
		else
			finish(e, s->pos, PORT_FILTERED);
		release(e, s);
	}
}

/* Moves `done` over the probes that are final, counting the ones not reported open. */
static void advance(struct engine *e)
{
	while (e->done < e->next && FINAL(e->state[e->done])) {
		size_t t = target_of(e, e->done, NULL);

		if (FINAL(e->state[e->done]) == PORT_CLOSED)
			e->closed[t]++;
		else if (FINAL(e->state[e->done]) == PORT_FILTERED)
			e->filtered[t]++;
		e->done++;
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

int scan_tcp_connect(const struct scan_scope *scope, const struct scan_ports *ports,
		     const struct scan_params *prm, const struct scan_events *ev,
		     struct ms_error *err)
{
	struct engine e = { .scope = scope, .ports = ports, .prm = prm, .ev = ev };
	uint64_t last_cp, last_pr, t0;
	int rc = MS_OK, stop = 0;

	e.n = (uint64_t)scope->n_targets * ports->n;
	if (e.n == 0 || prm->start >= e.n)
		return MS_OK;
	e.ep = epoll_create1(EPOLL_CLOEXEC);
	if (e.ep < 0)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_SCAN_SOCKET, NULL, strerror(errno));
	e.next = e.done = prm->start;
	e.state = ms_xcalloc(e.n, 1);
	e.hosts = ms_xcalloc(scope->n_targets, sizeof(*e.hosts));
	e.closed = ms_xcalloc(scope->n_targets, sizeof(*e.closed));
	e.filtered = ms_xcalloc(scope->n_targets, sizeof(*e.filtered));
	e.n_slots = slot_budget(prm->max_in_flight);
	e.slots = ms_xcalloc(e.n_slots, sizeof(*e.slots));
	for (size_t i = 0; i < e.n_slots; i++)
		e.slots[i].fd = -1;
	t0 = last_cp = last_pr = e.last_refill = now_ms();
	for (size_t i = 0; i < scope->n_targets; i++)
		e.hosts[i].tokens = 1;
	e.tokens = 1;

	while (e.done < e.n && !stop) {
		struct epoll_event evs[256];
		uint64_t now = now_ms(), pos;
		int n, wait_ms = 10;

		refill(&e, now);
		while (e.tokens >= 1 && e.in_flight < e.n_slots && next_probe(&e, &pos)) {
			if (launch(&e, pos, now) != 0) {
				fifo_push(&e.hosts[target_of(&e, pos, NULL)].backlog, pos);
				break;
			}
			e.tokens -= 1;
		}
		if (!e.in_flight)
			wait_ms = 1;
		n = epoll_wait(e.ep, evs, 256, wait_ms);
		now = now_ms();
		for (int i = 0; i < n; i++)
			answer(&e, evs[i].data.ptr, now);
		expire(&e, now);
		advance(&e);
		if (ev->checkpoint && now - last_cp >= CHECKPOINT_MS) {
			last_cp = now;
			stop = ev->checkpoint(ev->ctx, e.done, e.closed, e.filtered);
		}
		if (ev->progress && now - last_pr >= PROGRESS_MS) {
			last_pr = now;
			ev->progress(ev->ctx, e.done, e.n,
				     now > t0 ? (double)e.sent * 1000.0 / (double)(now - t0) : 0);
		}
	}
	if (!stop && ev->checkpoint)
		ev->checkpoint(ev->ctx, e.done, e.closed, e.filtered);
	if (ev->progress)
		ev->progress(ev->ctx, e.done, e.n, 0);
	for (size_t i = 0; i < e.n_slots; i++)
		if (e.slots[i].fd >= 0)
			close(e.slots[i].fd);
	for (size_t i = 0; i < scope->n_targets; i++)
		free(e.hosts[i].backlog.v);
	free(e.slots);
	free(e.hosts);
	free(e.closed);
	free(e.filtered);
	free(e.state);
	close(e.ep);
	return rc;
}
