/*
 * test_backup.c - offline-backup support: each medium's offline rule both ways, each
 * support category from answers that should give it, the contradiction ("operating"
 * but nothing offline), the guideline's and 加算1's conditions, and the questionnaire's
 * problems named by their JSON pointers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "medsec/backup.h"

static struct backup_copy copy(enum backup_medium m, enum backup_connection c)
{
	return (struct backup_copy){ .medium = m,
		                     .connection = c,
		                     .generations = -1,
		                     .swapped = TRI3_UNKNOWN,
		                     .locked_away = TRI3_UNKNOWN,
		                     .immutable = TRI3_UNKNOWN,
		                     .cloud_separated = TRI3_UNKNOWN,
		                     .restore_ok = TRI3_UNKNOWN };
}

static enum offline_rule rule(const struct backup_copy *b, int offline)
{
	struct backup_verdict v;

	backup_offline(b, &v);
	assert_int_equal(v.offline, offline);
	return v.rule;
}

/* Each medium's condition (domain-facts §3.2), met and not met. */
static void offline_rules(void **state)
{
	struct backup_copy b;

	(void)state;
	b = copy(MEDIUM_TAPE, CONN_NEVER);
	assert_int_equal(rule(&b, 0), RULE_REMOVED_NOT_LOCKED); /* locked away not answered */
	b.locked_away = TRI3_YES;
	assert_int_equal(rule(&b, 1), RULE_REMOVED_AND_LOCKED);
	b.connection = CONN_ALWAYS; /* a tape left in the drive */
	assert_int_equal(rule(&b, 0), RULE_ALWAYS_CONNECTED);

	b = copy(MEDIUM_USB_HDD, CONN_NEVER);
	b.swapped = TRI3_YES;
	assert_int_equal(rule(&b, 0), RULE_REMOVED_NOT_LOCKED);
	b.locked_away = TRI3_YES;
	assert_int_equal(rule(&b, 1), RULE_ROTATED);

	b = copy(MEDIUM_NAS, CONN_ALWAYS);
	assert_int_equal(rule(&b, 0), RULE_ALWAYS_CONNECTED);
	b.connection = CONN_DURING_TRANSFER;
	assert_int_equal(rule(&b, 1), RULE_ONLY_DURING_TRANSFER);
	b = copy(MEDIUM_SERVER, CONN_ALWAYS);
	b.network = NET_LOGICAL; /* その7 問1: separation counts as disconnection */
	assert_int_equal(rule(&b, 1), RULE_NETWORK_SEPARATED);
	b.network = NET_NONE;
	b.immutable = TRI3_YES; /* その8 問2: may stay connected */
	assert_int_equal(rule(&b, 1), RULE_IMMUTABLE);
	b = copy(MEDIUM_WORM, CONN_ALWAYS);
	assert_int_equal(rule(&b, 1), RULE_IMMUTABLE);

	b = copy(MEDIUM_CLOUD, CONN_ALWAYS);
	assert_int_equal(rule(&b, 0), RULE_NOT_ENOUGH);
	b.cloud_separated = TRI3_NO;
	assert_int_equal(rule(&b, 0), RULE_CLOUD_NOT_SEPARATED);
	b.cloud_separated = TRI3_YES;
	assert_int_equal(rule(&b, 1), RULE_CLOUD_SEPARATED);
	assert_string_equal(backup_rule_key(RULE_CLOUD_SEPARATED), "cloud_separated");
}

static struct backup_copy copies[2];
static struct backup_system systems[1];

