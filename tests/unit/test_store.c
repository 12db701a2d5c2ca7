/* test_store.c - the SQLite store: migrations, revisions, rounds, plans, confirmations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "medsec/store.h"

static char db_path[64];

static int setup(void **state)
{
	snprintf(db_path, sizeof(db_path), "/tmp/medsec-store-%ld.db", (long)getpid());
	unlink(db_path);
	return 0;
}

static int teardown(void **state)
{
	char p[80];

	unlink(db_path);
	snprintf(p, sizeof(p), "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db_path);
	unlink(p);
	return 0;
}

static struct store *open_store(void)
{
	struct store *s;
	struct ms_error err;

	assert_int_equal(store_open(&s, db_path, &err), MS_OK);
	return s;
}

static void migrations_and_reopen(void **state)
{
	struct store *s = open_store();
	struct intake_revision rev;
	struct ms_error err;

	assert_int_equal(store_schema_version(s), 12);
	assert_int_equal(store_intake_save(s, "A病院", "{\"a\":1}", "a.xlsx", 0, &rev, &err),
	                 MS_OK);
	store_close(s);
	s = open_store(); /* a second open migrates nothing and keeps the data */
	assert_int_equal(store_schema_version(s), 12);
	assert_int_equal(store_intake_save(s, "A病院", "{\"a\":1}", "a.xlsx", 0, &rev, &err),
	                 MS_OK);
	assert_true(rev.unchanged);
	store_close(s);
}

