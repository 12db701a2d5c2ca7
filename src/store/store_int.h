/*
 * store_int.h - what a store backend implements (store.h is what callers see).
 * A backend embeds struct store first and fills in ops.
 */
#ifndef MEDSEC_STORE_INT_H
#define MEDSEC_STORE_INT_H

#include "medsec/store.h"

struct store_ops {
	const char *name;
	void (*close)(struct store *s);
	int (*schema_version)(struct store *s);
	int (*intake_save)(struct store *s, const char *hospital, const char *json,
	                   const char *source, int allow_test, struct intake_revision *out,
	                   struct ms_error *err);
	int (*hospital_find)(struct store *s, const char *name, int64_t *id, char **name_out,
	                     struct ms_error *err);
	int (*intake_get)(struct store *s, int64_t hospital_id, int revision,
	                  struct intake_revision *rev, char **json_out, struct ms_error *err);
	int (*round_current)(struct store *s, int64_t hospital_id, int start_new,
	                     struct survey_round *out, struct ms_error *err);
	int (*round_get)(struct store *s, int64_t hospital_id, int round_no,
	                 struct survey_round *out, struct ms_error *err);
	int (*round_set)(struct store *s, int64_t round_id, const struct round_settings *r,
	                 struct ms_error *err);
	int (*plan_save)(struct store *s, int64_t round_id, int64_t revision_id,
	                 const struct plan *p, struct ms_error *err);
	int (*plan_load)(struct store *s, int64_t round_id, struct plan **out,
	                 struct ms_error *err);
	int (*confirm_save)(struct store *s, int64_t round_id, const struct confirmation *c,
	                    struct ms_error *err);
	int (*confirm_list)(struct store *s, int64_t round_id, struct confirmation **out, size_t *n,
	                    struct ms_error *err);
	int (*scope_add)(struct store *s, int64_t hospital_id, const struct scope_decl *d,
	                 struct ms_error *err);
	int (*scope_list)(struct store *s, int64_t hospital_id, struct scope_decl **out, size_t *n,
	                  struct ms_error *err);
	int (*scan_begin)(struct store *s, struct scan_record *rec,
	                  const struct scan_host_row *hosts, size_t n_hosts, struct ms_error *err);
	int (*scan_checkpoint)(struct store *s, int64_t scan_id, uint64_t done,
	                       const struct scan_port_row *found, size_t n_found,
	                       const uint32_t *closed, const uint32_t *filtered, size_t n_hosts,
	                       struct ms_error *err);
	int (*scan_finish)(struct store *s, int64_t scan_id, enum scan_status status,
	                   const char *finished_at, struct ms_error *err);
	int (*scan_latest)(struct store *s, int64_t round_id, struct scan_record *rec,
	                   struct ms_error *err);
	int (*scan_results)(struct store *s, int64_t scan_id, struct scan_host_row **hosts,
	                    size_t *n_hosts, struct scan_port_row **ports, size_t *n_ports,
	                    struct ms_error *err);
	int (*services_save)(struct store *s, int64_t scan_id, const struct service_row *rows,
	                     size_t n, const struct finding_row *found, size_t nfound,
	                     const char *probed_at, struct ms_error *err);
	int (*consent_add)(struct store *s, int64_t hospital_id, const struct consent *c,
	                   struct ms_error *err);
	int (*consent_find)(struct store *s, int64_t hospital_id, const char *kind,
	                    struct consent *out, struct ms_error *err);
	int (*services_load)(struct store *s, int64_t scan_id, struct service_row **rows, size_t *n,
	                     struct finding_row **found, size_t *nfound, struct ms_error *err);
	int (*onsite_save)(struct store *s, int64_t round_id, const char *json, const char *source,
	                   const char *recorded_at, struct ms_error *err);
	int (*onsite_load)(struct store *s, int64_t round_id, char **json, char *recorded_at,
	                   size_t size, struct ms_error *err);
	int (*checklist_save)(struct store *s, int64_t hospital_id,
	                      const struct checklist_row *rows, size_t n, struct ms_error *err);
	int (*checklist_load)(struct store *s, int64_t hospital_id, struct checklist_row **rows,
	                      size_t *n, struct ms_error *err);
	int (*backup_save)(struct store *s, int64_t hospital_id, const struct backup_row *row,
	                   struct ms_error *err);
	int (*backup_latest)(struct store *s, int64_t hospital_id, struct backup_row **rows,
	                     size_t *n, struct ms_error *err);
	int (*reference_save)(struct store *s, const char *kind, const char *body,
	                      const char *source, const char *imported_at, struct ms_error *err);
	int (*reference_load)(struct store *s, const char *kind, char **body,
	                      struct reference_info *info, struct ms_error *err);
	int (*terminals_save)(struct store *s, int64_t round_id, const struct terminal_row *rows,
	                      size_t n, struct ms_error *err);
	int (*terminals_load)(struct store *s, int64_t round_id, struct terminal_row **rows,
	                      size_t *n, struct ms_error *err);
};

struct store {
	const struct store_ops *ops;
};

int store_sqlite_open(struct store **out, const char *path, struct ms_error *err);

#endif
