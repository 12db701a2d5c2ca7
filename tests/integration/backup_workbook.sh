# backup_workbook.sh - the offline-backup questionnaire as a workbook: medsec writes it blank, a
# person fills it in LibreOffice (tests/integration/lo_fill_backup.py types the answers of
# examples/sample-backup.json), medsec reads it to the same decision as the JSON; a wrong word
# and a bad date are named by sheet, row and column; an import keeps the JSON twin.
. "$(dirname "$0")/common.inc"

if ! command -v soffice >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
	skip "LibreOffice with python3-uno is not installed; tools/deps.sh test installs them"
fi
expect_status 0 "$MEDSEC" template --backup blank.xlsx
expect_status 2 "$MEDSEC" template --backup blank.xlsx
expect_in err.txt "ファイルが既にあります"
pipe=medsec_test_$$
timeout -k 5 180 soffice -env:UserInstallation=file://$T/profile --headless --invisible --norestore \
	--nologo "--accept=pipe,name=$pipe;urp;" >soffice.log 2>&1 &
office=$!
timeout 120 /usr/bin/python3 "$SRC/tests/integration/lo_fill_backup.py" "$pipe" "$T/blank.xlsx" \
	"$T/filled.xlsx" 2>fill.log
[ -s filled.xlsx ] && ok || { fail "LibreOffice did not save the filled workbook"; cat fill.log >&2; }
kill $office 2>/dev/null
pkill -KILL -f "UserInstallation=file://$T/profile" 2>/dev/null
wait $office 2>/dev/null

# The same decision as the JSON twin, rule for rule.
expect_status 0 "$MEDSEC" backup --json filled.xlsx
D='[.category, .needs_confirmation, .kasan1, ([.systems[] | .name + "=" + ([.backups[] | .rule] | join(","))] | join(" ")), ([.systems[].shortfalls[].key] | join(","))] | map(tostring) | join(" | ")'
jq -r "$D" out.txt > from-xlsx.txt
"$MEDSEC" backup --json "$SRC/examples/sample-backup.json" | jq -r "$D" > from-json.txt
expect_eq "$(cat from-xlsx.txt)" "$(cat from-json.txt)" "the workbook decides as its JSON twin"
expect_in from-xlsx.txt "電子カルテ=always_connected,removed_not_locked"

# An import keeps the JSON twin; show reads it back to the same decision.
expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_status 0 "$MEDSEC" backup import filled.xlsx
expect_status 0 "$MEDSEC" backup show --json
expect_eq "$(jq -r "$D" out.txt)" "$(cat from-json.txt)" "kept as JSON, decided the same"

# Problems by cell. LibreOffice-saved workbooks are zips medsec reads whole: rewrite one cell's
# text with the zip tools (the shared string of a medium and of a date).
mkdir x && (cd x && unzip -q ../filled.xlsx) || fail "unzip"
sed -i 's/>テープ</>フロッピー</' x/xl/sharedStrings.xml
(cd x && zip -q -r ../bad.xlsx .) || fail "zip"
expect_status 2 "$MEDSEC" backup bad.xlsx
expect_in err.txt "bad.xlsx:バックアップ:7:H: フロッピー: 選択肢にない値です"
[ "$(grep -c 'bad.xlsx:' err.txt)" = 1 ] && ok || { fail "one problem, said once"; cat err.txt >&2; }
# The procurement left blank: the intent's rule names the answer's cell.
rm -rf x && mkdir x && (cd x && unzip -q ../filled.xlsx) || fail "unzip"
sed -i 's/>年度内</></' x/xl/sharedStrings.xml
(cd x && zip -q -r ../blank-procure.xlsx .) || fail "zip"
expect_status 2 "$MEDSEC" backup blank-procure.xlsx
expect_in err.txt "blank-procure.xlsx:支援の意向:9:B: 必須項目「procure」が空です"
finish
