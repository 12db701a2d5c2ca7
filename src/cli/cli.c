/* cli.c - shared plumbing of the commands (cli.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cli/cli.h"
#include "medsec/text.h"

int cli_common_option(struct cli *c, int opt, const char *arg)
{
	int lang;

	switch (opt) {
	case OPT_DB: c->db = arg; return 1;
	case OPT_LANG:
		lang = msg_lang_parse(arg);
		if (lang < 0) {
			struct ms_error e;

			ms_fail(&e, MS_ERR_INPUT, MSG_BAD_LANG, NULL, arg);
			cli_error(c, &e);
			return -1;
		}
		c->lang = (enum ms_lang)lang;
		return 1;
	case OPT_HOSPITAL: c->hospital = arg; return 1;
	case OPT_JSON: c->json = 1; return 1;
	case OPT_HELP: c->want_help = 1; return 1;
	default: return 0;
	}
}

static const struct cli_opt common_opts[] = {
	{ "db", required_argument, OPT_DB, "パス", "PATH",
	  "データベース (既定: MEDSEC_DB または ./medsec.db)",
	  "the store (default: MEDSEC_DB or ./medsec.db)" },
	{ "hospital", required_argument, OPT_HOSPITAL, "名前", "NAME",
	  "医療機関 (複数保存しているとき)", "the hospital, when several are stored" },
	{ "lang", required_argument, OPT_LANG, "ja|en", "ja|en", "表示の言語 (既定: ja)",
	  "language of the output (default: ja)" },
	{ "json", no_argument, OPT_JSON, NULL, NULL, "結果を JSON で表示する (対応するコマンド)",
	  "print the result as JSON (where the command has one)" },
	{ "help", no_argument, OPT_HELP, NULL, NULL, "この説明を表示する", "show this help" },
	{ NULL, 0, 0, NULL, NULL, NULL, NULL },
};

/* "  --name ARG" of an option, into buf. */
static void opt_head(const struct cli_opt *o, enum ms_lang lang, char *buf, size_t size)
{
	const char *arg = lang == MS_LANG_EN ? o->arg_en : o->arg_ja;

	snprintf(buf, size, "  --%s%s%s", o->name, arg ? " " : "", arg ? arg : "");
}

/* Each option on its own line, the help aligned at col, continuation lines too. */
static void print_opts(const struct cli_opt *opts, enum ms_lang lang, size_t col)
{
	char head[128];

	for (const struct cli_opt *o = opts; o && o->name; o++) {
		const char *h = lang == MS_LANG_EN ? o->help_en : o->help_ja, *nl;

		if (!h)
			continue; /* an option for tests, not shown */
		opt_head(o, lang, head, sizeof(head));
		fputs(head, stdout);
		if (ms_display_width(head) + 2 > col) {
			putchar('\n');
			printf("%*s", (int)col, "");
		} else {
			printf("%*s", (int)(col - ms_display_width(head)), "");
		}
		while ((nl = strchr(h, '\n')) != NULL) {
			printf("%.*s\n%*s", (int)(nl - h), h, (int)col, "");
			h = nl + 1;
		}
		printf("%s\n", h);
	}
}

static size_t opts_width(const struct cli_opt *opts, enum ms_lang lang, size_t w)
{
	char head[128];

	for (const struct cli_opt *o = opts; o && o->name; o++) {
		opt_head(o, lang, head, sizeof(head));
		if (ms_display_width(head) + 2 > w && ms_display_width(head) + 2 <= 28)
			w = ms_display_width(head) + 2;
	}
	return w;
}

