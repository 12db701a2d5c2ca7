/*
 * index.c - the vulnerability index of cfg->vulndb: brought up to date from
 * the published feeds, or from feed files. The index file changes only when
 * everything asked for arrived whole (vdb_builder_write renames it in place).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "medsec/survey.h"

/* The existing index into b, unless o->rebuild; *had says whether there was one. */
static int load_existing(const struct survey_config *cfg, const struct survey_index_options *o,
                         struct vdb_builder *b, struct vdb_status *st, int *had,
                         struct ms_error *err)
{
	struct vdb *old;
	int rc;

	*had = 0;
	memset(st, 0, sizeof(*st));
	if (o->rebuild || access(cfg->vulndb, F_OK) != 0)
		return 0;
	if ((rc = vdb_open(cfg->vulndb, &old, err)))
		return rc;
	vdb_status(old, st);
	vdb_builder_load(b, old);
	vdb_close(old);
	*had = 1;
	return 0;
}

struct relay {
	const struct survey_events *ev;
};

static void relay_download(void *ctx, const char *source, size_t done, size_t total)
{
	const struct survey_events *ev = ((struct relay *)ctx)->ev;

	ev->progress(ev->ctx, SURVEY_STAGE_INDEX_DOWNLOAD, source, done, total, 0);
}

int survey_index_update(const struct survey_config *cfg, const struct survey_index_options *o,
                        const struct survey_events *ev, struct ms_diags *d, struct ms_error *err)
{
	struct relay r = { ev };
	struct vdb_update_opts u = {
		.nvd_url = o->nvd_url ? o->nvd_url : VDB_NVD_URL,
		.kev_url = o->kev_url ? o->kev_url : VDB_KEV_URL,
		.jvn_url = o->jvn_url ? o->jvn_url : VDB_JVN_URL,
		.nvd_api_key = o->nvd_api_key,
		.delay_ms = o->delay_ms,
		.sources = o->sources ? o->sources : (1u << VDB_SRC__COUNT) - 1,
		.progress = ev && ev->progress ? relay_download : NULL,
		.ctx = &r,
	};
	struct vdb_builder *b = vdb_builder_new();
	struct vdb_status st;
	int had, rc;

	if (!(rc = load_existing(cfg, o, b, &st, &had, err)) &&
	    !(rc = vdb_update(b, had ? &st : NULL, &u, d, err)))
		rc = vdb_builder_write(b, cfg->vulndb, err);
	vdb_builder_free(b);
	return rc;
}

int survey_index_import(const struct survey_config *cfg, const struct survey_index_options *o,
                        const char *const *files, size_t n, const struct survey_events *ev,
                        struct ms_diags *d, struct ms_error *err)
{
	struct vdb_builder *b = vdb_builder_new();
	struct vdb_status st;
	int had, rc = load_existing(cfg, o, b, &st, &had, err);

	/* Every file is read, so that every bad place is named at once. */
	for (size_t i = 0; !rc && i < n; i++) {
		size_t before = d->n;

		if (ev && ev->progress)
			ev->progress(ev->ctx, SURVEY_STAGE_INDEX_IMPORT, files[i], i, n, 0);
		rc = vdb_import_file(b, files[i], files[i], d, err);
		if (rc && rc != MS_ERR_SYSTEM && d->n > before)
			rc = 0; /* an input error, named in d: go on to the next file */
	}
	if (!rc && d->errors)
		rc = ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL);
	if (!rc)
		rc = vdb_builder_write(b, cfg->vulndb, err);
	vdb_builder_free(b);
	return rc;
}

int survey_index_status(const struct survey_config *cfg, struct vdb_status *st,
                        struct ms_error *err)
{
	struct vdb *db;
	int rc = vdb_open(cfg->vulndb, &db, err);

	if (!rc) {
		vdb_status(db, st);
		vdb_close(db);
	}
	return rc;
}
