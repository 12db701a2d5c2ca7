/*
 * show_plan.c - the plan as people and programs read it: a table on the terminal
 * (with who confirmed what, and when), JSON, or the workbook. `plan`, `plan confirm`
 * and `diagnose` all show it this way.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "medsec/clock.h"

/* Who confirmed what and when (in Japan's calendar), under a plan line. */
static void print_confirmations(const struct cli *c, const struct plan_line *l, int indent)
{
	char day[11];

	if (l->declared_row == 19)
		printf(L(C_S_DECLARED_UNKNOWN_ROW_19_JUDGED), indent, "", l->table_row);
	if (l->meeting_confirmed) {
		ms_date_jst(l->meeting_at, day);
		printf(L(C_S_MEETING), indent, "", day, l->meeting_by ? l->meeting_by : "-");
	}
	if (l->confirmed_ip) {
		char today[11];

		ms_date_jst(l->confirmed_at, day);
		ms_today_jst(today);
		printf(L(C_S_DAY_OF_ADDRESS), indent, "", l->confirmed_ip, day,
		       l->confirmed_by ? l->confirmed_by : (L(C_THE_WORKBOOK_S_DAY_OF_COLUMN)),
		       strcmp(day, today) == 0 ? "" : L(C_NOT_TODAY_NOT_SCANNED_UNTIL_CONFIRMED));
	}
}

static void print_table(const struct cli *c, const struct plan *p)
{
	static const char *const head_ja[] = { "回線",     "依頼書",    "用途",
		                               "通信形態", "固定/動的", "グローバルIP",
		                               "判定",     "No.",       "状況" };
	static const char *const head_en[] = { "Line",      "Declared", "Use", "Link",  "IP kind",
		                               "Global IP", "Elig.",    "Row", "Status" };
	static const size_t w[] = { 7, 8, 26, 18, 10, 18, 6, 4, 0 };
	const char *const *head = c->lang == MS_LANG_EN ? head_en : head_ja;
	char buf[64];

	printf(L(C_SURVEY_PLAN_ROUND_INTAKE_REVISION), p->hospital, p->round_no, p->revision);
	for (int i = 0; i < 9; i++)
		cli_pad(stdout, head[i], w[i]);
	putchar('\n');
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct plan_line *l = &p->lines[i];

		snprintf(buf, sizeof(buf), L(C_LINE_NO), l->line_no);
		cli_pad(stdout, buf, w[0]);
		snprintf(buf, sizeof(buf), L(C_LINE_NO), l->declared_no);
		cli_pad(stdout, buf, w[1]);
		cli_pad(stdout, l->use, w[2]);
		cli_pad(stdout, model_enum_label(model_link_types, l->link_type, c->lang), w[3]);
		cli_pad(stdout, model_enum_label(model_ip_kinds, l->ip_kind, c->lang), w[4]);
		cli_pad(stdout, l->global_ip ? l->global_ip : "-", w[5]);
		cli_pad(stdout, plan_eligibility_mark(l->eligibility), w[6]);
		snprintf(buf, sizeof(buf), "%d", l->table_row);
		cli_pad(stdout, buf, w[7]);
		fputs(msg_text(plan_status_msg(l->status), c->lang), stdout);
		if (l->target)
			printf(" %s", l->target);
		putchar('\n');
		if (l->reason != REASON_NONE)
			printf("%*s└ %s\n", (int)(w[0] + w[1]), "",
			       msg_text(plan_reason_msg(l->reason), c->lang));
		print_confirmations(c, l, (int)(w[0] + w[1]));
	}
	if (p->n_out_of_scope) {
		puts(L(C_OUT_OF_SCOPE));
		for (size_t i = 0; i < p->n_out_of_scope; i++)
			printf(L(C_DECLARED_LINE), p->out_of_scope[i].declared_no,
			       p->out_of_scope[i].use ? p->out_of_scope[i].use : "-",
			       msg_text(plan_reason_msg(p->out_of_scope[i].reason), c->lang));
	}
	fputs(L(C_RENUMBERING_INTAKE_PLAN), stdout);
	for (size_t i = 0; i < p->n_lines; i++)
		printf(L(C_RENUMBERED_LINE), i ? ", " : "", p->lines[i].declared_no,
		       p->lines[i].line_no);
	puts(p->n_lines ? "" : "-");
}

/* The plan as JSON, a table, or a workbook (then only said, unless --json). */
int cli_show_plan(struct cli *c, const struct survey_session *s, const struct intake_doc *doc,
                  const struct plan *p, const char *xlsx)
{
	const struct survey_round *r = &s->round;
	struct plan_view v = { doc, r->survey_on[0] ? r->survey_on : NULL,
		               r->diagnosis_on[0] ? r->diagnosis_on : NULL };
	struct ms_error err;

	if (xlsx) {
		if (plan_write_xlsx(p, &v, xlsx, c->lang, &err))
			return cli_error(c, &err);
		if (!c->json)
			cli_say(c, MSG_PLAN_WRITTEN, xlsx);
	}
	if (c->json) {
		char *out = plan_json(p, &v, c->lang);

		puts(out);
		free(out);
	} else if (!xlsx) {
		print_table(c, p);
	}
	return 0;
}

int cli_plan(struct cli *c, struct survey_session *s, const char *xlsx)
{
	struct intake_doc *doc = NULL;
	struct plan *p = NULL;
	struct ms_error err;
	int rc = survey_plan(s, &p, &doc, &err) ? cli_error(c, &err)
	                                        : cli_show_plan(c, s, doc, p, xlsx);

	plan_free(p);
	intake_doc_free(doc);
	return rc;
}
