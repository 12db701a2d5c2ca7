/* test_plan.c - scope, renumbering and the 19-row eligibility table (seed 002). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "medsec/plan.h"

struct row_case {
	int row;
	enum tri g;
	enum link_type t;
	enum ip_kind a;
	int ip, fqdn;
	enum eligibility elig;
	enum plan_reason reason;
};

/* Seed 002 脆弱性診断実施判定表, row by row (domain-facts §7). */
static const struct row_case rows[] = {
	{ 1, TRI_YES, LINK_INTERNET, IP_STATIC, 1, 1, ELIG_CONSULT, REASON_SERVER_POSSIBLE },
	{ 2, TRI_YES, LINK_INTERNET, IP_STATIC, 1, 0, ELIG_YES, REASON_NONE },
	{ 3, TRI_YES, LINK_INTERNET, IP_STATIC, 0, 1, ELIG_CONSULT, REASON_IP_FQDN_LINK },
	{ 4, TRI_YES, LINK_INTERNET, IP_STATIC, 0, 0, ELIG_NO, REASON_NOTHING_TO_SCAN },
	{ 5, TRI_YES, LINK_INTERNET, IP_DYNAMIC, 1, 1, ELIG_CONSULT, REASON_IP_FQDN_LINK },
	{ 6, TRI_YES, LINK_INTERNET, IP_DYNAMIC, 1, 0, ELIG_CONSULT, REASON_DAY_IP },
	{ 7, TRI_YES, LINK_INTERNET, IP_DYNAMIC, 0, 1, ELIG_CONSULT, REASON_LINE_FQDN_LINK },
	{ 8, TRI_YES, LINK_INTERNET, IP_DYNAMIC, 0, 0, ELIG_NO, REASON_NOTHING_TO_SCAN },
	{ 9, TRI_YES, LINK_INTERNET_VPN, IP_STATIC, 1, 1, ELIG_CONSULT, REASON_SERVER_POSSIBLE },
	{ 10, TRI_YES, LINK_INTERNET_VPN, IP_STATIC, 1, 0, ELIG_YES, REASON_NONE },
	{ 11, TRI_YES, LINK_INTERNET_VPN, IP_STATIC, 0, 1, ELIG_CONSULT, REASON_LINE_FQDN_LINK },
	{ 12, TRI_YES, LINK_INTERNET_VPN, IP_STATIC, 0, 0, ELIG_NO, REASON_NOTHING_TO_SCAN },
	{ 13, TRI_YES, LINK_INTERNET_VPN, IP_DYNAMIC, 1, 1, ELIG_CONSULT, REASON_IP_FQDN_LINK },
	{ 14, TRI_YES, LINK_INTERNET_VPN, IP_DYNAMIC, 1, 0, ELIG_CONSULT, REASON_DAY_IP },
	{ 15, TRI_YES, LINK_INTERNET_VPN, IP_DYNAMIC, 0, 1, ELIG_CONSULT, REASON_LINE_FQDN_LINK },
	{ 16, TRI_YES, LINK_INTERNET_VPN, IP_DYNAMIC, 0, 0, ELIG_NO, REASON_NOTHING_TO_SCAN },
	{ 17, TRI_YES, LINK_CLOSED, IP_STATIC, 1, 0, ELIG_NO, REASON_CLOSED },
	{ 18, TRI_NO, LINK_INTERNET, IP_STATIC, 1, 1, ELIG_NO, REASON_NO_GLOBAL_IP },
	{ 19, TRI_UNKNOWN, LINK_INTERNET_VPN, IP_DYNAMIC, 0, 0, ELIG_NO, REASON_UNKNOWN_GLOBAL },
};

static char an_ip[] = "203.0.113.1", an_fqdn[] = "vpn.example.jp";

static void every_row_of_the_table(void **state)
{
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row_case *c = &rows[i];
		struct line l = { .no = 1,
			          .global_ip_use = c->g,
			          .link_type = c->t,
			          .ip_kind = c->a,
			          .global_ip = c->ip ? an_ip : NULL,
			          .fqdn = c->fqdn ? an_fqdn : NULL };
		enum eligibility e;
		enum plan_reason r;
		int row;

		plan_judge(&l, &e, &row, &r);
		print_message("row %d\n", c->row);
		assert_int_equal(row, c->row);
		assert_int_equal(e, c->elig);
		assert_int_equal(r, c->reason);
	}
}

