/*
 * backup.h - offline-backup support (seed 001 「オフラインバックアップの整備支援」): the
 * hospital's questionnaire, whether each backup counts as offline and by which rule,
 * the support category the programme gives (支援A/B/C, 報告のみ, 対象外) with its
 * reasons, and where the backups fall short of the guideline and 診療録管理体制加算1.
 *
 * The offline rules reconstruct 別紙5 "各媒体におけるオフライン状態の定義" (not public)
 * from what is: the prefecture manual's examples (seed 004 ch.04), 疑義解釈 その1 問49,
 * その7 問1, その8 問2 and guideline 6.0 (domain-facts §1.4, §3). Decisions are plain C
 * on plain facts; the questionnaire's JSON is read by backup_read().
 */
#ifndef MEDSEC_BACKUP_H
#define MEDSEC_BACKUP_H

#include <stddef.h>

#include "medsec/error.h"
#include "medsec/mem.h"
#include "medsec/msg.h"

/* Closed sets: the questionnaire's JSON keys, in this order (backup_*_key). */
enum backup_method { BM_FULL, BM_DIFFERENTIAL, BM_INCREMENTAL, BM_REPLICATION, BM_SNAPSHOT };
enum backup_medium {
	MEDIUM_TAPE,    /* LTO and other tape */
	MEDIUM_RDX,     /* removable cartridges */
	MEDIUM_USB_HDD, /* external disks, swapped */
	MEDIUM_OPTICAL, /* DVD, Blu-ray */
	MEDIUM_NAS,
	MEDIUM_SERVER, /* a backup server or a disk inside one */
	MEDIUM_WORM,   /* write-once / append-impossible storage */
	MEDIUM_CLOUD,
};
enum backup_connection { CONN_ALWAYS, CONN_DURING_TRANSFER, CONN_NEVER };
enum backup_network { NET_NONE, NET_LOGICAL, NET_PHYSICAL };
enum backup_procure { PROCURE_UNSET, PROCURE_THIS_FISCAL_YEAR, PROCURE_LATER };
enum backup_destination { DEST_UNSET, DEST_ONSITE, DEST_CLOUD };

/* Yes, no, or not answered. */
enum tri3 { TRI3_UNKNOWN = -1, TRI3_NO = 0, TRI3_YES = 1 };

struct backup_copy {
	enum backup_method method;
	const char *frequency; /* as answered: "daily", "weekly", "毎日" ... */
	int generations;       /* -1 not answered */
	enum backup_medium medium;
	enum backup_connection connection;
	enum tri3 swapped, locked_away, immutable, cloud_separated, restore_ok;
	enum backup_network network;
	const char *location;
	const char *restore_tested_on; /* YYYY-MM-DD or NULL */
};

struct backup_system {
	const char *name, *vendor;
	int needed_for_care; /* to keep treating patients (加算1 問47: EHR, ordering, receipt) */
	const char *kind;    /* "ehr", "ordering", "receipt", "pacs", "other", or NULL */
	int ehr;             /* the EHR itself ("kind": "ehr", or its name says 電子カルテ) */
	struct backup_copy *backups;
	size_t n_backups;
};

struct backup_intent {
	int operating;            /* an offline backup of the EHR already operates */
	int planning_with_vendor; /* being planned with the EHR vendor */
	int support_needed;       /* wants the programme's support */
	int new_server;           /* with a new server and goods (else a medium on what exists) */
	enum backup_procure procure;
	enum backup_destination destination;
	/* What MHLW hears for 報告のみ and 対象外: the design (構成概要), and when (導入予定時期). */
	const char *design, *planned_for;
};

struct backup_answers {
	struct ms_arena arena;
	const char *hospital, *answered_on; /* answered_on: YYYY-MM-DD, the day tests count from */
	struct backup_system *systems;
	size_t n_systems;
	struct backup_intent intent;
};

/*
 * Reads and checks the questionnaire's JSON (name for the messages): every member's type and
 * choice, the intent complete enough to decide. Problems go to d, each with its JSON pointer;
 * MS_ERR_INPUT and nothing kept if there is any. *out is the caller's (backup_answers_free).
 */
int backup_read(const char *data, size_t size, const char *name, struct backup_answers **out,
                struct ms_diags *d, struct ms_error *err);
void backup_answers_free(struct backup_answers *a);
/*
 * The same from the questionnaire's workbook (sheets バックアップ and 支援の意向): the
 * Japanese words turned into the JSON's keys, then backup_read's checks, every problem
 * named by sheet, row and column.
 */
int backup_read_xlsx(const void *data, size_t size, const char *name, struct backup_answers **out,
                     struct ms_diags *d, struct ms_error *err);
/* The answers as the questionnaire's JSON (what an import keeps); new (free it). */
char *backup_answers_dump(const struct backup_answers *a);
/* The blank workbook, with drop-downs for every closed set. */
int backup_template_write(const char *path, struct ms_error *err);

