#!/bin/sh
# scan.sh - the namespace test bed (tests/netns/testbed.sh) scanned by medsec beside nmap and
# masscan in the same run, like with like: the same rate cap, one retransmission each (medsec's
# default; nmap --max-retries 1; masscan --retries 1), and the same shape of run (medsec and
# nmap over the three targets at once; masscan, which needs each host's MAC here, and medsec
# once per host, summed):
# the full TCP sweep (medsec SYN and connect, nmap -sS -p- -T4, masscan -p1-65535) and UDP on
# medsec's default ports (medsec, nmap -sU). Prints, per tool: wall time, CPU time, peak
# memory, recall and precision against the bed's truth, and the ratios. A tool that failed
# or had to be stopped is reported so, and no ratio is made of it.
# Usage: bench/scan.sh path/to/medsec [RATE]   (root; sends only to its own namespace hosts)
set -u
MEDSEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
RATE=${2:-20000}
LIMIT=${LIMIT:-900}	# seconds any one tool may take
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
	"$TB_H1 13389" "$TB_H1 5432" "$TB_H1 8443" "$TB_H1 $TB_HIGH_PORT" "$TB_H2 80" | sort > truth.txt

# run NAME CMD...: times CMD in the scanner's namespace, stopped after $LIMIT seconds;
# leaves NAME.time ("wall user sys kb": GNU time --quiet, so a failure adds no line) and
# NAME.rc (the command's exit status; 124 if it had to be stopped).
run() {
	name=$1
	shift
	$SC /usr/bin/time --quiet -f "%e %U %S %M" -o "$name.time" timeout "$LIMIT" "$@" >"$name.out" 2>"$name.err"
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
run nmap_udp nmap -sU -p "$UDP_PORTS" -T4 --max-retries 1 -n -Pn --max-rate "$RATE" -oG nmap_udp.gnmap $TARGETS
sed -n 's/^Host: \([0-9.]*\) .*Ports: \(.*\)/\1 \2/p' nmap_udp.gnmap | while read -r addr ports; do
	echo "$ports" | tr ',' '\n' | sed -n 's#^ *\([0-9]*\)/open/.*#\1#p' | sed "s/^/$addr /"
done | sort > nmap_udp.found
printf '%s\n' "$TB_H1 53" "$TB_H1 123" "$TB_H1 137" "$TB_H1 161" "$TB_H1 500" "$TB_H1 4500" \
	| sort > truth_udp.txt
run nmap nmap -sS -p- -T4 --max-retries 1 -n -Pn --max-rate "$RATE" -oG nmap.gnmap $TARGETS
sed -n 's/^Host: \([0-9.]*\) .*Ports: \(.*\)/\1 \2/p' nmap.gnmap | while read -r addr ports; do
	echo "$ports" | tr ',' '\n' | sed -n 's#^ *\([0-9]*\)/open/.*#\1#p' | sed "s/^/$addr /"
done | sort > nmap.found
# masscan sends every frame to one "router" MAC; the targets here share the scanner's bridge
# and take TCP only in frames addressed to them, so masscan runs once per host with that host's
# MAC. Like with like: medsec runs once per host too (scan --target, authorised by scope add),
# and the two per-host sums are compared.
: > masscan.found
: > medsec_per_host.found
echo "0 0 0 0" > masscan.time
echo "0 0 0 0" > medsec_per_host.time
echo 0 > masscan.rc
echo 0 > medsec_per_host.rc
# masscan 1.3 here keeps counting its wait down past zero and does not exit (its issue #144: a
# thread misses that the others stopped; its author: stop it with Ctrl-C, no data is lost). Its own
# end is when the countdown passes zero: taken as its wall time, then it is stopped (SIGINT, then
# SIGKILL where that is not enough either; its output file is written as it goes).
run_masscan() {
	name=$1
	shift
	t0=$(date +%s.%N)
	$SC /usr/bin/time --quiet -f "%e %U %S %M" -o "$name.time" timeout "$LIMIT" "$@" >"$name.out" 2>"$name.err" &
	pid=$!
	while kill -0 $pid 2>/dev/null; do
		if grep -q 'waiting -[0-9]' "$name.err" 2>/dev/null; then
			t1=$(date +%s.%N)
			# Ctrl-C "several times in quick succession", then up to 5 s for it to write its list.
			for _ in 1 2 3 4 5; do $SC pkill -INT -x masscan 2>/dev/null; sleep 0.05; done
			for _ in $(seq 1 50); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
			$SC pkill -KILL -x masscan 2>/dev/null	# when that was not enough either
			break
		fi
		sleep 0.1
	done
	wait $pid
	echo $? > "$name.rc"
	if [ -n "${t1:-}" ]; then	# its own end: the wall time up to it, marked
		awk -v w="$(echo "$t1 - $t0" | bc)" '{ printf "%.2f %s %s %s\n", w, $2, $3, $4 }' "$name.time" > t.tmp &&
			mv t.tmp "$name.time"
		echo 0 > "$name.rc"
		echo 1 > "$name.stuck"
	fi
	t1=
}
add_time() {	# add_time TOTAL PART: sums wall, user, sys; keeps the peak memory
	awk 'NR == FNR { for (i = 1; i <= 4; i++) a[i] = $i; next }
	     { printf "%.2f %.2f %.2f %d\n", a[1] + $1, a[2] + $2, a[3] + $3, (a[4] > $4 ? a[4] : $4) }' \
		"$1" "$2" > sum.tmp && mv sum.tmp "$1"
}
for h in h1 h2 h3; do
	addr=$(tb_addr $h)
	mac=$(ip -n "$(tb_ns $h)" link show eth0 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
	run_masscan masscan_$h masscan -p1-65535 --rate "$RATE" --retries 1 --adapter eth0 --adapter-ip "$TB_SC" \
		--router-mac "$mac" --wait 2 -oL masscan_$h.list "$addr"
	[ "$(cat masscan_$h.rc)" = 0 ] || cp masscan_$h.rc masscan.rc
	[ -f masscan_$h.stuck ] && echo 1 > masscan.stuck
	sed -n 's/^open tcp \([0-9]*\) \([0-9.]*\) .*/\2 \1/p' masscan_$h.list >> masscan.found
	add_time masscan.time masscan_$h.time
	"$MEDSEC" scope add --by bench --allow-test-addresses "$addr" >/dev/null
	run medsec_$h "$MEDSEC" scan --target "$addr" --method syn --ports 1-65535 --udp-ports none \
		--rate "$RATE" --host-rate "$RATE" --json
	[ "$(cat medsec_$h.rc)" = 0 ] || cp medsec_$h.rc medsec_per_host.rc
	found medsec_$h.out >> medsec_per_host.found
	add_time medsec_per_host.time medsec_$h.time
done
sort -o masscan.found masscan.found
sort -o medsec_per_host.found medsec_per_host.found

printf '\n%-16s %8s %8s %9s %7s %9s  %s\n' tool "wall s" "cpu s" "peak MiB" recall precision note
for tool in medsec_syn medsec_connect nmap medsec_per_host masscan medsec_udp nmap_udp; do
	truth=truth.txt
	case $tool in *udp) truth=truth_udp.txt ;; esac
	read -r wall user sys kb < $tool.time
	found=$(wc -l < $tool.found)
	hit=$(comm -12 $truth $tool.found | wc -l)
	want=$(wc -l < $truth)
	note=""
	rc=$(cat $tool.rc)
	case $rc in
	0) ;;
	124) note="did not exit by itself: stopped after $LIMIT s" ;;
	*) note="FAILED (exit $rc): $(tail -1 $tool.err)" ;;
	esac
	[ "$rc" = 0 ] || wall=-1	# no ratio of a run that did not finish
	[ -f $tool.stuck ] && note="did not exit by itself (masscan issue #144): timed to the end of its wait"
	awk -v t="$tool" -v w="$wall" -v u="$user" -v s="$sys" -v k="$kb" -v h="$hit" -v f="$found" \
		-v n="$want" -v note="$note" 'BEGIN {
		printf "%-16s %8s %8.2f %9.1f %6.0f%% %8.0f%%  %s\n", t, w < 0 ? "-" : sprintf("%.2f", w),
			u + s, k / 1024, 100 * h / n, f ? 100 * h / f : 0, note }'
	echo "$wall" > $tool.wall
done
awk -v m="$(cat medsec_syn.wall)" -v n="$(cat nmap.wall)" -v s="$(cat masscan.wall)" -v p="$(cat medsec_per_host.wall)" \
	-v u="$(cat medsec_udp.wall)" -v v="$(cat nmap_udp.wall)" '
	function ratio(a, b) { return a < 0 || b <= 0 ? "n/a (a run did not finish)" : sprintf("%.3f", a / b) }
	BEGIN {
	printf "\nwall time, medsec SYN / nmap -sS -p- -T4 (3 hosts in one run each): %s\n", ratio(m, n)
	printf "wall time, medsec SYN / masscan (one run per host each, summed): %s\n", ratio(p, s)
	printf "wall time, medsec UDP / nmap -sU (same ports): %s\n", ratio(u, v) }'
echo "rate cap for every tool: $RATE packets/s, one retransmission; hosts: $TARGETS (one behind a DROP firewall)"
echo "UDP ports: $UDP_PORTS"
