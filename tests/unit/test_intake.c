/*
 * test_intake.c - every validation error, with the place it names, for the
 * JSON twin and for workbooks written here with libxlsxwriter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <xlsxwriter.h>

#include "intake/fields.h"
#include "medsec/intake.h"

static json_t *sample(void)
{
	char path[4096];
	json_error_t e;
	json_t *j;

	snprintf(path, sizeof(path), "%s/tests/fixtures/hospital/intake.json",
	         getenv("MEDSEC_SOURCE"));
	j = json_load_file(path, 0, &e);
	assert_non_null(j);
	/* The example names three PCs; seed 001 chooses five: two more make a sample with nothing to say. */
	for (int no = 4; no <= 5; no++) {
		json_t *terms = json_object_get(j, "terminals"),
		       *t = json_deep_copy(json_array_get(terms, 1));

		json_object_set_new(t, "no", json_integer(no));
		json_array_append_new(terms, t);
	}
	return j;
}

/* Loads JSON text as s.json, validates it; returns the diags (caller disposes). */
static struct ms_diags check_json(json_t *j, int allow_test)
{
	struct intake_options opt = { .allow_test_addresses = allow_test };
	struct ms_diags d = { 0 };
	struct intake_doc *doc = NULL;
	struct ms_error err;
	char *s = json_dumps(j, 0);

	assert_int_equal(intake_load_json_mem(s, strlen(s), "s.json", &doc, &d, &err), MS_OK);
	intake_validate(doc, &opt, &d);
	intake_doc_free(doc);
	free(s);
	return d;
}

static int has(const struct ms_diags *d, enum ms_severity sev, enum msg_id msg, const char *where)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].severity == sev && d->v[i].msg == msg &&
		    strcmp(d->v[i].where, where) == 0)
			return 1;
	for (size_t i = 0; i < d->n; i++)
		print_message("  have: %s msg=%d\n", d->v[i].where, d->v[i].msg);
	return 0;
}

static void dump(const struct ms_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		print_message("  diag: %s: %s msg=%d\n", d->v[i].where,
		              d->v[i].value ? d->v[i].value : "", d->v[i].msg);
}

static void the_sample_is_clean(void **state)
{
	json_t *j = sample();
	struct ms_diags d = check_json(j, 1);

	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	ms_diags_dispose(&d);
	/* ...but its test-bed addresses are refused without the option. */
	d = check_json(j, 0);
	assert_true(has(&d, MS_DIAG_ERROR, MSG_IP_TEST_RANGE, "s.json:/lines/0/global_ip"));
	assert_int_equal(d.errors, 3);
	ms_diags_dispose(&d);
	json_decref(j);
}

struct edit {
	const char *array; /* "lines", "hospital", ... */
	int index;         /* -1 for the hospital object */
	const char *member;
	const char *value_json; /* NULL deletes the member */
	enum ms_severity sev;
	enum msg_id msg;
	const char *where;
};

