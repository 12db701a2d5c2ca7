/*
 * vulndb_bench.c - lookups in the medsec index beside the same data in an
 * SQLite table, the way go-cve-dictionary serves Vuls: rows of (cve, vendor,
 * product, version bounds) indexed by vendor and product, versions compared
 * in the program, details fetched per CVE. Both answer the same queries; the
 * counts must agree for the NVD criteria, or the run fails.
 *
 * Usage: vulndb_bench INDEX QUERIES.tsv SQLITE_DB
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "medsec/vercmp.h"
#include "medsec/vulndb.h"
#include "vulndb/vdb_int.h"

struct q {
	char vendor[128], product[128], version[64];
};

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double pct(double *v, size_t n, double p)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return v[(size_t)(p * (double)(n - 1))];
}

static void die(const char *what, sqlite3 *db)
{
	fprintf(stderr, "vulndb_bench: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(1);
}

/* The NVD criteria of the index as rows, as a feed importer would store them. */
static double build_sqlite(const struct vdb *db, const char *path)
{
	sqlite3 *s;
	sqlite3_stmt *ic, *im;
	double t0 = now_us();

	remove(path);
	if (sqlite3_open(path, &s) != SQLITE_OK)
		die("open", s);
	sqlite3_exec(
	        s,
	        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;"
	        "CREATE TABLE cve (id TEXT PRIMARY KEY, title TEXT, v3_vector TEXT, v3_score REAL,"
	        " kev INTEGER, ransomware INTEGER);"
	        "CREATE TABLE cpe_match (cve_id TEXT, vendor TEXT, product TEXT, version_start TEXT,"
	        " start_incl INTEGER, version_end TEXT, end_incl INTEGER, exact INTEGER);"
	        "BEGIN;",
	        NULL, NULL, NULL);
	if (sqlite3_prepare_v2(s, "INSERT INTO cve VALUES (?,?,?,?,?,?)", -1, &ic, NULL) ||
	    sqlite3_prepare_v2(s, "INSERT INTO cpe_match VALUES (?,?,?,?,?,?,?,?)", -1, &im, NULL))
		die("prepare", s);
	for (size_t i = 0; i < db->nvulns; i++) {
		const struct ivuln *v = &db->vulns[i];
		sqlite3_bind_text(ic, 1, vdb_s(db, v->id), -1, SQLITE_STATIC);
		sqlite3_bind_text(ic, 2, vdb_s(db, v->title), -1, SQLITE_STATIC);
		sqlite3_bind_text(ic, 3, vdb_s(db, v->v3_vector), -1, SQLITE_STATIC);
		sqlite3_bind_double(ic, 4, v->v3_score / 10.0);
		sqlite3_bind_int(ic, 5, (v->flags & VF_KEV) != 0);
		sqlite3_bind_int(ic, 6, (v->flags & VF_RANSOMWARE) != 0);
		if (sqlite3_step(ic) != SQLITE_DONE)
			die("insert cve", s);
		sqlite3_reset(ic);
	}
	for (size_t p = 0; p < db->nprods; p++) {
		for (uint32_t k = 0; k < db->prods[p].count; k++) {
			const struct icrit *c = &db->crits[db->prods[p].first + k];
			if (c->flags & CF_JVN)
				continue;
			sqlite3_bind_text(im, 1, vdb_s(db, db->vulns[c->owner].id), -1,
			                  SQLITE_STATIC);
			sqlite3_bind_text(im, 2, vdb_s(db, db->prods[p].vendor), -1, SQLITE_STATIC);
			sqlite3_bind_text(im, 3, vdb_s(db, db->prods[p].product), -1,
			                  SQLITE_STATIC);
			sqlite3_bind_text(im, 4, vdb_s(db, c->vstart), -1, SQLITE_STATIC);
			sqlite3_bind_int(im, 5, (c->flags & CF_START_INCL) != 0);
			sqlite3_bind_text(im, 6, vdb_s(db, c->vend), -1, SQLITE_STATIC);
			sqlite3_bind_int(im, 7, (c->flags & CF_END_INCL) != 0);
			sqlite3_bind_int(im, 8, (c->flags & CF_EXACT) != 0);
			if (sqlite3_step(im) != SQLITE_DONE)
				die("insert cpe_match", s);
			sqlite3_reset(im);
		}
	}
	sqlite3_exec(s, "COMMIT; CREATE INDEX cpe_vp ON cpe_match (vendor, product);", NULL, NULL,
	             NULL);
	sqlite3_finalize(ic);
	sqlite3_finalize(im);
	sqlite3_close(s);
	return (now_us() - t0) / 1e6;
}

static int in_range(const unsigned char *vs, int si, const unsigned char *ve, int ei, int exact,
                    const char *ver)
{
	if (exact)
		return vercmp(ver, (const char *)vs) == 0;
	if (vs && *vs) {
		int k = vercmp(ver, (const char *)vs);
		if (k < 0 || (k == 0 && !si))
			return 0;
	}
	if (ve && *ve) {
		int k = vercmp(ver, (const char *)ve);
		if (k > 0 || (k == 0 && !ei))
			return 0;
	}
	return 1;
}

