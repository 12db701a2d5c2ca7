/* fields.c - the intake form's fields (fields.h), from seed 001 and domain-facts §1.2, §8. */
#include <stdio.h>
#include <string.h>

#include "intake/fields.h"
#include "medsec/xlsx.h"

static const struct model_enum set_request[] = {
	{ TRI_YES, "true", "調査希望あり", "Requested" },
	{ TRI_NO, "false", "調査希望なし", "Not requested" },
	{ 0, NULL, NULL, NULL },
};
static const struct model_enum set_ari_nashi[] = {
	{ TRI_YES, "true", "あり", "Yes" },
	{ TRI_NO, "false", "なし", "No" },
	{ 0, NULL, NULL, NULL },
};
static const struct model_enum set_hai_iie[] = {
	{ TRI_YES, "true", "はい", "Yes" },
	{ TRI_NO, "false", "いいえ", "No" },
	{ 0, NULL, NULL, NULL },
};
static const struct model_enum set_confirmed[] = {
	{ TRI_YES, "true", "確認済み", "Confirmed" },
	{ TRI_NO, "false", "未確認", "Not confirmed" },
	{ 0, NULL, NULL, NULL },
};
static const struct model_enum set_changed[] = {
	{ TRI_YES, "yes", "変更済み", "Changed" },
	{ TRI_NO, "no", "未変更", "Not changed" },
	{ TRI_UNKNOWN, "unknown", "不明", "Unknown" },
	{ 0, NULL, NULL, NULL },
};
static const struct model_enum set_ari_nashi_fumei[] = {
	{ TRI_YES, "yes", "あり", "Yes" },
	{ TRI_NO, "no", "なし", "No" },
	{ TRI_UNKNOWN, "unknown", "不明", "Unknown" },
	{ 0, NULL, NULL, NULL },
};

/* システム種別: the departmental systems a survey terminal belongs to (seed 001 調査端末). */
static const struct model_enum set_system[] = {
	{ TERMINAL_SYSTEM_EHR, "ehr", "電子カルテ", "EHR" },
	{ 2, "billing", "医事会計", "Billing" },
	{ 3, "ordering", "オーダリング", "Ordering" },
	{ 4, "laboratory", "検査", "Laboratory" },
	{ 5, "radiology", "放射線(PACS)", "Radiology (PACS)" },
	{ 6, "pharmacy", "薬剤", "Pharmacy" },
	{ 7, "nursing", "看護", "Nursing" },
	{ 8, "nutrition", "栄養", "Nutrition" },
	{ 9, "rehabilitation", "リハビリ", "Rehabilitation" },
	{ 10, "checkup", "健診", "Health check-up" },
	{ 11, "dialysis", "透析", "Dialysis" },
	{ 12, "logistics", "物流", "Logistics" },
	{ 13, "other", "その他", "Other" },
	{ 0, NULL, NULL, NULL },
};

#define H(m) REC_HOSPITAL, #m, offsetof(struct hospital, m)
#define C(m) REC_CONTACT, #m, offsetof(struct contact, m)
#define L(m) REC_LINE, #m, offsetof(struct line, m)
#define D(m) REC_DEVICE, #m, offsetof(struct device, m)
#define DP(m, j) REC_DEVICE, j, offsetof(struct device, pw.m)
#define T(m) REC_TERMINAL, #m, offsetof(struct terminal, m)
#define P(m) REC_LOCATION, #m, offsetof(struct location, m)
#define ROW(r, j, off, ja, en, type, set, flags, width, ex, hint)    \
	{                                                            \
		r, j, ja, en, type, set, flags, off, width, ex, hint \
	}
#define F(spec, ...) ROW(spec, __VA_ARGS__)