static void revisions_not_duplicates(void **state)
{
	struct store *s = open_store();
	struct intake_revision rev;
	struct ms_error err;
	int64_t id, id2;
	char *name, *json;

	assert_int_equal(store_intake_save(s, "A病院", "{\"v\":1}", "a.xlsx", 0, &rev, &err),
	                 MS_OK);
	assert_int_equal(rev.revision, 1);
	assert_false(rev.unchanged);
	id = rev.hospital_id;
	assert_int_equal(store_intake_save(s, "A病院", "{\"v\":1}", "a.xlsx", 0, &rev, &err),
	                 MS_OK);
	assert_true(rev.unchanged);
	assert_int_equal(rev.revision, 1);
	assert_int_equal(store_intake_save(s, "A病院", "{\"v\":2}", "b.xlsx", 0, &rev, &err),
	                 MS_OK);
	assert_int_equal(rev.revision, 2);
	assert_int_equal(rev.hospital_id, id);
	assert_int_equal(store_hospital_find(s, NULL, &id2, &name, &err), MS_OK);
	assert_int_equal(id2, id);
	assert_string_equal(name, "A病院");
	free(name);
	assert_int_equal(store_intake_latest(s, id, &rev, &json, &err), MS_OK);
	assert_string_equal(json, "{\"v\":2}");
	assert_int_equal(rev.revision, 2);
	free(json);

	assert_int_equal(store_intake_save(s, "B病院", "{\"v\":1}", "c.xlsx", 1, &rev, &err),
	                 MS_OK);
	assert_true(rev.allow_test_addresses);
	assert_int_equal(store_hospital_find(s, NULL, &id2, &name, &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_WHICH_HOSPITAL);
	assert_non_null(strstr(err.arg, "A病院"));
	assert_non_null(strstr(err.arg, "B病院"));
	assert_int_equal(store_hospital_find(s, "B病院", &id2, &name, &err), MS_OK);
	free(name);
	assert_int_equal(store_hospital_find(s, "C病院", &id2, &name, &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_UNKNOWN_HOSPITAL);
	store_close(s);
}

static void rounds_plans_confirmations(void **state)
{
	struct store *s = open_store();
	struct intake_revision rev;
	struct survey_round r1, r2, again;
	struct ms_error err;
	struct plan p = { 0 }, *loaded;
	struct plan_line lines[2] = {
		{ .line_no = 1,
		  .declared_no = 1,
		  .use = (char[]){ "電子カルテ" },
		  .link_type = LINK_INTERNET_VPN,
		  .global_ip_use = TRI_YES,
		  .ip_kind = IP_STATIC,
		  .global_ip = (char[]){ "203.0.113.1" },
		  .request_diagnosis = 1,
		  .eligibility = ELIG_YES,
		  .table_row = 10,
		  .status = STATUS_TARGET,
		  .target = (char[]){ "203.0.113.1" } },
		{ .line_no = 2,
		  .declared_no = 5,
		  .link_type = LINK_INTERNET,
		  .ip_kind = IP_DYNAMIC,
		  .eligibility = ELIG_CONSULT,
		  .table_row = 6,
		  .reason = REASON_DAY_IP,
		  .status = STATUS_NEEDS_DAY_IP,
		  .declared_row = 19,
		  .confirmed_ip = (char[]){ "203.0.113.9" },
		  .confirmed_at = (char[]){ "2026-11-23T00:00:00Z" },
		  .confirmed_by = (char[]){ "山田" },
		  .meeting_confirmed = 1,
		  .meeting_at = (char[]){ "2026-11-20T00:00:00Z" },
		  .meeting_by = (char[]){ "佐藤" } },
	};
	struct plan_out_of_scope oos = { 2, (char[]){ "電話" }, REASON_PHONE_ONLY };
	struct confirmation c = { .declared_no = 5,
		                  .kind = CONFIRM_DAY_IP,
		                  .address = "203.0.113.9",
		                  .confirmed_at = "2026-11-23T00:00:00Z" };
	struct confirmation *list;
	size_t n;

	assert_int_equal(store_intake_save(s, "A病院", "{}", NULL, 0, &rev, &err), MS_OK);
	assert_int_equal(store_round_current(s, rev.hospital_id, &r1, &err), MS_OK);
	assert_int_equal(r1.round_no, 1);
	assert_false(r1.has_plan);
	assert_int_equal(store_round_current(s, rev.hospital_id, &again, &err), MS_OK);
	assert_int_equal(again.id, r1.id); /* current, not new */
	assert_int_equal(store_plan_load(s, r1.id, &loaded, &err), MS_OK);
	assert_null(loaded);

	p.hospital = (char[]){ "A病院" };
	p.created_at = (char[]){ "2026-11-23T00:00:00Z" };
	p.lines = lines;
	p.n_lines = 2;
	p.out_of_scope = &oos;
	p.n_out_of_scope = 1;
	assert_int_equal(store_plan_save(s, r1.id, rev.id, &p, &err), MS_OK);
	assert_int_equal(store_plan_save(s, r1.id, rev.id, &p, &err), MS_OK); /* replaces */
	assert_int_equal(store_plan_load(s, r1.id, &loaded, &err), MS_OK);
	assert_non_null(loaded);
	assert_int_equal(loaded->n_lines, 2);
	assert_int_equal(loaded->round_no, 1);
	assert_int_equal(loaded->revision, 1);
	assert_string_equal(loaded->lines[0].use, "電子カルテ");
	assert_string_equal(loaded->lines[0].target, "203.0.113.1");
	assert_int_equal(loaded->lines[0].table_row, 10);
	assert_int_equal(loaded->lines[1].declared_no, 5);
	assert_int_equal(loaded->lines[1].reason, REASON_DAY_IP);
	assert_null(loaded->lines[1].target);
	assert_int_equal(loaded->lines[1].declared_row, 19);
	assert_string_equal(loaded->lines[1].confirmed_at, "2026-11-23T00:00:00Z");
	assert_string_equal(loaded->lines[1].confirmed_by, "山田");
	assert_string_equal(loaded->lines[1].meeting_at, "2026-11-20T00:00:00Z");
	assert_string_equal(loaded->lines[1].meeting_by, "佐藤");
	assert_null(loaded->lines[0].confirmed_by);
	assert_int_equal(loaded->n_out_of_scope, 1);
	assert_int_equal(loaded->out_of_scope[0].reason, REASON_PHONE_ONLY);
	plan_free(loaded);

	assert_int_equal(store_confirm_save(s, r1.id, &c, &err), MS_OK);
	snprintf(c.address, sizeof(c.address), "203.0.113.10");
	snprintf(c.by, sizeof(c.by), "山田 太郎");
	assert_int_equal(store_confirm_save(s, r1.id, &c, &err), MS_OK); /* the latest wins */
	/* A row-19 meeting's answers, stored by key (never an enum's ordinal). */
	struct confirmation m = { .declared_no = 7,
		                  .kind = CONFIRM_MEETING,
		                  .confirmed_at = "2026-11-20T00:00:00Z",
		                  .by = "佐藤",
		                  .global_ip_use = TRI_YES,
		                  .ip_kind = IP_DYNAMIC,
		                  .fqdn = "vpn.example.jp" };
	assert_int_equal(store_confirm_save(s, r1.id, &m, &err), MS_OK);
	assert_int_equal(store_confirm_list(s, r1.id, &list, &n, &err), MS_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].address, "203.0.113.10");
	assert_string_equal(list[0].by, "山田 太郎");
	assert_int_equal(list[0].global_ip_use, TRI_UNSET);
	assert_int_equal(list[1].global_ip_use, TRI_YES);
	assert_int_equal(list[1].ip_kind, IP_DYNAMIC);
	assert_string_equal(list[1].fqdn, "vpn.example.jp");
	free(list);

	/* A re-survey: a new round with its own (empty) plan and confirmations. */
	assert_int_equal(store_round_new(s, rev.hospital_id, &r2, &err), MS_OK);
	assert_int_equal(r2.round_no, 2);
	assert_int_equal(store_plan_load(s, r2.id, &loaded, &err), MS_OK);
	assert_null(loaded);
	assert_int_equal(store_confirm_list(s, r2.id, &list, &n, &err), MS_OK);
	assert_int_equal(n, 0);
	free(list);
	assert_int_equal(store_round_current(s, rev.hospital_id, &again, &err), MS_OK);
	assert_int_equal(again.round_no, 2);
	store_close(s);
}

static void refuses_what_it_cannot_trust(void **state)
{
	struct store *s;
	struct ms_error err;
	sqlite3 *db;
	FILE *f;

	/* A newer schema than this program knows. */
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&s, db_path, &err), MS_ERR_SYSTEM);
	assert_int_equal(err.msg, MSG_STORE_SCHEMA_NEWER);
	teardown(state);

	/* Not a database at all. */
	f = fopen(db_path, "w");
	assert_non_null(f);
	fputs("this is a spreadsheet, honest\n", f);
	for (int i = 0; i < 100; i++)
		fputs("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n", f);
	fclose(f);
	assert_int_equal(store_open(&s, db_path, &err), MS_ERR_SYSTEM);
	assert_int_equal(err.msg, MSG_STORE_OPEN);
	assert_string_equal(err.where, db_path);

	assert_int_equal(store_open(&s, "postgresql://localhost/medsec", &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_STORE_UNSUPPORTED);
}

