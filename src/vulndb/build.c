/*
 * build.c - the index builder (vulndb.h): records from the feed readers are
 * merged in memory by id, then laid out as sorted tables and written in one
 * go. Strings are interned as they arrive and re-interned on write, so an
 * index rebuilt many times by incremental imports carries no dead text.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "medsec/text.h"
#include "medsec/clock.h"
#include "medsec/mem.h"
#include "vulndb/vdb_int.h"

#define MAX_FEED_BYTES (2048ull << 20) /* one decompressed feed file */

/* ---- interned strings ---- */

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull; /* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static void pool_grow_slots(struct strpool *p)
{
	size_t n = p->nslots ? p->nslots * 2 : 4096;
	uint32_t *slots = ms_xcalloc(n, sizeof(*slots));

	for (size_t i = 0; i < p->nslots; i++) {
		uint32_t off = p->slots[i];
		if (!off)
			continue;
		size_t j = hash_bytes(p->buf + off, strlen(p->buf + off)) & (n - 1);
		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = off;
	}
	free(p->slots);
	p->slots = slots;
	p->nslots = n;
}

uint32_t pool_add(struct strpool *p, const char *s, size_t n)
{
	size_t j;

	if (!p->buf) { /* offset 0 is "" even in a pool that never gets a string */
		p->cap = 1 << 16;
		p->buf = ms_xmalloc(p->cap);
		p->buf[0] = '\0';
		p->len = 1;
	}
	if (!s || n == 0)
		return 0;
	if ((p->used + 1) * 4 >= p->nslots * 3)
		pool_grow_slots(p);
	j = hash_bytes(s, n) & (p->nslots - 1);
	for (; p->slots[j]; j = (j + 1) & (p->nslots - 1)) {
		const char *t = p->buf + p->slots[j];
		if (strncmp(t, s, n) == 0 && t[n] == '\0')
			return p->slots[j];
	}
	if (memchr(s, '\0', n))
		n = strlen(s);
	while (p->len + n + 1 > p->cap) {
		p->cap *= 2;
		p->buf = ms_xrealloc(p->buf, p->cap);
	}
	if (p->len + n + 1 > UINT32_MAX)
		abort(); /* 4 GiB of distinct text: far beyond any feed */
	uint32_t off = (uint32_t)p->len;
	memcpy(p->buf + p->len, s, n);
	p->buf[p->len + n] = '\0';
	p->len += n + 1;
	p->slots[j] = off;
	p->used++;
	return off;
}

void pool_dispose(struct strpool *p)
{
	free(p->buf);
	free(p->slots);
	memset(p, 0, sizeof(*p));
}

/* ---- id maps ---- */

static long idmap_get(const struct idmap *m, const struct strpool *p, const char *id)
{
	if (!m->n)
		return -1;
	for (size_t j = hash_bytes(id, strlen(id)) & (m->n - 1); m->keys[j];
	     j = (j + 1) & (m->n - 1))
		if (strcmp(p->buf + m->keys[j], id) == 0)
			return m->vals[j];
	return -1;
}

static void idmap_put(struct idmap *m, const struct strpool *p, uint32_t key, uint32_t val)
{
	if ((m->used + 1) * 2 >= m->n) {
		size_t n = m->n ? m->n * 2 : 1024;
		uint32_t *keys = ms_xcalloc(n, sizeof(*keys)), *vals = ms_xcalloc(n, sizeof(*vals));
		for (size_t i = 0; i < m->n; i++) {
			if (!m->keys[i])
				continue;
			const char *s = p->buf + m->keys[i];
			size_t j = hash_bytes(s, strlen(s)) & (n - 1);
			while (keys[j])
				j = (j + 1) & (n - 1);
			keys[j] = m->keys[i];
			vals[j] = m->vals[i];
		}
		free(m->keys);
		free(m->vals);
		m->keys = keys;
		m->vals = vals;
		m->n = n;
	}
	const char *s = p->buf + key;
	size_t j = hash_bytes(s, strlen(s)) & (m->n - 1);
	while (m->keys[j])
		j = (j + 1) & (m->n - 1);
	m->keys[j] = key;
	m->vals[j] = val;
	m->used++;
}

