/*
 * xlsx.c - the workbook reader (xlsx.h).
 *
 * Package layout (ECMA-376 part 2): _rels/.rels names the workbook part;
 * its own .rels names the sheets, shared strings and styles. Every part is
 * read whole (capped), parsed with libxml2 into a tree, and turned into
 * cells; nothing is kept from the tree.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "medsec/clock.h"
#include "medsec/fs.h"
#include "medsec/mem.h"
#include "medsec/xlsx.h"

#define MAX_PART_BYTES (64u << 20)  /* one decompressed XML part */
#define MAX_CELLS 2000000u          /* per sheet */
#define MAX_MERGES 100000u          /* merged ranges per sheet */
#define MAX_STRINGS 2000000u        /* shared strings */
#define MAX_STRING_BYTES (1u << 20) /* one cell's text */
#define MAX_ROW 1048576u
#define MAX_COL 16384u

struct sheet_ref {
	char *name;
	char *part; /* zip path of the sheet part */
	struct xlsx_sheet *parsed;
};

struct xlsx_book {
	zip_t *zip;
	char *path;            /* for messages */
	struct ms_arena arena; /* cell texts, names */
	struct sheet_ref *sheets;
	size_t n_sheets;
	char **strings; /* shared strings, arena-owned */
	size_t n_strings;
	unsigned char *date_style; /* per cellXfs index: 1 if its number format is a date */
	size_t n_styles;
	int date1904;
};

static int fail(struct xlsx_book *b, struct ms_error *err, enum msg_id msg, const char *arg)
{
	return ms_fail(err, MS_ERR_INPUT, msg, b->path, arg);
}

/* Reads one zip entry whole into a new buffer (free it); NUL-terminated. */
static int read_part(struct xlsx_book *b, const char *name, char **out, size_t *len,
                     struct ms_error *err)
{
	zip_int64_t idx = zip_name_locate(b->zip, name, 0);
	zip_stat_t st;
	zip_file_t *f;
	char *buf;
	zip_int64_t got;
	size_t cap;

	*out = NULL;
	if (idx < 0)
		return fail(b, err, MSG_XLSX_MISSING_PART, name);
	if (zip_stat_index(b->zip, (zip_uint64_t)idx, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
		return fail(b, err, MSG_XLSX_DAMAGED, name);
	if (st.size > MAX_PART_BYTES)
		return fail(b, err, MSG_XLSX_TOO_LARGE, name);
	f = zip_fopen_index(b->zip, (zip_uint64_t)idx, 0);
	if (!f)
		return fail(b, err, MSG_XLSX_DAMAGED, name);
	/* The declared size can lie; read at most one byte more than it to notice. */
	cap = (size_t)st.size + 1;
	buf = ms_xmalloc(cap + 1);
	got = zip_fread(f, buf, cap);
	zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		return fail(b, err, MSG_XLSX_DAMAGED, name);
	}
	buf[got] = '\0';
	*out = buf;
	*len = (size_t)got;
	return MS_OK;
}

static int parse_part(struct xlsx_book *b, const char *name, xmlDocPtr *out, struct ms_error *err)
{
	char *buf;
	size_t len = 0;
	int rc = read_part(b, name, &buf, &len, err);

	if (rc)
		return rc;
	if (len > INT32_MAX) {
		free(buf);
		return fail(b, err, MSG_XLSX_TOO_LARGE, name);
	}
	/* No NOENT (entity expansion), no DTD loading, no network. */
	*out = xmlReadMemory(buf, (int)len, name, NULL,
	                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(buf);
	/* OOXML parts never carry a DTD; one that does is hostile (entity bombs). */
	if (!*out || !xmlDocGetRootElement(*out) || (*out)->intSubset || (*out)->extSubset) {
		xmlFreeDoc(*out);
		*out = NULL;
		return fail(b, err, MSG_XLSX_BAD_XML, name);
	}
	return MS_OK;
}

static int is(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

/* Attribute by local name, whatever its namespace; borrowed from the tree. */
static const char *attr(const xmlNode *n, const char *local, int want_ns)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, local) != 0 || (want_ns && !a->ns))
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

static const xmlNode *child(const xmlNode *n, const char *local)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (is(c, local))
			return c;
	return NULL;
}

/* Resolves a relationship target against the folder of the part that names it. */
static char *resolve(const char *base_part, const char *target)
{
	const char *slash;

	if (target[0] == '/')
		return ms_xstrdup(target + 1);
	slash = strrchr(base_part, '/');
	if (!slash)
		return ms_xstrdup(target);
	return ms_xasprintf("%.*s/%s", (int)(slash - base_part), base_part, target);
}

