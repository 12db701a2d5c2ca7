/*
 * compose.c - the report's content, chapter by chapter as seed 000 describes
 * it, from the assessment. Where the data of a chapter does not exist yet
 * (no onsite record, no scan, no index, no terminal survey) the chapter says
 * so plainly instead of showing empty tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/diff.h"
#include "medsec/plan.h"
#include "medsec/prose.h"
#include "medsec/vulndb.h"
#include "report/report_int.h"

struct ctx {
	const struct assessment *a;
	const struct assess_input *in;
	const struct report_opts *o;
	struct rdoc *d;
	enum ms_lang lang;
};

#define L(pair) TXT(c->lang, pair)

static const char *sev_label(const struct ctx *c, enum finding_severity s)
{
	return s ? assess_severity_label(s, c->lang) : "-";
}

/* A CVSS band as a severity key (a row tint), NULL for no score. */
static const char *band_key(enum cvss_severity s)
{
	return s > SEV_NONE ? cvss_severity_key(s) : NULL;
}

/* A CVSS band for people, in the findings' words (緊急 重要 警告 注意). */
static const char *band_label(const struct ctx *c, enum cvss_severity s)
{
	const struct model_enum *e = model_enum_by_key(model_finding_severities, band_key(s));

	return e ? sev_label(c, (enum finding_severity)e->value) : "-";
}

static const char *nz(const char *s)
{
	return s && *s ? s : "-";
}

static const char *place_text(struct ctx *c, const struct place *p)
{
	return rdoc_fmt(c->d, "%s %s %s", p->building ? p->building : "", p->floor ? p->floor : "",
	                p->room ? p->room : "");
}

static const char *count(struct ctx *c, int n)
{
	return rdoc_fmt(c->d, "%d", n);
}

static const char *diagnosis_label(const struct ctx *c, const char *key)
{
	if (!strcmp(key, "diagnosed"))
		return L(R_DIAGNOSED);
	if (!strcmp(key, "address_unknown"))
		return L(R_NOT_POSSIBLE_ADDRESS_UNKNOWN);
	if (!strcmp(key, "not_diagnosed"))
		return L(R_NOT_YET_DIAGNOSED);
	if (!strcmp(key, "not_eligible"))
		return L(R_NOT_ELIGIBLE);
	return L(R_NOT_REQUESTED);
}

/* "7.2.11 (2025-02-12)"; a known fix newer than that says the list is old. */
static const char *latest_cell(struct ctx *c, const struct assess_target *x)
{
	if (!x->latest)
		return L(R_NOT_KNOWN);
	if (x->latest_stale)
		return rdoc_fmt(c->d, L(R_NEWER_EXIST_FIX_IN), x->latest, nz(x->latest_date),
		                x->fixed_in);
	return rdoc_fmt(c->d, "%s (%s)", x->latest, nz(x->latest_date));
}

static void counts_cells(struct ctx *c, const int *counts, const char **cells)
{
	cells[0] = count(c, counts[SEV_CRITICAL]);
	cells[1] = count(c, counts[SEV_HIGH]);
	cells[2] = count(c, counts[SEV_MEDIUM]);
	cells[3] = count(c, counts[SEV_LOW]);
}

/* The worst band present, as a row tint. */
static const char *worst(const int *counts)
{
	for (int b = SEV_CRITICAL; b > SEV_NONE; b--)
		if (counts[b])
			return band_key((enum cvss_severity)b);
	return NULL;
}

static const char *vuln_ids(struct ctx *c, const struct assess_target *t)
{
	char buf[2048] = "";
	size_t used = 0;

	for (size_t i = 0; t && i < t->n && used < sizeof(buf) - 1; i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s", used ? ", " : "",
		                         t->v[i].jvndb ? t->v[i].jvndb : t->v[i].cve);
	return rdoc_str(c->d, used ? buf : "-");
}

/* ---- はじめに・総括 ---- */

static int onsite_confirmed(const struct ctx *c)
{
	int n = 0;

	for (size_t i = 0; i < c->a->n_lines; i++)
		n += c->a->lines[i].onsite && c->a->lines[i].onsite->confirmed == TRI_YES;
	return n;
}

/* A re-survey: what changed since the previous round, first (issue: the monthly re-diagnosis). */
static void change_rows(struct ctx *c, struct rtable *t, const struct diff_list *l,
                        const char *what)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diff_item *it = &l->v[i];
		rdoc_row(c->d, t,
		         it->severity && it->severity != FSEV_INFO
		                 ? assess_severity_key(it->severity)
		                 : NULL,
		         (const char *[]){ what,
		                           it->severity
		                                   ? rdoc_fmt(c->d, "[%s] %s",
		                                              sev_label(c, it->severity), it->what)
		                                   : it->what,
		                           it->was ? (*it->was ? it->was : "-") : "",
		                           it->was ? (it->now && *it->now ? it->now : "-") : "" });
	}
}

static void changes(struct ctx *c)
{
	static const double w[] = { 1.3, 4.2, 1.6, 1.6 };
	const char *head[] = { L(R_KIND), L(R_WHAT), L(R_BEFORE), L(R_NOW), NULL };
	const struct round_diff *d = c->o->diff;
	struct rtable *t;

	if (!d)
		return;
	rdoc_heading(c->d, 2, rdoc_fmt(c->d, L(R_CHANGES_SINCE_ROUND), d->from_round));
	rdoc_para(c->d, rdoc_fmt(c->d, L(R_ROUND_FROM_AGAINST_THIS_ROUND_FROM), d->from_round,
	                         d->from_date, d->to_round, d->to_date, d->findings_new.n,
	                         d->findings_resolved.n, d->findings_open.n,
	                         d->scanned ? rdoc_fmt(c->d, L(R_OPEN_PORTS_NEW_GONE_UNCHANGED),
	                                               d->ports_new.n, d->ports_gone.n,
	                                               d->ports_unchanged)
	                                    : L(R_PORTS_WERE_NOT_COMPARED_ONE_OF)));
	t = rdoc_table(c->d, L(R_SHEET_CHANGES), head, w);
	change_rows(c, t, &d->findings_new, L(R_NEW_FINDING));
	change_rows(c, t, &d->findings_open, L(R_STILL_OPEN));
	change_rows(c, t, &d->findings_resolved, L(R_RESOLVED));
	change_rows(c, t, &d->ports_new, L(R_NEW_PORT));
	change_rows(c, t, &d->ports_gone, L(R_PORT_GONE));
	change_rows(c, t, &d->services_changed, L(R_SERVICE_CHANGED));
	change_rows(c, t, &d->firmware_changed, L(R_FIRMWARE));
	change_rows(c, t, &d->lines_new, L(R_NEW_LINE));
	change_rows(c, t, &d->lines_gone, L(R_LINE_GONE));
	change_rows(c, t, &d->lines_changed, L(R_LINE_ADDRESS));
}

