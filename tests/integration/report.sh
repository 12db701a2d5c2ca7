#!/bin/sh
# report.sh - the onsite record, the assessment and the report without a scan (no root needed):
# bad onsite input is refused whole with its places; the report's chapters say plainly what
# has not happened yet; every figure matches the store; the PDF renders with its Japanese
# headings; the HTML fetches nothing; the early report is absent when nothing calls for it.
. "$2/tests/integration/common.inc"
FX=$SRC/tests/fixtures
export MEDSEC_VULNDB="$T/v.vdb"

expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_status 2 "$MEDSEC" onsite "$SRC/examples/sample-onsite.json"
expect_in err.txt "先に medsec plan を実行してください"
expect_status 0 "$MEDSEC" plan

# --- bad onsite input: every problem named, nothing saved ---
jq '.lines[3].reason = null | .lines[0].line_no = 9 | .devices[1].firmware = null
    | .devices[2].firmware = "Rev.14" | .unregistered_lines[0].termination = "satellite" | .extra = 1' \
	"$SRC/examples/sample-onsite.json" > bad.json
expect_status 2 "$MEDSEC" onsite bad.json
expect_in err.txt "bad.json:/lines/0/line_no: 9: 計画に回線9はありません"
expect_in err.txt "bad.json:/lines/3/reason: 現地で確認できなかった回線は理由を記入してください"
expect_in err.txt "bad.json:/devices/1/firmware: ログインした機器はファームウェアバージョンを記入してください"
expect_in err.txt "bad.json:/devices/2/firmware: Rev.14: ログイン未実施の機器にファームウェアが記入されています"
expect_in err.txt "bad.json:/unregistered_lines/0/termination: satellite: 選択肢にない値です"
expect_in err.txt "bad.json:/extra: 不明な項目です"
expect_status 0 "$MEDSEC" onsite --show
expect_in out.txt "現地調査の記録はまだありません"
printf '{"surveyed_on": "2026-10-20", "lines": [' > broken.json
expect_status 2 "$MEDSEC" onsite broken.json
expect_in err.txt "broken.json:1:"

# --- the onsite sheet: written with the plan's lines, read back by header ---
expect_status 0 "$MEDSEC" template --onsite sheet.xlsx
expect_status 2 "$MEDSEC" template --onsite sheet.xlsx
expect_in err.txt "ファイルが既にあります"
# The blank sheet lists the plan's five lines; their 現地確認 is still empty: named by row and column.
expect_status 2 "$MEDSEC" onsite sheet.xlsx
expect_in err.txt "sheet.xlsx:現地調査:6:C: 必須項目「現地確認」が空です"
expect_in err.txt "sheet.xlsx:現地調査:10:C: 必須項目「現地確認」が空です"
expect_in err.txt "sheet.xlsx:現地調査:調査日: 必須項目「調査日」が空です"

# --- a report before anything but the plan: chapters say what is missing ---
expect_status 0 "$MEDSEC" report -o early --format html,json
expect_in early/report.html "現地調査の記録がまだありません (medsec onsite)"
expect_in early/report.html "脆弱性診断 (ポートスキャン) はまだ実施していません"
expect_in early/report.html "脆弱性情報のインデックスがないため、脆弱性の照合は行っていません"
expect_eq "$(jq '.available | [.plan, .onsite, .scan, .vulndb] | map(tostring) | join(",")' early/report.json)" \
	'"true,false,false,false"' "what exists"
expect_eq "$(ls early)" "report.html
report.json" "only the formats asked for"

# --- the onsite survey and the index, then the whole report ---
expect_status 0 "$MEDSEC" onsite "$SRC/examples/sample-onsite.json"
expect_in out.txt "現地調査の記録を保存しました"
# A latest-firmware list older than the index: it says 7.0.15 while a vulnerability is fixed in 7.0.17.
cat > stale.json <<'EOF'
{"medsec_firmware_latest": 1, "entries": [{"makers": ["Fortinet"], "model": "*", "branch": "7.0", "version": "7.0.15",
  "date": "2024-06-01", "source": "https://example.invalid/test-only"}]}
EOF
expect_status 0 "$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" stale.json
expect_status 0 "$MEDSEC" assess
expect_in out.txt " 1. [緊急 KEV] Fortinet FortiGate 60F (ファームウェア 7.0.12) に既知の脆弱性があります"
expect_in out.txt "7.0.17"
expect_in out.txt "申告のない回線終端装置 (モバイルルーター (モバイル回線)、別館 1F 検査室) が現地で見つかりました"
expect_in out.txt "回線2 ヤマハ RTX1210 のパスワードの設定・管理がガイドラインの水準に達していません"
expect_not_in out.txt "早期報告"

mkdir -p out && : > out/early-report.html	# left from an earlier run: must go
expect_status 0 "$MEDSEC" report -o out
for f in report.html report.pdf annexes.xlsx report.json; do
	[ -s "out/$f" ] && ok || fail "out/$f missing"
