/*
 * scan.h - the port scan of a round's authorised addresses.
 *
 * The scope is built from the survey plan (lines whose status is "target")
 * and nothing else; the engine draws every probe from it, and checks every
 * answer against it again. Probes go out in a keyed random order, under a
 * global rate and a per-host rate, and a scan can stop at any point and
 * resume from its last checkpoint.
 */
#ifndef MEDSEC_SCAN_H
#define MEDSEC_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "medsec/error.h"
#include "medsec/ip.h"
#include "medsec/model.h"

/* One authorised address, and the plan line it belongs to. */
struct scan_target {
	struct sockaddr_storage addr;
	socklen_t addr_len;
	char text[64]; /* canonical address */
	int line_no;
};

/* The authorised set: every address a scan may send to. */
struct scan_scope {
	struct scan_target *targets;
	size_t n_targets;
};

/*
 * Builds the scope from a plan's targets (prefixes expanded); free with scan_scope_dispose.
 * Refuses (MS_ERR_INPUT, nothing built) when a line's address is not fixed and was not
 * confirmed today in Japan (MEDSEC_NOW fixes today): seed 002's day-of rule.
 */
int scan_scope_from_plan(struct scan_scope *scope, const struct plan *p, struct ms_error *err);
void scan_scope_dispose(struct scan_scope *scope);
/* Index of the target with this address, or -1: the check applied to every answer. */
long scan_scope_find(const struct scan_scope *scope, const struct sockaddr *sa);

/*
 * The local address packets to t leave from (what the hospital's monitoring
 * will see), found without sending anything. Returns 0, or -1 if no route.
 */
int scan_source_address(const struct scan_target *t, char *buf, size_t size);

/* A sorted set of ports, parsed from "1-1024,3389,8000-8100". */
struct scan_ports {
	uint16_t *v;
	size_t n;
};

/* Parses spec into ports (sorted, unique); returns -1 if it is malformed. */
int scan_ports_parse(const char *spec, struct scan_ports *ports);
void scan_ports_dispose(struct scan_ports *ports);

enum port_state { PORT_UNKNOWN = 0, PORT_OPEN, PORT_CLOSED, PORT_FILTERED, PORT_OPEN_FILTERED };

const char *scan_state_key(enum port_state s); /* "open", "closed", "filtered", "open_filtered" */

struct scan_params {
	unsigned rate;          /* probes per second, all hosts together */
	unsigned host_rate;     /* probes per second to any one host */
	unsigned retries;       /* extra tries for a probe that got no answer */
	unsigned timeout_ms;    /* wait for an answer before retrying */
	unsigned max_in_flight; /* sockets open at once */
	uint64_t seed;          /* keys the probe order; kept so a resume repeats it */
	uint64_t start;         /* first probe index (a resume's checkpoint) */
};

/* What the engine tells its caller as it goes; every callback may be NULL. */
struct scan_events {
	void *ctx;
	/* A port found open (or open|filtered). */
	void (*found)(void *ctx, size_t target, uint8_t proto, uint16_t port,
	              enum port_state state);
	/*
	 * Every probe below `done` is final. closed/filtered: per target, the
	 * counts of those probes. Return nonzero to stop the scan here.
	 */
	int (*checkpoint)(void *ctx, uint64_t done, const uint32_t *closed,
	                  const uint32_t *filtered);
	/* Progress: probes final so far, of total, and the current send rate. */
	void (*progress)(void *ctx, uint64_t done, uint64_t total, double rate);
};

/* The probe at permuted position i: which target and which port index. */
void scan_probe_at(uint64_t i, uint64_t n, size_t n_ports, uint64_t seed, size_t *target,
                   size_t *port_index);

/*
 * TCP connect() scan of every (target, port) from params->start on, with
 * many non-blocking sockets in flight (epoll). Needs no privileges.
 * Returns MS_OK when all probes are final or a checkpoint asked to stop.
 */
int scan_tcp_connect(const struct scan_scope *scope, const struct scan_ports *ports,
                     const struct scan_params *params, const struct scan_events *ev,
                     struct ms_error *err);

/*
 * TCP SYN scan on raw sockets (root or CAP_NET_RAW), IPv4 and IPv6: stateless in the
 * zmap way. Each SYN's sequence number is a keyed cookie of the target and
 * port, so an answer is accepted only if it acknowledges that cookie and
 * comes from an address in the scope. SYN-ACK is open, RST closed, ICMP
 * unreachable or silence filtered. Returns MS_ERR_SYSTEM with
 * MSG_SCAN_NEEDS_RAW when raw sockets are not allowed.
 */
int scan_tcp_syn(const struct scan_scope *scope, const struct scan_ports *ports,
                 const struct scan_params *params, const struct scan_events *ev,
                 struct ms_error *err);

/*
 * The datagram a UDP probe of port sends (variant: the try, for protocols
 * with more than one form); returns its length, 0 for an empty probe, and
 * names the protocol ("dns", ..., "empty").
 */
size_t scan_udp_payload(uint16_t port, uint16_t id, int variant, uint8_t *buf, size_t cap,
                        const char **name);
/* The UDP ports probed by default: those with a payload, and Citrix (1604). */
const char *scan_udp_default_ports(void);

/*
 * UDP scan with connected datagram sockets (no privileges): an answer is
 * open, ICMP port unreachable closed, silence after the retries
 * open|filtered. The kernel's ICMP rate limit only turns closed into
 * open|filtered; no wait is spent on it.
 */
int scan_udp(const struct scan_scope *scope, const struct scan_ports *ports,
             const struct scan_params *params, const struct scan_events *ev, struct ms_error *err);

/* Can this process open raw sockets? */
int scan_raw_allowed(void);

#endif
