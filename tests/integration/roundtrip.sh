# roundtrip.sh - template -> filled workbook -> intake -> plan, and the plan's commands.
. "$(dirname "$0")/common.inc"

# A blank template is refused with precise errors, and nothing is stored.
expect_status 0 "$MEDSEC" template blank.xlsx
expect_in out.txt "blank.xlsx"
expect_status 2 "$MEDSEC" template blank.xlsx
expect_in err.txt "--force"
expect_status 0 "$MEDSEC" template --force blank.xlsx

# Its sheets, required marks and drop-downs for every closed set.
unzip -p blank.xlsx xl/workbook.xml > wb.xml
for sheet in 基本情報記入シート 回線・機器情報記入シート 調査端末情報記入シート 設置場所記入シート \
	アカウント・パスワードリスト; do
	expect_in wb.xml "name=\"$sheet\""
done
unzip -p blank.xlsx xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml \
	xl/worksheets/sheet3.xml > lists.xml
for list in '"同意する"' '"調査希望あり,調査希望なし"' '"あり,なし"' '"あり,なし,わからない"' \
	'"インターネット,インターネットVPN,閉域網,電話回線のみ"' '"固定IP,動的IP"' \
	'"変更済み,未変更,不明"' '"8文字未満,8〜12文字,13文字以上,不明"' '"はい,いいえ"' \
	'"電子カルテ,医事会計,オーダリング'; do
	expect_in lists.xml "<formula1>$list"
done
unzip -p blank.xlsx xl/sharedStrings.xml > blank-strings.xml
expect_in blank-strings.xml "グローバルIP利用(*)"
expect_in blank-strings.xml "初期パスワード変更(*)"
expect_in blank-strings.xml "【提出不要】"
expect_in blank-strings.xml "記入例"
expect_status 2 "$MEDSEC" intake blank.xlsx
expect_in err.txt "blank.xlsx:基本情報記入シート:5:B: 必須項目「医療機関名」が空です"
expect_in err.txt "blank.xlsx:回線・機器情報記入シート: 回線が1件も記入されていません"
expect_in err.txt "データベースは変更していません"
[ ! -e medsec.db ] && ok || fail "a refused import created the store"

# The JSON twin in, a filled workbook out, that workbook in again elsewhere.
expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_in out.txt "みなと中央病院 (第1版)"
# Seed 001 chooses five PCs, one from the EHR system: the sample names three (a warning, stored).
expect_in err.txt "sample-hospital.json:/terminals: 3: 調査端末が5台に足りません"
expect_not_in err.txt "電子カルテのシステムの端末が調査端末にありません"
jq '.terminals |= map(.system = "billing")' "$SAMPLE" > no-ehr.json
expect_status 0 "$MEDSEC" --db no-ehr.db intake --allow-test-addresses no-ehr.json
expect_in err.txt "no-ehr.json:/terminals: 電子カルテのシステムの端末が調査端末にありません"
expect_status 0 "$MEDSEC" template --filled filled.xlsx
expect_status 0 "$MEDSEC" intake --allow-test-addresses --json "$SAMPLE"
expect_eq "$(jq -r .unchanged out.txt)" true "re-import of the same content"
expect_eq "$(jq -r .revision out.txt)" 1 "revision after identical re-import"
expect_status 0 "$MEDSEC" plan --json
cp out.txt plan-json.json
expect_status 0 "$MEDSEC" --db second.db intake --allow-test-addresses filled.xlsx
expect_in err.txt "filled.xlsx:調査端末情報記入シート: 3: 調査端末が5台に足りません"
expect_status 0 "$MEDSEC" --db second.db plan --json
cp out.txt plan-xlsx.json
if cmp -s plan-json.json plan-xlsx.json; then ok; else
	fail "plan from the workbook differs from the plan from JSON"
	diff plan-json.json plan-xlsx.json | head -20 >&2
fi
expect_status 0 "$MEDSEC" --db second.db template --filled again.json
"$MEDSEC" template --filled first.json >/dev/null
if cmp -s first.json again.json; then ok; else fail "declarations changed on the way through the workbook"; fi

# The sample workbook kept in examples/ (saved by LibreOffice) says what its JSON twin says.
expect_status 0 "$MEDSEC" --db ex.db intake --allow-test-addresses "$SRC/examples/sample-hospital.xlsx"
expect_status 0 "$MEDSEC" --db ex.db template --filled ex.json
cmp -s first.json ex.json && ok || fail "examples/sample-hospital.xlsx and .json disagree"

# The plan itself (seed 000's example: 記入依頼書 回線5 becomes 回線3).
P=plan-json.json
expect_eq "$(jq '.lines | length' $P)" 5 "lines in scope"
expect_eq "$(jq -c '[.lines[] | [.line_no, .declared_no]]' $P)" "[[1,1],[2,3],[3,5],[4,6],[5,7]]" "renumbering"
expect_eq "$(jq -c '[.out_of_scope[] | [.declared_no, .reason_code]]' $P)" \
	'[[2,"phone_only"],[4,"not_ehr_connected"]]' "out of scope"