static void summary(struct ctx *c)
{
	const struct assessment *a = c->a;
	const struct assess_input *in = c->in;
	static const double w2[] = { 2, 3 };
	const char *head[] = { L(R_ITEM), L(R_RESULT), NULL };
	struct rtable *t;
	int diagnosed = 0, sev[6] = { 0 };

	rdoc_heading(c->d, 1, L(R_INTRODUCTION_AND_SUMMARY));
	rdoc_para(c->d, L(R_THIS_REPORT_GIVES_THE_RESULTS_OF));
	rdoc_para(c->d, L(R_ANNEX_1_DEVICES_AND_PLACES_SEEN));
	rdoc_heading(c->d, 2, L(R_SUMMARY_OF_RESULTS));
	for (size_t i = 0; i < a->n_lines; i++)
		diagnosed += !strcmp(a->lines[i].diagnosis, "diagnosed");
	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].severity)
			sev[a->findings[i].severity - FSEV_CRITICAL]++;
	t = rdoc_table(c->d, NULL, head, w2);
	rdoc_row(c->d, t, NULL, (const char *[]){ L(R_HOSPITAL), in->hospital });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){ L(R_SURVEY_ROUND), rdoc_fmt(c->d, L(R_ROUND_INTAKE_REVISION),
	                                                       in->round_no, in->revision) });
	rdoc_row(
	        c->d, t, NULL,
	        (const char *[]){ L(R_LINES_IN_THE_PLAN),
	                          in->plan ? count(c, (int)in->plan->n_lines) : L(R_NO_PLAN_YET) });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){
	                 L(R_LINES_CONFIRMED_ON_SITE),
	                 in->onsite ? rdoc_fmt(c->d, "%d / %zu", onsite_confirmed(c), a->n_lines)
	                            : L(R_ONSITE_SURVEY_NOT_RECORDED) });
	rdoc_row(c->d, t, in->onsite && in->onsite->n_unregistered ? "high" : NULL,
	         (const char *[]){ L(R_UNREGISTERED_LINES_FOUND_ON_SITE),
	                           in->onsite ? count(c, (int)in->onsite->n_unregistered) : "-" });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){ L(R_GLOBAL_ADDRESSES_DIAGNOSED),
	                           in->scan ? count(c, diagnosed) : L(R_NOT_YET) });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){ L(R_RESPONDING_PORTS),
	                           in->scan ? count(c, a->responding) : "-" });
	rdoc_row(c->d, t, worst(a->counts),
	         (const char *[]){ L(R_VULNERABILITIES_FOUND_BY_THE_DIAGNOSIS),
	                           !in->scan ? "-"
	                           : !in->vdb
	                                   ? L(R_NO_INDEX_NOT_CHECKED)
	                                   : rdoc_fmt(c->d, L(R_CRITICAL_HIGH_MEDIUM_LOW),
	                                              a->counts[SEV_CRITICAL], a->counts[SEV_HIGH],
	                                              a->counts[SEV_MEDIUM], a->counts[SEV_LOW]) });
	rdoc_row(c->d, t,
	         sev[0]   ? "critical"
	         : sev[1] ? "high"
	                  : NULL,
	         (const char *[]){ L(R_FINDINGS),
	                           rdoc_fmt(c->d, L(R_CRITICAL_HIGH_MEDIUM_LOW_INFO), a->n_findings,
	                                    sev[0], sev[1], sev[2], sev[3], sev[4]) });
	rdoc_row(c->d, t, a->early_due ? "critical" : NULL,
	         (const char *[]){ L(R_ANNEX_4_EARLY_REPORT),
	                           a->early_due ? L(R_WRITTEN_ACT_AT_ONCE) : L(R_NOT_DUE) });
}

/* Findings, most urgent first: what to fix first. */
static void findings(struct ctx *c, int early_only)
{
	static const double w[] = { 0.5, 0.8, 2.2, 3.2, 3.6, 1.6 };
	const char *head[] = { L(R_RANK),       L(R_SEVERITY), L(R_SUBJECT), L(R_FINDING),
		               L(R_WHAT_TO_DO), L(R_MANUAL),   NULL };
	struct rtable *t;
	size_t shown = 0;

	for (size_t i = 0; i < c->a->n_findings; i++)
		shown += !early_only || c->a->findings[i].early;
	if (!shown) {
		rdoc_para(c->d, L(R_NO_FINDINGS));
		return;
	}
	t = rdoc_table(c->d, early_only ? L(R_SHEET_ANNEX_4) : L(R_SHEET_FINDINGS), head, w);
	for (size_t i = 0; i < c->a->n_findings; i++) {
		const struct assess_finding *f = &c->a->findings[i];
		if (early_only && !f->early)
			continue;
		rdoc_row(c->d, t, assess_severity_key(f->severity),
		         (const char *[]){ count(c, f->rank),
		                           rdoc_fmt(c->d, "%s%s", sev_label(c, f->severity),
		                                    f->kev ? " KEV" : ""),
		                           nz(f->subject),
		                           rdoc_fmt(c->d, "%s\n%s%s%s", f->title, f->reason,
		                                    f->refs ? "\n" : "", f->refs ? f->refs : ""),
		                           nz(f->advice), nz(f->manual) });
	}
}

static void notation(struct ctx *c)
{
	static const double w[] = { 1, 1.2, 4 };
	const char *head[] = { L(R_SEVERITY), L(R_CVSS_V3_BASE), L(R_MEANING), NULL };
	struct rtable *t;

	rdoc_heading(c->d, 1, L(R_NOTATION));
	rdoc_para(c->d, L(R_SEVERITY_FOLLOWS_CVSS_V3_BASE_SCORES));
	t = rdoc_table(c->d, NULL, head, w);
	rdoc_row(c->d, t, "critical",
	         (const char *[]){ L(R_CRITICAL), "9.0 - 10.0",
	                           L(R_EXPLOITS_CIRCULATE_OR_DAMAGE_OCCURS_ACT) });
	rdoc_row(c->d, t, "high",
	         (const char *[]){ L(R_HIGH), "7.0 - 8.9", L(R_ACT_AT_ONCE_CVSS_7_0) });
	rdoc_row(c->d, t, "medium", (const char *[]){ L(R_MEDIUM), "4.0 - 6.9", L(R_PLAN_A_FIX) });
	rdoc_row(c->d, t, "low",
	         (const char *[]){ L(R_LOW), "0.1 - 3.9", L(R_FIX_AS_THE_SITUATION_REQUIRES) });
	rdoc_para(c->d, L(R_OLDER_RECORDS_SCORED_ONLY_IN_CVSS));
	rdoc_para(c->d, L(R_THE_LATEST_FIRMWARE_IS_THE_VERSION));
	rdoc_para(c->d, L(R_KEV_LISTED_IN_CISA_S_CATALOGUE));
	rdoc_para(c->d, L(R_LOOK_JVN_NUMBERS_UP_AT_HTTPS));
	if (c->o->vdb) {
		const struct vdb_status *s = c->o->vdb;
		rdoc_note(c->d,
		          rdoc_fmt(c->d, L(R_INDEX_USED_NVD_RECORDS_JVN_KEV),
		                   s->src[VDB_SRC_NVD].records, nz(s->src[VDB_SRC_NVD].newest),
		                   s->src[VDB_SRC_JVN].records, nz(s->src[VDB_SRC_JVN].newest),
		                   s->src[VDB_SRC_KEV].records, nz(s->src[VDB_SRC_KEV].newest)));
		rdoc_note(c->d, VDB_NVD_NOTICE);
	} else {
		rdoc_note(c->d, L(R_NO_VULNERABILITY_INDEX_NOTHING_WAS_LOOKED));
	}
}

