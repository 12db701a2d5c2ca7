/* cmd_plan.c - `medsec plan [confirm-ip|confirm]`: the survey plan and its confirmations. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/clock.h"
#include "medsec/intake.h"
#include "medsec/plan.h"

/* What the command line said beyond the common options. */
struct plan_args {
	const char *xlsx, *by, *global_ip, *ip_kind, *fqdn;
};

/* Who confirmed what and when (in Japan's calendar), under a plan line. */
static void print_confirmations(const struct cli *c, const struct plan_line *l, int indent)
{
	int en = c->lang == MS_LANG_EN;
	char day[11];

	if (l->declared_row == 19)
		printf(en ? "%*s└ declared \"unknown\" (row 19); judged by the meeting's answer as row %d\n"
		          : "%*s└ グローバルIP利用「わからない」(19行目) → 打合せでの回答により%d行目で判定\n",
		       indent, "", l->table_row);
	if (l->meeting_confirmed) {
		ms_date_jst(l->meeting_at, day);
		printf(en ? "%*s└ meeting: %s, %s\n" : "%*s└ 打合せ確認: %s %s\n", indent, "", day,
		       l->meeting_by ? l->meeting_by : "-");
	}
	if (l->confirmed_ip) {
		char today[11];

		ms_date_jst(l->confirmed_at, day);
		ms_today_jst(today);
		printf(en ? "%*s└ day-of address %s: %s, %s%s\n"
		          : "%*s└ 当日のアドレス %s: %s %s%s\n",
		       indent, "", l->confirmed_ip, day,
		       l->confirmed_by
		               ? l->confirmed_by
		               : (en ? "the workbook's day-of column" : "記入依頼書の当日記入欄"),
		       strcmp(day, today) == 0 ? ""
		       : en ? " (not today: not scanned until confirmed again on the day)"
		            : " (本日の確認ではありません。当日に確認し直すまで調査しません)");
	}
}

static void print_table(const struct cli *c, const struct plan *p)
{
	int en = c->lang == MS_LANG_EN;
	static const char *const head_ja[] = { "回線",     "依頼書",    "用途",
		                               "通信形態", "固定/動的", "グローバルIP",
		                               "判定",     "No.",       "状況" };
	static const char *const head_en[] = { "Line",      "Declared", "Use", "Link",  "IP kind",
		                               "Global IP", "Elig.",    "Row", "Status" };
	static const size_t w[] = { 7, 8, 26, 18, 10, 18, 6, 4, 0 };
	const char *const *head = en ? head_en : head_ja;
	char buf[64];

	printf(en ? "Survey plan: %s (round %d, intake revision %d)\n\n"
	          : "調査実施計画一覧: %s (第%d回調査, 記入依頼書 第%d版)\n\n",
	       p->hospital, p->round_no, p->revision);
	for (int i = 0; i < 9; i++)
		cli_pad(stdout, head[i], w[i]);
	putchar('\n');
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct plan_line *l = &p->lines[i];

		snprintf(buf, sizeof(buf), en ? "%d" : "回線%d", l->line_no);
		cli_pad(stdout, buf, w[0]);
		snprintf(buf, sizeof(buf), en ? "%d" : "回線%d", l->declared_no);
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
		puts(en ? "\nOut of scope:" : "\n調査対象外回線:");
		for (size_t i = 0; i < p->n_out_of_scope; i++)
			printf(en ? "  declared line %d (%s): %s\n"
			          : "  記入依頼書 回線%d (%s): %s\n",
			       p->out_of_scope[i].declared_no,
			       p->out_of_scope[i].use ? p->out_of_scope[i].use : "-",
			       msg_text(plan_reason_msg(p->out_of_scope[i].reason), c->lang));
	}
	fputs(en ? "\nRenumbering (intake -> plan): " : "\n回線番号の対応 (記入依頼書 → 計画): ",
	      stdout);
	for (size_t i = 0; i < p->n_lines; i++)
		printf(en ? "%s%d->%d" : "%s回線%d→回線%d", i ? ", " : "", p->lines[i].declared_no,
		       p->lines[i].line_no);
	puts(p->n_lines ? "" : "-");
}

/* The plan as JSON, a table, or a workbook (then only said, unless --json). */
static int show(struct cli *c, const struct survey_session *s, const struct intake_doc *doc,
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
	int rc = survey_plan(s, &p, &doc, &err) ? cli_error(c, &err) : show(c, s, doc, p, xlsx);

	plan_free(p);
	intake_doc_free(doc);
	return rc;
}

/* Fills the meeting's answers for a row-19 line from --global-ip, --ip-kind and --fqdn. */
static int meeting_answers(const struct plan_args *a, struct confirmation *conf,
                           struct ms_error *err)
{
	const struct model_enum *e;
	char where[160];

