/*
 * probe.c - what answers on the open ports of a round's latest scan. The
 * rules a caller cannot skip are here: every address is checked again
 * against the plan and the recorded scope declarations before any
 * connection, and default accounts are tried only with the hospital's
 * recorded consent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/clock.h"
#include "medsec/ip.h"
#include "medsec/mem.h"
#include "medsec/store.h"
#include "medsec/survey.h"

/* Is the address in the plan's scope or in a recorded declaration? */
static int authorised(const struct scan_scope *scope, const struct scope_decl *decls, size_t n,
                      const char *address)
{
	struct ms_prefix a;

	if (ms_prefix_parse(address, &a) != MS_PREFIX_OK)
		return 0;
	for (size_t i = 0; i < scope->n_targets; i++)
		if (strcmp(scope->targets[i].text, address) == 0)
			return 1;
	for (size_t i = 0; i < n; i++) {
		struct ms_prefix p;
		if (ms_prefix_parse(decls[i].prefix, &p) == MS_PREFIX_OK &&
		    ms_prefix_contains(&p, &a))
			return 1;
	}
	return 0;
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

json_t *survey_probe_result_json(const struct probe_result *r)
{
	json_t *o = json_pack(
	        "{s:s, s:s, s:i, s:i, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o, s:o, s:b}", "address",
	        r->svc.address, "proto", r->svc.proto, "port", r->svc.port, "line_no",
	        r->svc.line_no, "service", str_or_null(r->svc.service), "product",
	        str_or_null(r->svc.product), "version", str_or_null(r->svc.version), "extra",
	        str_or_null(r->svc.extra), "device", str_or_null(r->svc.device), "cpe",
	        str_or_null(r->svc.cpe), "confidence", r->svc.confidence, "evidence",
	        str_or_null(r->svc.evidence), "match", str_or_null(r->svc.decided_by),
	        "tls_wrapped", r->svc.tls_wrapped);

	json_object_set_new(o, "followup", str_or_null(r->followup));
	json_object_set_new(o, "title", str_or_null(r->title));
	json_object_set_new(o, "location", str_or_null(r->location));
	json_object_set_new(o, "favicon_mmh3",
	                    r->favicon ? json_integer(r->favicon_mmh3) : json_null());
	/* Only whether a default account was tried and which user was accepted; never a password. */
	json_object_set_new(o, "default_account",
	                    r->account_tried
	                            ? json_pack("{s:b, s:o}", "accepted", r->account_tried == 2,
	                                        "user", str_or_null(r->account))
	                            : json_null());
	if (r->tls.done)
		json_object_set_new(
		        o, "tls",
		        json_pack(
		                "{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:i, s:s, s:s}",
		                "version", r->tls.version, "cipher", r->tls.cipher, "subject",
		                r->tls.subject, "issuer", r->tls.issuer, "sans", r->tls.sans,
		                "not_before", r->tls.not_before, "not_after", r->tls.not_after,
		                "self_signed", r->tls.self_signed, "expired", r->tls.expired,
		                "key_type", r->tls.key_type, "key_bits", r->tls.key_bits, "offered",
		                r->tls.offered, "weak_ciphers", r->tls.weak_ciphers));
	else
		json_object_set_new(o, "tls", json_null());
	if (r->svc.error[0])
		json_object_set_new(o, "error", json_string(r->svc.error));
	return o;
}

/* The results as the store keeps them, in one transaction (the TLS facts as JSON text). */
static int save(struct store *st, int64_t scan_id, const struct probe_result *res, size_t n,
                const struct probe_finding *f, size_t nf, struct ms_error *err)
{
	struct service_row *rows = ms_xcalloc(n + 1, sizeof(*rows));
	struct finding_row *found = ms_xcalloc(nf + 1, sizeof(*found));
	char **tls = ms_xcalloc(n + 1, sizeof(*tls));
	char now[32];
	int rc;

	for (size_t i = 0; i < n; i++) {
		const struct probe_result *r = &res[i];
		struct service_row *w = &rows[i];

		*w = r->svc;
		if (r->tls.done) {
			json_t *j = survey_probe_result_json(r);
			tls[i] = json_dumps(json_object_get(j, "tls"),
			                    JSON_COMPACT | JSON_PRESERVE_ORDER);
			json_decref(j);
		}
		w->tls_json = tls[i];
	}
	for (size_t i = 0; i < nf; i++) {
		const struct probe_result *r = &res[f[i].result];
		struct finding_row *w = &found[i];

		snprintf(w->address, sizeof(w->address), "%s", r->svc.address);
		snprintf(w->proto, sizeof(w->proto), "%s", r->svc.proto);
		w->port = r->svc.port;
		w->kind = f[i].kind;
		w->severity = f[i].severity;
		snprintf(w->check, sizeof(w->check), "%s", f[i].check);
		snprintf(w->detail, sizeof(w->detail), "%s", f[i].detail ? f[i].detail : "");
	}
	ms_now_iso(now);
	rc = store_services_save(st, scan_id, rows, n, found, nf, now, err);
	free(found);
	for (size_t i = 0; i < n; i++)
		free(tls[i]);
	free(tls);
	free(rows);
	return rc;
}

/* The knowledge files; the accounts only when they will be tried. */
static int load_data(const struct survey_config *cfg, int accounts, struct probe_db **db,
                     struct probe_checks **checks, struct probe_accounts **acc, struct ms_diags *d,
                     struct ms_error *err)
{
	char path[4096];
	int rc;

	survey_data_path(cfg, "probes.json", path, sizeof(path));
	if ((rc = probe_db_load(path, db, d, err)))
		return rc;
	survey_data_path(cfg, "checks.json", path, sizeof(path));
	if ((rc = probe_checks_load(path, checks, d, err)))
		return rc;
	if (!accounts)
		return MS_OK;
	survey_data_path(cfg, "default-accounts.json", path, sizeof(path));
	return probe_accounts_load(path, acc, d, err);
}

/* The hospital's recorded consent to try default accounts; refused without it. */
static int consented(struct survey_session *s, struct ms_error *err)
{
	struct consent k;
	int rc = store_consent_find(s->store, s->hospital_id, "default_accounts", &k, err);

	if (!rc && !k.granted_by[0])
		rc = ms_fail(err, MS_ERR_INPUT, MSG_PROBE_NO_CONSENT, NULL, NULL);
	return rc;
}

/* Every open port of the scan, each address checked against the scope first; *out new. */
static int targets(struct survey_session *s, int64_t scan_id, struct probe_target **out,
                   size_t *n_out, struct ms_error *err)
{
	struct scan_host_row *hosts = NULL;
	struct scan_port_row *ports = NULL;
	struct scope_decl *decls = NULL;
	struct scan_scope scope = { 0 };
	struct plan *plan = NULL;
	struct probe_target *t = NULL;
	size_t nh = 0, np = 0, nd = 0, n = 0;
	int rc;

	if ((rc = store_scan_results(s->store, scan_id, &hosts, &nh, &ports, &np, err)) ||
	    (rc = store_plan_load(s->store, s->round.id, &plan, err)) ||
	    (plan && (rc = scan_scope_from_plan(&scope, plan, err))) ||
	    (rc = store_scope_list(s->store, s->hospital_id, &decls, &nd, err)))
		goto out;
	t = ms_xcalloc(np + 1, sizeof(*t));
	for (size_t i = 0; i < np; i++) {
		const struct scan_host_row *h = &hosts[ports[i].host];

		if (!authorised(&scope, decls, nd, h->address)) {
			rc = ms_fail(err, MS_ERR_INPUT, MSG_PROBE_OUT_OF_SCOPE, h->address, NULL);
			goto out;
		}
		snprintf(t[n].address, sizeof(t[n].address), "%s", h->address);
		t[n].port = ports[i].port;
		t[n].line_no = h->line_no;
		t[n].udp = strcmp(ports[i].proto, "udp") == 0;
		n++;
	}
out:
	if (rc) {
		free(t);
		t = NULL;
		n = 0;
	}
	*out = t;
	*n_out = n;
	free(hosts);
	free(ports);
	free(decls);
	scan_scope_dispose(&scope);
	plan_free(plan);
	return rc;
}

struct progress_relay {
	const struct survey_events *ev;
};

static void relay(void *ctx, size_t done, size_t total)
{
	const struct survey_events *ev = ((struct progress_relay *)ctx)->ev;

	ev->progress(ev->ctx, SURVEY_STAGE_PROBE, NULL, done, total, 0);
}

int survey_probe(struct survey_session *s, const struct survey_probe_options *opts,
                 const struct survey_events *ev, struct survey_probe_result *out,
                 struct ms_diags *d, struct ms_error *err)
{
	struct probe_opts o = { .parallel = opts->parallel, .per_host = opts->per_host };
	struct progress_relay pr = { ev };
	struct probe_db *db = NULL;
	struct probe_accounts *accounts = NULL;
	struct probe_target *t = NULL;
	struct scan_record rec;
	size_t n = 0;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = load_data(s->cfg, opts->try_default_accounts, &db, &out->checks, &accounts, d,
	                    err)) ||
	    (rc = store_scan_latest(s->store, s->round.id, &rec, err)))
		goto out;
	if (!rec.id) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_SCAN_NO_SCAN, NULL, NULL);
		goto out;
	}
	/* Both refusals come before any connection. */
	if ((opts->try_default_accounts && (rc = consented(s, err))) ||
	    (rc = targets(s, rec.id, &t, &n, err)))
		goto out;
	if (ev && ev->progress) {
		o.progress = relay;
		o.ctx = &pr;
	}
	if ((rc = probe_run(db, t, n, &o, &out->results, err)))
		goto out;
	out->n = n;
	out->scan_id = rec.id;
	for (size_t i = 0; i < n; i++)
		probe_tls_survey(&out->results[i], &o);
	if (accounts)
		probe_try_accounts(accounts, out->results, n, &o);
	probe_check(out->checks, s->cfg->lang, out->results, n, &out->findings, &out->n_findings);
	rc = save(s->store, rec.id, out->results, n, out->findings, out->n_findings, err);
out:
	free(t);
	probe_db_free(db);
	probe_accounts_free(accounts);
	if (rc)
		survey_probe_result_free(out);
	return rc;
}

void survey_probe_result_free(struct survey_probe_result *r)
{
	free(r->results);
	free(r->findings);
	probe_checks_free(r->checks);
	memset(r, 0, sizeof(*r));
}
