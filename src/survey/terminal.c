/*
 * terminal.c - the terminal survey (端末調査) of a round: the collector's files
 * imported (each checked, matched to a declared terminal by host name, all stored
 * in one transaction or none), and each PC analysed: which Windows, whether it is
 * still serviced today in Japan, how USB storage is restricted.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "medsec/clock.h"
#include "medsec/fs.h"
#include "medsec/intake.h"
#include "medsec/store.h"
#include "medsec/survey.h"

/* The whole file, if it is one and not over the cap; NULL with err otherwise. */
static char *slurp(const char *path, size_t *size, struct ms_error *err)
{
	char *buf = ms_read_file(path, TERMINAL_FILE_MAX, size);

	if (!buf)
		ms_fail(err, MS_ERR_INPUT, errno == EFBIG ? MSG_INPUT_TOO_LARGE : MSG_CANNOT_OPEN,
		        errno == EFBIG ? path : NULL, errno == EFBIG ? NULL : path);
	return buf;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files named: a folder stands for the .json files in it, in name order; *out new. */
static size_t expand(const char *const *paths, size_t n, char ***out)
{
	char **v = NULL;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		DIR *dir = opendir(paths[i]);
		struct dirent *e;
		size_t first = k;

		if (!dir) {
			v = ms_xrealloc(v, (k + 1) * sizeof(*v));
			v[k++] = ms_xstrdup(paths[i]);
			continue;
		}
		while ((e = readdir(dir)) != NULL) {
			size_t len = strlen(e->d_name);
			if (len > 5 && !strcasecmp(e->d_name + len - 5, ".json")) {
				v = ms_xrealloc(v, (k + 1) * sizeof(*v));
				v[k++] = ms_xasprintf("%s/%s", paths[i], e->d_name);
			}
		}
		closedir(dir);
		qsort(v + first, k - first, sizeof(*v), by_name);
	}
	*out = v;
	return k;
}

/*
 * The declared terminal of this PC: by host name (Windows names are case-insensitive),
 * else by the address the intake gives ("192.168.20.31/24"); NULL if none.
 */
static const struct terminal *declared(const struct intake_doc *doc,
                                       const struct terminal_collection *c)
{
	for (size_t i = 0; doc && c->host && i < doc->n_terminals; i++)
		if (doc->terminals[i].hostname && !strcasecmp(doc->terminals[i].hostname, c->host))
			return &doc->terminals[i];
	for (size_t i = 0; doc && i < doc->n_terminals; i++) {
		const char *a = doc->terminals[i].address;
		char bare[64];

		if (!a)
			continue;
		snprintf(bare, sizeof(bare), "%.*s", (int)strcspn(a, "/"), a);
		if (terminal_has_address(c, bare))
			return &doc->terminals[i];
	}
	return NULL;
}

int survey_terminal_import(struct survey_session *s, const char *const *paths, size_t n,
                           size_t *imported, size_t *undeclared, struct ms_diags *d,
                           struct ms_error *err)
{
	struct intake_doc *doc = NULL;
	struct intake_revision rev;
	struct terminal_row *rows;
	char **files, now[32];
	size_t nf = expand(paths, n, &files), k = 0, before = d->errors;
	int rc = survey_declarations(s, &doc, &rev, err);

