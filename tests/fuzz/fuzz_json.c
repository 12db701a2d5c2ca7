/* fuzz_json.c - libFuzzer target: the intake JSON twin from arbitrary bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "medsec/intake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct intake_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;

	if (intake_load_json_mem(data, size, "fuzz.json", &doc, &d, &err) == MS_OK) {
		char *s;

		intake_validate(doc, NULL, &d);
		s = intake_json_dump(doc); /* and back: the writer must cope with anything read */
		free(s);
		intake_doc_free(doc);
	}
	ms_diags_dispose(&d);
	return 0;
}
