/*
 * sheet.c - the monthly checklist as a workbook (checklist.h), for a hospital that answers
 * on paper or passes the file round the departments: the month and who answers at the
 * top, a row per item with its level to fill, and beside it the criteria of each level
 * and what medsec proposes, to read. Read back by label and header text, like the intake.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "medsec/checklist.h"
#include "medsec/clock.h"
#include "medsec/text.h"
#include "medsec/xlsx.h"

#define SHEET "チェックリスト"
#define LABEL_HOSPITAL "医療機関名"
#define LABEL_MONTH "対象月"
#define LABEL_BY "回答者"
#define HEAD_NO "番号"
#define HEAD_LEVEL "レベル"
#define HEADER_ROW 7 /* as Excel shows it */
#define MAX_ROWS 200

static const char *const level_words[] = { "0", "1", "2", "3", NULL };

/* ---- writing ---- */

int checklist_sheet_write(const char *path, const struct checklist *c,
                          const struct checklist_sheet *now,
                          const struct checklist_proposal proposals[CHECKLIST_ITEMS],
                          struct ms_error *err)
{
	static const char *const head[] = { HEAD_NO,         "章",         "項目",    HEAD_LEVEL,
		                            "medsec の提案", "提案の根拠", "レベル0", "レベル1",
		                            "レベル2",       "レベル3" };
	static const double width[] = { 11, 18, 48, 8, 8, 36, 28, 28, 28, 28 };
	lxw_workbook *wb = workbook_new(path);
	struct xlsx_form_formats f;
	lxw_worksheet *ws;
	int e = 0;

	if (!wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, NULL, path);
	xlsx_form_formats(wb, &f);
	ws = workbook_add_worksheet(wb, SHEET);
	worksheet_write_string(ws, 0, 0, "サイバーセキュリティ対策チェックリスト (月次)", f.title);
	worksheet_merge_range(
	        ws, 1, 0, 1, 9,
	        "各項目の「レベル」列に 0〜3 を記入し、回答者を書いて medsec checklist "
	        "import で取り込みます。目標はレベル 2 以上です。提案は medsec が調査"
	        "結果から推定したもので、回答は記入されたレベルです。",
	        f.note_wrap);
	worksheet_set_row(ws, 1, 30, NULL);
	worksheet_write_string(ws, 2, 0, LABEL_HOSPITAL, f.head);
	worksheet_write_string(ws, 2, 1, now->hospital, f.text);
	worksheet_write_string(ws, 3, 0, LABEL_MONTH, f.head);
	worksheet_write_string(ws, 3, 1, now->month, f.text);
	worksheet_write_string(ws, 4, 0, LABEL_BY, f.head);
	worksheet_write_string(ws, 4, 1, now->by, f.text);
	for (int i = 0; i < 10; i++) {
		worksheet_write_string(ws, HEADER_ROW - 1, (lxw_col_t)i, head[i], f.head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], f.wrap);
	}
	for (int i = 0; i < CHECKLIST_ITEMS; i++) {
		const struct checklist_item *it = &c->items[i];
		lxw_row_t r = (lxw_row_t)(HEADER_ROW + i);
		char answer[2] = { 0 };

		worksheet_write_number(ws, r, 0, it->no, NULL);
		worksheet_write_string(ws, r, 1, c->chapters[it->chapter - 1].title.ja, f.wrap);
		worksheet_write_string(ws, r, 2, it->text.ja, f.wrap);
		if (now->levels[i] >= 0)
			answer[0] = (char)('0' + now->levels[i]);
		worksheet_write_string(ws, r, 3, answer, f.answer);
		if (proposals[i].level >= 0) {
			worksheet_write_number(ws, r, 4, proposals[i].level, NULL);
			worksheet_write_string(ws, r, 5, proposals[i].reason, f.wrap);
		}
		for (int l = 0; l < 4; l++)
			worksheet_write_string(ws, r, (lxw_col_t)(6 + l), it->levels[l].ja, f.wrap);
		xlsx_form_fit_row(
		        ws, r,
		        (const char *const[]){ "", c->chapters[it->chapter - 1].title.ja,
		                               it->text.ja, "", "",
		                               proposals[i].level >= 0 ? proposals[i].reason : "",
		                               it->levels[0].ja, it->levels[1].ja, it->levels[2].ja,
		                               it->levels[3].ja },
		        width, 10);
	}
	xlsx_form_choices(ws, HEADER_ROW, 3, HEADER_ROW + CHECKLIST_ITEMS - 1, level_words,
	                  HEAD_LEVEL, "0: できていない 1: 最低限 2: 基本 3: システム・契約", &e);
	worksheet_freeze_panes(ws, HEADER_ROW, 3);
	xlsx_form_print(ws, HEADER_ROW - 1);
	return xlsx_close(wb, e, path, err);
}

/* ---- reading ---- */

struct rd {
	struct xlsx_book *book;
	const struct xlsx_sheet *sh;
	const char *name;
	struct ms_diags *d;
};

static void problem(struct rd *r, uint32_t row, int col, enum msg_id msg, const char *value,
                    const char *arg)
{
	char where[512], c[4];

	xlsx_col_name((uint32_t)(col < 0 ? 0 : col), c);
	snprintf(where, sizeof(where), "%.300s:%s:%u:%s", r->name, SHEET, row, c);
	ms_diags_add(r->d, MS_DIAG_ERROR, msg, where, value, arg);
}

