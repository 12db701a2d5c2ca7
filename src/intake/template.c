/*
 * template.c - writes the intake workbook (医療機関記入依頼書) with
 * libxlsxwriter: blank with an example row per sheet, or filled from a
 * document (a re-survey starts from last round's declarations).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "intake/fields.h"
#include "medsec/clock.h"
#include "medsec/mem.h"
#include "medsec/intake.h"
#include "medsec/xlsx.h"

#define TABLE_HEADER_ROW 3 /* 0-based: row 4 as Excel shows it */
#define INPUT_ROWS 200     /* rows given drop-downs and text format */

/* The writer's state: formats, and the first error libxlsxwriter reported. */
struct fmts {
	lxw_format *title, *note, *group, *head, *head_req, *example, *text, *date, *general;
	lxw_error err;
};

static void set_fmts(lxw_workbook *wb, struct fmts *f)
{
	f->title = workbook_add_format(wb);
	format_set_bold(f->title);
	format_set_font_size(f->title, 14);
	f->note = workbook_add_format(wb);
	format_set_font_color(f->note, 0x595959);
	f->group = workbook_add_format(wb);
	format_set_bold(f->group);
	format_set_bg_color(f->group, 0xBDD7EE);
	format_set_border(f->group, LXW_BORDER_THIN);
	f->head = xlsx_head_format(wb);
	format_set_align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	f->head_req = workbook_add_format(wb);
	format_set_bold(f->head_req);
	format_set_bg_color(f->head_req, 0xFCE4D6);
	format_set_border(f->head_req, LXW_BORDER_THIN);
	format_set_text_wrap(f->head_req);
	format_set_align(f->head_req, LXW_ALIGN_VERTICAL_CENTER);
	f->example = workbook_add_format(wb);
	format_set_font_color(f->example, 0x808080);
	format_set_italic(f->example);
	format_set_num_format(f->example, "@");
	f->text = workbook_add_format(wb);
	format_set_num_format(f->text, "@");
	f->date = workbook_add_format(wb);
	format_set_num_format(f->date, "yyyy-mm-dd");
	f->general = workbook_add_format(wb);
	format_set_num_format(f->general, "General");
}

static char *header_text(const struct intake_field *f)
{
	return ms_xasprintf("%s%s", f->ja, (f->flags & (F_REQUIRED | F_MARKED)) ? "(*)" : "");
}

/* Adds a drop-down (closed sets) and the input hint for cells first_row..last_row of col. */
static void validate_column(lxw_worksheet *ws, struct fmts *fm, const struct intake_field *f,
                            lxw_row_t first, lxw_row_t last, lxw_col_t col)
{
	lxw_error e;
	lxw_data_validation dv;
	const char *list[16];
	size_t n = 0;

	memset(&dv, 0, sizeof(dv));
	if (f->set) {
		for (const struct model_enum *m = f->set; m->key && n < 15; m++)
			list[n++] = m->ja;
		list[n] = NULL;
		dv.validate = LXW_VALIDATION_TYPE_LIST;
		dv.value_list = (char **)(uintptr_t)list;
		dv.error_title = (char *)(uintptr_t) "入力エラー";
		dv.error_message = (char *)(uintptr_t) "一覧から選択してください";
	} else if (f->hint_ja) {
		dv.validate = LXW_VALIDATION_TYPE_ANY;
	} else {
		return;
	}
	if (f->hint_ja) {
		dv.input_title = (char *)(uintptr_t)f->ja;
		dv.input_message = (char *)(uintptr_t)f->hint_ja;
	}
	e = worksheet_data_validation_range(ws, first, col, last, col, &dv);
	if (e && !fm->err)
		fm->err = e;
}

static void write_value(lxw_worksheet *ws, struct fmts *fm, lxw_row_t row, lxw_col_t col,
                        const struct intake_field *f, void *record)
{
	const char *s = NULL;
	int v;

	switch (f->type) {
	case FT_TEXT: s = *field_text(record, f); break;
	case FT_DATE:
		s = *field_text(record, f);
		if (s) {
			lxw_datetime dt = { 0 };

			if (ms_date_parse(s, &dt.year, &dt.month, &dt.day)) {
				worksheet_write_datetime(ws, row, col, &dt, fm->date);
				return;
			}
		}
		break;
	case FT_INT:
		v = *field_int(record, f);
		if (v)
			worksheet_write_number(ws, row, col, v, fm->general);
		return;
	case FT_BOOL:
	case FT_ENUM:
		v = *field_int(record, f);
		if (v)
			s = model_enum_label(f->set, v, MS_LANG_JA);
		break;
	}
	if (s && *s)
		worksheet_write_string(ws, row, col, s, fm->text);
}

/*
 * Writes rec's table with its header at TABLE_HEADER_ROW starting at first_col,
 * an example row, then doc's records. Returns the column after the table.
 */
