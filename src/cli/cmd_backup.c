/*
 * cmd_backup.c - `medsec backup FILE`: the offline-backup questionnaire decided: the
 * support category (支援A/B/C, 報告のみ, 対象外) with its reasons, each backup offline
 * or not by which rule, and what falls short of the guideline and 加算1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"

enum { OPT_OUT = OPT__FIRST_LOCAL };

static const struct cli_opt backup_opts[] = {
	{ "output", required_argument, OPT_OUT, "ディレクトリ", "DIR",
	  "オフラインバックアップ計画書 (案) と支援方針報告書を書き出す先 (HTML と PDF。-o でも可。なければ作る)",
	  "where to write the draft backup plan and the support policy report (HTML and PDF; also "
	  "-o; made if missing)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd backup_cmd = {
	.usage_ja = "medsec backup 回答ファイル.json [-o ディレクトリ] [--json]\n"
	            "medsec backup import 回答ファイル.json [-o ディレクトリ] [--json]\n"
	            "medsec backup show [-o ディレクトリ] [--json]\n"
	            "medsec backup summary [--json]",
	.usage_en = "medsec backup ANSWERS.json [-o DIR] [--json]\n"
	            "medsec backup import ANSWERS.json [-o DIR] [--json]\n"
	            "medsec backup show [-o DIR] [--json]\n"
	            "medsec backup summary [--json]",
	.about_ja =
	        "オフラインバックアップ支援: 医療機関のアンケート回答 (バックアップの方式・媒体・接続・\n"
	        "世代・リストア試験と、支援の意向) を検査し、支援方針 (支援A・支援B・支援C・報告のみ・\n"
	        "対象外) とその理由、各バックアップがオフラインとみなせるか (根拠の規則)、ガイドラインと\n"
	        "診療録管理体制加算1 の条件に足りない点を示します。誤りは場所を示して終了コード 2。\n"
	        "回答の形式は docs/json/backup.schema.json、例は examples/sample-backup.json。\n"
	        "import は判定して医療機関の回答として保存 (取り込みごとに残し、最新を使う)、show は保存した\n"
	        "回答を今の規則で判定、summary は事務局向けに全医療機関の支援方針の件数と一覧\n"
	        "(報告のみ・対象外は構成概要と導入予定時期) を示します。",
	.about_en =
	        "Offline-backup support: checks a hospital's questionnaire (each backup's method, medium,\n"
	        "connection, generations and restore tests, and the hospital's intent) and shows the\n"
	        "support category (support A, B, C, report only, not eligible) with its reasons, whether\n"
	        "each backup counts as offline (and by which rule), and what falls short of the guideline\n"
	        "and 診療録管理体制加算1. Bad answers: each named by its place, exit 2. The form is\n"
	        "docs/json/backup.schema.json; an example is examples/sample-backup.json. `import`\n"
	        "decides and keeps them as the hospital's answers (every import stays, the newest counts),\n"
	        "`show` decides the kept answers by today's rules, `summary` gives the programme office\n"
	        "every hospital's category with counts (the design and timing of report-only and\n"
	        "not-eligible hospitals).",
	.opts = backup_opts,
};

static int backup_option(int opt, const char *arg, void *ctx)
{
	if (opt != OPT_OUT)
		return -1;
	*(const char **)ctx = arg;
	return 0;
}

static void print(const struct cli *c, const struct survey_backup *b)
{
	const struct backup_answers *a = b->answers;
	const struct backup_decision *d = &b->decision;
	const char *reasons[4];
	size_t n = backup_reasons(a, d, c->lang, reasons, 4), k = 0;

	printf(L(B_CATEGORY_LINE), backup_category_text(d->category, c->lang),
	       backup_category_what(d->category, c->lang));
	fputs(L(B_REASONS), stdout);
	for (size_t i = 0; i < n; i++)
		printf("  - %s\n", reasons[i]);
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct backup_system *s = &a->systems[i];

		putchar('\n');
		printf(L(B_SYSTEM_LINE), s->name, s->vendor ? L(B_VENDOR) : "",
		       s->vendor ? s->vendor : "", s->vendor ? ")" : "");
		for (size_t j = 0; j < s->n_backups; j++, k++) {
			const struct backup_copy *x = &s->backups[j];
			const struct backup_verdict *v = &d->verdicts[k];

			printf(L(B_COPY_LINE), j + 1, backup_method_text(x->method, c->lang),
			       backup_medium_text(x->medium, c->lang),
			       backup_connection_text(x->connection, c->lang),
			       v->offline ? L(B_OFFLINE) : L(B_NOT_OFFLINE),
			       backup_rule_text(v->rule, c->lang));
		}
		if (!d->shortfalls[i])
			fputs(L(B_NO_SHORTFALL), stdout);
		for (unsigned bit = 1; bit <= SHORT_RESTORE_FAILED; bit <<= 1)
			if (d->shortfalls[i] & bit)
				printf(L(B_SHORTFALL_LINE), backup_shortfall_text(bit, c->lang));
	}
	printf("\n%s\n", d->kasan1 ? L(B_KASAN1_MET) : L(B_KASAN1_NOT_MET));
}

/* The decision printed (or as JSON), and its documents written when dir is given. */
static int present(struct cli *c, const struct survey_backup *b, const char *dir)
{
	struct report_files files;
	struct ms_error err;
	int rc = 0;

	if (c->json) {
		json_t *o = backup_json(b->answers, &b->decision, c->lang);
		char *s = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER);

		puts(s);
		free(s);
		json_decref(o);
	} else {
		print(c, b);
	}
	if (dir && (rc = survey_backup_write(b, dir, c->lang, &files, &err)))
		return cli_fail(c, NULL, &err);
	for (size_t i = 0; dir && !c->json && i < files.n; i++)
		printf(i ? "  %s\n" : L(C_BACKUP_WRITTEN), files.path[i]);
	return rc;
}

