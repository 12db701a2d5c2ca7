/* fuzz_onsite.c - libFuzzer target: the onsite survey record (JSON, or the 現地調査 sheet). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "medsec/onsite.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct plan_line lines[3] = { { .line_no = 1 }, { .line_no = 2 }, { .line_no = 3 } };
	static struct plan plan = { .lines = lines, .n_lines = 3 };
	struct onsite_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc = size >= 2 && data[0] == 'P' && data[1] == 'K'
	                 ? onsite_load_xlsx_mem(data, size, "fuzz.xlsx", &doc, &d, &err)
	                 : onsite_load_json_mem(data, size, "fuzz.json", &doc, &d, &err);

	if (rc == MS_OK) {
		char *s;

		onsite_validate(doc, &plan, &d);
		s = onsite_json_dump(doc); /* the writer copes with anything read */
		free(s);
		onsite_doc_free(doc);
	}
	ms_diags_dispose(&d);
	return 0;
}
