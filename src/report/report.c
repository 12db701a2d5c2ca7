/*
 * report.c - writes the report's files (report.h) and its JSON. Each file is
 * written beside its final name and renamed into place, so a reader never
 * sees half a report and a failed run leaves the last good one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "medsec/diff.h"
#include "medsec/fs.h"
#include "medsec/mem.h"
#include "medsec/plan.h"
#include "medsec/vulndb.h"
#include "report/report_int.h"

static json_t *str(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *counts_json(const int *c)
{
	return json_pack("{s:i, s:i, s:i, s:i, s:i}", "critical", c[SEV_CRITICAL], "high",
	                 c[SEV_HIGH], "medium", c[SEV_MEDIUM], "low", c[SEV_LOW], "unscored",
	                 c[SEV_NONE]);
}

static json_t *place_json(const struct place *p)
{
	return json_pack("{s:o, s:o, s:o}", "building", str(p->building), "floor", str(p->floor),
	                 "room", str(p->room));
}

json_t *report_vuln_json(const struct assess_vuln *v)
{
	int v3 = v->cvss_version == 3, v2 = v->cvss_version == 2;

	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:b, s:b, s:s, s:o, s:o, s:o}", "cve",
	                 str(v->cve), "jvndb", str(v->jvndb), "cvss_v3_score",
	                 v3 ? json_real(v->score) : json_null(), "cvss_v3_vector",
	                 v3 ? str(v->vector) : json_null(), "cvss_v2_score",
	                 v2 ? json_real(v->score) : json_null(), "cvss_v2_vector",
	                 v2 ? str(v->vector) : json_null(), "severity",
	                 cvss_severity_key(v->severity), "kev", v->kev, "ransomware", v->ransomware,
	                 "confidence", vdb_confidence_key(v->confidence), "affected", str(v->range),
	                 "fixed_in", str(v->fixed_in), "title", str(v->title));
}

static json_t *target_json(const struct assess_target *t)
{
	json_t *vs = json_array();

	for (size_t i = 0; i < t->n; i++)
		json_array_append_new(vs, report_vuln_json(&t->v[i]));
	return json_pack(
	        "{s:s, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:b, s:b, s:o, s:i, s:o}",
	        "source", assess_source_key(t->source), "line_no", t->line_no, "label", t->label,
	        "maker", str(t->maker), "model", str(t->model), "version", str(t->version),
	        "address", str(t->address), "proto", str(t->proto), "port",
	        t->port ? json_integer(t->port) : json_null(), "status",
	        assess_check_status_key(t->status), "latest_firmware", str(t->latest),
	        "latest_firmware_date", str(t->latest_date), "fixed_in", str(t->fixed_in),
	        "outdated", t->outdated, "latest_stale", t->latest_stale, "counts",
	        counts_json(t->counts), "kev", t->kev, "vulnerabilities", vs);
}

static json_t *flag_json(int v)
{
	return v < 0 ? json_null() : json_boolean(v);
}

static json_t *count_json(int v)
{
	return v < 0 ? json_null() : json_integer(v);
}

/* The protection facts of a PC: products, updates, firewall, accounts, and its findings' rules. */
static void terminal_protection_json(json_t *o, const struct terminal_result *r)
{
	static const char *const weak[] = { "guest_enabled",   "password_not_required",
		                            "short_passwords", "no_lockout",
		                            "firewall_off",    "builtin_admin_enabled" };
	json_t *av = json_array(), *w = json_array(), *found = json_array();
	const char *ids[16];
	size_t n = terminal_finding_ids(r, ids, 16);

	for (size_t i = 0; i < r->n_av; i++)
		json_array_append_new(
		        av, json_pack("{s:s, s:o, s:o, s:o, s:s}", "name", r->av[i].name, "enabled",
		                      flag_json(r->av[i].enabled), "up_to_date",
		                      flag_json(r->av[i].up_to_date), "signature_age_days",
		                      count_json(r->av[i].signature_age_days), "source",
		                      r->av[i].source));
	for (size_t i = 0; i < sizeof(weak) / sizeof(weak[0]); i++)
		if (r->weaknesses & (1u << i))
			json_array_append_new(w, json_string(weak[i]));
	for (size_t i = 0; i < n; i++)
		json_array_append_new(found, json_string(ids[i]));
	json_object_set_new(o, "av", av);
	json_object_set_new(o, "av_status", json_string(terminal_av_status_key(r->av_status)));
	json_object_set_new(o, "last_update", str(r->last_update));
	json_object_set_new(o, "update_age_days", count_json(r->update_age_days));
	json_object_set_new(o, "firewall",
	                    json_pack("{s:o, s:o, s:o}", "domain", flag_json(r->firewall[0]),
	                              "private", flag_json(r->firewall[1]), "public",
	                              flag_json(r->firewall[2])));
	json_object_set_new(o, "password_policy",
	                    json_pack("{s:o, s:o, s:o}", "min_length",
	                              count_json(r->policy.min_length), "max_age_days",
	                              count_json(r->policy.max_age_days), "lockout_threshold",
	                              count_json(r->policy.lockout_threshold)));
	json_object_set_new(o, "admins", count_json(r->n_admins));
	json_object_set_new(o, "weaknesses", w);
	json_object_set_new(o, "findings", found);
}

