# probe_netns.sh - medsec probe on the network-namespace test bed: every open TCP port of the
# real services identified with product, version and CPE from their own replies, TLS details
# of nginx's certificate, and nothing contacted outside the plan.
. "$(dirname "$0")/common.inc"
. "$SRC/tests/netns/testbed.sh"

if ! why=$(testbed_can_run); then
	skip "the namespace test bed $why; CI runs it as root"
fi
trap 'kill $emu 2>/dev/null; testbed_down; rm -rf "$T"' EXIT
testbed_up "$T"
SC="ip netns exec $(tb_ns sc)"
# Devices we cannot run, beside the real services on h1 (tests/netns/emulators.py).
ip netns exec "$(tb_ns h1)" python3 "$SRC/tests/netns/emulators.py" "$TB_H1" "$T/h1/cert.pem" "$T/h1/key.pem" 300 &
emu=$!
ip netns exec "$(tb_ns h1)" /usr/bin/python3 "$SRC/tests/netns/ssh_emulator.py" "$TB_H1" 2200 300 &
emu="$emu $!"
# Up to 15 s: the SSH emulator makes its RSA host key first.
i=0
while [ $i -lt 50 ]; do
	$SC python3 -c "import socket; [socket.create_connection(('$TB_H1', p), 0.5) for p in (10443, 2200)]" 2>/dev/null && break
	sleep 0.3
	i=$((i + 1))
done

jq '.lines = [(.lines[0] + {no: 1, global_ip: "'$TB_H1'"})] | .devices = [] | .terminals = [] | .locations = []' \
	"$SAMPLE" > bed.json
"$MEDSEC" intake --allow-test-addresses bed.json >/dev/null && "$MEDSEC" plan >/dev/null || fail "plan"
expect_status 2 $SC "$MEDSEC" probe
expect_in err.txt "スキャンはまだありません"	# no scan yet
$SC "$MEDSEC" scan --method connect --ports 1-1024,1433,2200,2222,2323,2324,3389,3390,4433,4443,5060,5432,5900,8081,8082,8083,8443,8444,9443,10443,13389,31337,$TB_HIGH_PORT --udp-ports 53,123,137,161,500,4500,5060 --rate 20000 \
	--host-rate 20000 >/dev/null || fail "scan"

start=$(date +%s)
expect_status 0 $SC "$MEDSEC" probe --json
took=$(($(date +%s) - start))
cp out.txt probe.json
svc() { jq -r --argjson p "$1" '.services[] | select(.port == $p and .proto == "tcp") | '"$2" probe.json; }
udp() { jq -r --argjson p "$1" '.services[] | select(.port == $p and .proto == "udp") | '"$2" probe.json; }

sshd_version=$(dpkg-query -W -f='${Version}' openssh-server | sed 's/^[0-9]*://; s/-.*//')
expect_eq "$(svc 22 '[.service, .product, .version] | join(" ")')" "ssh OpenSSH $sshd_version" "22: sshd"
cp probe.json "$T/keep-probe.json" 2>/dev/null
cp probe.json /tmp/last-probe.json
expect_eq "$(svc 22 '.cpe')" "cpe:2.3:a:openbsd:openssh:$sshd_version:*:*:*:*:*:*:*" "22: CPE"
expect_eq "$(svc 22 '.extra | startswith("Debian")')" true "22: the distribution build is kept"
vsftpd_version=$(dpkg-query -W -f='${Version}' vsftpd | sed 's/-.*//')
expect_eq "$(svc 21 '[.service, .product, .version] | join(" ")')" "ftp vsftpd $vsftpd_version" "21: vsftpd"
expect_eq "$(svc 23 '[.service, .product, .cpe] | join("|")')" \
	"telnet|GNU inetutils telnetd|cpe:2.3:a:gnu:inetutils:*:*:*:*:*:*:*:*" "23: inetutils telnetd by its option negotiation"
