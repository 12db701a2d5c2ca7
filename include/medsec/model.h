/*
 * model.h - the plain data of the survey: what a hospital declares.
 *
 * No I/O here. Strings are owned by the enclosing intake_doc's arena;
 * arrays by the doc itself (intake_doc_free releases all).
 */
#ifndef MEDSEC_MODEL_H
#define MEDSEC_MODEL_H

#include <stddef.h>

#include "medsec/mem.h"
#include "medsec/msg.h"

/* A declared yes/no(/unknown) answer; UNSET means the cell was left empty. */
enum tri { TRI_UNSET = 0, TRI_YES, TRI_NO, TRI_UNKNOWN };

enum link_type { LINK_UNSET = 0, LINK_INTERNET, LINK_INTERNET_VPN, LINK_CLOSED, LINK_PHONE_ONLY };
enum ip_kind { IP_KIND_UNSET = 0, IP_STATIC, IP_DYNAMIC };
enum pw_length {
	PW_LEN_UNSET = 0,
	PW_LEN_UNDER_8,
	PW_LEN_8_TO_12,
	PW_LEN_13_OR_MORE,
	PW_LEN_UNKNOWN
};
enum device_kind {
	DEV_UNSET = 0,
	DEV_ONU,
	DEV_HGW,
	DEV_CTU,
	DEV_MODEM,
	DEV_ROUTER,
	DEV_UTM,
	DEV_FIREWALL,
	DEV_VPN,
	DEV_SWITCH,
	DEV_WIRELESS,
	DEV_SERVER,
	DEV_OTHER
};

/* One value of a closed set: the JSON token and the workbook's Japanese label. */
struct model_enum {
	int value;
	const char *key; /* stable English token, e.g. "internet_vpn" */
	const char *ja;  /* as in the workbook's drop-down, e.g. "インターネットVPN" */
	const char *en;
};

/*
 * How urgent a finding is, most urgent first (the order findings are ranked in);
 * 0 is unset. A vulnerability's CVSS band is enum cvss_severity.
 */
enum finding_severity {
	FSEV_UNSET = 0,
	FSEV_CRITICAL,
	FSEV_HIGH,
	FSEV_MEDIUM,
	FSEV_LOW,
	FSEV_INFO
};

/* What a finding is about; 0 is unset. */
enum finding_kind {
	FKIND_UNSET = 0,
	FKIND_VULNERABILITY,
	FKIND_EXPOSURE,
	FKIND_TLS,
	FKIND_BACKDOOR,
	FKIND_DEFAULT_ACCOUNT,
	FKIND_FIRMWARE,
	FKIND_UNREGISTERED_LINE,
	FKIND_LINE_UNCONFIRMED,
	FKIND_PASSWORD,
	FKIND_TERMINAL,
	FKIND_BACKUP,
};

/* Sets end with a { 0, NULL } entry. */
extern const struct model_enum model_link_types[];
extern const struct model_enum model_ip_kinds[];
extern const struct model_enum model_yes_no_unknown[]; /* グローバルIP利用 */
extern const struct model_enum model_pw_lengths[];
extern const struct model_enum model_device_kinds[];
/* "critical" "high" "medium" "low" "info"; 緊急 重要 警告 注意 情報 */
extern const struct model_enum model_finding_severities[];
/* "vulnerability" "exposure" "tls" "backdoor" "default_account" "firmware" ... */
extern const struct model_enum model_finding_kinds[];

const struct model_enum *model_enum_by_value(const struct model_enum *set, int value);
const char *model_enum_key(const struct model_enum *set, int value); /* NULL if unset */
/* The member with exactly this key, or NULL. */
const struct model_enum *model_enum_by_key(const struct model_enum *set, const char *key);
const char *model_enum_label(const struct model_enum *set, int value, enum ms_lang lang);
/* The member a person typed: its key, Japanese or English label (case aside); NULL if none. */
const struct model_enum *model_enum_by_text(const struct model_enum *set, const char *text);

/* 0 for what a hospital writes when it does not know ("不明", "unknown", "-", blank), else 1. */
int model_value_known(const char *v);

#define MODEL_MAX_CONTACTS 4

struct contact {
	int src;
	char *name, *kana, *department, *phone, *email;
};

struct hospital {
	int src;
	char *consent; /* must be exactly 同意する */
	char *name, *name_kana, *postal_code, *address, *building;
	int beds;
	char *filled_on; /* YYYY-MM-DD */
	char *signer;
};

