/*
 * assess.h - everything the survey knows, turned into the facts the report
 * shows and the findings it ranks: per planned line what was declared, seen on
 * site and diagnosed; per device and per responding service the
 * vulnerabilities of its version (CVSS band, KEV, confidence); and the
 * findings, most urgent first, each with a Japanese explanation, advice and
 * the chapter of the prefecture manual that covers it.
 *
 * Pure: the caller gathers the inputs (store, index, data files); nothing here
 * does I/O except assess_rules_load. The assessment points into its inputs
 * (plan, onsite record, declarations: keep them while it lives) but copies
 * what it takes from the index, which may be closed once it is built.
 */
#ifndef MEDSEC_ASSESS_H
#define MEDSEC_ASSESS_H

#include <stddef.h>

#include "medsec/cvss.h"
#include "medsec/backup.h"
#include "medsec/error.h"
#include "medsec/mem.h"
#include "medsec/model.h"
#include "medsec/records.h"
#include "medsec/terminal.h"
#include "medsec/vulndb.h"

#define VDB_CPE_NAMES_LEN 256

struct vdb;
struct vdb_products;
struct probe_checks;

/* The texts of assess's own findings (data/assess.json). */
struct assess_rules;
int assess_rules_load(const char *path, struct assess_rules **out, struct ms_diags *d,
                      struct ms_error *err);
void assess_rules_free(struct assess_rules *r);

struct assess_input {
	const char *hospital;
	int round_no, revision;
	const struct intake_doc *doc;    /* the declarations */
	const struct plan *plan;         /* NULL: no plan yet */
	const struct onsite_doc *onsite; /* NULL: the onsite survey is not recorded */
	const struct scan_record *scan;  /* NULL: no scan yet */
	const struct scan_host_row *hosts;
	size_t n_hosts;
	const struct scan_port_row *ports;
	size_t n_ports;
	int probed; /* the probe ran on this scan */
	const struct service_row *services;
	size_t n_services;
	const struct finding_row *found; /* the probe's check findings */
	size_t n_found;
	const struct probe_checks *checks;   /* their texts */
	const struct vdb *vdb;               /* NULL: no vulnerability index */
	const struct vdb_products *products; /* maker and model to CPE names */
	const struct assess_rules *rules;
	const struct terminal_result *terminals; /* the terminal survey's PCs (none: not yet) */
	size_t n_terminals;
	/* The hospital's offline-backup answers, decided (NULL: none imported). */
	const struct backup_answers *backup;
	const struct backup_decision *backup_decision;
	const char *now;   /* ISO 8601 */
	enum ms_lang lang; /* of the texts (the rules' *_en members for English) */
};

/* Where a fact comes from. */
enum assess_source {
	SRC_REMOTE = 1, /* the remote diagnosis (scan and probe) */
	SRC_ONSITE,     /* read on site after login */
	SRC_DECLARED,   /* the intake workbook (別紙2) */
	SRC_TERMINAL,   /* the terminal survey (medsec-collector.exe on each PC) */
};
const char *assess_source_key(enum assess_source s); /* "remote" "onsite" "declared" "terminal" */

/* One vulnerability of one target; strings owned by the assessment. */
struct assess_vuln {
	const char *cve;   /* or NULL for a JVN-only entry */
	const char *jvndb; /* JVN iPedia numbers, comma-separated, or NULL */
	const char *title;
	const char *vector;          /* CVSS v3 vector, else v2 (cvss_version), or NULL */
	double score;                /* CVSS base of cvss_version, -1 when none */
	int cvss_version;            /* 3; 2 for an older record scored in v2 only; 0 unscored */
	enum cvss_severity severity; /* v3: IPA's bands; v2: NVD's three */
	int kev, ransomware;
	enum vdb_confidence confidence; /* exact or rough; product-only ones sit in to_confirm */
	const char *range;              /* what matched, e.g. "7.0.0 <= v < 7.0.14" */
	const char *fixed_in; /* the version that fixes it where the range says, or NULL */
};

enum assess_check_status {
	CHECK_DONE = 0,       /* looked up: v holds the vulnerabilities (maybe none) */
	CHECK_NO_INDEX,       /* no vulnerability index */
	CHECK_NO_MAPPING,     /* maker and model unknown to data/products.json */
	CHECK_NO_VERSION,     /* firmware or version unknown (確認未実施) */
	CHECK_NOT_IDENTIFIED, /* a port whose software could not be named */
};
const char *assess_check_status_key(enum assess_check_status s);