dnsmasq_version=$(dpkg-query -W -f='${Version}' dnsmasq-base | sed 's/-.*//')
expect_eq "$(svc 53 '[.service, .product, .version] | join(" ")')" "dns dnsmasq $dnsmasq_version" "53: dnsmasq by version.bind"
nginx_version=$(dpkg-query -W -f='${Version}' nginx-common | sed 's/-.*//')
expect_eq "$(svc 80 '[.service, .product, .version, .tls_wrapped] | join(" ")')" "http nginx $nginx_version false" "80: nginx"
for p in 443 8443; do
	expect_eq "$(svc $p '[.service, .product, .version, .tls_wrapped] | join(" ")')" "http nginx $nginx_version true" "$p: nginx over TLS"
	expect_eq "$(svc $p '.tls.version')" TLSv1.2 "$p: TLS version (nginx 1.22 offers up to TLS 1.2 by default)"
	expect_eq "$(svc $p '[.tls.self_signed, .tls.key_type, .tls.key_bits] | join(" ")')" "true RSA 2048" "$p: certificate"
	expect_eq "$(svc $p '.tls.not_after | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")')" true "$p: expiry"
	# nginx 1.22 on Debian 12's OpenSSL 3 (security level 2): TLS 1.2 only, no weak suite.
	expect_eq "$(svc $p '.tls.offered + "|" + .tls.weak_ciphers')" "TLSv1.2|" "$p: versions offered"
done
# UDP, asked in each protocol's own terms.
expect_eq "$(udp 161 '[.service, .product, .extra] | join(" ")')" "snmp Net-SNMP on Linux community public" "161/udp: snmpd"
expect_eq "$(udp 161 '.cpe | startswith("cpe:2.3:o:linux:linux_kernel:")')" true "161/udp: kernel CPE"
expect_eq "$(udp 53 '.product + " " + .version')" "dnsmasq $dnsmasq_version" "53/udp: dnsmasq"
expect_eq "$(udp 123 '.service')" ntp "123/udp: chrony"
# chrony is not named: nothing it sends an unauthenticated client tells it from ntpd or others
# (an unsynchronised server sends stratum 0 in every implementation, RFC 5905 7.3), and a
# wrong product would be worse than none.
expect_eq "$(udp 123 '[.product, .cpe] | map(. // "") | join("|")')" "|" "123/udp: no product claimed"
expect_eq "$(udp 137 '.service + " " + (.extra | startswith("name ") | tostring)')" "netbios-ns true" "137/udp: nmbd"
expect_eq "$(udp 500 '.service')$(udp 4500 '.service')" ikeike "500, 4500/udp: charon"
expect_eq "$(udp 500 '[.product, .cpe, .extra] | join("|")')" \
	"strongSwan|cpe:2.3:a:strongswan:strongswan:*:*:*:*:*:*:*:*|IKEv1 Main Mode: our proposal (MODP1024) accepted" \
	"500/udp: strongSwan by its vendor ID, in the answer to a proposal it accepts"
# Samba: SMB2 and later only; the NetBIOS session service answers.
expect_eq "$(svc 445 '.service + " " + .extra')" "smb SMBv1 refused (SMB2 or later)" "445: samba refuses SMB1"
# ...and is named by its NTLMSSP challenge (SMB2 negotiate, then a session setup with no credentials).
expect_eq "$(svc 445 '[.product, .cpe, .followup] | join("|")')" \
	"Samba|cpe:2.3:a:samba:samba:*:*:*:*:*:*:*:*|smb2-negotiated smb-samba" "445: Samba by its NTLMSSP version"
expect_eq "$(svc 139 '.service')" netbios-ssn "139: NetBIOS session service"
# The emulated devices.
expect_eq "$(svc 3389 '.service + " " + .extra')" "rdp NLA required" "3389: RDP with NLA"
expect_eq "$(svc 3390 '.service + " " + .extra')" "rdp NLA not required" "3390: RDP without NLA"
expect_eq "$(svc 3390 '.product')" "Microsoft Remote Desktop" "3390: Windows by a flag only Microsoft's server sets"
# Real xrdp (Linux): RDP without NLA, but never Microsoft's product or CPE (xrdp_iso.c sets flags 0x01).
expect_eq "$(svc 13389 '[.service, .extra, .product, .cpe] | map(. // "") | join("|")')" "rdp|NLA not required||" \
	"13389: xrdp is RDP without NLA, not Microsoft Remote Desktop"
expect_eq "$(svc 5900 '.service + " " + .version')" "vnc RFB 3.8" "5900: VNC"
expect_eq "$(svc 5900 '.followup + ": " + .extra')" "vnc-none-auth: security type None: no password" \
	"5900: VNC security types read on the same connection"