json_t *report_terminal_json(const struct terminal_result *r)
{
	json_t *o = json_pack(
	        "{s:s, s:b, s:o, s:o, s:{s:o, s:o, s:o, s:i, s:i, s:s}, s:s, s:o, s:o, s:s,"
	        " s:{s:o, s:o}, s:o}",
	        "host", r->host, "declared", r->declared_no > 0, "no",
	        r->declared_no ? json_integer(r->declared_no) : json_null(), "collected_at",
	        str(r->collected_at), "os", "product", str(r->product), "edition", str(r->edition),
	        "display_version", str(r->display_version), "build", (int)r->build, "ubr",
	        (int)r->ubr, "family", terminal_os_family_key(r->family), "os_support",
	        terminal_os_support_key(r->support), "support_ends", str(r->support_ends),
	        "esu_ends", str(r->esu_ends), "usb_storage", terminal_usb_storage_key(r->usb),
	        "rdp", "allowed", flag_json(r->rdp_allowed), "nla", flag_json(r->rdp_nla), "smb1",
	        flag_json(r->smb1));

	terminal_protection_json(o, r);
	return o;
}

/* The terminal survey's PCs (chapter 4). */
static json_t *terminals_json(const struct assess_input *in)
{
	json_t *a = json_array();

	for (size_t i = 0; i < in->n_terminals; i++)
		json_array_append_new(a, report_terminal_json(&in->terminals[i]));
	return a;
}

static json_t *finding_json(const struct assess_finding *f)
{
	return json_pack(
	        "{s:i, s:s, s:s, s:s, s:s, s:o, s:b, s:b, s:o, s:o, s:o, s:o, s:o, s:s, s:s, s:s, s:s, s:o}",
	        "rank", f->rank, "kind", model_enum_key(model_finding_kinds, (int)f->kind), "rule",
	        f->rule ? f->rule : "", "source", assess_source_key(f->source), "severity",
	        assess_severity_key(f->severity), "cvss_v3_score",
	        f->score >= 0 ? json_real(f->score) : json_null(), "kev", f->kev, "early", f->early,
	        "line_no", f->line_no ? json_integer(f->line_no) : json_null(), "address",
	        str(f->address), "proto", str(f->proto), "port",
	        f->port ? json_integer(f->port) : json_null(), "subject", str(f->subject), "title",
	        f->title ? f->title : "", "reason", f->reason ? f->reason : "", "advice",
	        f->advice ? f->advice : "", "manual", f->manual ? f->manual : "", "refs",
	        str(f->refs));
}

