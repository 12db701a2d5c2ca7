/*
 * onsite_sheet.c - the 現地調査 sheet: one table the team fills on site, a
 * row per planned line (区分 回線), per termination nobody declared (対象外回線)
 * and per device seen (機器). Read by header text, so inserted columns still
 * read; written blank (or with the plan's lines) with drop-downs.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <xlsxwriter.h>

#include "medsec/onsite.h"
#include "medsec/xlsx.h"

enum col {
	C_KIND,
	C_LINE,
	C_CONFIRMED,
	C_REASON,
	C_TERMINATION,
	C_DEVICE_KIND,
	C_MAKER,
	C_MODEL,
	C_PROVIDER,
	C_LOGIN,
	C_FIRMWARE,
	C_BUILDING,
	C_FLOOR,
	C_ROOM,
	C_NOTES,
	C__COUNT
};

static const struct {
	const char *ja, *member, *hint;
	int width;
} cols[C__COUNT] = {
	[C_KIND] = { "区分", "kind", "回線 / 対象外回線 / 機器", 12 },
	[C_LINE] = { "回線番号", "line_no", "調査実施計画一覧の回線番号", 9 },
	[C_CONFIRMED] = { "現地確認", "confirmed", "回線の終端装置を現地で確認できたか", 10 },
	[C_REASON] = { "未確認の理由", "reason", "例: ケーブルが束線されている、床下配線", 26 },
	[C_TERMINATION] = { "終端装置の種類", "termination", "対象外回線の終端装置", 16 },
	[C_DEVICE_KIND] = { "機器種別", "kind", NULL, 12 },
	[C_MAKER] = { "メーカー", "maker", NULL, 14 },
	[C_MODEL] = { "機種", "model", NULL, 18 },
	[C_PROVIDER] = { "回線事業者", "provider", NULL, 14 },
	[C_LOGIN] = { "ログイン", "login", "ログインしてファームウェアを確認したか", 10 },
	[C_FIRMWARE] = { "ファームウェア", "firmware", "ログインして確認した版のみ", 16 },
	[C_BUILDING] = { "建物", "building", NULL, 10 },
	[C_FLOOR] = { "階", "floor", NULL, 6 },
	[C_ROOM] = { "部屋", "room", NULL, 18 },
	[C_NOTES] = { "備考", "notes", NULL, 24 },
};

static const char *const kind_words[] = { "回線", "対象外回線", "機器" };

#define HEADER_SCAN_ROWS 40
#define TEMPLATE_HEADER_ROW 4 /* 0-based: row 5 as Excel shows it */
#define TEMPLATE_ROWS 100

struct sheet_reader {
	struct onsite_doc *doc;
	struct ms_diags *d;
	const struct xlsx_sheet *sh;
	int col[C__COUNT];
	uint32_t row;
};

static void sheet_bad(struct sheet_reader *r, enum col c, enum msg_id msg, const char *value,
                      const char *arg)
{
	char where[512], name[4];

	xlsx_col_name((uint32_t)(r->col[c] >= 0 ? r->col[c] : 0), name);
	snprintf(where, sizeof(where), "%s:%s:%u:%s", r->doc->source, ONSITE_SHEET, r->row, name);
	ms_diags_add(r->d, MS_DIAG_ERROR, msg, where, value, arg);
}

static char *text_of(struct sheet_reader *r, enum col c)
{
	char *s = xlsx_text(r->sh, r->row, r->col[c]), *kept;

	if (!s)
		return NULL;
	kept = ms_arena_strdup(&r->doc->arena, s);
	free(s);
	return kept;
}

static int int_of(struct sheet_reader *r, enum col c)
{
	char *s = xlsx_text(r->sh, r->row, r->col[c]), *end;
	long v;

	if (!s)
		return 0;
	/* 回線3 and 3 both name line 3. */
	v = strtol(strncmp(s, "回線", 6) == 0 ? s + 6 : s, &end, 10);
	if (*end || v < 1 || v > 9999) {
		sheet_bad(r, c, MSG_BAD_INT, s, NULL);
		v = 0;
	}
	free(s);
	return (int)v;
}

