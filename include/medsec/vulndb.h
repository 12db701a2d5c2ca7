/*
 * vulndb.h - the offline vulnerability index: NVD CVE API 2.0 records, JVN
 * iPedia (VULDEF XML) and CISA KEV, built into one checksummed file that is
 * mapped into memory and answers "which vulnerabilities has this product at
 * this version, and how sure is that".
 *
 * Two halves: a builder (import feeds, merge into an existing index, write
 * atomically) and a reader (open, status, lookup). Neither needs the network.
 */
#ifndef MEDSEC_VULNDB_H
#define MEDSEC_VULNDB_H

#include <stddef.h>
#include <stdint.h>

#include "medsec/error.h"
#include "medsec/mem.h"

/* ---- building ---- */

struct vdb_builder;

/* A new, empty builder; free with vdb_builder_free. */
struct vdb_builder *vdb_builder_new(void);
void vdb_builder_free(struct vdb_builder *b);

/*
 * Reads one feed file into the builder; the format is told from the content
 * (NVD API 2.0 page or yearly 2.0 feed, one NVD `cve` object, KEV catalogue,
 * JVN VULDEF or JVNRSS XML, medsec's latest-firmware list), gzip or plain. Newer records replace older ones
 * (NVD by lastModified, JVN by DateLastUpdated). Problems go to diags with the
 * place ("FILE:/vulnerabilities/12/cve/configurations/0" or "FILE:LINE");
 * returns 0, MS_ERR_INPUT when diags holds errors, or MS_ERR_SYSTEM (err).
 * `display` is the name used in messages (the path as the user wrote it).
 */
int vdb_import_file(struct vdb_builder *b, const char *path, const char *display,
                    struct ms_diags *diags, struct ms_error *err);
/* The same for a buffer already in memory (tests, fuzzing). */
int vdb_import_buffer(struct vdb_builder *b, const void *data, size_t len, const char *display,
                      struct ms_diags *diags);

struct vdb;
/* Copies everything an open index holds into the builder (merge before an import). */
void vdb_builder_load(struct vdb_builder *b, const struct vdb *db);

/* The index file's bytes, in a new buffer (free it); for writing elsewhere, tests, fuzzing. */
void vdb_builder_serialize(struct vdb_builder *b, unsigned char **out, size_t *len);

/*
 * Writes the index to path atomically (a temporary file beside it, fsync,
 * rename): a crash leaves the old index or the new one, never half of one.
 */
int vdb_builder_write(struct vdb_builder *b, const char *path, struct ms_error *err);

/* ---- reading ---- */

/* Opens and checks (magic, format version, checksum, every offset) an index. */
int vdb_open(const char *path, struct vdb **out, struct ms_error *err);
int vdb_open_buffer(const void *data, size_t len, struct vdb **out, struct ms_error *err);
void vdb_close(struct vdb *db);

enum vdb_source { VDB_SRC_NVD, VDB_SRC_JVN, VDB_SRC_KEV, VDB_SRC__COUNT };

struct vdb_status {
	uint64_t file_size;
	uint32_t format;
	uint32_t built; /* YYYYMMDD the index was written */
	struct {
		uint32_t records; /* CVE records, JVNDB entries, KEV entries */
		char newest[32];  /* newest lastModified / DateLastUpdated / catalogVersion */
	} src[VDB_SRC__COUNT];
	uint32_t unanalysed;       /* NVD records without configurations */
	uint32_t score_mismatches; /* v3 base score in the feed differs from the vector's */
	uint32_t products, criteria;
	uint32_t firmware_models; /* entries of the latest-firmware list */
};
void vdb_status(const struct vdb *db, struct vdb_status *st);

/* ---- downloading (vdb_update, the only part that needs the network) ---- */

#define VDB_NVD_URL "https://services.nvd.nist.gov/rest/json/cves/2.0"
#define VDB_KEV_URL \
	"https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"
#define VDB_JVN_URL "https://jvndb.jvn.jp/myjvn"

struct vdb_update_opts {
	const char *nvd_url, *kev_url, *jvn_url;
	const char *nvd_api_key; /* NULL: none (slower pace) */
	int delay_ms;            /* between requests of a source; -1: each API's polite pace */
	unsigned sources;        /* bits 1u << enum vdb_source */
	void (*progress)(void *ctx, const char *source, size_t done, size_t total);
	void *ctx;
};

/*
 * Downloads what changed since `have` (the open index's status, or NULL for
 * everything) into the builder. The caller writes the index only if this
 * returns 0: a failed download changes nothing.
 */
int vdb_update(struct vdb_builder *b, const struct vdb_status *have,
               const struct vdb_update_opts *o, struct ms_diags *d, struct ms_error *err);

/* ---- lookup ---- */

/*
 * How sure a match is (after Vuls' labels): the version lies in a recorded
 * range or equals a listed version; the version is only roughly known (a
 * distribution revision that may carry a backported fix, free-text affected
 * versions, a record that names every version or only some platforms); or
 * only vendor and product agree (no version to compare).
 */
