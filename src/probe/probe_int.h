/* probe_int.h - inside the probe module: the probe definitions the engine sends. */
#ifndef MEDSEC_PROBE_INT_H
#define MEDSEC_PROBE_INT_H

#include <stddef.h>

#include "medsec/probe.h"

#define PROBE_MAX_PORTS 32

/* A request: what to send ("" = only listen), and the ports it is tried first on. */
struct probe_def {
	const char *name;
	const unsigned char *send;	/* "{host}" is replaced by the address (text requests) */
	size_t send_len;		/* 0: only listen */
	int tls;			/* "tls": the ports listed speak TLS first */
	int udp;			/* a datagram request for the UDP ports listed */
	int ports[PROBE_MAX_PORTS];
	size_t nports;
};

const struct probe_def *probe_db_probe(const struct probe_db *db, const char *name);

#define PROBE_MAX_REQUESTS 4
/*
 * The requests to try on a port that does not speak first, in order: those
 * listing the port, then "http". Returns how many (at most PROBE_MAX_REQUESTS).
 */
size_t probe_db_requests(const struct probe_db *db, int port, const struct probe_def **out);
/* The datagram request for a UDP port, or NULL. */
const struct probe_def *probe_db_udp(const struct probe_db *db, int port);

/* The request to send on the same connection after an entry decided (its "next"), or NULL. */
const struct probe_def *probe_db_next(const struct probe_db *db, const char *match);

/* Bytes as printable evidence: ASCII kept, \r \n and \xNN for the rest; bounded. */
void probe_evidence(const unsigned char *data, size_t len, char *out, size_t size);

#endif
