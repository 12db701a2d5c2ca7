/*
 * prose.h - the program's sentences, Japanese and English side by side.
 *
 * The report, the assessment, the commands and the Windows collector take their
 * sentences from here. Each name stands for a pair of string literals, ja first; a
 * module picks one with TXT(lang, NAME). The texts stay literals after preprocessing, so the
 * compiler checks every printf format in both languages against its arguments.
 * Messages carried as values (errors, diagnostics) are in messages.def; words of
 * closed sets (severity, kind, status) in model.c's tables; texts of rules and
 * checks in the data files (data/). Translators edit here; nowhere else.
 */
#ifndef MEDSEC_PROSE_H
#define MEDSEC_PROSE_H

#include "medsec/msg.h"

#define TXT(lang, ...) TXT_PICK_(lang, __VA_ARGS__)
#define TXT_PICK_(lang, ja, en) ((lang) == MS_LANG_EN ? (en) : (ja))

/* ---- The report (src/report/compose.c): chapters, tables and annexes of seed 000. ---- */
/* The annex workbook's sheet names (at most 31 characters, none of []:*?/\). */
#define R_SHEET_CHANGES "前回からの変化", "Changes"
#define R_SHEET_LINE_NUMBERS "回線番号の対応", "Line numbers"
#define R_SHEET_LINES "回線", "Lines"
#define R_SHEET_UNREGISTERED "対象外回線", "Unregistered lines"
#define R_SHEET_DEVICES "機器調査", "Devices"
#define R_SHEET_DIAGNOSIS "脆弱性診断", "Diagnosis"
#define R_SHEET_PASSWORDS "パスワード", "Passwords"
#define R_SHEET_SUPPLEMENT "補足資料", "Supplement"
#define R_SHEET_ANNEX_1 "別紙1", "Annex 1"
#define R_SHEET_ANNEX_2 "別紙2", "Annex 2"
#define R_SHEET_ANNEX_2_DETAILS "別紙2詳細", "Annex 2 details"
#define R_SHEET_ANNEX_3 "別紙3", "Annex 3"
#define R_SHEET_ANNEX_3_DETAILS "別紙3詳細", "Annex 3 details"
#define R_SHEET_ANNEX_4 "別紙4", "Annex 4"
#define R_SHEET_FINDINGS "指摘事項", "Findings"
#define R_CONTENTS "目次", "Contents"
#define R_DIAGNOSED "実施", "diagnosed"
#define R_NOT_POSSIBLE_ADDRESS_UNKNOWN "調査不可 (IPアドレス不明)", "not possible (address unknown)"
#define R_NOT_YET_DIAGNOSED "未実施", "not yet diagnosed"
#define R_NOT_ELIGIBLE "対象外", "not eligible"
#define R_NOT_REQUESTED "調査希望なし", "not requested"
#define R_NOT_KNOWN "最新版情報なし", "not known"
#define R_NEWER_EXIST_FIX_IN "%s (%s) 以降の版あり (修正版 %s)", "%s (%s); newer exist (fix in %s)"
#define R_KIND "区分", "kind"
#define R_WHAT "内容", "what"
#define R_BEFORE "前回", "before"
#define R_NOW "今回", "now"
#define R_CHANGES_SINCE_ROUND "前回 (第%d回) の調査からの変化", "Changes since round %d"
#define R_ROUND_FROM_AGAINST_THIS_ROUND_FROM                                                      \
	"第%d回 (%.10s 開始) と今回 (第%d回、%.10s 開始) を比べた結果です。" \
	"指摘事項は新規 %zu 件、解消 %zu 件、継続 %zu 件です。%s",                                \
	        "Round %d (from %.10s) against this round %d (from %.10s): findings "             \
	        "%zu new, %zu resolved, %zu still open. %s"
#define R_OPEN_PORTS_NEW_GONE_UNCHANGED                                    \
	"開いているポートは新規 %zu、なくなった %zu、変わらず %zu です。", \
	        "Open ports: %zu new, %zu gone, %zu unchanged."
#define R_PORTS_WERE_NOT_COMPARED_ONE_OF                                    \
	"どちらかの調査回に脆弱性診断がないため、ポートは比べていません。", \
	        "Ports were not compared: one of the rounds has no diagnosis."
#define R_NEW_FINDING "新規の指摘", "new finding"
#define R_STILL_OPEN "継続中の指摘", "still open"
#define R_RESOLVED "解消した指摘", "resolved"
#define R_NEW_PORT "新たに開いたポート", "new port"
#define R_PORT_GONE "閉じたポート", "port gone"
#define R_SERVICE_CHANGED "サービスの変化", "service changed"
#define R_FIRMWARE "ファームウェア", "firmware"
#define R_NEW_LINE "新しい回線", "new line"
#define R_LINE_GONE "なくなった回線", "line gone"
#define R_LINE_ADDRESS "回線のアドレス", "line address"
#define R_ITEM "項目", "item"
#define R_RESULT "結果", "result"
#define R_INTRODUCTION_AND_SUMMARY "はじめに・総括", "Introduction and summary"
#define R_THIS_REPORT_GIVES_THE_RESULTS_OF                                                                          \
	"本書は、厚生労働省「医療機関におけるサイバーセキュリティ確保事業」の外" \
	"部ネットワーク接続の俯瞰的把握・安全性の検証の結果をまとめたものです。" \
	"本紙 1〜6 章と別紙からなります。",                                                                         \
	        "This report gives the results of the external network connection "                                 \
	        "survey of the MHLW programme. It has chapters 1-6 and annexes."
#define R_ANNEX_1_DEVICES_AND_PLACES_SEEN                                                                           \
	"別紙1【現地調査報告書】現地調査で確認した機器の一覧と設置場所、"            \
	"ネットワーク構成図。別紙2【調査前申告ファームウェアバージョンにおける"   \
	"脆弱性情報一覧】医療機関記入依頼書でファームウェアの記載があった機器の" \
	"脆弱性。別紙3【脆弱性診断報告書】脆弱性診断の詳細。"                              \
	"別紙4【脆弱性診断早期報告】緊急性の高い脆弱性が確認された場合にのみ作"   \
	"成します。",                                                                                               \
	        "Annex 1: devices and places seen on site. Annex 2: vulnerabilities of "                            \
	        "the declared firmware. Annex 3: the remote diagnosis in detail. Annex "                            \
	        "4: the early report, only when an urgent vulnerability was found."
#define R_SUMMARY_OF_RESULTS "調査結果 総括", "Summary of results"
#define R_HOSPITAL "医療機関", "hospital"
#define R_SURVEY_ROUND "調査回", "survey round"
#define R_ROUND_INTAKE_REVISION "第%d回 (記入依頼書 第%d版)", "round %d (intake revision %d)"
#define R_LINES_IN_THE_PLAN "調査対象の回線数", "lines in the plan"
#define R_NO_PLAN_YET "調査実施計画なし", "no plan yet"
#define R_LINES_CONFIRMED_ON_SITE "現地調査で確認できた回線数", "lines confirmed on site"
#define R_ONSITE_SURVEY_NOT_RECORDED "現地調査の記録なし", "onsite survey not recorded"
#define R_UNREGISTERED_LINES_FOUND_ON_SITE \
	"対象外回線 (申告のない回線終端装置)", "unregistered lines found on site"
#define R_GLOBAL_ADDRESSES_DIAGNOSED \
	"脆弱性診断を実施したグローバルIP", "global addresses diagnosed"
#define R_NOT_YET "未実施", "not yet"
#define R_RESPONDING_PORTS "応答のあったポート", "responding ports"
#define R_VULNERABILITIES_FOUND_BY_THE_DIAGNOSIS \
	"脆弱性診断で検出した脆弱性", "vulnerabilities found by the diagnosis"
#define R_NO_INDEX_NOT_CHECKED "脆弱性情報のインデックスなし (照合未実施)", "no index: not checked"
#define R_CRITICAL_HIGH_MEDIUM_LOW \
	"緊急 %d・重要 %d・警告 %d・注意 %d", "critical %d, high %d, medium %d, low %d"
#define R_FINDINGS "指摘事項", "findings"
#define R_CRITICAL_HIGH_MEDIUM_LOW_INFO                         \
	"%zu 件 (緊急 %d・重要 %d・警告 %d・注意 %d・情報 %d)", \
	        "%zu (critical %d, high %d, medium %d, low %d, info %d)"
#define R_ANNEX_4_EARLY_REPORT "別紙4 脆弱性診断早期報告", "annex 4, early report"
#define R_WRITTEN_ACT_AT_ONCE "作成 (早急な対応を推奨します)", "written: act at once"
#define R_NOT_DUE "該当なし", "not due"
#define R_RANK "順位", "rank"
#define R_SEVERITY "深刻度", "severity"
#define R_SUBJECT "対象", "subject"
#define R_FINDING "内容", "finding"
#define R_WHAT_TO_DO "対策", "what to do"
#define R_MANUAL "参照 (マニュアル)", "manual"
#define R_NO_FINDINGS "指摘事項はありません。", "No findings."
#define R_CVSS_V3_BASE "CVSS v3 基本値", "CVSS v3 base"
#define R_MEANING "意味", "meaning"
#define R_NOTATION "表記について", "Notation"
#define R_SEVERITY_FOLLOWS_CVSS_V3_BASE_SCORES                                                             \
	"脆弱性の深刻度は、国際的な指標である共通脆弱性評価システム CVSS v3 " \
	"の基本値により、IPA (独立行政法人情報処理推進機構) の区分で示します。",                           \
	        "Severity follows CVSS v3 base scores in IPA's bands."
#define R_CRITICAL "緊急", "critical"
#define R_EXPLOITS_CIRCULATE_OR_DAMAGE_OCCURS_ACT                                                                \
	"攻撃プログラムが出回っている、または被害が発生している状況を意味し、" \
	"早急な対応が必要です。",                                                                                \
	        "exploits circulate or damage occurs: act at once"
#define R_HIGH "重要", "high"
#define R_ACT_AT_ONCE_CVSS_7_0 \
	"緊急と同じく早急な対応が必要です (CVSS 7.0 以上)。", "act at once (CVSS 7.0 or more)"
#define R_MEDIUM "警告", "medium"
#define R_PLAN_A_FIX "計画的な対応が必要です。", "plan a fix"
#define R_LOW "注意", "low"
#define R_FIX_AS_THE_SITUATION_REQUIRES \
	"状況に応じて対応してください。", "fix as the situation requires"
#define R_OLDER_RECORDS_SCORED_ONLY_IN_CVSS                                                        \
	"CVSS v3 の評価がない古い脆弱性情報は、CVSS v2 の基本値を「(CVSS v2)" \
	"」と付けて示し、NVD の区分 (7.0 以上を重要、4.0 - 6.9 を警告、3.9 "  \
	"以下を注意) で数えます。v2 の 7.0 以上も早期報告の対象です。",                            \
	        "Older records scored only in CVSS v2 are shown with \"(CVSS v2)\" and "           \
	        "counted in NVD's bands (7.0+ high, 4.0-6.9 medium, up to 3.9 low); a "            \
	        "v2 score of 7.0 or more also calls for the early report."
