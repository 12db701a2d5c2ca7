/*
 * load.c - gathers everything stored about the chosen hospital's current
 * round (declarations, plan, onsite record, latest scan, services, findings)
 * and the knowledge files, and runs the assessment: what `medsec assess`,
 * `medsec report` and `medsec diagnose` all start from.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "medsec/clock.h"
#include "medsec/diff.h"
#include "medsec/intake.h"
#include "medsec/mem.h"
#include "medsec/onsite.h"
#include "medsec/probe.h"
#include "medsec/store.h"
#include "medsec/survey.h"
#include "medsec/vulndb.h"

int survey_load(const struct survey_config *cfg, int round_no, struct survey *sv,
                struct ms_diags *d, struct ms_error *err)
{
	struct survey_session *s = &sv->session;
	char path[4096];
	size_t n_term = 0;
	int rc;

	memset(sv, 0, sizeof(*sv));
	ms_now_iso(sv->now);
	if ((rc = survey_open(s, cfg, err)) ||
	    (round_no &&
	     (rc = store_round_get(s->store, s->hospital_id, round_no, &s->round, err))) ||
	    (rc = s->round.id ? MS_OK
	                      : ms_fail(err, MS_ERR_INPUT, MSG_NO_SUCH_ROUND, NULL, NULL)) ||
	    (rc = store_plan_load(s->store, s->round.id, &sv->plan, err)) ||
	    /* An earlier round is judged on the declarations its plan was made from. */
	    (rc = store_intake_get(s->store, s->hospital_id,
	                           round_no && sv->plan ? sv->plan->revision : 0, &sv->rev,
	                           &sv->intake_json, err)) ||
	    (rc = intake_load_json_mem(sv->intake_json, strlen(sv->intake_json), s->hospital,
	                               &sv->doc, d, err)) ||
	    (rc = store_onsite_load(s->store, s->round.id, &sv->onsite_json, NULL, 0, err)) ||
	    (rc = store_scan_latest(s->store, s->round.id, &sv->scan, err)))
		goto out;
	if (sv->onsite_json && (rc = onsite_load_json_mem(sv->onsite_json, strlen(sv->onsite_json),
	                                                  "store", &sv->onsite, d, err)))
		goto out;
	if (sv->scan.id &&
	    ((rc = store_scan_results(s->store, sv->scan.id, &sv->hosts, &sv->n_hosts, &sv->ports,
	                              &sv->n_ports, err)) ||
	     (rc = store_services_load(s->store, sv->scan.id, &sv->services, &sv->n_services,
	                               &sv->found, &sv->n_found, err))))
		goto out;
	/* A missing index is a chapter that says so, not a failure. */
	if (access(cfg->vulndb, F_OK) == 0 && (rc = vdb_open(cfg->vulndb, &sv->vdb, err)))
		goto out;
	survey_data_path(cfg, "products.json", path, sizeof(path));
	if ((rc = vdb_products_load(path, &sv->products, d, err)))
		goto out;
	survey_data_path(cfg, "checks.json", path, sizeof(path));
	if ((rc = probe_checks_load(path, &sv->checks, d, err)))
		goto out;
	survey_data_path(cfg, "assess.json", path, sizeof(path));
	if ((rc = assess_rules_load(path, &sv->rules, d, err)) ||
	    (rc = survey_terminals(s, &sv->terminals, d, err)))
		goto out;
	/* Offline-backup answers are the hospital's, not the round's; none is no finding. */
	if (survey_backup_current(s, &sv->backup, err) == MS_OK)
		sv->has_backup = 1;
	else if ((rc = err->status) != MS_ERR_INPUT)
		goto out;
	else
		rc = MS_OK;
	sv->term = ms_xcalloc(sv->terminals.n + 1, sizeof(*sv->term));
	for (size_t i = 0; i < sv->terminals.n; i++)
		if (survey_terminal_result(&sv->terminals.v[i], &sv->term[n_term]))
			n_term++;
	sv->in = (struct assess_input){
		.hospital = s->hospital,
		.round_no = s->round.round_no,
		.revision = sv->rev.revision,
		.doc = sv->doc,
		.plan = sv->plan,
		.onsite = sv->onsite,
		.scan = sv->scan.id ? &sv->scan : NULL,
		.hosts = sv->hosts,
		.n_hosts = sv->n_hosts,
		.ports = sv->ports,
		.n_ports = sv->n_ports,
		/* A scan probed leaves service rows; a scan with no open port has nothing to probe. */
		.probed = sv->n_services > 0 || (sv->scan.id && sv->n_ports == 0),
		.services = sv->services,
		.n_services = sv->n_services,
		.found = sv->found,
		.n_found = sv->n_found,
		.checks = sv->checks,
		.vdb = sv->vdb,
		.products = sv->products,
		.rules = sv->rules,
		.terminals = sv->term,
		.n_terminals = n_term,
		.backup = sv->has_backup ? sv->backup.answers : NULL,
		.backup_decision = sv->has_backup ? &sv->backup.decision : NULL,
		.now = sv->now,
		.lang = cfg->lang,
	};
	if (sv->vdb)
		vdb_status(sv->vdb, &sv->vdb_status);
	rc = assess_run(&sv->in, &sv->a, err);
out:
	/* Data files ship with medsec: a problem in one is a system error, named by its diags. */
	if (rc && d->n)
		rc = ms_fail(err, MS_ERR_SYSTEM, d->v[0].msg, d->v[0].where, d->v[0].arg);
	return rc;
}

int survey_round_diff(const struct survey *now, int from_round, struct round_diff **out,
                      struct ms_diags *d, struct ms_error *err)
{
	struct survey before;
	int rc;

	*out = NULL;
	if ((rc = survey_load(now->session.cfg, from_round, &before, d, err)) == MS_OK)
		*out = round_diff(before.a, before.session.round.round_no,
		                  before.session.round.started_at, now->a,
		                  now->session.round.round_no, now->session.round.started_at);
	survey_free(&before);
	return rc;
}

void survey_free(struct survey *sv)
{
	assessment_free(sv->a);
	free(sv->term);
	survey_terminals_free(&sv->terminals);
	survey_backup_free(&sv->backup);
	assess_rules_free(sv->rules);
	probe_checks_free(sv->checks);
	vdb_products_free(sv->products);
	vdb_close(sv->vdb);
	store_services_free(sv->services, sv->n_services);
	free(sv->found);
	free(sv->hosts);
	free(sv->ports);
	onsite_doc_free(sv->onsite);
	free(sv->onsite_json);
	plan_free(sv->plan);
	intake_doc_free(sv->doc);
	free(sv->intake_json);
	survey_close(&sv->session);
	memset(sv, 0, sizeof(*sv));
}
