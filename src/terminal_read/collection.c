/*
 * collection.c - a file medsec-collector.exe wrote, read and checked (terminal_read.h).
 * It comes from a USB stick that went round the hospital: every member is checked
 * and every problem named by its JSON pointer; nothing of a bad file is kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/json_diag.h"
#include "medsec/terminal_read.h"

static void problem(struct ms_diags *d, const char *name, const char *ptr, json_t *v,
                    const char *want)
{
	char where[512];

	snprintf(where, sizeof(where), "%s:%s", name, ptr);
	ms_diags_add_json(d, MSG_JSON_TYPE, where, v, want);
}

/* A string member, kept in c; NULL (and a problem unless optional) when it is not one. */
static char *text(struct terminal_collection *c, json_t *o, const char *key, const char *ptr,
                  int optional, struct ms_diags *d)
{
	json_t *v = json_object_get(o, key);

	if (json_is_string(v))
		return ms_arena_strdup(&c->arena, json_string_value(v));
	if (!optional || (v && !json_is_null(v)))
		problem(d, c->source, ptr, v, "string");
	return NULL;
}

static int hex64(const char *s)
{
	if (!s || strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

static void read_checks(struct terminal_collection *c, json_t *arr, struct ms_diags *d)
{
	static const char *const statuses[] = { "ok", "unavailable", "denied", "error" };
	json_t *k;
	size_t i;
	char ptr[64];

	c->checks = ms_xcalloc(json_array_size(arr) + 1, sizeof(*c->checks));
	json_array_foreach (arr, i, k) {
		struct terminal_check *t = &c->checks[c->n_checks];
		json_t *v = json_object_get(k, "value");
		const char *st = json_string_value(json_object_get(k, "status"));
		int known = 0;

		snprintf(ptr, sizeof(ptr), "/checks/%zu/id", i);
		t->id = text(c, k, "id", ptr, 0, d);
		snprintf(ptr, sizeof(ptr), "/checks/%zu/source", i);
		t->source = text(c, k, "source", ptr, 0, d);
		snprintf(ptr, sizeof(ptr), "/checks/%zu/detail", i);
		t->detail = text(c, k, "detail", ptr, 1, d);
		for (size_t s = 0; st && s < 4; s++)
			known |= !strcmp(st, statuses[s]);
		snprintf(ptr, sizeof(ptr), "/checks/%zu/status", i);
		if (!known) {
			problem(d, c->source, ptr, json_object_get(k, "status"),
			        "ok, unavailable, denied, error");
			continue;
		}
		snprintf(t->status, sizeof(t->status), "%s", st);
		snprintf(ptr, sizeof(ptr), "/checks/%zu/value", i);
		if (json_is_string(v)) {
			t->text = ms_arena_strdup(&c->arena, json_string_value(v));
		} else if (json_is_integer(v)) {
			t->number = json_integer_value(v);
			t->has_number = 1;
			{
				char num[32];

				snprintf(num, sizeof(num), "%lld", t->number);
				t->text = ms_arena_strdup(&c->arena, num);
			}
		} else if (!json_is_null(v)) {
			problem(d, c->source, ptr, v, "string, integer or null");
			continue;
		}
		if (!strcmp(st, "ok") && !t->text) {
			problem(d, c->source, ptr, v, "a value (the status is ok)");
			continue;
		}
		if (!t->id || !t->source)
			continue;
		for (size_t j = 0; j < c->n_checks; j++)
			if (!strcmp(c->checks[j].id, t->id)) {
				snprintf(ptr, sizeof(ptr), "/checks/%zu/id", i);
				problem(d, c->source, ptr, json_object_get(k, "id"),
				        "an id not used before");
				t = NULL;
				break;
			}
		if (t)
			c->n_checks++;
	}
}

int terminal_collection_read(const char *data, size_t size, const char *name,
                             struct terminal_collection **out, struct ms_diags *d,
                             struct ms_error *err)
{
	json_error_t je;
	json_t *root, *v;
	struct terminal_collection *c;
	char where[512];
	size_t before = d->errors;

	*out = NULL;
	if (size > TERMINAL_FILE_MAX)
		return ms_fail(err, MS_ERR_INPUT, MSG_INPUT_TOO_LARGE, name, NULL);
	root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", name, je.line);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, where, je.text);
	}
	c = ms_xcalloc(1, sizeof(*c));
	c->source = ms_arena_strdup(&c->arena, name);
	v = json_object_get(root, "schema");
	if (!json_is_string(v) || strcmp(json_string_value(v), "medsec-terminal/1"))
		problem(d, name, "/schema", v,
		        "\"medsec-terminal/1\" (a file of medsec-collector.exe)");
	v = json_object_get(root, "collector");
	c->collector_version = text(c, v, "version", "/collector/version", 0, d);
	c->collector_sha256 = text(c, v, "sha256", "/collector/sha256", 0, d);
	if (c->collector_sha256 && !hex64(c->collector_sha256))
		problem(d, name, "/collector/sha256", json_object_get(v, "sha256"),
		        "64 hexadecimal digits");
	v = json_object_get(root, "host");
	c->host = text(c, v, "name", "/host/name", 0, d);
	c->machine_guid = text(c, v, "machine_guid", "/host/machine_guid", 1, d);
	c->domain = text(c, v, "domain", "/host/domain", 1, d);
	c->collected_at = text(c, root, "collected_at", "/collected_at", 0, d);
	v = json_object_get(root, "elevated");
	if (!json_is_boolean(v))
		problem(d, name, "/elevated", v, "true or false");
	c->elevated = json_is_true(v);
	v = json_object_get(root, "checks");
	if (!json_is_array(v))
		problem(d, name, "/checks", v, "an array");
	else
		read_checks(c, v, d);
	json_decref(root);
	if (d->errors > before) {
		terminal_collection_free(c);
		return ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL);
	}
	*out = c;
	return MS_OK;
}

