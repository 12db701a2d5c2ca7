/*
 * cmd_report.c - `medsec assess` (the ranked findings) and `medsec report` (the
 * survey report in every format).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "medsec/diff.h"
#include "medsec/report.h"

enum { OPT_INDEX = OPT__FIRST_LOCAL, OPT_OUT, OPT_FORMAT };

static const struct cli_opt report_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH",
	  "脆弱性インデックス (既定: MEDSEC_VULNDB または ./medsec.vulndb)",
	  "the vulnerability index (default: MEDSEC_VULNDB or ./medsec.vulndb)" },
	{ "output", required_argument, OPT_OUT, "ディレクトリ", "DIR",
	  "書き出す先 (-o でも可。なければ作る)", "where to write (also -o; made if missing)" },
	{ "format", required_argument, OPT_FORMAT, "形式", "LIST",
	  "書き出す形式 (html,pdf,xlsx,json; 既定: すべて)",
	  "the formats to write (html,pdf,xlsx,json; default: all)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd report_cmd = {
	.usage_ja = "medsec report -o ディレクトリ [--format html,pdf,xlsx,json] [--index パス]",
	.usage_en = "medsec report -o DIR [--format html,pdf,xlsx,json] [--index PATH]",
	.about_ja =
	        "外部ネットワーク接続点調査報告書を書き出します: report.html (1ファイルで完結、印刷可)、\n"
	        "report.pdf (目次・ページ番号つき、日本語フォント埋め込み)、annexes.xlsx (別紙の表)、\n"
	        "report.json (全体)。緊急・重要 (CVSS 7.0 以上) または悪用が確認された脆弱性が脆弱性診断で\n"
	        "見つかった場合は、early-report.html と .pdf (別紙4 脆弱性診断早期報告) も書き出します。\n"
	        "まだ行っていない調査の章は、その旨を記載します。",
	.about_en =
	        "Writes the survey report: report.html (self-contained, prints well), report.pdf (table of\n"
	        "contents, page numbers, Japanese font embedded), annexes.xlsx (the annex tables) and\n"
	        "report.json (the whole); and early-report.html and .pdf (annex 4) when the diagnosis found\n"
	        "something critical or high (CVSS 7.0 or more) or known to be exploited. A chapter whose\n"
	        "survey step has not happened yet says so.",
	.opts = report_opts,
};

static const struct cli_opt assess_opts[] = {
	{ "index", required_argument, OPT_INDEX, "パス", "PATH",
	  "脆弱性インデックス (既定: MEDSEC_VULNDB または ./medsec.vulndb)",
	  "the vulnerability index (default: MEDSEC_VULNDB or ./medsec.vulndb)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd assess_cmd = {
	.usage_ja = "medsec assess [--index パス] [--json]",
	.usage_en = "medsec assess [--index PATH] [--json]",
	.about_ja =
	        "これまでの調査結果 (申告内容・調査実施計画・現地調査・ポートスキャン・サービス識別・\n"
	        "検査結果) と脆弱性インデックスから指摘事項をまとめ、対応を急ぐ順に表示します。\n"
	        "各指摘には説明・対策・都道府県マニュアルの該当章がつきます。--json は報告書の JSON\n"
	        "(report.json と同じ内容) を表示します。",
	.about_en =
	        "Turns everything known (declarations, plan, onsite survey, scan, probe, checks) and the\n"
	        "vulnerability index into findings, most urgent first, each with an explanation, advice\n"
	        "and the prefecture manual's chapter. --json prints the report's JSON (as report.json).",
	.opts = assess_opts,
};

struct report_flags {
	const char *index, *out, *format;
};

static int report_option(int opt, const char *arg, void *ctx)
{
	struct report_flags *f = ctx;

	switch (opt) {
	case OPT_INDEX: f->index = arg; return 0;
	case OPT_OUT: f->out = arg; return 0;
	case OPT_FORMAT: f->format = arg; return 0;
	default: return -1;
	}
}

void cli_print_findings(const struct cli *c, const struct assessment *a)
{
	if (!a->n_findings)
		printf(L(C_NO_FINDINGS));
	for (size_t i = 0; i < a->n_findings; i++) {
		const struct assess_finding *f = &a->findings[i];
		printf("%2d. [%s%s%s] %s\n", f->rank, assess_severity_label(f->severity, c->lang),
		       f->kev ? " KEV" : "", f->early ? (L(C_EARLY_REPORT)) : "", f->title);
		if (f->subject)
			printf(L(C_SUBJECT), f->subject);
		if (f->refs)
			printf(L(C_VULNERABILITIES), f->refs);
		printf(L(C_DO), f->advice);
		printf(L(C_MANUAL), f->manual);
	}
	if (a->early_due)
		printf(L(C_THE_EARLY_REPORT_ANNEX_4_IS));
}

int cmd_assess(struct cli *c, int argc, char **argv)
{
	struct report_flags fl = { 0 };
	struct survey_config cfg;
	struct survey sv;
	int rc = cli_parse(c, argc, argv, &assess_cmd, report_option, &fl);

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
		cli_print_findings(c, sv.a);
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
int cli_write_report(struct cli *c, struct survey *sv, const char *dir, unsigned formats)
{
	struct report_files files;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc = survey_report(sv, dir, formats, &files, &d, &err);

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
	printf(L(C_THE_REPORT_IS_WRITTEN));
	for (size_t i = 0; i < files.n; i++)
		printf("  %s\n", files.path[i]);
	if (files.early)
		printf(L(C_AN_URGENT_FINDING_CALLS_FOR_THE));
	return 0;
}

int cmd_report(struct cli *c, int argc, char **argv)
{
	struct report_flags fl = { 0 };
	struct survey_config cfg;
	struct survey sv;
	unsigned formats;
	int rc;

	rc = cli_parse(c, argc, argv, &report_cmd, report_option, &fl);
	if (rc != CLI_GO)
		return rc;
	formats = parse_formats(fl.format);
	if (optind != argc || !fl.out || formats == ~0u)
		return cli_usage(c, "medsec report -o DIR [--format html,pdf,xlsx,json]");
	if ((rc = cli_survey_load(c, fl.index, 0, &cfg, &sv))) {
		survey_free(&sv);
		return rc;
	}
	rc = cli_write_report(c, &sv, fl.out, formats);
	survey_free(&sv);
	return rc;
}