char *report_json(const struct assessment *a, const struct report_opts *o)
{
	const struct assess_input *in = a->in;
	json_t *lines = json_array(), *ports = json_array(), *targets = json_array(),
	       *fs = json_array(), *pw = json_array(), *unreg = json_array(), *root;
	char *s;

	for (size_t i = 0; i < a->n_lines; i++) {
		const struct assess_line *l = &a->lines[i];
		json_array_append_new(
		        lines,
		        json_pack(
		                "{s:i, s:i, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:s, s:o, s:i, s:o}",
		                "line_no", l->plan->line_no, "declared_no", l->plan->declared_no,
		                "use", str(l->plan->use), "link_type",
		                str(model_enum_key(model_link_types, (int)l->plan->link_type)),
		                "eligibility", plan_eligibility_key(l->plan->eligibility),
		                "plan_status", plan_status_key(l->plan->status), "onsite_confirmed",
		                !l->onsite ? json_null()
		                           : json_boolean(l->onsite->confirmed == TRI_YES),
		                "onsite_reason", str(l->onsite ? l->onsite->reason : NULL),
		                "onsite_place",
		                l->onsite ? place_json(&l->onsite->place) : json_null(),
		                "diagnosis", l->diagnosis, "address", str(l->address),
		                "responding_ports", l->responding, "counts",
		                counts_json(l->counts)));
	}
	for (size_t i = 0; in->onsite && i < in->onsite->n_unregistered; i++) {
		const struct onsite_unregistered *u = &in->onsite->unregistered[i];
		json_array_append_new(
		        unreg,
		        json_pack("{s:o, s:o, s:o, s:o, s:o}", "termination",
		                  str(model_enum_key(model_termination_kinds, (int)u->termination)),
		                  "maker", str(u->maker), "model", str(u->model), "place",
		                  place_json(&u->place), "notes", str(u->notes)));
	}
	for (size_t i = 0; i < a->n_ports; i++) {
		const struct assess_port *p = &a->ports[i];
		json_array_append_new(
		        ports,
		        json_pack("{s:i, s:s, s:s, s:i, s:s, s:b, s:o, s:o, s:o, s:o}", "line_no",
		                  p->line_no, "address", p->address, "proto", p->proto, "port",
		                  p->port, "state", p->state, "responded", p->responded, "service",
		                  str(p->svc->service), "product", str(p->svc->product), "version",
		                  str(p->svc->version), "cpe", str(p->svc->cpe)));
	}
	for (size_t i = 0; i < a->n_targets; i++)
		json_array_append_new(targets, target_json(&a->targets[i]));
	for (size_t i = 0; i < a->n_findings; i++)
		json_array_append_new(fs, finding_json(&a->findings[i]));
	for (size_t i = 0; i < a->n_passwords; i++) {
		const struct assess_password *p = &a->passwords[i];
		json_array_append_new(pw,
		                      json_pack("{s:i, s:o, s:o, s:s, s:o}", "declared_line_no",
		                                p->device->line_no, "maker", str(p->device->maker),
		                                "model", str(p->device->model), "verdict",
		                                p->verdict, "shortfalls", str(p->shortfalls)));
	}
	root = json_pack(
	        "{s:i, s:s, s:i, s:i, s:s, s:o, s:{s:b, s:b, s:b, s:b, s:b}, s:b, s:o, s:o, s:o, s:o, s:o, s:o, "
	        "s:o, s:o}",
	        "medsec_report", 1, "hospital", in->hospital, "round", in->round_no, "revision",
	        in->revision, "generated_at", o->generated_at ? o->generated_at : "", "surveyed_on",
	        str(in->onsite ? in->onsite->surveyed_on : NULL), "available", "plan",
	        in->plan != NULL, "onsite", in->onsite != NULL, "scan", in->scan != NULL, "probe",
	        in->probed, "vulndb", in->vdb != NULL, "early_report", a->early_due,
	        "remote_counts", counts_json(a->counts), "lines", lines, "unregistered_lines",
	        unreg, "ports", ports, "targets", targets, "findings", fs, "passwords", pw,
	        "notice", in->vdb ? json_string(VDB_NVD_NOTICE) : json_null());
	json_object_set_new(root, "terminals", terminals_json(in));
	if (o->diff) { /* a re-survey: what changed since the previous round, as medsec diff --json */
		char *d = round_diff_json(o->diff);
		json_object_set_new(root, "changes", json_loads(d, 0, NULL));
		free(d);
	}
	s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(4));
	json_decref(root);
	return s;
}

/*
 * The files of one run: each is written in full beside its final name first; only
 * when every one of them is complete and on disk are they renamed into place. A run
 * that fails leaves the folder as it was: the old set, never a mix of old and new.
 */
struct staged {
	size_t n;
	char tmp[REPORT_MAX_FILES][4200];
	char final[REPORT_MAX_FILES][4096];
};

static void stage_name(struct staged *st, const char *dir, const char *name)
{
	snprintf(st->final[st->n], sizeof(st->final[0]), "%s/%s", dir, name);
	snprintf(st->tmp[st->n], sizeof(st->tmp[0]), "%s/.%s.tmp", dir, name);
}

static int write_text(const char *tmp, const char *final, const char *text, const struct rdoc *d,
                      struct ms_error *err)
{
	FILE *f = fopen(tmp, "w");
	int bad;

	if (!f)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, final, strerror(errno));
	bad = d ? report_html(d, f) != 0 : fputs(text, f) < 0 || fputc('\n', f) < 0;
	bad |= fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (bad)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, final, strerror(errno));
	return MS_OK;
}

/* Writes a document as DIR/BASE.html and DIR/BASE.pdf, those of want, staged. */
static int stage_doc(struct staged *st, const struct rdoc *d, const char *dir, const char *base,
                     unsigned want, struct ms_error *err)
{
	char name[64];
	int rc;

	if (want & REPORT_HTML) {
		snprintf(name, sizeof(name), "%s.html", base);
		stage_name(st, dir, name);
		if ((rc = write_text(st->tmp[st->n], st->final[st->n], NULL, d, err)))
			return rc;
		st->n++;
	}
	if (want & REPORT_PDF) {
		snprintf(name, sizeof(name), "%s.pdf", base);
		stage_name(st, dir, name);
		if ((rc = report_pdf(d, st->tmp[st->n], err)))
			return rc;
		st->n++;
	}
	return MS_OK;
}

