/*
 * onsite.c - the onsite survey record (現地調査, docs/json/onsite.schema.json):
 * read from its JSON form, checked against the round's plan, written back
 * as canonical JSON for the store.
 *
 * The record is small and typed by a field table, so the reader, the
 * checker and the writer agree on every member without repeating it.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/json_diag.h"
#include "medsec/clock.h"
#include "medsec/onsite.h"
#include "medsec/plan.h"

#define MAX_ONSITE_BYTES (4u << 20)

enum ftype { F_STR, F_INT, F_TRI, F_DEVICE_KIND, F_TERMINATION, F_DATE };

struct field {
	const char *name;
	enum ftype type;
	size_t off;
	int required;
};

#define PLACE_FIELDS(T)                                          \
	{ "building", F_STR, offsetof(T, place.building), 0 },   \
	        { "floor", F_STR, offsetof(T, place.floor), 0 }, \
	        { "room", F_STR, offsetof(T, place.room), 0 },   \
	{                                                        \
		"notes", F_STR, offsetof(T, notes), 0            \
	}

static const struct field line_fields[] = {
	{ "line_no", F_INT, offsetof(struct onsite_line, line_no), 1 },
	{ "confirmed", F_TRI, offsetof(struct onsite_line, confirmed), 1 },
	{ "reason", F_STR, offsetof(struct onsite_line, reason), 0 },
	PLACE_FIELDS(struct onsite_line),
	{ NULL, 0, 0, 0 },
};

static const struct field unregistered_fields[] = {
	{ "termination", F_TERMINATION, offsetof(struct onsite_unregistered, termination), 1 },
	{ "maker", F_STR, offsetof(struct onsite_unregistered, maker), 0 },
	{ "model", F_STR, offsetof(struct onsite_unregistered, model), 0 },
	{ "provider", F_STR, offsetof(struct onsite_unregistered, provider), 0 },
	PLACE_FIELDS(struct onsite_unregistered),
	{ NULL, 0, 0, 0 },
};

static const struct field device_fields[] = {
	{ "line_no", F_INT, offsetof(struct onsite_device, line_no), 1 },
	{ "kind", F_DEVICE_KIND, offsetof(struct onsite_device, kind), 0 },
	{ "maker", F_STR, offsetof(struct onsite_device, maker), 1 },
	{ "model", F_STR, offsetof(struct onsite_device, model), 1 },
	{ "login", F_TRI, offsetof(struct onsite_device, login), 1 },
	{ "firmware", F_STR, offsetof(struct onsite_device, firmware), 0 },
	PLACE_FIELDS(struct onsite_device),
	{ NULL, 0, 0, 0 },
};

static const struct field top_fields[] = {
	{ "surveyed_on", F_DATE, offsetof(struct onsite_doc, surveyed_on), 1 },
	{ "surveyors", F_STR, offsetof(struct onsite_doc, surveyors), 0 },
	{ NULL, 0, 0, 0 },
};

struct reader {
	struct onsite_doc *doc;
	struct ms_diags *d;
};

static void bad(struct reader *r, const char *pointer, enum msg_id msg, const json_t *v,
                const char *arg)
{
	char *where = ms_xasprintf("%s:%s", r->doc->source, pointer);

	ms_diags_add_json(r->d, msg, where, v, arg);
	free(where);
}

/* "a, b, c" of a closed set's keys, for the error message. */
static void choices(const struct model_enum *set, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (; set->key && used < size; set++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
		                         set->key);
}

static void read_value(struct reader *r, void *rec, const struct field *f, json_t *v,
                       const char *ptr)
{
	char *at = (char *)rec + f->off;
	const struct model_enum *set = f->type == F_DEVICE_KIND ? model_device_kinds
	                                                        : model_termination_kinds;
	char buf[256];

	switch (f->type) {
	case F_STR:
	case F_DATE:
		if (!json_is_string(v)) {
			bad(r, ptr, MSG_JSON_TYPE, v, "string");
			return;
		}
		if (f->type == F_DATE && !ms_date_valid(json_string_value(v))) {
			bad(r, ptr, MSG_BAD_DATE, v, NULL);
			return;
		}
		if (*json_string_value(v))
			*(char **)at = ms_arena_strdup(&r->doc->arena, json_string_value(v));
		return;
	case F_INT:
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > 9999) {
			bad(r, ptr, MSG_BAD_INT, v, NULL);
			return;
		}
		*(int *)at = (int)json_integer_value(v);
		return;
	case F_TRI:
		if (!json_is_boolean(v)) {
			bad(r, ptr, MSG_JSON_TYPE, v, "true / false");
			return;
		}
		*(enum tri *)at = json_is_true(v) ? TRI_YES : TRI_NO;
		return;
	case F_DEVICE_KIND:
	case F_TERMINATION:
		for (const struct model_enum *e = set; json_is_string(v) && e->key; e++)
			if (strcmp(e->key, json_string_value(v)) == 0) {
				*(int *)at = e->value;
				return;
			}
		choices(set, buf, sizeof(buf));
		bad(r, ptr, MSG_BAD_CHOICE, v, buf);
		return;
	}
}

