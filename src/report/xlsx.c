/*
 * xlsx.c - the annex tables as a workbook (libxlsxwriter): one sheet per table
 * that names one, headers frozen and filtered, severity tinted as in the HTML,
 * so a program office can sort and hand rows to a vendor.
 */
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "medsec/xlsx.h"
#include "report/report_int.h"

static uint32_t tint(const char *cls)
{
	if (!cls)
		return 0;
	if (!strcmp(cls, "critical"))
		return 0xF8D0D0;
	if (!strcmp(cls, "high"))
		return 0xFDE3C8;
	if (!strcmp(cls, "medium"))
		return 0xFFF5C2;
	if (!strcmp(cls, "low"))
		return 0xEEF5E0;
	return 0;
}

int report_xlsx(const struct rdoc *d, const char *path, struct ms_error *err)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_format *head, *cell, *tinted[4];
	static const char *const classes[] = { "critical", "high", "medium", "low" };
	lxw_error e = LXW_NO_ERROR;

	if (!wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, "xlsx");
	head = xlsx_head_format(wb);
	cell = workbook_add_format(wb);
	format_set_border(cell, LXW_BORDER_THIN);
	format_set_text_wrap(cell);
	format_set_align(cell, LXW_ALIGN_VERTICAL_TOP);
	for (int i = 0; i < 4; i++) {
		tinted[i] = workbook_add_format(wb);
		format_set_border(tinted[i], LXW_BORDER_THIN);
		format_set_text_wrap(tinted[i]);
		format_set_align(tinted[i], LXW_ALIGN_VERTICAL_TOP);
		format_set_bg_color(tinted[i], tint(classes[i]));
	}
	for (size_t b = 0; b < d->n && !e; b++) {
		const struct rtable *t = d->b[b].table;
		lxw_worksheet *ws;
		double sum = 0;

		if (d->b[b].kind != RB_TABLE || !t->sheet)
			continue;
		ws = workbook_add_worksheet(wb, t->sheet);
		if (!ws) {
			e = LXW_ERROR_SHEETNAME_ALREADY_USED;
			break;
		}
		for (size_t c = 0; c < t->ncols; c++)
			sum += t->widths[c];
		for (size_t c = 0; c < t->ncols; c++) {
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c,
			                     8 + 110.0 * t->widths[c] / sum, NULL);
			worksheet_write_string(ws, 0, (lxw_col_t)c, t->head[c], head);
		}
		for (size_t r = 0; r < t->nrows; r++) {
			lxw_format *f = cell;
			for (int i = 0; i < 4; i++)
				if (t->row_class[r] && !strcmp(t->row_class[r], classes[i]))
					f = tinted[i];
			for (size_t c = 0; c < t->ncols; c++)
				worksheet_write_string(ws, (lxw_row_t)(r + 1), (lxw_col_t)c,
				                       t->cells[r * t->ncols + c], f);
		}
		worksheet_freeze_panes(ws, 1, 0);
		if (t->nrows)
			worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->nrows,
			                     (lxw_col_t)(t->ncols - 1));
	}
	return xlsx_close(wb, e, path, err);
}
