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
#include "medsec/survey.h"

enum { OPT_PARALLEL = OPT__FIRST_LOCAL, OPT_PER_HOST, OPT_TRY_ACCOUNTS };

static const struct cli_opt probe_opts[] = {
	{ "parallel", required_argument, OPT_PARALLEL, "N", "N", "同時に開く接続の数 (既定 64)",
	  "connections in flight (default 64)" },
	{ "per-host", required_argument, OPT_PER_HOST, "N", "N",
	  "1 アドレスあたりの同時接続数 (既定 8)", "per address (default 8)" },
	{ "try-default-accounts", no_argument, OPT_TRY_ACCOUNTS, NULL, NULL,
	  "機器の初期設定のアカウント (data/default-accounts.json) でのログインを試す。\n"
	  "medsec consent で医療機関の同意を記録してあるときだけ。1 ポート 3 回まで、\n"
	  "パスワードはどこにも記録しない",
	  "try vendors' default accounts (data/default-accounts.json), only with the\n"
	  "hospital's consent recorded (medsec consent); at most 3 tries per port; no\n"
	  "password is ever recorded" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd probe_cmd = {
	.usage_ja = "medsec probe [--json] [--parallel N] [--per-host N]",
	.usage_en = "medsec probe [--json] [--parallel N] [--per-host N]",
	.about_ja =
	        "現在の調査回の最新のポートスキャンで開いていた TCP・UDP ポートそれぞれに接続し、\n"
	        "サービス・製品・バージョン・CPE 名を、相手が返した内容 (根拠) とともに調べます。\n"
	        "TLS のポートでは、プロトコルのバージョン、暗号、証明書 (主体・発行者・有効期限・\n"
	        "自己署名・鍵) も記録します。判定の定義は data/probes.json (MEDSEC_DATA で変更可)。\n"
	        "計画 (または scope add で記録した許可) にないアドレスには接続しません。",
	.about_en =
	        "Talks to every TCP and UDP port the round's latest scan found open and identifies the\n"
	        "service, product, version and CPE name, with the reply it was decided from. On TLS\n"
	        "ports it also records the protocol version, cipher and certificate (subject, issuer,\n"
	        "expiry, self-signed, key). The definitions are data/probes.json (MEDSEC_DATA).\n"
	        "Addresses outside the plan (or a recorded scope declaration) are never contacted.",
	.opts = probe_opts,
};

static int probe_option(int opt, const char *arg, void *ctx)
{
	struct survey_probe_options *o = ctx;
	char *end;
	long v = arg ? strtol(arg, &end, 10) : 0;

	if (arg && (*end || v < 1 || v > 4096))
		return -1;
	if (opt == OPT_TRY_ACCOUNTS) {
		o->try_default_accounts = 1;
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

static void result_print(const struct cli *c, const struct probe_result *r)
{
	char where[96], what[400];

	snprintf(where, sizeof(where), "%s:%d/%s", r->svc.address, r->svc.port, r->svc.proto);
	cli_pad(stdout, where, 24);
	cli_pad(stdout, r->svc.service[0] ? r->svc.service : "?", 8);
	snprintf(what, sizeof(what), "%s%s%s%s%s", r->svc.product, r->svc.version[0] ? " " : "",
	         r->svc.version, r->svc.extra[0] ? " " : "", r->svc.extra);
	cli_pad(stdout,
	        what[0]              ? what
	        : r->svc.service[0]  ? (L(C_PRODUCT_UNKNOWN))
	        : r->svc.evidence[0] ? (L(C_UNIDENTIFIED))
	                             : (L(C_NO_ANSWER)),
	        36);
	printf("%s%s\n", r->svc.tls_wrapped ? "TLS " : "", r->svc.cpe);
	if (r->tls.done)
		printf("    TLS %s %s; %s; %s %d bit%s%s; %s%s%s\n", r->tls.version, r->tls.cipher,
		       r->tls.subject, r->tls.key_type, r->tls.key_bits,
		       r->tls.self_signed ? "; self-signed" : "", r->tls.expired ? "; expired" : "",
		       r->tls.offered, r->tls.weak_ciphers[0] ? "; weak: " : "",
		       r->tls.weak_ciphers);
	if (r->svc.evidence[0])
		printf("    %s %.160s\n", L(C_EVIDENCE), r->svc.evidence);
}

static void print_json(const struct survey_probe_result *p)
{
	json_t *arr = json_array(), *fa = json_array(), *root;
	char *s;

	for (size_t i = 0; i < p->n; i++)
		json_array_append_new(arr, survey_probe_result_json(&p->results[i]));
	for (size_t i = 0; i < p->n_findings; i++) {
		const struct probe_finding *f = &p->findings[i];
		const struct probe_result *r = &p->results[f->result];
		json_array_append_new(
		        fa, json_pack("{s:s, s:s, s:i, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:o}",
		                      "address", r->svc.address, "proto", r->svc.proto, "port",
		                      r->svc.port, "kind",
		                      model_enum_key(model_finding_kinds, (int)f->kind), "severity",
		                      assess_severity_key(f->severity), "check", f->check, "title",
		                      f->title, "reason", f->reason, "advice", f->advice, "manual",
		                      f->manual, "detail", cli_json_str(f->detail)));
	}
	root = json_pack("{s:I, s:o, s:o}", "scan_id", (json_int_t)p->scan_id, "services", arr,
	                 "findings", fa);
	s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	puts(s);
	free(s);
	json_decref(root);
}

static void print_table(const struct cli *c, const struct survey_probe_result *p)
{
	for (size_t i = 0; i < p->n; i++)
		result_print(c, &p->results[i]);
	if (p->n_findings)
		printf(L(C_FINDINGS));
	for (size_t i = 0; i < p->n_findings; i++) {
		const struct probe_finding *f = &p->findings[i];
		const struct probe_result *r = &p->results[f->result];
		printf("  [%s] %s:%d/%s %s%s%s\n", assess_severity_label(f->severity, c->lang),
		       r->svc.address, r->svc.port, r->svc.proto, f->title, f->detail ? ": " : "",
		       f->detail ? f->detail : "");
	}
}

int cli_probe(struct cli *c, struct survey_session *s, const struct survey_probe_options *o)
{
	struct survey_events ev = { c, cli_progress, NULL };
	struct survey_probe_result p;
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc = survey_probe(s, o, &ev, &p, &d, &err);

	cli_progress_end(c);
	if (rc) {
		rc = cli_fail(c, &d, &err);
	} else if (c->json) {
		print_json(&p);
	} else {
		print_table(c, &p);
	}
	ms_diags_dispose(&d);
	survey_probe_result_free(&p);
	return rc;
}

int cmd_probe(struct cli *c, int argc, char **argv)
{
	struct survey_probe_options o = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	int rc = cli_parse(c, argc, argv, &probe_cmd, probe_option, &o);

	if (rc != CLI_GO)
		return rc;
	if (optind != argc)
		return cli_usage(c, "medsec probe [--json] [--parallel N] [--per-host N]");
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	rc = cli_probe(c, &s, &o);
	survey_close(&s);
	return rc;
}
