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
		snprintf(what, sizeof(what), L(C_PLAN_LINE_HEAD), no, conf.address[0] ? " " : "",
		         conf.address, day, conf.by);
		cli_say(c, kind == CONFIRM_DAY_IP ? MSG_IP_CONFIRMED : MSG_LINE_CONFIRMED, what);
	}
	rc = c->json ? cli_show_plan(c, s, doc, p, NULL) : 0;
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