/* The .rels part that belongs to part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels". */
static char *rels_of(const char *part)
{
	const char *slash = strrchr(part, '/');

	if (!slash)
		return ms_xasprintf("_rels/%s.rels", part);
	return ms_xasprintf("%.*s/_rels/%s.rels", (int)(slash - part), part, slash + 1);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Appends the text of every <t> under n, skipping phonetic runs (<rPh>). */
static void collect_text(const xmlNode *n, char **acc, size_t *len, int *too_long)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "rPh") || is(c, "phoneticPr"))
			continue;
		if (is(c, "t")) {
			xmlChar *t = xmlNodeGetContent(c);
			size_t tl = t ? strlen((const char *)t) : 0;

			if (*len + tl > MAX_STRING_BYTES) {
				*too_long = 1;
			} else if (tl) {
				*acc = ms_xrealloc(*acc, *len + tl + 1);
				memcpy(*acc + *len, t, tl);
				*len += tl;
				(*acc)[*len] = '\0';
			}
			xmlFree(t);
		} else if (is(c, "r")) {
			collect_text(c, acc, len, too_long);
		}
	}
}

static char *node_text(struct xlsx_book *b, const xmlNode *n, int *too_long)
{
	char *acc = NULL;
	size_t len = 0;
	char *s;

	collect_text(n, &acc, &len, too_long);
	s = ms_arena_strndup(&b->arena, acc ? acc : "", len);
	free(acc);
	return s;
}

static int load_shared_strings(struct xlsx_book *b, const char *part, struct ms_error *err)
{
	xmlDocPtr doc;
	size_t cap = 0;
	int too_long = 0;
	int rc = parse_part(b, part, &doc, err);

	if (rc)
		return rc;
	for (const xmlNode *si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
		if (!is(si, "si"))
			continue;
		if (b->n_strings == MAX_STRINGS) {
			xmlFreeDoc(doc);
			return fail(b, err, MSG_XLSX_TOO_LARGE, part);
		}
		if (b->n_strings == cap) {
			cap = cap ? cap * 2 : 256;
			b->strings = ms_xrealloc(b->strings, cap * sizeof(*b->strings));
		}
		b->strings[b->n_strings++] = node_text(b, si, &too_long);
	}
	xmlFreeDoc(doc);
	if (too_long)
		return fail(b, err, MSG_XLSX_TOO_LARGE, part);
	return MS_OK;
}

/* Built-in number formats that show dates or times (ECMA-376 18.8.30, with the Japanese ones). */
static int builtin_is_date(long id)
{
	return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
	       (id >= 50 && id <= 58);
}

/* A custom format is a date if it has y/m/d/h/s outside quotes, brackets and escapes. */
static int code_is_date(const char *code)
{
	int in_quote = 0;

	for (const char *p = code; *p; p++) {
		if (in_quote) {
			if (*p == '"')
				in_quote = 0;
			continue;
		}
		if (strncasecmp(p, "General", 7) == 0) { /* LibreOffice names it as a code */
			p += 6;
			continue;
		}
		switch (*p) {
		case '"': in_quote = 1; break;
		case '\\':
		case '_':
		case '*':
			if (p[1])
				p++;
			break;
		case '[': {
			const char *q = strchr(p, ']');

			/* [h], [mm], [ss] are elapsed times; [Red], [$-411] are not dates. */
			if (q && q > p + 1 && strchr("hHmMsS", p[1]))
				return 1;
			if (!q)
				return 0;
			p = q;
			break;
		}
		case 'y':
		case 'Y':
		case 'm':
		case 'M':
		case 'd':
		case 'D':
		case 'h':
		case 'H':
		case 's':
		case 'S':
		case 'e':
		case 'g':
		case 'G': return 1;
		default: break;
		}
	}
	return 0;
}

