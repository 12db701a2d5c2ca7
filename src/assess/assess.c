/*
 * assess.c - from what the survey knows to what the hospital should do:
 * look every device's firmware and every responding service up in the
 * vulnerability index, gather the probe's check findings, the onsite
 * survey's surprises and the declared password facts, and rank the findings.
 *
 * Ranking: what calls for the early report first (the remote diagnosis found
 * something 緊急 or 重要, CVSS 7.0 or more, or KEV-listed), then by severity,
 * KEV, score, the internet side before the inside, and line number.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "medsec/assess.h"
#include "medsec/cpe.h"
#include "medsec/plan.h"
#include "medsec/probe.h"
#include "medsec/prose.h"
#include "medsec/vercmp.h"
#include "medsec/vulndb.h"

#define NO_TARGET ((size_t)-1)
/* What a port without an identified service points at. */
static const struct service_row no_service;
/* Words assess writes itself, in the input's language. */
#define T(pair) TXT(a->in->lang, pair)

/* ---- rules (data/assess.json) ---- */

struct assess_rules {
	json_t *root;
};

static const char *rule_text(const json_t *rule, const char *key)
{
	const char *s = json_string_value(json_object_get(rule, key));

	return s ? s : "";
}

int assess_rules_load(const char *path, struct assess_rules **out, struct ms_diags *d,
                      struct ms_error *err)
{
	static const char *const required[] = { "id",        "kind",      "title",    "reason",
		                                "advice",    "manual",    "source",   "title_en",
		                                "reason_en", "advice_en", "manual_en" };
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je), *r;
	size_t i, errors = d->errors;

	*out = NULL;
	if (!root)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_OPEN, path, je.text);
	json_array_foreach (json_object_get(root, "rules"), i, r) {
		for (size_t k = 0; k < sizeof(required) / sizeof(required[0]); k++)
			if (!*rule_text(r, required[k])) {
				char *where = ms_xasprintf("%s:/rules/%zu/%s", path, i,
				                           required[k]);
				ms_diags_add(d, MS_DIAG_ERROR, MSG_REQUIRED, where, NULL,
				             required[k]);
				free(where);
			}
	}
	if (d->errors != errors) {
		json_decref(root);
		return MS_ERR_INPUT;
	}
	*out = ms_xcalloc(1, sizeof(**out));
	(*out)->root = root;
	return MS_OK;
}

void assess_rules_free(struct assess_rules *r)
{
	if (!r)
		return;
	json_decref(r->root);
	free(r);
}

static const json_t *rule_by_id(const struct assess_rules *rules, const char *id)
{
	size_t i;
	json_t *r;

	json_array_foreach (json_object_get(rules->root, "rules"), i, r)
		if (!strcmp(rule_text(r, "id"), id))
			return r;
	return NULL;
}

/* ---- small helpers ---- */

const char *assess_severity_key(enum finding_severity s)
{
	return model_enum_key(model_finding_severities, (int)s);
}

const char *assess_severity_label(enum finding_severity s, enum ms_lang lang)
{
	return model_enum_label(model_finding_severities, (int)s, lang);
}

const char *assess_source_key(enum assess_source s)
{
	return s == SRC_REMOTE     ? "remote"
	       : s == SRC_ONSITE   ? "onsite"
	       : s == SRC_TERMINAL ? "terminal"
	                           : "declared";
}

const char *assess_check_status_key(enum assess_check_status s)
{
	static const char *const keys[] = { "checked", "no_index", "no_mapping", "version_unknown",
		                            "not_identified" };
	return keys[s];
}

static char *keep(struct assessment *a, const char *s)
{
	return s && *s ? ms_arena_strdup(&a->arena, s) : NULL;
}

/* A string built like printf, owned by the assessment. */
static char *keepf(struct assessment *a, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));
static char *keepf(struct assessment *a, const char *fmt, ...)
{
	va_list ap;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap); /* labels and subjects: long ones are cut */
	va_end(ap);
	return ms_arena_strdup(&a->arena, buf);
}

struct var {
	const char *name, *value;
};

/* The text with {name} replaced by vars[name]; owned by the assessment. */
static const char *fill(struct assessment *a, const char *text, const struct var *vars,
                        size_t nvars)
{
	size_t cap = strlen(text) + 1, len = 0;
	char *out = ms_xmalloc(cap);
	const char *kept;

	for (const char *p = text; *p;) {
		const char *val = p;
		size_t vl = 1, skip = 1;

		for (size_t i = 0; *p == '{' && i < nvars; i++) {
			size_t k = strlen(vars[i].name);
			if (!strncmp(p + 1, vars[i].name, k) && p[1 + k] == '}') {
				val = vars[i].value ? vars[i].value : "-";
				vl = strlen(val);
				skip = k + 2;
				break;
			}
		}
		if (len + vl + 1 > cap)
			out = ms_xrealloc(out, cap = (len + vl + 1) * 2);
		memcpy(out + len, val, vl);
		len += vl;
		p += skip;
	}
	out[len] = '\0';
	kept = ms_arena_strdup(&a->arena, out);
	free(out);
	return kept;
}

