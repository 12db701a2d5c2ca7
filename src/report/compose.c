/*
 * compose.c - the report's content, chapter by chapter as seed 000 describes
 * it, from the assessment. Where the data of a chapter does not exist yet
 * (no onsite record, no scan, no index, no terminal survey) the chapter says
 * so plainly instead of showing empty tables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/clock.h"
#include "medsec/diff.h"
#include "medsec/plan.h"
#include "medsec/vulndb.h"
#include "report/report_int.h"

struct ctx {
	const struct assessment *a;
	const struct assess_input *in;
	const struct report_opts *o;
	struct rdoc *d;
	enum ms_lang lang;
};

#define L(ja_text, en_text) (c->lang == MS_LANG_EN ? (en_text) : (ja_text))

static const char *sev_label(const struct ctx *c, enum finding_severity s)
{
	return s ? assess_severity_label(s, c->lang) : "-";
}

/* A CVSS band as a severity key (a row tint), NULL for no score. */
static const char *band_key(enum cvss_severity s)
{
	return s > SEV_NONE ? cvss_severity_key(s) : NULL;
}

/* A CVSS band for people, in the findings' words (緊急 重要 警告 注意). */
static const char *band_label(const struct ctx *c, enum cvss_severity s)
{
	const struct model_enum *e = model_enum_by_key(model_finding_severities, band_key(s));

	return e ? sev_label(c, (enum finding_severity)e->value) : "-";
}

static const char *nz(const char *s)
{
	return s && *s ? s : "-";
}

static const char *place_text(struct ctx *c, const struct place *p)
{
	return rdoc_fmt(c->d, "%s %s %s", p->building ? p->building : "", p->floor ? p->floor : "",
	                p->room ? p->room : "");
}

static const char *count(struct ctx *c, int n)
{
	return rdoc_fmt(c->d, "%d", n);
}

static const char *diagnosis_label(const struct ctx *c, const char *key)
{
	if (!strcmp(key, "diagnosed"))
		return L("実施", "diagnosed");
	if (!strcmp(key, "address_unknown"))
		return L("調査不可 (IPアドレス不明)", "not possible (address unknown)");
	if (!strcmp(key, "not_diagnosed"))
		return L("未実施", "not yet diagnosed");
	if (!strcmp(key, "not_eligible"))
		return L("対象外", "not eligible");
	return L("調査希望なし", "not requested");
}

/* "7.2.11 (2025-02-12)"; a known fix newer than that says the list is old. */
static const char *latest_cell(struct ctx *c, const struct assess_target *x)
{
	if (!x->latest)
		return L("最新版情報なし", "not known");
	if (x->latest_stale)
		return rdoc_fmt(
		        c->d,
		        L("%s (%s) 以降の版あり (修正版 %s)", "%s (%s); newer exist (fix in %s)"),
		        x->latest, nz(x->latest_date), x->fixed_in);
	return rdoc_fmt(c->d, "%s (%s)", x->latest, nz(x->latest_date));
}

static void counts_cells(struct ctx *c, const int *counts, const char **cells)
{
	cells[0] = count(c, counts[SEV_CRITICAL]);
	cells[1] = count(c, counts[SEV_HIGH]);
	cells[2] = count(c, counts[SEV_MEDIUM]);
	cells[3] = count(c, counts[SEV_LOW]);
}

/* The worst band present, as a row tint. */
static const char *worst(const int *counts)
{
	for (int b = SEV_CRITICAL; b > SEV_NONE; b--)
		if (counts[b])
			return band_key((enum cvss_severity)b);
	return NULL;
}

static const char *vuln_ids(struct ctx *c, const struct assess_target *t)
{
	char buf[2048] = "";
	size_t used = 0;

	for (size_t i = 0; t && i < t->n && used < sizeof(buf) - 1; i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s", used ? ", " : "",
		                         t->v[i].jvndb ? t->v[i].jvndb : t->v[i].cve);
	return rdoc_str(c->d, used ? buf : "-");
}

/* ---- はじめに・総括 ---- */

static int onsite_confirmed(const struct ctx *c)
{
	int n = 0;

	for (size_t i = 0; i < c->a->n_lines; i++)
		n += c->a->lines[i].onsite && c->a->lines[i].onsite->confirmed == TRI_YES;
	return n;
}

/* A re-survey: what changed since the previous round, first (issue: the monthly re-diagnosis). */
static void change_rows(struct ctx *c, struct rtable *t, const struct diff_list *l,
                        const char *what)
{
	for (size_t i = 0; i < l->n; i++) {
		const struct diff_item *it = &l->v[i];
		rdoc_row(c->d, t,
		         it->severity && it->severity != FSEV_INFO
		                 ? assess_severity_key(it->severity)
		                 : NULL,
		         (const char *[]){ what,
		                           it->severity
		                                   ? rdoc_fmt(c->d, "[%s] %s",
		                                              sev_label(c, it->severity), it->what)
		                                   : it->what,
		                           it->was ? (*it->was ? it->was : "-") : "",
		                           it->was ? (it->now && *it->now ? it->now : "-") : "" });
	}
}

static void changes(struct ctx *c)
{
	static const double w[] = { 1.3, 4.2, 1.6, 1.6 };
	const char *head[] = { L("区分", "kind"), L("内容", "what"), L("前回", "before"),
		               L("今回", "now"), NULL };
	const struct round_diff *d = c->o->diff;
	struct rtable *t;

	if (!d)
		return;
	rdoc_heading(c->d, 2,
	             rdoc_fmt(c->d, L("前回 (第%d回) の調査からの変化", "Changes since round %d"),
	                      d->from_round));
	rdoc_para(
	        c->d,
	        rdoc_fmt(
	                c->d,
	                L("第%d回 (%.10s 開始) と今回 (第%d回、%.10s 開始) を比べた結果です。指摘事項は新規 %zu 件、"
	                  "解消 %zu 件、継続 %zu 件です。%s",
	                  "Round %d (from %.10s) against this round %d (from %.10s): findings %zu new, %zu "
	                  "resolved, %zu still open. %s"),
	                d->from_round, d->from_date, d->to_round, d->to_date, d->findings_new.n,
	                d->findings_resolved.n, d->findings_open.n,
	                d->scanned
	                        ? rdoc_fmt(
	                                  c->d,
	                                  L("開いているポートは新規 %zu、なくなった %zu、変わらず %zu です。",
	                                    "Open ports: %zu new, %zu gone, %zu unchanged."),
	                                  d->ports_new.n, d->ports_gone.n, d->ports_unchanged)
	                        : L("どちらかの調査回に脆弱性診断がないため、ポートは比べていません。",
	                            "Ports were not compared: one of the rounds has no diagnosis.")));
	t = rdoc_table(c->d, "前回からの変化", head, w);
	change_rows(c, t, &d->findings_new, L("新規の指摘", "new finding"));
	change_rows(c, t, &d->findings_open, L("継続中の指摘", "still open"));
	change_rows(c, t, &d->findings_resolved, L("解消した指摘", "resolved"));
	change_rows(c, t, &d->ports_new, L("新たに開いたポート", "new port"));
	change_rows(c, t, &d->ports_gone, L("閉じたポート", "port gone"));
	change_rows(c, t, &d->services_changed, L("サービスの変化", "service changed"));
	change_rows(c, t, &d->firmware_changed, L("ファームウェア", "firmware"));
	change_rows(c, t, &d->lines_new, L("新しい回線", "new line"));
	change_rows(c, t, &d->lines_gone, L("なくなった回線", "line gone"));
	change_rows(c, t, &d->lines_changed, L("回線のアドレス", "line address"));
}

