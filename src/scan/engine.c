/* engine.c - the pacing, order and bookkeeping every scan method shares (engine.h). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "medsec/mem.h"
#include "scan/engine.h"

#define MIN_TIMEOUT_MS 100
#define CHECKPOINT_MS 500
#define PROGRESS_MS 250

uint64_t engine_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

void fifo_push(struct fifo *f, uint64_t v)
{
	if (f->head + f->n == f->cap) {
		if (f->head) { /* reuse the consumed front before growing */
			memmove(f->v, f->v + f->head, f->n * sizeof(*f->v));
			f->head = 0;
		} else {
			f->cap = f->cap ? f->cap * 2 : 64;
			f->v = ms_xrealloc(f->v, f->cap * sizeof(*f->v));
		}
	}
	f->v[f->head + f->n++] = v;
}

uint64_t fifo_pop(struct fifo *f)
{
	f->n--;
	return f->v[f->head++];
}

void engine_init(struct engine *e, const struct scan_scope *scope, const struct scan_ports *ports,
                 const struct scan_params *prm, const struct scan_events *ev)
{
	size_t nt = scope->n_targets;

	memset(e, 0, sizeof(*e));
	e->scope = scope;
	e->ports = ports;
	e->prm = prm;
	e->ev = ev;
	e->n = (uint64_t)nt * ports->n;
	e->next = e->done = prm->start;
	e->state = ms_xcalloc(e->n ? e->n : 1, 1);
	e->host_tokens = ms_xcalloc(nt ? nt : 1, sizeof(*e->host_tokens));
	e->backlog = ms_xcalloc(nt ? nt : 1, sizeof(*e->backlog));
	e->closed = ms_xcalloc(nt ? nt : 1, sizeof(*e->closed));
	e->filtered = ms_xcalloc(nt ? nt : 1, sizeof(*e->filtered));
	for (size_t i = 0; i < nt; i++)
		e->host_tokens[i] = 1;
	e->tokens = 1;
	e->t0 = e->last_refill = e->last_cp = e->last_pr = engine_now_ms();
}

void engine_dispose(struct engine *e)
{
	for (size_t i = 0; i < e->scope->n_targets; i++)
		free(e->backlog[i].v);
	free(e->backlog);
	free(e->host_tokens);
	free(e->closed);
	free(e->filtered);
	free(e->state);
}

uint64_t engine_probe(const struct engine *e, uint64_t pos)
{
	size_t t, pi;

	scan_probe_at(pos, e->n, e->ports->n, e->prm->seed, &t, &pi);
	return (uint64_t)t * e->ports->n + pi;
}

static size_t host_of(const struct engine *e, uint64_t pos)
{
	return (size_t)(engine_probe(e, pos) / e->ports->n);
}

void engine_refill(struct engine *e, uint64_t now)
{
	double dt = (double)(now - e->last_refill) / 1000.0;
	double cap = e->prm->rate / 20.0 + 1, hcap = e->prm->host_rate / 20.0 + 1;

	e->last_refill = now;
	e->tokens += dt * e->prm->rate;
	if (e->tokens > cap)
		e->tokens = cap;
	for (size_t i = 0; i < e->scope->n_targets; i++) {
		e->host_tokens[i] += dt * e->prm->host_rate;
		if (e->host_tokens[i] > hcap)
			e->host_tokens[i] = hcap;
	}
}

int engine_next(struct engine *e, uint64_t *pos)
{
	size_t nt = e->scope->n_targets;

	if (e->tokens < 1)
		return 0;
	for (size_t k = 0; k < nt; k++) {
		size_t h = (e->rr + k) % nt;

		if (e->backlog[h].n && e->host_tokens[h] >= 1) {
			e->rr = (h + 1) % nt;
			*pos = fifo_pop(&e->backlog[h]);
			e->host_tokens[h] -= 1;
			e->tokens -= 1;
			return 1;
		}
	}
	while (e->next < e->n) {
		uint64_t p = e->next++;
		size_t h = host_of(e, p);

		if (e->host_tokens[h] >= 1 && !e->backlog[h].n) {
			e->host_tokens[h] -= 1;
			e->tokens -= 1;
			*pos = p;
			return 1;
		}
		fifo_push(&e->backlog[h], p);
	}
	return 0;
}

void engine_requeue(struct engine *e, uint64_t pos)
{
	fifo_push(&e->backlog[host_of(e, pos)], pos);
}

void engine_finish(struct engine *e, uint64_t probe, enum port_state st)
{
	if (FINAL(e->state[probe]))
		return; /* a late or repeated answer */
	e->state[probe] = (uint8_t)((e->state[probe] & ~7u) | st);
	if ((st == PORT_OPEN || st == PORT_OPEN_FILTERED) && e->ev->found)
		e->ev->found(e->ev->ctx, (size_t)(probe / e->ports->n), e->proto,
		             e->ports->v[probe % e->ports->n], st);
}

unsigned engine_timeout(const struct engine *e, unsigned tries)
{
	double t = e->srtt > 0 ? e->srtt + 4 * e->rttvar : e->prm->timeout_ms;

	if (t < MIN_TIMEOUT_MS)
		t = MIN_TIMEOUT_MS;
	if (t > e->prm->timeout_ms)
		t = e->prm->timeout_ms;
	return (unsigned)t << (tries > 3 ? 3 : tries); /* back off on each retry */
}

void engine_rtt_sample(struct engine *e, double ms)
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

void engine_tick(struct engine *e, uint64_t now)
{
	const struct scan_events *ev = e->ev;

	while (e->done < e->next) {
		uint64_t probe = engine_probe(e, e->done);
		uint8_t st = FINAL(e->state[probe]);

		if (!st)
			break;
		if (st == PORT_CLOSED)
			e->closed[probe / e->ports->n]++;
		else if (st == PORT_FILTERED)
			e->filtered[probe / e->ports->n]++;
		e->done++;
	}
	if (ev->checkpoint && now - e->last_cp >= CHECKPOINT_MS) {
		e->last_cp = now;
		e->stop = ev->checkpoint(ev->ctx, e->done, e->closed, e->filtered);
	}
	if (ev->progress && now - e->last_pr >= PROGRESS_MS) {
		e->last_pr = now;
		ev->progress(ev->ctx, e->done, e->n,
		             now > e->t0 ? (double)e->sent * 1000.0 / (double)(now - e->t0) : 0);
	}
}

void engine_end(struct engine *e)
{
	if (!e->stop && e->ev->checkpoint)
		e->ev->checkpoint(e->ev->ctx, e->done, e->closed, e->filtered);
	if (e->ev->progress)
		e->ev->progress(e->ev->ctx, e->done, e->n, 0);
}
