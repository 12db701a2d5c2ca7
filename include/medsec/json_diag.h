/*
 * json_diag.h - diagnostics about JSON input (module io): kept out of util so
 * that the portable core does not pull in a JSON library.
 */
#ifndef MEDSEC_JSON_DIAG_H
#define MEDSEC_JSON_DIAG_H

#include "medsec/error.h"

struct json_t;
/* An error whose value is a JSON value as the user wrote it (a string as is, else compact JSON), cut at 200 bytes. */
void ms_diags_add_json(struct ms_diags *d, enum msg_id msg, const char *where,
                       const struct json_t *v, const char *arg);

#endif
