/*
 * cmd_report.c - `medsec assess` (the ranked findings), `medsec report` (the
 * survey report in every format) and `medsec diagnose` (plan, scan, probe,
 * assess and report in one run, resumable).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "medsec/diff.h"
#include "medsec/report.h"

enum {
	OPT_INDEX = OPT__FIRST_LOCAL,
	OPT_OUT,
	OPT_FORMAT,
	OPT_AGAIN,
	OPT_PORTS,
	OPT_UDP_PORTS,
	OPT_RATE,
	OPT_HOST_RATE,
	OPT_TRY_ACCOUNTS
};

struct report_flags {
	const char *index, *out, *format, *ports, *udp_ports, *rate, *host_rate;
	int again, try_accounts;
};

static int report_option(int opt, const char *arg, void *ctx)
{
	struct report_flags *f = ctx;

	switch (opt) {
	case OPT_INDEX: f->index = arg; return 0;
	case OPT_OUT: f->out = arg; return 0;
	case OPT_FORMAT: f->format = arg; return 0;
	case OPT_AGAIN: f->again = 1; return 0;
	case OPT_PORTS: f->ports = arg; return 0;
	case OPT_UDP_PORTS: f->udp_ports = arg; return 0;
	case OPT_RATE: f->rate = arg; return 0;
	case OPT_HOST_RATE: f->host_rate = arg; return 0;
	case OPT_TRY_ACCOUNTS: f->try_accounts = 1; return 0;
	default: return -1;
	}
}

static void print_findings(const struct cli *c, const struct assessment *a)
{
	int en = c->lang == MS_LANG_EN;

	if (!a->n_findings)
		printf(en ? "no findings\n" : "指摘事項はありません\n");
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct assess_finding *f = &a->findings[i];
		printf("%2d. [%s%s%s] %s\n", f->rank, assess_severity_label(f->severity, c->lang),
		       f->kev ? " KEV" : "", f->early ? (en ? ", early report" : "・早期報告") : "",
		       f->title);
		if (f->subject)
			printf(en ? "    subject: %s\n" : "    対象: %s\n", f->subject);
		if (f->refs)
			printf(en ? "    vulnerabilities: %s\n" : "    脆弱性: %s\n", f->refs);
		printf(en ? "    do: %s\n" : "    対策: %s\n", f->advice);
		printf(en ? "    manual: %s\n" : "    参照: %s\n", f->manual);
	}
	if (a->early_due)
		printf(en ? "\nThe early report (annex 4) is due: act on the findings marked early report now.\n"
		          : "\n早期報告 (別紙4) の対象があります。「早期報告」の事項に直ちに対応してください。\n");
}

static const char assess_help_ja[] =
        "使い方: medsec assess [--index パス] [--json]\n\n"
        "これまでの調査結果 (申告内容・調査実施計画・現地調査・ポートスキャン・サービス識別・\n"
        "検査結果) と脆弱性インデックスから指摘事項をまとめ、対応を急ぐ順に表示します。\n"
        "各指摘には説明・対策・都道府県マニュアルの該当章がつきます。--json は報告書の JSON\n"
        "(report.json と同じ内容) を表示します。\n";
static const char assess_help_en[] =
        "usage: medsec assess [--index PATH] [--json]\n\n"
        "Turns everything known (declarations, plan, onsite survey, scan, probe, checks) and the\n"
        "vulnerability index into findings, most urgent first, each with an explanation, advice\n"
        "and the prefecture manual's chapter. --json prints the report's JSON (as report.json).\n";

int cmd_assess(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS,
		                              { "index", required_argument, NULL, OPT_INDEX },
		                              { NULL, 0, NULL, 0 } };
	struct report_flags fl = { 0 };
	struct survey_config cfg;
	struct survey sv;
	int rc = cli_options(c, argc, argv, opts, report_option, &fl, "medsec assess",
	                     assess_help_ja, assess_help_en);

	if (rc != CLI_GO)
		return rc;
	if (optind != argc)
		return cli_usage(c, "medsec assess [--index PATH] [--json]");
	if ((rc = cli_survey_load(c, fl.index, 0, &cfg, &sv))) {
		survey_free(&sv);
		return rc;
	}
	if (c->json) {
		struct report_opts o;
		survey_report_opts(&sv, 0, &o);
		char *s = report_json(sv.a, &o);
		puts(s);
		free(s);
	} else {
		print_findings(c, sv.a);
	}
	survey_free(&sv);
	return 0;
}

static unsigned parse_formats(const char *s)
{
	unsigned f = 0;
	char *copy, *tok, *save;

	if (!s)
		return 0;
	copy = ms_xstrdup(s);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "html"))
			f |= REPORT_HTML;
		else if (!strcmp(tok, "pdf"))
			f |= REPORT_PDF;
		else if (!strcmp(tok, "xlsx"))
			f |= REPORT_XLSX;
		else if (!strcmp(tok, "json"))
			f |= REPORT_JSON;
		else
			f = ~0u;
	}
	free(copy);
	return f;
}

/* Writes the report of an assessed survey and says where it is. */
static int write_report(struct cli *c, struct survey *sv, const char *dir, unsigned formats)
{
	struct report_files files;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int en = c->lang == MS_LANG_EN, rc = survey_report(sv, dir, formats, &files, &d, &err);

	if (rc) {
		rc = cli_fail(c, &d, &err);
		ms_diags_dispose(&d);
		return rc;
	}
	if (c->json) {
		printf("{\"files\": [");
		for (size_t i = 0; i < files.n; i++)
			printf("%s\"%s\"", i ? ", " : "", files.path[i]);
		printf("], \"early_report\": %s}\n", files.early ? "true" : "false");
		return 0;
	}
	printf(en ? "The report is written:\n" : "報告書を書き出しました:\n");
	for (size_t i = 0; i < files.n; i++)
		printf("  %s\n", files.path[i]);
	if (files.early)
		printf(en ? "An urgent finding calls for the early report (annex 4): early-report.html / .pdf.\n"
		          : "緊急性の高い事項があるため、脆弱性診断早期報告 (別紙4) を作成しました: early-report.html / .pdf\n");
	return 0;
}