/* Order within a record is the column order of the workbook. */
const struct intake_field intake_fields[] = {
	F(H(consent), "本施策の同意確認", "Consent", FT_TEXT, NULL, F_REQUIRED, 30, CONSENT_TEXT,
	  "別紙7 規約・別紙8 注意事項を確認のうえ「同意する」を選択してください"),
	F(H(name), "医療機関名", "Hospital name", FT_TEXT, NULL, F_REQUIRED, 40, "〇〇病院", NULL),
	F(H(name_kana), "医療機関名(かな)", "Hospital name (kana)", FT_TEXT, NULL, 0, 40,
	  "まるまるびょういん", NULL),
	F(H(postal_code), "郵便番号", "Postal code", FT_TEXT, NULL, 0, 12, "100-0001", NULL),
	F(H(address), "住所", "Address", FT_TEXT, NULL, F_REQUIRED, 50, "東京都千代田区〇〇1-1-1",
	  NULL),
	F(H(building), "ビル名", "Building", FT_TEXT, NULL, 0, 30, "", NULL),
	F(H(beds), "病床数", "Beds", FT_INT, NULL, F_REQUIRED, 10, "200", NULL),
	F(H(filled_on), "記入日", "Date filled in", FT_DATE, NULL, 0, 14, "", "YYYY-MM-DD"),
	F(H(signer), "確認者名(医療機関のご担当者名)", "Confirmed by", FT_TEXT, NULL, F_REQUIRED,
	  30, "厚労 太郎", "記入内容を確認した担当者の氏名(フルネーム)"),

	F(C(name), "氏名", "Name", FT_TEXT, NULL, 0, 20, "厚労 太郎", NULL),
	F(C(kana), "フリガナ", "Kana", FT_TEXT, NULL, 0, 20, "コウロウ タロウ", NULL),
	F(C(department), "部署", "Department", FT_TEXT, NULL, 0, 20, "情報システム課", NULL),
	F(C(phone), "電話番号", "Phone", FT_TEXT, NULL, 0, 16, "03-0000-0000", NULL),
	F(C(email), "メールアドレス", "E-mail", FT_TEXT, NULL, 0, 30, "it@example.jp", NULL),

	F(L(no), "回線番号", "Line no.", FT_INT, NULL, F_REQUIRED, 9, "回線1",
	  "回線1, 回線2 ... の順に"),
	F(L(request_device_check), "調査希望(装置バージョン確認)", "Request: device check", FT_BOOL,
	  set_request, F_REQUIRED, 16, "調査希望あり", "現地で装置のバージョン確認を希望するか"),
	F(L(request_diagnosis), "調査希望(脆弱性診断)", "Request: diagnosis", FT_BOOL, set_request,
	  F_REQUIRED, 16, "調査希望あり", "リモートで脆弱性診断を希望するか"),
	F(L(ehr_connected), "電子カルテシステムの所属するネットワークとの接続",
	  "EHR network connection", FT_BOOL, set_ari_nashi, F_REQUIRED, 16, "あり", NULL),
	F(L(use), "用途・システム名", "Use / system", FT_TEXT, NULL, F_REQUIRED, 16, "電子カルテ",
	  NULL),
	F(L(link_type), "通信形態", "Link type", FT_ENUM, model_link_types, F_REQUIRED, 16,
	  "インターネットVPN", NULL),
	F(L(global_ip_use), "グローバルIP利用", "Global IP use", FT_ENUM, model_yes_no_unknown,
	  F_MARKED, 12, "あり", "電話回線のみ以外は必須"),
	F(L(ip_kind), "固定IP/動的IP", "Static/dynamic IP", FT_ENUM, model_ip_kinds, F_MARKED, 12,
	  "固定IP", "グローバルIP利用ありの場合は必須"),
	F(L(global_ip), "グローバルIPアドレス", "Global IP address", FT_TEXT, NULL, F_PREFIX, 20,
	  "203.0.113.10",
	  "回線と紐づくグローバルIPアドレス(複数ある場合はプレフィックス表記 例: 203.0.113.8/29)"),
	F(L(day_ip_confirmed), "診断当日 グローバルIP確認", "Day-of IP confirmed", FT_BOOL,
	  set_confirmed, 0, 14, "", "動的IPの場合のみ、脆弱性診断当日に記入"),
	F(L(day_global_ip), "診断当日 グローバルIPアドレス", "Day-of global IP", FT_TEXT, NULL,
	  F_PREFIX, 20, "", "動的IPの場合のみ、脆弱性診断当日に記入"),
	F(L(fqdn), "FQDN", "FQDN", FT_TEXT, NULL, 0, 24, "", NULL),
	F(L(carrier), "回線事業者", "Carrier", FT_TEXT, NULL, 0, 16, "NTT東日本",
	  "回線を契約した事業者"),
	F(L(line_service), "回線サービス名", "Line service", FT_TEXT, NULL, 0, 18,
	  "フレッツ光ネクスト", NULL),
	F(L(line_id), "回線ID", "Line ID", FT_TEXT, NULL, 0, 14, "CAF00001",
	  "光回線を契約している場合は必ず記入 (契約書類・開通のご案内に記載)"),
	F(L(provider), "プロバイダ名", "Provider", FT_TEXT, NULL, 0, 16, "〇〇プロバイダ", NULL),
	F(L(provider_plan), "プロバイダ品目", "Provider plan", FT_TEXT, NULL, 0, 18,
	  "フレッツ光クロス", NULL),
	F(L(termination_location), "回線終端装置設置場所", "Termination location", FT_TEXT, NULL,
	  F_REQUIRED, 30, "本館 3F サーバ室 1番ラック 3U", "ONU・モデム等の設置場所"),

	F(D(line_no), "対象回線", "Line no.", FT_INT, NULL, F_REQUIRED, 9, "回線1", NULL),
	F(D(kind), "機器種別", "Kind", FT_ENUM, model_device_kinds, 0, 14, "UTM", NULL),
	F(D(maker), "メーカー", "Maker", FT_TEXT, NULL, F_REQUIRED, 14, "Fortinet", NULL),
	F(D(model), "機種名", "Model", FT_TEXT, NULL, F_REQUIRED, 16, "FortiGate 60F", NULL),
	F(D(firmware), "ソフトウェアバージョン", "Firmware", FT_TEXT, NULL, F_REQUIRED, 16, "7.2.7",
	  "わからない場合は「不明」"),
	F(D(year), "製造年", "Year made", FT_INT, NULL, 0, 8, "2021", NULL),
	F(D(address), "機器IPアドレス", "Device address", FT_TEXT, NULL, 0, 18, "192.168.1.1",
	  "管理用(LAN側)アドレス"),
	F(D(location), "設置場所", "Location", FT_TEXT, NULL, 0, 24, "本館 3F サーバ室", NULL),
	F(DP(default_changed, "password_default_changed"), "初期パスワード変更",
	  "Default password changed", FT_ENUM, set_changed, F_REQUIRED, 14, "変更済み",
	  "出荷時のパスワードを変更しているか"),
	F(DP(length, "password_length"), "パスワード文字数", "Password length", FT_ENUM,
	  model_pw_lengths, F_REQUIRED, 14, "13文字以上", NULL),
	F(DP(periodic_change, "password_periodic_change"), "パスワード定期変更", "Periodic change",
	  FT_ENUM, set_ari_nashi_fumei, F_REQUIRED, 14, "なし", NULL),
	F(DP(change_months, "password_change_months"), "パスワード変更間隔(か月)",
	  "Change interval (months)", FT_INT, NULL, 0, 12, "2",
	  "定期変更ありの場合、何か月ごとに変更しているか (ガイドラインでは2か月以内)"),
	F(DP(reused, "password_reused"), "他機器とのパスワード使い回し", "Reused on other devices",
	  FT_ENUM, set_ari_nashi_fumei, F_REQUIRED, 14, "なし", NULL),
	F(DP(two_factor, "password_two_factor"), "二要素認証", "Two-factor login", FT_ENUM,
	  set_ari_nashi_fumei, F_REQUIRED, 12, "なし", NULL),

	F(T(no), "端末番号", "Terminal no.", FT_INT, NULL, F_REQUIRED, 9, "No.1", NULL),
	F(T(system), "システム種別", "System", FT_ENUM, set_system, F_REQUIRED, 14, "電子カルテ",
	  "一覧にないシステムは「その他」を選び、備考にシステム名を記入"),
	F(T(thin_client), "シンクライアント利用", "Thin client", FT_BOOL, set_hai_iie, F_REQUIRED,
	  12, "はい", NULL),
	F(T(hostname), "端末ホスト名", "Host name", FT_TEXT, NULL, F_REQUIRED, 16, "PC000001",
	  NULL),
	F(T(address), "IPアドレス", "IP address", FT_TEXT, NULL, F_REQUIRED, 18, "192.168.1.131/24",
	  "アドレス/プレフィックス長"),
	F(T(location), "設置場所", "Location", FT_TEXT, NULL, F_REQUIRED, 20, "西棟 2F 診察室A-1",
	  NULL),
	F(T(vdi_hostname), "仮想デスクトップ ホスト名", "VDI host name", FT_TEXT, NULL, 0, 16,
	  "VDI-XXXX01", NULL),
	F(T(vdi_address), "仮想デスクトップ IPアドレス", "VDI IP address", FT_TEXT, NULL, 0, 18,
	  "172.16.1.131/24", NULL),
	F(T(security_products), "セキュリティ対策製品", "Security products", FT_TEXT, NULL, 0, 24,
	  "Microsoft Defender", "ウイルス対策ソフト、EDR など"),
	F(T(line_no), "関連回線", "Related line", FT_INT, NULL, 0, 9, "",
	  "特定の回線経由で使う端末のみ"),
	F(T(notes), "備考", "Notes", FT_TEXT, NULL, 0, 28, "端末操作可能時間: 12:00-13:00", NULL),

	F(P(target), "対象", "Target", FT_TEXT, NULL, F_REQUIRED, 12, "回線1",
	  "回線1 (回線終端装置) または 端末1 (調査端末)"),
	F(P(building), "建物", "Building", FT_TEXT, NULL, 0, 14, "本館", NULL),
	F(P(floor), "階", "Floor", FT_TEXT, NULL, F_REQUIRED, 8, "3F", NULL),
	F(P(room), "部屋・ラック", "Room / rack", FT_TEXT, NULL, 0, 24, "サーバ室 1番ラック", NULL),
	F(P(notes), "備考", "Notes", FT_TEXT, NULL, 0, 28, "", NULL),
};
const size_t intake_n_fields = sizeof(intake_fields) / sizeof(intake_fields[0]);