/* A store written by schema 7 kept enumerations as the program's numbers; 8 turns them into keys. */
static void enum_numbers_become_keys(void **state)
{
	struct store *s = open_store();
	struct intake_revision rev;
	struct survey_round r;
	struct ms_error err;
	struct plan p = { 0 }, *loaded;
	struct plan_line line = { .line_no = 1, .declared_no = 1, .table_row = 6 };
	struct plan_out_of_scope oos = { 2, (char[]){ "電話" }, REASON_NONE };
	struct confirmation *list;
	struct scan_record rec = { 0 };
	struct scan_host_row host = { .address = "203.0.113.1", .line_no = 1 };
	sqlite3 *db;
	sqlite3_stmt *st;
	size_t n;

	assert_int_equal(store_intake_save(s, "A病院", "{}", NULL, 0, &rev, &err), MS_OK);
	assert_int_equal(store_round_current(s, rev.hospital_id, &r, &err), MS_OK);
	p.hospital = (char[]){ "A病院" };
	p.created_at = (char[]){ "2026-11-23T00:00:00Z" };
	p.lines = &line;
	p.n_lines = 1;
	p.out_of_scope = &oos;
	p.n_out_of_scope = 1;
	assert_int_equal(store_plan_save(s, r.id, rev.id, &p, &err), MS_OK);
	struct confirmation c = { .declared_no = 1, .kind = CONFIRM_MEETING, .confirmed_at = "x" };
	assert_int_equal(store_confirm_save(s, r.id, &c, &err), MS_OK);
	rec.round_id = r.id;
	assert_int_equal(store_scan_begin(s, &rec, &host, 1, &err), MS_OK);
	store_close(s);

	/* What schema 7 wrote: numbers (enum link_type 2, eligibility 2, reason 4, status 2 ...). */
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(
	        sqlite3_exec(
	                db,
	                "UPDATE plan_line SET link_type = 2, global_ip_use = 3, ip_kind = 2,"
	                " eligibility = 2, reason = 4, status = 2;"
	                "UPDATE plan_out_of_scope SET reason = 10;"
	                "UPDATE line_confirmation SET kind = 2;"
	                "UPDATE scan SET status = 2;"
	                "DROP TABLE terminal_collection; DROP TABLE reference_list; DROP TABLE backup_answer;"
	                " DROP TABLE checklist_answer;"
	                " PRAGMA user_version = 7;",
	                NULL, NULL, NULL),
	        SQLITE_OK);
	sqlite3_close(db);

	s = open_store();
	assert_int_equal(store_schema_version(s), 12);
	assert_int_equal(store_plan_load(s, r.id, &loaded, &err), MS_OK);
	assert_int_equal(loaded->lines[0].link_type, LINK_INTERNET_VPN);
	assert_int_equal(loaded->lines[0].global_ip_use, TRI_UNKNOWN);
	assert_int_equal(loaded->lines[0].ip_kind, IP_DYNAMIC);
	assert_int_equal(loaded->lines[0].eligibility, ELIG_CONSULT);
	assert_int_equal(loaded->lines[0].reason, REASON_DAY_IP);
	assert_int_equal(loaded->lines[0].status, STATUS_NEEDS_DAY_IP);
	assert_int_equal(loaded->out_of_scope[0].reason, REASON_PHONE_ONLY);
	plan_free(loaded);
	assert_int_equal(store_confirm_list(s, r.id, &list, &n, &err), MS_OK);
	assert_int_equal(list[0].kind, CONFIRM_MEETING);
	free(list);
	assert_int_equal(store_scan_latest(s, r.id, &rec, &err), MS_OK);
	assert_int_equal(rec.status, SCAN_INTERRUPTED);
	store_close(s);

	/* And the file itself now holds the keys. */
	assert_int_equal(sqlite3_open(db_path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(
	                         db, "SELECT link_type, eligibility, reason, status FROM plan_line",
	                         -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "internet_vpn");
	assert_string_equal((const char *)sqlite3_column_text(st, 1), "consult");
	assert_string_equal((const char *)sqlite3_column_text(st, 2), "day_ip");
	assert_string_equal((const char *)sqlite3_column_text(st, 3), "needs_day_ip");
	sqlite3_finalize(st);
	sqlite3_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(migrations_and_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(revisions_not_duplicates, setup, teardown),
		cmocka_unit_test_setup_teardown(rounds_plans_confirmations, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_what_it_cannot_trust, setup, teardown),
		cmocka_unit_test_setup_teardown(enum_numbers_become_keys, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
