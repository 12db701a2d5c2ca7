#!/bin/sh
# report.sh - writing the report of a 30-line hospital (goal: under 2 s for every format).
# Usage: bench/report.sh path/to/medsec [LINES]
#
# The hospital is the sample's first line repeated (a FortiGate and an ONU per line, onsite
# firmware read on each), with a finished diagnosis of every line: 12 responding ports each,
# identified services (OpenSSH, nginx, FortiOS SSL-VPN …) and the probe's check findings,
# written into the store as `medsec probe` writes them; the vulnerability index is the real
# fixtures. Side by side: LibreOffice (Writer/Web) turning medsec's own HTML report into a PDF,
# the usual way an office makes a PDF from a page — on a 3-line hospital and on the LINES-line
# one, where it is stopped after LO_LIMIT seconds (default 120). Medians of RUNS and the ratios.
set -e
MEDSEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BIG=${2:-30}
RUNS=${RUNS:-5}
LO_LIMIT=${LO_LIMIT:-120}
W=$(mktemp -d /tmp/medsec-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
SRC=$(cd "$(dirname "$0")/.." && pwd)
FX=$SRC/tests/fixtures

# hospital LINES: a store in ./h$LINES with the hospital, its plan, onsite record and diagnosis.
hospital() {
	LINES=$1
	mkdir -p "$W/h$LINES"
	cd "$W/h$LINES"
	export MEDSEC_DB="$W/h$LINES/b.db" MEDSEC_VULNDB="$W/h$LINES/b.vdb"
	jq --argjson n "$LINES" '
	  .lines = [range(1; $n + 1) as $i | .lines[0] + {no: $i,
	      global_ip: ("198.18." + (($i / 250 | floor) | tostring) + "." + (($i % 250 + 1) | tostring))}]
	  | .devices = [range(1; $n + 1) as $i | (.devices[0] + {line_no: $i}), (.devices[1] + {line_no: $i})]
	  | .locations = [] | .terminals |= map(del(.line_no))' "$SRC/examples/sample-hospital.json" > big.json
	jq -n --argjson n "$LINES" '{surveyed_on: "2026-10-20", surveyors: "bench",
	  lines: [range(1; $n + 1) as $i | {line_no: $i, confirmed: ($i % 7 != 0),
	          reason: (if $i % 7 == 0 then "床下配線" else null end), building: "本館", floor: "3F", room: "サーバ室"}],
	  unregistered_lines: [{termination: "mobile_router", building: "別館", floor: "1F", room: "検査室"}],
	  devices: [range(1; $n + 1) as $i | {line_no: $i, kind: "utm", maker: "Fortinet", model: "FortiGate 60F",
	          login: true, firmware: "7.0.12", building: "本館", floor: "3F", room: "サーバ室"}]}' > onsite.json
	"$MEDSEC" intake --allow-test-addresses big.json >/dev/null
	"$MEDSEC" plan >/dev/null
	"$MEDSEC" onsite onsite.json >/dev/null
	"$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
		"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" >/dev/null

	# A finished diagnosis of every planned line, shaped as medsec scan and probe store it.
	python3 - "$MEDSEC_DB" "$LINES" <<'PY'
import sqlite3, sys
db, n = sqlite3.connect(sys.argv[1]), int(sys.argv[2])
rid = db.execute("SELECT max(id) FROM survey_round").fetchone()[0]
db.execute("INSERT INTO scan (id, round_id, method, started_at, finished_at, status, source_address, ports,"
           " udp_ports, seed, rate, host_rate, retries, timeout_ms, total, done)"
           " VALUES (1, ?, 'syn', '2026-11-20T01:00:00Z', '2026-11-20T01:05:00Z', 1, '198.18.255.1',"
           " '1-65535', '53,123,161,500', 1, 20000, 20000, 1, 1000, 0, 0)", (rid,))
svc = [("tcp", 22, "ssh", "OpenSSH", "9.2p1", "Debian-2+deb12u3", "cpe:2.3:a:openbsd:openssh:9.2p1:*:*:*:*:*:*:*", None),
       ("tcp", 23, "telnet", "", "", "", "", "telnet-exposed"),
       ("tcp", 80, "http", "nginx", "1.22.1", "", "cpe:2.3:a:f5:nginx:1.22.1:*:*:*:*:*:*:*", None),
       ("tcp", 443, "https", "nginx", "1.22.1", "", "cpe:2.3:a:f5:nginx:1.22.1:*:*:*:*:*:*:*", "tls-self-signed"),
       ("tcp", 3389, "rdp", "Microsoft Remote Desktop", "", "", "", "rdp-no-nla"),
       ("tcp", 445, "smb", "SMB", "", "", "", "smb-exposed"),
       ("tcp", 10443, "https", "FortiOS SSL-VPN", "", "", "cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*", "vpn-portal"),
       ("tcp", 8443, "https", "nginx", "1.22.1", "", "cpe:2.3:a:f5:nginx:1.22.1:*:*:*:*:*:*:*", "tls-old-protocol"),
       ("udp", 53, "dns", "dnsmasq", "2.90", "", "cpe:2.3:a:thekelleys:dnsmasq:2.90:*:*:*:*:*:*:*", "dns-open"),
       ("udp", 123, "ntp", "", "", "", "", "ntp-open"),
       ("udp", 161, "snmp", "Net-SNMP", "", "", "", "snmp-public"),
       ("udp", 500, "ike", "IPsec VPN (IKE)", "", "", "", "ike-vpn")]
kinds = {"telnet-exposed": ("exposure", "high"), "tls-self-signed": ("tls", "low"), "rdp-no-nla": ("exposure", "critical"),
         "smb-exposed": ("exposure", "high"), "vpn-portal": ("exposure", "info"), "tls-old-protocol": ("tls", "medium"),
         "dns-open": ("exposure", "low"), "ntp-open": ("exposure", "low"), "snmp-public": ("exposure", "high"),
         "ike-vpn": ("exposure", "info")}
for i, (no, ip) in enumerate(db.execute("SELECT line_no, target FROM plan_line pl JOIN survey_round r"
                                         " ON r.id = pl.round_id WHERE target IS NOT NULL ORDER BY line_no").fetchall()):
    db.execute("INSERT INTO scan_host (scan_id, idx, address, line_no, closed, filtered) VALUES (1, ?, ?, ?, 65000, 523)",
               (i, ip, no))
    for proto, port, s, prod, ver, extra, cpe, check in svc:
        db.execute("INSERT INTO scan_port VALUES (1, ?, ?, ?, 'open')", (i, proto, port))
        db.execute("INSERT INTO service (scan_id, address, proto, port, line_no, service, product, version, extra,"
                   " device, cpe, confidence, evidence, decided_by, tls_wrapped, tls, error, probed_at)"
                   " VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, 90, 'bench', 'bench', 0, NULL, '', '2026-11-20T01:06:00Z')",
                   (ip, proto, port, no, s, prod, ver, extra, cpe))
        if check:
            db.execute("INSERT INTO finding VALUES (1, ?, ?, ?, ?, ?, ?, NULL)", (ip, proto, port, kinds[check][0],
                       kinds[check][1], check))
db.commit()
PY
}