	*imported = *undeclared = 0;
	rows = ms_xcalloc(nf + 1, sizeof(*rows));
	ms_now_iso(now);
	for (size_t i = 0; !rc && i < nf; i++) {
		struct terminal_collection *c = NULL;
		struct ms_error e;
		size_t size;
		char *data = slurp(files[i], &size, &e);
		const struct terminal *t;

		if (!data || terminal_collection_read(data, size, files[i], &c, d, &e)) {
			/* A file that cannot be read at all is named here; bad members are in d. */
			if (e.msg != MSG_NONE)
				ms_diags_add(d, MS_DIAG_ERROR, e.msg, e.where, NULL, e.arg);
			free(data);
			continue;
		}
		t = declared(doc, c);
		snprintf(rows[k].key, sizeof(rows[k].key), "%s",
		         c->machine_guid && *c->machine_guid ? c->machine_guid : c->host);
		snprintf(rows[k].host, sizeof(rows[k].host), "%s", c->host);
		rows[k].declared_no = t ? t->no : 0;
		snprintf(rows[k].collected_at, sizeof(rows[k].collected_at), "%s", c->collected_at);
		snprintf(rows[k].imported_at, sizeof(rows[k].imported_at), "%s", now);
		snprintf(rows[k].source, sizeof(rows[k].source), "%s", files[i]);
		rows[k].json = data;
		*undeclared += !t;
		k++;
		terminal_collection_free(c);
	}
	if (!rc && !nf)
		rc = ms_fail(err, MS_ERR_INPUT, MSG_TERMINAL_NO_FILES, NULL, NULL);
	else if (!rc && d->errors > before)
		rc = ms_fail(err, MS_ERR_INPUT, MSG_NONE, NULL, NULL); /* nothing stored */
	if (!rc && !(rc = store_terminals_save(s->store, s->round.id, rows, k, err)))
		*imported = k;
	for (size_t i = 0; i < nf; i++)
		free(files[i]);
	free(files);
	for (size_t i = 0; i < k; i++)
		free(rows[i].json);
	free(rows);
	intake_doc_free(doc);
	return rc;
}

/* Security products, updates, accounts, policy and firewall of one PC, from its file. */
static void protection(struct survey_terminal *t, const char *today)
{
	struct av_product listed[8];
	int list_read, y, m, d, ty, tm, td;
	size_t n = terminal_av_facts_of(t->c, listed, 8, &list_read);

	terminal_defender_facts_of(t->c, &t->defender);
	t->n_av = terminal_av_in_use(listed, n, list_read, &t->defender, t->av, 8, &t->av_status);
	t->update_age_days = -1;
	if (terminal_last_update_of(t->c, t->last_update) &&
	    ms_date_parse(t->last_update, &y, &m, &d) && ms_date_parse(today, &ty, &tm, &td))
		t->update_age_days = (int)(ms_days_from_civil(ty, tm, td) -
		                           ms_days_from_civil(y, m, d));
	t->n_accounts = terminal_accounts_of(t->c, t->accounts, 32);
	terminal_policy_of(t->c, &t->policy);
	terminal_firewall_of(t->c, t->firewall);
	t->weaknesses = terminal_weaknesses(t->accounts, t->n_accounts, &t->policy, t->firewall);
}

#define LIFECYCLE_KIND "windows-lifecycle"

int survey_lifecycle_import(struct survey_session *s, const char *path, size_t *added,
                            size_t *replaced, struct ms_diags *d, struct ms_error *err)
{
	struct lifecycle_list *shipped = NULL, *newer = NULL;
	char shipped_path[4096], now[32];
	size_t size;
	char *data = slurp(path, &size, err);
	int rc;

	*added = *replaced = 0;
	if (!data)
		return err->status;
	survey_data_path(s->cfg, "windows-lifecycle.json", shipped_path, sizeof(shipped_path));
	if (!(rc = terminal_lifecycle_read(data, size, path, &newer, d, err)) &&
	    !(rc = terminal_lifecycle_load(shipped_path, &shipped, d, err))) {
		terminal_lifecycle_merge(shipped, newer, added, replaced);
		ms_now_iso(now);
		rc = store_reference_save(s->store, LIFECYCLE_KIND, data, path, now, err);
	}
	terminal_lifecycle_free(shipped);
	terminal_lifecycle_free(newer);
	free(data);
	return rc;
}

/* The shipped lifecycle list with the one a user imported over it, if any. */
static int lifecycle(struct survey_session *s, struct survey_terminals *out, struct ms_diags *d,
                     struct ms_error *err)
{
	char path[4096], *body = NULL;
	struct lifecycle_list *newer = NULL;
	size_t added, replaced;
	int rc;

	survey_data_path(s->cfg, "windows-lifecycle.json", path, sizeof(path));
	if ((rc = terminal_lifecycle_load(path, &out->lifecycle, d, err)) ||
	    (rc = store_reference_load(s->store, LIFECYCLE_KIND, &body, &out->lifecycle_import,
	                               err)) ||
	    !body)
		return rc;
	/* Checked when it was imported: a stored list that no longer reads is a fault of ours. */
	rc = terminal_lifecycle_read(body, strlen(body), out->lifecycle_import.source, &newer, d,
	                             err);
	if (!rc)
		terminal_lifecycle_merge(out->lifecycle, newer, &added, &replaced);
	else
		err->status = rc = MS_ERR_SYSTEM;
	terminal_lifecycle_free(newer);
	free(body);
	return rc;
}

