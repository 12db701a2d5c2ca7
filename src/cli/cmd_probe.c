/*
 * cmd_probe.c - `medsec probe`: what answers on every open TCP port the
 * round's latest scan found. Only addresses the scan covered are touched,
 * and each is checked again against the plan and the recorded scope
 * declarations before a connection is made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/assess.h"
#include "medsec/clock.h"
#include "medsec/ip.h"
#include "medsec/mem.h"
#include "medsec/plan.h"
#include "medsec/probe.h"
#include "medsec/scan.h"

enum { OPT_PARALLEL = OPT__FIRST_LOCAL, OPT_PER_HOST, OPT_TRY_ACCOUNTS };

/* Set by --try-default-accounts; the options struct belongs to the probe module. */
static int try_accounts;

static const char probe_help_ja[] =
	"使い方: medsec probe [--json] [--parallel N] [--per-host N]\n\n"
	"現在の調査回の最新のポートスキャンで開いていた TCP・UDP ポートそれぞれに接続し、\n"
	"サービス・製品・バージョン・CPE 名を、相手が返した内容 (根拠) とともに調べます。\n"
	"TLS のポートでは、プロトコルのバージョン、暗号、証明書 (主体・発行者・有効期限・\n"
	"自己署名・鍵) も記録します。判定の定義は data/probes.json (MEDSEC_DATA で変更可)。\n"
	"計画 (または scope add で記録した許可) にないアドレスには接続しません。\n\n"
	"  --parallel N   同時に開く接続の数 (既定 64)\n"
	"  --per-host N   1 アドレスあたりの同時接続数 (既定 8)\n"
	"  --try-default-accounts  機器の初期設定のアカウント (data/default-accounts.json) でのログインを\n"
	"                 試す。medsec consent で医療機関の同意を記録してあるときだけ。1 ポート 3 回まで、\n"
	"                 パスワードはどこにも記録しない\n"
	"  --json         JSON で表示する\n";
static const char probe_help_en[] =
	"usage: medsec probe [--json] [--parallel N] [--per-host N]\n\n"
	"Talks to every TCP and UDP port the round's latest scan found open and identifies the\n"
	"service, product, version and CPE name, with the reply it was decided from. On TLS\n"
	"ports it also records the protocol version, cipher and certificate (subject, issuer,\n"
	"expiry, self-signed, key). The definitions are data/probes.json (MEDSEC_DATA).\n"
	"Addresses outside the plan (or a recorded scope declaration) are never contacted.\n\n"
	"  --parallel N   connections in flight (default 64)\n"
	"  --per-host N   per address (default 8)\n"
	"  --try-default-accounts  try vendors' default accounts (data/default-accounts.json),\n"
	"                 only with the hospital's consent recorded (medsec consent); at most 3\n"
	"                 tries per port; no password is ever recorded\n"
	"  --json         print JSON\n";

static int probe_option(int opt, const char *arg, void *ctx)
{
	struct probe_opts *o = ctx;
	char *end;
	long v = arg ? strtol(arg, &end, 10) : 0;

	if (arg && (*end || v < 1 || v > 4096))
		return -1;
	if (opt == OPT_TRY_ACCOUNTS) {
		try_accounts = 1;
		return 0;
	}
	if (opt == OPT_PARALLEL)
		o->parallel = (int)v;
	else if (opt == OPT_PER_HOST)
		o->per_host = (int)v;
	else
		return -1;
	return 0;
}

static void show_progress(void *ctx, size_t done, size_t total)
{
	(void)ctx;
	fprintf(stderr, "\r\033[K%zu/%zu", done, total);
}

/* Is the address in the plan's scope or in a recorded declaration? */
static int authorised(const struct scan_scope *scope, const struct scope_decl *decls, size_t n,
		      const char *address)
{
	struct ms_prefix a;

	if (ms_prefix_parse(address, &a) != MS_PREFIX_OK)
		return 0;
	for (size_t i = 0; i < scope->n_targets; i++)
		if (strcmp(scope->targets[i].text, address) == 0)
			return 1;
	for (size_t i = 0; i < n; i++) {
		struct ms_prefix p;
		if (ms_prefix_parse(decls[i].prefix, &p) == MS_PREFIX_OK && ms_prefix_contains(&p, &a))
			return 1;
	}
	return 0;
}

