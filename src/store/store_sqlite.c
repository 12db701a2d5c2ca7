/*
 * store_sqlite.c - the SQLite backend: one file, WAL, foreign keys on,
 * schema migrations applied in order on open (PRAGMA user_version).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "medsec/clock.h"
#include "medsec/mem.h"
#include "store/store_int.h"

/* Append only: a shipped migration is never edited, a new one is added. */
/* Migration 8: the plan reasons' numbers (enum plan_reason as it was) to their keys. */
#define REASON_CASE(col)                                                                           \
	"CASE " col " WHEN 1 THEN 'server_possible' WHEN 2 THEN 'ip_fqdn_link'"                    \
	" WHEN 3 THEN 'line_fqdn_link' WHEN 4 THEN 'day_ip' WHEN 5 THEN 'nothing_to_scan'"         \
	" WHEN 6 THEN 'closed_network' WHEN 7 THEN 'no_global_ip' WHEN 8 THEN 'unknown_global_ip'" \
	" WHEN 9 THEN 'not_ehr_connected' WHEN 10 THEN 'phone_only' ELSE 'none' END"

static const char *const migrations[] = {
	/* 1: hospitals, intake revisions, survey rounds, plans, confirmations */
	"CREATE TABLE hospital ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL UNIQUE,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE intake_revision ("
	"  id INTEGER PRIMARY KEY,"
	"  hospital_id INTEGER NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,"
	"  revision INTEGER NOT NULL,"
	"  imported_at TEXT NOT NULL,"
	"  source TEXT,"
	"  allow_test_addresses INTEGER NOT NULL DEFAULT 0,"
	"  intake_json TEXT NOT NULL,"
	"  UNIQUE (hospital_id, revision));"
	"CREATE TABLE survey_round ("
	"  id INTEGER PRIMARY KEY,"
	"  hospital_id INTEGER NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,"
	"  round_no INTEGER NOT NULL,"
	"  started_at TEXT NOT NULL,"
	"  revision_id INTEGER REFERENCES intake_revision(id),"
	"  planned_at TEXT,"
	"  UNIQUE (hospital_id, round_no));"
	"CREATE TABLE plan_line ("
	"  round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,"
	"  line_no INTEGER NOT NULL,"
	"  declared_no INTEGER NOT NULL,"
	"  use TEXT, link_type INTEGER, global_ip_use INTEGER, ip_kind INTEGER,"
	"  global_ip TEXT, fqdn TEXT, provider TEXT, termination_location TEXT,"
	"  request_device_check INTEGER NOT NULL, request_diagnosis INTEGER NOT NULL,"
	"  eligibility INTEGER NOT NULL, table_row INTEGER NOT NULL, reason INTEGER NOT NULL,"
	"  status INTEGER NOT NULL, confirmed_ip TEXT, meeting_confirmed INTEGER NOT NULL,"
	"  target TEXT,"
	"  PRIMARY KEY (round_id, line_no));"
	"CREATE TABLE plan_out_of_scope ("
	"  round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,"
	"  declared_no INTEGER NOT NULL,"
	"  use TEXT,"
	"  reason INTEGER NOT NULL,"
	"  PRIMARY KEY (round_id, declared_no));"
	"CREATE TABLE line_confirmation ("
	"  round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,"
	"  declared_no INTEGER NOT NULL,"
	"  kind INTEGER NOT NULL,"
	"  address TEXT,"
	"  confirmed_at TEXT NOT NULL,"
	"  PRIMARY KEY (round_id, declared_no, kind));",
	/* 2: port scans of a round, resumable from their checkpoint */
	"CREATE TABLE scan ("
	"  id INTEGER PRIMARY KEY,"
	"  round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,"
	"  method TEXT NOT NULL,"
	"  started_at TEXT NOT NULL,"
	"  finished_at TEXT,"
	"  status INTEGER NOT NULL,"
	"  source_address TEXT,"
	"  ports TEXT NOT NULL,"
	"  udp_ports TEXT NOT NULL,"
	"  seed INTEGER NOT NULL,"
	"  rate INTEGER NOT NULL, host_rate INTEGER NOT NULL, retries INTEGER NOT NULL,"
	"  timeout_ms INTEGER NOT NULL,"
	"  total INTEGER NOT NULL,"
	"  done INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE scan_host ("
	"  scan_id INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,"
	"  idx INTEGER NOT NULL,"
	"  address TEXT NOT NULL,"
	"  line_no INTEGER,"
	"  closed INTEGER NOT NULL DEFAULT 0,"
	"  filtered INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (scan_id, idx));"
	"CREATE TABLE scan_port ("
	"  scan_id INTEGER NOT NULL,"
	"  idx INTEGER NOT NULL,"
	"  proto TEXT NOT NULL,"
	"  port INTEGER NOT NULL,"
	"  state TEXT NOT NULL,"
	"  PRIMARY KEY (scan_id, idx, proto, port),"
	"  FOREIGN KEY (scan_id, idx) REFERENCES scan_host(scan_id, idx) ON DELETE CASCADE);"
	/* who authorised an ad-hoc target (scan --target), when, for which addresses */
	"CREATE TABLE scope_declaration ("
	"  id INTEGER PRIMARY KEY,"
	"  hospital_id INTEGER NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,"
	"  prefix TEXT NOT NULL,"
	"  authorised_by TEXT NOT NULL,"
	"  authorised_at TEXT NOT NULL,"
	"  note TEXT);",
	/* 3: what answers on each open port of a scan, with the reply it was decided from */
	"CREATE TABLE service ("
	"  scan_id INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,"
	"  address TEXT NOT NULL,"
	"  proto TEXT NOT NULL,"
	"  port INTEGER NOT NULL,"
	"  line_no INTEGER,"
	"  service TEXT, product TEXT, version TEXT, extra TEXT, device TEXT, cpe TEXT,"
	"  confidence INTEGER NOT NULL,"
	"  evidence TEXT,"
	"  decided_by TEXT,"
	"  tls_wrapped INTEGER NOT NULL,"
	"  tls TEXT,"
	"  error TEXT,"
	"  probed_at TEXT NOT NULL,"
	"  PRIMARY KEY (scan_id, address, proto, port));",
	/* 4: what the hospital agreed to beyond the plan (trying vendors' default accounts) */
	"CREATE TABLE consent ("
	"  id INTEGER PRIMARY KEY,"
	"  hospital_id INTEGER NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  granted_by TEXT NOT NULL,"
	"  granted_at TEXT NOT NULL,"
	"  note TEXT);",
	/* 5: what the probe found wrong on a scan's ports (checks of data/checks.json) */
	"CREATE TABLE finding ("
	"  scan_id INTEGER NOT NULL REFERENCES scan(id) ON DELETE CASCADE,"
	"  address TEXT NOT NULL,"
	"  proto TEXT NOT NULL,"
	"  port INTEGER NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  severity TEXT NOT NULL,"
	"  check_id TEXT NOT NULL,"
	"  detail TEXT,"
	"  PRIMARY KEY (scan_id, address, proto, port, check_id));",
	/* 6: what the survey team saw on site, per round: the validated onsite JSON, replaced whole */
	"CREATE TABLE onsite ("
	"  round_id INTEGER PRIMARY KEY REFERENCES survey_round(id) ON DELETE CASCADE,"
	"  json TEXT NOT NULL,"
	"  source TEXT,"
	"  recorded_at TEXT NOT NULL);",
	/* 7: who confirmed (seed 002's day-of address, the meeting), and what a row-19 meeting answered */
	"ALTER TABLE line_confirmation ADD COLUMN confirmed_by TEXT;"
	"ALTER TABLE line_confirmation ADD COLUMN global_ip_use TEXT;"
	"ALTER TABLE line_confirmation ADD COLUMN ip_kind TEXT;"
	"ALTER TABLE line_confirmation ADD COLUMN fqdn TEXT;"
	"ALTER TABLE plan_line ADD COLUMN confirmed_at TEXT;"
	"ALTER TABLE plan_line ADD COLUMN confirmed_by TEXT;"
	"ALTER TABLE plan_line ADD COLUMN meeting_at TEXT;"
	"ALTER TABLE plan_line ADD COLUMN meeting_by TEXT;"
	"ALTER TABLE plan_line ADD COLUMN declared_row INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE survey_round ADD COLUMN issuer TEXT;"
	"ALTER TABLE survey_round ADD COLUMN recipient TEXT;"
	"ALTER TABLE plan_line ADD COLUMN line_id TEXT;"
	"ALTER TABLE plan_line ADD COLUMN carrier TEXT;"
	"ALTER TABLE survey_round ADD COLUMN survey_on TEXT;"
	"ALTER TABLE survey_round ADD COLUMN diagnosis_on TEXT;",
	/* 8: enumerations as their stable keys (model_enum), never as the program's numbers */
	/* clang-format off */
	"UPDATE plan_line SET"
	"  link_type = CASE link_type WHEN 1 THEN 'internet' WHEN 2 THEN 'internet_vpn'"
	"    WHEN 3 THEN 'closed' WHEN 4 THEN 'phone_only' END,"
	"  global_ip_use = CASE global_ip_use WHEN 1 THEN 'yes' WHEN 2 THEN 'no' WHEN 3 THEN 'unknown' END,"
	"  ip_kind = CASE ip_kind WHEN 1 THEN 'static' WHEN 2 THEN 'dynamic' END,"
	"  eligibility = CASE eligibility WHEN 1 THEN 'yes' WHEN 2 THEN 'consult' ELSE 'no' END,"
	"  reason = " REASON_CASE("reason") ","
	"  status = CASE status WHEN 1 THEN 'target' WHEN 2 THEN 'needs_day_ip' WHEN 3 THEN 'needs_meeting'"
	"    WHEN 4 THEN 'not_eligible' WHEN 5 THEN 'not_requested' END;"
	"UPDATE plan_out_of_scope SET reason = " REASON_CASE("reason") ";"
	"UPDATE line_confirmation SET kind = CASE kind WHEN 1 THEN 'day_ip' WHEN 2 THEN 'meeting' END;"
	"UPDATE scan SET status = CASE status WHEN 1 THEN 'done' WHEN 2 THEN 'interrupted' ELSE 'running' END;",
	/* clang-format on */
	/* 9: the terminal survey: each PC's collector file, per round */
	"CREATE TABLE terminal_collection ("
	"  round_id INTEGER NOT NULL REFERENCES survey_round(id) ON DELETE CASCADE,"
	"  pc_key TEXT NOT NULL, host TEXT NOT NULL, declared_no INTEGER NOT NULL,"
	"  collected_at TEXT NOT NULL, imported_at TEXT NOT NULL, source TEXT, json TEXT NOT NULL,"
	"  PRIMARY KEY (round_id, pc_key));",
	/* 10: reference lists a user imports over the shipped data (the Windows lifecycle list) */
	"CREATE TABLE reference_list ("
	"  kind TEXT PRIMARY KEY, body TEXT NOT NULL, source TEXT NOT NULL,"
	"  imported_at TEXT NOT NULL);",
	/* 11: offline-backup questionnaires, every import kept (the newest is the hospital's answer) */
	"CREATE TABLE backup_answer ("
	"  id INTEGER PRIMARY KEY,"
	"  hospital_id INTEGER NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,"
	"  json TEXT NOT NULL, source TEXT, imported_at TEXT NOT NULL);",
	/* 12: the monthly checklist, an item's answer per month (the last answer of the month) */
	"CREATE TABLE checklist_answer ("
	"  hospital_id INTEGER NOT NULL REFERENCES hospital(id) ON DELETE CASCADE,"
	"  month TEXT NOT NULL, item INTEGER NOT NULL, level INTEGER NOT NULL,"
	"  proposed INTEGER, answered_by TEXT NOT NULL, answered_at TEXT NOT NULL,"
	"  PRIMARY KEY (hospital_id, month, item));",
};
#define N_MIGRATIONS ((int)(sizeof(migrations) / sizeof(migrations[0])))