static int load_styles(struct xlsx_book *b, const char *part, struct ms_error *err)
{
	struct fmt {
		long id;
		int date;
	} *fmts = NULL;
	size_t n_fmts = 0;
	xmlDocPtr doc;
	const xmlNode *root, *numfmts, *xfs;
	int rc = parse_part(b, part, &doc, err);

	if (rc)
		return rc;
	root = xmlDocGetRootElement(doc);
	numfmts = child(root, "numFmts");
	for (const xmlNode *n = numfmts ? numfmts->children : NULL; n; n = n->next) {
		const char *id = attr(n, "numFmtId", 0), *code = attr(n, "formatCode", 0);

		if (!is(n, "numFmt") || !id || !code)
			continue;
		fmts = ms_xrealloc(fmts, (n_fmts + 1) * sizeof(*fmts));
		fmts[n_fmts].id = strtol(id, NULL, 10);
		fmts[n_fmts].date = code_is_date(code);
		n_fmts++;
	}
	xfs = child(root, "cellXfs");
	for (const xmlNode *x = xfs ? xfs->children : NULL; x; x = x->next) {
		const char *id;
		long fid;
		int date;

		if (!is(x, "xf"))
			continue;
		if (b->n_styles >= MAX_STRINGS)
			break;
		id = attr(x, "numFmtId", 0);
		fid = id ? strtol(id, NULL, 10) : 0;
		date = builtin_is_date(fid);
		for (size_t i = 0; i < n_fmts; i++)
			if (fmts[i].id == fid)
				date = fmts[i].date;
		b->date_style = ms_xrealloc(b->date_style, b->n_styles + 1);
		b->date_style[b->n_styles++] = (unsigned char)date;
	}
	free(fmts);
	xmlFreeDoc(doc);
	return MS_OK;
}

static int load_workbook(struct xlsx_book *b, struct ms_error *err)
{
	char *wb_part = NULL, *wb_rels = NULL, *sst = NULL, *styles = NULL;
	xmlDocPtr rels = NULL, wb = NULL;
	const xmlNode *sheets, *pr;
	int rc;

	rc = parse_part(b, "_rels/.rels", &rels, err);
	if (rc)
		return rc;
	for (const xmlNode *r = xmlDocGetRootElement(rels)->children; r; r = r->next) {
		const char *type = attr(r, "Type", 0), *target = attr(r, "Target", 0);

		if (is(r, "Relationship") && type && target && ends_with(type, "/officeDocument")) {
			wb_part = resolve("", target);
			break;
		}
	}
	xmlFreeDoc(rels);
	rels = NULL;
	if (!wb_part)
		return fail(b, err, MSG_XLSX_NOT_WORKBOOK, "_rels/.rels");

	wb_rels = rels_of(wb_part);
	rc = parse_part(b, wb_rels, &rels, err);
	if (rc)
		goto out;
	rc = parse_part(b, wb_part, &wb, err);
	if (rc)
		goto out;
	pr = child(xmlDocGetRootElement(wb), "workbookPr");
	if (pr) {
		const char *d = attr(pr, "date1904", 0);

		b->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
	}
	sheets = child(xmlDocGetRootElement(wb), "sheets");
	for (const xmlNode *s = sheets ? sheets->children : NULL; s; s = s->next) {
		const char *name = attr(s, "name", 0), *rid = attr(s, "id", 1);
		const char *target = NULL;

		if (!is(s, "sheet") || !name || !rid)
			continue;
		for (const xmlNode *r = xmlDocGetRootElement(rels)->children; r; r = r->next) {
			const char *id = attr(r, "Id", 0);

			if (is(r, "Relationship") && id && strcmp(id, rid) == 0)
				target = attr(r, "Target", 0);
		}
		if (!target)
			continue; /* a chart sheet or a dangling entry: not ours to read */
		b->sheets = ms_xrealloc(b->sheets, (b->n_sheets + 1) * sizeof(*b->sheets));
		b->sheets[b->n_sheets].name = ms_arena_strdup(&b->arena, name);
		b->sheets[b->n_sheets].part = resolve(wb_part, target);
		b->sheets[b->n_sheets].parsed = NULL;
		b->n_sheets++;
	}
	for (const xmlNode *r = xmlDocGetRootElement(rels)->children; r; r = r->next) {
		const char *type = attr(r, "Type", 0), *target = attr(r, "Target", 0);

		if (!is(r, "Relationship") || !type || !target)
			continue;
		if (ends_with(type, "/sharedStrings") && !sst)
			sst = resolve(wb_part, target);
		else if (ends_with(type, "/styles") && !styles)
			styles = resolve(wb_part, target);
	}
	if (sst && (rc = load_shared_strings(b, sst, err)))
		goto out;
	if (styles && (rc = load_styles(b, styles, err)))
		goto out;
	rc = MS_OK;
out:
	xmlFreeDoc(rels);
	xmlFreeDoc(wb);
	free(wb_part);
	free(wb_rels);
	free(sst);
	free(styles);
	return rc;
}

static int open_zip(struct xlsx_book **out, zip_t *zip, const char *path, struct ms_error *err)
{
	struct xlsx_book *b = ms_xcalloc(1, sizeof(*b));
	int rc;

	b->zip = zip;
	b->path = ms_xstrdup(path);
	rc = load_workbook(b, err);
	if (rc) {
		xlsx_free(b);
		return rc;
	}
	*out = b;
	return MS_OK;
}

