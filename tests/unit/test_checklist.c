/*
 * test_checklist.c - the shipped checklist (data/checklist.json): 20 items in order under the
 * 12 chapters, four criteria each in both languages, the seed's own criteria for items 1 and 2;
 * a broken file refused with its place; "N=LEVEL" as typed on the command line.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "medsec/checklist.h"
#include "medsec/records.h"

static void shipped_list(void **state)
{
	char path[1024];
	struct checklist *c;
	struct ms_diags d = { 0 };
	struct ms_error err;

	(void)state;
	snprintf(path, sizeof(path), "%s/data/checklist.json", getenv("MEDSEC_SOURCE"));
	assert_int_equal(checklist_load(path, &c, &d, &err), MS_OK);
	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		assert_int_equal(c->items[i].no, i + 1);
		for (int l = 0; l < 4; l++)
			assert_true(c->items[i].levels[l].ja[0] && c->items[i].levels[l].en[0]);
	}
	/* Seed 004's own words for items 1 and 2. */
	assert_string_equal(
	        c->items[0].levels[3].ja,
	        "医療情報システムベンダ等とサイバーセキュリティ対策に関する契約を締結している。");
	assert_string_equal(c->items[1].levels[2].ja,
	                    "ネットワーク・システムの詳細な構成図が作成されている。");
	assert_int_equal(c->items[10].chapter, 1); /* item 11, network firmware: chapter 01 */
	assert_int_equal(c->items[3].evidence, EVIDENCE_BACKUP);
	assert_string_equal(checklist_text(&c->chapters[3].title, MS_LANG_EN), "Offline backups");
	assert_true(c->chapters[11].n_measures >= 2);
	checklist_free(c);
	ms_diags_dispose(&d);
}

static void refuses_a_broken_list(void **state)
{
	char path[64];
	struct checklist *c;
	struct ms_diags d = { 0 };
	struct ms_error err;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "/tmp/medsec-checklist-%ld.json", (long)getpid());
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("{\"medsec_checklist\": 1, \"levels\": [], \"chapters\": [], \"items\": []}", f);
	fclose(f);
	assert_int_equal(checklist_load(path, &c, &d, &err), MS_ERR_SYSTEM);
	assert_null(c);
	assert_true(d.errors >= 1);
	unlink(path);
	ms_diags_dispose(&d);
}

/* The shipped list with one MHLW item pointing at a monthly item that does not exist. */
static void refuses_a_wrong_mhlw_item(void **state)
{
	char src[1024], path[64], cmd[2300];
	struct checklist *c;
	struct ms_diags d = { 0 };
	struct ms_error err;

	(void)state;
	snprintf(src, sizeof(src), "%s/data/checklist.json", getenv("MEDSEC_SOURCE"));
	snprintf(path, sizeof(path), "/tmp/medsec-checklist-%ld.json", (long)getpid());
	snprintf(cmd, sizeof(cmd), "jq '.mhlw_checklist.items[4].from = [21]' '%s' > '%s'", src,
	         path);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(checklist_load(path, &c, &d, &err), MS_ERR_SYSTEM);
	assert_null(c);
	assert_non_null(strstr(d.v[0].where, "/mhlw_checklist/items/4"));
	unlink(path);
	ms_diags_dispose(&d);
}

static void settings(void **state)
{
	int no, level;

	(void)state;
	assert_int_equal(checklist_parse_setting("4=2", &no, &level), 0);
	assert_int_equal(no * 10 + level, 42);
	assert_int_equal(checklist_parse_setting("20=3", &no, &level), 0);
	assert_int_equal(checklist_parse_setting("21=1", &no, &level), -1);
	assert_int_equal(checklist_parse_setting("0=1", &no, &level), -1);
	assert_int_equal(checklist_parse_setting("4=4", &no, &level), -1);
	assert_int_equal(checklist_parse_setting("4=", &no, &level), -1);
	assert_int_equal(checklist_parse_setting("4:2", &no, &level), -1);
	assert_int_equal(checklist_parse_setting("4=2x", &no, &level), -1);
}