/* ---- records ---- */

struct vdb_builder *vdb_builder_new(void)
{
	return ms_xcalloc(1, sizeof(struct vdb_builder));
}

void vdb_builder_free(struct vdb_builder *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->nvulns; i++)
		free(b->vulns[i].crit);
	for (size_t i = 0; i < b->njvns; i++) {
		free(b->jvns[i].crit);
		free(b->jvns[i].cves);
	}
	free(b->vulns);
	free(b->jvns);
	free(b->firm);
	free(b->vuln_ids.keys);
	free(b->vuln_ids.vals);
	free(b->jvn_ids.keys);
	free(b->jvn_ids.vals);
	pool_dispose(&b->pool);
	free(b);
}

static void init_scores(int16_t *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		s[i] = VDB_NO_SCORE;
}

struct bvuln *builder_vuln(struct vdb_builder *b, const char *id)
{
	long i = idmap_get(&b->vuln_ids, &b->pool, id);
	struct bvuln *v;

	if (i >= 0)
		return &b->vulns[i];
	if (b->nvulns == b->capvulns) {
		b->capvulns = b->capvulns ? b->capvulns * 2 : 1024;
		b->vulns = ms_xrealloc(b->vulns, b->capvulns * sizeof(*b->vulns));
	}
	v = &b->vulns[b->nvulns];
	memset(v, 0, sizeof(*v));
	v->v.id = pool_str(&b->pool, id);
	init_scores(&v->v.v3_score, 4);
	idmap_put(&b->vuln_ids, &b->pool, v->v.id, (uint32_t)b->nvulns);
	b->nvulns++;
	return v;
}

struct bjvn *builder_jvn(struct vdb_builder *b, const char *id)
{
	long i = idmap_get(&b->jvn_ids, &b->pool, id);
	struct bjvn *j;

	if (i >= 0)
		return &b->jvns[i];
	if (b->njvns == b->capjvns) {
		b->capjvns = b->capjvns ? b->capjvns * 2 : 256;
		b->jvns = ms_xrealloc(b->jvns, b->capjvns * sizeof(*b->jvns));
	}
	j = &b->jvns[b->njvns];
	memset(j, 0, sizeof(*j));
	j->j.id = pool_str(&b->pool, id);
	j->j.v3_score = j->j.v2_score = VDB_NO_SCORE;
	idmap_put(&b->jvn_ids, &b->pool, j->j.id, (uint32_t)b->njvns);
	b->njvns++;
	return j;
}

struct bcrit *bcrit_push(struct bcrit **v, uint32_t *n, uint32_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*v = ms_xrealloc(*v, *cap * sizeof(**v));
	}
	memset(&(*v)[*n], 0, sizeof(**v));
	return &(*v)[(*n)++];
}