/* ---- 1 physical layout ---- */

static const char *onsite_state(struct ctx *c, const struct assess_line *l)
{
	if (!c->in->onsite)
		return L(R_NOT_RECORDED);
	if (!l->onsite)
		return L(R_NO_RECORD);
	if (l->onsite->confirmed == TRI_YES)
		return L(R_CONFIRMED);
	return rdoc_fmt(c->d, L(R_NOT_CONFIRMED), nz(l->onsite->reason));
}

/* Termination first, then the network devices, then the EHR network, from the outside in. */
static int device_order(enum device_kind k)
{
	switch (k) {
	case DEV_ONU:
	case DEV_HGW:
	case DEV_CTU:
	case DEV_MODEM: return 0;
	case DEV_ROUTER:
	case DEV_VPN: return 1;
	case DEV_UTM:
	case DEV_FIREWALL: return 2;
	default: return 3;
	}
}

static void diagram(struct ctx *c, const struct assess_line *l)
{
	const struct plan_line *pl = l->plan;
	struct rdiagram *g = rdoc_diagram(
	        c->d, rdoc_fmt(c->d, L(R_LINE_NO_AND_NAME), pl->line_no, nz(pl->use)));
	const struct intake_doc *doc = c->in->doc;

	rdoc_node(c->d, g,
	          rdoc_fmt(c->d, "%s\n%s", L(R_OUTSIDE),
	                   model_enum_label(model_link_types, (int)pl->link_type, c->lang)));
	/* Seen on site when recorded, else as declared. */
	for (int order = 0; order < 4; order++) {
		int any_onsite = 0;
		for (size_t i = 0; c->in->onsite && i < c->in->onsite->n_devices; i++) {
			const struct onsite_device *v = &c->in->onsite->devices[i];
			if (v->line_no != pl->line_no)
				continue;
			any_onsite = 1;
			if (device_order(v->kind) == order)
				rdoc_node(c->d, g,
				          rdoc_fmt(c->d, "%s %s\n(%s)", nz(v->maker), nz(v->model),
				                   nz(model_enum_label(model_device_kinds,
				                                       (int)v->kind, c->lang))));
		}
		if (any_onsite)
			continue;
		for (size_t i = 0; doc && i < doc->n_devices; i++) {
			const struct device *v = &doc->devices[i];
			if (v->line_no == pl->declared_no && device_order(v->kind) == order)
				rdoc_node(c->d, g,
				          rdoc_fmt(c->d, "%s %s\n(%s)", nz(v->maker), nz(v->model),
				                   nz(model_enum_label(model_device_kinds,
				                                       (int)v->kind, c->lang))));
		}
	}
	rdoc_node(c->d, g, L(R_HOSPITAL_NETWORK_EHR));
}

/* Seed 000 keys lines by 回線ID: "回線1 (回線ID CAF00001)" where it was declared. */
static const char *line_cell(struct ctx *c, int line_no)
{
	const struct plan_line *l = c->in->plan ? plan_line_by_no(c->in->plan, line_no) : NULL;

	if (l && l->line_id)
		return rdoc_fmt(c->d, L(R_LINE_LINE_ID), line_no, l->line_id);
	return rdoc_fmt(c->d, L(R_LINE_NO), line_no);
}

/* 回線事業者 and 回線ID as declared; the provider where no carrier was named (older workbooks). */
static const char *carrier_cell(struct ctx *c, const struct plan_line *l)
{
	const char *who = l->carrier ? l->carrier : l->provider;

	if (l->line_id)
		return rdoc_fmt(c->d, L(R_LINE_ID), who ? who : "-", l->line_id);
	return who ? who : "-";
}

/*
 * Seed 000: the report's line numbers are the plan's, not the workbook's. The map, with the
 * lines the plan left out and why, so a hospital can find its own lines.
 */
static void renumbering(struct ctx *c)
{
	static const double w[] = { 1.4, 1.4, 2.4, 3.2 };
	const char *head[] = { L(R_WORKBOOK_LINE), L(R_REPORT_LINE), L(R_USE), L(R_NOTE), NULL };
	const struct plan *p = c->in->plan;
	struct rtable *t;
	size_t i = 0, k = 0;

	rdoc_heading(c->d, 2, L(R_LINE_NUMBERS));
	rdoc_para(c->d, L(R_THIS_REPORT_NUMBERS_LINES_AS_THE));
	t = rdoc_table(c->d, L(R_SHEET_LINE_NUMBERS), head, w);
	/* Both lists are in declared order: merge them. */
	while (i < p->n_lines || k < p->n_out_of_scope) {
		if (k >= p->n_out_of_scope ||
		    (i < p->n_lines && p->lines[i].declared_no < p->out_of_scope[k].declared_no)) {
			const struct plan_line *l = &p->lines[i++];
			rdoc_row(c->d, t, NULL,
			         (const char *[]){
			                 rdoc_fmt(c->d, L(R_LINE_NO), l->declared_no),
			                 rdoc_fmt(c->d, L(R_LINE_NO), l->line_no), nz(l->use),
			                 l->declared_no != l->line_no ? L(R_RENUMBERED) : "" });
		} else {
			const struct plan_out_of_scope *o = &p->out_of_scope[k++];
			rdoc_row(c->d, t, "low",
			         (const char *[]){ rdoc_fmt(c->d, L(R_LINE_NO), o->declared_no),
			                           L(R_LEFT_OUT), nz(o->use),
			                           msg_text(plan_reason_msg(o->reason), c->lang) });
		}
	}
}