static int stage_all(struct staged *st, const struct assessment *a, const struct rdoc *d,
                     const struct rdoc *early, const char *dir, const struct report_opts *o,
                     unsigned want, struct ms_error *err)
{
	int rc;

	if ((rc = stage_doc(st, d, dir, "report", want, err)))
		return rc;
	if (want & REPORT_XLSX) {
		stage_name(st, dir, "annexes.xlsx");
		if ((rc = report_xlsx(d, st->tmp[st->n], err)))
			return rc;
		st->n++;
	}
	if (want & REPORT_JSON) {
		char *json = report_json(a, o);
		stage_name(st, dir, "report.json");
		rc = write_text(st->tmp[st->n], st->final[st->n], json, NULL, err);
		free(json);
		if (rc)
			return rc;
		st->n++;
	}
	return early ? stage_doc(st, early, dir, "early-report", want, err) : MS_OK;
}

/* The staged files renamed into place, in order; on failure the rest are removed. */
static int commit_staged(struct staged *st, struct report_files *out, struct ms_error *err)
{
	for (size_t i = 0; i < st->n; i++) {
		if (rename(st->tmp[i], st->final[i]) != 0) {
			int rc = ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, st->final[i],
			                 strerror(errno));
			for (size_t j = i; j < st->n; j++)
				unlink(st->tmp[j]);
			return rc;
		}
		snprintf(out->path[out->n++], sizeof(out->path[0]), "%s", st->final[i]);
	}
	return MS_OK;
}

/* A failed stage may have left its own file half-written: every staged file goes. */
static void drop_staged(struct staged *st)
{
	for (size_t i = 0; i <= st->n && i < REPORT_MAX_FILES; i++)
		unlink(st->tmp[i]);
}

/* Documents (base names) written as HTML and PDF into dir, all or none; docs are freed. */
static int write_docs(struct rdoc **docs, const char *const *bases, size_t n, const char *dir,
                      unsigned formats, struct report_files *out, struct ms_error *err)
{
	unsigned want = formats & (REPORT_HTML | REPORT_PDF) ? formats : REPORT_HTML | REPORT_PDF;
	struct staged *st = ms_xcalloc(1, sizeof(*st));
	int rc = MS_OK;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (ms_mkdirs(dir) != 0)
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, dir, strerror(errno));
	for (size_t i = 0; !rc && i < n; i++)
		rc = stage_doc(st, docs[i], dir, bases[i], want, err);
	if (rc)
		drop_staged(st);
	else
		rc = commit_staged(st, out, err);
	for (size_t i = 0; i < n; i++)
		rdoc_free(docs[i]);
	free(st);
	return rc;
}

int report_backup_write(const struct backup_answers *a, const struct backup_decision *dec,
                        const char *dir, const struct report_opts *o, struct report_files *out,
                        struct ms_error *err)
{
	struct rdoc *docs[] = { report_backup_plan(a, dec, o), report_backup_policy(a, dec, o) };
	static const char *const bases[] = { "backup-plan", "support-policy" };

	return write_docs(docs, bases, 2, dir, o->formats, out, err);
}

int report_poster_write(const struct intake_doc *doc, const char *dir, const struct report_opts *o,
                        struct report_files *out, struct ms_error *err)
{
	struct rdoc *docs[] = { report_poster(doc, o) };
	static const char *const bases[] = { "five-rules" };

	return write_docs(docs, bases, 1, dir, o->formats, out, err);
}

int report_write(const struct assessment *a, const char *dir, const struct report_opts *o,
                 struct report_files *out, struct ms_error *err)
{
	unsigned want = o->formats ? o->formats
	                           : REPORT_HTML | REPORT_PDF | REPORT_XLSX | REPORT_JSON;
	struct rdoc *d = NULL, *early = NULL;
	struct staged *st = ms_xcalloc(1, sizeof(*st));
	char stale[4096];
	int rc;

	memset(out, 0, sizeof(*out));
	memset(err, 0, sizeof(*err));
	if (ms_mkdirs(dir) != 0) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, dir, strerror(errno));
		goto out;
	}
	d = report_compose(a, o);
	if (a->early_due)
		early = report_compose_early(a, o);
	rc = stage_all(st, a, d, early, dir, o, want, err);
	if (rc) {
		drop_staged(st);
		goto out;
	}
	if ((rc = commit_staged(st, out, err)))
		goto out;
	out->early = early != NULL;
	/* The early report exists exactly when it is due: one left from an earlier run goes. */
	if (!early) {
		snprintf(stale, sizeof(stale), "%s/early-report.html", dir);
		unlink(stale);
		snprintf(stale, sizeof(stale), "%s/early-report.pdf", dir);
		unlink(stale);
	}
out:
	free(st);
	rdoc_free(d);
	rdoc_free(early);
	return rc;
}
