/*
 * cmd_scope.c - `medsec scope`: who authorised scanning which addresses
 * outside the plan, and when (read by `medsec scan --target`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "medsec/clock.h"
#include "medsec/ip.h"

enum { OPT_BY = OPT__FIRST_LOCAL, OPT_NOTE, OPT_ALLOW_TEST };

static const struct cli_opt scope_opts[] = {
	{ "by", required_argument, OPT_BY, "許可した人", "WHO", "(add) 許可した人の氏名 (必須)",
	  "(add) who authorised it (required)" },
	{ "note", required_argument, OPT_NOTE, "備考", "TEXT", "(add) 備考 (目的、依頼元など)",
	  "(add) a note (why, at whose request)" },
	{ "allow-test-addresses", no_argument, OPT_ALLOW_TEST, NULL, NULL, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd scope_cmd = {
	.usage_ja =
	        "medsec scope add --by 許可した人 [--note 備考] [--allow-test-addresses] アドレス...\n"
	        "medsec scope",
	.usage_en = "medsec scope add --by WHO [--note TEXT] [--allow-test-addresses] ADDRESS...\n"
	            "medsec scope",
	.about_ja =
	        "計画外のアドレスを medsec scan --target で調べるための許可を、誰がいつどのアドレスに\n"
	        "与えたかとともに記録します。引数なしでは記録済みの許可を表示します。",
	.about_en =
	        "Records who authorised scanning which addresses outside the plan, and when, for\n"
	        "medsec scan --target. Without arguments, lists what is recorded.",
	.opts = scope_opts,
};

struct scope_opts {
	const char *by, *note;
	int allow_test;
};

static int scope_option(int opt, const char *arg, void *ctx)
{
	struct scope_opts *o = ctx;

	switch (opt) {
	case OPT_BY: o->by = arg; return 0;
	case OPT_NOTE: o->note = arg; return 0;
	case OPT_ALLOW_TEST: o->allow_test = 1; return 0;
	default: return -1;
	}
}

int cmd_scope(struct cli *c, int argc, char **argv)
{
	struct scope_opts o = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct ms_error err;
	struct scope_decl *decls = NULL;
	size_t n = 0;
	int rc, add;

	rc = cli_parse(c, argc, argv, &scope_cmd, scope_option, &o);
	if (rc != CLI_GO)
		return rc;
	add = optind < argc && strcmp(argv[optind], "add") == 0;
	if ((add && optind + 1 >= argc) || (!add && optind != argc))
		return cli_usage(c, "medsec scope [add --by WHO ADDRESS...]");
	/* Every address checked before any is recorded. */
	if (add && survey_scope_check((const char *const *)argv + optind + 1,
	                              (size_t)(argc - optind - 1), o.by, o.allow_test, &err))
		return cli_error(c, &err);
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	for (int i = optind + 1; add && i < argc && !rc; i++)
		if (!(rc = survey_scope_add(&s, argv[i], o.by, o.note, &err)))
			cli_say(c, MSG_SCOPE_ADDED, argv[i]);
	if (!add && !(rc = survey_scope_list(&s, &decls, &n, &err)))
		for (size_t i = 0; i < n; i++)
			printf("%s\t%s\t%s\t%s\n", decls[i].prefix, decls[i].authorised_by,
			       decls[i].authorised_at, decls[i].note);
	survey_close(&s);
	free(decls);
	return rc ? cli_error(c, &err) : 0;
}
