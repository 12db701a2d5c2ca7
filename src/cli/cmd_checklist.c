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
	  "(poster) 書き出す先 (-o でも可。なければ作る)", "(poster) where to write (also -o)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd checklist_cmd = {
	.usage_ja = "medsec checklist [--month YYYY-MM] [--json]\n"
	            "medsec checklist --set 番号=レベル ... --by 回答者 [--month YYYY-MM]\n"
	            "medsec checklist answer --by 回答者 [--month YYYY-MM]\n"
	            "medsec checklist history [--json]\n"
	            "medsec checklist poster -o ディレクトリ",
	.usage_en = "medsec checklist [--month YYYY-MM] [--json]\n"
	            "medsec checklist --set N=LEVEL ... --by NAME [--month YYYY-MM]\n"
	            "medsec checklist answer --by NAME [--month YYYY-MM]\n"
	            "medsec checklist history [--json]\n"
	            "medsec checklist poster -o DIR",
	.about_ja =
	        "都道府県マニュアルのサイバーセキュリティ対策チェックリスト (20 項目) を月に一度\n"
	        "回答し、記録します。レベルは 0 (できていない) 〜 3 (システム・契約による対策)。\n"
	        "medsec が持つ根拠 (現地調査・端末調査・バックアップ・ファームウェア・脆弱性診断) から\n"
	        "レベルを提案します (回答は人が行い、提案とともに残します)。レベル 2 未満の項目には\n"
	        "マニュアルの章のリスク、次のレベル、対策を示します。answer は未回答の項目を 1 つずつ\n"
	        "端末で回答 (答えるたびに保存、途中でやめても次回続きから)。history は項目ごとの月々のレベル。\n"
	        "poster はマニュアル付録４「サイバーセキュリティ対策５ヶ条」(連絡先入り) を書き出します。",
	.about_en =
	        "The prefecture manual's cybersecurity checklist (20 items), answered and kept monthly.\n"
	        "Levels run from 0 (nothing) to 3 (by a system or a contract). medsec proposes levels from\n"
	        "its evidence (onsite and terminal surveys, backups, firmware, the remote diagnosis); the\n"
	        "person answers and both are kept. Items under level 2 show the manual chapter's risk, the\n"
	        "next level and the measures. `answer` asks the open items one at a time on a terminal (each\n"
	        "saved as answered: stop any time, the next run goes on). `history` shows each item month\n"
	        "by month. `poster` writes the manual's appendix 4, the five rules for staff with whom to\n"
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

/* Under level 2 (or not answered and proposed under it): what to do next. */
static int wants_next(const struct survey_checklist *k, int i)
{
	int level = k->now[i] ? k->now[i]->level : k->proposals[i].level;

	return level >= 0 && level < 2;
}

static void print_item(const struct cli *c, const struct survey_checklist *k, int i)
{
	const struct checklist_item *it = &k->list->items[i];
	const struct checklist_chapter *ch = &k->list->chapters[it->chapter - 1];
	const struct checklist_proposal *p = &k->proposals[i];
	char level[32];

	if (k->now[i])
		snprintf(level, sizeof(level), "%d", k->now[i]->level);
	else
		snprintf(level, sizeof(level), "%s", L(C_CHECKLIST_UNANSWERED));
	printf(L(C_CHECKLIST_ITEM), it->no, level, checklist_text(&it->text, c->lang), it->chapter,
	       checklist_text(&ch->title, c->lang));
	if (p->level >= 0)
		printf(L(C_CHECKLIST_PROPOSED), p->level, p->reason);
	if (!wants_next(k, i))
		return;
	{
		int level_now = k->now[i] ? k->now[i]->level : p->level;

		printf(L(C_CHECKLIST_NEXT), level_now + 1,
		       checklist_text(&it->levels[level_now + 1], c->lang));
		printf(L(C_CHECKLIST_RISK), checklist_text(&ch->risk, c->lang));
		for (size_t m = 0; m < ch->n_measures; m++)
			printf(L(C_CHECKLIST_MEASURE), checklist_text(&ch->measures[m], c->lang));
	}
}

static json_t *item_json(const struct cli *c, const struct survey_checklist *k, int i)
{
	const struct checklist_item *it = &k->list->items[i];
	const struct checklist_chapter *ch = &k->list->chapters[it->chapter - 1];
	const struct checklist_proposal *p = &k->proposals[i];
	json_t *o = json_pack(
	        "{s:i, s:i, s:s, s:s, s:o, s:o, s:o, s:o}", "no", it->no, "chapter", it->chapter,
	        "chapter_title", checklist_text(&ch->title, c->lang), "text",
	        checklist_text(&it->text, c->lang), "level",
	        k->now[i] ? json_integer(k->now[i]->level) : json_null(), "by",
	        k->now[i] ? json_string(k->now[i]->by) : json_null(), "proposed",
	        p->level >= 0 ? json_pack("{s:i, s:s}", "level", p->level, "reason", p->reason)
	                      : json_null(),
	        "mhlw", it->mhlw ? json_string(it->mhlw) : json_null());

	if (wants_next(k, i)) {
		int now = k->now[i] ? k->now[i]->level : p->level;
		json_t *measures = json_array();

		for (size_t m = 0; m < ch->n_measures; m++)
			json_array_append_new(
			        measures, json_string(checklist_text(&ch->measures[m], c->lang)));
		json_object_set_new(o, "next",
		                    json_pack("{s:i, s:s, s:s, s:o}", "level", now + 1, "criterion",
		                              checklist_text(&it->levels[now + 1], c->lang), "risk",
		                              checklist_text(&ch->risk, c->lang), "measures",
		                              measures));
	}
	return o;
}

