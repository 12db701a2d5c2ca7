/*
 * cmd_scan.c - `medsec scan`: the port scan of the current round's plan,
 * written to the store as it goes so that `--resume` loses nothing.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/survey.h"

enum {
	OPT_PORTS = OPT__FIRST_LOCAL,
	OPT_RATE,
	OPT_HOST_RATE,
	OPT_RETRIES,
	OPT_TIMEOUT,
	OPT_WINDOW,
	OPT_DRY_RUN,
	OPT_RESUME,
	OPT_SEED,
	OPT_SHOW,
	OPT_METHOD,
	OPT_UDP_PORTS,
	OPT_TARGET
};

static const struct cli_opt scan_opts[] = {
	{ "ports", required_argument, OPT_PORTS, "範囲", "LIST",
	  "調べる TCP ポート (既定 1-65535, 例: 1-1024,3389; none で TCP なし)",
	  "TCP ports (default 1-65535, e.g. 1-1024,3389; none for no TCP)" },
	{ "rate", required_argument, OPT_RATE, "N", "N",
	  "全体の送信レート上限 (プローブ/秒, 既定 5000)",
	  "probes per second, all hosts together (default 5000)" },
	{ "host-rate", required_argument, OPT_HOST_RATE, "N", "N",
	  "1ホストあたりの送信レート上限 (既定 1000; 病院の UTM への配慮)",
	  "probes per second to one host (default 1000)" },
	{ "retries", required_argument, OPT_RETRIES, "N", "N",
	  "応答のないポートの再送回数 (既定 1)", "extra tries for an unanswered port (default 1)" },
	{ "timeout", required_argument, OPT_TIMEOUT, "ミリ秒", "MS",
	  "応答待ちの上限 (既定 1000; 実際の待ち時間は往復時間から自動調整)",
	  "longest wait for an answer (default 1000; adapts to round trips)" },
	{ "window", required_argument, OPT_WINDOW, "時間帯", "RANGE",
	  "医療機関と合意した時間帯だけ実行する (例: 22:00-06:00)",
	  "only run inside the time agreed with the hospital (22:00-06:00)" },
	{ "dry-run", no_argument, OPT_DRY_RUN, NULL, NULL,
	  "送信せず、送る予定のプローブを順に表示する",
	  "send nothing: print the probes that would go, in order" },
	{ "resume", no_argument, OPT_RESUME, NULL, NULL, "中断したスキャンを続きから再開する",
	  "continue the interrupted scan" },
	{ "seed", required_argument, OPT_SEED, "N", "N", NULL, NULL }, /* tests: a fixed order */
	{ "show", no_argument, OPT_SHOW, NULL, NULL,
	  "この調査回の最新のスキャン結果を表示する (送信しない)",
	  "show the round's latest scan (sends nothing)" },
	{ "method", required_argument, OPT_METHOD, "方式", "M",
	  "syn (raw ソケット, root が必要), connect (特権不要),\n"
	  "auto (既定: 使えれば syn)",
	  "syn (raw sockets, needs root), connect (no privileges),\n"
	  "auto (default: syn where allowed)" },
	{ "udp-ports", required_argument, OPT_UDP_PORTS, "範囲", "L",
	  "調べる UDP ポート (既定: プロトコル別の問い合わせを持つ 18 ポート;\n"
	  "それ以外のポートには空のデータグラムを送る; none で UDP なし)",
	  "UDP ports (default: the 18 with protocol payloads; other ports get an\n"
	  "empty datagram; none for no UDP)" },
	{ "target", required_argument, OPT_TARGET, "アドレス", "ADDRS",
	  "計画とは別に、medsec scope add で許可を記録したアドレスを調べる\n"
	  "(ベンダによる自社機器の確認など; カンマ区切り)",
	  "instead of the plan, addresses whose authorisation was recorded with\n"
	  "medsec scope add (a vendor checking its own device; comma-separated)" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

static const struct cli_cmd scan_cmd = {
	.usage_ja =
	        "medsec scan [--ports 範囲] [--rate N] [--host-rate N] [--retries N]\n"
	        "            [--timeout ミリ秒] [--window HH:MM-HH:MM] [--dry-run] [--resume] [--json]",
	.usage_en =
	        "medsec scan [--ports LIST] [--rate N] [--host-rate N] [--retries N]\n"
	        "            [--timeout MS] [--window HH:MM-HH:MM] [--dry-run] [--resume] [--json]",
	.about_ja =
	        "現在の調査回の調査実施計画で「診断対象」となっている回線のグローバルIPアドレスだけを\n"
	        "ポートスキャンします。それ以外のアドレスには1パケットも送りません。結果は随時保存され、\n"
	        "中断(Ctrl-C、kill -9 を含む)しても --resume で続きから再開できます。\n"
	        "TCP に続けて UDP (プロトコル別の問い合わせ) を調べます。",
	.about_en =
	        "Port-scans the global addresses of the lines the current round's plan marks as\n"
	        "targets, and nothing else. Results are stored as they come: a scan stopped at any\n"
	        "point (Ctrl-C, kill -9) continues with --resume. TCP, then UDP with protocol payloads.",
	.opts = scan_opts,
};

struct scan_args {
	struct survey_scan_options o;
	int dry_run, show, bad;
};

static unsigned number(const char *s, long lo, long hi, int *bad)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < lo || v > hi)
		*bad = 1;
	return (unsigned)v;
}

