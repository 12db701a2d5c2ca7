/*
 * products.c - declared devices to CPE names (data/products.json): the
 * hospital writes "ヤマハ RTX1210"; NVD files it under yamaha:rtx1210_firmware.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "medsec/mem.h"
#include "medsec/vulndb.h"
#include "vulndb/vdb_int.h"

struct vdb_products {
	json_t *root;
};

void vdb_products_free(struct vdb_products *p)
{
	if (!p)
		return;
	json_decref(p->root);
	free(p);
}

static int bad(struct ms_diags *d, const char *display, const char *path, const char *what)
{
	char where[512];

	snprintf(where, sizeof(where), "%s:%s", display, path);
	ms_diags_add(d, MS_DIAG_ERROR, MSG_JSON_TYPE, where, NULL, what);
	return 1;
}

static int strings(json_t *a)
{
	size_t i;
	json_t *v;

	if (!json_is_array(a) || !json_array_size(a))
		return 0;
	json_array_foreach (a, i, v)
		if (!json_is_string(v) || !*json_string_value(v))
			return 0;
	return 1;
}

int vdb_products_load(const char *path, struct vdb_products **out, struct ms_diags *d,
                      struct ms_error *err)
{
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je), *e, *c;
	size_t i, k;
	int errors = 0;
	char p[128];

	*out = NULL;
	if (!root) {
		if (je.line <= 0)
			return ms_fail(err, MS_ERR_INPUT, MSG_CANNOT_OPEN, path, je.text);
		snprintf(p, sizeof(p), "%s:%d", path, je.line);
		return ms_fail(err, MS_ERR_INPUT, MSG_JSON_SYNTAX, p, je.text);
	}
	if (json_integer_value(json_object_get(root, "medsec_products")) != 1 ||
	    !json_is_array(json_object_get(root, "products")))
		errors += bad(d, path, "/medsec_products",
		              "{\"medsec_products\": 1, \"products\": […]}");
	json_array_foreach (json_object_get(root, "products"), i, e) {
		snprintf(p, sizeof(p), "/products/%zu/makers", i);
		if (!strings(json_object_get(e, "makers")))
			errors += bad(d, path, p, "[\"maker\", …]");
		snprintf(p, sizeof(p), "/products/%zu/prefixes", i);
		if (!strings(json_object_get(e, "prefixes")))
			errors += bad(d, path, p, "[\"model prefix\", …]");
		snprintf(p, sizeof(p), "/products/%zu/source", i);
		if (!json_is_string(json_object_get(e, "source")))
			errors += bad(d, path, p, "string (where the CPE names come from)");
		snprintf(p, sizeof(p), "/products/%zu/cpe", i);
		if (!json_is_array(json_object_get(e, "cpe")) ||
		    !json_array_size(json_object_get(e, "cpe")) ||
		    json_array_size(json_object_get(e, "cpe")) > VDB_DEVICE_QUERIES)
			errors += bad(d, path, p, "[{\"vendor\", \"product\"}, …] (1 to 4)");
		json_array_foreach (json_object_get(e, "cpe"), k, c) {
			if (!json_is_string(json_object_get(c, "vendor")) ||
			    !json_is_string(json_object_get(c, "product"))) {
				snprintf(p, sizeof(p), "/products/%zu/cpe/%zu", i, k);
				errors += bad(d, path, p, "{\"vendor\": …, \"product\": …}");
			}
		}
	}
	if (errors) {
		json_decref(root);
		return MS_ERR_INPUT;
	}
	*out = ms_xcalloc(1, sizeof(**out));
	(*out)->root = root;
	return 0;
}

/* Lower case; spaces become `space`. */
static void lower(const char *s, char space, char *out, size_t size)
{
	size_t n = 0;

	while (*s == ' ' || *s == '-' || *s == '_')
		s++;
	for (; *s && n + 1 < size; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c == ' ')
			c = space;
		out[n++] = c;
	}
	while (n && out[n - 1] == space)
		n--;
	out[n] = '\0';
}

/* tpl with {model} and {rest} filled. */
static void fill(const char *tpl, const char *model, const char *rest, char *out, size_t size)
{
	size_t n = 0;

	while (*tpl && n + 1 < size) {
		const char *val = NULL;
		if (strncmp(tpl, "{model}", 7) == 0) {
			val = model;
			tpl += 7;
		} else if (strncmp(tpl, "{rest}", 6) == 0) {
			val = rest;
			tpl += 6;
		}
		if (val) {
			n += (size_t)snprintf(out + n, size - n, "%s", val);
			if (n >= size)
				n = size - 1;
		} else {
			out[n++] = *tpl++;
		}
	}
	out[n] = '\0';
}

static int maker_matches(json_t *makers, const char *maker)
{
	char want[128], have[128];
	size_t i;
	json_t *m;

	vdb_name_key(maker, want, sizeof(want));
	json_array_foreach (makers, i, m) {
		vdb_name_key(json_string_value(m), have, sizeof(have));
		if (*want && strcmp(want, have) == 0)
			return 1;
	}
	return 0;
}

int vdb_products_map(const struct vdb_products *p, const char *maker, const char *model,
                     struct vdb_device_queries *out)
{
	size_t i, k, j;
	json_t *e, *pre, *c;

	memset(out, 0, sizeof(*out));
	if (!p || !maker || !model)
		return 0;
	while (*model == ' ')
		model++;
	json_array_foreach (json_object_get(p->root, "products"), i, e) {
		if (!maker_matches(json_object_get(e, "makers"), maker))
			continue;
		json_array_foreach (json_object_get(e, "prefixes"), k, pre) {
			const char *px = json_string_value(pre), *strip;
			char m[128], rest[128];
			size_t n = strlen(px), sn;
			if (strncasecmp(model, px, n) != 0)
				continue;
			strip = json_string_value(json_object_get(e, "strip"));
			sn = strip ? strlen(strip) : 0;
			lower(sn && strncasecmp(model, strip, sn) == 0 ? model + sn : model, '_', m,
			      sizeof(m));
			lower(model + n, '-', rest, sizeof(rest));
			json_array_foreach (json_object_get(e, "cpe"), j, c) {
				fill(json_string_value(json_object_get(c, "vendor")), m, rest,
				     out->q[out->n].vendor, sizeof(out->q[out->n].vendor));
				fill(json_string_value(json_object_get(c, "product")), m, rest,
				     out->q[out->n].product, sizeof(out->q[out->n].product));
				out->n++;
			}
			if (json_is_string(json_object_get(e, "platform")))
				fill(json_string_value(json_object_get(e, "platform")), m, rest,
				     out->platform, sizeof(out->platform));
			out->source = json_string_value(json_object_get(e, "source"));
			return 1;
		}
	}
	return 0;
}
