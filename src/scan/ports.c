/* ports.c - port lists as people write them: "1-1024,3389,8000-8100" (scan.h). */
#include <stdlib.h>
#include <string.h>

#include "medsec/mem.h"
#include "medsec/scan.h"

static int number(const char **p, long *out)
{
	char *end;

	if (**p < '0' || **p > '9')
		return -1;
	*out = strtol(*p, &end, 10);
	*p = end;
	return *out >= 1 && *out <= 65535 ? 0 : -1;
}

int scan_ports_parse(const char *spec, struct scan_ports *ports)
{
	unsigned char *seen = ms_xcalloc(65536, 1);
	const char *p = spec;

	memset(ports, 0, sizeof(*ports));
	while (*p) {
		long lo, hi;

		if (number(&p, &lo) != 0)
			goto bad;
		hi = lo;
		if (*p == '-') {
			p++;
			if (number(&p, &hi) != 0 || hi < lo)
				goto bad;
		}
		for (long v = lo; v <= hi; v++)
			seen[v] = 1;
		if (*p == ',')
			p++;
		else if (*p)
			goto bad;
		if (*p == '\0' && p[-1] == ',')
			goto bad;
	}
	for (int v = 1; v <= 65535; v++)
		ports->n += seen[v];
	if (!ports->n)
		goto bad;
	ports->v = ms_xmalloc(ports->n * sizeof(*ports->v));
	ports->n = 0;
	for (int v = 1; v <= 65535; v++)
		if (seen[v])
			ports->v[ports->n++] = (uint16_t)v;
	free(seen);
	return 0;
bad:
	free(seen);
	return -1;
}

void scan_ports_dispose(struct scan_ports *ports)
{
	free(ports->v);
	memset(ports, 0, sizeof(*ports));
}

const char *scan_state_key(enum port_state s)
{
	switch (s) {
	case PORT_OPEN: return "open";
	case PORT_CLOSED: return "closed";
	case PORT_FILTERED: return "filtered";
	case PORT_OPEN_FILTERED: return "open_filtered";
	default: return "unknown";
	}
}