int intake_field_find(enum intake_rec rec, const char *json)
{
	for (size_t i = 0; i < intake_n_fields; i++)
		if (intake_fields[i].rec == rec && strcmp(intake_fields[i].json, json) == 0)
			return (int)i;
	return -1;
}

const char *intake_sheet_name(enum intake_rec rec)
{
	switch (rec) {
	case REC_HOSPITAL:
	case REC_CONTACT: return SHEET_BASIC;
	case REC_LINE:
	case REC_DEVICE: return SHEET_LINES;
	case REC_TERMINAL: return SHEET_TERMINALS;
	default: return SHEET_LOCATIONS;
	}
}

const char *intake_json_array(enum intake_rec rec)
{
	static const char *const names[REC__COUNT] = {
		"hospital", "hospital/contacts", "lines", "devices", "terminals", "locations",
	};
	return names[rec];
}

void *intake_record(struct intake_doc *doc, enum intake_rec rec, size_t i)
{
	switch (rec) {
	case REC_HOSPITAL: return &doc->hospital;
	case REC_CONTACT: return &doc->contacts[i];
	case REC_LINE: return &doc->lines[i];
	case REC_DEVICE: return &doc->devices[i];
	case REC_TERMINAL: return &doc->terminals[i];
	default: return &doc->locations[i];
	}
}