int xlsx_open_file(struct xlsx_book **out, const char *path, struct ms_error *err)
{
	int zerr = 0;
	zip_t *zip;

	*out = NULL;
	zip = zip_open(path, ZIP_RDONLY, &zerr);
	if (!zip) {
		if (zerr == ZIP_ER_NOENT || zerr == ZIP_ER_OPEN || zerr == ZIP_ER_READ)
			return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, path, strerror(errno));
		return ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NOT_ZIP, path, NULL);
	}
	return open_zip(out, zip, path, err);
}

int xlsx_open_mem(struct xlsx_book **out, const void *data, size_t size, const char *name,
                  struct ms_error *err)
{
	zip_error_t zerr;
	zip_source_t *src;
	zip_t *zip;

	*out = NULL;
	zip_error_init(&zerr);
	src = zip_source_buffer_create(data, size, 0, &zerr);
	if (!src) {
		zip_error_fini(&zerr);
		return ms_fail(err, MS_ERR_SYSTEM, MSG_OUT_OF_MEMORY, name ? name : "-", NULL);
	}
	zip = zip_open_from_source(src, ZIP_RDONLY, &zerr);
	zip_error_fini(&zerr);
	if (!zip) {
		zip_source_free(src);
		return ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NOT_ZIP, name ? name : "-", NULL);
	}
	return open_zip(out, zip, name ? name : "-", err);
}

void xlsx_free(struct xlsx_book *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->n_sheets; i++) {
		free(b->sheets[i].part);
		if (b->sheets[i].parsed)
			free(b->sheets[i].parsed->cells);
		if (b->sheets[i].parsed)
			free(b->sheets[i].parsed->merges);
		free(b->sheets[i].parsed);
	}
	free(b->sheets);
	free(b->strings);
	free(b->date_style);
	if (b->zip)
		zip_discard(b->zip);
	ms_arena_dispose(&b->arena);
	free(b->path);
	free(b);
}

size_t xlsx_sheet_count(const struct xlsx_book *b)
{
	return b->n_sheets;
}

const char *xlsx_sheet_name(const struct xlsx_book *b, size_t i)
{
	return i < b->n_sheets ? b->sheets[i].name : NULL;
}

/* "BC12" -> col 54, row 12; returns 0 on success. */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col)
{
	uint32_t c = 0, r = 0;
	int letters = 0, digits = 0;

	for (; *s >= 'A' && *s <= 'Z'; s++, letters++) {
		c = c * 26 + (uint32_t)(*s - 'A' + 1);
		if (c > MAX_COL)
			return -1;
	}
	for (; *s >= '0' && *s <= '9'; s++, digits++) {
		r = r * 10 + (uint32_t)(*s - '0');
		if (r > MAX_ROW)
			return -1;
	}
	if (*s || !letters || !digits || r == 0)
		return -1;
	*row = r;
	*col = c - 1;
	return 0;
}

void xlsx_col_name(uint32_t col, char buf[4])
{
	char tmp[4];
	int n = 0;

	for (col++; col > 0 && n < 3; col = (col - 1) / 26)
		tmp[n++] = (char)('A' + (col - 1) % 26);
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}

/* Excel serial to text. The 1900 system counts a 1900-02-29 that never was. */
static char *date_text(struct xlsx_book *b, double serial)
{
	char buf[128];
	long days, secs;
	long long y, m, d;

	if (!(serial >= 0 && serial < 2958466.0)) /* up to 9999-12-31 */
		return NULL;
	days = (long)floor(serial);
	secs = lround((serial - (double)days) * 86400.0);
	if (secs >= 86400) {
		days++;
		secs -= 86400;
	}
	if (b->date1904) {
		days += ms_days_from_civil(1904, 1, 1);
	} else {
		if (days == 60)
			return ms_arena_strdup(&b->arena, "1900-02-29");
		days += ms_days_from_civil(1899, 12, days < 60 ? 31 : 30);
	}
	ms_civil_from_days(days, &y, &m, &d);
	if (secs)
		snprintf(buf, sizeof(buf), "%04lld-%02lld-%02lld %02ld:%02ld:%02ld", y, m, d,
		         secs / 3600, secs / 60 % 60, secs % 60);
	else
		snprintf(buf, sizeof(buf), "%04lld-%02lld-%02lld", y, m, d);
	return ms_arena_strdup(&b->arena, buf);
}

static char *number_text(struct xlsx_book *b, double v)
{
	char buf[40];

	if (v == floor(v) && fabs(v) < 9007199254740992.0)
		snprintf(buf, sizeof(buf), "%.0f", v);
	else
		snprintf(buf, sizeof(buf), "%.15g", v);
	return ms_arena_strdup(&b->arena, buf);
}

