/*
 * fuzz_index.c - libFuzzer target: an index file from arbitrary bytes must be
 * refused or read safely (the file is outside input: copied between offices).
 * The checksum is recomputed first so the fuzzer reaches the table checks.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "medsec/vulndb.h"
#include "vulndb/vdb_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t *buf = malloc(size / 8 + 1 ? (size / 8 + 1) * 8 : 8); /* aligned as mmap is */
	struct vdb_file_header *h = (struct vdb_file_header *)buf;
	struct ms_error err;
	struct vdb *db;

	memcpy(buf, data, size);
	if (size >= sizeof(*h)) {
		h->file_size = size;
		h->crc = (uint32_t)crc32_z(crc32(0L, Z_NULL, 0), (const Bytef *)buf + sizeof(*h),
		                           size - sizeof(*h));
	}
	if (vdb_open_buffer(buf, size, &db, &err) == 0) {
		struct vdb_status st;
		struct vdb_matches m;
		static const char *const products[][2] = { { "fortinet", "fortios" },
			                                   { "a", "b" },
			                                   { "nec", "univerge_ix" } };
		vdb_status(db, &st);
		for (size_t i = 0; i < 3; i++) {
			struct vdb_query q = { .vendor = products[i][0],
				               .product = products[i][1],
				               .version = "1.0",
				               .platform = "x" };
			vdb_lookup(db, &q, &m);
			vdb_matches_free(&m);
		}
		vdb_close(db);
	}
	free(buf);
	return 0;
}
