/*
 * probedb.c - the probe and match database (probe.h): data/probes.json
 * loaded and checked whole (every pattern compiles, every example given for
 * an entry is identified as the entry says), and replies decided against it.
 */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <pcre2.h>

#include "medsec/text.h"
#include "medsec/mem.h"
#include "medsec/probe.h"
#include "probe/probe_int.h"

struct match {
	const char *name, *probe, *service, *product, *version, *extra, *device, *cpe;
	const char *next; /* a follow-up request (on the same connection unless it reconnects) */
	int confidence;
	pcre2_code *re;
};

struct probe_db {
	json_t *root;          /* owns the strings the entries point into */
	unsigned char **owned; /* decoded send_hex requests */
	size_t nowned;
	struct probe_def *probes;
	size_t nprobes;
	struct match *matches;
	size_t nmatches;
	pcre2_match_data *md;
};

void probe_db_free(struct probe_db *db)
{
	if (!db)
		return;
	for (size_t i = 0; i < db->nmatches; i++)
		pcre2_code_free(db->matches[i].re);
	pcre2_match_data_free(db->md);
	free(db->matches);
	free(db->probes);
	for (size_t i = 0; i < db->nowned; i++)
		free(db->owned[i]);
	free(db->owned);
	json_decref(db->root);
	free(db);
}

size_t probe_db_count(const struct probe_db *db)
{
	return db->nmatches;
}

const struct probe_def *probe_db_probe(const struct probe_db *db, const char *name)
{
	for (size_t i = 0; i < db->nprobes; i++)
		if (strcmp(db->probes[i].name, name) == 0)
			return &db->probes[i];
	return NULL;
}

/*
 * tpl with $1..$9 replaced by the captures (empty when unset), printable only;
 * $L1..$L9 in lower case (CPE names are lower case); $D1..$D9 a binary field
 * of 1 to 4 bytes read as a big-endian number (TDS and other binary versions).
 */
static void expand(const char *tpl, const unsigned char *data, pcre2_match_data *md, int rc,
                   char *out, size_t size)
{
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
	size_t n = 0;

	for (; tpl && *tpl && n + 1 < size; tpl++) {
		int lower = tpl[0] == '$' && tpl[1] == 'L' && tpl[2] >= '1' && tpl[2] <= '9';
		int number = tpl[0] == '$' && tpl[1] == 'D' && tpl[2] >= '1' && tpl[2] <= '9';
		if (number) {
			int k = tpl[2] - '0';
			unsigned long v = 0;
			tpl += 2;
			if (k >= rc || ov[2 * k] == PCRE2_UNSET || ov[2 * k + 1] - ov[2 * k] > 4)
				continue;
			for (PCRE2_SIZE i = ov[2 * k]; i < ov[2 * k + 1]; i++)
				v = v << 8 | data[i];
			n += (size_t)snprintf(out + n, size - n, "%lu", v);
			if (n >= size)
				n = size - 1;
			continue;
		}
		if (lower || (tpl[0] == '$' && tpl[1] >= '1' && tpl[1] <= '9')) {
			int k = tpl[1 + lower] - '0';
			tpl += 1 + lower;
			if (k >= rc || ov[2 * k] == PCRE2_UNSET)
				continue;
			for (PCRE2_SIZE i = ov[2 * k]; i < ov[2 * k + 1] && n + 1 < size; i++)
				if (data[i] >= 0x20 && data[i] < 0x7f)
					out[n++] = (char)(lower && data[i] >= 'A' && data[i] <= 'Z'
					                          ? data[i] + 32
					                          : data[i]);
			continue;
		}
		out[n++] = *tpl;
	}
	out[n] = '\0';
}

/* A CPE with an empty component (a version the reply did not give) gets "*" there. */
static void fix_cpe(char *cpe, size_t size)
{
	char tmp[256];
	size_t n = 0;

	for (const char *p = cpe; *p && n + 2 < sizeof(tmp); p++) {
		tmp[n++] = *p;
		if (*p == ':' && (p[1] == ':' || p[1] == '\0'))
			tmp[n++] = '*';
	}
	tmp[n] = '\0';
	snprintf(cpe, size, "%s", tmp);
}