	if (a->global_ip) {
		if (!(e = model_enum_by_text(model_yes_no_unknown, a->global_ip)) ||
		    e->value == TRI_UNKNOWN) {
			snprintf(where, sizeof(where), "--global-ip %s", a->global_ip);
			return ms_fail(err, MS_ERR_INPUT, MSG_BAD_CHOICE, where,
			               "あり/yes, なし/no");
		}
		conf->global_ip_use = (enum tri)e->value;
	}
	if (a->ip_kind) {
		if (!(e = model_enum_by_text(model_ip_kinds, a->ip_kind))) {
			snprintf(where, sizeof(where), "--ip-kind %s", a->ip_kind);
			return ms_fail(err, MS_ERR_INPUT, MSG_BAD_CHOICE, where,
			               "固定IP/static, 動的IP/dynamic");
		}
		conf->ip_kind = (enum ip_kind)e->value;
	}
	if (a->fqdn)
		snprintf(conf->fqdn, sizeof(conf->fqdn), "%s", a->fqdn);
	/* --ip-kind and --fqdn only complete the answer to "global address used?". */
	if ((a->ip_kind || a->fqdn) && !a->global_ip)
		return ms_fail(err, MS_ERR_INPUT, MSG_BAD_CHOICE, "--global-ip",
		               "あり/yes, なし/no");
	return MS_OK;
}

static int confirm(struct cli *c, struct survey_session *s, enum confirm_kind kind,
                   const char *line, const char *address, const struct plan_args *a)
{
	struct confirmation conf = { .kind = kind };
	struct intake_doc *doc = NULL;
	struct ms_error err;
	struct plan *p = NULL;
	const char *digits = line +
	                     (strncmp(line, "回線", strlen("回線")) == 0 ? strlen("回線") : 0);
	char *end;
	long no = strtol(digits, &end, 10);
	int rc;

	if (end == digits || *end || no < 1 || no > 9999)
		return cli_usage(
		        c, "medsec plan confirm-ip LINE ADDRESS --by NAME (LINE: 3 or 回線3)");
	/* Who confirmed is part of the record (seed 002): the report names them. */
	if (!a->by || !*a->by)
		return cli_usage(c, "medsec plan confirm[-ip] LINE ... --by NAME (who confirmed)");
	if (kind == CONFIRM_DAY_IP && (a->global_ip || a->ip_kind || a->fqdn))
		return cli_usage(c, "medsec plan confirm-ip LINE ADDRESS --by NAME");
	snprintf(conf.address, sizeof(conf.address), "%s", address ? address : "");
	snprintf(conf.by, sizeof(conf.by), "%s", a->by);
	if ((rc = meeting_answers(a, &conf, &err)) ||
	    (rc = survey_confirm(s, (int)no, &conf, &p, &doc, &err)))
		return cli_error(c, &err);
	if (!c->json) {
		char what[512], day[11];

		ms_date_jst(conf.confirmed_at, day);
		snprintf(what, sizeof(what),
		         c->lang == MS_LANG_EN ? "line %ld%s%s (%s, %s)" : "回線%ld%s%s (%s %s)",
		         no, conf.address[0] ? " " : "", conf.address, day, conf.by);
		cli_say(c, kind == CONFIRM_DAY_IP ? MSG_IP_CONFIRMED : MSG_LINE_CONFIRMED, what);
	}
	rc = c->json ? show(c, s, doc, p, NULL) : 0;
	plan_free(p);
	intake_doc_free(doc);
	return rc;
}

enum { OPT_XLSX = OPT__FIRST_LOCAL, OPT_BY, OPT_GLOBAL_IP, OPT_IP_KIND, OPT_FQDN };

