/*
 * xlsx.h - read the cells of an .xlsx workbook (Office Open XML, as saved
 * by Excel or LibreOffice): shared strings (without phonetic runs), inline
 * strings, numbers, booleans, errors and dates (by number format, 1900 and
 * 1904 systems). Formulas are read as their cached values.
 *
 * Input is hostile: entry sizes, cell counts and string lengths are capped,
 * and XML is parsed without network access or entity expansion.
 */
#ifndef MEDSEC_XLSX_H
#define MEDSEC_XLSX_H

#include <stddef.h>
#include <stdint.h>

#include "medsec/error.h"

enum xlsx_type { XLSX_STRING, XLSX_NUMBER, XLSX_BOOL, XLSX_DATE, XLSX_ERROR };

struct xlsx_cell {
	uint32_t row; /* 1-based, as Excel shows it */
	uint32_t col; /* 0-based: 0 is column A */
	enum xlsx_type type;
	double num;       /* numbers, booleans (0/1), dates as serials */
	const char *text; /* never NULL: the string, the number as text, the date as
				 * YYYY-MM-DD[ HH:MM:SS], TRUE/FALSE, or the error (#N/A) */
};

/* A merged range (rows and columns as in struct xlsx_cell, inclusive). */
struct xlsx_range {
	uint32_t row1, col1, row2, col2;
};

struct xlsx_sheet {
	const char *name;
	struct xlsx_cell *cells; /* sorted by row, then column */
	size_t n_cells;
	struct xlsx_range *merges; /* the sheet's merged cells */
	size_t n_merges;
};

struct xlsx_book;

/* Opens a workbook; on success *out is owned by the caller (xlsx_free). */
int xlsx_open_file(struct xlsx_book **out, const char *path, struct ms_error *err);
/* As above from memory, name (NULL: "-") told in errors; data must outlive the book. */
int xlsx_open_mem(struct xlsx_book **out, const void *data, size_t size, const char *name,
                  struct ms_error *err);
void xlsx_free(struct xlsx_book *book);

size_t xlsx_sheet_count(const struct xlsx_book *book);
const char *xlsx_sheet_name(const struct xlsx_book *book, size_t i);

/*
 * Parses the named sheet on first use. Returns MS_OK and sets *out (owned by
 * the book; NULL if no such sheet), or an error for a damaged sheet.
 */
int xlsx_sheet(struct xlsx_book *book, const char *name, const struct xlsx_sheet **out,
               struct ms_error *err);

/* The cell at (row, col) or NULL if empty. */
const struct xlsx_cell *xlsx_cell(const struct xlsx_sheet *sheet, uint32_t row, uint32_t col);
/* As xlsx_cell, but a cell inside a merged range reads as the range's top-left cell. */
const struct xlsx_cell *xlsx_cell_merged(const struct xlsx_sheet *sheet, uint32_t row,
                                         uint32_t col);

/*
 * The date text of a cell that holds a date as a serial number even where its
 * format does not say so (typed into a text- or General-formatted cell).
 * Returns NULL if the cell is not a number in the range of dates.
 */
const char *xlsx_cell_date(struct xlsx_book *book, const struct xlsx_cell *cell);

/*
 * A cell's text without surrounding blanks (ASCII and the ideographic space), new (free it);
 * NULL if the cell is empty or col is negative.
 */
char *xlsx_text(const struct xlsx_sheet *sheet, uint32_t row, int col);

/* "A", "B", ... "XFD" for a 0-based column; buf of at least 4 bytes. */
void xlsx_col_name(uint32_t col, char buf[4]);

/* Writing (libxlsxwriter): the one look of a table's header row in every workbook medsec writes. */
struct lxw_workbook;
struct lxw_format *xlsx_head_format(struct lxw_workbook *wb); /* bold, tinted, bordered, wrapped */
/* The looks of a form medsec writes for a person to fill: its title, header cells, answer
 * cells kept as typed (text), and grey notes. */
struct xlsx_form_formats {
	struct lxw_format *title, *head, *text, *note;
	struct lxw_format *wrap;      /* a long text, wrapped, at the top of its cell */
	struct lxw_format *note_wrap; /* a note merged over a table's width, wrapped */
	struct lxw_format *answer;    /* as text, but at the top, level with wrapped neighbours */
};
void xlsx_form_formats(struct lxw_workbook *wb, struct xlsx_form_formats *f);
/*
 * A drop-down of words (NULL-ended; NULL: any value) on rows r1..r2 (0-based) of column col,
 * with hint shown as the cell is entered (NULL: none). The writer's first error goes to *first.
 */
struct lxw_worksheet;
void xlsx_form_choices(struct lxw_worksheet *ws, uint32_t r1, uint16_t col, uint32_t r2,
                       const char *const *words, const char *title, const char *hint, int *first);
/* Printed as a form: A4 landscape, one page wide, rows up to header (0-based) on every page. */
void xlsx_form_print(struct lxw_worksheet *ws, uint32_t header);
/*
 * Row r made tall enough for texts[i] wrapped in columns of width[i] (character units; a
 * Japanese character takes two), since a spreadsheet opening the file does not always refit.
 */
void xlsx_form_fit_row(struct lxw_worksheet *ws, uint32_t r, const char *const *texts,
                       const double *width, size_t n);
/*
 * Closes wb (always: it writes the file) and tells the first error: the
 * writer's own (first_error, an lxw_error), else the close's. MS_OK, or the status.
 */
int xlsx_close(struct lxw_workbook *wb, int first_error, const char *path, struct ms_error *err);

#endif
