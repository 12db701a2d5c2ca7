/*
 * checklist.c - data/checklist.json read and checked (checklist.h): every item 1-20 once,
 * under a chapter 1-12, with four level criteria; every chapter with its risk and measures.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/checklist.h"
#include "medsec/json_diag.h"
#include "medsec/text.h"

static const char *keep(struct checklist *c, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	return json_is_string(v) && *json_string_value(v)
	               ? ms_arena_strdup(&c->arena, json_string_value(v))
	               : NULL;
}

static int texts(struct checklist *c, json_t *o, const char *key, struct checklist_text *out,
                 size_t n)
{
	char en[64];
	json_t *ja, *tr;

	snprintf(en, sizeof(en), "%s_en", key);
	ja = json_object_get(o, key);
	tr = json_object_get(o, en);
	if (json_array_size(ja) != n || json_array_size(tr) != n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		out[i].ja = json_is_string(json_array_get(ja, i))
		                    ? ms_arena_strdup(&c->arena,
		                                      json_string_value(json_array_get(ja, i)))
		                    : NULL;
		out[i].en = json_is_string(json_array_get(tr, i))
		                    ? ms_arena_strdup(&c->arena,
		                                      json_string_value(json_array_get(tr, i)))
		                    : NULL;
		if (!out[i].ja || !out[i].en)
			return -1;
	}
	return 0;
}

static int evidence_of(const char *s)
{
	static const char *const keys[] = { "seed",      "diagram",  "backup",
		                            "terminals", "firmware", "remote" };

	for (size_t i = 0; s && i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(s, keys[i]))
			return (int)i;
	return -1;
}

/* MHLW's items, and on each monthly item the ids of those it answers. */
static void mhlw_items(struct checklist *c, json_t *list, const char *path, struct ms_diags *d)
{
	char where[512], ids[CHECKLIST_ITEMS][256] = { { 0 } };
	size_t i, k;
	json_t *v, *no;

	json_array_foreach (list, i, v) {
		struct checklist_mhlw_item *m = &c->mhlw[c->n_mhlw];
		int bad = i >= CHECKLIST_MHLW_MAX;

		snprintf(where, sizeof(where), "%s:/mhlw_checklist/items/%zu", path, i);
		if (!bad) {
			m->id = keep(c, v, "id");
			m->group = (struct checklist_text){ keep(c, v, "group"),
				                            keep(c, v, "group_en") };
			m->text = (struct checklist_text){ keep(c, v, "text"),
				                           keep(c, v, "text_en") };
			m->vendor = json_is_true(json_object_get(v, "vendor"));
			bad = !m->id || !m->group.ja || !m->text.ja || !m->text.en ||
			      !json_is_array(json_object_get(v, "from"));
		}
		json_array_foreach (json_object_get(v, "from"), k, no) {
			int n = (int)json_integer_value(no);

			if (bad || n < 1 || n > CHECKLIST_ITEMS || k >= CHECKLIST_ITEMS) {
				bad = 1;
				break;
			}
			m->from[m->n_from++] = n;
			snprintf(ids[n - 1] + strlen(ids[n - 1]),
			         sizeof(ids[0]) - strlen(ids[n - 1]), "%s%s",
			         *ids[n - 1] ? ", " : "", m->id);
		}
		if (bad) {
			ms_diags_add_json(
			        d, MSG_JSON_TYPE, where, v,
			        "at most 32 items: id, group, text (ja and en), from[1-20]");
			return;
		}
		c->n_mhlw++;
	}
	for (int n = 0; n < CHECKLIST_ITEMS; n++)
		c->items[n].mhlw = *ids[n] ? ms_arena_strdup(&c->arena, ids[n]) : NULL;
}