static void chapter1(struct ctx *c)
{
	static const double w[] = { 0.7, 2, 1.3, 1.3, 2.2, 2.4 };
	static const double wu[] = { 1, 1.4, 1.6, 2.4, 2.4 };
	const char *head[] = { L(R_LINE_NUMBER),    L(R_USE),     L(R_LINK), L(R_CARRIER_LINE_ID),
		               L(R_DECLARED_PLACE), L(R_ON_SITE), NULL };
	const char *uhead[] = { L(R_LINE_NUMBER), L(R_TERMINATION), L(R_MAKER_MODEL),
		                L(R_PLACE),       L(R_NOTES),       NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_1_PHYSICAL_LAYOUT_AROUND_THE_CONNECTION));
	if (!c->in->plan) {
		rdoc_para(c->d, L(R_NO_PLAN_YET_MEDSEC_PLAN));
		return;
	}
	rdoc_para(c->d, L(R_DECLARED_LINES_THE_PLAN_AGAINST_WHAT));
	if (!c->in->onsite)
		rdoc_note(c->d, L(R_THE_ONSITE_SURVEY_IS_NOT_RECORDED));
	renumbering(c);
	rdoc_heading(c->d, 2, L(R_1_1_LINES));
	t = rdoc_table(c->d, L(R_SHEET_LINES), head, w);
	for (size_t i = 0; i < c->a->n_lines; i++) {
		const struct assess_line *l = &c->a->lines[i];
		rdoc_row(c->d, t, l->onsite && l->onsite->confirmed == TRI_NO ? "low" : NULL,
		         (const char *[]){ rdoc_fmt(c->d, L(R_LINE_NO), l->plan->line_no),
		                           nz(l->plan->use),
		                           nz(model_enum_label(model_link_types,
		                                               (int)l->plan->link_type, c->lang)),
		                           carrier_cell(c, l->plan),
		                           nz(l->plan->termination_location), onsite_state(c, l) });
	}
	rdoc_heading(c->d, 2, L(R_1_2_UNREGISTERED_LINES));
	if (!c->in->onsite) {
		rdoc_para(c->d, L(R_NOT_KNOWN_WITHOUT_THE_ONSITE_SURVEY));
	} else if (!c->in->onsite->n_unregistered) {
		rdoc_para(c->d, L(R_NO_TERMINATION_BEYOND_THE_DECLARED_LINES));
	} else {
		rdoc_para(c->d, L(R_TERMINATIONS_NOBODY_DECLARED_WERE_FOUND_ON));
		t = rdoc_table(c->d, L(R_SHEET_UNREGISTERED), uhead, wu);
		for (size_t i = 0; i < c->in->onsite->n_unregistered; i++) {
			const struct onsite_unregistered *u = &c->in->onsite->unregistered[i];
			rdoc_row(c->d, t, "high",
			         (const char *[]){
			                 L(R_UNREGISTERED),
			                 nz(model_enum_label(model_termination_kinds,
			                                     (int)u->termination, c->lang)),
			                 rdoc_fmt(c->d, "%s %s", u->maker ? u->maker : "",
			                          u->model ? u->model : ""),
			                 place_text(c, &u->place), nz(u->notes) });
		}
	}
	rdoc_heading(c->d, 2, L(R_1_3_NETWORK_DIAGRAM_PER_LINE));
	rdoc_note(c->d, L(R_FROM_THE_TERMINATION_IN_AS_SEEN));
	for (size_t i = 0; i < c->a->n_lines; i++)
		diagram(c, &c->a->lines[i]);
}

/* ---- 2 devices ---- */

static void chapter2(struct ctx *c)
{
	static const double w[] = { 0.7, 2.2, 0.9, 1.2, 1.3, 0.6, 0.6, 0.6, 0.6, 2.4 };
	const char *head[] = { L(R_LINE_NUMBER),
		               L(R_DEVICE),
		               L(R_LOGIN),
		               L(R_FIRMWARE),
		               L(R_LATEST),
		               L(R_CRITICAL_SHORT),
		               L(R_HIGH),
		               L(R_MEDIUM_SHORT),
		               L(R_LOW),
		               L(R_IDS),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_2_NETWORK_DEVICES_ON_THE_EXTERNAL));
	if (!c->in->onsite) {
		rdoc_para(c->d, L(R_NEEDS_THE_ONSITE_SURVEY_RECORD_MEDSEC));
		return;
	}
	rdoc_para(c->d, L(R_DEVICES_SEEN_ON_SITE_PER_LINE));
	t = rdoc_table(c->d, L(R_SHEET_DEVICES), head, w);
	for (size_t i = 0; i < c->a->n_targets; i++) {
		const struct assess_target *x = &c->a->targets[i];
		const char *cells[10];
		if (x->source != SRC_ONSITE)
			continue;
		cells[0] = line_cell(c, x->line_no);
		cells[1] = x->label;
		cells[2] = x->version ? L(R_DONE) : L(R_NOT_DONE);
		cells[3] = x->version ? x->version : L(R_NOT_CHECKED);
		cells[4] = latest_cell(c, x);
		if (x->status == CHECK_DONE) {
			counts_cells(c, x->counts, cells + 5);
			cells[9] = vuln_ids(c, x);
		} else {
			for (int k = 5; k < 9; k++)
				cells[k] = "-";
			cells[9] = x->status == CHECK_NO_VERSION   ? L(R_NOT_CHECKED)
			           : x->status == CHECK_NO_MAPPING ? L(R_NO_CPE_MAPPING)
			                                           : L(R_NO_INDEX_SHORT);
		}
		rdoc_row(c->d, t, worst(x->counts), cells);
	}
	if (!t->nrows)
		rdoc_para(c->d, L(R_NO_DEVICE_RECORDED_ON_SITE));
}

/* ---- 3 remote diagnosis ---- */

/* Who confirmed a dynamic line's address on the day, and who recorded each meeting (seed 002). */
static void confirmations_note(struct ctx *c)
{
	for (size_t i = 0; i < c->a->n_lines; i++) {
		const struct plan_line *l = c->a->lines[i].plan;
		char day[11];

		if (l->confirmed_ip && ms_date_jst(l->confirmed_at, day) == 0)
			rdoc_note(c->d,
			          rdoc_fmt(c->d, L(R_LINE_S_DYNAMIC_ADDRESS_WAS_CONFIRMED),
			                   l->line_no, l->confirmed_ip, day,
			                   l->confirmed_by ? l->confirmed_by
			                                   : L(R_THE_HOSPITAL_THE_WORKBOOK_S_DAY)));
		if (l->meeting_confirmed && ms_date_jst(l->meeting_at, day) == 0)
			rdoc_note(c->d,
			          rdoc_fmt(c->d, L(R_LINE_WAS_SETTLED_IN_THE_MEETING), l->line_no,
			                   day, l->meeting_by ? l->meeting_by : "-"));
	}
}