#define R_THE_LATEST_FIRMWARE_IS_THE_VERSION                                                                        \
	"最新ファームウェアは、ベンダーが公開している資料から確認した版で、"       \
	"括弧内はその資料の日付です (その日付の時点の情報です)。同じ系列 (例: "      \
	"7.0) の最新版がある場合はそれと比べています。"                                         \
	"資料が確認できない機種は「最新版情報なし」、"                                        \
	"その日付より後に出た修正版が脆弱性情報から分かる場合は「以降の版あり」" \
	"としています。",                                                                                           \
	        "The latest firmware is the version read from the vendor's own pages, "                             \
	        "dated in brackets (what was known on that date); a device is compared "                            \
	        "with its own branch's newest where known. Models without a vendor "                                \
	        "page read as not known; where a vulnerability names a fix newer than "                             \
	        "the listed version, it says newer releases exist."
#define R_KEV_LISTED_IN_CISA_S_CATALOGUE                                               \
	"KEV は、米国 CISA の Known Exploited Vulnerabilities カタログに、" \
	"実際に悪用が確認された脆弱性として掲載されていることを示します。",            \
	        "KEV: listed in CISA's catalogue of vulnerabilities known to be "      \
	        "exploited."
#define R_LOOK_JVN_NUMBERS_UP_AT_HTTPS                                                                       \
	"脆弱性番号 (JVNDB-YYYY-NNNNNN) は、JVN iPedia "                                              \
	"脆弱性対策情報データベース (https://jvndb.jvn.jp/) "                                   \
	"の検索欄に入力すると、詳細・影響・対策方法を確認できます。JVN iPedia " \
	"の番号がない脆弱性は CVE 番号で示します。",                                                         \
	        "Look JVN numbers up at https://jvndb.jvn.jp/; where there is none the "                     \
	        "CVE number is given."
#define R_INDEX_USED_NVD_RECORDS_JVN_KEV                                                           \
	"照合に用いた脆弱性情報: NVD %u 件 (最終更新 %s)、JVN iPedia %u 件 (%s)" \
	"、CISA KEV %u 件 (版 %s)。",                                                              \
	        "Index used: NVD %u records (%s), JVN %u (%s), KEV %u (%s)."
#define R_NO_VULNERABILITY_INDEX_NOTHING_WAS_LOOKED                                                         \
	"脆弱性情報のインデックスがないため、脆弱性の照合は行っていません " \
	"(medsec vulndb import / update)。",                                                                \
	        "No vulnerability index: nothing was looked up (medsec vulndb import / "                    \
	        "update)."
#define R_NOT_RECORDED "現地調査未記録", "not recorded"
#define R_NO_RECORD "記録なし", "no record"
#define R_CONFIRMED "確認済み", "confirmed"
#define R_NOT_CONFIRMED "未確認 (%s)", "not confirmed (%s)"
#define R_LINE_NO_AND_NAME "回線%d %s", "line %d %s"
#define R_OUTSIDE "外部", "outside"
#define R_HOSPITAL_NETWORK_EHR "院内ネットワーク\n(電子カルテ)", "hospital network\n(EHR)"
#define R_LINE_LINE_ID "回線%d\n(回線ID %s)", "line %d\n(line ID %s)"
#define R_LINE_NO "回線%d", "line %d"
#define R_LINE_ID "%s\n回線ID %s", "%s\nline ID %s"
#define R_WORKBOOK_LINE "記入依頼書の回線番号", "workbook line"
#define R_REPORT_LINE "報告書の回線番号", "report line"
#define R_USE "用途", "use"
#define R_NOTE "備考", "note"
#define R_LINE_NUMBERS "回線番号の対応", "Line numbers"
#define R_THIS_REPORT_NUMBERS_LINES_AS_THE                                                  \
	"本報告書の回線番号は調査実施計画一覧の番号です。"          \
	"医療機関記入依頼書の回線番号とは異なる場合があります。" \
	"調査の対象外とした回線は、その理由を示します。",                                   \
	        "This report numbers lines as the survey plan does, which may differ "      \
	        "from the workbook; lines left out of the survey are listed with the "      \
	        "reason."
#define R_RENUMBERED "番号が変わりました", "renumbered"
#define R_LEFT_OUT "対象外", "left out"
#define R_LINE_NUMBER "回線番号", "line"
#define R_LINK "通信形態", "link"
#define R_CARRIER_LINE_ID "回線事業者・回線ID", "carrier, line ID"
#define R_DECLARED_PLACE "申告の設置場所", "declared place"
#define R_ON_SITE "現地確認", "on site"
#define R_TERMINATION "終端装置", "termination"
#define R_MAKER_MODEL "メーカー・機種", "maker, model"
#define R_PLACE "設置場所", "place"
#define R_NOTES "備考", "notes"
#define R_1_PHYSICAL_LAYOUT_AROUND_THE_CONNECTION \
	"1. 外部接続点を中心とした物理構成の把握", "1. Physical layout around the connection points"
#define R_NO_PLAN_YET_MEDSEC_PLAN \
	"調査実施計画がまだ作成されていません (medsec plan)。", "No plan yet (medsec plan)."
#define R_DECLARED_LINES_THE_PLAN_AGAINST_WHAT                                                                      \
	"事前にご提供いただいた回線情報 (調査実施計画一覧) と、"                           \
	"現地調査で確認できた回線との整合を示します。"                                        \
	"医療機関のネットワークへの影響を考慮し、"                                              \
	"ケーブルがまとめられている場合や床下配線等で調査が困難な場合は、"          \
	"現地で確認作業を実施していません。差分がある場合はネットワーク管理者に" \
	"ご確認ください。",                                                                                         \
	        "Declared lines (the plan) against what was traced on site."
#define R_THE_ONSITE_SURVEY_IS_NOT_RECORDED                                \
	"現地調査の記録がまだありません (medsec onsite)。" \
	"現地確認の欄は未記録です。",                                      \
	        "The onsite survey is not recorded yet (medsec onsite)."
#define R_1_1_LINES "1.1 回線の確認結果", "1.1 Lines"
#define R_1_2_UNREGISTERED_LINES "1.2 対象外回線", "1.2 Unregistered lines"
#define R_NOT_KNOWN_WITHOUT_THE_ONSITE_SURVEY                         \
	"現地調査の記録がないため、対象外回線の有無は分かりません。", \
	        "Not known without the onsite survey."
#define R_NO_TERMINATION_BEYOND_THE_DECLARED_LINES                              \
	"医療機関記入依頼書に記載のない回線終端装置は、" \
	"現地で確認されませんでした。",                                         \
	        "No termination beyond the declared lines was found on site."
#define R_TERMINATIONS_NOBODY_DECLARED_WERE_FOUND_ON                                                                \
	"医療機関記入依頼書に記載がなかった回線終端装置が現地で確認されました。" \
	"回線番号欄に「対象外回線」と記載しています。"                                        \
	"医療機関で把握されていない回線の場合は、"                                              \
	"ネットワーク管理者にご確認ください。設置場所は別紙1の一覧と照らし合わ"   \
	"せてご確認ください。",                                                                                     \
	        "Terminations nobody declared were found on site: ask the network "                                 \
	        "administrator."
#define R_UNREGISTERED "対象外回線", "unregistered"
#define R_1_3_NETWORK_DIAGRAM_PER_LINE \
	"1.3 ネットワーク構成図 (回線ごと)", "1.3 Network diagram per line"
#define R_FROM_THE_TERMINATION_IN_AS_SEEN                                                     \
	"回線終端装置 → ルータ・UTM 等 → 院内ネットワークの順に、" \
	"現地で確認した機器 (記録がなければ申告内容) を示します。",                           \
	        "From the termination in, as seen on site (else as declared)."
#define R_DEVICE "機器", "device"
#define R_LOGIN "ログイン", "login"
#define R_LATEST "最新ファームウェア", "latest"
#define R_CRITICAL_SHORT "緊急", "crit."
#define R_MEDIUM_SHORT "警告", "med."
#define R_IDS "脆弱性番号", "ids"
#define R_2_NETWORK_DEVICES_ON_THE_EXTERNAL \
	"2. 外部ネットワーク接続機器調査", "2. Network devices on the external lines"
#define R_NEEDS_THE_ONSITE_SURVEY_RECORD_MEDSEC                                                             \
	"現地調査の記録がまだないため、この章は作成できません (medsec onsite)。" \
	"事前に申告されたファームウェアの脆弱性は別紙2に記載しています。",                                  \
	        "Needs the onsite survey record (medsec onsite). Declared firmware: "                       \
	        "annex 2."
#define R_DEVICES_SEEN_ON_SITE_PER_LINE                                                                             \
	"回線 (回線ID) ごとに、現地で確認できた機器を記載しています "                     \
	"(現地で確認できなかった機器は記載していません)。"                                   \
	"現地でログインした機器はそのファームウェアバージョンを、"                      \
	"ログインしていない機器は「確認未実施」と記載し、"                                  \
	"最新のファームウェアのみを示します。緊急・重要は速やかな対処が必要な脆" \
	"弱性です。詳細は6章「補足資料」に記載しています。",                                                        \
	        "Devices seen on site per line, the firmware read after login (else "                               \
	        "not checked), the latest firmware and the vulnerabilities of the "                                 \
	        "firmware in use; details in chapter 6."
#define R_DONE "実施", "done"
#define R_NOT_DONE "未実施", "no"
#define R_NOT_CHECKED "確認未実施", "not checked"
#define R_NO_CPE_MAPPING "製品情報 (CPE) 未登録のため照合せず", "no CPE mapping"
#define R_NO_INDEX_SHORT "脆弱性情報なし (未照合)", "no index"
#define R_NO_DEVICE_RECORDED_ON_SITE \
	"現地で確認した機器の記録はありません。", "No device recorded on site."
#define R_LINE_S_DYNAMIC_ADDRESS_WAS_CONFIRMED                     \
	"回線%d の動的IPアドレス %s は %s に %s が確認しました。", \
	        "Line %d's dynamic address %s was confirmed on %s by %s."
#define R_THE_HOSPITAL_THE_WORKBOOK_S_DAY \
	"医療機関 (記入依頼書の当日記入欄)", "the hospital (the workbook's day-of column)"
#define R_LINE_WAS_SETTLED_IN_THE_MEETING                   \
	"回線%d は %s の打合せで確認しました (記録: %s)。", \
	        "Line %d was settled in the meeting of %s (recorded by %s)."
