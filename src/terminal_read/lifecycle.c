/*
 * lifecycle.c - data/windows-lifecycle.json read into struct lifecycle: every entry
 * checked (family, build, edition class, dates, a source) before any is kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/clock.h"
#include "medsec/fs.h"
#include "medsec/json_diag.h"
#include "medsec/mem.h"
#include "medsec/terminal_read.h"

/* The family whose key (terminal_os_family_key) is s; 0 (unknown) if none. */
static int family_of(const char *s)
{
	for (int f = OS_WINDOWS7; s && f <= OS_WINDOWS_SERVER; f++)
		if (!strcmp(s, terminal_os_family_key((enum os_family)f)))
			return f;
	return 0;
}

/* The edition class whose key is s (EDITION_UNKNOWN is not one a list names); -1 if none. */
static int edition_of(const char *s)
{
	for (int e = EDITION_ANY; s && e < EDITION_UNKNOWN; e++)
		if (!strcmp(s, terminal_edition_class_key((enum edition_class)e)))
			return e;
	return -1;
}

static const char *member(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int terminal_lifecycle_read(const char *data, size_t size, const char *path,
                            struct lifecycle_list **out, struct ms_diags *d, struct ms_error *err)
{
	json_error_t je;
	json_t *root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &je), *e, *entries;
	struct lifecycle_list *l;
	char where[512];
	size_t i, errors = d->errors;

	*out = NULL;
	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", path, je.line);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, where, je.text);
	}
	entries = json_object_get(root, "entries");
	if (json_integer_value(json_object_get(root, "medsec_windows_lifecycle")) != 1 ||
	    !json_is_array(entries)) {
		json_decref(root);
		return ms_fail(err, MS_ERR_INPUT, MSG_VDB_BAD_FEED, path,
		               "{\"medsec_windows_lifecycle\": 1, \"entries\": […]}");
	}
	l = ms_xcalloc(1, sizeof(*l));
	l->entries = ms_xcalloc(json_array_size(entries) + 1, sizeof(*l->entries));
	json_array_foreach (entries, i, e) {
		struct lifecycle_entry *x = &l->entries[l->n];
		int fam = family_of(member(e, "family"));
		int ed = edition_of(member(e, "editions"));
		json_t *build = json_object_get(e, "build");
		const char *ends = member(e, "ends"), *esu = member(e, "esu_ends"),
		           *src = member(e, "source");

		snprintf(where, sizeof(where), "%s:/entries/%zu", path, i);
		if (fam <= 0 || ed < 0 || !json_is_integer(build) ||
		    json_integer_value(build) <= 0 || !ends || !ms_date_valid(ends) ||
		    (esu && !ms_date_valid(esu)) || !src || !*src || !member(e, "release")) {
			ms_diags_add_json(
			        d, MSG_JSON_TYPE, where, e,
			        "family, build, release, editions, ends (YYYY-MM-DD), source");
			continue;
		}
		x->family = (enum os_family)fam;
		x->build = (unsigned)json_integer_value(build);
		x->editions = (enum edition_class)ed;
		snprintf(x->release, sizeof(x->release), "%s", member(e, "release"));
		snprintf(x->ends, sizeof(x->ends), "%s", ends);
		snprintf(x->esu_ends, sizeof(x->esu_ends), "%s", esu ? esu : "");
		x->source = ms_arena_strdup(&l->arena, src);
		l->n++;
	}
	json_decref(root);
	if (d->errors > errors) {
		terminal_lifecycle_free(l);
		return ms_fail(err, MS_ERR_INPUT, d->v[errors].msg, d->v[errors].where,
		               d->v[errors].arg);
	}
	l->view = (struct lifecycle){ l->entries, l->n };
	*out = l;
	return MS_OK;
}

int terminal_lifecycle_load(const char *path, struct lifecycle_list **out, struct ms_diags *d,
                            struct ms_error *err)
{
	size_t size;
	char *data = ms_read_file(path, TERMINAL_FILE_MAX, &size);
	int rc;

	*out = NULL;
	if (!data)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_OPEN, NULL, path);
	rc = terminal_lifecycle_read(data, size, path, out, d, err);
	free(data);
	if (rc == MS_ERR_INPUT) /* the shipped list is medsec's own: broken, it is our fault */
		rc = err->status = MS_ERR_SYSTEM;
	return rc;
}

static int same_entry(const struct lifecycle_entry *a, const struct lifecycle_entry *b)
{
	return a->family == b->family && a->build == b->build && a->editions == b->editions;
}

void terminal_lifecycle_merge(struct lifecycle_list *base, const struct lifecycle_list *newer,
                              size_t *added, size_t *replaced)
{
	*added = *replaced = 0;
	base->entries = ms_xrealloc(base->entries,
	                            (base->n + newer->n + 1) * sizeof(*base->entries));
	for (size_t i = 0; i < newer->n; i++) {
		struct lifecycle_entry e = newer->entries[i];
		size_t k = 0;

		e.source = ms_arena_strdup(&base->arena, e.source);
		while (k < base->n && !same_entry(&base->entries[k], &e))
			k++;
		if (k < base->n) {
			base->entries[k] = e;
			(*replaced)++;
		} else {
			base->entries[base->n++] = e;
			(*added)++;
		}
	}
	base->view = (struct lifecycle){ base->entries, base->n };
}

void terminal_lifecycle_free(struct lifecycle_list *l)
{
	if (!l)
		return;
	ms_arena_dispose(&l->arena);
	free(l->entries);
	free(l);
}