struct sq {
	struct store base;
	sqlite3 *db;
};

static sqlite3 *db_of(struct store *s)
{
	return ((struct sq *)s)->db;
}

static int sq_fail(sqlite3 *db, struct ms_error *err)
{
	return ms_fail(err, MS_ERR_SYSTEM, MSG_STORE_FAILED, NULL, sqlite3_errmsg(db));
}

static int exec(sqlite3 *db, const char *sql, struct ms_error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		ms_fail(err, MS_ERR_SYSTEM, MSG_STORE_FAILED, NULL, msg ? msg : sql);
		sqlite3_free(msg);
		return MS_ERR_SYSTEM;
	}
	return MS_OK;
}

static int begin(sqlite3 *db, struct ms_error *err)
{
	return exec(db, "BEGIN IMMEDIATE", err);
}

static int end(sqlite3 *db, int rc, struct ms_error *err)
{
	if (rc == MS_OK)
		return exec(db, "COMMIT", err);
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, struct ms_error *err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) != SQLITE_OK)
		return sq_fail(db, err);
	return MS_OK;
}

static void copy_col(char *dst, size_t size, sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);

	snprintf(dst, size, "%s", v ? v : "");
}

/* A closed set stored by its key (never its ordinal); 0 when NULL or unknown. */
static int enum_col(const struct model_enum *set, sqlite3_stmt *st, int col)
{
	const char *v = (const char *)sqlite3_column_text(st, col);

	for (size_t i = 0; v && set[i].key; i++)
		if (strcmp(set[i].key, v) == 0)
			return set[i].value;
	return 0;
}

