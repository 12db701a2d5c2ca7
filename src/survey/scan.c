/*
 * scan.c - the port scan of a round: its scope from the plan (or from the
 * recorded authorisations), TCP then UDP as one order of probes, written to
 * the store at every checkpoint so that a resume loses nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "medsec/clock.h"
#include "medsec/ip.h"
#include "medsec/mem.h"
#include "medsec/store.h"
#include "medsec/survey.h"

int survey_window_parse(const char *s, int *from, int *to)
{
	unsigned h1, m1, h2, m2;
	const char *p = s;
	char *end;

	/* HH:MM-HH:MM, read field by field (strtoul on a checked digit, no sscanf on outside text). */
	unsigned *f[4] = { &h1, &m1, &h2, &m2 };
	static const char sep[4] = { ':', '-', ':', '\0' };
	for (int i = 0; i < 4; i++) {
		if (p[0] < '0' || p[0] > '9')
			return -1;
		unsigned long v = strtoul(p, &end, 10);
		if (end - p > 2 || *end != sep[i] || v > 59)
			return -1;
		*f[i] = (unsigned)v;
		p = end + (i < 3);
	}
	if (h1 > 23 || h2 > 24)
		return -1;
	*from = (int)(h1 * 60 + m1);
	*to = (int)(h2 * 60 + m2);
	return 0;
}

/* Is local time inside [from, to)? A window may run past midnight. */
static int in_window(int from, int to)
{
	time_t t = time(NULL);
	struct tm tm;
	int now;

	localtime_r(&t, &tm);
	now = tm.tm_hour * 60 + tm.tm_min;
	return from <= to ? now >= from && now < to : now >= from || now < to;
}

struct run {
	struct store *st;
	const struct survey_events *ev;
	struct scan_record rec;
	const struct scan_scope *scope;
	struct scan_port_row *found;
	size_t n_found;
	uint32_t *base_closed, *base_filtered, *sum_closed, *sum_filtered;
	uint64_t offset; /* probes before the current pass */
	enum survey_stage stage;
	int window, from, to;
	enum msg_id stopped; /* why the scan stopped early, MSG_NONE if it did not */
	struct ms_error err;
	int failed;
};

static void on_found(void *ctx, size_t target, uint8_t proto, uint16_t port, enum port_state state)
{
	struct run *r = ctx;
	struct scan_port_row *p;

	r->found = ms_xrealloc(r->found, (r->n_found + 1) * sizeof(*r->found));
	p = &r->found[r->n_found++];
	memset(p, 0, sizeof(*p));
	p->host = target;
	snprintf(p->proto, sizeof(p->proto), "%s", proto == 17 ? "udp" : "tcp");
	p->port = port;
	snprintf(p->state, sizeof(p->state), "%s", scan_state_key(state));
}

static int on_checkpoint(void *ctx, uint64_t done, const uint32_t *closed, const uint32_t *filtered)
{
	struct run *r = ctx;
	size_t n = r->scope->n_targets;

	for (size_t i = 0; i < n; i++) {
		r->sum_closed[i] = r->base_closed[i] + closed[i];
		r->sum_filtered[i] = r->base_filtered[i] + filtered[i];
	}
	done += r->offset; /* the UDP pass counts after the TCP one */
	if (store_scan_checkpoint(r->st, r->rec.id, done, r->found, r->n_found, r->sum_closed,
	                          r->sum_filtered, n, &r->err) != MS_OK) {
		r->failed = 1;
		return 1;
	}
	r->n_found = 0;
	r->rec.done = done;
	if (r->ev && r->ev->stop_requested && r->ev->stop_requested(r->ev->ctx))
		r->stopped = MSG_SCAN_INTERRUPTED;
	else if (r->window && !in_window(r->from, r->to))
		r->stopped = MSG_SCAN_STOPPED_WINDOW;
	return r->stopped != MSG_NONE;
}

static void on_progress(void *ctx, uint64_t done, uint64_t total, double rate)
{
	struct run *r = ctx;

	if (r->ev && r->ev->progress)
		r->ev->progress(r->ev->ctx, r->stage, NULL, done, total, rate);
}

