/*
 * firmware.c - every declared device's firmware checked against the index
 * (`medsec firmware`), with the same check the report's annex 2 makes
 * (assess_device): one matching, one set of statuses.
 */
#include <stdlib.h>
#include <string.h>

#include "medsec/mem.h"
#include "medsec/survey.h"

int survey_firmware(struct survey_session *s, struct survey_firmware *out, struct ms_diags *d,
                    struct ms_error *err)
{
	struct intake_revision rev;
	struct vdb *vdb = NULL;
	struct vdb_products *products = NULL;
	char path[4096];
	int rc;

	memset(out, 0, sizeof(*out));
	survey_data_path(s->cfg, "products.json", path, sizeof(path));
	if ((rc = vdb_products_load(path, &products, d, err)) ||
	    (rc = vdb_open(s->cfg->vulndb, &vdb, err)) ||
	    (rc = survey_declarations(s, &out->doc, &rev, err)))
		goto out;
	out->revision = rev.revision;
	out->a = assessment_new();
	for (size_t i = 0; i < out->doc->n_devices; i++) {
		const struct device *dev = &out->doc->devices[i];
		struct assess_target *t = ms_xgrow((void **)&out->a->targets, &out->a->n_targets,
		                                   sizeof(*t));

		/* Every declared device, numbered as declared: the hospital's own list, plan or not. */
		t->source = SRC_DECLARED;
		t->line_no = dev->line_no;
		t->maker = dev->maker;
		t->model = dev->model;
		t->version = dev->firmware;
		assess_device(out->a, vdb, products, t);
	}
out:
	vdb_close(vdb);
	vdb_products_free(products);
	if (rc)
		survey_firmware_free(out);
	return rc;
}

void survey_firmware_free(struct survey_firmware *f)
{
	assessment_free(f->a);
	intake_doc_free(f->doc);
	memset(f, 0, sizeof(*f));
}
