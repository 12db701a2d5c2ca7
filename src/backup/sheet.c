/*
 * sheet.c - the offline-backup questionnaire as a workbook (backup.h): a sheet of
 * backups, a row each (the system's name, kind, vendor and need repeated on its rows),
 * and a sheet of the hospital's intent, a label and its answer per row. Read by header
 * and label text, the Japanese words turned into the JSON twin's keys, then checked by
 * backup_read: one set of rules, every problem named by its sheet, row and column.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <xlsxwriter.h>

#include "medsec/backup.h"
#include "medsec/text.h"
#include "medsec/xlsx.h"

#define SHEET_BACKUPS "バックアップ"
#define SHEET_INTENT "支援の意向"
#define HEADER_ROW 3 /* as Excel shows it */
#define TEMPLATE_ROWS 40
#define MAX_ROWS 1000

/* A column of the backups sheet: its header, the JSON member, its words (NULL: free text). */
struct column {
	const char *ja, *member;
	const char *const *words; /* the Japanese choices, in the order of keys */
	const char *const *keys;  /* their JSON values; "true"/"false" for yes/no */
	int width, number, date, system;
};

static const char *const yes_no[] = { "はい", "いいえ", NULL };
static const char *const bool_keys[] = { "true", "false", NULL };

static const struct column columns[] = {
	{ "システム名", "name", NULL, NULL, 16, 0, 0, 1 },
	{ "種別", "kind",
	  (const char *const[]){ "電子カルテ", "オーダリング", "医事会計・レセプト", "PACS",
	                         "その他", NULL },
	  (const char *const[]){ "ehr", "ordering", "receipt", "pacs", "other", NULL }, 14, 0, 0,
	  1 },
	{ "ベンダ", "vendor", NULL, NULL, 14, 0, 0, 1 },
	{ "診療継続に必要", "needed_for_care", yes_no, bool_keys, 10, 0, 0, 1 },
	{ "方式", "method",
	  (const char *const[]){ "フル", "差分", "増分", "レプリケーション", "スナップショット",
	                         NULL },
	  (const char *const[]){ "full", "differential", "incremental", "replication", "snapshot",
	                         NULL },
	  14, 0, 0, 0 },
	{ "頻度", "frequency", NULL, NULL, 8, 0, 0, 0 },
	{ "世代数", "generations", NULL, NULL, 7, 1, 0, 0 },
	{ "媒体", "medium",
	  (const char *const[]){ "テープ", "RDX", "外付けHDD", "光ディスク", "NAS",
	                         "バックアップサーバ", "追記不能ストレージ", "クラウド", NULL },
	  (const char *const[]){ "tape", "rdx", "usb_hdd", "optical", "nas", "server", "worm",
	                         "cloud", NULL },
	  16, 0, 0, 0 },
	{ "接続", "connection",
	  (const char *const[]){ "常時接続", "転送時のみ接続", "取り外し", NULL },
	  (const char *const[]){ "always", "during_transfer", "never", NULL }, 14, 0, 0, 0 },
	{ "交互に交換", "swapped", yes_no, bool_keys, 9, 0, 0, 0 },
	{ "施錠保管", "locked_away", yes_no, bool_keys, 9, 0, 0, 0 },
	{ "ネットワーク分離", "network", (const char *const[]){ "なし", "論理", "物理", NULL },
	  (const char *const[]){ "none", "logical", "physical", NULL }, 12, 0, 0, 0 },
	{ "追記不能", "immutable", yes_no, bool_keys, 9, 0, 0, 0 },
	{ "クラウド分離領域", "cloud_separated", yes_no, bool_keys, 12, 0, 0, 0 },
	{ "保管場所", "location", NULL, NULL, 18, 0, 0, 0 },
	{ "最終リストア試験日", "restore_tested_on", NULL, NULL, 14, 0, 1, 0 },
	{ "リストア結果", "restore_ok", (const char *const[]){ "成功", "失敗", NULL }, bool_keys,
	  10, 0, 0, 0 },
};
#define N_COLUMNS (sizeof(columns) / sizeof(columns[0]))

