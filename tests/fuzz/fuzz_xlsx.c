/* fuzz_xlsx.c - libFuzzer target: an intake workbook from arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>

#include "medsec/intake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct intake_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;

	if (intake_load_xlsx_mem(data, size, "fuzz.xlsx", &doc, &d, &err) == MS_OK) {
		intake_validate(doc, NULL, &d);
		intake_doc_free(doc);
	}
	ms_diags_dispose(&d);
	return 0;
}
