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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(shipped_list),
		cmocka_unit_test(refuses_a_broken_list),
		cmocka_unit_test(settings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
