/*
 * xlsx_read.c - the intake workbook, read by header text rather than by
 * fixed cell positions, so a hospital that inserts a column or a row, or a
 * LibreOffice round trip, still reads the same.
 *
 * 基本情報記入シート is label/value pairs (label in column A, value in B)
 * plus a contacts table; the other sheets are tables with one header row.
 * Of the account/password sheet nothing is kept: it is only looked at to
 * warn that the file itself holds passwords.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "intake/convert.h"
#include "intake/fields.h"
#include "medsec/intake.h"
#include "medsec/mem.h"
#include "medsec/xlsx.h"

#define HEADER_SCAN_ROWS 40

struct reader {
	struct intake_doc *doc;
	struct ms_diags *d;
	struct xlsx_book *book;
};

static char *folded_header(const char *text)
{
	return intake_fold_header(ms_xstrdup(text));
}

static int header_matches(const char *cell_text, const struct intake_field *f)
{
	char *c = folded_header(cell_text), *ja = folded_header(f->ja), *en = folded_header(f->en);
	int m = strcmp(c, ja) == 0 || strcasecmp(c, en) == 0;

	free(c);
	free(ja);
	free(en);
	return m;
}

static const char *cell_text(const struct xlsx_sheet *sh, uint32_t row, int col)
{
	const struct xlsx_cell *c = col >= 0 ? xlsx_cell(sh, row, (uint32_t)col) : NULL;

	return c ? c->text : NULL;
}

/* The text of a field's cell; a date field takes a serial number as the date it is. */
static const char *field_cell(struct reader *r, const struct xlsx_sheet *sh, uint32_t row, int col,
                              const struct intake_field *f)
{
	const struct xlsx_cell *c = col >= 0 ? xlsx_cell(sh, row, (uint32_t)col) : NULL;
	const char *date;

	if (!c)
		return NULL;
	if (f->type == FT_DATE && (date = xlsx_cell_date(r->book, c)) != NULL)
		return date;
	return c->text;
}

static int is_example(const char *text)
{
	char *s;
	int m;

	if (!text)
		return 0;
	s = intake_fold(ms_xstrdup(text));
	m = strcmp(s, EXAMPLE_MARK) == 0;
	free(s);
	return m;
}

/* Label/value part of the basic sheet. */
static void read_hospital(struct reader *r, const struct xlsx_sheet *sh)
{
	for (size_t i = 0; i < sh->n_cells; i++) {
		const struct xlsx_cell *c = &sh->cells[i];

		if (c->col != 0)
			continue;
		for (size_t k = 0; k < intake_n_fields; k++) {
			const struct intake_field *f = &intake_fields[k];

			if (f->rec != REC_HOSPITAL || !header_matches(c->text, f) ||
			    r->doc->rows[k])
				continue;
			r->doc->rows[k] = (int)c->row;
			r->doc->columns[k] = 1;
			intake_convert(r->doc, &r->doc->hospital, (int)k,
			               field_cell(r, sh, c->row, 1, f), r->d);
		}
	}
	r->doc->hospital.src = 0;
}

/*
 * Does column col of a header spanning rows top..bottom name field f? Real workbooks
 * come back with two-row headers: a group label above (調査希望, merged across its
 * columns) and the labels below (装置バージョン確認(*)), read as "調査希望(装置バージョン確認)".
 */
static int header_at(const struct xlsx_sheet *sh, uint32_t top, uint32_t bottom, uint32_t col,
                     const struct intake_field *f)
{
	const struct xlsx_cell *lo = xlsx_cell_merged(sh, bottom, col);
	const struct xlsx_cell *hi = top < bottom ? xlsx_cell_merged(sh, top, col) : NULL;
	int m = 0;

	if (lo && lo->type == XLSX_STRING && header_matches(lo->text, f))
		return 1;
	if (hi && hi->type == XLSX_STRING && header_matches(hi->text, f))
		return 1;
	if (hi && lo && hi != lo && hi->type == XLSX_STRING && lo->type == XLSX_STRING) {
		char *joined = ms_xasprintf("%s(%s)", hi->text, lo->text);
		m = header_matches(joined, f);
		free(joined);
	}
	return m;
}

