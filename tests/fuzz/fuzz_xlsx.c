/*
 * fuzz_xlsx.c - libFuzzer target: an intake workbook from arbitrary bytes.
 *
 * Input starting with "PK" is taken as a zip as it is. Anything else is a
 * list of XML parts separated by NUL bytes, packed here into a stored
 * (uncompressed) zip under the names of a workbook's parts, so mutations
 * reach the XML and cell readers instead of dying in inflate.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "medsec/intake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const part_names[] = {
	"_rels/.rels",
	"xl/workbook.xml",
	"xl/_rels/workbook.xml.rels",
	"xl/sharedStrings.xml",
	"xl/styles.xml",
	"xl/worksheets/sheet1.xml",
	"xl/worksheets/sheet2.xml",
	"xl/worksheets/sheet3.xml",
	"xl/worksheets/sheet4.xml",
};
#define N_PARTS (sizeof(part_names) / sizeof(part_names[0]))

struct out {
	uint8_t *p;
	size_t n;
};

static void put(struct out *o, const void *src, size_t n)
{
	memcpy(o->p + o->n, src, n);
	o->n += n;
}

static void put16(struct out *o, unsigned v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	put(o, b, 2);
}

static void put32(struct out *o, unsigned long v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };

	put(o, b, 4);
}

/* Packs parts into a stored zip (APPNOTE 4.3); returns a new buffer. */
static uint8_t *pack(const uint8_t *data, size_t size, size_t *out_size)
{
	const uint8_t *start[N_PARTS];
	size_t len[N_PARTS], n = 0, pos = 0, names = 0;
	unsigned long crc[N_PARTS], offset[N_PARTS];
	struct out o;

	while (n < N_PARTS && pos <= size) {
		const uint8_t *nul = memchr(data + pos, 0, size - pos);
		size_t end = nul ? (size_t)(nul - data) : size;

		start[n] = data + pos;
		len[n] = end - pos;
		names += strlen(part_names[n]);
		n++;
		pos = end + 1;
	}
	o.p = malloc(size + n * 100 + names * 2 + 64);
	o.n = 0;
	for (size_t i = 0; i < n; i++) {
		crc[i] = crc32(0, start[i], (uInt)len[i]);
		offset[i] = (unsigned long)o.n;
		put32(&o, 0x04034b50);
		put16(&o, 20);
		put16(&o, 0);
		put16(&o, 0); /* stored */
		put16(&o, 0);
		put16(&o, 0);
		put32(&o, crc[i]);
		put32(&o, (unsigned long)len[i]);
		put32(&o, (unsigned long)len[i]);
		put16(&o, (unsigned)strlen(part_names[i]));
		put16(&o, 0);
		put(&o, part_names[i], strlen(part_names[i]));
		put(&o, start[i], len[i]);
	}
	{
		unsigned long cd = (unsigned long)o.n;

		for (size_t i = 0; i < n; i++) {
			put32(&o, 0x02014b50);
			put16(&o, 20);
			put16(&o, 20);
			put16(&o, 0);
			put16(&o, 0);
			put16(&o, 0);
			put16(&o, 0);
			put32(&o, crc[i]);
			put32(&o, (unsigned long)len[i]);
			put32(&o, (unsigned long)len[i]);
			put16(&o, (unsigned)strlen(part_names[i]));
			put16(&o, 0);
			put16(&o, 0);
			put16(&o, 0);
			put16(&o, 0);
			put32(&o, 0);
			put32(&o, offset[i]);
			put(&o, part_names[i], strlen(part_names[i]));
		}
		put32(&o, 0x06054b50);
		put16(&o, 0);
		put16(&o, 0);
		put16(&o, (unsigned)n);
		put16(&o, (unsigned)n);
		put32(&o, (unsigned long)o.n - cd);
		put32(&o, cd);
		put16(&o, 0);
	}
	*out_size = o.n;
	return o.p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct intake_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;
	uint8_t *zip = NULL;
	size_t zip_size = size;

	if (size > (1u << 20))
		return 0;
	if (!(size >= 2 && data[0] == 'P' && data[1] == 'K')) {
		zip = pack(data, size, &zip_size);
		data = zip;
	}
	if (intake_load_xlsx_mem(data, zip_size, "fuzz.xlsx", &doc, &d, &err) == MS_OK) {
		intake_validate(doc, NULL, &d);
		intake_doc_free(doc);
	}
	ms_diags_dispose(&d);
	free(zip);
	return 0;
}
