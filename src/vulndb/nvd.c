/*
 * nvd.c - NVD CVE API 2.0 records: a response page or a yearly 2.0 feed
 * file ({"resultsPerPage":…, "vulnerabilities":[{"cve":{…}}, …]}), or one
 * `cve` object alone. A feed file is hundreds of megabytes, so it is split
 * into its records first and each record is parsed on its own: memory stays
 * at one record's tree, and an error names the record it is in.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/cpe.h"
#include "medsec/cvss.h"
#include "medsec/mem.h"
#include "vulndb/vdb_int.h"

/* ---- splitting the top-level array ---- */

struct scan {
	const char *p, *end;
	size_t line; /* 1-based line of p */
};

static void skip_ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\r' || *s->p == '\n')) {
		if (*s->p == '\n')
			s->line++;
		s->p++;
	}
}

static int skip_string(struct scan *s)
{
	s->p++; /* opening quote */
	while (s->p < s->end) {
		char c = *s->p++;
		if (c == '\\') {
			if (s->p >= s->end)
				return -1;
			s->p++;
		} else if (c == '"') {
			return 0;
		} else if (c == '\n') {
			return -1;
		}
	}
	return -1;
}

/* Skips one value of any kind; structure only, jansson checks the rest. */
static int skip_value(struct scan *s)
{
	int depth = 0;

	skip_ws(s);
	if (s->p >= s->end)
		return -1;
	if (*s->p != '{' && *s->p != '[') {
		if (*s->p == '"')
			return skip_string(s);
		const char *start = s->p;
		while (s->p < s->end && *s->p != ',' && *s->p != '}' && *s->p != ']' &&
		       *s->p != ' ' && *s->p != '\n' && *s->p != '\r' && *s->p != '\t')
			s->p++;
		return s->p > start ? 0 : -1;
	}
	while (s->p < s->end) {
		char c = *s->p;
		if (c == '"') {
			if (skip_string(s))
				return -1;
			continue;
		}
		if (c == '\n')
			s->line++;
		s->p++;
		if (c == '{' || c == '[') {
			if (++depth > 64)
				return -1;
		} else if (c == '}' || c == ']') {
			if (--depth == 0)
				return 0;
		}
	}
	return -1;
}

struct split_ctx {
	struct vdb_builder *b;
	const char *display;
	struct ms_diags *d;
	const char *data;
	size_t len;
	int kev; /* the elements turned out to be KEV entries */
	int errors;
};

static int import_record(struct split_ctx *x, json_t *cve, const char *where);

/* One element of "vulnerabilities": {"cve": {...}}. */
static int element(struct split_ctx *x, const char *p, size_t n, size_t index, size_t line)
{
	json_error_t je;
	json_t *root = json_loadb(p, n, JSON_REJECT_DUPLICATES, &je);
	char where[512];
	int rc = 0;

	if (!root) {
		char loc[512];
		snprintf(loc, sizeof(loc), "%s:%zu", x->display,
		         line + (size_t)(je.line > 0 ? je.line - 1 : 0));
		ms_diags_add(x->d, MS_DIAG_ERROR, MSG_JSON_SYNTAX, loc, NULL, je.text);
		return -1;
	}
	snprintf(where, sizeof(where), "%s:/vulnerabilities/%zu/cve", x->display, index);
	if (index == 0 && json_is_object(root) && json_object_get(root, "cveID")) {
		x->kev = 1;
	} else if (!json_is_object(root) || !json_is_object(json_object_get(root, "cve"))) {
		where[strlen(where) - 4] = '\0';
		ms_diags_add(x->d, MS_DIAG_ERROR, MSG_VDB_BAD_FEED, where, NULL, "{\"cve\": {…}}");
		rc = -1;
	} else {
		rc = import_record(x, json_object_get(root, "cve"), where);
	}
	json_decref(root);
	return rc;
}

int nvd_import_stream(struct vdb_builder *b, const char *data, size_t len, const char *display,
                      struct ms_diags *d)
{
	struct split_ctx x = { .b = b, .display = display, .d = d, .data = data, .len = len };
	struct scan s = { .p = data, .end = data + len, .line = 1 };
	int found = 0;
	char loc[512];