/* The intent sheet's rows: label, JSON member (NULL: the top level), choices. */
static const struct column intents[] = {
	{ "医療機関名", "hospital", NULL, NULL, 0, 0, 0, 1 },
	{ "回答日", "answered_on", NULL, NULL, 0, 0, 1, 1 },
	{ "オフラインバックアップを運用中", "operating", yes_no, bool_keys, 0, 0, 0, 0 },
	{ "電子カルテベンダ等と検討中", "planning_with_vendor", yes_no, bool_keys, 0, 0, 0, 0 },
	{ "本事業の支援を希望", "support_needed", yes_no, bool_keys, 0, 0, 0, 0 },
	{ "サーバ・物品を新設", "new_server", yes_no, bool_keys, 0, 0, 0, 0 },
	{ "調達時期", "procure", (const char *const[]){ "年度内", "次年度以降", NULL },
	  (const char *const[]){ "this_fiscal_year", "later", NULL }, 0, 0, 0, 0 },
	{ "保存先", "destination", (const char *const[]){ "院内の媒体", "クラウド", NULL },
	  (const char *const[]){ "onsite", "cloud", NULL }, 0, 0, 0, 0 },
	{ "構成概要", "design", NULL, NULL, 0, 0, 0, 0 },
	{ "導入予定時期", "planned_for", NULL, NULL, 0, 0, 0, 0 },
};
#define N_INTENTS (sizeof(intents) / sizeof(intents[0]))

/* Where each JSON member came from, to name cells in backup_read's problems. */
struct place_map {
	uint32_t *row; /* per backup, in order */
	size_t n;
	uint32_t *first; /* per system: its first row */
	int col[N_COLUMNS];
	uint32_t intent_row[N_INTENTS];
};

struct rd {
	struct xlsx_book *book;
	const struct xlsx_sheet *sh;
	const char *name, *sheet;
	struct ms_diags *d;
};

static void cell_problem(struct rd *r, uint32_t row, int col, enum msg_id msg, const char *value,
                         const char *arg)
{
	char where[512], c[4];

	xlsx_col_name((uint32_t)(col < 0 ? 0 : col), c);
	snprintf(where, sizeof(where), "%.300s:%s:%u:%s", r->name, r->sheet, row, c);
	ms_diags_add(r->d, MS_DIAG_ERROR, msg, where, value, arg);
}

/* The cell as its JSON value by the column's rules; NULL if empty or refused (said in d). */
static json_t *value_of(struct rd *r, const struct column *c, uint32_t row, int col)
{
	const struct xlsx_cell *cell = col >= 0 ? xlsx_cell(r->sh, row, (uint32_t)col) : NULL;
	char *t = xlsx_text(r->sh, row, col), list[256] = "";
	json_t *v = NULL;

	if (!t)
		return NULL;
	if (c->words) {
		for (size_t i = 0; c->words[i]; i++) {
			if (!strcmp(t, c->words[i]))
				v = !strcmp(c->keys[i], "true")    ? json_true()
				    : !strcmp(c->keys[i], "false") ? json_false()
				                                   : json_string(c->keys[i]);
			snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
			         i ? "・" : "", c->words[i]);
		}
		if (!v)
			cell_problem(r, row, col, MSG_BAD_CHOICE, t, list);
	} else if (c->number) {
		char *end;
		long n = strtol(t, &end, 10);

		if (*end || end == t)
			cell_problem(r, row, col, MSG_BAD_INT, t, NULL);
		else
			v = json_integer(n);
	} else if (c->date) {
		const char *d = cell ? xlsx_cell_date(r->book, cell) : NULL;

		v = json_string(d ? d
		                  : t); /* a date cell, else the text as typed (checked later) */
	} else {
		v = json_string(t);
	}
	free(t);
	return v;
}

static void locate(struct rd *r, uint32_t header, int col[N_COLUMNS])
{
	for (size_t c = 0; c < N_COLUMNS; c++) {
		col[c] = -1;
		for (int k = 0; k < 64 && col[c] < 0; k++) {
			char *t = xlsx_text(r->sh, header, k);

			if (t && !strncmp(t, columns[c].ja, strlen(columns[c].ja)))
				col[c] = k;
			free(t);
		}
	}
}

