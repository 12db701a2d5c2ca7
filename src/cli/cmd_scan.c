/*
 * cmd_scan.c - `medsec scan`: the port scan of the current round's plan,
 * written to the store as it goes so that `--resume` loses nothing.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/clock.h"
#include "medsec/ip.h"
#include "medsec/mem.h"
#include "medsec/scan.h"

static const char scan_help_ja[] =
	"使い方: medsec scan [--ports 範囲] [--rate N] [--host-rate N] [--retries N]\n"
	"                    [--timeout ミリ秒] [--window HH:MM-HH:MM] [--dry-run] [--resume] [--json]\n\n"
	"現在の調査回の調査実施計画で「診断対象」となっている回線のグローバルIPアドレスだけを\n"
	"ポートスキャンします。それ以外のアドレスには1パケットも送りません。結果は随時保存され、\n"
	"中断(Ctrl-C、kill -9 を含む)しても --resume で続きから再開できます。\n"
	"TCP に続けて UDP (プロトコル別の問い合わせ) を調べます。\n\n"
	"  --method 方式     syn (raw ソケット, root が必要), connect (特権不要),\n"
	"                    auto (既定: 使えれば syn)\n"
	"  --ports 範囲      調べる TCP ポート (既定 1-65535, 例: 1-1024,3389; none で TCP なし)\n"
	"  --udp-ports 範囲  調べる UDP ポート (既定: プロトコル別の問い合わせを持つ 18 ポート;\n"
	"                    それ以外のポートには空のデータグラムを送る; none で UDP なし)\n"
	"  --rate N          全体の送信レート上限 (プローブ/秒, 既定 5000)\n"
	"  --host-rate N     1ホストあたりの送信レート上限 (既定 1000; 病院の UTM への配慮)\n"
	"  --retries N       応答のないポートの再送回数 (既定 1)\n"
	"  --timeout ミリ秒  応答待ちの上限 (既定 1000; 実際の待ち時間は往復時間から自動調整)\n"
	"  --window 時間帯   医療機関と合意した時間帯だけ実行する (例: 22:00-06:00)\n"
	"  --dry-run         送信せず、送る予定のプローブを順に表示する\n"
	"  --resume          中断したスキャンを続きから再開する\n"
	"  --show            この調査回の最新のスキャン結果を表示する (送信しない)\n"
	"  --target アドレス 計画とは別に、medsec scope add で許可を記録したアドレスを調べる\n"
	"                    (ベンダによる自社機器の確認など; カンマ区切り)\n"
	"  --json            結果を JSON で表示する\n";
static const char scan_help_en[] =
	"usage: medsec scan [--ports LIST] [--rate N] [--host-rate N] [--retries N]\n"
	"                   [--timeout MS] [--window HH:MM-HH:MM] [--dry-run] [--resume] [--json]\n\n"
	"Port-scans the global addresses of the lines the current round's plan marks as\n"
	"targets, and nothing else. Results are stored as they come: a scan stopped at any\n"
	"point (Ctrl-C, kill -9) continues with --resume. TCP, then UDP with protocol payloads.\n\n"
	"  --method M      syn (raw sockets, needs root), connect (no privileges),\n"
	"                  auto (default: syn where allowed)\n"
	"  --ports LIST    TCP ports (default 1-65535, e.g. 1-1024,3389; none for no TCP)\n"
	"  --udp-ports L   UDP ports (default: the 18 with protocol payloads; other ports get an\n"
	"                  empty datagram; none for no UDP)\n"
	"  --rate N        probes per second, all hosts together (default 5000)\n"
	"  --host-rate N   probes per second to one host (default 1000)\n"
	"  --retries N     extra tries for an unanswered port (default 1)\n"
	"  --timeout MS    longest wait for an answer (default 1000; adapts to round trips)\n"
	"  --window RANGE  only run inside the time agreed with the hospital (22:00-06:00)\n"
	"  --dry-run       send nothing: print the probes that would go, in order\n"
	"  --resume        continue the interrupted scan\n"
	"  --show          show the round's latest scan (sends nothing)\n"
	"  --target ADDRS  instead of the plan, addresses whose authorisation was recorded with\n"
	"                  medsec scope add (a vendor checking its own device; comma-separated)\n"
	"  --json          print the result as JSON\n";

enum { OPT_PORTS = OPT__FIRST_LOCAL, OPT_RATE, OPT_HOST_RATE, OPT_RETRIES, OPT_TIMEOUT,
       OPT_WINDOW, OPT_DRY_RUN, OPT_RESUME, OPT_SEED, OPT_SHOW, OPT_METHOD, OPT_UDP_PORTS,
       OPT_TARGET };

struct scan_opts {
	const char *ports, *udp_ports, *window, *method, *target;
	long rate, host_rate, retries, timeout;
	int dry_run, resume, show, bad;
	uint64_t seed;
	int has_seed;
};

static long number(const char *s, long lo, long hi, int *bad)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < lo || v > hi)
		*bad = 1;
	return v;
}

static int scan_option(int opt, const char *arg, void *ctx)
{
	struct scan_opts *o = ctx;

	switch (opt) {
	case OPT_PORTS: o->ports = arg; return 0;
	case OPT_RATE: o->rate = number(arg, 1, 10000000, &o->bad); return 0;
	case OPT_HOST_RATE: o->host_rate = number(arg, 1, 10000000, &o->bad); return 0;
	case OPT_RETRIES: o->retries = number(arg, 0, 10, &o->bad); return 0;
	case OPT_TIMEOUT: o->timeout = number(arg, 10, 60000, &o->bad); return 0;
	case OPT_WINDOW: o->window = arg; return 0;
	case OPT_DRY_RUN: o->dry_run = 1; return 0;
	case OPT_RESUME: o->resume = 1; return 0;
	case OPT_SHOW: o->show = 1; return 0;
	case OPT_METHOD: o->method = arg; return 0;
	case OPT_UDP_PORTS: o->udp_ports = arg; return 0;
	case OPT_TARGET: o->target = arg; return 0;
	case OPT_SEED: o->seed = strtoull(arg, NULL, 10); o->has_seed = 1; return 0;
	default: return -1;
	}
}

/* "22:00-06:00" as minutes after midnight; returns -1 if malformed. */
static int parse_window(const char *s, int *from, int *to)
{
	int h1, m1, h2, m2, n = 0;

	if (sscanf(s, "%2d:%2d-%2d:%2d%n", &h1, &m1, &h2, &m2, &n) != 4 || s[n] || h1 > 23 ||
	    h2 > 24 || m1 > 59 || m2 > 59 || h1 < 0 || h2 < 0 || m1 < 0 || m2 < 0)
		return -1;
	*from = h1 * 60 + m1;
	*to = h2 * 60 + m2;
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

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

struct run {
	struct cli *c;
	struct store *st;
	struct scan_record rec;
	const struct scan_scope *scope;
	struct scan_port_row *found;
	size_t n_found;
	uint32_t *base_closed, *base_filtered, *sum_closed, *sum_filtered;
	uint64_t offset;	/* probes before the current pass */
	int window, from, to;
	enum msg_id stopped;	/* why the scan stopped early, MSG_NONE if it did not */
	struct ms_error err;
	int failed, tty;
};

static void on_found(void *ctx, size_t target, uint8_t proto, uint16_t port,
		     enum port_state state)
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

static int on_checkpoint(void *ctx, uint64_t done, const uint32_t *closed,
			 const uint32_t *filtered)
{
	struct run *r = ctx;
	size_t n = r->scope->n_targets;

	for (size_t i = 0; i < n; i++) {
		r->sum_closed[i] = r->base_closed[i] + closed[i];
		r->sum_filtered[i] = r->base_filtered[i] + filtered[i];
	}
	done += r->offset;	/* the UDP pass counts after the TCP one */
	if (store_scan_checkpoint(r->st, r->rec.id, done, r->found, r->n_found, r->sum_closed,
				  r->sum_filtered, n, &r->err) != MS_OK) {
		r->failed = 1;
		return 1;
	}
	r->n_found = 0;
	r->rec.done = done;
	if (stop_signal)
		r->stopped = MSG_SCAN_INTERRUPTED;
	else if (r->window && !in_window(r->from, r->to))
		r->stopped = MSG_SCAN_STOPPED_WINDOW;
	return r->stopped != MSG_NONE;
}

static void on_progress(void *ctx, uint64_t done, uint64_t total, double rate)
{
	struct run *r = ctx;
	unsigned pct = total ? (unsigned)(done * 100 / total) : 100;
	unsigned long eta = rate > 0 ? (unsigned long)((double)(total - done) / rate) : 0;

	if (!r->tty)
		return;
	if (done == total) {
		fputs("\r\033[K", stderr);
		return;
	}
	/* done and total count this pass (TCP, then UDP); the ETA is at the current rate. */
	fprintf(stderr,
		r->c->lang == MS_LANG_EN ? "\rscan %llu/%llu (%u%%) %.0f probes/s, about %lu:%02lu left \033[K"
					 : "\rスキャン中 %llu/%llu (%u%%) %.0f プローブ/秒 残り約 %lu:%02lu \033[K",
		(unsigned long long)done, (unsigned long long)total, pct, rate, eta / 60, eta % 60);
}

static void print_result(struct run *r)
{
	struct scan_host_row *hosts;
	struct scan_port_row *ports;
	size_t nh, np;
	struct ms_error err;
	int en = r->c->lang == MS_LANG_EN;

	if (store_scan_results(r->st, r->rec.id, &hosts, &nh, &ports, &np, &err) != MS_OK) {
		cli_error(r->c, &err);
		return;
	}
	if (r->c->json) {
		json_t *root = json_pack("{s:I, s:s, s:s, s:o, s:s, s:s, s:s, s:{s:i, s:i, s:i, s:i}}",
					 "scan_id", (json_int_t)r->rec.id, "method", r->rec.method,
					 "started", r->rec.started_at, "finished",
					 r->rec.finished_at[0] ? json_string(r->rec.finished_at)
							       : json_null(),
					 "status", r->rec.status == SCAN_DONE ? "done"
						   : r->rec.status == SCAN_RUNNING ? "running"
										  : "interrupted",
					 "source_address", r->rec.source_address, "port_spec",
					 r->rec.ports, "parameters", "rate", (int)r->rec.rate,
					 "host_rate", (int)r->rec.host_rate, "retries",
					 (int)r->rec.retries, "timeout_ms", (int)r->rec.timeout_ms);
		json_t *jh = json_array();
		char *s;

		for (size_t i = 0; i < nh; i++) {
			json_t *jp = json_array();

			for (size_t k = 0; k < np; k++)
				if (ports[k].host == i)
					json_array_append_new(
						jp, json_pack("{s:s, s:i, s:s}", "proto", ports[k].proto,
							      "port", ports[k].port, "state",
							      ports[k].state));
			json_array_append_new(
				jh, json_pack("{s:s, s:i, s:o, s:I, s:I}", "address", hosts[i].address,
					      "line_no", hosts[i].line_no, "ports", jp, "closed",
					      (json_int_t)hosts[i].closed, "filtered",
					      (json_int_t)hosts[i].filtered));
		}
		json_object_set_new(root, "hosts", jh);
		s = json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		puts(s);
		free(s);
		json_decref(root);
	} else {
		printf(en ? "Scan %lld (%s), from %s, %s - %s\n" : "スキャン %lld (%s) 送信元 %s, %s - %s\n",
		       (long long)r->rec.id, r->rec.method, r->rec.source_address,
		       r->rec.started_at, r->rec.finished_at[0] ? r->rec.finished_at : "-");
		for (size_t i = 0; i < nh; i++) {
			/* Open ports, then those that stayed silent (UDP open|filtered), then counts. */
			for (int pass = 0; pass < 2; pass++) {
				int any = 0;

				if (pass == 0)
					printf(en ? "  %s (line %d): open" : "  %s (回線%d): 開",
					       hosts[i].address, hosts[i].line_no);
				for (size_t k = 0; k < np; k++) {
					if (ports[k].host != i ||
					    (strcmp(ports[k].state, "open") == 0) != (pass == 0))
						continue;
					if (!any && pass == 1)
						fputs(en ? "; open|filtered" : " / 開またはフィルタ", stdout);
					printf(" %s/%u", ports[k].proto, ports[k].port);
					any = 1;
				}
				if (!any && pass == 0)
					fputs(en ? " none" : " なし", stdout);
			}
			printf(en ? "; closed %u, filtered %u\n" : " / 閉 %u, フィルタ %u\n",
			       hosts[i].closed, hosts[i].filtered);
		}
	}
	free(hosts);
	free(ports);
}

/* The plan's scope must be the scan's hosts, in order, for a resume to mean anything. */
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
 * recorded authorisation of this hospital (medsec scope add); else refused
 * before anything is sent. The scope is then built the one way it always is.
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

/* SYN when asked, or (auto) when raw sockets are allowed. */
static int choose_method(const char *method)
{
	if (strcmp(method, "syn") == 0)
		return 1;
	return strcmp(method, "connect") != 0 && scan_raw_allowed();
}

static void dry_run(const char *proto, const struct scan_scope *scope,
		    const struct scan_ports *ports, uint64_t seed)
{
	uint64_t n = (uint64_t)scope->n_targets * ports->n;

	for (uint64_t i = 0; i < n; i++) {
		size_t t, pi;

		scan_probe_at(i, n, ports->n, seed, &t, &pi);
		printf("%s %s %u\n", proto, scope->targets[t].text, ports->v[pi]);
	}
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

int cmd_scan(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_COMMON_OPTIONS,
		{ "ports", required_argument, NULL, OPT_PORTS },
		{ "rate", required_argument, NULL, OPT_RATE },
		{ "host-rate", required_argument, NULL, OPT_HOST_RATE },
		{ "retries", required_argument, NULL, OPT_RETRIES },
		{ "timeout", required_argument, NULL, OPT_TIMEOUT },
		{ "window", required_argument, NULL, OPT_WINDOW },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "resume", no_argument, NULL, OPT_RESUME },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "show", no_argument, NULL, OPT_SHOW },
		{ "method", required_argument, NULL, OPT_METHOD },
		{ "udp-ports", required_argument, NULL, OPT_UDP_PORTS },
		{ "target", required_argument, NULL, OPT_TARGET },
		{ NULL, 0, NULL, 0 },
	};
	struct scan_opts o = { .ports = "1-65535", .udp_ports = scan_udp_default_ports(),
			       .rate = 5000, .host_rate = 1000, .retries = 1, .timeout = 1000,
			       .method = "auto" };
	struct run r = { .c = c, .tty = isatty(2) };
	struct scan_scope scope = { 0 };
	struct scan_ports ports = { 0 }, udp = { 0 };
	struct store_round round;
	struct plan *plan = NULL;
	struct ms_error err;
	struct sigaction sa = { .sa_handler = on_signal };
	int64_t hid;
	char *name = NULL;
	int rc;

	rc = cli_options(c, argc, argv, opts, scan_option, &o, "medsec scan [--ports LIST] ...",
			 scan_help_ja, scan_help_en);
	if (rc != CLI_GO)
		return rc;
	if (o.bad || optind != argc)
		return cli_usage(c, "medsec scan [--ports LIST] [--rate N] ...");
	if (o.window && parse_window(o.window, &r.from, &r.to) != 0) {
		ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_BAD_WINDOW, NULL, o.window);
		return cli_error(c, &err);
	}
	r.window = o.window != NULL;
	if (strcmp(o.method, "auto") && strcmp(o.method, "syn") && strcmp(o.method, "connect")) {
		ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_BAD_METHOD, NULL, o.method);
		return cli_error(c, &err);
	}
	if ((rc = cli_open_store(c, &r.st)))
		return rc;
	if ((rc = store_hospital_find(r.st, c->hospital, &hid, &name, &err)) ||
	    (rc = store_round_current(r.st, hid, &round, &err)))
		goto fail;
	if (o.show) {	/* the round's latest scan, as stored: nothing is sent */
		if ((rc = store_scan_latest(r.st, round.id, &r.rec, &err)))
			goto fail;
		if (!r.rec.id) {
			rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_NO_SCAN, NULL, NULL);
			goto fail;
		}
		print_result(&r);
		goto out;
	}
	if (o.target) {
		if ((rc = target_plan(r.st, hid, o.target, &plan, &err)))
			goto fail;
	} else if ((rc = store_plan_load(r.st, round.id, &plan, &err))) {
		goto fail;
	}
	if (!plan) {
		rc = ms_fail(&err, MS_ERR_INPUT, MSG_NO_PLAN, NULL, NULL);
		goto fail;
	}
	if ((rc = scan_scope_from_plan(&scope, plan, &err)))
		goto fail;
	if (!scope.n_targets) {
		rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_NO_TARGETS, NULL, NULL);
		goto fail;
	}
	r.scope = &scope;
	r.base_closed = ms_xcalloc(scope.n_targets, sizeof(uint32_t));
	r.base_filtered = ms_xcalloc(scope.n_targets, sizeof(uint32_t));
	r.sum_closed = ms_xcalloc(scope.n_targets, sizeof(uint32_t));
	r.sum_filtered = ms_xcalloc(scope.n_targets, sizeof(uint32_t));
	if (o.resume) {
		if ((rc = store_scan_latest(r.st, round.id, &r.rec, &err)))
			goto fail;
		if (!r.rec.id || r.rec.status == SCAN_DONE) {
			rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_NOTHING_TO_RESUME, NULL, NULL);
			goto fail;
		}
		rc = same_hosts(&r, &err);
		if (rc < 0) {
			rc = MS_ERR_SYSTEM;
			goto fail;
		}
		if (rc == 0) {
			rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_PLAN_CHANGED, NULL, NULL);
			goto fail;
		}
		o.ports = r.rec.ports;
		o.udp_ports = r.rec.udp_ports;
	}
	if (parse_ports(o.ports, &ports) != 0 || parse_ports(o.udp_ports, &udp) != 0 ||
	    ports.n + udp.n == 0) {
		rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_BAD_PORTS, NULL, NULL);
		goto fail;
	}
	if (!o.resume) {
		if (!o.has_seed && getrandom(&o.seed, sizeof(o.seed), 0) != sizeof(o.seed))
			o.seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
		if (o.dry_run) {
			dry_run("tcp", &scope, &ports, o.seed);
			dry_run("udp", &scope, &udp, o.seed);
			rc = 0;
			goto out;
		}
	}
	if (r.window && !in_window(r.from, r.to)) {
		rc = ms_fail(&err, MS_ERR_INPUT, MSG_SCAN_OUTSIDE_WINDOW, NULL, o.window);
		goto fail;
	}
	if (!o.resume) {
		struct scan_host_row *hosts = ms_xcalloc(scope.n_targets, sizeof(*hosts));

		r.rec = (struct scan_record){ .round_id = round.id, .status = SCAN_RUNNING,
					      .seed = o.seed, .rate = (unsigned)o.rate,
					      .host_rate = (unsigned)o.host_rate,
					      .retries = (unsigned)o.retries,
					      .timeout_ms = (unsigned)o.timeout,
					      .total = (uint64_t)scope.n_targets * (ports.n + udp.n) };
		snprintf(r.rec.method, sizeof(r.rec.method), "%s",
			 choose_method(o.method) ? "tcp_syn" : "tcp_connect");
		snprintf(r.rec.ports, sizeof(r.rec.ports), "%s", o.ports);
		snprintf(r.rec.udp_ports, sizeof(r.rec.udp_ports), "%s", o.udp_ports);
		ms_now_iso(r.rec.started_at);
		scan_source_address(&scope.targets[0], r.rec.source_address,
				    sizeof(r.rec.source_address));
		for (size_t i = 0; i < scope.n_targets; i++) {
			snprintf(hosts[i].address, sizeof(hosts[i].address), "%s",
				 scope.targets[i].text);
			hosts[i].line_no = scope.targets[i].line_no;
		}
		rc = store_scan_begin(r.st, &r.rec, hosts, scope.n_targets, &err);
		free(hosts);
		if (rc)
			goto fail;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	{
		/* TCP first, then UDP: one order of probes, so one checkpoint covers both. */
		uint64_t n_tcp = (uint64_t)scope.n_targets * ports.n;
		struct scan_params prm = { .rate = r.rec.rate, .host_rate = r.rec.host_rate,
					   .retries = r.rec.retries, .timeout_ms = r.rec.timeout_ms,
					   .seed = r.rec.seed };
		struct scan_events ev = { &r, on_found, on_checkpoint, on_progress };

		if (r.rec.done < n_tcp) {
			prm.start = r.rec.done;
			rc = strcmp(r.rec.method, "tcp_syn") == 0
				     ? scan_tcp_syn(&scope, &ports, &prm, &ev, &err)
				     : scan_tcp_connect(&scope, &ports, &prm, &ev, &err);
			memcpy(r.base_closed, r.sum_closed, scope.n_targets * sizeof(uint32_t));
			memcpy(r.base_filtered, r.sum_filtered, scope.n_targets * sizeof(uint32_t));
		}
		if (!rc && !r.failed && !r.stopped && udp.n) {
			r.offset = n_tcp;
			prm.start = r.rec.done - n_tcp;
			rc = scan_udp(&scope, &udp, &prm, &ev, &err);
		}
	}
	if (r.failed) {
		err = r.err;
		rc = err.status;
	}
	if (rc)
		goto fail;
	ms_now_iso(r.rec.finished_at);
	r.rec.status = r.stopped ? SCAN_INTERRUPTED : SCAN_DONE;
	if ((rc = store_scan_finish(r.st, r.rec.id, r.rec.status,
				    r.stopped ? NULL : r.rec.finished_at, &err)))
		goto fail;
	if (r.stopped) {
		r.rec.finished_at[0] = '\0';
		ms_fail(&err, MS_ERR_SYSTEM, r.stopped, NULL, NULL);
		cli_error(c, &err);
	}
	print_result(&r);
	rc = r.stopped ? 1 : 0;
	goto out;
fail:
	rc = cli_error(c, &err);
out:
	scan_ports_dispose(&ports);
	scan_ports_dispose(&udp);
	scan_scope_dispose(&scope);
	plan_free(plan);
	free(name);
	free(r.found);
	free(r.base_closed);
	free(r.base_filtered);
	free(r.sum_closed);
	free(r.sum_filtered);
	store_close(r.st);
	return rc;
}