#define R_GLOBAL_IP "グローバルIP", "global IP"
#define R_DIAGNOSIS "診断", "diagnosis"
#define R_3_REMOTE_VULNERABILITY_DIAGNOSIS "3. 脆弱性診断", "3. Remote vulnerability diagnosis"
#define R_PORT_SCAN_OF_EACH_LINE_S                                                                                  \
	"【ポートスキャン】該当する回線のグローバルIPアドレスに対してインターネ"  \
	"ット側から接続を試み、応答のあったポートを記載しています。"                   \
	"空きポートが検出された場合、システム運用上必要なポートかご確認ください" \
	"。未使用であればポートを閉じる等の対策をご検討ください。"                      \
	"【脆弱性スキャン】応答のあったポートのサービス・製品・バージョンを調べ" \
	"、既知の脆弱性と照合しています。詳細は別紙3に記載しています。",                                            \
	        "Port scan of each line's global address from the internet side; the "                              \
	        "services found were identified and looked up. Details in annex 3."
#define R_NO_DIAGNOSIS_YET_MEDSEC_SCAN_MEDSEC                                                       \
	"脆弱性診断 (ポートスキャン) はまだ実施していません (medsec scan / " \
	"medsec diagnose)。",                                                                       \
	        "No diagnosis yet (medsec scan / medsec diagnose)."
#define R_ADDRESS_UNKNOWN "IPアドレス不明", "unknown"
#define R_UDP_PORTS_SILENT_OPEN_OR_FILTERED \
	"%s(UDP %zu ポートは応答なし: 開または遮断)", "%s(%zu UDP ports silent: open or filtered)"
#define R_NO_RESPONSE "応答なし", "none"
#define R_DIAGNOSIS_TO_FROM_TCP_UDP \
	"診断: %s 〜 %s、送信元 %s、TCP %s、UDP %s。", "Diagnosis %s to %s from %s, TCP %s, UDP %s."
#define R_SUPPORTED_UNTIL "サポート中 (%s まで)", "supported (until %s)"
#define R_ENDED_ESU_TO "サポート終了 (%s。ESU 契約時 %s まで)", "ended (%s; ESU to %s)"
#define R_ENDED "サポート終了 (%s)", "ended (%s)"
#define R_UNKNOWN_TO_CONFIRM "不明 (要確認)", "unknown (to confirm)"
#define R_YES_BLOCKED "あり (使用不可)", "yes (blocked)"
#define R_YES_READ_ONLY "あり (読み取りのみ)", "yes (read-only)"
#define R_NONE_TO_CONFIRM "なし (要確認)", "none (to confirm)"
#define R_UNKNOWN "不明", "unknown"
#define R_NOT_SURVEYED "未調査", "not surveyed"
#define R_NOT_READ "未取得", "not read"
#define R_TERMINAL_NO "端末番号", "no."
#define R_HOST "ホスト名", "host"
#define R_OS_VERSION "OS (バージョン)", "OS (version)"
#define R_OS_SUPPORT "OSの状態", "OS support"
#define R_SECURITY_PRODUCTS "セキュリティ対策製品", "security products"
#define R_DEFINITIONS "パターンファイル", "definitions"
#define R_USB_STORAGE "USB使用制限", "USB storage"
#define R_AV_OFF " (無効)", " (off)"
#define R_AV_NONE "なし", "none"
#define R_DEFINITIONS_CURRENT "最新", "current"
#define R_DEFINITIONS_OLD "古い", "out of date"
#define R_DEFINITIONS_AGE "%s (%d日前)", "%s (%d days old)"
#define R_TERMINAL_SETTINGS "端末の更新と設定", "Updates and settings of the terminals"
#define R_TERMINAL_SETTINGS_NOTE                                                         \
	"Windows の更新履歴、ファイアウォール、"                          \
	"ローカルのパスワードポリシーと管理者アカウントです。" \
	"不明は端末から読み取れなかった項目です。",                                      \
	        "Windows update history, firewall, local password policy and "           \
	        "administrator accounts; unknown: not readable on the PC."
#define R_LAST_UPDATE "最終更新", "last update"
#define R_LAST_UPDATE_AGE "%s (%d日前)", "%s (%d days ago)"
#define R_FIREWALL "ファイアウォール", "firewall"
#define R_FIREWALL_ON "有効", "on"
#define R_FIREWALL_OFF "無効あり", "off in a profile"
#define R_MIN_PASSWORD_LENGTH "パスワード最小文字数", "min. password length"
#define R_LOCKOUT "ロックアウト", "lockout"
#define R_LOCKOUT_AFTER "%d 回で", "after %d"
#define R_ADMIN_ACCOUNTS "管理者アカウント", "administrators"
#define R_4_TERMINAL_SURVEY "4. 端末調査", "4. Terminal survey"
#define R_NO_TERMINAL_SURVEY_RESULTS_YET_RUN                                                 \
	"端末調査の結果はまだありません。各端末で medsec-collector.exe " \
	"を実行し、書き出されたファイルを medsec terminal import "           \
	"で取り込んでください。調査対象の端末は次のとおりです。",                            \
	        "No terminal survey results yet: run medsec-collector.exe on each "          \
	        "terminal and import the files it writes with medsec terminal import. "      \
	        "The terminals to survey follow."
#define R_COLLECTED_ON_EACH_TERMINAL_BY_MEDSEC                                                                      \
	"各端末で medsec-collector.exe が収集した結果です。OSの状態は %s "                        \
	"時点のMicrosoft のサポート期限で判定しています。"                                       \
	"セキュリティ対策製品とパターンファイルは Windows セキュリティ "                  \
	"センター (Windows Server では Microsoft Defender) "                                                  \
	"から読み取ったもので、読み取れなかった端末と未調査の端末は記入依頼書の" \
	"申告を示します。USB使用制限の「なし (要確認)"                                           \
	"」はレジストリに制限がないことを示します。USB "                                       \
	"を制御するソフトウェアで制限している場合もあるため確認してください。",                                     \
	        "Collected on each terminal by medsec-collector.exe. OS support is "                                \
	        "judged by Microsoft's end-of-servicing dates as of %s. Security "                                  \
	        "products and their definitions are read from Windows Security Center "                             \
	        "(on Windows Server from Microsoft Defender); where they could not be "                             \
	        "read, and for terminals not surveyed, the declared products are "                                  \
	        "shown. USB storage \"none (to confirm)\" means no restriction in the "                             \
	        "registry: device-control software may still block it."
#define R_TERMINAL "端末%d", "terminal %d"
#define R_DECLARED "%s (申告)", "%s (declared)"
#define R_UNDECLARED "申告外", "undeclared"
#define R_YES "はい", "yes"
#define R_NO "いいえ", "no"
#define R_DEFAULT_CHANGED "初期パスワード変更", "default changed"
#define R_LENGTH "文字数", "length"
#define R_PERIODIC_CHANGE "定期変更", "periodic change"
#define R_REUSED "使い回し", "reused"
#define R_2FA "二要素認証", "2FA"
#define R_VERDICT "判定", "verdict"
#define R_SHORTFALLS "不足している点", "shortfalls"
#define R_5_PASSWORDS "5. パスワードの設定・管理", "5. Passwords"
#define R_THE_THREE_PATTERNS_OF_THE_MHLW                                                                            \
	"「医療情報システムの安全管理に関するガイドライン 第6.0版」の Q&A "             \
	"(シQ-54。5.2版 C-14 から) は、"                                                                     \
	"推測されにくいパスワードとして次の三つのパターンのいずれかを示していま" \
	"す: (a) 英数字・記号を混在させた 13 文字以上、(b) 8 文字以上で 2 "                  \
	"か月以内ごとに変更、(c) 二要素認証と併用して 8 文字以上。"                        \
	"あわせてシステム運用編と令和7年度チェックリスト (2-⑦、2-⑧) は、"             \
	"機器の初期パスワードの変更と、同じパスワードを複数の機器や施設で使い回" \
	"さないことを求めています。",                                                                               \
	        "The three patterns of the MHLW guideline 6.0 Q&A (シQ-54, from 5.2 "                              \
	        "C-14): 13+ mixed characters; or 8+ changed at least every 2 months; "                              \
	        "or 8+ with a second factor. The operations volume and the 2025 "                                   \
	        "checklist (2-7, 2-8) add: factory passwords changed, no reuse."
#define R_THE_DECLARED_PASSWORD_FACTS_OF_EACH                                                                       \
	"医療機関記入依頼書でご申告いただいたネットワーク機器のパスワードの状況" \
	"を、上の基準で確認した結果です。",                                                                         \
	        "The declared password facts of each device against those rules."
#define R_YES_EVERY_MONTHS "あり (%d か月ごと)", "yes (every %d months)"
#define R_MEETS "基準を満たす", "meets"
#define R_IMPROVE "要改善", "improve"
#define R_CHECK "要確認", "check"
#define R_THE_DIAGNOSIS_LOGGED_IN_TO_WITH                                                            \
	"脆弱性診断で、%s に初期設定のアカウントでログインできました。" \
	"直ちにパスワードを変更してください。",                                                      \
	        "The diagnosis logged in to %s with a factory account: change it at "                \
	        "once."
#define R_JVN "脆弱性番号 (JVN)", "JVN"
#define R_SUMMARY "概要", "summary"
#define R_AFFECTED "影響範囲", "affected"
#define R_UNSCORED "スコアなし", "unscored"
#define R_YES_RANSOMWARE "○ (ランサムウェア)", "yes (ransomware)"
#define R_ROUGH " (推定)", " (rough)"
#define R_NO_VULNERABILITIES "該当する脆弱性はありません。", "None."
#define R_6_SUPPLEMENT "6. 補足資料", "6. Supplement"
#define R_THE_VULNERABILITIES_OF_THE_DEVICES_OF                                                                  \
	"「2. 外部ネットワーク接続機器調査」で現地調査機器に検出された脆弱性情" \
	"報の詳細です。",                                                                                        \
	        "The vulnerabilities of the devices of chapter 2."
#define R_NO_ONSITE_RECORD "現地調査の記録がないため、対象の機器はありません。", "No onsite record."
#define R_DEVICE_NO "機器番号", "no."
#define R_ANNEX_1_ONSITE_SURVEY "別紙1 現地調査報告書", "Annex 1: onsite survey"
#define R_NOT_RECORDED_YET_MEDSEC_ONSITE \
	"現地調査の記録がまだありません (medsec onsite)。", "Not recorded yet (medsec onsite)."
#define R_SURVEYED_ON_DEVICES_AND_TERMINATIONS_SEEN                    \
	"調査日 %s%s%s。現地で確認した機器と回線終端装置の一覧です。", \
	        "Surveyed on %s%s%s. Devices and terminations seen on site."
#define R_BY "、調査者 ", ", by "
#define R_THE_LINES_TRACED_ON_SITE_ARE \
	"回線終端装置の確認結果は 1.1 に記載しています。", "The lines traced on site are in 1.1."
