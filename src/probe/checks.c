/*
 * checks.c - findings from identified services (probe.h): data/checks.json
 * says which condition makes which finding, with its severity and the
 * reason and advice in Japanese and English. Conditions are few on purpose: service,
 * database entry, device, the TLS facts, and one across the ports of an
 * address: an unidentified service beside a device family on a port that
 * family's documents never list ("device_ports").
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
};

/* A check's text in the language asked for ("title" or "title_en"). */
static const char *text(enum ms_lang lang, json_t *c, const char *key)
{
	char en[32];

	if (lang != MS_LANG_EN)
		return json_str(c, key);
	snprintf(en, sizeof(en), "%s_en", key);
	return json_str(c, en) ? json_str(c, en) : json_str(c, key);
}

/* A check's kind, by its key in data/checks.json; FKIND_UNSET if it is not one. */
static enum finding_kind kind_of(json_t *c)
{
	const struct model_enum *e = model_enum_by_key(model_finding_kinds, json_str(c, "kind"));

	return e ? (enum finding_kind)e->value : FKIND_UNSET;
}

/* A check's severity, by its key in data/checks.json; FSEV_UNSET if it is not one. */
static enum finding_severity severity_of(json_t *c)
{
	const struct model_enum *e = model_enum_by_key(model_finding_severities,
	                                               json_str(c, "severity"));

	return e ? (enum finding_severity)e->value : FSEV_UNSET;
}

static int same(const char *value, const char *s)
{
	return strcmp(value, s) == 0;
}

/* Is value one of the space-separated words of list? */
static int word_of(const char *value, const char *list)
{
	size_t k = strlen(value);

	for (const char *p = list; k && (p = strstr(p, value)) != NULL; p += k)
		if ((p == list || p[-1] == ' ') && (p[k] == ' ' || p[k] == '\0'))
			return 1;
	return 0;
}

/* A condition value (a string, or a list of strings): does any of them pass test against s? */
static int any_value(json_t *v, const char *s, int (*test)(const char *value, const char *s))
{
	size_t i;
	json_t *e;

	if (json_is_string(v))
		return test(json_string_value(v), s);
	json_array_foreach (v, i, e)
		if (json_is_string(e) && test(json_string_value(e), s))
			return 1;
	return 0;
}

static int one_of(json_t *v, const char *s)
{
	return any_value(v, s, same);
}

/* "TLSv1.1" < "TLSv1.2"; SSLv3 before every TLS. */
static int tls_rank(const char *v)
{
	static const char *const order[] = { "SSLv2",   "SSLv3",   "TLSv1",
		                             "TLSv1.1", "TLSv1.2", "TLSv1.3" };

	for (int i = 0; i < 6; i++)
		if (strcmp(v, order[i]) == 0)
			return i;
	return -1;
}

/* Is port/proto among those a device_ports entry lists? */
static int family_port(json_t *family, const char *proto, int port)
{
	size_t i;
	json_t *e;

	json_array_foreach (json_object_get(family, proto), i, e)
		if (json_integer_value(e) == port)
			return 1;
	return 0;
}

/*
 * r[k] answers with nothing we identify, on an address where a device family
 * with documented ports answers too, on a port that family never lists. A
 * port forward to an inside host looks the same, so the finding asks to check.
 */
static int off_family_port(const struct probe_checks *pc, const struct probe_result *r, size_t n,
                           size_t k)
{
	size_t i, j;
	json_t *f;

	if (r[k].svc.product[0] || r[k].svc.service[0] ||
	    (strcmp(r[k].svc.proto, "tcp") != 0 && !r[k].svc.evidence[0]))
		return 0;
	for (j = 0; j < n; j++) {
		if (j == k || strcmp(r[j].svc.address, r[k].svc.address) != 0 ||
		    !r[j].svc.device[0])
			continue;
		json_array_foreach (json_object_get(pc->root, "device_ports"), i, f)
			if (strcmp(json_str(f, "device"), r[j].svc.device) == 0 &&
			    !family_port(f, r[k].svc.proto, r[k].svc.port))
				return 1;
	}
	return 0;
}

