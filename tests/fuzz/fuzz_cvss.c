/* fuzz_cvss.c - libFuzzer target: a CVSS vector string as a feed may carry it. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/cvss.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	struct cvss c;

	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (cvss_parse(s, &c) == 0 && c.scored && !(c.base >= 0 && c.base <= 10))
		abort(); /* a score outside 0..10 is a bug */
	free(s);
	return 0;
}
