/*
 * fuzz_feed.c - libFuzzer target: vulnerability feeds from arbitrary bytes
 * (NVD JSON pages and records, the KEV catalogue, JVN VULDEF and JVNRSS XML),
 * then the index built from whatever was read, opened and looked up.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "medsec/cpe.h"
#include "medsec/vulndb.h"
#include "vulndb/vdb_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vdb_builder *b = vdb_builder_new();
	struct ms_diags d = { 0 };
	struct ms_error err;
	unsigned char *file;
	size_t len;
	struct vdb *db;

	if (vdb_import_buffer(b, data, size, "fuzz", &d) == 0) {
		vdb_builder_serialize(b, &file, &len);
		if (vdb_open_buffer(file, len, &db, &err) != 0)
			abort(); /* what we write, we must read */
		struct vdb_status st;
		vdb_status(db, &st);
		/* Every product read, at a version, without one, and on a platform. */
		for (size_t i = 0; i < db->nprods && i < 16; i++) {
			static const char *const versions[] = { "1.0", NULL, "7.2.6 Debian-1" };
			for (size_t k = 0; k < 3; k++) {
				struct vdb_query q = { .vendor = vdb_s(db, db->prods[i].vendor),
					               .product = vdb_s(db, db->prods[i].product),
					               .version = versions[k],
					               .platform = k == 2 ? "x" : NULL };
				struct vdb_matches m;
				struct cpe qc;
				char text[700], ver[300];
				vdb_lookup(db, &q, &m);
				vdb_matches_free(&m);
				/* And by CPE, with attributes a criterion may contradict. */
				snprintf(text, sizeof(text), "cpe:2.3:o:%s:%s:1.0:*:*:*:*:x:*:*",
				         q.vendor, q.product);
				if (vdb_query_from_cpe(text, &qc, ver, sizeof(ver), &q) == 0) {
					vdb_lookup(db, &q, &m);
					vdb_matches_free(&m);
				}
			}
		}
		vdb_close(db);
		free(file);
	}
	ms_diags_dispose(&d);
	vdb_builder_free(b);
	return 0;
}