static int parse_number(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return end != s && *end == '\0' && errno == 0 && isfinite(*out) ? 0 : -1;
}

/* A growing text buffer for one value; capped at MAX_STRING_BYTES. */
struct text {
	char *p;
	size_t n, cap;
	int too_long;
};

static void text_add(struct text *t, const char *s)
{
	size_t len = strlen(s);

	if (t->n + len > MAX_STRING_BYTES) {
		t->too_long = 1;
		return;
	}
	if (t->n + len + 1 > t->cap) {
		t->cap = (t->n + len + 1) * 2;
		t->p = ms_xrealloc(t->p, t->cap);
	}
	memcpy(t->p + t->n, s, len + 1);
	t->n += len;
}

/* One <c> as the stream delivered it: its attributes and the text of <v> or <is>. */
struct raw_cell {
	char t[16]; /* the type attribute, "" for none */
	long s;     /* style index, -1 for none */
	int has_v, has_is;
	struct text v, is;
};

/* Turns a raw cell into a cell; returns 1 if it holds a value, 0 if empty, -1 if damaged. */
static int make_cell(struct xlsx_book *b, const struct raw_cell *rc, struct xlsx_cell *cell)
{
	const char *t = rc->t, *vt = rc->v.p ? rc->v.p : "";

	if (rc->v.too_long || rc->is.too_long)
		return -1;
	if (strcmp(t, "inlineStr") == 0) {
		if (!rc->has_is || !rc->is.n)
			return 0;
		cell->type = XLSX_STRING;
		cell->text = ms_arena_strndup(&b->arena, rc->is.p, rc->is.n);
		return 1;
	}
	if (!rc->has_v)
		return 0;
	if (strcmp(t, "s") == 0) {
		char *end;
		unsigned long i = strtoul(vt, &end, 10);

		if (*end || end == vt || i >= b->n_strings)
			return -1;
		cell->type = XLSX_STRING;
		cell->text = b->strings[i];
	} else if (strcmp(t, "str") == 0 || strcmp(t, "d") == 0) {
		/* A formula's string result, or an ISO 8601 date kept as text. */
		cell->type = strcmp(t, "d") == 0 ? XLSX_DATE : XLSX_STRING;
		cell->text = ms_arena_strdup(&b->arena, vt);
	} else if (strcmp(t, "b") == 0) {
		cell->type = XLSX_BOOL;
		cell->num = strcmp(vt, "1") == 0;
		cell->text = cell->num ? "TRUE" : "FALSE";
	} else if (strcmp(t, "e") == 0) {
		cell->type = XLSX_ERROR;
		cell->text = ms_arena_strdup(&b->arena, vt);
	} else if (t[0] && strcmp(t, "n") != 0) {
		return -1;
	} else if (parse_number(vt, &cell->num) != 0) {
		return -1;
	} else {
		cell->type = XLSX_NUMBER;
		cell->text = NULL;
		if (rc->s >= 0 && (size_t)rc->s < b->n_styles && b->date_style[rc->s]) {
			cell->text = date_text(b, cell->num);
			if (cell->text)
				cell->type = XLSX_DATE;
		}
		if (!cell->text)
			cell->text = number_text(b, cell->num);
	}
	return cell->type == XLSX_STRING && cell->text[0] == '\0' ? 0 : 1;
}

