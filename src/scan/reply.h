/*
 * reply.h - deciding whether a packet answers one of our probes (private
 * to src/scan). Pure functions over bytes from the wire: the SYN scan calls
 * them for every packet it reads, the fuzz target for every input.
 */
#ifndef MEDSEC_SCAN_REPLY_H
#define MEDSEC_SCAN_REPLY_H

#include <stddef.h>
#include <stdint.h>

#include "medsec/scan.h"

struct reply_ctx {
	const struct scan_scope *scope;
	const struct scan_ports *ports;
	uint16_t sport;  /* our source port */
	uint64_t key[2]; /* the cookie key */
};

/* The sequence number of our probe to daddr:dport (host byte order). */
uint32_t reply_cookie(const struct reply_ctx *c, uint32_t daddr, uint16_t dport);

/*
 * An IPv4 TCP segment: 1 with *probe and *state set if it answers a probe
 * of ours (from an address in the scope, to our port, acknowledging the
 * cookie); 0 for anything else.
 */
int reply_tcp(const struct reply_ctx *c, const uint8_t *pkt, size_t n, uint64_t *probe,
              enum port_state *state);
/* An IPv4 ICMP destination-unreachable that quotes one of our probes: filtered. */
int reply_icmp(const struct reply_ctx *c, const uint8_t *pkt, size_t n, uint64_t *probe,
               enum port_state *state);

/* Writes the 44-byte SYN of probe (target t, port) into pkt. Addresses in host order. */
void reply_build_syn(const struct reply_ctx *c, uint8_t pkt[44], uint32_t saddr, uint32_t daddr,
                     uint16_t port, uint16_t ip_id);

/* IPv6: raw sockets carry the TCP segment alone; the addresses come beside it. */
uint32_t reply_cookie6(const struct reply_ctx *c, const uint8_t daddr[16], uint16_t dport);
/* Writes the 24-byte SYN segment (checksummed for saddr -> daddr) into seg. */
void reply_build_syn6(const struct reply_ctx *c, uint8_t seg[24], const uint8_t saddr[16],
                      const uint8_t daddr[16], uint16_t port);
/* A TCP segment that arrived from `from`: as reply_tcp. */
int reply_tcp6(const struct reply_ctx *c, const uint8_t from[16], const uint8_t *seg, size_t n,
               uint64_t *probe, enum port_state *state);
/* An ICMPv6 destination-unreachable quoting one of our SYNs: filtered. */
int reply_icmp6(const struct reply_ctx *c, const uint8_t *msg, size_t n, uint64_t *probe,
                enum port_state *state);

#endif