#define R_DEVICE_TAG "<機器%d>", "<device %d>"
#define R_NETWORK_DIAGRAMS "ネットワーク構成図", "Network diagrams"
#define R_FIRMWARE_DECLARED "ファームウェア (申告)", "firmware (declared)"
#define R_SURVEY_RESULT "調査結果", "result"
#define R_ANNEX_2_VULNERABILITIES_OF_THE_DECLARED                         \
	"別紙2 調査前申告ファームウェアバージョンにおける脆弱性情報一覧", \
	        "Annex 2: vulnerabilities of the declared firmware"
#define R_DEVICES_WHOSE_FIRMWARE_WAS_DECLARED_IN                                                                    \
	"医療機関記入依頼書にファームウェアバージョンの記載があった機器の脆弱性" \
	"情報です。回線番号は調査実施計画一覧の番号です。"                                  \
	"詳細は末尾の「事前申告機器 脆弱性詳細」をご確認ください。",                                                \
	        "Devices whose firmware was declared in the intake workbook; line "                                 \
	        "numbers are the plan's."
#define R_VULNERABILITIES_COUNT "脆弱性情報 計%zu件%s%s", "%zu vulnerabilities%s%s"
#define R_FIXED_IN "、修正版 ", ", fixed in "
#define R_NONE_FOUND "該当なし", "none"
#define R_NO_FIRMWARE_WAS_DECLARED \
	"ファームウェアバージョンの申告があった機器はありません。", "No firmware was declared."
#define R_DETAILS "事前申告機器 脆弱性詳細", "Details"
#define R_PORT "ポート", "port"
#define R_SERVICE "サービス", "service"
#define R_PRODUCT_VERSION "製品・バージョン", "product, version"
#define R_STATE "状態", "state"
#define R_FINDINGS_SEVERITY "指摘 (深刻度)", "findings (severity)"
#define R_ANNEX_3_REMOTE_DIAGNOSIS "別紙3 脆弱性診断報告書", "Annex 3: remote diagnosis"
#define R_NO_DIAGNOSIS_YET "脆弱性診断はまだ実施していません。", "No diagnosis yet."
#define R_EACH_RESPONDING_PORT_WHAT_ANSWERS_THERE                                           \
	"応答のあったポートごとの識別結果と指摘事項、"                \
	"検出された脆弱性の詳細です。脆弱性が検出された場合は、" \
	"本紙と併せてベンダー等に提出し、対処策を検討することを推奨します。",               \
	        "Each responding port, what answers there, the findings and the "           \
	        "vulnerabilities in detail."
#define R_OPEN "開", "open"
#define R_ANSWERED_UDP "応答あり (UDP)", "answered (UDP)"
#define R_NO_PORT_ANSWERED "応答のあったポートはありません。", "No port answered."
#define R_VULNERABILITY_DETAILS "検出された脆弱性の詳細", "Vulnerabilities"
#define R_NO_INDEX_SENTENCE "脆弱性情報のインデックスがないため照合していません。", "No index."
#define R_FINDING_S_NEED_ACTION_TODAY                                               \
	"直ちに対応が必要な事項が %d 件あります。本日中に、" \
	"次のことを行ってください。",                                               \
	        "%d finding(s) need action today:"
#define R_DO "対策: ", "Do: "
#define R_ADDRESS "IPアドレス", "address"
#define R_PROTOCOL "プロトコル", "protocol"
#define R_PRODUCT "製品", "product"
#define R_VERSION "バージョン", "version"
#define R_DIAGNOSED_TO_UTC_FROM \
	"診断の日時: %s 〜 %s (UTC)、送信元アドレス: %s", "Diagnosed %s to %s (UTC) from %s"
#define R_PORTS_ANSWERING_ON_THE_AFFECTED_ADDRESSES \
	"対象アドレスで応答したポート", "Ports answering on the affected addresses"
#define R_ANNEX_4_TITLE "別紙4 脆弱性診断早期報告", "Annex 4: early report"
#define R_THE_DIAGNOSIS_FOUND_WHAT_NEEDS_ACTION                                                           \
	"脆弱性診断で、早急な対応が必要な事項 (深刻度が緊急・重要、CVSS 7.0 " \
	"以上、または悪用が確認されている脆弱性) が確認されました。"          \
	"報告書本紙を待たず、保守業者・ベンダーと対応してください。",                                     \
	        "The diagnosis found what needs action now (critical or high, CVSS "                      \
	        "7.0+, or known exploited). Do not wait for the full report."
#define R_THE_FINDINGS "早期報告の対象事項", "The findings"
#define R_TO "%s 御中", "To %s"
#define R_EXTERNAL_NETWORK_CONNECTION_POINT_SURVEY_REPOR \
	"外部ネットワーク接続点調査報告書", "External network connection point survey report"
#define R_FINDINGS_MOST_URGENT_FIRST "指摘事項と対策 (対応の優先順)", "Findings, most urgent first"
#define R_WHAT_THE_SURVEY_FOUND_MOST_URGENT                                                                         \
	"確認された事項を、対応を急ぐべき順に並べています。上から順に、"             \
	"保守業者・ベンダーとご対応ください。「参照」は都道府県のサイバーセキュ" \
	"リティ対策マニュアルの該当章です。",                                                                       \
	        "What the survey found, most urgent first, with what to do and the "                                \
	        "manual chapter."
#define R_EARLY_REPORT_OF_THE_REMOTE_DIAGNOSIS \
	"脆弱性診断早期報告", "Early report of the remote diagnosis"

/* ---- The assessment (src/assess/assess.c): words it writes into findings. ---- */
#define A_NO_USER_NAME_PASSWORD_ONLY \
	" (ユーザー名なし、パスワードのみの認証)", " (no user name: password only)"
#define A_USER " ユーザー名 ", " user "
#define A_CRITICAL_HIGH_MEDIUM_LOW \
	"緊急 %d 件・重要 %d 件・警告 %d 件・注意 %d 件", "critical %d, high %d, medium %d, low %d"
#define A_AND_MORE " ほか %zu 件", " and %zu more"
#define A_LIST_COMMA "、", ", "
#define A_FIRMWARE_OPEN_TO_THE_INTERNET                         \
	"%s (ファームウェア %s、インターネット側に %s を公開)", \
	        "%s (firmware %s, %s open to the internet)"
#define A_FIRMWARE "%s (ファームウェア %s)", "%s (firmware %s)"
#define A_ASK_THE_VENDOR "ベンダーに確認", "ask the vendor"
#define A_TERMINATION_AT_PLACE "%s、%s %s %s", "%s, %s %s %s"
#define A_TERMINAL "端末%d (%s)", "terminal %d (%s)"
#define A_UNDECLARED_PC "%s (記入依頼書にない端末)", "%s (undeclared PC)"
#define A_CLAUSE_SEPARATOR "、", "; "
#define A_THE_FACTORY_PASSWORD_IS_UNCHANGED \
	"初期パスワードが変更されていない", "the factory password is unchanged"
#define A_UNDER_8_CHARACTERS "8 文字未満", "under 8 characters"
#define A_UNDER_13_CHARACTERS_WITH_NEITHER_PERIODIC    \
	"13 文字未満で定期的な変更も二要素認証もない", \
	        "under 13 characters with neither periodic change nor a second factor"
#define A_UNDER_13_CHARACTERS_CHANGED_LESS_OFTEN                                        \
	"13 文字未満で、変更の間隔が 2 か月を超える (%d か月)",                         \
	        "under 13 characters, changed less often than every two months (every " \
	        "%d)"
#define A_HOW_OFTEN_IT_IS_CHANGED_MONTHS \
	"定期的な変更の間隔 (か月)", "how often it is changed (months)"
#define A_REUSED_ON_OTHER_DEVICES "他の機器などと使い回している", "reused on other devices"
#define A_FACTORY_PASSWORD_CHANGED "初期パスワードの変更", "factory password changed"
#define A_PERIODIC_CHANGE "定期的な変更", "periodic change"
#define A_REUSE "使い回し", "reuse"
#define A_LINE "回線%d %s %s", "line %d %s %s"

/* ---- The command line (src/cli): what the commands print. ---- */
#define C_STAGE_PLAN "1/4 調査実施計画を作成します", "1/4 building the plan"
#define C_STAGE_SCAN "2/4 ポートスキャン", "2/4 port scan"
#define C_STAGE_SCAN_RESUMED \
	"2/4 中断したポートスキャンを続けます", "2/4 continuing the interrupted port scan"
#define C_STAGE_PROBE "3/4 サービス・製品・バージョンの識別と検査", "3/4 probe and checks"
#define C_STAGE_REPORT "4/4 評価と報告書", "4/4 assessment and report"
#define C_STAGE_EARLY_REPORT                                  \
	"緊急性の高い事項があります。早期報告も書き出します", \
	        "an urgent finding: the early report is written too"
#define C_CONFIDENCE_PRODUCT "製品のみ", "product"
#define C_CONFIDENCE_ROUGH "推定", "rough"
#define C_CONFIDENCE_EXACT "確実", "exact"
#define C_ONLY_WHAT_BOTH_ROUNDS_LOOKED_AT                                            \
	" (両方の回で調べたものだけを比べています。"             \
	"脆弱性診断・現地調査のない回は比べていません)",                             \
	        " (only what both rounds looked at: a round without a diagnosis or " \
	        "onsite record resolves nothing)"
#define C_USAGE "使い方: ", "usage: "
#define C_COMMON_OPTIONS "\n共通のオプション:\n", "\ncommon options:\n"
#define C_SCAN_PROGRESS                                                           \
	"\rスキャン中 %llu/%llu (%u%%) %.0f プローブ/秒 残り約 %lu:%02lu \033[K", \
	        "\rscan %llu/%llu (%u%%) %.0f probes/s, about %lu:%02lu left \033[K"
#define C_CHANGES_FROM_ROUND_TO_ROUND \
	"第%d回 (%s) から第%d回 (%s) までの変化\n", "Changes from round %d (%s) to round %d (%s)\n"
#define C_OPEN_PORTS_NEW_GONE_UNCHANGED                                 \
	"\n開いているポート: 新規 %zu、なくなった %zu、変わらず %zu\n", \
	        "\nOpen ports: %zu new, %zu gone, %zu unchanged\n"
#define C_SERVICES_OR_VERSIONS_CHANGED \
	"サービス・バージョンの変化: %zu\n", "Services or versions changed: %zu\n"
#define C_OPEN_PORTS_NOT_COMPARED_ONE_OF                                                                          \
	"\n開いているポート: どちらかの調査回に脆弱性診断がないため比べていませ" \
	"ん",                                                                                                     \
	        "\nOpen ports: not compared (one of the rounds has no diagnosis)"
