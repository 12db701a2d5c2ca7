/* json_diag.c - a diagnostic that shows the JSON value the user wrote (json_diag.h). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "medsec/json_diag.h"
#include "medsec/mem.h"

void ms_diags_add_json(struct ms_diags *d, enum msg_id msg, const char *where, const json_t *v,
                       const char *arg)
{
	char *value = NULL;

	if (v && json_is_string(v))
		value = ms_xstrdup(json_string_value(v));
	else if (v)
		value = json_dumps(v, JSON_ENCODE_ANY | JSON_COMPACT);
	if (value && strlen(value) > 200)
		value[200] = '\0';
	ms_diags_add(d, MS_DIAG_ERROR, msg, where, value, arg);
	free(value);
}