static void chapter3(struct ctx *c)
{
	static const double w[] = { 0.7, 1.5, 1.6, 3, 0.6, 0.6, 0.6, 0.6 };
	const char *head[] = { L(R_LINE_NUMBER),
		               L(R_GLOBAL_IP),
		               L(R_DIAGNOSIS),
		               L(R_RESPONDING_PORTS),
		               L(R_CRITICAL_SHORT),
		               L(R_HIGH),
		               L(R_MEDIUM_SHORT),
		               L(R_LOW),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_3_REMOTE_VULNERABILITY_DIAGNOSIS));
	rdoc_para(c->d, L(R_PORT_SCAN_OF_EACH_LINE_S));
	if (!c->in->plan)
		return;
	if (!c->in->scan)
		rdoc_note(c->d, L(R_NO_DIAGNOSIS_YET_MEDSEC_SCAN_MEDSEC));
	t = rdoc_table(c->d, L(R_SHEET_DIAGNOSIS), head, w);
	for (size_t i = 0; i < c->a->n_lines; i++) {
		const struct assess_line *l = &c->a->lines[i];
		char ports[1024] = "";
		size_t used = 0;
		const char *cells[8];

		for (size_t k = 0; k < l->n_ports && used < sizeof(ports) - 1; k++) {
			const struct assess_port *p = &c->a->ports[l->first_port + k];
			if (!p->responded)
				continue;
			used += (size_t)snprintf(ports + used, sizeof(ports) - used, "%s%d/%s%s%s",
			                         used ? ", " : "", p->port, p->proto,
			                         p->svc->service[0] ? " " : "", p->svc->service);
		}
		cells[0] = rdoc_fmt(c->d, L(R_LINE_NO), l->plan->line_no);
		cells[1] = l->address                                 ? l->address
		           : l->plan->target                          ? l->plan->target
		           : !strcmp(l->diagnosis, "address_unknown") ? L(R_ADDRESS_UNKNOWN)
		                                                      : "-";
		cells[2] = diagnosis_label(c, l->diagnosis);
		if ((size_t)l->responding < l->n_ports) {
			size_t u2 = strlen(ports);
			snprintf(ports + u2, sizeof(ports) - u2,
			         L(R_UDP_PORTS_SILENT_OPEN_OR_FILTERED), u2 ? "\n" : "",
			         l->n_ports - (size_t)l->responding);
			used = 1;
		}
		cells[3] = !strcmp(l->diagnosis, "diagnosed") ? (used ? ports : L(R_NO_RESPONSE))
		                                              : "-";
		if (!strcmp(l->diagnosis, "diagnosed") && c->in->vdb)
			counts_cells(c, l->counts, cells + 4);
		else
			cells[4] = cells[5] = cells[6] = cells[7] = "-";
		rdoc_row(c->d, t, worst(l->counts), cells);
	}
	if (c->in->scan)
		rdoc_note(c->d,
		          rdoc_fmt(c->d, L(R_DIAGNOSIS_TO_FROM_TCP_UDP), c->in->scan->started_at,
		                   nz(c->in->scan->finished_at), nz(c->in->scan->source_address),
		                   c->in->scan->ports, c->in->scan->udp_ports));
	confirmations_note(c);
}

/* ---- 4 terminals, 5 passwords ---- */

/* The result the survey has for declared terminal no, or NULL. */
static const struct terminal_result *result_for(const struct ctx *c, int no)
{
	for (size_t i = 0; i < c->in->n_terminals; i++)
		if (c->in->terminals[i].declared_no == no)
			return &c->in->terminals[i];
	return NULL;
}

/* "Windows 11 Pro 23H2 (22631.4460)": ProductName says "Windows 10" on 11, the build does not. */
static const char *os_text(struct ctx *c, const struct terminal_result *r)
{
	char name[160];

	terminal_os_name(r->product, r->family, r->display_version, name, sizeof(name));
	return rdoc_fmt(c->d, "%s (%u.%u)", name, r->build, r->ubr);
}

static const char *support_text(struct ctx *c, const struct terminal_result *r)
{
	if (r->support == OS_SUPPORTED)
		return rdoc_fmt(c->d, L(R_SUPPORTED_UNTIL), nz(r->support_ends));
	if (r->support == OS_SUPPORT_ENDED)
		return r->esu_ends
		               ? rdoc_fmt(c->d, L(R_ENDED_ESU_TO), nz(r->support_ends), r->esu_ends)
		               : rdoc_fmt(c->d, L(R_ENDED), nz(r->support_ends));
	return L(R_UNKNOWN_TO_CONFIRM);
}

static const char *usb_text(const struct ctx *c, enum usb_storage u)
{
	return u == USB_BLOCKED     ? L(R_YES_BLOCKED)
	       : u == USB_READ_ONLY ? L(R_YES_READ_ONLY)
	       : u == USB_ALLOWED   ? L(R_NONE_TO_CONFIRM)
	                            : L(R_UNKNOWN);
}

/* The security products in use, each marked when off; the declared ones if nothing was read. */
static const char *products_text(struct ctx *c, const struct terminal_result *r,
                                 const char *declared)
{
	char buf[512] = "";

	if (!r || r->av_status == AV_UNKNOWN)
		return declared;
	if (r->av_status == AV_NONE)
		return L(R_AV_NONE);
	for (size_t i = 0; i < r->n_av; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s%s", i ? "\n" : "",
		         r->av[i].name, r->av[i].enabled == 0 ? L(R_AV_OFF) : "");
	return rdoc_str(c->d, buf);
}

/* 最新 / 古い, with the age in days where Defender gives it. */
static const char *definitions_text(struct ctx *c, const struct terminal_result *r)
{
	const struct av_product *p = NULL;
	const char *word;

	if (!r)
		return "-";
	if (r->av_status == AV_UNKNOWN || r->av_status == AV_NONE)
		return r->av_status == AV_NONE ? "-" : L(R_NOT_READ);
	for (size_t i = 0; i < r->n_av && !p; i++)
		if (r->av[i].enabled == 1)
			p = &r->av[i];
	if (!p)
		p = &r->av[0];
	word = p->up_to_date == 1   ? L(R_DEFINITIONS_CURRENT)
	       : p->up_to_date == 0 ? L(R_DEFINITIONS_OLD)
	                            : L(R_UNKNOWN);
	return p->signature_age_days >= 0
	               ? rdoc_fmt(c->d, L(R_DEFINITIONS_AGE), word, p->signature_age_days)
	               : word;
}

static void terminal_row(struct ctx *c, struct rtable *t, const char *no, const char *host,
                         const char *products, const struct terminal_result *r)
{
	int bad = r && (r->support == OS_SUPPORT_ENDED || r->av_status == AV_NONE ||
	                r->av_status == AV_OFF);

	rdoc_row(c->d, t, bad ? "high" : NULL,
	         (const char *[]){ no, host, r ? os_text(c, r) : L(R_NOT_SURVEYED),
	                           r ? support_text(c, r) : "-", products_text(c, r, products),
	                           definitions_text(c, r), r ? usb_text(c, r->usb) : "-" });
}

/* The second table of chapter 4: updates, firewall, password policy, administrators. */
static void terminal_settings(struct ctx *c)
{
	static const double w[] = { 1.2, 1.6, 2, 1.2, 1.4, 1.2, 1.2 };
	const char *head[] = { L(R_TERMINAL_NO),         L(R_HOST),
		               L(R_LAST_UPDATE),         L(R_FIREWALL),
		               L(R_MIN_PASSWORD_LENGTH), L(R_LOCKOUT),
		               L(R_ADMIN_ACCOUNTS),      NULL };
	struct rtable *t;

	rdoc_heading(c->d, 2, L(R_TERMINAL_SETTINGS));
	rdoc_para(c->d, L(R_TERMINAL_SETTINGS_NOTE));
	t = rdoc_table(c->d, NULL, head, w);
	for (size_t i = 0; i < c->in->n_terminals; i++) {
		const struct terminal_result *r = &c->in->terminals[i];
		int fw_read = 0, fw_off = 0;

		for (int k = 0; k < 3; k++) {
			fw_read |= r->firewall[k] >= 0;
			fw_off |= r->firewall[k] == 0;
		}
		rdoc_row(c->d, t,
		         r->update_age_days > TERMINAL_UPDATE_AGE_MAX || fw_off ? "medium" : NULL,
		         (const char *[]){
		                 r->declared_no ? rdoc_fmt(c->d, L(R_TERMINAL), r->declared_no)
		                                : L(R_UNDECLARED),
		                 nz(r->host),
		                 r->last_update ? rdoc_fmt(c->d, L(R_LAST_UPDATE_AGE),
		                                           r->last_update, r->update_age_days)
		                                : L(R_UNKNOWN),
		                 !fw_read ? L(R_UNKNOWN)
		                 : fw_off ? L(R_FIREWALL_OFF)
		                          : L(R_FIREWALL_ON),
		                 r->policy.min_length >= 0
		                         ? rdoc_fmt(c->d, "%d", r->policy.min_length)
		                         : L(R_UNKNOWN),
		                 r->policy.lockout_threshold > 0
		                         ? rdoc_fmt(c->d, L(R_LOCKOUT_AFTER),
		                                    r->policy.lockout_threshold)
		                 : r->policy.lockout_threshold == 0 ? L(R_AV_NONE)
		                                                    : L(R_UNKNOWN),
		                 r->n_admins >= 0 ? rdoc_fmt(c->d, "%d", r->n_admins)
		                                  : L(R_UNKNOWN) });
	}
}