#define C_FINDINGS_NEW_RESOLVED_STILL_OPEN              \
	"\n指摘事項: 新規 %zu、解消 %zu、継続 %zu%s\n", \
	        "\nFindings: %zu new, %zu resolved, %zu still open%s\n"
#define C_NEW "新規", "new"
#define C_RESOLVED "解消", "resolved"
#define C_OPEN "継続", "open"
#define C_FIRMWARE_VERSIONS_CHANGED \
	"\nファームウェアのバージョンの変化: %zu\n", "\nFirmware versions changed: %zu\n"
#define C_LINES_NEW_GONE_WITH_ANOTHER_ADDRESS                     \
	"\n回線: 新規 %zu、なくなった %zu、アドレスの変化 %zu\n", \
	        "\nLines: %zu new, %zu gone, %zu with another address\n"
#define C_LINE_FIRMWARE "回線%d  %s %s  ファームウェア %s\n", "line %d  %s %s  firmware %s\n"
#define C_UNKNOWN_NOT_CHECKED "不明 (確認未実施)", "unknown (not checked)"
#define C_LATEST_FIRMWARE \
	"  最新のファームウェア %s (%s 確認, %s)\n", "  latest firmware %s (%s, %s)\n"
#define C_LATEST_FIRMWARE_NOT_IN_THE_INDEX \
	"  最新のファームウェア: 最新版情報なし\n", "  latest firmware: not in the index\n"
#define C_NOT_CHECKED_NO_CPE_NAME_KNOWN                                                     \
	"  照合せず: このメーカー・機種の製品名 (CPE) が未登録です " \
	"(data/products.json)\n",                                                           \
	        "  not checked: no CPE name known for this maker and model "                \
	        "(data/products.json)\n"
#define C_CRITICAL_HIGH_MEDIUM_LOW_WITHOUT_A                                                     \
	"  緊急 %d 件, 重要 %d 件, 警告 %d 件, 注意 %d 件, CVSS スコアなし %d " \
	"件\n",                                                                                  \
	        "  critical %d, high %d, medium %d, low %d, without a CVSS score %d\n"
#define C_THE_KNOWN_VULNERABILITIES_ARE_FIXED_FROM      \
	"  既知の脆弱性は %s 以降で修正されています\n", \
	        "  the known vulnerabilities are fixed from %s on\n"
#define C_REVISION_LINES_DEVICES_TERMINALS                          \
	"%s (第%d版%s): 回線 %zu 件, 機器 %zu 台, 調査端末 %zu 台", \
	        "%s (revision %d%s): %zu lines, %zu devices, %zu terminals"
#define C_UNCHANGED "・変更なし", ", unchanged"
#define C_ONSITE_SURVEY_OF "現地調査 %s%s%s\n", "onsite survey of %s%s%s\n"
#define C_LINE "  回線%d: %s  ", "  line %d: %s  "
#define C_NOT_CONFIRMED "未確認", "not confirmed"
#define C_WHY "  (理由: %s)", "  (why: %s)"
#define C_UNREGISTERED_LINE "  対象外回線: %s  ", "  unregistered line: %s  "
#define C_LINE_DEVICE_FIRMWARE \
	"  回線%d 機器: %s %s  ファームウェア %s\n", "  line %d device: %s %s  firmware %s\n"
#define C_PLAN_LINE_HEAD "回線%ld%s%s (%s %s)", "line %ld%s%s (%s, %s)"
#define C_PRODUCT_UNKNOWN "(製品不明)", "(product unknown)"
#define C_UNIDENTIFIED "(特定できず)", "(unidentified)"
#define C_NO_ANSWER "(応答なし)", "(no answer)"
#define C_EVIDENCE "根拠:", "evidence:"
#define C_FINDINGS "\n所見:\n", "\nfindings:\n"
#define C_NO_FINDINGS "指摘事項はありません\n", "no findings\n"
#define C_EARLY_REPORT "・早期報告", ", early report"
#define C_SUBJECT "    対象: %s\n", "    subject: %s\n"
#define C_VULNERABILITIES "    脆弱性: %s\n", "    vulnerabilities: %s\n"
#define C_DO "    対策: %s\n", "    do: %s\n"
#define C_MANUAL "    参照: %s\n", "    manual: %s\n"
#define C_THE_EARLY_REPORT_ANNEX_4_IS                                                    \
	"\n早期報告 (別紙4) の対象があります。"                           \
	"「早期報告」の事項に直ちに対応してください。\n",                                \
	        "\nThe early report (annex 4) is due: act on the findings marked early " \
	        "report now.\n"
#define C_THE_REPORT_IS_WRITTEN "報告書を書き出しました:\n", "The report is written:\n"
#define C_AN_URGENT_FINDING_CALLS_FOR_THE                                                  \
	"緊急性の高い事項があるため、脆弱性診断早期報告 (別紙4) " \
	"を作成しました: early-report.html / .pdf\n",                                      \
	        "An urgent finding calls for the early report (annex 4): "                 \
	        "early-report.html / .pdf.\n"
#define C_ROUND_STARTED "%s: 第%d回調査 (開始 %s)%s\n", "%s: round %d (started %s)%s\n"
#define C_NO_PLAN_YET "・計画未作成", ", no plan yet"
#define C_REPORT_ISSUED_BY_ADDRESSED_TO \
	"  報告書の発行者: %s\n  宛先: %s\n", "  report issued by: %s\n  addressed to: %s\n"
#define C_NOT_SET_MEDSEC_ROUND_SET_ISSUER \
	"(未設定: medsec round set --issuer)", "(not set: medsec round set --issuer)"
#define C_THE_HOSPITAL "(医療機関名 御中)", "(the hospital)"
#define C_ONSITE_SURVEY_REMOTE_DIAGNOSIS \
	"  現地調査日: %s\n  脆弱性診断日: %s\n", "  onsite survey: %s\n  remote diagnosis: %s\n"
#define C_NOT_SET "未定", "not set"
#define C_BLOCKED "制限あり (使用不可)", "blocked"
#define C_READ_ONLY "制限あり (読み取りのみ)", "read-only"
#define C_NONE_IN_THE_REGISTRY_TO_CONFIRM \
	"なし (要確認: 制御ソフトの有無)", "none in the registry (to confirm)"
#define C_TERMINALS_SUPPORT_STATUS_AS_OF \
	"調査端末 (OS の状態は %s 時点)\n", "Terminals (support status as of %s)\n"
#define C_TERMINAL "  端末%d  %s\n", "  terminal %d  %s\n"
#define C_UNDECLARED "  (記入依頼書になし)  %s\n", "  (undeclared)  %s\n"
#define C_OS_BUILD "    OS: %s (ビルド %u.%u)  %s\n", "    OS: %s (build %u.%u)  %s\n"
#define C_USB_STORAGE_REMOTE_DESKTOP_SMBV1                                \
	"    USB使用制限: %s / リモートデスクトップ: %s%s / SMBv1: %s\n", \
	        "    USB storage: %s; Remote Desktop: %s%s; SMBv1: %s\n"
#define C_ALLOWED "許可", "allowed"
#define C_CHECKLIST_HEAD                                             \
	"サイバーセキュリティ対策チェックリスト %s (%s)\nレベル:\n", \
	        "Cybersecurity checklist %s (%s)\nlevels:\n"
#define C_CHECKLIST_UNANSWERED "未回答", "not answered"
#define C_CHECKLIST_ITEM \
	"\n%2d. [%s] %s\n    (マニュアル %02d %s)\n", "\n%2d. [%s] %s\n    (manual %02d %s)\n"
#define C_CHECKLIST_PROPOSED "    提案: レベル %d — %s\n", "    proposed: level %d — %s\n"
#define C_CHECKLIST_NEXT "    次のレベル (%d): %s\n", "    next level (%d): %s\n"
#define C_CHECKLIST_RISK "    リスク: %s\n", "    risk: %s\n"
#define C_CHECKLIST_MEASURE "    ・%s\n", "    - %s\n"
#define C_CHECKLIST_ANSWER_HEAD                                                                       \
	"チェックリスト %s (%s): 未回答の項目を順に回答します。各項目は答えた時点で保存されます。\n", \
	        "Checklist %s (%s): the open items one by one; each is saved as it is answered.\n"
#define C_CHECKLIST_PROMPT \
	"    レベル (0-3、s で飛ばす、q で終了): ", "    level (0-3; s skips, q stops): "
#define C_CHECKLIST_PROMPT_PROPOSED                                     \
	"    レベル (0-3、Enter で提案を採用、s で飛ばす、q で終了): ", \
	        "    level (0-3; Enter takes the proposal, s skips, q stops): "
#define C_CHECKLIST_ANSWER_DONE                                                       \
	"\n回答 %d 件。未回答 %d 件 (次の medsec checklist answer で続けられます)\n", \
	        "\n%d answered, %d open (medsec checklist answer goes on from there)\n"
#define C_CHECKLIST_HISTORY "項目ごとのレベル (月=レベル)\n", "Levels by item (month=level)\n"
#define C_INSPECTION_HEAD                                                               \
	"厚生労働省チェックリスト (医療機関確認用) %s の月次チェックリストから (%s)\n", \
	        "MHLW checklist (hospital form) from the monthly checklist of %s (%s)\n"
#define C_INSPECTION_YES "はい", "yes"
#define C_INSPECTION_NO "いいえ", "no"
#define C_INSPECTION_OPEN "未回答", "open"
#define C_INSPECTION_BY_HAND "直接回答", "by hand"
#define C_INSPECTION_ITEM "  %-16s %-8s %s\n", "  %-16s %-8s %s\n"
#define C_INSPECTION_CHECKED "    確認日 %s", "    checked %s"
#define C_INSPECTION_TARGET "、目標日 %s", ", target %s"
#define C_INSPECTION_FROM \
	"    (月次 No.%s の最低レベル %d)\n", "    (monthly items %s: lowest level %d)\n"
#define C_INSPECTION_ANSWER_FIRST                                \
	"    月次チェックリスト No.%d を先に回答してください\n", \
	        "    answer monthly item %d first\n"
#define C_BACKUP_SUMMARY                                     \
	"オフラインバックアップ支援の集計 (%zu 医療機関)\n", \
	        "Offline-backup support (%zu hospitals)\n"
#define C_BACKUP_SUMMARY_LINE \
	"  %s: %s%s / 加算1 %s / 回答 %s\n", "  %s: %s%s; 加算1 %s; answered %s\n"
#define C_BACKUP_CONFIRM " (要確認)", " (to confirm)"
#define C_BACKUP_HEARING \
	"    構成概要: %s / 導入予定時期: %s\n", "    design: %s; planned for: %s\n"
