/*
 * jvn.c - JVN iPedia as MyJVN publishes it: VULDEF 3.x documents
 * (getVulnDetailInfo, the jvndb_detail data feed) and JVNRSS 3.2 (the
 * overview list and the jvndb_rss feed). JVN gives Japanese titles, its own
 * CVSS, affected products as CPE 2.2 names without versions, and affected
 * versions as free text ("1.05およびそれ以前"), read here where the text is
 * plain enough and otherwise kept for a person to confirm.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "medsec/cpe.h"
#include "medsec/cvss.h"
#include "medsec/mem.h"
#include "vulndb/vdb_int.h"

/* ---- free-text versions ---- */

/* ASCII only: the locale must not make a byte of a Japanese character a letter. */
static int isdigit_a(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int isalnum_a(unsigned char c)
{
	return isdigit_a(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int isspace_a(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int tok_char(unsigned char c)
{
	return isalnum_a(c) || c == '.' || c == '-' || c == '_';
}

static const char *after_space(const char *p)
{
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	if (strncmp(p, "\xe3\x80\x80", 3) == 0) /* ideographic space */
		return after_space(p + 3);
	return p;
}

static int starts(const char *p, const char *kw)
{
	return strncmp(p, kw, strlen(kw)) == 0;
}

int jvn_version_text(const char *text, char *start, char *end, size_t size, unsigned *flags)
{
	const char *tok[3], *after[3];
	size_t len[3], n = 0;
	const char *p = text;

	*flags = 0;
	start[0] = end[0] = '\0';
	if (strstr(text, "\xe5\x85\xa8\xe3\x81\xa6") ||
	    strstr(text, "\xe3\x81\x99\xe3\x81\xb9\xe3\x81\xa6"))
		return strstr(text,
		              "\xe3\x83\x90\xe3\x83\xbc\xe3\x82\xb8\xe3\x83\xa7\xe3\x83\xb3") !=
		       NULL; /* 全て/すべて…バージョン */
	while (*p) {
		unsigned char c = (unsigned char)*p;
		int boundary = p == text || !tok_char((unsigned char)p[-1]);
		const char *q = p;
		if (boundary && (strncasecmp(p, "rev.", 4) == 0 || strncasecmp(p, "ver.", 4) == 0))
			q = p + 4;
		else if (boundary && (c == 'v' || c == 'V') && isdigit_a((unsigned char)p[1]))
			q = p + 1;
		if (boundary && isdigit_a((unsigned char)*q)) {
			const char *e = q;
			while (tok_char((unsigned char)*e))
				e++;
			while (e > q && (e[-1] == '.' || e[-1] == '-'))
				e--;
			if (n == 3)
				return 0;
			tok[n] = q;
			len[n] = (size_t)(e - q);
			after[n] = after_space(e);
			n++;
			p = e;
			continue;
		}
		p++;
	}
	if (n == 0 || len[0] + 1 > size || (n > 1 && len[1] + 1 > size))
		return 0;
	/* "X およびそれ以前" / "X 以前" / "X 未満" / "X 以降" / "X から Y" / "X" */
	const char *a = after[0];
	if (starts(a, "\xe3\x81\x8a\xe3\x82\x88\xe3\x81\xb3") ||
	    starts(a, "\xe5\x8f\x8a\xe3\x81\xb3"))
		a = strstr(a, "\xe4\xbb\xa5\xe5\x89\x8d") ? strstr(a, "\xe4\xbb\xa5\xe5\x89\x8d")
		                                          : a; /* およびそれ以前 */
	if (n == 1) {
		if (starts(a, "\xe4\xbb\xa5\xe5\x89\x8d")) { /* 以前 */
			snprintf(end, size, "%.*s", (int)len[0], tok[0]);
			*flags = CF_END_INCL;
		} else if (starts(a, "\xe6\x9c\xaa\xe6\xba\x80") ||             /* 未満 */
		           starts(a, "\xe3\x82\x88\xe3\x82\x8a\xe5\x89\x8d")) { /* より前 */
			snprintf(end, size, "%.*s", (int)len[0], tok[0]);
		} else if (starts(a, "\xe4\xbb\xa5\xe9\x99\x8d")) { /* 以降 */
			snprintf(start, size, "%.*s", (int)len[0], tok[0]);
			*flags = CF_START_INCL;
		} else if (*a == '\0' || *a == '(' || starts(a, "\xef\xbc\x88")) {
			snprintf(start, size, "%.*s", (int)len[0], tok[0]);
			snprintf(end, size, "%s", start);
			*flags = CF_EXACT | CF_START_INCL | CF_END_INCL;
		} else {
			return 0;
		}
		return 1;
	}
	if (n == 2 && (starts(a, "\xe3\x81\x8b\xe3\x82\x89") || starts(a, "\xe3\x80\x9c") ||
	               starts(a, "\xef\xbd\x9e") || starts(a, "-") ||
	               starts(a, "\xe4\xbb\xa5\xe9\x99\x8d"))) {
		const char *b = after[1]; /* から 〜 ～ - 以降 */
		snprintf(start, size, "%.*s", (int)len[0], tok[0]);
		snprintf(end, size, "%.*s", (int)len[1], tok[1]);
		*flags = CF_START_INCL;
		if (starts(b, "\xe6\x9c\xaa\xe6\xba\x80")) /* 未満 */
			return 1;
		if (*b == '\0' || starts(b, "\xe3\x81\xbe\xe3\x81\xa7") ||
		    starts(b, "\xe4\xbb\xa5\xe5\x89\x8d") ||
		    starts(b, "\xe3\x81\xae")) /* まで 以前 の */
			*flags |= CF_END_INCL;
		else
			return 0;
		return 1;
	}
	return 0;
}

/* ---- XML helpers ---- */

static int is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* The trimmed text of a node, interned; 0 when empty. */
static uint32_t text(struct vdb_builder *b, const xmlNode *n)
{
	xmlChar *t;
	const char *s, *e;
	uint32_t off;

	if (!n)
		return 0;
	t = xmlNodeGetContent(n);
	if (!t)
		return 0;
	s = (const char *)t;
	while (*s && isspace_a((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace_a((unsigned char)e[-1]))
		e--;
	off = pool_add(&b->pool, s, (size_t)(e - s));
	xmlFree(t);
	return off;
}

static const char *P(struct vdb_builder *b, uint32_t off)
{
	return b->pool.buf + off;
}

static int valid_jvndb_id(const char *s)
{
	if (strlen(s) != 17 || strncmp(s, "JVNDB-", 6) != 0 || s[10] != '-')
		return 0;
	for (int i = 6; i < 17; i++)
		if (i != 10 && !isdigit_a((unsigned char)s[i]))
			return 0;
	return 1;
}

static void add_cve(struct vdb_builder *b, struct bjvn *j, const char *id)
{
	uint32_t off = pool_str(&b->pool, id);

	if (strncmp(id, "CVE-", 4) != 0 || strlen(id) > 20)
		return;
	for (uint32_t k = 0; k < j->ncves; k++)
		if (j->cves[k] == off)
			return;
	j->cves = ms_xrealloc(j->cves, (j->ncves + 1) * sizeof(uint32_t));
	j->cves[j->ncves++] = off;
}

/* One affected product: a CPE 2.2 name and, per version text, a criterion. */
static int add_product(struct vdb_builder *b, struct bjvn *j, const char *cpe_text,
                       const char **versions, size_t nversions)
{
	struct cpe c;

	if (cpe_parse(cpe_text, &c) != 0 || c.v[CPE_VENDOR].kind != CPE_STRING ||
	    c.v[CPE_PRODUCT].kind != CPE_STRING)
		return -1;
	for (size_t i = 0; i < (nversions ? nversions : 1); i++) {
		struct bcrit *bc = bcrit_push(&j->crit, &j->ncrit, &j->capcrit);
		char start[128], end[128];
		unsigned flags;
		bc->vendor = pool_str(&b->pool, c.v[CPE_VENDOR].s);
		bc->product = pool_str(&b->pool, c.v[CPE_PRODUCT].s);
		bc->c.cpe = pool_str(&b->pool, cpe_text);
		bc->c.flags = CF_JVN;
		if (!nversions)
			continue;
		bc->c.vtext = pool_str(&b->pool, versions[i]);
		if (jvn_version_text(versions[i], start, end, sizeof(start), &flags)) {
			bc->c.flags |= (uint16_t)(flags | CF_JVN_PARSED);
			bc->c.vstart = pool_str(&b->pool, start);
			bc->c.vend = pool_str(&b->pool, end);
		}
	}
	return 0;
}

static void bad(struct ms_diags *d, const char *display, const xmlNode *n, const char *value,
                const char *what)
{
	char where[512];

	snprintf(where, sizeof(where), "%s:%ld", display, n ? (long)xmlGetLineNo(n) : 0L);
	ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_RECORD, where, value, what);
}

/* Replaces an entry only with a newer one; returns the entry to fill, or NULL to skip. */
static struct bjvn *fresh_entry(struct vdb_builder *b, const char *id, const char *modified)
{
	struct bjvn *j = builder_jvn(b, id);

	if (j->j.modified && modified && strcmp(P(b, j->j.modified), modified) > 0)
		return NULL;
	j->ncrit = 0;
	j->ncves = 0;
	j->j.v3_vector = j->j.v2_vector = 0;
	j->j.v3_score = j->j.v2_score = VDB_NO_SCORE;
	return j;
}

static void set_cvss(struct vdb_builder *b, struct bjvn *j, const char *version, const char *score,
                     const char *vector)
{
	double s = score ? strtod(score, NULL) : -1;

	if (!version || !vector)
		return;
	if (version[0] == '3') {
		j->j.v3_vector = pool_str(&b->pool, vector);
		j->j.v3_score = vdb_tenths(s);
	} else if (version[0] == '2') {
		j->j.v2_vector = pool_str(&b->pool, vector);
		j->j.v2_score = vdb_tenths(s);
	}
}

static int vuldef(struct vdb_builder *b, xmlNode *root, const char *display, struct ms_diags *d)
{
	int errors = 0;

	for (xmlNode *vi = root->children; vi; vi = vi->next) {
		if (!is(vi, "Vulinfo"))
			continue;
		xmlNode *data = child(vi, "VulinfoData");
		uint32_t id = text(b, child(vi, "VulinfoID"));
		uint32_t mod = text(b, child(data, "DateLastUpdated"));
		struct bjvn *j;
		if (!id || !valid_jvndb_id(P(b, id))) {
			bad(d, display, vi, P(b, id), "VulinfoID (JVNDB-YYYY-NNNNNN)");
			errors++;
			continue;
		}
		j = fresh_entry(b, P(b, id), mod ? P(b, mod) : NULL);
		if (!j)
			continue;
		j->j.modified = mod;
		j->j.title = text(b, child(data, "Title"));
		j->j.summary = text(b, child(child(data, "VulinfoDescription"), "Overview"));
		for (xmlNode *c = child(data, "Impact") ? child(data, "Impact")->children : NULL; c;
		     c = c->next) {
			if (!is(c, "Cvss"))
				continue;
			xmlChar *ver = xmlGetProp(c, (const xmlChar *)"version");
			uint32_t base = text(b, child(c, "Base")),
			         vec = text(b, child(c, "Vector"));
			set_cvss(b, j, (const char *)ver, base ? P(b, base) : NULL,
			         vec ? P(b, vec) : NULL);
			xmlFree(ver);
		}
		for (xmlNode *r = child(data, "Related") ? child(data, "Related")->children : NULL;
		     r; r = r->next) {
			if (!is(r, "RelatedItem"))
				continue;
			uint32_t rid = text(b, child(r, "VulinfoID"));
			if (rid && strncmp(P(b, rid), "CVE-", 4) == 0)
				add_cve(b, j, P(b, rid));
		}
		for (xmlNode *a = child(data, "Affected") ? child(data, "Affected")->children
		                                          : NULL;
		     a; a = a->next) {
			const char *vers[32];
			size_t nv = 0;
			uint32_t cpe;
			if (!is(a, "AffectedItem"))
				continue;
			cpe = text(b, child(a, "Cpe"));
			for (xmlNode *v = a->children; v; v = v->next) {
				uint32_t t = is(v, "VersionNumber") ? text(b, v) : 0;
				if (t && nv < 32)
					vers[nv++] = P(b, t);
			}
			if (cpe && add_product(b, j, P(b, cpe), vers, nv)) {
				bad(d, display, a, P(b, cpe), "Cpe (CPE 2.2)");
				errors++;
			}
		}
	}
	return errors;
}

static int jvnrss(struct vdb_builder *b, xmlNode *root, const char *display, struct ms_diags *d)
{
	int errors = 0;

	for (xmlNode *it = root->children; it; it = it->next) {
		if (!is(it, "item"))
			continue;
		uint32_t id = text(b, child(it, "identifier"));
		uint32_t mod = text(b, child(it, "modified"));
		struct bjvn *j;
		if (!id || !valid_jvndb_id(P(b, id))) {
			bad(d, display, it, id ? P(b, id) : NULL,
			    "sec:identifier (JVNDB-YYYY-NNNNNN)");
			errors++;
			continue;
		}
		/* An overview never replaces a detail entry of the same date. */
		j = builder_jvn(b, P(b, id));
		if (j->j.modified && mod && strcmp(P(b, j->j.modified), P(b, mod)) >= 0)
			continue;
		j = fresh_entry(b, P(b, id), mod ? P(b, mod) : NULL);
		j->j.modified = mod;
		j->j.title = text(b, child(it, "title"));
		j->j.summary = text(b, child(it, "description"));
		for (xmlNode *c = it->children; c; c = c->next) {
			if (is(c, "references")) {
				xmlChar *rid = xmlGetProp(c, (const xmlChar *)"id");
				if (rid && strncmp((const char *)rid, "CVE-", 4) == 0)
					add_cve(b, j, (const char *)rid);
				xmlFree(rid);
			} else if (is(c, "cvss")) {
				xmlChar *ver = xmlGetProp(c, (const xmlChar *)"version");
				xmlChar *score = xmlGetProp(c, (const xmlChar *)"score");
				xmlChar *vec = xmlGetProp(c, (const xmlChar *)"vector");
				set_cvss(b, j, (const char *)ver, (const char *)score,
				         (const char *)vec);
				xmlFree(ver);
				xmlFree(score);
				xmlFree(vec);
			} else if (is(c, "cpe")) {
				uint32_t cpe = text(b, c);
				if (cpe && add_product(b, j, P(b, cpe), NULL, 0)) {
					bad(d, display, c, P(b, cpe), "sec:cpe (CPE 2.2)");
					errors++;
				}
			}
		}
	}
	return errors;
}

int jvn_import(struct vdb_builder *b, const char *data, size_t len, const char *display,
               struct ms_diags *d)
{
	xmlDoc *doc;
	xmlNode *root;
	int errors;
	char where[512];

	if (len > INT32_MAX)
		return MS_ERR_INPUT;
	doc = xmlReadMemory(data, (int)len, NULL, NULL,
	                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                            XML_PARSE_HUGE);
	if (!doc || !(root = xmlDocGetRootElement(doc)) || doc->intSubset || doc->extSubset) {
		const xmlError *e = xmlGetLastError();
		snprintf(where, sizeof(where), "%s:%d", display, e ? e->line : 0);
		ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_XML, where, NULL,
		             doc ? "DTD" : (e && e->message ? e->message : "?"));
		xmlFreeDoc(doc);
		return MS_ERR_INPUT;
	}
	if (is(root, "VULDEF-Document")) {
		errors = vuldef(b, root, display, d);
	} else if (is(root, "RDF")) {
		errors = jvnrss(b, root, display, d);
	} else {
		ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_UNKNOWN_FEED, display,
		             (const char *)root->name, NULL);
		errors = 1;
	}
	xmlFreeDoc(doc);
	return errors ? MS_ERR_INPUT : 0;
}