uint32_t vdb_date_key(const char *s)
{
	const char *p = s;
	int y, m, d;

	/* YYYY-MM-DD, and whatever time follows. */
	if (!(p = ms_read_digits(p, 4, 4, &y)) || *p++ != '-' ||
	    !(p = ms_read_digits(p, 2, 2, &m)) || *p++ != '-' || !ms_read_digits(p, 2, 2, &d) ||
	    y < 1970 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	return (uint32_t)(y * 10000 + m * 100 + d);
}

int16_t vdb_tenths(double score)
{
	if (!(score >= 0.0 && score <= 10.0))
		return VDB_NO_SCORE;
	return (int16_t)(score * 10.0 + 0.5);
}

void vdb_name_key(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; s && *s && n + 1 < size; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			out[n++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			out[n++] = (char)c;
	}
	out[n] = '\0';
}

/* ---- reading a feed file ---- */

/* Reads path whole, gunzipping when it is gzip (zlib reads plain files as they are). */
static int read_feed(const char *path, const char *display, char **out, size_t *len,
                     struct ms_error *err)
{
	gzFile f = gzopen(path, "rb");
	size_t cap = 1 << 20, n = 0;
	char *buf;

	if (!f)
		return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, display, strerror(errno));
	gzbuffer(f, 1 << 17);
	buf = ms_xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap >= MAX_FEED_BYTES) {
				gzclose(f);
				free(buf);
				return ms_fail(err, MS_ERR_INPUT, MSG_INPUT_TOO_LARGE, display,
				               NULL);
			}
			cap *= 2;
			buf = ms_xrealloc(buf, cap + 1);
		}
		size_t want = cap - n > (1u << 30) ? (1u << 30) : cap - n;
		int got = gzread(f, buf + n, (unsigned)want);
		if (got < 0) {
			int code;
			const char *msg = gzerror(f, &code);
			char what[256];
			snprintf(what, sizeof(what), "gzip: %s", msg ? msg : "?");
			gzclose(f);
			free(buf);
			return ms_fail(err, MS_ERR_INPUT, MSG_VDB_BAD_FEED, display, what);
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	gzclose(f);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int vdb_import_buffer(struct vdb_builder *b, const void *data, size_t len, const char *display,
                      struct ms_diags *d)
{
	const char *p = data, *end = p + len;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p < end && *p == '<')
		return jvn_import(b, data, len, display, d);
	if (p < end && *p == '{') {
		/* A page or feed holds "vulnerabilities"; one record starts with its id. */
		const char *q = p + 1;
		while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
			q++;
		if ((size_t)(end - q) > 24 && memcmp(q, "\"medsec_firmware_latest\"", 24) == 0)
			return firmware_import(b, data, len, display, d);
		if ((size_t)(end - q) > 5 && memcmp(q, "\"id\"", 4) == 0)
			return nvd_import_cve_object(b, data, len, display, d);
		return nvd_import_stream(b, data, len, display, d);
	}
	ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_UNKNOWN_FEED, display, NULL, NULL);
	return MS_ERR_INPUT;
}

int vdb_import_file(struct vdb_builder *b, const char *path, const char *display,
                    struct ms_diags *diags, struct ms_error *err)
{
	char *data;
	size_t len;
	int rc = read_feed(path, display, &data, &len, err);

	if (rc)
		return rc;
	rc = vdb_import_buffer(b, data, len, display, diags);
	free(data);
	return rc;
}

/* ---- writing ---- */

struct out {
	struct strpool pool;        /* the file's strings */
	const struct strpool *from; /* the builder's */
};

static uint32_t S(struct out *o, uint32_t off)
{
	return off ? pool_str(&o->pool, o->from->buf + off) : 0;
}

/* One criterion on its way to the file: where it sorts and what it becomes. */
struct wcrit {
	uint32_t vendor, product; /* sort keys: offsets in the builder's pool */
	uint32_t owner;           /* final table index */
	const struct bcrit *c;
};

/* The pool the qsort comparators read (qsort passes no context; set just before sorting). */
static const struct strpool *sort_pool;

static int cmp_vuln(const void *a, const void *b)
{
	const struct bvuln *x = *(const struct bvuln *const *)a,
	                   *y = *(const struct bvuln *const *)b;
	return strcmp(sort_pool->buf + x->v.id, sort_pool->buf + y->v.id);
}

static int cmp_firm(const void *a, const void *b)
{
	const struct ifirm *x = a, *y = b;
	int c = strcmp(sort_pool->buf + x->maker_key, sort_pool->buf + y->maker_key);

	return c ? c : strcmp(sort_pool->buf + x->model_key, sort_pool->buf + y->model_key);
}

static int cmp_jvn(const void *a, const void *b)
{
	const struct bjvn *x = *(const struct bjvn *const *)a, *y = *(const struct bjvn *const *)b;
	return strcmp(sort_pool->buf + x->j.id, sort_pool->buf + y->j.id);
}

static const char *wvendor(const struct wcrit *w)
{
	return sort_pool->buf + w->vendor;
}

static const char *wproduct(const struct wcrit *w)
{
	return sort_pool->buf + w->product;
}

