/*
 * index.c - opening an index file (vulndb.h): mapped read-only, then checked
 * whole before anything reads it: magic, format, checksum, and every offset
 * and count, so a damaged or hostile file is refused rather than followed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "medsec/mem.h"
#include "vulndb/vdb_int.h"

static int damaged(struct ms_error *err, const char *what)
{
	return ms_fail(err, MS_ERR_INPUT, MSG_VDB_DAMAGED, "", what);
}

static int str_ok(const struct vdb *db, uint32_t off)
{
	return off < db->str_size;
}

/* Every string offset, table index and range inside its section. */
static int check_tables(struct vdb *db, struct ms_error *err)
{
	const uint32_t *s;

	for (size_t i = 0; i < db->nvulns; i++) {
		const struct ivuln *v = &db->vulns[i];
		uint32_t strs[] = { v->id,          v->title,     v->status,     v->modified,
			            v->v3_vector,   v->v2_vector, v->v4_vector,  v->cna_vendor,
			            v->cna_product, v->cna_text,  v->kev_vendor, v->kev_product };
		for (size_t k = 0; k < sizeof(strs) / sizeof(strs[0]); k++)
			if (!str_ok(db, strs[k]))
				return damaged(err, "vuln string");
		if (!v->id || v->jvn_first > db->nrefs || v->jvn_count > db->nrefs - v->jvn_first)
			return damaged(err, "vuln refs");
		for (uint32_t k = 0; k < v->jvn_count; k++)
			if (db->refs[v->jvn_first + k] >= db->njvns)
				return damaged(err, "vuln → jvn");
		if (i && strcmp(vdb_s(db, db->vulns[i - 1].id), vdb_s(db, v->id)) >= 0)
			return damaged(err, "vuln order");
	}
	for (size_t i = 0; i < db->njvns; i++) {
		const struct ijvn *j = &db->jvns[i];
		uint32_t strs[] = { j->id,       j->title,     j->summary,
			            j->modified, j->v3_vector, j->v2_vector };
		for (size_t k = 0; k < sizeof(strs) / sizeof(strs[0]); k++)
			if (!str_ok(db, strs[k]))
				return damaged(err, "jvn string");
		if (!j->id || j->cve_first > db->nrefs || j->cve_count > db->nrefs - j->cve_first)
			return damaged(err, "jvn refs");
		for (uint32_t k = 0; k < j->cve_count; k++)
			if (!str_ok(db, db->refs[j->cve_first + k]))
				return damaged(err, "jvn → cve");
		if (i && strcmp(vdb_s(db, db->jvns[i - 1].id), vdb_s(db, j->id)) >= 0)
			return damaged(err, "jvn order");
	}
	for (int t = 0; t < 2; t++) {
		const struct iprod *p = t ? db->names : db->prods;
		size_t n = t ? db->nnames : db->nprods;
		for (size_t i = 0; i < n; i++) {
			if (!str_ok(db, p[i].vendor) || !str_ok(db, p[i].product) ||
			    p[i].first > db->ncrits || p[i].count > db->ncrits - p[i].first)
				return damaged(err, "product");
			if (i &&
			    (strcmp(vdb_s(db, p[i - 1].vendor), vdb_s(db, p[i].vendor)) > 0 ||
			     (strcmp(vdb_s(db, p[i - 1].vendor), vdb_s(db, p[i].vendor)) == 0 &&
			      strcmp(vdb_s(db, p[i - 1].product), vdb_s(db, p[i].product)) >= 0)))
				return damaged(err, "product order");
			for (uint32_t k = 0; k < p[i].count; k++) {
				const struct icrit *c = &db->crits[p[i].first + k];
				if (c->owner >= ((c->flags & CF_JVN) ? db->njvns : db->nvulns) ||
				    !str_ok(db, c->vstart) || !str_ok(db, c->vend) ||
				    c->extra > db->nxtras)
					return damaged(err, "criterion");
			}
		}
	}
	for (size_t i = 0; i < db->nxtras; i++)
		if (!str_ok(db, db->xtras[i].cpe) || !str_ok(db, db->xtras[i].vtext) ||
		    !str_ok(db, db->xtras[i].plat))
			return damaged(err, "criterion text");
	for (size_t i = 0; i < db->nfirms; i++) {
		const struct ifirm *f = &db->firms[i];
		if (!str_ok(db, f->maker_key) || !str_ok(db, f->model_key) ||
		    !str_ok(db, f->maker) || !str_ok(db, f->model) || !str_ok(db, f->version) ||
		    !str_ok(db, f->date) || !str_ok(db, f->source))
			return damaged(err, "firmware");
	}
	s = db->meta->newest;
	for (int k = 0; k < VDB_SRC__COUNT; k++)
		if (!str_ok(db, s[k]))
			return damaged(err, "meta");
	return 0;
}

