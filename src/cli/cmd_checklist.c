/*
 * cmd_checklist.c - `medsec checklist`: the monthly サイバーセキュリティ対策チェックリスト
 * (seed 004): this month's items with their levels, what medsec proposes from its evidence,
 * and for every item under level 2 the chapter's risk, the next level and its measures;
 * `--set N=L ... --by NAME` answers; `history` shows each item month by month.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/clock.h"

enum { OPT_SET = OPT__FIRST_LOCAL, OPT_BY, OPT_MONTH, OPT_OUT };

static const struct cli_opt checklist_opts[] = {
	{ "set", required_argument, OPT_SET, "番号=レベル", "N=LEVEL",
	  "項目のレベル (0-3) を回答する。繰り返し指定できる (例: --set 4=2 --set 9=1)",
	  "answer an item's level (0-3); repeat it (--set 4=2 --set 9=1)" },
	{ "by", required_argument, OPT_BY, "回答者", "NAME", "回答した人 (--set に必須)",
	  "who answers (required with --set)" },
	{ "month", required_argument, OPT_MONTH, "YYYY-MM", "YYYY-MM", "対象の月 (既定: 今月)",
	  "the month (default: this month, in Japan)" },
	{ "output", required_argument, OPT_OUT, "ディレクトリ", "DIR",
	  "(poster) 書き出すディレクトリ、(sheet, inspection) 書き出すブック (-o でも可)",
	  "(poster) the directory to write into, (sheet, inspection) the workbook (also -o)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd checklist_cmd = {
	.usage_ja = "medsec checklist [--month YYYY-MM] [--json]\n"
	            "medsec checklist --set 番号=レベル ... --by 回答者 [--month YYYY-MM]\n"
	            "medsec checklist answer --by 回答者 [--month YYYY-MM]\n"
	            "medsec checklist history [--json]\n"
	            "medsec checklist sheet -o ファイル.xlsx [--month YYYY-MM]\n"
	            "medsec checklist import ファイル.xlsx [--json]\n"
	            "medsec checklist inspection [--month YYYY-MM] [--json] [-o ファイル.xlsx]\n"
	            "medsec checklist poster -o ディレクトリ",
	.usage_en = "medsec checklist [--month YYYY-MM] [--json]\n"
	            "medsec checklist --set N=LEVEL ... --by NAME [--month YYYY-MM]\n"
	            "medsec checklist answer --by NAME [--month YYYY-MM]\n"
	            "medsec checklist history [--json]\n"
	            "medsec checklist sheet -o FILE.xlsx [--month YYYY-MM]\n"
	            "medsec checklist import FILE.xlsx [--json]\n"
	            "medsec checklist inspection [--month YYYY-MM] [--json] [-o FILE.xlsx]\n"
	            "medsec checklist poster -o DIR",
	.about_ja =
	        "都道府県マニュアルのサイバーセキュリティ対策チェックリスト (20 項目) を月に一度\n"
	        "回答し、記録します。レベルは 0 (できていない) 〜 3 (システム・契約による対策)。\n"
	        "medsec が持つ根拠 (現地調査・端末調査・バックアップ・ファームウェア・脆弱性診断) から\n"
	        "レベルを提案します (回答は人が行い、提案とともに残します)。レベル 2 未満の項目には\n"
	        "マニュアルの章のリスク、次のレベル、対策を示します。answer は未回答の項目を 1 つずつ\n"
	        "端末で回答 (答えるたびに保存、途中でやめても次回続きから)。history は項目ごとの月々のレベル。\n"
	        "sheet は回答用の Excel ブック (回答済みのレベルと提案入り) を書き出し、import は記入済みの\n"
	        "ブックを取り込みます (誤りはセルごとに示し、1 つでもあれば何も保存しません)。\n"
	        "inspection は立入検査で確認される厚生労働省チェックリスト (医療機関確認用) を月次の回答から\n"
	        "はい・いいえ・確認日・目標日で示し、-o で様式 (事業者確認用をベンダごとに含む) を書き出します。\n"
	        "poster はマニュアル付録４「サイバーセキュリティ対策５ヶ条」(連絡先入り) を書き出します。",
	.about_en =
	        "The prefecture manual's cybersecurity checklist (20 items), answered and kept monthly.\n"
	        "Levels run from 0 (nothing) to 3 (by a system or a contract). medsec proposes levels from\n"
	        "its evidence (onsite and terminal surveys, backups, firmware, the remote diagnosis); the\n"
	        "person answers and both are kept. Items under level 2 show the manual chapter's risk, the\n"
	        "next level and the measures. `answer` asks the open items one at a time on a terminal (each\n"
	        "saved as answered: stop any time, the next run goes on). `history` shows each item month\n"
	        "by month. `sheet` writes a workbook to answer (levels so far and proposals in it) and\n"
	        "`import` reads it back (each mistake named by its cell; with any, nothing is saved).\n"
	        "`inspection` answers MHLW's checklist (hospital form), checked at the on-site inspection,\n"
	        "from the month's levels: yes/no, the date checked and a target date; -o writes the forms\n"
	        "(with a vendor form per vendor).\n"
	        "`poster` writes the manual's appendix 4, the five rules for staff with whom to\n"
	        "call.",
	.opts = checklist_opts,
};

struct checklist_flags {
	int levels[CHECKLIST_ITEMS];
	int n_set, bad;
	const char *by, *month, *bad_arg, *out;
};

static int checklist_option(int opt, const char *arg, void *ctx)
{
	struct checklist_flags *f = ctx;
	int no, level;

	switch (opt) {
	case OPT_SET:
		if (checklist_parse_setting(arg, &no, &level)) {
			f->bad = 1;
			f->bad_arg = arg;
			return 0;
		}
		f->levels[no - 1] = level;
		f->n_set++;
		return 0;
	case OPT_BY: f->by = arg; return 0;
	case OPT_MONTH: f->month = arg; return 0;
	case OPT_OUT: f->out = arg; return 0;
	default: return -1;
	}
}

static int poster(struct cli *c, struct survey_session *s, const char *dir)
{
	struct report_files files;
	struct ms_error err;
	int rc = survey_poster_write(s, dir, &files, &err);

	if (rc)
		rc = cli_fail(c, NULL, &err);
	for (size_t i = 0; !rc && i < files.n; i++)
		printf(i ? "  %s\n" : L(C_BACKUP_WRITTEN), files.path[i]);
	survey_close(s);
	return rc;
}

/* YYYY-MM, a real month. */
static int valid_month(const char *m)
{
	char day[16];

	if (strlen(m) != 7)
		return 0;
	snprintf(day, sizeof(day), "%s-01", m);
	return ms_date_valid(day);
}