/* An enumeration's key, or none for a value without one (a column that may not be NULL). */
static const char *plan_key(const struct model_enum *set, int value, const char *none)
{
	const char *key = model_enum_key(set, value);

	return key ? key : none;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* Runs a statement that returns no rows; finalises it. */
static int run(sqlite3 *db, sqlite3_stmt *st, struct ms_error *err)
{
	int rc = sqlite3_step(st) == SQLITE_DONE ? MS_OK : sq_fail(db, err);

	sqlite3_finalize(st);
	return rc;
}

static int user_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int migrate(sqlite3 *db, struct ms_error *err)
{
	int v, rc;

	if ((rc = begin(db, err)))
		return rc;
	v = user_version(db);
	if (v > N_MIGRATIONS) {
		char arg[16];

		snprintf(arg, sizeof(arg), "%d", v);
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return ms_fail(err, MS_ERR_SYSTEM, MSG_STORE_SCHEMA_NEWER, NULL, arg);
	}
	for (rc = MS_OK; v >= 0 && v < N_MIGRATIONS && rc == MS_OK; v++) {
		char pragma[40];

		rc = exec(db, migrations[v], err);
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", v + 1);
		if (rc == MS_OK)
			rc = exec(db, pragma, err);
	}
	return end(db, rc, err);
}

static void sq_close(struct store *s)
{
	sqlite3_close(db_of(s));
	free(s);
}

static int sq_schema_version(struct store *s)
{
	return user_version(db_of(s));
}

static int64_t hospital_id_by_name(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	int64_t id = 0;

	if (sqlite3_prepare_v2(db, "SELECT id FROM hospital WHERE name = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	bind_text(st, 1, name);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The test suite's way to prove a crash mid-import leaves nothing behind. */
static void fault_point(const char *name)
{
	const char *f = getenv("MEDSEC_FAULT");

	if (f && strcmp(f, name) == 0)
		raise(SIGKILL);
}

/* The hospital's revision number `revision`, or its latest when 0; rev->id 0 when none. */
static int read_revision(sqlite3 *db, int64_t hospital_id, int revision,
                         struct intake_revision *rev, char **json_out, struct ms_error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(rev, 0, sizeof(*rev));
	if (json_out)
		*json_out = NULL;
	rc = prepare(
	        db,
	        "SELECT id, revision, imported_at, allow_test_addresses, intake_json FROM intake_revision"
	        " WHERE hospital_id = ? AND (? = 0 OR revision = ?) ORDER BY revision DESC LIMIT 1",
	        &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	sqlite3_bind_int(st, 2, revision);
	sqlite3_bind_int(st, 3, revision);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rev->hospital_id = hospital_id;
		rev->id = sqlite3_column_int64(st, 0);
		rev->revision = sqlite3_column_int(st, 1);
		snprintf(rev->imported_at, sizeof(rev->imported_at), "%s",
		         (const char *)sqlite3_column_text(st, 2));
		rev->allow_test_addresses = sqlite3_column_int(st, 3);
		if (json_out)
			*json_out = ms_xstrdup((const char *)sqlite3_column_text(st, 4));
		rc = MS_OK;
	} else {
		rc = rc == SQLITE_DONE ? MS_OK : sq_fail(db, err);
	}
	sqlite3_finalize(st);
	return rc;
}

static int sq_intake_save(struct store *s, const char *hospital, const char *json,
                          const char *source, int allow_test, struct intake_revision *out,
                          struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	char now[32], *prev = NULL;
	int64_t hid;
	int rc;

	ms_now_iso(now);
	memset(out, 0, sizeof(*out));
	if ((rc = begin(db, err)))
		return rc;
	hid = hospital_id_by_name(db, hospital);
	if (hid < 0) {
		rc = sq_fail(db, err);
		goto out;
	}
	if (hid == 0) {
		if ((rc = prepare(db, "INSERT INTO hospital (name, created_at) VALUES (?, ?)", &st,
		                  err)))
			goto out;
		bind_text(st, 1, hospital);
		bind_text(st, 2, now);
		if ((rc = run(db, st, err)))
			goto out;
		hid = sqlite3_last_insert_rowid(db);
	}
	if ((rc = read_revision(db, hid, 0, out, &prev, err)))
		goto out;
	if (prev && strcmp(prev, json) == 0 && out->allow_test_addresses == allow_test) {
		out->unchanged = 1;
		goto out;
	}
	if ((rc = prepare(db,
	                  "INSERT INTO intake_revision (hospital_id, revision, imported_at, source,"
	                  " allow_test_addresses, intake_json) VALUES (?, ?, ?, ?, ?, ?)",
	                  &st, err)))
		goto out;
	out->hospital_id = hid;
	out->revision++;
	out->allow_test_addresses = allow_test;
	snprintf(out->imported_at, sizeof(out->imported_at), "%s", now);
	sqlite3_bind_int64(st, 1, hid);
	sqlite3_bind_int(st, 2, out->revision);
	bind_text(st, 3, now);
	bind_text(st, 4, source);
	sqlite3_bind_int(st, 5, allow_test);
	bind_text(st, 6, json);
	if ((rc = run(db, st, err)))
		goto out;
	out->id = sqlite3_last_insert_rowid(db);
	fault_point("intake-before-commit");
out:
	free(prev);
	return end(db, rc, err);
}

static int sq_hospital_find(struct store *s, const char *name, int64_t *id, char **name_out,
                            struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	char names[400] = "";
	size_t len = 0;
	int n = 0, rc;

	*id = 0;
	*name_out = NULL;
	rc = prepare(db,
	             name ? "SELECT id, name FROM hospital WHERE name = ?"
	                  : "SELECT id, name FROM hospital ORDER BY id",
	             &st, err);
	if (rc)
		return rc;
	if (name)
		bind_text(st, 1, name);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *nm = (const char *)sqlite3_column_text(st, 1);

		if (n++ == 0) {
			*id = sqlite3_column_int64(st, 0);
			*name_out = ms_xstrdup(nm);
		}
		if (len < sizeof(names))
			len += (size_t)snprintf(names + len, sizeof(names) - len, "%s%s",
			                        len ? ", " : "", nm);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*name_out);
		*name_out = NULL;
		return sq_fail(db, err);
	}
	if (n == 1)
		return MS_OK;
	free(*name_out);
	*name_out = NULL;
	*id = 0;
	if (n == 0 && name)
		return ms_fail(err, MS_ERR_INPUT, MSG_UNKNOWN_HOSPITAL, NULL, name);
	if (n == 0)
		return ms_fail(err, MS_ERR_INPUT, MSG_NO_HOSPITAL, NULL, NULL);
	return ms_fail(err, MS_ERR_INPUT, MSG_WHICH_HOSPITAL, NULL, names);
}

static int sq_intake_get(struct store *s, int64_t hospital_id, int revision,
                         struct intake_revision *rev, char **json_out, struct ms_error *err)
{
	int rc = read_revision(db_of(s), hospital_id, revision, rev, json_out, err);

	if (rc == MS_OK && rev->id == 0)
		return ms_fail(err, MS_ERR_INPUT, MSG_NO_HOSPITAL, NULL, NULL);
	return rc;
}

/* The hospital's round round_no, or its latest when round_no is 0; out->id 0 when none. */
static int read_round(sqlite3 *db, int64_t hospital_id, int round_no, struct survey_round *out,
                      struct ms_error *err)
{
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "SELECT id, round_no, started_at, planned_at IS NOT NULL, issuer, recipient, survey_on,"
	        " diagnosis_on FROM survey_round"
	        " WHERE hospital_id = ? AND (? = 0 OR round_no = ?) ORDER BY round_no DESC LIMIT 1",
	        &st, err);

	if (rc)
		return rc;
	memset(out, 0, sizeof(*out));
	sqlite3_bind_int64(st, 1, hospital_id);
	sqlite3_bind_int(st, 2, round_no);
	sqlite3_bind_int(st, 3, round_no);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		out->hospital_id = hospital_id;
		out->round_no = sqlite3_column_int(st, 1);
		snprintf(out->started_at, sizeof(out->started_at), "%s",
		         (const char *)sqlite3_column_text(st, 2));
		out->has_plan = sqlite3_column_int(st, 3);
		copy_col(out->issuer, sizeof(out->issuer), st, 4);
		copy_col(out->recipient, sizeof(out->recipient), st, 5);
		copy_col(out->survey_on, sizeof(out->survey_on), st, 6);
		copy_col(out->diagnosis_on, sizeof(out->diagnosis_on), st, 7);
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MS_OK : sq_fail(db, err);
	sqlite3_finalize(st);
	return rc;
}

static int sq_round_get(struct store *s, int64_t hospital_id, int round_no,
                        struct survey_round *out, struct ms_error *err)
{
	return read_round(db_of(s), hospital_id, round_no, out, err);
}

static int sq_round_current(struct store *s, int64_t hospital_id, int start_new,
                            struct survey_round *out, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	char now[32];
	int rc;

	if ((rc = begin(db, err)))
		return rc;
	if ((rc = read_round(db, hospital_id, 0, out, err)))
		return end(db, rc, err);
	if (out->id && !start_new)
		return end(db, MS_OK, err);
	ms_now_iso(now);
	/* A re-survey keeps the previous round's cover fields. */
	if ((rc = prepare(
	             db,
	             "INSERT INTO survey_round (hospital_id, round_no, started_at, issuer, recipient)"
	             " VALUES (?, ?, ?, ?, ?)",
	             &st, err)))
		return end(db, rc, err);
	sqlite3_bind_int64(st, 1, hospital_id);
	sqlite3_bind_int(st, 2, out->round_no + 1);
	bind_text(st, 3, now);
	bind_text(st, 4, out->issuer[0] ? out->issuer : NULL);
	bind_text(st, 5, out->recipient[0] ? out->recipient : NULL);
	if ((rc = run(db, st, err)))
		return end(db, rc, err);
	rc = read_round(db, hospital_id, 0, out, err);
	return end(db, rc, err);
}

static int sq_round_set(struct store *s, int64_t round_id, const struct round_settings *r,
                        struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "UPDATE survey_round SET issuer = coalesce(?, issuer), recipient = coalesce(?, recipient),"
	        " survey_on = coalesce(?, survey_on), diagnosis_on = coalesce(?, diagnosis_on) WHERE id = ?",
	        &st, err);

	if (rc)
		return rc;
	bind_text(st, 1, r->issuer);
	bind_text(st, 2, r->recipient);
	bind_text(st, 3, r->survey_on);
	bind_text(st, 4, r->diagnosis_on);
	sqlite3_bind_int64(st, 5, round_id);
	return run(db, st, err);
}