static void summary(struct ctx *c)
{
	const struct assessment *a = c->a;
	const struct assess_input *in = c->in;
	static const double w2[] = { 2, 3 };
	const char *head[] = { L("項目", "item"), L("結果", "result"), NULL };
	struct rtable *t;
	int diagnosed = 0, sev[6] = { 0 };

	rdoc_heading(c->d, 1, L("はじめに・総括", "Introduction and summary"));
	rdoc_para(
	        c->d,
	        L("本書は、厚生労働省「医療機関におけるサイバーセキュリティ確保事業」の外部ネットワーク接続の"
	          "俯瞰的把握・安全性の検証の結果をまとめたものです。本紙 1〜6 章と別紙からなります。",
	          "This report gives the results of the external network connection survey of the MHLW "
	          "programme. It has chapters 1-6 and annexes."));
	rdoc_para(
	        c->d,
	        L("別紙1【現地調査報告書】現地調査で確認した機器の一覧と設置場所、ネットワーク構成図。"
	          "別紙2【調査前申告ファームウェアバージョンにおける脆弱性情報一覧】医療機関記入依頼書で"
	          "ファームウェアの記載があった機器の脆弱性。別紙3【脆弱性診断報告書】脆弱性診断の詳細。"
	          "別紙4【脆弱性診断早期報告】緊急性の高い脆弱性が確認された場合にのみ作成します。",
	          "Annex 1: devices and places seen on site. Annex 2: vulnerabilities of the declared "
	          "firmware. Annex 3: the remote diagnosis in detail. Annex 4: the early report, only when "
	          "an urgent vulnerability was found."));
	rdoc_heading(c->d, 2, L("調査結果 総括", "Summary of results"));
	for (size_t i = 0; i < a->n_lines; i++)
		diagnosed += !strcmp(a->lines[i].diagnosis, "diagnosed");
	for (size_t i = 0; i < a->n_findings; i++)
		if (a->findings[i].severity)
			sev[a->findings[i].severity - FSEV_CRITICAL]++;
	t = rdoc_table(c->d, NULL, head, w2);
	rdoc_row(c->d, t, NULL, (const char *[]){ L("医療機関", "hospital"), in->hospital });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){
	                 L("調査回", "survey round"),
	                 rdoc_fmt(c->d,
	                          L("第%d回 (記入依頼書 第%d版)", "round %d (intake revision %d)"),
	                          in->round_no, in->revision) });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){ L("調査対象の回線数", "lines in the plan"),
	                           in->plan ? count(c, (int)in->plan->n_lines)
	                                    : L("調査実施計画なし", "no plan yet") });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){
	                 L("現地調査で確認できた回線数", "lines confirmed on site"),
	                 in->onsite ? rdoc_fmt(c->d, "%d / %zu", onsite_confirmed(c), a->n_lines)
	                            : L("現地調査の記録なし", "onsite survey not recorded") });
	rdoc_row(c->d, t, in->onsite && in->onsite->n_unregistered ? "high" : NULL,
	         (const char *[]){ L("対象外回線 (申告のない回線終端装置)",
	                             "unregistered lines found on site"),
	                           in->onsite ? count(c, (int)in->onsite->n_unregistered) : "-" });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){
	                 L("脆弱性診断を実施したグローバルIP", "global addresses diagnosed"),
	                 in->scan ? count(c, diagnosed) : L("未実施", "not yet") });
	rdoc_row(c->d, t, NULL,
	         (const char *[]){ L("応答のあったポート", "responding ports"),
	                           in->scan ? count(c, a->responding) : "-" });
	rdoc_row(c->d, t, worst(a->counts),
	         (const char *[]){
	                 L("脆弱性診断で検出した脆弱性", "vulnerabilities found by the diagnosis"),
	                 !in->scan ? "-"
	                 : !in->vdb ? L("脆弱性情報のインデックスなし (照合未実施)",
	                                "no index: not checked")
	                            : rdoc_fmt(c->d,
	                                       L("緊急 %d・重要 %d・警告 %d・注意 %d",
	                                         "critical %d, high %d, medium %d, low %d"),
	                                       a->counts[SEV_CRITICAL], a->counts[SEV_HIGH],
	                                       a->counts[SEV_MEDIUM], a->counts[SEV_LOW]) });
	rdoc_row(c->d, t,
	         sev[0]   ? "critical"
	         : sev[1] ? "high"
	                  : NULL,
	         (const char *[]){
	                 L("指摘事項", "findings"),
	                 rdoc_fmt(c->d,
	                          L("%zu 件 (緊急 %d・重要 %d・警告 %d・注意 %d・情報 %d)",
	                            "%zu (critical %d, high %d, medium %d, low %d, info %d)"),
	                          a->n_findings, sev[0], sev[1], sev[2], sev[3], sev[4]) });
	rdoc_row(c->d, t, a->early_due ? "critical" : NULL,
	         (const char *[]){
	                 L("別紙4 脆弱性診断早期報告", "annex 4, early report"),
	                 a->early_due ? L("作成 (早急な対応を推奨します)", "written: act at once")
	                              : L("該当なし", "not due") });
}

/* Findings, most urgent first: what to fix first. */
static void findings(struct ctx *c, int early_only)
{
	static const double w[] = { 0.5, 0.8, 2.2, 3.2, 3.6, 1.6 };
	const char *head[] = { L("順位", "rank"),
		               L("深刻度", "severity"),
		               L("対象", "subject"),
		               L("内容", "finding"),
		               L("対策", "what to do"),
		               L("参照 (マニュアル)", "manual"),
		               NULL };
	struct rtable *t;
	size_t shown = 0;

	for (size_t i = 0; i < c->a->n_findings; i++)
		shown += !early_only || c->a->findings[i].early;
	if (!shown) {
		rdoc_para(c->d, L("指摘事項はありません。", "No findings."));
		return;
	}
	t = rdoc_table(c->d, early_only ? "別紙4" : "指摘事項", head, w);
	for (size_t i = 0; i < c->a->n_findings; i++) {
		const struct assess_finding *f = &c->a->findings[i];
		if (early_only && !f->early)
			continue;
		rdoc_row(c->d, t, assess_severity_key(f->severity),
		         (const char *[]){ count(c, f->rank),
		                           rdoc_fmt(c->d, "%s%s", sev_label(c, f->severity),
		                                    f->kev ? " KEV" : ""),
		                           nz(f->subject),
		                           rdoc_fmt(c->d, "%s\n%s%s%s", f->title, f->reason,
		                                    f->refs ? "\n" : "", f->refs ? f->refs : ""),
		                           nz(f->advice), nz(f->manual) });
	}
}