/* Rows 17-19 do not depend on the columns the table leaves blank for them. */
static void blank_columns_do_not_matter(void **state)
{
	enum ip_kind kinds[] = { IP_KIND_UNSET, IP_STATIC, IP_DYNAMIC };

	for (int k = 0; k < 3; k++) {
		for (int ip = 0; ip < 2; ip++) {
			struct line closed = { .global_ip_use = TRI_YES,
				               .link_type = LINK_CLOSED,
				               .ip_kind = kinds[k],
				               .global_ip = ip ? an_ip : NULL };
			struct line none = closed, unknown = closed;
			enum eligibility e;
			enum plan_reason r;
			int row;

			plan_judge(&closed, &e, &row, &r);
			assert_int_equal(row, 17);
			none.global_ip_use = TRI_NO;
			none.link_type = LINK_INTERNET;
			plan_judge(&none, &e, &row, &r);
			assert_int_equal(row, 18);
			unknown.global_ip_use = TRI_UNKNOWN;
			plan_judge(&unknown, &e, &row, &r);
			assert_int_equal(row, 19);
			assert_int_equal(e, ELIG_NO);
		}
	}
}

static struct line *add_line(struct intake_doc *doc, int no, int ehr, enum link_type t,
                             enum ip_kind a, const char *ip, const char *fqdn)
{
	struct line *l = intake_doc_add_line(doc);

	l->no = no;
	l->ehr_connected = ehr ? TRI_YES : TRI_NO;
	l->request_diagnosis = TRI_YES;
	l->request_device_check = TRI_YES;
	l->link_type = t;
	l->global_ip_use = t == LINK_PHONE_ONLY ? TRI_UNSET : TRI_YES;
	l->ip_kind = a;
	l->global_ip = ms_arena_strdup(&doc->arena, ip);
	l->fqdn = ms_arena_strdup(&doc->arena, fqdn);
	l->use = ms_arena_strdup(&doc->arena, "電子カルテ");
	return l;
}

static struct plan *build(const struct intake_doc *doc, const struct confirmation *c, size_t n)
{
	struct plan_input in = {
		doc, c, n, "テスト病院", 1, 1, "2026-11-23T00:00:00Z", "2026-11-22T23:00:00Z"
	};

	return plan_build(&in);
}

/* Seed 000: lines 2 (phone only) and 4 (not on the EHR network) drop out; 記入依頼書 回線5 becomes 回線3. */
static void scope_and_renumbering(void **state)
{
	struct intake_doc *doc = intake_doc_new("t", INTAKE_JSON);
	struct plan *p;

	/* Declared out of order on purpose: the plan follows the declared numbers. */
	add_line(doc, 5, 1, LINK_INTERNET, IP_STATIC, "203.0.113.5", NULL);
	add_line(doc, 1, 1, LINK_INTERNET_VPN, IP_STATIC, "203.0.113.1", NULL);
	add_line(doc, 2, 0, LINK_PHONE_ONLY, IP_KIND_UNSET, NULL, NULL);
	add_line(doc, 3, 1, LINK_CLOSED, IP_KIND_UNSET, NULL, NULL);
	add_line(doc, 4, 0, LINK_INTERNET, IP_STATIC, "203.0.113.4", NULL);
	p = build(doc, NULL, 0);

	assert_int_equal(p->n_lines, 3);
	assert_int_equal(p->lines[0].line_no, 1);
	assert_int_equal(p->lines[0].declared_no, 1);
	assert_int_equal(p->lines[1].line_no, 2);
	assert_int_equal(p->lines[1].declared_no, 3);
	assert_int_equal(p->lines[2].line_no, 3);
	assert_int_equal(p->lines[2].declared_no, 5);
	assert_int_equal(p->n_out_of_scope, 2);
	assert_int_equal(p->out_of_scope[0].declared_no, 2);
	assert_int_equal(p->out_of_scope[0].reason, REASON_PHONE_ONLY);
	assert_int_equal(p->out_of_scope[1].declared_no, 4);
	assert_int_equal(p->out_of_scope[1].reason, REASON_NOT_EHR);
	/* Static, address given, no FQDN: a target at once. */
	assert_int_equal(p->lines[2].status, STATUS_TARGET);
	assert_string_equal(p->lines[2].target, "203.0.113.5");
	assert_int_equal(p->lines[1].status, STATUS_NOT_ELIGIBLE);
	plan_free(p);
	intake_doc_free(doc);
}