static const struct checklist_mhlw_answer *answer_of(const struct checklist *c,
                                                     const struct checklist_mhlw_answer *a,
                                                     const char *id)
{
	for (size_t i = 0; i < c->n_mhlw; i++)
		if (!strcmp(c->mhlw[i].id, id))
			return &a[i];
	fail_msg("no MHLW item %s", id);
	return NULL;
}

/* MHLW's form from the month: はい only when every monthly item it follows is at level 2+. */
static void inspection_answers(void **state)
{
	char path[1024];
	struct checklist *c;
	struct ms_diags d = { 0 };
	struct ms_error err;
	struct checklist_row rows[4] = {
		{ "2026-11", 3, 2, -1, "佐藤", "2026-11-20T01:00:00Z" },
		{ "2026-11", 19, 3, -1, "佐藤", "2026-11-21T16:30:00Z" }, /* the 22nd in Japan */
		{ "2026-11", 20, 1, -1, "佐藤", "2026-11-20T01:00:00Z" },
		{ "2026-11", 4, 2, -1, "山田", "2026-11-02T01:00:00Z" },
	};
	const struct checklist_row *now[CHECKLIST_ITEMS] = { NULL };
	struct checklist_mhlw_answer a[CHECKLIST_MHLW_MAX];
	const struct checklist_mhlw_answer *x;

	(void)state;
	snprintf(path, sizeof(path), "%s/data/checklist.json", getenv("MEDSEC_SOURCE"));
	assert_int_equal(checklist_load(path, &c, &d, &err), MS_OK);
	assert_int_equal(c->n_mhlw, 23); /* the 18 of 令和6年度版 and 5 added in 令和7年度版 */
	assert_string_equal(c->items[2].mhlw, "1-(1), 3-(1)"); /* item 3 answers two */
	assert_null(c->items[11].mhlw);                        /* item 12: none (GL C-10 only) */
	for (int i = 0; i < 4; i++)
		now[rows[i].item - 1] = &rows[i];
	checklist_mhlw_answers(c, now, "2026-11", a);

	x = answer_of(c, a, "1-(1)"); /* item 3 at 2 */
	assert_int_equal(x->answer, MHLW_YES);
	assert_string_equal(x->checked_on, "2026-11-20");
	assert_string_equal(x->target_on, "");
	x = answer_of(c, a, "3-(1)"); /* items 3, 19, 20: item 20 at 1 */
	assert_int_equal(x->answer, MHLW_NO);
	assert_int_equal(x->lowest, 1);
	assert_string_equal(x->checked_on, "2026-11-22");
	assert_string_equal(x->target_on, "2027-03-31"); /* the fiscal year's last day */
	x = answer_of(c, a, "3-(2)");
	assert_int_equal(x->answer, MHLW_YES);
	x = answer_of(c, a, "2-⑤"); /* item 5 not answered */
	assert_int_equal(x->answer, MHLW_OPEN);
	assert_int_equal(x->n_open, 1);
	assert_int_equal(x->open[0], 5);
	assert_string_equal(x->checked_on, "");
	x = answer_of(c, a, "3-(3)"); /* the BCP: no monthly item, the hospital answers */
	assert_int_equal(x->answer, MHLW_BY_HAND);

	/* In January to March the target is the same fiscal year's end. */
	checklist_mhlw_answers(c, now, "2027-02", a);
	assert_string_equal(answer_of(c, a, "3-(1)")->target_on, "2027-03-31");
	checklist_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_list),
		cmocka_unit_test(refuses_a_broken_list),
		cmocka_unit_test(refuses_a_wrong_mhlw_item),
		cmocka_unit_test(settings),
		cmocka_unit_test(inspection_answers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
