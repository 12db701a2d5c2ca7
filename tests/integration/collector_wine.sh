# collector_wine.sh - the Windows terminal collector, cross-built with mingw-w64 and run under
# wine64 on a prefix with a planted registry (a Windows 10 Pro 22H2 PC with USB storage off, RDP
# on without NLA, SMBv1 on): its JSON field by field, clean "unavailable" records for what the
# prefix does not set, the SHA-256 it reports against sha256sum, and its refusals.
# Verified only under wine: what wine provides (registry, RtlGetVersion, CNG SHA-256, names, WMI
# hotfixes, the Administrators SID); for the rest, that the collector records a clean outcome.
. "$(dirname "$0")/common.inc"
command -v x86_64-w64-mingw32-gcc >/dev/null || skip "x86_64-w64-mingw32-gcc missing (tools/deps.sh test)"
WINE=/usr/lib/wine/wine64
[ -x "$WINE" ] || skip "wine64 missing (tools/deps.sh test installs Debian's wine64)"

cmake -S "$SRC" -B w -DMEDSEC_CORE_ONLY=ON -DCMAKE_TOOLCHAIN_FILE="$SRC/cmake/mingw-w64.cmake" >w.log 2>&1 &&
	cmake --build w --target medsec-collector >>w.log 2>&1 || { tail -20 w.log >&2; fail "build"; finish; }
EXE=w/collector/medsec-collector.exe
x86_64-w64-mingw32-objdump -p "$EXE" | grep -qi "DLL Name: libwinpthread\|DLL Name: libgcc" &&
	fail "the .exe needs mingw DLLs (not static)" || ok

export WINEPREFIX="$T/prefix" WINEDEBUG=-all
cat > scenario.reg <<'REG'
REGEDIT4

[HKEY_LOCAL_MACHINE\SOFTWARE\Microsoft\Windows NT\CurrentVersion]
"ProductName"="Windows 10 Pro"
"EditionID"="Professional"
"DisplayVersion"="22H2"
"CurrentBuild"="19045"
"UBR"=dword:0000104a
"InstallationType"="Client"

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\USBSTOR]
"Start"=dword:00000004

[HKEY_LOCAL_MACHINE\SOFTWARE\Policies\Microsoft\Windows\RemovableStorageDevices\{53f5630d-b6bf-11d0-94f2-00a0c91efb8b}]
"Deny_Write"=dword:00000001

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Terminal Server]
"fDenyTSConnections"=dword:00000000

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\Terminal Server\WinStations\RDP-Tcp]
"UserAuthentication"=dword:00000000
"PortNumber"=dword:00000d3d

[HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\LanmanServer\Parameters]
"SMB1"=dword:00000001
REG
timeout 120 "$WINE" reg import "Z:$T/scenario.reg" >reg.log 2>&1 || { cat reg.log >&2; fail "reg import"; }

