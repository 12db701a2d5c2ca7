/*
 * fuzz_cpe.c - libFuzzer target: a CPE name as a feed or a probe may carry
 * it. Whatever reads must write back to the same name (format, then parse).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/cpe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1), buf[1600];
	struct cpe a, b;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (cpe_parse(s, &a) == 0) {
		cpe_format(&a, buf, sizeof(buf));
		if (cpe_parse(buf, &b) != 0 || memcmp(&a, &b, sizeof(a)) != 0 ||
		    !cpe_matches(&a, &b))
			abort();
	}
	free(s);
	return 0;
}