static const struct edit edits[] = {
	{ "hospital", -1, "consent", "\"同意しない\"", MS_DIAG_ERROR, MSG_CONSENT,
	  "s.json:/hospital/consent" },
	{ "hospital", -1, "consent", NULL, MS_DIAG_ERROR, MSG_REQUIRED,
	  "s.json:/hospital/consent" },
	{ "hospital", -1, "name", NULL, MS_DIAG_ERROR, MSG_REQUIRED, "s.json:/hospital/name" },
	{ "hospital", -1, "beds", "\"多数\"", MS_DIAG_ERROR, MSG_BAD_INT, "s.json:/hospital/beds" },
	{ "hospital", -1, "beds", "true", MS_DIAG_ERROR, MSG_JSON_TYPE, "s.json:/hospital/beds" },
	{ "hospital", -1, "filled_on", "\"2026-02-30\"", MS_DIAG_ERROR, MSG_BAD_DATE,
	  "s.json:/hospital/filled_on" },
	{ "hospital", -1, "contacts", "[]", MS_DIAG_ERROR, MSG_NO_CONTACT, "s.json:/hospital" },
	{ "hospital", -1, "fax", "\"03\"", MS_DIAG_ERROR, MSG_JSON_UNKNOWN_MEMBER,
	  "s.json:/hospital/fax" },
	{ "lines", 0, "link_type", "\"光回線\"", MS_DIAG_ERROR, MSG_BAD_CHOICE,
	  "s.json:/lines/0/link_type" },
	{ "lines", 0, "link_type", "\"インターネットＶＰＮ\"", 0, MSG_NONE,
	  NULL }, /* full width ok */
	{ "lines", 0, "ehr_connected", "\"あり\"", MS_DIAG_ERROR, MSG_JSON_TYPE,
	  "s.json:/lines/0/ehr_connected" },
	{ "lines", 0, "ehr_connected", NULL, MS_DIAG_ERROR, MSG_REQUIRED,
	  "s.json:/lines/0/ehr_connected" },
	{ "lines", 0, "use", NULL, MS_DIAG_ERROR, MSG_REQUIRED, "s.json:/lines/0/use" },
	{ "lines", 0, "termination_location", NULL, MS_DIAG_ERROR, MSG_REQUIRED,
	  "s.json:/lines/0/termination_location" },
	{ "lines", 0, "global_ip_use", NULL, MS_DIAG_ERROR, MSG_REQUIRED,
	  "s.json:/lines/0/global_ip_use" },
	{ "lines", 0, "ip_kind", NULL, MS_DIAG_ERROR, MSG_REQUIRED_IF_GLOBAL,
	  "s.json:/lines/0/ip_kind" },
	{ "lines", 0, "global_ip", "\"192.168.1.1\"", MS_DIAG_ERROR, MSG_IP_NOT_GLOBAL,
	  "s.json:/lines/0/global_ip" },
	{ "lines", 0, "global_ip", "\"0.0.0.0\"", MS_DIAG_ERROR, MSG_IP_NOT_GLOBAL,
	  "s.json:/lines/0/global_ip" },
	{ "lines", 0, "global_ip", "\"XXX.XXX.XXX.XXX\"", MS_DIAG_ERROR, MSG_IP_SYNTAX,
	  "s.json:/lines/0/global_ip" },
	{ "lines", 0, "global_ip", "\"198.18.10.9/29\"", MS_DIAG_ERROR, MSG_IP_HOST_BITS,
	  "s.json:/lines/0/global_ip" },
	{ "lines", 0, "global_ip", "\"198.18.10.8/40\"", MS_DIAG_ERROR, MSG_IP_BAD_PREFIX,
	  "s.json:/lines/0/global_ip" },
	{ "lines", 0, "global_ip", "\"8.8.0.0/16\"", MS_DIAG_ERROR, MSG_IP_TOO_WIDE,
	  "s.json:/lines/0/global_ip" },
	{ "lines", 0, "global_ip", "\"2400:4050::1\"", 0, MSG_NONE, NULL },
	{ "lines", 0, "fqdn", "\"○○.healthrecord\"", 0, MSG_NONE, NULL }, /* IDN-like: allowed */
	{ "lines", 0, "fqdn", "\"vpn example\"", MS_DIAG_ERROR, MSG_FQDN_SYNTAX,
	  "s.json:/lines/0/fqdn" },
	{ "lines", 0, "day_ip_confirmed", "true", MS_DIAG_ERROR, MSG_REQUIRED_IF_CONFIRMED,
	  "s.json:/lines/0/day_global_ip" },
	{ "lines", 0, "day_global_ip", "\"198.18.10.99\"", MS_DIAG_WARNING, MSG_DAY_IP_ON_STATIC,
	  "s.json:/lines/0/day_global_ip" },
	{ "lines", 3, "no", "1", MS_DIAG_ERROR, MSG_DUPLICATE_LINE, "s.json:/lines/3/no" },
	{ "lines", 3, "no", "\"回線x\"", MS_DIAG_ERROR, MSG_BAD_INT, "s.json:/lines/3/no" },
	{ "lines", 2, "global_ip_use", "\"no\"", MS_DIAG_WARNING, MSG_IP_BUT_NO_GLOBAL_USE,
	  "s.json:/lines/2/global_ip" },
	{ "devices", 1, "line_no", "9", MS_DIAG_ERROR, MSG_UNKNOWN_LINE,
	  "s.json:/devices/1/line_no" },
	{ "devices", 1, "line_no", "\"回線3\"", 0, MSG_NONE, NULL },
	{ "devices", 1, "firmware", NULL, MS_DIAG_ERROR, MSG_REQUIRED,
	  "s.json:/devices/1/firmware" },
	{ "devices", 1, "year", "1970", MS_DIAG_ERROR, MSG_BAD_YEAR, "s.json:/devices/1/year" },
	{ "devices", 1, "password_length", "\"7\"", MS_DIAG_ERROR, MSG_BAD_CHOICE,
	  "s.json:/devices/1/password_length" },
	{ "devices", 1, "password_reused", NULL, MS_DIAG_ERROR, MSG_REQUIRED,
	  "s.json:/devices/1/password_reused" },
	{ "terminals", 1, "no", "1", MS_DIAG_ERROR, MSG_DUPLICATE_TERMINAL,
	  "s.json:/terminals/1/no" },
	{ "terminals", 1, "address", "\"192.168.20.300/24\"", MS_DIAG_ERROR, MSG_IP_SYNTAX,
	  "s.json:/terminals/1/address" },
	{ "terminals", 1, "line_no", "4", 0, MSG_NONE, NULL },
	{ "terminals", 1, "line_no", "8", MS_DIAG_ERROR, MSG_UNKNOWN_LINE,
	  "s.json:/terminals/1/line_no" },
	{ "terminals", 1, "thin_client", "\"はい\"", MS_DIAG_ERROR, MSG_JSON_TYPE,
	  "s.json:/terminals/1/thin_client" },
	{ "locations", 0, "target", "\"回線9\"", MS_DIAG_ERROR, MSG_UNKNOWN_TARGET,
	  "s.json:/locations/0/target" },
	{ "locations", 0, "target", "\"端末3\"", 0, MSG_NONE, NULL },
};