done
[ ! -e out/early-report.html ] && [ ! -e out/early-report.pdf ] && ok || fail "early report written though not due"
expect_eq "$(ls -A out | grep -c '^\.')" 0 "no temporary files left"

# The JSON against the store's own data.
J=out/report.json
expect_eq "$(jq -r '.targets[] | select(.model == "FortiGate 60F" and .version == "7.0.12") | [.latest_firmware, .fixed_in, .latest_stale] | join(" ")' $J)" \
	"7.0.15 7.0.17 true" "a fix newer than the listed latest: the list is old"
expect_eq "$(jq -r '[.targets[] | select(.model == "RTX1210") | [.latest_firmware, .latest_stale]] | unique | map(join(" ")) | join(",")' $J)" \
	" false" "no entry: no latest, nothing stale"
expect_in out/report.html "7.0.15 (2024-06-01) 以降の版あり (修正版 7.0.17)"
"$MEDSEC" plan --json > p.json
expect_eq "$(jq '.lines | length' $J)" "$(jq '.lines | length' p.json)" "every planned line"
expect_eq "$(jq -c '[.lines[].line_no]' $J)" "[1,2,3,4,5]" "plan numbering"
expect_eq "$(jq -c '[.lines[].onsite_confirmed]' $J)" "[true,true,true,false,true]" "onsite confirmations"
expect_eq "$(jq -r '.lines[3].onsite_reason' $J)" "床下配線のため終端装置まで追えず" "reason kept"
expect_eq "$(jq '.unregistered_lines | length' $J)" 1 "unregistered lines"
expect_eq "$(jq '.early_report' $J)" false "no early report without a diagnosis"
fw=$(jq -c '[.targets[] | select(.source == "onsite" and .model == "FortiGate 60F") | .vulnerabilities[].cve] | sort' $J)
lk=$("$MEDSEC" vuln lookup fortinet fortios 7.0.12 --json | jq -c '[.matches[] | select(.confidence != "product") | .cve] | sort')
expect_eq "$fw" "$lk" "the device's vulnerabilities are the index's"
expect_eq "$(jq '[.findings[] | select(.kind == "password")] | length' $J)" 3 "password findings (2 short, 1 unknown)"
expect_eq "$(jq -c '[.findings[].rank]' $J)" "$(jq -c '[range(1; (.findings | length) + 1)]' $J)" "ranks 1..n"

# The PDF renders and carries the Japanese headings and figures.
pdftotext out/report.pdf out.txt
for h in "外部ネットワーク接続点調査報告書" "目次" "はじめに・総括" "表記について" "1. 外部接続点を中心とした物理構成の把握" \
	"2. 外部ネットワーク接続機器調査" "3. 脆弱性診断" "4. 端末調査" "5. パスワードの設定・管理" "6. 補足資料" \
	"別紙1 現地調査報告書" "別紙2 調査前申告ファームウェアバージョンにおける脆弱性情報一覧" "別紙3 脆弱性診断報告書" \
	"対象外回線" "確認未実施" "CVE-2024-21762" "IPAex" ; do
	[ "$h" = IPAex ] && { pdffonts out/report.pdf | grep -q 'IPAexGothic.*yes' && ok || fail "font not embedded"; continue; }
	expect_in out.txt "$h"
done
pages=$(pdfinfo out/report.pdf | awk '/^Pages:/ {print $2}')
[ "$pages" -ge 10 ] && ok || fail "only $pages pages"
pdftoppm -r 30 -png -f 1 -l 3 out/report.pdf pg && [ -s pg-01.png ] && [ -s pg-03.png ] && ok || fail "pdftoppm"
# Page numbers in the footer: "- 3 / N -".
pdftotext -f 3 -l 3 out/report.pdf p3.txt
expect_in p3.txt "- 3 / $pages -"

# The HTML is self-contained: nothing to fetch.
if grep -Eiq '<(script|img|link|iframe)|src=|@import|url\(' out/report.html; then
	fail "external reference in report.html"
else ok; fi
# Links go only where a reader looks a number up: JVN iPedia's and NVD's pages, or within the page.
expect_eq "$(grep -o 'href="[^"#][^"]*"' out/report.html | grep -Ev '^href="https://(nvd\.nist\.gov/vuln/detail/CVE-|jvndb\.jvn\.jp/ja/contents/[0-9]{4}/JVNDB-)' | head -3)" "" \
	"links other than to a vulnerability's page"
expect_in out/report.html '<a href="https://nvd.nist.gov/vuln/detail/CVE-2024-21762">CVE-2024-21762</a>'
/usr/bin/python3 -c "import re, sys; print(len(re.findall(rb'/URI *\(https://nvd.nist.gov/vuln/detail/CVE-2024-21762\)', open(sys.argv[1], 'rb').read())))" \
	out/report.pdf > uris.txt