size_t intake_record_count(const struct intake_doc *doc, enum intake_rec rec)
{
	switch (rec) {
	case REC_HOSPITAL: return 1;
	case REC_CONTACT: return doc->n_contacts;
	case REC_LINE: return doc->n_lines;
	case REC_DEVICE: return doc->n_devices;
	case REC_TERMINAL: return doc->n_terminals;
	default: return doc->n_locations;
	}
}

void *intake_record_add(struct intake_doc *doc, enum intake_rec rec)
{
	switch (rec) {
	case REC_HOSPITAL: return &doc->hospital;
	case REC_CONTACT: return intake_doc_add_contact(doc);
	case REC_LINE: return intake_doc_add_line(doc);
	case REC_DEVICE: return intake_doc_add_device(doc);
	case REC_TERMINAL: return intake_doc_add_terminal(doc);
	default: return intake_doc_add_location(doc);
	}
}

/* Every record struct starts with `int src`. */
static int record_src(const void *record)
{
	return *(const int *)record;
}

void intake_where(const struct intake_doc *doc, enum intake_rec rec, const void *record, int field,
                  char *buf, size_t size)
{
	const char *src = doc->source ? doc->source : "-";
	int idx = record_src(record);

	if (doc->format == INTAKE_JSON) {
		char base[64];

		if (rec == REC_HOSPITAL)
			snprintf(base, sizeof(base), "/hospital");
		else
			snprintf(base, sizeof(base), "/%s/%d", intake_json_array(rec), idx);
		if (field >= 0)
			snprintf(buf, size, "%s:%s/%s", src, base, intake_fields[field].json);
		else
			snprintf(buf, size, "%s:%s", src, base);
		return;
	}
	if (rec == REC_HOSPITAL && field >= 0) {
		if (!doc->rows || doc->rows[field] <= 0) { /* its label row is missing */
			snprintf(buf, size, "%s:%s", src, intake_sheet_name(rec));
			return;
		}
		idx = doc->rows[field];
	}
	if (field >= 0 && doc->columns && doc->columns[field] >= 0) {
		char col[8];

		xlsx_col_name((uint32_t)doc->columns[field], col);
		snprintf(buf, size, "%s:%s:%d:%s", src, intake_sheet_name(rec), idx, col);
	} else if (field >= 0) {
		snprintf(buf, size, "%s:%s:%d:%s", src, intake_sheet_name(rec), idx,
		         intake_fields[field].ja);
	} else if (rec == REC_HOSPITAL) {
		snprintf(buf, size, "%s:%s", src, intake_sheet_name(rec));
	} else {
		snprintf(buf, size, "%s:%s:%d", src, intake_sheet_name(rec), idx);
	}
}