static int cell_cmp(const void *a, const void *b)
{
	const struct xlsx_cell *x = a, *y = b;

	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/* Parser state while streaming one sheet. */
struct sheet_stream {
	struct xlsx_book *b;
	struct xlsx_sheet *sh;
	size_t cap;
	uint32_t next_row, row, next_col;
	uint32_t cell_row, cell_col;
	int in_cell, in_v, in_is, in_t, rph_depth;
	struct raw_cell raw;
};

static const char *reader_attr(xmlTextReaderPtr rd, const char *name, char *buf, size_t size)
{
	xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
	size_t n;

	if (!v)
		return NULL;
	n = strlen((const char *)v);
	if (n >= size)
		n = size - 1; /* longer than any valid value: it will fail to parse */
	memcpy(buf, v, n);
	buf[n] = '\0';
	xmlFree(v);
	return buf;
}

/* Returns 0, or -1 for a damaged sheet, -2 for too many cells. */
static int finish_cell(struct sheet_stream *st)
{
	struct xlsx_cell cell = { .row = st->cell_row, .col = st->cell_col };
	int got = make_cell(st->b, &st->raw, &cell);

	free(st->raw.v.p);
	free(st->raw.is.p);
	memset(&st->raw, 0, sizeof(st->raw));
	st->in_cell = st->in_v = st->in_is = st->in_t = 0;
	if (got <= 0)
		return got;
	if (st->sh->n_cells == MAX_CELLS)
		return -2;
	if (st->sh->n_cells == st->cap) {
		st->cap = st->cap ? st->cap * 2 : 256;
		st->sh->cells = ms_xrealloc(st->sh->cells, st->cap * sizeof(*st->sh->cells));
	}
	st->sh->cells[st->sh->n_cells++] = cell;
	return 0;
}

/* <mergeCell ref="B5:C5"/>: kept for reading two-row headers. 0, or -1 for a damaged ref. */
static int add_merge(struct sheet_stream *st, const char *ref)
{
	char a[32], *colon;
	struct xlsx_range r;

	if (!ref || strlen(ref) >= sizeof(a) || !(colon = strchr(ref, ':')))
		return ref ? -1 : 0;
	snprintf(a, sizeof(a), "%.*s", (int)(colon - ref), ref);
	if (parse_ref(a, &r.row1, &r.col1) || parse_ref(colon + 1, &r.row2, &r.col2) ||
	    r.row2 < r.row1 || r.col2 < r.col1)
		return -1;
	if (st->sh->n_merges >= MAX_MERGES)
		return -2;
	*(struct xlsx_range *)ms_xgrow((void **)&st->sh->merges, &st->sh->n_merges, sizeof(r)) = r;
	return 0;
}

static int start_element(struct sheet_stream *st, xmlTextReaderPtr rd, const char *name)
{
	char buf[64];
	int empty = xmlTextReaderIsEmptyElement(rd);

	if (strcmp(name, "row") == 0) {
		const char *r = reader_attr(rd, "r", buf, sizeof(buf));

		st->row = st->next_row;
		if (r) {
			char *end;
			unsigned long v = strtoul(r, &end, 10);

			if (*end || v == 0 || v > MAX_ROW)
				return -1;
			st->row = (uint32_t)v;
		}
		st->next_row = st->row + 1;
		st->next_col = 0;
	} else if (strcmp(name, "c") == 0 && !st->in_cell) {
		const char *r = reader_attr(rd, "r", buf, sizeof(buf));

		st->cell_row = st->row;
		st->cell_col = st->next_col;
		if (r && parse_ref(r, &st->cell_row, &st->cell_col) != 0)
			return -1;
		if (st->cell_col >= MAX_COL)
			return -1;
		st->next_col = st->cell_col + 1;
		memset(&st->raw, 0, sizeof(st->raw));
		if (!reader_attr(rd, "t", st->raw.t, sizeof(st->raw.t)))
			st->raw.t[0] = '\0';
		st->raw.s = reader_attr(rd, "s", buf, sizeof(buf)) ? strtol(buf, NULL, 10) : -1;
		st->in_cell = 1;
		if (empty)
			return finish_cell(st);
	} else if (strcmp(name, "mergeCell") == 0 && !st->in_cell) {
		return add_merge(st, reader_attr(rd, "ref", buf, sizeof(buf)));
	} else if (!st->in_cell || empty) {
		return 0;
	} else if (strcmp(name, "v") == 0) {
		st->in_v = st->raw.has_v = 1;
	} else if (strcmp(name, "is") == 0) {
		st->in_is = st->raw.has_is = 1;
	} else if (st->in_is && strcmp(name, "rPh") == 0 && !st->rph_depth) {
		st->rph_depth = xmlTextReaderDepth(rd); /* furigana: not part of the value */
	} else if (st->in_is && strcmp(name, "t") == 0) {
		st->in_t = 1;
	}
	return 0;
}

static int end_element(struct sheet_stream *st, xmlTextReaderPtr rd, const char *name)
{
	if (strcmp(name, "rPh") == 0 && st->rph_depth == xmlTextReaderDepth(rd))
		st->rph_depth = 0;
	else if (strcmp(name, "v") == 0)
		st->in_v = 0;
	else if (strcmp(name, "t") == 0)
		st->in_t = 0;
	else if (strcmp(name, "is") == 0)
		st->in_is = 0;
	else if (strcmp(name, "c") == 0 && st->in_cell)
		return finish_cell(st);
	return 0;
}

/*
 * Sheets are the big parts: they are streamed (xmlTextReader) rather than
 * built into a tree, so memory stays proportional to the cells kept.
 */
static int parse_sheet(struct xlsx_book *b, struct sheet_ref *ref, struct ms_error *err)
{
	struct sheet_stream st = { .b = b, .next_row = 1 };
	xmlTextReaderPtr rd;
	char *buf;
	size_t len = 0;
	int rc = read_part(b, ref->part, &buf, &len, err), ret;

	if (rc)
		return rc;
	if (len > INT32_MAX) {
		free(buf);
		return fail(b, err, MSG_XLSX_TOO_LARGE, ref->name);
	}
	rd = xmlReaderForMemory(buf, (int)len, ref->part, NULL,
	                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!rd) {
		free(buf);
		return fail(b, err, MSG_XLSX_BAD_XML, ref->name);
	}
	st.sh = ms_xcalloc(1, sizeof(*st.sh));
	st.sh->name = ref->name;
	rc = 0;
	while (rc == 0 && (ret = xmlTextReaderRead(rd)) == 1) {
		int type = xmlTextReaderNodeType(rd);
		const char *name = (const char *)xmlTextReaderConstLocalName(rd);

		switch (type) {
		case XML_READER_TYPE_DOCUMENT_TYPE:
			rc = -3; /* OOXML never carries a DTD: a hostile part */
			break;
		case XML_READER_TYPE_ELEMENT: rc = start_element(&st, rd, name ? name : ""); break;
		case XML_READER_TYPE_END_ELEMENT:
			rc = end_element(&st, rd, name ? name : "");
			break;
		case XML_READER_TYPE_TEXT:
		case XML_READER_TYPE_CDATA:
		case XML_READER_TYPE_SIGNIFICANT_WHITESPACE: {
			const char *v = (const char *)xmlTextReaderConstValue(rd);

			if (!v || st.rph_depth)
				break;
			if (st.in_v)
				text_add(&st.raw.v, v);
			else if (st.in_t)
				text_add(&st.raw.is, v);
			break;
		}
		default: break;
		}
	}
	if (rc == 0 && ret != 0)
		rc = -3; /* not well-formed */
	xmlFreeTextReader(rd);
	free(buf);
	free(st.raw.v.p);
	free(st.raw.is.p);
	if (rc) {
		free(st.sh->cells);
		free(st.sh->merges);
		free(st.sh);
		return fail(b, err,
		            rc == -2   ? MSG_XLSX_TOO_LARGE
		            : rc == -3 ? MSG_XLSX_BAD_XML
		                       : MSG_XLSX_DAMAGED,
		            ref->name);
	}
	for (size_t i = 1; i < st.sh->n_cells; i++) {
		/* Writers emit cells in order; sort only a file that does not. */
		if (cell_cmp(&st.sh->cells[i - 1], &st.sh->cells[i]) > 0) {
			qsort(st.sh->cells, st.sh->n_cells, sizeof(*st.sh->cells), cell_cmp);
			break;
		}
	}
	ref->parsed = st.sh;
	return MS_OK;
}

int xlsx_sheet(struct xlsx_book *b, const char *name, const struct xlsx_sheet **out,
               struct ms_error *err)
{
	*out = NULL;
	for (size_t i = 0; i < b->n_sheets; i++) {
		int rc;

		if (strcmp(b->sheets[i].name, name) != 0)
			continue;
		if (!b->sheets[i].parsed && (rc = parse_sheet(b, &b->sheets[i], err)))
			return rc;
		*out = b->sheets[i].parsed;
		return MS_OK;
	}
	return MS_OK;
}

const char *xlsx_cell_date(struct xlsx_book *b, const struct xlsx_cell *cell)
{
	if (cell->type == XLSX_DATE)
		return cell->text;
	/* From 1900-03-01: the serials before Excel's phantom 1900-02-29 are no real dates. */
	if (cell->type != XLSX_NUMBER || cell->num < 61)
		return NULL;
	return date_text(b, cell->num);
}

const struct xlsx_cell *xlsx_cell_merged(const struct xlsx_sheet *sh, uint32_t row, uint32_t col)
{
	for (size_t i = 0; sh && i < sh->n_merges; i++) {
		const struct xlsx_range *m = &sh->merges[i];
		if (row >= m->row1 && row <= m->row2 && col >= m->col1 && col <= m->col2)
			return xlsx_cell(sh, m->row1, m->col1);
	}
	return xlsx_cell(sh, row, col);
}

const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *sh, uint32_t row, uint32_t col)
{
	struct xlsx_cell key = { .row = row, .col = col };

	if (!sh || !sh->n_cells)
		return NULL;
	return bsearch(&key, sh->cells, sh->n_cells, sizeof(key), cell_cmp);
}