static const char report_help_ja[] =
        "使い方: medsec report -o ディレクトリ [--format html,pdf,xlsx,json] [--index パス]\n\n"
        "外部ネットワーク接続点調査報告書を書き出します: report.html (1ファイルで完結、印刷可)、\n"
        "report.pdf (目次・ページ番号つき、日本語フォント埋め込み)、annexes.xlsx (別紙の表)、\n"
        "report.json (全体)。緊急・重要 (CVSS 7.0 以上) または悪用が確認された脆弱性が脆弱性診断で\n"
        "見つかった場合は、early-report.html と .pdf (別紙4 脆弱性診断早期報告) も書き出します。\n"
        "まだ行っていない調査の章は、その旨を記載します。\n";
static const char report_help_en[] =
        "usage: medsec report -o DIR [--format html,pdf,xlsx,json] [--index PATH]\n\n"
        "Writes the survey report: report.html (self-contained, prints well), report.pdf (table of\n"
        "contents, page numbers, Japanese font embedded), annexes.xlsx (the annex tables) and\n"
        "report.json (the whole); and early-report.html and .pdf (annex 4) when the diagnosis found\n"
        "something critical or high (CVSS 7.0 or more) or known to be exploited. A chapter whose\n"
        "survey step has not happened yet says so.\n";

int cmd_report(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = { CLI_COMMON_OPTIONS,
		                              { "index", required_argument, NULL, OPT_INDEX },
		                              { "output", required_argument, NULL, OPT_OUT },
		                              { "format", required_argument, NULL, OPT_FORMAT },
		                              { NULL, 0, NULL, 0 } };
	struct report_flags fl = { 0 };
	struct survey_config cfg;
	struct survey sv;
	unsigned formats;
	int rc;

	/* -o is the only short option: make it known to getopt as --output. */
	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = (char *)(uintptr_t) "--output";
	rc = cli_options(c, argc, argv, opts, report_option, &fl, "medsec report -o DIR",
	                 report_help_ja, report_help_en);
	if (rc != CLI_GO)
		return rc;
	formats = parse_formats(fl.format);
	if (optind != argc || !fl.out || formats == ~0u)
		return cli_usage(c, "medsec report -o DIR [--format html,pdf,xlsx,json]");
	if ((rc = cli_survey_load(c, fl.index, 0, &cfg, &sv))) {
		survey_free(&sv);
		return rc;
	}
	rc = write_report(c, &sv, fl.out, formats);
	survey_free(&sv);
	return rc;
}

/* ---- diagnose ---- */

