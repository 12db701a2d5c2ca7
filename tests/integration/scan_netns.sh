# scan_netns.sh - medsec scan on the network-namespace test bed: the exact open TCP ports of
# every authorised host by both methods (connect, SYN), a resume after kill -9, and, from
# captures, not one packet to any address outside the plan's scope.
. "$(dirname "$0")/common.inc"
. "$SRC/tests/netns/testbed.sh"

if ! why=$(testbed_can_run); then
	skip "the namespace test bed $why; CI runs it as root"
fi
trap 'testbed_down; rm -rf "$T"' EXIT
testbed_up "$T"
SCAN="ip netns exec $(tb_ns sc) $MEDSEC"

# The hospital: three IPv4 lines and one IPv6 line to diagnose; .99 declared but not
# requested; .13 dynamic and never confirmed. Only .10, .11, .12 and 2001:db8:1::10 may be touched.
jq '.lines = [
  (.lines[0] + {no: 1, global_ip: "198.18.0.10"}),
  (.lines[0] + {no: 2, global_ip: "198.18.0.11"}),
  (.lines[0] + {no: 3, global_ip: "198.18.0.12"}),
  (.lines[0] + {no: 4, global_ip: "198.18.0.99", request_diagnosis: false}),
  (.lines[0] + {no: 5, global_ip: "198.18.0.13", ip_kind: "dynamic"}),
  (.lines[0] + {no: 6, global_ip: "2001:db8:1::10"})]
  | .devices = [] | .terminals = [] | .locations = []' "$SAMPLE" > bed.json
expect_status 0 "$MEDSEC" intake --allow-test-addresses bed.json
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '[.lines[] | .target]' out.txt)" \
	'["198.18.0.10","198.18.0.11","198.18.0.12",null,null,"2001:db8:1::10"]' "the plan's targets"

# Dry run: every probe once, only to the targets.
expect_status 0 $SCAN scan --dry-run --ports 1-1000 --udp-ports none --seed 1
expect_eq "$(wc -l < out.txt)" 4000 "dry-run probes"
expect_eq "$(cut -d' ' -f2 out.txt | sort -u | tr '\n' ' ')" \
	"198.18.0.10 198.18.0.11 198.18.0.12 2001:db8:1::10 " "dry-run addresses"
expect_eq "$(sort -u out.txt | wc -l)" 4000 "dry-run probes are distinct"
expect_status 0 $SCAN scan --dry-run --ports none --udp-ports 53,161 --seed 1
expect_eq "$(sort out.txt | tr '\n' ' ')" \
	"udp 198.18.0.10 161 udp 198.18.0.10 53 udp 198.18.0.11 161 udp 198.18.0.11 53 udp 198.18.0.12 161 udp 198.18.0.12 53 udp 2001:db8:1::10 161 udp 2001:db8:1::10 53 " \
	"dry-run UDP probes"

# A full TCP sweep, killed with -9 half way, then resumed.
$SCAN scan --method connect --ports 1-65535 --rate 20000 --host-rate 20000 --timeout 300 \
	>/dev/null 2>&1 &
scanner=$!
sleep 4
kill -9 $scanner 2>/dev/null
wait $scanner 2>/dev/null
done_before=$(sqlite3 medsec.db "SELECT done FROM scan ORDER BY id DESC LIMIT 1")
status_before=$(sqlite3 medsec.db "SELECT status FROM scan ORDER BY id DESC LIMIT 1")
expect_eq "$status_before" running "a killed scan stays 'running' in the store"
[ "$done_before" -gt 0 ] && [ "$done_before" -lt 262212 ] && ok ||
	fail "checkpoint of the killed scan: $done_before"
expect_status 0 $SCAN scan --resume --json
cp out.txt scan.json
expect_eq "$(jq -r .status scan.json)" done "status after resume"
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
	/usr/bin/python3 -c "
import json, sys
from jsonschema import Draft202012Validator
errors = list(Draft202012Validator(json.load(open('$SRC/docs/json/scan.schema.json'))).iter_errors(
    json.load(open('scan.json'))))
