/*
 * onsite.h - the onsite survey (現地調査): per planned line, whether its
 * termination was traced on site (or why not); terminations no declared line
 * accounts for (対象外回線); devices seen, whether the team logged in and
 * the firmware it read; where each stands. Input as JSON
 * (docs/json/onsite.schema.json) or as the 現地調査 sheet of a workbook.
 */
#ifndef MEDSEC_ONSITE_H
#define MEDSEC_ONSITE_H

#include <stddef.h>

#include "medsec/error.h"
#include "medsec/model.h"

#define ONSITE_SHEET "現地調査"

/*
 * Reads a record, JSON or workbook by content. On MS_OK *out is the caller's
 * (onsite_doc_free) and d lists every bad value (named by JSON pointer or by
 * sheet, row and column); a file that cannot be read at all fails in err.
 */
int onsite_load(const char *path, struct onsite_doc **out, struct ms_diags *d,
                struct ms_error *err);
int onsite_load_json_mem(const void *data, size_t size, const char *name, struct onsite_doc **out,
                         struct ms_diags *d, struct ms_error *err);
int onsite_load_xlsx_mem(const void *data, size_t size, const char *name, struct onsite_doc **out,
                         struct ms_diags *d, struct ms_error *err);

/* Checks the record against the round's plan; appends problems, returns the errors added. */
size_t onsite_validate(const struct onsite_doc *doc, const struct plan *plan, struct ms_diags *d);

/* The canonical JSON of a record (what the store keeps); a new string (free it). */
char *onsite_json_dump(const struct onsite_doc *doc);

/* Writes the blank 現地調査 sheet, pre-filled with the plan's lines when plan is not NULL. */
int onsite_template_write(const char *path, const struct plan *plan, struct ms_error *err);

#endif