/* The scan's stored hosts must be the scope's, in order, for a resume to mean anything. */
static int same_hosts(struct run *r, struct ms_error *err)
{
	struct scan_host_row *hosts;
	struct scan_port_row *ports;
	size_t nh, np;
	int same;

	if (store_scan_results(r->st, r->rec.id, &hosts, &nh, &ports, &np, err) != MS_OK)
		return -1;
	same = nh == r->scope->n_targets;
	for (size_t i = 0; same && i < nh; i++) {
		same = strcmp(hosts[i].address, r->scope->targets[i].text) == 0;
		r->base_closed[i] = hosts[i].closed;
		r->base_filtered[i] = hosts[i].filtered;
	}
	free(hosts);
	free(ports);
	return same;
}

/*
 * --target: a plan of its own, one line per address, each covered by a
 * recorded authorisation of this hospital (scope add); else refused before
 * anything is sent. The scope is then built the one way it always is.
 */
static int target_plan(struct store *st, int64_t hid, const char *list, struct plan **out,
                       struct ms_error *err)
{
	struct scope_decl *decls = NULL;
	size_t n = 0;
	char *copy = ms_xstrdup(list), *save = NULL;
	struct plan *p = ms_xcalloc(1, sizeof(*p));
	int rc = store_scope_list(st, hid, &decls, &n, err);

	for (char *a = strtok_r(copy, ",", &save); !rc && a; a = strtok_r(NULL, ",", &save)) {
		struct ms_prefix want;
		struct plan_line *l;
		int covered = 0;

		if (ms_prefix_parse(a, &want) != MS_PREFIX_OK) {
			rc = ms_fail(err, MS_ERR_INPUT, MSG_IP_SYNTAX, a, NULL);
			break;
		}
		for (size_t i = 0; i < n && !covered; i++) {
			struct ms_prefix have;

			covered = ms_prefix_parse(decls[i].prefix, &have) == MS_PREFIX_OK &&
			          ms_prefix_contains(&have, &want);
		}
		if (!covered) {
			rc = ms_fail(err, MS_ERR_INPUT, MSG_SCAN_TARGET_NOT_DECLARED, NULL, a);
			break;
		}
		p->lines = ms_xrealloc(p->lines, (p->n_lines + 1) * sizeof(*p->lines));
		l = &p->lines[p->n_lines++];
		memset(l, 0, sizeof(*l));
		l->status = STATUS_TARGET;
		/* An address someone authorised by name (scope add), not a day-of confirmation. */
		l->ip_kind = IP_STATIC;
		l->target = ms_arena_strdup(&p->arena, a);
	}
	free(copy);
	free(decls);
	if (rc) {
		plan_free(p);
		return rc;
	}
	*out = p;
	return MS_OK;
}

/* A port list, or "none" for no port of that protocol. */
static int parse_ports(const char *spec, struct scan_ports *ports)
{
	if (strcmp(spec, "none") == 0) {
		memset(ports, 0, sizeof(*ports));
		return 0;
	}
	return scan_ports_parse(spec, ports);
}

void survey_scan_options_init(struct survey_scan_options *o)
{
	*o = (struct survey_scan_options){ .ports = "1-65535",
		                           .udp_ports = scan_udp_default_ports(),
		                           .method = "auto",
		                           .rate = 5000,
		                           .host_rate = 1000,
		                           .retries = 1,
		                           .timeout_ms = 1000 };
}

/* The options checked; the window's bounds into r. */
static int check(const struct survey_scan_options *o, struct run *r, struct ms_error *err)
{
	if (o->window && survey_window_parse(o->window, &r->from, &r->to) != 0)
		return ms_fail(err, MS_ERR_INPUT, MSG_SCAN_BAD_WINDOW, NULL, o->window);
	r->window = o->window != NULL;
	if (strcmp(o->method, "auto") && strcmp(o->method, "syn") && strcmp(o->method, "connect"))
		return ms_fail(err, MS_ERR_INPUT, MSG_SCAN_BAD_METHOD, NULL, o->method);
	return MS_OK;
}

/* The scope: the plan's targets (the day-of rule included), or the authorised --target list. */
static int scope_of(struct survey_session *s, const struct survey_scan_options *o,
                    struct scan_scope *scope, struct ms_error *err)
{
	struct plan *plan = NULL;
	int rc = o->targets ? target_plan(s->store, s->hospital_id, o->targets, &plan, err)
	                    : store_plan_load(s->store, s->round.id, &plan, err);

	if (!rc && !plan)
		rc = ms_fail(err, MS_ERR_INPUT, MSG_NO_PLAN, NULL, NULL);
	if (!rc)
		rc = scan_scope_from_plan(scope, plan, err);
	if (!rc && !scope->n_targets)
		rc = ms_fail(err, MS_ERR_INPUT, MSG_SCAN_NO_TARGETS, NULL, NULL);
	plan_free(plan);
	return rc;
}

