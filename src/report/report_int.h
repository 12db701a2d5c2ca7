/* report_int.h - the report module's parts: composing, and one writer per format. */
#ifndef MEDSEC_REPORT_INT_H
#define MEDSEC_REPORT_INT_H

#include <stdio.h>

#include "medsec/report.h"
#include "report/rdoc.h"

/* The whole report, and the early report (別紙4) alone; both new (rdoc_free). */
struct rdoc *report_compose(const struct assessment *a, const struct report_opts *o);
struct rdoc *report_compose_early(const struct assessment *a, const struct report_opts *o);

/* The two documents of offline-backup support; both new (rdoc_free). */
struct rdoc *report_backup_plan(const struct backup_answers *a, const struct backup_decision *dec,
                                const struct report_opts *o);
struct rdoc *report_backup_policy(const struct backup_answers *a, const struct backup_decision *dec,
                                  const struct report_opts *o);

/* 付録４, the five rules for staff with whom to call (contacts from the intake); new. */
struct rdoc *report_poster(const struct intake_doc *doc, const struct report_opts *o);

/* One self-contained HTML page (styles inline, nothing fetched). 0, or -1 on a write error. */
int report_html(const struct rdoc *d, FILE *f);
/* A4 PDF: cover, table of contents, page numbers, tables split across pages with their headers. */
int report_pdf(const struct rdoc *d, const char *path, struct ms_error *err);
/* Every table that names a sheet, one sheet each. */
int report_xlsx(const struct rdoc *d, const char *path, struct ms_error *err);

#endif
