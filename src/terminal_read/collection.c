/*
 * collection.c - a file medsec-collector.exe wrote, read and checked (terminal_read.h).
 * It comes from a USB stick that went round the hospital: every member is checked
 * and every problem named by its JSON pointer; nothing of a bad file is kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/clock.h"
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

/* A recorded number as an int: -1 when unknown, negative or beyond any real value. */
static int small(long long v)
{
	return v >= 0 && v < 1 << 30 ? (int)v : -1;
}

int terminal_int_of(const struct terminal_collection *c, const char *id)
{
	return small(num_of(c, id, -1));
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
	*u = (struct usb_facts){ terminal_int_of(c, "usb.usbstor_start"),
		                 terminal_int_of(c, "usb.deny_all"),
		                 terminal_int_of(c, "usb.removable_disks_deny_read"),
		                 terminal_int_of(c, "usb.removable_disks_deny_write"),
		                 terminal_int_of(c, "usb.user_deny_all"),
		                 terminal_int_of(c, "usb.write_protect"),
		                 terminal_int_of(c, "usb.bitlocker_deny_write") };
}

/* The check "prefix.N.field" (N from 1), or NULL. */
static const struct terminal_check *item(const struct terminal_collection *c, const char *prefix,
                                         size_t n, const char *field)
{
	char id[96];

	snprintf(id, sizeof(id), "%s.%zu.%s", prefix, n, field);
	return terminal_check_of(c, id);
}

static const char *item_str(const struct terminal_collection *c, const char *prefix, size_t n,
                            const char *field)
{
	const struct terminal_check *k = item(c, prefix, n, field);

	return k && !strcmp(k->status, "ok") ? k->text : NULL;
}

static long long item_num(const struct terminal_collection *c, const char *prefix, size_t n,
                          const char *field)
{
	const struct terminal_check *k = item(c, prefix, n, field);

	return k && !strcmp(k->status, "ok") && k->has_number ? k->number : -1;
}

/* A count the collector recorded, bounded by max; -1 when it was not read. */
static long long count_of(const struct terminal_collection *c, const char *id, size_t max)
{
	long long n = num_of(c, id, -1);

	return n < 0 ? -1 : n > (long long)max ? (long long)max : n;
}

size_t terminal_av_facts_of(const struct terminal_collection *c, struct av_product *v, size_t max,
                            int *list_read)
{
	long long wsc = count_of(c, "av.wsc.count", max), wmi = count_of(c, "av.wmi.count", max);
	size_t k = 0;

	*list_read = wsc >= 0 || wmi >= 0;
	for (long long i = 1; wsc >= 0 && i <= wsc; i++) {
		const char *name = item_str(c, "av.wsc", (size_t)i, "name");
		const char *st = item_str(c, "av.wsc", (size_t)i, "state");
		const char *sig = item_str(c, "av.wsc", (size_t)i, "signature");
		struct av_product *p = &v[k++];

		memset(p, 0, sizeof(*p));
		snprintf(p->name, sizeof(p->name), "%s", name ? name : "?");
		p->enabled = !st ? -1 : !strcmp(st, "on");
		p->up_to_date = !sig ? -1 : !strcmp(sig, "up_to_date");
		p->signature_age_days = -1;
		/* Security Center names Microsoft's product "Windows Defender" or "Microsoft Defender Antivirus". */
		p->microsoft = name && strstr(name, "Defender") != NULL;
		p->source = "wsc";
	}
	for (long long i = 1; wsc < 0 && wmi >= 0 && i <= wmi; i++) {
		const char *name = item_str(c, "av.wmi", (size_t)i, "name");
		long long state = item_num(c, "av.wmi", (size_t)i, "product_state");
		struct av_product *p = &v[k++];
		struct product_state ps;

		memset(p, 0, sizeof(*p));
		snprintf(p->name, sizeof(p->name), "%s", name ? name : "?");
		p->signature_age_days = -1;
		p->source = "wmi";
		if (state < 0) {
			p->enabled = p->up_to_date = -1;
			p->microsoft = name && strstr(name, "Defender") != NULL;
			continue;
		}
		terminal_product_state((unsigned long)state, &ps);
		p->enabled = ps.state == 1;
		p->up_to_date = ps.up_to_date;
		p->microsoft = ps.microsoft;
	}
	return k;
}

