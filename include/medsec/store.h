/*
 * store.h - the only door to persistent data.
 *
 * A store is opened from a URL: a file path (SQLite, the default
 * ./medsec.db) or, later, postgresql://... Every function is one
 * transaction: it either happens whole or not at all. Callers never see SQL.
 *
 * A hospital's declarations are kept per revision as the validated JSON twin
 * (docs/json/intake.schema.json); the survey's own data (rounds, plans,
 * confirmations, later scans and findings) are tables.
 */
#ifndef MEDSEC_STORE_H
#define MEDSEC_STORE_H

#include <stdint.h>

#include "medsec/error.h"
#include "medsec/model.h"
#include "medsec/records.h"

struct store;

/* Opens (creating and migrating as needed); *out is the caller's (store_close). */
int store_open(struct store **out, const char *url, struct ms_error *err);
void store_close(struct store *s);

/* Current schema version of an open store. */
int store_schema_version(struct store *s);

/*
 * Saves a hospital's validated declarations: a new hospital, or a new
 * revision of the one with the same name (none if the JSON is unchanged).
 */
int store_intake_save(struct store *s, const char *hospital, const char *intake_json,
                      const char *source, int allow_test_addresses, struct intake_revision *out,
                      struct ms_error *err);

/* Finds a hospital by name; NULL name picks the only one. *name_out is new (free it). */
int store_hospital_find(struct store *s, const char *name, int64_t *id, char **name_out,
                        struct ms_error *err);

/* Latest revision's JSON; *json_out is new (free it). */
int store_intake_latest(struct store *s, int64_t hospital_id, struct intake_revision *rev,
                        char **json_out, struct ms_error *err);
/* Revision number `revision` of the hospital's declarations (as store_intake_latest). */
int store_intake_get(struct store *s, int64_t hospital_id, int revision,
                     struct intake_revision *rev, char **json_out, struct ms_error *err);

/* The hospital's latest round, started (round 1) if there is none. */
int store_round_current(struct store *s, int64_t hospital_id, struct survey_round *out,
                        struct ms_error *err);
/* Starts the next round (a re-survey). */
int store_round_new(struct store *s, int64_t hospital_id, struct survey_round *out,
                    struct ms_error *err);
/* The hospital's round round_no; out->id stays 0 when there is no such round. */
int store_round_get(struct store *s, int64_t hospital_id, int round_no, struct survey_round *out,
                    struct ms_error *err);
/* Sets the round's cover fields and agreed dates; a NULL member leaves one as it is. */
int store_round_set(struct store *s, int64_t round_id, const struct round_settings *r,
                    struct ms_error *err);

/* Replaces the round's plan with p, made from revision_id. */
int store_plan_save(struct store *s, int64_t round_id, int64_t revision_id, const struct plan *p,
                    struct ms_error *err);
/* The round's plan, or *out = NULL if none yet; *out is the caller's (plan_free). */
int store_plan_load(struct store *s, int64_t round_id, struct plan **out, struct ms_error *err);

int store_confirm_save(struct store *s, int64_t round_id, const struct confirmation *c,
                       struct ms_error *err);
/* All of the round's confirmations; *out is new (free it). */
int store_confirm_list(struct store *s, int64_t round_id, struct confirmation **out, size_t *n,
                       struct ms_error *err);

/* --- authorisations for ad-hoc targets (medsec scope, scan --target) --- */

int store_scope_add(struct store *s, int64_t hospital_id, const struct scope_decl *d,
                    struct ms_error *err);
/* The hospital's declarations; *out is new (free it). */
int store_scope_list(struct store *s, int64_t hospital_id, struct scope_decl **out, size_t *n,
                     struct ms_error *err);

/* --- scans --- */

/* Records a new scan of the round with its hosts (in scope order); fills rec->id. */
int store_scan_begin(struct store *s, struct scan_record *rec, const struct scan_host_row *hosts,
                     size_t n_hosts, struct ms_error *err);
/*
 * One transaction: the ports found since the last checkpoint, the position
 * below which every probe is final, and the hosts' closed/filtered counts.
 */
int store_scan_checkpoint(struct store *s, int64_t scan_id, uint64_t done,
                          const struct scan_port_row *found, size_t n_found, const uint32_t *closed,
                          const uint32_t *filtered, size_t n_hosts, struct ms_error *err);