[ "$(cat uris.txt)" -ge 1 ] && ok || fail "no link annotation for CVE-2024-21762 in report.pdf"
expect_in out/report.html '<html lang="ja">'
# A vulnerability finding lists its CVE/JVN numbers once, not in its reason and again below it.
refs=$(jq -r '[.findings[] | select(.kind == "vulnerability") | .refs][0]' out/report.json)
/usr/bin/python3 -c "import re, sys; print(re.sub(r'<[^>]+>', '', open(sys.argv[1]).read()))" out/report.html > plain.txt
expect_eq "$(grep -o -F "$refs" plain.txt | wc -l)" 1 "the finding's references in report.html"
expect_eq "$(jq '[.findings[] | . as $f | select(.refs != null and (.reason | contains($f.refs)))] | length' out/report.json)" 0 \
	"findings whose reason repeats their references"

# The renumbering is visible (seed 000): workbook line -> report line, and the lines left out.
/usr/bin/python3 -c "import re, sys; print(re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', open(sys.argv[1]).read())))" \
	out/report.html > text.txt
expect_in text.txt "回線5 回線3 PACS リモート保守 番号が変わりました"
expect_in text.txt "回線2 対象外 代表電話 通信形態が電話回線のみ"
expect_in text.txt "回線4 対象外 来院者Wi-Fi 電子カルテシステムの所属するネットワークとの接続なし"

# The annex workbook has the annex sheets.
unzip -p out/annexes.xlsx xl/workbook.xml > wb.xml
for s in 指摘事項 回線番号の対応 回線 対象外回線 機器調査 パスワード 別紙1 別紙2; do expect_in wb.xml "name=\"$s\""; done

# English on request.
expect_status 0 "$MEDSEC" --lang en report -o en --format html
expect_in en/report.html "External network connection point survey report"
expect_in en/report.html "Fortinet FortiGate 60F (firmware 7.0.12) has known vulnerabilities"
expect_in en/report.html "05 Access control to medical information systems"

# The cover: addressee, the date of issue in Japanese, the issuer set once for the round.
pdftotext -f 1 -l 1 out/report.pdf cover.txt
expect_in cover.txt "みなと中央病院 御中"
expect_in cover.txt "2026年11月23日"	# MEDSEC_NOW: 18:00 on that day in Japan
expect_status 2 "$MEDSEC" round set
expect_status 0 "$MEDSEC" round set --issuer "医療セキュリティ調査事務局" --recipient "みなと中央病院 院長 様"
expect_status 0 "$MEDSEC" report -o cover --format pdf,html
pdftotext -f 1 -l 1 cover/report.pdf cover.txt
expect_in cover.txt "医療セキュリティ調査事務局"
expect_in cover.txt "みなと中央病院 院長 様"
expect_not_in cover.txt "2026-11-23T"
expect_in cover/report.html '<p class="date">2026年11月23日<br>医療セキュリティ調査事務局</p>'
expect_status 0 "$MEDSEC" --lang en report -o cover-en --format html
expect_in cover-en/report.html "23 November 2026"

# A bad --format is a usage error.
expect_status 2 "$MEDSEC" report -o x --format docx

# 回線事業者, 回線サービス名 and 回線ID (seed 001) are kept through the plan into the report,
# whose chapters name lines by 回線ID (seed 000) where one was declared.
jq '.lines[0] += {carrier: "NTT東日本", line_service: "フレッツ光ネクスト", line_id: "CAF00001"}' "$SAMPLE" > lid.json
expect_status 0 "$MEDSEC" --db lid.db intake --allow-test-addresses lid.json
expect_status 0 "$MEDSEC" --db lid.db plan --json
expect_eq "$(jq -c '.lines[0] | [.line_id, .carrier]' out.txt)" '["CAF00001","NTT東日本"]' "the plan keeps 回線ID"
expect_status 0 "$MEDSEC" --db lid.db template --filled lid-back.json
expect_eq "$(jq -c '.lines[0] | [.carrier, .line_service, .line_id]' lid-back.json)" \
	'["NTT東日本","フレッツ光ネクスト","CAF00001"]' "the workbook's twin keeps them"
expect_status 0 "$MEDSEC" --db lid.db onsite "$SRC/examples/sample-onsite.json"
expect_status 0 "$MEDSEC" --db lid.db report -o lid --format html
expect_in lid/report.html "NTT東日本
回線ID CAF00001"
expect_in lid/report.html "回線1
(回線ID CAF00001)"

# A re-survey keeps the cover's issuer and addressee.
expect_status 0 "$MEDSEC" round new
expect_status 0 "$MEDSEC" round --json
expect_eq "$(jq -c '[.round, .issuer, .recipient]' out.txt)" '[2,"医療セキュリティ調査事務局","みなと中央病院 院長 様"]' \
	"the new round's cover fields"
finish
