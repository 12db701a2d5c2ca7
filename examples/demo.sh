#!/bin/sh
# demo.sh - the survey end to end on the sample hospital みなと中央病院:
# blank workbook -> the hospital's filled workbook (a version with mistakes first) -> intake ->
# survey plan -> day-of confirmation -> onsite survey record -> vulnerability index ->
# test hosts in network namespaces with real services and device emulators ->
# medsec diagnose (port scan, probe, checks, assessment) -> the report in HTML, PDF, XLSX, JSON.
# Usage: examples/demo.sh path/to/medsec   (make demo does this). The report stays in demo-out/.
set -e
MEDSEC=${1:-build/medsec}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=demo-out
rm -rf "$OUT"
mkdir -p "$OUT"
export MEDSEC_DB="$OUT/medsec.db"
export MEDSEC_VULNDB="$OUT/medsec.vulndb"
START=$(date +%s)

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
"$MEDSEC" round set --issuer "医療機関サイバーセキュリティ確保事業 事務局 (デモ)" \
	--survey-on "$(date +%Y-%m-%d)" --diagnosis-on "$(date +%Y-%m-%d)"

step "5. 診断当日: 動的IPの回線3のアドレスを確認、回線2は打合せ済み"
"$MEDSEC" plan confirm-ip 3 198.18.10.33 --by "山田 (みなと中央病院 情報システム課)"
"$MEDSEC" plan confirm 2 --by "佐藤 (調査員)"
"$MEDSEC" plan

step "6. 現地調査の記録 (回線の確認・対象外回線・機器とログインして確認したファームウェア)"
"$MEDSEC" template --onsite "$OUT/現地調査.xlsx"
"$MEDSEC" onsite "$HERE/sample-onsite.json"
"$MEDSEC" onsite --show
# The hospital agreed in the meeting that vendors' factory accounts may be tried.
"$MEDSEC" consent add --by "厚労 太郎" --note "2026-10-15 打合せで同意" default-accounts

step "6b. 端末調査: 各 PC で medsec-collector.exe を実行 (ここでは wine 上の 2 台 + Windows の記録例 1 台) → 取り込み"
# The collector is a Windows program: cross-built here with mingw-w64, then run under wine64 on two
# prefixes whose registries stand for two of the hospital's PCs (examples/terminals/*.reg), each
# under its own host name (a UTS namespace). On site, the same .exe runs from a USB stick.
cmake -S "$HERE/.." -B "$OUT/collector-build" -DMEDSEC_CORE_ONLY=ON \
	-DCMAKE_TOOLCHAIN_FILE="$HERE/../cmake/mingw-w64.cmake" >/dev/null
cmake --build "$OUT/collector-build" --target medsec-collector >/dev/null
mkdir -p "$OUT/usb/terminals"
cp "$OUT/collector-build/collector/medsec-collector.exe" "$OUT/usb/"
for pc in EMR-PC-001 PACS-TC-01; do
	# One wineserver per PC, started inside the PC's namespace so that Windows sees its name.
	WINEPREFIX="$PWD/$OUT/wine-$pc" WINEDEBUG=-all unshare --uts sh -c "hostname $pc &&
		/usr/lib/wine/wine64 reg import 'Z:$HERE/terminals/$pc.reg' >/dev/null 2>&1 &&
		/usr/lib/wine/wine64 '$OUT/usb/medsec-collector.exe' --out 'Z:$PWD/$OUT/usb/terminals' &&
		/usr/lib/wine/wineserver -w" 2>/dev/null
done
# 端末2 (IJI-PC-003) is a hand-written example of what the collector writes on Windows 11: what wine cannot
# give (Security Center, update history, accounts) is in it (examples/terminals/README.md).
cp "$HERE/terminals/IJI-PC-003.json" "$OUT/usb/terminals/"
"$MEDSEC" terminal import "$OUT/usb/terminals"
"$MEDSEC" terminal show

step "6c. オフラインバックアップ支援: アンケート回答から支援方針・オフラインの判定・不足を示す"
# The hospital fills the questionnaire (a workbook: template --backup; or its JSON twin, whose form
# is docs/json/backup.schema.json); here the sample's JSON answers, kept and summed up.
"$MEDSEC" template --force --backup "$OUT/backup-questionnaire.xlsx"
"$MEDSEC" backup import "$HERE/sample-backup.json" --output "$OUT/backup"
"$MEDSEC" backup summary

step "6d. 月々のサイバーセキュリティ対策チェックリスト: medsec が根拠からレベルを提案し、担当者が回答"
"$MEDSEC" checklist --set 1=1 --set 4=1 --set 9=2 --by "情報システム担当 山田" | sed -n '1,40p'
"$MEDSEC" checklist history
"$MEDSEC" checklist poster -o "$OUT/checklist"   # 付録４, to post beside the PCs