	if (len >= 3 && memcmp(s.p, "\xef\xbb\xbf", 3) == 0)
		s.p += 3;
	skip_ws(&s);
	if (s.p >= s.end || *s.p != '{')
		goto syntax;
	s.p++;
	for (;;) {
		char key[64];
		const char *k;
		skip_ws(&s);
		if (s.p < s.end && *s.p == '}')
			break;
		if (s.p >= s.end || *s.p != '"')
			goto syntax;
		k = s.p + 1;
		if (skip_string(&s))
			goto syntax;
		snprintf(key, sizeof(key), "%.*s", (int)(s.p - 1 - k), k);
		skip_ws(&s);
		if (s.p >= s.end || *s.p != ':')
			goto syntax;
		s.p++;
		skip_ws(&s);
		if (strcmp(key, "vulnerabilities") == 0 && s.p < s.end && *s.p == '[') {
			size_t index = 0;
			found = 1;
			s.p++;
			for (;;) {
				skip_ws(&s);
				if (s.p < s.end && *s.p == ']') {
					s.p++;
					break;
				}
				const char *start = s.p;
				size_t line = s.line;
				if (skip_value(&s))
					goto syntax;
				if (element(&x, start, (size_t)(s.p - start), index++, line))
					x.errors++;
				if (x.kev) /* a KEV catalogue: read as a whole */
					return kev_import(b, data, len, display, d);
				if (x.errors >= 50)
					return MS_ERR_INPUT;
				skip_ws(&s);
				if (s.p < s.end && *s.p == ',') {
					s.p++;
					continue;
				}
				if (s.p < s.end && *s.p == ']') {
					s.p++;
					break;
				}
				goto syntax;
			}
		} else if (skip_value(&s)) {
			goto syntax;
		}
		skip_ws(&s);
		if (s.p < s.end && *s.p == ',') {
			s.p++;
			continue;
		}
		if (s.p < s.end && *s.p == '}')
			break;
		goto syntax;
	}
	if (!found) {
		ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_UNKNOWN_FEED, display, NULL, NULL);
		return MS_ERR_INPUT;
	}
	return x.errors ? MS_ERR_INPUT : 0;
syntax:
	snprintf(loc, sizeof(loc), "%s:%zu", display, s.line);
	ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_SYNTAX, loc, NULL, "");
	return MS_ERR_INPUT;
}

int nvd_import_cve_object(struct vdb_builder *b, const char *data, size_t len, const char *display,
                          struct ms_diags *d)
{
	struct split_ctx x = { .b = b, .display = display, .d = d };
	json_error_t je;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je);
	char where[512];
	int rc;

	if (!root) {
		snprintf(where, sizeof(where), "%s:%d", display, je.line);
		ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_SYNTAX, where, NULL, je.text);
		return MS_ERR_INPUT;
	}
	snprintf(where, sizeof(where), "%s:", display);
	rc = import_record(&x, root, where);
	json_decref(root);
	return rc ? MS_ERR_INPUT : 0;
}

/* ---- one record ---- */

