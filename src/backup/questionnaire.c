/*
 * questionnaire.c - the offline-backup questionnaire's JSON read and checked
 * (backup.h). Field names as issue 15 fixes them, so that a workbook, the portal or
 * another tool can feed it: systems[]{name, vendor, needed_for_care, kind,
 * backups[]{method, frequency, generations, medium, connection, swapped, locked_away,
 * network, immutable, cloud_separated, location, restore_tested_on, restore_ok}},
 * intent{operating, planning_with_vendor, support_needed, new_server, procure,
 * destination}. Every problem is named by its JSON pointer; nothing of a bad file is kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/backup.h"
#include "medsec/clock.h"
#include "medsec/json_diag.h"

struct rd {
	struct backup_answers *a;
	const char *name;
	struct ms_diags *d;
};

static void problem(struct rd *r, const char *ptr, enum msg_id msg, json_t *v, const char *arg)
{
	char where[512];

	snprintf(where, sizeof(where), "%.380s:%.120s", r->name, ptr);
	ms_diags_add_json(r->d, msg, where, v, arg);
}

/* Members other than those named are refused: a misspelt key must not pass for "no". */
static void only(struct rd *r, json_t *o, const char *ptr, const char *const *keys)
{
	const char *k;
	json_t *v;
	char p[128];

	json_object_foreach (o, k, v) {
		size_t i = 0;

		while (keys[i] && strcmp(keys[i], k))
			i++;
		if (!keys[i]) {
			snprintf(p, sizeof(p), "%s/%s", ptr, k);
			problem(r, p, MSG_JSON_UNKNOWN_MEMBER, v, NULL);
		}
	}
}

/* A string member kept in the arena; NULL if absent or null (a problem if required). */
static const char *text(struct rd *r, json_t *o, const char *key, const char *ptr, int required)
{
	json_t *v = json_object_get(o, key);
	char p[128];

	snprintf(p, sizeof(p), "%s/%s", ptr, key);
	if (json_is_string(v) && *json_string_value(v))
		return ms_arena_strdup(&r->a->arena, json_string_value(v));
	if (required || (v && !json_is_null(v)))
		problem(r, p, v && !json_is_string(v) ? MSG_JSON_TYPE : MSG_REQUIRED, v,
		        v && !json_is_string(v) ? "string" : key);
	return NULL;
}

static enum tri3 yes_no(struct rd *r, json_t *o, const char *key, const char *ptr)
{
	json_t *v = json_object_get(o, key);
	char p[128];

	if (!v || json_is_null(v))
		return TRI3_UNKNOWN;
	if (json_is_boolean(v))
		return json_is_true(v) ? TRI3_YES : TRI3_NO;
	snprintf(p, sizeof(p), "%s/%s", ptr, key);
	problem(r, p, MSG_JSON_TYPE, v, "true, false or null");
	return TRI3_UNKNOWN;
}

/* The index of the member's value in keys (a closed set); -1 (and a problem if given) if none. */
static int choice(struct rd *r, json_t *o, const char *key, const char *ptr,
                  const char *const *keys, int required)
{
	json_t *v = json_object_get(o, key);
	const char *s = json_string_value(v);
	char p[128], list[256] = "";

	for (int i = 0; s && keys[i]; i++)
		if (!strcmp(s, keys[i]))
			return i;
	if (!required && (!v || json_is_null(v)))
		return -1;
	for (int i = 0; keys[i]; i++)
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "",
		         keys[i]);
	snprintf(p, sizeof(p), "%s/%s", ptr, key);
	if (!v)
		problem(r, p, MSG_REQUIRED, v, key);
	else
		problem(r, p, MSG_BAD_CHOICE, v, list);
	return -1;
}