step "7. 脆弱性情報のインデックスを作る (NVD・CISA KEV・JVN iPedia、オフラインで照合)"
# Real published records (tests/fixtures: NVD records of edge devices, the whole KEV catalogue,
# MyJVN examples). On a machine with the internet, `medsec vulndb update` downloads the feeds.
FX="$HERE/../tests/fixtures"
"$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" "$FX/jvn/getVulnOverviewList_hnd.xml" "$HERE/../data/firmware-latest.json"
"$MEDSEC" vulndb status

step "8. 脆弱性診断 (medsec diagnose): ポートスキャン → サービス識別・検査 → 評価 → 報告書"
# The hospital's lines become hosts in network namespaces on this machine (198.18.10.0/24,
# a test range routed only to the test bed's bridge): 回線1 at its declared address runs real
# services (OpenSSH, nginx with a self-signed TLS admin page, telnetd, vsftpd, Samba, SNMP, IKE …)
# and device emulators (a FortiGate SSL-VPN portal, RDP without NLA, a Yamaha router's telnet);
# 回線2 is a UTM that drops all but 80; 回線3 answers at the address confirmed on the day.
# The address 回線3 declared before (198.18.10.3) is a neighbour that must see nothing.
. "$HERE/../tests/netns/testbed.sh"
if why=$(testbed_can_run); then
	TB_SC=198.18.10.250 TB_H1=198.18.10.1 TB_H2=198.18.10.2 TB_H3=198.18.10.33 TB_OUT=198.18.10.3
	trap testbed_down EXIT INT TERM
	testbed_up "$(cd "$OUT" && pwd)/testbed"
	ip netns exec "$(tb_ns h1)" python3 "$HERE/../tests/netns/emulators.py" "$TB_H1" \
		"$OUT/testbed/h1/cert.pem" "$OUT/testbed/h1/key.pem" 170 >/dev/null 2>&1 &
	for _ in $(seq 1 50); do
		ip netns exec "$(tb_ns sc)" python3 -c "import socket; socket.create_connection(('$TB_H1', 10443), 0.5)" \
			2>/dev/null && break
		sleep 0.1
	done
	ip netns exec "$(tb_ns sc)" "$MEDSEC" diagnose -o "$OUT/report" --ports 1-65535 --rate 20000 \
		--host-rate 20000 --try-default-accounts
	testbed_stop_captures
	# What reached the neighbour counts only if the captures ran: the planned target's count
	# on the bridge is the positive control.
	if [ -s "$OUT/testbed/out.pcap" ] && [ -s "$OUT/testbed/bridge.pcap" ]; then
		n=$(tcpdump -r "$OUT/testbed/out.pcap" -n "ip src $TB_SC and ip dst $TB_OUT" 2>/dev/null | wc -l)
		h=$(tcpdump -r "$OUT/testbed/bridge.pcap" -n "ip src $TB_SC and ip dst $TB_H3" 2>/dev/null | wc -l)
		echo "回線3 (当日確認したアドレス $TB_H3) に届いたパケット: $h"
		echo "198.18.10.3 (申告のみ・当日未確認のアドレス) に届いたパケット: $n"
	else
		echo "パケットの記録がありません (tcpdump が動いていません)"
	fi
	testbed_down
	trap - EXIT INT TERM
else
	echo "テスト用ホストを作れないため、脆弱性診断は行わずに報告書を作ります: $why"
	echo "(The test hosts need root and network namespaces: $why. The report is written without the diagnosis.)"
	"$MEDSEC" report -o "$OUT/report"
fi

step "9. 報告書 (外部ネットワーク接続点調査報告書)"
ls -l "$OUT/report"
echo
echo "報告書: $(cd "$OUT/report" && pwd)/report.html  (PDF: report.pdf, 別紙の表: annexes.xlsx)"
[ -f "$OUT/report/early-report.html" ] &&
	echo "早期報告 (別紙4): $(cd "$OUT/report" && pwd)/early-report.html"
step "10. 翌月の再調査: 前回からの変化 (medsec round new → medsec diff)"
# On a copy of the store, so the report above stays this round's: the hospital has updated the
# FortiGate (7.0.12 → 7.0.17) and declares it; nothing is scanned here.
cp "$OUT/medsec.db" "$OUT/next-month.db"
jq '(.devices[] | select(.model == "FortiGate 60F") | .firmware) = "7.0.17"' "$HERE/sample-hospital.json" \
	> "$OUT/next-month.json"
MEDSEC_DB="$OUT/next-month.db" "$MEDSEC" round new
MEDSEC_DB="$OUT/next-month.db" "$MEDSEC" intake --allow-test-addresses "$OUT/next-month.json" 2>/dev/null
MEDSEC_DB="$OUT/next-month.db" "$MEDSEC" plan >/dev/null
MEDSEC_DB="$OUT/next-month.db" "$MEDSEC" diff

echo
echo "所要時間: $(( $(date +%s) - START )) 秒"
