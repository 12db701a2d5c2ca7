/* cmd_diff.c - `medsec diff [ROUND]`: what changed since an earlier round (diff.h). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "medsec/diff.h"

enum { OPT_INDEX = OPT__FIRST_LOCAL };

static const struct cli_opt diff_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH",
	  "脆弱性インデックス (既定: MEDSEC_VULNDB または ./medsec.vulndb)",
	  "the vulnerability index (default: MEDSEC_VULNDB or ./medsec.vulndb)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd diff_cmd = {
	.usage_ja = "medsec diff [調査回] [--index パス] [--json]",
	.usage_en = "medsec diff [ROUND] [--index PATH] [--json]",
	.about_ja =
	        "前回 (または指定した調査回) から現在の調査回までに変わったことを示します: 開いている\n"
	        "ポート (新規・なくなった・変わらず)、サービスとバージョンの変化、指摘事項 (新規・解消・\n"
	        "継続)、ファームウェアのバージョン、回線。毎月の再診断で最初に読む一覧です。",
	.about_en =
	        "What changed from the previous round (or ROUND) to the current one: open ports (new, gone,\n"
	        "unchanged), services and versions, findings (new, resolved, still open), firmware versions\n"
	        "and lines. The first thing to read on a monthly re-diagnosis.",
	.opts = diff_opts,
};

static int diff_option(int opt, const char *arg, void *ctx)
{
	if (opt != OPT_INDEX)
		return -1;
	*(const char **)ctx = arg;
	return 0;
}

static void list(const struct diff_list *l, const char *mark, enum ms_lang lang)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diff_item *it = &l->v[i];
		printf("  %s %s%s%s%s\n", mark, it->severity ? "[" : "",
		       it->severity ? assess_severity_label(it->severity, lang) : "",
		       it->severity ? "] " : "", it->what);
		if (it->was)
			printf("      %s → %s\n", *it->was ? it->was : "-",
			       it->now && *it->now ? it->now : "-");
	}
}

static void print_diff(const struct cli *c, const struct round_diff *d)
{
	printf(L(C_CHANGES_FROM_ROUND_TO_ROUND), d->from_round, d->from_date, d->to_round,
	       d->to_date);
	if (d->scanned) {
		printf(L(C_OPEN_PORTS_NEW_GONE_UNCHANGED), d->ports_new.n, d->ports_gone.n,
		       d->ports_unchanged);
		list(&d->ports_new, "+", c->lang);
		list(&d->ports_gone, "-", c->lang);
		printf(L(C_SERVICES_OR_VERSIONS_CHANGED), d->services_changed.n);
		list(&d->services_changed, "~", c->lang);
	} else {
		puts(L(C_OPEN_PORTS_NOT_COMPARED_ONE_OF));
	}
	printf(L(C_FINDINGS_NEW_RESOLVED_STILL_OPEN), d->findings_new.n, d->findings_resolved.n,
	       d->findings_open.n,
	       d->scanned && d->onsite ? "" : L(C_ONLY_WHAT_BOTH_ROUNDS_LOOKED_AT));
	list(&d->findings_new, L(C_NEW), c->lang);
	list(&d->findings_resolved, L(C_RESOLVED), c->lang);
	list(&d->findings_open, L(C_OPEN), c->lang);
	printf(L(C_FIRMWARE_VERSIONS_CHANGED), d->firmware_changed.n);
	list(&d->firmware_changed, "~", c->lang);
	printf(L(C_LINES_NEW_GONE_WITH_ANOTHER_ADDRESS), d->lines_new.n, d->lines_gone.n,
	       d->lines_changed.n);
	list(&d->lines_new, "+", c->lang);
	list(&d->lines_gone, "-", c->lang);
	list(&d->lines_changed, "~", c->lang);
}

int cmd_diff(struct cli *c, int argc, char **argv)
{
	const char *index = NULL;
	struct survey_config cfg;
	struct survey now;
	struct round_diff *d = NULL;
	struct ms_diags diags = { 0 };
	struct ms_error err;
	char *end;
	long from = 0;
	int rc = cli_parse(c, argc, argv, &diff_cmd, diff_option, &index);

	if (rc != CLI_GO)
		return rc;
	if (argc - optind > 1 ||
	    (optind < argc && ((from = strtol(argv[optind], &end, 10)) < 1 || *end)))
		return cli_usage(c, "medsec diff [ROUND] [--json]");
	if ((rc = cli_survey_load(c, index, 0, &cfg, &now)))
		goto done;
	if (!from)
		from = now.session.round.round_no - 1;
	if (from < 1 || from >= now.session.round.round_no) {
		rc = ms_fail(&err, MS_ERR_INPUT, MSG_NO_PREVIOUS_ROUND, NULL, NULL);
		goto out;
	}
	if ((rc = survey_round_diff(&now, (int)from, &d, &diags, &err)))
		goto out;
	if (c->json) {
		char *s = round_diff_json(d);
		puts(s);
		free(s);
	} else {
		print_diff(c, d);
	}
out:
	if (rc)
		rc = cli_fail(c, &diags, &err);
done:
	ms_diags_dispose(&diags);
	round_diff_free(d);
	survey_free(&now);
	return rc;
}
