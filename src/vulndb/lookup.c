/*
 * lookup.c - product and version → vulnerabilities, with how sure each is.
 *
 * Three ways in, most certain first: NVD's analysed criteria under the CPE
 * vendor and product (a version in a range or equal to a listed one is
 * exact); JVN's affected products (its version text, when readable, makes a
 * match rough, else product-level); and, for records NVD has not analysed,
 * the CNA's and KEV's free-text names (product-level). A JVN entry that names
 * a CVE joins that CVE's match rather than standing beside it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medsec/cpe.h"
#include "medsec/mem.h"
#include "medsec/vercmp.h"
#include "vulndb/vdb_int.h"

struct cand {
	int jvn; /* owner is a JVN entry */
	uint32_t owner;
	int conf; /* enum vdb_confidence */
	unsigned reasons;
	const struct icrit *crit;
	const struct iprod *prod; /* the product the criterion is filed under */
};

struct version {
	char core[128];
	int given, backport;
};

/* Does s hold w (any case) followed by a digit ("deb12", "el8", "3ubuntu0")? */
static int has_word(const char *s, const char *w)
{
	size_t n = strlen(w);

	for (; *s; s++)
		if (strncasecmp(s, w, n) == 0 && s[n] >= '0' && s[n] <= '9')
			return 1;
	return 0;
}

/* "9.2p1 Debian-2+deb12u3" → "9.2p1", with the distribution's revision noted. */
static void split_version(const char *raw, struct version *v)
{
	const char *sp;
	size_t n;

	memset(v, 0, sizeof(*v));
	if (!raw)
		return;
	while (*raw == ' ')
		raw++;
	if (!*raw)
		return;
	sp = strchr(raw, ' ');
	n = sp ? (size_t)(sp - raw) : strlen(raw);
	if (n >= sizeof(v->core))
		n = sizeof(v->core) - 1;
	memcpy(v->core, raw, n);
	v->core[n] = '\0';
	v->given = 1;
	if (sp && sp[strspn(sp, " ")])
		v->backport = 1;
	/* dpkg/rpm revisions inside the word: "9.2p1-2+deb12u3", "2.4.37-el8" */
	for (char *p = v->core; *p; p++) {
		if ((*p == '+' || *p == '-') &&
		    (has_word(p + 1, "deb") || has_word(p + 1, "ubuntu") || has_word(p + 1, "el") ||
		     has_word(p + 1, "fc"))) {
			*p = '\0';
			v->backport = 1;
			break;
		}
	}
}

/* Is ver inside the criterion's bounds? */
static int in_range(const struct vdb *db, const struct icrit *c, const char *ver)
{
	if (c->vstart) {
		int k = vercmp(ver, vdb_s(db, c->vstart));
		if (k < 0 || (k == 0 && !(c->flags & CF_START_INCL)))
			return 0;
	}
	if (c->vend) {
		int k = vercmp(ver, vdb_s(db, c->vend));
		if (k > 0 || (k == 0 && !(c->flags & CF_END_INCL)))
			return 0;
	}
	return 1;
}

/*
 * A query by CPE: the criterion's other attributes (part, edition, target
 * software...) must not contradict the query's. What the query leaves ANY
 * agrees with anything (a superset or subset is a candidate, as users of
 * strict NISTIR matching found it misses too much); version and update were
 * judged already.
 */
static int attributes_agree(const struct vdb *db, const struct icrit *c, const struct cpe *q)
{
	struct cpe crit, target;
	unsigned part = (c->flags & CF_PART_MASK) >> CF_PART_SHIFT;

	if (crit_cpe(db, c)) {
		if (cpe_parse(vdb_s(db, crit_cpe(db, c)), &crit) != 0)
			return 1;
	} else {
		memset(&crit, 0, sizeof(crit));
		for (int k = 0; k < CPE__COUNT; k++)
			crit.v[k].kind = CPE_ANY;
		if (part) {
			crit.v[CPE_PART].kind = CPE_STRING;
			crit.v[CPE_PART].s[0] = "?aoh"[part];
		}
	}
	target = *q;
	for (int k = 0; k < CPE__COUNT; k++)
		if (target.v[k].kind == CPE_ANY || k == CPE_VERSION || k == CPE_UPDATE ||
		    k == CPE_VENDOR || k == CPE_PRODUCT)
			target.v[k] = crit.v[k];
	return cpe_matches(&crit, &target);
}