static int sq_plan_save(struct store *s, int64_t round_id, int64_t revision_id,
                        const struct plan *p, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = begin(db, err)))
		return rc;
	if ((rc = prepare(db, "DELETE FROM plan_line WHERE round_id = ?", &st, err)))
		return end(db, rc, err);
	sqlite3_bind_int64(st, 1, round_id);
	if ((rc = run(db, st, err)))
		return end(db, rc, err);
	if ((rc = prepare(db, "DELETE FROM plan_out_of_scope WHERE round_id = ?", &st, err)))
		return end(db, rc, err);
	sqlite3_bind_int64(st, 1, round_id);
	if ((rc = run(db, st, err)))
		return end(db, rc, err);
	for (size_t i = 0; i < p->n_lines && rc == MS_OK; i++) {
		const struct plan_line *l = &p->lines[i];

		rc = prepare(
		        db,
		        "INSERT INTO plan_line (round_id, line_no, declared_no, use, link_type,"
		        " global_ip_use, ip_kind, global_ip, fqdn, provider,"
		        " termination_location, request_device_check, request_diagnosis,"
		        " eligibility, table_row, reason, status, confirmed_ip,"
		        " meeting_confirmed, target, confirmed_at, confirmed_by, meeting_at, meeting_by,"
		        " declared_row, line_id, carrier) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		        &st, err);
		if (rc)
			break;
		sqlite3_bind_int64(st, 1, round_id);
		sqlite3_bind_int(st, 2, l->line_no);
		sqlite3_bind_int(st, 3, l->declared_no);
		bind_text(st, 4, l->use);
		bind_text(st, 5, model_enum_key(model_link_types, (int)l->link_type));
		bind_text(st, 6, model_enum_key(model_yes_no_unknown, (int)l->global_ip_use));
		bind_text(st, 7, model_enum_key(model_ip_kinds, (int)l->ip_kind));
		bind_text(st, 8, l->global_ip);
		bind_text(st, 9, l->fqdn);
		bind_text(st, 10, l->provider);
		bind_text(st, 11, l->termination_location);
		sqlite3_bind_int(st, 12, l->request_device_check);
		sqlite3_bind_int(st, 13, l->request_diagnosis);
		bind_text(st, 14, plan_key(model_eligibilities, (int)l->eligibility, "no"));
		sqlite3_bind_int(st, 15, l->table_row);
		bind_text(st, 16, plan_key(model_plan_reasons, (int)l->reason, "none"));
		bind_text(st, 17, plan_key(model_plan_statuses, (int)l->status, "none"));
		bind_text(st, 18, l->confirmed_ip);
		sqlite3_bind_int(st, 19, l->meeting_confirmed);
		bind_text(st, 20, l->target);
		bind_text(st, 21, l->confirmed_at);
		bind_text(st, 22, l->confirmed_by);
		bind_text(st, 23, l->meeting_at);
		bind_text(st, 24, l->meeting_by);
		sqlite3_bind_int(st, 25, l->declared_row);
		bind_text(st, 26, l->line_id);
		bind_text(st, 27, l->carrier);
		rc = run(db, st, err);
	}
	for (size_t i = 0; i < p->n_out_of_scope && rc == MS_OK; i++) {
		rc = prepare(db,
		             "INSERT INTO plan_out_of_scope (round_id, declared_no, use, reason)"
		             " VALUES (?, ?, ?, ?)",
		             &st, err);
		if (rc)
			break;
		sqlite3_bind_int64(st, 1, round_id);
		sqlite3_bind_int(st, 2, p->out_of_scope[i].declared_no);
		bind_text(st, 3, p->out_of_scope[i].use);
		bind_text(st, 4,
		          plan_key(model_plan_reasons, (int)p->out_of_scope[i].reason, "none"));
		rc = run(db, st, err);
	}
	if (rc == MS_OK && (rc = prepare(db,
	                                 "UPDATE survey_round SET revision_id = ?, planned_at = ?"
	                                 " WHERE id = ?",
	                                 &st, err)) == MS_OK) {
		sqlite3_bind_int64(st, 1, revision_id);
		bind_text(st, 2, p->created_at);
		sqlite3_bind_int64(st, 3, round_id);
		rc = run(db, st, err);
	}
	return end(db, rc, err);
}

static char *col_text(struct plan *p, sqlite3_stmt *st, int i)
{
	return ms_arena_strdup(&p->arena, (const char *)sqlite3_column_text(st, i));
}

static int sq_plan_load(struct store *s, int64_t round_id, struct plan **out, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	struct plan *p;
	int rc;

	*out = NULL;
	rc = prepare(db,
	             "SELECT h.name, r.round_no, v.revision, r.planned_at FROM survey_round r"
	             " JOIN hospital h ON h.id = r.hospital_id"
	             " JOIN intake_revision v ON v.id = r.revision_id"
	             " WHERE r.id = ? AND r.planned_at IS NOT NULL",
	             &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = rc == SQLITE_DONE ? MS_OK : sq_fail(db, err);
		sqlite3_finalize(st);
		return rc;
	}
	p = ms_xcalloc(1, sizeof(*p));
	p->hospital = col_text(p, st, 0);
	p->round_no = sqlite3_column_int(st, 1);
	p->revision = sqlite3_column_int(st, 2);
	p->created_at = col_text(p, st, 3);
	sqlite3_finalize(st);

	rc = prepare(
	        db,
	        "SELECT line_no, declared_no, use, link_type, global_ip_use, ip_kind,"
	        " global_ip, fqdn, provider, termination_location, request_device_check,"
	        " request_diagnosis, eligibility, table_row, reason, status, confirmed_ip,"
	        " meeting_confirmed, target, confirmed_at, confirmed_by, meeting_at, meeting_by,"
	        " declared_row, line_id, carrier FROM plan_line WHERE round_id = ? ORDER BY line_no",
	        &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, round_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct plan_line *l;

		p->lines = ms_xrealloc(p->lines, (p->n_lines + 1) * sizeof(*p->lines));
		l = &p->lines[p->n_lines++];
		*l = (struct plan_line){
			.line_no = sqlite3_column_int(st, 0),
			.declared_no = sqlite3_column_int(st, 1),
			.use = col_text(p, st, 2),
			.link_type = (enum link_type)enum_col(model_link_types, st, 3),
			.global_ip_use = (enum tri)enum_col(model_yes_no_unknown, st, 4),
			.ip_kind = (enum ip_kind)enum_col(model_ip_kinds, st, 5),
			.global_ip = col_text(p, st, 6),
			.fqdn = col_text(p, st, 7),
			.provider = col_text(p, st, 8),
			.termination_location = col_text(p, st, 9),
			.request_device_check = sqlite3_column_int(st, 10),
			.request_diagnosis = sqlite3_column_int(st, 11),
			.eligibility = (enum eligibility)enum_col(model_eligibilities, st, 12),
			.table_row = sqlite3_column_int(st, 13),
			.reason = (enum plan_reason)enum_col(model_plan_reasons, st, 14),
			.status = (enum plan_status)enum_col(model_plan_statuses, st, 15),
			.confirmed_ip = col_text(p, st, 16),
			.meeting_confirmed = sqlite3_column_int(st, 17),
			.target = col_text(p, st, 18),
			.confirmed_at = col_text(p, st, 19),
			.confirmed_by = col_text(p, st, 20),
			.meeting_at = col_text(p, st, 21),
			.meeting_by = col_text(p, st, 22),
			.declared_row = sqlite3_column_int(st, 23),
			.line_id = col_text(p, st, 24),
			.carrier = col_text(p, st, 25),
		};
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = sq_fail(db, err);
		goto fail;
	}
	rc = prepare(db,
	             "SELECT declared_no, use, reason FROM plan_out_of_scope WHERE round_id = ?"
	             " ORDER BY declared_no",
	             &st, err);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, round_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct plan_out_of_scope *o;

		p->out_of_scope = ms_xrealloc(p->out_of_scope,
		                              (p->n_out_of_scope + 1) * sizeof(*p->out_of_scope));
		o = &p->out_of_scope[p->n_out_of_scope++];
		o->declared_no = sqlite3_column_int(st, 0);
		o->use = col_text(p, st, 1);
		o->reason = (enum plan_reason)enum_col(model_plan_reasons, st, 2);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = sq_fail(db, err);
		goto fail;
	}
	*out = p;
	return MS_OK;
