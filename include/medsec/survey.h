/*
 * survey.h - the survey's use cases: what a person does with medsec, as
 * functions the CLI, the portal and the workers all call.
 *
 * A use case opens the hospital's round (survey_open), takes its options and
 * an event sink, and returns its result and an ms_error. Nothing here parses
 * argv or prints: progress and the reason for a stop go to the sink, data
 * files' problems to the caller's diags. The rules a caller must not skip
 * live here, not in the callers: the scan's scope (the plan and the day-of
 * rule, through scan_scope_from_plan), resume and checkpoints, the agreed
 * time window, the consent before default accounts, and the scope re-check
 * before every connection of the probe.
 */
#ifndef MEDSEC_SURVEY_H
#define MEDSEC_SURVEY_H

#include <stdint.h>

#include "medsec/assess.h"
#include "medsec/error.h"
#include "medsec/intake.h"
#include "medsec/plan.h"
#include "medsec/probe.h"
#include "medsec/report.h"
#include "medsec/scan.h"
#include "medsec/terminal_read.h"
#include "medsec/backup.h"
#include "medsec/checklist.h"
#include "medsec/records.h"
#include "medsec/vulndb.h"

/* Where a use case finds things; the strings are the caller's and must outlive the session. */
struct survey_config {
	const char *db;       /* the store's URL (a file path for SQLite) */
	const char *hospital; /* NULL: the only hospital stored */
	const char *data_dir; /* probes.json, checks.json, products.json, assess.json ... */
	const char *vulndb;   /* the vulnerability index file; may not exist yet */
	enum ms_lang lang;    /* for texts the use case composes (findings, report) */
};

struct store; /* the store's operations are for this layer only (store.h) */

/* One hospital's current round, open. */
struct survey_session {
	const struct survey_config *cfg;
	struct store *store;
	int64_t hospital_id;
	char *hospital;            /* its stored name */
	struct survey_round round; /* the current round */
};

/* Opens the store, finds the hospital and its current round (round 1 is started if none). */
int survey_open(struct survey_session *s, const struct survey_config *cfg, struct ms_error *err);
/* Closes what survey_open opened; safe on a zeroed or failed session. */
void survey_close(struct survey_session *s);
/* path = cfg->data_dir/name. */
void survey_data_path(const struct survey_config *cfg, const char *name, char *path, size_t size);

/* How far the round has come: what a diagnosis still has to do. */
struct survey_standing {
	int has_plan;
	struct scan_record scan; /* the latest scan; id 0 if none */
	size_t n_services;       /* probe results of that scan, when it is done */
};

int survey_standing(struct survey_session *s, struct survey_standing *out, struct ms_error *err);

enum survey_stage {
	SURVEY_STAGE_SCAN_TCP = 1,
	SURVEY_STAGE_SCAN_UDP,
	SURVEY_STAGE_PROBE,
	SURVEY_STAGE_INDEX_DOWNLOAD, /* what: the feed ("nvd", "jvn", "kev") */
	SURVEY_STAGE_INDEX_IMPORT,   /* what: the file */
};

/* What a use case tells its caller while it works; any member may be NULL. */
struct survey_events {
	void *ctx;
	/*
	 * done of total units of stage (probes for a scan, ports for a probe, pages
	 * or files for the index), about what (NULL, or a feed or a file), at rate
	 * per second (0 when not measured).
	 */
	void (*progress)(void *ctx, enum survey_stage stage, const char *what, uint64_t done,
	                 uint64_t total, double rate);
	/* Asked at each checkpoint: nonzero stops there, with everything so far kept (Ctrl-C). */
	int (*stop_requested)(void *ctx);
};

/* ---- what people record ---- */

/* Stores a hospital's checked declarations (intake_load, intake_validate): a new hospital or revision. */
int survey_intake_save(const struct survey_config *cfg, const struct intake_doc *doc,
                       const char *source, int allow_test_addresses, struct intake_revision *rev,
                       struct ms_error *err);
/* The hospital's latest declarations; *doc is new (intake_doc_free). */
int survey_declarations(struct survey_session *s, struct intake_doc **doc,
                        struct intake_revision *rev, struct ms_error *err);