static void every_validation_error(void **state)
{
	for (size_t i = 0; i < sizeof(edits) / sizeof(edits[0]); i++) {
		const struct edit *e = &edits[i];
		json_t *j = sample(), *obj;
		struct ms_diags d;

		print_message("edit %zu: %s[%d].%s\n", i, e->array, e->index, e->member);
		obj = e->index < 0 ? json_object_get(j, e->array)
		                   : json_array_get(json_object_get(j, e->array), (size_t)e->index);
		assert_non_null(obj);
		if (e->value_json)
			json_object_set_new(obj, e->member,
			                    json_loads(e->value_json, JSON_DECODE_ANY, NULL));
		else
			json_object_del(obj, e->member);
		d = check_json(j, 1);
		if (e->where) {
			assert_true(has(&d, e->sev, e->msg, e->where));
			/* One mistake, one complaint. */
			if (d.errors + d.warnings != 1)
				dump(&d);
			assert_int_equal(d.errors + d.warnings, 1);
		} else {
			assert_int_equal(d.errors + d.warnings, 0);
		}
		ms_diags_dispose(&d);
		json_decref(j);
	}
}

static void everything_is_reported_at_once(void **state)
{
	json_t *j = sample();
	struct ms_diags d;

	json_object_set_new(json_object_get(j, "hospital"), "consent", json_string("いいえ"));
	json_object_set_new(json_array_get(json_object_get(j, "lines"), 0), "global_ip",
	                    json_string("10.0.0.1"));
	json_object_set_new(json_array_get(json_object_get(j, "devices"), 0), "line_no",
	                    json_integer(42));
	d = check_json(j, 1);
	assert_int_equal(d.errors, 3);
	ms_diags_dispose(&d);
	json_decref(j);
}