/* 回線: one declared external line (回線・機器情報記入シート). */
struct line {
	int src; /* where it came from: workbook row or JSON index */
	int no;  /* 回線番号 as declared */
	enum tri request_device_check, request_diagnosis, ehr_connected;
	char *use; /* 用途・システム名 */
	enum link_type link_type;
	enum tri global_ip_use;
	enum ip_kind ip_kind;
	char *global_ip; /* canonical address or prefix; NULL if not supplied */
	enum tri day_ip_confirmed;
	char *day_global_ip;
	char *fqdn;
	char *carrier, *line_service, *line_id; /* 回線事業者, 回線サービス名, 回線ID (seed 001) */
	char *provider, *provider_plan;
	char *termination_location;
};

/* Password facts per device, reviewed against the MHLW guideline (report chapter 5). */
struct pw_facts {
	enum tri default_changed;
	enum pw_length length;
	enum tri periodic_change, reused, two_factor;
	int change_months; /* how often it is changed, when periodic_change; 0 if not given */
};

/* ネットワーク機器 (or termination) declared behind a line. */
struct device {
	int src;
	int line_no; /* declared line number it sits on */
	enum device_kind kind;
	char *maker, *model, *firmware;
	int year;      /* 0 if not given */
	char *address; /* LAN-side management address, free text */
	char *location;
	struct pw_facts pw;
};

/* 調査端末: a Windows PC to survey on site. */
struct terminal {
	int src;
	int no;
	int system; /* システム種別 (intake/fields.c set_system) */
	enum tri thin_client;
	char *hostname, *address, *location;
	char *vdi_hostname, *vdi_address;
	char *security_products;
	int line_no; /* optional: the line it is reached through; 0 if none */
	char *notes;
};

/* 設置場所: where a line's termination or a terminal stands. */
struct location {
	int src;
	char *target; /* "回線1" or "端末2" as written */
	char *building, *floor, *room, *notes;
};

/* Where a document came from, so validation can name cells or JSON pointers. */
enum intake_format { INTAKE_JSON, INTAKE_XLSX };

/* Everything one intake workbook (or its JSON twin) declares. */
struct intake_doc {
	struct ms_arena arena;
	enum intake_format format;
	char *source; /* file name as given */
	struct hospital hospital;
	struct contact *contacts;
	size_t n_contacts;
	struct line *lines;
	size_t n_lines;
	struct device *devices;
	size_t n_devices;
	struct terminal *terminals;
	size_t n_terminals;
	struct location *locations;
	size_t n_locations;
	/* For INTAKE_XLSX, per field of the intake form (intake/fields.h): the
	 * 0-based column it was found in, and for the key/value basic sheet the row. */
	int *columns;
	int *rows;
};

struct intake_doc *intake_doc_new(const char *source, enum intake_format format);
void intake_doc_free(struct intake_doc *doc);

/* Append a zeroed record and return it (owned by doc). */
struct contact *intake_doc_add_contact(struct intake_doc *doc);
struct line *intake_doc_add_line(struct intake_doc *doc);
struct device *intake_doc_add_device(struct intake_doc *doc);
struct terminal *intake_doc_add_terminal(struct intake_doc *doc);
struct location *intake_doc_add_location(struct intake_doc *doc);

const struct line *intake_doc_line(const struct intake_doc *doc, int no);

/* --- the survey plan (調査実施計画一覧) --- */

/* Remote-diagnosis eligibility per the 19-row table (seed 002): ○ △ ×. */
enum eligibility { ELIG_NO = 0, ELIG_YES, ELIG_CONSULT };

/* Why a line is judged as it is; plan.c holds the texts. */
enum plan_reason {
	REASON_NONE = 0,
	REASON_SERVER_POSSIBLE, /* rows 1, 9: the target may be a server */
	REASON_IP_FQDN_LINK,    /* rows 3, 5, 13: confirm the IP-FQDN pairing */
	REASON_LINE_FQDN_LINK,  /* rows 7, 11, 15: confirm the line-FQDN pairing */
	REASON_DAY_IP,          /* rows 6, 14: the hospital confirms the IP on the day */
	REASON_NOTHING_TO_SCAN, /* rows 4, 8, 12, 16 */
	REASON_CLOSED,          /* row 17 */
	REASON_NO_GLOBAL_IP,    /* row 18 */
	REASON_UNKNOWN_GLOBAL,  /* row 19: meeting to resolve the unknowns */
	REASON_NOT_EHR,         /* out of scope: not connected to the EHR network */
	REASON_PHONE_ONLY,      /* out of scope: telephone only */
};

