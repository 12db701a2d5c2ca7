# terminal.sh - the terminal survey's analysis of what only Windows gives (no wine needed): the
# example file of a Windows 11 PC (examples/terminals/IJI-PC-003.json) imported and matched to
# 端末2; its security products (a passive Defender beside Trend Micro is not a second product),
# last OS update (antivirus definitions and a failed update do not count), firewall, accounts
# and password policy in `terminal show` and report.json; the findings ranked with their texts
# in both languages; chapter 4 of the report; report.json against its schema.
. "$(dirname "$0")/common.inc"
PC=$SRC/examples/terminals/IJI-PC-003.json

expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_status 0 "$MEDSEC" terminal import "$PC"
expect_in out.txt "1 件 (うち記入依頼書にない端末 0 件)"
expect_status 0 "$MEDSEC" terminal show --json
T0='.terminals[0]'
expect_eq "$(jq -r "$T0 | [.no, .os.family, .os_support, .support_ends] | map(tostring) | join(\" \")" out.txt)" \
	"2 windows11 supported 2027-10-12" "Windows 11 Enterprise 24H2 (ProductName says 10)"
expect_eq "$(jq -c "$T0.av" out.txt)" \
	'[{"name":"Trend Micro Apex One","enabled":true,"up_to_date":true,"signature_age_days":null,"source":"wsc"}]' \
	"the product in use, Defender standing aside"
expect_eq "$(jq -r "$T0 | [.av_status, .last_update, .update_age_days] | map(tostring) | join(\" \")" out.txt)" \
	"protected 2026-09-10 74" "protected; last OS update 74 days before 2026-11-23"
expect_eq "$(jq -c "$T0 | [.firewall, .password_policy, .admins]" out.txt)" \
	'[{"domain":true,"private":true,"public":false},{"min_length":0,"max_age_days":42,"lockout_threshold":10},1]' \
	"firewall, policy, administrators"
expect_eq "$(jq -r "$T0 | .weaknesses + .findings | join(\" \")" out.txt)" \
	"short_passwords firewall_off terminal-updates-old terminal-usb-open terminal-firewall-off terminal-password-short" \
	"weaknesses and findings"
# A PC renamed since the intake is still 端末2: the address the intake gives is one of its own;
# it stays one PC (its MachineGuid), the file imported last standing for it.
jq '.host.name = "IJI-PC-003-NEW"' "$PC" > renamed.json
expect_status 0 "$MEDSEC" terminal import renamed.json
expect_in out.txt "1 件 (うち記入依頼書にない端末 0 件)"
expect_status 0 "$MEDSEC" terminal show --json
expect_eq "$(jq -r '.terminals[] | select(.host == "IJI-PC-003-NEW") | .no' out.txt)" 2 "matched by 192.168.20.52"
expect_eq "$(jq '.terminals | length' out.txt)" 1 "the same MachineGuid: one PC, the newer file"
expect_status 0 "$MEDSEC" terminal import "$PC"
expect_status 0 "$MEDSEC" terminal show
expect_in out.txt "ウイルス対策: Trend Micro Apex One (有効・パターンファイル最新)"
expect_in out.txt "最終更新: 2026-09-10 / ファイアウォール: 無効 / パスワード最小文字数: 0 / ロックアウト: 10"

# A PC whose Security Center lists nothing; one on Windows Server (Defender's status only), its
# definitions out of date: each read from the file alone.
jq '.host.name = "IJI-PC-009" | .host.machine_guid = "x-9" | .checks |= map(select(.id | startswith("net.") | not))
    | (.checks[] | select(.id == "av.wsc.count") | .value) = 0
    | .checks |= map(select(.id | test("^av\\.wsc\\.[0-9]") | not))' "$PC" > none.json
jq '.host.name = "SRV-01" | .host.machine_guid = "x-srv" | .checks |= map(select(.id | startswith("net.") | not))
    | (.checks[] | select(.id == "os.edition_id") | .value) = "ServerStandard"
    | (.checks[] | select(.id == "os.installation_type") | .value) = "Server"
    | (.checks[] | select(.id == "defender.running_mode") | .value) = "Normal"
    | (.checks[] | select(.id == "defender.realtime_enabled") | .value) = 1
    | .checks |= map(if (.id | test("^av\\.(wsc|wmi)\\.count$")) then .value = null | .status = "unavailable"
                     | .detail = "Security Center: HRESULT 0x80040154 (not on this Windows)" else . end)
    | .checks |= map(select(.id | test("^av\\.(wsc|wmi)\\.[0-9]") | not))' "$PC" > server.json
