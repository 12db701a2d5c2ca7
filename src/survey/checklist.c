/*
 * checklist.c - the monthly checklist as use cases (survey.h): this month's answers with
 * what medsec proposes from the evidence it holds, answers saved with who gave them, and
 * every month's history. A proposal is only a proposal: the person answers, both are kept.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/fs.h"
#include "medsec/intake.h"
#include "medsec/prose.h"
#include "medsec/report.h"
#include "medsec/store.h"
#include "medsec/survey.h"

#define PROPOSE(p, lv, ...)                                              \
	do {                                                             \
		(p)->level = (lv);                                       \
		snprintf((p)->reason, sizeof((p)->reason), __VA_ARGS__); \
	} while (0)

/* Item 2: the intake against the onsite survey. */
static void diagram(const struct assess_input *in, enum ms_lang lang, struct checklist_proposal *p)
{
	if (!in->onsite)
		return;
	if (in->onsite->n_unregistered)
		PROPOSE(p, 1, TXT(lang, H_DIAGRAM_UNREGISTERED), in->onsite->n_unregistered);
	else
		PROPOSE(p, 2, "%s", TXT(lang, H_DIAGRAM_MATCHES));
}

/* Item 4: the offline-backup answers, as decided. */
static void backup(const struct assess_input *in, enum ms_lang lang, struct checklist_proposal *p)
{
	const struct backup_decision *d = in->backup_decision;
	unsigned ehr = 0;

	if (!in->backup)
		return;
	for (size_t i = 0; i < in->backup->n_systems; i++)
		if (in->backup->systems[i].ehr)
			ehr |= d->shortfalls[i];
	if (!d->ehr_offline)
		PROPOSE(p, 1, "%s", TXT(lang, H_BACKUP_NOT_OFFLINE));
	else if (ehr & (SHORT_RESTORE_UNTESTED | SHORT_RESTORE_FAILED))
		PROPOSE(p, 1, "%s", TXT(lang, H_BACKUP_UNTESTED));
	else
		PROPOSE(p, 2, "%s", TXT(lang, H_BACKUP_OFFLINE));
}

/* Items 9, 10 and 15: the terminal survey. */
static void terminals(const struct assess_input *in, enum ms_lang lang,
                      struct checklist_proposal *av, struct checklist_proposal *patch,
                      struct checklist_proposal *usb)
{
	size_t none = 0, stale = 0, ok = 0, old = 0, dated = 0, open = 0, restricted = 0;

	for (size_t i = 0; i < in->n_terminals; i++) {
		const struct terminal_result *t = &in->terminals[i];

		none += t->av_status == AV_NONE || t->av_status == AV_OFF;
		stale += t->av_status == AV_STALE;
		ok += t->av_status == AV_PROTECTED;
		dated += t->update_age_days >= 0;
		old += t->update_age_days > TERMINAL_UPDATE_AGE_MAX;
		open += t->usb == USB_ALLOWED;
		restricted += t->usb == USB_BLOCKED || t->usb == USB_READ_ONLY;
	}
	if (none)
		PROPOSE(av, 0, TXT(lang, H_AV_NONE), none);
	else if (stale)
		PROPOSE(av, 1, TXT(lang, H_AV_STALE), stale);
	else if (ok)
		PROPOSE(av, 2, TXT(lang, H_AV_OK), ok);
	if (old)
		PROPOSE(patch, 1, TXT(lang, H_PATCH_OLD), old, TERMINAL_UPDATE_AGE_MAX);
	else if (dated)
		PROPOSE(patch, 2, TXT(lang, H_PATCH_OK), dated, TERMINAL_UPDATE_AGE_MAX);
	if (open)
		PROPOSE(usb, 1, TXT(lang, H_USB_OPEN), open);
	else if (restricted)
		PROPOSE(usb, 3, TXT(lang, H_USB_RESTRICTED), restricted);
}