static lxw_col_t write_table(lxw_worksheet *ws, struct fmts *fm, enum intake_rec rec,
                             lxw_col_t first_col, const char *group, struct intake_doc *doc)
{
	lxw_col_t col = first_col;
	lxw_row_t ex = TABLE_HEADER_ROW + 1, data = TABLE_HEADER_ROW + 2;

	for (size_t k = 0; k < intake_n_fields; k++) {
		const struct intake_field *f = &intake_fields[k];
		char *h;

		if (f->rec != rec)
			continue;
		h = header_text(f);
		worksheet_write_string(ws, TABLE_HEADER_ROW, col, h,
		                       (f->flags & (F_REQUIRED | F_MARKED)) ? fm->head_req
		                                                            : fm->head);
		free(h);
		worksheet_set_column(ws, col, col, f->width, f->type == FT_TEXT ? fm->text : NULL);
		worksheet_write_string(ws, ex, col, col == first_col ? EXAMPLE_MARK : f->example,
		                       fm->example);
		validate_column(ws, fm, f, data, data + INPUT_ROWS - 1, col);
		for (size_t i = 0; doc && i < intake_record_count(doc, rec); i++)
			write_value(ws, fm, data + (lxw_row_t)i, col, f,
			            intake_record(doc, rec, i));
		col++;
	}
	if (group) {
		if (col - first_col > 1)
			worksheet_merge_range(ws, TABLE_HEADER_ROW - 1, first_col,
			                      TABLE_HEADER_ROW - 1, col - 1, group, fm->group);
		else
			worksheet_write_string(ws, TABLE_HEADER_ROW - 1, first_col, group,
			                       fm->group);
	}
	worksheet_set_row(ws, TABLE_HEADER_ROW, 45, NULL);
	return col;
}

static void write_basic(lxw_workbook *wb, struct fmts *fm, struct intake_doc *doc)
{
	lxw_worksheet *ws = workbook_add_worksheet(wb, SHEET_BASIC);
	lxw_row_t row = 2;
	lxw_col_t col;

	worksheet_write_string(
	        ws, 0, 0, "医療機関におけるサイバーセキュリティ確保事業 基本情報シート", fm->title);
	worksheet_write_string(ws, 1, 0, "(*) は必須項目です。担当者は4名まで記入できます。",
	                       fm->note);
	worksheet_set_column(ws, 0, 0, 34, NULL);
	worksheet_set_column(ws, 1, 1, 40, fm->text);
	for (size_t k = 0; k < intake_n_fields; k++) {
		const struct intake_field *f = &intake_fields[k];
		char *h;

		if (f->rec != REC_HOSPITAL)
			continue;
		row++;
		h = header_text(f);
		worksheet_write_string(ws, row, 0, h,
		                       (f->flags & (F_REQUIRED | F_MARKED)) ? fm->head_req
		                                                            : fm->head);
		free(h);
		if (strcmp(f->json, "consent") == 0) {
			static const struct model_enum consent[] = { { 1, "consent", CONSENT_TEXT,
				                                       CONSENT_TEXT },
				                                     { 0, NULL, NULL, NULL } };
			struct intake_field cf = *f;

			cf.set = consent;
			validate_column(ws, fm, &cf, row, row, 1);
		} else {
			validate_column(ws, fm, f, row, row, 1);
		}
		/* Typed-in dates and numbers must not land in a text-formatted cell. */
		if (f->type == FT_DATE)
			worksheet_write_blank(ws, row, 1, fm->date);
		else if (f->type == FT_INT)
			worksheet_write_blank(ws, row, 1, fm->general);
		if (doc)
			write_value(ws, fm, row, 1, f, &doc->hospital);
	}
	/* Contacts: a small table below, rows 担当者1..4. */
	row += 2;
	worksheet_write_string(ws, row, 0, "担当者", fm->head);
	col = 1;
	for (size_t k = 0; k < intake_n_fields; k++) {
		const struct intake_field *f = &intake_fields[k];

		if (f->rec != REC_CONTACT)
			continue;
		worksheet_write_string(ws, row, col, f->ja, fm->head);
		if (col > 1)
			worksheet_set_column(ws, col, col, f->width, fm->text);
		for (size_t i = 0; i < MODEL_MAX_CONTACTS; i++)
			if (doc && i < doc->n_contacts)
				write_value(ws, fm, row + 1 + (lxw_row_t)i, col, f,
				            &doc->contacts[i]);
		col++;
	}
	for (int i = 0; i < MODEL_MAX_CONTACTS; i++) {
		char label[32];

		snprintf(label, sizeof(label), "担当者%d", i + 1);
		worksheet_write_string(ws, row + 1 + (lxw_row_t)i, 0, label, NULL);
	}
}