static int on_platform(const struct vdb *db, const struct icrit *c, const char *platform)
{
	const char *p = vdb_s(db, crit_plat(db, c));
	size_t n = strlen(platform);

	while (*p) {
		size_t k = strcspn(p, " ");
		if (k == n && strncasecmp(p, platform, n) == 0)
			return 1;
		p += k;
		p += *p == ' ';
	}
	return 0;
}

/*
 * "wlx222_firmware" runs only on "wlx222": when the required hardware is the
 * firmware's own device, naming the firmware names the platform.
 */
static int platform_implied(const struct vdb *db, const struct icrit *c, const char *product)
{
	size_t n = strlen(product);
	char stem[128];

	if (n <= 9 || n - 9 >= sizeof(stem) || strcmp(product + n - 9, "_firmware") != 0)
		return 0;
	memcpy(stem, product, n - 9);
	stem[n - 9] = '\0';
	return on_platform(db, c, stem);
}

/* The confidence of one criterion for this version, or -1 when it does not apply. */
static int judge(const struct vdb *db, const struct icrit *c, const struct version *v,
                 const char *product, const char *platform, unsigned *why)
{
	int conf;

	*why = 0;
	if (c->flags & CF_JVN) {
		*why = VDB_WHY_JVN_TEXT;
		if (!v->given) {
			*why |= VDB_WHY_NO_VERSION;
			return VDB_CONF_PRODUCT;
		}
		if (!(c->flags & CF_JVN_PARSED))
			return VDB_CONF_PRODUCT;
		if (!c->vstart && !c->vend)
			*why |= VDB_WHY_ALL_VERSIONS;
		else if (!in_range(db, c, v->core))
			return -1;
		if (v->backport)
			*why |= VDB_WHY_BACKPORT;
		return VDB_CONF_ROUGH;
	}
	if (!v->given) {
		*why = VDB_WHY_NO_VERSION;
		return VDB_CONF_PRODUCT;
	}
	if (c->flags & CF_EXACT) {
		if (vercmp(v->core, vdb_s(db, c->vstart)) != 0)
			return -1;
		conf = VDB_CONF_EXACT;
	} else if (!c->vstart && !c->vend) {
		*why |= VDB_WHY_ALL_VERSIONS;
		conf = VDB_CONF_ROUGH;
	} else if (in_range(db, c, v->core)) {
		conf = VDB_CONF_EXACT;
	} else {
		return -1;
	}
	if (c->nplat && !platform_implied(db, c, product)) {
		if (platform && *platform) {
			if (!on_platform(db, c, platform))
				return -1;
		} else {
			*why |= VDB_WHY_PLATFORM;
			conf = VDB_CONF_ROUGH;
		}
	}
	if (v->backport) {
		*why |= VDB_WHY_BACKPORT;
		conf = VDB_CONF_ROUGH;
	}
	return conf;
}

/* CPE-style key: lower case, spaces as underscores. */
static void cpe_key(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; s && *s && n + 1 < size; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == ' ')
			c = '_';
		out[n++] = c;
	}
	out[n] = '\0';
}

static int prod_cmp(const struct vdb *db, const struct iprod *p, const char *vendor,
                    const char *product)
{
	int c = strcmp(vdb_s(db, p->vendor), vendor);
	return c ? c : strcmp(vdb_s(db, p->product), product);
}