/* Item 11: the network devices' firmware; item 13: maintenance access seen from outside. */
static void findings(const struct assessment *a, enum ms_lang lang,
                     struct checklist_proposal *firmware, struct checklist_proposal *remote)
{
	size_t devices = 0, behind = 0, maintenance = 0;

	/* Only devices looked up in the index count: without one nothing is known. */
	for (size_t i = 0; i < a->n_targets; i++)
		if (a->targets[i].source != SRC_REMOTE && a->targets[i].status == CHECK_DONE) {
			devices++;
			behind += a->targets[i].n > 0;
		}
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct assess_finding *f = &a->findings[i];

		behind += f->kind == FKIND_FIRMWARE;
		maintenance += f->source == SRC_REMOTE && f->manual && !strncmp(f->manual, "06", 2);
	}
	if (behind)
		PROPOSE(firmware, 1, TXT(lang, H_FIRMWARE_BEHIND), behind);
	else if (devices)
		PROPOSE(firmware, 2, TXT(lang, H_FIRMWARE_OK), devices);
	if (maintenance)
		PROPOSE(remote, 1, TXT(lang, H_REMOTE_EXPOSED), maintenance);
}

/* The hospital's stored answers into out, and this month's per item. */
static int load_answers(struct survey_session *s, struct survey_checklist *out,
                        struct ms_error *err)
{
	int rc;

	free(out->rows);
	memset(out->now, 0, sizeof(out->now));
	if ((rc = store_checklist_load(s->store, s->hospital_id, &out->rows, &out->n_rows, err)))
		return rc;
	for (size_t i = 0; i < out->n_rows; i++)
		if (!strcmp(out->rows[i].month, out->month) && out->rows[i].item >= 1 &&
		    out->rows[i].item <= CHECKLIST_ITEMS)
			out->now[out->rows[i].item - 1] = &out->rows[i];
	return MS_OK;
}

int survey_checklist(struct survey_session *s, const char *month, struct survey_checklist *out,
                     struct ms_diags *d, struct ms_error *err)
{
	char path[4096], today[11];
	struct survey sv;
	int rc;

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		out->proposals[i].level = -1;
	ms_today_jst(today);
	snprintf(out->month, sizeof(out->month), "%.7s", month ? month : today);
	survey_data_path(s->cfg, "checklist.json", path, sizeof(path));
	if ((rc = checklist_load(path, &out->list, d, err)) || (rc = load_answers(s, out, err)))
		return rc;
	/* The evidence: the round as assessed. Without it (nothing surveyed yet) no proposals. */
	if (survey_load(s->cfg, 0, &sv, d, err) == MS_OK) {
		enum ms_lang lang = s->cfg->lang;

		diagram(&sv.in, lang, &out->proposals[1]);
		backup(&sv.in, lang, &out->proposals[3]);
		terminals(&sv.in, lang, &out->proposals[8], &out->proposals[9],
		          &out->proposals[14]);
		findings(sv.a, lang, &out->proposals[10], &out->proposals[12]);
	}
	survey_free(&sv);
	ms_diags_dispose(d);
	memset(d, 0, sizeof(*d));
	return MS_OK;
}

int survey_checklist_answer(struct survey_session *s, const int *levels, const char *by,
                            struct survey_checklist *k, struct ms_error *err)
{
	struct checklist_row rows[CHECKLIST_ITEMS];
	char stamp[32];
	size_t n = 0;
	int rc;

	ms_now_iso(stamp);
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		if (levels[i] >= 0) {
			struct checklist_row *r = &rows[n++];

			memset(r, 0, sizeof(*r));
			snprintf(r->month, sizeof(r->month), "%s", k->month);
			r->item = i + 1;
			r->level = levels[i];
			r->proposed = k->proposals[i].level;
			snprintf(r->by, sizeof(r->by), "%s", by);
			snprintf(r->answered_at, sizeof(r->answered_at), "%s", stamp);
		}
	if ((rc = store_checklist_save(s->store, s->hospital_id, rows, n, err)))
		return rc;
	return load_answers(s, k, err);
}