static void print_help(const struct cli *c, const struct cli_cmd *cmd)
{
	const char *usage = c->lang == MS_LANG_EN ? cmd->usage_en : cmd->usage_ja, *nl;
	const char *label = L(C_USAGE);
	size_t col = opts_width(common_opts, c->lang, opts_width(cmd->opts, c->lang, 16));

	fputs(label, stdout);
	while ((nl = strchr(usage, '\n')) != NULL) {
		printf("%.*s\n%*s", (int)(nl - usage), usage, (int)ms_display_width(label), "");
		usage = nl + 1;
	}
	printf("%s\n\n%s\n", usage, c->lang == MS_LANG_EN ? cmd->about_en : cmd->about_ja);
	if (cmd->opts && cmd->opts[0].name) {
		putchar('\n');
		print_opts(cmd->opts, c->lang, col);
	}
	fputs(L(C_COMMON_OPTIONS), stdout);
	print_opts(common_opts, c->lang, col);
}

int cli_bad_usage(const struct cli *c, const struct cli_cmd *cmd)
{
	char first[256];
	const char *u = cmd->usage_en;

	snprintf(first, sizeof(first), "%.*s", (int)strcspn(u, "\n"), u);
	return cli_usage(c, first);
}

int cli_parse(struct cli *c, int argc, char **argv, const struct cli_cmd *cmd,
              int (*local)(int opt, const char *arg, void *ctx), void *ctx)
{
	struct option opts[64];
	size_t n = 0;
	int opt, output = 0;

	for (const struct cli_opt *o = cmd->opts; o && o->name && n < 58; o++) {
		opts[n++] = (struct option){ o->name, o->has_arg, NULL, o->code };
		if (!strcmp(o->name, "output"))
			output = o->code;
	}
	for (const struct cli_opt *o = common_opts; o->name; o++)
		opts[n++] = (struct option){ o->name, o->has_arg, NULL, o->code };
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
	/* -o is the only short option: --output, where a command has one. */
	while ((opt = getopt_long(argc, argv, output ? "o:" : "", opts, NULL)) != -1) {
		int r;

		if (opt == 'o' && output)
			opt = output;
		r = cli_common_option(c, opt, optarg);

		if (r < 0)
			return 2;
		if (r == 0 && (!local || local(opt, optarg, ctx) < 0))
			return cli_bad_usage(c, cmd);
	}
	if (!c->want_help)
		return CLI_GO;
	print_help(c, cmd);
	return 0;
}

static void print_msg(FILE *f, enum msg_id msg, const char *arg, enum ms_lang lang)
{
	const char *text = msg_text(msg, lang);
	const char *p = strstr(text, "%s");

	if (p)
		fprintf(f, "%.*s%s%s", (int)(p - text), text, arg ? arg : "", p + 2);
	else
		fputs(text, f);
}

int cli_error(const struct cli *c, const struct ms_error *err)
{
	fputs("medsec: ", stderr);
	if (err->where[0])
		fprintf(stderr, "%s: ", err->where);
	print_msg(stderr, err->msg, err->arg, c->lang);
	fputc('\n', stderr);
	return err->status ? (int)err->status : 1;
}

void cli_diags(const struct cli *c, const struct ms_diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct ms_diag *g = &d->v[i];

		fputs("medsec: ", stderr);
		if (g->severity == MS_DIAG_WARNING)
			fprintf(stderr, "%s: ", msg_text(MSG_WARNING, c->lang));
		fprintf(stderr, "%s: ", g->where);
		if (g->value)
			fprintf(stderr, "%s: ", g->value);
		print_msg(stderr, g->msg, g->arg, c->lang);
		fputc('\n', stderr);
	}
}

int cli_usage(const struct cli *c, const char *what)
{
	struct ms_error e;

	ms_fail(&e, MS_ERR_INPUT, MSG_USAGE, NULL, what);
	return cli_error(c, &e);
}

void cli_say(const struct cli *c, enum msg_id msg, const char *arg)
{
	print_msg(stdout, msg, arg, c->lang);
	fputc('\n', stdout);
}

const char *cli_severity(const struct cli *c, enum cvss_severity s)
{
	return c->lang == MS_LANG_EN ? cvss_severity_key(s) : cvss_severity_ja(s);
}

