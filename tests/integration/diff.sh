#!/bin/sh
# diff.sh - a re-survey: what changed since the previous round (medsec diff, and the report's
# first chapter). Round 1: the sample hospital with its FortiGate on 7.0.12; round 2, a month
# later: the FortiGate updated to 7.0.17 (both its KEV vulnerabilities fixed there), the VPN
# line's address changed, the RTX1210 still on its factory password.
. "$(dirname "$0")/common.inc"
FX=$SRC/tests/fixtures
export MEDSEC_VULNDB="$T/v.vdb"
"$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" >/dev/null ||
	fail "index"
jq '(.devices[] | select(.model == "FortiGate 60F") | .firmware) = "7.0.12"' "$SAMPLE" > month1.json
MEDSEC_NOW=2026-11-01T01:00:00Z "$MEDSEC" intake --allow-test-addresses month1.json >/dev/null 2>&1 || fail "intake 1"
MEDSEC_NOW=2026-11-01T01:00:00Z "$MEDSEC" plan >/dev/null || fail "plan 1"
MEDSEC_NOW=2026-11-01T01:00:00Z "$MEDSEC" onsite "$SRC/examples/sample-onsite.json" >/dev/null || fail "onsite 1"
expect_status 2 "$MEDSEC" diff
expect_in err.txt "比べる前回の調査がありません"

MEDSEC_NOW=2026-12-01T01:00:00Z expect_status 0 "$MEDSEC" round new
jq '(.devices[] | select(.model == "FortiGate 60F") | .firmware) = "7.0.17" | .lines[0].global_ip = "198.18.10.9"' \
	"$SAMPLE" > month2.json
MEDSEC_NOW=2026-12-01T01:00:00Z "$MEDSEC" intake --allow-test-addresses month2.json >/dev/null 2>&1 || fail "intake 2"
MEDSEC_NOW=2026-12-01T01:00:00Z "$MEDSEC" plan >/dev/null || fail "plan 2"
# Before round 2's onsite survey: round 1's onsite findings are not 'resolved' by it.
expect_status 0 "$MEDSEC" diff --json
expect_eq "$(jq -c '[.onsite_compared, ([.findings.resolved[] | select(.key | startswith("unregistered_line"))] | length)]' out.txt)" \
	'[false,0]' "an onsite finding is not resolved by a round without an onsite survey"
# The onsite survey of round 2 reads the updated FortiGate.
jq '(.devices[] | select(.model == "FortiGate 60F") | .firmware) = "7.0.17"' "$SRC/examples/sample-onsite.json" > onsite2.json
MEDSEC_NOW=2026-12-01T01:00:00Z "$MEDSEC" onsite onsite2.json >/dev/null || fail "onsite 2"
expect_status 0 "$MEDSEC" diff --json
cp out.txt diff.json
expect_eq "$(jq -c '[.from_round, .to_round, .scanned]' diff.json)" '[1,2,false]' "rounds compared"
expect_eq "$(jq -c '.firmware.changed[] | [.what, .was, .now]' diff.json)" '["Fortinet FortiGate 60F","7.0.12","7.0.17"]' \
	"the firmware update"
expect_eq "$(jq -r '[.findings.resolved[] | select(.key | startswith("vulnerability|vuln-device|")) | .severity] | join(",")' diff.json)" \
	critical "the FortiGate's vulnerabilities resolved"
expect_eq "$(jq -r '[.findings.still_open[] | select(.what | contains("RTX1210"))] | length' diff.json)" 1 \
	"the RTX1210's password finding still open"
expect_eq "$(jq -c '.lines.changed[] | [.key, .was, .now]' diff.json)" '["1","198.18.10.1","198.18.10.9"]' \
	"line 1's new address"
expect_eq "$(jq '.findings.new | length' diff.json)" 0 "nothing new"
expect_eq "$(jq -c '[.onsite_compared, ([.findings.still_open[] | select(.key | startswith("unregistered_line"))] | length)]' diff.json)" \
	'[true,1]' "the unregistered line, seen in both onsite surveys, still open"
# Asking for a round that does not exist, or a later one, is refused.
expect_status 2 "$MEDSEC" diff 2
expect_status 2 "$MEDSEC" diff 7
expect_status 0 "$MEDSEC" diff 1
expect_in out.txt "第1回 (2026-11-01T01:00:00Z) から第2回 (2026-12-01T01:00:00Z) までの変化"
expect_in out.txt "Fortinet FortiGate 60F"
expect_in out.txt "7.0.12 → 7.0.17"
# The report of round 2 opens with it, and report.json carries it.
expect_status 0 "$MEDSEC" report -o r --format html,json
expect_in r/report.html "前回 (第1回) の調査からの変化"
expect_eq "$(jq -c '.changes.firmware.changed[0].now' r/report.json)" '"7.0.17"' "report.json changes"
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
	/usr/bin/python3 -c "
import json, sys
from jsonschema import Draft202012Validator
errors = list(Draft202012Validator(json.load(open('$SRC/docs/json/diff.schema.json'))).iter_errors(json.load(open('diff.json'))))
for e in errors: print(e.message, file=sys.stderr)
sys.exit(1 if errors else 0)" && ok || fail "diff.json does not match docs/json/diff.schema.json"
fi
finish
