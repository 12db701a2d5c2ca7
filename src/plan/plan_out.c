/* plan_out.c - the plan as JSON and as the 調査実施計画一覧 workbook (plan.h). */
#include <stdio.h>
#include <string.h>

#include <jansson.h>
#include <xlsxwriter.h>

#include "medsec/clock.h"
#include "medsec/plan.h"
#include "medsec/xlsx.h"

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* The day in Japan of a recorded time: the day the day-of rule compares. */
static json_t *date_or_null(const char *iso)
{
	char day[11];

	return ms_date_jst(iso, day) == 0 ? json_string(day) : json_null();
}

/* Who confirmed what, on which day, in one cell of the plan. */
static void confirmations_text(const struct plan_line *l, int en, char *buf, size_t size)
{
	char day[11];
	size_t n = 0;

	buf[0] = '\0';
	if (l->meeting_confirmed) {
		ms_date_jst(l->meeting_at, day);
		n += (size_t)snprintf(buf, size, en ? "Meeting %s %s" : "打合せ %s %s", day,
		                      l->meeting_by ? l->meeting_by : "");
	}
	if (l->confirmed_ip && n < size) {
		ms_date_jst(l->confirmed_at, day);
		snprintf(buf + n, size - n, en ? "%sDay-of %s %s (%s)" : "%s当日確認 %s %s (%s)",
		         n ? "\n" : "", day,
		         l->confirmed_by ? l->confirmed_by : (en ? "workbook" : "記入依頼書"),
		         l->confirmed_ip);
	}
}

/* The plan number of a declared line, 0 when the plan left it out. */
static int plan_no(const struct plan *p, int declared_no)
{
	const struct plan_line *l = plan_line_by_declared(p, declared_no);

	return l ? l->line_no : 0;
}

/* Devices to look at on site: those on a planned line whose device check was requested. */
static int to_survey(const struct plan *p, const struct device *d)
{
	const struct plan_line *l = plan_line_by_declared(p, d->line_no);

	return l && l->request_device_check;
}

static void view_json(json_t *root, const struct plan *p, const struct plan_view *v)
{
	json_t *devs = json_array(), *terms = json_array();

	json_object_set_new(root, "survey_on", str_or_null(v ? v->survey_on : NULL));
	json_object_set_new(root, "diagnosis_on", str_or_null(v ? v->diagnosis_on : NULL));
	for (size_t i = 0; v && v->doc && i < v->doc->n_devices; i++) {
		const struct device *d = &v->doc->devices[i];
		if (!to_survey(p, d))
			continue;
		json_array_append_new(
		        devs,
		        json_pack("{s:i, s:o, s:o, s:o, s:o, s:o}", "line_no",
		                  plan_no(p, d->line_no), "kind",
		                  str_or_null(model_enum_key(model_device_kinds, (int)d->kind)),
		                  "maker", str_or_null(d->maker), "model", str_or_null(d->model),
		                  "firmware", str_or_null(d->firmware), "location",
		                  str_or_null(d->location)));
	}
	for (size_t i = 0; v && v->doc && i < v->doc->n_terminals; i++) {
		const struct terminal *t = &v->doc->terminals[i];
		json_array_append_new(terms, json_pack("{s:i, s:o, s:o}", "no", t->no, "hostname",
		                                       str_or_null(t->hostname), "location",
		                                       str_or_null(t->location)));
	}
	json_object_set_new(root, "devices", devs);
	json_object_set_new(root, "terminals", terms);
}

