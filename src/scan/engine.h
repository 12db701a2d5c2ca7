/*
 * engine.h - what the scan methods share (private to src/scan): the probe
 * order, the pacing (a global and a per-host token bucket, with per-host
 * backlogs), the probes' states and the checkpoint that only ever moves
 * over final probes. A method adds how a probe goes out and how its answer
 * comes back (connect.c, syn.c).
 */
#ifndef MEDSEC_SCAN_ENGINE_H
#define MEDSEC_SCAN_ENGINE_H

#include "medsec/scan.h"

/* state[probe]: low 3 bits the final state (0 while pending), high bits the tries made. */
#define FINAL(b) ((b)&7u)
#define TRIES(b) ((b) >> 3)

struct fifo {
	uint64_t *v;
	size_t head, n, cap;
};

struct engine {
	const struct scan_scope *scope;
	const struct scan_ports *ports;
	const struct scan_params *prm;
	const struct scan_events *ev;
	uint8_t proto;  /* IPPROTO_TCP or IPPROTO_UDP, as reported */
	uint64_t n;     /* probes: targets x ports */
	uint64_t next;  /* next position of the order to draw */
	uint64_t done;  /* every position below is final */
	uint8_t *state; /* by probe (target * n_ports + port index), not by position */
	double *host_tokens;
	struct fifo *backlog; /* per host: positions waiting for its tokens */
	uint32_t *closed, *filtered;
	size_t rr;
	double tokens;
	double srtt, rttvar; /* ms; srtt 0 until the first sample */
	uint64_t sent, t0, last_refill, last_cp, last_pr;
	int stop;
};

/* A 64-bit mixing function (splitmix64's finaliser): keys, cookies, the probe order. */
uint64_t scan_mix64(uint64_t x);

void engine_init(struct engine *e, const struct scan_scope *scope, const struct scan_ports *ports,
                 const struct scan_params *prm, const struct scan_events *ev);
void engine_dispose(struct engine *e);

uint64_t engine_now_ms(void);
/* The probe (target * n_ports + port index) at a position of the order. */
uint64_t engine_probe(const struct engine *e, uint64_t pos);
void fifo_push(struct fifo *f, uint64_t v);
uint64_t fifo_pop(struct fifo *f);

void engine_refill(struct engine *e, uint64_t now);
/* The next position allowed out now (spending its tokens), or 0 if none. */
int engine_next(struct engine *e, uint64_t *pos);
/* Puts a position back in its host's backlog (a retry, or a send that failed). */
void engine_requeue(struct engine *e, uint64_t pos);
/* Records a probe's outcome (once); reports open ports. */
void engine_finish(struct engine *e, uint64_t probe, enum port_state st);
/* The wait for an answer after `tries` tries, from the round trips seen (RFC 6298). */
unsigned engine_timeout(const struct engine *e, unsigned tries);
void engine_rtt_sample(struct engine *e, double ms);
/* Advances the checkpoint, calls the checkpoint and progress events when due. */
void engine_tick(struct engine *e, uint64_t now);
/* At the end: the last checkpoint and progress. */
void engine_end(struct engine *e);

#endif
