/*
 * vdb_int.h - inside the vulnerability index: the file layout (shared by the
 * writer and the reader) and the builder's records (shared by the feed
 * readers nvd.c, jvn.c, kev.c and build.c).
 *
 * The file: a header, then sections. Every string is an offset into the
 * string section (0 = none); every table is sorted so the reader can
 * binary-search it in place. Host byte order, checked by `endian`.
 */
#ifndef MEDSEC_VDB_INT_H
#define MEDSEC_VDB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "medsec/error.h"
#include "medsec/vulndb.h"

#define VDB_MAGIC "MSVULNDB"
#define VDB_FORMAT 1
#define VDB_ENDIAN 0x01020304u

enum {
	SEC_STR,
	SEC_VULN,
	SEC_JVN,
	SEC_PROD,
	SEC_NAME,
	SEC_CRIT,
	SEC_XTRA,
	SEC_REF,
	SEC_FIRM,
	SEC_META,
	SEC__COUNT
};

struct vdb_file_header {
	char magic[8];
	uint32_t format, endian;
	uint64_t file_size;
	uint32_t crc;   /* zlib crc32 of everything after the header */
	uint32_t built; /* YYYYMMDD */
	struct {
		uint64_t offset, size;
	} sec[SEC__COUNT];
};

/* Scores are kept as tenths; VDB_NO_SCORE when the feed has none. */
#define VDB_NO_SCORE (-1)

enum vuln_flag {
	VF_KEV = 1 << 0,
	VF_RANSOMWARE = 1 << 1,
	VF_NVD = 1 << 2,      /* an NVD record was imported (not only KEV or JVN's mention) */
	VF_CONFIG = 1 << 3,   /* NVD has configurations for it */
	VF_MISMATCH = 1 << 4, /* the feed's v3 score differs from the vector's */
};

struct ivuln {
	uint32_t id, title, status, modified; /* modified: ISO text, compared on merge */
	uint32_t v3_vector, v2_vector, v4_vector;
	int16_t v3_score, v3_computed, v2_score, v4_score;
	uint32_t published, kev_added; /* YYYYMMDD, 0 = unknown */
	uint32_t cna_vendor, cna_product, cna_text;
	uint32_t kev_vendor, kev_product;
	uint32_t jvn_first, jvn_count; /* REF entries: indexes into the JVN table */
	uint32_t flags;
};

struct ijvn {
	uint32_t id, title, summary, modified;
	uint32_t v3_vector, v2_vector;
	int16_t v3_score, v2_score;
	uint32_t cve_first, cve_count; /* REF entries: string offsets of CVE ids */
};

/* A product (CPE vendor and product, or normalised names in SEC_NAME) and its criteria. */
struct iprod {
	uint32_t vendor, product, first, count;
};

enum crit_flag {
	CF_JVN = 1 << 0, /* owner indexes the JVN table, else the vuln table */
	CF_START_INCL = 1 << 1,
	CF_END_INCL = 1 << 2,
	CF_EXACT = 1 << 3,      /* vstart is one listed version */
	CF_CNA = 1 << 4,        /* SEC_NAME: from the CNA's affected data */
	CF_KEV = 1 << 5,        /* SEC_NAME: from KEV's vendorProject/product */
	CF_JVN_PARSED = 1 << 6, /* JVN's version text was read into the bounds */
	/* cpe == 0: the criterion is "cpe:2.3:PART:VENDOR:PRODUCT:(vstart or *):*:…",
	 * rebuilt on demand; PART is 1 a, 2 o, 3 h in these two bits. Most are. */
	CF_PART_SHIFT = 8,
	CF_PART_MASK = 3 << 8,
};

/* A criterion in the file: what every lookup reads, kept small. */
struct icrit {
	uint32_t owner;
	uint32_t vstart, vend; /* version bounds (with CPE update folded in), 0 = open */
	uint32_t extra;        /* 1 + index into SEC_XTRA, or 0 */
	uint16_t flags;
	uint16_t nplat;
};

/* What few criteria carry: a stored CPE, free text, required hardware. */
struct ixtra {
	uint32_t cpe;   /* the criterion as the feed wrote it (0: rebuilt, see CF_PART_MASK) */
	uint32_t vtext; /* JVN's or the CNA's free-text version, or 0 */
	uint32_t plat;  /* space-separated hardware the configuration requires, or 0 */
};

/* A criterion in the builder: both of the above in one. */
struct crit {
	uint32_t owner, cpe, vstart, vend, vtext, plat;
	uint16_t nplat, flags;
};

/* The latest firmware of a device model, as a vendor published it; sorted by keys. */
struct ifirm {
	uint32_t maker_key, model_key; /* vdb_name_key of one maker alias and of the model */
	uint32_t maker, model, version, date, source;
};

struct imeta {
	uint32_t records[VDB_SRC__COUNT];
	uint32_t newest[VDB_SRC__COUNT]; /* strings */
	uint32_t unanalysed, mismatches;
};