char *plan_json(const struct plan *p, const struct plan_view *v, enum ms_lang lang)
{
	json_t *root = json_object(), *lines = json_array(), *oos = json_array();
	char *s;

	json_object_set_new(root, "hospital", json_pack("{s:s}", "name", p->hospital));
	json_object_set_new(root, "round", json_integer(p->round_no));
	json_object_set_new(root, "revision", json_integer(p->revision));
	json_object_set_new(root, "planned_at", json_string(p->created_at));
	for (size_t i = 0; i < p->n_lines; i++) {
		const struct plan_line *l = &p->lines[i];
		json_t *o = json_object();
		const char *reason = plan_reason_key(l->reason);

		json_object_set_new(o, "line_no", json_integer(l->line_no));
		json_object_set_new(o, "declared_no", json_integer(l->declared_no));
		json_object_set_new(o, "use", str_or_null(l->use));
		json_object_set_new(o, "link_type",
		                    str_or_null(model_enum_key(model_link_types, l->link_type)));
		json_object_set_new(
		        o, "global_ip_use",
		        str_or_null(model_enum_key(model_yes_no_unknown, l->global_ip_use)));
		json_object_set_new(o, "ip_kind",
		                    str_or_null(model_enum_key(model_ip_kinds, l->ip_kind)));
		json_object_set_new(o, "global_ip", str_or_null(l->global_ip));
		json_object_set_new(o, "fqdn", str_or_null(l->fqdn));
		json_object_set_new(o, "line_id", str_or_null(l->line_id));
		json_object_set_new(o, "carrier", str_or_null(l->carrier));
		json_object_set_new(o, "provider", str_or_null(l->provider));
		json_object_set_new(o, "termination_location",
		                    str_or_null(l->termination_location));
		json_object_set_new(o, "request_device_check",
		                    json_boolean(l->request_device_check));
		json_object_set_new(o, "request_diagnosis", json_boolean(l->request_diagnosis));
		json_object_set_new(o, "eligibility",
		                    json_string(plan_eligibility_key(l->eligibility)));
		json_object_set_new(o, "table_row", json_integer(l->table_row));
		json_object_set_new(o, "reason_code", str_or_null(reason));
		json_object_set_new(o, "reason",
		                    json_string(msg_text(plan_reason_msg(l->reason), lang)));
		json_object_set_new(o, "status", json_string(plan_status_key(l->status)));
		json_object_set_new(o, "status_text",
		                    json_string(msg_text(plan_status_msg(l->status), lang)));
		json_object_set_new(o, "confirmed_ip", str_or_null(l->confirmed_ip));
		json_object_set_new(o, "confirmed_at", str_or_null(l->confirmed_at));
		json_object_set_new(o, "confirmed_on", date_or_null(l->confirmed_at));
		json_object_set_new(o, "confirmed_by", str_or_null(l->confirmed_by));
		json_object_set_new(o, "meeting_confirmed", json_boolean(l->meeting_confirmed));
		json_object_set_new(o, "meeting_at", str_or_null(l->meeting_at));
		json_object_set_new(o, "meeting_by", str_or_null(l->meeting_by));
		json_object_set_new(o, "declared_row",
		                    l->declared_row ? json_integer(l->declared_row) : json_null());
		json_object_set_new(o, "target", str_or_null(l->target));
		json_array_append_new(lines, o);
	}
	for (size_t i = 0; i < p->n_out_of_scope; i++) {
		const struct plan_out_of_scope *x = &p->out_of_scope[i];

		json_array_append_new(oos,
		                      json_pack("{s:i, s:o, s:s, s:s}", "declared_no",
		                                x->declared_no, "use", str_or_null(x->use),
		                                "reason_code", plan_reason_key(x->reason), "reason",
		                                msg_text(plan_reason_msg(x->reason), lang)));
	}
	json_object_set_new(root, "lines", lines);
	json_object_set_new(root, "out_of_scope", oos);
	view_json(root, p, v);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(root);
	return s;
}

static void cell(lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
	worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s ? s : "", f);
}