/* Starts the next round (a re-survey); s->round becomes it. */
int survey_round_new(struct survey_session *s, struct ms_error *err);
/* Sets the round's cover and agreed dates (NULL leaves one as it is); dates must be YYYY-MM-DD. */
int survey_round_set(struct survey_session *s, const struct round_settings *r,
                     struct ms_error *err);
/*
 * May these prefixes be authorised for a scan outside the plan, by this person?
 * Global addresses only (a test range only with allow_test), at most 4096
 * addresses each. Check them all before survey_scope_add records any.
 */
int survey_scope_check(const char *const *prefixes, size_t n, const char *by, int allow_test,
                       struct ms_error *err);
int survey_scope_add(struct survey_session *s, const char *prefix, const char *by, const char *note,
                     struct ms_error *err);
/* The recorded authorisations; *out is new (free it). */
int survey_scope_list(struct survey_session *s, struct scope_decl **out, size_t *n,
                      struct ms_error *err);
/* Records the hospital's consent to try vendors' default accounts, given by by. */
int survey_consent_add(struct survey_session *s, const char *by, const char *note,
                       struct ms_error *err);
/* That consent; out->granted_by is "" when there is none. */
int survey_consent_find(struct survey_session *s, struct consent *out, struct ms_error *err);
/* The round's stored plan, or *out NULL if there is none yet. */
int survey_stored_plan(struct survey_session *s, struct plan **out, struct ms_error *err);
/*
 * Checks an onsite record against the round's plan (problems to d) and, with a
 * source, stores it; NULL source checks only. Fails without a plan, or with
 * errors in d (then err carries no message of its own).
 */
struct onsite_doc;
int survey_onsite_record(struct survey_session *s, const struct onsite_doc *doc, const char *source,
                         struct ms_diags *d, struct ms_error *err);
/* The round's stored onsite record: *json NULL if none; else *json and *doc are new. */
int survey_onsite_stored(struct survey_session *s, char **json, struct onsite_doc **doc,
                         struct ms_error *err);

/* ---- plan ---- */

/*
 * Rebuilds the round's plan from the latest declarations and confirmations and
 * stores it; *out is new (plan_free). doc_out, unless NULL, receives the
 * declarations it was built from (intake_doc_free).
 */
int survey_plan(struct survey_session *s, struct plan **out, struct intake_doc **doc_out,
                struct ms_error *err);
/*
 * Records a confirmation of plan line line_no (a day-of address, or a meeting's
 * answers) after checking it against the plan as it stands, then rebuilds the
 * plan; *out is new. conf->confirmed_at is set here.
 */
int survey_confirm(struct survey_session *s, int line_no, struct confirmation *conf,
                   struct plan **out, struct intake_doc **doc_out, struct ms_error *err);

/* ---- scan ---- */

struct survey_scan_options {
	const char *ports;     /* TCP list, "none" for none */
	const char *udp_ports; /* UDP list, "none" for none */
	const char *method;    /* "auto", "syn" (raw sockets) or "connect" */
	const char *
	        targets; /* comma-separated addresses authorised by scope add, instead of the plan */
	const char *window;       /* "22:00-06:00": only inside this local time, or NULL */
	unsigned rate, host_rate; /* probes per second, all hosts and per host */
	unsigned retries, timeout_ms;
	int resume; /* continue the round's interrupted scan as it was started */
	int has_seed;
	uint64_t seed; /* the probe order's key (tests); random otherwise */
};

/* The defaults: every TCP port, the UDP payload ports, auto, 5000/s, 1000/s per host, 1 retry, 1 s. */
void survey_scan_options_init(struct survey_scan_options *o);

struct survey_scan_result {
	struct scan_record rec;
	enum msg_id stopped; /* MSG_NONE, or why it stopped early (interrupted, window closed) */
};

/*
 * Scans the round's scope (or opts->targets) and writes it to the store as it
 * goes: checkpoints every few seconds, so a crash loses at most one interval
 * and opts->resume continues. Refuses before any packet when the scope is
 * empty, a dynamic address is not confirmed today, the plan changed under a
 * resume, or the window is closed.
 */
int survey_scan(struct survey_session *s, const struct survey_scan_options *opts,
                const struct survey_events *ev, struct survey_scan_result *out,
                struct ms_error *err);
