/* store.c - picks a backend by URL and forwards to it (store.h). */
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

int store_open(struct store **out, const char *url, struct ms_error *err)
{
	*out = NULL;
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return ms_fail(err, MS_ERR_INPUT, MSG_STORE_UNSUPPORTED, NULL, url);
	return store_sqlite_open(out, url, err);
}

void store_close(struct store *s)
{
	if (s)
		s->ops->close(s);
}

int store_schema_version(struct store *s)
{
	return s->ops->schema_version(s);
}

int store_intake_save(struct store *s, const char *hospital, const char *json, const char *source,
                      int allow_test, struct intake_revision *out, struct ms_error *err)
{
	return s->ops->intake_save(s, hospital, json, source, allow_test, out, err);
}

int store_hospital_find(struct store *s, const char *name, int64_t *id, char **name_out,
                        struct ms_error *err)
{
	return s->ops->hospital_find(s, name, id, name_out, err);
}

int store_intake_latest(struct store *s, int64_t hospital_id, struct intake_revision *rev,
                        char **json_out, struct ms_error *err)
{
	return s->ops->intake_get(s, hospital_id, 0, rev, json_out, err);
}

int store_intake_get(struct store *s, int64_t hospital_id, int revision,
                     struct intake_revision *rev, char **json_out, struct ms_error *err)
{
	return s->ops->intake_get(s, hospital_id, revision, rev, json_out, err);
}

int store_round_current(struct store *s, int64_t hospital_id, struct survey_round *out,
                        struct ms_error *err)
{
	return s->ops->round_current(s, hospital_id, 0, out, err);
}

int store_round_new(struct store *s, int64_t hospital_id, struct survey_round *out,
                    struct ms_error *err)
{
	return s->ops->round_current(s, hospital_id, 1, out, err);
}

int store_round_get(struct store *s, int64_t hospital_id, int round_no, struct survey_round *out,
                    struct ms_error *err)
{
	return s->ops->round_get(s, hospital_id, round_no, out, err);
}

int store_round_set(struct store *s, int64_t round_id, const struct round_settings *r,
                    struct ms_error *err)
{
	return s->ops->round_set(s, round_id, r, err);
}

int store_plan_save(struct store *s, int64_t round_id, int64_t revision_id, const struct plan *p,
                    struct ms_error *err)
{
	return s->ops->plan_save(s, round_id, revision_id, p, err);
}

int store_plan_load(struct store *s, int64_t round_id, struct plan **out, struct ms_error *err)
{
	return s->ops->plan_load(s, round_id, out, err);
}

int store_confirm_save(struct store *s, int64_t round_id, const struct confirmation *c,
                       struct ms_error *err)
{
	return s->ops->confirm_save(s, round_id, c, err);
}

int store_confirm_list(struct store *s, int64_t round_id, struct confirmation **out, size_t *n,
                       struct ms_error *err)
{
	return s->ops->confirm_list(s, round_id, out, n, err);
}

int store_scan_begin(struct store *s, struct scan_record *rec, const struct scan_host_row *hosts,
                     size_t n_hosts, struct ms_error *err)
{
	return s->ops->scan_begin(s, rec, hosts, n_hosts, err);
}

int store_scan_checkpoint(struct store *s, int64_t scan_id, uint64_t done,
                          const struct scan_port_row *found, size_t n_found, const uint32_t *closed,
                          const uint32_t *filtered, size_t n_hosts, struct ms_error *err)
{
	return s->ops->scan_checkpoint(s, scan_id, done, found, n_found, closed, filtered, n_hosts,
	                               err);
}

int store_scan_finish(struct store *s, int64_t scan_id, enum scan_status status,
                      const char *finished_at, struct ms_error *err)
{
	return s->ops->scan_finish(s, scan_id, status, finished_at, err);
}

int store_scan_latest(struct store *s, int64_t round_id, struct scan_record *rec,
                      struct ms_error *err)
{
	return s->ops->scan_latest(s, round_id, rec, err);
}

