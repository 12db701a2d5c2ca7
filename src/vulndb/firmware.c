/*
 * firmware.c - the latest firmware per device model, so the report can say
 * 最新のファームウェアバージョン. medsec's own list format, imported into the
 * index like a feed (a newer date replaces an older entry):
 *
 *   {"medsec_firmware_latest": 1,
 *    "entries": [{"makers": ["Yamaha", "ヤマハ"], "model": "RTX1210",
 *                 "version": "Rev.14.01.xx", "date": "YYYY-MM-DD",
 *                 "source": "URL of the vendor's page"}]}
 *
 * An entry may name a release "branch" ("7.0"): the latest of that branch, kept
 * under the model name "MODEL@BRANCH" beside the model's overall latest. Model
 * "*" with a branch is the maker's newest of that branch on every model (PAN-OS
 * 11.2 is one release line across the PA series); without a branch "*" is
 * refused, because which branch is a model's newest depends on the model.
 *
 * Every entry must say where it comes from; medsec invents none.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "medsec/text.h"
#include "medsec/json_diag.h"
#include "medsec/mem.h"
#include "vulndb/vdb_int.h"

/* What "*" is kept as: the name key drops punctuation, so "*" alone would vanish. */
#define ANY_MODEL "any model"

static const char *str_member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) && *json_string_value(v) ? json_string_value(v) : NULL;
}

static void put(struct vdb_builder *b, const char *maker, const char *model, const char *version,
                const char *date, const char *source)
{
	char mk[128], md[128];
	uint32_t kmk, kmd;
	struct ifirm *f;

	vdb_name_key(maker, mk, sizeof(mk));
	vdb_name_key(model, md, sizeof(md));
	kmk = pool_str(&b->pool, mk);
	kmd = pool_str(&b->pool, md);
	for (size_t i = 0; i < b->nfirm; i++) {
		f = &b->firm[i];
		if (f->maker_key == kmk && f->model_key == kmd) {
			if (strcmp(b->pool.buf + f->date, date) > 0)
				return; /* ours is newer */
			goto fill;
		}
	}
	if (b->nfirm == b->capfirm) {
		b->capfirm = b->capfirm ? b->capfirm * 2 : 64;
		b->firm = ms_xrealloc(b->firm, b->capfirm * sizeof(*b->firm));
	}
	f = &b->firm[b->nfirm++];
	f->maker_key = kmk;
	f->model_key = kmd;
fill:
	f->maker = pool_str(&b->pool, maker);
	f->model = pool_str(&b->pool, model);
	f->version = pool_str(&b->pool, version);
	f->date = pool_str(&b->pool, date);
	f->source = pool_str(&b->pool, source);
}

/* "7.0", "14.01": two numbers; the length of that prefix of s, or 0. */
static int branch_len(const char *s)
{
	const char *p;
	int a, b;

	if (!s || !(p = ms_read_digits(s, 1, 9, &a)) || *p != '.' ||
	    !(p = ms_read_digits(p + 1, 1, 9, &b)))
		return 0;
	return (int)(p - s);
}

static int branch_ok(const char *s)
{
	int n = branch_len(s);

	return n && !s[n];
}