/* ---- vulnerability lookups ---- */

static const char *match_key(const struct vdb_match *m)
{
	return m->cve ? m->cve : m->jvndb[0];
}

/* Keeps the exact and rough matches of m not kept yet (one per CVE or JVN entry). */
/*
 * The matches of one lookup, each vulnerability once. A product-only match (the
 * product is named, the version not known to be affected) goes to to_confirm:
 * shown for the vendor to confirm, never counted.
 */
static void take_matches(struct assessment *a, struct assess_target *t, const struct vdb_matches *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct vdb_match *x = &m->v[i];
		int product = x->confidence == VDB_CONF_PRODUCT;
		struct assess_vuln **list = product ? &t->to_confirm : &t->v;
		size_t *n = product ? &t->n_to_confirm : &t->n, j;
		struct assess_vuln *v;
		char jv[256] = "";

		for (j = 0; j < *n; j++)
			if (!strcmp((*list)[j].cve ? (*list)[j].cve : (*list)[j].jvndb,
			            match_key(x)))
				break;
		if (j < *n)
			continue;
		v = ms_xgrow((void **)list, n, sizeof(**list));
		for (int k = 0; k < 8 && x->jvndb[k]; k++) {
			size_t used = strlen(jv);
			snprintf(jv + used, sizeof(jv) - used, "%s%s", k ? ", " : "", x->jvndb[k]);
		}
		v->cve = keep(a, x->cve);
		v->jvndb = keep(a, jv);
		if (!v->cve && !v->jvndb)
			v->jvndb = keep(a, match_key(x));
		v->title = keep(a, x->title);
		/* Older records (JVN before 2015, NVD before v3) carry a v2 score only: shown, counted and
		 * judged on it rather than dropped as unscored. */
		if (x->v3_score >= 0 || !x->v2_vector || x->v2_score < 0) {
			v->vector = keep(a, x->v3_vector);
			v->score = x->v3_score;
			v->cvss_version = x->v3_score >= 0 ? 3 : 0;
			v->severity = cvss_severity(x->v3_score);
		} else {
			v->vector = keep(a, x->v2_vector);
			v->score = x->v2_score;
			v->cvss_version = 2;
			v->severity = cvss_v2_severity(x->v2_score);
		}
		v->kev = x->kev;
		v->ransomware = x->ransomware;
		v->confidence = x->confidence;
		v->range = keep(a, x->range ? x->range : x->affected_text);
		v->fixed_in = x->fixed_in && x->confidence == VDB_CONF_EXACT ? keep(a, x->fixed_in)
		                                                             : NULL;
	}
}

static int cmp_vuln(const void *x, const void *y)
{
	const struct assess_vuln *a = x, *b = y;

	if (a->kev != b->kev)
		return b->kev - a->kev;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	return strcmp(a->cve ? a->cve : a->jvndb, b->cve ? b->cve : b->jvndb);
}

int assess_vuln_urgent(const struct assess_vuln *v)
{
	/* A backported fix may hide behind a rough match: only exact ones call for the early report. */
	return v->confidence == VDB_CONF_EXACT && (v->score >= 7.0 || v->kev);
}

static void summarise(struct assess_target *t)
{
	const char *fixed = NULL;

	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v), cmp_vuln);
	for (size_t i = 0; i < t->n; i++) {
		t->counts[t->v[i].severity]++;
		t->kev += t->v[i].kev;
		if (assess_vuln_urgent(&t->v[i]))
			t->exact_urgent = 1;
		if (t->v[i].fixed_in && (!fixed || vercmp(t->v[i].fixed_in, fixed) > 0))
			fixed = t->v[i].fixed_in;
	}
	t->fixed_in = fixed;
	/* A vendor that names 12.1.10-h2 as the fix has released more than the list's 12.1.5. */
	t->latest_stale = t->latest && fixed && vercmp(fixed, t->latest) > 0;
}

void assess_device(struct assessment *a, const struct vdb *vdb, const struct vdb_products *products,
                   struct assess_target *t)
{
	struct vdb_device_queries q;
	struct vdb_firmware fw;

