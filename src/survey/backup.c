/*
 * backup.c - offline-backup support as a use case: a hospital's questionnaire read
 * from a file, checked and decided (survey.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/fs.h"
#include "medsec/report.h"
#include "medsec/store.h"
#include "medsec/survey.h"

/* A questionnaire is a few kilobytes; a megabyte is not one. */
#define BACKUP_FILE_MAX (1024 * 1024)

/* Reads, checks and decides; *text (may be NULL) gets the file as read (free it). */
static int decide_file(const char *path, struct survey_backup *out, char **text, struct ms_diags *d,
                       struct ms_error *err)
{
	size_t size;
	char *data = ms_read_file(path, BACKUP_FILE_MAX, &size);
	int rc;

	memset(out, 0, sizeof(*out));
	if (text)
		*text = NULL;
	if (!data)
		return ms_fail(err, MS_ERR_INPUT,
		               errno == EFBIG ? MSG_INPUT_TOO_LARGE : MSG_CANNOT_OPEN,
		               errno == EFBIG ? path : NULL, errno == EFBIG ? NULL : path);
	/* A workbook (a zip: "PK\3\4") or its JSON twin. */
	if (size >= 4 && !memcmp(data, "PK\3\4", 4))
		rc = backup_read_xlsx(data, size, path, &out->answers, d, err);
	else
		rc = backup_read(data, size, path, &out->answers, d, err);
	if (!rc)
		backup_decide(out->answers, &out->decision);
	if (!rc && text) /* what an import keeps is always the JSON */
		*text = backup_answers_dump(out->answers);
	free(data);
	return rc;
}

int survey_backup_decide(const char *path, struct survey_backup *out, struct ms_diags *d,
                         struct ms_error *err)
{
	return decide_file(path, out, NULL, d, err);
}

int survey_backup_import(struct survey_session *s, const char *path, struct survey_backup *out,
                         struct ms_diags *d, struct ms_error *err)
{
	struct backup_row row = { 0 };
	char *text;
	int rc = decide_file(path, out, &text, d, err);

	if (rc)
		return rc;
	/* Answers that name a hospital must be this hospital's. */
	if (out->answers->hospital && strcmp(out->answers->hospital, s->hospital)) {
		free(text);
		return ms_fail(err, MS_ERR_INPUT, MSG_BACKUP_OTHER_HOSPITAL, path, s->hospital);
	}
	snprintf(row.source, sizeof(row.source), "%s", path);
	ms_now_iso(row.imported_at);
	row.json = text;
	rc = store_backup_save(s->store, s->hospital_id, &row, err);
	free(text);
	return rc;
}

/* A stored answer decided again (checked when it was imported: a failure is ours). */
static int decide_row(const struct backup_row *r, struct survey_backup *out, struct ms_error *err)
{
	struct ms_diags d = { 0 };
	int rc = backup_read(r->json, strlen(r->json), r->source, &out->answers, &d, err);

	ms_diags_dispose(&d);
	if (rc)
		return err->status = MS_ERR_SYSTEM;
	backup_decide(out->answers, &out->decision);
	snprintf(out->imported_at, sizeof(out->imported_at), "%s", r->imported_at);
	snprintf(out->hospital, sizeof(out->hospital), "%s", r->hospital);
	return MS_OK;
}

int survey_backup_current(struct survey_session *s, struct survey_backup *out, struct ms_error *err)
{
	struct backup_row *rows;
	size_t n;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_backup_latest(s->store, s->hospital_id, &rows, &n, err)))
		return rc;
	rc = n ? decide_row(&rows[0], out, err)
	       : ms_fail(err, MS_ERR_INPUT, MSG_BACKUP_NONE, NULL, s->hospital);
	store_backup_free(rows, n);
	return rc;
}

int survey_backup_summary(const struct survey_config *cfg, struct survey_backup_summary *out,
                          struct ms_error *err)
{
	struct store *st = NULL;
	struct backup_row *rows = NULL;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = store_open(&st, cfg->db, err)) ||
	    (rc = store_backup_latest(st, 0, &rows, &n, err)))
		goto out;
	out->v = ms_xcalloc(n + 1, sizeof(*out->v));
	for (size_t i = 0; i < n && !rc; i++) {
		rc = decide_row(&rows[i], &out->v[i], err);
		if (!rc) {
			out->count[out->v[i].decision.category]++;
			out->n++;
		}
	}
out:
	store_backup_free(rows, n);
	store_close(st);
	return rc;
}

void survey_backup_summary_free(struct survey_backup_summary *s)
{
	for (size_t i = 0; i < s->n; i++)
		survey_backup_free(&s->v[i]);
	free(s->v);
	memset(s, 0, sizeof(*s));
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