for e in errors: print(e.message, file=sys.stderr)
sys.exit(1 if errors else 0)" && ok || fail "scan.json does not match docs/json/scan.schema.json"
fi
expect_eq "$(jq -r .source_address scan.json)" 198.18.0.2 "source address to announce"
tcp_open='[.ports[] | select(.proto == "tcp") | .port]'
udp_open='[.ports[] | select(.proto == "udp" and .state == "open") | .port]'
udp_maybe='[.ports[] | select(.proto == "udp" and .state == "open_filtered") | .port] | length'
expect_eq "$(jq -c ".hosts[0] | $tcp_open" scan.json)" "[21,22,23,53,80,139,443,445,5432,8443,13389,$TB_HIGH_PORT]" \
	"TCP open on h1"
expect_eq "$(jq -c ".hosts[1] | $tcp_open" scan.json)" "[80]" "TCP open on h2 behind its firewall"
expect_eq "$(jq -c ".hosts[2] | $tcp_open" scan.json)" "[]" "TCP open on h3"
expect_eq "$(jq -c ".hosts[0] | $udp_open" scan.json)" "[53,123,137,161,500,4500]" \
	"UDP services answering on h1 (DNS, NTP, NetBIOS, SNMP, IKE, IKE NAT-T)"
expect_eq "$(jq -c ".hosts[1] | ($udp_open), ($udp_maybe)" scan.json | tr '\n' ' ')" "[] 18 " \
	"UDP behind h2's firewall: all open|filtered"
expect_eq "$(jq -c ".hosts[2] | $udp_open" scan.json)" "[]" "UDP open on h3"
expect_eq "$(jq -c ".hosts[3] | ($tcp_open), ($udp_open)" scan.json | tr '\n' ' ')" \
	"[22,80] [123,500,4500] " "open on h1's IPv6 address (sshd, nginx; chrony, strongSwan)"
expect_eq "$(jq -c '[.hosts[] | [.address, .line_no, (.ports | length) + .closed + .filtered]]' scan.json)" \
	'[["198.18.0.10",1,65553],["198.18.0.11",2,65553],["198.18.0.12",3,65553],["2001:db8:1::10",6,65553]]' \
	"every TCP and UDP port accounted for once"
expect_eq "$(jq -r '.hosts[1].filtered' scan.json)" 65534 "h2's dropped TCP ports are filtered"
h3_closed=$(jq -r '.hosts[2].closed' scan.json)
[ "$h3_closed" -gt 65535 ] && ok || fail "h3: closed $h3_closed: no ICMP port unreachable was counted"
expect_status 2 $SCAN scan --resume
expect_in err.txt "再開できる中断中のスキャンがありません"
expect_status 0 "$MEDSEC" scan --show --json
cmp -s out.txt scan.json && ok || fail "scan --show differs from the scan's own output"
expect_status 0 "$MEDSEC" scan --show
expect_in out.txt "198.18.0.10 (回線1): 開 tcp/21 tcp/22 tcp/23 tcp/53 tcp/80 tcp/139 tcp/443 tcp/445 tcp/5432 tcp/8443 tcp/13389 tcp/$TB_HIGH_PORT udp/53 udp/123 udp/137 udp/161 udp/500 udp/4500"

# The SYN scan (raw sockets) finds exactly the same.
expect_status 0 $SCAN scan --method syn --ports 1-65535 --udp-ports none --rate 50000 \
	--host-rate 50000 --json
cp out.txt syn.json
expect_eq "$(jq -r .method syn.json)" tcp_syn "method"
summary="[.hosts[] | [.address, $tcp_open, .filtered]]"
expect_eq "$(jq -c "$summary" syn.json)" "$(jq -c "$summary" scan.json)" "SYN and connect scans agree"
expect_eq "$(jq -c '[.hosts[] | .closed]' syn.json)" '[65523,0,65535,65533]' "closed TCP ports by SYN"

# The rate caps hold on the wire: at most --host-rate SYNs a second to any host, --rate in all
# (the buckets allow a burst of a twentieth of a second).
t_from=$(date +%s.%N)
expect_status 0 $SCAN scan --method syn --ports 1-3000 --udp-ports none --rate 3000 --host-rate 500
t_to=$(date +%s.%N)
# And where the global cap binds: four targets under --rate 600 with room for 5,000 each.
g_from=$(date +%s.%N)
expect_status 0 $SCAN scan --method syn --ports 1-900 --udp-ports none --rate 600 --host-rate 5000
g_to=$(date +%s.%N)