static json_t *str_or_null(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}

static json_t *result_json(const struct probe_result *r)
{
	json_t *o = json_pack("{s:s, s:s, s:i, s:i, s:o, s:o, s:o, s:o, s:o, s:o, s:i, s:o, s:o, s:b}",
			      "address", r->address, "proto", r->proto, "port", r->port, "line_no", r->line_no,
			      "service", str_or_null(r->service), "product", str_or_null(r->product),
			      "version", str_or_null(r->version), "extra", str_or_null(r->extra),
			      "device", str_or_null(r->device), "cpe", str_or_null(r->cpe), "confidence",
			      r->confidence, "evidence", str_or_null(r->evidence), "match",
			      str_or_null(r->match), "tls_wrapped", r->tls_wrapped);
	json_object_set_new(o, "followup", str_or_null(r->followup));
	json_object_set_new(o, "title", str_or_null(r->title));
	json_object_set_new(o, "location", str_or_null(r->location));
	json_object_set_new(o, "favicon_mmh3", r->favicon ? json_integer(r->favicon_mmh3) : json_null());
	/* Only whether a default account was tried and which user was accepted; never a password. */
	json_object_set_new(o, "default_account", r->account_tried ? json_pack("{s:b, s:o}", "accepted",
				r->account_tried == 2, "user", str_or_null(r->account)) : json_null());
	if (r->tls.done)
		json_object_set_new(o, "tls", json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:b, s:b, s:s, s:i, s:s, s:s}",
							 "version", r->tls.version, "cipher", r->tls.cipher,
							 "subject", r->tls.subject, "issuer", r->tls.issuer,
							 "sans", r->tls.sans, "not_before", r->tls.not_before,
							 "not_after", r->tls.not_after, "self_signed",
							 r->tls.self_signed, "expired", r->tls.expired,
							 "key_type", r->tls.key_type, "key_bits", r->tls.key_bits,
							 "offered", r->tls.offered, "weak_ciphers",
							 r->tls.weak_ciphers));
	else
		json_object_set_new(o, "tls", json_null());
	if (r->error[0])
		json_object_set_new(o, "error", json_string(r->error));
	return o;
}

static void result_print(const struct cli *c, const struct probe_result *r)
{
	char where[96], what[400];

	snprintf(where, sizeof(where), "%s:%d/%s", r->address, r->port, r->proto);
	cli_pad(stdout, where, 24);
	cli_pad(stdout, r->service[0] ? r->service : "?", 8);
	snprintf(what, sizeof(what), "%s%s%s%s%s", r->product, r->version[0] ? " " : "", r->version,
		 r->extra[0] ? " " : "", r->extra);
	int en = c->lang == MS_LANG_EN;
	cli_pad(stdout, what[0] ? what : r->service[0] ? (en ? "(product unknown)" : "(製品不明)")
				: r->evidence[0] ? (en ? "(unidentified)" : "(特定できず)")
				: (en ? "(no answer)" : "(応答なし)"), 36);
	printf("%s%s\n", r->tls_wrapped ? "TLS " : "", r->cpe);
	if (r->tls.done)
		printf("    TLS %s %s; %s; %s %d bit%s%s; %s%s%s\n", r->tls.version, r->tls.cipher, r->tls.subject,
		       r->tls.key_type, r->tls.key_bits, r->tls.self_signed ? "; self-signed" : "",
		       r->tls.expired ? "; expired" : "", r->tls.offered, r->tls.weak_ciphers[0] ? "; weak: " : "",
		       r->tls.weak_ciphers);
	if (r->evidence[0])
		printf("    %s %.160s\n", c->lang == MS_LANG_EN ? "evidence:" : "根拠:", r->evidence);
}