/* Reads one object's members by the table; unknown members are errors. */
static void read_object(struct reader *r, void *rec, const struct field *fields, json_t *obj,
                        const char *ptr)
{
	const char *key;
	json_t *v;

	if (!json_is_object(obj)) {
		bad(r, ptr[0] ? ptr : "/", MSG_JSON_TYPE, obj, "object");
		return;
	}
	json_object_foreach (obj, key, v) {
		const struct field *f;
		char *p = ms_xasprintf("%s/%s", ptr, key);

		for (f = fields; f->name && strcmp(f->name, key); f++)
			;
		if (f->name) {
			if (!json_is_null(v))
				read_value(r, rec, f, v, p);
		} else if (fields != top_fields ||
		           (strcmp(key, "lines") && strcmp(key, "unregistered_lines") &&
		            strcmp(key, "devices") && strcmp(key, "medsec_onsite"))) {
			bad(r, p, MSG_JSON_UNKNOWN_MEMBER, NULL, NULL);
		}
		free(p);
	}
	for (const struct field *f = fields; f->name; f++) {
		v = json_object_get(obj, f->name);
		if (f->required &&
		    (!v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v)))) {
			char *p = ms_xasprintf("%s/%s", ptr, f->name);
			bad(r, p, MSG_REQUIRED, NULL, f->name);
			free(p);
		}
	}
}

static void read_array(struct reader *r, json_t *root, const char *name, const struct field *fields,
                       void **v, size_t *n, size_t size)
{
	json_t *a = json_object_get(root, name), *x;
	size_t i;

	if (!a || json_is_null(a))
		return;
	if (!json_is_array(a)) {
		char *p = ms_xasprintf("/%s", name);
		bad(r, p, MSG_JSON_TYPE, a, "array");
		free(p);
		return;
	}
	json_array_foreach (a, i, x) {
		char *p = ms_xasprintf("/%s/%zu", name, i);
		void *rec = ms_xgrow(v, n, size);

		*(int *)rec = (int)i; /* every record starts with src */
		read_object(r, rec, fields, x, p);
		free(p);
	}
}

int onsite_load_json_mem(const void *data, size_t size, const char *name, struct onsite_doc **out,
                         struct ms_diags *d, struct ms_error *err)
{
	struct onsite_doc *doc;
	struct reader r;
	json_error_t je;
	json_t *root;

	*out = NULL;
	if (size > MAX_ONSITE_BYTES)
		return ms_fail(err, MS_ERR_INPUT, MSG_INPUT_TOO_LARGE, name, NULL);
	root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		char where[300];
		snprintf(where, sizeof(where), "%s:%d:%d", name, je.line, je.column);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, where, je.text);
	}
	doc = ms_xcalloc(1, sizeof(*doc));
	doc->source = ms_arena_strdup(&doc->arena, name);
	r.doc = doc;
	r.d = d;
	read_object(&r, doc, top_fields, root, "");
	if (json_is_object(root)) {
		read_array(&r, root, "lines", line_fields, (void **)&doc->lines, &doc->n_lines,
		           sizeof(*doc->lines));
		read_array(&r, root, "unregistered_lines", unregistered_fields,
		           (void **)&doc->unregistered, &doc->n_unregistered,
		           sizeof(*doc->unregistered));
		read_array(&r, root, "devices", device_fields, (void **)&doc->devices,
		           &doc->n_devices, sizeof(*doc->devices));
	}
	json_decref(root);
	*out = doc;
	return MS_OK;
}

int onsite_load(const char *path, struct onsite_doc **out, struct ms_diags *d, struct ms_error *err)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t n;
	int rc;

	*out = NULL;
	if (!f)
		return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, NULL, path);
	buf = ms_xmalloc(MAX_ONSITE_BYTES + 1);
	n = fread(buf, 1, MAX_ONSITE_BYTES + 1, f);
	fclose(f);
	if (n >= 2 && buf[0] == 'P' && buf[1] == 'K')
		rc = onsite_load_xlsx_mem(buf, n, path, out, d, err);
	else
		rc = onsite_load_json_mem(buf, n, path, out, d, err);
	free(buf);
	return rc;
}

