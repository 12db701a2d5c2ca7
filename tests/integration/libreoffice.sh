# libreoffice.sh - a workbook saved by LibreOffice reads the same as ours.
. "$(dirname "$0")/common.inc"

if ! command -v soffice >/dev/null 2>&1; then
	skip "LibreOffice (soffice) is not installed; tools/deps.sh test installs it"
fi
"$MEDSEC" intake --allow-test-addresses "$SAMPLE" >/dev/null || fail "sample import"
"$MEDSEC" template --filled ours.xlsx >/dev/null || fail "filled template"
"$MEDSEC" template --filled ours.json >/dev/null || fail "JSON export"
mkdir lo
# A private profile, so the test neither needs nor touches a user's.
timeout 180 soffice -env:UserInstallation=file://$T/profile --headless \
	--convert-to xlsx --outdir lo ours.xlsx >lo.log 2>&1
[ -s lo/ours.xlsx ] && ok || { fail "LibreOffice did not convert"; cat lo.log >&2; }
cmp -s ours.xlsx lo/ours.xlsx && fail "conversion produced the identical file" || ok
expect_status 0 "$MEDSEC" --db lo.db intake --allow-test-addresses lo/ours.xlsx
expect_status 0 "$MEDSEC" --db lo.db template --filled lo.json
if cmp -s ours.json lo.json; then ok; else
	fail "LibreOffice's workbook reads differently"
	diff ours.json lo.json | head -20 >&2
fi
finish