/* First entry not before (vendor, product). */
static size_t lower_bound(const struct vdb *db, const struct iprod *t, size_t n, const char *vendor,
                          const char *product)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (prod_cmp(db, &t[mid], vendor, product) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct cands {
	struct cand *v;
	size_t n, cap;
};

static void add(struct cands *cs, const struct cand *c)
{
	if (cs->n == cs->cap) {
		cs->cap = cs->cap ? cs->cap * 2 : 32;
		cs->v = ms_xrealloc(cs->v, cs->cap * sizeof(*cs->v));
	}
	cs->v[cs->n++] = *c;
}

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->jvn != y->jvn)
		return x->jvn - y->jvn;
	if (x->owner != y->owner)
		return x->owner < y->owner ? -1 : 1;
	if (x->conf != y->conf)
		return y->conf - x->conf;
	return (int)__builtin_popcount(x->reasons) - (int)__builtin_popcount(y->reasons);
}

static long find_vuln(const struct vdb *db, const char *id)
{
	size_t lo = 0, hi = db->nvulns;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(vdb_s(db, db->vulns[mid].id), id);
		if (!c)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static long find_owner(const uint32_t *owners, size_t n, uint32_t owner)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (owners[mid] == owner)
			return (long)mid;
		if (owners[mid] < owner)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static double score(int16_t tenths)
{
	return tenths == VDB_NO_SCORE ? -1.0 : tenths / 10.0;
}

/* Appends s to buf at *n (bounded); snprintf is too slow for every match of a lookup. */
static void cat(char *buf, size_t size, size_t *n, const char *s)
{
	size_t k = strlen(s);

	if (*n + k >= size)
		k = size - 1 - *n;
	memcpy(buf + *n, s, k);
	*n += k;
	buf[*n] = '\0';
}

static const char *range_text(const struct vdb *db, const struct icrit *c, struct ms_arena *a)
{
	char buf[300];
	size_t n = 0;

	if (!c || (c->flags & (CF_CNA | CF_KEV)) || (!c->vstart && !c->vend))
		return NULL;
	buf[0] = '\0';
	if (c->flags & CF_EXACT) {
		cat(buf, sizeof(buf), &n, "= ");
		cat(buf, sizeof(buf), &n, vdb_s(db, c->vstart));
	} else {
		if (c->vstart) {
			cat(buf, sizeof(buf), &n, vdb_s(db, c->vstart));
			cat(buf, sizeof(buf), &n, (c->flags & CF_START_INCL) ? " <= " : " < ");
		}
		cat(buf, sizeof(buf), &n, "v");
		if (c->vend) {
			cat(buf, sizeof(buf), &n, (c->flags & CF_END_INCL) ? " <= " : " < ");
			cat(buf, sizeof(buf), &n, vdb_s(db, c->vend));
		}
	}
	return ms_arena_strndup(a, buf, n);
}

static void add_jvndb(struct vdb_match *m, const char *id)
{
	size_t k = 0;

	for (; k < 7 && m->jvndb[k]; k++)
		if (strcmp(m->jvndb[k], id) == 0)
			return;
	if (k < 7)
		m->jvndb[k] = id;
}

static void fill_from_vuln(const struct vdb *db, const struct ivuln *v, struct vdb_match *m)
{
	m->cve = vdb_s(db, v->id);
	m->title = vdb_s(db, v->title);
	m->v3_vector = v->v3_vector ? vdb_s(db, v->v3_vector) : NULL;
	m->v3_score = score(v->v3_score);
	m->v3_computed = score(v->v3_computed);
	m->score_mismatch = (v->flags & VF_MISMATCH) != 0;
	m->v2_vector = v->v2_vector ? vdb_s(db, v->v2_vector) : NULL;
	m->v2_score = score(v->v2_score);
	m->v4_vector = v->v4_vector ? vdb_s(db, v->v4_vector) : NULL;
	m->v4_score = score(v->v4_score);
	m->kev = (v->flags & VF_KEV) != 0;
	m->ransomware = (v->flags & VF_RANSOMWARE) != 0;
	m->status = vdb_s(db, v->status);
	m->published = v->published;
	for (uint32_t k = 0; k < v->jvn_count; k++) {
		const struct ijvn *j = &db->jvns[db->refs[v->jvn_first + k]];
		add_jvndb(m, vdb_s(db, j->id));
		if (j->title) /* the report is in Japanese: JVN's title first */
			m->title = vdb_s(db, j->title);
		if (!m->v3_vector && j->v3_vector) {
			m->v3_vector = vdb_s(db, j->v3_vector);
			m->v3_score = score(j->v3_score);
		}
	}
}

static void fill_from_jvn(const struct vdb *db, const struct ijvn *j, struct vdb_match *m)
{
	m->title = vdb_s(db, j->title);
	m->v3_vector = j->v3_vector ? vdb_s(db, j->v3_vector) : NULL;
	m->v3_score = score(j->v3_score);
	m->v3_computed = -1;
	m->v2_vector = j->v2_vector ? vdb_s(db, j->v2_vector) : NULL;
	m->v2_score = score(j->v2_score);
	m->v4_score = -1;
	m->status = "";
	add_jvndb(m, vdb_s(db, j->id));
}

/* Letters, digits and . _ - only: nothing to escape in a CPE 2.3 formatted string. */
static int plain(const char *s)
{
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '_' || *s == '-' || (*s >= 'A' && *s <= 'Z')))
			return 0;
	return 1;
}