#define C_BACKUP_WRITTEN "\n書き出しました:\n  %s\n", "\nwritten:\n  %s\n"
#define C_LIFECYCLE_IMPORTED                                                                              \
	"Windows のサポート期限一覧を取り込みました: 追加 %zu 件・置き換え %zu " \
	"件 (%s)\n",                                                                                      \
	        "Windows lifecycle list imported: %zu added, %zu replaced (%s)\n"
#define C_LIFECYCLE_FROM                                                   \
	"  (サポート期限: 同梱の一覧に %s を重ねて判定。%s に取り込み)\n", \
	        "  (support dates: the shipped list with %s over it, imported %s)\n"
#define C_AV_LINE "    ウイルス対策: %s\n", "    antivirus: %s\n"
#define C_AV_STATUS_PROTECTED "有効・パターンファイル最新", "on, definitions current"
#define C_AV_STATUS_STALE "有効・パターンファイルが古い", "on, definitions out of date"
#define C_AV_STATUS_OFF "無効", "off"
#define C_AV_STATUS_NONE "製品なし", "no product"
#define C_AV_STATUS_UNKNOWN "読み取れず", "not readable"
#define C_SETTINGS_LINE                                                                               \
	"    最終更新: %s / ファイアウォール: %s / パスワード最小文字数: %s / " \
	"ロックアウト: %s\n",                                                                         \
	        "    last update: %s; firewall: %s; min. password length: %s; lockout: "              \
	        "%s\n"
#define C_FINDINGS_LINE "    指摘: %s\n", "    findings: %s\n"
#define C_OFF "無効", "off"
#define C_WITHOUT_NLA " (NLA なし)", " without NLA"
#define C_ON "有効", "on"
#define C_FILES_OF_UNDECLARED_PCS \
	"%zu 件 (うち記入依頼書にない端末 %zu 件)", "%zu files (%zu of undeclared PCs)"
#define C_INDEX_1F_MIB_FORMAT_BUILT                       \
	"インデックス %s (%.1f MiB, 形式 %u, 作成 %u)\n", \
	        "index        %s (%.1f MiB, format %u, built %u)\n"
#define C_NVD_RECORDS_NEWEST_CHANGE_NOT_YET                 \
	"NVD          %u 件, 最終更新 %s (未分析 %u 件)\n", \
	        "NVD          %u records, newest change %s (not yet analysed: %u)\n"
#define C_JVN_IPEDIA_ENTRIES_NEWEST_CHANGE \
	"JVN iPedia   %u 件, 最終更新 %s\n", "JVN iPedia   %u entries, newest change %s\n"
#define C_CISA_KEV_ENTRIES_CATALOGUE \
	"CISA KEV     %u 件, カタログ版 %s\n", "CISA KEV     %u entries, catalogue %s\n"
#define C_PRODUCTS_CRITERIA_CVSS_V3_SCORES_DIFFERING                                 \
	"製品 %u, 条件 %u; ベクトルと一致しない CVSS v3 スコア %u 件\n",             \
	        "products     %u, criteria %u; CVSS v3 scores differing from their " \
	        "vectors: %u\n"
#define C_FIRMWARE_LATEST_VERSIONS_OF_MODELS_IMPORTED \
	"最新ファームウェア一覧 %u 機種\n",           \
	        "firmware     latest versions of %u models (imported lists)\n"
#define C_USAGE_MEDSEC_DB_PATH_LANG_JA                                                                      \
	"使い方: medsec [--db パス] [--lang ja|en] コマンド "                                      \
	"[オプション]\n\nmedsec は医療機関の外部ネットワーク接続点調査を行いま" \
	"す。\n\nコマンド:\n",                                                                              \
	        "usage: medsec [--db PATH] [--lang ja|en] COMMAND [OPTIONS]\n\nmedsec "                     \
	        "runs the MHLW external-connection-point survey of a "                                      \
	        "hospital.\n\ncommands:\n"
#define C_MEDSEC_COMMAND_HELP_EXPLAINS_EACH_COMMAND                                              \
	"\n各コマンドの説明は `medsec コマンド --help` で表示します。"       \
	"\nデータベースは --db または MEDSEC_DB で指定しない限り ./medsec.db " \
	"です。\n",                                                                              \
	        "\n`medsec COMMAND --help` explains each command.\nThe store is "                \
	        "./medsec.db unless --db or MEDSEC_DB says otherwise.\n"
#define C_S_DECLARED_UNKNOWN_ROW_19_JUDGED                                                 \
	"%*s└ グローバルIP利用「わからない」(19行目) → "               \
	"打合せでの回答により%d行目で判定\n",                                              \
	        "%*s└ declared \"unknown\" (row 19); judged by the meeting's answer as " \
	        "row %d\n"
#define C_S_MEETING "%*s└ 打合せ確認: %s %s\n", "%*s└ meeting: %s, %s\n"
#define C_S_DAY_OF_ADDRESS "%*s└ 当日のアドレス %s: %s %s%s\n", "%*s└ day-of address %s: %s, %s%s\n"
#define C_THE_WORKBOOK_S_DAY_OF_COLUMN "記入依頼書の当日記入欄", "the workbook's day-of column"
#define C_NOT_TODAY_NOT_SCANNED_UNTIL_CONFIRMED                          \
	" (本日の確認ではありません。当日に確認し直すまで調査しません)", \
	        " (not today: not scanned until confirmed again on the day)"
#define C_SURVEY_PLAN_ROUND_INTAKE_REVISION                         \
	"調査実施計画一覧: %s (第%d回調査, 記入依頼書 第%d版)\n\n", \
	        "Survey plan: %s (round %d, intake revision %d)\n\n"
#define C_LINE_NO "回線%d", "%d"
#define C_OUT_OF_SCOPE "\n調査対象外回線:", "\nOut of scope:"
#define C_DECLARED_LINE "  記入依頼書 回線%d (%s): %s\n", "  declared line %d (%s): %s\n"
#define C_RENUMBERING_INTAKE_PLAN \
	"\n回線番号の対応 (記入依頼書 → 計画): ", "\nRenumbering (intake -> plan): "
#define C_RENUMBERED_LINE "%s回線%d→回線%d", "%s%d->%d"
#define C_SCAN_FROM "スキャン %lld (%s) 送信元 %s, %s - %s\n", "Scan %lld (%s), from %s, %s - %s\n"
#define C_LINE_OPEN "  %s (回線%d): 開", "  %s (line %d): open"
#define C_OPEN_FILTERED " / 開またはフィルタ", "; open|filtered"
#define C_NONE " なし", " none"
#define C_CLOSED_FILTERED " / 閉 %u, フィルタ %u\n", "; closed %u, filtered %u\n"

/* ---- Offline-backup support (src/backup): categories, offline rules, shortfalls. ---- */
#define B_SUPPORT_A "支援A", "support A"
#define B_SUPPORT_B "支援B", "support B"
#define B_SUPPORT_C "支援C", "support C"
#define B_REPORT_ONLY "報告のみ", "report only"
#define B_NOT_ELIGIBLE "対象外", "not eligible"
#define B_SUPPORT_A_WHAT                                                                       \
	"サーバ・物品を新設し、年度内に調達する。"                         \
	"本事業がオフラインバックアップの計画・運用手順の策定と、" \
	"現地での構築・設置を支援します。",                                                    \
	        "A new server and goods, procured this fiscal year: the programme "            \
	        "drafts the plan and procedures and builds and installs them on site."
#define B_SUPPORT_B_WHAT                                                                           \
	"サーバ・物品を新設し、調達は次年度以降。"                             \
	"本事業が計画・運用手順の策定を支援し、構築手順を提供します " \
	"(構築は病院で)。",                                                                        \
	        "A new server and goods, procured next year or later: the programme "              \
	        "drafts the plan and procedures and provides the build procedure (the "            \
	        "hospital builds)."
#define B_SUPPORT_C_WHAT                                                               \
	"サーバは新設せず、既存の設備に媒体を接続する。"        \
	"本事業が計画の策定を支援します。",                                            \
	        "No new server; a medium on existing equipment: the programme drafts " \
	        "the plan."
#define B_REPORT_ONLY_WHAT                                                                      \
	"電子カルテベンダ等とオフラインバックアップを検討中で、"     \
	"本事業の支援は不要。検討中の方針 (構成概要・導入予定時期) " \
	"をヒアリングし厚生労働省へ報告します。",                                               \
	        "Planned with the EHR vendor, no support needed: the planned design "           \
	        "and timing are heard and reported to MHLW."
#define B_NOT_ELIGIBLE_WHAT                                                                                       \
	"電子カルテのオフラインバックアップを既に運用している。導入済みの方針 " \
	"(構成概要) をヒアリングし厚生労働省へ報告します。",                                                      \
	        "An offline backup of the EHR already operates: its design is heard "                             \
	        "and reported to MHLW."
#define B_REASON_OPERATING \
	"オフラインバックアップを運用中と回答", "answered: an offline backup operates"
#define B_REASON_PLANNING                               \
	"電子カルテベンダ等と検討中で支援は不要と回答", \
	        "answered: planned with the vendor, no support needed"
#define B_REASON_NEW_SERVER_THIS_YEAR                                                    \
	"支援を希望、サーバ・物品を新設し年度内に調達と回答",                            \
	        "answered: support wanted, a new server and goods procured this fiscal " \
	        "year"
#define B_REASON_NEW_SERVER_LATER                                                      \
	"支援を希望、サーバ・物品を新設し調達は次年度以降と回答",                      \
	        "answered: support wanted, a new server and goods procured next year " \
	        "or later"
#define B_REASON_EXISTING                           \
	"支援を希望、既存の設備に媒体を接続と回答", \
	        "answered: support wanted, a medium on existing equipment"
#define B_REASON_CLOUD                                                                  \
	"保存先はクラウド (クラウド接続装置を院内に新設)",                              \
	        "the destination is the cloud (a cloud connection device installed in " \
	        "the hospital)"
#define B_REASON_ONSITE "保存先は院内の媒体", "the destination is media in the hospital"
#define B_REASON_EHR_OFFLINE                                                                                        \
	"記入内容から、電子カルテのバックアップにオフラインとみなせるものがあり" \
	"ます",                                                                                                     \
	        "by the answers, a backup of the EHR counts as offline"
#define B_REASON_CONFIRM                                                                                           \
	"要確認: 運用中と回答されましたが、記入内容からは電子カルテのバックアッ" \
	"プをオフラインとみなせません",                                                                            \
	        "to confirm: answered as operating, but by the answers no backup of "                              \
	        "the EHR counts as offline"
#define B_REASON_EHR_NOT_OFFLINE                                                                                    \
	"記入内容からは、電子カルテのバックアップにオフラインとみなせるものがあ" \
	"りません",                                                                                                 \
	        "by the answers, no backup of the EHR counts as offline"
#define B_RULE_IMMUTABLE                                                              \
	"追記不能 (WORM・イミュータブル) の保存先: "                  \
	"接続したままでもオフラインとみなせる (疑義解釈 その8 問2)",                  \
	        "write-once (WORM, immutable): offline even while connected (Q&A 8, " \
	        "question 2)"