const char *cli_confidence(const struct cli *c, enum vdb_confidence conf)
{
	switch (conf) {
	case VDB_CONF_EXACT: return L(C_CONFIDENCE_EXACT);
	case VDB_CONF_ROUGH: return L(C_CONFIDENCE_ROUGH);
	default: return L(C_CONFIDENCE_PRODUCT);
	}
}

void cli_pad(FILE *f, const char *s, size_t width)
{
	size_t w = ms_display_width(s ? s : "");

	fputs(s ? s : "", f);
	if (width && w >= width)
		fputc(' ', f); /* overlong: keep the columns apart */
	for (; w < width; w++)
		fputc(' ', f);
}

const char *cli_vulndb_path(const char *opt)
{
	const char *env = getenv("MEDSEC_VULNDB");

	if (opt)
		return opt;
	return env && *env ? env : "medsec.vulndb";
}

static const char *data_dir(void)
{
	const char *env = getenv("MEDSEC_DATA");

	return env && *env ? env : MEDSEC_DATA_DIR;
}

void cli_config(const struct cli *c, const char *index, struct survey_config *cfg)
{
	*cfg = (struct survey_config){ .db = c->db,
		                       .hospital = c->hospital,
		                       .data_dir = data_dir(),
		                       .vulndb = cli_vulndb_path(index),
		                       .lang = c->lang };
}

int cli_fail(const struct cli *c, const struct ms_diags *d, const struct ms_error *err)
{
	if (d && d->n)
		cli_diags(c, d);
	/* A failure whose places are all in the diags carries no message of its own. */
	if (err->msg == MSG_NONE)
		return err->status ? (int)err->status : MS_ERR_INPUT;
	return cli_error(c, err);
}

int cli_open_session(struct cli *c, const char *index, struct survey_config *cfg,
                     struct survey_session *s)
{
	struct ms_error err;

	cli_config(c, index, cfg);
	if (survey_open(s, cfg, &err))
		return cli_error(c, &err);
	return 0;
}

int cli_survey_load(struct cli *c, const char *index, int round_no, struct survey_config *cfg,
                    struct survey *sv)
{
	struct ms_diags d = { 0 };
	struct ms_error err;
	int rc;

	cli_config(c, index, cfg);
	if ((rc = survey_load(cfg, round_no, sv, &d, &err))) {
		/* The diags name the data file's places; the error sums them up. */
		if (d.n)
			cli_diags(c, &d);
		rc = cli_error(c, &err);
	}
	ms_diags_dispose(&d);
	return rc;
}

void cli_progress(void *ctx, enum survey_stage stage, const char *what, uint64_t done,
                  uint64_t total, double rate)
{
	const struct cli *c = ctx;
	unsigned long long d = done, t = total;
	unsigned pct = total ? (unsigned)(done * 100 / total) : 100;
	unsigned long eta = rate > 0 ? (unsigned long)((double)(total - done) / rate) : 0;

	if (!isatty(2))
		return;
	switch (stage) {
	case SURVEY_STAGE_PROBE: fprintf(stderr, "\r\033[K%llu/%llu", d, t); return;
	case SURVEY_STAGE_INDEX_DOWNLOAD:
		fprintf(stderr, "\r\033[K%s %llu/%llu", what ? what : "", d, t);
		return;
	case SURVEY_STAGE_INDEX_IMPORT:
		fprintf(stderr, "\r\033[K[%llu/%llu] %s", d + 1, t, what ? what : "");
		return;
	case SURVEY_STAGE_SCAN_TCP:
	case SURVEY_STAGE_SCAN_UDP: break;
	}
	if (done == total) {
		cli_progress_end(c);
		return;
	}
	/* done and total count this pass (TCP, then UDP); the ETA is at the current rate. */
	fprintf(stderr, L(C_SCAN_PROGRESS), d, t, pct, rate, eta / 60, eta % 60);
}

void cli_progress_end(const struct cli *c)
{
	(void)c;
	if (isatty(2))
		fputs("\r\033[K", stderr);
}

json_t *cli_json_str(const char *s)
{
	return s && *s ? json_string(s) : json_null();
}