/* Maps rec's fields to columns of a header spanning top..bottom; the number mapped. */
static int map_columns(struct reader *r, const struct xlsx_sheet *sh, enum intake_rec rec,
                       size_t first, uint32_t top, uint32_t bottom, int c0)
{
	uint32_t maxcol = 0;
	int mapped = 0;

	for (size_t i = 0; i < sh->n_cells; i++)
		if (sh->cells[i].row >= top && sh->cells[i].row <= bottom &&
		    sh->cells[i].col > maxcol)
			maxcol = sh->cells[i].col;
	for (size_t k = first; k < intake_n_fields && intake_fields[k].rec == rec; k++) {
		int best = -1;

		for (uint32_t col = 0; col <= maxcol; col++) {
			if (!header_at(sh, top, bottom, col, &intake_fields[k]))
				continue;
			/* Prefer the first match at or right of the table's first column. */
			if ((int)col >= c0 && (best < c0 || (int)col < best))
				best = (int)col;
			else if (best < 0)
				best = (int)col;
		}
		r->doc->columns[k] = best;
		mapped += best >= 0;
	}
	return mapped;
}

/*
 * Finds rec's header: the first row holding the header of rec's first field, with
 * the row below or above it when that makes a two-row header naming more fields;
 * maps every field to a column. Returns the header's last row (data follows), or 0.
 */
static uint32_t find_table(struct reader *r, const struct xlsx_sheet *sh, enum intake_rec rec)
{
	size_t first = intake_n_fields;
	uint32_t row = 0, top, bottom;
	int c0 = -1, one, below, above = -1;

	for (size_t k = 0; k < intake_n_fields && first == intake_n_fields; k++)
		if (intake_fields[k].rec == rec)
			first = k;
	for (size_t i = 0; i < sh->n_cells && sh->cells[i].row <= HEADER_SCAN_ROWS; i++) {
		if (sh->cells[i].type == XLSX_STRING &&
		    header_matches(sh->cells[i].text, &intake_fields[first])) {
			row = sh->cells[i].row;
			c0 = (int)sh->cells[i].col;
			break;
		}
	}
	if (!row)
		return 0;
	one = map_columns(r, sh, rec, first, row, row, c0);
	below = map_columns(r, sh, rec, first, row, row + 1, c0);
	if (row > 1)
		above = map_columns(r, sh, rec, first, row - 1, row, c0);
	top = bottom = row;
	if (below > one && below >= above)
		bottom = row + 1;
	else if (above > one)
		top = row - 1;
	map_columns(r, sh, rec, first, top, bottom, c0);
	return bottom;
}

static void read_table(struct reader *r, const struct xlsx_sheet *sh, enum intake_rec rec,
                       int required)
{
	uint32_t header = find_table(r, sh, rec), row = 0;
	int c0 = -1;
	char where[512];

	if (!header) {
		if (required) {
			snprintf(where, sizeof(where), "%s:%s", r->doc->source, sh->name);
			for (size_t k = 0; k < intake_n_fields; k++)
				if (intake_fields[k].rec == rec) {
					ms_diags_add(r->d, MS_DIAG_ERROR, MSG_XLSX_NO_HEADER, where,
					             NULL, intake_fields[k].ja);
					break;
				}
		}
		return;
	}
	for (size_t k = 0; k < intake_n_fields; k++) {
		const struct intake_field *f = &intake_fields[k];

		if (f->rec != rec)
			continue;
		if (c0 < 0)
			c0 = r->doc->columns[k];
		if (r->doc->columns[k] < 0 && (f->flags & F_REQUIRED)) {
			snprintf(where, sizeof(where), "%s:%s:%u", r->doc->source, sh->name,
			         header);
			ms_diags_add(r->d, MS_DIAG_ERROR, MSG_XLSX_NO_COLUMN, where, NULL, f->ja);
		}
	}
	/* Visit each row that has cells once (cells are sorted by row), never the empty ones. */
	for (size_t i = 0; i < sh->n_cells; i++) {
		int any = 0;
		void *record;

		if (sh->cells[i].row <= header || sh->cells[i].row == row)
			continue;
		row = sh->cells[i].row;
		if (is_example(cell_text(sh, row, c0)) || is_example(cell_text(sh, row, c0 - 1)))
			continue;
		for (size_t k = 0; k < intake_n_fields && !any; k++) {
			const char *t;

			if (intake_fields[k].rec != rec)
				continue;
			t = cell_text(sh, row, r->doc->columns[k]);
			if (t) {
				char *s = intake_fold(ms_xstrdup(t));

				any = *s != '\0';
				free(s);
			}
		}
		if (!any)
			continue;
		record = intake_record_add(r->doc, rec);
		*(int *)record = (int)row;
		for (size_t k = 0; k < intake_n_fields; k++) {
			if (intake_fields[k].rec != rec || r->doc->columns[k] < 0)
				continue;
			intake_convert(
			        r->doc, record, (int)k,
			        field_cell(r, sh, row, r->doc->columns[k], &intake_fields[k]),
			        r->d);
		}
	}
}