mkdir out
expect_status 0 timeout 120 "$WINE" "$EXE" --out "Z:$T/out"
expect_in out.txt "書き出しました"
J=$(ls out/*.json 2>/dev/null | head -1)
[ -n "$J" ] && ok || { fail "no JSON written"; finish; }
jq -e . "$J" >/dev/null && ok || fail "not JSON: $J"
host=$(jq -r '.host.name' "$J")
case "$(basename "$J")" in "${host}"_20[0-9][0-9][01][0-9][0-3][0-9]T[0-9][0-9][0-9][0-9][0-9][0-9]Z.json) ok ;;
	*) fail "file name $(basename "$J") is not HOST_YYYYMMDDTHHMMSSZ.json" ;; esac
expect_eq "$(jq -r '.schema' "$J")" medsec-terminal/1 "schema"
expect_eq "$(jq -r '.collector.sha256' "$J")" "$(sha256sum "$EXE" | cut -d' ' -f1)" "the .exe's SHA-256"
expect_eq "$(jq -r '.collected_at | test("^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")' "$J")" true "UTC time"
expect_eq "$(jq -r '.host.machine_guid | test("^[0-9a-f-]{36}$")' "$J")" true "MachineGuid"
expect_eq "$(jq -r '.elevated | type' "$J")" boolean "elevated"
v() { jq -r --arg id "$1" '.checks[] | select(.id == $id) | [(.value | tostring), .status] | join(" ")' "$J"; }
expect_eq "$(v os.product_name)" "Windows 10 Pro ok" "ProductName"
expect_eq "$(v os.edition_id)" "Professional ok" "EditionID"
expect_eq "$(v os.display_version)" "22H2 ok" "DisplayVersion"
expect_eq "$(v os.current_build)" "19045 ok" "CurrentBuild"
expect_eq "$(v os.ubr)" "4170 ok" "UBR as a number"
expect_eq "$(v usb.usbstor_start)" "4 ok" "USBSTOR disabled"
expect_eq "$(v usb.removable_disks_deny_write)" "1 ok" "Removable Disks: Deny_Write"
expect_eq "$(v usb.write_protect)" "null unavailable" "WriteProtect not set: unavailable, no value"
expect_eq "$(v rdp.deny_connections)" "0 ok" "RDP allowed"
expect_eq "$(v rdp.nla)" "0 ok" "NLA off"
expect_eq "$(v rdp.port)" "3389 ok" "RDP port"
expect_eq "$(v smb.server_smb1)" "1 ok" "SMBv1 server on"
expect_eq "$(jq -r '.checks[] | select(.id == "os.kernel_version") | .status' "$J")" ok "RtlGetVersion"
# What wine lacks is recorded, not fatal: Security Center (its class is not registered), the
# SecurityCenter2, Defender and BitLocker WMI namespaces, the firewall and update agent objects
# (E_NOTIMPL), the account database at NetAPI level 3. What it has: WMI's hotfix list and the
# Administrators group found by its SID.
st() { jq -r --arg id "$1" '.checks[] | select(.id == $id) | [.status, .detail] | join(" ")' "$J"; }
expect_eq "$(st av.wsc.count)" "unavailable Security Center: HRESULT 0x80040154 (not on this Windows)" \
	"no Security Center"
expect_eq "$(st av.wmi.count)" "unavailable ConnectServer: HRESULT 0x8004100e (not on this Windows)" \
	"no root\\SecurityCenter2"
expect_eq "$(jq '[.checks[] | select(.id | startswith("defender.")) | select(.status == "unavailable")] | length' "$J")" 8 \
	"Defender's eight properties, each unavailable"
expect_eq "$(jq -r '[.checks[] | select(.id | test("^firewall\\.(domain|private|public)\\.enabled$")) | .status] | join(" ")' "$J")" \
	"unavailable unavailable unavailable" "firewall profiles"
expect_eq "$(jq -r '.checks[] | select(.id == "updates.wua.total") | .status' "$J")" unavailable "update history"
n=$(jq -r '.checks[] | select(.id == "updates.qfe.count") | .value' "$J")
[ "$n" -ge 0 ] 2>/dev/null && ok || fail "hotfix count: $n"
expect_eq "$(jq --argjson n "$n" '[.checks[] | select(.id | test("^updates\\.qfe\\.[0-9]+\\.kb$")) | select(.value | test("^KB[0-9]+$"))] | length == $n' "$J")" \
	true "each hotfix a KB number"
expect_eq "$(jq -r '.checks[] | select(.id == "admins.group") | [.value, .status] | join(" ")' "$J")" \
	"Administrators ok" "S-1-5-32-544 looked up"
expect_eq "$(jq -r '.checks[] | select(.id == "accounts.count") | .detail | startswith("NetAPI status")' "$J")" true \
	"accounts: the NetAPI status named"
expect_eq "$(jq -r '.checks[] | select(.id == "bitlocker.count") | .status | IN("unavailable", "denied")' "$J")" true \
	"BitLocker: not on wine, or administrators only"
expect_eq "$(jq -r '.checks[] | select(.id == "net.count") | .status' "$J")" ok "the PC's addresses listed"
expect_eq "$(jq '[.checks[] | select(.id | test("^net\\.[0-9]+\\.address$")) | select(.value | test("^[0-9]+(\\.[0-9]+){3}$") | not)] | length' "$J")" \
	0 "each an IPv4 address"
# Every probe has an outcome from the closed set, a source, and a unique id.
expect_eq "$(jq '[.checks[] | select(.status | IN("ok","unavailable","denied","error") | not)] | length' "$J")" 0 \
	"statuses"
expect_eq "$(jq '[.checks[] | select((.source | length) == 0)] | length' "$J")" 0 "sources"
expect_eq "$(jq '[.checks[].id] | length == (unique | length)' "$J")" true "unique ids"
expect_eq "$(jq '[.checks[] | select(.status == "ok" and .value == null)] | length' "$J")" 0 "ok has a value"
expect_eq "$(ls out | grep -c '\.tmp$')" 0 "no temporary file left"

# Without --out it writes beside itself (a USB stick); a folder it cannot write into is refused.
mkdir usb && cp "$EXE" usb/
expect_status 0 timeout 120 "$WINE" usb/medsec-collector.exe --lang en
expect_in out.txt "written:"
[ "$(ls usb/*.json 2>/dev/null | wc -l)" = 1 ] && ok || fail "no JSON beside the .exe"
expect_status 1 timeout 120 "$WINE" "$EXE" --out "Z:$T/no/such/folder"
expect_in err.txt "書き込めません"
expect_status 2 timeout 120 "$WINE" "$EXE" --frobnicate
expect_status 0 timeout 120 "$WINE" "$EXE" --help
expect_in out.txt "使い方: medsec-collector.exe"

# Back from the PCs: medsec terminal import matches the file to the declared terminal by host name,
# and the analysis decides: Windows 10 Pro 22H2 ended on 2025-10-14 (MEDSEC_NOW is 2026-11-23).
jq --arg h "$host" '.terminals[0].hostname = ($h | ascii_upcase)' "$SAMPLE" > h.json
expect_status 0 "$MEDSEC" intake --allow-test-addresses h.json
cp "$J" bad.json
jq '.checks[0].status = "maybe"' "$J" > bad.json
expect_status 2 "$MEDSEC" terminal import out bad.json
expect_in err.txt "bad.json:/checks/0/status: maybe"
expect_status 0 "$MEDSEC" terminal show --json
expect_eq "$(jq '.terminals | length' out.txt)" 0 "a refused import stores nothing"
expect_status 0 "$MEDSEC" terminal import out
expect_in out.txt "1 件 (うち記入依頼書にない端末 0 件)"
expect_status 0 "$MEDSEC" terminal show --json
T0='.terminals[0]'
expect_eq "$(jq -r "$T0 | [.declared, .no] | map(tostring) | join(\" \")" out.txt)" "true 1" "matched to terminal 1, case aside"
expect_eq "$(jq -r "$T0 | [.os.family, .os.build, .os.ubr, .os.display_version] | map(tostring) | join(\" \")" out.txt)" \
	"windows10 19045 4170 22H2" "OS"
expect_eq "$(jq -r "$T0 | [.os_support, .support_ends, .esu_ends] | join(\" \")" out.txt)" \
	"ended 2025-10-14 2026-10-13" "Windows 10 Pro 22H2: ended"
expect_eq "$(jq -r "$T0 | [.usb_storage, .rdp.allowed, .rdp.nla, .smb1] | map(tostring) | join(\" \")" out.txt)" \
	"blocked true false true" "USB, RDP, SMBv1"
expect_eq "$(jq -r "$T0 | [.av_status, (.av | length), (.findings | index(\"terminal-av-none\"))] | map(tostring) | join(\" \")" out.txt)" \
	"unknown 0 null" "nothing readable about antivirus: unknown, no finding"
# The same PC again (the copy beside the .exe): its newer file replaces the older, no duplicate.
expect_status 0 "$MEDSEC" terminal import usb
expect_status 0 "$MEDSEC" terminal show
expect_eq "$(grep -c 'OS: Windows 10 Pro' out.txt)" 1 "one PC, one entry"
expect_in out.txt "サポート終了 (2025-10-14)"
expect_in out.txt "USB使用制限: 制限あり (使用不可)"
expect_in out.txt "リモートデスクトップ: 許可 (NLA なし)"
expect_status 2 "$MEDSEC" terminal import "$T/empty-nothing"

# Chapter 4 of the report, and its JSON against the schema.
expect_status 0 "$MEDSEC" plan
expect_status 0 "$MEDSEC" report -o rep --format html,json
expect_in rep/report.html "サポート終了 (2025-10-14。ESU 契約時 2026-10-13 まで)"
expect_in rep/report.html "Windows 10 Pro 22H2 (19045.4170)"
expect_in rep/report.html "あり (使用不可)"
expect_in rep/report.html "未調査" # the declared terminals no file came back for
expect_eq "$(jq -r '.terminals[0] | [.no, .os_support, .usb_storage] | map(tostring) | join(" ")' rep/report.json)" \
	"1 ended blocked" "report.json terminals"
# The terminal survey's findings, ranked with the rest, with the manual's chapter.
F='.findings[] | select(.source == "terminal")'
expect_eq "$(jq -r "[$F | .rule + \":\" + .severity] | join(\" \")" rep/report.json)" \
	"terminal-os-ended:high terminal-updates-old:medium terminal-rdp-no-nla:medium terminal-smb1:medium" \
	"terminal findings (updates-old: wine's one hotfix is dated 2022)"
expect_eq "$(jq -r "$F | select(.rule == \"terminal-os-ended\") | .title" rep/report.json)" \
	"端末1 (${host}) の OS はサポートが終了しています (2025-10-14 まで)" "title"
expect_eq "$(jq -r "$F | select(.rule == \"terminal-os-ended\") | .manual" rep/report.json)" \
	"09 OSのセキュリティ・パッチ適用" "manual chapter"
python3 -c 'import json, jsonschema, sys; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
	"$SRC/docs/json/report.schema.json" rep/report.json && ok || fail "report.json against its schema"
finish