static enum tri tri_of(struct sheet_reader *r, enum col c, const char *yes, const char *no)
{
	char *s = xlsx_text(r->sh, r->row, r->col[c]);
	enum tri t = TRI_UNSET;
	char choice[64];

	if (!s)
		return TRI_UNSET;
	if (!strcmp(s, yes) || !strcmp(s, "はい") || !strcasecmp(s, "yes") ||
	    !strcasecmp(s, "TRUE"))
		t = TRI_YES;
	else if (!strcmp(s, no) || !strcmp(s, "いいえ") || !strcasecmp(s, "no") ||
	         !strcasecmp(s, "FALSE"))
		t = TRI_NO;
	else {
		snprintf(choice, sizeof(choice), "%s, %s", yes, no);
		sheet_bad(r, c, MSG_BAD_CHOICE, s, choice);
	}
	free(s);
	return t;
}

static int enum_of(struct sheet_reader *r, enum col c, const struct model_enum *set)
{
	char *s = xlsx_text(r->sh, r->row, r->col[c]);
	char choice[512];
	size_t used = 0;
	int v = 0;

	if (!s)
		return 0;
	for (const struct model_enum *e = set; e->key; e++)
		if (!strcmp(s, e->ja) || !strcasecmp(s, e->key) || !strcasecmp(s, e->en)) {
			v = e->value;
			goto out;
		}
	choice[0] = '\0';
	for (const struct model_enum *e = set; e->key && used < sizeof(choice); e++)
		used += (size_t)snprintf(choice + used, sizeof(choice) - used, "%s%s",
		                         used ? ", " : "", e->ja);
	sheet_bad(r, c, MSG_BAD_CHOICE, s, choice);
out:
	free(s);
	return v;
}

static void place_of(struct sheet_reader *r, struct place *p)
{
	p->building = text_of(r, C_BUILDING);
	p->floor = text_of(r, C_FLOOR);
	p->room = text_of(r, C_ROOM);
}

static void required(struct sheet_reader *r, enum col c, int present)
{
	if (!present)
		sheet_bad(r, c, MSG_REQUIRED, NULL, cols[c].ja);
}

static void read_row(struct sheet_reader *r, const char *kind)
{
	struct onsite_doc *doc = r->doc;

	if (!strcmp(kind, kind_words[0])) {
		struct onsite_line *l = ms_xgrow((void **)&doc->lines, &doc->n_lines, sizeof(*l));
		l->src = (int)r->row;
		l->line_no = int_of(r, C_LINE);
		l->confirmed = tri_of(r, C_CONFIRMED, "確認済み", "未確認");
		l->reason = text_of(r, C_REASON);
		place_of(r, &l->place);
		l->notes = text_of(r, C_NOTES);
		required(r, C_LINE,
		         l->line_no != 0 || r->col[C_LINE] < 0 ||
		                 xlsx_cell(r->sh, r->row, (uint32_t)r->col[C_LINE]));
		required(r, C_CONFIRMED,
		         l->confirmed != TRI_UNSET ||
		                 (r->col[C_CONFIRMED] >= 0 &&
		                  xlsx_cell(r->sh, r->row, (uint32_t)r->col[C_CONFIRMED])));
	} else if (!strcmp(kind, kind_words[1])) {
		struct onsite_unregistered *u = ms_xgrow((void **)&doc->unregistered,
		                                         &doc->n_unregistered, sizeof(*u));
		u->src = (int)r->row;
		u->termination = enum_of(r, C_TERMINATION, model_termination_kinds);
		u->maker = text_of(r, C_MAKER);
		u->model = text_of(r, C_MODEL);
		u->provider = text_of(r, C_PROVIDER);
		place_of(r, &u->place);
		u->notes = text_of(r, C_NOTES);
		required(r, C_TERMINATION,
		         u->termination ||
		                 (r->col[C_TERMINATION] >= 0 &&
		                  xlsx_cell(r->sh, r->row, (uint32_t)r->col[C_TERMINATION])));
	} else if (!strcmp(kind, kind_words[2])) {
		struct onsite_device *v = ms_xgrow((void **)&doc->devices, &doc->n_devices,
		                                   sizeof(*v));
		v->src = (int)r->row;
		v->line_no = int_of(r, C_LINE);
		v->kind = enum_of(r, C_DEVICE_KIND, model_device_kinds);
		v->maker = text_of(r, C_MAKER);
		v->model = text_of(r, C_MODEL);
		v->login = tri_of(r, C_LOGIN, "実施", "未実施");
		v->firmware = text_of(r, C_FIRMWARE);
		place_of(r, &v->place);
		v->notes = text_of(r, C_NOTES);
		required(r, C_LINE,
		         v->line_no != 0 || (r->col[C_LINE] >= 0 &&
		                             xlsx_cell(r->sh, r->row, (uint32_t)r->col[C_LINE])));
		required(r, C_MAKER, v->maker != NULL);
		required(r, C_MODEL, v->model != NULL);
		required(r, C_LOGIN,
		         v->login != TRI_UNSET ||
		                 (r->col[C_LOGIN] >= 0 &&
		                  xlsx_cell(r->sh, r->row, (uint32_t)r->col[C_LOGIN])));
	} else {
		sheet_bad(r, C_KIND, MSG_ONSITE_BAD_KIND, kind, NULL);
	}
}