/* ---- decisions ---- */

/* Which rule decided whether a copy is offline (stable keys: backup_rule_key). */
enum offline_rule {
	RULE_IMMUTABLE,       /* write-once / immutable: may stay connected (その8 問2) */
	RULE_CLOUD_SEPARATED, /* a separated or immutable area in the cloud (その1 問49 ③) */
	RULE_CLOUD_NOT_SEPARATED, /* cloud without one: not offline */
	RULE_NETWORK_SEPARATED,   /* logical or physical network separation (その7 問1) */
	RULE_REMOVED_AND_LOCKED,  /* tape, RDX, optical: out of the drive and locked away */
	RULE_REMOVED_NOT_LOCKED,  /* removed, but not said to be locked away: to confirm */
	RULE_ROTATED,             /* USB disks swapped, the other one disconnected and locked */
	RULE_ONLY_DURING_TRANSFER, /* NAS or server connected only while copying (その1 問49 ②) */
	RULE_ALWAYS_CONNECTED,     /* connected at all times: reachable by ransomware */
	RULE_NOT_ENOUGH,           /* the answers do not say enough to count it */
};

struct backup_verdict {
	int offline;
	enum offline_rule rule;
};
void backup_offline(const struct backup_copy *b, struct backup_verdict *out);

enum backup_category {
	CATEGORY_SUPPORT_A,   /* new server and goods, procured this fiscal year */
	CATEGORY_SUPPORT_B,   /* the same, procured next year or later */
	CATEGORY_SUPPORT_C,   /* a medium on existing equipment, no new server */
	CATEGORY_REPORT_ONLY, /* planning with the vendor, no support needed */
	CATEGORY_NOT_ELIGIBLE /* an offline backup of the EHR already operates */
};

/* What falls short of the guideline and 加算1 for one system (bits). */
enum backup_shortfall {
	SHORT_GENERATIONS = 1 << 0,      /* under 3 generations (under 5 for the EHR) */
	SHORT_SINGLE_METHOD = 1 << 1,    /* one method or medium only (加算1: 複数の方式) */
	SHORT_NO_OFFLINE = 1 << 2,       /* no copy offline or write-protected */
	SHORT_RESTORE_UNTESTED = 1 << 3, /* no restore test in the last twelve months */
	SHORT_RESTORE_FAILED = 1 << 4,   /* the last restore test failed */
};

struct backup_decision {
	enum backup_category category;
	int needs_confirmation; /* "operating", but no copy of the EHR reads as offline: 要確認 */
	int ehr_offline;        /* some copy of the EHR counts as offline */
	struct backup_verdict *verdicts; /* per copy, system by system in order */
	unsigned *shortfalls;            /* per system */
	int kasan1;                      /* 加算1 (11): every system needed for care has several
	                                  * methods and an offline copy */
};

/* Decides everything; d's arrays are new (backup_decision_dispose). */
void backup_decide(const struct backup_answers *a, struct backup_decision *d);
void backup_decision_dispose(struct backup_decision *d);

const char *backup_category_key(enum backup_category c); /* "support_a" ... "not_eligible" */
const char *backup_rule_key(enum offline_rule r);        /* "immutable" ... */
const char *backup_method_key(enum backup_method m);
const char *backup_medium_key(enum backup_medium m);
const char *backup_connection_key(enum backup_connection c);
const char *backup_network_key(enum backup_network n);
/* The shortfall bits as their keys ("generations" ...), in bit order. */
const char *backup_shortfall_key(unsigned bit);

/* ---- the decision in words and as JSON (explain.c); borrowed static texts ---- */

const char *backup_category_text(enum backup_category c, enum ms_lang lang); /* 支援A ... */
const char *backup_category_what(enum backup_category c, enum ms_lang lang); /* what it means */
const char *backup_method_text(enum backup_method m, enum ms_lang lang);
const char *backup_medium_text(enum backup_medium m, enum ms_lang lang);
const char *backup_connection_text(enum backup_connection c, enum ms_lang lang);
const char *backup_rule_text(enum offline_rule r, enum ms_lang lang);
const char *backup_shortfall_text(unsigned bit, enum ms_lang lang);
/* Why the category, in order, into out (at most max); how many. */
size_t backup_reasons(const struct backup_answers *a, const struct backup_decision *d,
                      enum ms_lang lang, const char **out, size_t max);
struct json_t;
/*
 * The decision as `medsec backup --json` prints it: category, category_label,
 * category_means, needs_confirmation, reasons[], ehr_offline, kasan1,
 * systems[]{name, vendor, ehr, needed_for_care, backups[]{method, medium, connection,
 * network, generations, restore_ok, offline, rule, why}, shortfalls[]{key, text}}. New.
 */
struct json_t *backup_json(const struct backup_answers *a, const struct backup_decision *d,
                           enum ms_lang lang);

#endif