	if (vdb && vdb_latest_firmware(vdb, t->maker ? t->maker : "", t->model ? t->model : "",
	                               model_value_known(t->version) ? t->version : NULL, &fw)) {
		t->latest = keep(a, fw.version);
		t->latest_date = keep(a, fw.date);
		t->latest_source = keep(a, fw.source);
		t->outdated = model_value_known(t->version) && vercmp(t->version, fw.version) < 0;
	}
	if (!vdb) {
		t->status = CHECK_NO_INDEX;
		return;
	}
	if (!products || !vdb_products_map(products, t->maker, t->model, &q)) {
		t->status = CHECK_NO_MAPPING;
		return;
	}
	for (size_t k = 0; k < q.n; k++) {
		size_t used = strlen(t->cpe_names);
		snprintf(t->cpe_names + used, sizeof(t->cpe_names) - used, "%s%s:%s ",
		         used ? "" : " ", q.q[k].vendor, q.q[k].product);
	}
	if (!model_value_known(t->version)) {
		t->status = CHECK_NO_VERSION;
		return;
	}
	for (size_t k = 0; k < q.n; k++) {
		struct vdb_query vq = { .vendor = q.q[k].vendor,
			                .product = q.q[k].product,
			                .version = t->version,
			                .platform = q.platform[0] ? q.platform : NULL };
		struct vdb_matches m = { 0 };
		vdb_lookup(vdb, &vq, &m);
		take_matches(a, t, &m);
		vdb_matches_free(&m);
	}
	summarise(t);
}

static void lookup_device(struct assessment *a, const struct assess_input *in,
                          struct assess_target *t)
{
	assess_device(a, in->vdb, in->products, t);
}

static void lookup_service(struct assessment *a, const struct assess_input *in,
                           struct assess_target *t, const struct service_row *s)
{
	struct cpe store;
	char vbuf[128], version[256];
	struct vdb_query q;
	struct vdb_matches m = { 0 };

	if (!in->vdb) {
		t->status = CHECK_NO_INDEX;
		return;
	}
	if (!s->cpe[0] || vdb_query_from_cpe(s->cpe, &store, vbuf, sizeof(vbuf), &q)) {
		t->status = CHECK_NOT_IDENTIFIED;
		return;
	}
	if (!s->version[0]) {
		t->status = CHECK_NO_VERSION;
		return;
	}
	/* The distribution build ("Debian-2+deb12u3") tells the lookup a fix may be backported. */
	snprintf(version, sizeof(version), "%s%s%s", s->version, s->extra[0] ? " " : "", s->extra);
	q.version = version;
	vdb_lookup(in->vdb, &q, &m);
	take_matches(a, t, &m);
	vdb_matches_free(&m);
	summarise(t);
}

/* ---- lines and ports ---- */

static int plan_no_of_declared(const struct plan *p, int declared_no)
{
	const struct plan_line *l = plan_line_by_declared(p, declared_no);

	return l ? l->line_no : 0;
}

static const struct service_row *service_at(const struct assess_input *in, const char *address,
                                            const char *proto, int port)
{
	for (size_t i = 0; i < in->n_services; i++)
		if (in->services[i].port == port && !strcmp(in->services[i].proto, proto) &&
		    !strcmp(in->services[i].address, address))
			return &in->services[i];
	return NULL;
}