expect_eq "$(svc 2222 '.product + " " + .version + " " + .cpe')" \
	"OpenSSH 7.4 cpe:2.3:a:openbsd:openssh:7.4:*:*:*:*:*:*:*" "2222: old OpenSSH"
expect_eq "$(svc 2323 '.service + " " + .device')" "telnet Yamaha RTX/NVR" "2323: Yamaha telnet"
expect_eq "$(svc 2324 '[.service, .device, .match] | join(" ")')" "telnet Cisco IOS/IOS XE cisco-telnet" "2324: Cisco telnet"
expect_eq "$(svc 10443 '[.device, .cpe, .tls_wrapped] | join(" ")')" \
	"FortiGate cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:* true" "10443: FortiGate SSL-VPN over TLS"
# Databases and a PBX: PostgreSQL itself (no version before a login), SQL Server's PRELOGIN, SIP.
expect_eq "$(svc 5432 '[.service, .product, .extra, .cpe] | join(" ")')" \
	"postgresql PostgreSQL SCRAM-SHA-256 cpe:2.3:a:postgresql:postgresql:*:*:*:*:*:*:*:*" "5432: PostgreSQL"
expect_eq "$(svc 1433 '[.service, .product, .version] | join(" ")')" "mssql Microsoft SQL Server 15.0.2000" \
	"1433: SQL Server by PRELOGIN"
for sip in "$(udp 5060 '[.service, .product, .version, .cpe] | join(" ")')" "$(svc 5060 '[.service, .product, .version, .cpe] | join(" ")')"; do
	expect_eq "$sip" "sip Asterisk PBX 16.28.0 cpe:2.3:a:digium:asterisk:16.28.0:*:*:*:*:*:*:*" "5060: SIP OPTIONS"
done
/usr/bin/python3 -c "import json,jsonschema,sys; jsonschema.validate(json.load(open('probe.json')), json.load(open(sys.argv[1])))" \
	"$SRC/docs/json/probe.schema.json" && ok || fail "probe JSON against docs/json/probe.schema.json"
# Findings, each with its reason: the right check on the right port.
finding() { jq -r --argjson p "$1" --arg c "$2" '.findings[] | select(.port == $p and .check == $c) | .severity' probe.json | head -1; }
expect_eq "$(finding 3390 rdp-no-nla)" critical "finding: RDP without NLA"
expect_eq "$(finding 13389 rdp-no-nla)" critical "finding: RDP without NLA on xrdp too"
expect_eq "$(finding 3390 rdp-exposed)" "" "finding: the specific RDP finding replaces the general one"
expect_eq "$(finding 3389 rdp-exposed)" high "finding: RDP exposed"
expect_eq "$(finding 445 smb-exposed)$(finding 139 smb-exposed)" highhigh "finding: SMB/NetBIOS exposed"
expect_eq "$(finding 23 telnet-exposed)$(finding 2323 telnet-exposed)$(finding 2324 telnet-exposed)" highhighhigh \
	"finding: telnet exposed"
expect_eq "$(finding 5900 vnc-no-auth)$(finding 5900 vnc-exposed)" critical "finding: VNC without a password"
expect_eq "$(finding 21 ftp-exposed)" medium "finding: FTP exposed"
expect_eq "$(finding 5432 db-exposed)$(finding 1433 db-exposed)" highhigh "finding: databases exposed"
expect_eq "$(finding 53 dns-open)" low "finding: DNS answers"
expect_eq "$(finding 161 snmp-public)" high "finding: SNMP public"
expect_eq "$(finding 137 netbios-ns-exposed)$(finding 123 ntp-open)$(finding 500 ike-weak-dh)" mediumlowmedium \
	"finding: NetBIOS names, NTP, IKE accepting DH group 2"
expect_eq "$(finding 10443 vpn-portal)$(finding 4443 vpn-portal)$(finding 9443 vpn-portal)" infoinfoinfo "finding: SSL-VPN portals"
# VPN portals by where their root redirects, with the page title.
expect_eq "$(svc 4443 '[.device, .location, .title, .tls_wrapped] | join("|")')" \
	"Palo Alto Networks|/global-protect/login.esp|GlobalProtect Portal|true" "4443: GlobalProtect"
expect_eq "$(svc 9443 '.product + " " + .cpe')" "Citrix Gateway cpe:2.3:a:citrix:netscaler_gateway:*:*:*:*:*:*:*:*" \
	"9443: Citrix Gateway"