int store_scan_results(struct store *s, int64_t scan_id, struct scan_host_row **hosts,
                       size_t *n_hosts, struct scan_port_row **ports, size_t *n_ports,
                       struct ms_error *err)
{
	return s->ops->scan_results(s, scan_id, hosts, n_hosts, ports, n_ports, err);
}

int store_scope_add(struct store *s, int64_t hospital_id, const struct scope_decl *d,
                    struct ms_error *err)
{
	return s->ops->scope_add(s, hospital_id, d, err);
}

int store_scope_list(struct store *s, int64_t hospital_id, struct scope_decl **out, size_t *n,
                     struct ms_error *err)
{
	return s->ops->scope_list(s, hospital_id, out, n, err);
}

int store_services_save(struct store *s, int64_t scan_id, const struct service_row *rows, size_t n,
                        const struct finding_row *found, size_t nfound, const char *probed_at,
                        struct ms_error *err)
{
	return s->ops->services_save(s, scan_id, rows, n, found, nfound, probed_at, err);
}

int store_consent_add(struct store *s, int64_t hospital_id, const struct consent *c,
                      struct ms_error *err)
{
	return s->ops->consent_add(s, hospital_id, c, err);
}

int store_consent_find(struct store *s, int64_t hospital_id, const char *kind, struct consent *out,
                       struct ms_error *err)
{
	return s->ops->consent_find(s, hospital_id, kind, out, err);
}

int store_services_load(struct store *s, int64_t scan_id, struct service_row **rows, size_t *n,
                        struct finding_row **found, size_t *nfound, struct ms_error *err)
{
	return s->ops->services_load(s, scan_id, rows, n, found, nfound, err);
}

void store_services_free(struct service_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(rows[i].tls_json);
	free(rows);
}

int store_onsite_save(struct store *s, int64_t round_id, const char *json, const char *source,
                      const char *recorded_at, struct ms_error *err)
{
	return s->ops->onsite_save(s, round_id, json, source, recorded_at, err);
}

int store_onsite_load(struct store *s, int64_t round_id, char **json, char *recorded_at,
                      size_t size, struct ms_error *err)
{
	return s->ops->onsite_load(s, round_id, json, recorded_at, size, err);
}

int store_checklist_save(struct store *s, int64_t hospital_id, const struct checklist_row *rows,
                         size_t n, struct ms_error *err)
{
	return s->ops->checklist_save(s, hospital_id, rows, n, err);
}

int store_checklist_load(struct store *s, int64_t hospital_id, struct checklist_row **rows,
                         size_t *n, struct ms_error *err)
{
	return s->ops->checklist_load(s, hospital_id, rows, n, err);
}

int store_backup_save(struct store *s, int64_t hospital_id, const struct backup_row *row,
                      struct ms_error *err)
{
	return s->ops->backup_save(s, hospital_id, row, err);
}

int store_backup_latest(struct store *s, int64_t hospital_id, struct backup_row **rows, size_t *n,
                        struct ms_error *err)
{
	return s->ops->backup_latest(s, hospital_id, rows, n, err);
}

void store_backup_free(struct backup_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].json);
	free(rows);
}

int store_reference_save(struct store *s, const char *kind, const char *body, const char *source,
                         const char *imported_at, struct ms_error *err)
{
	return s->ops->reference_save(s, kind, body, source, imported_at, err);
}

int store_reference_load(struct store *s, const char *kind, char **body,
                         struct reference_info *info, struct ms_error *err)
{
	return s->ops->reference_load(s, kind, body, info, err);
}

int store_terminals_save(struct store *s, int64_t round_id, const struct terminal_row *rows,
                         size_t n, struct ms_error *err)
{
	return s->ops->terminals_save(s, round_id, rows, n, err);
}

int store_terminals_load(struct store *s, int64_t round_id, struct terminal_row **rows, size_t *n,
                         struct ms_error *err)
{
	return s->ops->terminals_load(s, round_id, rows, n, err);
}

void store_terminals_free(struct terminal_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].json);
	free(rows);
}