lxw_format *xlsx_head_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	format_set_bold(f);
	format_set_bg_color(f, 0xDDEBF7);
	format_set_border(f, LXW_BORDER_THIN);
	format_set_text_wrap(f);
	return f;
}

void xlsx_form_formats(lxw_workbook *wb, struct xlsx_form_formats *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->head = xlsx_head_format(wb);
	f->text = workbook_add_format(wb);
	format_set_num_format(f->text, "@");
	format_set_border(f->text, LXW_BORDER_THIN);
	f->note = workbook_add_format(wb);
	format_set_font_color(f->note, 0x595959);
	f->wrap = workbook_add_format(wb);
	format_set_text_wrap(f->wrap);
	format_set_align(f->wrap, LXW_ALIGN_VERTICAL_TOP);
	f->note_wrap = workbook_add_format(wb);
	format_set_font_color(f->note_wrap, 0x595959);
	format_set_text_wrap(f->note_wrap);
	format_set_align(f->note_wrap, LXW_ALIGN_VERTICAL_TOP);
	f->answer = workbook_add_format(wb);
	format_set_num_format(f->answer, "@");
	format_set_border(f->answer, LXW_BORDER_THIN);
	format_set_align(f->answer, LXW_ALIGN_VERTICAL_TOP);
}

void xlsx_form_choices(lxw_worksheet *ws, uint32_t r1, uint16_t col, uint32_t r2,
                       const char *const *words, const char *title, const char *hint, int *first)
{
	lxw_data_validation dv;
	lxw_error e;

	memset(&dv, 0, sizeof(dv));
	dv.validate = words ? LXW_VALIDATION_TYPE_LIST : LXW_VALIDATION_TYPE_ANY;
	dv.value_list = (char **)(uintptr_t)words; /* the writer only reads them */
	if (hint) {
		dv.input_title = (char *)(uintptr_t)title;
		dv.input_message = (char *)(uintptr_t)hint;
	}
	e = worksheet_data_validation_range(ws, r1, col, r2, col, &dv);
	if (e && !*first)
		*first = (int)e;
}

