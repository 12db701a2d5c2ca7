/*
 * error.h - how medsec modules report failure.
 *
 * Deep code never prints. A function that can fail returns 0 on success or
 * an MS_ERR_* status, and fills a caller-owned struct ms_error. Input
 * validation, which must report every problem at once, appends to a
 * struct ms_diags instead. Only cli/ turns either into text (msg.h).
 */
#ifndef MEDSEC_ERROR_H
#define MEDSEC_ERROR_H

#include <stddef.h>

#include "medsec/msg.h"

/* Exit statuses, shared with DESIGN.md: 1 = could not do the job, 2 = bad input. */
enum ms_status {
	MS_OK = 0,
	MS_ERR_SYSTEM = 1,
	MS_ERR_INPUT = 2,
};

/* One error: what went wrong (a message id with one argument) and where. */
struct ms_error {
	enum ms_status status;
	enum msg_id msg;
	char where[256]; /* "FILE:SHEET:ROW:COLUMN" or "" */
	char arg[512];   /* substituted into the message's %s */
};

/* Fills err and returns err->status, so callers can `return ms_fail(...)`. */
int ms_fail(struct ms_error *err, enum ms_status status, enum msg_id msg, const char *where,
            const char *arg);

enum ms_severity { MS_DIAG_ERROR, MS_DIAG_WARNING };

struct ms_diag {
	enum ms_severity severity;
	enum msg_id msg;
	char *where; /* owned: "FILE:SHEET:ROW:COLUMN" or "FILE:/json/pointer" */
	char *value; /* owned, may be NULL: the offending value as written */
	char *arg;   /* owned, may be NULL: detail for the message's %s */
};

/* A growing list of problems found in one input; empty with ms_diags_dispose. */
struct ms_diags {
	struct ms_diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

void ms_diags_add(struct ms_diags *d, enum ms_severity sev, enum msg_id msg, const char *where,
                  const char *value, const char *arg);
void ms_diags_dispose(struct ms_diags *d);

#endif
