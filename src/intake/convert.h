/*
 * convert.h - turning what a person typed into a typed field value.
 * Shared by the workbook and JSON readers so both accept the same things.
 */
#ifndef MEDSEC_INTAKE_CONVERT_H
#define MEDSEC_INTAKE_CONVERT_H

#include <stddef.h>

#include "intake/fields.h"
#include "medsec/error.h"

/*
 * Normalises s in place for matching: trims blanks (also U+3000), folds
 * full-width ASCII to ASCII. Returns s.
 */
char *intake_fold(char *s);

/* Like intake_fold, and also drops a "(*)" required-mark and inner blanks: for headers. */
char *intake_fold_header(char *s);

/*
 * Sets field `field` (an index into intake_fields) of record from text as
 * written. Empty text leaves the field unset. On a bad value, adds a diag
 * at the field's place (intake_where) and returns -1.
 */
int intake_convert(struct intake_doc *doc, void *record, int field, const char *text,
                   struct ms_diags *d);

/* Reads "回線3", "No.3", "端末３", "3" as 3; -1 if not a number 0..9999999. */
int intake_parse_int(const char *s);

/* The choices of a set as "a / b / c" (for messages); static buffer, not thread-safe. */
const char *intake_choices(const struct model_enum *set);

#endif
