#!/bin/sh
# report_netns.sh - `make demo` as a test: the demo hospital is diagnosed on its test bed
# (real services and device emulators in network namespaces), and its report is checked
# against the store: every planned line, every responding port, every finding, the counts;
# the early report exists because the emulators make it due; the PDF renders with its
# Japanese headings and figures; the test hosts are gone afterwards. Needs root.
. "$2/tests/integration/common.inc"
. "$SRC/tests/netns/testbed.sh"
if ! why=$(testbed_can_run); then
	skip "$why"
fi
unset MEDSEC_NOW	# the diagnosis records real times
before=$(ip netns list | wc -l)

sh "$SRC/examples/demo.sh" "$MEDSEC" > demo.txt 2>&1
rc=$?
expect_eq "$rc" 0 "demo exit status"
[ "$rc" = 0 ] || tail -40 demo.txt >&2
expect_in demo.txt "198.18.10.3 (申告のみ・当日未確認のアドレス) に届いたパケット: 0"
# The positive control: the same captures saw the day-of address being diagnosed.
h3=$(sed -n 's/^回線3 (当日確認したアドレス 198.18.10.33) に届いたパケット: //p' demo.txt)
[ "${h3:-0}" -gt 0 ] && ok || fail "the capture saw no packet to the day-of address ($h3): it proves nothing"
expect_in demo.txt "報告書: "
expect_in demo.txt "早期報告 (別紙4): "
expect_eq "$(ip netns list | wc -l)" "$before" "test hosts torn down"
grep '所要時間' demo.txt

DB=demo-out/medsec.db
R=demo-out/report
J=$R/report.json
for f in report.html report.pdf annexes.xlsx report.json early-report.html early-report.pdf; do
	[ -s "$R/$f" ] && ok || fail "$R/$f missing"
done

# The early report stands alone: no cover page or contents; page 1 says what to do today; it
# carries the diagnosis's time and source address and the affected addresses' open ports.
pdftotext -f 1 -l 1 $R/early-report.pdf early1.txt
expect_in early1.txt "本日中に、次のことを行ってください"
expect_in early1.txt "みなと中央病院 御中"
expect_not_in early1.txt "目次"
pdftotext $R/early-report.pdf early.txt
expect_in early.txt "送信元アドレス: 198.18.10.250"
expect_in early.txt "対象アドレスで応答したポート"
expect_not_in $R/early-report.html "<nav>"

# Every planned line, in plan order, with the diagnosis the plan allows.
expect_eq "$(jq -c '[.lines[].line_no]' $J)" \
	"$(sqlite3 $DB 'SELECT json_group_array(line_no) FROM (SELECT line_no FROM plan_line ORDER BY line_no)')" "planned lines"
expect_eq "$(jq -c '[.lines[].diagnosis]' $J)" '["diagnosed","diagnosed","diagnosed","not_eligible","address_unknown"]' \
	"diagnosis per line"
expect_eq "$(jq -r '.lines[2].address' $J)" "198.18.10.33" "the dynamic line at its day-of address"

# Every port the scan stored, and nothing else.
scan=$(sqlite3 $DB 'SELECT max(id) FROM scan')
expect_eq "$(jq '.ports | length' $J)" "$(sqlite3 $DB "SELECT count(*) FROM scan_port WHERE scan_id = $scan")" "ports"
sqlite3 -separator ' ' $DB "SELECT h.address, p.proto, p.port FROM scan_port p JOIN scan_host h
	ON h.scan_id = p.scan_id AND h.idx = p.idx WHERE p.scan_id = $scan" > store-ports.txt
jq -r '.ports[] | "\(.address) \(.proto) \(.port)"' $J > report-ports.txt
expect_eq "$(sort store-ports.txt | md5sum)" "$(sort report-ports.txt | md5sum)" "the same ports"
expect_eq "$(jq '[.lines[].responding_ports] | add' $J)" "$(jq '[.ports[] | select(.responded)] | length' $J)" \
	"responding ports add up"

# Every finding of the probe's checks is in the report.
sqlite3 -separator ' ' $DB "SELECT address, port, check_id FROM finding WHERE scan_id = $scan" | sort > store-f.txt
jq -r '.findings[] | select(.source == "remote" and .kind != "vulnerability") | "\(.address) \(.port) \(.rule)"' $J |
	sort > report-f.txt
expect_eq "$(md5sum < store-f.txt)" "$(md5sum < report-f.txt)" "the same check findings"
[ "$(wc -l < store-f.txt)" -ge 10 ] && ok || fail "too few findings: $(wc -l < store-f.txt)"

# Counts per line are the sums of its services' vulnerabilities.
expect_eq "$(jq -c '[.lines[].counts.critical, .lines[].counts.high] | add' $J)" \
	"$(jq -c '[.targets[] | select(.source == "remote") | .counts.critical, .counts.high] | add' $J)" "line counts"

# The early report is due: RDP without NLA, the factory account, the exposed FortiGate.
expect_eq "$(jq '.early_report' $J)" true "early report due"
expect_eq "$(jq -r '.findings[0].subject' $J)" \
	"Fortinet FortiGate 60F (ファームウェア 7.0.12、インターネット側に tcp/10443 FortiOS SSL-VPN を公開)" \
	"the exposed VPN box first"
expect_eq "$(jq -r '.findings[0].kev' $J)" true "its KEV entry"
for rule in rdp-no-nla default-account backdoor-shell vuln-device; do
	expect_eq "$(jq --arg r $rule '[.findings[] | select(.rule == $r and .early)] | length > 0' $J)" true "$rule early"
done
pdftotext $R/early-report.pdf early.txt
expect_in early.txt "脆弱性診断早期報告"
expect_in early.txt "NLA"
pdftotext $R/report.pdf report.txt
for h in "3. 脆弱性診断" "198.18.10.1" "10443/tcp" "調査不可" "IPアドレス不明" "別紙3 脆弱性診断報告書" \
	"別紙4 脆弱性診断早期報告" "CVE-2024-21762"; do
	expect_in report.txt "$h"
done
pdftoppm -r 30 -png $R/report.pdf pg && [ -s pg-01.png ] && ok || fail "the PDF does not render"

# Resumable: run again, nothing is scanned twice, the report is the same.
expect_status 0 "$MEDSEC" diagnose -o again --db $DB --index demo-out/medsec.vulndb
expect_not_in err.txt "2/4"
expect_not_in err.txt "3/4"
expect_eq "$(jq -c '[.findings[] | [.rule, .address, .port]]' again/report.json)" \
	"$(jq -c '[.findings[] | [.rule, .address, .port]]' $J)" "the same findings"
finish