enum sub { SUB_SHOW, SUB_ANSWER, SUB_HISTORY, SUB_POSTER, SUB_SHEET, SUB_IMPORT, SUB_INSPECTION };

/* The subcommand and whether its arguments make sense; -1 if not. */
static int sub_of(const struct checklist_flags *f, int argc, char **argv)
{
	static const char *const names[] = { "",      "answer", "history",   "poster",
		                             "sheet", "import", "inspection" };
	const char *name = optind < argc ? argv[optind] : "";
	int sub = -1, files;

	for (int i = 0; i < (int)(sizeof(names) / sizeof(names[0])); i++)
		if (!strcmp(name, names[i]))
			sub = i;
	files = argc - optind - (*name != 0);
	if (sub < 0 || files != (sub == SUB_IMPORT) || (f->n_set && sub != SUB_SHOW) ||
	    ((f->n_set || sub == SUB_ANSWER) && !f->by) ||
	    ((sub == SUB_POSTER || sub == SUB_SHEET) && !f->out))
		return -1;
	return sub;
}

int cmd_checklist(struct cli *c, int argc, char **argv)
{
	struct checklist_flags fl = { .by = NULL };
	struct survey_config cfg;
	struct survey_session s;
	struct survey_checklist k;
	struct checklist_mhlw_answer mhlw[CHECKLIST_MHLW_MAX];
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc, sub;

	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		fl.levels[i] = -1;
	if ((rc = cli_parse(c, argc, argv, &checklist_cmd, checklist_option, &fl)) != CLI_GO)
		return rc;
	if (fl.bad) {
		ms_fail(&err, MS_ERR_INPUT, MSG_CHECKLIST_BAD_SETTING, "--set", fl.bad_arg);
		return cli_error(c, &err);
	}
	if ((sub = sub_of(&fl, argc, argv)) < 0)
		return cli_bad_usage(c, &checklist_cmd);
	if (fl.month && !valid_month(fl.month)) {
		ms_fail(&err, MS_ERR_INPUT, MSG_BAD_MONTH, "--month", fl.month);
		return cli_error(c, &err);
	}
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (sub == SUB_POSTER)
		return poster(c, &s, fl.out);
	if (sub == SUB_IMPORT)
		rc = survey_checklist_import(&s, argv[argc - 1], &k, &d, &err);
	else
		rc = survey_checklist(&s, fl.month, &k, &d, &err);
	if (!rc && fl.n_set)
		rc = survey_checklist_answer(&s, fl.levels, fl.by, &k, &err);
	if (!rc && sub == SUB_SHEET)
		rc = survey_checklist_sheet(&s, &k, fl.out, &err);
	if (!rc && sub == SUB_INSPECTION)
		rc = survey_checklist_inspection(&s, &k, fl.out, mhlw, &err);
	if (rc)
		rc = cli_fail(c, &d, &err);
	else if (sub == SUB_ANSWER)
		rc = cli_checklist_answer(c, &s, &k, fl.by);
	else if (sub == SUB_HISTORY)
		cli_checklist_history(c, &k);
	else if (sub == SUB_SHEET)
		cli_say(c, MSG_TEMPLATE_WRITTEN, fl.out);
	else if (sub == SUB_INSPECTION && fl.out && !c->json)
		cli_say(c, MSG_TEMPLATE_WRITTEN, fl.out);
	else if (sub == SUB_INSPECTION)
		cli_checklist_inspection(c, &s, &k, mhlw);
	else
		cli_show_checklist(c, &s, &k);
	survey_checklist_free(&k);
	survey_close(&s);
	ms_diags_dispose(&d);
	return rc;
}
