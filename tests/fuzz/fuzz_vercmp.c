/* fuzz_vercmp.c - libFuzzer target: two version strings (split at the first NUL) compared. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/vercmp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *a = malloc(size + 2), *b;
	const uint8_t *nul = memchr(data, 0, size);
	size_t na = nul ? (size_t)(nul - data) : size;

	if (!a)
		return 0;
	memcpy(a, data, size);
	a[size] = a[size + 1] = '\0';
	b = a + na + (nul != NULL);
	/* An order must be antisymmetric, and every version equal to itself. */
	if ((vercmp(a, b) > 0) != (vercmp(b, a) < 0) || vercmp(a, a) != 0)
		abort();
	free(a);
	return 0;
}