static void build_lines(struct assessment *a, const struct assess_input *in)
{
	for (size_t i = 0; in->plan && i < in->plan->n_lines; i++) {
		const struct plan_line *pl = &in->plan->lines[i];
		struct assess_line *l = ms_xgrow((void **)&a->lines, &a->n_lines, sizeof(*l));
		const struct scan_host_row *host = NULL;

		l->plan = pl;
		l->onsite = onsite_line_by_no(in->onsite, pl->line_no);
		for (size_t h = 0; in->scan && h < in->n_hosts; h++)
			if (in->hosts[h].line_no == pl->line_no)
				host = &in->hosts[h];
		switch (pl->status) {
		case STATUS_TARGET: l->diagnosis = host ? "diagnosed" : "not_diagnosed"; break;
		case STATUS_NEEDS_DAY_IP: l->diagnosis = "address_unknown"; break;
		case STATUS_NEEDS_MEETING: /* row 19 left open: its address was never known */
			l->diagnosis = pl->reason == REASON_UNKNOWN_GLOBAL ? "address_unknown"
			                                                   : "not_diagnosed";
			break;
		case STATUS_NOT_ELIGIBLE:
			l->diagnosis = pl->reason == REASON_UNKNOWN_GLOBAL ? "address_unknown"
			                                                   : "not_eligible";
			break;
		default: l->diagnosis = "not_requested";
		}
		l->address = host ? keep(a, host->address) : NULL;
		l->first_port = a->n_ports;
		for (size_t k = 0; host && k < in->n_ports; k++) {
			const struct scan_port_row *sp = &in->ports[k];
			const struct scan_host_row *h = sp->host < in->n_hosts
			                                        ? &in->hosts[sp->host]
			                                        : NULL;
			const struct service_row *s;
			struct assess_port *p;

			if (h != host)
				continue;
			s = service_at(in, h->address, sp->proto, sp->port);
			p = ms_xgrow((void **)&a->ports, &a->n_ports, sizeof(*p));
			p->line_no = pl->line_no;
			p->address = l->address;
			p->proto = keep(a, sp->proto);
			p->port = sp->port;
			p->state = keep(a, sp->state);
			p->svc = s ? s : &no_service;
			p->target = NO_TARGET;
			p->responded = !strcmp(sp->state, "open") || (s && s->service[0]);
			l->responding += p->responded;
			a->responding += p->responded;
			if (s && in->probed) {
				struct assess_target *t = ms_xgrow((void **)&a->targets,
				                                   &a->n_targets, sizeof(*t));
				t->source = SRC_REMOTE;
				t->line_no = pl->line_no;
				t->address = l->address;
				t->proto = p->proto;
				t->port = p->port;
				t->service = s->service;
				t->maker = keep(a, s->product);
				t->version = keep(a, s->version);
				t->label = keepf(a, "%s/%d %s%s%s", sp->proto, sp->port,
				                 s->product[0]   ? s->product
				                 : s->service[0] ? s->service
				                                 : "?",
				                 s->version[0] ? " " : "", s->version);
				lookup_service(a, in, t, s);
				p->target = a->n_targets - 1;
				for (int b = 0; b < 5; b++) {
					l->counts[b] += t->counts[b];
					a->counts[b] += t->counts[b];
				}
			}
		}
		l->n_ports = a->n_ports - l->first_port;
	}
}

/* Devices: declared firmware (別紙2) and firmware read on site (chapter 2). */
static void build_devices(struct assessment *a, const struct assess_input *in)
{
	for (size_t i = 0; in->doc && i < in->doc->n_devices; i++) {
		const struct device *d = &in->doc->devices[i];
		int line = plan_no_of_declared(in->plan, d->line_no);
		struct assess_target *t;

		/* 別紙2 lists only devices with a declared firmware, on planned lines. */
		if ((in->plan && !line) || !model_value_known(d->firmware))
			continue;
		t = ms_xgrow((void **)&a->targets, &a->n_targets, sizeof(*t));
		t->source = SRC_DECLARED;
		t->line_no = line;
		t->maker = d->maker;
		t->model = d->model;
		t->version = d->firmware;
		t->label = keepf(a, "%s %s", d->maker ? d->maker : "", d->model ? d->model : "");
		t->port = 0;
		lookup_device(a, in, t);
	}
	for (size_t i = 0; in->onsite && i < in->onsite->n_devices; i++) {
		const struct onsite_device *d = &in->onsite->devices[i];
		struct assess_target *t = ms_xgrow((void **)&a->targets, &a->n_targets, sizeof(*t));

		t->source = SRC_ONSITE;
		t->line_no = d->line_no;
		t->maker = d->maker;
		t->model = d->model;
		t->version = d->login == TRI_YES ? d->firmware : NULL;
		t->label = keepf(a, "%s %s", d->maker ? d->maker : "", d->model ? d->model : "");
		lookup_device(a, in, t);
	}
}

/* ---- findings ---- */

static struct assess_finding *add_finding(struct assessment *a, enum finding_kind kind,
                                          const char *rule, enum assess_source src,
                                          enum finding_severity severity)
{
	struct assess_finding *f = ms_xgrow((void **)&a->findings, &a->n_findings, sizeof(*f));

	f->kind = kind;
	f->rule = keep(a, rule);
	f->source = src;
	f->severity = severity;
	f->score = -1;
	f->target = NO_TARGET;
	return f;
}

static void texts_from_rule(struct assessment *a, struct assess_finding *f, const json_t *rule,
                            const struct var *vars, size_t nvars)
{
	int en = a->in->lang == MS_LANG_EN; /* data/assess.json: "title" is ja, "title_en" en */

	f->title = fill(a, rule_text(rule, en ? "title_en" : "title"), vars, nvars);
	f->reason = fill(a, rule_text(rule, en ? "reason_en" : "reason"), vars, nvars);
	f->advice = fill(a, rule_text(rule, en ? "advice_en" : "advice"), vars, nvars);
	f->manual = rule_text(rule, en ? "manual_en" : "manual");
	if (!f->severity) {
		const struct model_enum *e = model_enum_by_key(model_finding_severities,
		                                               rule_text(rule, "severity"));
		f->severity = e ? (enum finding_severity)e->value : FSEV_INFO;
	}
}

