/*
 * fuzz_packet.c - libFuzzer target: arbitrary bytes as a packet read from
 * the SYN scanner's raw sockets, offered as a TCP segment and as an ICMP
 * message. Also checks the invariant that matters: nothing outside the
 * scope or the port set is ever accepted.
 */
#include <arpa/inet.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan/reply.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* An accepted answer names the very probe that went to addr:port: the target and port it came from. */
static void is_probe_to(uint64_t probe, uint32_t addr, uint16_t port, const uint16_t *port_list)
{
	if (probe >= 8 || addr != 0xc6120000u + 10 + (uint32_t)(probe / 4) ||
	    port != port_list[probe % 4])
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct scan_target targets[2];
	static uint16_t port_list[] = { 22, 80, 443, 8443 };
	static struct scan_scope scope = { targets, 2 };
	static struct scan_ports ports = { port_list, 4 };
	struct reply_ctx c = { &scope, &ports, 40000, { 1, 2 } };
	uint64_t probe;
	enum port_state st;

	for (int i = 0; i < 2; i++) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&targets[i].addr;

		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = htonl(0xc6120000u + 10 + (uint32_t)i); /* 198.18.0.10, .11 */
		targets[i].addr_len = sizeof(*sin);
	}
	/* A TCP answer: from the probed address, from the probed port. */
	if (reply_tcp(&c, data, size, &probe, &st)) {
		size_t ihl = (size_t)(data[0] & 15) * 4;

		if (st != PORT_OPEN && st != PORT_CLOSED)
			abort();
		is_probe_to(probe, be32(data + 12), be16(data + ihl), port_list);
	}
	/* An ICMP error: it quotes our SYN to the probed address and port. */
	if (reply_icmp(&c, data, size, &probe, &st)) {
		size_t ihl = (size_t)(data[0] & 15) * 4;
		const uint8_t *inner = data + ihl + 8;
		size_t iihl = (size_t)(inner[0] & 15) * 4;

		if (st != PORT_FILTERED)
			abort();
		is_probe_to(probe, be32(inner + 16), be16(inner + iihl + 2), port_list);
	}
	/* The same bytes as an IPv6 segment and as ICMPv6: the scope holds IPv4 addresses only,
	 * so no IPv6 packet can ever answer a probe. */
	if (size >= 16 && reply_tcp6(&c, data, data + 16, size - 16, &probe, &st))
		abort();
	if (reply_icmp6(&c, data, size, &probe, &st))
		abort();
	return 0;
}