static const char diagnose_help_ja[] =
        "使い方: medsec diagnose -o ディレクトリ [--again] [--ports 範囲] [--udp-ports 範囲]\n"
        "                        [--rate N] [--host-rate N] [--try-default-accounts] [--index パス]\n\n"
        "脆弱性診断を通しで行います: 調査実施計画 (なければ作成) → ポートスキャン (中断していれば\n"
        "続きから) → サービス識別と検査 → 評価 → 報告書。終わった段階は繰り返さないので、中断しても\n"
        "同じコマンドで再開できます。緊急性の高い事項が見つかれば、評価の直後に早期報告を書き出します。\n\n"
        "  --again                 スキャンとサービス識別をやり直す\n"
        "  --ports, --udp-ports, --rate, --host-rate  medsec scan に渡す\n"
        "  --try-default-accounts  medsec probe に渡す (医療機関の同意の記録が必要)\n";
static const char diagnose_help_en[] =
        "usage: medsec diagnose -o DIR [--again] [--ports RANGE] [--udp-ports RANGE] [--rate N]\n"
        "                       [--host-rate N] [--try-default-accounts] [--index PATH]\n\n"
        "Runs the diagnosis through: plan (made if missing) → port scan (continued if interrupted)\n"
        "→ probe and checks → assessment → report. Finished stages are not repeated, so the same\n"
        "command resumes after an interruption. An urgent finding gets the early report at once.\n\n"
        "  --again                 scan and probe again\n"
        "  --ports, --udp-ports, --rate, --host-rate  passed to medsec scan\n"
        "  --try-default-accounts  passed to medsec probe (needs the hospital's recorded consent)\n";

static void stage(const struct cli *c, const char *ja, const char *en)
{
	fprintf(stderr, "medsec diagnose: %s\n", c->lang == MS_LANG_EN ? en : ja);
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
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "index", required_argument, NULL, OPT_INDEX },
		{ "output", required_argument, NULL, OPT_OUT },
		{ "again", no_argument, NULL, OPT_AGAIN },
		{ "ports", required_argument, NULL, OPT_PORTS },
		{ "udp-ports", required_argument, NULL, OPT_UDP_PORTS },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "host-rate", required_argument, NULL, OPT_HOST_RATE },
		{ "try-default-accounts", no_argument, NULL, OPT_TRY_ACCOUNTS },
		{ NULL, 0, NULL, 0 }
	};
	struct report_flags fl = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct survey sv;
	struct survey_scan_options so;
	struct survey_probe_options po = { 0 };
	struct survey_standing at;
	struct ms_error err;
	int rc, json = c->json;

	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-o"))
			argv[i] = (char *)(uintptr_t) "--output";
	rc = cli_options(c, argc, argv, opts, report_option, &fl, "medsec diagnose -o DIR",
	                 diagnose_help_ja, diagnose_help_en);
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
		stage(c, "1/4 調査実施計画を作成します", "1/4 building the plan");
		if ((rc = cli_plan(c, &s, NULL)))
			goto out;
	}
	if (fl.again || !at.scan.id || at.scan.status != SCAN_DONE) {
		so.resume = !fl.again && at.scan.id && at.scan.status != SCAN_DONE;
		stage(c, so.resume ? "2/4 中断したポートスキャンを続けます" : "2/4 ポートスキャン",
		      so.resume ? "2/4 continuing the interrupted port scan" : "2/4 port scan");
		if ((rc = cli_scan(c, &s, &so)))
			goto out;
		at.n_services = 0;
	}
	if (fl.again || !at.n_services) {
		stage(c, "3/4 サービス・製品・バージョンの識別と検査", "3/4 probe and checks");
		if ((rc = cli_probe(c, &s, &po)))
			goto out;
	}
	stage(c, "4/4 評価と報告書", "4/4 assessment and report");
	c->json = json;
	survey_close(&s);
	if ((rc = cli_survey_load(c, fl.index, 0, &cfg, &sv)) == 0) {
		/* The report step writes the early report too, right after the assessment, when it is due. */
		if (sv.a->early_due && !c->json)
			stage(c, "緊急性の高い事項があります。早期報告も書き出します",
			      "an urgent finding: the early report is written too");
		if (!c->json)
			print_findings(c, sv.a);
		rc = write_report(c, &sv, fl.out, 0);
	}
	survey_free(&sv);
out:
	c->json = json;
	survey_close(&s);
	return rc;
}