/* The sheets of what is surveyed on site: devices on the lines to check, and the terminals. */
static void write_view(lxw_workbook *wb, const struct plan *p, const struct plan_view *v, int en,
                       lxw_format *title, lxw_format *hdr, lxw_format *wrap)
{
	static const char *const dh_ja[] = {
		"回線番号", "種別", "メーカー", "機種", "ファームウェア (申告)", "設置場所"
	};
	static const char *const dh_en[] = {
		"Line", "Kind", "Maker", "Model", "Firmware (declared)", "Location"
	};
	static const char *const th_ja[] = { "端末番号", "ホスト名", "設置場所" };
	static const char *const th_en[] = { "Terminal", "Host name", "Location" };
	lxw_worksheet *ws = workbook_add_worksheet(wb, en ? "Devices to survey" : "調査対象機器");
	char buf[64];
	int row = 3;

	cell(ws, 0, 0, en ? "Devices to survey on site" : "現地調査で確認する機器", title);
	for (int c = 0; c < 6; c++) {
		cell(ws, 2, c, (en ? dh_en : dh_ja)[c], hdr);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c >= 4 ? 26 : 14, NULL);
	}
	for (size_t i = 0; v && v->doc && i < v->doc->n_devices; i++) {
		const struct device *d = &v->doc->devices[i];
		if (!to_survey(p, d))
			continue;
		snprintf(buf, sizeof(buf), en ? "Line %d" : "回線%d", plan_no(p, d->line_no));
		cell(ws, row, 0, buf, wrap);
		cell(ws, row, 1,
		     model_enum_label(model_device_kinds, (int)d->kind,
		                      en ? MS_LANG_EN : MS_LANG_JA),
		     wrap);
		cell(ws, row, 2, d->maker, wrap);
		cell(ws, row, 3, d->model, wrap);
		cell(ws, row, 4, d->firmware, wrap);
		cell(ws, row++, 5, d->location, wrap);
	}
	ws = workbook_add_worksheet(wb, en ? "Terminals to survey" : "調査端末");
	cell(ws, 0, 0, en ? "Terminals to survey on site" : "現地調査で確認する端末", title);
	for (int c = 0; c < 3; c++) {
		cell(ws, 2, c, (en ? th_en : th_ja)[c], hdr);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c ? 26 : 12, NULL);
	}
	row = 3;
	for (size_t i = 0; v && v->doc && i < v->doc->n_terminals; i++) {
		const struct terminal *t = &v->doc->terminals[i];
		snprintf(buf, sizeof(buf), en ? "No.%d" : "端末%d", t->no);
		cell(ws, row, 0, buf, wrap);
		cell(ws, row, 1, t->hostname, wrap);
		cell(ws, row++, 2, t->location, wrap);
	}
}

int plan_write_xlsx(const struct plan *p, const struct plan_view *v, const char *path,
                    enum ms_lang lang, struct ms_error *err)
{
	int en = lang == MS_LANG_EN;
	static const char *const head_ja[] = {
		"回線番号",
		"記入依頼書の回線番号",
		"用途・システム名",
		"通信形態",
		"グローバルIP利用",
		"固定IP/動的IP",
		"グローバルIPアドレス",
		"FQDN",
		"回線終端装置設置場所",
		"装置バージョン確認",
		"脆弱性診断 実施判定",
		"判定表No.",
		"備考",
		"状況",
		"診断対象アドレス",
		"確認 (日付・確認者)",
	};
	static const char *const head_en[] = {
		"Line",
		"Declared line",
		"Use / system",
		"Link type",
		"Global IP use",
		"Static/dynamic",
		"Global IP",
		"FQDN",
		"Termination location",
		"Device check",
		"Diagnosis",
		"Table row",
		"Reason",
		"Status",
		"Diagnosis target",
		"Confirmed (date, by)",
	};
	static const double widths[] = { 9,  12, 18, 16, 10, 10, 20, 22,
		                         28, 10, 10, 8,  44, 30, 20, 30 };
	const char *const *head = en ? head_en : head_ja;
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws, *ws2;
	lxw_format *title, *hdr, *wrap;
	char buf[256];
	int row;