/* The backups sheet into root's systems[], rows remembered in m. */
static void read_backups(struct rd *r, json_t *root, struct place_map *m)
{
	json_t *systems = json_array();
	uint32_t last = 0;

	for (size_t i = 0; i < r->sh->n_cells; i++)
		last = r->sh->cells[i].row;
	locate(r, HEADER_ROW, m->col);
	if (m->col[0] < 0) {
		char where[512];

		snprintf(where, sizeof(where), "%.300s:%s", r->name, r->sheet);
		ms_diags_add(r->d, MS_DIAG_ERROR, MSG_XLSX_NO_HEADER, where, NULL, columns[0].ja);
		json_object_set_new(root, "systems", systems);
		return;
	}
	m->row = ms_xcalloc(last + 1, sizeof(*m->row));
	m->first = ms_xcalloc(last + 1, sizeof(*m->first));
	for (uint32_t row = HEADER_ROW + 1; row <= last && row <= MAX_ROWS; row++) {
		char *name = xlsx_text(r->sh, row, m->col[0]);
		json_t *sys = NULL, *b = json_object();
		size_t k;

		if (!name) {
			json_decref(b);
			continue;
		}
		json_array_foreach (systems, k, sys)
			if (!strcmp(json_string_value(json_object_get(sys, "name")), name))
				break;
		if (k == json_array_size(systems)) { /* a new system: its columns from this row */
			sys = json_object();
			for (size_t c = 0; c < N_COLUMNS; c++)
				if (columns[c].system) {
					json_t *v = value_of(r, &columns[c], row, m->col[c]);
					if (v)
						json_object_set_new(sys, columns[c].member, v);
				}
			json_object_set_new(sys, "backups", json_array());
			json_array_append_new(systems, sys);
			m->first[k] = row;
		}
		for (size_t c = 0; c < N_COLUMNS; c++)
			if (!columns[c].system) {
				json_t *v = value_of(r, &columns[c], row, m->col[c]);
				if (v)
					json_object_set_new(b, columns[c].member, v);
			}
		json_object_set_new(b, "_row", json_integer(row)); /* taken out below */
		json_array_append_new(json_object_get(sys, "backups"), b);
		free(name);
	}
	/* Each backup's row, in the order backup_read counts them. */
	{
		size_t i, j;
		json_t *sys, *b;

		json_array_foreach (systems, i, sys)
			json_array_foreach (json_object_get(sys, "backups"), j, b) {
				m->row[m->n++] = (uint32_t)json_integer_value(
				        json_object_get(b, "_row"));
				json_object_del(b, "_row");
			}
	}
	json_object_set_new(root, "systems", systems);
}

static void read_intent(struct rd *r, json_t *root, struct place_map *m)
{
	json_t *intent = json_object();
	uint32_t last = 0;

	for (size_t i = 0; i < r->sh->n_cells; i++)
		last = r->sh->cells[i].row;
	for (uint32_t row = 1; row <= last && row <= 100; row++) {
		char *label = xlsx_text(r->sh, row, 0);

		for (size_t i = 0; label && i < N_INTENTS; i++)
			if (!strcmp(label, intents[i].ja)) {
				json_t *v = value_of(r, &intents[i], row, 1);

				m->intent_row[i] = row;
				if (v)
					json_object_set_new(intents[i].system ? root : intent,
					                    intents[i].member, v);
			}
		free(label);
	}
	json_object_set_new(root, "intent", intent);
}

/* "/systems/3" at p: the number into *n and the rest after it; NULL if not that. */
static const char *index_after(const char *p, const char *prefix, unsigned *n)
{
	int v;

	if (strncmp(p, prefix, strlen(prefix)))
		return NULL;
	p = ms_read_digits(p + strlen(prefix), 1, 6, &v);
	*n = p ? (unsigned)v : 0;
	return p;
}

static const char *column_name(const struct place_map *m, const char *member, char c[4])
{
	for (size_t col = 0; col < N_COLUMNS; col++)
		if (!strcmp(columns[col].member, member)) {
			xlsx_col_name((uint32_t)(m->col[col] < 0 ? 0 : m->col[col]), c);
			return c;
		}
	return NULL;
}

/* "NAME:/systems/1/backups/0/medium" → "NAME:バックアップ:7:H"; the same text if unmapped. */
static void translate(const char *where, const char *name, const struct place_map *m, json_t *root,
                      char *out, size_t size)
{
	const char *p = where + strlen(name) + 1, *q;
	unsigned si, bi;
	char c[4];

	snprintf(out, size, "%s", where);
	if (strncmp(where, name, strlen(name)) || where[strlen(name)] != ':')
		return;
	if ((q = index_after(p, "/systems/", &si)) && (q = index_after(q, "/backups/", &bi)) &&
	    *q == '/') {
		/* The backup's place among all: the backups of the systems before it, and bi. */
		json_t *systems = json_object_get(root, "systems");
		size_t k = bi;

		for (unsigned s = 0; s < si && s < json_array_size(systems); s++)
			k += json_array_size(
			        json_object_get(json_array_get(systems, s), "backups"));
		if (k < m->n && column_name(m, q + 1, c))
			snprintf(out, size, "%s:%s:%u:%s", name, SHEET_BACKUPS, m->row[k], c);
	} else if ((q = index_after(p, "/systems/", &si)) && *q == '/') {
		if (m->first && column_name(m, q + 1, c))
			snprintf(out, size, "%s:%s:%u:%s", name, SHEET_BACKUPS, m->first[si], c);
	} else {
		const char *member = !strncmp(p, "/intent/", 8) ? p + 8 : p + 1;

		for (size_t i = 0; i < N_INTENTS; i++)
			if (!strcmp(intents[i].member, member) ||
			    (!strcmp(p, "/intent") &&
			     i == 2)) /* the intent as a whole: its first row */
				snprintf(out, size, "%s:%s:%u:B", name, SHEET_INTENT,
				         m->intent_row[i] ? m->intent_row[i] : 1);
	}
}