/* The results as the store keeps them, in one transaction (the TLS facts as JSON text). */
static int save(struct store *st, int64_t scan_id, const struct probe_result *res, size_t n,
		const struct probe_finding *f, size_t nf, struct ms_error *err)
{
	struct service_row *rows = ms_xcalloc(n + 1, sizeof(*rows));
	struct finding_row *found = ms_xcalloc(nf + 1, sizeof(*found));
	char **tls = ms_xcalloc(n + 1, sizeof(*tls));
	char now[32];
	int rc;

	for (size_t i = 0; i < n; i++) {
		const struct probe_result *r = &res[i];
		struct service_row *w = &rows[i];
		json_t *j = result_json(r);
		snprintf(w->address, sizeof(w->address), "%s", r->address);
		snprintf(w->proto, sizeof(w->proto), "%s", r->proto);
		w->port = r->port;
		w->line_no = r->line_no;
		snprintf(w->service, sizeof(w->service), "%s", r->service);
		snprintf(w->product, sizeof(w->product), "%s", r->product);
		snprintf(w->version, sizeof(w->version), "%s", r->version);
		snprintf(w->extra, sizeof(w->extra), "%s", r->extra);
		snprintf(w->device, sizeof(w->device), "%s", r->device);
		snprintf(w->cpe, sizeof(w->cpe), "%s", r->cpe);
		w->confidence = r->confidence;
		snprintf(w->evidence, sizeof(w->evidence), "%s", r->evidence);
		snprintf(w->decided_by, sizeof(w->decided_by), "%s", r->match);
		w->tls_wrapped = r->tls_wrapped;
		snprintf(w->error, sizeof(w->error), "%s", r->error);
		if (r->tls.done)
			tls[i] = json_dumps(json_object_get(j, "tls"), JSON_COMPACT | JSON_PRESERVE_ORDER);
		w->tls_json = tls[i];
		json_decref(j);
	}
	for (size_t i = 0; i < nf; i++) {
		const struct probe_result *r = &res[f[i].result];
		struct finding_row *w = &found[i];
		snprintf(w->address, sizeof(w->address), "%s", r->address);
		snprintf(w->proto, sizeof(w->proto), "%s", r->proto);
		w->port = r->port;
		snprintf(w->kind, sizeof(w->kind), "%s", f[i].kind);
		snprintf(w->severity, sizeof(w->severity), "%s", f[i].severity);
		snprintf(w->check, sizeof(w->check), "%s", f[i].check);
		snprintf(w->detail, sizeof(w->detail), "%s", f[i].detail ? f[i].detail : "");
	}
	ms_now_iso(now);
	rc = store_services_save(st, scan_id, rows, n, found, nf, now, err);
	free(found);
	for (size_t i = 0; i < n; i++)
		free(tls[i]);
	free(tls);
	free(rows);
	return rc;
}


