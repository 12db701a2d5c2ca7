/*
 * probe.h - what answers on an open port: the service, product, version and
 * CPE name, each decided from bytes the service sent (the evidence), with a
 * confidence; and for TLS ports what the handshake and certificate show.
 *
 * The probe and match database is data (data/probes.json, our own, written
 * from protocol documents and captures of real software): what to send and
 * which patterns (PCRE2) identify the reply. The engine talks to many ports
 * at once on epoll with non-blocking OpenSSL, never waiting seconds for a
 * reply that a quick service would already have sent.
 */
#ifndef MEDSEC_PROBE_H
#define MEDSEC_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "medsec/error.h"
#include "medsec/model.h"
#include "medsec/records.h"

struct probe_db;

/* Loads and checks the database (every pattern compiled, every example matched). */
int probe_db_load(const char *path, struct probe_db **out, struct ms_diags *d,
                  struct ms_error *err);
void probe_db_free(struct probe_db *db);
size_t probe_db_count(const struct probe_db *db); /* matches */

struct probe_tls {
	int done;         /* a TLS handshake succeeded */
	char version[16]; /* "TLSv1.3" */
	char cipher[64];
	char subject[256], issuer[256];
	char sans[512];                     /* "DNS:a, DNS:b, IP:…" */
	char not_before[32], not_after[32]; /* ISO 8601 UTC */
	int self_signed, expired;
	char key_type[16]; /* "RSA", "EC", "ED25519" */
	int key_bits;
	char offered[64]; /* every protocol version the server accepts: "TLSv1 TLSv1.1 TLSv1.2" */
	char weak_ciphers[256]; /* weak suites it accepts (3DES, RC4, DES, export, NULL, anonymous) */
};

struct probe_result {
	/* The identification, the fact the store keeps: address, port, service, product,
	 * version, CPE, confidence, the evidence and the entry that decided (decided_by). */
	struct service_row svc;
	char title[128];    /* an HTTP page's <title>, or "" */
	char location[256]; /* an HTTP redirect's Location, or "" */
	char followup[128]; /* the entries that decided the follow-up exchanges, space-separated */
	int favicon;        /* an icon was read at /favicon.ico: favicon_mmh3 holds its hash */
	int32_t favicon_mmh3; /* the search engines' favicon hash (blog.shodan.io) */
	struct probe_tls tls;
	int auth_basic;      /* the HTTP reply asked for Basic authentication */
	int account_tried;   /* 0 not tried, 1 tried and refused, 2 accepted */
	char account[64];    /* the default account accepted (user name only), or "" */
	char account_id[64]; /* its entry in data/default-accounts.json */
};

/*
 * Decides a reply: the first pattern of probe `probe` (or any probe when NULL)
 * that matches data fills r's identification. Pure; 1 if identified, else 0.
 */
int probe_identify(const struct probe_db *db, const char *probe, const unsigned char *data,
                   size_t len, struct probe_result *r);

struct probe_target {
	char address[64];
	int port;
	int line_no;
	int udp; /* a UDP port (open or open|filtered in the scan) */
};

struct probe_opts {
	int parallel;   /* connections in flight, all hosts (default 64) */
	int per_host;   /* per host (default 8: a hospital UTM sees a trickle) */
	int connect_ms; /* connect timeout (default 2000) */
	int quiet_ms;   /* a reply is complete after this much silence (default 300) */
	int banner_ms;  /* wait for a service that speaks first (default 500) */
	int read_ms;    /* longest wait for a reply or a handshake (default 1500) */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *ctx;
};

/*
 * For a TLS port found by probe_run: which protocol versions and which weak
 * cipher suites the server accepts, one handshake each (fills r->tls.offered
 * and r->tls.weak_ciphers). Old versions and suites are tried through
 * OpenSSL's legacy support where this build has it.
 */
void probe_tls_survey(struct probe_result *r, const struct probe_opts *o);

/* Probes every target; *out (new, free it) has one result per target, in order. */
int probe_run(const struct probe_db *db, const struct probe_target *t, size_t n,
              const struct probe_opts *o, struct probe_result **out, struct ms_error *err);

/* ---- vendors' default accounts (data/default-accounts.json); only with consent ---- */

struct probe_accounts;

int probe_accounts_load(const char *path, struct probe_accounts **out, struct ms_diags *d,
                        struct ms_error *err);
void probe_accounts_free(struct probe_accounts *a);
/*
 * Tries, on each identified port, the defaults that fit its service and
 * device: at most 3 per port, the first accepted ends it. Fills account /
 * account_id / account_tried; no password is ever written to a result. The
 * caller must hold the hospital's recorded consent.
 */
void probe_try_accounts(const struct probe_accounts *a, struct probe_result *r, size_t n,
                        const struct probe_opts *o);

/* ---- checks: findings from what was identified (data/checks.json) ---- */

struct probe_checks;

/* Loads the checks, each run against its own example (a test per check). */
int probe_checks_load(const char *path, struct probe_checks **out, struct ms_diags *d,
                      struct ms_error *err);
void probe_checks_free(struct probe_checks *c);

struct probe_finding {
	const char *check;      /* the check's id; strings point into the checks */
	enum finding_kind kind; /* exposure, tls, backdoor, default_account */
	enum finding_severity severity;
	const char *title, *reason, *advice, *manual;
	const char *detail; /* e.g. the accepted account's user name, or NULL */
	size_t result;      /* index of the probe result it is about */
};

/* Every finding the results give, most severe first; *out new (free it). */
int probe_check(const struct probe_checks *c, enum ms_lang lang, const struct probe_result *r,
                size_t n, struct probe_finding **out, size_t *nout);
/* The texts of the check with this id (a stored finding's): 1 and *out filled, or 0. */
int probe_check_texts(const struct probe_checks *c, const char *id, enum ms_lang lang,
                      struct probe_finding *out);

#endif
