/* cmd_round.c - `medsec round [new | set]`: survey rounds, their cover and agreed dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/clock.h"

enum { OPT_ISSUER = OPT__FIRST_LOCAL, OPT_RECIPIENT, OPT_SURVEY_ON, OPT_DIAGNOSIS_ON };

static const struct cli_opt round_opts[] = {
	{ "issuer", required_argument, OPT_ISSUER, "発行者", "NAME",
	  "(set) 報告書の表紙に記載する発行者 (調査を実施した組織)",
	  "(set) the report cover's issuer (the surveying organisation)" },
	{ "recipient", required_argument, OPT_RECIPIENT, "宛先", "NAME",
	  "(set) 表紙の宛先 (既定: 「医療機関名 御中」)",
	  "(set) the cover's addressee (default: \"<hospital> 御中\")" },
	{ "survey-on", required_argument, OPT_SURVEY_ON, "日付", "DATE",
	  "(set) 合意した現地調査日 (YYYY-MM-DD。調査実施計画一覧に記載)",
	  "(set) the agreed onsite survey date (YYYY-MM-DD; shown in the plan)" },
	{ "diagnosis-on", required_argument, OPT_DIAGNOSIS_ON, "日付", "DATE",
	  "(set) 合意した脆弱性診断日 (YYYY-MM-DD)",
	  "(set) the agreed remote diagnosis date (YYYY-MM-DD)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd round_cmd = {
	.usage_ja = "medsec round [new] [--hospital 名前] [--json]\n"
	            "medsec round set [--issuer 発行者] [--recipient 宛先] [--survey-on 日付]\n"
	            "                 [--diagnosis-on 日付]",
	.usage_en = "medsec round [new] [--hospital NAME] [--json]\n"
	            "medsec round set [--issuer NAME] [--recipient NAME] [--survey-on DATE]\n"
	            "                 [--diagnosis-on DATE]",
	.about_ja =
	        "現在の調査回を表示します。new で新しい調査回(再調査)を開始します。\n"
	        "調査回ごとに計画・スキャン・報告書が分けて保存されます。set で表紙と合意した日付を\n"
	        "設定します。新しい調査回は前回の発行者・宛先を引き継ぎます。",
	.about_en =
	        "Shows the current survey round; `new` starts the next one (a re-survey).\n"
	        "Each round keeps its own plan, scans and report; `set` records the cover and the\n"
	        "agreed dates. A new round inherits the previous round's issuer and addressee.",
	.opts = round_opts,
};

static int round_option(int opt, const char *arg, void *ctx)
{
	struct round_settings *a = ctx;

	switch (opt) {
	case OPT_ISSUER: a->issuer = arg; return 0;
	case OPT_RECIPIENT: a->recipient = arg; return 0;
	case OPT_SURVEY_ON: a->survey_on = arg; return 0;
	case OPT_DIAGNOSIS_ON: a->diagnosis_on = arg; return 0;
	}
	return -1;
}

static void print_round(const struct cli *c, const char *name, const struct survey_round *r)
{
	if (c->json) {
		json_t *j = json_pack(
		        "{s:s, s:i, s:s, s:b, s:o, s:o, s:o, s:o}", "hospital", name, "round",
		        r->round_no, "started_at", r->started_at, "has_plan", r->has_plan, "issuer",
		        r->issuer[0] ? json_string(r->issuer) : json_null(), "recipient",
		        r->recipient[0] ? json_string(r->recipient) : json_null(), "survey_on",
		        r->survey_on[0] ? json_string(r->survey_on) : json_null(), "diagnosis_on",
		        r->diagnosis_on[0] ? json_string(r->diagnosis_on) : json_null());
		char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

		puts(s);
		free(s);
		json_decref(j);
		return;
	}
	printf(L(C_ROUND_STARTED), name, r->round_no, r->started_at,
	       r->has_plan ? "" : (L(C_NO_PLAN_YET)));
	printf(L(C_REPORT_ISSUED_BY_ADDRESSED_TO),
	       r->issuer[0] ? r->issuer : (L(C_NOT_SET_MEDSEC_ROUND_SET_ISSUER)),
	       r->recipient[0] ? r->recipient : (L(C_THE_HOSPITAL)));
	printf(L(C_ONSITE_SURVEY_REMOTE_DIAGNOSIS), r->survey_on[0] ? r->survey_on : (L(C_NOT_SET)),
	       r->diagnosis_on[0] ? r->diagnosis_on : (L(C_NOT_SET)));
}

int cmd_round(struct cli *c, int argc, char **argv)
{
	struct round_settings a = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct ms_error err;
	char no[16];
	const char *sub;
	int rc;

	rc = cli_parse(c, argc, argv, &round_cmd, round_option, &a);
	if (rc != CLI_GO)
		return rc;
	sub = optind < argc ? argv[optind] : NULL;
	int any = a.issuer || a.recipient || a.survey_on || a.diagnosis_on;
	if (argc - optind > 1 || (sub && strcmp(sub, "new") && strcmp(sub, "set")) ||
	    (any && !(sub && !strcmp(sub, "set"))) || (sub && !strcmp(sub, "set") && !any))
		return cli_usage(
		        c,
		        "medsec round [new | set --issuer NAME --recipient NAME --survey-on DATE ...]");
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (sub && (rc = !strcmp(sub, "new") ? survey_round_new(&s, &err)
	                                     : survey_round_set(&s, &a, &err))) {
		survey_close(&s);
		return cli_error(c, &err);
	}
	snprintf(no, sizeof(no), "%d", s.round.round_no);
	if (sub && !strcmp(sub, "new") && !c->json)
		cli_say(c, MSG_ROUND_STARTED, no);
	else
		print_round(c, s.hospital, &s.round);
	survey_close(&s);
	return 0;
}