expect_eq "$(jq -c '[.lines[] | [.eligibility, .table_row]]' $P)" \
	'[["yes",10],["consult",1],["consult",14],["no",17],["no",19]]' "eligibility"
expect_eq "$(jq -r '.lines[0].target' $P)" 198.18.10.1 "target of line 1"
expect_eq "$(jq -r '.lines[2].status' $P)" needs_day_ip "dynamic line before confirmation"
expect_eq "$(jq -r '.lines[2].reason' $P)" "診断日当日、医療機関によるグローバルIPの確認必須" "reason text"
expect_eq "$(jq -r '.lines[0].link_type + " " + .lines[0].global_ip_use + " " + .lines[0].ip_kind' $P)" \
	"internet_vpn yes static" "enum tokens"
expect_eq "$(jq -r '.hospital.name + " " + (.round|tostring)' $P)" "みなと中央病院 1" "hospital and round"

# The terminal table shows the renumbering map.
expect_status 0 "$MEDSEC" plan
expect_in out.txt "回線5→回線3"
expect_in out.txt "記入依頼書 回線2 (代表電話): 通信形態が電話回線のみ"
expect_status 0 "$MEDSEC" --lang en plan
expect_in out.txt "5->3"

# Day-of confirmation of the dynamic line, then the meeting for the △ line.
expect_status 2 "$MEDSEC" plan confirm-ip 1 198.18.10.50 --by 山田
expect_in err.txt "回線1は当日のアドレス確認が必要な回線ではありません"
expect_status 2 "$MEDSEC" plan confirm-ip 3 10.1.1.1 --by 山田
expect_in err.txt "グローバルIPアドレスではありません"
expect_status 2 "$MEDSEC" plan confirm-ip 回線3 198.18.10.33
expect_in err.txt "--by NAME"
expect_status 0 "$MEDSEC" plan confirm-ip 回線3 198.18.10.33 --by "山田 太郎"
expect_in out.txt "198.18.10.33 (2026-11-23 山田 太郎)"
expect_status 0 "$MEDSEC" plan confirm 2 --by 佐藤
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '[.lines[] | .status]' out.txt)" \
	'["target","target","target","not_eligible","needs_meeting"]' "statuses after confirmations"
expect_eq "$(jq -c '[.lines[2] | .confirmed_on, .confirmed_by], [.lines[1] | .meeting_by]' out.txt | tr -d '\n')" \
	'["2026-11-23","山田 太郎"]["佐藤"]' "who confirmed, and the day"
expect_eq "$(jq -r '.lines[2].target' out.txt)" 198.18.10.33 "dynamic target is the confirmed address"

# The plan carries what is surveyed on site and the agreed dates.
expect_status 2 "$MEDSEC" round set --survey-on 2026-13-01
expect_in err.txt "--survey-on 2026-13-01: 日付 (YYYY-MM-DD) ではありません"
expect_status 0 "$MEDSEC" round set --survey-on 2026-12-10 --diagnosis-on 2026-12-11
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '[.survey_on, .diagnosis_on, (.devices | length), (.terminals | length)]' out.txt)" \
	'["2026-12-10","2026-12-11",4,3]' "dates, devices and terminals in the plan"
expect_eq "$(jq -c '[.devices[] | [.line_no, .model]]' out.txt)" \
	'[[1,"GE-PON-ONU"],[1,"FortiGate 60F"],[2,"RTX1210"],[3,"UNIVERGE IX2215"]]' "devices on lines whose check was requested, by plan number"

# The plan workbook.
expect_status 0 "$MEDSEC" plan --xlsx plan.xlsx
unzip -t plan.xlsx >/dev/null 2>&1 && ok || fail "plan.xlsx is not a valid workbook"
unzip -p plan.xlsx xl/sharedStrings.xml > strings.xml
expect_in strings.xml "調査実施計画一覧"
expect_in strings.xml "打合せ実施(対象がサーバの可能性あるため)"
expect_in strings.xml "現地調査日 2026-12-10"
unzip -p plan.xlsx xl/workbook.xml > pwb.xml
expect_in pwb.xml 'name="調査対象機器"'
expect_in pwb.xml 'name="調査端末"'

# A changed declaration is a new revision; a new round starts clean.
jq '.lines[0].global_ip = "198.18.10.9"' "$SAMPLE" > changed.json
expect_status 0 "$MEDSEC" intake --allow-test-addresses --json changed.json
expect_eq "$(jq -r .revision out.txt)" 2 "revision after a change"
expect_status 0 "$MEDSEC" round new
expect_in out.txt "第2回"
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -r '.round' out.txt)" 2 "round of the new plan"
expect_eq "$(jq -r '.revision' out.txt)" 2 "revision of the new plan"
expect_eq "$(jq -r '.lines[2].status' out.txt)" needs_day_ip "confirmations do not carry over rounds"
expect_eq "$(jq -r '.lines[0].target' out.txt)" 198.18.10.9 "new revision's address"
finish