static void check_findings(struct assessment *a, const struct assess_input *in)
{
	for (size_t i = 0; in->checks && i < in->n_found; i++) {
		const struct finding_row *r = &in->found[i];
		struct probe_finding t;
		struct assess_finding *f;
		const struct service_row *s = service_at(in, r->address, r->proto, r->port);

		if (!probe_check_texts(in->checks, r->check, in->lang, &t))
			continue; /* a check since removed from data/checks.json */
		f = add_finding(a, t.kind, r->check, SRC_REMOTE, t.severity);
		f->line_no = s ? s->line_no : 0;
		f->address = keep(a, r->address);
		f->proto = keep(a, r->proto);
		f->port = r->port;
		/* The probe records "(no user name)" for a password-only login (a Yamaha RT's telnet). */
		const char *user = !strcmp(r->detail, "(no user name)")
		                           ? T(A_NO_USER_NAME_PASSWORD_ONLY)
		                   : r->detail[0] ? T(A_USER)
		                                  : "";
		f->subject = keepf(a, "%s %s/%d%s%s%s%s", r->address, r->proto, r->port,
		                   s && s->product[0] ? " " : "", s ? s->product : "", user,
		                   strcmp(r->detail, "(no user name)") ? r->detail : "");
		f->title = t.title;
		f->reason = t.reason;
		f->advice = t.advice;
		f->manual = t.manual;
		f->early = t.severity == FSEV_CRITICAL || t.severity == FSEV_HIGH;
	}
}

static const char *counts_text(struct assessment *a, const int *c)
{
	return keepf(a, T(A_CRITICAL_HIGH_MEDIUM_LOW), c[SEV_CRITICAL], c[SEV_HIGH], c[SEV_MEDIUM],
	             c[SEV_LOW]);
}

static const char *refs_text(struct assessment *a, const struct assess_target *t)
{
	char buf[1024] = "";
	size_t used = 0, shown = 0;

	for (size_t i = 0; i < t->n && used < sizeof(buf) - 1; i++) {
		const struct assess_vuln *v = &t->v[i];
		if (shown == 5) {
			snprintf(buf + used, sizeof(buf) - used, T(A_AND_MORE), t->n - shown);
			break;
		}
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s%s%s%s%s",
		                         shown ? T(A_LIST_COMMA) : "", v->cve ? v->cve : "",
		                         v->cve && v->jvndb ? " (" : "", v->jvndb ? v->jvndb : "",
		                         v->cve && v->jvndb ? ")" : "", v->kev ? " [KEV]" : "");
		shown++;
	}
	return keep(a, buf);
}

/* Is there an onsite reading of the same device (maker, model, line) that replaces the declared one? */
static int read_on_site(const struct assessment *a, const struct assess_target *t)
{
	for (size_t i = 0; i < a->n_targets; i++) {
		const struct assess_target *o = &a->targets[i];
		if (o->source == SRC_ONSITE && o->version && o->line_no == t->line_no && o->maker &&
		    t->maker && o->model && t->model && !strcasecmp(o->maker, t->maker) &&
		    !strcasecmp(o->model, t->model))
			return 1;
	}
	return 0;
}

/*
 * A device whose own software answers on its line's global address (a
 * FortiGate's SSL-VPN on 回線1) is attacked from the internet: its firmware's
 * vulnerabilities are as urgent as the diagnosis's own.
 */
static void find_exposure(struct assessment *a, const struct assess_input *in,
                          struct assess_target *t)
{
	for (size_t i = 0; t->cpe_names[0] && i < in->n_services; i++) {
		const struct service_row *s = &in->services[i];
		char vp[200];
		const char *p = s->cpe;
		/* cpe:2.3:o:fortinet:fortios:… → " fortinet:fortios " */
		for (int colons = 0; *p && colons < 3; p++)
			colons += *p == ':';
		const char *end = p;
		for (int colons = 0; *end && colons < 2; end++)
			colons += *end == ':';
		if (s->line_no != t->line_no || !*p || end - p < 3)
			continue;
		snprintf(vp, sizeof(vp), " %.*s ", (int)(end - p - 1), p);
		if (strstr(t->cpe_names, vp)) {
			t->exposed_by = keepf(a, "%s/%d %s", s->proto, s->port,
			                      s->product[0] ? s->product : s->service);
			return;
		}
	}
}

