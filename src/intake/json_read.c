/*
 * json_read.c - the intake's JSON twin (docs/json/intake.schema.json):
 * {"hospital":{..., "contacts":[...]}, "lines":[...], "devices":[...],
 *  "terminals":[...], "locations":[...]}. Unknown members are errors, so a
 * misspelt field never silently goes missing.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "intake/convert.h"
#include "intake/fields.h"
#include "medsec/json_diag.h"
#include "medsec/intake.h"

#define MAX_JSON_BYTES (16u << 20)

struct reader {
	struct intake_doc *doc;
	struct ms_diags *d;
};

static void where_of(struct reader *r, const char *pointer, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s:%s", r->doc->source, pointer);

	if (n < 0 || (size_t)n >= size) /* a monstrous name or path: keep what fits */
		buf[size - 1] = '\0';
}

static void bad(struct reader *r, const char *pointer, enum msg_id msg, const json_t *v,
                const char *arg)
{
	char where[512];

	where_of(r, pointer, where, sizeof(where));
	ms_diags_add_json(r->d, msg, where, v, arg);
}

static void read_field(struct reader *r, void *record, int field, json_t *v, const char *pointer)
{
	const struct intake_field *f = &intake_fields[field];

	if (json_is_null(v))
		return;
	switch (f->type) {
	case FT_BOOL:
		if (!json_is_boolean(v)) {
			bad(r, pointer, MSG_JSON_TYPE, v, "true / false");
			return;
		}
		*field_int(record, f) = json_is_true(v) ? TRI_YES : TRI_NO;
		return;
	case FT_INT:
		if (json_is_integer(v)) {
			json_int_t n = json_integer_value(v);

			if (n < 0 || n > 9999999)
				bad(r, pointer, MSG_BAD_INT, v, NULL);
			else
				*field_int(record, f) = (int)n;
			return;
		}
		if (!json_is_string(v)) {
			bad(r, pointer, MSG_JSON_TYPE, v, "integer");
			return;
		}
		break;
	case FT_ENUM:
		if (!json_is_string(v)) {
			bad(r, pointer, MSG_JSON_TYPE, v, intake_choices(f->set));
			return;
		}
		break;
	default:
		if (!json_is_string(v)) {
			bad(r, pointer, MSG_JSON_TYPE, v, "string");
			return;
		}
	}
	intake_convert(r->doc, record, field, json_string_value(v), r->d);
}

/* Reads one object into a new record of kind rec; index is its place in the array. */
static void *read_object(struct reader *r, enum intake_rec rec, json_t *obj, const char *base,
                         int index)
{
	void *record = intake_record_add(r->doc, rec);
	const char *key;
	json_t *v;
	char pointer[512];

	*(int *)record = index;
	json_object_foreach (obj, key, v) {
		int fi = intake_field_find(rec, key);

		snprintf(pointer, sizeof(pointer), "%s/%s", base, key);
		if (fi < 0) {
			if (!(rec == REC_HOSPITAL && strcmp(key, "contacts") == 0))
				bad(r, pointer, MSG_JSON_UNKNOWN_MEMBER, NULL, NULL);
			continue;
		}
		read_field(r, record, fi, v, pointer);
	}
	return record;
}

static void read_array(struct reader *r, enum intake_rec rec, json_t *arr, const char *base)
{
	size_t i;
	json_t *obj;
	char pointer[512];

	if (!arr)
		return;
	if (!json_is_array(arr)) {
		bad(r, base, MSG_JSON_TYPE, NULL, "array");
		return;
	}
	json_array_foreach (arr, i, obj) {
		snprintf(pointer, sizeof(pointer), "%s/%zu", base, i);
		if (!json_is_object(obj)) {
			bad(r, pointer, MSG_JSON_TYPE, obj, "object");
			continue;
		}
		read_object(r, rec, obj, pointer, (int)i);
	}
}

int intake_load_json_mem(const void *data, size_t size, const char *name, struct intake_doc **out,
                         struct ms_diags *d, struct ms_error *err)
{
	static const char *const top[] = { "hospital", "lines", "devices", "terminals",
		                           "locations" };
	struct reader r;
	json_error_t jerr;
	json_t *root, *hosp;
	const char *key;
	json_t *v;

