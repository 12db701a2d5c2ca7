/*
 * kev.c - CISA's Known Exploited Vulnerabilities catalogue, as published
 * (known_exploited_vulnerabilities.json): marks CVE records as exploited, and
 * used by ransomware where CISA knows it. A KEV entry whose CVE has no NVD
 * record yet still becomes a record, found by KEV's vendor and product names.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "vulndb/vdb_int.h"

static const char *str_member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

int kev_import(struct vdb_builder *b, const char *data, size_t len, const char *display,
               struct ms_diags *d)
{
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je), *list, *e;
	const char *version;
	char where[512];
	size_t i;
	int errors = 0;

	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", display, je.line);
		ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_SYNTAX, where, NULL, je.text);
		return MS_ERR_INPUT;
	}
	list = json_object_get(root, "vulnerabilities");
	version = str_member(root, "catalogVersion");
	if (!json_is_array(list) || !version) {
		snprintf(where, sizeof(where), "%s:/catalogVersion", display);
		ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_FEED, where, NULL,
		             "KEV (catalogVersion, vulnerabilities)");
		json_decref(root);
		return MS_ERR_INPUT;
	}
	json_array_foreach (list, i, e) {
		const char *id = str_member(e, "cveID");
		const char *ransom = str_member(e, "knownRansomwareCampaignUse");
		struct bvuln *v;
		if (!id || strncmp(id, "CVE-", 4) != 0 || strlen(id) > 20) {
			snprintf(where, sizeof(where), "%s:/vulnerabilities/%zu/cveID", display, i);
			ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_RECORD, where, id,
			             "CVE-YYYY-NNNN");
			errors++;
			continue;
		}
		v = builder_vuln(b, id);
		v->v.flags |= VF_KEV;
		if (ransom && strcmp(ransom, "Known") == 0)
			v->v.flags |= VF_RANSOMWARE;
		else
			v->v.flags &= ~(uint32_t)VF_RANSOMWARE;
		v->v.kev_added = vdb_date_key(str_member(e, "dateAdded"));
		v->v.kev_vendor = pool_str(&b->pool, str_member(e, "vendorProject"));
		v->v.kev_product = pool_str(&b->pool, str_member(e, "product"));
		if (!v->v.title)
			v->v.title = pool_str(&b->pool, str_member(e, "vulnerabilityName"));
	}
	if (!errors && strcmp(version, b->kev_version) >= 0)
		snprintf(b->kev_version, sizeof(b->kev_version), "%s", version);
	json_decref(root);
	return errors ? MS_ERR_INPUT : 0;
}