static void notation(struct ctx *c)
{
	static const double w[] = { 1, 1.2, 4 };
	const char *head[] = { L("深刻度", "severity"), L("CVSS v3 基本値", "CVSS v3 base"),
		               L("意味", "meaning"), NULL };
	struct rtable *t;

	rdoc_heading(c->d, 1, L("表記について", "Notation"));
	rdoc_para(
	        c->d,
	        L("脆弱性の深刻度は、国際的な指標である共通脆弱性評価システム CVSS v3 の基本値により、"
	          "IPA (独立行政法人情報処理推進機構) の区分で示します。",
	          "Severity follows CVSS v3 base scores in IPA's bands."));
	t = rdoc_table(c->d, NULL, head, w);
	rdoc_row(
	        c->d, t, "critical",
	        (const char *[]){
	                L("緊急", "critical"), "9.0 - 10.0",
	                L("攻撃プログラムが出回っている、または被害が発生している状況を意味し、早急な対応が必要です。",
	                  "exploits circulate or damage occurs: act at once") });
	rdoc_row(c->d, t, "high",
	         (const char *[]){ L("重要", "high"), "7.0 - 8.9",
	                           L("緊急と同じく早急な対応が必要です (CVSS 7.0 以上)。",
	                             "act at once (CVSS 7.0 or more)") });
	rdoc_row(c->d, t, "medium",
	         (const char *[]){ L("警告", "medium"), "4.0 - 6.9",
	                           L("計画的な対応が必要です。", "plan a fix") });
	rdoc_row(c->d, t, "low",
	         (const char *[]){
	                 L("注意", "low"), "0.1 - 3.9",
	                 L("状況に応じて対応してください。", "fix as the situation requires") });
	rdoc_para(
	        c->d,
	        L("CVSS v3 の評価がない古い脆弱性情報は、CVSS v2 の基本値を「(CVSS v2)」と付けて示し、NVD の"
	          "区分 (7.0 以上を重要、4.0 - 6.9 を警告、3.9 以下を注意) で数えます。v2 の 7.0 以上も早期報告の対象です。",
	          "Older records scored only in CVSS v2 are shown with \"(CVSS v2)\" and counted in NVD's bands (7.0+ high, "
	          "4.0-6.9 medium, up to 3.9 low); a v2 score of 7.0 or more also calls for the early report."));
	rdoc_para(
	        c->d,
	        L("最新ファームウェアは、ベンダーが公開している資料から確認した版で、括弧内はその資料の日付です "
	          "(その日付の時点の情報です)。同じ系列 (例: 7.0) の最新版がある場合はそれと比べています。資料が"
	          "確認できない機種は「最新版情報なし」、その日付より後に出た修正版が脆弱性情報から分かる場合は"
	          "「以降の版あり」としています。",
	          "The latest firmware is the version read from the vendor's own pages, dated in brackets "
	          "(what was known on that date); a device is compared with its own branch's newest where "
	          "known. Models without a vendor page read as not known; where a vulnerability names a fix newer than "
	          "the listed version, it says newer releases exist."));
	rdoc_para(
	        c->d,
	        L("KEV は、米国 CISA の Known Exploited Vulnerabilities カタログに、実際に悪用が確認された"
	          "脆弱性として掲載されていることを示します。",
	          "KEV: listed in CISA's catalogue of vulnerabilities known to be exploited."));
	rdoc_para(
	        c->d,
	        L("脆弱性番号 (JVNDB-YYYY-NNNNNN) は、JVN iPedia 脆弱性対策情報データベース "
	          "(https://jvndb.jvn.jp/) の検索欄に入力すると、詳細・影響・対策方法を確認できます。"
	          "JVN iPedia の番号がない脆弱性は CVE 番号で示します。",
	          "Look JVN numbers up at https://jvndb.jvn.jp/; where there is none the CVE number is given."));
	if (c->o->vdb) {
		const struct vdb_status *s = c->o->vdb;
		rdoc_note(
		        c->d,
		        rdoc_fmt(
		                c->d,
		                L("照合に用いた脆弱性情報: NVD %u 件 (最終更新 %s)、JVN iPedia %u 件 (%s)、"
		                  "CISA KEV %u 件 (版 %s)。",
		                  "Index used: NVD %u records (%s), JVN %u (%s), KEV %u (%s)."),
		                s->src[VDB_SRC_NVD].records, nz(s->src[VDB_SRC_NVD].newest),
		                s->src[VDB_SRC_JVN].records, nz(s->src[VDB_SRC_JVN].newest),
		                s->src[VDB_SRC_KEV].records, nz(s->src[VDB_SRC_KEV].newest)));
		rdoc_note(c->d, VDB_NVD_NOTICE);
	} else {
		rdoc_note(
		        c->d,
		        L("脆弱性情報のインデックスがないため、脆弱性の照合は行っていません (medsec vulndb import / update)。",
		          "No vulnerability index: nothing was looked up (medsec vulndb import / update)."));
	}
}

/* ---- 1 physical layout ---- */

static const char *onsite_state(struct ctx *c, const struct assess_line *l)
{
	if (!c->in->onsite)
		return L("現地調査未記録", "not recorded");
	if (!l->onsite)
		return L("記録なし", "no record");
	if (l->onsite->confirmed == TRI_YES)
		return L("確認済み", "confirmed");
	return rdoc_fmt(c->d, L("未確認 (%s)", "not confirmed (%s)"), nz(l->onsite->reason));
}

/* Termination first, then the network devices, then the EHR network, from the outside in. */
static int device_order(enum device_kind k)
{
	switch (k) {
	case DEV_ONU:
	case DEV_HGW:
	case DEV_CTU:
	case DEV_MODEM: return 0;
	case DEV_ROUTER:
	case DEV_VPN: return 1;
	case DEV_UTM:
	case DEV_FIREWALL: return 2;
	default: return 3;
	}
}

static void diagram(struct ctx *c, const struct assess_line *l)
{
	const struct plan_line *pl = l->plan;
	struct rdiagram *g = rdoc_diagram(
	        c->d, rdoc_fmt(c->d, L("回線%d %s", "line %d %s"), pl->line_no, nz(pl->use)));
	const struct intake_doc *doc = c->in->doc;

	rdoc_node(c->d, g,
	          rdoc_fmt(c->d, "%s\n%s", L("外部", "outside"),
	                   model_enum_label(model_link_types, (int)pl->link_type, c->lang)));
	/* Seen on site when recorded, else as declared. */
	for (int order = 0; order < 4; order++) {
		int any_onsite = 0;
		for (size_t i = 0; c->in->onsite && i < c->in->onsite->n_devices; i++) {
			const struct onsite_device *v = &c->in->onsite->devices[i];
			if (v->line_no != pl->line_no)
				continue;
			any_onsite = 1;
			if (device_order(v->kind) == order)
				rdoc_node(c->d, g,
				          rdoc_fmt(c->d, "%s %s\n(%s)", nz(v->maker), nz(v->model),
				                   nz(model_enum_label(model_device_kinds,
				                                       (int)v->kind, c->lang))));
		}
		if (any_onsite)
			continue;
		for (size_t i = 0; doc && i < doc->n_devices; i++) {
			const struct device *v = &doc->devices[i];
			if (v->line_no == pl->declared_no && device_order(v->kind) == order)
				rdoc_node(c->d, g,
				          rdoc_fmt(c->d, "%s %s\n(%s)", nz(v->maker), nz(v->model),
				                   nz(model_enum_label(model_device_kinds,
				                                       (int)v->kind, c->lang))));
		}
	}
	rdoc_node(c->d, g, L("院内ネットワーク\n(電子カルテ)", "hospital network\n(EHR)"));
}

/* Seed 000 keys lines by 回線ID: "回線1 (回線ID CAF00001)" where it was declared. */
static const char *line_cell(struct ctx *c, int line_no)
{
	const struct plan_line *l = c->in->plan ? plan_line_by_no(c->in->plan, line_no) : NULL;

	if (l && l->line_id)
		return rdoc_fmt(c->d, L("回線%d\n(回線ID %s)", "line %d\n(line ID %s)"), line_no,
		                l->line_id);
	return rdoc_fmt(c->d, L("回線%d", "line %d"), line_no);
}

/* 回線事業者 and 回線ID as declared; the provider where no carrier was named (older workbooks). */
static const char *carrier_cell(struct ctx *c, const struct plan_line *l)
{
	const char *who = l->carrier ? l->carrier : l->provider;

	if (l->line_id)
		return rdoc_fmt(c->d, L("%s\n回線ID %s", "%s\nline ID %s"), who ? who : "-",
		                l->line_id);
	return who ? who : "-";
}

/*
 * Seed 000: the report's line numbers are the plan's, not the workbook's. The map, with the
 * lines the plan left out and why, so a hospital can find its own lines.
 */
static void renumbering(struct ctx *c)
{
	static const double w[] = { 1.4, 1.4, 2.4, 3.2 };
	const char *head[] = { L("記入依頼書の回線番号", "workbook line"),
		               L("報告書の回線番号", "report line"), L("用途", "use"),
		               L("備考", "note"), NULL };
	const struct plan *p = c->in->plan;
	struct rtable *t;
	size_t i = 0, k = 0;

	rdoc_heading(c->d, 2, L("回線番号の対応", "Line numbers"));
	rdoc_para(
	        c->d,
	        L("本報告書の回線番号は調査実施計画一覧の番号です。医療機関記入依頼書の回線番号とは異なる場合が"
	          "あります。調査の対象外とした回線は、その理由を示します。",
	          "This report numbers lines as the survey plan does, which may differ from the workbook; "
	          "lines left out of the survey are listed with the reason."));
	t = rdoc_table(c->d, "回線番号の対応", head, w);
	/* Both lists are in declared order: merge them. */
	while (i < p->n_lines || k < p->n_out_of_scope) {
		if (k >= p->n_out_of_scope ||
		    (i < p->n_lines && p->lines[i].declared_no < p->out_of_scope[k].declared_no)) {
			const struct plan_line *l = &p->lines[i++];
			rdoc_row(c->d, t, NULL,
			         (const char *[]){
			                 rdoc_fmt(c->d, L("回線%d", "line %d"), l->declared_no),
			                 rdoc_fmt(c->d, L("回線%d", "line %d"), l->line_no),
			                 nz(l->use),
			                 l->declared_no != l->line_no
			                         ? L("番号が変わりました", "renumbered")
			                         : "" });
		} else {
			const struct plan_out_of_scope *o = &p->out_of_scope[k++];
			rdoc_row(c->d, t, "low",
			         (const char *[]){
			                 rdoc_fmt(c->d, L("回線%d", "line %d"), o->declared_no),
			                 L("対象外", "left out"), nz(o->use),
			                 msg_text(plan_reason_msg(o->reason), c->lang) });
		}
	}
}