static void vuln_findings(struct assessment *a, const struct assess_input *in)
{
	const json_t *remote = rule_by_id(in->rules, "vuln-remote"),
	             *device = rule_by_id(in->rules, "vuln-device"),
	             *outdated = rule_by_id(in->rules, "firmware-outdated");

	for (size_t i = 0; i < a->n_targets; i++) {
		const struct assess_target *t = &a->targets[i];
		int top = SEV_NONE;
		struct assess_finding *f;

		if (t->source == SRC_DECLARED && read_on_site(a, t))
			continue;
		if (t->source != SRC_REMOTE)
			find_exposure(a, in, &a->targets[i]);
		if (t->outdated && outdated) {
			const char *subject = keepf(a, "%s %s", t->label, t->version);
			const struct var vars[] = { { "subject", subject },
				                    { "latest", t->latest } };
			f = add_finding(a, FKIND_FIRMWARE, "firmware-outdated", t->source,
			                FSEV_UNSET);
			f->line_no = t->line_no;
			f->subject = subject;
			f->target = i;
			texts_from_rule(a, f, outdated, vars, 2);
		}
		if (!t->n)
			continue;
		for (int b = SEV_CRITICAL; b > SEV_NONE; b--)
			if (t->counts[b]) {
				top = b;
				break;
			}
		f = add_finding(a, FKIND_VULNERABILITY,
		                t->source == SRC_REMOTE ? "vuln-remote" : "vuln-device", t->source,
		                FSEV_UNSET);
		/* CISA confirms KEV entries are exploited: at least 重要 even without a v3 score. */
		if (t->kev && top < SEV_HIGH)
			top = SEV_HIGH;
		f->severity = top == SEV_CRITICAL ? FSEV_CRITICAL
		              : top == SEV_HIGH   ? FSEV_HIGH
		              : top == SEV_MEDIUM ? FSEV_MEDIUM
		              : top == SEV_LOW    ? FSEV_LOW
		                                  : FSEV_INFO;
		f->score = t->v[0].score;
		for (size_t k = 0; k < t->n; k++)
			if (t->v[k].score > f->score)
				f->score = t->v[k].score;
		f->kev = t->kev > 0;
		f->line_no = t->line_no;
		f->address = t->address;
		f->proto = t->proto;
		f->port = t->port;
		f->target = i;
		f->subject = t->source == SRC_REMOTE ? keepf(a, "%s %s", t->address, t->label)
		             : t->exposed_by         ? keepf(a, T(A_FIRMWARE_OPEN_TO_THE_INTERNET),
		                                             t->label, t->version, t->exposed_by)
		                             : keepf(a, T(A_FIRMWARE), t->label, t->version);
		f->refs = refs_text(a, t);
		f->early = (t->source == SRC_REMOTE || t->exposed_by) && t->exact_urgent;
		const struct var vars[] = { { "subject", f->subject },
			                    { "counts", counts_text(a, t->counts) },
			                    { "refs", f->refs },
			                    { "fixed_in",
			                      t->fixed_in ? t->fixed_in : T(A_ASK_THE_VENDOR) } };
		texts_from_rule(a, f, t->source == SRC_REMOTE ? remote : device, vars, 4);
	}
}

static void onsite_findings(struct assessment *a, const struct assess_input *in)
{
	const json_t *unreg = rule_by_id(in->rules, "unregistered-line"),
	             *unconf = rule_by_id(in->rules, "line-unconfirmed");

	for (size_t i = 0; in->onsite && unreg && i < in->onsite->n_unregistered; i++) {
		const struct onsite_unregistered *u = &in->onsite->unregistered[i];
		const char *subject = keepf(
		        a, T(A_TERMINATION_AT_PLACE),
		        model_enum_label(model_termination_kinds, (int)u->termination, a->in->lang),
		        u->place.building ? u->place.building : "",
		        u->place.floor ? u->place.floor : "", u->place.room ? u->place.room : "");
		const struct var vars[] = { { "subject", subject } };
		struct assess_finding *f = add_finding(a, FKIND_UNREGISTERED_LINE,
		                                       "unregistered-line", SRC_ONSITE, FSEV_UNSET);
		f->subject = subject;
		texts_from_rule(a, f, unreg, vars, 1);
	}
	for (size_t i = 0; in->onsite && unconf && i < in->onsite->n_lines; i++) {
		const struct onsite_line *l = &in->onsite->lines[i];
		if (l->confirmed != TRI_NO)
			continue;
		const char *subject = keepf(a, T(R_LINE_NO), l->line_no);
		const struct var vars[] = { { "subject", subject }, { "shortfalls", l->reason } };
		struct assess_finding *f = add_finding(a, FKIND_LINE_UNCONFIRMED,
		                                       "line-unconfirmed", SRC_ONSITE, FSEV_UNSET);
		f->subject = subject;
		f->line_no = l->line_no;
		texts_from_rule(a, f, unconf, vars, 2);
	}
}