	if (!wb)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, path);
	ws = workbook_add_worksheet(wb, en ? "Survey plan" : "調査実施計画一覧");
	title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);
	hdr = xlsx_head_format(wb);
	wrap = workbook_add_format(wb);
	format_set_border(wrap, LXW_BORDER_THIN);
	format_set_text_wrap(wrap);
	format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);

	snprintf(buf, sizeof(buf), en ? "Survey plan: %s" : "調査実施計画一覧: %s", p->hospital);
	cell(ws, 0, 0, buf, title);
	snprintf(buf, sizeof(buf),
	         en ? "Round %d, intake revision %d, made %s; onsite survey %s, remote diagnosis %s"
	            : "第%d回調査 / 記入依頼書 第%d版 / 作成 %s / 現地調査日 %s / 脆弱性診断日 %s",
	         p->round_no, p->revision, p->created_at,
	         v && v->survey_on ? v->survey_on : (en ? "not set" : "未定"),
	         v && v->diagnosis_on ? v->diagnosis_on : (en ? "not set" : "未定"));
	cell(ws, 1, 0, buf, NULL);
	for (int c = 0; c < 16; c++) {
		cell(ws, 3, c, head[c], hdr);
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
	}
	row = 4;
	for (size_t i = 0; i < p->n_lines; i++, row++) {
		const struct plan_line *l = &p->lines[i];

		snprintf(buf, sizeof(buf), en ? "Line %d" : "回線%d", l->line_no);
		cell(ws, row, 0, buf, wrap);
		snprintf(buf, sizeof(buf), en ? "Line %d" : "回線%d", l->declared_no);
		cell(ws, row, 1, buf, wrap);
		cell(ws, row, 2, l->use, wrap);
		cell(ws, row, 3,
		     model_enum_label(model_link_types, l->link_type, en ? MS_LANG_EN : MS_LANG_JA),
		     wrap);
		cell(ws, row, 4,
		     model_enum_label(model_yes_no_unknown, l->global_ip_use,
		                      en ? MS_LANG_EN : MS_LANG_JA),
		     wrap);
		cell(ws, row, 5,
		     model_enum_label(model_ip_kinds, l->ip_kind, en ? MS_LANG_EN : MS_LANG_JA),
		     wrap);
		cell(ws, row, 6, l->global_ip, wrap);
		cell(ws, row, 7, l->fqdn, wrap);
		cell(ws, row, 8, l->termination_location, wrap);
		cell(ws, row, 9,
		     l->request_device_check ? (en ? "Requested" : "調査希望あり")
		                             : (en ? "Not requested" : "調査希望なし"),
		     wrap);
		cell(ws, row, 10, plan_eligibility_mark(l->eligibility), wrap);
		worksheet_write_number(ws, (lxw_row_t)row, 11, l->table_row, wrap);
		cell(ws, row, 12, msg_text(plan_reason_msg(l->reason), lang), wrap);
		cell(ws, row, 13, msg_text(plan_status_msg(l->status), lang), wrap);
		cell(ws, row, 14, l->target, wrap);
		confirmations_text(l, en, buf, sizeof(buf));
		cell(ws, row, 15, buf, wrap);
	}
	worksheet_freeze_panes(ws, 4, 1);

	ws2 = workbook_add_worksheet(wb, en ? "Out of scope" : "調査対象外回線");
	cell(ws2, 0, 0, en ? "Declared lines not surveyed" : "調査対象外とした回線", title);
	cell(ws2, 2, 0, en ? "Declared line" : "記入依頼書の回線番号", hdr);
	cell(ws2, 2, 1, en ? "Use / system" : "用途・システム名", hdr);
	cell(ws2, 2, 2, en ? "Reason" : "理由", hdr);
	worksheet_set_column(ws2, 0, 1, 18, NULL);
	worksheet_set_column(ws2, 2, 2, 50, NULL);
	for (size_t i = 0; i < p->n_out_of_scope; i++) {
		snprintf(buf, sizeof(buf), en ? "Line %d" : "回線%d",
		         p->out_of_scope[i].declared_no);
		cell(ws2, 3 + (int)i, 0, buf, wrap);
		cell(ws2, 3 + (int)i, 1, p->out_of_scope[i].use, wrap);
		cell(ws2, 3 + (int)i, 2, msg_text(plan_reason_msg(p->out_of_scope[i].reason), lang),
		     wrap);
	}
	write_view(wb, p, v, en, title, hdr, wrap);
	return xlsx_close(wb, 0, path, err);
}