static void read_copy(struct rd *r, json_t *o, const char *ptr, struct backup_copy *b)
{
	static const char *const keys[] = { "method",          "frequency",  "generations",
		                            "medium",          "connection", "swapped",
		                            "locked_away",     "network",    "immutable",
		                            "cloud_separated", "location",   "restore_tested_on",
		                            "restore_ok",      NULL };
	static const char *const methods[] = { "full",        "differential", "incremental",
		                               "replication", "snapshot",     NULL };
	static const char *const media[] = { "tape",   "rdx",  "usb_hdd", "optical", "nas",
		                             "server", "worm", "cloud",   NULL };
	static const char *const connections[] = { "always", "during_transfer", "never", NULL };
	static const char *const networks[] = { "none", "logical", "physical", NULL };
	json_t *g = json_object_get(o, "generations");
	char p[160];
	int v;

	if (!json_is_object(o)) {
		problem(r, ptr, MSG_JSON_TYPE, o, "object");
		return;
	}
	only(r, o, ptr, keys);
	b->method = (enum backup_method)((v = choice(r, o, "method", ptr, methods, 1)) < 0 ? 0 : v);
	b->frequency = text(r, o, "frequency", ptr, 0);
	b->generations = -1;
	if (json_is_integer(g) && json_integer_value(g) >= 1 && json_integer_value(g) <= 10000) {
		b->generations = (int)json_integer_value(g);
	} else if (g && !json_is_null(g)) {
		snprintf(p, sizeof(p), "%s/generations", ptr);
		problem(r, p, MSG_JSON_TYPE, g, "a whole number from 1");
	}
	b->medium = (enum backup_medium)((v = choice(r, o, "medium", ptr, media, 1)) < 0 ? 0 : v);
	b->connection = (enum backup_connection)(
	        (v = choice(r, o, "connection", ptr, connections, 1)) < 0 ? 0 : v);
	b->network = (enum backup_network)((v = choice(r, o, "network", ptr, networks, 0)) < 0 ? 0
	                                                                                       : v);
	b->swapped = yes_no(r, o, "swapped", ptr);
	b->locked_away = yes_no(r, o, "locked_away", ptr);
	b->immutable = yes_no(r, o, "immutable", ptr);
	b->cloud_separated = yes_no(r, o, "cloud_separated", ptr);
	b->restore_ok = yes_no(r, o, "restore_ok", ptr);
	b->location = text(r, o, "location", ptr, 0);
	b->restore_tested_on = text(r, o, "restore_tested_on", ptr, 0);
	if (b->restore_tested_on && !ms_date_valid(b->restore_tested_on)) {
		snprintf(p, sizeof(p), "%s/restore_tested_on", ptr);
		problem(r, p, MSG_BAD_DATE, json_object_get(o, "restore_tested_on"), NULL);
	}
}

/* 電子カルテ (EHR) by kind, or by a name that says so where kind is not given. */
static int is_ehr(const char *kind, const char *name)
{
	if (kind)
		return !strcmp(kind, "ehr");
	return name && (strstr(name, "電子カルテ") || strstr(name, "EHR") || strstr(name, "EMR"));
}

static void read_system(struct rd *r, json_t *o, const char *ptr, struct backup_system *s)
{
	static const char *const keys[] = { "name", "vendor",  "needed_for_care",
		                            "kind", "backups", NULL };
	static const char *const kinds[] = { "ehr", "ordering", "receipt", "pacs", "other", NULL };
	json_t *list = json_object_get(o, "backups"), *b;
	enum tri3 needed;
	char p[128];
	int kind;
	size_t i;

	if (!json_is_object(o)) {
		problem(r, ptr, MSG_JSON_TYPE, o, "object");
		return;
	}
	only(r, o, ptr, keys);
	s->name = text(r, o, "name", ptr, 1);
	s->vendor = text(r, o, "vendor", ptr, 0);
	needed = yes_no(r, o, "needed_for_care", ptr);
	s->needed_for_care = needed != TRI3_NO; /* listed here because they are, unless said not */
	kind = choice(r, o, "kind", ptr, kinds, 0);
	s->kind = kind >= 0 ? kinds[kind] : NULL;
	s->ehr = is_ehr(s->kind, s->name);
	snprintf(p, sizeof(p), "%s/backups", ptr);
	if (!json_is_array(list)) {
		problem(r, p, list ? MSG_JSON_TYPE : MSG_REQUIRED, list,
		        list ? "array" : "backups");
		return;
	}
	s->backups = ms_xcalloc(json_array_size(list) + 1, sizeof(*s->backups));
	json_array_foreach (list, i, b) {
		snprintf(p, sizeof(p), "%s/backups/%zu", ptr, i);
		read_copy(r, b, p, &s->backups[s->n_backups++]);
	}
}

