/*
 * order.c - the probe order: a keyed permutation of 0..n-1 (a small Feistel
 * network with cycle walking), so probes to one host are spread over the
 * whole scan and a resumed scan replays the same order from its checkpoint.
 */
#include "scan/engine.h"

uint64_t scan_mix64(uint64_t x)
{
	/* splitmix64's finaliser */
	x += 0x9e3779b97f4a7c15ull;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
	return x ^ (x >> 31);
}

static uint64_t permute(uint64_t x, unsigned half, uint64_t seed)
{
	uint64_t mask = (1ull << half) - 1, l = x >> half, r = x & mask;

	for (unsigned round = 0; round < 4; round++) {
		uint64_t f = scan_mix64(r ^ scan_mix64(seed + round)) & mask;
		uint64_t t = r;

		r = l ^ f;
		l = t;
	}
	return (l << half) | r;
}

void scan_probe_at(uint64_t i, uint64_t n, size_t n_ports, uint64_t seed, size_t *target,
                   size_t *port_index)
{
	unsigned bits = 0, half;
	uint64_t x = i;

	while (bits < 62 && (1ull << bits) < n)
		bits++;
	half = bits < 2 ? 1 : (bits + 1) / 2;
	/* The domain is at most 4n: a few steps of walking reach a value below n. */
	do
		x = permute(x, half, seed);
	while (x >= n);
	*target = (size_t)(x / n_ports);
	*port_index = (size_t)(x % n_ports);
}