static void chapter4(struct ctx *c)
{
	static const double w[] = { 0.9, 1.3, 2.1, 2, 1.7, 0.9, 1.1 };
	const char *head[] = { L(R_TERMINAL_NO),       L(R_HOST),
		               L(R_OS_VERSION),        L(R_OS_SUPPORT),
		               L(R_SECURITY_PRODUCTS), L(R_DEFINITIONS),
		               L(R_USB_STORAGE),       NULL };
	struct rtable *t;
	const struct intake_doc *doc = c->in->doc;
	char day[11] = "";

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_4_TERMINAL_SURVEY));
	if (!c->in->n_terminals) {
		rdoc_para(c->d, L(R_NO_TERMINAL_SURVEY_RESULTS_YET_RUN));
	} else {
		ms_date_jst(c->o->generated_at ? c->o->generated_at : "", day);
		rdoc_para(c->d, rdoc_fmt(c->d, L(R_COLLECTED_ON_EACH_TERMINAL_BY_MEDSEC),
		                         day[0] ? day : "-"));
	}
	t = rdoc_table(c->d, NULL, head, w);
	for (size_t i = 0; doc && i < doc->n_terminals; i++) {
		const struct terminal *x = &doc->terminals[i];
		const struct terminal_result *r = result_for(c, x->no);
		terminal_row(c, t, rdoc_fmt(c->d, L(R_TERMINAL), x->no), nz(x->hostname),
		             x->security_products
		                     ? rdoc_fmt(c->d, L(R_DECLARED), x->security_products)
		                     : "-",
		             r);
	}
	for (size_t i = 0; i < c->in->n_terminals; i++) {
		const struct terminal_result *r = &c->in->terminals[i];
		if (!r->declared_no)
			terminal_row(c, t, L(R_UNDECLARED), nz(r->host), "-", r);
	}
	if (c->in->n_terminals)
		terminal_settings(c);
}

static const char *tri_text(const struct ctx *c, enum tri t)
{
	return t == TRI_YES       ? L(R_YES)
	       : t == TRI_NO      ? L(R_NO)
	       : t == TRI_UNKNOWN ? L(R_UNKNOWN)
	                          : "-";
}

static void chapter5(struct ctx *c)
{
	static const double w[] = { 0.7, 2, 0.9, 1, 0.9, 0.9, 0.9, 0.9, 2.6 };
	const char *head[] = { L(R_LINE_NUMBER),
		               L(R_DEVICE),
		               L(R_DEFAULT_CHANGED),
		               L(R_LENGTH),
		               L(R_PERIODIC_CHANGE),
		               L(R_REUSED),
		               L(R_2FA),
		               L(R_VERDICT),
		               L(R_SHORTFALLS),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_5_PASSWORDS));
	rdoc_para(c->d, L(R_THE_THREE_PATTERNS_OF_THE_MHLW));
	rdoc_para(c->d, L(R_THE_DECLARED_PASSWORD_FACTS_OF_EACH));
	t = rdoc_table(c->d, L(R_SHEET_PASSWORDS), head, w);
	for (size_t i = 0; i < c->a->n_passwords; i++) {
		const struct assess_password *p = &c->a->passwords[i];
		const struct device *d = p->device;
		const struct plan_line *pl = plan_line_by_declared(c->in->plan, d->line_no);
		rdoc_row(
		        c->d, t, !strcmp(p->verdict, "short") ? "high" : NULL,
		        (const char *[]){
		                pl ? rdoc_fmt(c->d, L(R_LINE_NO), pl->line_no) : "-",
		                rdoc_fmt(c->d, "%s %s", d->maker ? d->maker : "",
		                         d->model ? d->model : ""),
		                tri_text(c, d->pw.default_changed),
		                nz(model_enum_label(model_pw_lengths, (int)d->pw.length, c->lang)),
		                d->pw.periodic_change == TRI_YES && d->pw.change_months > 0
		                        ? rdoc_fmt(c->d, L(R_YES_EVERY_MONTHS), d->pw.change_months)
		                        : tri_text(c, d->pw.periodic_change),
		                tri_text(c, d->pw.reused), tri_text(c, d->pw.two_factor),
		                !strcmp(p->verdict, "meets")   ? L(R_MEETS)
		                : !strcmp(p->verdict, "short") ? L(R_IMPROVE)
		                                               : L(R_CHECK),
		                nz(p->shortfalls) });
	}
	for (size_t i = 0; i < c->a->n_findings; i++)
		if (c->a->findings[i].kind == FKIND_DEFAULT_ACCOUNT)
			rdoc_note(c->d, rdoc_fmt(c->d, L(R_THE_DIAGNOSIS_LOGGED_IN_TO_WITH),
			                         c->a->findings[i].subject));
}

/* ---- 6 and annexes ---- */

static void vuln_table(struct ctx *c, const char *sheet, enum assess_source src)
{
	static const double w[] = { 0.6, 1.8, 1.4, 1.5, 0.6, 0.7, 0.5, 3.2, 1.6 };
	const char *head[] = { L(R_LINE_NUMBER), L(R_SUBJECT), "CVE",        L(R_JVN),      "CVSS",
		               L(R_SEVERITY),    "KEV",        L(R_SUMMARY), L(R_AFFECTED), NULL };
	struct rtable *t = NULL;

	for (size_t i = 0; i < c->a->n_targets; i++) {
		const struct assess_target *x = &c->a->targets[i];
		if (x->source != src)
			continue;
		for (size_t k = 0; k < x->n; k++) {
			const struct assess_vuln *v = &x->v[k];
			if (!t)
				t = rdoc_table(c->d, sheet, head, w);
			rdoc_row(c->d, t, band_key(v->severity),
			         (const char *[]){
			                 rdoc_fmt(c->d, L(R_LINE_NO), x->line_no),
			                 src == SRC_REMOTE
			                         ? rdoc_fmt(c->d, "%s %s", x->address, x->label)
			                         : x->label,
			                 nz(v->cve), nz(v->jvndb),
			                 v->cvss_version == 2
			                         ? rdoc_fmt(c->d, "%.1f (CVSS v2)", v->score)
			                 : v->score >= 0 ? rdoc_fmt(c->d, "%.1f", v->score)
			                                 : "-",
			                 v->score >= 0 ? band_label(c, v->severity) : L(R_UNSCORED),
			                 v->kev ? (v->ransomware ? L(R_YES_RANSOMWARE) : "○") : "",
			                 nz(v->title),
			                 rdoc_fmt(c->d, "%s%s", nz(v->range),
			                          v->confidence == VDB_CONF_ROUGH ? L(R_ROUGH)
			                                                          : "") });
		}
	}
	if (!t)
		rdoc_para(c->d, L(R_NO_VULNERABILITIES));
}