int survey_terminals(struct survey_session *s, struct survey_terminals *out, struct ms_diags *d,
                     struct ms_error *err)
{
	struct intake_revision rev;
	int rc;

	memset(out, 0, sizeof(*out));
	ms_today_jst(out->today);
	if ((rc = lifecycle(s, out, d, err)) ||
	    (rc = survey_declarations(s, &out->doc, &rev, err)) ||
	    (rc = store_terminals_load(s->store, s->round.id, &out->rows, &out->n, err)))
		return rc;
	out->v = ms_xcalloc(out->n + 1, sizeof(*out->v));
	for (size_t i = 0; i < out->n; i++) {
		struct survey_terminal *t = &out->v[i];
		struct usb_facts usb;
		struct ms_diags ignored = { 0 };
		struct ms_error e;

		t->row = &out->rows[i];
		/* Stored files were checked when imported; one that no longer reads is skipped. */
		if (terminal_collection_read(t->row->json, strlen(t->row->json), t->row->source,
		                             &t->c, &ignored, &e)) {
			ms_diags_dispose(&ignored);
			continue;
		}
		ms_diags_dispose(&ignored);
		t->declared = declared(out->doc, t->c);
		terminal_os_facts_of(t->c, &t->os);
		t->family = terminal_os_family(&t->os);
		t->support = terminal_os_support(&t->os, &out->lifecycle->view, out->today,
		                                 &t->life);
		terminal_usb_facts_of(t->c, &usb);
		t->usb = terminal_usb_storage(&usb);
		t->rdp_allowed = terminal_int_of(t->c, "rdp.deny_connections") == 0;
		t->rdp_nla = terminal_int_of(t->c, "rdp.nla");
		t->smb1 = terminal_int_of(t->c, "smb.server_smb1");
		protection(t, out->today);
	}
	return MS_OK;
}

void survey_terminals_free(struct survey_terminals *t)
{
	for (size_t i = 0; t->v && i < t->n; i++)
		terminal_collection_free(t->v[i].c);
	free(t->v);
	store_terminals_free(t->rows, t->n);
	terminal_lifecycle_free(t->lifecycle);
	intake_doc_free(t->doc);
	memset(t, 0, sizeof(*t));
}

/* Enabled accounts in Administrators; -1 when the accounts were not read. */
static int admins(const struct survey_terminal *t)
{
	int n = 0;

	if (!t->n_accounts)
		return -1;
	for (size_t i = 0; i < t->n_accounts; i++)
		n += t->accounts[i].admin == 1 && t->accounts[i].disabled == 0;
	return n;
}

int survey_terminal_result(const struct survey_terminal *t, struct terminal_result *r)
{
	const struct terminal_check *dv;

	if (!t->c)
		return 0;
	dv = terminal_check_of(t->c, "os.display_version");
	*r = (struct terminal_result){
		.host = t->row->host,
		.declared_no = t->declared ? t->declared->no : 0,
		.product = t->os.product_name,
		.edition = t->os.edition_id,
		.display_version = dv && !strcmp(dv->status, "ok") ? dv->text : NULL,
		.build = t->os.build,
		.ubr = t->os.ubr,
		.family = t->family,
		.support = t->support,
		.support_ends = t->life ? t->life->ends : NULL,
		.esu_ends = t->life && t->life->esu_ends[0] ? t->life->esu_ends : NULL,
		.usb = t->usb,
		.rdp_allowed = t->rdp_allowed,
		.rdp_nla = t->rdp_nla,
		.smb1 = t->smb1,
		.collected_at = t->row->collected_at,
		.av = t->av,
		.n_av = t->n_av,
		.av_status = t->av_status,
		.last_update = t->last_update[0] ? t->last_update : NULL,
		.update_age_days = t->update_age_days,
		.firewall = { t->firewall[0], t->firewall[1], t->firewall[2] },
		.policy = t->policy,
		.n_admins = admins(t),
		.weaknesses = t->weaknesses,
	};
	return 1;
}
