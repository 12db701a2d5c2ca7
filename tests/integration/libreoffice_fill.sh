# libreoffice_fill.sh - a person fills medsec's blank template in LibreOffice; medsec reads it.
. "$(dirname "$0")/common.inc"

if ! command -v soffice >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
	skip "LibreOffice with python3-uno is not installed; tools/deps.sh test installs them"
fi
pipe=medsec_test_$$
timeout -k 5 180 soffice -env:UserInstallation=file://$T/profile --headless --invisible --norestore \
	--nologo "--accept=pipe,name=$pipe;urp;" >soffice.log 2>&1 &
office=$!
"$MEDSEC" template blank.xlsx >/dev/null || fail "template"
timeout 120 /usr/bin/python3 "$SRC/tests/integration/lo_fill.py" "$pipe" "$T/blank.xlsx" \
	"$T/filled.xlsx" 2>fill.log
[ -s filled.xlsx ] && ok || { fail "LibreOffice did not save the filled workbook"; cat fill.log >&2; }
# LibreOffice's launcher may outlive the office it started: end everything on our profile.
kill $office 2>/dev/null
pkill -KILL -f "UserInstallation=file://$T/profile" 2>/dev/null
wait $office 2>/dev/null

expect_status 0 "$MEDSEC" intake --allow-test-addresses filled.xlsx
expect_in out.txt "しらかば記念病院 (第1版): 回線 2 件, 機器 1 台, 調査端末 1 台"
expect_status 0 "$MEDSEC" template --filled back.json
expect_eq "$(jq -r '.hospital.beds' back.json)" 312 "beds typed as a number"
expect_eq "$(jq -r '.hospital.filled_on' back.json)" 2026-10-01 "a date typed in LibreOffice"
expect_eq "$(jq -r '.devices[0].firmware' back.json)" 15.0 "firmware kept as text, not 15"
expect_eq "$(jq -r '.terminals[0].system' back.json)" ehr "システム種別 chosen"
expect_eq "$(jq -r '.lines[0].link_type' back.json)" internet_vpn "通信形態 chosen"
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '[.lines[] | [.line_no, .declared_no, .eligibility, .table_row, .target]]' out.txt)" \
	'[[1,1,"yes",10,"198.18.20.1"]]' "the plan"
expect_eq "$(jq -c '[.out_of_scope[] | .reason_code]' out.txt)" '["phone_only"]' "out of scope"
finish