static const struct cli_opt plan_opts[] = {
	{ "xlsx", required_argument, OPT_XLSX, "ファイル", "FILE",
	  "調査実施計画一覧を Excel で書き出す", "write the plan workbook" },
	{ "by", required_argument, OPT_BY, "確認者", "NAME",
	  "確認した人の氏名 (confirm、confirm-ip で必須。計画と報告書に記載)",
	  "who confirmed (required for confirm and confirm-ip; shown in the\n"
	  "plan and the report)" },
	{ "global-ip", required_argument, OPT_GLOBAL_IP, "あり|なし", "yes|no",
	  "(confirm) グローバルIP利用が「わからない」回線 (19行目) の打合せでの回答。\n"
	  "--ip-kind、アドレス、--fqdn とあわせて判定表で判定し直す",
	  "(confirm) the meeting's answer for a line declared \"unknown\" (row 19);\n"
	  "with --ip-kind, the address and --fqdn it is judged again by the table" },
	{ "ip-kind", required_argument, OPT_IP_KIND, "固定IP|動的IP", "static|dynamic",
	  "(confirm) 打合せで確認した IP の種別 (--global-ip とともに)",
	  "(confirm) the IP kind the meeting settled (with --global-ip)" },
	{ "fqdn", required_argument, OPT_FQDN, "名前", "NAME",
	  "(confirm) 打合せで確認した FQDN (--global-ip とともに)",
	  "(confirm) the FQDN the meeting settled (with --global-ip)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd plan_cmd = {
	.usage_ja = "medsec plan [--json] [--xlsx ファイル] [--hospital 名前]\n"
	            "medsec plan confirm-ip 回線番号 アドレス --by 確認者\n"
	            "medsec plan confirm 回線番号 [アドレス] --by 確認者 [--global-ip あり|なし]\n"
	            "                    [--ip-kind 固定IP|動的IP] [--fqdn 名前]",
	.usage_en = "medsec plan [--json] [--xlsx FILE] [--hospital NAME]\n"
	            "medsec plan confirm-ip LINE ADDRESS --by NAME\n"
	            "medsec plan confirm LINE [ADDRESS] --by NAME [--global-ip yes|no]\n"
	            "                    [--ip-kind static|dynamic] [--fqdn NAME]",
	.about_ja =
	        "最新の申告内容から現在の調査回の調査実施計画一覧を作り、保存して表示します。\n"
	        "電子カルテのネットワークに接続し電話回線のみでない回線を対象とし、記入依頼書の\n"
	        "順に回線1から振り直します(対応表を表示)。各回線の脆弱性診断の実施判定(○△×)を\n"
	        "脆弱性診断実施判定表(19行)に従って示します。\n"
	        "\n"
	        "  confirm-ip 回線 アドレス  動的IP回線の診断当日のグローバルIPアドレスを記録する\n"
	        "                            (当日の確認がない動的IP回線は調査不可。別の日の確認では\n"
	        "                            スキャンしません。日付は日本時間)\n"
	        "  confirm 回線 [アドレス]   △(打合せ要)の回線について打合せで確認できたことを記録し\n"
	        "                            診断対象とする。FQDNのみの回線は確認したアドレスを指定",
	.about_en =
	        "Builds, stores and shows the survey plan of the current round from the latest\n"
	        "declarations: lines connected to the EHR network and not telephone-only are\n"
	        "surveyed, renumbered 1..n in declared order (the map is shown), and judged for\n"
	        "the remote diagnosis (yes/consult/no) by the 19-row eligibility table.\n"
	        "\n"
	        "  confirm-ip LINE ADDRESS  record a dynamic line's address confirmed on the day\n"
	        "                           (without it the line cannot be diagnosed; a confirmation\n"
	        "                           of another day, in Japan's time, is never scanned)\n"
	        "  confirm LINE [ADDRESS]   record that the meeting for a consult line settled it;\n"
	        "                           an FQDN-only line needs the agreed address",
	.opts = plan_opts,
};

static int plan_option(int opt, const char *arg, void *ctx)
{
	struct plan_args *a = ctx;

	switch (opt) {
	case OPT_XLSX: a->xlsx = arg; return 0;
	case OPT_BY: a->by = arg; return 0;
	case OPT_GLOBAL_IP: a->global_ip = arg; return 0;
	case OPT_IP_KIND: a->ip_kind = arg; return 0;
	case OPT_FQDN: a->fqdn = arg; return 0;
	}
	return -1;
}

int cmd_plan(struct cli *c, int argc, char **argv)
{
	struct survey_config cfg;
	struct survey_session s;
	struct plan_args a = { 0 };
	const char *sub;
	int rc, nargs;

	rc = cli_parse(c, argc, argv, &plan_cmd, plan_option, &a);
	if (rc != CLI_GO)
		return rc;
	sub = optind < argc ? argv[optind] : NULL;
	nargs = argc - optind - 1;
	if (sub && !((strcmp(sub, "confirm-ip") == 0 && nargs == 2) ||
	             (strcmp(sub, "confirm") == 0 && (nargs == 1 || nargs == 2))))
		return cli_usage(
		        c,
		        "medsec plan [confirm-ip LINE ADDRESS --by NAME | confirm LINE [ADDRESS] --by NAME]");
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (sub)
		rc = confirm(c, &s,
		             strcmp(sub, "confirm-ip") == 0 ? CONFIRM_DAY_IP : CONFIRM_MEETING,
		             argv[optind + 1], nargs == 2 ? argv[optind + 2] : NULL, &a);
	else
		rc = cli_plan(c, &s, a.xlsx);
	survey_close(&s);
	return rc;
}