#define B_RULE_CLOUD_SEPARATED                                                                                  \
	"クラウド内の論理的に分離された領域 (またはイミュータブル設定) に保存 " \
	"(疑義解釈 その1 問49 ③)",                                                                              \
	        "a logically separated (or immutable) area in the cloud (Q&A 1, "                               \
	        "question 49 ③)"
#define B_RULE_CLOUD_NOT_SEPARATED                                        \
	"クラウドに分離・イミュータブルの領域がない: オフラインではない", \
	        "cloud without a separated or immutable area: not offline"
#define B_RULE_NETWORK_SEPARATED                                                              \
	"論理的または物理的なネットワーク分離 (疑義解釈 その7 問1: " \
	"切り離しとみなす)",                                                                  \
	        "logical or physical network separation (Q&A 7, question 1: counts as "       \
	        "disconnected)"
#define B_RULE_REMOVED_AND_LOCKED                                     \
	"書き込み後に取り外し、施錠して保管 (マニュアル 04 実施例①)", \
	        "removed after writing and locked away (manual ch.04, example ①)"
#define B_RULE_REMOVED_NOT_LOCKED                       \
	"取り外しているが施錠保管の回答がない: 要確認", \
	        "removed, but not said to be locked away: to confirm"
#define B_RULE_ROTATED                                                                   \
	"複数台を交互に接続し、外した方は施錠保管 (マニュアル 04 実施例②)",              \
	        "disks swapped in turns, the one not in use locked away (manual ch.04, " \
	        "example ②)"
#define B_RULE_ONLY_DURING_TRANSFER                                     \
	"転送時以外はネットワークから切り離し (疑義解釈 その1 問49 ②)", \
	        "disconnected except while copying (Q&A 1, question 49 ②)"
#define B_RULE_ALWAYS_CONNECTED                                         \
	"常時接続: ランサムウェアから到達できるためオフラインではない", \
	        "always connected: ransomware can reach it, not offline"
#define B_RULE_NOT_ENOUGH "回答からは判断できない: 要確認", "the answers do not say: to confirm"
#define B_SHORT_GENERATIONS                                         \
	"世代数が不足 (3 世代以上、電子カルテは 5 世代以上を推奨)", \
	        "too few generations (3 or more; 5 or more for the EHR)"
#define B_SHORT_SINGLE_METHOD                                        \
	"バックアップが 1 種類の媒体のみ (加算1: 複数の方式で取得)", \
	        "one kind of medium only (加算1: more than one method)"
#define B_SHORT_NO_OFFLINE                                      \
	"オフライン (または書き込み禁止) のバックアップがない", \
	        "no offline (or write-protected) copy"
#define B_SHORT_RESTORE_UNTESTED \
	"12 か月以内にリストア試験をしていない", "no restore test in the last twelve months"
#define B_SHORT_RESTORE_FAILED "直近のリストア試験が失敗", "the last restore test failed"
#define B_OFFLINE "オフライン", "offline"
#define B_METHOD_FULL "フル", "full"
#define B_METHOD_DIFFERENTIAL "差分", "differential"
#define B_METHOD_INCREMENTAL "増分", "incremental"
#define B_METHOD_REPLICATION "レプリケーション", "replication"
#define B_METHOD_SNAPSHOT "スナップショット", "snapshot"
#define B_MEDIUM_TAPE "テープ", "tape"
#define B_MEDIUM_RDX "RDX", "RDX"
#define B_MEDIUM_USB_HDD "外付けHDD", "external disk"
#define B_MEDIUM_OPTICAL "光ディスク", "optical disc"
#define B_MEDIUM_NAS "NAS", "NAS"
#define B_MEDIUM_SERVER "バックアップサーバ", "backup server"
#define B_MEDIUM_WORM "追記不能ストレージ", "write-once storage"
#define B_MEDIUM_CLOUD "クラウド", "cloud"
#define B_CONN_ALWAYS "常時接続", "always connected"
#define B_CONN_DURING_TRANSFER "転送時のみ接続", "connected while copying"
#define B_CONN_NEVER "取り外し", "removed"
#define B_NOT_OFFLINE "オフラインではない", "not offline"
#define B_KASAN1_MET                                                                            \
	"診療録管理体制加算1 のバックアップの要件 "                          \
	"(複数の方式・一部をオフライン) を満たしています",                                      \
	        "meets the backup condition of 診療録管理体制加算1 (several methods, " \
	        "part offline)"
#define B_KASAN1_NOT_MET                                                                       \
	"診療録管理体制加算1 のバックアップの要件 "                         \
	"(複数の方式・一部をオフライン) を満たしていません",                                   \
	        "does not meet the backup condition of 診療録管理体制加算1 (several " \
	        "methods, part offline)"
#define B_CATEGORY_LINE "支援方針: %s\n  %s\n", "support category: %s\n  %s\n"
#define B_REASONS "理由:\n", "reasons:\n"
#define B_SYSTEM_LINE "%s%s%s%s\n", "%s%s%s%s\n"
#define B_VENDOR " (ベンダ: ", " (vendor: "
#define B_COPY_LINE "  %zu. %s・%s・%s → %s\n     %s\n", "  %zu. %s, %s, %s -> %s\n     %s\n"
#define B_SHORTFALL_LINE "  不足: %s\n", "  short of: %s\n"
#define B_NO_SHORTFALL \
	"  ガイドラインの条件を満たしています\n", "  meets the guideline's conditions\n"

/* The two documents of offline-backup support (src/report/backup_docs.c). */
#define P_PLAN_TITLE "オフラインバックアップ計画書 (案)", "Offline backup plan (draft)"
#define P_POLICY_TITLE "支援方針報告書", "Support policy report"
#define P_DRAFT_NOTE                                                                       \
	"この計画書は medsec がアンケート回答から作成した案です。" \
	"打合せで電子カルテベンダと内容を確認し、確定してください。",                      \
	        "medsec drafted this plan from the questionnaire; settle it with the "     \
	        "EHR vendor in the meeting."
#define P_OVERVIEW "1. 概要", "1. Overview"
#define P_BULLET "・%s", "- %s"
#define P_ITEM "項目", "item"
#define P_CONTENT "内容", "content"
#define P_HOSPITAL "医療機関", "hospital"
#define P_ANSWERED_ON "回答日", "answered on"
#define P_CATEGORY "支援方針", "support category"
#define P_DESTINATION "保存先", "destination"
#define P_DEST_ONSITE "院内の物理媒体", "physical media in the hospital"
#define P_DEST_CLOUD \
	"クラウド (当社指定のクラウドサービス)", "the cloud (the programme's cloud service)"
#define P_DEST_NONE "-", "-"
#define P_KASAN1 "診療録管理体制加算1 (バックアップ)", "診療録管理体制加算1 (backups)"
#define P_MET "満たしている", "met"
#define P_NOT_MET "満たしていない", "not met"
#define P_CURRENT "2. 現状のバックアップ", "2. The backups today"
#define P_CURRENT_NOTE                                                                                          \
	"アンケート回答によるバックアップの取得状況と、"                                 \
	"各バックアップがオフラインとみなせるかの判定です "                             \
	"(根拠は別紙5「各媒体におけるオフライン状態の定義」の趣旨、疑義解釈、" \
	"都道府県マニュアル 04)。",                                                                             \
	        "The backups as answered, and whether each counts as offline (by the "                          \
	        "intent of 別紙5, the 加算1 Q&A and the prefecture manual ch.04)."
#define P_SYSTEM "システム", "system"
#define P_METHOD "方式", "method"
#define P_MEDIUM "媒体", "medium"
#define P_CONNECTION "接続", "connection"
#define P_GENERATIONS "世代", "generations"
#define P_LOCATION "保管場所", "where kept"
#define P_VERDICT "判定", "verdict"
#define P_GAPS "3. 不足している点", "3. What falls short"
#define P_NO_GAPS "ガイドラインの条件を満たしています。", "Meets the guideline's conditions."
#define P_TARGET "4. 目標とする構成", "4. The target configuration"
#define P_TARGET_AB                                                                      \
	"サーバを院内に新設し、バックアップ媒体を接続します。" \
	"電子カルテのバックアップを新設サーバへ転送し、"          \
	"媒体に書き出したのち取り外して施錠保管します "            \
	"(転送時以外はネットワークから切り離す)。",                                      \
	        "A new server in the hospital with backup media attached: the EHR's "    \
	        "backups are copied to it, written to media, and the media removed and " \
	        "locked away (disconnected except while copying)."
#define P_TARGET_C                                                                                      \
	"既存の設備 (電子カルテサーバまたはバックアップサーバ) "               \
	"にバックアップ媒体を接続します。書き出したのち媒体を取り外し、" \
	"施錠保管します。",                                                                             \
	        "Backup media on existing equipment (the EHR server or the backup "                     \
	        "server), removed after writing and locked away."
#define P_TARGET_CLOUD                                                                                              \
	"クラウド接続装置を院内に新設し、クラウドストレージの論理的に分離された" \
	"領域へバックアップを転送します (当社指定のクラウドサービス)。",                                            \
	        "A cloud connection device in the hospital copies the backups to a "                                \
	        "logically separated area of cloud storage (the programme's cloud "                                 \
	        "service)."
#define P_TARGET_KEEP                                                                              \
	"本事業での構築は行いません。現在の (または検討中の) 構成を、" \
	"上記の不足点とあわせて確認してください。",                                                \
	        "The programme builds nothing here; check the present (or planned) "               \
	        "design against the shortfalls above."
#define P_PROCEDURE "5. 運用手順", "5. Operating procedure"
#define P_STEP_1                                                                 \
	"① 定められた周期でバックアップを取得し、"          \
	"完了と世代をバックアップ管理表に記録する。",                            \
	        "① Take the backup on schedule and record its completion and " \
	        "generation in the backup log."
#define P_STEP_2                                                                                                \
	"② 媒体はバックアップ完了後に取り外し (NAS 等は転送完了後に切り離し)、" \
	"施錠できる場所に保管する。鍵はシステム管理者が管理する。",                                             \
	        "② Remove the medium when the backup ends (disconnect a NAS when the "                        \
	        "copy ends) and keep it locked; the system administrator holds the key."
#define P_STEP_3                                                       \
	"③ 複数の媒体を交互に使い、接続するのは常に 1 つだけにする。", \
	        "③ Use several media in turns; only one is ever connected."
#define P_STEP_4                                                                           \
	"④ 定期的にリストア試験を行い、結果を記録する。手順は BCP に記載する。",           \
	        "④ Test a restore regularly and record the result; write the procedure " \
	        "into the BCP."