static int cmp_wcrit(const void *a, const void *b)
{
	const struct wcrit *x = a, *y = b;
	int c = strcmp(wvendor(x), wvendor(y));

	if (!c)
		c = strcmp(wproduct(x), wproduct(y));
	if (!c)
		c = (x->owner > y->owner) - (x->owner < y->owner);
	return c;
}

struct growbuf {
	unsigned char *p;
	size_t len, cap;
};

static void gb_put(struct growbuf *g, const void *data, size_t n)
{
	if (!n)
		return;
	if (g->len + n > g->cap) {
		while (g->len + n > g->cap)
			g->cap = g->cap ? g->cap * 2 : 1 << 16;
		g->p = ms_xrealloc(g->p, g->cap);
	}
	memcpy(g->p + g->len, data, n);
	g->len += n;
}

/* Emits sorted criteria as product entries plus the criteria themselves. */
static void emit_products(struct out *o, struct wcrit *w, size_t n, struct growbuf *prods,
                          struct growbuf *crits, struct growbuf *xtras, size_t *ncrit)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		struct iprod p = { 0 };

		while (j < n && strcmp(wvendor(&w[j]), wvendor(&w[i])) == 0 &&
		       strcmp(wproduct(&w[j]), wproduct(&w[i])) == 0)
			j++;
		p.vendor = pool_str(&o->pool, wvendor(&w[i]));
		p.product = pool_str(&o->pool, wproduct(&w[i]));
		p.first = (uint32_t)*ncrit;
		p.count = (uint32_t)(j - i);
		gb_put(prods, &p, sizeof(p));
		for (size_t k = i; k < j; k++) {
			const struct crit *b = &w[k].c->c;
			struct icrit c = { .owner = w[k].owner,
				           .vstart = S(o, b->vstart),
				           .vend = S(o, b->vend),
				           .nplat = b->nplat,
				           .flags = b->flags };
			if (b->cpe || b->vtext || b->plat) {
				struct ixtra x = { S(o, b->cpe), S(o, b->vtext), S(o, b->plat) };
				gb_put(xtras, &x, sizeof(x));
				c.extra = (uint32_t)(xtras->len / sizeof(x));
			}
			gb_put(crits, &c, sizeof(c));
			(*ncrit)++;
		}
		i = j;
	}
}

static uint32_t today_key(void)
{
	char now[32];

	ms_now_iso(now); /* MEDSEC_NOW fixes it, so tests get the same bytes */
	return vdb_date_key(now);
}

