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
		sin->sin_addr.s_addr = htonl(0xc6120000u + 10 + (uint32_t)i);	/* 198.18.0.10, .11 */
		targets[i].addr_len = sizeof(*sin);
	}
	if (reply_tcp(&c, data, size, &probe, &st) && (probe >= 8 || (st != PORT_OPEN &&
								    st != PORT_CLOSED)))
		abort();
	if (reply_icmp(&c, data, size, &probe, &st) && (probe >= 8 || st != PORT_FILTERED))
		abort();
	/* The same bytes as an IPv6 segment from the first 16 bytes' address, and as ICMPv6. */
	if (size >= 16 && reply_tcp6(&c, data, data + 16, size - 16, &probe, &st) && probe >= 8)
		abort();
	if (reply_icmp6(&c, data, size, &probe, &st) && probe >= 8)
		abort();
	return 0;
}
