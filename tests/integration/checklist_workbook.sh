# checklist_workbook.sh - the monthly checklist answered in a workbook: medsec writes the month's
# sheet (answers so far and proposals in it), a person fills it in LibreOffice
# (tests/integration/lo_fill_checklist.py), medsec reads it back and keeps each level with who
# answered; a wrong level, a repeated item and another hospital's sheet are refused, by cell, and
# nothing of a refused workbook is kept.
. "$(dirname "$0")/common.inc"

if ! command -v soffice >/dev/null 2>&1 || ! /usr/bin/python3 -c 'import uno' 2>/dev/null; then
	skip "LibreOffice with python3-uno is not installed; tools/deps.sh test installs them"
fi
expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_status 0 "$MEDSEC" checklist --month 2026-11 --set 3=2 --by 佐藤
expect_status 2 "$MEDSEC" checklist sheet
expect_status 0 "$MEDSEC" checklist sheet --month 2026-11 -o blank.xlsx
pipe=medsec_test_$$
timeout -k 5 180 soffice -env:UserInstallation=file://$T/profile --headless --invisible --norestore \
	--nologo "--accept=pipe,name=$pipe;urp;" >soffice.log 2>&1 &
office=$!
timeout 120 /usr/bin/python3 "$SRC/tests/integration/lo_fill_checklist.py" "$pipe" "$T/blank.xlsx" \
	"$T/filled.xlsx" 2>fill.log
[ -s filled.xlsx ] && ok || { fail "LibreOffice did not save the filled workbook"; cat fill.log >&2; }
kill $office 2>/dev/null
pkill -KILL -f "UserInstallation=file://$T/profile" 2>/dev/null
wait $office 2>/dev/null

# Read back: the month (typed as a date), who, and the levels; item 3 kept from before.
expect_status 0 "$MEDSEC" checklist import filled.xlsx --json
expect_eq "$(jq -r '.month' out.txt)" 2026-11 "the month, from a date cell"
L='[.items[] | select(.level != null) | "\(.no)=\(.level):\(.by)"] | join(" ")'
expect_eq "$(jq -r "$L" out.txt)" \
	"1=2:情報システム課 山田 2=1:情報システム課 山田 3=2:佐藤 4=0:情報システム課 山田 9=2:情報システム課 山田 20=3:情報システム課 山田" \
	"each level kept with who answered"
expect_status 0 "$MEDSEC" checklist history --json
expect_eq "$(jq -c '.items[19].levels' out.txt)" '[{"month":"2026-11","level":3,"by":"情報システム課 山田"}]' \
	"item 20 (typed as a number) in the history"

# The sheet written again carries the answers: a round trip changes nothing, not even who.
expect_status 0 "$MEDSEC" checklist sheet --month 2026-11 -o again.xlsx
expect_status 0 "$MEDSEC" checklist import again.xlsx --json
expect_eq "$(jq -r "$L" out.txt)" \
	"1=2:情報システム課 山田 2=1:情報システム課 山田 3=2:佐藤 4=0:情報システム課 山田 9=2:情報システム課 山田 20=3:情報システム課 山田" \
	"read back as written"

# Problems by cell, and nothing kept: a level 5 and item 9 written twice.
mkdir x && (cd x && unzip -q ../filled.xlsx) || fail "unzip"
python3 - x/xl/worksheets/sheet1.xml <<'PY' || fail "edit the sheet"
import re, sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
# Item 4's level (row 11, column D) becomes 5; item 10's number (row 17, column A) becomes 9.
s, n1 = re.subn(r'<c r="D11"[^>]*?(?:/>|>.*?</c>)', '<c r="D11" t="inlineStr"><is><t>5</t></is></c>', s, count=1)
s, n2 = re.subn(r'<c r="A17"[^>]*?(?:/>|>.*?</c>)', '<c r="A17"><v>9</v></c>', s, count=1)
sys.exit(0 if n1 == 1 and n2 == 1 and open(p, "w", encoding="utf-8").write(s) else 1)
PY
(cd x && zip -q -r ../bad.xlsx .) || fail "zip"
expect_status 0 "$MEDSEC" checklist history --json
cp out.txt before.json
expect_status 2 "$MEDSEC" checklist import bad.xlsx
expect_in err.txt "bad.xlsx:チェックリスト:11:D: 5: 選択肢にない値です (選択肢: 0・1・2・3)"
expect_in err.txt "bad.xlsx:チェックリスト:17:A: 9: 項目番号が重複しています"
expect_status 0 "$MEDSEC" checklist history --json
expect_eq "$(cat out.txt)" "$(cat before.json)" "a refused workbook keeps nothing"

# Another hospital's sheet.
rm -rf x && mkdir x && (cd x && unzip -q ../filled.xlsx) || fail "unzip"
sed -i "s/>みなと中央病院</>よその病院</" x/xl/sharedStrings.xml
(cd x && zip -q -r ../other.xlsx .) || fail "zip"
expect_status 2 "$MEDSEC" checklist import other.xlsx
expect_in err.txt "回答の医療機関が違います"
finish