static void show(const struct cli *c, const struct survey_session *s,
                 const struct survey_checklist *k)
{
	if (c->json) {
		json_t *items = json_array(), *root;
		char *out;

		for (int i = 0; i < CHECKLIST_ITEMS; i++)
			json_array_append_new(items, item_json(c, k, i));
		root = json_pack("{s:s, s:s, s:o}", "hospital", s->hospital, "month", k->month,
		                 "items", items);
		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(out);
		free(out);
		json_decref(root);
		return;
	}
	printf(L(C_CHECKLIST_HEAD), k->month, s->hospital);
	for (int l = 0; l < 4; l++)
		printf("  %d: %s\n", l, checklist_text(&k->list->level_names[l], c->lang));
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		print_item(c, k, i);
}

static void history(const struct cli *c, const struct survey_checklist *k)
{
	json_t *items = json_array();
	char *out;

	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		json_t *levels = json_array();

		for (size_t r = 0; r < k->n_rows; r++)
			if (k->rows[r].item == i + 1)
				json_array_append_new(levels, json_pack("{s:s, s:i, s:s}", "month",
				                                        k->rows[r].month, "level",
				                                        k->rows[r].level, "by",
				                                        k->rows[r].by));
		json_array_append_new(items,
		                      json_pack("{s:i, s:i, s:o}", "no", i + 1, "chapter",
		                                k->list->items[i].chapter, "levels", levels));
	}
	if (c->json) {
		json_t *root = json_pack("{s:o}", "items", items);

		out = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(out);
		free(out);
		json_decref(root);
		return;
	}
	fputs(L(C_CHECKLIST_HISTORY), stdout);
	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		json_t *levels = json_object_get(json_array_get(items, (size_t)i), "levels"), *v;
		size_t n;

		printf("  %2d:", i + 1);
		json_array_foreach (levels, n, v)
			printf(" %s=%lld", json_string_value(json_object_get(v, "month")),
			       (long long)json_integer_value(json_object_get(v, "level")));
		putchar('\n');
	}
	json_decref(items);
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

int cmd_checklist(struct cli *c, int argc, char **argv)
{
	struct checklist_flags fl = { .by = NULL };
	struct survey_config cfg;
	struct survey_session s;
	struct survey_checklist k;
	struct ms_diags d = { 0 };
	struct ms_error err;
	const char *sub;
	int rc;

	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		fl.levels[i] = -1;
	if ((rc = cli_parse(c, argc, argv, &checklist_cmd, checklist_option, &fl)) != CLI_GO)
		return rc;
	sub = optind < argc ? argv[optind] : NULL;
	if (fl.bad) {
		ms_fail(&err, MS_ERR_INPUT, MSG_CHECKLIST_BAD_SETTING, "--set", fl.bad_arg);
		return cli_error(c, &err);
	}
	if ((sub && ((strcmp(sub, "history") && strcmp(sub, "answer") && strcmp(sub, "poster")) ||
	             fl.n_set)) ||
	    (sub && !strcmp(sub, "poster") && !fl.out) || optind + (sub != NULL) != argc ||
	    (fl.n_set && !fl.by) || (sub && !strcmp(sub, "answer") && !fl.by))
		return cli_bad_usage(c, &checklist_cmd);
	if (fl.month && !valid_month(fl.month)) {
		ms_fail(&err, MS_ERR_INPUT, MSG_BAD_MONTH, "--month", fl.month);
		return cli_error(c, &err);
	}
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (sub && !strcmp(sub, "poster"))
		return poster(c, &s, fl.out);
	rc = survey_checklist(&s, fl.month, &k, &d, &err);
	if (!rc && fl.n_set)
		rc = survey_checklist_answer(&s, fl.levels, fl.by, &k, &err);
	if (rc)
		rc = cli_fail(c, &d, &err);
	else if (sub && !strcmp(sub, "answer"))
		rc = cli_checklist_answer(c, &s, &k, fl.by);
	else if (sub)
		history(c, &k);
	else
		show(c, &s, &k);
	survey_checklist_free(&k);
	survey_close(&s);
	ms_diags_dispose(&d);
	return rc;
}
