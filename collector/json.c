/* json.c - the collector's one output: a JSON document of its collection (collector.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "collector.h"
#include "medsec/mem.h"

struct out {
	char *s;
	size_t n, cap;
};

static void put(struct out *o, const char *s, size_t len)
{
	if (o->n + len + 1 > o->cap) {
		o->cap = (o->n + len + 1) * 2;
		o->s = ms_xrealloc(o->s, o->cap);
	}
	memcpy(o->s + o->n, s, len);
	o->n += len;
	o->s[o->n] = '\0';
}

static void lit(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* A JSON string: quotes, backslashes and control characters escaped; UTF-8 passes as is. */
static void str(struct out *o, const char *s)
{
	char esc[8];

	lit(o, "\"");
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;
		if (ch == '"' || ch == '\\') {
			esc[0] = '\\';
			esc[1] = (char)ch;
			put(o, esc, 2);
		} else if (ch < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", ch);
			lit(o, esc);
		} else {
			put(o, s, 1);
		}
	}
	lit(o, "\"");
}

static void str_or_null(struct out *o, const char *s)
{
	if (s && *s)
		str(o, s);
	else
		lit(o, "null");
}

static const char *status_key(enum check_status s)
{
	static const char *const keys[] = { "ok", "unavailable", "denied", "error" };

	return keys[s];
}

char *collection_json(const struct collection *c)
{
	struct out o = { 0 };
	char num[32];

	lit(&o, "{\n  \"schema\": ");
	str(&o, COLLECTOR_SCHEMA);
	lit(&o, ",\n  \"collector\": {\"version\": ");
	str(&o, MEDSEC_VERSION);
	lit(&o, ", \"sha256\": ");
	str_or_null(&o, c->exe_sha256);
	lit(&o, "},\n  \"host\": {\"name\": ");
	str_or_null(&o, c->host);
	lit(&o, ", \"machine_guid\": ");
	str_or_null(&o, c->machine_guid);
	lit(&o, ", \"domain\": ");
	str_or_null(&o, c->domain);
	lit(&o, "},\n  \"collected_at\": ");
	str(&o, c->collected_at);
	lit(&o, c->elevated ? ",\n  \"elevated\": true" : ",\n  \"elevated\": false");
	lit(&o, ",\n  \"checks\": [");
	for (size_t i = 0; i < c->n; i++) {
		const struct check *k = &c->checks[i];

		lit(&o, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		str(&o, k->id);
		lit(&o, ", \"value\": ");
		if (k->status == CHECK_OK && k->type == VALUE_NUMBER) {
			snprintf(num, sizeof(num), "%llu", k->number);
			lit(&o, num);
		} else if (k->status == CHECK_OK && k->type == VALUE_STRING) {
			str(&o, k->text);
		} else {
			lit(&o, "null");
		}
		lit(&o, ", \"source\": ");
		str(&o, k->source);
		lit(&o, ", \"status\": ");
		str(&o, status_key(k->status));
		lit(&o, ", \"detail\": ");
		str_or_null(&o, k->detail);
		lit(&o, "}");
	}
	lit(&o, "\n  ]\n}\n");
	return o.s;
}
