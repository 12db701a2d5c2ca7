/*
 * inspection.c - MHLW's checklist, the form the 立入検査 checks (checklist.h): each of its
 * items answered from the monthly items it follows (はい when all are at level 2 or more, the
 * target of the manual), with the date checked and, for いいえ, the fiscal year's last day as
 * the target the form asks for; written as the 医療機関確認用 sheet and a 事業者確認用 sheet per
 * vendor to send out. Items no monthly item answers are left to the hospital, on the form.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "medsec/checklist.h"
#include "medsec/clock.h"
#include "medsec/records.h"
#include "medsec/text.h"
#include "medsec/xlsx.h"

/* The last day of the fiscal year (April to March) month falls in. */
static void fiscal_year_end(const char *month, char out[11])
{
	int y = 0, m = 0;
	const char *p = ms_read_digits(month, 4, 4, &y);

	if (p && *p == '-')
		ms_read_digits(p + 1, 2, 2, &m);
	snprintf(out, 11, "%04d-03-31", m >= 4 ? y + 1 : y);
}

void checklist_mhlw_answers(const struct checklist *c,
                            const struct checklist_row *const now[CHECKLIST_ITEMS],
                            const char *month, struct checklist_mhlw_answer *out)
{
	for (size_t i = 0; i < c->n_mhlw; i++) {
		const struct checklist_mhlw_item *m = &c->mhlw[i];
		struct checklist_mhlw_answer *a = &out[i];
		const char *newest = "";

		memset(a, 0, sizeof(*a));
		a->lowest = -1;
		for (size_t k = 0; k < m->n_from; k++) {
			const struct checklist_row *r = now[m->from[k] - 1];

			if (!r) {
				a->open[a->n_open++] = m->from[k];
				continue;
			}
			if (a->lowest < 0 || r->level < a->lowest)
				a->lowest = r->level;
			if (strcmp(r->answered_at, newest) > 0)
				newest = r->answered_at;
		}
		if (!m->n_from)
			a->answer = MHLW_BY_HAND;
		else if (a->n_open)
			a->answer = MHLW_OPEN;
		else
			a->answer = a->lowest >= 2 ? MHLW_YES : MHLW_NO;
		if ((a->answer == MHLW_YES || a->answer == MHLW_NO) &&
		    ms_date_jst(newest, a->checked_on) != 0)
			a->checked_on[0] = 0;
		if (a->answer == MHLW_NO)
			fiscal_year_end(month, a->target_on);
	}
}

/* ---- the workbook ---- */

static const char *const yes_no[] = { "はい", "いいえ", NULL };

struct book {
	lxw_workbook *wb;
	struct xlsx_form_formats f;
	int e;
};

/* Where the monthly checklist stands on an item, in a few words, into buf. */
static void basis(const struct checklist_mhlw_item *m, const struct checklist_mhlw_answer *a,
                  char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = 0;
	if (a->answer == MHLW_BY_HAND) {
		snprintf(buf, size, "対応する月次チェックリストの項目なし (直接回答)");
		return;
	}
	n += (size_t)snprintf(buf, size, "月次チェックリスト No.");
	for (size_t k = 0; k < m->n_from && n < size; k++)
		n += (size_t)snprintf(buf + n, size - n, "%s%d", k ? "・" : "", m->from[k]);
	if (n >= size)
		return;
	if (a->answer == MHLW_OPEN)
		snprintf(buf + n, size - n, " (No.%d が未回答)", a->open[0]);
	else
		snprintf(buf + n, size - n, " の最低レベル %d", a->lowest);
}

/* The sheet's top: title, who, and the header row at row 5 (0-based 4). */
static lxw_worksheet *form(struct book *b, const char *sheet, const char *title, const char *label,
                           const char *who, const char *note, const char *const *head,
                           const double *width, int n_head)
{
	lxw_worksheet *ws = workbook_add_worksheet(b->wb, sheet);

	worksheet_write_string(ws, 0, 0, title, b->f.title);
	worksheet_merge_range(ws, 1, 0, 1, (lxw_col_t)(n_head - 1), note, b->f.note_wrap);
	worksheet_set_row(ws, 1, 45, NULL);
	worksheet_write_string(ws, 2, 0, label, b->f.head);
	worksheet_write_string(ws, 2, 1, who, b->f.text);
	for (int i = 0; i < n_head; i++) {
		worksheet_write_string(ws, 4, (lxw_col_t)i, head[i], b->f.head);
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], b->f.wrap);
	}
	worksheet_freeze_panes(ws, 5, 0);
	xlsx_form_print(ws, 4);
	return ws;
}