static void chapter1(struct ctx *c)
{
	static const double w[] = { 0.7, 2, 1.3, 1.3, 2.2, 2.4 };
	static const double wu[] = { 1, 1.4, 1.6, 2.4, 2.4 };
	const char *head[] = { L("回線番号", "line"),
		               L("用途", "use"),
		               L("通信形態", "link"),
		               L("回線事業者・回線ID", "carrier, line ID"),
		               L("申告の設置場所", "declared place"),
		               L("現地確認", "on site"),
		               NULL };
	const char *uhead[] = { L("回線番号", "line"),
		                L("終端装置", "termination"),
		                L("メーカー・機種", "maker, model"),
		                L("設置場所", "place"),
		                L("備考", "notes"),
		                NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1,
	             L("1. 外部接続点を中心とした物理構成の把握",
	               "1. Physical layout around the connection points"));
	if (!c->in->plan) {
		rdoc_para(c->d, L("調査実施計画がまだ作成されていません (medsec plan)。",
		                  "No plan yet (medsec plan)."));
		return;
	}
	rdoc_para(
	        c->d,
	        L("事前にご提供いただいた回線情報 (調査実施計画一覧) と、現地調査で確認できた回線との整合を示します。"
	          "医療機関のネットワークへの影響を考慮し、ケーブルがまとめられている場合や床下配線等で調査が困難な"
	          "場合は、現地で確認作業を実施していません。差分がある場合はネットワーク管理者にご確認ください。",
	          "Declared lines (the plan) against what was traced on site."));
	if (!c->in->onsite)
		rdoc_note(
		        c->d,
		        L("現地調査の記録がまだありません (medsec onsite)。現地確認の欄は未記録です。",
		          "The onsite survey is not recorded yet (medsec onsite)."));
	renumbering(c);
	rdoc_heading(c->d, 2, L("1.1 回線の確認結果", "1.1 Lines"));
	t = rdoc_table(c->d, "回線", head, w);
	for (size_t i = 0; i < c->a->n_lines; i++) {
		const struct assess_line *l = &c->a->lines[i];
		rdoc_row(c->d, t, l->onsite && l->onsite->confirmed == TRI_NO ? "low" : NULL,
		         (const char *[]){ rdoc_fmt(c->d, L("回線%d", "line %d"), l->plan->line_no),
		                           nz(l->plan->use),
		                           nz(model_enum_label(model_link_types,
		                                               (int)l->plan->link_type, c->lang)),
		                           carrier_cell(c, l->plan),
		                           nz(l->plan->termination_location), onsite_state(c, l) });
	}
	rdoc_heading(c->d, 2, L("1.2 対象外回線", "1.2 Unregistered lines"));
	if (!c->in->onsite) {
		rdoc_para(c->d, L("現地調査の記録がないため、対象外回線の有無は分かりません。",
		                  "Not known without the onsite survey."));
	} else if (!c->in->onsite->n_unregistered) {
		rdoc_para(
		        c->d,
		        L("医療機関記入依頼書に記載のない回線終端装置は、現地で確認されませんでした。",
		          "No termination beyond the declared lines was found on site."));
	} else {
		rdoc_para(
		        c->d,
		        L("医療機関記入依頼書に記載がなかった回線終端装置が現地で確認されました。回線番号欄に"
		          "「対象外回線」と記載しています。医療機関で把握されていない回線の場合は、ネットワーク管理者に"
		          "ご確認ください。設置場所は別紙1の一覧と照らし合わせてご確認ください。",
		          "Terminations nobody declared were found on site: ask the network administrator."));
		t = rdoc_table(c->d, "対象外回線", uhead, wu);
		for (size_t i = 0; i < c->in->onsite->n_unregistered; i++) {
			const struct onsite_unregistered *u = &c->in->onsite->unregistered[i];
			rdoc_row(c->d, t, "high",
			         (const char *[]){
			                 L("対象外回線", "unregistered"),
			                 nz(model_enum_label(model_termination_kinds,
			                                     (int)u->termination, c->lang)),
			                 rdoc_fmt(c->d, "%s %s", u->maker ? u->maker : "",
			                          u->model ? u->model : ""),
			                 place_text(c, &u->place), nz(u->notes) });
		}
	}
	rdoc_heading(c->d, 2,
	             L("1.3 ネットワーク構成図 (回線ごと)", "1.3 Network diagram per line"));
	rdoc_note(
	        c->d,
	        L("回線終端装置 → ルータ・UTM 等 → 院内ネットワークの順に、現地で確認した機器 (記録がなければ申告内容) "
	          "を示します。",
	          "From the termination in, as seen on site (else as declared)."));
	for (size_t i = 0; i < c->a->n_lines; i++)
		diagram(c, &c->a->lines[i]);
}

/* ---- 2 devices ---- */

