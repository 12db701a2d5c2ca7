#!/bin/sh
# probe.sh - service and version detection on the namespace test bed (real services plus the
# device emulators), medsec probe beside `nmap -sV` on the same open ports, in one run: wall and
# CPU time, and accuracy (product and version right) against the bed's truth, with the ratios.
# Usage: bench/probe.sh path/to/medsec   (root; sends only to its own namespace hosts)
set -u
MEDSEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d /tmp/medsec-bench-probe.XXXXXX)
cd "$T" || exit 1
. "$SRC/tests/netns/testbed.sh"
if ! why=$(testbed_can_run); then
	echo "bench/probe: skipped: the namespace test bed $why"
	exit 0
fi
command -v nmap >/dev/null || { echo "bench/probe: skipped: nmap is not installed (apt-get install nmap)"; exit 0; }
trap 'kill $emu 2>/dev/null; testbed_down; rm -rf "$T"' EXIT
testbed_up "$T"
SC="ip netns exec $(tb_ns sc)"
ip netns exec "$(tb_ns h1)" python3 "$SRC/tests/netns/emulators.py" "$TB_H1" "$T/h1/cert.pem" "$T/h1/key.pem" 600 &
emu=$!
sleep 1
export MEDSEC_DB="$T/bench.db"
jq '.lines = [(.lines[0] + {no: 1, global_ip: "'$TB_H1'"})] | .devices = [] | .terminals = [] | .locations = []' \
	"$SRC/examples/sample-hospital.json" > bed.json
"$MEDSEC" intake --allow-test-addresses bed.json >/dev/null && "$MEDSEC" plan >/dev/null || exit 1
PORTS=21,22,23,53,80,139,443,445,1433,2222,2323,2324,3389,3390,13389,5060,5432,5900,8082,8083,8443,8444,10443
$SC "$MEDSEC" scan --method connect --ports $PORTS --udp-ports none >/dev/null || exit 1

# The truth: port, product (an extended regex: the names either tool may use), version ("-" where
# the service has none to give), and optionally what would be wrong to say (xrdp is not Microsoft's).
v() { dpkg-query -W -f='${Version}' "$1" | sed 's/^[0-9]*://; s/-.*//'; }
cat > truth.txt <<TRUTH
21 vsftpd $(v vsftpd)
22 openssh $(v openssh-server)
23 telnet -
53 dnsmasq $(v dnsmasq-base)
80 nginx $(v nginx-common)
139 netbios -
443 nginx $(v nginx-common)
445 smb|microsoft-ds -
1433 sql.server|ms-sql -
2222 openssh 7.4
2323 telnet -
2324 telnet|cisco -
3389 rdp|ms-wbt-server|terminal -
3390 rdp|ms-wbt-server|terminal -
13389 xrdp|^rdp - microsoft
5060 asterisk 16.28.0
5432 postgres -
5900 vnc 3.8
8082 cisco.*ios.xe|ios.xe -
8083 sonicwall|sonicos -
8443 nginx $(v nginx-common)
8444 sonicwall -
10443 forti -
TRUTH

# time NAME CMD...: wall and CPU seconds of CMD in the scanner's namespace.
run() {
	name=$1
	shift
	/usr/bin/time -f "%e %U %S" -o "$name.time" $SC "$@" > "$name.out" 2> "$name.err"
}
run medsec "$MEDSEC" probe --json
run nmap nmap -sV -Pn -n -p $PORTS -oX nmap.xml "$TB_H1"

# One line per port: "port what-the-tool-says", lower case, for both tools.
jq -r '.services[] | "\(.port) \(.service // "") \(.product // "") \(.device // "") \(.version // "")"' medsec.out \
	| tr 'A-Z' 'a-z' > medsec.ids
python3 - nmap.xml > nmap.ids <<'PY'
import sys, xml.etree.ElementTree as ET
for p in ET.parse(sys.argv[1]).iter("port"):
    s = p.find("service")
    a = s.attrib if s is not None else {}
    print(p.get("portid"), a.get("name", ""), a.get("product", ""), a.get("extrainfo", ""), a.get("version", ""))
PY
tr 'A-Z' 'a-z' < nmap.ids > nmap.lc && mv nmap.lc nmap.ids

# A port is right when the tool names the truth's product and (where there is one) its version.
score() {
	right=0
	while read -r port product version wrong; do
		line=$(grep "^$port " "$1.ids" | head -1)
		echo "$line" | cut -d' ' -f2- | grep -Eq "$product" || continue
		[ -z "$wrong" ] || ! echo "$line" | cut -d' ' -f2- | grep -Eq "$wrong" || continue
		[ "$version" = - ] || case "$line" in *"$version"*) ;; *) continue ;; esac
		right=$((right + 1))
	done < truth.txt
	echo "$right"
}
total=$(wc -l < truth.txt)
echo
printf '%-10s %8s %8s %10s\n' tool "wall s" "cpu s" accuracy
for t in medsec nmap; do
	read -r wall user sys < "$t.time"
	printf '%-10s %8.2f %8.2f %5d/%d\n' "$t" "$wall" "$(echo "$user + $sys" | bc)" "$(score $t)" "$total"
done
mw=$(cut -d' ' -f1 medsec.time)
nw=$(cut -d' ' -f1 nmap.time)
echo
echo "wall time, medsec probe / nmap -sV: $(echo "scale=3; $mw / $nw" | bc)   (goal <= 0.2, accuracy >= nmap's)"
echo "per port, medsec:"; sed 's/^/  /' medsec.ids
echo "per port, nmap -sV:"; sed 's/^/  /' nmap.ids
