/*
 * plan.h - the survey plan (調査実施計画一覧): which declared lines are
 * surveyed (scope), their plan numbers (renumbering), and whether each may
 * be diagnosed remotely (the 19-row 実施判定表 of seed 002).
 */
#ifndef MEDSEC_PLAN_H
#define MEDSEC_PLAN_H

#include <stddef.h>

#include "medsec/error.h"
#include "medsec/model.h"
#include "medsec/records.h"

struct plan_input {
	const struct intake_doc *doc;
	const struct confirmation *confirmations; /* this round's, may be NULL */
	size_t n_confirmations;
	const char *hospital;
	int round_no;
	int revision;
	const char *now; /* ISO 8601 */
	/* When the workbook was imported: the date of its 当日記入欄, which counts as a day-of
	 * confirmation only on that day (seed 002). */
	const char *declared_at;
};

/* Builds the plan; the result is the caller's (plan_free). Pure: no I/O. */
struct plan *plan_build(const struct plan_input *in);

/* The eligibility row (1..19) and judgement of one declared line. */
void plan_judge(const struct line *l, enum eligibility *elig, int *row, enum plan_reason *reason);

const char *plan_eligibility_key(enum eligibility e);  /* "yes", "consult", "no" */
const char *plan_eligibility_mark(enum eligibility e); /* ○ △ × */
const char *plan_reason_key(enum plan_reason r);
enum msg_id plan_reason_msg(enum plan_reason r);
const char *plan_status_key(enum plan_status s);
enum msg_id plan_status_msg(enum plan_status s);

/* The plan line with this plan number, or NULL. */
const struct plan_line *plan_line_by_no(const struct plan *p, int line_no);
/* The plan line of a declared line (記入依頼書の回線番号), or NULL (p NULL, or left out). */
const struct plan_line *plan_line_by_declared(const struct plan *p, int declared_no);

/*
 * Checks a confirmation of plan line line_no against the plan and fills
 * c->declared_no; c->address is checked and canonicalised.
 */
int plan_confirm_check(const struct plan *p, int line_no, struct confirmation *c,
                       int allow_test_addresses, struct ms_error *err);

/*
 * What the 調査実施計画一覧 shows beside the lines: the devices and terminals to survey
 * (from the declarations) and the agreed dates (medsec round set). Any may be NULL.
 */
struct plan_view {
	const struct intake_doc *doc;
	const char *survey_on, *diagnosis_on; /* YYYY-MM-DD */
};

/* The JSON of a plan (docs/json/plan.schema.json); a new string (free it). */
char *plan_json(const struct plan *p, const struct plan_view *v, enum ms_lang lang);

/* Writes the 調査実施計画一覧 workbook. */
int plan_write_xlsx(const struct plan *p, const struct plan_view *v, const char *path,
                    enum ms_lang lang, struct ms_error *err);

#endif