/* The reply as evidence: printable ASCII kept, the rest as \xNN, bounded. */
void probe_evidence(const unsigned char *data, size_t len, char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < len && n + 5 < size; i++) {
		unsigned char c = data[i];
		if (c == '\r')
			n += (size_t)snprintf(out + n, size - n, "\\r");
		else if (c == '\n')
			n += (size_t)snprintf(out + n, size - n, "\\n");
		else if (c >= 0x20 && c < 0x7f && c != '\\')
			out[n++] = (char)c;
		else
			n += (size_t)snprintf(out + n, size - n, "\\x%02x", c);
	}
	out[n < size ? n : size - 1] = '\0';
}

static int identify_with(const struct probe_db *db, pcre2_match_data *md, const char *probe,
                         const unsigned char *data, size_t len, struct probe_result *r)
{
	for (size_t i = 0; i < db->nmatches; i++) {
		const struct match *m = &db->matches[i];
		int rc;
		if (probe && strcmp(m->probe, probe) != 0)
			continue;
		rc = pcre2_match(m->re, data, len, 0, 0, md, NULL);
		if (rc < 0)
			continue;
		snprintf(r->svc.service, sizeof(r->svc.service), "%s", m->service);
		expand(m->product, data, md, rc, r->svc.product, sizeof(r->svc.product));
		expand(m->version, data, md, rc, r->svc.version, sizeof(r->svc.version));
		expand(m->extra, data, md, rc, r->svc.extra, sizeof(r->svc.extra));
		expand(m->device, data, md, rc, r->svc.device, sizeof(r->svc.device));
		expand(m->cpe, data, md, rc, r->svc.cpe, sizeof(r->svc.cpe));
		if (r->svc.cpe[0])
			fix_cpe(r->svc.cpe, sizeof(r->svc.cpe));
		/* A product named without its version is less sure. */
		r->svc.confidence = m->confidence - (m->version && !r->svc.version[0] ? 30 : 0);
		if (r->svc.confidence < 10)
			r->svc.confidence = 10;
		snprintf(r->svc.decided_by, sizeof(r->svc.decided_by), "%s", m->name);
		{
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			size_t from = ov[0] > 64 ? ov[0] - 64
			                         : 0; /* the matched part, with context */
			size_t to = ov[1] + 64 < len ? ov[1] + 64 : len;
			probe_evidence(data + from, to - from, r->svc.evidence,
			               sizeof(r->svc.evidence));
		}
		return 1;
	}
	return 0;
}

const struct probe_def *probe_db_next(const struct probe_db *db, const char *match)
{
	for (size_t i = 0; i < db->nmatches; i++)
		if (strcmp(db->matches[i].name, match) == 0)
			return db->matches[i].next ? probe_db_probe(db, db->matches[i].next) : NULL;
	return NULL;
}

int probe_identify(const struct probe_db *db, const char *probe, const unsigned char *data,
                   size_t len, struct probe_result *r)
{
	return identify_with(db, db->md, probe, data, len, r);
}

static int fail_at(struct ms_diags *d, const char *path, const char *where, const char *value,
                   const char *what)
{
	char loc[512];

	snprintf(loc, sizeof(loc), "%s:%s", path, where);
	ms_diags_add(d, MS_DIAG_ERROR, MSG_PROBE_BAD_ENTRY, loc, value, what);
	return 1;
}

/* "0a1b…" to bytes (new buffer); -1 if not hex. */
static long unhex(const char *h, unsigned char **out)
{
	size_t n = strlen(h);
	unsigned char *b;

	if (n % 2)
		return -1;
	b = ms_xmalloc(n / 2 + 1);
	for (size_t i = 0; i < n / 2; i++) {
		int hi = ms_hex_value(h[2 * i]), lo = ms_hex_value(h[2 * i + 1]);
		if (hi < 0 || lo < 0) {
			free(b);
			return -1;
		}
		b[i] = (unsigned char)(hi << 4 | lo);
	}
	*out = b;
	return (long)(n / 2);
}