/* ---- the builder ---- */

/* Interned strings: offset 0 is "" and means none. */
struct strpool {
	char *buf;
	size_t len, cap;
	uint32_t *slots; /* open addressing over offsets; 0 = empty */
	size_t nslots, used;
};
uint32_t pool_add(struct strpool *p, const char *s, size_t n);
static inline uint32_t pool_str(struct strpool *p, const char *s)
{
	return s ? pool_add(p, s, __builtin_strlen(s)) : 0;
}
void pool_dispose(struct strpool *p);

struct bcrit {
	uint32_t vendor, product; /* pool */
	struct crit c;            /* owner filled at write */
};

struct bvuln {
	struct ivuln v; /* strings in the builder's pool; jvn_* unused */
	struct bcrit *crit;
	uint32_t ncrit, capcrit;
};

struct bjvn {
	struct ijvn j;
	uint32_t *cves;
	uint32_t ncves;
	struct bcrit *crit;
	uint32_t ncrit, capcrit;
};

/* id → index, open addressing. */
struct idmap {
	uint32_t *keys, *vals; /* keys: pool offsets, 0 = empty */
	size_t n, used;
};

struct vdb_builder {
	struct strpool pool;
	struct bvuln *vulns;
	size_t nvulns, capvulns;
	struct idmap vuln_ids;
	struct bjvn *jvns;
	size_t njvns, capjvns;
	struct idmap jvn_ids;
	char kev_version[32]; /* catalogVersion */
	struct ifirm *firm;   /* strings in the pool */
	size_t nfirm, capfirm;
};

/* The record for a CVE id, created empty when new. */
struct bvuln *builder_vuln(struct vdb_builder *b, const char *id);
/* The JVN entry for an id, created empty when new. */
struct bjvn *builder_jvn(struct vdb_builder *b, const char *id);
/* Appends a criterion to a list (owner set at write). */
struct bcrit *bcrit_push(struct bcrit **v, uint32_t *n, uint32_t *cap);

/* Feed readers (format already told); problems go to diags, `display` names the file. */
int nvd_import_stream(struct vdb_builder *b, const char *data, size_t len, const char *display,
                      struct ms_diags *d);
int nvd_import_cve_object(struct vdb_builder *b, const char *data, size_t len, const char *display,
                          struct ms_diags *d);
int kev_import(struct vdb_builder *b, const char *data, size_t len, const char *display,
               struct ms_diags *d);
int jvn_import(struct vdb_builder *b, const char *data, size_t len, const char *display,
               struct ms_diags *d);
int firmware_import(struct vdb_builder *b, const char *data, size_t len, const char *display,
                    struct ms_diags *d);

/*
 * Reads JVN's free-text affected version ("1.05およびそれ以前", "2.0 未満",
 * "1.0 から 1.5", "7.7") into bounds and CF_* flags; 1 if it could, 0 if a
 * person must read it. "すべてのバージョン" gives 1 with no bounds.
 */
int jvn_version_text(const char *text, char *start, char *end, size_t size, unsigned *flags);

/* YYYYMMDD from an ISO date ("2024-02-09T09:15:08.087"), 0 if it is not one. */
uint32_t vdb_date_key(const char *iso);
/* Score text "9.8" / number to tenths, VDB_NO_SCORE if out of 0..10. */
int16_t vdb_tenths(double score);

/* The view of an open index, shared by index.c and lookup.c. */
struct vdb {
	const unsigned char *base;
	size_t size;
	void *map; /* mmap'd region or NULL */
	const char *str;
	size_t str_size;
	const struct ivuln *vulns;
	size_t nvulns;
	const struct ijvn *jvns;
	size_t njvns;
	const struct iprod *prods, *names;
	size_t nprods, nnames;
	const struct icrit *crits;
	size_t ncrits;
	const struct ixtra *xtras;
	size_t nxtras;
	const uint32_t *refs;
	size_t nrefs;
	const struct ifirm *firms;
	size_t nfirms;
	const struct imeta *meta;
	uint32_t built;
};

static inline const char *vdb_s(const struct vdb *db, uint32_t off)
{
	return db->str + off;
}

static inline uint32_t crit_cpe(const struct vdb *db, const struct icrit *c)
{
	return c->extra ? db->xtras[c->extra - 1].cpe : 0;
}

static inline uint32_t crit_vtext(const struct vdb *db, const struct icrit *c)
{
	return c->extra ? db->xtras[c->extra - 1].vtext : 0;
}

static inline uint32_t crit_plat(const struct vdb *db, const struct icrit *c)
{
	return c->extra ? db->xtras[c->extra - 1].plat : 0;
}

/* Lower-case letters and digits only: "Palo Alto Networks" -> "paloaltonetworks". */
void vdb_name_key(const char *s, char *out, size_t size);

#endif