int main(int argc, char **argv)
{
	struct vdb *db;
	struct ms_error err;
	struct q *qs = NULL;
	size_t n = 0, cap = 0;
	char line[512];
	FILE *f;
	double *tm, *ts, build_s;
	size_t hits_m = 0, hits_s = 0, mismatched = 0;
	sqlite3 *s;
	sqlite3_stmt *sel, *det;

	if (argc != 4) {
		fprintf(stderr, "usage: vulndb_bench INDEX QUERIES.tsv SQLITE_DB\n");
		return 2;
	}
	if (vdb_open(argv[1], &db, &err)) {
		fprintf(stderr, "vulndb_bench: %s: cannot open (%s)\n", argv[1], err.arg);
		return 1;
	}
	if (!(f = fopen(argv[2], "r")))
		return 1;
	while (fgets(line, sizeof(line), f)) {
		struct q q;
		if (sscanf(line, "%127[^\t]\t%127[^\t]\t%63[^\n]", q.vendor, q.product,
		           q.version) != 3)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 1024;
			qs = realloc(qs, cap * sizeof(*qs));
		}
		qs[n++] = q;
	}
	fclose(f);
	tm = calloc(n, sizeof(double));
	ts = calloc(n, sizeof(double));
	build_s = build_sqlite(db, argv[3]);

	if (sqlite3_open_v2(argv[3], &s, SQLITE_OPEN_READONLY, NULL) ||
	    sqlite3_prepare_v2(
	            s,
	            "SELECT cve_id, version_start, start_incl, version_end, end_incl, exact "
	            "FROM cpe_match WHERE vendor = ? AND product = ?",
	            -1, &sel, NULL) ||
	    sqlite3_prepare_v2(
	            s, "SELECT title, v3_vector, v3_score, kev, ransomware FROM cve WHERE id = ?",
	            -1, &det, NULL))
		die("prepare", s);
	/* Warm both: the page cache and SQLite's own. */
	for (size_t r = 0; r < 2; r++) {
		for (size_t i = 0; i < n; i++) {
			struct vdb_query q = { .vendor = qs[i].vendor,
				               .product = qs[i].product,
				               .version = qs[i].version };
			struct vdb_matches m;
			size_t exact = 0, sq = 0;
			double t0 = now_us();
			vdb_lookup(db, &q, &m);
			tm[i] = now_us() - t0;
			/* What NVD's criteria gave (not JVN's or the names'): SQLite must agree. */
			for (size_t k = 0; k < m.n; k++)
				exact += m.v[k].cve && m.v[k].confidence != VDB_CONF_PRODUCT &&
				         !(m.v[k].reasons & VDB_WHY_JVN_TEXT);
			vdb_matches_free(&m);

			/* SQLite: rows of the product, versions compared here, one CVE counted once. */
			char last[32] = "";
			t0 = now_us();
			sqlite3_bind_text(sel, 1, qs[i].vendor, -1, SQLITE_STATIC);
			sqlite3_bind_text(sel, 2, qs[i].product, -1, SQLITE_STATIC);
			while (sqlite3_step(sel) == SQLITE_ROW) {
				const char *id = (const char *)sqlite3_column_text(sel, 0);
				if (!in_range(
				            sqlite3_column_text(sel, 1), sqlite3_column_int(sel, 2),
				            sqlite3_column_text(sel, 3), sqlite3_column_int(sel, 4),
				            sqlite3_column_int(sel, 5), qs[i].version) ||
				    strcmp(id, last) == 0)
					continue;
				snprintf(last, sizeof(last), "%s", id);
				sqlite3_bind_text(det, 1, id, -1, SQLITE_TRANSIENT);
				if (sqlite3_step(det) == SQLITE_ROW)
					sq++;
				sqlite3_reset(det);
			}
			sqlite3_reset(sel);
			ts[i] = now_us() - t0;
			if (r == 1) {
				hits_m += exact;
				hits_s += sq;
				mismatched += exact != sq;
			}
		}
	}
	sqlite3_finalize(sel);
	sqlite3_finalize(det);
	sqlite3_close(s);
	printf("queries %zu: medsec found %zu CVEs by NVD criteria, SQLite rows gave %zu%s\n", n,
	       hits_m, hits_s, mismatched ? " (MISMATCH)" : "");
	double mm = pct(tm, n, 0.5), m99 = pct(tm, n, 0.99), sm = pct(ts, n, 0.5),
	       s99 = pct(ts, n, 0.99);
	printf("lookup          median µs    p99 µs\n");
	printf("medsec index    %9.1f %9.1f\n", mm, m99);
	printf("SQLite table    %9.1f %9.1f   (table built from the same index in %.1f s)\n", sm,
	       s99, build_s);
	printf("ratio medsec/SQLite: median %.3f, p99 %.3f\n", mm / sm, m99 / s99);
	vdb_close(db);
	free(qs);
	free(tm);
	free(ts);
	return mismatched ? 1 : 0;
}
