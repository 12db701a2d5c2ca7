/*
 * main.c - `medsec <command>`: picks the language and the store, then hands
 * over to the command. Commands are thin: parse, call modules, print.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

static const struct {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *ja, *en;
} commands[] = {
	{ "template", cmd_template, "記入用ブック(医療機関記入依頼書)を書き出す",
	  "write the intake workbook" },
	{ "intake", cmd_intake, "記入済みのブック(または JSON)を検査して取り込む",
	  "check and import a filled workbook (or its JSON twin)" },
	{ "plan", cmd_plan, "調査実施計画一覧を作る(対象回線・回線番号・診断実施判定)",
	  "build the survey plan (scope, renumbering, eligibility)" },
	{ "scan", cmd_scan, "計画の診断対象アドレスをポートスキャンする",
	  "port-scan the plan's target addresses" },
	{ "scope", cmd_scope, "計画外のアドレスを調べる許可を記録する (scan --target 用)",
	  "record authorisations for addresses outside the plan (scan --target)" },
	{ "probe", cmd_probe, "開いているポートのサービス・製品・バージョンと TLS を調べる",
	  "identify the service, product, version and TLS of every open port" },
	{ "consent", cmd_consent, "計画を超える作業 (初期アカウントの確認) への同意を記録する",
	  "record the hospital's consent to work beyond the plan (default accounts)" },
	{ "onsite", cmd_onsite,
	  "現地調査の結果 (回線の確認・対象外回線・機器とファームウェア) を記録する",
	  "record the onsite survey (lines traced, unregistered lines, devices and firmware)" },
	{ "diagnose", cmd_diagnose,
	  "脆弱性診断を通しで行う (計画→スキャン→識別・検査→評価→報告書、再開可)",
	  "run the diagnosis through (plan, scan, probe, assess, report; resumable)" },
	{ "assess", cmd_assess, "指摘事項を対応を急ぐ順にまとめる (説明・対策・マニュアルの章)",
	  "rank the findings, most urgent first (explanation, advice, manual chapter)" },
	{ "report", cmd_report, "調査報告書を書き出す (HTML・PDF・XLSX・JSON、早期報告)",
	  "write the survey report (HTML, PDF, XLSX, JSON, early report)" },
	{ "diff", cmd_diff,
	  "前回の調査回からの変化 (ポート・サービス・指摘事項・ファームウェア・回線)",
	  "what changed since the previous round (ports, services, findings, firmware, lines)" },
	{ "vulndb", cmd_vulndb,
	  "脆弱性情報 (NVD・JVN・KEV) のオフラインインデックスを作る・状態を見る",
	  "build or inspect the offline vulnerability index (NVD, JVN, KEV)" },
	{ "vuln", cmd_vuln, "製品とバージョンの脆弱性を引く",
	  "look up the vulnerabilities of a product and version" },
	{ "firmware", cmd_firmware, "申告されたファームウェアの脆弱性を調べる (別紙2)",
	  "check the declared firmware against the vulnerability index (annex 2)" },
	{ "terminal", cmd_terminal, "端末調査: 各 PC の収集ファイルを取り込む・結果を表示する",
	  "terminal survey: import the PCs' collector files, show the result" },
	{ "backup", cmd_backup,
	  "オフラインバックアップ支援: アンケート回答から支援方針と不足を示す",
	  "offline-backup support: the category and shortfalls from the questionnaire" },
	{ "checklist", cmd_checklist,
	  "月々のサイバーセキュリティ対策チェックリスト (20 項目) を回答・表示する",
	  "the monthly cybersecurity checklist (20 items): answer, show, history" },
	{ "round", cmd_round, "調査回(初回・再調査)を表示・開始する",
	  "show or start a survey round" },
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(const struct cli *c, FILE *f)
{
	fputs(L(C_USAGE_MEDSEC_DB_PATH_LANG_JA), f);
	for (size_t i = 0; i < N_COMMANDS; i++) {
		fputs("  ", f);
		cli_pad(f, commands[i].name, 10);
		fprintf(f, "%s\n", c->lang == MS_LANG_EN ? commands[i].en : commands[i].ja);
	}
	fputs(L(C_MEDSEC_COMMAND_HELP_EXPLAINS_EACH_COMMAND), f);
}

int main(int argc, char **argv)
{
	struct cli c = { .lang = MS_LANG_JA, .db = "medsec.db" };
	const char *env;
	int i;

	setlocale(LC_CTYPE, "");
	if ((env = getenv("MEDSEC_LANG")) && msg_lang_parse(env) >= 0)
		c.lang = (enum ms_lang)msg_lang_parse(env);
	if ((env = getenv("MEDSEC_DB")) && *env)
		c.db = env;
	/* Options before the command word. */
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(&c, stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("medsec %s\n", MEDSEC_VERSION);
			return 0;
		}
		if (i + 1 < argc && strcmp(argv[i], "--db") == 0) {
			c.db = argv[++i];
		} else if (i + 1 < argc && strcmp(argv[i], "--lang") == 0) {
			if (cli_common_option(&c, OPT_LANG, argv[++i]) < 0)
				return 2;
		} else {
			struct ms_error e;

			ms_fail(&e, MS_ERR_INPUT, MSG_UNKNOWN_OPTION, NULL, argv[i]);
			cli_error(&c, &e);
			usage(&c, stderr);
			return 2;
		}
	}
	if (i >= argc) {
		usage(&c, stderr);
		return 2;
	}
	for (size_t k = 0; k < N_COMMANDS; k++)
		if (strcmp(argv[i], commands[k].name) == 0)
			return commands[k].run(&c, argc - i, argv + i);
	if (strcmp(argv[i], "help") == 0) {
		usage(&c, stdout);
		return 0;
	}
	{
		struct ms_error e;

		ms_fail(&e, MS_ERR_INPUT, MSG_UNKNOWN_COMMAND, NULL, argv[i]);
		cli_error(&c, &e);
	}
	usage(&c, stderr);
	return 2;
}