	*out = NULL;
	if (size > MAX_JSON_BYTES)
		return ms_fail(err, MS_ERR_INPUT, MSG_INPUT_TOO_LARGE, name, NULL);
	root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &jerr);
	if (!root) {
		char where[600], arg[300];

		snprintf(where, sizeof(where), "%s:%d:%d", name, jerr.line, jerr.column);
		snprintf(arg, sizeof(arg), "%s", jerr.text);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, where, arg);
	}
	if (!json_is_object(root)) {
		json_decref(root);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_TYPE, name, "object");
	}
	r.doc = intake_doc_new(name, INTAKE_JSON);
	r.d = d;
	json_object_foreach (root, key, v) {
		size_t i;
		char pointer[300];

		for (i = 0; i < sizeof(top) / sizeof(top[0]); i++)
			if (strcmp(key, top[i]) == 0)
				break;
		if (i == sizeof(top) / sizeof(top[0]) && strcmp(key, "$schema") != 0) {
			snprintf(pointer, sizeof(pointer), "/%s", key);
			bad(&r, pointer, MSG_JSON_UNKNOWN_MEMBER, NULL, NULL);
		}
	}
	hosp = json_object_get(root, "hospital");
	if (!json_is_object(hosp)) {
		bad(&r, "/hospital", hosp ? MSG_JSON_TYPE : MSG_REQUIRED, NULL,
		    hosp ? "object" : "hospital");
	} else {
		read_object(&r, REC_HOSPITAL, hosp, "/hospital", 0);
		read_array(&r, REC_CONTACT, json_object_get(hosp, "contacts"),
		           "/hospital/contacts");
	}
	read_array(&r, REC_LINE, json_object_get(root, "lines"), "/lines");
	read_array(&r, REC_DEVICE, json_object_get(root, "devices"), "/devices");
	read_array(&r, REC_TERMINAL, json_object_get(root, "terminals"), "/terminals");
	read_array(&r, REC_LOCATION, json_object_get(root, "locations"), "/locations");
	json_decref(root);
	*out = r.doc;
	return MS_OK;
}

/* --- the other way: the JSON twin of a document --- */

static json_t *field_json(const void *record, const struct intake_field *f)
{
	const char *s;
	int v;

	switch (f->type) {
	case FT_TEXT:
	case FT_DATE:
		s = *field_text((void *)(uintptr_t)record, f);
		return s ? json_string(s) : NULL;
	case FT_INT:
		v = *field_int((void *)(uintptr_t)record, f);
		return v ? json_integer(v) : NULL;
	case FT_BOOL:
		v = *field_int((void *)(uintptr_t)record, f);
		return v == TRI_UNSET ? NULL : json_boolean(v == TRI_YES);
	case FT_ENUM:
		s = model_enum_key(f->set, *field_int((void *)(uintptr_t)record, f));
		return s ? json_string(s) : NULL;
	}
	return NULL;
}

static json_t *record_json(const struct intake_doc *doc, enum intake_rec rec, size_t i)
{
	json_t *obj = json_object();
	const void *record = intake_record((struct intake_doc *)(uintptr_t)doc, rec, i);

	for (size_t k = 0; k < intake_n_fields; k++) {
		json_t *v;

		if (intake_fields[k].rec != rec)
			continue;
		v = field_json(record, &intake_fields[k]);
		if (v)
			json_object_set_new(obj, intake_fields[k].json, v);
	}
	return obj;
}

static json_t *records_json(const struct intake_doc *doc, enum intake_rec rec)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < intake_record_count(doc, rec); i++)
		json_array_append_new(arr, record_json(doc, rec, i));
	return arr;
}

char *intake_json_dump(const struct intake_doc *doc)
{
	json_t *root = json_object(), *hosp = record_json(doc, REC_HOSPITAL, 0);
	char *s;

	json_object_set_new(hosp, "contacts", records_json(doc, REC_CONTACT));
	json_object_set_new(root, "hospital", hosp);
	json_object_set_new(root, "lines", records_json(doc, REC_LINE));
	json_object_set_new(root, "devices", records_json(doc, REC_DEVICE));
	json_object_set_new(root, "terminals", records_json(doc, REC_TERMINAL));
	json_object_set_new(root, "locations", records_json(doc, REC_LOCATION));
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return s;
}
