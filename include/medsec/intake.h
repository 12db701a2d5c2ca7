/*
 * intake.h - what a hospital declares: the intake workbook (医療機関記入依頼書)
 * and its JSON twin, read, checked as a whole, and written blank or filled.
 */
#ifndef MEDSEC_INTAKE_H
#define MEDSEC_INTAKE_H

#include <stddef.h>

#include "medsec/error.h"
#include "medsec/model.h"

/*
 * Reads a workbook (.xlsx) or JSON file, chosen by content. On MS_OK *out is
 * the caller's (intake_doc_free) and d lists every bad value found (the doc
 * then holds only the good ones). A file that cannot be read at all returns
 * an error in err and no doc.
 */
int intake_load(const char *path, struct intake_doc **out, struct ms_diags *d,
                struct ms_error *err);
/* The same from memory (fuzzing, tests); name is used in messages. */
int intake_load_xlsx_mem(const void *data, size_t size, const char *name, struct intake_doc **out,
                         struct ms_diags *d, struct ms_error *err);
int intake_load_json_mem(const void *data, size_t size, const char *name, struct intake_doc **out,
                         struct ms_diags *d, struct ms_error *err);

struct intake_options {
	int allow_test_addresses; /* admit 198.18.0.0/15 and documentation ranges */
};

/*
 * Checks the document as a whole (required fields, address syntax and
 * globality, duplicates, references, counts) and normalises addresses.
 * Appends every problem to d; returns the number of errors added.
 */
size_t intake_validate(struct intake_doc *doc, const struct intake_options *opt,
                       struct ms_diags *d);

/* Writes the workbook: blank with one example row per sheet, or filled from doc. */
int intake_template_write(const char *path, const struct intake_doc *doc, struct ms_error *err);

/* Returns the JSON twin of doc as a new string (free it). */
char *intake_json_dump(const struct intake_doc *doc);

#endif