static void chapter6(struct ctx *c)
{
	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_6_SUPPLEMENT));
	rdoc_para(c->d, L(R_THE_VULNERABILITIES_OF_THE_DEVICES_OF));
	if (!c->in->onsite) {
		rdoc_para(c->d, L(R_NO_ONSITE_RECORD));
		return;
	}
	vuln_table(c, L(R_SHEET_SUPPLEMENT), SRC_ONSITE);
}

static void annex1(struct ctx *c)
{
	static const double w[] = { 1, 1.2, 2.2, 0.9, 1, 2, 2 };
	const char *head[] = { L(R_DEVICE_NO), L(R_LINE_NUMBER), L(R_DEVICE), L(R_LOGIN),
		               L(R_FIRMWARE),  L(R_PLACE),       L(R_NOTES),  NULL };
	struct rtable *t;
	int no = 0;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_ANNEX_1_ONSITE_SURVEY));
	if (!c->in->onsite) {
		rdoc_para(c->d, L(R_NOT_RECORDED_YET_MEDSEC_ONSITE));
		return;
	}
	rdoc_para(c->d,
	          rdoc_fmt(c->d, L(R_SURVEYED_ON_DEVICES_AND_TERMINATIONS_SEEN),
	                   c->in->onsite->surveyed_on, c->in->onsite->surveyors ? L(R_BY) : "",
	                   c->in->onsite->surveyors ? c->in->onsite->surveyors : ""));
	rdoc_note(c->d, L(R_THE_LINES_TRACED_ON_SITE_ARE));
	t = rdoc_table(c->d, L(R_SHEET_ANNEX_1), head, w);
	for (size_t i = 0; i < c->in->onsite->n_devices; i++) {
		const struct onsite_device *v = &c->in->onsite->devices[i];
		rdoc_row(c->d, t, NULL,
		         (const char *[]){ rdoc_fmt(c->d, L(R_DEVICE_TAG), ++no),
		                           rdoc_fmt(c->d, L(R_LINE_NO), v->line_no),
		                           rdoc_fmt(c->d, "%s %s (%s)", nz(v->maker), nz(v->model),
		                                    nz(model_enum_label(model_device_kinds,
		                                                        (int)v->kind, c->lang))),
		                           v->login == TRI_YES ? L(R_DONE) : L(R_NOT_DONE),
		                           v->login == TRI_YES ? nz(v->firmware) : L(R_NOT_CHECKED),
		                           place_text(c, &v->place), nz(v->notes) });
	}
	for (size_t i = 0; i < c->in->onsite->n_unregistered; i++) {
		const struct onsite_unregistered *u = &c->in->onsite->unregistered[i];
		rdoc_row(c->d, t, "high",
		         (const char *[]){
		                 rdoc_fmt(c->d, L(R_DEVICE_TAG), ++no), L(R_UNREGISTERED),
		                 rdoc_fmt(c->d, "%s %s (%s)", u->maker ? u->maker : "",
		                          u->model ? u->model : "",
		                          nz(model_enum_label(model_termination_kinds,
		                                              (int)u->termination, c->lang))),
		                 "-", "-", place_text(c, &u->place), nz(u->notes) });
	}
	rdoc_heading(c->d, 2, L(R_NETWORK_DIAGRAMS));
	for (size_t i = 0; i < c->a->n_lines; i++)
		diagram(c, &c->a->lines[i]);
}

static void annex2(struct ctx *c)
{
	static const double w[] = { 0.7, 2.2, 1.2, 1.4, 0.6, 0.6, 0.6, 0.6, 2.4 };
	const char *head[] = { L(R_LINE_NUMBER),       L(R_DEVICE),
		               L(R_FIRMWARE_DECLARED), L(R_LATEST),
		               L(R_CRITICAL_SHORT),    L(R_HIGH),
		               L(R_MEDIUM_SHORT),      L(R_LOW),
		               L(R_SURVEY_RESULT),     NULL };
	struct rtable *t = NULL;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_ANNEX_2_VULNERABILITIES_OF_THE_DECLARED));
	rdoc_para(c->d, L(R_DEVICES_WHOSE_FIRMWARE_WAS_DECLARED_IN));
	for (size_t i = 0; i < c->a->n_targets; i++) {
		const struct assess_target *x = &c->a->targets[i];
		const char *cells[9];
		if (x->source != SRC_DECLARED)
			continue;
		if (!t)
			t = rdoc_table(c->d, L(R_SHEET_ANNEX_2), head, w);
		cells[0] = rdoc_fmt(c->d, L(R_LINE_NO), x->line_no);
		cells[1] = x->label;
		cells[2] = x->version;
		cells[3] = latest_cell(c, x);
		if (x->status == CHECK_DONE) {
			counts_cells(c, x->counts, cells + 4);
			cells[8] = x->n ? rdoc_fmt(c->d, L(R_VULNERABILITIES_COUNT), x->n,
			                           x->fixed_in ? L(R_FIXED_IN) : "",
			                           x->fixed_in ? x->fixed_in : "")
			                : L(R_NONE_FOUND);
		} else {
			cells[4] = cells[5] = cells[6] = cells[7] = "-";
			cells[8] = x->status == CHECK_NO_MAPPING ? L(R_NO_CPE_MAPPING)
			                                         : L(R_NO_INDEX_SHORT);
		}
		rdoc_row(c->d, t, worst(x->counts), cells);
	}
	if (!t) {
		rdoc_para(c->d, L(R_NO_FIRMWARE_WAS_DECLARED));
		return;
	}
	rdoc_heading(c->d, 2, L(R_DETAILS));
	vuln_table(c, L(R_SHEET_ANNEX_2_DETAILS), SRC_DECLARED);
}