/*
 * The probes a scan would send, in order, to each (proto "tcp"/"udp", address,
 * port): the same scope checks, nothing sent and nothing stored.
 */
int survey_scan_order(struct survey_session *s, const struct survey_scan_options *opts,
                      void (*each)(void *ctx, const char *proto, const char *address,
                                   unsigned port),
                      void *ctx, struct ms_error *err);
/* The round's latest scan as stored; rec->id 0 if there is none. Free hosts and ports. */
int survey_scan_latest(struct survey_session *s, struct scan_record *rec,
                       struct scan_host_row **hosts, size_t *n_hosts, struct scan_port_row **ports,
                       size_t *n_ports, struct ms_error *err);
/* Is "22:00-06:00" a window? Minutes after midnight in *from and *to. */
int survey_window_parse(const char *s, int *from, int *to);

/* ---- probe ---- */

struct survey_probe_options {
	int parallel, per_host;   /* 0: the probe module's defaults */
	int try_default_accounts; /* refused without the hospital's recorded consent */
};

struct survey_probe_result {
	int64_t scan_id;
	struct probe_result *results; /* one per open port of the latest scan */
	size_t n;
	struct probe_finding *findings; /* their index into results in .result */
	size_t n_findings;
	struct probe_checks *checks; /* the texts the findings point into */
};

/*
 * Identifies what answers on every open port of the round's latest scan and
 * stores it with the checks' findings. Every address is checked again against
 * the plan and the recorded scope declarations before any connection; a data
 * file's problems go to d. Free out with survey_probe_result_free.
 */
int survey_probe(struct survey_session *s, const struct survey_probe_options *opts,
                 const struct survey_events *ev, struct survey_probe_result *out,
                 struct ms_diags *d, struct ms_error *err);
void survey_probe_result_free(struct survey_probe_result *r);
/* A probe result as JSON (what the store keeps of TLS, and what `probe --json` prints). */
struct json_t;
struct json_t *survey_probe_result_json(const struct probe_result *r);

/* ---- firmware ---- */

struct survey_firmware {
	struct intake_doc *doc; /* the latest declarations */
	int revision;
	struct assessment *a; /* targets[i] is doc->devices[i], line numbers as declared */
};

/*
 * Checks every declared device's firmware against the index (assess_device):
 * needs the index; a data file's problems go to d. Free with survey_firmware_free.
 */
int survey_firmware(struct survey_session *s, struct survey_firmware *out, struct ms_diags *d,
                    struct ms_error *err);
void survey_firmware_free(struct survey_firmware *f);

/* ---- the terminal survey (端末調査) ---- */

/*
 * Imports collector files (a folder stands for its .json files) into the round:
 * each checked and matched to a declared terminal by host name; every problem goes
 * to d and then nothing is stored. *imported files stored, *undeclared of them not
 * in the declarations.
 */
int survey_terminal_import(struct survey_session *s, const char *const *paths, size_t n,
                           size_t *imported, size_t *undeclared, struct ms_diags *d,
                           struct ms_error *err);

/* One PC of the round, analysed. */
struct survey_terminal {
	const struct terminal_row *row;
	struct terminal_collection *c;   /* NULL if the stored file no longer reads */
	const struct terminal *declared; /* the declared terminal, or NULL */
	struct os_facts os;
	enum os_family family;
	enum os_support support;
	const struct lifecycle_entry *life; /* the entry that decided, or NULL */
	enum usb_storage usb;
	int rdp_allowed, rdp_nla, smb1; /* -1 where not read */
	struct av_product av[8];        /* the security products in use */
	size_t n_av;
	enum av_status av_status;
	struct defender_facts defender;
	char last_update[11]; /* YYYY-MM-DD, or "" */
	int update_age_days;  /* to the survey day; -1 unknown */
	struct account_facts accounts[32];
	size_t n_accounts;
	struct password_policy policy;
	int firewall[3];
	unsigned weaknesses;
};

struct survey_terminals {
	struct survey_terminal *v;
	size_t n;
	char today[11]; /* the day in Japan the support status is for */
	struct terminal_row *rows;
	struct lifecycle_list *lifecycle; /* the shipped list, with the imported one over it */
	struct reference_info lifecycle_import; /* where that came from; source "" if none */
	struct intake_doc *doc;
};

