/*
 * backup.c - offline-backup support as a use case: a hospital's questionnaire read
 * from a file, checked and decided (survey.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/fs.h"
#include "medsec/report.h"
#include "medsec/survey.h"

/* A questionnaire is a few kilobytes; a megabyte is not one. */
#define BACKUP_FILE_MAX (1024 * 1024)

int survey_backup_decide(const char *path, struct survey_backup *out, struct ms_diags *d,
                         struct ms_error *err)
{
	size_t size;
	char *data = ms_read_file(path, BACKUP_FILE_MAX, &size);
	int rc;

	memset(out, 0, sizeof(*out));
	if (!data)
		return ms_fail(err, MS_ERR_INPUT,
		               errno == EFBIG ? MSG_INPUT_TOO_LARGE : MSG_CANNOT_OPEN,
		               errno == EFBIG ? path : NULL, errno == EFBIG ? NULL : path);
	rc = backup_read(data, size, path, &out->answers, d, err);
	free(data);
	if (!rc)
		backup_decide(out->answers, &out->decision);
	return rc;
}

int survey_backup_write(const struct survey_backup *b, const char *dir, enum ms_lang lang,
                        struct report_files *files, struct ms_error *err)
{
	char now[32];
	struct report_opts o = { .lang = lang, .generated_at = now };

	ms_now_iso(now);
	return report_backup_write(b->answers, &b->decision, dir, &o, files, err);
}

void survey_backup_free(struct survey_backup *b)
{
	backup_answers_free(b->answers);
	backup_decision_dispose(&b->decision);
	memset(b, 0, sizeof(*b));
}
