/* survey.h - one round of one hospital, loaded whole and assessed (cli/survey.c). */
#ifndef MEDSEC_CLI_SURVEY_H
#define MEDSEC_CLI_SURVEY_H

#include "cli/cli.h"
#include "medsec/assess.h"
#include "medsec/vulndb.h"

struct survey {
	struct store *store;
	int64_t hospital_id;
	char *hospital;
	struct store_revision rev;
	char *intake_json, *onsite_json;
	struct intake_doc *doc;
	struct store_round round;
	struct plan *plan;			/* NULL: no plan yet */
	struct onsite_doc *onsite;		/* NULL: not recorded */
	struct scan_record scan;		/* id 0: no scan */
	struct scan_host_row *hosts;
	size_t n_hosts;
	struct scan_port_row *ports;
	size_t n_ports;
	struct service_row *services;
	size_t n_services;
	struct finding_row *found;
	size_t n_found;
	struct vdb *vdb;			/* NULL: no index */
	struct vdb_status vdb_status;
	struct vdb_products *products;
	struct probe_checks *checks;
	struct assess_rules *rules;
	char now[32];
	struct assess_input in;
	struct assessment *a;
};

/* Loads and assesses the current round; index is --index or NULL. Free with survey_free, even after a failure. */
int survey_load(struct cli *c, const char *index, struct survey *sv, struct ms_error *err);
/* The same for round round_no (MS_ERR_INPUT if the hospital has no such round). */
int survey_load_round(struct cli *c, const char *index, int round_no, struct survey *sv, struct ms_error *err);
void survey_free(struct survey *sv);

struct round_diff;
/* Compares round from_round with the survey now; *out is new (round_diff_free). */
int survey_round_diff(struct cli *c, const char *index, const struct survey *now, int from_round,
		      struct round_diff **out, struct ms_error *err);

#endif
