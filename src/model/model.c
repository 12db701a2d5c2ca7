/* model.c - closed sets and the intake document container (model.h). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medsec/model.h"
#include "medsec/records.h"

const struct model_enum model_link_types[] = {
	{ LINK_INTERNET, "internet", "インターネット", "Internet" },
	{ LINK_INTERNET_VPN, "internet_vpn", "インターネットVPN", "Internet VPN" },
	{ LINK_CLOSED, "closed", "閉域網", "Closed network" },
	{ LINK_PHONE_ONLY, "phone_only", "電話回線のみ", "Telephone only" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_ip_kinds[] = {
	{ IP_STATIC, "static", "固定IP", "Static" },
	{ IP_DYNAMIC, "dynamic", "動的IP", "Dynamic" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_yes_no_unknown[] = {
	{ TRI_YES, "yes", "あり", "Yes" },
	{ TRI_NO, "no", "なし", "No" },
	{ TRI_UNKNOWN, "unknown", "わからない", "Unknown" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_pw_lengths[] = {
	{ PW_LEN_UNDER_8, "under_8", "8文字未満", "Under 8" },
	{ PW_LEN_8_TO_12, "8_to_12", "8〜12文字", "8 to 12" },
	{ PW_LEN_13_OR_MORE, "13_or_more", "13文字以上", "13 or more" },
	{ PW_LEN_UNKNOWN, "unknown", "不明", "Unknown" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_device_kinds[] = {
	{ DEV_ONU, "onu", "ONU", "ONU" },
	{ DEV_HGW, "hgw", "ホームゲートウェイ", "Home gateway" },
	{ DEV_CTU, "ctu", "CTU", "CTU" },
	{ DEV_MODEM, "modem", "モデム", "Modem" },
	{ DEV_ROUTER, "router", "ルータ", "Router" },
	{ DEV_UTM, "utm", "UTM", "UTM" },
	{ DEV_FIREWALL, "firewall", "ファイアウォール", "Firewall" },
	{ DEV_VPN, "vpn", "VPN装置", "VPN gateway" },
	{ DEV_SWITCH, "switch", "スイッチ", "Switch" },
	{ DEV_WIRELESS, "wireless", "無線LAN機器", "Wireless LAN" },
	{ DEV_SERVER, "server", "サーバ", "Server" },
	{ DEV_OTHER, "other", "その他", "Other" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_termination_kinds[] = {
	/* As seed 001 (STEP6) names them; the last three are mobile lines (※モバイル回線). */
	{ TERM_ONU, "onu", "ONU (光回線終端装置)", "ONU (optical network unit)" },
	{ TERM_HGW, "hgw", "HGW (ホームゲートウェイ)", "HGW (home gateway)" },
	{ TERM_CTU, "ctu", "CTU (加入者網終端装置)", "CTU (customer termination unit)" },
	{ TERM_MODEM, "modem", "ADSL・CATVモデム", "ADSL or cable modem" },
	{ TERM_HOME_ROUTER, "home_router", "ホームルーター (モバイル回線)",
	  "Home router (mobile line)" },
	{ TERM_MOBILE_ROUTER, "mobile_router", "モバイルルーター (モバイル回線)",
	  "Mobile router (mobile line)" },
	{ TERM_USB_DONGLE, "usb_dongle", "USBドングル (モバイル回線)", "USB dongle (mobile line)" },
	{ TERM_OTHER, "other", "その他", "Other" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_finding_severities[] = {
	{ FSEV_CRITICAL, "critical", "緊急", "critical" },
	{ FSEV_HIGH, "high", "重要", "high" },
	{ FSEV_MEDIUM, "medium", "警告", "medium" },
	{ FSEV_LOW, "low", "注意", "low" },
	{ FSEV_INFO, "info", "情報", "info" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_finding_kinds[] = {
	{ FKIND_VULNERABILITY, "vulnerability", NULL, NULL },
	{ FKIND_EXPOSURE, "exposure", NULL, NULL },
	{ FKIND_TLS, "tls", NULL, NULL },
	{ FKIND_BACKDOOR, "backdoor", NULL, NULL },
	{ FKIND_DEFAULT_ACCOUNT, "default_account", NULL, NULL },
	{ FKIND_FIRMWARE, "firmware", NULL, NULL },
	{ FKIND_UNREGISTERED_LINE, "unregistered_line", NULL, NULL },
	{ FKIND_LINE_UNCONFIRMED, "line_unconfirmed", NULL, NULL },
	{ FKIND_PASSWORD, "password", NULL, NULL },
	{ FKIND_TERMINAL, "terminal", NULL, NULL },
	{ FKIND_BACKUP, "backup", NULL, NULL },
	{ 0, NULL, NULL, NULL },
};

/* The plan's judgements and the survey's records: keys only (their texts are messages). */
const struct model_enum model_eligibilities[] = {
	{ ELIG_YES, "yes", "○", "yes" },
	{ ELIG_CONSULT, "consult", "△", "consult" },
	{ ELIG_NO, "no", "×", "no" },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_plan_reasons[] = {
	{ REASON_SERVER_POSSIBLE, "server_possible", NULL, NULL },
	{ REASON_IP_FQDN_LINK, "ip_fqdn_link", NULL, NULL },
	{ REASON_LINE_FQDN_LINK, "line_fqdn_link", NULL, NULL },
	{ REASON_DAY_IP, "day_ip", NULL, NULL },
	{ REASON_NOTHING_TO_SCAN, "nothing_to_scan", NULL, NULL },
	{ REASON_CLOSED, "closed_network", NULL, NULL },
	{ REASON_NO_GLOBAL_IP, "no_global_ip", NULL, NULL },
	{ REASON_UNKNOWN_GLOBAL, "unknown_global_ip", NULL, NULL },
	{ REASON_NOT_EHR, "not_ehr_connected", NULL, NULL },
	{ REASON_PHONE_ONLY, "phone_only", NULL, NULL },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_plan_statuses[] = {
	{ STATUS_TARGET, "target", NULL, NULL },
	{ STATUS_NEEDS_DAY_IP, "needs_day_ip", NULL, NULL },
	{ STATUS_NEEDS_MEETING, "needs_meeting", NULL, NULL },
	{ STATUS_NOT_ELIGIBLE, "not_eligible", NULL, NULL },
	{ STATUS_NOT_REQUESTED, "not_requested", NULL, NULL },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_confirm_kinds[] = {
	{ CONFIRM_DAY_IP, "day_ip", NULL, NULL },
	{ CONFIRM_MEETING, "meeting", NULL, NULL },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum model_scan_statuses[] = {
	{ SCAN_RUNNING, "running", NULL, NULL },
	{ SCAN_DONE, "done", NULL, NULL },
	{ SCAN_INTERRUPTED, "interrupted", NULL, NULL },
	{ 0, NULL, NULL, NULL },
};

const struct model_enum *model_enum_by_value(const struct model_enum *set, int value)
{
	for (; set->key; set++)
		if (set->value == value)
			return set;
	return NULL;
}

const char *model_enum_key(const struct model_enum *set, int value)
{
	const struct model_enum *e = model_enum_by_value(set, value);

	return e ? e->key : NULL;
}

const struct model_enum *model_enum_by_key(const struct model_enum *set, const char *key)
{
	for (; key && set->key; set++)
		if (!strcmp(key, set->key))
			return set;
	return NULL;
}

const struct model_enum *model_enum_by_text(const struct model_enum *set, const char *text)
{
	for (; text && set->key; set++)
		if (!strcasecmp(text, set->key) || (set->ja && !strcmp(text, set->ja)) ||
		    (set->en && !strcasecmp(text, set->en)))
			return set;
	return NULL;
}

const char *model_enum_label(const struct model_enum *set, int value, enum ms_lang lang)
{
	const struct model_enum *e = model_enum_by_value(set, value);

	const char *label = e ? (lang == MS_LANG_EN ? e->en : e->ja) : NULL;

	return label ? label : e ? e->key : "";
}

struct intake_doc *intake_doc_new(const char *source, enum intake_format format)
{
	struct intake_doc *doc = ms_xcalloc(1, sizeof(*doc));

	doc->format = format;
	doc->source = ms_arena_strdup(&doc->arena, source);
	return doc;
}

void intake_doc_free(struct intake_doc *doc)
{
	if (!doc)
		return;
	ms_arena_dispose(&doc->arena);
	free(doc->contacts);
	free(doc->lines);
	free(doc->devices);
	free(doc->terminals);
	free(doc->locations);
	free(doc->columns);
	free(doc->rows);
	free(doc);
}

struct contact *intake_doc_add_contact(struct intake_doc *doc)
{
	return ms_xgrow((void **)&doc->contacts, &doc->n_contacts, sizeof(struct contact));
}

struct line *intake_doc_add_line(struct intake_doc *doc)
{
	return ms_xgrow((void **)&doc->lines, &doc->n_lines, sizeof(struct line));
}

struct device *intake_doc_add_device(struct intake_doc *doc)
{
	return ms_xgrow((void **)&doc->devices, &doc->n_devices, sizeof(struct device));
}

struct terminal *intake_doc_add_terminal(struct intake_doc *doc)
{
	return ms_xgrow((void **)&doc->terminals, &doc->n_terminals, sizeof(struct terminal));
}

struct location *intake_doc_add_location(struct intake_doc *doc)
{
	return ms_xgrow((void **)&doc->locations, &doc->n_locations, sizeof(struct location));
}

const struct line *intake_doc_line(const struct intake_doc *doc, int no)
{
	for (size_t i = 0; i < doc->n_lines; i++)
		if (doc->lines[i].no == no)
			return &doc->lines[i];
	return NULL;
}

void plan_free(struct plan *p)
{
	if (!p)
		return;
	ms_arena_dispose(&p->arena);
	free(p->lines);
	free(p->out_of_scope);
	free(p);
}

void onsite_doc_free(struct onsite_doc *doc)
{
	if (!doc)
		return;
	ms_arena_dispose(&doc->arena);
	free(doc->lines);
	free(doc->unregistered);
	free(doc->devices);
	free(doc);
}

const struct onsite_line *onsite_line_by_no(const struct onsite_doc *doc, int line_no)
{
	for (size_t i = 0; doc && i < doc->n_lines; i++)
		if (doc->lines[i].line_no == line_no)
			return &doc->lines[i];
	return NULL;
}

int model_value_known(const char *v)
{
	static const char *const unknown[] = { "", "不明", "わからない", "unknown", "-", "?", "－" };

	if (!v)
		return 0;
	while (*v == ' ')
		v++;
	for (size_t i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		if (!strcasecmp(v, unknown[i]))
			return 0;
	return 1;
}
