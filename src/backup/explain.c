/*
 * explain.c - the decision in words (prose.h) and as JSON (backup.h): the category
 * with what it means, the reasons in order, every copy's verdict with its rule, each
 * system's shortfalls and 加算1.
 */
#include <jansson.h>

#include "medsec/backup.h"
#include "medsec/prose.h"

const char *backup_category_text(enum backup_category c, enum ms_lang lang)
{
	switch (c) {
	case CATEGORY_SUPPORT_A: return TXT(lang, B_SUPPORT_A);
	case CATEGORY_SUPPORT_B: return TXT(lang, B_SUPPORT_B);
	case CATEGORY_SUPPORT_C: return TXT(lang, B_SUPPORT_C);
	case CATEGORY_REPORT_ONLY: return TXT(lang, B_REPORT_ONLY);
	default: return TXT(lang, B_NOT_ELIGIBLE);
	}
}

const char *backup_category_what(enum backup_category c, enum ms_lang lang)
{
	switch (c) {
	case CATEGORY_SUPPORT_A: return TXT(lang, B_SUPPORT_A_WHAT);
	case CATEGORY_SUPPORT_B: return TXT(lang, B_SUPPORT_B_WHAT);
	case CATEGORY_SUPPORT_C: return TXT(lang, B_SUPPORT_C_WHAT);
	case CATEGORY_REPORT_ONLY: return TXT(lang, B_REPORT_ONLY_WHAT);
	default: return TXT(lang, B_NOT_ELIGIBLE_WHAT);
	}
}

const char *backup_method_text(enum backup_method m, enum ms_lang lang)
{
	switch (m) {
	case BM_FULL: return TXT(lang, B_METHOD_FULL);
	case BM_DIFFERENTIAL: return TXT(lang, B_METHOD_DIFFERENTIAL);
	case BM_INCREMENTAL: return TXT(lang, B_METHOD_INCREMENTAL);
	case BM_REPLICATION: return TXT(lang, B_METHOD_REPLICATION);
	default: return TXT(lang, B_METHOD_SNAPSHOT);
	}
}

const char *backup_medium_text(enum backup_medium m, enum ms_lang lang)
{
	switch (m) {
	case MEDIUM_TAPE: return TXT(lang, B_MEDIUM_TAPE);
	case MEDIUM_RDX: return TXT(lang, B_MEDIUM_RDX);
	case MEDIUM_USB_HDD: return TXT(lang, B_MEDIUM_USB_HDD);
	case MEDIUM_OPTICAL: return TXT(lang, B_MEDIUM_OPTICAL);
	case MEDIUM_NAS: return TXT(lang, B_MEDIUM_NAS);
	case MEDIUM_SERVER: return TXT(lang, B_MEDIUM_SERVER);
	case MEDIUM_WORM: return TXT(lang, B_MEDIUM_WORM);
	default: return TXT(lang, B_MEDIUM_CLOUD);
	}
}

const char *backup_connection_text(enum backup_connection c, enum ms_lang lang)
{
	return c == CONN_ALWAYS            ? TXT(lang, B_CONN_ALWAYS)
	       : c == CONN_DURING_TRANSFER ? TXT(lang, B_CONN_DURING_TRANSFER)
	                                   : TXT(lang, B_CONN_NEVER);
}

const char *backup_rule_text(enum offline_rule r, enum ms_lang lang)
{
	switch (r) {
	case RULE_IMMUTABLE: return TXT(lang, B_RULE_IMMUTABLE);
	case RULE_CLOUD_SEPARATED: return TXT(lang, B_RULE_CLOUD_SEPARATED);
	case RULE_CLOUD_NOT_SEPARATED: return TXT(lang, B_RULE_CLOUD_NOT_SEPARATED);
	case RULE_NETWORK_SEPARATED: return TXT(lang, B_RULE_NETWORK_SEPARATED);
	case RULE_REMOVED_AND_LOCKED: return TXT(lang, B_RULE_REMOVED_AND_LOCKED);
	case RULE_REMOVED_NOT_LOCKED: return TXT(lang, B_RULE_REMOVED_NOT_LOCKED);
	case RULE_ROTATED: return TXT(lang, B_RULE_ROTATED);
	case RULE_ONLY_DURING_TRANSFER: return TXT(lang, B_RULE_ONLY_DURING_TRANSFER);
	case RULE_ALWAYS_CONNECTED: return TXT(lang, B_RULE_ALWAYS_CONNECTED);
	default: return TXT(lang, B_RULE_NOT_ENOUGH);
	}
}

const char *backup_shortfall_text(unsigned bit, enum ms_lang lang)
{
	switch (bit) {
	case SHORT_GENERATIONS: return TXT(lang, B_SHORT_GENERATIONS);
	case SHORT_SINGLE_METHOD: return TXT(lang, B_SHORT_SINGLE_METHOD);
	case SHORT_NO_OFFLINE: return TXT(lang, B_SHORT_NO_OFFLINE);
	case SHORT_RESTORE_UNTESTED: return TXT(lang, B_SHORT_RESTORE_UNTESTED);
	default: return TXT(lang, B_SHORT_RESTORE_FAILED);
	}
}