fail:
	plan_free(p);
	return rc;
}

static int sq_confirm_save(struct store *s, int64_t round_id, const struct confirmation *c,
                           struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "INSERT OR REPLACE INTO line_confirmation (round_id, declared_no, kind, address,"
	        " confirmed_at, confirmed_by, global_ip_use, ip_kind, fqdn) VALUES (?,?,?,?,?,?,?,?,?)",
	        &st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	sqlite3_bind_int(st, 2, c->declared_no);
	bind_text(st, 3, model_enum_key(model_confirm_kinds, (int)c->kind));
	bind_text(st, 4, c->address[0] ? c->address : NULL);
	bind_text(st, 5, c->confirmed_at);
	bind_text(st, 6, c->by[0] ? c->by : NULL);
	bind_text(st, 7, model_enum_key(model_yes_no_unknown, (int)c->global_ip_use));
	bind_text(st, 8, model_enum_key(model_ip_kinds, (int)c->ip_kind));
	bind_text(st, 9, c->fqdn[0] ? c->fqdn : NULL);
	return run(db, st, err);
}

static int sq_confirm_list(struct store *s, int64_t round_id, struct confirmation **out, size_t *n,
                           struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "SELECT declared_no, kind, address, confirmed_at, confirmed_by, global_ip_use, ip_kind,"
	        " fqdn FROM line_confirmation"
	        " WHERE round_id = ? ORDER BY declared_no, kind",
	        &st, err);

	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct confirmation *c;
		const char *a = (const char *)sqlite3_column_text(st, 2);

		*out = ms_xrealloc(*out, (*n + 1) * sizeof(**out));
		c = &(*out)[(*n)++];
		memset(c, 0, sizeof(*c));
		c->declared_no = sqlite3_column_int(st, 0);
		c->kind = (enum confirm_kind)enum_col(model_confirm_kinds, st, 1);
		snprintf(c->address, sizeof(c->address), "%s", a ? a : "");
		snprintf(c->confirmed_at, sizeof(c->confirmed_at), "%s",
		         (const char *)sqlite3_column_text(st, 3));
		copy_col(c->by, sizeof(c->by), st, 4);
		c->global_ip_use = (enum tri)enum_col(model_yes_no_unknown, st, 5);
		c->ip_kind = (enum ip_kind)enum_col(model_ip_kinds, st, 6);
		copy_col(c->fqdn, sizeof(c->fqdn), st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return sq_fail(db, err);
	}
	return MS_OK;
}

static int sq_scan_begin(struct store *s, struct scan_record *rec,
                         const struct scan_host_row *hosts, size_t n_hosts, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc;

	if ((rc = begin(db, err)))
		return rc;
	rc = prepare(
	        db,
	        "INSERT INTO scan (round_id, method, started_at, status, source_address, ports,"
	        " seed, rate, host_rate, retries, timeout_ms, total, done, udp_ports)"
	        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
	        &st, err);
	if (rc)
		return end(db, rc, err);
	sqlite3_bind_int64(st, 1, rec->round_id);
	bind_text(st, 2, rec->method);
	bind_text(st, 3, rec->started_at);
	bind_text(st, 4, model_enum_key(model_scan_statuses, (int)rec->status));
	bind_text(st, 5, rec->source_address[0] ? rec->source_address : NULL);
	bind_text(st, 6, rec->ports);
	sqlite3_bind_int64(st, 7, (sqlite3_int64)rec->seed);
	sqlite3_bind_int(st, 8, (int)rec->rate);
	sqlite3_bind_int(st, 9, (int)rec->host_rate);
	sqlite3_bind_int(st, 10, (int)rec->retries);
	sqlite3_bind_int(st, 11, (int)rec->timeout_ms);
	sqlite3_bind_int64(st, 12, (sqlite3_int64)rec->total);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)rec->done);
	bind_text(st, 14, rec->udp_ports);
	if ((rc = run(db, st, err)))
		return end(db, rc, err);
	rec->id = sqlite3_last_insert_rowid(db);
	for (size_t i = 0; i < n_hosts && rc == MS_OK; i++) {
		rc = prepare(
		        db,
		        "INSERT INTO scan_host (scan_id, idx, address, line_no) VALUES (?,?,?,?)",
		        &st, err);
		if (rc)
			break;
		sqlite3_bind_int64(st, 1, rec->id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
		bind_text(st, 3, hosts[i].address);
		sqlite3_bind_int(st, 4, hosts[i].line_no);
		rc = run(db, st, err);
	}
	return end(db, rc, err);
}

static int sq_scan_checkpoint(struct store *s, int64_t scan_id, uint64_t done,
                              const struct scan_port_row *found, size_t n_found,
                              const uint32_t *closed, const uint32_t *filtered, size_t n_hosts,
                              struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = begin(db, err)))
		return rc;
	/* A resumed scan meets some ports again: the same row, replaced. */
	rc = prepare(db,
	             "INSERT OR REPLACE INTO scan_port (scan_id, idx, proto, port, state)"
	             " VALUES (?,?,?,?,?)",
	             &st, err);
	for (size_t i = 0; i < n_found && rc == MS_OK; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, scan_id);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)found[i].host);
		bind_text(st, 3, found[i].proto);
		sqlite3_bind_int(st, 4, found[i].port);
		bind_text(st, 5, found[i].state);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sq_fail(db, err);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == MS_OK)
		rc = prepare(
		        db,
		        "UPDATE scan_host SET closed = ?, filtered = ? WHERE scan_id = ? AND idx = ?",
		        &st, err);
	for (size_t i = 0; i < n_hosts && rc == MS_OK; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, closed[i]);
		sqlite3_bind_int64(st, 2, filtered[i]);
		sqlite3_bind_int64(st, 3, scan_id);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)i);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sq_fail(db, err);
	}
	sqlite3_finalize(st);
	if (rc == MS_OK &&
	    (rc = prepare(db, "UPDATE scan SET done = ? WHERE id = ?", &st, err)) == MS_OK) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)done);
		sqlite3_bind_int64(st, 2, scan_id);
		rc = run(db, st, err);
	}
	return end(db, rc, err);
}

