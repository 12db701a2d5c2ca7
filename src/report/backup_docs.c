/*
 * backup_docs.c - the two documents of offline-backup support (seed 001): the draft
 * オフラインバックアップ計画書 (today's backups and their verdicts, what falls short, the
 * target configuration of the category, operating procedure, generations, restore
 * tests, roles) and the 支援方針報告書 (the category, why, what the hospital does and
 * what the programme does, per seed 001's tables). Drawn like the report.
 */
#include <stdio.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/prose.h"
#include "report/report_int.h"

#define L(pair) TXT(lang, pair)

static struct rdoc *new_doc(const struct backup_answers *a, const struct report_opts *o,
                            const char *title)
{
	enum ms_lang lang = o->lang;
	char date[64];
	struct rdoc *d;

	ms_date_text_jst(o->generated_at, lang, date, sizeof(date));
	d = rdoc_new(title, "", date, o->issuer ? o->issuer : "");
	d->contents = L(R_CONTENTS);
	d->subtitle = a->hospital ? rdoc_fmt(d, L(R_TO), a->hospital) : "";
	return d;
}

static const char *dest_text(const struct backup_answers *a, enum ms_lang lang)
{
	return a->intent.destination == DEST_CLOUD    ? L(P_DEST_CLOUD)
	       : a->intent.destination == DEST_ONSITE ? L(P_DEST_ONSITE)
	                                              : L(P_DEST_NONE);
}

static void overview(struct rdoc *d, const struct backup_answers *a,
                     const struct backup_decision *dec, enum ms_lang lang)
{
	static const double w[] = { 1, 3 };
	const char *head[] = { L(P_ITEM), L(P_CONTENT), NULL };
	struct rtable *t = rdoc_table(d, NULL, head, w);

	rdoc_row(d, t, NULL, (const char *[]){ L(P_HOSPITAL), a->hospital ? a->hospital : "-" });
	rdoc_row(d, t, NULL, (const char *[]){ L(P_ANSWERED_ON), a->answered_on });
	rdoc_row(d, t, NULL,
	         (const char *[]){ L(P_CATEGORY), backup_category_text(dec->category, lang) });
	rdoc_row(d, t, NULL, (const char *[]){ L(P_DESTINATION), dest_text(a, lang) });
	rdoc_row(d, t, dec->kasan1 ? NULL : "medium",
	         (const char *[]){ L(P_KASAN1), dec->kasan1 ? L(P_MET) : L(P_NOT_MET) });
}

static void current(struct rdoc *d, const struct backup_answers *a,
                    const struct backup_decision *dec, enum ms_lang lang)
{
	static const double w[] = { 1.3, 0.9, 1.1, 1.1, 0.6, 1.4, 2.6 };
	const char *head[] = { L(P_SYSTEM),      L(P_METHOD),   L(P_MEDIUM),  L(P_CONNECTION),
		               L(P_GENERATIONS), L(P_LOCATION), L(P_VERDICT), NULL };
	struct rtable *t;
	size_t k = 0;

	rdoc_heading(d, 1, L(P_CURRENT));
	rdoc_para(d, L(P_CURRENT_NOTE));
	t = rdoc_table(d, NULL, head, w);
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct backup_system *s = &a->systems[i];

		for (size_t j = 0; j < s->n_backups; j++, k++) {
			const struct backup_copy *b = &s->backups[j];
			const struct backup_verdict *v = &dec->verdicts[k];

			rdoc_row(d, t, v->offline ? NULL : "medium",
			         (const char *[]){
			                 j ? "" : s->name, backup_method_text(b->method, lang),
			                 backup_medium_text(b->medium, lang),
			                 backup_connection_text(b->connection, lang),
			                 b->generations > 0 ? rdoc_fmt(d, "%d", b->generations)
			                                    : "-",
			                 b->location ? b->location : "-",
			                 rdoc_fmt(d, "%s %s", v->offline ? "○" : "×",
			                          backup_rule_text(v->rule, lang)) });
		}
	}
}

static void gaps(struct rdoc *d, const struct backup_answers *a, const struct backup_decision *dec,
                 enum ms_lang lang)
{
	rdoc_heading(d, 1, L(P_GAPS));
	for (size_t i = 0; i < a->n_systems; i++) {
		char list[1024] = "";

		for (unsigned bit = 1; bit <= SHORT_RESTORE_FAILED; bit <<= 1)
			if (dec->shortfalls[i] & bit)
				snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
				         list[0] ? L(A_CLAUSE_SEPARATOR) : "",
				         backup_shortfall_text(bit, lang));
		rdoc_para(d,
		          rdoc_fmt(d, "%s: %s", a->systems[i].name, list[0] ? list : L(P_NO_GAPS)));
	}
	rdoc_para(d, dec->kasan1 ? L(B_KASAN1_MET) : L(B_KASAN1_NOT_MET));
}