# Ad-hoc targets need a recorded authorisation: the neighbour has none.
expect_status 2 $SCAN scan --target 198.18.0.99 --ports 22 --udp-ports none
expect_in err.txt "198.18.0.99 は診断の許可範囲として登録されていません"
expect_status 2 "$MEDSEC" scope add 198.18.0.12
expect_in err.txt "--by"
expect_status 2 "$MEDSEC" scope add --by "保守ベンダ 山田" 198.18.0.12
expect_in err.txt "--allow-test-addresses"
expect_status 0 "$MEDSEC" scope add --by "保守ベンダ 山田" --note "UTM 更新後の確認" \
	--allow-test-addresses 198.18.0.12
expect_status 0 "$MEDSEC" scope
expect_in out.txt "198.18.0.12	保守ベンダ 山田	2026-11-23T09:00:00Z	UTM 更新後の確認"
expect_status 2 $SCAN scan --target 198.18.0.12,198.18.0.99 --ports 22 --udp-ports none
expect_status 0 $SCAN scan --target 198.18.0.12 --ports 1-1000 --udp-ports none --json
expect_eq "$(jq -c '[.hosts[] | [.address, .closed, (.ports | length)]]' out.txt)" \
	'[["198.18.0.12",1000,0]]' "an authorised ad-hoc target"

# Outside the time agreed with the hospital, nothing is sent.
hour=$(date +%-H)
window=$(printf '%02d:00-%02d:00' $(((hour + 2) % 24)) $(((hour + 3) % 24)))
expect_status 2 $SCAN scan --window "$window" --ports 22 --udp-ports none
expect_in err.txt "合意した時間帯 ($window) の外です"
expect_status 2 $SCAN scan --window 25:00-26:00
expect_in err.txt "時間帯の指定が不正です"

# Seed 002's day-of rule on the wire. Line 5's dynamic address (.13, here on h3) is confirmed
# on day D (MEDSEC_NOW: 18:00 on 11-23 in Japan) and scanned; a scan killed that day is left to
# resume. On D+1 the address may be someone else's: scan, dry run, resume, probe and diagnose
# are all refused before any packet, naming the line and the day of the confirmation.
ip -n "$(tb_ns h3)" addr add 198.18.0.13/24 dev eth0
expect_status 0 "$MEDSEC" plan confirm-ip 5 198.18.0.13 --by "病院 情報システム課 山田"
$SCAN scan --method connect --ports 1-65535 --udp-ports none --rate 20000 --host-rate 20000 \
	--timeout 300 >/dev/null 2>&1 &
scanner=$!
sleep 2
kill -9 $scanner 2>/dev/null
wait $scanner 2>/dev/null
expect_eq "$(sqlite3 medsec.db "SELECT status FROM scan ORDER BY id DESC LIMIT 1")" running "a scan left to resume on D"
sleep 1
t_next=$(date +%s.%N)
for cmd in "scan --ports 22 --udp-ports none" "scan --dry-run" "scan --resume" "probe" "diagnose -o next-day"; do
	MEDSEC_NOW=2026-11-24T09:00:00Z expect_status 2 $SCAN $cmd
	expect_in err.txt "回線5 (198.18.0.13, 2026-11-23): この動的IPアドレスの確認は診断当日のものではないため"
done
[ -e next-day/report.pdf ] && fail "diagnose on D+1 wrote a report" || ok
sleep 1