/* The criterion as the feed wrote it: stored, or rebuilt (CF_PART_MASK). */
static const char *criterion_text(const struct vdb *db, const struct cand *c, struct ms_arena *a)
{
	const struct icrit *cr = c->crit;
	unsigned part = (cr->flags & CF_PART_MASK) >> CF_PART_SHIFT;
	struct cpe r;
	char buf[1500];

	if (crit_cpe(db, cr) || !part || !c->prod)
		return vdb_s(db, crit_cpe(db, cr));
	/* Most names need no escaping: print them straight (cpe_format is the slow path). */
	const char *v = vdb_s(db, c->prod->vendor), *p = vdb_s(db, c->prod->product);
	const char *ver = (cr->flags & CF_EXACT) ? vdb_s(db, cr->vstart) : "*";
	if (plain(v) && plain(p) && ((cr->flags & CF_EXACT) ? plain(ver) : 1)) {
		static const char *const head[] = { "", "cpe:2.3:a:", "cpe:2.3:o:", "cpe:2.3:h:" };
		size_t n = 0;
		buf[0] = '\0';
		cat(buf, sizeof(buf), &n, head[part]);
		cat(buf, sizeof(buf), &n, v);
		cat(buf, sizeof(buf), &n, ":");
		cat(buf, sizeof(buf), &n, p);
		cat(buf, sizeof(buf), &n, ":");
		cat(buf, sizeof(buf), &n, ver);
		cat(buf, sizeof(buf), &n, ":*:*:*:*:*:*:*");
		return ms_arena_strndup(a, buf, n);
	}
	memset(&r, 0, sizeof(r));
	for (int k = 0; k < CPE__COUNT; k++)
		r.v[k].kind = CPE_ANY;
	r.v[CPE_PART].kind = r.v[CPE_VENDOR].kind = r.v[CPE_PRODUCT].kind = CPE_STRING;
	r.v[CPE_PART].s[0] = "?aoh"[part];
	snprintf(r.v[CPE_VENDOR].s, sizeof(r.v[CPE_VENDOR].s), "%s", vdb_s(db, c->prod->vendor));
	snprintf(r.v[CPE_PRODUCT].s, sizeof(r.v[CPE_PRODUCT].s), "%s", vdb_s(db, c->prod->product));
	if (cr->flags & CF_EXACT) {
		r.v[CPE_VERSION].kind = CPE_STRING;
		snprintf(r.v[CPE_VERSION].s, sizeof(r.v[CPE_VERSION].s), "%s",
		         vdb_s(db, cr->vstart));
	}
	cpe_format(&r, buf, sizeof(buf));
	return ms_arena_strdup(a, buf);
}

