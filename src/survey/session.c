/*
 * session.c - a hospital's current round, opened once for a use case: the
 * store, the hospital (by name, or the only one), the round.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/store.h"
#include "medsec/survey.h"

int survey_open(struct survey_session *s, const struct survey_config *cfg, struct ms_error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	s->cfg = cfg;
	if ((rc = store_open(&s->store, cfg->db, err)) ||
	    (rc = store_hospital_find(s->store, cfg->hospital, &s->hospital_id, &s->hospital,
	                              err)) ||
	    (rc = store_round_current(s->store, s->hospital_id, &s->round, err)))
		survey_close(s);
	return rc;
}

void survey_close(struct survey_session *s)
{
	store_close(s->store);
	free(s->hospital);
	s->store = NULL;
	s->hospital = NULL;
}

void survey_data_path(const struct survey_config *cfg, const char *name, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", cfg->data_dir, name);
}

int survey_standing(struct survey_session *s, struct survey_standing *out, struct ms_error *err)
{
	struct plan *plan = NULL;
	int rc = store_plan_load(s->store, s->round.id, &plan, err);

	memset(out, 0, sizeof(*out));
	out->has_plan = plan != NULL;
	plan_free(plan);
	if (!rc)
		rc = store_scan_latest(s->store, s->round.id, &out->scan, err);
	if (!rc && out->scan.id && out->scan.status == SCAN_DONE) {
		struct service_row *rows;
		struct finding_row *found;
		size_t nf;

		if (!(rc = store_services_load(s->store, out->scan.id, &rows, &out->n_services,
		                               &found, &nf, err))) {
			store_services_free(rows, out->n_services);
			free(found);
		}
	}
	return rc;
}