static void too_many_terminals_is_a_warning(void **state)
{
	json_t *j = sample(), *terms = json_object_get(j, "terminals");
	struct ms_diags d;

	json_t *t = json_deep_copy(json_array_get(terms, 0));

	json_object_set_new(t, "no", json_integer(6));
	json_array_append_new(terms, t);
	d = check_json(j, 1);
	assert_int_equal(d.errors, 0);
	assert_true(has(&d, MS_DIAG_WARNING, MSG_TOO_MANY_TERMINALS, "s.json:/terminals/5"));
	ms_diags_dispose(&d);
	json_decref(j);
}

/* Seed 001: five PCs, one of them from the EHR system; fewer, or none from it, is a warning. */
static void terminal_choice_is_warned(void **state)
{
	json_t *j = sample(), *terms = json_object_get(j, "terminals"), *t;
	struct ms_diags d;
	size_t i;

	(void)state;
	json_array_remove(terms, 4);
	d = check_json(j, 1);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_true(has(&d, MS_DIAG_WARNING, MSG_TOO_FEW_TERMINALS, "s.json:/terminals"));
	ms_diags_dispose(&d);
	json_array_foreach (terms, i, t)
		json_object_set_new(t, "system", json_string("billing"));
	d = check_json(j, 1);
	assert_true(has(&d, MS_DIAG_WARNING, MSG_NO_EHR_TERMINAL, "s.json:/terminals"));
	assert_int_equal(d.warnings, 2);
	ms_diags_dispose(&d);
	json_decref(j);
}

static void broken_json_is_one_error_with_position(void **state)
{
	static const char text[] = "{\"hospital\": {\n  \"name\": \"x\",,\n}}";
	struct intake_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;

	assert_int_equal(intake_load_json_mem(text, strlen(text), "b.json", &doc, &d, &err),
	                 MS_ERR_INPUT);
	assert_null(doc);
	assert_int_equal(err.msg, MSG_JSON_SYNTAX);
	assert_string_equal(err.where, "b.json:2:15");
	ms_diags_dispose(&d);
}

/* --- workbooks --- */

static const char *header(const struct intake_field *f, char *buf, size_t n)
{
	snprintf(buf, n, "%s%s", f->ja, (f->flags & F_REQUIRED) ? "(*)" : "");
	return buf;
}

/* Write the tables as real workbooks come back: group labels on a row above, merged. */
static int two_row_headers;

/* Writes one table: the header of rec's fields at row 4 from column first_col. With
 * two_row_headers, "調査希望(装置バージョン確認)" becomes 調査希望 on row 3, merged over its
 * group, above 装置バージョン確認(*) on row 4; other labels are merged over both rows. */
static void write_header(lxw_worksheet *ws, enum intake_rec rec, int first_col)
{
	char buf[128], group[128] = "";
	int col = first_col, group_from = -1;

	for (size_t k = 0; k <= intake_n_fields; k++) {
		const struct intake_field *f = k < intake_n_fields && intake_fields[k].rec == rec
		                                       ? &intake_fields[k]
		                                       : NULL;
		const char *open = f ? strstr(f->ja, "(") : NULL;

		if (!two_row_headers) {
			if (f)
				worksheet_write_string(ws, 3, (lxw_col_t)col++,
				                       header(f, buf, sizeof(buf)), NULL);
			continue;
		}
		/* A group ends where the next label is not in it. */
		if (group_from >= 0 && (!open || strncmp(f->ja, group, strlen(group)) ||
		                        f->ja[strlen(group)] != '(')) {
			if (col - 1 > group_from)
				worksheet_merge_range(ws, 2, (lxw_col_t)group_from, 2,
				                      (lxw_col_t)(col - 1), group, NULL);
			else
				worksheet_write_string(ws, 2, (lxw_col_t)group_from, group, NULL);
			group_from = -1;
		}
		if (!f)
			continue;
		if (open && strchr(open, ')') && open != f->ja) {
			if (group_from < 0) {
				snprintf(group, sizeof(group), "%.*s", (int)(open - f->ja), f->ja);
				group_from = col;
			}
			snprintf(buf, sizeof(buf), "%.*s%s", (int)(strchr(open, ')') - open - 1),
			         open + 1, (f->flags & F_REQUIRED) ? "(*)" : "");
			worksheet_write_string(ws, 3, (lxw_col_t)col++, buf, NULL);
		} else {
			worksheet_merge_range(ws, 2, (lxw_col_t)col, 3, (lxw_col_t)col,
			                      header(f, buf, sizeof(buf)), NULL);
			col++;
		}
	}
}