/* "端末1 (EMR-PC-001)", or the host of a PC no declared terminal accounts for. */
static const char *terminal_subject(struct assessment *a, const struct terminal_result *r)
{
	return r->declared_no ? keepf(a, T(A_TERMINAL), r->declared_no, r->host)
	                      : keepf(a, T(A_UNDECLARED_PC), r->host);
}

/* A finding of rule id on one PC; its texts may name the PC's facts ({ends}, {days} ...). */
static void terminal_finding(struct assessment *a, const struct terminal_result *r, const char *id)
{
	const json_t *rule = rule_by_id(a->in->rules, id);
	const char *subject = terminal_subject(a, r);
	char products[256] = "", days[16] = "-", length[16] = "-";
	struct assess_finding *f;

	if (!rule)
		return;
	for (size_t i = 0; i < r->n_av; i++)
		snprintf(products + strlen(products), sizeof(products) - strlen(products), "%s%s",
		         i ? T(A_LIST_COMMA) : "", r->av[i].name);
	if (r->update_age_days >= 0)
		snprintf(days, sizeof(days), "%d", r->update_age_days);
	if (r->policy.min_length >= 0)
		snprintf(length, sizeof(length), "%d", r->policy.min_length);
	{
		const struct var vars[] = {
			{ "subject", subject },
			{ "ends", r->support_ends ? r->support_ends : "-" },
			{ "products", products[0] ? keep(a, products) : "-" },
			{ "last", r->last_update ? r->last_update : "-" },
			{ "days", keep(a, days) },
			{ "length", keep(a, length) },
		};
		f = add_finding(a, FKIND_TERMINAL, id, SRC_TERMINAL, FSEV_UNSET);
		f->subject = subject;
		texts_from_rule(a, f, rule, vars, sizeof(vars) / sizeof(vars[0]));
	}
}

/* What the terminal survey found on each PC (chapter 4), ranked with the rest. */
static void terminal_findings(struct assessment *a, const struct assess_input *in)
{
	for (size_t i = 0; i < in->n_terminals; i++) {
		const char *ids[16];
		size_t n = terminal_finding_ids(&in->terminals[i], ids, 16);

		for (size_t k = 0; k < n; k++)
			terminal_finding(a, &in->terminals[i], ids[k]);
	}
}

/* What the backups fall short of, per system needed for care (seed 004 ch.04, 加算1). */
static void backup_findings(struct assessment *a, const struct assess_input *in)
{
	static const struct {
		unsigned bit;
		const char *rule;
	} map[] = {
		{ SHORT_NO_OFFLINE, "backup-no-offline" },
		{ SHORT_RESTORE_FAILED, "backup-restore-failed" },
		{ SHORT_RESTORE_UNTESTED, "backup-restore-untested" },
		{ SHORT_GENERATIONS, "backup-generations" },
		{ SHORT_SINGLE_METHOD, "backup-single-method" },
	};

	for (size_t i = 0; in->backup && i < in->backup->n_systems; i++) {
		const struct backup_system *s = &in->backup->systems[i];

		if (!s->needed_for_care)
			continue;
		for (size_t k = 0; k < sizeof(map) / sizeof(map[0]); k++) {
			const json_t *rule = rule_by_id(in->rules, map[k].rule);
			const struct var vars[] = { { "subject", s->name } };
			struct assess_finding *f;

			if (!rule || !(in->backup_decision->shortfalls[i] & map[k].bit))
				continue;
			f = add_finding(a, FKIND_BACKUP, map[k].rule, SRC_DECLARED, FSEV_UNSET);
			f->subject = keep(a, s->name);
			texts_from_rule(a, f, rule, vars, 1);
		}
	}
}

/*
 * The guideline's three acceptable patterns (6.0 Q&A シQ-54): 13 characters or
 * more; 8 or more changed at least every two months; 8 or more with a second
 * factor. Plus: the factory password changed, no reuse.
 */
