/*
 * plan.c - the round's plan: rebuilt from the latest declarations and every
 * confirmation recorded for the round, stored each time so that the scan
 * always reads the plan as it stands.
 */
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/intake.h"
#include "medsec/store.h"
#include "medsec/survey.h"

static int rebuild(struct survey_session *s, const struct intake_doc *doc,
                   const struct intake_revision *rev, struct plan **out, struct ms_error *err)
{
	struct confirmation *conf = NULL;
	struct plan_input in;
	size_t n = 0;
	char now[32];
	int rc;

	*out = NULL;
	if ((rc = store_confirm_list(s->store, s->round.id, &conf, &n, err)))
		return rc;
	ms_now_iso(now);
	in = (struct plan_input){
		doc, conf, n, s->hospital, s->round.round_no, rev->revision, now, rev->imported_at
	};
	*out = plan_build(&in);
	free(conf);
	if ((rc = store_plan_save(s->store, s->round.id, rev->id, *out, err))) {
		plan_free(*out);
		*out = NULL;
	}
	return rc;
}

/* Hands the declarations to the caller who asked for them, frees them otherwise. */
static void give(struct intake_doc *doc, struct intake_doc **doc_out, int rc)
{
	if (doc_out && !rc)
		*doc_out = doc;
	else
		intake_doc_free(doc);
}

int survey_plan(struct survey_session *s, struct plan **out, struct intake_doc **doc_out,
                struct ms_error *err)
{
	struct intake_revision rev;
	struct intake_doc *doc = NULL;
	int rc;

	*out = NULL;
	if (!(rc = survey_declarations(s, &doc, &rev, err)))
		rc = rebuild(s, doc, &rev, out, err);
	give(doc, doc_out, rc);
	return rc;
}

int survey_confirm(struct survey_session *s, int line_no, struct confirmation *conf,
                   struct plan **out, struct intake_doc **doc_out, struct ms_error *err)
{
	struct intake_revision rev;
	struct intake_doc *doc = NULL;
	struct plan *p = NULL;
	int rc;

	*out = NULL;
	ms_now_iso(conf->confirmed_at);
	/* Judged against the plan as it stands now, so line numbers are the plan's. */
	if (!(rc = survey_declarations(s, &doc, &rev, err)) &&
	    !(rc = rebuild(s, doc, &rev, &p, err)) &&
	    !(rc = plan_confirm_check(p, line_no, conf, rev.allow_test_addresses, err)) &&
	    !(rc = store_confirm_save(s->store, s->round.id, conf, err)))
		rc = rebuild(s, doc, &rev, out, err);
	plan_free(p);
	give(doc, doc_out, rc);
	return rc;
}