static void dynamic_needs_the_day_address(void **state)
{
	struct intake_doc *doc = intake_doc_new("t", INTAKE_JSON);
	struct confirmation day = { .declared_no = 7,
		                    .kind = CONFIRM_DAY_IP,
		                    .address = "203.0.113.77" };
	struct plan *p;

	add_line(doc, 7, 1, LINK_INTERNET_VPN, IP_DYNAMIC, "203.0.113.70", NULL);
	p = build(doc, NULL, 0);
	assert_int_equal(p->lines[0].table_row, 14);
	assert_int_equal(p->lines[0].status, STATUS_NEEDS_DAY_IP);
	assert_null(p->lines[0].target);
	plan_free(p);

	/* The declared address is never scanned: only the one confirmed on the day. */
	p = build(doc, &day, 1);
	assert_int_equal(p->lines[0].status, STATUS_TARGET);
	assert_string_equal(p->lines[0].target, "203.0.113.77");
	assert_string_equal(p->lines[0].confirmed_ip, "203.0.113.77");
	plan_free(p);

	/* The workbook's 当日記入欄 counts as the confirmation too, dated by its import, by nobody named. */
	doc->lines[0].day_ip_confirmed = TRI_YES;
	doc->lines[0].day_global_ip = ms_arena_strdup(&doc->arena, "203.0.113.78");
	p = build(doc, NULL, 0);
	assert_string_equal(p->lines[0].target, "203.0.113.78");
	assert_string_equal(p->lines[0].confirmed_at, "2026-11-22T23:00:00Z");
	assert_null(p->lines[0].confirmed_by);
	plan_free(p);

	/* Both: the newer counts. A confirmation after the import replaces the workbook's value... */
	snprintf(day.confirmed_at, sizeof(day.confirmed_at), "2026-11-23T02:00:00Z");
	snprintf(day.by, sizeof(day.by), "山田");
	p = build(doc, &day, 1);
	assert_string_equal(p->lines[0].target, "203.0.113.77");
	assert_string_equal(p->lines[0].confirmed_at, "2026-11-23T02:00:00Z");
	assert_string_equal(p->lines[0].confirmed_by, "山田");
	plan_free(p);
	/* ...and one made before it does not. */
	snprintf(day.confirmed_at, sizeof(day.confirmed_at), "2026-11-20T02:00:00Z");
	p = build(doc, &day, 1);
	assert_string_equal(p->lines[0].target, "203.0.113.78");
	plan_free(p);
	intake_doc_free(doc);
}

/* Row 19 (global address use unknown) ends in a meeting; its answers are judged by the table. */
static void row_19_is_settled_by_the_meeting(void **state)
{
	struct intake_doc *doc = intake_doc_new("t", INTAKE_JSON);
	struct confirmation meet = { .declared_no = 3,
		                     .kind = CONFIRM_MEETING,
		                     .by = "佐藤",
		                     .confirmed_at = "2026-11-20T01:00:00Z" };
	struct plan *p;
	struct line *l = add_line(doc, 3, 1, LINK_INTERNET, IP_KIND_UNSET, NULL, NULL);

	(void)state;
	l->global_ip_use = TRI_UNKNOWN;
	p = build(doc, NULL, 0);
	assert_int_equal(p->lines[0].table_row, 19);
	assert_int_equal(p->lines[0].eligibility, ELIG_NO);
	assert_int_equal(p->lines[0].status, STATUS_NEEDS_MEETING);
	plan_free(p);

	/* Answered: static, this address, no FQDN: row 2, a target. */
	meet.global_ip_use = TRI_YES;
	meet.ip_kind = IP_STATIC;
	snprintf(meet.address, sizeof(meet.address), "203.0.113.9");
	p = build(doc, &meet, 1);
	assert_int_equal(p->lines[0].declared_row, 19);
	assert_int_equal(p->lines[0].table_row, 2);
	assert_int_equal(p->lines[0].status, STATUS_TARGET);
	assert_string_equal(p->lines[0].target, "203.0.113.9");
	assert_string_equal(p->lines[0].meeting_by, "佐藤");
	plan_free(p);

	/* Answered: no global address: row 18. */
	meet.global_ip_use = TRI_NO;
	p = build(doc, &meet, 1);
	assert_int_equal(p->lines[0].table_row, 18);
	assert_int_equal(p->lines[0].status, STATUS_NOT_ELIGIBLE);
	plan_free(p);

	/* A meeting that did not answer leaves row 19 open. */
	meet.global_ip_use = TRI_UNSET;
	p = build(doc, &meet, 1);
	assert_int_equal(p->lines[0].table_row, 19);
	assert_int_equal(p->lines[0].status, STATUS_NEEDS_MEETING);
	plan_free(p);
	intake_doc_free(doc);
}