now() { date +%s.%N; }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
# timed CMD...: median wall seconds of RUNS runs.
timed() {
	for _ in $(seq 1 "$RUNS"); do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		echo "$t1 - $t0" | bc
	done | median
}
lo() { timeout "$LO_LIMIT" soffice -env:UserInstallation=file://$W/profile --headless --convert-to pdf --outdir lo lo.html; }

for n in 3 "$BIG"; do
	hospital "$n"
	"$MEDSEC" report -o warm >/dev/null	# page cache and fontconfig warm for both tools
	echo "hospital of $n lines: $(jq '.ports | length' warm/report.json) responding ports," \
		"$(jq '.findings | length' warm/report.json) findings; medsec's report.pdf" \
		"$(pdfinfo warm/report.pdf | awk '/^Pages:/ {print $2}') pages"
	m=$(timed "$MEDSEC" report -o out)
	h=$(timed "$MEDSEC" report -o html --format html)
	cp warm/report.html lo.html
	t0=$(now)
	lo >/dev/null 2>&1
	lo_rc=$?
	t1=$(now)
	printf '  %-56s %9.3f s\n' "medsec report (HTML + PDF + XLSX + JSON + early report)" "$m"
	printf '  %-56s %9.3f s\n' "medsec report --format html" "$h"
	if [ -s lo/lo.pdf ]; then
		l=$(RUNS=$RUNS timed lo)
		printf '  %-56s %9.3f s (%s pages)\n' "LibreOffice: medsec's HTML -> PDF" "$l" \
			"$(pdfinfo lo/lo.pdf | awk '/^Pages:/ {print $2}')"
		printf '  ratio medsec (all formats) / LibreOffice (PDF only): %.3f\n' "$(echo "$m / $l" | bc -l)"
	elif [ "$lo_rc" = 124 ]; then	# timeout stopped it: it took longer than the limit
		printf '  %-56s  > %d s (stopped; no PDF)\n' "LibreOffice: medsec's HTML -> PDF" "$LO_LIMIT"
		printf '  ratio medsec (all formats) / LibreOffice (PDF only): < %.4f\n' "$(echo "$m / $LO_LIMIT" | bc -l)"
	else	# it gave up by itself: a failure, not a time
		printf '  %-56s  FAILED (exit %d, no PDF); no ratio\n' "LibreOffice: medsec's HTML -> PDF" "$lo_rc"
	fi
	echo "  ($(echo "$t1 - $t0" | bc | cut -c1-6) s for LibreOffice's first conversion)"
done
printf 'goal: all formats of a %d-line hospital under 2 s: %s\n' "$BIG" \
	"$(echo "$m < 2" | bc -l | sed 's/1/met/;s/0/NOT met/')"
