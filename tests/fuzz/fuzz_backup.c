/* fuzz_backup.c - libFuzzer target: the offline-backup questionnaire (backup.h), read and decided. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/backup.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct backup_answers *a = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;

	/* A workbook (a zip) or the JSON twin, as medsec backup tells them apart. */
	int rc = size >= 4 && !memcmp(data, "PK\3\4", 4)
	                 ? backup_read_xlsx(data, size, "fuzz.xlsx", &a, &d, &err)
	                 : backup_read((const char *)data, size, "fuzz.json", &a, &d, &err);

	if (rc == MS_OK) {
		struct backup_decision dec;
		json_t *j;

		/* What anything that reads goes through: the decision and its JSON. */
		backup_decide(a, &dec);
		j = backup_json(a, &dec, MS_LANG_JA);
		json_decref(j);
		free(backup_answers_dump(a));
		backup_decision_dispose(&dec);
		backup_answers_free(a);
	}
	ms_diags_dispose(&d);
	return 0;
}