# Vendors' web UIs by their Server header or page, and a known implant by the check Cisco published.
expect_eq "$(svc 8444 '[.product, .device, .tls_wrapped] | join("|")')" "SonicWall SMA|SonicWall SMA|true" "8444: SonicWall SMA"
expect_eq "$(svc 8083 '.product + " " + .cpe')" "SonicOS cpe:2.3:o:sonicwall:sonicos:*:*:*:*:*:*:*:*" "8083: SonicOS"
expect_eq "$(svc 8082 '[.product, .device, .cpe] | join("|")')" \
	"Cisco IOS XE web UI|Cisco IOS XE|cpe:2.3:o:cisco:ios_xe:*:*:*:*:*:*:*:*" "8082: IOS XE web UI"
expect_eq "$(svc 8082 '.followup + "|" + .extra')" "cisco-iosxe-implant|implant answer 0ff2ecd3c8e2d5b3b3" \
	"8082: the implant answered the follow-up POST (a new connection)"
expect_eq "$(finding 8082 iosxe-implant)$(finding 8082 mgmt-ui-exposed)$(finding 8083 mgmt-ui-exposed)" criticalhighhigh \
	"finding: IOS XE implant, management pages exposed"
expect_eq "$(finding 8444 vpn-portal)" info "finding: SonicWall SMA portal"
# The favicon, hashed as search engines do, checked against an independent MurmurHash3 here.
want=$(/usr/bin/python3 - "$T/h1/favicon.ico" <<'PY'
import base64, sys
def mmh3_x86_32(data, seed=0):
    c1, c2, h, n = 0xcc9e2d51, 0x1b873593, seed, len(data)
    rotl = lambda x, r: ((x << r) | (x >> (32 - r))) & 0xffffffff
    for i in range(0, n - n % 4, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = rotl((k * c1) & 0xffffffff, 15) * c2 & 0xffffffff
        h = (rotl(h ^ k, 13) * 5 + 0xe6546b64) & 0xffffffff
    k = int.from_bytes(data[n - n % 4:], "little")
    if n % 4:
        h ^= rotl((k * c1) & 0xffffffff, 15) * c2 & 0xffffffff
    h ^= n
    for s, m in ((16, 0x85ebca6b), (13, 0xc2b2ae35)):
        h = ((h ^ (h >> s)) * m) & 0xffffffff
    h ^= h >> 16
    return h - (1 << 32) if h >= 1 << 31 else h
print(mmh3_x86_32(base64.encodebytes(open(sys.argv[1], "rb").read())))
PY
)
expect_eq "$(svc 80 '.favicon_mmh3')" "$want" "80: favicon hash (nginx serves /favicon.ico)"
expect_eq "$(svc 443 '.favicon_mmh3')" null "443: no icon, no hash"
# A port nothing identifies, beside a FortiGate, that FortiOS's port list never names.
expect_eq "$(finding $TB_HIGH_PORT off-family-port)" medium "finding: unidentified service off the FortiGate's ports"
expect_eq "$(finding 22 off-family-port)$(finding 10443 off-family-port)" "" "identified services are not counted"
# A bind shell: a prompt without a login.
expect_eq "$(svc 31337 '.service + " " + .match')" "shell shell-prompt" "31337: bind shell"
expect_eq "$(jq -r '.findings[] | select(.port == 31337) | .kind + " " + .severity' probe.json)" "backdoor critical" \
	"finding: backdoor"
# The old embedded web server: TLS 1.0 and 1.1 still accepted, anonymous suites too (Debian 12's
# OpenSSL has no 3DES, RC4 or export suites left to offer).
expect_eq "$(svc 4433 '.product + " " + .version + " " + .tls.offered')" "Boa 0.94.14rc21 TLSv1 TLSv1.1 TLSv1.2" \
	"4433: old web server, old TLS"
expect_eq "$(svc 4433 '.tls.weak_ciphers | test("^A?ECDH-|^ADH-|AECDH")')" true "4433: anonymous suites accepted"
expect_eq "$(finding 4433 tls-old-protocol)$(finding 4433 tls-weak-cipher)$(finding 443 tls-old-protocol)" mediummedium \
	"finding: old TLS and weak suites where offered, not on nginx"
expect_eq "$(finding 443 tls-self-signed)$(finding 8443 tls-self-signed)$(finding 10443 tls-self-signed)" lowlowlow \
	"finding: self-signed certificates"
expect_eq "$(finding 22 telnet-exposed)$(finding 80 tls-self-signed)" "" "no finding where none applies"
expect_eq "$(jq -r '.findings[0].severity' probe.json)" critical "most severe first"
expect_eq "$(jq '[.findings[] | select(.reason == null or .advice == null or .manual == null)] | length' probe.json)" 0 \
	"every finding explains itself"
# Every result carries its evidence; the silent listener is left unidentified, not guessed.
expect_eq "$(jq '[.services[] | select(.service != null) | select(.evidence == null)] | length' probe.json)" 0 "evidence"
expect_eq "$(svc $TB_HIGH_PORT '.service')" null "silent port"
$SC "$MEDSEC" scan --show --json > scan.json
expect_eq "$(jq '.services | length' probe.json)" "$(jq '[.hosts[].ports[]] | length' scan.json)" \
	"one result per open port"
[ "$took" -le 20 ] && ok || fail "probing took ${took}s"

# Default accounts: refused without the hospital's consent, tried with it, never a password kept.
expect_status 2 $SC "$MEDSEC" probe --try-default-accounts
expect_in err.txt "同意が記録されていません"
expect_status 0 "$MEDSEC" consent add --by "院長 山田" --note "2026-11-20 打合せ" default-accounts
expect_status 0 "$MEDSEC" consent
expect_in out.txt "院長 山田"
mkdir data && cp "$SRC"/data/*.json data/
jq '.accounts += [{"id": "test-basic", "service": "http", "method": "http-basic", "user": "admin",
  "password": "password", "source": "the test bed only"},
  {"id": "test-ssh", "service": "ssh", "method": "ssh", "user": "admin", "password": "admin-test",
  "source": "the test bed only"}]' "$SRC/data/default-accounts.json" > data/default-accounts.json
MEDSEC_DATA="$T/data" $SC "$MEDSEC" probe --json --try-default-accounts > accounts.json 2> accounts.err || fail "probe with accounts"
acct() { jq -r --argjson p "$1" '.services[] | select(.port == $p and .proto == "tcp") | .default_account | "\(.accepted) \(.user)"' accounts.json; }
expect_eq "$(acct 2323)" "true (no user name)" "Yamaha factory state: empty password accepted"
expect_eq "$(acct 8081)" "true admin" "Basic authentication: admin accepted"
expect_eq "$(acct 21)" "false null" "vsftpd: anonymous refused"
expect_eq "$(acct 2200)" "true admin" "SSH: admin accepted (after the shipped FortiGate default was refused)"
expect_eq "$(acct 22)" "false null" "sshd: no default account accepted"
expect_eq "$(acct 80)" "null null" "no default tried where none fits"
expect_eq "$(jq -r '.findings[] | select(.check == "default-account") | "\(.port) \(.severity) \(.detail)"' accounts.json | sort | tr '\n' ';')" \
	"2200 critical admin;2323 critical (no user name);8081 critical admin;" "findings: default accounts"
expect_eq "$(sqlite3 "$MEDSEC_DB" "SELECT port || ' ' || severity || ' ' || detail FROM finding WHERE check_id = 'default-account' ORDER BY port" | tr '\n' ';')" \
	"2200 critical admin;2323 critical (no user name);8081 critical admin;" "findings stored, user names only"
sqlite3 "$MEDSEC_DB" .dump > dump.sql
for secret in YWRtaW46cGFzc3dvcmQ admin:password '"password"' admin-test; do
	cat accounts.json accounts.err dump.sql | grep -qF "$secret" && fail "the password leaked: $secret" || ok
done
# Stored with the scan: one row per open port, the TLS facts as JSON.
expect_eq "$(sqlite3 "$MEDSEC_DB" "SELECT count(*) FROM service WHERE port IN (22, 443)")" 2 "stored"
expect_eq "$(sqlite3 "$MEDSEC_DB" "SELECT json_extract(tls, '$.key_type') FROM service WHERE port = 443")" RSA "TLS stored"
expect_status 0 $SC "$MEDSEC" probe
expect_in out.txt "$TB_H1:22/tcp"
expect_in out.txt "根拠:"
expect_in out.txt "[緊急] $TB_H1:3390/tcp リモートデスクトップ (RDP) が認証前の接続を受け付けます (NLA 無効)"
finish