# Nothing outside the scope: the neighbour saw nothing, the bridge carried nothing else.
# A positive control first: one datagram from h1 (not the scanner) that the neighbour's capture must show.
ip netns exec "$(tb_ns h1)" /usr/bin/python3 -c "import socket
socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'control', ('$TB_OUT', 9))"
sleep 1
testbed_stop_captures
to_out=$(tcpdump -r "$T/out.pcap" -n \
	"(ip src 198.18.0.2 and ip dst $TB_OUT) or (arp src host 198.18.0.2 and arp dst host $TB_OUT)
	or (ip6 src $TB_SC6 and ip6 dst $TB_OUT6)" 2>/dev/null | wc -l)
expect_eq "$to_out" 0 "packets from the scanner to the out-of-scope neighbour"
# The neighbour's capture ran and records what reaches it: the bed's own datagram is there.
expect_eq "$(tcpdump -r "$T/out.pcap" -n "udp dst port 9 and ip src $TB_H1" 2>/dev/null | wc -l)" 1 \
	"the neighbour's capture saw the control datagram"
# Line 5's address: packets on D (the positive control), none from the first refused command on.
d13='ip src 198.18.0.2 and ip dst 198.18.0.13'
before=$(tcpdump -r "$T/bridge.pcap" -n -tt "$d13" 2>/dev/null | awk -v t="$t_next" '$1 < t' | wc -l)
after=$(tcpdump -r "$T/bridge.pcap" -n -tt "$d13" 2>/dev/null | awk -v t="$t_next" '$1 >= t' | wc -l)
[ "$before" -gt 0 ] && ok || fail "no packet reached line 5's address on D: the capture proves nothing"
expect_eq "$after" 0 "packets to line 5's address on D+1"
# "IP a.b.c.d.port > e.f.g.h.port: ..." or "IP6 x::y.port > z::w.port: ...": the address after
# ">" without its port (ICMP has none). Neighbour discovery (multicast, or solicitations to
# the target's own link-local address) is not a destination.
dsts=$(tcpdump -r "$T/bridge.pcap" -n -q "(ip src 198.18.0.2 or ip6 src $TB_SC6) and not ip6 multicast
	and not (icmp6 and (ip6[40] == 135 or ip6[40] == 136))" 2>/dev/null | awk '{
	for (i = 1; i < NF; i++) if ($i == ">") {
		d = $(i + 1); sub(/:$/, "", d)
		if (d ~ /:/) sub(/\.[0-9]+$/, "", d); else { split(d, a, "."); d = a[1] "." a[2] "." a[3] "." a[4] }
		print d; break } }' | sort -u | tr '\n' ' ')
expect_eq "$dsts" "198.18.0.10 198.18.0.11 198.18.0.12 198.18.0.13 2001:db8:1::10 " \
	"destinations of the scanner's packets"
# syn_rates FROM TO: the most SYNs the scanner sent to one IPv4 host in any second between
# FROM and TO, and the most in all ("PER_HOST OVERALL"), from the bridge's capture.
syn_rates() {
	tcpdump -r "$T/bridge.pcap" -n -tt 'ip src 198.18.0.2 and tcp[tcpflags] == tcp-syn' 2>/dev/null |
		awk -v from="$1" -v to="$2" '$1 >= from && $1 < to {
			split($5, a, "."); host = a[4]; s = int($1); n[host " " s]++; all[s]++ }
		END { for (k in n) if (n[k] > h) h = n[k]; for (k in all) if (all[k] > g) g = all[k]; print h + 0, g + 0 }'
}
rates=$(syn_rates "$t_from" "$t_to")
per_host=${rates% *}
overall=${rates#* }
[ "$per_host" -gt 100 ] && [ "$per_host" -le 530 ] && ok || fail "SYNs a second to one host: $per_host (cap 500)"
[ "$overall" -gt 300 ] && [ "$overall" -le 1600 ] && ok || fail "SYNs a second in all: $overall (3 hosts at 500)"
# Under the global cap the four targets share 600 a second (the IPv4 three are counted here):
# no host comes near its own 5,000, and all of them together stay under 600 plus the burst.
rates=$(syn_rates "$g_from" "$g_to")
per_host=${rates% *}
overall=${rates#* }
echo "global cap 600/s: at most $per_host SYNs a second to one host, $overall in all (IPv4)"
[ "$per_host" -gt 60 ] && [ "$per_host" -le 400 ] && ok ||
	fail "SYNs a second to one host under the global cap: $per_host (600 shared by 4)"
[ "$overall" -gt 250 ] && [ "$overall" -le 640 ] && ok ||
	fail "SYNs a second in all under the global cap: $overall (cap 600)"
finish