int firmware_import(struct vdb_builder *b, const char *data, size_t len, const char *display,
                    struct ms_diags *d)
{
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je), *e, *m;
	char where[512];
	size_t i, k;
	int errors = 0;

	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", display, je.line);
		ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_SYNTAX, where, NULL, je.text);
		return MS_ERR_INPUT;
	}
	if (json_integer_value(json_object_get(root, "medsec_firmware_latest")) != 1 ||
	    !json_is_array(json_object_get(root, "entries"))) {
		snprintf(where, sizeof(where), "%s:/medsec_firmware_latest", display);
		ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_FEED, where, NULL,
		             "{\"medsec_firmware_latest\": 1, \"entries\": […]}");
		json_decref(root);
		return MS_ERR_INPUT;
	}
	/* Check everything before taking anything: one bad entry refuses the file. */
	json_array_foreach (json_object_get(root, "entries"), i, e) {
		static const char *const need[] = { "model", "version", "date", "source" };
		json_t *makers = json_object_get(e, "makers");
		for (k = 0; k < 4; k++) {
			if (!str_member(e, need[k])) {
				snprintf(where, sizeof(where), "%s:/entries/%zu/%s", display, i,
				         need[k]);
				ms_diags_add(d, MS_DIAG_ERROR, MSG_REQUIRED, where, NULL, need[k]);
				errors++;
			}
		}
		if (str_member(e, "date") && !vdb_date_key(str_member(e, "date"))) {
			snprintf(where, sizeof(where), "%s:/entries/%zu/date", display, i);
			ms_diags_add(d, MS_DIAG_ERROR, MSG_BAD_DATE, where, str_member(e, "date"),
			             NULL);
			errors++;
		}
		if (str_member(e, "model") && !strcmp(str_member(e, "model"), "*") &&
		    !json_object_get(e, "branch")) {
			snprintf(where, sizeof(where), "%s:/entries/%zu/branch", display, i);
			ms_diags_add(d, MS_DIAG_ERROR, MSG_REQUIRED, where, NULL, "branch");
			errors++;
		}
		if (json_object_get(e, "branch") && !branch_ok(str_member(e, "branch"))) {
			snprintf(where, sizeof(where), "%s:/entries/%zu/branch", display, i);
			ms_diags_add_json(d, MSG_JSON_TYPE, where, json_object_get(e, "branch"),
			                  "\"7.0\"");
			errors++;
		}
		if (!json_is_array(makers) || !json_array_size(makers)) {
			snprintf(where, sizeof(where), "%s:/entries/%zu/makers", display, i);
			ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_TYPE, where, NULL,
			             "[\"maker\", …]");
			errors++;
		}
		json_array_foreach (makers, k, m) {
			if (!json_is_string(m) || !*json_string_value(m)) {
				snprintf(where, sizeof(where), "%s:/entries/%zu/makers/%zu",
				         display, i, k);
				ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_TYPE, where, NULL,
				             "string");
				errors++;
			}
		}
	}
	if (!errors) {
		json_array_foreach (json_object_get(root, "entries"), i, e) {
			const char *name = strcmp(str_member(e, "model"), "*")
			                           ? str_member(e, "model")
			                           : ANY_MODEL;
			char model[256];
			snprintf(model, sizeof(model), "%s%s%s", name,
			         str_member(e, "branch") ? "@" : "",
			         str_member(e, "branch") ? str_member(e, "branch") : "");
			json_array_foreach (json_object_get(e, "makers"), k, m)
				put(b, json_string_value(m), model, str_member(e, "version"),
				    str_member(e, "date"), str_member(e, "source"));
		}
	}
	json_decref(root);
	return errors ? MS_ERR_INPUT : 0;
}

static int find_model(const struct vdb *db, const char *mk, const char *model,
                      struct vdb_firmware *out)
{
	char md[128];
	size_t lo = 0, hi = db->nfirms;

	vdb_name_key(model, md, sizeof(md));
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct ifirm *f = &db->firms[mid];
		int c = strcmp(vdb_s(db, f->maker_key), mk);
		if (!c)
			c = strcmp(vdb_s(db, f->model_key), md);
		if (!c) {
			out->maker = vdb_s(db, f->maker);
			out->model = vdb_s(db, f->model);
			out->version = vdb_s(db, f->version);
			out->date = vdb_s(db, f->date);
			out->source = vdb_s(db, f->source);
			return 1;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

int vdb_latest_firmware(const struct vdb *db, const char *maker, const char *model,
                        const char *version, struct vdb_firmware *out)
{
	char mk[128], branched[256];
	int n;

	vdb_name_key(maker, mk, sizeof(mk));
	/* "7.0.12" and "v7.0.12,build0601" are branch 7.0; a Yamaha "Rev.14.01.38" is 14.01. */
	while (version && *version && (*version < '0' || *version > '9'))
		version++;
	if (version && (n = branch_len(version))) {
		snprintf(branched, sizeof(branched), "%s@%.*s", model, n, version);
		if (find_model(db, mk, branched, out))
			return 1;
		snprintf(branched, sizeof(branched), ANY_MODEL "@%.*s", n, version);
		if (find_model(db, mk, branched, out))
			return 1;
	}
	return find_model(db, mk, model, out);
}
