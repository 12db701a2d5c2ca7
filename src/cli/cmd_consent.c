/*
 * cmd_consent.c - `medsec consent`: what the hospital agreed to beyond the
 * survey plan, recorded with who agreed and when (read by `probe
 * --try-default-accounts`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum { OPT_BY = OPT__FIRST_LOCAL, OPT_NOTE };

static const struct cli_opt consent_opts[] = {
	{ "by", required_argument, OPT_BY, "同意した人", "WHO",
	  "(add) 同意した医療機関の人の氏名 (必須)",
	  "(add) who agreed, for the hospital (required)" },
	{ "note", required_argument, OPT_NOTE, "備考", "TEXT", "(add) 備考 (同意書の番号など)",
	  "(add) a note (the consent form's number ...)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd consent_cmd = {
	.usage_ja = "medsec consent add --by 同意した人 [--note 備考] default-accounts\n"
	            "medsec consent",
	.usage_en = "medsec consent add --by WHO [--note TEXT] default-accounts\n"
	            "medsec consent",
	.about_ja =
	        "計画を超える作業への医療機関の同意を、誰がいつ同意したかとともに記録します。\n"
	        "default-accounts: 機器の初期設定のアカウントでログインを試すこと\n"
	        "(medsec probe --try-default-accounts)。引数なしでは記録済みの同意を表示します。",
	.about_en =
	        "Records the hospital's consent to work beyond the plan, with who agreed and when.\n"
	        "default-accounts: trying vendors' default accounts (medsec probe --try-default-accounts).\n"
	        "Without arguments, shows what is recorded.",
	.opts = consent_opts,
};

struct consent_opts {
	const char *by, *note;
};

static int consent_option(int opt, const char *arg, void *ctx)
{
	struct consent_opts *o = ctx;

	switch (opt) {
	case OPT_BY: o->by = arg; return 0;
	case OPT_NOTE: o->note = arg; return 0;
	default: return -1;
	}
}

int cmd_consent(struct cli *c, int argc, char **argv)
{
	const char *usage = "medsec consent [add --by WHO default-accounts]";
	struct consent_opts o = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct consent k;
	struct ms_error err;
	int rc = cli_parse(c, argc, argv, &consent_cmd, consent_option, &o);
	int add;

	if (rc != CLI_GO)
		return rc;
	add = optind + 2 == argc && strcmp(argv[optind], "add") == 0;
	if ((!add && optind != argc) || (add && strcmp(argv[optind + 1], "default-accounts") != 0))
		return cli_usage(c, usage);
	if (add && (!o.by || !*o.by)) {
		ms_fail(&err, MS_ERR_INPUT, MSG_SCOPE_NEEDS_BY, NULL, NULL);
		return cli_error(c, &err);
	}
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (add && !(rc = survey_consent_add(&s, o.by, o.note, &err)))
		cli_say(c, MSG_CONSENT_ADDED, o.by);
	if (!add && !(rc = survey_consent_find(&s, &k, &err)) && k.granted_by[0])
		printf("default-accounts\t%s\t%s\t%s\n", k.granted_by, k.granted_at, k.note);
	survey_close(&s);
	return rc ? cli_error(c, &err) : 0;
}