static void set_how(const struct vdb *db, const struct cand *c, struct vdb_match *m,
                    struct ms_arena *a)
{
	m->confidence = (enum vdb_confidence)c->conf;
	m->reasons = c->reasons;
	m->criterion = c->crit ? criterion_text(db, c, a) : NULL;
	m->range = range_text(db, c->crit, a);
	if (m->range && !(c->crit->flags & CF_EXACT)) {
		m->range_start = c->crit->vstart ? vdb_s(db, c->crit->vstart) : NULL;
		m->range_end = c->crit->vend ? vdb_s(db, c->crit->vend) : NULL;
		m->start_incl = (c->crit->flags & CF_START_INCL) != 0;
		m->end_incl = (c->crit->flags & CF_END_INCL) != 0;
		/* "7.2.0 <= v < 7.2.7": 7.2.7 is where it stops applying. */
		m->fixed_in = m->range_end && !m->end_incl ? m->range_end : NULL;
	} else if (m->range) {
		m->range_start = m->range_end = vdb_s(db, c->crit->vstart);
		m->start_incl = m->end_incl = 1;
	}
	m->affected_text = c->crit && crit_vtext(db, c->crit) ? vdb_s(db, crit_vtext(db, c->crit))
	                                                      : NULL;
}

static int cmp_match(const void *a, const void *b)
{
	const struct vdb_match *x = a, *y = b;

	if (x->v3_score != y->v3_score)
		return x->v3_score > y->v3_score ? -1 : 1;
	if (x->kev != y->kev)
		return y->kev - x->kev;
	return strcmp(x->cve ? x->cve : x->jvndb[0], y->cve ? y->cve : y->jvndb[0]);
}

