/*
 * checks.c - findings from identified services (probe.h): data/checks.json
 * says which condition makes which finding, with its severity and the
 * reason and advice in Japanese and English. Conditions are few on purpose: service,
 * database entry, device, and the TLS facts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/mem.h"
#include "medsec/probe.h"
#include "probe/probe_int.h"

struct probe_checks {
	json_t *root;
	int english;		/* texts from the *_en members */
};

void probe_checks_english(struct probe_checks *c, int english)
{
	c->english = english;
}

/* A check's text in the chosen language ("title" or "title_en"). */
static const char *text(const struct probe_checks *pc, json_t *c, const char *key)
{
	char en[32];

	if (!pc->english)
		return json_str(c, key);
	snprintf(en, sizeof(en), "%s_en", key);
	return json_str(c, en) ? json_str(c, en) : json_str(c, key);
}

static const char *const severities[] = { "critical", "high", "medium", "low", "info" };

static int severity_rank(const char *s)
{
	for (int i = 0; i < 5; i++)
		if (s && strcmp(s, severities[i]) == 0)
			return i;
	return -1;
}

/* A condition value: a string, or a list of strings any of which may equal s. */
static int one_of(json_t *v, const char *s)
{
	size_t i;
	json_t *e;

	if (json_is_string(v))
		return strcmp(json_string_value(v), s) == 0;
	json_array_foreach(v, i, e)
		if (json_is_string(e) && strcmp(json_string_value(e), s) == 0)
			return 1;
	return 0;
}

/* "TLSv1.1" < "TLSv1.2"; SSLv3 before every TLS. */
static int tls_rank(const char *v)
{
	static const char *const order[] = { "SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3" };

	for (int i = 0; i < 6; i++)
		if (strcmp(v, order[i]) == 0)
			return i;
	return -1;
}

static int holds(json_t *when, const struct probe_result *r)
{
	const char *k;
	json_t *v;

	json_object_foreach(when, k, v) {
		if (strcmp(k, "service") == 0) {
			if (!one_of(v, r->service))
				return 0;
		} else if (strcmp(k, "match") == 0) {
			if (!one_of(v, r->match) && !one_of(v, r->followup))
				return 0;
		} else if (strcmp(k, "device") == 0) {
			if (!one_of(v, r->device))
				return 0;
		} else if (strcmp(k, "tls_self_signed") == 0) {
			if (!r->tls.done || r->tls.self_signed != json_is_true(v))
				return 0;
		} else if (strcmp(k, "tls_expired") == 0) {
			if (!r->tls.done || r->tls.expired != json_is_true(v))
				return 0;
		} else if (strcmp(k, "tls_version_below") == 0) {
			int have = r->tls.done ? tls_rank(r->tls.version) : -1;
			if (have < 0 || !json_is_string(v) || have >= tls_rank(json_string_value(v)))
				return 0;
		} else if (strcmp(k, "tls_offers_below") == 0) {
			/* Any accepted version older than the given one (the survey's list). */
			int old = 0, limit = json_is_string(v) ? tls_rank(json_string_value(v)) : -1;
			char list[64], *save = NULL;
			snprintf(list, sizeof(list), "%s", r->tls.offered);
			for (char *t = strtok_r(list, " ", &save); t; t = strtok_r(NULL, " ", &save))
				old |= tls_rank(t) >= 0 && tls_rank(t) < limit;
			if (!r->tls.done || !old)
				return 0;
		} else if (strcmp(k, "tls_weak_cipher") == 0) {
			if (!r->tls.done || (r->tls.weak_ciphers[0] != '\0') != json_is_true(v))
				return 0;
		} else if (strcmp(k, "account_accepted") == 0) {
			if ((r->account_tried == 2) != json_is_true(v))
				return 0;
		} else if (strcmp(k, "rsa_bits_below") == 0) {
			if (!r->tls.done || strcmp(r->tls.key_type, "RSA") != 0 ||
			    r->tls.key_bits >= json_integer_value(v))
				return 0;
		} else {
			return 0;	/* unknown conditions never hold (the loader refuses them) */
		}
	}
	return 1;
}

void probe_checks_free(struct probe_checks *c)
{
	if (!c)
		return;
	json_decref(c->root);
	free(c);
}

static int bad(struct ms_diags *d, const char *path, size_t i, const char *id, const char *what)
{
	char where[512];

	snprintf(where, sizeof(where), "%s:/checks/%zu", path, i);
	ms_diags_add(d, MS_DIAG_ERROR, MSG_PROBE_BAD_ENTRY, where, id, what);
	return 1;
}