enum vdb_confidence { VDB_CONF_PRODUCT, VDB_CONF_ROUGH, VDB_CONF_EXACT };
const char *vdb_confidence_key(enum vdb_confidence c); /* "exact" "rough" "product" */

/* Why a match is only rough or product-level; several may hold. */
enum vdb_reason {
	VDB_WHY_BACKPORT = 1 << 0,     /* the version carries a distribution revision */
	VDB_WHY_ALL_VERSIONS = 1 << 1, /* the record names every version */
	VDB_WHY_PLATFORM = 1 << 2,     /* affected only on some hardware, not known here */
	VDB_WHY_JVN_TEXT = 1 << 3,     /* JVN's affected versions are free text */
	VDB_WHY_UNANALYSED = 1 << 4,   /* NVD has not analysed it; the CNA's or KEV's names */
	VDB_WHY_NO_VERSION = 1 << 5,   /* no version was given */
	VDB_WHY_NO_NVD = 1 << 6,       /* no NVD record in the index; KEV's names */
};

struct cpe;

struct vdb_query {
	const char *vendor, *product; /* CPE style: "fortinet", "fortios" (case-blind) */
	const char *version;          /* as seen: "7.2.6", "9.2p1 Debian-2+deb12u3", or NULL */
	const char *platform;         /* hardware CPE product ("fortigate-60f") or NULL */
	const struct cpe *cpe;        /* the whole name when asked by CPE: its part and other
					 * attributes must not contradict a criterion's; or NULL */
};

/* Builds a query from a CPE name (either binding); 0, or -1 if malformed. The
 * strings point into *store, which must outlive the query. */
int vdb_query_from_cpe(const char *cpe, struct cpe *store, char *version_buf, size_t size,
                       struct vdb_query *q);

struct vdb_match {
	const char *cve;       /* "CVE-2024-21762", or NULL for a JVN-only entry */
	const char *jvndb[8];  /* JVN iPedia numbers, NULL-terminated */
	const char *title;     /* Japanese (JVN) when known, else NVD's English description */
	const char *v3_vector; /* NULL when none */
	double v3_score;       /* feed's score; -1 when none */
	double v3_computed;    /* from the vector; -1 when not computed */
	int score_mismatch;
	const char *v2_vector; /* older records; shown only */
	double v2_score;
	const char *v4_vector; /* parsed and shown only */
	double v4_score;
	int kev, ransomware;
	enum vdb_confidence confidence;
	unsigned reasons;        /* enum vdb_reason bits */
	const char *criterion;   /* what matched: a CPE name, or JVN's / the CNA's text */
	const char *range;       /* "6.0.0 <= v < 6.0.16" (for people), or NULL */
	const char *range_start; /* the range's bounds as data: NULL when open */
	const char *range_end;
	int start_incl, end_incl;
	const char *fixed_in;      /* the version that fixes it: an excluded end bound, else NULL */
	const char *affected_text; /* free text from JVN or the CNA, or NULL */
	const char *status;        /* NVD vulnStatus, "" for JVN-only */
	uint32_t published;        /* YYYYMMDD */
};

/* The matches of one lookup; strings point into the index. Free with vdb_matches_free. */
struct vdb_matches {
	struct vdb_match *v;
	size_t n;
	struct ms_arena arena; /* range texts */
};

/* Finds every record that applies; ordered by severity, then id. */
int vdb_lookup(const struct vdb *db, const struct vdb_query *q, struct vdb_matches *out);
void vdb_matches_free(struct vdb_matches *m);

/* ---- latest firmware ---- */

/* The latest firmware a vendor published for a model, from an imported list. */
struct vdb_firmware {
	const char *maker, *model, *version, *date, *source; /* point into the index */
};

/*
 * 1 and *out filled if the index knows the model's latest firmware, else 0. Where the list
 * gives the latest per release branch ("branch": "7.0"), the branch of `version` (its first
 * two numbers; may be NULL) is preferred: a device on 7.0.12 is compared with 7.0's latest.
 */
int vdb_latest_firmware(const struct vdb *db, const char *maker, const char *model,
                        const char *version, struct vdb_firmware *out);

/* ---- declared devices to CPE names (data/products.json) ---- */

struct vdb_products;

#define VDB_DEVICE_QUERIES 4

/* What a declared device is looked up as: one or more CPE names, maybe hardware. */
struct vdb_device_queries {
	size_t n;
	struct {
		char vendor[64], product[128];
	} q[VDB_DEVICE_QUERIES];
	char platform[128]; /* hardware CPE product, or "" */
	const char *source; /* where the mapping's names come from (points into the map) */
};

/* Loads the map, every entry checked (problems to d); free with vdb_products_free. */
int vdb_products_load(const char *path, struct vdb_products **out, struct ms_diags *d,
                      struct ms_error *err);
void vdb_products_free(struct vdb_products *p);
/* 1 and *out filled if the maker and model are known to the map, else 0. */
int vdb_products_map(const struct vdb_products *p, const char *maker, const char *model,
                     struct vdb_device_queries *out);

/* The notice NVD's terms of use ask for wherever its data is shown. */
#define VDB_NVD_NOTICE "This product uses the NVD API but is not endorsed or certified by the NVD."

#endif