static int write_all(int fd, const void *p, size_t n)
{
	const char *c = p;

	while (n) {
		ssize_t w = write(fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Name criteria for records NVD has not analysed: the CNA's and KEV's names. */
static struct bcrit *name_crits(const struct bvuln *v, size_t *n)
{
	struct bcrit *out = ms_xcalloc(2, sizeof(*out));

	*n = 0;
	if (v->v.flags & VF_CONFIG)
		return out;
	if (v->v.cna_vendor && v->v.cna_product) {
		out[*n].c.cpe = v->v.cna_product;
		out[*n].c.vtext = v->v.cna_text;
		out[*n].c.flags = CF_CNA;
		out[*n].vendor = v->v.cna_vendor;
		out[*n].product = v->v.cna_product;
		(*n)++;
	}
	if (v->v.kev_vendor && v->v.kev_product) {
		out[*n].c.cpe = v->v.kev_product;
		out[*n].c.flags = CF_KEV;
		out[*n].vendor = v->v.kev_vendor;
		out[*n].product = v->v.kev_product;
		(*n)++;
	}
	return out;
}

/* Builds every section of the file and its header (checksum included); frees its temporaries. */
static void layout(struct vdb_builder *b, struct growbuf sec[SEC__COUNT],
                   struct vdb_file_header *hp)
{
	struct out o = { .from = &b->pool };
	struct bvuln **vs = ms_xcalloc(b->nvulns + 1, sizeof(*vs));
	struct bjvn **js = ms_xcalloc(b->njvns + 1, sizeof(*js));
	uint32_t *vrank = ms_xcalloc(b->nvulns + 1, sizeof(*vrank));
	uint32_t *jrank = ms_xcalloc(b->njvns + 1, sizeof(*jrank));
	struct wcrit *w = NULL, *nw = NULL;
	size_t nw_n = 0, w_n = 0, w_cap = 0, ncrit = 0;
	struct bcrit **name_store = ms_xcalloc(b->nvulns + 1, sizeof(*name_store));
	struct imeta meta = { 0 };
	uint32_t **vjvn = ms_xcalloc(b->nvulns + 1, sizeof(*vjvn));
	uint32_t *vjvn_n = ms_xcalloc(b->nvulns + 1, sizeof(*vjvn_n));
	char newest_nvd[32] = "", newest_jvn[32] = "";

	pool_add(&o.pool, "", 0);
	for (size_t i = 0; i < b->nvulns; i++)
		vs[i] = &b->vulns[i];
	for (size_t i = 0; i < b->njvns; i++)
		js[i] = &b->jvns[i];
	sort_pool = &b->pool;
	qsort(vs, b->nvulns, sizeof(*vs), cmp_vuln);
	qsort(js, b->njvns, sizeof(*js), cmp_jvn);
	for (size_t i = 0; i < b->nvulns; i++)
		vrank[vs[i] - b->vulns] = (uint32_t)i;
	for (size_t i = 0; i < b->njvns; i++)
		jrank[js[i] - b->jvns] = (uint32_t)i;

	/* Criteria under their CPE products, and name criteria under normalised names. */
	for (size_t i = 0; i < b->nvulns + b->njvns; i++) {
		const struct bcrit *c;
		uint32_t n, owner;
		if (i < b->nvulns) {
			c = b->vulns[i].crit;
			n = b->vulns[i].ncrit;
			owner = vrank[i];
		} else {
			c = b->jvns[i - b->nvulns].crit;
			n = b->jvns[i - b->nvulns].ncrit;
			owner = jrank[i - b->nvulns];
		}
		for (uint32_t k = 0; k < n; k++) {
			if (w_n == w_cap) {
				w_cap = w_cap ? w_cap * 2 : 4096;
				w = ms_xrealloc(w, w_cap * sizeof(*w));
			}
			w[w_n].vendor = c[k].vendor;
			w[w_n].product = c[k].product;
			w[w_n].owner = owner;
			w[w_n].c = &c[k];
			w_n++;
		}
	}
	if (w_n) /* qsort(NULL, 0) is undefined */
		qsort(w, w_n, sizeof(*w), cmp_wcrit);
	emit_products(&o, w, w_n, &sec[SEC_PROD], &sec[SEC_CRIT], &sec[SEC_XTRA], &ncrit);

	nw = ms_xcalloc(2 * b->nvulns + 1, sizeof(*nw));
	for (size_t i = 0; i < b->nvulns; i++) {
		size_t n;
		name_store[i] = name_crits(&b->vulns[i], &n);
		for (size_t k = 0; k < n; k++) {
			struct wcrit *x = &nw[nw_n++];
			char key[128];
			/* Normalised names, interned (the pool may move: offsets only). */
			vdb_name_key(b->pool.buf + name_store[i][k].vendor, key, sizeof(key));
			x->vendor = pool_str(&b->pool, key);
			vdb_name_key(b->pool.buf + name_store[i][k].product, key, sizeof(key));
			x->product = pool_str(&b->pool, key);
			x->owner = vrank[i];
			x->c = &name_store[i][k];
		}
	}
	sort_pool = &b->pool;
	if (nw_n)
		qsort(nw, nw_n, sizeof(*nw), cmp_wcrit);
	emit_products(&o, nw, nw_n, &sec[SEC_NAME], &sec[SEC_CRIT], &sec[SEC_XTRA], &ncrit);

	/* JVN entries, and the CVE → JVN references they imply. */
	for (size_t i = 0; i < b->njvns; i++) {
		const struct bjvn *j = js[i];
		struct ijvn x = j->j;
		x.id = S(&o, x.id);
		x.title = S(&o, x.title);
		x.summary = S(&o, x.summary);
		x.modified = S(&o, x.modified);
		x.v3_vector = S(&o, x.v3_vector);
		x.v2_vector = S(&o, x.v2_vector);
		x.cve_first = (uint32_t)(sec[SEC_REF].len / 4);
		x.cve_count = j->ncves;
		for (uint32_t k = 0; k < j->ncves; k++) {
			uint32_t s = S(&o, j->cves[k]);
			long vi = idmap_get(&b->vuln_ids, &b->pool, b->pool.buf + j->cves[k]);
			gb_put(&sec[SEC_REF], &s, 4);
			if (vi >= 0) {
				vjvn[vi] = ms_xrealloc(vjvn[vi],
				                       (vjvn_n[vi] + 1) * sizeof(uint32_t));
				vjvn[vi][vjvn_n[vi]++] = (uint32_t)i;
			}
		}
		if (j->j.modified && strcmp(b->pool.buf + j->j.modified, newest_jvn) > 0)
			snprintf(newest_jvn, sizeof(newest_jvn), "%s", b->pool.buf + j->j.modified);
		gb_put(&sec[SEC_JVN], &x, sizeof(x));
	}

	for (size_t i = 0; i < b->nvulns; i++) {
		const struct bvuln *v = vs[i];
		size_t vi = (size_t)(v - b->vulns);
		struct ivuln x = v->v;
		x.id = S(&o, x.id);
		x.title = S(&o, x.title);
		x.status = S(&o, x.status);
		x.modified = S(&o, x.modified);
		x.v3_vector = S(&o, x.v3_vector);
		x.v2_vector = S(&o, x.v2_vector);
		x.v4_vector = S(&o, x.v4_vector);
		x.cna_vendor = S(&o, x.cna_vendor);
		x.cna_product = S(&o, x.cna_product);
		x.cna_text = S(&o, x.cna_text);
		x.kev_vendor = S(&o, x.kev_vendor);
		x.kev_product = S(&o, x.kev_product);
		x.jvn_first = (uint32_t)(sec[SEC_REF].len / 4);
		x.jvn_count = vjvn_n[vi];
		gb_put(&sec[SEC_REF], vjvn[vi], vjvn_n[vi] * sizeof(uint32_t));
		gb_put(&sec[SEC_VULN], &x, sizeof(x));
		if (v->v.flags & VF_NVD) {
			meta.records[VDB_SRC_NVD]++;
			if (!(v->v.flags & VF_CONFIG))
				meta.unanalysed++;
			if (v->v.modified && strcmp(b->pool.buf + v->v.modified, newest_nvd) > 0)
				snprintf(newest_nvd, sizeof(newest_nvd), "%s",
				         b->pool.buf + v->v.modified);
		}
		if (v->v.flags & VF_KEV)
			meta.records[VDB_SRC_KEV]++;
		if (v->v.flags & VF_MISMATCH)
			meta.mismatches++;
	}
	meta.records[VDB_SRC_JVN] = (uint32_t)b->njvns;
	meta.newest[VDB_SRC_NVD] = pool_str(&o.pool, newest_nvd);
	meta.newest[VDB_SRC_JVN] = pool_str(&o.pool, newest_jvn);
	meta.newest[VDB_SRC_KEV] = pool_str(&o.pool, b->kev_version);
	if (b->nfirm)
		qsort(b->firm, b->nfirm, sizeof(*b->firm), cmp_firm);
	for (size_t i = 0; i < b->nfirm; i++) {
		const struct ifirm *f = &b->firm[i];
		struct ifirm x = { S(&o, f->maker_key), S(&o, f->model_key), S(&o, f->maker),
			           S(&o, f->model),     S(&o, f->version),   S(&o, f->date),
			           S(&o, f->source) };
		gb_put(&sec[SEC_FIRM], &x, sizeof(x));
	}
	gb_put(&sec[SEC_META], &meta, sizeof(meta));
	gb_put(&sec[SEC_STR], o.pool.buf, o.pool.len);

	/* Lay out: header, then each section on an 8-byte boundary (zeros between). */
	static const unsigned char zeros[8];
	struct vdb_file_header h = { .format = VDB_FORMAT,
		                     .endian = VDB_ENDIAN,
		                     .built = today_key() };
	uint64_t off = sizeof(h);
	uLong crc = crc32(0L, Z_NULL, 0);

	memcpy(h.magic, VDB_MAGIC, 8);
	for (int s = 0; s < SEC__COUNT; s++) {
		uint64_t start = (off + 7) & ~7ull;
		crc = crc32_z(crc, zeros, (size_t)(start - off));
		if (sec[s].len)
			crc = crc32_z(crc, sec[s].p, sec[s].len);
		h.sec[s].offset = start;
		h.sec[s].size = sec[s].len;
		off = start + sec[s].len;
	}
	h.file_size = off;
	h.crc = (uint32_t)crc;
	*hp = h;

	for (size_t i = 0; i < b->nvulns; i++) {
		free(name_store[i]);
		free(vjvn[i]);
	}
	free(name_store);
	free(vjvn);
	free(vjvn_n);
	free(w);
	free(nw);
	free(vs);
	free(js);
	free(vrank);
	free(jrank);
	pool_dispose(&o.pool);
}

void vdb_builder_serialize(struct vdb_builder *b, unsigned char **out, size_t *len)
{
	struct growbuf sec[SEC__COUNT] = { 0 };
	struct vdb_file_header h;

	layout(b, sec, &h);
	*out = ms_xcalloc(1, (size_t)h.file_size);
	*len = (size_t)h.file_size;
	memcpy(*out, &h, sizeof(h));
	for (int s = 0; s < SEC__COUNT; s++) {
		if (sec[s].len)
			memcpy(*out + h.sec[s].offset, sec[s].p, sec[s].len);
		free(sec[s].p);
	}
}

/* Streams the sections out, freeing each once written (no second copy of the index). */
static int write_sections(int fd, const struct vdb_file_header *h, struct growbuf sec[SEC__COUNT])
{
	static const unsigned char zeros[8];
	uint64_t pos = sizeof(*h);
	int bad = write_all(fd, h, sizeof(*h));

	for (int s = 0; s < SEC__COUNT; s++) {
		if (!bad)
			bad = write_all(fd, zeros, (size_t)(h->sec[s].offset - pos)) ||
			      (sec[s].len && write_all(fd, sec[s].p, sec[s].len));
		pos = h->sec[s].offset + sec[s].len;
		free(sec[s].p);
		sec[s].p = NULL;
	}
	return bad;
}

int vdb_builder_write(struct vdb_builder *b, const char *path, struct ms_error *err)
{
	struct growbuf sec[SEC__COUNT] = { 0 };
	struct vdb_file_header h;
	char *tmp = ms_xasprintf("%s.tmp.%ld", path, (long)getpid());
	int fd, rc = 0;

	layout(b, sec, &h);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		for (int s = 0; s < SEC__COUNT; s++)
			free(sec[s].p);
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, strerror(errno));
	} else if (write_sections(fd, &h, sec) != 0 || fsync(fd) != 0) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, strerror(errno));
		close(fd);
		unlink(tmp);
	} else if (close(fd) != 0 || rename(tmp, path) != 0) {
		rc = ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* ---- merging an existing index back in ---- */

static uint32_t L(struct vdb_builder *b, const struct vdb *db, uint32_t off)
{
	return off ? pool_str(&b->pool, vdb_s(db, off)) : 0;
}

static void load_crit(struct vdb_builder *b, const struct vdb *db, const struct iprod *p,
                      const struct icrit *c, struct bcrit *out)
{
	out->vendor = L(b, db, p->vendor);
	out->product = L(b, db, p->product);
	memset(&out->c, 0, sizeof(out->c));
	out->c.flags = c->flags;
	out->c.nplat = c->nplat;
	out->c.cpe = L(b, db, crit_cpe(db, c));
	out->c.vstart = L(b, db, c->vstart);
	out->c.vend = L(b, db, c->vend);
	out->c.vtext = L(b, db, crit_vtext(db, c));
	out->c.plat = L(b, db, crit_plat(db, c));
}

void vdb_builder_load(struct vdb_builder *b, const struct vdb *db)
{
	/* Indexes, not pointers: the builder's tables move as they grow. */
	size_t *vmap = ms_xcalloc(db->nvulns + 1, sizeof(*vmap));
	size_t *jmap = ms_xcalloc(db->njvns + 1, sizeof(*jmap));

	for (size_t i = 0; i < db->nvulns; i++) {
		const struct ivuln *x = &db->vulns[i];
		struct bvuln *v = builder_vuln(b, vdb_s(db, x->id));
		free(v->crit);
		v->crit = NULL;
		v->ncrit = v->capcrit = 0;
		v->v = *x;
		v->v.id = L(b, db, x->id);
		v->v.title = L(b, db, x->title);
		v->v.status = L(b, db, x->status);
		v->v.modified = L(b, db, x->modified);
		v->v.v3_vector = L(b, db, x->v3_vector);
		v->v.v2_vector = L(b, db, x->v2_vector);
		v->v.v4_vector = L(b, db, x->v4_vector);
		v->v.cna_vendor = L(b, db, x->cna_vendor);
		v->v.cna_product = L(b, db, x->cna_product);
		v->v.cna_text = L(b, db, x->cna_text);
		v->v.kev_vendor = L(b, db, x->kev_vendor);
		v->v.kev_product = L(b, db, x->kev_product);
		v->v.jvn_first = v->v.jvn_count = 0;
		vmap[i] = (size_t)(v - b->vulns);
	}
	for (size_t i = 0; i < db->njvns; i++) {
		const struct ijvn *x = &db->jvns[i];
		struct bjvn *j = builder_jvn(b, vdb_s(db, x->id));
		j->j = *x;
		j->j.id = L(b, db, x->id);
		j->j.title = L(b, db, x->title);
		j->j.summary = L(b, db, x->summary);
		j->j.modified = L(b, db, x->modified);
		j->j.v3_vector = L(b, db, x->v3_vector);
		j->j.v2_vector = L(b, db, x->v2_vector);
		free(j->cves);
		j->cves = ms_xcalloc(x->cve_count + 1, sizeof(uint32_t));
		j->ncves = x->cve_count;
		for (uint32_t k = 0; k < x->cve_count; k++)
			j->cves[k] = L(b, db, db->refs[x->cve_first + k]);
		free(j->crit);
		j->crit = NULL;
		j->ncrit = j->capcrit = 0;
		jmap[i] = (size_t)(j - b->jvns);
	}
	/* Derived name criteria (SEC_NAME) are rebuilt on write, not loaded. */
	for (size_t p = 0; p < db->nprods; p++) {
		const struct iprod *pr = &db->prods[p];
		for (uint32_t k = 0; k < pr->count; k++) {
			const struct icrit *c = &db->crits[pr->first + k];
			struct bcrit *out;
			if (c->flags & CF_JVN) {
				struct bjvn *j = &b->jvns[jmap[c->owner]];
				out = bcrit_push(&j->crit, &j->ncrit, &j->capcrit);
			} else {
				struct bvuln *v = &b->vulns[vmap[c->owner]];
				out = bcrit_push(&v->crit, &v->ncrit, &v->capcrit);
			}
			load_crit(b, db, pr, c, out);
		}
	}
	for (size_t i = 0; i < db->nfirms; i++) {
		const struct ifirm *f = &db->firms[i];
		if (b->nfirm == b->capfirm) {
			b->capfirm = b->capfirm ? b->capfirm * 2 : 64;
			b->firm = ms_xrealloc(b->firm, b->capfirm * sizeof(*b->firm));
		}
		b->firm[b->nfirm++] = (struct ifirm){
			L(b, db, f->maker_key), L(b, db, f->model_key), L(b, db, f->maker),
			L(b, db, f->model),     L(b, db, f->version),   L(b, db, f->date),
			L(b, db, f->source)
		};
	}
	if (db->meta->newest[VDB_SRC_KEV])
		snprintf(b->kev_version, sizeof(b->kev_version), "%s",
		         vdb_s(db, db->meta->newest[VDB_SRC_KEV]));
	free(vmap);
	free(jmap);
}