/* A hospital whose EHR has a NAS always connected and, if offline_too, a locked tape. */
static void hospital(struct backup_answers *a, int offline_too, struct backup_intent in)
{
	copies[0] = copy(MEDIUM_NAS, CONN_ALWAYS);
	copies[0].generations = 7;
	copies[0].restore_tested_on = "2026-06-01";
	copies[0].restore_ok = TRI3_YES;
	copies[1] = copy(MEDIUM_TAPE, CONN_NEVER);
	copies[1].locked_away = TRI3_YES;
	copies[1].generations = 4;
	systems[0] = (struct backup_system){ .name = "電子カルテ",
		                             .vendor = "A社",
		                             .needed_for_care = 1,
		                             .ehr = 1,
		                             .backups = copies,
		                             .n_backups = offline_too ? 2 : 1 };
	memset(a, 0, sizeof(*a));
	a->answered_on = "2026-11-20";
	a->systems = systems;
	a->n_systems = 1;
	a->intent = in;
}

static enum backup_category category(int offline_too, struct backup_intent in,
                                     int *needs_confirmation)
{
	struct backup_answers a;
	struct backup_decision d;
	enum backup_category c;

	hospital(&a, offline_too, in);
	backup_decide(&a, &d);
	c = d.category;
	*needs_confirmation = d.needs_confirmation;
	backup_decision_dispose(&d);
	return c;
}

/* Seed 001 支援方針: the intent decides; medsec's own reading may ask to confirm. */
static void categories(void **state)
{
	int confirm;

	(void)state;
	assert_int_equal(category(1, (struct backup_intent){ .operating = 1 }, &confirm),
	                 CATEGORY_NOT_ELIGIBLE);
	assert_false(confirm);
	assert_int_equal(category(0, (struct backup_intent){ .operating = 1 }, &confirm),
	                 CATEGORY_NOT_ELIGIBLE);
	assert_true(confirm); /* "operating", but nothing offline: 要確認 */
	assert_int_equal(category(0, (struct backup_intent){ .planning_with_vendor = 1 }, &confirm),
	                 CATEGORY_REPORT_ONLY);
	assert_int_equal(category(0,
	                          (struct backup_intent){ .support_needed = 1,
	                                                  .new_server = 1,
	                                                  .procure = PROCURE_THIS_FISCAL_YEAR,
	                                                  .destination = DEST_ONSITE },
	                          &confirm),
	                 CATEGORY_SUPPORT_A);
	assert_int_equal(category(0,
	                          (struct backup_intent){ .support_needed = 1,
	                                                  .new_server = 1,
	                                                  .procure = PROCURE_LATER,
	                                                  .destination = DEST_CLOUD },
	                          &confirm),
	                 CATEGORY_SUPPORT_B);
	assert_int_equal(
	        category(0,
	                 (struct backup_intent){ .support_needed = 1, .destination = DEST_ONSITE },
	                 &confirm),
	        CATEGORY_SUPPORT_C);
	/* Planning with the vendor but asking for support: support decides. */
	assert_int_equal(category(0,
	                          (struct backup_intent){ .planning_with_vendor = 1,
	                                                  .support_needed = 1,
	                                                  .destination = DEST_ONSITE },
	                          &confirm),
	                 CATEGORY_SUPPORT_C);
	assert_string_equal(backup_category_key(CATEGORY_REPORT_ONLY), "report_only");
}

/* Generations (5 for the EHR), more than one medium, an offline copy, a restore test in a year. */
static void guideline_conditions(void **state)
{
	struct backup_answers a;
	struct backup_decision d;

	(void)state;
	hospital(&a, 1, (struct backup_intent){ .operating = 1 });
	backup_decide(&a, &d);
	assert_int_equal(d.shortfalls[0], 0);
	assert_true(d.kasan1);
	backup_decision_dispose(&d);

	hospital(&a, 0, (struct backup_intent){ .operating = 1 });
	systems[0].backups[0].generations = 4; /* an EHR wants 5 */
	a.answered_on = "2027-06-02";          /* a year and a day after the last test */
	backup_decide(&a, &d);
	assert_int_equal(d.shortfalls[0], SHORT_GENERATIONS | SHORT_SINGLE_METHOD |
	                                          SHORT_NO_OFFLINE | SHORT_RESTORE_UNTESTED);
	assert_false(d.kasan1);
	backup_decision_dispose(&d);

	hospital(&a, 0, (struct backup_intent){ .operating = 1 });
	systems[0].ehr = 0; /* another system: three generations will do */
	systems[0].backups[0].generations = 3;
	systems[0].backups[0].restore_ok = TRI3_NO;
	backup_decide(&a, &d);
	assert_int_equal(d.shortfalls[0],
	                 SHORT_SINGLE_METHOD | SHORT_NO_OFFLINE | SHORT_RESTORE_FAILED);
	backup_decision_dispose(&d);
	assert_string_equal(backup_shortfall_key(SHORT_RESTORE_UNTESTED), "restore_untested");
}