/* A minimal filled workbook; row 6 of the lines sheet gets `cells` (NULL-separated pairs). */
static void write_book(const char *path, const char *const *line_cells)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, SHEET_BASIC);
	char buf[128];
	int row = 3;

	for (size_t k = 0; k < intake_n_fields; k++) {
		const struct intake_field *f = &intake_fields[k];

		if (f->rec != REC_HOSPITAL)
			continue;
		worksheet_write_string(ws, (lxw_row_t)row, 0, header(f, buf, sizeof(buf)), NULL);
		if (f->type == FT_INT)
			worksheet_write_number(ws, (lxw_row_t)row, 1, 120, NULL);
		else if (f->type == FT_DATE) {
			lxw_datetime dt = { 2026, 9, 15, 0, 0, 0 };
			lxw_format *df = workbook_add_format(wb);

			format_set_num_format(df, "yyyy\"年\"m\"月\"d\"日\"");
			worksheet_write_datetime(ws, (lxw_row_t)row, 1, &dt, df);
		} else
			worksheet_write_string(
			        ws, (lxw_row_t)row, 1,
			        strcmp(f->json, "consent") == 0 ? CONSENT_TEXT : "値", NULL);
		row++;
	}
	ws = workbook_add_worksheet(wb, SHEET_LINES);
	write_header(ws, REC_LINE, 0);
	write_header(ws, REC_DEVICE, 24); /* right of the line table, with a gap */
	worksheet_write_string(ws, 4, 0, EXAMPLE_MARK, NULL);
	worksheet_write_string(ws, 4, 5, "ここは読まない", NULL);
	for (const char *const *c = line_cells; *c; c += 2) {
		int col = -1, i = 0;

		for (size_t k = 0; k < intake_n_fields; k++) {
			if (intake_fields[k].rec != REC_LINE)
				continue;
			if (strcmp(intake_fields[k].json, c[0]) == 0)
				col = i;
			i++;
		}
		assert_true(col >= 0);
		if (strspn(c[1], "0123456789") == strlen(c[1]))
			worksheet_write_number(ws, 5, (lxw_col_t)col, atoi(c[1]), NULL);
		else
			worksheet_write_string(ws, 5, (lxw_col_t)col, c[1], NULL);
	}
	ws = workbook_add_worksheet(wb, SHEET_TERMINALS);
	write_header(ws, REC_TERMINAL, 0);
	ws = workbook_add_worksheet(wb, SHEET_ACCOUNTS);
	worksheet_write_string(ws, 5, 4, "secret-password", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void tmp_path(char *buf, size_t n)
{
	static int seq;

	snprintf(buf, n, "/tmp/medsec-test-%ld-%d.xlsx", (long)getpid(), seq++);
}

static struct ms_diags check_book(const char *path, struct intake_doc **out)
{
	struct ms_diags d = { 0 };
	struct intake_doc *doc = NULL;
	struct ms_error err;

	assert_int_equal(intake_load(path, &doc, &d, &err), MS_OK);
	intake_validate(doc, NULL, &d);
	if (out)
		*out = doc;
	else
		intake_doc_free(doc);
	return d;
}

/* The same workbook with two-row headers (group labels above, merged) reads the same. */
static void two_row_headers_read_the_same(void **state)
{
	static const char *const good[] = { "no",
		                            "回線1",
		                            "request_device_check",
		                            "調査希望あり",
		                            "request_diagnosis",
		                            "調査希望なし",
		                            "ehr_connected",
		                            "あり",
		                            "use",
		                            "電子カルテ",
		                            "link_type",
		                            "インターネット",
		                            "global_ip_use",
		                            "あり",
		                            "ip_kind",
		                            "固定IP",
		                            "global_ip",
		                            "203.0.113.8",
		                            "termination_location",
		                            "3F",
		                            NULL };
	char path[2][64];
	struct intake_doc *doc[2];
	struct ms_diags d[2];

	(void)state;
	for (int i = 0; i < 2; i++) {
		two_row_headers = i;
		tmp_path(path[i], sizeof(path[i]));
		write_book(path[i], good);
		d[i] = check_book(path[i], &doc[i]);
	}
	two_row_headers = 0;
	assert_int_equal(d[1].errors, d[0].errors);
	assert_int_equal(d[1].warnings, d[0].warnings);
	assert_int_equal(doc[1]->n_lines, 1);
	assert_int_equal(doc[1]->lines[0].request_device_check, TRI_YES);
	assert_int_equal(doc[1]->lines[0].request_diagnosis, TRI_NO);
	assert_int_equal(doc[1]->lines[0].request_device_check,
	                 doc[0]->lines[0].request_device_check);
	assert_string_equal(doc[1]->lines[0].global_ip, doc[0]->lines[0].global_ip);
	assert_string_equal(doc[1]->lines[0].use, "電子カルテ");
	assert_int_equal(doc[1]->lines[0].link_type, doc[0]->lines[0].link_type);
	for (int i = 0; i < 2; i++) {
		ms_diags_dispose(&d[i]);
		intake_doc_free(doc[i]);
		unlink(path[i]);
	}
}

static void workbook_errors_name_sheet_row_and_column(void **state)
{
	static const char *const good[] = { "no",
		                            "回線1",
		                            "request_device_check",
		                            "調査希望あり",
		                            "request_diagnosis",
		                            "調査希望なし",
		                            "ehr_connected",
		                            "あり",
		                            "use",
		                            "電子カルテ",
		                            "link_type",
		                            "インターネット",
		                            "global_ip_use",
		                            "あり",
		                            "ip_kind",
		                            "固定IP",
		                            "global_ip",
		                            "８.８.８.８",
		                            "termination_location",
		                            "3F",
		                            NULL };
	static const char *const bad[] = { "no",
		                           "1",
		                           "request_device_check",
		                           "希望する",
		                           "request_diagnosis",
		                           "調査希望なし",
		                           "ehr_connected",
		                           "あり",
		                           "use",
		                           "電子カルテ",
		                           "link_type",
		                           "光回線",
		                           "global_ip_use",
		                           "あり",
		                           "ip_kind",
		                           "固定IP",
		                           "global_ip",
		                           "192.168.0.1",
		                           "termination_location",
		                           "3F",
		                           NULL };
	char path[64];
	struct intake_doc *doc;
	struct ms_diags d;

	tmp_path(path, sizeof(path));
	write_book(path, good);
	d = check_book(path, &doc);
	/* The basic sheet has no contact table here: one complaint only. */
	assert_int_equal(d.errors, 1);
	{
		char where[600];

		snprintf(where, sizeof(where), "%s:%s", path, SHEET_BASIC);
		assert_true(has(&d, MS_DIAG_ERROR, MSG_NO_CONTACT, where));
		/* The password typed into the account sheet: warned about, never kept. */
		snprintf(where, sizeof(where), "%s:%s", path, SHEET_ACCOUNTS);
		assert_true(has(&d, MS_DIAG_WARNING, MSG_ACCOUNTS_FILLED, where));
		/* ...and one PC to survey where seed 001 chooses five. */
		snprintf(where, sizeof(where), "%s:%s", path, SHEET_TERMINALS);
		assert_true(has(&d, MS_DIAG_WARNING, MSG_TOO_FEW_TERMINALS, where));
		assert_int_equal(d.warnings, 2);
	}
	assert_int_equal(doc->n_lines, 1); /* the example row is skipped */
	assert_int_equal(doc->lines[0].no, 1);
	assert_string_equal(doc->lines[0].global_ip, "8.8.8.8");    /* full width folded */
	assert_string_equal(doc->hospital.filled_on, "2026-09-15"); /* a date cell */
	assert_int_equal(doc->hospital.beds, 120);
	{
		char *json = intake_json_dump(doc);

		assert_null(strstr(json, "secret-password"));
		free(json);
	}
	intake_doc_free(doc);
	ms_diags_dispose(&d);

	write_book(path, bad);
	d = check_book(path, NULL);
	{
		char where[600];

		snprintf(where, sizeof(where), "%s:%s:6:B", path, SHEET_LINES);
		assert_true(has(&d, MS_DIAG_ERROR, MSG_BAD_CHOICE, where));
		snprintf(where, sizeof(where), "%s:%s:6:F", path, SHEET_LINES);
		assert_true(has(&d, MS_DIAG_ERROR, MSG_BAD_CHOICE, where));
		snprintf(where, sizeof(where), "%s:%s:6:I", path, SHEET_LINES);
		assert_true(has(&d, MS_DIAG_ERROR, MSG_IP_NOT_GLOBAL, where));
		snprintf(where, sizeof(where), "%s:%s:6:B", path, SHEET_LINES);
		for (size_t i = 0; i < d.n; i++)
			if (strcmp(d.v[i].where, where) == 0)
				assert_string_equal(d.v[i].value, "希望する");
	}
	ms_diags_dispose(&d);
	unlink(path);
}

static void missing_sheet_and_column(void **state)
{
	char path[64];
	lxw_workbook *wb;
	lxw_worksheet *ws;
	struct ms_diags d;
	char where[600];

	tmp_path(path, sizeof(path));
	wb = workbook_new(path);
	workbook_add_worksheet(wb, SHEET_BASIC);
	ws = workbook_add_worksheet(wb, SHEET_LINES);
	worksheet_write_string(ws, 3, 0, "回線番号(*)", NULL);
	worksheet_write_string(ws, 3, 1, "用途・システム名(*)", NULL);
	assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
	d = check_book(path, NULL);
	snprintf(where, sizeof(where), "%s", path);
	assert_true(has(&d, MS_DIAG_ERROR, MSG_XLSX_NO_SHEET, where));
	snprintf(where, sizeof(where), "%s:%s:4", path, SHEET_LINES);
	assert_true(has(&d, MS_DIAG_ERROR, MSG_XLSX_NO_COLUMN, where));
	ms_diags_dispose(&d);
	unlink(path);
}

static void not_a_workbook(void **state)
{
	static const char junk[] = "PK\3\4 this is not really a zip";
	struct intake_doc *doc = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;

	assert_int_equal(intake_load_xlsx_mem(junk, sizeof(junk), "j.xlsx", &doc, &d, &err),
	                 MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_XLSX_NOT_ZIP);
	assert_int_equal(intake_load("/nonexistent/file.xlsx", &doc, &d, &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_CANNOT_OPEN);
	assert_null(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_sample_is_clean),
		cmocka_unit_test(every_validation_error),
		cmocka_unit_test(everything_is_reported_at_once),
		cmocka_unit_test(too_many_terminals_is_a_warning),
		cmocka_unit_test(terminal_choice_is_warned),
		cmocka_unit_test(broken_json_is_one_error_with_position),
		cmocka_unit_test(workbook_errors_name_sheet_row_and_column),
		cmocka_unit_test(two_row_headers_read_the_same),
		cmocka_unit_test(missing_sheet_and_column),
		cmocka_unit_test(not_a_workbook),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