void terminal_collection_free(struct terminal_collection *c)
{
	if (!c)
		return;
	free(c->checks);
	ms_arena_dispose(&c->arena);
	free(c);
}

const struct terminal_check *terminal_check_of(const struct terminal_collection *c, const char *id)
{
	for (size_t i = 0; i < c->n_checks; i++)
		if (!strcmp(c->checks[i].id, id))
			return &c->checks[i];
	return NULL;
}

static const char *str_of(const struct terminal_collection *c, const char *id)
{
	const struct terminal_check *k = terminal_check_of(c, id);

	return k && !strcmp(k->status, "ok") ? k->text : NULL;
}

static long long num_of(const struct terminal_collection *c, const char *id, long long none)
{
	const struct terminal_check *k = terminal_check_of(c, id);
	char *end;
	long long v;

	if (!k || strcmp(k->status, "ok") || !k->text)
		return none;
	if (k->has_number)
		return k->number;
	v = strtoll(k->text, &end, 10);
	return end != k->text && !*end ? v : none;
}

void terminal_os_facts_of(const struct terminal_collection *c, struct os_facts *os)
{
	long long b = num_of(c, "os.current_build", 0), u = num_of(c, "os.ubr", 0);

	*os = (struct os_facts){ str_of(c, "os.product_name"), str_of(c, "os.edition_id"),
		                 str_of(c, "os.installation_type"),
		                 b > 0 && b < 100000 ? (unsigned)b : 0,
		                 u > 0 && u < 1000000 ? (unsigned)u : 0 };
}

void terminal_usb_facts_of(const struct terminal_collection *c, struct usb_facts *u)
{
	*u = (struct usb_facts){ (int)num_of(c, "usb.usbstor_start", -1),
		                 (int)num_of(c, "usb.deny_all", -1),
		                 (int)num_of(c, "usb.removable_disks_deny_read", -1),
		                 (int)num_of(c, "usb.removable_disks_deny_write", -1),
		                 (int)num_of(c, "usb.user_deny_all", -1),
		                 (int)num_of(c, "usb.write_protect", -1),
		                 (int)num_of(c, "usb.bitlocker_deny_write", -1) };
}
