/*
 * report.h - the survey report (外部ネットワーク接続点調査報告書) as seed 000
 * lays it out: はじめに・総括, 表記について, chapters 1-6 and annexes 別紙1-4,
 * written as one self-contained HTML file, a PDF (cairo and pango, the
 * Japanese font embedded), an XLSX of the annex tables and the JSON of the
 * whole; and the early report (別紙4) on its own when it is due.
 *
 * The report only presents: every figure comes from the assessment.
 */
#ifndef MEDSEC_REPORT_H
#define MEDSEC_REPORT_H

#include "medsec/assess.h"
#include "medsec/backup.h"
#include "medsec/error.h"

struct vdb_status;
struct round_diff;

struct report_opts {
	enum ms_lang lang;
	const char *generated_at;      /* ISO 8601 */
	const char *issuer;            /* the cover's issuer, or NULL */
	const char *recipient;         /* the cover's addressee, or NULL for "<hospital> 御中" */
	const struct round_diff *diff; /* against the previous round, or NULL (round 1) */
	const struct vdb_status *vdb;  /* the index's facts, or NULL when there is none */
	unsigned formats;              /* REPORT_* bits; 0 = all */
};

enum { REPORT_HTML = 1, REPORT_PDF = 2, REPORT_XLSX = 4, REPORT_JSON = 8 };

#define REPORT_MAX_FILES 6

struct report_files {
	size_t n;
	char path[REPORT_MAX_FILES][4096];
	int early; /* the early report was written */
};

/*
 * Writes DIR/report.html, report.pdf, annexes.xlsx, report.json, and
 * DIR/early-report.html and .pdf when a finding calls for it (an early report
 * left from an earlier run is removed when none is due). Each file is written
 * beside its name and renamed into place: a failure leaves no half file.
 */
int report_write(const struct assessment *a, const char *dir, const struct report_opts *o,
                 struct report_files *out, struct ms_error *err);

/*
 * The documents of offline-backup support: DIR/backup-plan.html and .pdf (the draft
 * オフラインバックアップ計画書) and DIR/support-policy.html and .pdf (支援方針報告書), those
 * of o->formats (HTML and PDF; 0 = both), written like report_write: all or none.
 */
int report_backup_write(const struct backup_answers *a, const struct backup_decision *dec,
                        const char *dir, const struct report_opts *o, struct report_files *out,
                        struct ms_error *err);

/*
 * 付録４「サイバーセキュリティ対策５ヶ条」: DIR/five-rules.html and .pdf, one page to post
 * beside the PCs, with the intake's contacts as whom to call (doc may be NULL: blank rows).
 */
int report_poster_write(const struct intake_doc *doc, const char *dir, const struct report_opts *o,
                        struct report_files *out, struct ms_error *err);

/* One vulnerability as report.json and `firmware --json` show it; a new reference (json_decref). */
struct json_t;
struct json_t *report_vuln_json(const struct assess_vuln *v);

/* One PC of the terminal survey as report.json and `terminal show --json` show it (a new reference). */
struct terminal_result;
struct json_t *report_terminal_json(const struct terminal_result *r);

/* The JSON of the whole (docs/json/report.schema.json); a new string (free it). */
char *report_json(const struct assessment *a, const struct report_opts *o);

#endif