static int port_lists(const char *tcp_spec, const char *udp_spec, struct scan_ports *tcp,
                      struct scan_ports *udp, struct ms_error *err)
{
	if (parse_ports(tcp_spec, tcp) != 0 || parse_ports(udp_spec, udp) != 0 ||
	    tcp->n + udp->n == 0)
		return ms_fail(err, MS_ERR_INPUT, MSG_SCAN_BAD_PORTS, NULL, NULL);
	return MS_OK;
}

static uint64_t fresh_seed(const struct survey_scan_options *o)
{
	uint64_t seed;

	if (o->has_seed)
		return o->seed;
	if (getrandom(&seed, sizeof(seed), 0) != sizeof(seed))
		seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	return seed;
}

int survey_scan_order(struct survey_session *s, const struct survey_scan_options *o,
                      void (*each)(void *ctx, const char *proto, const char *address,
                                   unsigned port),
                      void *ctx, struct ms_error *err)
{
	struct run r = { 0 };
	struct scan_scope scope = { 0 };
	struct scan_ports tcp = { 0 }, udp = { 0 };
	uint64_t seed = fresh_seed(o);
	int rc;

	if ((rc = check(o, &r, err)) || (rc = scope_of(s, o, &scope, err)) ||
	    (rc = port_lists(o->ports, o->udp_ports, &tcp, &udp, err)))
		goto out;
	for (int pass = 0; pass < 2; pass++) {
		const struct scan_ports *ports = pass ? &udp : &tcp;
		uint64_t n = (uint64_t)scope.n_targets * ports->n;

		for (uint64_t i = 0; i < n; i++) {
			size_t t, pi;

			scan_probe_at(i, n, ports->n, seed, &t, &pi);
			each(ctx, pass ? "udp" : "tcp", scope.targets[t].text, ports->v[pi]);
		}
	}
out:
	scan_ports_dispose(&tcp);
	scan_ports_dispose(&udp);
	scan_scope_dispose(&scope);
	return rc;
}

/* Records a new scan of the scope before the first packet, so that it can be resumed. */
static int begin(struct survey_session *s, const struct survey_scan_options *o, struct run *r,
                 const struct scan_scope *scope, size_t n_ports, struct ms_error *err)
{
	struct scan_host_row *hosts = ms_xcalloc(scope->n_targets, sizeof(*hosts));
	int syn = strcmp(o->method, "syn") == 0 ||
	          (strcmp(o->method, "connect") != 0 && scan_raw_allowed());
	int rc;

	r->rec = (struct scan_record){ .round_id = s->round.id,
		                       .status = SCAN_RUNNING,
		                       .seed = fresh_seed(o),
		                       .rate = o->rate,
		                       .host_rate = o->host_rate,
		                       .retries = o->retries,
		                       .timeout_ms = o->timeout_ms,
		                       .total = (uint64_t)scope->n_targets * n_ports };
	snprintf(r->rec.method, sizeof(r->rec.method), "%s", syn ? "tcp_syn" : "tcp_connect");
	snprintf(r->rec.ports, sizeof(r->rec.ports), "%s", o->ports);
	snprintf(r->rec.udp_ports, sizeof(r->rec.udp_ports), "%s", o->udp_ports);
	ms_now_iso(r->rec.started_at);
	scan_source_address(&scope->targets[0], r->rec.source_address,
	                    sizeof(r->rec.source_address));
	for (size_t i = 0; i < scope->n_targets; i++) {
		snprintf(hosts[i].address, sizeof(hosts[i].address), "%s", scope->targets[i].text);
		hosts[i].line_no = scope->targets[i].line_no;
	}
	rc = store_scan_begin(s->store, &r->rec, hosts, scope->n_targets, err);
	free(hosts);
	return rc;
}