/* "send" is text (JSON escapes give \r\n); "send_hex" is bytes. 0, or -1 if bad hex. */
static int load_probe(struct probe_db *db, json_t *p, struct probe_def *out)
{
	json_t *ports = json_object_get(p, "ports");
	size_t i;
	json_t *v;

	memset(out, 0, sizeof(*out));
	out->name = json_str(p, "name");
	out->send = (const unsigned char *)"";
	if (json_str(p, "send")) {
		out->send = (const unsigned char *)json_str(p, "send");
		out->send_len = strlen(json_str(p, "send"));
	} else if (json_str(p, "send_hex")) {
		unsigned char *b;
		long n = unhex(json_str(p, "send_hex"), &b);
		if (n < 0)
			return -1;
		db->owned = ms_xrealloc(db->owned, (db->nowned + 1) * sizeof(*db->owned));
		db->owned[db->nowned++] = b;
		out->send = b;
		out->send_len = (size_t)n;
	}
	out->tls = json_is_true(json_object_get(p, "tls"));
	out->udp = json_is_true(json_object_get(p, "udp"));
	out->reconnect = json_is_true(json_object_get(p, "reconnect"));
	out->favicon = json_is_true(json_object_get(p, "favicon"));
	out->then = json_str(json_object_get(p, "then"), "probe");
	out->then_service = json_str(json_object_get(p, "then"), "service");
	json_array_foreach (ports, i, v)
		if (json_is_integer(v) && out->nports < PROBE_MAX_PORTS)
			out->ports[out->nports++] = (int)json_integer_value(v);
	return 0;
}

const struct probe_def *probe_db_udp(const struct probe_db *db, int port)
{
	for (size_t i = 0; i < db->nprobes; i++) {
		const struct probe_def *p = &db->probes[i];
		for (size_t k = 0; p->udp && k < p->nports; k++)
			if (p->ports[k] == port)
				return p;
	}
	return NULL;
}

size_t probe_db_requests(const struct probe_db *db, int port, const struct probe_def **out)
{
	size_t n = 0;
	const struct probe_def *http = probe_db_probe(db, "http");

	for (size_t i = 0; i < db->nprobes && n + 1 < PROBE_MAX_REQUESTS; i++) {
		const struct probe_def *p = &db->probes[i];
		if (!p->send_len || p->tls || p->udp || p == http)
			continue;
		for (size_t k = 0; k < p->nports; k++)
			if (p->ports[k] == port) {
				out[n++] = p;
				break;
			}
	}
	if (http)
		out[n++] = http;
	return n;
}