static void hospital_sheet(struct book *b, const struct checklist *c,
                           const struct checklist_mhlw_answer *answers, const char *hospital,
                           const char *month)
{
	static const char *const head[] = { "番号", "区分",   "確認項目",
		                            "回答", "確認日", "目標日 (いいえの場合)",
		                            "根拠" };
	static const double width[] = { 12, 16, 54, 8, 12, 14, 36 };
	char note[512], why[256];
	lxw_worksheet *ws;

	snprintf(note, sizeof(note),
	         "%s 時点の月次チェックリストから、対応する項目がすべてレベル 2 以上なら「はい」、"
	         "そうでなければ「いいえ」と目標日 (年度末) を記入しています。空欄は直接ご回答くだ"
	         "さい。番号は令和6年度版、末尾は令和7年度版の追加項目です。お使いの版の様式と照合"
	         "してください。",
	         month);
	ws = form(b, "医療機関確認用",
	          "医療機関におけるサイバーセキュリティ対策チェックリスト (医療機関確認用)",
	          "医療機関名", hospital, note, head, width, 7);
	for (size_t i = 0; i < c->n_mhlw; i++) {
		const struct checklist_mhlw_item *m = &c->mhlw[i];
		const struct checklist_mhlw_answer *a = &answers[i];
		lxw_row_t r = (lxw_row_t)(5 + i);

		basis(m, a, why, sizeof(why));
		worksheet_write_string(ws, r, 0, m->id, b->f.wrap);
		worksheet_write_string(ws, r, 1, m->group.ja, b->f.wrap);
		worksheet_write_string(ws, r, 2, m->text.ja, b->f.wrap);
		worksheet_write_string(ws, r, 3,
		                       a->answer == MHLW_YES  ? "はい"
		                       : a->answer == MHLW_NO ? "いいえ"
		                                              : "",
		                       b->f.answer);
		worksheet_write_string(ws, r, 4, a->checked_on, b->f.answer);
		worksheet_write_string(ws, r, 5, a->target_on, b->f.answer);
		worksheet_write_string(ws, r, 6, why, b->f.wrap);
		xlsx_form_fit_row(
		        ws, r,
		        (const char *const[]){ m->id, m->group.ja, m->text.ja, "", "", "", why },
		        width, 7);
	}
	xlsx_form_choices(ws, 5, 3, (uint32_t)(5 + c->n_mhlw - 1), yes_no, NULL, NULL, &b->e);
}

/* One vendor's form: the items a vendor answers for the systems it provides, left blank. */
static void vendor_sheet(struct book *b, const struct checklist *c, const char *sheet,
                         const char *vendor, const char *hospital)
{
	static const char *const head[] = { "番号", "区分",   "確認項目",
		                            "回答", "確認日", "目標日 (いいえの場合)" };
	static const double width[] = { 12, 16, 54, 8, 12, 14 };
	char note[512];
	lxw_worksheet *ws;
	lxw_row_t r = 5;

	snprintf(note, sizeof(note),
	         "%s が、医療情報システムを提供・保守する事業者様にご記入をお願いするものです。"
	         "貴社が提供するシステムについて、はい・いいえと確認日を、いいえの場合は目標日を"
	         "ご記入ください。",
	         hospital);
	ws = form(b, sheet, "医療機関におけるサイバーセキュリティ対策チェックリスト (事業者確認用)",
	          "事業者名", vendor, note, head, width, 6);
	for (size_t i = 0; i < c->n_mhlw; i++) {
		const struct checklist_mhlw_item *m = &c->mhlw[i];

		if (!m->vendor)
			continue;
		worksheet_write_string(ws, r, 0, m->id, b->f.wrap);
		worksheet_write_string(ws, r, 1, m->group.ja, b->f.wrap);
		worksheet_write_string(ws, r, 2, m->text.ja, b->f.wrap);
		for (lxw_col_t col = 3; col < 6; col++)
			worksheet_write_string(ws, r, col, "", b->f.answer);
		xlsx_form_fit_row(ws, r, (const char *const[]){ m->id, m->group.ja, m->text.ja },
		                  width, 3);
		r++;
	}
	xlsx_form_choices(ws, 5, 3, r - 1, yes_no, NULL, NULL, &b->e);
}

int checklist_inspection_write(const char *path, const struct checklist *c,
                               const struct checklist_mhlw_answer *answers, const char *hospital,
                               const char *month, const char *const *vendors, size_t n_vendors,
                               struct ms_error *err)
{
	struct book b = { .wb = workbook_new(path) };

	if (!b.wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, NULL, path);
	xlsx_form_formats(b.wb, &b.f);
	hospital_sheet(&b, c, answers, hospital, month);
	/* Sheet names are numbered: a vendor's name may hold what a sheet name cannot ([]:*?/\). */
	for (size_t i = 0; i < n_vendors || (i == 0 && !n_vendors); i++) {
		char sheet[32];

		if (n_vendors > 1)
			snprintf(sheet, sizeof(sheet), "事業者確認用%zu", i + 1);
		else
			snprintf(sheet, sizeof(sheet), "事業者確認用");
		vendor_sheet(&b, c, sheet, n_vendors ? vendors[i] : "", hospital);
	}
	return xlsx_close(b.wb, b.e, path, err);
}