struct rdoc *report_backup_plan(const struct backup_answers *a, const struct backup_decision *dec,
                                const struct report_opts *o)
{
	enum ms_lang lang = o->lang;
	struct rdoc *d = new_doc(a, o, L(P_PLAN_TITLE));
	static const double w[] = { 1.5, 3.5 };
	const char *head[] = { L(P_ROLE), L(P_CONTENT), NULL };
	struct rtable *t;

	rdoc_note(d, L(P_DRAFT_NOTE));
	rdoc_heading(d, 1, L(P_OVERVIEW));
	overview(d, a, dec, lang);
	current(d, a, dec, lang);
	gaps(d, a, dec, lang);
	rdoc_heading(d, 1, L(P_TARGET));
	if (dec->category > CATEGORY_SUPPORT_C)
		rdoc_para(d, L(P_TARGET_KEEP));
	else if (a->intent.destination == DEST_CLOUD)
		rdoc_para(d, L(P_TARGET_CLOUD));
	else
		rdoc_para(d, dec->category == CATEGORY_SUPPORT_C ? L(P_TARGET_C) : L(P_TARGET_AB));
	rdoc_heading(d, 1, L(P_PROCEDURE));
	rdoc_para(d, L(P_STEP_1));
	rdoc_para(d, L(P_STEP_2));
	rdoc_para(d, L(P_STEP_3));
	rdoc_para(d, L(P_STEP_4));
	rdoc_heading(d, 1, L(P_GENERATIONS_PLAN));
	rdoc_para(d, L(P_GENERATIONS_TEXT));
	rdoc_heading(d, 1, L(P_RESTORE_PLAN));
	rdoc_para(d, L(P_RESTORE_TEXT));
	rdoc_heading(d, 1, L(P_ROLES));
	t = rdoc_table(d, NULL, head, w);
	rdoc_row(d, t, NULL, (const char *[]){ L(P_ROLE_HOSPITAL), L(P_ROLE_HOSPITAL_DOES) });
	rdoc_row(d, t, NULL, (const char *[]){ L(P_ROLE_VENDOR), L(P_ROLE_VENDOR_DOES) });
	rdoc_row(
	        d, t, NULL,
	        (const char *[]){ L(P_ROLE_PROGRAMME), backup_category_what(dec->category, lang) });
	return d;
}

static void list(struct rdoc *d, const char *const *items, enum ms_lang lang)
{
	for (size_t i = 0; items[i]; i++)
		rdoc_para(d, rdoc_fmt(d, L(P_BULLET), items[i]));
}

struct rdoc *report_backup_policy(const struct backup_answers *a, const struct backup_decision *dec,
                                  const struct report_opts *o)
{
	enum ms_lang lang = o->lang;
	struct rdoc *d = new_doc(a, o, L(P_POLICY_TITLE));
	const char *reasons[4];
	size_t n = backup_reasons(a, dec, lang, reasons, 4);
	/* Seed 001 「支援方針ごとの対応範囲」, row by row. */
	const char *hospital_a[] = { L(P_H_SURVEY),   L(P_H_MEETINGS_AB), L(P_H_PROCURE_SERVER),
		                     L(P_H_SETTINGS), L(P_H_ATTEND),      NULL },
	           *hospital_b[] = { L(P_H_SURVEY),   L(P_H_MEETINGS_AB), L(P_H_PROCURE_SERVER),
		                     L(P_H_SETTINGS), L(P_H_BUILD_LATER), NULL },
	           *hospital_c[] = { L(P_H_SURVEY), L(P_H_MEETING_C), L(P_H_PROCURE_MEDIA),
		                     L(P_H_SETTINGS), NULL },
	           *programme_a[] = { L(P_P_REQUIREMENTS), L(P_P_CONFIRM), L(P_P_PLAN_PROCEDURE),
		                      L(P_P_BUILD), NULL },
	           *programme_b[] = { L(P_P_REQUIREMENTS), L(P_P_CONFIRM), L(P_P_PLAN_PROCEDURE),
		                      L(P_P_BUILD_PROCEDURE), NULL },
	           *programme_c[] = { L(P_P_REQUIREMENTS), L(P_P_CONFIRM), L(P_P_PLAN), NULL },
	           *programme_report[] = { L(P_P_REQUIREMENTS), L(P_P_HEAR_PLANNED), NULL },
	           *programme_none[] = { L(P_P_REQUIREMENTS), L(P_P_HEAR_EXISTING), NULL };

	d->compact = 1; /* a page: no cover, no contents */
	rdoc_heading(d, 1, L(P_POLICY_CATEGORY));
	rdoc_para(d, rdoc_fmt(d, "%s — %s", backup_category_text(dec->category, lang),
	                      backup_category_what(dec->category, lang)));
	rdoc_heading(d, 1, L(P_POLICY_WHY));
	for (size_t i = 0; i < n; i++)
		rdoc_para(d, rdoc_fmt(d, L(P_BULLET), reasons[i]));
	rdoc_heading(d, 1, L(P_POLICY_HOSPITAL));
	switch (dec->category) {
	case CATEGORY_SUPPORT_A: list(d, hospital_a, lang); break;
	case CATEGORY_SUPPORT_B: list(d, hospital_b, lang); break;
	case CATEGORY_SUPPORT_C: list(d, hospital_c, lang); break;
	default: rdoc_para(d, L(P_H_NOTHING));
	}
	rdoc_heading(d, 1, L(P_POLICY_PROGRAMME));
	switch (dec->category) {
	case CATEGORY_SUPPORT_A: list(d, programme_a, lang); break;
	case CATEGORY_SUPPORT_B: list(d, programme_b, lang); break;
	case CATEGORY_SUPPORT_C: list(d, programme_c, lang); break;
	case CATEGORY_REPORT_ONLY: list(d, programme_report, lang); break;
	default: list(d, programme_none, lang);
	}
	rdoc_note(d, L(P_POLICY_COSTS));
	return d;
}