void terminal_defender_facts_of(const struct terminal_collection *c, struct defender_facts *d)
{
	long long age = num_of(c, "defender.signature_age_days", -1);

	*d = (struct defender_facts){
		.am_service = terminal_int_of(c, "defender.am_service_enabled"),
		.antivirus = terminal_int_of(c, "defender.antivirus_enabled"),
		.realtime = terminal_int_of(c, "defender.realtime_enabled"),
		/* 65535 and more: Defender has never updated (or the field overflowed). */
		.signature_age_days = age >= 0 && age < 65535 ? (int)age : -1,
		.out_of_date = terminal_int_of(c, "defender.signatures_out_of_date"),
		.running_mode = str_of(c, "defender.running_mode"),
		.signature_updated = str_of(c, "defender.signature_updated"),
	};
	d->read = d->am_service >= 0 || d->antivirus >= 0 || d->realtime >= 0;
}

/*
 * Updates that are not the OS's own: Defender's security intelligence (KB2267602) and
 * platform (KB4052623), the old antimalware definitions (KB2461484, KB915597) and the
 * Malicious Software Removal Tool (KB890830). Their titles are localised; their KBs are not.
 */
static int not_an_os_update(const char *title)
{
	static const char *const kbs[] = { "KB2267602", "KB4052623", "KB2461484", "KB915597",
		                           "KB890830" };

	for (size_t i = 0; title && i < sizeof(kbs) / sizeof(kbs[0]); i++) {
		const char *at = strstr(title, kbs[i]);

		if (at && !(at[strlen(kbs[i])] >= '0' && at[strlen(kbs[i])] <= '9'))
			return 1;
	}
	return 0;
}

int terminal_last_update_of(const struct terminal_collection *c, char out[11])
{
	long long wua = count_of(c, "updates.wua.total", 100),
	          qfe = count_of(c, "updates.qfe.count", 200);
	char day[11];

	out[0] = '\0';
	/* History entries: installations (operation 1) that succeeded (result 2, or 3 with errors). */
	for (long long i = 1; i <= wua; i++) {
		const char *date = item_str(c, "updates.wua", (size_t)i, "date");
		long long op = item_num(c, "updates.wua", (size_t)i, "operation");
		long long result = item_num(c, "updates.wua", (size_t)i, "result");

		if (date && op == 1 && (result == 2 || result == 3) &&
		    !not_an_os_update(item_str(c, "updates.wua", (size_t)i, "title")) &&
		    ms_date_jst(date, day) == 0 && strcmp(day, out) > 0)
			memcpy(out, day, sizeof(day));
	}
	for (long long i = 1; i <= qfe; i++) {
		const char *on = item_str(c, "updates.qfe", (size_t)i, "installed_on");

		if (on && !not_an_os_update(item_str(c, "updates.qfe", (size_t)i, "kb")) &&
		    terminal_hotfix_date(on, day) && strcmp(day, out) > 0)
			memcpy(out, day, sizeof(day));
	}
	return out[0] != '\0';
}

size_t terminal_accounts_of(const struct terminal_collection *c, struct account_facts *v,
                            size_t max)
{
	long long n = count_of(c, "accounts.count", max);
	size_t k = 0;

	for (long long i = 1; i <= n; i++) {
		const char *name = item_str(c, "accounts", (size_t)i, "name");

		if (!name)
			continue;
		v[k++] = (struct account_facts){
			name,
			small(item_num(c, "accounts", (size_t)i, "rid")),
			small(item_num(c, "accounts", (size_t)i, "disabled")),
			small(item_num(c, "accounts", (size_t)i, "password_never_expires")),
			small(item_num(c, "accounts", (size_t)i, "password_not_required")),
			small(item_num(c, "accounts", (size_t)i, "admin")),
		};
	}
	return k;
}

void terminal_policy_of(const struct terminal_collection *c, struct password_policy *p)
{
	*p = (struct password_policy){ terminal_int_of(c, "policy.min_password_length"),
		                       terminal_int_of(c, "policy.max_password_age_days"),
		                       terminal_int_of(c, "policy.lockout_threshold") };
}

void terminal_firewall_of(const struct terminal_collection *c, int firewall[3])
{
	firewall[0] = terminal_int_of(c, "firewall.domain.enabled");
	firewall[1] = terminal_int_of(c, "firewall.private.enabled");
	firewall[2] = terminal_int_of(c, "firewall.public.enabled");
}

int terminal_has_address(const struct terminal_collection *c, const char *address)
{
	long long n = count_of(c, "net.count", 64);

	for (long long i = 1; address && i <= n; i++) {
		const char *a = item_str(c, "net", (size_t)i, "address");

		if (a && !strcmp(a, address))
			return 1;
	}
	return 0;
}