int vdb_open_buffer(const void *data, size_t len, struct vdb **out, struct ms_error *err)
{
	const struct vdb_file_header *h = data;
	struct vdb *db;
	uLong crc;
	uint64_t pos = sizeof(*h);
	int rc;

	*out = NULL;
	if (len < sizeof(*h) || memcmp(h->magic, VDB_MAGIC, 8) != 0)
		return damaged(err, "not a medsec vulnerability index");
	if (h->endian != VDB_ENDIAN || h->format != VDB_FORMAT) {
		char what[64];
		snprintf(what, sizeof(what), "format %u (this medsec reads %u)", h->format,
		         VDB_FORMAT);
		return ms_fail(err, MS_ERR_INPUT, MSG_VDB_FORMAT, "", what);
	}
	if (h->file_size != len)
		return damaged(err, "truncated");
	crc = crc32_z(crc32(0L, Z_NULL, 0), (const Bytef *)data + sizeof(*h), len - sizeof(*h));
	if ((uint32_t)crc != h->crc)
		return damaged(err, "checksum");
	for (int s = 0; s < SEC__COUNT; s++) {
		if (h->sec[s].offset < pos || h->sec[s].offset % 8 || h->sec[s].offset > len ||
		    h->sec[s].size > len - h->sec[s].offset)
			return damaged(err, "section");
		pos = h->sec[s].offset + h->sec[s].size;
	}
	static const size_t unit[SEC__COUNT] = {
		[SEC_STR] = 1,
		[SEC_VULN] = sizeof(struct ivuln),
		[SEC_JVN] = sizeof(struct ijvn),
		[SEC_PROD] = sizeof(struct iprod),
		[SEC_NAME] = sizeof(struct iprod),
		[SEC_CRIT] = sizeof(struct icrit),
		[SEC_XTRA] = sizeof(struct ixtra),
		[SEC_REF] = 4,
		[SEC_FIRM] = sizeof(struct ifirm),
		[SEC_META] = sizeof(struct imeta),
	};
	for (int s = 0; s < SEC__COUNT; s++)
		if (h->sec[s].size % unit[s])
			return damaged(err, "section size");
	if (h->sec[SEC_META].size != sizeof(struct imeta) || h->sec[SEC_STR].size == 0)
		return damaged(err, "meta");

	db = ms_xcalloc(1, sizeof(*db));
	db->base = data;
	db->size = len;
	db->built = h->built;
#define SEC(s, field, count, type)                               \
	db->field = (const type *)(db->base + h->sec[s].offset); \
	db->count = h->sec[s].size / sizeof(type)
	db->str = (const char *)(db->base + h->sec[SEC_STR].offset);
	db->str_size = h->sec[SEC_STR].size;
	SEC(SEC_VULN, vulns, nvulns, struct ivuln);
	SEC(SEC_JVN, jvns, njvns, struct ijvn);
	SEC(SEC_PROD, prods, nprods, struct iprod);
	SEC(SEC_NAME, names, nnames, struct iprod);
	SEC(SEC_CRIT, crits, ncrits, struct icrit);
	SEC(SEC_XTRA, xtras, nxtras, struct ixtra);
	SEC(SEC_REF, refs, nrefs, uint32_t);
	SEC(SEC_FIRM, firms, nfirms, struct ifirm);
#undef SEC
	db->meta = (const struct imeta *)(db->base + h->sec[SEC_META].offset);
	if (db->str[0] != '\0' || db->str[db->str_size - 1] != '\0') {
		free(db);
		return damaged(err, "strings");
	}
	if ((rc = check_tables(db, err))) {
		free(db);
		return rc;
	}
	*out = db;
	return 0;
}

int vdb_open(const char *path, struct vdb **out, struct ms_error *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *map;
	int rc;

	*out = NULL;
	if (fd < 0)
		return ms_fail(err, errno == ENOENT ? MS_ERR_INPUT : MS_ERR_SYSTEM,
		               errno == ENOENT ? MSG_VDB_MISSING : MSG_CANNOT_OPEN, path,
		               strerror(errno));
	if (fstat(fd, &st) != 0 || st.st_size <= 0) {
		close(fd);
		return ms_fail(err, MS_ERR_INPUT, MSG_VDB_DAMAGED, path, "empty");
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_OPEN, path, strerror(errno));
	rc = vdb_open_buffer(map, (size_t)st.st_size, out, err);
	if (rc) {
		munmap(map, (size_t)st.st_size);
		snprintf(err->where, sizeof(err->where), "%s", path);
		return rc;
	}
	(*out)->map = map;
	return 0;
}

void vdb_close(struct vdb *db)
{
	if (!db)
		return;
	if (db->map)
		munmap(db->map, db->size);
	free(db);
}

void vdb_status(const struct vdb *db, struct vdb_status *st)
{
	memset(st, 0, sizeof(*st));
	st->file_size = db->size;
	st->format = VDB_FORMAT;
	st->built = db->built;
	for (int s = 0; s < VDB_SRC__COUNT; s++) {
		st->src[s].records = db->meta->records[s];
		snprintf(st->src[s].newest, sizeof(st->src[s].newest), "%s",
		         vdb_s(db, db->meta->newest[s]));
	}
	st->unanalysed = db->meta->unanalysed;
	st->score_mismatches = db->meta->mismatches;
	st->products = (uint32_t)db->nprods;
	st->criteria = (uint32_t)db->ncrits;
	st->firmware_models = (uint32_t)db->nfirms;
}

const char *vdb_confidence_key(enum vdb_confidence c)
{
	switch (c) {
	case VDB_CONF_EXACT: return "exact";
	case VDB_CONF_ROUGH: return "rough";
	default: return "product";
	}
}
