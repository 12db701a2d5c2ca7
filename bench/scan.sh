#!/bin/sh
# scan.sh - the namespace test bed (tests/netns/testbed.sh) scanned by medsec beside nmap and
# masscan in the same run, at the same rate cap: the full TCP sweep (medsec SYN and connect,
# nmap -sS -p- -T4, masscan -p1-65535) and UDP on medsec's default ports (medsec, nmap -sU).
# Prints, per tool: wall time, CPU time, peak memory, recall and precision against the bed's
# truth, and the ratios.
# Usage: bench/scan.sh path/to/medsec [RATE]   (root; sends only to its own namespace hosts)
set -u
MEDSEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
RATE=${2:-20000}
LIMIT=${LIMIT:-900}	# seconds any one tool may take
MASSCAN_LIMIT=${MASSCAN_LIMIT:-60}	# masscan waits on after sending; stop it then
SRC=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d /tmp/medsec-bench-scan.XXXXXX)
cd "$T" || exit 1
. "$SRC/tests/netns/testbed.sh"
if ! why=$(testbed_can_run); then
	echo "bench/scan: skipped: the namespace test bed $why"
	exit 0
fi
for tool in nmap masscan; do
	command -v $tool >/dev/null || { echo "bench/scan: skipped: $tool is not installed (apt-get install $tool)"; exit 0; }
done
trap 'testbed_down; rm -rf "$T"' EXIT
testbed_up "$T"
export MEDSEC_DB="$T/bench.db"
SC="ip netns exec $(tb_ns sc)"
TARGETS="$TB_H1 $TB_H2 $TB_H3"

jq '.lines = [(.lines[0] + {no: 1, global_ip: "'$TB_H1'"}), (.lines[0] + {no: 2, global_ip: "'$TB_H2'"}),
  (.lines[0] + {no: 3, global_ip: "'$TB_H3'"})] | .devices = [] | .terminals = [] | .locations = []' \
	"$SRC/examples/sample-hospital.json" > bed.json
"$MEDSEC" intake --allow-test-addresses bed.json >/dev/null && "$MEDSEC" plan >/dev/null || exit 1

# The truth: what the bed exposes (address port).
printf '%s\n' "$TB_H1 21" "$TB_H1 22" "$TB_H1 23" "$TB_H1 53" "$TB_H1 80" "$TB_H1 139" "$TB_H1 443" "$TB_H1 445" \
	"$TB_H1 5432" "$TB_H1 8443" "$TB_H1 $TB_HIGH_PORT" "$TB_H2 80" | sort > truth.txt

# run NAME CMD...: times CMD in the scanner's namespace, stopped after $limit seconds;
# leaves NAME.time ("wall user sys kb") and NAME.rc (124 if it had to be stopped).
limit=$LIMIT
run() {
	name=$1
	shift
	$SC /usr/bin/time -f "%e %U %S %M" -o "$name.time" timeout "$limit" "$@" >"$name.out" 2>"$name.err"
	echo $? > "$name.rc"
}

found() { jq -r '.hosts[] | .address as $a | .ports[] | select(.state == "open") | "\($a) \(.port)"' "$1" | sort; }
run medsec_syn "$MEDSEC" scan --method syn --ports 1-65535 --udp-ports none --rate "$RATE" \
	--host-rate "$RATE" --json
found medsec_syn.out > medsec_syn.found
run medsec_connect "$MEDSEC" scan --method connect --ports 1-65535 --udp-ports none \
	--rate "$RATE" --host-rate "$RATE" --json
found medsec_connect.out > medsec_connect.found
UDP_PORTS=53,69,123,137,161,500,623,1194,1604,1701,1812,1900,3702,4500,5060,5353,5683,11211
run medsec_udp "$MEDSEC" scan --ports none --udp-ports "$UDP_PORTS" --rate "$RATE" --host-rate "$RATE" --json
found medsec_udp.out > medsec_udp.found
run nmap_udp nmap -sU -p "$UDP_PORTS" -T4 -n -Pn --max-rate "$RATE" -oG nmap_udp.gnmap $TARGETS
sed -n 's/^Host: \([0-9.]*\) .*Ports: \(.*\)/\1 \2/p' nmap_udp.gnmap | while read -r addr ports; do
	echo "$ports" | tr ',' '\n' | sed -n 's#^ *\([0-9]*\)/open/.*#\1#p' | sed "s/^/$addr /"