static void read_intent(struct rd *r, json_t *o)
{
	static const char *const keys[] = {
		"operating", "planning_with_vendor", "support_needed", "new_server",
		"procure",   "destination",          "design",         "planned_for",
		NULL
	};
	static const char *const procure[] = { "this_fiscal_year", "later", NULL };
	static const char *const destination[] = { "onsite", "cloud", NULL };
	struct backup_intent *in = &r->a->intent;
	int v;

	if (!json_is_object(o)) {
		problem(r, "/intent", o ? MSG_JSON_TYPE : MSG_REQUIRED, o, o ? "object" : "intent");
		return;
	}
	only(r, o, "/intent", keys);
	in->operating = yes_no(r, o, "operating", "/intent") == TRI3_YES;
	in->planning_with_vendor = yes_no(r, o, "planning_with_vendor", "/intent") == TRI3_YES;
	in->support_needed = yes_no(r, o, "support_needed", "/intent") == TRI3_YES;
	in->new_server = yes_no(r, o, "new_server", "/intent") == TRI3_YES;
	/* What the category needs, and only that: support asks for the server and the timing. */
	v = choice(r, o, "procure", "/intent", procure,
	           !in->operating && in->support_needed && in->new_server);
	in->procure = v < 0 ? PROCURE_UNSET : v == 0 ? PROCURE_THIS_FISCAL_YEAR : PROCURE_LATER;
	v = choice(r, o, "destination", "/intent", destination,
	           !in->operating && in->support_needed);
	in->destination = v < 0 ? DEST_UNSET : v == 0 ? DEST_ONSITE : DEST_CLOUD;
	in->design = text(r, o, "design", "/intent", 0);
	in->planned_for = text(r, o, "planned_for", "/intent", 0);
	if (!in->operating && !in->planning_with_vendor && !in->support_needed)
		problem(r, "/intent", MSG_BACKUP_NO_INTENT, o, NULL);
}

int backup_read(const char *data, size_t size, const char *name, struct backup_answers **out,
                struct ms_diags *d, struct ms_error *err)
{
	static const char *const keys[] = { "medsec_backup", "hospital", "answered_on",
		                            "systems",       "intent",   NULL };
	json_error_t je;
	json_t *root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &je), *list, *s;
	struct backup_answers *a;
	struct rd r;
	char where[512], ptr[32], today[11];
	size_t i, before = d->errors;

	*out = NULL;
	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", name, je.line);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, where, je.text);
	}
	a = ms_xcalloc(1, sizeof(*a));
	r = (struct rd){ a, name, d };
	if (!json_is_object(root)) {
		problem(&r, "", MSG_JSON_TYPE, root, "object");
	} else {
		only(&r, root, "", keys);
		if (json_integer_value(json_object_get(root, "medsec_backup")) != 1)
			problem(&r, "/medsec_backup", MSG_JSON_TYPE,
			        json_object_get(root, "medsec_backup"), "1");
		a->hospital = text(&r, root, "hospital", "", 0);
		a->answered_on = text(&r, root, "answered_on", "", 0);
		if (a->answered_on && !ms_date_valid(a->answered_on))
			problem(&r, "/answered_on", MSG_BAD_DATE,
			        json_object_get(root, "answered_on"), NULL);
		if (!a->answered_on) { /* tests count back from the day it is read */
			ms_today_jst(today);
			a->answered_on = ms_arena_strdup(&a->arena, today);
		}
		list = json_object_get(root, "systems");
		if (!json_is_array(list) || !json_array_size(list)) {
			problem(&r, "/systems",
			        list && !json_is_array(list) ? MSG_JSON_TYPE : MSG_REQUIRED, list,
			        list && !json_is_array(list) ? "array" : "systems");
		} else {
			a->systems = ms_xcalloc(json_array_size(list) + 1, sizeof(*a->systems));
			json_array_foreach (list, i, s) {
				snprintf(ptr, sizeof(ptr), "/systems/%zu", i);
				read_system(&r, s, ptr, &a->systems[a->n_systems++]);
			}
		}
		read_intent(&r, json_object_get(root, "intent"));
	}
	json_decref(root);
	if (d->errors > before) {
		backup_answers_free(a);
		return ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL);
	}
	*out = a;
	return MS_OK;
}