void xlsx_form_print(lxw_worksheet *ws, uint32_t header)
{
	worksheet_set_paper(ws, 9); /* A4 */
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, header);
}

void xlsx_form_fit_row(lxw_worksheet *ws, uint32_t r, const char *const *texts, const double *width,
                       size_t n)
{
	double lines = 1;

	for (size_t i = 0; i < n; i++) {
		double cols = 0, l;

		/* UTF-8: a lead byte of three or more bytes is a wide (Japanese) character. */
		for (const unsigned char *p = (const unsigned char *)(texts[i] ? texts[i] : ""); *p;
		     p++)
			cols += (*p & 0xC0) == 0x80 ? 0 : *p >= 0xE0 ? 2 : 1;
		l = width[i] > 2 ? ceil(cols / (width[i] - 1)) : 1;
		lines = l > lines ? l : lines;
	}
	if (lines > 1)
		worksheet_set_row(ws, r, 15 * lines, NULL);
}

/*
 * libxlsxwriter writes "[ERROR] ..." lines of its own to the error stream (fd 2); medsec
 * says what happened in its own words, so fd 2 points to /dev/null while it writes.
 */
static lxw_error close_quietly(lxw_workbook *wb)
{
	int saved = dup(STDERR_FILENO), null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	lxw_error e;

	/* The standard error stream is unbuffered: nothing of ours is pending in it. */
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	e = workbook_close(wb);
	if (saved >= 0 && null >= 0)
		dup2(saved, STDERR_FILENO);
	if (saved >= 0)
		close(saved);
	if (null >= 0)
		close(null);
	return e;
}

int xlsx_close(lxw_workbook *wb, int first_error, const char *path, struct ms_error *err)
{
	lxw_error closed = close_quietly(wb);
	lxw_error e = first_error ? (lxw_error)first_error : closed;
	zip_t *z;
	int zerr = 0;

	if (e)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, lxw_strerror(e));
	if (ms_fsync_path(path) != 0)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, strerror(errno));
	/* A write error the zip writer missed would leave a torn archive: read it back whole. */
	if (!(z = zip_open(path, ZIP_CHECKCONS | ZIP_RDONLY, &zerr)))
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, "incomplete xlsx");
	zip_discard(z);
	return MS_OK;
}

char *xlsx_text(const struct xlsx_sheet *sh, uint32_t row, int col)
{
	const struct xlsx_cell *c = col >= 0 ? xlsx_cell(sh, row, (uint32_t)col) : NULL;
	const char *s, *e;

	if (!c)
		return NULL;
	for (s = c->text;;) {
		if (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		else if (strncmp(s, "\u3000", 3) == 0)
			s += 3;
		else
			break;
	}
	for (e = s + strlen(s); e > s;) {
		if (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n')
			e--;
		else if (e - s >= 3 && strncmp(e - 3, "\u3000", 3) == 0)
			e -= 3;
		else
			break;
	}
	return e > s ? ms_xstrndup(s, (size_t)(e - s)) : NULL;
}