static void chapter2(struct ctx *c)
{
	static const double w[] = { 0.7, 2.2, 0.9, 1.2, 1.3, 0.6, 0.6, 0.6, 0.6, 2.4 };
	const char *head[] = { L("回線番号", "line"),
		               L("機器", "device"),
		               L("ログイン", "login"),
		               L("ファームウェア", "firmware"),
		               L("最新ファームウェア", "latest"),
		               L("緊急", "crit."),
		               L("重要", "high"),
		               L("警告", "med."),
		               L("注意", "low"),
		               L("脆弱性番号", "ids"),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(
	        c->d, 1,
	        L("2. 外部ネットワーク接続機器調査", "2. Network devices on the external lines"));
	if (!c->in->onsite) {
		rdoc_para(
		        c->d,
		        L("現地調査の記録がまだないため、この章は作成できません (medsec onsite)。事前に申告された"
		          "ファームウェアの脆弱性は別紙2に記載しています。",
		          "Needs the onsite survey record (medsec onsite). Declared firmware: annex 2."));
		return;
	}
	rdoc_para(
	        c->d,
	        L("回線 (回線ID) ごとに、現地で確認できた機器を記載しています (現地で確認できなかった機器は記載していません)。"
	          "現地でログインした機器はそのファームウェアバージョンを、ログインしていない機器は「確認未実施」と"
	          "記載し、最新のファームウェアのみを示します。緊急・重要は速やかな対処が必要な脆弱性です。詳細は"
	          "6章「補足資料」に記載しています。",
	          "Devices seen on site per line, the firmware read after login (else not checked), the "
	          "latest firmware and the vulnerabilities of the firmware in use; details in chapter 6."));
	t = rdoc_table(c->d, "機器調査", head, w);
	for (size_t i = 0; i < c->a->n_targets; i++) {
		const struct assess_target *x = &c->a->targets[i];
		const char *cells[10];
		if (x->source != SRC_ONSITE)
			continue;
		cells[0] = line_cell(c, x->line_no);
		cells[1] = x->label;
		cells[2] = x->version ? L("実施", "done") : L("未実施", "no");
		cells[3] = x->version ? x->version : L("確認未実施", "not checked");
		cells[4] = latest_cell(c, x);
		if (x->status == CHECK_DONE) {
			counts_cells(c, x->counts, cells + 5);
			cells[9] = vuln_ids(c, x);
		} else {
			for (int k = 5; k < 9; k++)
				cells[k] = "-";
			cells[9] = x->status == CHECK_NO_VERSION ? L("確認未実施", "not checked")
			           : x->status == CHECK_NO_MAPPING
			                   ? L("製品情報 (CPE) 未登録のため照合せず",
			                       "no CPE mapping")
			                   : L("脆弱性情報なし (未照合)", "no index");
		}
		rdoc_row(c->d, t, worst(x->counts), cells);
	}
	if (!t->nrows)
		rdoc_para(c->d, L("現地で確認した機器の記録はありません。",
		                  "No device recorded on site."));
}

/* ---- 3 remote diagnosis ---- */

/* Who confirmed a dynamic line's address on the day, and who recorded each meeting (seed 002). */
static void confirmations_note(struct ctx *c)
{
	for (size_t i = 0; i < c->a->n_lines; i++) {
		const struct plan_line *l = c->a->lines[i].plan;
		char day[11];

		if (l->confirmed_ip && ms_date_jst(l->confirmed_at, day) == 0)
			rdoc_note(
			        c->d,
			        rdoc_fmt(
			                c->d,
			                L("回線%d の動的IPアドレス %s は %s に %s が確認しました。",
			                  "Line %d's dynamic address %s was confirmed on %s by %s."),
			                l->line_no, l->confirmed_ip, day,
			                l->confirmed_by
			                        ? l->confirmed_by
			                        : L("医療機関 (記入依頼書の当日記入欄)",
			                            "the hospital (the workbook's day-of column)")));
		if (l->meeting_confirmed && ms_date_jst(l->meeting_at, day) == 0)
			rdoc_note(
			        c->d,
			        rdoc_fmt(
			                c->d,
			                L("回線%d は %s の打合せで確認しました (記録: %s)。",
			                  "Line %d was settled in the meeting of %s (recorded by %s)."),
			                l->line_no, day, l->meeting_by ? l->meeting_by : "-"));
	}
}

static void chapter3(struct ctx *c)
{
	static const double w[] = { 0.7, 1.5, 1.6, 3, 0.6, 0.6, 0.6, 0.6 };
	const char *head[] = { L("回線番号", "line"),
		               L("グローバルIP", "global IP"),
		               L("診断", "diagnosis"),
		               L("応答のあったポート", "responding ports"),
		               L("緊急", "crit."),
		               L("重要", "high"),
		               L("警告", "med."),
		               L("注意", "low"),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L("3. 脆弱性診断", "3. Remote vulnerability diagnosis"));
	rdoc_para(
	        c->d,
	        L("【ポートスキャン】該当する回線のグローバルIPアドレスに対してインターネット側から接続を試み、"
	          "応答のあったポートを記載しています。空きポートが検出された場合、システム運用上必要なポートか"
	          "ご確認ください。未使用であればポートを閉じる等の対策をご検討ください。"
	          "【脆弱性スキャン】応答のあったポートのサービス・製品・バージョンを調べ、既知の脆弱性と照合しています。"
	          "詳細は別紙3に記載しています。",
	          "Port scan of each line's global address from the internet side; the services found were "
	          "identified and looked up. Details in annex 3."));
	if (!c->in->plan)
		return;
	if (!c->in->scan)
		rdoc_note(
		        c->d,
		        L("脆弱性診断 (ポートスキャン) はまだ実施していません (medsec scan / medsec diagnose)。",
		          "No diagnosis yet (medsec scan / medsec diagnose)."));
	t = rdoc_table(c->d, "脆弱性診断", head, w);
	for (size_t i = 0; i < c->a->n_lines; i++) {
		const struct assess_line *l = &c->a->lines[i];
		char ports[1024] = "";
		size_t used = 0;
		const char *cells[8];

		for (size_t k = 0; k < l->n_ports && used < sizeof(ports) - 1; k++) {
			const struct assess_port *p = &c->a->ports[l->first_port + k];
			if (!p->responded)
				continue;
			used += (size_t)snprintf(ports + used, sizeof(ports) - used, "%s%d/%s%s%s",
			                         used ? ", " : "", p->port, p->proto,
			                         p->svc->service[0] ? " " : "", p->svc->service);
		}
		cells[0] = rdoc_fmt(c->d, L("回線%d", "line %d"), l->plan->line_no);
		cells[1] = l->address        ? l->address
		           : l->plan->target ? l->plan->target
		           : !strcmp(l->diagnosis, "address_unknown")
		                   ? L("IPアドレス不明", "unknown")
		                   : "-";
		cells[2] = diagnosis_label(c, l->diagnosis);
		if ((size_t)l->responding < l->n_ports) {
			size_t u2 = strlen(ports);
			snprintf(ports + u2, sizeof(ports) - u2,
			         L("%s(UDP %zu ポートは応答なし: 開または遮断)",
			           "%s(%zu UDP ports silent: open or filtered)"),
			         u2 ? "\n" : "", l->n_ports - (size_t)l->responding);
			used = 1;
		}
		cells[3] = !strcmp(l->diagnosis, "diagnosed")
		                   ? (used ? ports : L("応答なし", "none"))
		                   : "-";
		if (!strcmp(l->diagnosis, "diagnosed") && c->in->vdb)
			counts_cells(c, l->counts, cells + 4);
		else
			cells[4] = cells[5] = cells[6] = cells[7] = "-";
		rdoc_row(c->d, t, worst(l->counts), cells);
	}
	if (c->in->scan)
		rdoc_note(c->d, rdoc_fmt(c->d,
		                         L("診断: %s 〜 %s、送信元 %s、TCP %s、UDP %s。",
		                           "Diagnosis %s to %s from %s, TCP %s, UDP %s."),
		                         c->in->scan->started_at, nz(c->in->scan->finished_at),
		                         nz(c->in->scan->source_address), c->in->scan->ports,
		                         c->in->scan->udp_ports));
	confirmations_note(c);
}

/* ---- 4 terminals, 5 passwords ---- */

/* The result the survey has for declared terminal no, or NULL. */
static const struct terminal_result *result_for(const struct ctx *c, int no)
{
	for (size_t i = 0; i < c->in->n_terminals; i++)
		if (c->in->terminals[i].declared_no == no)
			return &c->in->terminals[i];
	return NULL;
}

/* "Windows 11 Pro 23H2 (22631.4460)": ProductName says "Windows 10" on 11, the build does not. */
static const char *os_text(struct ctx *c, const struct terminal_result *r)
{
	const char *p = r->product ? r->product : "Windows";
	int fix = r->family == OS_WINDOWS11 && !strncmp(p, "Windows 10", 10);

	return rdoc_fmt(c->d, "%s%s%s%s (%u.%u)", fix ? "Windows 11" : "", fix ? p + 10 : p,
	                r->display_version ? " " : "", r->display_version ? r->display_version : "",
	                r->build, r->ubr);
}

static const char *support_text(struct ctx *c, const struct terminal_result *r)
{
	if (r->support == OS_SUPPORTED)
		return rdoc_fmt(c->d, L("サポート中 (%s まで)", "supported (until %s)"),
		                nz(r->support_ends));
	if (r->support == OS_SUPPORT_ENDED)
		return r->esu_ends ? rdoc_fmt(c->d,
		                              L("サポート終了 (%s。ESU 契約時 %s まで)",
		                                "ended (%s; ESU to %s)"),
		                              nz(r->support_ends), r->esu_ends)
		                   : rdoc_fmt(c->d, L("サポート終了 (%s)", "ended (%s)"),
		                              nz(r->support_ends));
	return L("不明 (要確認)", "unknown (to confirm)");
}

static const char *usb_text(const struct ctx *c, enum usb_storage u)
{
	return u == USB_BLOCKED     ? L("あり (使用不可)", "yes (blocked)")
	       : u == USB_READ_ONLY ? L("あり (読み取りのみ)", "yes (read-only)")
	       : u == USB_ALLOWED   ? L("なし (要確認)", "none (to confirm)")
	                            : L("不明", "unknown");
}

static void terminal_row(struct ctx *c, struct rtable *t, const char *no, const char *host,
                         const char *products, const struct terminal_result *r)
{
	rdoc_row(c->d, t, r && r->support == OS_SUPPORT_ENDED ? "high" : NULL,
	         (const char *[]){ no, host, r ? os_text(c, r) : L("未調査", "not surveyed"),
	                           r ? support_text(c, r) : "-", products,
	                           r ? L("未取得", "not read") : "-",
	                           r ? usb_text(c, r->usb) : "-" });
}

static void chapter4(struct ctx *c)
{
	static const double w[] = { 0.9, 1.3, 2.1, 2, 1.7, 0.9, 1.1 };
	const char *head[] = { L("端末番号", "no."),
		               L("ホスト名", "host"),
		               L("OS (バージョン)", "OS (version)"),
		               L("OSの状態", "OS support"),
		               L("セキュリティ対策製品", "security products"),
		               L("パターンファイル", "definitions"),
		               L("USB使用制限", "USB storage"),
		               NULL };
	struct rtable *t;
	const struct intake_doc *doc = c->in->doc;
	char day[11] = "";

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L("4. 端末調査", "4. Terminal survey"));
	if (!c->in->n_terminals) {
		rdoc_para(
		        c->d,
		        L("端末調査の結果はまだありません。各端末で medsec-collector.exe を実行し、書き出された"
		          "ファイルを medsec terminal import で取り込んでください。調査対象の端末は次のとおりです。",
		          "No terminal survey results yet: run medsec-collector.exe on each terminal and import "
		          "the files it writes with medsec terminal import. The terminals to survey follow."));
	} else {
		ms_date_jst(c->o->generated_at ? c->o->generated_at : "", day);
		rdoc_para(
		        c->d,
		        rdoc_fmt(
		                c->d,
		                L("各端末で medsec-collector.exe が収集した結果です。OSの状態は %s 時点の"
		                  "Microsoft のサポート期限で判定しています。USB使用制限の「なし (要確認)」は"
		                  "レジストリに制限がないことを示します。USB を制御するソフトウェアで制限して"
		                  "いる場合もあるため確認してください。セキュリティ対策製品は記入依頼書の申告で、"
		                  "パターンファイルの状態は現在の収集ツールでは取得していません。",
		                  "Collected on each terminal by medsec-collector.exe. OS support is judged by "
		                  "Microsoft's end-of-servicing dates as of %s. USB storage \"none (to "
		                  "confirm)\" means no restriction in the registry: device-control software may "
		                  "still block it. Security products are as declared; definition status is "
		                  "not read by the current collector."),
		                day[0] ? day : "-"));
	}
	t = rdoc_table(c->d, NULL, head, w);
	for (size_t i = 0; doc && i < doc->n_terminals; i++) {
		const struct terminal *x = &doc->terminals[i];
		const struct terminal_result *r = result_for(c, x->no);
		terminal_row(c, t, rdoc_fmt(c->d, L("端末%d", "terminal %d"), x->no),
		             nz(x->hostname),
		             x->security_products ? rdoc_fmt(c->d, L("%s (申告)", "%s (declared)"),
		                                             x->security_products)
		                                  : "-",
		             r);
	}
	for (size_t i = 0; i < c->in->n_terminals; i++) {
		const struct terminal_result *r = &c->in->terminals[i];
		if (!r->declared_no)
			terminal_row(c, t, L("申告外", "undeclared"), nz(r->host), "-", r);
	}
}

