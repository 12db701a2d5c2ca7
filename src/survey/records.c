/*
 * records.c - what people record for a hospital: its declarations, the
 * rounds and their cover and dates, authorisations of addresses outside
 * the plan, the consent to try default accounts, the onsite survey.
 * Each is checked here before the store sees it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/ip.h"
#include "medsec/onsite.h"
#include "medsec/store.h"
#include "medsec/survey.h"

int survey_intake_save(const struct survey_config *cfg, const struct intake_doc *doc,
                       const char *source, int allow_test_addresses, struct intake_revision *rev,
                       struct ms_error *err)
{
	struct store *st = NULL;
	char *json = intake_json_dump(doc);
	int rc = store_open(&st, cfg->db, err);

	if (!rc)
		rc = store_intake_save(st, doc->hospital.name, json, source, allow_test_addresses,
		                       rev, err);
	free(json);
	store_close(st);
	return rc;
}

int survey_declarations(struct survey_session *s, struct intake_doc **doc,
                        struct intake_revision *rev, struct ms_error *err)
{
	struct ms_diags d = { 0 };
	char *json = NULL;
	int rc = store_intake_latest(s->store, s->hospital_id, rev, &json, err);

	*doc = NULL;
	if (!rc)
		rc = intake_load_json_mem(json, strlen(json), s->hospital, doc, &d, err);
	free(json);
	ms_diags_dispose(&d);
	return rc;
}

int survey_round_new(struct survey_session *s, struct ms_error *err)
{
	struct scan_record rec;
	int rc;

	/* Opening the session started round 1 if the hospital had none: that untouched round is the new one. */
	if (s->round.round_no == 1 && !s->round.has_plan) {
		if ((rc = store_scan_latest(s->store, s->round.id, &rec, err)) || !rec.id)
			return rc;
	}
	return store_round_new(s->store, s->hospital_id, &s->round, err);
}

int survey_round_set(struct survey_session *s, const struct round_settings *r, struct ms_error *err)
{
	char where[128];

	/* An agreed date that is not a date would print as one in the plan. */
	if ((r->survey_on && !ms_date_valid(r->survey_on)) ||
	    (r->diagnosis_on && !ms_date_valid(r->diagnosis_on))) {
		int first = r->survey_on && !ms_date_valid(r->survey_on);
		snprintf(where, sizeof(where), "%s %s", first ? "--survey-on" : "--diagnosis-on",
		         first ? r->survey_on : r->diagnosis_on);
		return ms_fail(err, MS_ERR_INPUT, MSG_BAD_DATE, where, NULL);
	}
	int rc = store_round_set(s->store, s->round.id, r, err);
	return rc ? rc : store_round_current(s->store, s->hospital_id, &s->round, err);
}

/* May this prefix be authorised? Global, a test range only when allowed, and not wider than 4096 addresses. */
static int scope_check(const char *prefix, int allow_test, struct ms_error *err)
{
	struct ms_prefix p;
	enum ms_addr_class cls;

	if (ms_prefix_parse(prefix, &p) != MS_PREFIX_OK)
		return ms_fail(err, MS_ERR_INPUT, MSG_IP_SYNTAX, prefix, NULL);
	if ((cls = ms_prefix_classify(&p)) == MS_ADDR_NON_GLOBAL)
		return ms_fail(err, MS_ERR_INPUT, MSG_IP_NOT_GLOBAL, prefix, NULL);
	if (cls == MS_ADDR_TEST && !allow_test)
		return ms_fail(err, MS_ERR_INPUT, MSG_IP_TEST_RANGE, prefix, NULL);
	if (ms_prefix_size(&p) > 4096)
		return ms_fail(err, MS_ERR_INPUT, MSG_IP_TOO_WIDE, prefix, NULL);
	return MS_OK;
}

int survey_scope_check(const char *const *prefixes, size_t n, const char *by, int allow_test,
                       struct ms_error *err)
{
	int rc = MS_OK;

	if (!by || !*by)
		return ms_fail(err, MS_ERR_INPUT, MSG_SCOPE_NEEDS_BY, NULL, NULL);
	for (size_t i = 0; i < n && !rc; i++)
		rc = scope_check(prefixes[i], allow_test, err);
	return rc;
}

int survey_scope_add(struct survey_session *s, const char *prefix, const char *by, const char *note,
                     struct ms_error *err)
{
	struct scope_decl d = { 0 };

	snprintf(d.prefix, sizeof(d.prefix), "%s", prefix);
	snprintf(d.authorised_by, sizeof(d.authorised_by), "%s", by);
	snprintf(d.note, sizeof(d.note), "%s", note ? note : "");
	ms_now_iso(d.authorised_at);
	return store_scope_add(s->store, s->hospital_id, &d, err);
}

int survey_scope_list(struct survey_session *s, struct scope_decl **out, size_t *n,
                      struct ms_error *err)
{
	return store_scope_list(s->store, s->hospital_id, out, n, err);
}

int survey_consent_add(struct survey_session *s, const char *by, const char *note,
                       struct ms_error *err)
{
	struct consent k = { 0 };

	if (!by || !*by)
		return ms_fail(err, MS_ERR_INPUT, MSG_SCOPE_NEEDS_BY, NULL, NULL);
	snprintf(k.kind, sizeof(k.kind), "default_accounts");
	snprintf(k.granted_by, sizeof(k.granted_by), "%s", by);
	snprintf(k.note, sizeof(k.note), "%s", note ? note : "");
	ms_now_iso(k.granted_at);
	return store_consent_add(s->store, s->hospital_id, &k, err);
}

int survey_consent_find(struct survey_session *s, struct consent *out, struct ms_error *err)
{
	return store_consent_find(s->store, s->hospital_id, "default_accounts", out, err);
}

int survey_stored_plan(struct survey_session *s, struct plan **out, struct ms_error *err)
{
	return store_plan_load(s->store, s->round.id, out, err);
}

int survey_onsite_record(struct survey_session *s, const struct onsite_doc *doc, const char *source,
                         struct ms_diags *d, struct ms_error *err)
{
	struct plan *plan = NULL;
	char *json, now[32];
	int rc;

	if ((rc = store_plan_load(s->store, s->round.id, &plan, err)))
		return rc;
	if (!plan)
		return ms_fail(err, MS_ERR_INPUT, MSG_ONSITE_NO_PLAN, NULL, NULL);
	onsite_validate(doc, plan, d);
	plan_free(plan);
	if (d->errors)
		return ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL);
	if (!source) /* a check only */
		return MS_OK;
	json = onsite_json_dump(doc);
	ms_now_iso(now);
	rc = store_onsite_save(s->store, s->round.id, json, source, now, err);
	free(json);
	return rc;
}

int survey_onsite_stored(struct survey_session *s, char **json, struct onsite_doc **doc,
                         struct ms_error *err)
{
	struct ms_diags d = { 0 };
	int rc = store_onsite_load(s->store, s->round.id, json, NULL, 0, err);

	*doc = NULL;
	if (!rc && *json)
		rc = onsite_load_json_mem(*json, strlen(*json), "store", doc, &d, err);
	ms_diags_dispose(&d);
	return rc;
}