/*
 * A newer Windows lifecycle list (the form of data/windows-lifecycle.json), checked entry by
 * entry (problems in d with their places, nothing stored) and kept in the store: from then on
 * its entries replace the shipped ones of the same family, build and edition class, and add
 * the rest. It replaces a list imported before. Counts against the shipped list.
 */
int survey_lifecycle_import(struct survey_session *s, const char *path, size_t *added,
                            size_t *replaced, struct ms_diags *d, struct ms_error *err);
/* The round's PCs analysed; free with survey_terminals_free, even after a failure. */
int survey_terminals(struct survey_session *s, struct survey_terminals *out, struct ms_diags *d,
                     struct ms_error *err);
void survey_terminals_free(struct survey_terminals *t);
/* What the assessment and the report take of one PC (strings point into t); 0 if it has nothing. */
int survey_terminal_result(const struct survey_terminal *t, struct terminal_result *r);

/* ---- offline-backup support (バックアップ支援) ---- */

struct survey_backup {
	struct backup_answers *answers;
	struct backup_decision decision;
	char hospital[256]; /* when read from the store: whose, and when imported */
	char imported_at[32];
};
/*
 * The questionnaire at path (JSON, backup.h) read, checked (every problem in d with its
 * place; MS_ERR_INPUT) and decided. survey_backup_free even after a failure.
 */
int survey_backup_decide(const char *path, struct survey_backup *out, struct ms_diags *d,
                         struct ms_error *err);
/*
 * The same, then kept as the session's hospital's answers (every import stays; the newest
 * counts). Answers that name another hospital are refused.
 */
int survey_backup_import(struct survey_session *s, const char *path, struct survey_backup *out,
                         struct ms_diags *d, struct ms_error *err);
/* The hospital's newest answers, decided again (today's rules); MS_ERR_INPUT if none. */
int survey_backup_current(struct survey_session *s, struct survey_backup *out,
                          struct ms_error *err);

/* The programme office's view: every hospital's newest answers, decided; counts per category. */
struct survey_backup_summary {
	struct survey_backup *v; /* by hospital name */
	size_t n;
	size_t count[CATEGORY_NOT_ELIGIBLE + 1];
};
int survey_backup_summary(const struct survey_config *cfg, struct survey_backup_summary *out,
                          struct ms_error *err);
void survey_backup_summary_free(struct survey_backup_summary *s);

/* Its two documents into dir (report_backup_write): the draft plan and the policy report. */
struct report_files;
int survey_backup_write(const struct survey_backup *b, const char *dir, enum ms_lang lang,
                        struct report_files *files, struct ms_error *err);
void survey_backup_free(struct survey_backup *b);

/* ---- the monthly checklist (seed 004) ---- */

struct survey_checklist {
	struct checklist *list;     /* the items, chapters and criteria (data/checklist.json) */
	char month[8];              /* YYYY-MM shown */
	struct checklist_row *rows; /* every answer of the hospital, by month then item */
	size_t n_rows;
	const struct checklist_row *now[CHECKLIST_ITEMS]; /* this month's, or NULL */
	/* What medsec proposes from the round's evidence (items 2, 4, 9, 10, 11, 13, 15). */
	struct checklist_proposal proposals[CHECKLIST_ITEMS];
};
/* The checklist of month (NULL: this month in Japan) with the proposals; free even on failure. */
int survey_checklist(struct survey_session *s, const char *month, struct survey_checklist *out,
                     struct ms_diags *d, struct ms_error *err);
/*
 * Saves levels[i] (-1: not answered now) for item i+1 of k's month, by whom, in one
 * transaction, each with what medsec proposed; k's answers are read back.
 */
int survey_checklist_answer(struct survey_session *s, const int *levels, const char *by,
                            struct survey_checklist *k, struct ms_error *err);
void survey_checklist_free(struct survey_checklist *c);
/* k's month as a workbook to answer at path, its answers so far filled in and the proposals. */
int survey_checklist_sheet(struct survey_session *s, const struct survey_checklist *k,
                           const char *path, struct ms_error *err);
/*
 * An answered workbook read and checked (problems in d, named by cell), refused if it names
 * another hospital, and its levels saved for its month in one transaction; *k is that
 * month's checklist after it (free even on failure).
 */