static int summary(struct cli *c)
{
	struct survey_config cfg;
	struct survey_backup_summary sum;
	struct ms_error err;
	int rc;

	cli_config(c, NULL, &cfg);
	if ((rc = survey_backup_summary(&cfg, &sum, &err))) {
		rc = cli_fail(c, NULL, &err);
	} else if (c->json) {
		json_t *list = json_array(), *counts = json_object(), *root;
		char *s;

		for (int k = 0; k <= CATEGORY_NOT_ELIGIBLE; k++)
			json_object_set_new(counts, backup_category_key((enum backup_category)k),
			                    json_integer((json_int_t)sum.count[k]));
		for (size_t i = 0; i < sum.n; i++) {
			const struct survey_backup *b = &sum.v[i];
			json_t *o = backup_json(b->answers, &b->decision, c->lang);

			json_object_set_new(o, "hospital", json_string(b->hospital));
			json_object_set_new(o, "imported_at", json_string(b->imported_at));
			json_array_append_new(list, o);
		}
		root = json_pack("{s:i, s:o, s:o}", "hospitals", (int)sum.n, "counts", counts,
		                 "answers", list);
		s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		json_decref(root);
	} else {
		printf(L(C_BACKUP_SUMMARY), sum.n);
		for (int k = 0; k <= CATEGORY_NOT_ELIGIBLE; k++)
			printf("%s%s %zu", k ? L(A_LIST_COMMA) : "  ",
			       backup_category_text((enum backup_category)k, c->lang),
			       sum.count[k]);
		putchar('\n');
		for (size_t i = 0; i < sum.n; i++) {
			const struct survey_backup *b = &sum.v[i];
			const struct backup_intent *in = &b->answers->intent;

			printf(L(C_BACKUP_SUMMARY_LINE), b->hospital,
			       backup_category_text(b->decision.category, c->lang),
			       b->decision.needs_confirmation ? L(C_BACKUP_CONFIRM) : "",
			       b->decision.kasan1 ? L(P_MET) : L(P_NOT_MET),
			       b->answers->answered_on);
			if (b->decision.category >= CATEGORY_REPORT_ONLY)
				printf(L(C_BACKUP_HEARING), in->design ? in->design : "-",
				       in->planned_for ? in->planned_for : "-");
		}
	}
	survey_backup_summary_free(&sum);
	return rc;
}

int cmd_backup(struct cli *c, int argc, char **argv)
{
	struct survey_backup b = { 0 };
	struct survey_config cfg;
	struct survey_session s = { 0 };
	struct ms_diags d = { 0 };
	struct ms_error err;
	const char *dir = NULL, *sub;
	int rc = cli_parse(c, argc, argv, &backup_cmd, backup_option, &dir);

	if (rc != CLI_GO)
		return rc;
	sub = optind < argc ? argv[optind] : NULL;
	if (sub && !strcmp(sub, "summary") && optind + 1 == argc)
		return summary(c);
	if (sub && !strcmp(sub, "show") && optind + 1 == argc) {
		if ((rc = cli_open_session(c, NULL, &cfg, &s)))
			return rc;
		rc = survey_backup_current(&s, &b, &err) ? cli_fail(c, NULL, &err)
		                                         : present(c, &b, dir);
	} else if (sub && !strcmp(sub, "import") && optind + 2 == argc) {
		if ((rc = cli_open_session(c, NULL, &cfg, &s)))
			return rc;
		if ((rc = survey_backup_import(&s, argv[optind + 1], &b, &d, &err)))
			rc = cli_fail(c, &d, &err);
		else
			rc = present(c, &b, dir);
	} else if (sub && optind + 1 == argc && strcmp(sub, "show") && strcmp(sub, "summary")) {
		if ((rc = survey_backup_decide(sub, &b, &d, &err)))
			rc = cli_fail(c, &d, &err);
		else
			rc = present(c, &b, dir);
	} else {
		return cli_bad_usage(c, &backup_cmd);
	}
	survey_backup_free(&b);
	survey_close(&s);
	ms_diags_dispose(&d);
	return rc;
}