static void annex3(struct ctx *c)
{
	static const double w[] = { 0.6, 1.4, 0.8, 1, 2, 1, 3.2 };
	const char *head[] = { L(R_LINE_NUMBER),
		               L(R_GLOBAL_IP),
		               L(R_PORT),
		               L(R_SERVICE),
		               L(R_PRODUCT_VERSION),
		               L(R_STATE),
		               L(R_FINDINGS_SEVERITY),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L(R_ANNEX_3_REMOTE_DIAGNOSIS));
	if (!c->in->scan) {
		rdoc_para(c->d, L(R_NO_DIAGNOSIS_YET));
		return;
	}
	rdoc_para(c->d, L(R_EACH_RESPONDING_PORT_WHAT_ANSWERS_THERE));
	t = rdoc_table(c->d, L(R_SHEET_ANNEX_3), head, w);
	for (size_t i = 0; i < c->a->n_ports; i++) {
		const struct assess_port *p = &c->a->ports[i];
		char fs[1024] = "";
		if (!p->responded)
			continue;
		size_t used = 0;
		enum finding_severity cls = FSEV_UNSET;
		for (size_t k = 0; k < c->a->n_findings && used < sizeof(fs) - 1; k++) {
			const struct assess_finding *f = &c->a->findings[k];
			if (f->source != SRC_REMOTE || f->port != p->port || !f->address ||
			    strcmp(f->address, p->address) || strcmp(f->proto, p->proto))
				continue;
			used += (size_t)snprintf(fs + used, sizeof(fs) - used, "%s%s (%s)",
			                         used ? "\n" : "", f->title,
			                         sev_label(c, f->severity));
			if (!cls || f->severity < cls)
				cls = f->severity; /* the most urgent tints the row */
		}
		rdoc_row(c->d, t, cls && cls != FSEV_INFO ? assess_severity_key(cls) : NULL,
		         (const char *[]){
		                 rdoc_fmt(c->d, L(R_LINE_NO), p->line_no), p->address,
		                 rdoc_fmt(c->d, "%d/%s", p->port, p->proto), nz(p->svc->service),
		                 rdoc_fmt(c->d, "%s %s", p->svc->product, p->svc->version),
		                 !strcmp(p->state, "open") ? L(R_OPEN) : L(R_ANSWERED_UDP),
		                 used ? fs : "-" });
	}
	if (!t->nrows)
		rdoc_para(c->d, L(R_NO_PORT_ANSWERED));
	rdoc_heading(c->d, 2, L(R_VULNERABILITY_DETAILS));
	if (!c->in->vdb)
		rdoc_para(c->d, L(R_NO_INDEX_SENTENCE));
	else
		vuln_table(c, L(R_SHEET_ANNEX_3_DETAILS), SRC_REMOTE);
}

/* Each early finding as one line: what was found, and what to do today. */
static void early_actions(struct ctx *c)
{
	int n = 0;

	for (size_t i = 0; i < c->a->n_findings; i++)
		n += c->a->findings[i].early;
	rdoc_para(c->d, rdoc_fmt(c->d, L(R_FINDING_S_NEED_ACTION_TODAY), n));
	for (size_t i = 0; i < c->a->n_findings; i++) {
		const struct assess_finding *f = &c->a->findings[i];
		/* The subject leads unless the title already names it. */
		if (f->early)
			rdoc_para(c->d,
			          rdoc_fmt(c->d, "■ %s%s%s\n　%s%s",
			                   f->subject && !strstr(f->title, f->subject) ? f->subject
			                                                               : "",
			                   f->subject && !strstr(f->title, f->subject) ? ": " : "",
			                   f->title, L(R_DO), nz(f->advice)));
	}
}

/* The diagnosis behind it, and what answered on each affected address: enough to stand alone. */
static void early_facts(struct ctx *c)
{
	static const double w[] = { 1.3, 0.8, 0.6, 1.2, 2.2, 1 };
	const char *head[] = { L(R_ADDRESS), L(R_PROTOCOL), L(R_PORT), L(R_SERVICE),
		               L(R_PRODUCT), L(R_VERSION),  NULL };
	struct rtable *t = NULL;

	if (c->in->scan)
		rdoc_para(c->d,
		          rdoc_fmt(c->d, L(R_DIAGNOSED_TO_UTC_FROM), c->in->scan->started_at,
		                   nz(c->in->scan->finished_at), nz(c->in->scan->source_address)));
	for (size_t i = 0; i < c->a->n_ports; i++) {
		const struct assess_port *p = &c->a->ports[i];
		int affected = 0;

		for (size_t k = 0; k < c->a->n_findings && !affected; k++)
			affected = c->a->findings[k].early && c->a->findings[k].address &&
			           !strcmp(c->a->findings[k].address, p->address);
		if (!affected || !p->responded)
			continue;
		if (!t) {
			rdoc_heading(c->d, 2, L(R_PORTS_ANSWERING_ON_THE_AFFECTED_ADDRESSES));
			t = rdoc_table(c->d, NULL, head, w);
		}
		rdoc_row(c->d, t, NULL,
		         (const char *[]){ p->address, p->proto, count(c, p->port),
		                           p->svc->service[0] ? p->svc->service : "-",
		                           p->svc->product[0] ? p->svc->product : "-",
		                           p->svc->version[0] ? p->svc->version : "-" });
	}
}

static void annex4(struct ctx *c)
{
	rdoc_heading(c->d, 1, L(R_ANNEX_4_TITLE));
	rdoc_para(c->d, L(R_THE_DIAGNOSIS_FOUND_WHAT_NEEDS_ACTION));
	early_actions(c);
	early_facts(c);
	rdoc_heading(c->d, 2, L(R_THE_FINDINGS));
	findings(c, 1);
}

/* The document with its cover: addressee, date of issue as a reader writes it, issuer. */
static struct rdoc *new_doc(struct ctx *c, const char *title)
{
	char date[64];
	const char *to;

	ms_date_text_jst(c->o->generated_at, c->lang, date, sizeof(date));
	to = c->o->recipient && *c->o->recipient ? c->o->recipient : NULL;
	c->d = rdoc_new(title, "", date, c->o->issuer ? c->o->issuer : "");
	c->d->contents = L(R_CONTENTS);
	c->d->subtitle = to ? rdoc_str(c->d, to) : rdoc_fmt(c->d, L(R_TO), c->in->hospital);
	return c->d;
}

struct rdoc *report_compose(const struct assessment *a, const struct report_opts *o)
{
	struct ctx cx = { .a = a, .in = a->in, .o = o, .lang = o->lang }, *c = &cx;

	new_doc(c, L(R_EXTERNAL_NETWORK_CONNECTION_POINT_SURVEY_REPOR));
	summary(c);
	changes(c);
	rdoc_heading(c->d, 2, L(R_FINDINGS_MOST_URGENT_FIRST));
	rdoc_para(c->d, L(R_WHAT_THE_SURVEY_FOUND_MOST_URGENT));
	findings(c, 0);
	notation(c);
	chapter1(c);
	chapter2(c);
	chapter3(c);
	chapter4(c);
	chapter5(c);
	chapter6(c);
	annex1(c);
	annex2(c);
	annex3(c);
	if (a->early_due) {
		rdoc_pagebreak(c->d);
		annex4(c);
	}
	return c->d;
}

struct rdoc *report_compose_early(const struct assessment *a, const struct report_opts *o)
{
	struct ctx cx = { .a = a, .in = a->in, .o = o, .lang = o->lang }, *c = &cx;

	new_doc(c, L(R_EARLY_REPORT_OF_THE_REMOTE_DIAGNOSIS));
	/* An urgent notice of one section: no cover page, no contents; page 1 says what to do. */
	c->d->compact = 1;
	annex4(c);
	return c->d;
}