done | sort > nmap_udp.found
printf '%s\n' "$TB_H1 53" "$TB_H1 123" "$TB_H1 137" "$TB_H1 161" "$TB_H1 500" "$TB_H1 4500" \
	| sort > truth_udp.txt
run nmap nmap -sS -p- -T4 -n -Pn --max-rate "$RATE" -oG nmap.gnmap $TARGETS
sed -n 's/^Host: \([0-9.]*\) .*Ports: \(.*\)/\1 \2/p' nmap.gnmap | while read -r addr ports; do
	echo "$ports" | tr ',' '\n' | sed -n 's#^ *\([0-9]*\)/open/.*#\1#p' | sed "s/^/$addr /"
done | sort > nmap.found
# masscan sends to one router MAC: run it once per host, with that host's MAC, and add up.
: > masscan.found
echo "0 0 0 0" > masscan.time
limit=$MASSCAN_LIMIT
for h in h1 h2 h3; do
	mac=$(ip -n "$(tb_ns $h)" link show eth0 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
	run masscan_$h masscan -p1-65535 --rate "$RATE" --adapter eth0 --adapter-ip "$TB_SC" \
		--router-mac "$mac" --wait 2 -oL masscan_$h.list "$(tb_addr $h)"
	[ "$(cat masscan_$h.rc)" = 124 ] && echo 124 > masscan.rc
	sed -n 's/^open tcp \([0-9]*\) \([0-9.]*\) .*/\2 \1/p' masscan_$h.list >> masscan.found
	awk 'NR == FNR { for (i = 1; i <= 4; i++) a[i] = $i; next }
	     { printf "%.2f %.2f %.2f %d\n", a[1] + $1, a[2] + $2, a[3] + $3, (a[4] > $4 ? a[4] : $4) }' \
		masscan.time masscan_$h.time > m.tmp && mv m.tmp masscan.time
done
sort -o masscan.found masscan.found

printf '\n%-16s %8s %8s %9s %7s %9s  %s\n' tool "wall s" "cpu s" "peak MiB" recall precision note
for tool in medsec_syn medsec_connect nmap masscan medsec_udp nmap_udp; do
	truth=truth.txt
	case $tool in *udp) truth=truth_udp.txt ;; esac
	read -r wall user sys kb < $tool.time
	found=$(wc -l < $tool.found)
	hit=$(comm -12 $truth $tool.found | wc -l)
	want=$(wc -l < $truth)
	note=""
	[ -f $tool.rc ] && [ "$(cat $tool.rc)" = 124 ] && note="did not exit by itself: stopped"
	awk -v t="$tool" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" -v h="$hit" -v f="$found" \
		-v n="$want" -v note="$note" 'BEGIN {
		printf "%-16s %8.2f %8.2f %9.1f %6.0f%% %8.0f%%  %s\n", t, w, u + s, k / 1024,
			100 * h / n, f ? 100 * h / f : 0, note }'
	echo "$wall" > $tool.wall
done
awk -v m="$(cat medsec_syn.wall)" -v n="$(cat nmap.wall)" -v s="$(cat masscan.wall)" \
	-v u="$(cat medsec_udp.wall)" -v v="$(cat nmap_udp.wall)" 'BEGIN {
	if (m <= 0) m = 0.01
	printf "\nwall time, medsec SYN / nmap -sS -p- -T4: %.3f   medsec SYN / masscan: %.3f\n", m / n, m / s
	printf "wall time, medsec UDP / nmap -sU (same ports): %.3f\n", u / v }'
echo "rate cap for every tool: $RATE packets/s; hosts: $TARGETS (one behind a DROP firewall)"
echo "UDP ports: $UDP_PORTS"
