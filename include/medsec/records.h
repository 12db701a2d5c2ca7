/*
 * records.h - what the survey records about a hospital, as plain structs (module
 * model): declaration revisions, rounds, confirmations, authorisations, consents,
 * scans, services and the checks' findings. The store keeps them; every layer above
 * uses them without the store. Enumerations cross the edges (JSON, the store) only as
 * the stable keys of their model_enum tables, never as numbers.
 */
#ifndef MEDSEC_RECORDS_H
#define MEDSEC_RECORDS_H

#include <stddef.h>
#include <stdint.h>

#include "medsec/model.h"

/* One revision of a hospital's declarations, as stored. */
struct intake_revision {
	int64_t hospital_id;
	int64_t id;
	int revision;  /* 1, 2, ... per hospital */
	int unchanged; /* save: identical to the latest revision, nothing written */
	int allow_test_addresses;
	char imported_at[32];
};

/* A survey round of a hospital: the first survey, then each re-survey. */
struct survey_round {
	int64_t id;
	int64_t hospital_id;
	int round_no;
	char started_at[32];
	int has_plan;
	/* The report's cover: who issues it and to whom; a new round inherits them. */
	char issuer[256];      /* "" until medsec round set --issuer */
	char recipient[256];   /* "" means "<hospital> 御中" */
	char survey_on[11];    /* agreed onsite survey date, YYYY-MM-DD, or "" */
	char diagnosis_on[11]; /* agreed remote diagnosis date, or "" */
};

/* What `round set` changes; NULL leaves a field as it is. */
struct round_settings {
	const char *issuer, *recipient, *survey_on, *diagnosis_on;
};

/* A confirmation recorded against a plan line (seed 002: 当日確認, 打合せ). */
enum confirm_kind { CONFIRM_DAY_IP = 1, CONFIRM_MEETING = 2 };

struct confirmation {
	int declared_no;
	enum confirm_kind kind;
	char address[64];      /* CONFIRM_DAY_IP; or the address settled in the meeting */
	char confirmed_at[32]; /* UTC; its day in Japan is what the day-of rule compares */
	char by[128];          /* who confirmed (plan confirm --by) */
	/* A meeting on a line whose global address use was unknown (row 19): the answers. */
	enum tri global_ip_use; /* TRI_UNSET when the meeting did not settle it */
	enum ip_kind ip_kind;
	char fqdn[256];
};

/* An authorisation of addresses outside the plan (medsec scope, scan --target). */
struct scope_decl {
	char prefix[64];
	char authorised_by[128];
	char authorised_at[32];
	char note[256];
};

enum scan_status { SCAN_RUNNING = 0, SCAN_DONE, SCAN_INTERRUPTED };

struct scan_record {
	int64_t id;
	int64_t round_id;
	char method[16]; /* "tcp_connect" */
	char started_at[32], finished_at[32];
	enum scan_status status;
	char source_address[64]; /* to announce to the hospital's monitoring */
	char ports[512];         /* TCP ports as given, e.g. "1-65535"; "none" */
	char udp_ports[512];     /* UDP ports as given; "none" */
	uint64_t seed;
	unsigned rate, host_rate, retries, timeout_ms;
	uint64_t total, done; /* probes (TCP, then UDP), and those final before the checkpoint */
};

struct scan_host_row {
	char address[64];
	int line_no;
	uint32_t closed, filtered;
};

struct scan_port_row {
	size_t host;   /* index into the scan's hosts */
	char proto[4]; /* "tcp", "udp" */
	uint16_t port;
	char state[16]; /* "open", "open_filtered" */
};

/*
 * What answers on an open port, as the probe identified it: the one struct of
 * this fact, kept inside the probe's result (probe.h) and pointed at by the
 * assessment's ports (assess.h).
 */
struct service_row {
	char address[64];
	char proto[4];
	int port, line_no;
	char service[32], product[64], version[64], extra[128], device[64], cpe[256];
	int confidence;      /* 0-100 */
	char evidence[512];  /* the reply excerpt the decision rests on */
	char decided_by[64]; /* the probe database entry */
	int tls_wrapped;
	char *tls_json; /* the TLS facts as JSON, or NULL; the caller's when
					 * saving, the array's after store_services_load */
	char error[64]; /* "" or why nothing could be read ("connect: refused") */
};

/* What the hospital agreed to beyond the plan. */
struct consent {
	char kind[32];        /* "default_accounts" */
	char granted_by[128]; /* who, for the hospital */
	char granted_at[32];
	char note[256];
};

/* A finding of the probe's checks on one port (its texts live in data/checks.json). */
struct finding_row {
	char address[64];
	char proto[4];
	int port;
	enum finding_kind kind; /* exposure, tls, backdoor, default_account */
	enum finding_severity severity;
	char check[64];  /* the check's id */
	char detail[64]; /* an accepted account's user name, or "" (never a password) */
};

/* A terminal's collector file as stored for a round (端末調査). */
struct terminal_row {
	char key[128]; /* MachineGuid, else the host name: one file per PC per round */
	char host[256];
	int declared_no; /* the intake's 端末番号 it matched, 0 for an undeclared PC */
	char collected_at[32], imported_at[32];
	char source[256]; /* the file it came from */
	char *json;       /* the file as read; the caller's when saving, the array's after a load */
};

/* The keys of the enumerations above, for the store and JSON. */
extern const struct model_enum model_confirm_kinds[]; /* "day_ip", "meeting" */
extern const struct model_enum model_scan_statuses[]; /* "running", "done", "interrupted" */

/* One answer of the monthly checklist: an item's level in a month, by whom. */
struct checklist_row {
	char month[8]; /* YYYY-MM, in Japan */
	int item;      /* 1-20 */
	int level;     /* 0-3 */
	int proposed;  /* what medsec proposed then, -1 none */
	char by[128];
	char answered_at[32]; /* UTC */
};

/* A hospital's offline-backup questionnaire as stored: its validated JSON, newest kept. */
struct backup_row {
	char hospital[256];
	char source[256];     /* the file it came from */
	char imported_at[32]; /* UTC */
	char *json;           /* the caller's when saving, the array's after a load */
};

/* Where a reference list imported over the shipped data came from. */
struct reference_info {
	char source[256];     /* the file it came from */
	char imported_at[32]; /* UTC */
};

#endif