int vdb_lookup(const struct vdb *db, const struct vdb_query *q, struct vdb_matches *out)
{
	char vendor[128], product[128], kv[64], kp[128];
	struct version ver;
	struct cands cs = { 0 };
	struct cand c;
	size_t i, nmatch = 0;
	uint32_t *owners; /* owner of each CVE match, ascending */
	size_t nowners = 0;

	memset(out, 0, sizeof(*out));
	cpe_key(q->vendor, vendor, sizeof(vendor));
	cpe_key(q->product, product, sizeof(product));
	split_version(q->version, &ver);
	if (!*vendor || !*product)
		return 0;

	for (i = lower_bound(db, db->prods, db->nprods, vendor, product);
	     i < db->nprods && prod_cmp(db, &db->prods[i], vendor, product) == 0; i++) {
		for (uint32_t k = 0; k < db->prods[i].count; k++) {
			const struct icrit *cr = &db->crits[db->prods[i].first + k];
			memset(&c, 0, sizeof(c));
			if (q->cpe && !(cr->flags & CF_JVN) && !attributes_agree(db, cr, q->cpe))
				continue;
			c.conf = judge(db, cr, &ver, product, q->platform, &c.reasons);
			if (c.conf < 0)
				continue;
			c.jvn = (cr->flags & CF_JVN) != 0;
			c.owner = cr->owner;
			c.crit = cr;
			c.prod = &db->prods[i];
			add(&cs, &c);
		}
	}
	/* Records NVD has not analysed: the names the CNA and KEV give, loosely. */
	vdb_name_key(vendor, kv, sizeof(kv));
	vdb_name_key(product, kp, sizeof(kp));
	if (*kv && strlen(kp) >= 3) {
		size_t kvn = strlen(kv);
		for (i = lower_bound(db, db->names, db->nnames, kv, "");
		     i < db->nnames && strncmp(vdb_s(db, db->names[i].vendor), kv, kvn) == 0; i++) {
			const char *np = vdb_s(db, db->names[i].product);
			if (!strstr(np, kp) && !strstr(kp, np))
				continue;
			for (uint32_t k = 0; k < db->names[i].count; k++) {
				const struct icrit *cr = &db->crits[db->names[i].first + k];
				memset(&c, 0, sizeof(c));
				c.conf = VDB_CONF_PRODUCT;
				c.reasons = (db->vulns[cr->owner].flags & VF_NVD)
				                    ? VDB_WHY_UNANALYSED
				                    : VDB_WHY_NO_NVD;
				c.reasons |= ver.given ? 0 : VDB_WHY_NO_VERSION;
				c.owner = cr->owner;
				c.crit = cr;
				add(&cs, &c);
			}
		}
	}
	if (!cs.n)
		return 0;
	qsort(cs.v, cs.n, sizeof(*cs.v), cmp_cand);

	out->v = ms_xcalloc(cs.n, sizeof(*out->v));
	owners = ms_xcalloc(cs.n, sizeof(*owners));
	/* CVE records first (best candidate of each), then JVN entries joining them. */
	for (i = 0; i < cs.n; i++) {
		if (cs.v[i].jvn || (i && !cs.v[i - 1].jvn && cs.v[i - 1].owner == cs.v[i].owner))
			continue;
		struct vdb_match *m = &out->v[nmatch];
		fill_from_vuln(db, &db->vulns[cs.v[i].owner], m);
		set_how(db, &cs.v[i], m, &out->arena);
		owners[nowners++] = cs.v[i].owner;
		nmatch++;
	}
	for (i = 0; i < cs.n; i++) {
		if (!cs.v[i].jvn || (i && cs.v[i - 1].jvn && cs.v[i - 1].owner == cs.v[i].owner))
			continue;
		const struct ijvn *j = &db->jvns[cs.v[i].owner];
		int joined = 0;
		for (uint32_t k = 0; k < j->cve_count; k++) {
			const char *id = vdb_s(db, db->refs[j->cve_first + k]);
			long vi = find_vuln(db, id),
			     at = vi >= 0 ? find_owner(owners, nowners, (uint32_t)vi) : -1;
			if (at >= 0) {
				add_jvndb(&out->v[at], vdb_s(db, j->id));
				joined = 1;
			}
		}
		if (joined)
			continue;
		/* Named by JVN only: one match for the entry, under its first CVE if any. */
		if (nmatch == cs.n) {
			out->v = ms_xrealloc(out->v, (nmatch + 1) * sizeof(*out->v));
			memset(&out->v[nmatch], 0, sizeof(*out->v));
		}
		struct vdb_match *m = &out->v[nmatch];
		long vi = j->cve_count ? find_vuln(db, vdb_s(db, db->refs[j->cve_first])) : -1;
		if (vi >= 0)
			fill_from_vuln(db, &db->vulns[vi], m);
		else
			fill_from_jvn(db, j, m);
		if (vi < 0 && j->cve_count)
			m->cve = vdb_s(db, db->refs[j->cve_first]);
		add_jvndb(m, vdb_s(db, j->id));
		set_how(db, &cs.v[i], m, &out->arena);
		nmatch++;
	}
	out->n = nmatch;
	qsort(out->v, out->n, sizeof(*out->v), cmp_match);
	free(owners);
	free(cs.v);
	return 0;
}

void vdb_matches_free(struct vdb_matches *m)
{
	free(m->v);
	ms_arena_dispose(&m->arena);
	memset(m, 0, sizeof(*m));
}

int vdb_query_from_cpe(const char *text, struct cpe *c, char *version, size_t size,
                       struct vdb_query *q)
{
	memset(q, 0, sizeof(*q));
	if (cpe_parse(text, c) != 0 || c->v[CPE_VENDOR].kind != CPE_STRING ||
	    c->v[CPE_PRODUCT].kind != CPE_STRING)
		return -1;
	q->vendor = c->v[CPE_VENDOR].s;
	q->product = c->v[CPE_PRODUCT].s;
	version[0] = '\0';
	if (c->v[CPE_VERSION].kind == CPE_STRING) {
		const struct cpe_value *u = &c->v[CPE_UPDATE];
		snprintf(version, size, "%s%s", c->v[CPE_VERSION].s,
		         u->kind == CPE_STRING ? u->s : "");
		q->version = version;
	}
	if (c->v[CPE_TARGET_HW].kind == CPE_STRING)
		q->platform = c->v[CPE_TARGET_HW].s;
	q->cpe = c;
	return 0;
}
