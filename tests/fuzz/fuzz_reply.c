/*
 * fuzz_reply.c - libFuzzer target: any reply a service could send, decided
 * against the shipped probe database (data/probes.json) under every probe,
 * and read as a favicon (an HTTP reply whose body is hashed).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/probe.h"
#include "probe/probe_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct probe_db *db;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const probes[] = { "banner", "http", "dns", NULL };
	struct probe_result r;
	int32_t hash;

	if (!db) {
		struct ms_diags d = { 0 };
		struct ms_error err;
		if (probe_db_load(MEDSEC_PROBES_JSON, &db, &d, &err) != 0)
			abort();
		ms_diags_dispose(&d);
	}
	for (size_t i = 0; i < 4; i++) {
		memset(&r, 0, sizeof(r));
		probe_identify(db, probes[i], data, size, &r);
	}
	probe_favicon_hash(data, size, &hash);
	return 0;
}