static void write_accounts(lxw_workbook *wb, struct fmts *fm)
{
	static const char *const dev_head[] = { "",           "メーカー",
		                                "機種名",     "アカウント/ログインID",
		                                "パスワード", "特権(enable)ユーザパスワード" };
	static const char *const pc_head[] = { "", "端末ホスト名", "IPアドレス", "アカウント",
		                               "パスワード" };
	lxw_worksheet *ws = workbook_add_worksheet(wb, SHEET_ACCOUNTS);
	char label[32];

	worksheet_write_string(ws, 0, 0, "アカウント(ログインID)・パスワードリスト 【提出不要】",
	                       fm->title);
	worksheet_write_string(
	        ws, 1, 0,
	        "このシートは提出不要です。現地調査当日までにログイン情報を整理するためのもので、"
	        "medsec は読み込みません。提出前にこのシートを削除しても構いません。",
	        fm->note);
	worksheet_set_column(ws, 0, 0, 10, NULL);
	worksheet_set_column(ws, 1, 5, 22, fm->text);
	worksheet_write_string(ws, 3, 0, "■ 装置 (ルータ/UTM/FW など回線に紐づく装置)", fm->group);
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 4, (lxw_col_t)c, dev_head[c], fm->head);
	for (int i = 0; i < 5; i++) {
		snprintf(label, sizeof(label), "装置%d", i + 1);
		worksheet_write_string(ws, 5 + (lxw_row_t)i, 0, label, NULL);
	}
	worksheet_write_string(ws, 11, 0, "■ 調査端末 (シンクライアント端末/FAT端末)", fm->group);
	for (int c = 0; c < 5; c++)
		worksheet_write_string(ws, 12, (lxw_col_t)c, pc_head[c], fm->head);
	for (int i = 0; i < 5; i++) {
		snprintf(label, sizeof(label), "端末%d", i + 1);
		worksheet_write_string(ws, 13 + (lxw_row_t)i, 0, label, NULL);
	}
	worksheet_write_string(ws, 19, 0, "備考 (接続先情報など)", fm->head);
}

int intake_template_write(const char *path, const struct intake_doc *cdoc, struct ms_error *err)
{
	struct intake_doc *doc = (struct intake_doc *)(uintptr_t)cdoc; /* read only */
	lxw_workbook_options opt = { .constant_memory = LXW_FALSE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	lxw_worksheet *ws;
	struct fmts fm = { 0 };
	lxw_col_t next;

	if (!wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, path);
	set_fmts(wb, &fm);
	write_basic(wb, &fm, doc);

	ws = workbook_add_worksheet(wb, SHEET_LINES);
	worksheet_write_string(ws, 0, 0, "回線・機器情報記入シート", fm.title);
	worksheet_write_string(
	        ws, 1, 0,
	        "電子カルテシステムの所属するネットワークに接続する回線をすべて記入してください"
	        "(ベンダ所有の回線・保守用回線・無線を含む)。(*) は必須項目です。"
	        "右側の表には回線ごとの機器を記入してください。",
	        fm.note);
	next = write_table(ws, &fm, REC_LINE, 0, "回線情報", doc);
	write_table(ws, &fm, REC_DEVICE, next + 1,
	            "ネットワーク機器情報 (回線終端装置・ルータ・UTM・FW など)", doc);
	worksheet_freeze_panes(ws, TABLE_HEADER_ROW + 1, 1);

	ws = workbook_add_worksheet(wb, SHEET_TERMINALS);
	worksheet_write_string(ws, 0, 0, "調査端末情報記入シート", fm.title);
	worksheet_write_string(
	        ws, 1, 0,
	        "セキュリティ対策状況を確認する端末(PC)を5台選定してください"
	        "(電子カルテ端末1台と主要な部門システムの端末)。(*) は必須項目です。",
	        fm.note);
	write_table(ws, &fm, REC_TERMINAL, 0, "調査端末情報", doc);
	worksheet_freeze_panes(ws, TABLE_HEADER_ROW + 1, 1);

	ws = workbook_add_worksheet(wb, SHEET_LOCATIONS);
	worksheet_write_string(ws, 0, 0, "設置場所記入シート", fm.title);
	worksheet_write_string(
	        ws, 1, 0,
	        "平面図またはフロア図の画像をこのシートの右側に貼り付け、調査対象の回線終端装置と"
	        "調査端末の位置を示してください。下の表にも設置場所を記入してください。",
	        fm.note);
	write_table(ws, &fm, REC_LOCATION, 0, "設置場所", doc);

	write_accounts(wb, &fm);
	if (fm.err) {
		workbook_close(wb);
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, lxw_strerror(fm.err));
	}
	if (workbook_close(wb) != LXW_NO_ERROR)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, path);
	return MS_OK;
}