expect_status 0 "$MEDSEC" terminal import none.json server.json
expect_in out.txt "2 件 (うち記入依頼書にない端末 2 件)"
expect_status 0 "$MEDSEC" terminal show --json
expect_eq "$(jq -r '.terminals[] | select(.host == "IJI-PC-009") | .av_status' out.txt)" none "an empty list: none"
expect_eq "$(jq -c '.terminals[] | select(.host == "SRV-01") | [.av_status, .av[0].source, .av[0].signature_age_days]' out.txt)" \
	'["stale","defender",41]' "Server: Defender's own status, 41 days old"

# A newer lifecycle list, imported like the firmware lists: checked entry by entry (a bad one is
# refused with its place and nothing is kept), then its dates win over the shipped ones.
cat > newer.json <<'JSON'
{"medsec_windows_lifecycle": 1, "entries": [
 {"family": "windows11", "build": 26200, "release": "25H2", "editions": "enterprise_education",
  "ends": "2028-10-10", "source": "test: a release newer than the shipped list"},
 {"family": "windows11", "build": 26100, "release": "24H2", "editions": "enterprise_education",
  "ends": "2026-11-10", "source": "test: a date that differs from the shipped one"}]}
JSON
jq '.entries[1].ends = "soon"' newer.json > bad-list.json
expect_status 2 "$MEDSEC" terminal lifecycle bad-list.json
expect_in err.txt "bad-list.json:/entries/1"
expect_status 0 "$MEDSEC" terminal show --json
expect_eq "$(jq -r '.terminals[] | select(.no == 2) | .os_support' out.txt)" supported "nothing kept of a bad list"
expect_status 0 "$MEDSEC" terminal lifecycle newer.json
expect_in out.txt "追加 1 件・置き換え 1 件"
expect_status 0 "$MEDSEC" terminal show --json
expect_eq "$(jq -r '.terminals[] | select(.no == 2) | [.os_support, .support_ends] | join(" ")' out.txt)" \
	"ended 2026-11-10" "the imported date decides"
expect_status 0 "$MEDSEC" terminal show
expect_in out.txt "newer.json を重ねて判定"
printf '{"medsec_windows_lifecycle": 1, "entries": []}\n' > empty-list.json
expect_status 0 "$MEDSEC" terminal lifecycle empty-list.json # replaces the import: shipped dates again

# The report: chapter 4 with the products and definitions, the settings table, the findings.
expect_status 0 "$MEDSEC" plan
expect_status 0 "$MEDSEC" report -o rep --format html,json
expect_in rep/report.html "Trend Micro Apex One"
expect_in rep/report.html "端末の更新と設定"
expect_in rep/report.html "2026-09-10 (74日前)"
expect_in rep/report.html "古い (41日前)"
F='.findings[] | select(.source == "terminal")'
expect_eq "$(jq -r "[$F | select(.subject | test(\"IJI-PC-003\")) | .rule + \":\" + .severity] | join(\" \")" rep/report.json)" \
	"terminal-updates-old:medium terminal-firewall-off:medium terminal-usb-open:low terminal-password-short:low" \
	"端末2's findings, ranked"
expect_eq "$(jq -r "$F | select(.rule == \"terminal-updates-old\" and (.subject | test(\"IJI-PC-003\"))) | .title" rep/report.json)" \
	"端末2 (IJI-PC-003) は 74 日間 Windows の更新プログラムが適用されていません (最終 2026-09-10)" "title"
expect_eq "$(jq -r "$F | select(.rule == \"terminal-av-none\") | [.severity, .manual] | join(\" \")" rep/report.json)" \
	"high 08 ウイルス対策ソフトの管理" "no product: high, manual chapter 08"
expect_eq "$(jq -r "$F | select(.rule == \"terminal-av-stale\") | .subject" rep/report.json)" \
	"SRV-01 (記入依頼書にない端末)" "Server's stale definitions"
python3 -c 'import json, jsonschema, sys; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
	"$SRC/docs/json/report.schema.json" rep/report.json && ok || fail "report.json against its schema"
expect_status 0 "$MEDSEC" --lang en report -o en --format json
expect_eq "$(jq -r "[$F | select(.rule == \"terminal-firewall-off\")][0].title" en/report.json)" \
	"Windows Firewall is off in a profile of terminal 2 (IJI-PC-003)" "English"
finish