int backup_read_xlsx(const void *data, size_t size, const char *name, struct backup_answers **out,
                     struct ms_diags *d, struct ms_error *err)
{
	struct rd r = { .name = name, .d = d };
	struct place_map m = { 0 };
	struct ms_diags jd = { 0 };
	json_t *root = json_object();
	char *text = NULL;
	size_t before = d->errors;
	int rc;

	*out = NULL;
	if ((rc = xlsx_open_mem(&r.book, data, size, name, err)))
		goto out;
	json_object_set_new(root, "medsec_backup", json_integer(1));
	r.sheet = SHEET_BACKUPS;
	if ((rc = xlsx_sheet(r.book, SHEET_BACKUPS, &r.sh, err)))
		goto out;
	if (!r.sh) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NO_SHEET, name, SHEET_BACKUPS);
		goto out;
	}
	read_backups(&r, root, &m);
	r.sheet = SHEET_INTENT;
	if ((rc = xlsx_sheet(r.book, SHEET_INTENT, &r.sh, err)))
		goto out;
	if (!r.sh) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_XLSX_NO_SHEET, name, SHEET_INTENT);
		goto out;
	}
	read_intent(&r, root, &m);
	/* One set of rules: the twin is checked as JSON, its places told as cells. */
	text = json_dumps(root, JSON_COMPACT);
	rc = backup_read(text, strlen(text), name, out, &jd, err);
	for (size_t i = 0; i < jd.n; i++) {
		char where[512];
		int dup = 0;

		translate(jd.v[i].where, name, &m, root, where, sizeof(where));
		for (size_t k = before; k < d->n && !dup; k++)
			dup = !strcmp(d->v[k].where, where); /* a refused word, already said */
		if (!dup)
			ms_diags_add(d, jd.v[i].severity, jd.v[i].msg, where, jd.v[i].value,
			             jd.v[i].arg);
	}
	if (d->errors > before) {
		backup_answers_free(*out);
		*out = NULL;
		rc = ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL);
	}
out:
	free(text);
	json_decref(root);
	ms_diags_dispose(&jd);
	free(m.row);
	free(m.first);
	xlsx_free(r.book);
	return rc;
}

/* ---- the blank workbook ---- */

int backup_template_write(const char *path, struct ms_error *err)
{
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws, *wi;
	struct xlsx_form_formats f;
	int e = 0;

	if (!wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, NULL, path);
	xlsx_form_formats(wb, &f);

	ws = workbook_add_worksheet(wb, SHEET_BACKUPS);
	worksheet_write_string(
	        ws, 0, 0, "オフラインバックアップ支援 アンケート (バックアップの状況)", f.title);
	worksheet_write_string(
	        ws, 1, 0,
	        "診療の継続に必要なシステム (電子カルテ・オーダリング・医事会計/レセプト等) の"
	        "バックアップを 1 行に 1 つ記入します。同じシステムの行はシステム名をそろえてください。",
	        f.note);
	for (size_t c = 0; c < N_COLUMNS; c++) {
		worksheet_write_string(ws, HEADER_ROW - 1, (lxw_col_t)c, columns[c].ja, f.head);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, columns[c].width,
		                     columns[c].number || columns[c].date ? NULL : f.text);
		if (columns[c].words)
			xlsx_form_choices(ws, HEADER_ROW, (uint16_t)c,
			                  HEADER_ROW + TEMPLATE_ROWS - 1, columns[c].words, NULL,
			                  NULL, &e);
	}
	worksheet_freeze_panes(ws, HEADER_ROW, 1);

	wi = workbook_add_worksheet(wb, SHEET_INTENT);
	worksheet_write_string(wi, 0, 0, "オフラインバックアップ支援 アンケート (支援の意向)",
	                       f.title);
	worksheet_set_column(wi, 0, 0, 34, NULL);
	worksheet_set_column(wi, 1, 1, 40, f.text);
	for (size_t i = 0; i < N_INTENTS; i++) {
		worksheet_write_string(wi, (lxw_row_t)(i + 2), 0, intents[i].ja, f.head);
		worksheet_write_string(wi, (lxw_row_t)(i + 2), 1, "", f.text);
		if (intents[i].words)
			xlsx_form_choices(wi, (uint32_t)(i + 2), 1, (uint32_t)(i + 2),
			                  intents[i].words, NULL, NULL, &e);
	}
	worksheet_write_string(
	        wi, (lxw_row_t)(N_INTENTS + 3), 0,
	        "運用中なら「オフラインバックアップを運用中」、ベンダと検討中で支援が不要なら"
	        "「電子カルテベンダ等と検討中」、支援を希望するなら「本事業の支援を希望」と"
	        "サーバ新設・調達時期・保存先をお答えください。",
	        f.note);
	return xlsx_close(wb, e, path, err);
}