static int sq_services_save(struct store *s, int64_t scan_id, const struct service_row *rows,
                            size_t n, const struct finding_row *found, size_t nfound,
                            const char *probed_at, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = begin(db, err)))
		return rc;
	/* A new probe of the scan replaces the last one whole: services and findings. */
	if ((rc = prepare(db, "DELETE FROM service WHERE scan_id = ?", &st, err)) == MS_OK) {
		sqlite3_bind_int64(st, 1, scan_id);
		rc = run(db, st, err);
	}
	if (rc == MS_OK &&
	    (rc = prepare(db, "DELETE FROM finding WHERE scan_id = ?", &st, err)) == MS_OK) {
		sqlite3_bind_int64(st, 1, scan_id);
		rc = run(db, st, err);
	}
	if (rc == MS_OK)
		rc = prepare(
		        db,
		        "INSERT INTO service (scan_id, address, proto, port, line_no, service, product,"
		        " version, extra, device, cpe, confidence, evidence, decided_by, tls_wrapped,"
		        " tls, error, probed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		        &st, err);
	for (size_t i = 0; i < n && rc == MS_OK; i++) {
		const struct service_row *r = &rows[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, scan_id);
		bind_text(st, 2, r->address);
		bind_text(st, 3, r->proto);
		sqlite3_bind_int(st, 4, r->port);
		sqlite3_bind_int(st, 5, r->line_no);
		bind_text(st, 6, r->service);
		bind_text(st, 7, r->product);
		bind_text(st, 8, r->version);
		bind_text(st, 9, r->extra);
		bind_text(st, 10, r->device);
		bind_text(st, 11, r->cpe);
		sqlite3_bind_int(st, 12, r->confidence);
		bind_text(st, 13, r->evidence);
		bind_text(st, 14, r->decided_by);
		sqlite3_bind_int(st, 15, r->tls_wrapped);
		bind_text(st, 16, r->tls_json);
		bind_text(st, 17, r->error);
		bind_text(st, 18, probed_at);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sq_fail(db, err);
	}
	sqlite3_finalize(st);
	st = NULL;
	if (rc == MS_OK)
		rc = prepare(
		        db,
		        "INSERT OR REPLACE INTO finding (scan_id, address, proto, port, kind, severity,"
		        " check_id, detail) VALUES (?,?,?,?,?,?,?,?)",
		        &st, err);
	for (size_t i = 0; i < nfound && rc == MS_OK; i++) {
		const struct finding_row *f = &found[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, scan_id);
		bind_text(st, 2, f->address);
		bind_text(st, 3, f->proto);
		sqlite3_bind_int(st, 4, f->port);
		bind_text(st, 5, plan_key(model_finding_kinds, (int)f->kind, "exposure"));
		bind_text(st, 6, plan_key(model_finding_severities, (int)f->severity, "info"));
		bind_text(st, 7, f->check);
		bind_text(st, 8, f->detail[0] ? f->detail : NULL);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sq_fail(db, err);
	}
	sqlite3_finalize(st);
	return end(db, rc, err);
}

static int sq_scan_finish(struct store *s, int64_t scan_id, enum scan_status status,
                          const char *finished_at, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db, "UPDATE scan SET status = ?, finished_at = ? WHERE id = ?", &st, err);

	if (rc)
		return rc;
	bind_text(st, 1, model_enum_key(model_scan_statuses, (int)status));
	bind_text(st, 2, finished_at);
	sqlite3_bind_int64(st, 3, scan_id);
	return run(db, st, err);
}

static int sq_scan_latest(struct store *s, int64_t round_id, struct scan_record *rec,
                          struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "SELECT id, method, started_at, finished_at, status, source_address, ports,"
	        " seed, rate, host_rate, retries, timeout_ms, total, done, udp_ports FROM scan"
	        " WHERE round_id = ? ORDER BY id DESC LIMIT 1",
	        &st, err);

	memset(rec, 0, sizeof(*rec));
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		rec->id = sqlite3_column_int64(st, 0);
		rec->round_id = round_id;
		copy_col(rec->method, sizeof(rec->method), st, 1);
		copy_col(rec->started_at, sizeof(rec->started_at), st, 2);
		copy_col(rec->finished_at, sizeof(rec->finished_at), st, 3);
		rec->status = (enum scan_status)enum_col(model_scan_statuses, st, 4);
		copy_col(rec->source_address, sizeof(rec->source_address), st, 5);
		copy_col(rec->ports, sizeof(rec->ports), st, 6);
		rec->seed = (uint64_t)sqlite3_column_int64(st, 7);
		rec->rate = (unsigned)sqlite3_column_int(st, 8);
		rec->host_rate = (unsigned)sqlite3_column_int(st, 9);
		rec->retries = (unsigned)sqlite3_column_int(st, 10);
		rec->timeout_ms = (unsigned)sqlite3_column_int(st, 11);
		rec->total = (uint64_t)sqlite3_column_int64(st, 12);
		rec->done = (uint64_t)sqlite3_column_int64(st, 13);
		copy_col(rec->udp_ports, sizeof(rec->udp_ports), st, 14);
	}
	rc = (rc == SQLITE_ROW || rc == SQLITE_DONE) ? MS_OK : sq_fail(db, err);
	sqlite3_finalize(st);
	return rc;
}