/* The column whose header at row is exactly text, or -1. */
static int column(struct rd *r, uint32_t row, const char *text)
{
	int found = -1;

	for (int k = 0; k < 64 && found < 0; k++) {
		char *t = xlsx_text(r->sh, row, k);

		if (t && !strcmp(t, text))
			found = k;
		free(t);
	}
	return found;
}

/* The month at (row, B): a YYYY-MM typed as text, or a date Excel made of it. */
static void read_month(struct rd *r, uint32_t row, struct checklist_sheet *out)
{
	const struct xlsx_cell *cell = xlsx_cell(r->sh, row, 1);
	const char *date = cell ? xlsx_cell_date(r->book, cell) : NULL;
	char *t = xlsx_text(r->sh, row, 1), day[16];

	if (date && strlen(date) >= 10 && ms_date_valid(date)) {
		snprintf(out->month, sizeof(out->month), "%.7s", date);
	} else if (t && strlen(t) == 7 && (snprintf(day, sizeof(day), "%s-01", t), 1) &&
	           ms_date_valid(day)) {
		snprintf(out->month, sizeof(out->month), "%s", t);
	} else {
		problem(r, row, 1, MSG_BAD_MONTH, t ? t : "", t ? t : "");
	}
	free(t);
}

/* The 番号 cell of row: 1-20, else 0 (said in d). */
static int item_of(struct rd *r, uint32_t row, int col, const char *t)
{
	int no;
	const char *p = ms_read_digits(t, 1, 2, &no);

	if (!p || *p || no < 1 || no > CHECKLIST_ITEMS) {
		problem(r, row, col, MSG_BAD_CHOICE, t, "1-20");
		return 0;
	}
	return no;
}

static void read_items(struct rd *r, uint32_t header, struct checklist_sheet *out)
{
	int c_no = column(r, header, HEAD_NO), c_level = column(r, header, HEAD_LEVEL);
	uint32_t last = 0, seen[CHECKLIST_ITEMS] = { 0 };

	if (c_level < 0) {
		problem(r, header, 0, MSG_XLSX_NO_COLUMN, NULL, HEAD_LEVEL);
		return;
	}
	for (size_t i = 0; i < r->sh->n_cells; i++)
		last = r->sh->cells[i].row;
	for (uint32_t row = header + 1; row <= last && row <= MAX_ROWS; row++) {
		char *no = xlsx_text(r->sh, row, c_no), *level = xlsx_text(r->sh, row, c_level);
		int n = no ? item_of(r, row, c_no, no) : 0;

		if (n && seen[n - 1]) {
			problem(r, row, c_no, MSG_CHECKLIST_DUPLICATE_ITEM, no, NULL);
		} else if (n) {
			seen[n - 1] = row;
			if (level && (strlen(level) != 1 || level[0] < '0' || level[0] > '3'))
				problem(r, row, c_level, MSG_BAD_CHOICE, level, "0・1・2・3");
			else if (level)
				out->levels[n - 1] = level[0] - '0';
		} else if (level && !no) {
			problem(r, row, c_no, MSG_REQUIRED, NULL, HEAD_NO);
		}
		free(no);
		free(level);
	}
}

/* Column B of row (0: none) into buf; "" if empty. */
static void text_at(struct rd *r, uint32_t row, char *buf, size_t size)
{
	char *t = row ? xlsx_text(r->sh, row, 1) : NULL;

	snprintf(buf, size, "%s", t ? t : "");
	free(t);
}

int checklist_sheet_read(const void *data, size_t size, const char *name,
                         struct checklist_sheet *out, struct ms_diags *d, struct ms_error *err)
{
	struct rd r = { .name = name, .d = d };
	uint32_t hospital = 0, month = 0, by = 0, header = 0;
	size_t before = d->errors;
	int rc, any = 0;

	memset(out, 0, sizeof(*out));
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		out->levels[i] = -1;
	if ((rc = xlsx_open_mem(&r.book, data, size, name, err)))
		return rc;
	if ((rc = xlsx_sheet(r.book, SHEET, &r.sh, err)))
		goto out;
	if (!r.sh) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NO_SHEET, name, SHEET);
		goto out;
	}
	for (uint32_t row = 1; row <= 20 && !header; row++) {
		char *label = xlsx_text(r.sh, row, 0);

		hospital = label && !strcmp(label, LABEL_HOSPITAL) ? row : hospital;
		month = label && !strcmp(label, LABEL_MONTH) ? row : month;
		by = label && !strcmp(label, LABEL_BY) ? row : by;
		header = label && !strcmp(label, HEAD_NO) ? row : 0;
		free(label);
	}
	if (!header) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NO_HEADER, name, HEAD_NO);
		goto out;
	}
	if (month)
		read_month(&r, month, out);
	else
		problem(&r, 1, 0, MSG_REQUIRED, NULL, LABEL_MONTH);
	read_items(&r, header, out);
	text_at(&r, by, out->by, sizeof(out->by));
	text_at(&r, hospital, out->hospital, sizeof(out->hospital));
	for (int i = 0; i < CHECKLIST_ITEMS; i++)
		any |= out->levels[i] >= 0;
	if (any && !*out->by)
		problem(&r, by ? by : 1, by ? 1 : 0, MSG_REQUIRED, NULL, LABEL_BY);
	if (d->errors > before)
		rc = ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL);
out:
	xlsx_free(r.book);
	return rc;
}