/* 調査日 / 調査者 are label/value pairs above the table (label in any column, value to its right). */
static void read_header_values(struct sheet_reader *r, uint32_t header_row)
{
	for (uint32_t row = 1; row < header_row; row++)
		for (int c = 0; c < 8; c++) {
			char *label = xlsx_text(r->sh, row, c);
			if (!label)
				continue;
			r->row = row;
			if (!strcmp(label, "調査日")) {
				const struct xlsx_cell *v = xlsx_cell(r->sh, row, (uint32_t)c + 1);
				if (v)
					r->doc->surveyed_on = ms_arena_strdup(&r->doc->arena,
					                                      v->text);
			} else if (!strcmp(label, "調査者")) {
				char *v = xlsx_text(r->sh, row, c + 1);
				r->doc->surveyors = ms_arena_strdup(&r->doc->arena, v);
				free(v);
			}
			free(label);
		}
}

int onsite_load_xlsx_mem(const void *data, size_t size, const char *name, struct onsite_doc **out,
                         struct ms_diags *d, struct ms_error *err)
{
	struct xlsx_book *book = NULL;
	struct sheet_reader r = { .d = d };
	uint32_t header = 0, last = 0;
	int rc;

	*out = NULL;
	if ((rc = xlsx_open_mem(&book, data, size, name, err)))
		return rc;
	if ((rc = xlsx_sheet(book, ONSITE_SHEET, &r.sh, err)))
		goto out;
	if (!r.sh) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NO_SHEET, name, ONSITE_SHEET);
		goto out;
	}
	for (size_t i = 0; i < r.sh->n_cells; i++) {
		const struct xlsx_cell *c = &r.sh->cells[i];
		if (!header && c->row <= HEADER_SCAN_ROWS && !strcmp(c->text, cols[C_KIND].ja))
			header = c->row;
		last = c->row;
	}
	if (!header) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NO_HEADER, name, cols[C_KIND].ja);
		goto out;
	}
	for (int c = 0; c < C__COUNT; c++) {
		r.col[c] = -1;
		for (int k = 0; k < 64 && r.col[c] < 0; k++) {
			char *t = xlsx_text(r.sh, header, k);
			/* "ファームウェア(*)": a required mark does not change the column. */
			if (t && !strncmp(t, cols[c].ja, strlen(cols[c].ja)) &&
			    (t[strlen(cols[c].ja)] == '\0' || t[strlen(cols[c].ja)] == '('))
				r.col[c] = k;
			free(t);
		}
	}
	r.doc = ms_xcalloc(1, sizeof(*r.doc));
	r.doc->source = ms_arena_strdup(&r.doc->arena, name);
	r.doc->sheet_rows = 1;
	read_header_values(&r, header);
	if (!r.doc->surveyed_on) {
		r.row = 1;
		char where[512];
		snprintf(where, sizeof(where), "%s:%s:%s", name, ONSITE_SHEET, "調査日");
		ms_diags_add(d, MS_DIAG_ERROR, MSG_REQUIRED, where, NULL, "調査日");
	}
	for (r.row = header + 1; r.row <= last; r.row++) {
		char *kind = xlsx_text(r.sh, r.row, r.col[C_KIND]);
		if (kind && strcmp(kind, "例") && strncmp(kind, "記入例", 9))
			read_row(&r, kind);
		free(kind);
	}
	*out = r.doc;