void backup_answers_free(struct backup_answers *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->n_systems; i++)
		free(a->systems[i].backups);
	free(a->systems);
	ms_arena_dispose(&a->arena);
	free(a);
}

static json_t *tri_or_null(enum tri3 t)
{
	return t == TRI3_UNKNOWN ? json_null() : json_boolean(t == TRI3_YES);
}

static json_t *text_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

char *backup_answers_dump(const struct backup_answers *a)
{
	static const char *const procure[] = { NULL, "this_fiscal_year", "later" },
	                         *dest[] = { NULL, "onsite", "cloud" };
	const struct backup_intent *in = &a->intent;
	json_t *systems = json_array(), *root;
	char *s;

	for (size_t i = 0; i < a->n_systems; i++) {
		const struct backup_system *sys = &a->systems[i];
		json_t *list = json_array();

		for (size_t j = 0; j < sys->n_backups; j++) {
			const struct backup_copy *b = &sys->backups[j];

			json_array_append_new(
			        list,
			        json_pack(
			                "{s:s, s:o, s:o, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o, s:o, "
			                "s:o}",
			                "method", backup_method_key(b->method), "frequency",
			                text_or_null(b->frequency), "generations",
			                b->generations < 0 ? json_null()
			                                   : json_integer(b->generations),
			                "medium", backup_medium_key(b->medium), "connection",
			                backup_connection_key(b->connection), "swapped",
			                tri_or_null(b->swapped), "locked_away",
			                tri_or_null(b->locked_away), "network",
			                backup_network_key(b->network), "immutable",
			                tri_or_null(b->immutable), "cloud_separated",
			                tri_or_null(b->cloud_separated), "location",
			                text_or_null(b->location), "restore_tested_on",
			                text_or_null(b->restore_tested_on), "restore_ok",
			                tri_or_null(b->restore_ok)));
		}
		json_array_append_new(systems,
		                      json_pack("{s:s, s:o, s:b, s:o, s:o}", "name", sys->name,
		                                "vendor", text_or_null(sys->vendor),
		                                "needed_for_care", sys->needed_for_care, "kind",
		                                text_or_null(sys->kind), "backups", list));
	}
	root = json_pack("{s:i, s:o, s:s, s:o, s:{s:b, s:b, s:b, s:b, s:o, s:o, s:o, s:o}}",
	                 "medsec_backup", 1, "hospital", text_or_null(a->hospital), "answered_on",
	                 a->answered_on, "systems", systems, "intent", "operating", in->operating,
	                 "planning_with_vendor", in->planning_with_vendor, "support_needed",
	                 in->support_needed, "new_server", in->new_server, "procure",
	                 text_or_null(procure[in->procure]), "destination",
	                 text_or_null(dest[in->destination]), "design", text_or_null(in->design),
	                 "planned_for", text_or_null(in->planned_for));
	s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return s;
}