size_t backup_reasons(const struct backup_answers *a, const struct backup_decision *d,
                      enum ms_lang lang, const char **out, size_t max)
{
	const char *v[4];
	size_t n = 0, k;

	switch (d->category) {
	case CATEGORY_NOT_ELIGIBLE:
		v[n++] = TXT(lang, B_REASON_OPERATING);
		v[n++] = d->needs_confirmation ? TXT(lang, B_REASON_CONFIRM)
		                               : TXT(lang, B_REASON_EHR_OFFLINE);
		break;
	case CATEGORY_REPORT_ONLY: v[n++] = TXT(lang, B_REASON_PLANNING); break;
	case CATEGORY_SUPPORT_A: v[n++] = TXT(lang, B_REASON_NEW_SERVER_THIS_YEAR); break;
	case CATEGORY_SUPPORT_B: v[n++] = TXT(lang, B_REASON_NEW_SERVER_LATER); break;
	default: v[n++] = TXT(lang, B_REASON_EXISTING);
	}
	if (d->category <= CATEGORY_SUPPORT_C)
		v[n++] = a->intent.destination == DEST_CLOUD ? TXT(lang, B_REASON_CLOUD)
		                                             : TXT(lang, B_REASON_ONSITE);
	if (d->category != CATEGORY_NOT_ELIGIBLE)
		v[n++] = d->ehr_offline ? TXT(lang, B_REASON_EHR_OFFLINE)
		                        : TXT(lang, B_REASON_EHR_NOT_OFFLINE);
	for (k = 0; k < n && k < max; k++)
		out[k] = v[k];
	return k;
}

static json_t *tri_json(enum tri3 t)
{
	return t == TRI3_UNKNOWN ? json_null() : json_boolean(t == TRI3_YES);
}

struct json_t *backup_json(const struct backup_answers *a, const struct backup_decision *d,
                           enum ms_lang lang)
{
	json_t *systems = json_array(), *reasons = json_array();
	const char *r[4];
	size_t n = backup_reasons(a, d, lang, r, 4), k = 0;

	for (size_t i = 0; i < n; i++)
		json_array_append_new(reasons, json_string(r[i]));
	for (size_t i = 0; i < a->n_systems; i++) {
		const struct backup_system *s = &a->systems[i];
		json_t *copies = json_array(), *shortfalls = json_array();

		for (size_t j = 0; j < s->n_backups; j++, k++) {
			const struct backup_copy *b = &s->backups[j];
			const struct backup_verdict *v = &d->verdicts[k];

			json_array_append_new(
			        copies, json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:s, s:s}",
			                          "method", backup_method_key(b->method), "medium",
			                          backup_medium_key(b->medium), "connection",
			                          backup_connection_key(b->connection), "network",
			                          backup_network_key(b->network), "generations",
			                          b->generations < 0 ? json_null()
			                                             : json_integer(b->generations),
			                          "restore_ok", tri_json(b->restore_ok), "offline",
			                          v->offline, "rule", backup_rule_key(v->rule),
			                          "why", backup_rule_text(v->rule, lang)));
		}
		for (unsigned bit = 1; bit <= SHORT_RESTORE_FAILED; bit <<= 1)
			if (d->shortfalls[i] & bit)
				json_array_append_new(shortfalls,
				                      json_pack("{s:s, s:s}", "key",
				                                backup_shortfall_key(bit), "text",
				                                backup_shortfall_text(bit, lang)));
		json_array_append_new(
		        systems,
		        json_pack("{s:s, s:o, s:b, s:b, s:o, s:o}", "name", s->name, "vendor",
		                  s->vendor ? json_string(s->vendor) : json_null(), "ehr", s->ehr,
		                  "needed_for_care", s->needed_for_care, "backups", copies,
		                  "shortfalls", shortfalls));
	}
	return json_pack("{s:o, s:o, s:s, s:s, s:s, s:b, s:o, s:b, s:b, s:o, s:o, s:o}", "hospital",
	                 a->hospital ? json_string(a->hospital) : json_null(), "answered_on",
	                 json_string(a->answered_on), "category", backup_category_key(d->category),
	                 "category_label", backup_category_text(d->category, lang),
	                 "category_means", backup_category_what(d->category, lang),
	                 "needs_confirmation", d->needs_confirmation, "reasons", reasons,
	                 "ehr_offline", d->ehr_offline, "kasan1", d->kasan1, "design",
	                 a->intent.design ? json_string(a->intent.design) : json_null(),
	                 "planned_for",
	                 a->intent.planned_for ? json_string(a->intent.planned_for) : json_null(),
	                 "systems", systems);
}