static const char *str_member(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static void bad(struct split_ctx *x, const char *where, const char *path, const char *value,
                const char *what)
{
	char loc[640];

	snprintf(loc, sizeof(loc), "%s%s", where, path);
	ms_diags_add(x->d, MS_DIAG_ERROR, MSG_VDB_BAD_RECORD, loc, value, what);
}

static int valid_cve_id(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n < 13 || n > 20 || strncmp(s, "CVE-", 4) != 0 || s[8] != '-')
		return 0;
	for (size_t i = 4; i < n; i++)
		if (i != 8 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return 1;
}

/* The preferred metric of a list: NVD's own (Primary) first, else the first. */
static json_t *pick_metric(json_t *metrics, const char *key)
{
	json_t *list = json_object_get(metrics, key), *m;
	size_t i;

	if (!json_is_array(list) || json_array_size(list) == 0)
		return NULL;
	json_array_foreach (list, i, m) {
		const char *type = str_member(m, "type");
		if (type && strcmp(type, "Primary") == 0)
			return m;
	}
	return json_array_get(list, 0);
}

/* Vector and score of a metric; 0, or -1 if the metric is malformed. */
static int metric(json_t *m, const char **vector, double *score)
{
	json_t *data = json_object_get(m, "cvssData");
	json_t *bs = json_object_get(data, "baseScore");

	*vector = str_member(data, "vectorString");
	if (!*vector || !json_is_number(bs))
		return -1;
	*score = json_number_value(bs);
	return 0;
}

/* The version a criterion names, with a CPE update folded in ("22.7" + "r2.3"). */
static int exact_version(const struct cpe *c, char *buf, size_t size)
{
	const struct cpe_value *v = &c->v[CPE_VERSION], *u = &c->v[CPE_UPDATE];

	if (v->kind != CPE_STRING)
		return 0;
	for (size_t i = 0; v->s[i]; i++)
		if (v->wild[i])
			return 0; /* "7.0.*": treated as every version, as NVD means it */
	if (u->kind == CPE_STRING && !strchr(u->s, '*') && !strchr(u->s, '?'))
		snprintf(buf, size, "%s%s", v->s, u->s);
	else
		snprintf(buf, size, "%s", v->s);
	return 1;
}

static unsigned part_code(char part)
{
	return part == 'a' ? 1 : part == 'o' ? 2 : part == 'h' ? 3 : 0;
}

/*
 * Most criteria say no more than part, vendor, product and perhaps a version:
 * those are not stored but rebuilt when shown (a third of the index otherwise).
 */
static int rebuildable(const struct cpe *c, const char *text, const char *version)
{
	struct cpe r;
	char buf[1500];

	if (c->v[CPE_PART].kind != CPE_STRING || !part_code(c->v[CPE_PART].s[0]) ||
	    c->v[CPE_PART].s[1])
		return 0;
	memset(&r, 0, sizeof(r));
	for (int k = 0; k < CPE__COUNT; k++)
		r.v[k].kind = CPE_ANY;
	r.v[CPE_PART] = c->v[CPE_PART];
	r.v[CPE_VENDOR] = c->v[CPE_VENDOR];
	r.v[CPE_PRODUCT] = c->v[CPE_PRODUCT];
	if (version) {
		r.v[CPE_VERSION].kind = CPE_STRING;
		snprintf(r.v[CPE_VERSION].s, sizeof(r.v[CPE_VERSION].s), "%s", version);
	}
	cpe_format(&r, buf, sizeof(buf));
	return strcmp(buf, text) == 0;
}

static int import_config(struct split_ctx *x, struct bvuln **vp, uint32_t vidx, json_t *config,
                         const char *where, size_t ci)
{
	json_t *nodes = json_object_get(config, "nodes"), *node, *m;
	size_t ni, mi;
	char plat[4096] = "";
	size_t platn = 0, pl = 0;
	int rc = 0;
	struct bcrit *pending = NULL;
	uint32_t npending = 0, cappending = 0;
	struct vdb_builder *b = x->b;
	char path[160];

	if (!json_is_array(nodes)) {
		snprintf(path, sizeof(path), "/configurations/%zu/nodes", ci);
		bad(x, where, path, NULL, "array");
		return -1;
	}
	json_array_foreach (nodes, ni, node) {
		json_t *matches = json_object_get(node, "cpeMatch");
		json_t *neg = json_object_get(node, "negate");
		if (!json_is_array(matches)) {
			snprintf(path, sizeof(path), "/configurations/%zu/nodes/%zu/cpeMatch", ci,
			         ni);
			bad(x, where, path, NULL, "array");
			rc = -1;
			continue;
		}
		json_array_foreach (matches, mi, m) {
			const char *crit = str_member(m, "criteria");
			json_t *vuln = json_object_get(m, "vulnerable");
			struct cpe c;
			char ver[300];
			snprintf(path, sizeof(path), "/configurations/%zu/nodes/%zu/cpeMatch/%zu",
			         ci, ni, mi);
			if (!crit || cpe_parse(crit, &c) != 0 ||
			    c.v[CPE_VENDOR].kind != CPE_STRING ||
			    c.v[CPE_PRODUCT].kind != CPE_STRING) {
				bad(x, where, path, crit, "criteria (CPE 2.3)");
				rc = -1;
				continue;
			}
			if (!json_is_boolean(vuln)) {
				bad(x, where, path, NULL, "vulnerable (true/false)");
				rc = -1;
				continue;
			}
			if (!json_is_true(vuln)) {
				/* A platform the vulnerable part must run on (AND configurations). */
				if (json_is_true(neg))
					continue;
				size_t k = strlen(c.v[CPE_PRODUCT].s);
				if (pl + k + 2 < sizeof(plat)) {
					if (pl)
						plat[pl++] = ' ';
					memcpy(plat + pl, c.v[CPE_PRODUCT].s, k + 1);
					pl += k;
				}
				platn++;
				continue;
			}
			struct bcrit *bc = bcrit_push(&pending, &npending, &cappending);
			bc->vendor = pool_str(&b->pool, c.v[CPE_VENDOR].s);
			bc->product = pool_str(&b->pool, c.v[CPE_PRODUCT].s);
			if (exact_version(&c, ver, sizeof(ver))) {
				bc->c.vstart = bc->c.vend = pool_str(&b->pool, ver);
				bc->c.flags |= CF_EXACT | CF_START_INCL | CF_END_INCL;
			}
			if (rebuildable(&c, crit, (bc->c.flags & CF_EXACT) ? ver : NULL))
				bc->c.flags |= (uint16_t)(part_code(c.v[CPE_PART].s[0])
				                          << CF_PART_SHIFT);
			else
				bc->c.cpe = pool_str(&b->pool, crit);
			if (!(bc->c.flags & CF_EXACT)) {
				const char *si = str_member(m, "versionStartIncluding");
				const char *se = str_member(m, "versionStartExcluding");
				const char *ei = str_member(m, "versionEndIncluding");
				const char *ee = str_member(m, "versionEndExcluding");
				if (si || se)
					bc->c.vstart = pool_str(&b->pool, si ? si : se);
				if (ei || ee)
					bc->c.vend = pool_str(&b->pool, ei ? ei : ee);
				if (si)
					bc->c.flags |= CF_START_INCL;
				if (ei)
					bc->c.flags |= CF_END_INCL;
			}
		}
	}
	*vp = &b->vulns[vidx];
	for (uint32_t i = 0; i < npending; i++) {
		struct bcrit *bc = bcrit_push(&(*vp)->crit, &(*vp)->ncrit, &(*vp)->capcrit);
		*bc = pending[i];
		if (platn) {
			bc->c.plat = pool_str(&b->pool, plat);
			bc->c.nplat = platn > 0xffff ? 0xffff : (uint16_t)platn;
		}
	}
	free(pending);
	return rc;
}

/* The CNA's "affected" data (newer records): vendor, product and version text. */
static void import_affected(struct vdb_builder *b, uint32_t vidx, json_t *affected)
{
	json_t *a, *ad, *ver;
	size_t i, j, k;
	char text[1024] = "";
	size_t tl = 0;
	const char *vendor = NULL, *product = NULL;

	json_array_foreach (affected, i, a) {
		json_t *list = json_object_get(a, "affectedData");
		if (!json_is_array(list))
			list = json_array_size(affected) ? affected : NULL;
		json_array_foreach (list, j, ad) {
			if (!vendor) {
				vendor = str_member(ad, "vendor");
				product = str_member(ad, "product");
			}
			json_array_foreach (json_object_get(ad, "versions"), k, ver) {
				const char *v = str_member(ver, "version");
				const char *lt = str_member(ver, "lessThan");
				const char *st = str_member(ver, "status");
				if (!v || (st && strcmp(st, "affected") != 0))
					continue;
				int w = snprintf(text + tl, sizeof(text) - tl, "%s%s%s%s",
				                 tl ? "; " : "", v, lt ? " < " : "", lt ? lt : "");
				if (w > 0 && (size_t)w < sizeof(text) - tl)
					tl += (size_t)w;
			}
		}
		if (list == affected)
			break;
	}
	if (vendor && product) {
		struct bvuln *v = &b->vulns[vidx];
		v->v.cna_vendor = pool_str(&b->pool, vendor);
		v->v.cna_product = pool_str(&b->pool, product);
		v->v.cna_text = pool_str(&b->pool, text);
	}
}

static int import_record(struct split_ctx *x, json_t *cve, const char *where)
{
	struct vdb_builder *b = x->b;
	const char *id = str_member(cve, "id");
	const char *modified = str_member(cve, "lastModified");
	json_t *metrics, *configs, *desc, *config;
	struct bvuln *v;
	uint32_t vidx;
	size_t i;
	int rc = 0;

	if (!valid_cve_id(id)) {
		bad(x, where, "/id", id, "CVE-YYYY-NNNN");
		return -1;
	}
	v = builder_vuln(b, id);
	vidx = (uint32_t)(v - b->vulns);
	/* Keep the newer of two copies of a record. */
	if ((v->v.flags & VF_NVD) && v->v.modified && modified &&
	    strcmp(b->pool.buf + v->v.modified, modified) > 0)
		return 0;
	v->v.flags &= VF_KEV | VF_RANSOMWARE;
	v->v.flags |= VF_NVD;
	v->ncrit = 0;
	v->v.status = pool_str(&b->pool, str_member(cve, "vulnStatus"));
	v->v.modified = pool_str(&b->pool, modified);
	v->v.published = vdb_date_key(str_member(cve, "published"));
	v->v.v3_vector = v->v.v2_vector = v->v.v4_vector = 0;
	v->v.v3_score = v->v.v3_computed = v->v.v2_score = v->v.v4_score = VDB_NO_SCORE;

	json_array_foreach (json_object_get(cve, "descriptions"), i, desc) {
		const char *lang = str_member(desc, "lang");
		if (lang && strcmp(lang, "en") == 0) {
			v->v.title = pool_str(&b->pool, str_member(desc, "value"));
			break;
		}
	}

	metrics = json_object_get(cve, "metrics");
	if (metrics && !json_is_object(metrics)) {
		bad(x, where, "/metrics", NULL, "object");
		rc = -1;
	} else if (metrics) {
		json_t *m3 = pick_metric(metrics, "cvssMetricV31");
		json_t *m2 = pick_metric(metrics, "cvssMetricV2");
		json_t *m4 = pick_metric(metrics, "cvssMetricV40");
		const char *vec;
		double score;
		struct cvss cv;
		if (!m3)
			m3 = pick_metric(metrics, "cvssMetricV30");
		v = &b->vulns[vidx];
		if (m3) {
			if (metric(m3, &vec, &score) || cvss_parse(vec, &cv) || !cv.scored) {
				bad(x, where, "/metrics/cvssMetricV31", NULL,
				    "cvssData (vectorString, baseScore)");
				rc = -1;
			} else {
				v->v.v3_vector = pool_str(&b->pool, vec);
				v->v.v3_score = vdb_tenths(score);
				v->v.v3_computed = vdb_tenths(cv.base);
				if (v->v.v3_score != v->v.v3_computed)
					v->v.flags |= VF_MISMATCH;
			}
		}
		if (m2 && metric(m2, &vec, &score) == 0) {
			v->v.v2_vector = pool_str(&b->pool, vec);
			v->v.v2_score = vdb_tenths(score);
		}
		if (m4 && metric(m4, &vec, &score) == 0) {
			v->v.v4_vector = pool_str(&b->pool, vec);
			v->v.v4_score = vdb_tenths(score);
		}
	}

	configs = json_object_get(cve, "configurations");
	if (configs && !json_is_array(configs)) {
		bad(x, where, "/configurations", NULL, "array");
		rc = -1;
	}
	json_array_foreach (configs, i, config) {
		if (import_config(x, &v, vidx, config, where, i))
			rc = -1;
	}
	v = &b->vulns[vidx];
	if (v->ncrit)
		v->v.flags |= VF_CONFIG;
	if (json_is_array(json_object_get(cve, "affected")))
		import_affected(b, vidx, json_object_get(cve, "affected"));
	return rc;
}
