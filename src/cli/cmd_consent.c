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

static const char consent_help_ja[] =
        "使い方: medsec consent add --by 同意した人 [--note 備考] default-accounts\n"
        "        medsec consent\n\n"
        "計画を超える作業への医療機関の同意を、誰がいつ同意したかとともに記録します。\n"
        "default-accounts: 機器の初期設定のアカウントでログインを試すこと\n"
        "(medsec probe --try-default-accounts)。引数なしでは記録済みの同意を表示します。\n";
static const char consent_help_en[] =
        "usage: medsec consent add --by WHO [--note TEXT] default-accounts\n"
        "       medsec consent\n\n"
        "Records the hospital's consent to work beyond the plan, with who agreed and when.\n"
        "default-accounts: trying vendors' default accounts (medsec probe --try-default-accounts).\n"
        "Without arguments, shows what is recorded.\n";

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
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "by", required_argument, NULL, OPT_BY },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ NULL, 0, NULL, 0 },
	};
	const char *usage = "medsec consent [add --by WHO default-accounts]";
	struct consent_opts o = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct consent k;
	struct ms_error err;
	int rc = cli_options(c, argc, argv, opts, consent_option, &o, usage, consent_help_ja,
	                     consent_help_en);
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