int probe_db_load(const char *path, struct probe_db **out, struct ms_diags *d, struct ms_error *err)
{
	static const char shape[] = "{\"medsec_probes\": 1, \"probes\": […], \"matches\": […]}";
	json_t *root, *probes, *matches, *e;
	struct probe_db *db;
	size_t i;
	int errors = 0;
	char where[128];

	*out = NULL;
	if (!(root = probe_load_json(path, "medsec_probes", "probes", shape, err)))
		return err->status;
	probes = json_object_get(root, "probes");
	matches = json_object_get(root, "matches");
	if (!json_is_array(matches)) {
		json_decref(root);
		return ms_fail(err, MS_ERR_INPUT, MSG_PROBE_BAD_ENTRY, path, shape);
	}
	db = ms_xcalloc(1, sizeof(*db));
	db->root = root;
	db->probes = ms_xcalloc(json_array_size(probes) + 1, sizeof(*db->probes));
	db->matches = ms_xcalloc(json_array_size(matches) + 1, sizeof(*db->matches));
	db->md = pcre2_match_data_create(10, NULL);
	json_array_foreach (probes, i, e) {
		snprintf(where, sizeof(where), "/probes/%zu", i);
		if (!json_str(e, "name"))
			errors += fail_at(d, path, where, NULL, "name");
		else if (load_probe(db, e, &db->probes[db->nprobes++]) != 0)
			errors += fail_at(d, path, where, json_str(e, "send_hex"),
			                  "send_hex (bytes in hex)");
	}
	for (size_t k = 0; k < db->nprobes; k++)
		if (db->probes[k].then && !probe_db_probe(db, db->probes[k].then)) {
			snprintf(where, sizeof(where), "/probes/%zu/then", k);
			errors += fail_at(d, path, where, db->probes[k].then,
			                  "a probe defined under \"probes\"");
		}
	json_array_foreach (matches, i, e) {
		struct match *m = &db->matches[db->nmatches];
		int code;
		PCRE2_SIZE off;
		snprintf(where, sizeof(where), "/matches/%zu", i);
		m->name = json_str(e, "name");
		m->probe = json_str(e, "probe");
		m->service = json_str(e, "service");
		m->product = json_str(e, "product");
		m->version = json_str(e, "version");
		m->extra = json_str(e, "extra");
		m->device = json_str(e, "device");
		m->cpe = json_str(e, "cpe");
		m->next = json_str(e, "next");
		m->confidence = json_is_integer(json_object_get(e, "confidence"))
		                        ? (int)json_integer_value(json_object_get(e, "confidence"))
		                        : 80;
		if (!m->name || !m->probe || !m->service || !json_str(e, "pattern") ||
		    !json_str(e, "source")) {
			errors += fail_at(d, path, where, m->name,
			                  "name, probe, service, pattern, source");
			continue;
		}
		if (!probe_db_probe(db, m->probe) || (m->next && !probe_db_probe(db, m->next))) {
			errors += fail_at(d, path, where, m->next ? m->next : m->probe,
			                  "a probe defined under \"probes\"");
			continue;
		}
		m->re = pcre2_compile((PCRE2_SPTR)json_str(e, "pattern"), PCRE2_ZERO_TERMINATED, 0,
		                      &code, &off, NULL);
		if (!m->re) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(code, msg, sizeof(msg));
			errors += fail_at(d, path, where, json_str(e, "pattern"),
			                  (const char *)msg);
			continue;
		}
		db->nmatches++;
	}
	/* Each entry's examples must be identified as the entry says: a test per entry. */
	json_array_foreach (matches, i, e) {
		size_t k;
		json_t *x;
		if (errors)
			break;
		if (!json_array_size(json_object_get(e, "examples"))) {
			snprintf(where, sizeof(where), "/matches/%zu/examples", i);
			errors += fail_at(d, path, where, json_str(e, "name"),
			                  "at least one example reply");
		}
		json_array_foreach (json_object_get(e, "examples"), k, x) {
			struct probe_result r;
			const char *reply = json_str(x, "reply");
			unsigned char *bin = NULL;
			long blen = json_str(x, "reply_hex") ? unhex(json_str(x, "reply_hex"), &bin)
			                                     : -1;
			int found;
			memset(&r, 0, sizeof(r));
			snprintf(where, sizeof(where), "/matches/%zu/examples/%zu", i, k);
			if (blen >= 0)
				found = probe_identify(db, json_str(e, "probe"), bin, (size_t)blen,
				                       &r);
			else
				found = reply && probe_identify(db, json_str(e, "probe"),
				                                (const unsigned char *)reply,
				                                strlen(reply), &r);
			free(bin);
			if (!found || strcmp(r.svc.decided_by, json_str(e, "name")) != 0 ||
			    (json_str(x, "version") &&
			     strcmp(r.svc.version, json_str(x, "version")) != 0) ||
			    (json_str(x, "product") &&
			     strcmp(r.svc.product, json_str(x, "product")) != 0) ||
			    (json_str(x, "cpe") && strcmp(r.svc.cpe, json_str(x, "cpe")) != 0))
				errors += fail_at(
				        d, path, where,
				        r.svc.decided_by[0] ? r.svc.decided_by : "-",
				        "the example is identified by this entry as it says");
		}
	}
	if (errors) {
		probe_db_free(db);
		return MS_ERR_INPUT;
	}
	*out = db;
	return 0;
}