static int sq_scan_results(struct store *s, int64_t scan_id, struct scan_host_row **hosts,
                           size_t *n_hosts, struct scan_port_row **ports, size_t *n_ports,
                           struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc;

	*hosts = NULL;
	*ports = NULL;
	*n_hosts = *n_ports = 0;
	rc = prepare(db,
	             "SELECT address, line_no, closed, filtered FROM scan_host WHERE scan_id = ?"
	             " ORDER BY idx",
	             &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, scan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct scan_host_row *h;

		*hosts = ms_xrealloc(*hosts, (*n_hosts + 1) * sizeof(**hosts));
		h = &(*hosts)[(*n_hosts)++];
		copy_col(h->address, sizeof(h->address), st, 0);
		h->line_no = sqlite3_column_int(st, 1);
		h->closed = (uint32_t)sqlite3_column_int64(st, 2);
		h->filtered = (uint32_t)sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	rc = prepare(db,
	             "SELECT idx, proto, port, state FROM scan_port WHERE scan_id = ?"
	             " ORDER BY idx, proto, port",
	             &st, err);
	if (rc)
		goto fail_rc;
	sqlite3_bind_int64(st, 1, scan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct scan_port_row *p;

		*ports = ms_xrealloc(*ports, (*n_ports + 1) * sizeof(**ports));
		p = &(*ports)[(*n_ports)++];
		p->host = (size_t)sqlite3_column_int64(st, 0);
		copy_col(p->proto, sizeof(p->proto), st, 1);
		p->port = (uint16_t)sqlite3_column_int(st, 2);
		copy_col(p->state, sizeof(p->state), st, 3);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return MS_OK;
fail:
	rc = sq_fail(db, err);
fail_rc:
	free(*hosts);
	free(*ports);
	*hosts = NULL;
	*ports = NULL;
	*n_hosts = *n_ports = 0;
	return rc;
}

static int sq_scope_add(struct store *s, int64_t hospital_id, const struct scope_decl *d,
                        struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "INSERT INTO scope_declaration (hospital_id, prefix, authorised_by,"
	                 " authorised_at, note) VALUES (?,?,?,?,?)",
	                 &st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	bind_text(st, 2, d->prefix);
	bind_text(st, 3, d->authorised_by);
	bind_text(st, 4, d->authorised_at);
	bind_text(st, 5, d->note[0] ? d->note : NULL);
	return run(db, st, err);
}

static int sq_consent_add(struct store *s, int64_t hospital_id, const struct consent *c,
                          struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "INSERT INTO consent (hospital_id, kind, granted_by, granted_at, note)"
	                 " VALUES (?,?,?,?,?)",
	                 &st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	bind_text(st, 2, c->kind);
	bind_text(st, 3, c->granted_by);
	bind_text(st, 4, c->granted_at);
	bind_text(st, 5, c->note[0] ? c->note : NULL);
	return run(db, st, err);
}

static int sq_consent_find(struct store *s, int64_t hospital_id, const char *kind,
                           struct consent *out, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "SELECT granted_by, granted_at, note FROM consent WHERE hospital_id = ? AND kind = ?"
	        " ORDER BY id DESC LIMIT 1",
	        &st, err);

	memset(out, 0, sizeof(*out));
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	bind_text(st, 2, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(out->kind, sizeof(out->kind), "%s", kind);
		copy_col(out->granted_by, sizeof(out->granted_by), st, 0);
		copy_col(out->granted_at, sizeof(out->granted_at), st, 1);
		copy_col(out->note, sizeof(out->note), st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MS_OK : sq_fail(db, err);
}

static int sq_scope_list(struct store *s, int64_t hospital_id, struct scope_decl **out, size_t *n,
                         struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "SELECT prefix, authorised_by, authorised_at, note FROM scope_declaration"
	                 " WHERE hospital_id = ? ORDER BY id",
	                 &st, err);

	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct scope_decl *d;

		*out = ms_xrealloc(*out, (*n + 1) * sizeof(**out));
		d = &(*out)[(*n)++];
		copy_col(d->prefix, sizeof(d->prefix), st, 0);
		copy_col(d->authorised_by, sizeof(d->authorised_by), st, 1);
		copy_col(d->authorised_at, sizeof(d->authorised_at), st, 2);
		copy_col(d->note, sizeof(d->note), st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return sq_fail(db, err);
	}
	return MS_OK;
}

static int sq_services_load(struct store *s, int64_t scan_id, struct service_row **rows, size_t *n,
                            struct finding_row **found, size_t *nfound, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc;

	*rows = NULL;
	*found = NULL;
	*n = *nfound = 0;
	rc = prepare(
	        db,
	        "SELECT address, proto, port, line_no, service, product, version, extra, device, cpe,"
	        " confidence, evidence, decided_by, tls_wrapped, tls, error FROM service"
	        " WHERE scan_id = ? ORDER BY rowid",
	        &st, err);
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, scan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct service_row *r;
		const char *tls;

		*rows = ms_xrealloc(*rows, (*n + 1) * sizeof(**rows));
		r = memset(&(*rows)[(*n)++], 0, sizeof(**rows));
		copy_col(r->address, sizeof(r->address), st, 0);
		copy_col(r->proto, sizeof(r->proto), st, 1);
		r->port = sqlite3_column_int(st, 2);
		r->line_no = sqlite3_column_int(st, 3);
		copy_col(r->service, sizeof(r->service), st, 4);
		copy_col(r->product, sizeof(r->product), st, 5);
		copy_col(r->version, sizeof(r->version), st, 6);
		copy_col(r->extra, sizeof(r->extra), st, 7);
		copy_col(r->device, sizeof(r->device), st, 8);
		copy_col(r->cpe, sizeof(r->cpe), st, 9);
		r->confidence = sqlite3_column_int(st, 10);
		copy_col(r->evidence, sizeof(r->evidence), st, 11);
		copy_col(r->decided_by, sizeof(r->decided_by), st, 12);
		r->tls_wrapped = sqlite3_column_int(st, 13);
		tls = (const char *)sqlite3_column_text(st, 14);
		r->tls_json = tls ? ms_xstrdup(tls) : NULL;
		copy_col(r->error, sizeof(r->error), st, 15);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	rc = prepare(db,
	             "SELECT address, proto, port, kind, severity, check_id, detail FROM finding"
	             " WHERE scan_id = ? ORDER BY rowid",
	             &st, err);
	if (rc)
		goto fail_rc;
	sqlite3_bind_int64(st, 1, scan_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct finding_row *f;

		*found = ms_xrealloc(*found, (*nfound + 1) * sizeof(**found));
		f = &(*found)[(*nfound)++];
		copy_col(f->address, sizeof(f->address), st, 0);
		copy_col(f->proto, sizeof(f->proto), st, 1);
		f->port = sqlite3_column_int(st, 2);
		f->kind = (enum finding_kind)enum_col(model_finding_kinds, st, 3);
		f->severity = (enum finding_severity)enum_col(model_finding_severities, st, 4);
		copy_col(f->check, sizeof(f->check), st, 5);
		copy_col(f->detail, sizeof(f->detail), st, 6);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return MS_OK;
fail:
	rc = sq_fail(db, err);
fail_rc:
	store_services_free(*rows, *n);
	free(*found);
	*rows = NULL;
	*found = NULL;
	*n = *nfound = 0;
	return rc;
}

static int sq_onsite_save(struct store *s, int64_t round_id, const char *json, const char *source,
                          const char *recorded_at, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(
	        db,
	        "INSERT OR REPLACE INTO onsite (round_id, json, source, recorded_at) VALUES (?,?,?,?)",
	        &st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	bind_text(st, 2, json);
	bind_text(st, 3, source);
	bind_text(st, 4, recorded_at);
	return run(db, st, err);
}

static int sq_onsite_load(struct store *s, int64_t round_id, char **json, char *recorded_at,
                          size_t size, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db, "SELECT json, recorded_at FROM onsite WHERE round_id = ?", &st, err);

	*json = NULL;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*json = ms_xstrdup((const char *)sqlite3_column_text(st, 0));
		if (recorded_at)
			copy_col(recorded_at, size, st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MS_OK : sq_fail(db, err);
}

static int sq_reference_save(struct store *s, const char *kind, const char *body,
                             const char *source, const char *imported_at, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "INSERT OR REPLACE INTO reference_list (kind, body, source, imported_at)"
	                 " VALUES (?,?,?,?)",
	                 &st, err);

	if (rc)
		return rc;
	bind_text(st, 1, kind);
	bind_text(st, 2, body);
	bind_text(st, 3, source);
	bind_text(st, 4, imported_at);
	return run(db, st, err);
}

static int sq_reference_load(struct store *s, const char *kind, char **body,
                             struct reference_info *info, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db, "SELECT body, source, imported_at FROM reference_list WHERE kind = ?",
	                 &st, err);

	*body = NULL;
	if (rc)
		return rc;
	bind_text(st, 1, kind);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*body = ms_xstrdup((const char *)sqlite3_column_text(st, 0));
		if (info) {
			copy_col(info->source, sizeof(info->source), st, 1);
			copy_col(info->imported_at, sizeof(info->imported_at), st, 2);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? MS_OK : sq_fail(db, err);
}

static int sq_backup_save(struct store *s, int64_t hospital_id, const struct backup_row *row,
                          struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "INSERT INTO backup_answer (hospital_id, json, source, imported_at)"
	                 " VALUES (?,?,?,?)",
	                 &st, err);

	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	bind_text(st, 2, row->json);
	bind_text(st, 3, row->source);
	bind_text(st, 4, row->imported_at);
	return run(db, st, err);
}

/* The newest answer of each hospital (hospital_id 0: every hospital), by hospital name. */
static int sq_backup_latest(struct store *s, int64_t hospital_id, struct backup_row **rows,
                            size_t *n, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "SELECT h.name, b.source, b.imported_at, b.json FROM backup_answer b"
	                 " JOIN hospital h ON h.id = b.hospital_id"
	                 " WHERE b.id = (SELECT MAX(id) FROM backup_answer x"
	                 "               WHERE x.hospital_id = b.hospital_id)"
	                 "   AND (? = 0 OR b.hospital_id = ?)"
	                 " ORDER BY h.name",
	                 &st, err);
	struct backup_row *v = NULL;
	size_t k = 0;

	*rows = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	sqlite3_bind_int64(st, 2, hospital_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct backup_row *r = ms_xgrow((void **)&v, &k, sizeof(*v));

		copy_col(r->hospital, sizeof(r->hospital), st, 0);
		copy_col(r->source, sizeof(r->source), st, 1);
		copy_col(r->imported_at, sizeof(r->imported_at), st, 2);
		r->json = ms_xstrdup((const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_backup_free(v, k);
		return sq_fail(db, err);
	}
	*rows = v;
	*n = k;
	return MS_OK;
}

static int sq_checklist_save(struct store *s, int64_t hospital_id, const struct checklist_row *rows,
                             size_t n, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = begin(db, err);

	if (rc)
		return rc;
	if ((rc = prepare(db,
	                  "INSERT OR REPLACE INTO checklist_answer (hospital_id, month, item, level,"
	                  " proposed, answered_by, answered_at) VALUES (?,?,?,?,?,?,?)",
	                  &st, err)))
		return end(db, rc, err);
	for (size_t i = 0; i < n && !rc; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, hospital_id);
		bind_text(st, 2, rows[i].month);
		sqlite3_bind_int(st, 3, rows[i].item);
		sqlite3_bind_int(st, 4, rows[i].level);
		if (rows[i].proposed >= 0)
			sqlite3_bind_int(st, 5, rows[i].proposed);
		else
			sqlite3_bind_null(st, 5);
		bind_text(st, 6, rows[i].by);
		bind_text(st, 7, rows[i].answered_at);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = sq_fail(db, err);
	}
	sqlite3_finalize(st);
	return end(db, rc, err);
}

static int sq_checklist_load(struct store *s, int64_t hospital_id, struct checklist_row **rows,
                             size_t *n, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "SELECT month, item, level, proposed, answered_by, answered_at"
	                 " FROM checklist_answer WHERE hospital_id = ? ORDER BY month, item",
	                 &st, err);
	struct checklist_row *v = NULL;
	size_t k = 0;

	*rows = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, hospital_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct checklist_row *r = ms_xgrow((void **)&v, &k, sizeof(*v));

		copy_col(r->month, sizeof(r->month), st, 0);
		r->item = sqlite3_column_int(st, 1);
		r->level = sqlite3_column_int(st, 2);
		r->proposed = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1
		                                                        : sqlite3_column_int(st, 3);
		copy_col(r->by, sizeof(r->by), st, 4);
		copy_col(r->answered_at, sizeof(r->answered_at), st, 5);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return sq_fail(db, err);
	}
	*rows = v;
	*n = k;
	return MS_OK;
}