static int scan_option(int opt, const char *arg, void *ctx)
{
	struct scan_args *a = ctx;
	struct survey_scan_options *o = &a->o;

	switch (opt) {
	case OPT_PORTS: o->ports = arg; return 0;
	case OPT_RATE: o->rate = number(arg, 1, 10000000, &a->bad); return 0;
	case OPT_HOST_RATE: o->host_rate = number(arg, 1, 10000000, &a->bad); return 0;
	case OPT_RETRIES: o->retries = number(arg, 0, 10, &a->bad); return 0;
	case OPT_TIMEOUT: o->timeout_ms = number(arg, 10, 60000, &a->bad); return 0;
	case OPT_WINDOW: o->window = arg; return 0;
	case OPT_DRY_RUN: a->dry_run = 1; return 0;
	case OPT_RESUME: o->resume = 1; return 0;
	case OPT_SHOW: a->show = 1; return 0;
	case OPT_METHOD: o->method = arg; return 0;
	case OPT_UDP_PORTS: o->udp_ports = arg; return 0;
	case OPT_TARGET: o->targets = arg; return 0;
	case OPT_SEED:
		o->seed = strtoull(arg, NULL, 10);
		o->has_seed = 1;
		return 0;
	default: return -1;
	}
}

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static int stop_requested(void *ctx)
{
	(void)ctx;
	return stop_signal != 0;
}

static void print_probe(void *ctx, const char *proto, const char *address, unsigned port)
{
	(void)ctx;
	printf("%s %s %u\n", proto, address, port);
}

int cli_scan(struct cli *c, struct survey_session *s, const struct survey_scan_options *o)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct survey_events ev = { c, cli_progress, stop_requested };
	struct survey_scan_result res;
	struct ms_error err;

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (survey_scan(s, o, &ev, &res, &err))
		return cli_error(c, &err);
	if (res.stopped) {
		ms_fail(&err, MS_ERR_SYSTEM, res.stopped, NULL, NULL);
		cli_error(c, &err);
	}
	cli_print_scan(c, s);
	return res.stopped ? 1 : 0;
}

int cmd_scan(struct cli *c, int argc, char **argv)
{
	struct scan_args a = { 0 };
	struct survey_config cfg;
	struct survey_session s;
	struct ms_error err;
	int rc;

	survey_scan_options_init(&a.o);
	rc = cli_parse(c, argc, argv, &scan_cmd, scan_option, &a);
	if (rc != CLI_GO)
		return rc;
	if (a.bad || optind != argc)
		return cli_usage(c, "medsec scan [--ports LIST] [--rate N] ...");
	if ((rc = cli_open_session(c, NULL, &cfg, &s)))
		return rc;
	if (a.show) /* the round's latest scan, as stored: nothing is sent */
		rc = cli_print_scan(c, &s);
	else if (a.dry_run && !a.o.resume)
		rc = survey_scan_order(&s, &a.o, print_probe, NULL, &err) ? cli_error(c, &err) : 0;
	else
		rc = cli_scan(c, &s, &a.o);
	survey_close(&s);
	return rc;
}