static void password_review(struct assessment *a, const struct assess_input *in)
{
	const json_t *policy = rule_by_id(in->rules, "password-policy"),
	             *unknown = rule_by_id(in->rules, "password-unknown");

	for (size_t i = 0; in->doc && i < in->doc->n_devices; i++) {
		const struct device *d = &in->doc->devices[i];
		const struct pw_facts *p = &d->pw;
		int line = plan_no_of_declared(in->plan, d->line_no);
		char shorts[512] = "", unknowns[512] = "";
		int high = 0;
		struct assess_password *r;

		if (in->plan && !line)
			continue;
#define ADD(buf, s)                                                    \
	snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%s", \
	         buf[0] ? T(A_CLAUSE_SEPARATOR) : "", s)
		if (p->default_changed == TRI_NO) {
			ADD(shorts, T(A_THE_FACTORY_PASSWORD_IS_UNCHANGED));
			high = 1;
		}
		if (p->length == PW_LEN_UNDER_8) {
			ADD(shorts, T(A_UNDER_8_CHARACTERS));
			high = 1;
		} else if (p->length == PW_LEN_8_TO_12 && p->two_factor != TRI_YES) {
			/* The guideline's second pattern: 8+ characters changed at most every two months. */
			if (p->periodic_change == TRI_NO)
				ADD(shorts, T(A_UNDER_13_CHARACTERS_WITH_NEITHER_PERIODIC));
			else if (p->periodic_change == TRI_YES && p->change_months > 2)
				ADD(shorts, keepf(a, T(A_UNDER_13_CHARACTERS_CHANGED_LESS_OFTEN),
				                  p->change_months));
			else if (p->periodic_change == TRI_YES && p->change_months <= 0)
				ADD(unknowns, T(A_HOW_OFTEN_IT_IS_CHANGED_MONTHS));
		}
		if (p->reused == TRI_YES)
			ADD(shorts, T(A_REUSED_ON_OTHER_DEVICES));
		if (p->default_changed == TRI_UNKNOWN)
			ADD(unknowns, T(A_FACTORY_PASSWORD_CHANGED));
		if (p->length == PW_LEN_UNKNOWN)
			ADD(unknowns, T(R_LENGTH));
		if (p->periodic_change == TRI_UNKNOWN)
			ADD(unknowns, T(A_PERIODIC_CHANGE));
		if (p->reused == TRI_UNKNOWN)
			ADD(unknowns, T(A_REUSE));
#undef ADD
		r = ms_xgrow((void **)&a->passwords, &a->n_passwords, sizeof(*r));
		r->device = d;
		r->verdict = shorts[0] ? "short" : unknowns[0] ? "unknown" : "meets";
		r->shortfalls = keep(a, shorts[0] ? shorts : unknowns);
		if (!shorts[0] && !unknowns[0])
			continue;
		const char *subject = keepf(a, T(A_LINE), line, d->maker ? d->maker : "",
		                            d->model ? d->model : "");
		const struct var vars[] = { { "subject", subject },
			                    { "shortfalls", r->shortfalls } };
		struct assess_finding *f = add_finding(
		        a, FKIND_PASSWORD, shorts[0] ? "password-policy" : "password-unknown",
		        SRC_DECLARED, shorts[0] ? (high ? FSEV_HIGH : FSEV_MEDIUM) : FSEV_UNSET);
		f->subject = subject;
		f->line_no = line;
		if (shorts[0] ? policy : unknown)
			texts_from_rule(a, f, shorts[0] ? policy : unknown, vars, 2);
	}
}

static int cmp_finding(const void *x, const void *y)
{
	const struct assess_finding *a = x, *b = y;
	int ra = (int)a->severity, rb = (int)b->severity; /* most urgent first */

	if (a->early != b->early)
		return b->early - a->early;
	if (ra != rb)
		return ra - rb;
	if (a->kev != b->kev)
		return b->kev - a->kev;
	if (a->score != b->score)
		return a->score < b->score ? 1 : -1;
	if (a->source != b->source)
		return (int)a->source - (int)b->source;
	if (a->line_no != b->line_no)
		return a->line_no - b->line_no;
	return a->port - b->port;
}

struct assessment *assessment_new(void)
{
	return ms_xcalloc(1, sizeof(struct assessment));
}

int assess_run(const struct assess_input *in, struct assessment **out, struct ms_error *err)
{
	struct assessment *a = assessment_new();

	(void)err;
	a->in = in;
	build_lines(a, in);
	build_devices(a, in);
	check_findings(a, in);
	if (in->rules) {
		vuln_findings(a, in);
		onsite_findings(a, in);
		terminal_findings(a, in);
		backup_findings(a, in);
		password_review(a, in);
	}
	if (a->n_findings)
		qsort(a->findings, a->n_findings, sizeof(*a->findings), cmp_finding);
	for (size_t i = 0; i < a->n_findings; i++) {
		a->findings[i].rank = (int)i + 1;
		a->early_due |= a->findings[i].early;
	}
	*out = a;
	return MS_OK;
}

void assessment_free(struct assessment *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n_targets; i++)
		free(a->targets[i].v), free(a->targets[i].to_confirm);
	free(a->targets);
	free(a->lines);
	free(a->ports);
	free(a->findings);
	free(a->passwords);
	ms_arena_dispose(&a->arena);
	free(a);
}