int checklist_load(const char *path, struct checklist **out, struct ms_diags *d,
                   struct ms_error *err)
{
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je), *v;
	struct checklist *c;
	char where[512];
	size_t i, before = d->errors;

	*out = NULL;
	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", path, je.line);
		return ms_fail(err, MS_ERR_SYSTEM, MSG_JSON_SYNTAX, where, je.text);
	}
	c = ms_xcalloc(1, sizeof(*c));
	if (json_integer_value(json_object_get(root, "medsec_checklist")) != 1 ||
	    json_array_size(json_object_get(root, "items")) != CHECKLIST_ITEMS ||
	    json_array_size(json_object_get(root, "chapters")) != CHECKLIST_CHAPTERS ||
	    json_array_size(json_object_get(root, "levels")) != 4) {
		snprintf(where, sizeof(where), "%s:/", path);
		ms_diags_add_json(d, MSG_JSON_TYPE, where, NULL,
		                  "medsec_checklist 1, 20 items, 12 chapters, 4 levels");
	}
	json_array_foreach (json_object_get(root, "levels"), i, v)
		if (i < 4) {
			c->level_names[i].ja = keep(c, v, "ja");
			c->level_names[i].en = keep(c, v, "en");
		}
	json_array_foreach (json_object_get(root, "chapters"), i, v) {
		struct checklist_chapter *ch;
		size_t n = json_array_size(json_object_get(v, "measures"));

		if (i >= CHECKLIST_CHAPTERS)
			break;
		ch = &c->chapters[i];
		ch->no = (int)json_integer_value(json_object_get(v, "no"));
		ch->title = (struct checklist_text){ keep(c, v, "title"), keep(c, v, "title_en") };
		ch->risk = (struct checklist_text){ keep(c, v, "risk"), keep(c, v, "risk_en") };
		ch->n_measures = n;
		snprintf(where, sizeof(where), "%s:/chapters/%zu", path, i);
		if (ch->no != (int)i + 1 || !ch->title.ja || !ch->risk.ja || n > 8 ||
		    texts(c, v, "measures", ch->measures, n))
			ms_diags_add_json(d, MSG_JSON_TYPE, where, v,
			                  "no (in order), title, risk, measures (ja and en)");
	}
	json_array_foreach (json_object_get(root, "items"), i, v) {
		struct checklist_item *it;
		int ev = evidence_of(json_string_value(json_object_get(v, "evidence")));

		if (i >= CHECKLIST_ITEMS)
			break;
		it = &c->items[i];
		it->no = (int)json_integer_value(json_object_get(v, "no"));
		it->chapter = (int)json_integer_value(json_object_get(v, "chapter"));
		it->text = (struct checklist_text){ keep(c, v, "text"), keep(c, v, "text_en") };
		it->evidence = (enum checklist_evidence)(ev < 0 ? 0 : ev);
		snprintf(where, sizeof(where), "%s:/items/%zu", path, i);
		if (it->no != (int)i + 1 || it->chapter < 1 || it->chapter > CHECKLIST_CHAPTERS ||
		    !it->text.ja || !it->text.en || ev < 0 || texts(c, v, "levels", it->levels, 4))
			ms_diags_add_json(
			        d, MSG_JSON_TYPE, where, v,
			        "no (in order), chapter 1-12, text, levels[4] (ja and en), "
			        "evidence");
	}
	mhlw_items(c, json_object_get(json_object_get(root, "mhlw_checklist"), "items"), path, d);
	json_decref(root);
	if (d->errors > before) {
		checklist_free(c);
		return ms_fail(err, MS_ERR_SYSTEM, d->v[before].msg, d->v[before].where,
		               d->v[before].arg);
	}
	*out = c;
	return MS_OK;
}

void checklist_free(struct checklist *c)
{
	if (!c)
		return;
	ms_arena_dispose(&c->arena);
	free(c);
}

const char *checklist_text(const struct checklist_text *t, enum ms_lang lang)
{
	return lang == MS_LANG_EN && t->en ? t->en : t->ja ? t->ja : "";
}

int checklist_parse_setting(const char *s, int *no, int *level)
{
	const char *p = ms_read_digits(s, 1, 2, no);

	if (!p || *p++ != '=' || !(p = ms_read_digits(p, 1, 1, level)) || *p)
		return -1;
	return *no >= 1 && *no <= CHECKLIST_ITEMS && *level >= 0 && *level <= 3 ? 0 : -1;
}