/* TCP first, then UDP: one order of probes, so one checkpoint covers both. */
static int passes(struct run *r, const struct scan_scope *scope, const struct scan_ports *tcp,
                  const struct scan_ports *udp, struct ms_error *err)
{
	uint64_t n_tcp = (uint64_t)scope->n_targets * tcp->n;
	struct scan_params prm = { .rate = r->rec.rate,
		                   .host_rate = r->rec.host_rate,
		                   .retries = r->rec.retries,
		                   .timeout_ms = r->rec.timeout_ms,
		                   .seed = r->rec.seed };
	struct scan_events ev = { r, on_found, on_checkpoint, on_progress };
	int rc = MS_OK;

	if (r->rec.done < n_tcp) {
		prm.start = r->rec.done;
		r->stage = SURVEY_STAGE_SCAN_TCP;
		rc = strcmp(r->rec.method, "tcp_syn") == 0
		             ? scan_tcp_syn(scope, tcp, &prm, &ev, err)
		             : scan_tcp_connect(scope, tcp, &prm, &ev, err);
		memcpy(r->base_closed, r->sum_closed, scope->n_targets * sizeof(uint32_t));
		memcpy(r->base_filtered, r->sum_filtered, scope->n_targets * sizeof(uint32_t));
	}
	if (!rc && !r->failed && !r->stopped && udp->n) {
		r->offset = n_tcp;
		prm.start = r->rec.done - n_tcp;
		r->stage = SURVEY_STAGE_SCAN_UDP;
		rc = scan_udp(scope, udp, &prm, &ev, err);
	}
	if (r->failed) {
		*err = r->err;
		rc = err->status;
	}
	return rc;
}

int survey_scan(struct survey_session *s, const struct survey_scan_options *in,
                const struct survey_events *ev, struct survey_scan_result *out,
                struct ms_error *err)
{
	struct survey_scan_options o = *in;
	struct run r = { .st = s->store, .ev = ev };
	struct scan_scope scope = { 0 };
	struct scan_ports tcp = { 0 }, udp = { 0 };
	size_t n;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((rc = check(&o, &r, err)) || (rc = scope_of(s, &o, &scope, err)))
		goto out;
	n = scope.n_targets;
	r.scope = &scope;
	r.base_closed = ms_xcalloc(n, sizeof(uint32_t));
	r.base_filtered = ms_xcalloc(n, sizeof(uint32_t));
	r.sum_closed = ms_xcalloc(n, sizeof(uint32_t));
	r.sum_filtered = ms_xcalloc(n, sizeof(uint32_t));
	if (o.resume) {
		if ((rc = store_scan_latest(s->store, s->round.id, &r.rec, err)))
			goto out;
		if (!r.rec.id || r.rec.status == SCAN_DONE) {
			rc = ms_fail(err, MS_ERR_INPUT, MSG_SCAN_NOTHING_TO_RESUME, NULL, NULL);
			goto out;
		}
		if ((rc = same_hosts(&r, err)) <= 0) {
			rc = rc < 0 ? MS_ERR_SYSTEM
			            : ms_fail(err, MS_ERR_INPUT, MSG_SCAN_PLAN_CHANGED, NULL, NULL);
			goto out;
		}
		/* A resume continues the scan as it was started. */
		o.ports = r.rec.ports;
		o.udp_ports = r.rec.udp_ports;
	}
	if ((rc = port_lists(o.ports, o.udp_ports, &tcp, &udp, err)))
		goto out;
	if (r.window && !in_window(r.from, r.to)) {
		rc = ms_fail(err, MS_ERR_INPUT, MSG_SCAN_OUTSIDE_WINDOW, NULL, o.window);
		goto out;
	}
	if (!o.resume && (rc = begin(s, &o, &r, &scope, tcp.n + udp.n, err)))
		goto out;
	if ((rc = passes(&r, &scope, &tcp, &udp, err)))
		goto out;
	r.rec.status = r.stopped ? SCAN_INTERRUPTED : SCAN_DONE;
	if (!r.stopped)
		ms_now_iso(r.rec.finished_at);
	if ((rc = store_scan_finish(s->store, r.rec.id, r.rec.status,
	                            r.stopped ? NULL : r.rec.finished_at, err)))
		goto out;
	out->rec = r.rec;
	out->stopped = r.stopped;
out:
	scan_ports_dispose(&tcp);
	scan_ports_dispose(&udp);
	scan_scope_dispose(&scope);
	free(r.found);
	free(r.base_closed);
	free(r.base_filtered);
	free(r.sum_closed);
	free(r.sum_filtered);
	return rc;
}

int survey_scan_latest(struct survey_session *s, struct scan_record *rec,
                       struct scan_host_row **hosts, size_t *n_hosts, struct scan_port_row **ports,
                       size_t *n_ports, struct ms_error *err)
{
	int rc = store_scan_latest(s->store, s->round.id, rec, err);

	*hosts = NULL;
	*ports = NULL;
	*n_hosts = *n_ports = 0;
	if (!rc && rec->id)
		rc = store_scan_results(s->store, rec->id, hosts, n_hosts, ports, n_ports, err);
	return rc;
}