/* Something looked up in the index: a device's firmware or a responding service. */
struct assess_target {
	enum assess_source source;
	int line_no;                         /* plan line, 0 if none */
	const char *maker, *model, *version; /* device: firmware; service: product and version */
	const char *address, *proto;         /* SRC_REMOTE only */
	int port;
	const char *service; /* SRC_REMOTE: "ssh", "http" … */
	const char *label;   /* "Fortinet FortiGate 60F" or "tcp/443 nginx 1.22.1" */
	enum assess_check_status status;
	struct assess_vuln *v;
	size_t n;
	struct assess_vuln
	        *to_confirm; /* product named, version not known to be affected: not counted */
	size_t n_to_confirm;
	int counts[5];        /* by enum cvss_severity */
	int kev;              /* KEV-listed vulnerabilities */
	const char *fixed_in; /* the least version that fixes every exact match, or NULL */
	const char *latest, *latest_date, *latest_source; /* latest firmware known, or NULL */
	int outdated;           /* the version is older than the latest known */
	int latest_stale;       /* a fix newer than the listed latest is known: the list is old */
	int exact_urgent;       /* an exact match with CVSS 7.0 or more, or KEV-listed */
	const char *exposed_by; /* a device whose own software answers on its line's global
					 * address ("tcp/10443 FortiOS SSL-VPN"), or NULL */
	char cpe_names[VDB_CPE_NAMES_LEN]; /* "fortinet:fortios …": what the device is looked up as */
};

/* A planned line as the survey saw it (report chapters 1 and 3). */
struct assess_line {
	const struct plan_line *plan;
	const struct onsite_line *onsite; /* NULL: not recorded */
	const char *diagnosis;            /* "diagnosed", "not_diagnosed", "address_unknown",
					 * "not_eligible", "not_requested" */
	const char *address;              /* the address diagnosed, or NULL */
	size_t first_port,
	        n_ports; /* its ports in assessment.ports (scan: open or open|filtered) */
	int responding;  /* of those, the ones that answered (open, or identified) */
	int counts[5];   /* vulnerabilities of its responding services, by severity */
};

/* A responding port with what answers there. */
struct assess_port {
	int line_no;
	const char *address, *proto;
	int port;
	const char *state; /* "open", "open_filtered" */
	int responded;     /* open, or an open|filtered UDP port the probe got an answer from */
	const struct service_row *svc; /* what the probe found there (in the input's services);
	                                * never NULL: an empty row when nothing was identified */
	size_t target;                 /* index into targets, or (size_t)-1 */
};

enum assess_kind {
	KIND_VULNERABILITY,
	KIND_EXPOSURE,
	KIND_TLS,
	KIND_BACKDOOR,
	KIND_DEFAULT_ACCOUNT,
	KIND_FIRMWARE,
	KIND_UNREGISTERED_LINE,
	KIND_LINE_UNCONFIRMED,
	KIND_PASSWORD
};

struct assess_finding {
	int rank; /* 1 = most urgent */
	enum finding_kind kind;
	const char *rule; /* the check's or rule's id */
	enum assess_source source;
	enum finding_severity severity;
	double score; /* highest CVSS v3 behind it, or -1 */
	int kev;
	int early;                   /* calls for the early report (別紙4) */
	int line_no;                 /* plan line, 0 if none */
	const char *address, *proto; /* remote findings */
	int port;
	const char *subject; /* what it is about, for people */
	const char *title, *reason, *advice, *manual;
	const char *refs; /* "CVE-…(JVNDB-…), …", or NULL */
	size_t target;    /* the target behind a vulnerability finding, or (size_t)-1 */
};

/* Declared password facts of a device against the guideline (chapter 5). */
struct assess_password {
	const struct device *device;
	const char *verdict;    /* "meets", "short", "unknown" */
	const char *shortfalls; /* Japanese, "; "-separated, or NULL */
};

struct assessment {
	struct ms_arena arena;
	const struct assess_input *in; /* valid only while the caller keeps the inputs */
	struct assess_line *lines;
	size_t n_lines;
	struct assess_port *ports;
	size_t n_ports;
	struct assess_target *targets;
	size_t n_targets;
	struct assess_finding *findings;
	size_t n_findings;
	struct assess_password *passwords;
	size_t n_passwords;
	int early_due;  /* some finding calls for the early report */
	int responding; /* ports that answered, all lines */
	int counts[5];  /* remote vulnerabilities, by severity */
};

/*
 * Does this vulnerability call for the early report (別紙4) where it is reachable? An exact
 * match (a rough one may hide a backported fix) scored 7.0 or more, in CVSS v3 or, for an
 * older record, v2; or listed in KEV.
 */
int assess_vuln_urgent(const struct assess_vuln *v);

/* Builds the assessment; *out is the caller's (assessment_free). */
int assess_run(const struct assess_input *in, struct assessment **out, struct ms_error *err);
void assessment_free(struct assessment *a);

/* An empty assessment, to hold targets checked one by one with assess_device (assessment_free). */
struct assessment *assessment_new(void);
/*
 * Checks one device (t->maker, t->model, t->version) against the index, as
 * annex 2 does: t's status, vulnerabilities (product-only ones apart, in
 * to_confirm), counts, fix and latest firmware. Strings are kept in a.
 */
void assess_device(struct assessment *a, const struct vdb *vdb, const struct vdb_products *products,
                   struct assess_target *t);

/* "critical" → 0 … "info" → 4, unknown 5: lower is more urgent. */
/* A severity for people: 緊急 重要 警告 注意 情報, or its key in English; "" when unset. */
const char *assess_severity_label(enum finding_severity s, enum ms_lang lang);
/* Its stable key ("critical" … "info"), or NULL when unset. */
const char *assess_severity_key(enum finding_severity s);

#endif
