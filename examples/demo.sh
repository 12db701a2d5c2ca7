#!/bin/sh
# demo.sh - the survey end to end on the sample hospital, as far as medsec goes today:
# blank template -> the hospital's filled workbook -> intake -> plan -> day-of confirmation ->
# port scan of the test bed -> vulnerability index -> declared firmware checked (annex 2).
# Usage: examples/demo.sh path/to/medsec   (make demo does this)
set -e
MEDSEC=${1:-build/medsec}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=demo-out
rm -rf "$OUT"
mkdir -p "$OUT"
export MEDSEC_DB="$OUT/medsec.db"

if [ -t 1 ]; then
	step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
else
	step() { printf '\n== %s\n' "$*"; }
fi

step "1. 記入用ブック(医療機関記入依頼書)を書き出す"
"$MEDSEC" template "$OUT/医療機関記入依頼書.xlsx"

step "2. 記入済みブックの検査: わざと誤りを入れた版 (取り込まれない)"
# The hospital's workbook (saved by LibreOffice) is examples/sample-hospital.xlsx;
# its JSON twin with three mistakes shows how errors are reported.
sed -e 's/"consent": "同意する"/"consent": "同意します"/' \
    -e 's/"global_ip": "198.18.10.1"/"global_ip": "192.168.0.1"/' \
    -e 's/"link_type": "closed"/"link_type": "IP-VPN"/' \
    "$HERE/sample-hospital.json" > "$OUT/sample-with-mistakes.json"
"$MEDSEC" intake --allow-test-addresses "$OUT/sample-with-mistakes.json" || echo "(終了コード $?)"

step "3. 記入済みブックを取り込む (テスト環境のため 198.18.0.0/15 を許可)"
"$MEDSEC" intake --allow-test-addresses "$HERE/sample-hospital.xlsx"

step "4. 調査実施計画一覧 (対象回線・回線番号の振り直し・脆弱性診断の実施判定)"
"$MEDSEC" plan
"$MEDSEC" plan --xlsx "$OUT/調査実施計画一覧.xlsx"

step "5. 診断当日: 動的IPの回線3のアドレスを確認、回線2は打合せ済み"
"$MEDSEC" plan confirm-ip 3 198.18.10.33
"$MEDSEC" plan confirm 2
"$MEDSEC" plan --json > "$OUT/plan.json"
"$MEDSEC" plan

step "6. 脆弱性診断: 計画の診断対象アドレスだけをポートスキャン"
# The hospital's lines become hosts in network namespaces on this machine (198.18.10.0/24,
# a test range): 回線1 and 回線2 at their declared addresses, 回線3 at the address confirmed
# on the day. The address 回線3 declared before (198.18.10.3) is a neighbour that must see
# nothing: a dynamic address is only ever scanned as confirmed on the day.
. "$HERE/../tests/netns/testbed.sh"
if why=$(testbed_can_run); then
	TB_SC=198.18.10.250 TB_H1=198.18.10.1 TB_H2=198.18.10.2 TB_H3=198.18.10.33 TB_OUT=198.18.10.3
	trap testbed_down EXIT
	testbed_up "$(cd "$OUT" && pwd)/testbed"
	ip netns exec "$(tb_ns sc)" "$MEDSEC" scan --ports 1-65535 --rate 20000 --host-rate 20000
	"$MEDSEC" scan --show --json > "$OUT/scan.json"
	step "6b. 開いていたポートのサービス・製品・バージョン・TLS (根拠つき)"
	ip netns exec "$(tb_ns sc)" "$MEDSEC" probe
	ip netns exec "$(tb_ns sc)" "$MEDSEC" probe --json > "$OUT/probe.json"
	testbed_stop_captures
	n=$(tcpdump -r "$OUT/testbed/out.pcap" -n "ip dst $TB_OUT" 2>/dev/null | wc -l)
	echo "198.18.10.3 (申告のみ・当日未確認のアドレス) に届いたパケット: $n"
	testbed_down
	trap - EXIT
	set -e
else
	echo "(テスト用ホストを作れないため省略: $why)"
fi

step "7. 脆弱性情報のインデックスを作る (NVD・CISA KEV・JVN iPedia、オフラインで照合)"
# Real published records (tests/fixtures: 23 NVD records of edge devices, the whole KEV catalogue,
# MyJVN examples). On a machine with the internet, `medsec vulndb update` downloads the feeds.
FX="$HERE/../tests/fixtures"
export MEDSEC_VULNDB="$OUT/medsec.vulndb"
"$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" "$FX/jvn/getVulnOverviewList_hnd.xml" "$HERE/../data/firmware-latest.json"
"$MEDSEC" vulndb status
"$MEDSEC" vuln lookup fortinet fortios 7.2.6

step "8. 申告されたファームウェアの脆弱性 (別紙2 の元データ)"
"$MEDSEC" firmware
"$MEDSEC" firmware --json > "$OUT/firmware.json"

step "出力"
ls -l "$OUT"
cat <<'NOTE'

次の段階 (SMB・RDP・VNC・SNMP 等の識別、TLS の詳細診断、報告書) は開発中です。
The next stages (SMB, RDP, VNC, SNMP identification, TLS checks, the report) are being built.
NOTE