static void where_at(char *buf, size_t size, const struct onsite_doc *doc, const char *array,
                     int src, const char *member)
{
	/* On the sheet a record's src is its row; name the column by its header. */
	static const char *const headers[][2] = {
		{ "line_no", "回線番号" },
		{ "reason", "未確認の理由" },
		{ "firmware", "ファームウェア" },
	};
	const char *col = member;

	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++)
		if (!strcmp(headers[i][0], member))
			col = headers[i][1];
	if (doc->sheet_rows)
		snprintf(buf, size, "%s:%s:%d:%s", doc->source, ONSITE_SHEET, src, col);
	else
		snprintf(buf, size, "%s:/%s/%d/%s", doc->source, array, src, member);
}

static void check(struct ms_diags *d, const struct onsite_doc *doc, const char *array, int src,
                  const char *member, enum msg_id msg, const char *value, const char *arg)
{
	char where[512];

	where_at(where, sizeof(where), doc, array, src, member);
	ms_diags_add(d, MS_DIAG_ERROR, msg, where, value, arg);
}

size_t onsite_validate(const struct onsite_doc *doc, const struct plan *plan, struct ms_diags *d)
{
	size_t before = d->errors;
	char no[16];

	for (size_t i = 0; i < doc->n_lines; i++) {
		const struct onsite_line *l = &doc->lines[i];

		snprintf(no, sizeof(no), "%d", l->line_no);
		if (l->line_no && !plan_line_by_no(plan, l->line_no))
			check(d, doc, "lines", l->src, "line_no", MSG_PLAN_NO_LINE, no, no);
		for (size_t j = 0; j < i; j++)
			if (l->line_no && doc->lines[j].line_no == l->line_no)
				check(d, doc, "lines", l->src, "line_no", MSG_DUPLICATE_LINE, no,
				      NULL);
		if (l->confirmed == TRI_NO && !l->reason)
			check(d, doc, "lines", l->src, "reason", MSG_ONSITE_REASON_REQUIRED, NULL,
			      NULL);
	}
	for (size_t i = 0; i < doc->n_devices; i++) {
		const struct onsite_device *v = &doc->devices[i];

		snprintf(no, sizeof(no), "%d", v->line_no);
		if (v->line_no && !plan_line_by_no(plan, v->line_no))
			check(d, doc, "devices", v->src, "line_no", MSG_PLAN_NO_LINE, no, no);
		if (v->login == TRI_YES && !v->firmware)
			check(d, doc, "devices", v->src, "firmware", MSG_ONSITE_FIRMWARE_REQUIRED,
			      NULL, NULL);
		if (v->login == TRI_NO && v->firmware)
			check(d, doc, "devices", v->src, "firmware",
			      MSG_ONSITE_FIRMWARE_WITHOUT_LOGIN, v->firmware, NULL);
	}
	return d->errors - before;
}

static void put_str(json_t *o, const char *k, const char *v)
{
	if (v)
		json_object_set_new(o, k, json_string(v));
}

static json_t *object_json(const void *rec, const struct field *fields)
{
	json_t *o = json_object();

	for (const struct field *f = fields; f->name; f++) {
		const char *at = (const char *)rec + f->off;
		int iv = *(const int *)at;

		switch (f->type) {
		case F_STR:
		case F_DATE: put_str(o, f->name, *(char *const *)at); break;
		case F_INT: json_object_set_new(o, f->name, json_integer(iv)); break;
		case F_TRI:
			if (iv == TRI_YES || iv == TRI_NO)
				json_object_set_new(o, f->name, json_boolean(iv == TRI_YES));
			break;
		case F_DEVICE_KIND:
			put_str(o, f->name, model_enum_key(model_device_kinds, iv));
			break;
		case F_TERMINATION:
			put_str(o, f->name, model_enum_key(model_termination_kinds, iv));
			break;
		}
	}
	return o;
}

char *onsite_json_dump(const struct onsite_doc *doc)
{
	json_t *root = object_json(doc, top_fields), *a;
	char *s;

	json_object_set_new(root, "medsec_onsite", json_integer(1));
	json_object_set_new(root, "lines", a = json_array());
	for (size_t i = 0; i < doc->n_lines; i++)
		json_array_append_new(a, object_json(&doc->lines[i], line_fields));
	json_object_set_new(root, "unregistered_lines", a = json_array());
	for (size_t i = 0; i < doc->n_unregistered; i++)
		json_array_append_new(a, object_json(&doc->unregistered[i], unregistered_fields));
	json_object_set_new(root, "devices", a = json_array());
	for (size_t i = 0; i < doc->n_devices; i++)
		json_array_append_new(a, object_json(&doc->devices[i], device_fields));
	s = json_dumps(root, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return s;
}
