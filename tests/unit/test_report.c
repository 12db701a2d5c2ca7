/*
 * test_report.c - the report module on its own: an assessment made from a small
 * inline case (one declared line, a plan, nothing surveyed yet) written in JSON, HTML
 * and XLSX, in Japanese and English; the chapters not yet surveyed say so.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "medsec/assess.h"
#include "medsec/report.h"

static char dir[64];

static int setup(void **state)
{
	snprintf(dir, sizeof(dir), "/tmp/medsec-report-%ld", (long)getpid());
	mkdir(dir, 0700);
	return 0;
}

static int teardown(void **state)
{
	char p[128];
	static const char *const names[] = { "report.json", "report.html", "annexes.xlsx",
		                             "report.pdf" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
	return 0;
}

static char *slurp(const char *name)
{
	char p[128];
	FILE *f;
	long n;
	char *s;

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	f = fopen(p, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	s[n] = '\0';
	fclose(f);
	return s;
}

/* One planned line (dynamic address, not yet confirmed), nothing surveyed. */
static void one_line_case(struct intake_doc **doc, struct plan **plan)
{
	struct plan *p = calloc(1, sizeof(*p));

	*doc = intake_doc_new("t.json", INTAKE_JSON);
	(*doc)->hospital.name = ms_arena_strdup(&(*doc)->arena, "試験病院");
	assert_non_null(p);
	p->hospital = ms_arena_strdup(&p->arena, "試験病院");
	p->round_no = 1;
	p->revision = 1;
	p->lines = calloc(1, sizeof(*p->lines));
	assert_non_null(p->lines);
	p->n_lines = 1;
	p->lines[0] = (struct plan_line){ .line_no = 1,
		                          .declared_no = 1,
		                          .link_type = LINK_INTERNET,
		                          .ip_kind = IP_DYNAMIC,
		                          .eligibility = ELIG_CONSULT,
		                          .table_row = 6,
		                          .reason = REASON_DAY_IP,
		                          .status = STATUS_NEEDS_DAY_IP };
	*plan = p;
}

static void writes_every_format(void **state)
{
	struct intake_doc *doc;
	struct plan *plan;
	struct assess_input in;
	struct assessment *a;
	struct report_opts o = { .lang = MS_LANG_JA, .generated_at = "2026-12-01T00:00:00Z" };
	struct report_files files;
	struct ms_error err;
	json_t *j;
	char *text;

	one_line_case(&doc, &plan);
	in = (struct assess_input){ .hospital = "試験病院",
		                    .round_no = 1,
		                    .revision = 1,
		                    .doc = doc,
		                    .plan = plan,
		                    .now = "2026-12-01T00:00:00Z",
		                    .lang = MS_LANG_JA };
	assert_int_equal(assess_run(&in, &a, &err), MS_OK);
	o.formats = REPORT_JSON | REPORT_HTML | REPORT_XLSX;
	assert_int_equal(report_write(a, dir, &o, &files, &err), MS_OK);
	assert_int_equal(files.n, 3);
	assert_false(files.early);

	text = slurp("report.json");
	j = json_loads(text, 0, NULL);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "hospital")), "試験病院");
	assert_true(json_is_false(json_object_get(j, "early_report")));
	assert_true(json_is_true(json_object_get(json_object_get(j, "available"), "plan")));
	assert_true(json_is_false(json_object_get(json_object_get(j, "available"), "scan")));
	json_t *line = json_array_get(json_object_get(j, "lines"), 0);
	assert_string_equal(json_string_value(json_object_get(line, "plan_status")),
	                    "needs_day_ip");
	assert_string_equal(json_string_value(json_object_get(line, "eligibility")), "consult");
	json_decref(j);
	free(text);

	text = slurp("report.html");
	assert_non_null(strstr(text, "外部ネットワーク接続点調査報告書"));
	assert_non_null(strstr(text, "試験病院"));
	assert_null(strstr(text, "<script src=")); /* self-contained: no outside resources */
	free(text);
	text = slurp("annexes.xlsx");
	assert_memory_equal(text, "PK", 2); /* a zip container */
	free(text);

	/* The same in English. */
	o.lang = MS_LANG_EN;
	o.formats = REPORT_HTML;
	in.lang = MS_LANG_EN;
	assessment_free(a);
	assert_int_equal(assess_run(&in, &a, &err), MS_OK);
	assert_int_equal(report_write(a, dir, &o, &files, &err), MS_OK);
	text = slurp("report.html");
	assert_non_null(strstr(text, "External network connection point survey report"));
	assert_null(strstr(text, "外部ネットワーク接続点調査報告書"));
	free(text);

	assessment_free(a);
	plan_free(plan);
	intake_doc_free(doc);
}

static void refuses_a_folder_it_cannot_write(void **state)
{
	struct intake_doc *doc;
	struct plan *plan;
	struct assess_input in;
	struct assessment *a;
	struct report_opts o = { .lang = MS_LANG_JA,
		                 .generated_at = "2026-12-01T00:00:00Z",
		                 .formats = REPORT_JSON };
	struct report_files files;
	struct ms_error err;
	char p[128];
	FILE *f;

	one_line_case(&doc, &plan);
	in = (struct assess_input){
		.hospital = "試験病院", .doc = doc, .plan = plan, .now = "2026-12-01T00:00:00Z"
	};
	assert_int_equal(assess_run(&in, &a, &err), MS_OK);
	/* A file where the folder should be: refused, with the place. */
	snprintf(p, sizeof(p), "%s/report.json", dir);
	f = fopen(p, "w");
	assert_non_null(f);
	fclose(f);
	snprintf(p, sizeof(p), "%s/report.json/sub", dir);
	assert_int_not_equal(report_write(a, p, &o, &files, &err), MS_OK);
	assert_non_null(strstr(err.where, "report.json"));
	assessment_free(a);
	plan_free(plan);
	intake_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(writes_every_format, setup, teardown),
		cmocka_unit_test_setup_teardown(refuses_a_folder_it_cannot_write, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