int survey_checklist_import(struct survey_session *s, const char *path, struct survey_checklist *k,
                            struct ms_diags *d, struct ms_error *err);
/*
 * MHLW's checklist for the 立入検査 answered from k's month (k->list->n_mhlw answers into
 * out); with path, also written there as the forms (checklist_inspection_write), with a
 * 事業者確認用 sheet per vendor the hospital's backup answers name.
 */
int survey_checklist_inspection(struct survey_session *s, const struct survey_checklist *k,
                                const char *path, struct checklist_mhlw_answer *out,
                                struct ms_error *err);
/* 付録４, the five rules for staff with the intake's contacts, into dir (report_poster_write). */
int survey_poster_write(struct survey_session *s, const char *dir, struct report_files *files,
                        struct ms_error *err);

/* ---- the vulnerability index (cfg->vulndb) ---- */

struct survey_index_options {
	int rebuild;                             /* start from nothing, not the existing index */
	unsigned sources;                        /* update: bits 1u << enum vdb_source; 0: all */
	const char *nvd_url, *kev_url, *jvn_url; /* NULL: the published feeds */
	const char *nvd_api_key;                 /* NULL: none (NVD's slower pace) */
	int delay_ms;                            /* between requests; -1: each API's own pace */
};

/* Downloads what changed since the index was built; the file is replaced only if all arrived. */
int survey_index_update(const struct survey_config *cfg, const struct survey_index_options *o,
                        const struct survey_events *ev, struct ms_diags *d, struct ms_error *err);
/*
 * Adds feed files (NVD, JVN, KEV, latest-firmware lists) to the index. Every
 * file is read and every problem goes to d; with any error the index is left
 * as it was (err then carries no message of its own).
 */
int survey_index_import(const struct survey_config *cfg, const struct survey_index_options *o,
                        const char *const *files, size_t n, const struct survey_events *ev,
                        struct ms_diags *d, struct ms_error *err);
int survey_index_status(const struct survey_config *cfg, struct vdb_status *st,
                        struct ms_error *err);

/* ---- assess, report, diff ---- */

/* One round of one hospital, loaded whole and assessed. */
struct survey {
	struct survey_session session;
	struct intake_revision rev;
	char *intake_json, *onsite_json;
	struct intake_doc *doc;
	struct plan *plan;         /* NULL: no plan yet */
	struct onsite_doc *onsite; /* NULL: not recorded */
	struct scan_record scan;   /* id 0: no scan */
	struct scan_host_row *hosts;
	size_t n_hosts;
	struct scan_port_row *ports;
	size_t n_ports;
	struct service_row *services;
	size_t n_services;
	struct finding_row *found;
	size_t n_found;
	struct vdb *vdb; /* NULL: no index */
	struct vdb_status vdb_status;
	struct vdb_products *products;
	struct probe_checks *checks;
	struct assess_rules *rules;
	struct survey_terminals terminals; /* the terminal survey of the round */
	struct survey_backup backup;       /* the hospital's offline-backup answers, decided */
	int has_backup;                    /* answers were imported */
	struct terminal_result *term;      /* what the assessment takes of it */
	char now[32];
	struct assess_input in;
	struct assessment *a;
};

/*
 * Loads round round_no (0: the current one) and assesses it. A data file's
 * problems go to d. Free with survey_free, even after a failure.
 */
int survey_load(const struct survey_config *cfg, int round_no, struct survey *sv,
                struct ms_diags *d, struct ms_error *err);
void survey_free(struct survey *sv);

struct round_diff;
/* Compares round from_round with the loaded survey now; *out is new (round_diff_free). */
int survey_round_diff(const struct survey *now, int from_round, struct round_diff **out,
                      struct ms_diags *d, struct ms_error *err);

/* The report options of the loaded round (language, cover, index facts); formats REPORT_* or 0 for all. */
void survey_report_opts(const struct survey *sv, unsigned formats, struct report_opts *o);
/* Writes the round's report into dir (report_write), with the changes since the previous round. */
int survey_report(const struct survey *sv, const char *dir, unsigned formats,
                  struct report_files *files, struct ms_diags *d, struct ms_error *err);

#endif