int cmd_probe(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "parallel", required_argument, NULL, OPT_PARALLEL },
		{ "per-host", required_argument, NULL, OPT_PER_HOST },
		{ "try-default-accounts", no_argument, NULL, OPT_TRY_ACCOUNTS },
		{ NULL, 0, NULL, 0 },
	};
	struct probe_opts o = { 0 };
	struct store *st = NULL;
	struct store_round round;
	struct scan_record rec;
	struct scan_host_row *hosts = NULL;
	struct scan_port_row *ports = NULL;
	struct scope_decl *decls = NULL;
	struct scan_scope scope = { 0 };
	struct plan *plan = NULL;
	struct probe_db *db = NULL;
	struct probe_checks *checks = NULL;
	struct probe_accounts *accounts = NULL;
	struct probe_finding *f = NULL;
	size_t nf = 0;
	struct probe_target *t = NULL;
	struct probe_result *res = NULL;
	struct ms_diags d = { 0 };
	struct ms_error err;
	size_t nh = 0, np = 0, nd = 0, n = 0;
	int64_t hid;
	char *hname = NULL, path[4096];
	int rc = cli_options(c, argc, argv, opts, probe_option, &o, "medsec probe", probe_help_ja,
			     probe_help_en);

	if (rc != CLI_GO)
		return rc;
	if (optind != argc)
		return cli_usage(c, "medsec probe [--json] [--parallel N] [--per-host N]");
	cli_data_path("probes.json", path, sizeof(path));
	if (!(rc = probe_db_load(path, &db, &d, &err))) {
		cli_data_path("checks.json", path, sizeof(path));
		if (!(rc = probe_checks_load(path, &checks, &d, &err)))
			probe_checks_english(checks, c->lang == MS_LANG_EN);
	}
	if (!rc && try_accounts) {
		cli_data_path("default-accounts.json", path, sizeof(path));
		rc = probe_accounts_load(path, &accounts, &d, &err);
	}
	if (rc) {
		if (d.n)
			cli_diags(c, &d);
		else
			cli_error(c, &err);
		goto out;
	}
	if ((rc = cli_open_store(c, &st)))
		goto out;
	if ((rc = store_hospital_find(st, c->hospital, &hid, &hname, &err)) ||
	    (rc = store_round_current(st, hid, &round, &err)) ||
	    (rc = store_scan_latest(st, round.id, &rec, &err)))
		goto fail;
	if (!rec.id) {
		rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_NO_SCAN, NULL, NULL);
		goto fail;
	}
	if (try_accounts) {	/* refused before any connection without the hospital's consent */
		struct consent k;
		if ((rc = store_consent_find(st, hid, "default_accounts", &k, &err)))
			goto fail;
		if (!k.granted_by[0]) {
			rc = ms_fail(&err, MS_ERR_INPUT, MSG_PROBE_NO_CONSENT, NULL, NULL);
			goto fail;
		}
	}
	if ((rc = store_scan_results(st, rec.id, &hosts, &nh, &ports, &np, &err)) ||
	    (rc = store_plan_load(st, round.id, &plan, &err)) ||
	    (plan && (rc = scan_scope_from_plan(&scope, plan, &err))) ||
	    (rc = store_scope_list(st, hid, &decls, &nd, &err)))
		goto fail;
	t = ms_xcalloc(np + 1, sizeof(*t));
	for (size_t i = 0; i < np; i++) {
		const struct scan_host_row *h = &hosts[ports[i].host];
		if (!authorised(&scope, decls, nd, h->address)) {
			rc = ms_fail(&err, MS_ERR_INPUT, MSG_PROBE_OUT_OF_SCOPE, h->address, NULL);
			goto fail;
		}
		snprintf(t[n].address, sizeof(t[n].address), "%s", h->address);
		t[n].port = ports[i].port;
		t[n].line_no = h->line_no;
		t[n].udp = strcmp(ports[i].proto, "udp") == 0;
		n++;
	}
	if (isatty(2))
		o.progress = show_progress;
	if ((rc = probe_run(db, t, n, &o, &res, &err)))
		goto fail;
	for (size_t i = 0; i < n; i++)
		probe_tls_survey(&res[i], &o);
	if (accounts)
		probe_try_accounts(accounts, res, n, &o);
	if (o.progress)
		fputs("\r\033[K", stderr);
	probe_check(checks, res, n, &f, &nf);
	if ((rc = save(st, rec.id, res, n, f, nf, &err)))
		goto fail;
	if (c->json) {
		json_t *arr = json_array(), *fa = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, result_json(&res[i]));
		for (size_t i = 0; i < nf; i++)
			json_array_append_new(fa, json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}",
							     "address", res[f[i].result].address, "proto",
							     res[f[i].result].proto, "port",
							     res[f[i].result].port, "kind", f[i].kind,
							     "severity", f[i].severity, "check", f[i].check,
							     "title", f[i].title, "reason", f[i].reason,
							     "advice", f[i].advice, "manual", f[i].manual,
							     "detail", str_or_null(f[i].detail)));
		json_t *root = json_pack("{s:I, s:o, s:o}", "scan_id", (json_int_t)rec.id, "services", arr,
					 "findings", fa);
		char *s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		json_decref(root);
	} else {
		for (size_t i = 0; i < n; i++)
			result_print(c, &res[i]);
		if (nf)
			printf(c->lang == MS_LANG_EN ? "\nfindings:\n" : "\n所見:\n");
		for (size_t i = 0; i < nf; i++)
			printf("  [%s] %s:%d/%s %s%s%s\n", assess_severity_label(f[i].severity, c->lang == MS_LANG_EN), res[f[i].result].address,
			       res[f[i].result].port, res[f[i].result].proto, f[i].title, f[i].detail ? ": " : "",
			       f[i].detail ? f[i].detail : "");
	}
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	ms_diags_dispose(&d);
	free(res);
	free(t);
	free(hosts);
	free(ports);
	free(decls);
	free(hname);
	scan_scope_dispose(&scope);
	plan_free(plan);
	probe_db_free(db);
	probe_checks_free(checks);
	probe_accounts_free(accounts);
	free(f);
	store_close(st);
	return rc;
}