static int sq_terminals_save(struct store *s, int64_t round_id, const struct terminal_row *rows,
                             size_t n, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = begin(db, err);

	for (size_t i = 0; i < n && rc == MS_OK; i++) {
		const struct terminal_row *r = &rows[i];

		if ((rc = prepare(
		             db,
		             "INSERT OR REPLACE INTO terminal_collection (round_id, pc_key, host,"
		             " declared_no, collected_at, imported_at, source, json)"
		             " VALUES (?,?,?,?,?,?,?,?)",
		             &st, err)))
			break;
		sqlite3_bind_int64(st, 1, round_id);
		bind_text(st, 2, r->key);
		bind_text(st, 3, r->host);
		sqlite3_bind_int(st, 4, r->declared_no);
		bind_text(st, 5, r->collected_at);
		bind_text(st, 6, r->imported_at);
		bind_text(st, 7, r->source[0] ? r->source : NULL);
		bind_text(st, 8, r->json);
		rc = run(db, st, err);
	}
	return end(db, rc, err);
}

static int sq_terminals_load(struct store *s, int64_t round_id, struct terminal_row **rows,
                             size_t *n, struct ms_error *err)
{
	sqlite3 *db = db_of(s);
	sqlite3_stmt *st;
	int rc = prepare(db,
	                 "SELECT pc_key, host, declared_no, collected_at, imported_at, source, json"
	                 " FROM terminal_collection WHERE round_id = ?"
	                 " ORDER BY declared_no = 0, declared_no, host",
	                 &st, err);

	*rows = NULL;
	*n = 0;
	if (rc)
		return rc;
	sqlite3_bind_int64(st, 1, round_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct terminal_row *r;

		*rows = ms_xrealloc(*rows, (*n + 1) * sizeof(**rows));
		r = &(*rows)[(*n)++];
		memset(r, 0, sizeof(*r));
		copy_col(r->key, sizeof(r->key), st, 0);
		copy_col(r->host, sizeof(r->host), st, 1);
		r->declared_no = sqlite3_column_int(st, 2);
		copy_col(r->collected_at, sizeof(r->collected_at), st, 3);
		copy_col(r->imported_at, sizeof(r->imported_at), st, 4);
		copy_col(r->source, sizeof(r->source), st, 5);
		r->json = ms_xstrdup((const char *)sqlite3_column_text(st, 6));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_terminals_free(*rows, *n);
		*rows = NULL;
		*n = 0;
		return sq_fail(db, err);
	}
	return MS_OK;
}

static const struct store_ops sqlite_ops = {
	.name = "sqlite",
	.close = sq_close,
	.schema_version = sq_schema_version,
	.intake_save = sq_intake_save,
	.hospital_find = sq_hospital_find,
	.round_current = sq_round_current,
	.round_get = sq_round_get,
	.intake_get = sq_intake_get,
	.round_set = sq_round_set,
	.plan_save = sq_plan_save,
	.plan_load = sq_plan_load,
	.confirm_save = sq_confirm_save,
	.confirm_list = sq_confirm_list,
	.scope_add = sq_scope_add,
	.scope_list = sq_scope_list,
	.scan_begin = sq_scan_begin,
	.scan_checkpoint = sq_scan_checkpoint,
	.scan_finish = sq_scan_finish,
	.scan_latest = sq_scan_latest,
	.scan_results = sq_scan_results,
	.services_save = sq_services_save,
	.consent_add = sq_consent_add,
	.consent_find = sq_consent_find,
	.services_load = sq_services_load,
	.onsite_save = sq_onsite_save,
	.onsite_load = sq_onsite_load,
	.checklist_save = sq_checklist_save,
	.checklist_load = sq_checklist_load,
	.backup_save = sq_backup_save,
	.backup_latest = sq_backup_latest,
	.reference_save = sq_reference_save,
	.reference_load = sq_reference_load,
	.terminals_save = sq_terminals_save,
	.terminals_load = sq_terminals_load,
};

int store_sqlite_open(struct store **out, const char *path, struct ms_error *err)
{
	struct sq *s;
	sqlite3 *db = NULL;
	int rc;

	*out = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
	    SQLITE_OK) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_STORE_OPEN, path,
		             db ? sqlite3_errmsg(db) : path);
		sqlite3_close(db);
		return rc;
	}
	sqlite3_busy_timeout(db, 5000);
	if ((rc = exec(db,
	               "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;"
	               " PRAGMA synchronous = NORMAL;",
	               err)) ||
	    (rc = migrate(db, err))) {
		/* A file that is not a database fails here: name the file. */
		if (err && err->msg == MSG_STORE_FAILED) {
			char detail[sizeof(err->arg)];

			snprintf(detail, sizeof(detail), "%s", err->arg);
			ms_fail(err, MS_ERR_SYSTEM, MSG_STORE_OPEN, path, detail);
		}
		sqlite3_close(db);
		return rc;
	}
	s = ms_xcalloc(1, sizeof(*s));
	s->base.ops = &sqlite_ops;
	s->db = db;
	*out = &s->base;
	return MS_OK;
}