/* Does the check's condition hold for r[k] (among the n results of the run)? */
static int holds(const struct probe_checks *pc, json_t *when, const struct probe_result *all,
                 size_t n, size_t k)
{
	const struct probe_result *r = &all[k];
	const char *key;
	json_t *v;

	json_object_foreach (when, key, v) {
		if (strcmp(key, "service") == 0) {
			if (!one_of(v, r->svc.service))
				return 0;
		} else if (strcmp(key, "match") == 0) {
			if (!one_of(v, r->svc.decided_by) && !any_value(v, r->followup, word_of))
				return 0;
		} else if (strcmp(key, "device") == 0) {
			if (!one_of(v, r->svc.device))
				return 0;
		} else if (strcmp(key, "tls_self_signed") == 0) {
			if (!r->tls.done || r->tls.self_signed != json_is_true(v))
				return 0;
		} else if (strcmp(key, "tls_expired") == 0) {
			if (!r->tls.done || r->tls.expired != json_is_true(v))
				return 0;
		} else if (strcmp(key, "tls_version_below") == 0) {
			int have = r->tls.done ? tls_rank(r->tls.version) : -1;
			if (have < 0 || !json_is_string(v) ||
			    have >= tls_rank(json_string_value(v)))
				return 0;
		} else if (strcmp(key, "tls_offers_below") == 0) {
			/* Any accepted version older than the given one (the survey's list). */
			int old = 0,
			    limit = json_is_string(v) ? tls_rank(json_string_value(v)) : -1;
			char list[64], *save = NULL;
			snprintf(list, sizeof(list), "%s", r->tls.offered);
			for (char *t = strtok_r(list, " ", &save); t;
			     t = strtok_r(NULL, " ", &save))
				old |= tls_rank(t) >= 0 && tls_rank(t) < limit;
			if (!r->tls.done || !old)
				return 0;
		} else if (strcmp(key, "tls_weak_cipher") == 0) {
			if (!r->tls.done || (r->tls.weak_ciphers[0] != '\0') != json_is_true(v))
				return 0;
		} else if (strcmp(key, "account_accepted") == 0) {
			if ((r->account_tried == 2) != json_is_true(v))
				return 0;
		} else if (strcmp(key, "rsa_bits_below") == 0) {
			if (!r->tls.done || strcmp(r->tls.key_type, "RSA") != 0 ||
			    r->tls.key_bits >= json_integer_value(v))
				return 0;
		} else if (strcmp(key, "off_family_port") == 0) {
			if (off_family_port(pc, all, n, k) != json_is_true(v))
				return 0;
		} else {
			return 0; /* unknown conditions never hold (the loader refuses them) */
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

static int bad(struct ms_diags *d, const char *path, const char *list, size_t i, const char *id,
               const char *what)
{
	char where[512];

	snprintf(where, sizeof(where), "%s:/%s/%zu", path, list, i);
	ms_diags_add(d, MS_DIAG_ERROR, MSG_PROBE_BAD_ENTRY, where, id, what);
	return 1;
}

/*
 * The example of a check as probe results: one, or two on one address when
 * the example names a "family_device" answering beside it. Returns how many.
 */
static size_t example_result(json_t *x, struct probe_result *r)
{
	memset(r, 0, 2 * sizeof(*r));
	snprintf(r->svc.address, sizeof(r->svc.address), "198.18.0.1");
	snprintf(r->svc.proto, sizeof(r->svc.proto), "%s",
	         json_str(x, "proto") ? json_str(x, "proto") : "tcp");
	r->svc.port = (int)json_integer_value(json_object_get(x, "port"));
	snprintf(r->svc.service, sizeof(r->svc.service), "%s",
	         json_str(x, "service") ? json_str(x, "service") : "");
	snprintf(r->svc.decided_by, sizeof(r->svc.decided_by), "%s",
	         json_str(x, "match") ? json_str(x, "match") : "");
	snprintf(r->svc.device, sizeof(r->svc.device), "%s",
	         json_str(x, "device") ? json_str(x, "device") : "");
	snprintf(r->followup, sizeof(r->followup), "%s",
	         json_str(x, "followup") ? json_str(x, "followup") : "");
	if (json_is_true(json_object_get(x, "account_accepted"))) {
		r->account_tried = 2;
		snprintf(r->account, sizeof(r->account), "admin");
	}
	if (json_str(x, "tls_version") || json_object_get(x, "tls_expired") ||
	    json_object_get(x, "tls_self_signed") || json_str(x, "key_type") ||
	    json_str(x, "offered") || json_str(x, "weak_ciphers")) {
		r->tls.done = 1;
		snprintf(r->tls.version, sizeof(r->tls.version), "%s",
		         json_str(x, "tls_version") ? json_str(x, "tls_version") : "TLSv1.3");
		r->tls.expired = json_is_true(json_object_get(x, "tls_expired"));
		r->tls.self_signed = json_is_true(json_object_get(x, "tls_self_signed"));
		snprintf(r->tls.key_type, sizeof(r->tls.key_type), "%s",
		         json_str(x, "key_type") ? json_str(x, "key_type") : "EC");
		r->tls.key_bits = (int)json_integer_value(json_object_get(x, "key_bits"));
		snprintf(r->tls.offered, sizeof(r->tls.offered), "%s",
		         json_str(x, "offered") ? json_str(x, "offered") : "");
		snprintf(r->tls.weak_ciphers, sizeof(r->tls.weak_ciphers), "%s",
		         json_str(x, "weak_ciphers") ? json_str(x, "weak_ciphers") : "");
	}
	if (!json_str(x, "family_device"))
		return 1;
	r[1] = (struct probe_result){ .svc.port = 443 };
	memcpy(r[1].svc.address, r[0].svc.address, sizeof(r[1].svc.address));
	snprintf(r[1].svc.proto, sizeof(r[1].svc.proto), "tcp");
	snprintf(r[1].svc.device, sizeof(r[1].svc.device), "%s", json_str(x, "family_device"));
	return 2;
}

int probe_checks_load(const char *path, struct probe_checks **out, struct ms_diags *d,
                      struct ms_error *err)
{
	static const char *const known[] = { "service",          "match",
		                             "device",           "tls_self_signed",
		                             "tls_expired",      "tls_version_below",
		                             "tls_offers_below", "tls_weak_cipher",
		                             "rsa_bits_below",   "account_accepted",
		                             "off_family_port" };
	json_t *root, *c;
	size_t i;
	int errors = 0;

	*out = NULL;
	if (!(root = probe_load_json(path, "medsec_checks", "checks",
	                             "{\"medsec_checks\": 1, \"checks\": […]}", err)))
		return err->status;
	struct probe_checks self = { .root = root };
	json_array_foreach (json_object_get(root, "device_ports"), i, c)
		if (!json_str(c, "device") || !json_str(c, "source") ||
		    !json_is_array(json_object_get(c, "tcp")))
			errors += bad(d, path, "device_ports", i, json_str(c, "device"),
			              "device, tcp (and udp) ports, source");
	json_array_foreach (json_object_get(root, "checks"), i, c) {
		const char *id = json_str(c, "id"), *k;
		json_t *when = json_object_get(c, "when"), *v;
		struct probe_result r[2];
		if (!id || kind_of(c) == FKIND_UNSET || !json_str(c, "title") ||
		    !json_str(c, "reason") || !json_str(c, "advice") || !json_str(c, "manual") ||
		    !json_str(c, "title_en") || !json_str(c, "reason_en") ||
		    !json_str(c, "advice_en") || !json_str(c, "manual_en") ||
		    severity_of(c) == FSEV_UNSET || !json_is_object(when) ||
		    !json_object_size(when)) {
			errors += bad(d, path, "checks", i, id,
			              "id, kind, severity, when, title, reason, advice, manual");
			continue;
		}
		json_object_foreach (when, k, v) {
			size_t j;
			for (j = 0; j < sizeof(known) / sizeof(known[0]); j++)
				if (strcmp(k, known[j]) == 0)
					break;
			if (j == sizeof(known) / sizeof(known[0]))
				errors += bad(d, path, "checks", i, k,
				              "a known condition (service, match, device, tls_…)");
		}
		if (!json_is_object(json_object_get(c, "example")) ||
		    !holds(&self, when, r, example_result(json_object_get(c, "example"), r), 0))
			errors += bad(d, path, "checks", i, id,
			              "an example the condition holds for");
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
	int c = (int)x->severity - (int)y->severity; /* most urgent first */

	return c ? c : (x->result > y->result) - (x->result < y->result);
}

int probe_check(const struct probe_checks *pc, enum ms_lang lang, const struct probe_result *r,
                size_t n, struct probe_finding **out, size_t *nout)
{
	size_t i, k, cap = 0;
	json_t *c;

	*out = NULL;
	*nout = 0;
	for (k = 0; k < n; k++) {
		/* A more specific check of the same kind and service wins (RDP without NLA over RDP). */
		int seen_critical_service = 0;
		json_array_foreach (json_object_get(pc->root, "checks"), i, c) {
			if (!holds(pc, json_object_get(c, "when"), r, n, k))
				continue;
			if (kind_of(c) == FKIND_EXPOSURE) { /* one exposure finding per port */
				if (seen_critical_service)
					continue;
				seen_critical_service = 1;
			}
			if (*nout == cap) {
				cap = cap ? cap * 2 : 16;
				*out = ms_xrealloc(*out, cap * sizeof(**out));
			}
			(*out)[(*nout)++] = (struct probe_finding){
				.check = json_str(c, "id"),
				.kind = kind_of(c),
				.severity = severity_of(c),
				.title = text(lang, c, "title"),
				.reason = text(lang, c, "reason"),
				.advice = text(lang, c, "advice"),
				.manual = text(lang, c, "manual"),
				.result = k,
				.detail = kind_of(c) == FKIND_DEFAULT_ACCOUNT ? r[k].account : NULL,
			};
		}
	}
	if (*nout)
		qsort(*out, *nout, sizeof(**out), cmp_finding);
	return 0;
}

int probe_check_texts(const struct probe_checks *pc, const char *id, enum ms_lang lang,
                      struct probe_finding *out)
{
	size_t i;
	json_t *c;

	json_array_foreach (json_object_get(pc->root, "checks"), i, c) {
		if (strcmp(json_str(c, "id"), id))
			continue;
		*out = (struct probe_finding){
			.check = json_str(c, "id"),
			.kind = kind_of(c),
			.severity = severity_of(c),
			.title = text(lang, c, "title"),
			.reason = text(lang, c, "reason"),
			.advice = text(lang, c, "advice"),
			.manual = text(lang, c, "manual"),
		};
		return 1;
	}
	return 0;
}