static const char *tri_text(const struct ctx *c, enum tri t)
{
	return t == TRI_YES       ? L("はい", "yes")
	       : t == TRI_NO      ? L("いいえ", "no")
	       : t == TRI_UNKNOWN ? L("不明", "unknown")
	                          : "-";
}

static void chapter5(struct ctx *c)
{
	static const double w[] = { 0.7, 2, 0.9, 1, 0.9, 0.9, 0.9, 0.9, 2.6 };
	const char *head[] = { L("回線番号", "line"),
		               L("機器", "device"),
		               L("初期パスワード変更", "default changed"),
		               L("文字数", "length"),
		               L("定期変更", "periodic change"),
		               L("使い回し", "reused"),
		               L("二要素認証", "2FA"),
		               L("判定", "verdict"),
		               L("不足している点", "shortfalls"),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L("5. パスワードの設定・管理", "5. Passwords"));
	rdoc_para(
	        c->d,
	        L("「医療情報システムの安全管理に関するガイドライン 第6.0版」の Q&A (シQ-54。5.2版 C-14 から) は、"
	          "推測されにくいパスワードとして次の三つのパターンのいずれかを示しています: (a) 英数字・記号を混在させた"
	          " 13 文字以上、(b) 8 文字以上で 2 か月以内ごとに変更、(c) 二要素認証と併用して 8 文字以上。あわせて"
	          "システム運用編と令和7年度チェックリスト (2-⑦、2-⑧) は、機器の初期パスワードの変更と、同じパスワードを"
	          "複数の機器や施設で使い回さないことを求めています。",
	          "The three patterns of the MHLW guideline 6.0 Q&A (シQ-54, from 5.2 C-14): 13+ mixed characters; "
	          "or 8+ changed at least every 2 months; or 8+ with a second factor. The operations volume and the "
	          "2025 checklist (2-7, 2-8) add: factory passwords changed, no reuse."));
	rdoc_para(
	        c->d,
	        L("医療機関記入依頼書でご申告いただいたネットワーク機器のパスワードの状況を、上の基準で確認した結果です。",
	          "The declared password facts of each device against those rules."));
	t = rdoc_table(c->d, "パスワード", head, w);
	for (size_t i = 0; i < c->a->n_passwords; i++) {
		const struct assess_password *p = &c->a->passwords[i];
		const struct device *d = p->device;
		const struct plan_line *pl = plan_line_by_declared(c->in->plan, d->line_no);
		rdoc_row(
		        c->d, t, !strcmp(p->verdict, "short") ? "high" : NULL,
		        (const char *[]){
		                pl ? rdoc_fmt(c->d, L("回線%d", "line %d"), pl->line_no) : "-",
		                rdoc_fmt(c->d, "%s %s", d->maker ? d->maker : "",
		                         d->model ? d->model : ""),
		                tri_text(c, d->pw.default_changed),
		                nz(model_enum_label(model_pw_lengths, (int)d->pw.length, c->lang)),
		                d->pw.periodic_change == TRI_YES && d->pw.change_months > 0
		                        ? rdoc_fmt(c->d,
		                                   L("あり (%d か月ごと)", "yes (every %d months)"),
		                                   d->pw.change_months)
		                        : tri_text(c, d->pw.periodic_change),
		                tri_text(c, d->pw.reused), tri_text(c, d->pw.two_factor),
		                !strcmp(p->verdict, "meets")   ? L("基準を満たす", "meets")
		                : !strcmp(p->verdict, "short") ? L("要改善", "improve")
		                                               : L("要確認", "check"),
		                nz(p->shortfalls) });
	}
	for (size_t i = 0; i < c->a->n_findings; i++)
		if (c->a->findings[i].kind == FKIND_DEFAULT_ACCOUNT)
			rdoc_note(
			        c->d,
			        rdoc_fmt(
			                c->d,
			                L("脆弱性診断で、%s に初期設定のアカウントでログインできました。直ちにパスワードを変更してください。",
			                  "The diagnosis logged in to %s with a factory account: change it at once."),
			                c->a->findings[i].subject));
}

/* ---- 6 and annexes ---- */

static void vuln_table(struct ctx *c, const char *sheet, enum assess_source src)
{
	static const double w[] = { 0.6, 1.8, 1.4, 1.5, 0.6, 0.7, 0.5, 3.2, 1.6 };
	const char *head[] = { L("回線番号", "line"),
		               L("対象", "subject"),
		               "CVE",
		               L("脆弱性番号 (JVN)", "JVN"),
		               "CVSS",
		               L("深刻度", "severity"),
		               "KEV",
		               L("概要", "summary"),
		               L("影響範囲", "affected"),
		               NULL };
	struct rtable *t = NULL;

	for (size_t i = 0; i < c->a->n_targets; i++) {
		const struct assess_target *x = &c->a->targets[i];
		if (x->source != src)
			continue;
		for (size_t k = 0; k < x->n; k++) {
			const struct assess_vuln *v = &x->v[k];
			if (!t)
				t = rdoc_table(c->d, sheet, head, w);
			rdoc_row(c->d, t, band_key(v->severity),
			         (const char *[]){
			                 rdoc_fmt(c->d, L("回線%d", "line %d"), x->line_no),
			                 src == SRC_REMOTE
			                         ? rdoc_fmt(c->d, "%s %s", x->address, x->label)
			                         : x->label,
			                 nz(v->cve), nz(v->jvndb),
			                 v->cvss_version == 2
			                         ? rdoc_fmt(c->d, "%.1f (CVSS v2)", v->score)
			                 : v->score >= 0 ? rdoc_fmt(c->d, "%.1f", v->score)
			                                 : "-",
			                 v->score >= 0 ? band_label(c, v->severity)
			                               : L("スコアなし", "unscored"),
			                 v->kev ? (v->ransomware ? L("○ (ランサムウェア)",
			                                             "yes (ransomware)")
			                                         : "○")
			                        : "",
			                 nz(v->title),
			                 rdoc_fmt(c->d, "%s%s", nz(v->range),
			                          v->confidence == VDB_CONF_ROUGH
			                                  ? L(" (推定)", " (rough)")
			                                  : "") });
		}
	}
	if (!t)
		rdoc_para(c->d, L("該当する脆弱性はありません。", "None."));
}

