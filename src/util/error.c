/* error.c - struct ms_error and the diagnostics list (error.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/error.h"
#include "medsec/mem.h"

int ms_fail(struct ms_error *err, enum ms_status status, enum msg_id msg, const char *where,
            const char *arg)
{
	if (err) {
		err->status = status;
		err->msg = msg;
		snprintf(err->where, sizeof(err->where), "%s", where ? where : "");
		snprintf(err->arg, sizeof(err->arg), "%s", arg ? arg : "");
	}
	return status;
}

void ms_diags_add(struct ms_diags *d, enum ms_severity sev, enum msg_id msg, const char *where,
                  const char *value, const char *arg)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->v = ms_xrealloc(d->v, d->cap * sizeof(*d->v));
	}
	d->v[d->n++] = (struct ms_diag){
		.severity = sev,
		.msg = msg,
		.where = ms_xstrdup(where ? where : ""),
		.value = value ? ms_xstrdup(value) : NULL,
		.arg = arg ? ms_xstrdup(arg) : NULL,
	};
	if (sev == MS_DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void ms_diags_dispose(struct ms_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].where);
		free(d->v[i].value);
		free(d->v[i].arg);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}
