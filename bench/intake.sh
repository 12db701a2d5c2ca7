#!/bin/sh
# intake.sh - reading an intake workbook: medsec against other readers of the same file,
# in the same run, printing times and ratios. Usage: bench/intake.sh path/to/medsec [LINES]
#
# The workbook is a large hospital (LINES lines, two devices each) written by medsec and
# re-saved by LibreOffice, so every reader gets a real third-party file. Competitors:
#   - LibreOffice itself, converting the lines sheet to CSV (a full spreadsheet engine)
#   - Python's standard library (zipfile + ElementTree) reading every cell of every sheet
set -e
MEDSEC=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
LINES=${2:-2000}
RUNS=${RUNS:-5}
W=$(mktemp -d /tmp/medsec-bench.XXXXXX)
trap 'rm -rf "$W"' EXIT
SRC=$(cd "$(dirname "$0")/.." && pwd)
cd "$W"
export MEDSEC_DB="$W/b.db"

jq --argjson n "$LINES" '
  .lines = [range(1; $n + 1) as $i | .lines[0] + {no: $i,
      global_ip: ("198.18." + (($i / 250 | floor) | tostring) + "." + (($i % 250 + 1) | tostring))}]
  | .devices = [range(1; $n + 1) as $i | (.devices[0] + {line_no: $i}), (.devices[1] + {line_no: $i})]
  | .locations = []' "$SRC/examples/sample-hospital.json" > big.json
"$MEDSEC" intake --allow-test-addresses big.json >/dev/null
"$MEDSEC" template --filled ours.xlsx >/dev/null
soffice -env:UserInstallation=file://$W/profile --headless --convert-to xlsx --outdir lo ours.xlsx \
	>/dev/null 2>&1
cp lo/ours.xlsx big.xlsx
echo "workbook: $LINES lines, $((LINES * 2)) devices, $(stat -c %s big.xlsx) bytes (saved by LibreOffice)"

now() { date +%s%N; }
# time_ms CMD...: median wall time of RUNS runs, in milliseconds.
time_ms() {
	i=0
	: > times
	while [ $i -lt "$RUNS" ]; do
		t0=$(now)
		"$@" >/dev/null 2>&1
		t1=$(now)
		echo $(((t1 - t0) / 1000000)) >> times
		i=$((i + 1))
	done
	sort -n times | sed -n "$(((RUNS + 1) / 2))p"
}

cat > py_read.py <<'PY'
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
sst = []
if "xl/sharedStrings.xml" in z.namelist():
    for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
        sst.append("".join(t.text or "" for t in si.iter("{%s}t" % ns["m"])))
cells = 0
for name in z.namelist():
    if name.startswith("xl/worksheets/sheet"):
        for c in ET.fromstring(z.read(name)).iter("{%s}c" % ns["m"]):
            v = c.find("m:v", ns)
            if v is not None:
                cells += 1
                if c.get("t") == "s":
                    sst[int(v.text)]
print(cells)
PY

m=$(time_ms "$MEDSEC" intake --check --allow-test-addresses big.xlsx)
p=$(time_ms /usr/bin/python3 py_read.py big.xlsx)
l=$(time_ms soffice -env:UserInstallation=file://$W/profile --headless --convert-to csv \
	--outdir csv big.xlsx)
echo "medsec intake --check (parse + validate all): ${m} ms (median of $RUNS)"
echo "python3 zipfile+ElementTree (parse only):     ${p} ms"
echo "LibreOffice --convert-to csv (one sheet):     ${l} ms"
awk -v m="$m" -v p="$p" -v l="$l" 'BEGIN {
	if (m < 1) m = 1;
	printf "ratio python/medsec: %.1fx   LibreOffice/medsec: %.1fx\n", p / m, l / m }'
