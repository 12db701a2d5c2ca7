/* probe_int.h - inside the probe module: the probe definitions the engine sends. */
#ifndef MEDSEC_PROBE_INT_H
#define MEDSEC_PROBE_INT_H

#include <stddef.h>

#include <jansson.h>

#include "medsec/probe.h"

#define PROBE_MAX_PORTS 32

/* A request: what to send ("" = only listen), and the ports it is tried first on. */
struct probe_def {
	const char *name;
	const unsigned char *send; /* "{host}" is replaced by the address (text requests) */
	size_t send_len;           /* 0: only listen */
	int tls;                   /* "tls": the ports listed speak TLS first */
	int udp;                   /* a datagram request for the UDP ports listed */
	int reconnect;            /* a follow-up sent on a new connection (HTTP closes after one) */
	int favicon;              /* the reply is an icon: hashed, entries match "mmh3:<hash>" */
	const char *then;         /* a request (a probe's name) to send once more … */
	const char *then_service; /* … after an entry of this one decided this service */
	int ports[PROBE_MAX_PORTS];
	size_t nports;
};

const struct probe_def *probe_db_probe(const struct probe_db *db, const char *name);

#define PROBE_MAX_REQUESTS 4
/*
 * The requests to try on a port that does not speak first, in order: those
 * listing the port, then "http". Returns how many (at most PROBE_MAX_REQUESTS).
 */
size_t probe_db_requests(const struct probe_db *db, int port, const struct probe_def **out);
/* The datagram request for a UDP port, or NULL. */
const struct probe_def *probe_db_udp(const struct probe_db *db, int port);

/* The request to send on the same connection after an entry decided (its "next"), or NULL. */
const struct probe_def *probe_db_next(const struct probe_db *db, const char *match);

/*
 * The favicon hash of an HTTP reply: status 200, the whole body (chunked or
 * with a Content-Length that was met). 1 and *out set, or 0.
 */
int probe_favicon_hash(const unsigned char *reply, size_t n, int32_t *out);

/* A string member of a JSON object, or NULL. */
static inline const char *json_str(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

/* Milliseconds of the monotonic clock. */
long long probe_now_ms(void);
/* A TCP connection to address:port within timeout_ms: a non-blocking fd, or -1. */
int probe_connect(const char *address, int port, int timeout_ms);
/*
 * One of medsec's data files: {"<version_key>": 1, "<list_key>": […], …}. The
 * parsed root (json_decref it), or NULL with err naming the file (and line).
 */
json_t *probe_load_json(const char *path, const char *version_key, const char *list_key,
                        const char *shape, struct ms_error *err);

/* Bytes as printable evidence: ASCII kept, \r \n and \xNN for the rest; bounded. */
void probe_evidence(const unsigned char *data, size_t len, char *out, size_t size);

#endif