#define P_GENERATIONS_PLAN "6. 世代管理", "6. Generations"
#define P_GENERATIONS_TEXT                                                                     \
	"電子カルテは 5 世代以上、その他の診療に必要なシステムは 3 " \
	"世代以上を保持し、うち少なくとも 1 世代はオフライン "         \
	"(または書き込み禁止) とします。",                                                     \
	        "Keep five generations or more of the EHR and three or more of the "           \
	        "other systems needed for care, at least one of them offline (or "             \
	        "write-protected)."
#define P_RESTORE_PLAN "7. リストア試験計画", "7. Restore tests"
#define P_RESTORE_TEXT                                                                                   \
	"構築後 1 か月以内に初回のリストア試験を行い、以後は 6 か月ごとに " \
	"(少なくとも年 1 回、BCP の訓練とあわせて) 実施します。",                                        \
	        "A first restore test within a month of the build, then every six "                      \
	        "months (at least yearly, with the BCP drill)."
#define P_ROLES "8. 役割", "8. Roles"
#define P_ROLE "担当", "who"
#define P_ROLE_HOSPITAL "医療機関 (システム管理者)", "the hospital (system administrator)"
#define P_ROLE_HOSPITAL_DOES                                                    \
	"媒体の交換・施錠保管、バックアップ管理表の記録、リストア試験の立会い", \
	        "swapping and locking media, keeping the log, attending restore tests"
#define P_ROLE_VENDOR "電子カルテベンダ", "the EHR vendor"
#define P_ROLE_VENDOR_DOES                              \
	"バックアップの設定、リストア手順の提供と試験", \
	        "setting up the backups, the restore procedure and its tests"
#define P_ROLE_PROGRAMME "支援事業者", "the programme"
#define P_POLICY_CATEGORY "1. 支援方針", "1. Support category"
#define P_POLICY_WHY "2. 理由", "2. Why"
#define P_POLICY_HOSPITAL "3. 医療機関様にお願いすること", "3. What the hospital does"
#define P_POLICY_PROGRAMME "4. 本事業が行うこと", "4. What the programme does"
#define P_POLICY_COSTS                                                                               \
	"※必要な機器・サービスやそれらの調達にかかる費用、保守費用、" \
	"電子カルテベンダの設定費等は本事業の対象外です。",                                          \
	        "Equipment, services, their procurement, maintenance and the EHR "                   \
	        "vendor's settings are outside the programme's costs."
#define P_H_SURVEY "Web アンケートへの回答", "answering the web questionnaire"
#define P_H_MEETINGS_AB \
	"支援事業者との打合せ (2～3 回程度)", "meetings with the programme (two or three)"
#define P_H_MEETING_C "支援事業者との打合せ (1 回程度)", "a meeting with the programme (about one)"
#define P_H_PROCURE_SERVER                                \
	"新設サーバ・バックアップ媒体の調達と保守の手配", \
	        "procuring the new server and media and arranging their maintenance"
#define P_H_PROCURE_MEDIA \
	"バックアップ媒体の調達と保守の手配", "procuring the media and arranging their maintenance"
#define P_H_SETTINGS                                                                            \
	"既存機器 (電子カルテサーバ・バックアップサーバ・NW 機器等) " \
	"の設定変更の手配",                                                                     \
	        "arranging setting changes on existing equipment (EHR server, backup "          \
	        "server, network)"
#define P_H_ATTEND "現地作業の立会い", "attending the on-site work"
#define P_H_BUILD_LATER \
	"新設サーバの構築 (次年度以降)", "building the new server (next year or later)"
#define P_H_NOTHING \
	"アンケート回答以降に必要な対応はありません。", "Nothing more after the questionnaire."
#define P_P_REQUIREMENTS                                    \
	"本事業におけるオフラインバックアップの要件の共有", \
	        "sharing the programme's offline-backup requirements"
#define P_P_CONFIRM                                         \
	"打合せで既存バックアップの状況と計画の意向を確認", \
	        "confirming the present backups and the intent in the meetings"
#define P_P_PLAN_PROCEDURE                                  \
	"オフラインバックアップの計画・運用手順の策定支援", \
	        "drafting the offline-backup plan and operating procedure"
#define P_P_PLAN "オフラインバックアップの計画の策定支援", "drafting the offline-backup plan"
#define P_P_BUILD                                       \
	"新設サーバ・バックアップ媒体の現地構築・設置", \
	        "building and installing the new server and media on site"
#define P_P_BUILD_PROCEDURE                             \
	"新設サーバ・バックアップ媒体の構築手順の提供", \
	        "providing the build procedure for the new server and media"
#define P_P_HEAR_PLANNED                                                          \
	"検討中の方針 (構成概要・導入予定時期) のヒアリングと厚生労働省への報告", \
	        "hearing the planned design and timing, and reporting them to MHLW"
#define P_P_HEAR_EXISTING                                           \
	"導入済の方針 (構成概要) のヒアリングと厚生労働省への報告", \
	        "hearing the existing design, and reporting it to MHLW"

/* ---- The monthly checklist (src/survey/checklist.c, src/cli/cmd_checklist.c). ---- */
#define H_DIAGRAM_UNREGISTERED                                                                  \
	"現地調査で記入依頼書にない回線が %zu 件見つかりました (構成図が現状と合っていません)", \
	        "the onsite survey found %zu line(s) nobody declared (the diagram is out of date)"
#define H_DIAGRAM_MATCHES                                   \
	"現地調査で、申告のない回線は見つかりませんでした", \
	        "the onsite survey found no undeclared line"
#define H_BACKUP_NOT_OFFLINE                                                      \
	"電子カルテのバックアップにオフラインのものがありません (medsec backup)", \
	        "no backup of the EHR is offline (medsec backup)"
#define H_BACKUP_UNTESTED                                                                              \
	"電子カルテのバックアップは一部オフラインですが、12 か月以内のリストア試験の成功がありません", \
	        "part of the EHR's backups is offline, but no restore test succeeded in twelve months"
#define H_BACKUP_OFFLINE                                                                \
	"電子カルテのバックアップの一部がオフラインで、リストア試験も確認されています", \
	        "part of the EHR's backups is offline and a restore test is on record"
#define H_AV_NONE                                                        \
	"端末調査でウイルス対策製品がない・無効の端末が %zu 台あります", \
	        "the terminal survey found %zu PC(s) without antivirus or with it off"
#define H_AV_STALE                                               \
	"端末調査でパターンファイルが古い端末が %zu 台あります", \
	        "the terminal survey found %zu PC(s) with old definitions"
#define H_AV_OK                                                                  \
	"端末調査の %zu 台はウイルス対策製品が有効でパターンファイルも最新です", \
	        "the %zu PC(s) surveyed have antivirus on with current definitions"
#define H_PATCH_OLD                                                                     \
	"端末調査で %zu 台が %d 日を超えて Windows の更新プログラムを適用していません", \
	        "the terminal survey found %zu PC(s) without a Windows update for over %d days"
#define H_PATCH_OK                                                                          \
	"端末調査の %zu 台はいずれも %d 日以内に Windows の更新プログラムを適用しています", \
	        "the %zu PC(s) surveyed all had a Windows update within %d days"
#define H_USB_OPEN                                                                             \
	"端末調査で USB 記憶装置がレジストリで制限されていない端末が %zu 台あります (要確認)", \
	        "the terminal survey found %zu PC(s) whose USB storage the registry does not restrict"
#define H_USB_RESTRICTED                                                                      \
	"端末調査の %zu 台はいずれも USB 記憶装置がシステム (レジストリ) で制限されています", \
	        "the %zu PC(s) surveyed all restrict USB storage in the system (registry)"
#define H_FIRMWARE_BEHIND                                                            \
	"ファームウェアの更新が必要な機器 (脆弱性・最新版との差) が %zu 件あります", \
	        "%zu device finding(s) call for a firmware update (vulnerabilities, behind the latest)"
#define H_FIRMWARE_OK                                                        \
	"把握している機器 %zu 台のファームウェアに既知の脆弱性はありません", \
	        "the %zu known device(s) have no known vulnerability in their firmware"
#define H_REMOTE_EXPOSED                                                 \
	"脆弱性診断で保守用のリモート接続に関する指摘が %zu 件あります", \
	        "the remote diagnosis made %zu finding(s) about maintenance access"

/* 付録４ (src/report/poster.c): the five rules for staff, in medsec's words from the manual. */
#define S_TITLE "サイバーセキュリティ対策５ヶ条", "Five cybersecurity rules"
#define S_RULE_NUMBERED "%d. %s", "%d. %s"
#define S_RULE_1                                                                         \
	"私物の USB メモリ等を業務のパソコンにつながない。使うのは許可された媒体だけ。", \
	        "Never connect a personal USB stick to a work PC; use only approved media."
#define S_RULE_2 "業務に関係のないウェブサイトを見ない。", "Do not browse sites unrelated to work."
#define S_RULE_3                                                                                          \
	"見知らぬ相手からのメールの添付ファイルやリンクは開かない。おかしいと思ったら開く前に相談する。", \
	        "Do not open attachments or links in mail from unknown senders; if in doubt, ask before opening."
#define S_RULE_4                                                                                    \
	"重要な情報はメール本文に書かない。保護したファイルで送り、パスワードは別の手段で伝える。", \
	        "Never put important information in a mail's body: send a protected file and give its password another way."
#define S_RULE_5                                                                                                          \
	"身に覚えのないメールを開いてしまった、パソコンやシステムの様子がおかしいときは、すぐ下記に連絡し、指示に従う。", \
	        "If you opened unexpected mail, or a PC or system behaves oddly, call the contacts below at once and follow their instructions."
#define S_CONTACTS "連絡先 (システム管理者)", "Whom to call (system administrators)"
#define S_CONTACTS_NOTE \
	"不在のときの連絡先も決めて、書き加えてください。", "Add who to call when they are away."
#define S_NAME "氏名", "name"
#define S_DEPARTMENT "部署", "department"
#define S_PHONE "電話番号", "phone"
#define S_EMAIL "メール", "e-mail"
#define S_SOURCE_NOTE                                                                                           \
	"都道府県マニュアル 付録４ (チェックリスト No.15〜20)。連絡先は記入依頼書の担当者から記入しています。", \
	        "Prefecture manual, appendix 4 (checklist items 15-20). The contacts come from the intake workbook."

/* ---- The collector (collector/main.c): what medsec-collector.exe prints on the PC. ---- */
#define K_UNKNOWN_ARGUMENT \
	"medsec-collector: 不明な引数です: %s\n", "medsec-collector: unknown argument: %s\n"
#define K_CANNOT_WRITE                                                \
	"medsec-collector: %s に書き込めません (Win32 エラー %lu)\n", \
	        "medsec-collector: cannot write into %s (Win32 error %lu)\n"
#define K_WRITTEN "書き出しました: %s (%zu 項目)\n", "written: %s (%zu items)\n"

#endif