static void chapter6(struct ctx *c)
{
	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L("6. 補足資料", "6. Supplement"));
	rdoc_para(
	        c->d,
	        L("「2. 外部ネットワーク接続機器調査」で現地調査機器に検出された脆弱性情報の詳細です。",
	          "The vulnerabilities of the devices of chapter 2."));
	if (!c->in->onsite) {
		rdoc_para(c->d, L("現地調査の記録がないため、対象の機器はありません。",
		                  "No onsite record."));
		return;
	}
	vuln_table(c, "補足資料", SRC_ONSITE);
}

static void annex1(struct ctx *c)
{
	static const double w[] = { 1, 1.2, 2.2, 0.9, 1, 2, 2 };
	const char *head[] = { L("機器番号", "no."),
		               L("回線番号", "line"),
		               L("機器", "device"),
		               L("ログイン", "login"),
		               L("ファームウェア", "firmware"),
		               L("設置場所", "place"),
		               L("備考", "notes"),
		               NULL };
	struct rtable *t;
	int no = 0;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L("別紙1 現地調査報告書", "Annex 1: onsite survey"));
	if (!c->in->onsite) {
		rdoc_para(c->d, L("現地調査の記録がまだありません (medsec onsite)。",
		                  "Not recorded yet (medsec onsite)."));
		return;
	}
	rdoc_para(c->d, rdoc_fmt(c->d,
	                         L("調査日 %s%s%s。現地で確認した機器と回線終端装置の一覧です。",
	                           "Surveyed on %s%s%s. Devices and terminations seen on site."),
	                         c->in->onsite->surveyed_on,
	                         c->in->onsite->surveyors ? L("、調査者 ", ", by ") : "",
	                         c->in->onsite->surveyors ? c->in->onsite->surveyors : ""));
	rdoc_note(c->d, L("回線終端装置の確認結果は 1.1 に記載しています。",
	                  "The lines traced on site are in 1.1."));
	t = rdoc_table(c->d, "別紙1", head, w);
	for (size_t i = 0; i < c->in->onsite->n_devices; i++) {
		const struct onsite_device *v = &c->in->onsite->devices[i];
		rdoc_row(c->d, t, NULL,
		         (const char *[]){ rdoc_fmt(c->d, L("<機器%d>", "<device %d>"), ++no),
		                           rdoc_fmt(c->d, L("回線%d", "line %d"), v->line_no),
		                           rdoc_fmt(c->d, "%s %s (%s)", nz(v->maker), nz(v->model),
		                                    nz(model_enum_label(model_device_kinds,
		                                                        (int)v->kind, c->lang))),
		                           v->login == TRI_YES ? L("実施", "done")
		                                               : L("未実施", "no"),
		                           v->login == TRI_YES ? nz(v->firmware)
		                                               : L("確認未実施", "not checked"),
		                           place_text(c, &v->place), nz(v->notes) });
	}
	for (size_t i = 0; i < c->in->onsite->n_unregistered; i++) {
		const struct onsite_unregistered *u = &c->in->onsite->unregistered[i];
		rdoc_row(c->d, t, "high",
		         (const char *[]){
		                 rdoc_fmt(c->d, L("<機器%d>", "<device %d>"), ++no),
		                 L("対象外回線", "unregistered"),
		                 rdoc_fmt(c->d, "%s %s (%s)", u->maker ? u->maker : "",
		                          u->model ? u->model : "",
		                          nz(model_enum_label(model_termination_kinds,
		                                              (int)u->termination, c->lang))),
		                 "-", "-", place_text(c, &u->place), nz(u->notes) });
	}
	rdoc_heading(c->d, 2, L("ネットワーク構成図", "Network diagrams"));
	for (size_t i = 0; i < c->a->n_lines; i++)
		diagram(c, &c->a->lines[i]);
}

static void annex2(struct ctx *c)
{
	static const double w[] = { 0.7, 2.2, 1.2, 1.4, 0.6, 0.6, 0.6, 0.6, 2.4 };
	const char *head[] = { L("回線番号", "line"),
		               L("機器", "device"),
		               L("ファームウェア (申告)", "firmware (declared)"),
		               L("最新ファームウェア", "latest"),
		               L("緊急", "crit."),
		               L("重要", "high"),
		               L("警告", "med."),
		               L("注意", "low"),
		               L("調査結果", "result"),
		               NULL };
	struct rtable *t = NULL;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1,
	             L("別紙2 調査前申告ファームウェアバージョンにおける脆弱性情報一覧",
	               "Annex 2: vulnerabilities of the declared firmware"));
	rdoc_para(
	        c->d,
	        L("医療機関記入依頼書にファームウェアバージョンの記載があった機器の脆弱性情報です。回線番号は調査実施"
	          "計画一覧の番号です。詳細は末尾の「事前申告機器 脆弱性詳細」をご確認ください。",
	          "Devices whose firmware was declared in the intake workbook; line numbers are the plan's."));
	for (size_t i = 0; i < c->a->n_targets; i++) {
		const struct assess_target *x = &c->a->targets[i];
		const char *cells[9];
		if (x->source != SRC_DECLARED)
			continue;
		if (!t)
			t = rdoc_table(c->d, "別紙2", head, w);
		cells[0] = rdoc_fmt(c->d, L("回線%d", "line %d"), x->line_no);
		cells[1] = x->label;
		cells[2] = x->version;
		cells[3] = latest_cell(c, x);
		if (x->status == CHECK_DONE) {
			counts_cells(c, x->counts, cells + 4);
			cells[8] = x->n ? rdoc_fmt(c->d,
			                           L("脆弱性情報 計%zu件%s%s",
			                             "%zu vulnerabilities%s%s"),
			                           x->n,
			                           x->fixed_in ? L("、修正版 ", ", fixed in ") : "",
			                           x->fixed_in ? x->fixed_in : "")
			                : L("該当なし", "none");
		} else {
			cells[4] = cells[5] = cells[6] = cells[7] = "-";
			cells[8] = x->status == CHECK_NO_MAPPING
			                   ? L("製品情報 (CPE) 未登録のため照合せず",
			                       "no CPE mapping")
			                   : L("脆弱性情報なし (未照合)", "no index");
		}
		rdoc_row(c->d, t, worst(x->counts), cells);
	}
	if (!t) {
		rdoc_para(c->d, L("ファームウェアバージョンの申告があった機器はありません。",
		                  "No firmware was declared."));
		return;
	}
	rdoc_heading(c->d, 2, L("事前申告機器 脆弱性詳細", "Details"));
	vuln_table(c, "別紙2詳細", SRC_DECLARED);
}