out:
	xlsx_free(book);
	return rc;
}

/* ---- the blank sheet ---- */

static void drop_down(lxw_worksheet *ws, int col, const char *const *list, const char *hint, int *e)
{
	xlsx_form_choices(ws, TEMPLATE_HEADER_ROW + 1, (uint16_t)col,
	                  TEMPLATE_HEADER_ROW + TEMPLATE_ROWS, list, cols[col].ja, hint, e);
}

static void labels_of(const struct model_enum *set, const char **list, size_t max)
{
	size_t n = 0;

	for (; set->key && n + 1 < max; set++)
		list[n++] = set->ja;
	list[n] = NULL;
}

int onsite_template_write(const char *path, const struct plan *plan, struct ms_error *err)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws;
	struct xlsx_form_formats f;
	lxw_format *title, *head, *text, *note;
	int e = 0;
	const char *kinds[] = { kind_words[0], kind_words[1], kind_words[2], NULL };
	const char *confirmed[] = { "確認済み", "未確認", NULL },
	           *login[] = { "実施", "未実施", NULL };
	const char *terms[16], *devs[16];
	lxw_row_t row = TEMPLATE_HEADER_ROW + 1;

	if (!wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, NULL, path);
	ws = workbook_add_worksheet(wb, ONSITE_SHEET);
	xlsx_form_formats(wb, &f);
	title = f.title;
	head = f.head;
	text = f.text;
	note = f.note;

	worksheet_write_string(ws, 0, 0, "現地調査記録", title);
	worksheet_write_string(
	        ws, 0, 3,
	        "区分「回線」は計画の回線ごとに1行、「対象外回線」は申告のない回線終端装置、"
	        "「機器」は現地で確認したネットワーク機器を1台1行で記入します。",
	        note);
	worksheet_write_string(ws, 1, 0, "調査日", head);
	worksheet_write_string(ws, 1, 1, "", text);
	worksheet_write_string(ws, 2, 0, "調査者", head);
	worksheet_write_string(ws, 2, 1, "", text);
	for (int c = 0; c < C__COUNT; c++) {
		worksheet_write_string(ws, TEMPLATE_HEADER_ROW, (lxw_col_t)c, cols[c].ja, head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, cols[c].width, text);
	}
	labels_of(model_termination_kinds, terms, 16);
	labels_of(model_device_kinds, devs, 16);
	drop_down(ws, C_KIND, kinds, cols[C_KIND].hint, &e);
	drop_down(ws, C_CONFIRMED, confirmed, cols[C_CONFIRMED].hint, &e);
	drop_down(ws, C_TERMINATION, terms, cols[C_TERMINATION].hint, &e);
	drop_down(ws, C_DEVICE_KIND, devs, NULL, &e);
	drop_down(ws, C_LOGIN, login, cols[C_LOGIN].hint, &e);
	drop_down(ws, C_REASON, NULL, cols[C_REASON].hint, &e);
	drop_down(ws, C_FIRMWARE, NULL, cols[C_FIRMWARE].hint, &e);
	for (size_t i = 0; plan && i < plan->n_lines; i++, row++) {
		const struct plan_line *l = &plan->lines[i];
		worksheet_write_string(ws, row, C_KIND, kind_words[0], text);
		worksheet_write_number(ws, row, C_LINE, l->line_no, NULL);
		if (l->use)
			worksheet_write_string(ws, row, C_NOTES, l->use, text);
	}
	worksheet_freeze_panes(ws, TEMPLATE_HEADER_ROW + 1, 0);
	return xlsx_close(wb, e, path, err);
}