int store_scan_finish(struct store *s, int64_t scan_id, enum scan_status status,
                      const char *finished_at, struct ms_error *err);
/* The round's latest scan; rec->id = 0 if there is none. */
int store_scan_latest(struct store *s, int64_t round_id, struct scan_record *rec,
                      struct ms_error *err);
/* A scan's hosts and found ports; both arrays new (free them). */
int store_scan_results(struct store *s, int64_t scan_id, struct scan_host_row **hosts,
                       size_t *n_hosts, struct scan_port_row **ports, size_t *n_ports,
                       struct ms_error *err);

/* --- services (what answers on an open port) --- */

/* --- consent: what the hospital agreed to beyond the plan --- */

int store_consent_add(struct store *s, int64_t hospital_id, const struct consent *c,
                      struct ms_error *err);
/* The latest consent of this kind; out->granted_by[0] == '\0' if there is none. */
int store_consent_find(struct store *s, int64_t hospital_id, const char *kind, struct consent *out,
                       struct ms_error *err);

/* Replaces the scan's services and findings with these, in one transaction. */
int store_services_save(struct store *s, int64_t scan_id, const struct service_row *rows, size_t n,
                        const struct finding_row *found, size_t nfound, const char *probed_at,
                        struct ms_error *err);

/*
 * The scan's services and findings as last saved; both arrays new: free with
 * store_services_free (rows) and free (found).
 */
int store_services_load(struct store *s, int64_t scan_id, struct service_row **rows, size_t *n,
                        struct finding_row **found, size_t *nfound, struct ms_error *err);
void store_services_free(struct service_row *rows, size_t n);

/* --- the terminal survey (端末調査): the collector's files of a round --- */

/* Stores these files for the round in one transaction; a PC's newer file replaces its older. */
int store_terminals_save(struct store *s, int64_t round_id, const struct terminal_row *rows,
                         size_t n, struct ms_error *err);
/* The round's files, by declared number then host; *rows new: free with store_terminals_free. */
int store_terminals_load(struct store *s, int64_t round_id, struct terminal_row **rows, size_t *n,
                         struct ms_error *err);
void store_terminals_free(struct terminal_row *rows, size_t n);

/* --- the monthly checklist, per hospital: an item's level per month --- */

/* Saves the answers in one transaction; an item answered again that month is replaced. */
int store_checklist_save(struct store *s, int64_t hospital_id, const struct checklist_row *rows,
                         size_t n, struct ms_error *err);
/* Every answer of the hospital, by month then item; new (free it). */
int store_checklist_load(struct store *s, int64_t hospital_id, struct checklist_row **rows,
                         size_t *n, struct ms_error *err);

/* --- offline-backup questionnaires, per hospital; every import kept --- */

/* Adds the hospital's answers (row->hospital is not read). */
int store_backup_save(struct store *s, int64_t hospital_id, const struct backup_row *row,
                      struct ms_error *err);
/* The newest answers of one hospital (hospital_id), or of every hospital (0) by name; new. */
int store_backup_latest(struct store *s, int64_t hospital_id, struct backup_row **rows, size_t *n,
                        struct ms_error *err);
void store_backup_free(struct backup_row *rows, size_t n);

/*
 * --- reference lists imported over the shipped data, one per kind ("windows-lifecycle"),
 * kept as the validated file's text; not tied to a hospital ---
 */
/* Replaces the list of this kind. */
int store_reference_save(struct store *s, const char *kind, const char *body, const char *source,
                         const char *imported_at, struct ms_error *err);
/* The list of this kind (new, free it) and where it came from, or *body = NULL if none. */
int store_reference_load(struct store *s, const char *kind, char **body,
                         struct reference_info *info, struct ms_error *err);

/* --- the onsite survey (現地調査), one per round, kept as its validated JSON --- */

/* Replaces the round's onsite record. */
int store_onsite_save(struct store *s, int64_t round_id, const char *json, const char *source,
                      const char *recorded_at, struct ms_error *err);
/* The round's onsite JSON (new, free it), or *json = NULL if none was recorded. */
int store_onsite_load(struct store *s, int64_t round_id, char **json, char *recorded_at,
                      size_t size, struct ms_error *err);

#endif