/* Where a line stands for the diagnosis once confirmations are counted. */
enum plan_status {
	STATUS_TARGET = 1,    /* will be scanned: target holds the address */
	STATUS_NEEDS_DAY_IP,  /* dynamic: 調査不可 until the day-of address is confirmed */
	STATUS_NEEDS_MEETING, /* △: until `medsec plan confirm` records the meeting */
	STATUS_NOT_ELIGIBLE,  /* × */
	STATUS_NOT_REQUESTED, /* 調査希望なし */
};

struct plan_line {
	int line_no;     /* 回線N of the plan */
	int declared_no; /* 回線N of the intake workbook */
	char *use;
	enum link_type link_type;
	enum tri global_ip_use;
	enum ip_kind ip_kind;
	char *global_ip, *fqdn, *provider, *termination_location;
	char *line_id, *carrier; /* 回線ID and 回線事業者, as declared */
	int request_device_check, request_diagnosis;
	enum eligibility eligibility;
	int table_row;    /* 1..19 */
	int declared_row; /* 19 when the meeting answered what the workbook left unknown, else 0 */
	enum plan_reason reason;
	enum plan_status status;
	char *confirmed_ip; /* day-of address, when confirmed */
	char *confirmed_at; /* when (UTC): scannable only on that day in Japan (seed 002) */
	char *confirmed_by; /* who; NULL when the address came from the workbook's 当日記入欄 */
	int meeting_confirmed;
	char *meeting_at, *meeting_by;
	char *target; /* the address or prefix to diagnose, when status is TARGET */
};

struct plan_out_of_scope {
	int declared_no;
	char *use;
	enum plan_reason reason;
};

struct plan {
	struct ms_arena arena;
	char *hospital;
	int round_no;
	int revision;
	char *created_at;
	struct plan_line *lines;
	size_t n_lines;
	struct plan_out_of_scope *out_of_scope;
	size_t n_out_of_scope;
};

void plan_free(struct plan *p);

/* --- the onsite survey (現地調査, seed 001 STEP6; report chapter 1 and 別紙1) --- */

/* A line termination found on site (回線終端装置). */
enum termination_kind {
	TERM_UNSET = 0,
	TERM_ONU,
	TERM_HGW,
	TERM_CTU,
	TERM_MODEM,
	TERM_HOME_ROUTER,
	TERM_MOBILE_ROUTER,
	TERM_USB_DONGLE,
	TERM_OTHER
};
extern const struct model_enum model_termination_kinds[];
/* The plan's judgements, by key: "yes"/"consult"/"no", "day_ip" …, "target" … (texts: plan.h). */
extern const struct model_enum model_eligibilities[];
extern const struct model_enum model_plan_reasons[];
extern const struct model_enum model_plan_statuses[];

/* Where something stands on site. */
struct place {
	char *building, *floor, *room;
};

/* One planned line as the team found it. */
struct onsite_line {
	int src;
	int line_no;        /* 回線N of the plan */
	enum tri confirmed; /* the termination was traced on site */
	char *reason;       /* why not: ケーブルが束線されている, 床下配線 … */
	struct place place;
	char *notes;
};

/* A termination found on site that no declared line accounts for (対象外回線). */
struct onsite_unregistered {
	int src;
	enum termination_kind termination;
	char *maker, *model, *provider;
	struct place place;
	char *notes;
};

/* A device seen on site behind a planned line. */
struct onsite_device {
	int src;
	int line_no; /* plan line */
	enum device_kind kind;
	char *maker, *model;
	enum tri login; /* the team logged in and read the firmware */
	char *firmware; /* as read after login; NULL: 確認未実施 */
	struct place place;
	char *notes;
};

struct onsite_doc {
	struct ms_arena arena;
	char *source;
	int sheet_rows;    /* read from the sheet: each record's src is its row */
	char *surveyed_on; /* YYYY-MM-DD */
	char *surveyors;
	struct onsite_line *lines;
	size_t n_lines;
	struct onsite_unregistered *unregistered;
	size_t n_unregistered;
	struct onsite_device *devices;
	size_t n_devices;
};

void onsite_doc_free(struct onsite_doc *doc);
const struct onsite_line *onsite_line_by_no(const struct onsite_doc *doc, int line_no);

#endif