static void consult_needs_the_meeting(void **state)
{
	struct intake_doc *doc = intake_doc_new("t", INTAKE_JSON);
	struct confirmation meet = { .declared_no = 1, .kind = CONFIRM_MEETING };
	struct confirmation fqdn_meet = { .declared_no = 2,
		                          .kind = CONFIRM_MEETING,
		                          .address = "203.0.113.9" };
	struct confirmation both[2];
	struct plan *p;

	add_line(doc, 1, 1, LINK_INTERNET, IP_STATIC, "203.0.113.1", "srv.example.jp"); /* row 1 */
	add_line(doc, 2, 1, LINK_INTERNET, IP_STATIC, NULL, "vpn.example.jp");          /* row 3 */
	p = build(doc, NULL, 0);
	assert_int_equal(p->lines[0].status, STATUS_NEEDS_MEETING);
	assert_int_equal(p->lines[1].status, STATUS_NEEDS_MEETING);
	plan_free(p);
	both[0] = meet;
	both[1] = fqdn_meet;
	p = build(doc, both, 2);
	assert_int_equal(p->lines[0].status, STATUS_TARGET);
	assert_string_equal(p->lines[0].target, "203.0.113.1");
	assert_int_equal(p->lines[1].status, STATUS_TARGET);
	assert_string_equal(p->lines[1].target, "203.0.113.9");
	assert_int_equal(p->lines[1].eligibility, ELIG_CONSULT);
	plan_free(p);
	intake_doc_free(doc);
}

static void not_requested_is_never_a_target(void **state)
{
	struct intake_doc *doc = intake_doc_new("t", INTAKE_JSON);
	struct plan *p;
	struct line *l = add_line(doc, 1, 1, LINK_INTERNET, IP_STATIC, "203.0.113.1", NULL);

	l->request_diagnosis = TRI_NO;
	p = build(doc, NULL, 0);
	assert_int_equal(p->lines[0].eligibility, ELIG_YES);        /* what the table says... */
	assert_int_equal(p->lines[0].status, STATUS_NOT_REQUESTED); /* ...but not asked for */
	assert_null(p->lines[0].target);
	plan_free(p);
	intake_doc_free(doc);
}

static void confirmations_are_checked(void **state)
{
	struct intake_doc *doc = intake_doc_new("t", INTAKE_JSON);
	struct ms_error err;
	struct plan *p;

	add_line(doc, 1, 1, LINK_INTERNET, IP_STATIC, "203.0.113.1", NULL);  /* 回線1: ○ */
	add_line(doc, 4, 1, LINK_INTERNET, IP_DYNAMIC, "203.0.113.4", NULL); /* 回線2: row 6 */
	add_line(doc, 6, 1, LINK_INTERNET, IP_STATIC, NULL, "x.example.jp"); /* 回線3: row 3 */
	p = build(doc, NULL, 0);
	{
		struct confirmation c = { .kind = CONFIRM_DAY_IP, .address = "203.0.113.44" };

		assert_int_equal(plan_confirm_check(p, 2, &c, 1, &err), MS_OK);
		assert_int_equal(c.declared_no, 4);
	}
	{
		struct confirmation c = { .kind = CONFIRM_DAY_IP, .address = "192.168.0.1" };

		assert_int_equal(plan_confirm_check(p, 2, &c, 1, &err), MS_ERR_INPUT);
		assert_int_equal(err.msg, MSG_IP_NOT_GLOBAL);
	}
	{
		struct confirmation c = { .kind = CONFIRM_DAY_IP, .address = "198.18.0.1" };

		assert_int_equal(plan_confirm_check(p, 2, &c, 0, &err), MS_ERR_INPUT);
		assert_int_equal(err.msg, MSG_IP_TEST_RANGE);
	}
	{
		struct confirmation c = { .kind = CONFIRM_DAY_IP, .address = "203.0.113.44" };

		assert_int_equal(plan_confirm_check(p, 1, &c, 1, &err), MS_ERR_INPUT);
		assert_int_equal(err.msg, MSG_PLAN_NOT_DYNAMIC);
		assert_int_equal(plan_confirm_check(p, 9, &c, 1, &err), MS_ERR_INPUT);
		assert_int_equal(err.msg, MSG_PLAN_NO_LINE);
	}
	{
		struct confirmation c = { .kind = CONFIRM_MEETING };

		assert_int_equal(plan_confirm_check(p, 1, &c, 1, &err), MS_ERR_INPUT);
		assert_int_equal(err.msg, MSG_PLAN_NOT_CONSULT);
		assert_int_equal(plan_confirm_check(p, 3, &c, 1, &err), MS_ERR_INPUT);
		assert_int_equal(err.msg, MSG_PLAN_NEEDS_ADDRESS);
		snprintf(c.address, sizeof(c.address), "2001:DB8::0:1");
		assert_int_equal(plan_confirm_check(p, 3, &c, 1, &err), MS_OK);
		assert_string_equal(c.address, "2001:db8::1");
	}
	plan_free(p);
	intake_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_row_of_the_table),
		cmocka_unit_test(blank_columns_do_not_matter),
		cmocka_unit_test(scope_and_renumbering),
		cmocka_unit_test(dynamic_needs_the_day_address),
		cmocka_unit_test(consult_needs_the_meeting),
		cmocka_unit_test(row_19_is_settled_by_the_meeting),
		cmocka_unit_test(not_requested_is_never_a_target),
		cmocka_unit_test(confirmations_are_checked),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
