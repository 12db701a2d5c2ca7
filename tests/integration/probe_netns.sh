# probe_netns.sh - medsec probe on the network-namespace test bed: every open TCP port of the
# real services identified with product, version and CPE from their own replies, TLS details
# of nginx's certificate, and nothing contacted outside the plan.
. "$(dirname "$0")/common.inc"
. "$SRC/tests/netns/testbed.sh"

if ! why=$(testbed_can_run); then
	echo "SKIP: the namespace test bed $why; CI runs it as root"
	exit 77
fi
trap 'testbed_down; rm -rf "$T"' EXIT
testbed_up "$T"
SC="ip netns exec $(tb_ns sc)"

jq '.lines = [(.lines[0] + {no: 1, global_ip: "'$TB_H1'"})] | .devices = [] | .terminals = [] | .locations = []' \
	"$SAMPLE" > bed.json
"$MEDSEC" intake --allow-test-addresses bed.json >/dev/null && "$MEDSEC" plan >/dev/null || fail "plan"
expect_status 2 $SC "$MEDSEC" probe
expect_in err.txt "スキャンはまだありません"	# no scan yet
$SC "$MEDSEC" scan --method connect --ports 1-1024,8443,$TB_HIGH_PORT --udp-ports none --rate 20000 \
	--host-rate 20000 >/dev/null || fail "scan"

start=$(date +%s)
expect_status 0 $SC "$MEDSEC" probe --json
took=$(($(date +%s) - start))
cp out.txt probe.json
svc() { jq -r --argjson p "$1" '.services[] | select(.port == $p) | '"$2" probe.json; }

sshd_version=$(dpkg-query -W -f='${Version}' openssh-server | sed 's/^[0-9]*://; s/-.*//')
expect_eq "$(svc 22 '[.service, .product, .version] | join(" ")')" "ssh OpenSSH $sshd_version" "22: sshd"
cp probe.json "$T/keep-probe.json" 2>/dev/null
cp probe.json /tmp/last-probe.json
expect_eq "$(svc 22 '.cpe')" "cpe:2.3:a:openbsd:openssh:$sshd_version:*:*:*:*:*:*:*" "22: CPE"
expect_eq "$(svc 22 '.extra | startswith("Debian")')" true "22: the distribution build is kept"
vsftpd_version=$(dpkg-query -W -f='${Version}' vsftpd | sed 's/-.*//')
expect_eq "$(svc 21 '[.service, .product, .version] | join(" ")')" "ftp vsftpd $vsftpd_version" "21: vsftpd"
expect_eq "$(svc 23 '.service')" telnet "23: telnetd"
dnsmasq_version=$(dpkg-query -W -f='${Version}' dnsmasq-base | sed 's/-.*//')
expect_eq "$(svc 53 '[.service, .product, .version] | join(" ")')" "dns dnsmasq $dnsmasq_version" "53: dnsmasq by version.bind"
nginx_version=$(dpkg-query -W -f='${Version}' nginx-common | sed 's/-.*//')
expect_eq "$(svc 80 '[.service, .product, .version, .tls_wrapped] | join(" ")')" "http nginx $nginx_version false" "80: nginx"
for p in 443 8443; do
	expect_eq "$(svc $p '[.service, .product, .version, .tls_wrapped] | join(" ")')" "http nginx $nginx_version true" "$p: nginx over TLS"
	expect_eq "$(svc $p '.tls.version')" TLSv1.2 "$p: TLS version (nginx 1.22 offers up to TLS 1.2 by default)"
	expect_eq "$(svc $p '[.tls.self_signed, .tls.key_type, .tls.key_bits] | join(" ")')" "true RSA 2048" "$p: certificate"
	expect_eq "$(svc $p '.tls.not_after | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")')" true "$p: expiry"
done
# Every result carries its evidence; the silent listener is left unidentified, not guessed.
expect_eq "$(jq '[.services[] | select(.service != null) | select(.evidence == null)] | length' probe.json)" 0 "evidence"
expect_eq "$(svc $TB_HIGH_PORT '.service')" null "silent port"
$SC "$MEDSEC" scan --show --json > scan.json
expect_eq "$(jq '.services | length' probe.json)" "$(jq '[.hosts[].ports[] | select(.proto == "tcp")] | length' scan.json)" \
	"one result per open port"
[ "$took" -le 20 ] && ok || fail "probing took ${took}s"

# Stored with the scan: one row per open port, the TLS facts as JSON.
expect_eq "$(sqlite3 "$MEDSEC_DB" "SELECT count(*) FROM service WHERE port IN (22, 443)")" 2 "stored"
expect_eq "$(sqlite3 "$MEDSEC_DB" "SELECT json_extract(tls, '$.key_type') FROM service WHERE port = 443")" RSA "TLS stored"
expect_status 0 $SC "$MEDSEC" probe
expect_in out.txt "$TB_H1:22/tcp"
expect_in out.txt "根拠:"
finish