int survey_poster_write(struct survey_session *s, const char *dir, struct report_files *files,
                        struct ms_error *err)
{
	struct intake_doc *doc = NULL;
	struct intake_revision rev;
	char now[32];
	struct report_opts o = { .lang = s->cfg->lang, .generated_at = now };
	int rc = survey_declarations(s, &doc, &rev, err);

	ms_now_iso(now);
	if (!rc)
		rc = report_poster_write(doc, dir, &o, files, err);
	intake_doc_free(doc);
	return rc;
}

int survey_checklist_sheet(struct survey_session *s, const struct survey_checklist *k,
                           const char *path, struct ms_error *err)
{
	struct checklist_sheet now = { .levels = { 0 } };
	const char *newest = "";

	snprintf(now.hospital, sizeof(now.hospital), "%s", s->hospital);
	snprintf(now.month, sizeof(now.month), "%s", k->month);
	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		now.levels[i] = k->now[i] ? k->now[i]->level : -1;
		if (k->now[i] &&
		    strcmp(k->now[i]->answered_at, newest) > 0) { /* who answered last */
			newest = k->now[i]->answered_at;
			snprintf(now.by, sizeof(now.by), "%s", k->now[i]->by);
		}
	}
	return checklist_sheet_write(path, k->list, &now, k->proposals, err);
}

/* A month's workbook is a few kilobytes; a megabyte is not one. */
#define SHEET_FILE_MAX (1024 * 1024)

int survey_checklist_import(struct survey_session *s, const char *path, struct survey_checklist *k,
                            struct ms_diags *d, struct ms_error *err)
{
	struct checklist_sheet sh;
	size_t size;
	char *data = ms_read_file(path, SHEET_FILE_MAX, &size);
	int rc;

	memset(k, 0, sizeof(*k));
	if (!data)
		return ms_fail(err, MS_ERR_INPUT,
		               errno == EFBIG ? MSG_INPUT_TOO_LARGE : MSG_CANNOT_OPEN,
		               errno == EFBIG ? path : NULL, errno == EFBIG ? NULL : path);
	rc = checklist_sheet_read(data, size, path, &sh, d, err);
	free(data);
	if (rc)
		return rc;
	if (*sh.hospital && strcmp(sh.hospital, s->hospital))
		return ms_fail(err, MS_ERR_INPUT, MSG_BACKUP_OTHER_HOSPITAL, path, s->hospital);
	if ((rc = survey_checklist(s, sh.month, k, d, err)))
		return rc;
	/* A level the month already has stays as it was answered, by whom it was. */
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		if (k->now[i] && k->now[i]->level == sh.levels[i])
			sh.levels[i] = -1;
	return survey_checklist_answer(s, sh.levels, sh.by, k, err);
}

int survey_checklist_inspection(struct survey_session *s, const struct survey_checklist *k,
                                const char *path, struct checklist_mhlw_answer *out,
                                struct ms_error *err)
{
	struct survey_backup b;
	const char *vendors[64];
	size_t n = 0;
	int rc;

	checklist_mhlw_answers(k->list, k->now, k->month, out);
	if (!path)
		return MS_OK;
	/* The vendors to send the 事業者確認用 to: those of the systems in the backup answers. */
	if (survey_backup_current(s, &b, err) == MS_OK)
		for (size_t i = 0; i < b.answers->n_systems && n < 64; i++) {
			const char *v = b.answers->systems[i].vendor;
			size_t j = 0;

			while (v && j < n && strcmp(vendors[j], v))
				j++;
			if (v && *v && j == n)
				vendors[n++] = v;
		}
	else
		memset(&b, 0, sizeof(b)); /* none yet: one blank vendor form */
	rc = checklist_inspection_write(path, k->list, out, s->hospital, k->month, vendors, n, err);
	survey_backup_free(&b);
	return rc;
}

void survey_checklist_free(struct survey_checklist *c)
{
	checklist_free(c->list);
	free(c->rows);
	memset(c, 0, sizeof(*c));
}