/* Is anything written in the account/password sheet's ID and password columns (D-F)? */
static void warn_if_accounts_filled(struct reader *r, const struct xlsx_sheet *sh)
{
	static const char *const labels[] = { "アカウント/ログインID", "アカウント", "パスワード",
		                              "特権(enable)ユーザパスワード" };

	for (size_t i = 0; i < sh->n_cells; i++) {
		const struct xlsx_cell *c = &sh->cells[i];
		int label = 0;

		if (c->col < 3 || c->col > 5)
			continue;
		for (size_t k = 0; k < sizeof(labels) / sizeof(labels[0]); k++)
			label |= strcmp(c->text, labels[k]) == 0;
		if (!label) {
			char where[600];

			snprintf(where, sizeof(where), "%s:%s", r->doc->source, sh->name);
			ms_diags_add(r->d, MS_DIAG_WARNING, MSG_ACCOUNTS_FILLED, where, NULL, NULL);
			return;
		}
	}
}

static int need_sheet(struct reader *r, const char *name, int required,
                      const struct xlsx_sheet **out, struct ms_error *err)
{
	int rc = xlsx_sheet(r->book, name, out, err);

	if (rc)
		return rc;
	if (!*out && required) {
		char where[300];

		snprintf(where, sizeof(where), "%s", r->doc->source);
		ms_diags_add(r->d, MS_DIAG_ERROR, MSG_XLSX_NO_SHEET, where, NULL, name);
	}
	return MS_OK;
}

static int read_book(struct reader *r, struct ms_error *err)
{
	const struct xlsx_sheet *basic, *lines, *terms, *locs, *accounts;
	int rc;

	if ((rc = need_sheet(r, SHEET_BASIC, 1, &basic, err)) ||
	    (rc = need_sheet(r, SHEET_LINES, 1, &lines, err)) ||
	    (rc = need_sheet(r, SHEET_TERMINALS, 1, &terms, err)) ||
	    (rc = need_sheet(r, SHEET_LOCATIONS, 0, &locs, err)))
		return rc;
	/* A damaged account sheet is no reason to refuse the rest: its state is only a warning. */
	if (xlsx_sheet(r->book, SHEET_ACCOUNTS, &accounts, err) == MS_OK && accounts)
		warn_if_accounts_filled(r, accounts);
	if (basic) {
		read_hospital(r, basic);
		read_table(r, basic, REC_CONTACT, 0);
	}
	if (lines) {
		read_table(r, lines, REC_LINE, 1);
		read_table(r, lines, REC_DEVICE, 0);
	}
	if (terms)
		read_table(r, terms, REC_TERMINAL, 1);
	if (locs)
		read_table(r, locs, REC_LOCATION, 0);
	return MS_OK;
}

static int load(struct xlsx_book *book, const char *name, struct intake_doc **out,
                struct ms_diags *d, struct ms_error *err)
{
	struct reader r = { .d = d, .book = book };
	int rc;

	r.doc = intake_doc_new(name, INTAKE_XLSX);
	r.doc->columns = ms_xcalloc(intake_n_fields, sizeof(int));
	r.doc->rows = ms_xcalloc(intake_n_fields, sizeof(int));
	for (size_t k = 0; k < intake_n_fields; k++)
		r.doc->columns[k] = -1;
	rc = read_book(&r, err);
	xlsx_free(book);
	if (rc) {
		intake_doc_free(r.doc);
		return rc;
	}
	*out = r.doc;
	return MS_OK;
}

int intake_load_xlsx_mem(const void *data, size_t size, const char *name, struct intake_doc **out,
                         struct ms_diags *d, struct ms_error *err)
{
	struct xlsx_book *book;
	int rc = xlsx_open_mem(&book, data, size, name, err);

	*out = NULL;
	if (rc)
		return rc;
	return load(book, name, out, d, err);
}

int intake_load(const char *path, struct intake_doc **out, struct ms_diags *d, struct ms_error *err)
{
	FILE *f = fopen(path, "rb");
	unsigned char magic[2] = { 0 };
	char *data;
	long size;
	int rc;

	*out = NULL;
	if (!f)
		return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, path, NULL);
	if (fread(magic, 1, 2, f) == 2 && magic[0] == 'P' && magic[1] == 'K') {
		struct xlsx_book *book;

		fclose(f);
		rc = xlsx_open_file(&book, path, err);
		return rc ? rc : load(book, path, out, d, err);
	}
	/* JSON: read whole, capped. */
	if (fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, path, NULL);
	}
	if (size > (16L << 20)) {
		fclose(f);
		return ms_fail(err, MS_ERR_INPUT, MSG_INPUT_TOO_LARGE, path, NULL);
	}
	data = ms_xmalloc((size_t)size + 1);
	if (fread(data, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		free(data);
		return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, path, NULL);
	}
	fclose(f);
	rc = intake_load_json_mem(data, (size_t)size, path, out, d, err);
	free(data);
	return rc;
}