static void annex3(struct ctx *c)
{
	static const double w[] = { 0.6, 1.4, 0.8, 1, 2, 1, 3.2 };
	const char *head[] = { L("回線番号", "line"),
		               L("グローバルIP", "global IP"),
		               L("ポート", "port"),
		               L("サービス", "service"),
		               L("製品・バージョン", "product, version"),
		               L("状態", "state"),
		               L("指摘 (深刻度)", "findings (severity)"),
		               NULL };
	struct rtable *t;

	rdoc_pagebreak(c->d);
	rdoc_heading(c->d, 1, L("別紙3 脆弱性診断報告書", "Annex 3: remote diagnosis"));
	if (!c->in->scan) {
		rdoc_para(c->d, L("脆弱性診断はまだ実施していません。", "No diagnosis yet."));
		return;
	}
	rdoc_para(
	        c->d,
	        L("応答のあったポートごとの識別結果と指摘事項、検出された脆弱性の詳細です。脆弱性が検出された場合は、"
	          "本紙と併せてベンダー等に提出し、対処策を検討することを推奨します。",
	          "Each responding port, what answers there, the findings and the vulnerabilities in detail."));
	t = rdoc_table(c->d, "別紙3", head, w);
	for (size_t i = 0; i < c->a->n_ports; i++) {
		const struct assess_port *p = &c->a->ports[i];
		char fs[1024] = "";
		if (!p->responded)
			continue;
		size_t used = 0;
		enum finding_severity cls = FSEV_UNSET;
		for (size_t k = 0; k < c->a->n_findings && used < sizeof(fs) - 1; k++) {
			const struct assess_finding *f = &c->a->findings[k];
			if (f->source != SRC_REMOTE || f->port != p->port || !f->address ||
			    strcmp(f->address, p->address) || strcmp(f->proto, p->proto))
				continue;
			used += (size_t)snprintf(fs + used, sizeof(fs) - used, "%s%s (%s)",
			                         used ? "\n" : "", f->title,
			                         sev_label(c, f->severity));
			if (!cls || f->severity < cls)
				cls = f->severity; /* the most urgent tints the row */
		}
		rdoc_row(c->d, t, cls && cls != FSEV_INFO ? assess_severity_key(cls) : NULL,
		         (const char *[]){
		                 rdoc_fmt(c->d, L("回線%d", "line %d"), p->line_no), p->address,
		                 rdoc_fmt(c->d, "%d/%s", p->port, p->proto), nz(p->svc->service),
		                 rdoc_fmt(c->d, "%s %s", p->svc->product, p->svc->version),
		                 !strcmp(p->state, "open") ? L("開", "open")
		                                           : L("応答あり (UDP)", "answered (UDP)"),
		                 used ? fs : "-" });
	}
	if (!t->nrows)
		rdoc_para(c->d, L("応答のあったポートはありません。", "No port answered."));
	rdoc_heading(c->d, 2, L("検出された脆弱性の詳細", "Vulnerabilities"));
	if (!c->in->vdb)
		rdoc_para(c->d,
		          L("脆弱性情報のインデックスがないため照合していません。", "No index."));
	else
		vuln_table(c, "別紙3詳細", SRC_REMOTE);
}

/* Each early finding as one line: what was found, and what to do today. */
static void early_actions(struct ctx *c)
{
	int n = 0;

	for (size_t i = 0; i < c->a->n_findings; i++)
		n += c->a->findings[i].early;
	rdoc_para(
	        c->d,
	        rdoc_fmt(
	                c->d,
	                L("直ちに対応が必要な事項が %d 件あります。本日中に、次のことを行ってください。",
	                  "%d finding(s) need action today:"),
	                n));
	for (size_t i = 0; i < c->a->n_findings; i++) {
		const struct assess_finding *f = &c->a->findings[i];
		/* The subject leads unless the title already names it. */
		if (f->early)
			rdoc_para(c->d,
			          rdoc_fmt(c->d, "■ %s%s%s\n　%s%s",
			                   f->subject && !strstr(f->title, f->subject) ? f->subject
			                                                               : "",
			                   f->subject && !strstr(f->title, f->subject) ? ": " : "",
			                   f->title, L("対策: ", "Do: "), nz(f->advice)));
	}
}

/* The diagnosis behind it, and what answered on each affected address: enough to stand alone. */
static void early_facts(struct ctx *c)
{
	static const double w[] = { 1.3, 0.8, 0.6, 1.2, 2.2, 1 };
	const char *head[] = { L("IPアドレス", "address"),
		               L("プロトコル", "protocol"),
		               L("ポート", "port"),
		               L("サービス", "service"),
		               L("製品", "product"),
		               L("バージョン", "version"),
		               NULL };
	struct rtable *t = NULL;

	if (c->in->scan)
		rdoc_para(c->d, rdoc_fmt(c->d,
		                         L("診断の日時: %s 〜 %s (UTC)、送信元アドレス: %s",
		                           "Diagnosed %s to %s (UTC) from %s"),
		                         c->in->scan->started_at, nz(c->in->scan->finished_at),
		                         nz(c->in->scan->source_address)));
	for (size_t i = 0; i < c->a->n_ports; i++) {
		const struct assess_port *p = &c->a->ports[i];
		int affected = 0;

		for (size_t k = 0; k < c->a->n_findings && !affected; k++)
			affected = c->a->findings[k].early && c->a->findings[k].address &&
			           !strcmp(c->a->findings[k].address, p->address);
		if (!affected || !p->responded)
			continue;
		if (!t) {
			rdoc_heading(c->d, 2,
			             L("対象アドレスで応答したポート",
			               "Ports answering on the affected addresses"));
			t = rdoc_table(c->d, NULL, head, w);
		}
		rdoc_row(c->d, t, NULL,
		         (const char *[]){ p->address, p->proto, count(c, p->port),
		                           p->svc->service[0] ? p->svc->service : "-",
		                           p->svc->product[0] ? p->svc->product : "-",
		                           p->svc->version[0] ? p->svc->version : "-" });
	}
}

static void annex4(struct ctx *c)
{
	rdoc_heading(c->d, 1, L("別紙4 脆弱性診断早期報告", "Annex 4: early report"));
	rdoc_para(
	        c->d,
	        L("脆弱性診断で、早急な対応が必要な事項 (深刻度が緊急・重要、CVSS 7.0 以上、または悪用が確認されている"
	          "脆弱性) が確認されました。報告書本紙を待たず、保守業者・ベンダーと対応してください。",
	          "The diagnosis found what needs action now (critical or high, CVSS 7.0+, or known exploited). "
	          "Do not wait for the full report."));
	early_actions(c);
	early_facts(c);
	rdoc_heading(c->d, 2, L("早期報告の対象事項", "The findings"));
	findings(c, 1);
}

/* The document with its cover: addressee, date of issue as a reader writes it, issuer. */
static struct rdoc *new_doc(struct ctx *c, const char *title)
{
	char date[64];
	const char *to;

	ms_date_text_jst(c->o->generated_at, c->lang, date, sizeof(date));
	to = c->o->recipient && *c->o->recipient ? c->o->recipient : NULL;
	c->d = rdoc_new(title, "", date, c->o->issuer ? c->o->issuer : "");
	c->d->subtitle = to ? rdoc_str(c->d, to)
	                    : rdoc_fmt(c->d, L("%s 御中", "To %s"), c->in->hospital);
	return c->d;
}

struct rdoc *report_compose(const struct assessment *a, const struct report_opts *o)
{
	struct ctx cx = { .a = a, .in = a->in, .o = o, .lang = o->lang }, *c = &cx;

	new_doc(c, L("外部ネットワーク接続点調査報告書",
	             "External network connection point survey report"));
	summary(c);
	changes(c);
	rdoc_heading(c->d, 2, L("指摘事項と対策 (対応の優先順)", "Findings, most urgent first"));
	rdoc_para(
	        c->d,
	        L("確認された事項を、対応を急ぐべき順に並べています。上から順に、保守業者・ベンダーとご対応ください。"
	          "「参照」は都道府県のサイバーセキュリティ対策マニュアルの該当章です。",
	          "What the survey found, most urgent first, with what to do and the manual chapter."));
	findings(c, 0);
	notation(c);
	chapter1(c);
	chapter2(c);
	chapter3(c);
	chapter4(c);
	chapter5(c);
	chapter6(c);
	annex1(c);
	annex2(c);
	annex3(c);
	if (a->early_due) {
		rdoc_pagebreak(c->d);
		annex4(c);
	}
	return c->d;
}

struct rdoc *report_compose_early(const struct assessment *a, const struct report_opts *o)
{
	struct ctx cx = { .a = a, .in = a->in, .o = o, .lang = o->lang }, *c = &cx;

	new_doc(c, L("脆弱性診断早期報告", "Early report of the remote diagnosis"));
	/* An urgent notice of one section: no cover page, no contents; page 1 says what to do. */
	c->d->compact = 1;
	annex4(c);
	return c->d;
}
