/*
 * cmd_diagnose.c - `medsec diagnose`: the diagnosis through, as four use cases
 * (plan, scan, probe, then load and report), each skipped when already done.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum {
	OPT_INDEX = OPT__FIRST_LOCAL,
	OPT_OUT,
	OPT_AGAIN,
	OPT_PORTS,
	OPT_UDP_PORTS,
	OPT_RATE,
	OPT_HOST_RATE,
	OPT_TRY_ACCOUNTS
};

static const struct cli_opt diagnose_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH",
	  "脆弱性インデックス (既定: MEDSEC_VULNDB または ./medsec.vulndb)",
	  "the vulnerability index (default: MEDSEC_VULNDB or ./medsec.vulndb)" },
	{ "output", required_argument, OPT_OUT, "ディレクトリ", "DIR",
	  "書き出す先 (-o でも可。なければ作る)", "where to write (also -o; made if missing)" },
	{ "again", no_argument, OPT_AGAIN, NULL, NULL, "スキャンとサービス識別をやり直す",
	  "scan and probe again" },
	{ "ports", required_argument, OPT_PORTS, "範囲", "RANGE", "medsec scan の --ports",
	  "scan's --ports" },
	{ "udp-ports", required_argument, OPT_UDP_PORTS, "範囲", "RANGE",
	  "medsec scan の --udp-ports", "scan's --udp-ports" },
	{ "rate", required_argument, OPT_RATE, "N", "N", "medsec scan の --rate", "scan's --rate" },
	{ "host-rate", required_argument, OPT_HOST_RATE, "N", "N", "medsec scan の --host-rate",
	  "scan's --host-rate" },
	{ "try-default-accounts", no_argument, OPT_TRY_ACCOUNTS, NULL, NULL,
	  "medsec probe に渡す (医療機関の同意の記録が必要)",
	  "passed to medsec probe (needs the hospital's recorded consent)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd diagnose_cmd = {
	.usage_ja =
	        "medsec diagnose -o ディレクトリ [--again] [--ports 範囲] [--udp-ports 範囲]\n"
	        "                [--rate N] [--host-rate N] [--try-default-accounts] [--index パス]",
	.usage_en =
	        "medsec diagnose -o DIR [--again] [--ports RANGE] [--udp-ports RANGE] [--rate N]\n"
	        "                [--host-rate N] [--try-default-accounts] [--index PATH]",
	.about_ja =
	        "脆弱性診断を通しで行います: 調査実施計画 (なければ作成) → ポートスキャン (中断していれば\n"
	        "続きから) → サービス識別と検査 → 評価 → 報告書。終わった段階は繰り返さないので、中断しても\n"
	        "同じコマンドで再開できます。緊急性の高い事項が見つかれば、評価の直後に早期報告を書き出します。",
	.about_en =
	        "Runs the diagnosis through: plan (made if missing) → port scan (continued if interrupted)\n"
	        "→ probe and checks → assessment → report. Finished stages are not repeated, so the same\n"
	        "command resumes after an interruption. An urgent finding gets the early report at once.",
	.opts = diagnose_opts,
};

struct diagnose_flags {
	const char *index, *out, *ports, *udp_ports, *rate, *host_rate;
	int again, try_accounts;
};

static int diagnose_option(int opt, const char *arg, void *ctx)
{
	struct diagnose_flags *f = ctx;

	switch (opt) {
	case OPT_INDEX: f->index = arg; return 0;
	case OPT_OUT: f->out = arg; return 0;
	case OPT_AGAIN: f->again = 1; return 0;
	case OPT_PORTS: f->ports = arg; return 0;
	case OPT_UDP_PORTS: f->udp_ports = arg; return 0;
	case OPT_RATE: f->rate = arg; return 0;
	case OPT_HOST_RATE: f->host_rate = arg; return 0;
	case OPT_TRY_ACCOUNTS: f->try_accounts = 1; return 0;
	default: return -1;
	}
}

static void stage(const char *text)
{
	fprintf(stderr, "medsec diagnose: %s\n", text);
}

/* A rate from the command line, as scan takes it; 0 if it is not one. */
static unsigned rate_arg(const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	return end != s && !*end && v >= 1 && v <= 10000000 ? (unsigned)v : 0;
}

int cmd_diagnose(struct cli *c, int argc, char **argv)
{
	struct diagnose_flags fl = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct survey sv;
	struct survey_scan_options so;
	struct survey_probe_options po = { 0 };
	struct survey_standing at;
	struct ms_error err;
	int rc, json = c->json;

	rc = cli_parse(c, argc, argv, &diagnose_cmd, diagnose_option, &fl);
	if (rc != CLI_GO)
		return rc;
	survey_scan_options_init(&so);
	if (optind != argc || !fl.out || (fl.rate && !(so.rate = rate_arg(fl.rate))) ||
	    (fl.host_rate && !(so.host_rate = rate_arg(fl.host_rate))))
		return cli_usage(c, "medsec diagnose -o DIR [--again]");
	so.ports = fl.ports ? fl.ports : so.ports;
	so.udp_ports = fl.udp_ports ? fl.udp_ports : so.udp_ports;
	po.try_default_accounts = fl.try_accounts;
	if ((rc = cli_open_session(c, fl.index, &cfg, &s)))
		return rc;
	if ((rc = survey_standing(&s, &at, &err))) {
		rc = cli_error(c, &err);
		goto out;
	}
	c->json = 0; /* the stages print for people; the end result may be JSON */
	if (!at.has_plan) {
		stage(L(C_STAGE_PLAN));
		if ((rc = cli_plan(c, &s, NULL)))
			goto out;
	}
	if (fl.again || !at.scan.id || at.scan.status != SCAN_DONE) {
		so.resume = !fl.again && at.scan.id && at.scan.status != SCAN_DONE;
		stage(so.resume ? L(C_STAGE_SCAN_RESUMED) : L(C_STAGE_SCAN));
		if ((rc = cli_scan(c, &s, &so)))
			goto out;
		at.n_services = 0;
	}
	if (fl.again || !at.n_services) {
		stage(L(C_STAGE_PROBE));
		if ((rc = cli_probe(c, &s, &po)))
			goto out;
	}
	stage(L(C_STAGE_REPORT));
	c->json = json;
	survey_close(&s);
	if ((rc = cli_survey_load(c, fl.index, 0, &cfg, &sv)) == 0) {
		/* The report step writes the early report too, right after the assessment, when it is due. */
		if (sv.a->early_due && !c->json)
			stage(L(C_STAGE_EARLY_REPORT));
		if (!c->json)
			cli_print_findings(c, sv.a);
		rc = cli_write_report(c, &sv, fl.out, 0);
	}
	survey_free(&sv);
out:
	c->json = json;
	survey_close(&s);
	return rc;
}
