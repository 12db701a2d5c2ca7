/* fuzz_checklist.c - libFuzzer target: the monthly checklist's workbook (checklist.h), read back. */
#include <stddef.h>
#include <stdint.h>

#include "medsec/checklist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checklist_sheet sh;
	struct ms_diags d = { 0 };
	struct ms_error err;

	if (checklist_sheet_read(data, size, "fuzz.xlsx", &sh, &d, &err) == MS_OK) {
		/* What an import relies on: levels 0-3 or -1, a month, someone where any is set. */
		for (int i = 0; i < CHECKLIST_ITEMS; i++)
			if (sh.levels[i] < -1 || sh.levels[i] > 3 || (sh.levels[i] >= 0 && !*sh.by))
				__builtin_trap();
		if (sh.month[4] != '-' || sh.month[7])
			__builtin_trap();
	}
	ms_diags_dispose(&d);
	return 0;
}