/* The example of a check as a probe result. */
static void example_result(json_t *x, struct probe_result *r)
{
	memset(r, 0, sizeof(*r));
	snprintf(r->service, sizeof(r->service), "%s", json_str(x, "service") ? json_str(x, "service") : "");
	snprintf(r->match, sizeof(r->match), "%s", json_str(x, "match") ? json_str(x, "match") : "");
	snprintf(r->device, sizeof(r->device), "%s", json_str(x, "device") ? json_str(x, "device") : "");
	snprintf(r->followup, sizeof(r->followup), "%s", json_str(x, "followup") ? json_str(x, "followup") : "");
	if (json_is_true(json_object_get(x, "account_accepted"))) {
		r->account_tried = 2;
		snprintf(r->account, sizeof(r->account), "admin");
	}
	if (json_str(x, "tls_version") || json_object_get(x, "tls_expired") || json_object_get(x, "tls_self_signed") ||
	    json_str(x, "key_type") || json_str(x, "offered") || json_str(x, "weak_ciphers")) {
		r->tls.done = 1;
		snprintf(r->tls.version, sizeof(r->tls.version), "%s",
			 json_str(x, "tls_version") ? json_str(x, "tls_version") : "TLSv1.3");
		r->tls.expired = json_is_true(json_object_get(x, "tls_expired"));
		r->tls.self_signed = json_is_true(json_object_get(x, "tls_self_signed"));
		snprintf(r->tls.key_type, sizeof(r->tls.key_type), "%s", json_str(x, "key_type") ? json_str(x, "key_type") : "EC");
		r->tls.key_bits = (int)json_integer_value(json_object_get(x, "key_bits"));
		snprintf(r->tls.offered, sizeof(r->tls.offered), "%s", json_str(x, "offered") ? json_str(x, "offered") : "");
		snprintf(r->tls.weak_ciphers, sizeof(r->tls.weak_ciphers), "%s",
			 json_str(x, "weak_ciphers") ? json_str(x, "weak_ciphers") : "");
	}
}

int probe_checks_load(const char *path, struct probe_checks **out, struct ms_diags *d,
		      struct ms_error *err)
{
	static const char *const known[] = { "service", "match", "device", "tls_self_signed",
					     "tls_expired", "tls_version_below", "tls_offers_below",
					     "tls_weak_cipher", "rsa_bits_below", "account_accepted" };
	json_t *root, *c;
	size_t i;
	int errors = 0;

	*out = NULL;
	if (!(root = probe_load_json(path, "medsec_checks", "checks",
				     "{\"medsec_checks\": 1, \"checks\": […]}", err)))
		return err->status;
	json_array_foreach(json_object_get(root, "checks"), i, c) {
		const char *id = json_str(c, "id"), *k;
		json_t *when = json_object_get(c, "when"), *v;
		struct probe_result r;
		if (!id || !json_str(c, "kind") || !json_str(c, "title") || !json_str(c, "reason") || !json_str(c, "advice") ||
		    !json_str(c, "manual") || !json_str(c, "title_en") || !json_str(c, "reason_en") ||
		    !json_str(c, "advice_en") || !json_str(c, "manual_en") || severity_rank(json_str(c, "severity")) < 0 || !json_is_object(when) ||
		    !json_object_size(when)) {
			errors += bad(d, path, i, id, "id, kind, severity, when, title, reason, advice, manual");
			continue;
		}
		json_object_foreach(when, k, v) {
			size_t j;
			for (j = 0; j < sizeof(known) / sizeof(known[0]); j++)
				if (strcmp(k, known[j]) == 0)
					break;
			if (j == sizeof(known) / sizeof(known[0]))
				errors += bad(d, path, i, k, "a known condition (service, match, device, tls_…)");
		}
		example_result(json_object_get(c, "example"), &r);
		if (!json_is_object(json_object_get(c, "example")) || !holds(when, &r))
			errors += bad(d, path, i, id, "an example the condition holds for");
	}
	if (errors) {
		json_decref(root);
		return MS_ERR_INPUT;
	}
	*out = ms_xcalloc(1, sizeof(**out));
	(*out)->root = root;
	return 0;
}

static int cmp_finding(const void *a, const void *b)
{
	const struct probe_finding *x = a, *y = b;
	int c = severity_rank(x->severity) - severity_rank(y->severity);

	return c ? c : (x->result > y->result) - (x->result < y->result);
}

int probe_check(const struct probe_checks *pc, const struct probe_result *r, size_t n,
		struct probe_finding **out, size_t *nout)
{
	size_t i, k, cap = 0;
	json_t *c;

	*out = NULL;
	*nout = 0;
	for (k = 0; k < n; k++) {
		/* A more specific check of the same kind and service wins (RDP without NLA over RDP). */
		int seen_critical_service = 0;
		json_array_foreach(json_object_get(pc->root, "checks"), i, c) {
			if (!holds(json_object_get(c, "when"), &r[k]))
				continue;
			if (strcmp(json_str(c, "kind"), "exposure") == 0) {	/* one exposure finding per port */
				if (seen_critical_service)
					continue;
				seen_critical_service = 1;
			}
			if (*nout == cap) {
				cap = cap ? cap * 2 : 16;
				*out = ms_xrealloc(*out, cap * sizeof(**out));
			}
			(*out)[(*nout)++] = (struct probe_finding){
				.check = json_str(c, "id"), .kind = json_str(c, "kind"), .severity = json_str(c, "severity"),
				.title = text(pc, c, "title"), .reason = text(pc, c, "reason"),
				.advice = text(pc, c, "advice"), .manual = text(pc, c, "manual"), .result = k,
				.detail = strcmp(json_str(c, "kind"), "default_account") == 0 ? r[k].account : NULL,
			};
		}
	}
	if (*nout)
		qsort(*out, *nout, sizeof(**out), cmp_finding);
	return 0;
}

int probe_check_texts(const struct probe_checks *pc, const char *id, struct probe_finding *out)
{
	size_t i;
	json_t *c;

	json_array_foreach(json_object_get(pc->root, "checks"), i, c) {
		if (strcmp(json_str(c, "id"), id))
			continue;
		*out = (struct probe_finding){
			.check = json_str(c, "id"), .kind = json_str(c, "kind"), .severity = json_str(c, "severity"),
			.title = text(pc, c, "title"), .reason = text(pc, c, "reason"), .advice = text(pc, c, "advice"),
			.manual = text(pc, c, "manual"),
		};
		return 1;
	}
	return 0;
}