static int read_text(const char *json, struct backup_answers **a, struct ms_diags *d)
{
	struct ms_error err;

	return backup_read(json, strlen(json), "q.json", a, d, &err);
}

static int has(const struct ms_diags *d, const char *where)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i].where, where))
			return 1;
	return 0;
}

/* Every problem is named by its place; nothing of a bad file is kept. */
static void questionnaire_problems(void **state)
{
	struct backup_answers *a = NULL;
	struct ms_diags d = { 0 };

	(void)state;
	assert_int_equal(read_text("{\"medsec_backup\": 1, \"systems\": [{\"name\": \"電子カルテ\","
	                           " \"backups\": [{\"method\": \"full\", \"medium\": \"floppy\","
	                           " \"conection\": \"always\", \"generations\": 0,"
	                           " \"restore_tested_on\": \"2026/01/01\"}]}],"
	                           " \"intent\": {\"support_needed\": true, \"new_server\": true}}",
	                           &a, &d),
	                 MS_ERR_INPUT);
	assert_null(a);
	assert_true(has(&d, "q.json:/systems/0/backups/0/medium"));     /* not a medium */
	assert_true(has(&d, "q.json:/systems/0/backups/0/conection"));  /* misspelt: unknown */
	assert_true(has(&d, "q.json:/systems/0/backups/0/connection")); /* so: missing */
	assert_true(has(&d, "q.json:/systems/0/backups/0/generations"));
	assert_true(has(&d, "q.json:/systems/0/backups/0/restore_tested_on"));
	assert_true(has(&d, "q.json:/intent/procure"));     /* a new server: when? */
	assert_true(has(&d, "q.json:/intent/destination")); /* support: where to? */
	ms_diags_dispose(&d);

	memset(&d, 0, sizeof(d));
	assert_int_equal(read_text("{\"medsec_backup\": 1, \"systems\": [{\"name\": \"x\", "
	                           "\"backups\": []}], \"intent\": {}}",
	                           &a, &d),
	                 MS_ERR_INPUT);
	assert_int_equal(d.v[0].msg, MSG_BACKUP_NO_INTENT);
	ms_diags_dispose(&d);

	memset(&d, 0, sizeof(d));
	assert_int_equal(
	        read_text("{\"medsec_backup\": 1, \"answered_on\": \"2026-11-20\","
	                  " \"systems\": [{\"name\": \"オーダリング (EMR 連携)\","
	                  " \"backups\": [{\"method\": \"snapshot\", \"medium\": \"cloud\","
	                  " \"connection\": \"always\", \"cloud_separated\": true}]}],"
	                  " \"intent\": {\"operating\": true}}",
	                  &a, &d),
	        MS_OK);
	assert_int_equal(d.n, 0);
	assert_true(a->systems[0].ehr); /* its name says EMR */
	assert_true(a->systems[0].needed_for_care);
	assert_int_equal(a->systems[0].backups[0].cloud_separated, TRI3_YES);
	backup_answers_free(a);
	ms_diags_dispose(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(offline_rules),
		cmocka_unit_test(categories),
		cmocka_unit_test(guideline_conditions),
		cmocka_unit_test(questionnaire_problems),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
