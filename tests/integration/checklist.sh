# checklist.sh - the monthly checklist (seed 004's 20 items): levels proposed from what medsec
# holds (onsite survey, terminal survey, backup answers), answered with who answered, kept per
# month, shown with the next step for items under level 2, and month by month in `history`.
. "$(dirname "$0")/common.inc"
EX=$SRC/examples

expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_status 0 "$MEDSEC" checklist --json
expect_eq "$(jq '.items | length' out.txt)" 20 "twenty items"
expect_eq "$(jq '[.items[] | select(.proposed != null)] | length' out.txt)" 0 "no evidence yet: no proposal"
expect_eq "$(jq -r '.items[3] | [.chapter, .chapter_title, .mhlw] | map(tostring) | join(" ")' out.txt)" \
	"4 オフラインバックアップの実施 3-(2)" "item 4's chapter and MHLW item"

# The evidence: the onsite record, a PC from the terminal survey, the backup answers.
expect_status 0 "$MEDSEC" plan
expect_status 0 "$MEDSEC" onsite "$EX/sample-onsite.json"
expect_status 0 "$MEDSEC" terminal import "$EX/terminals/IJI-PC-003.json"
expect_status 0 "$MEDSEC" backup import "$EX/sample-backup.json"
expect_status 0 "$MEDSEC" checklist --json
P='[.items[] | select(.proposed != null) | "\(.no)=\(.proposed.level)"] | join(" ")'
expect_eq "$(jq -r "$P" out.txt)" "2=1 4=1 9=2 10=1 15=1" "levels proposed from the evidence"
expect_in out.txt "現地調査で記入依頼書にない回線が"
expect_eq "$(jq -r '.items[3].next | [.level, .criterion] | map(tostring) | join(" ")' out.txt)" \
	"2 正常に取得できていることを確認し、一部をオフラインで保管している。" "item 4's next level"
expect_eq "$(jq -r '.items[8].next' out.txt)" null "item 9 at level 2: nothing next"

# Answers: the person decides; the proposal is kept beside the answer.
expect_status 2 "$MEDSEC" checklist --set 21=2 --by 山田
expect_in err.txt "21=2"
expect_status 2 "$MEDSEC" checklist --set 4=2
expect_status 2 "$MEDSEC" checklist --month 2026-13 --set 4=1 --by 山田
expect_in err.txt "2026-13"
expect_status 0 "$MEDSEC" checklist --month 2026-10 --set 4=0 --set 9=1 --by 山田
expect_status 0 "$MEDSEC" checklist --month 2026-11 --set 4=1 --set 9=2 --set 2=3 --by 佐藤
expect_in out.txt " 2. [3]"
expect_status 0 "$MEDSEC" checklist --month 2026-11 --json
expect_eq "$(jq -r '[.items[1], .items[3]] | map("\(.level):\(.by)") | join(" ")' out.txt)" \
	"3:佐藤 1:佐藤" "the month's answers, by whom"
expect_eq "$(jq -r '.items[3].next.level' out.txt)" 2 "an answer under 2 shows the next level"
expect_status 0 "$MEDSEC" checklist history --json
expect_eq "$(jq -c '.items[3].levels | map([.month, .level, .by])' out.txt)" \
	'[["2026-10",0,"山田"],["2026-11",1,"佐藤"]]' "item 4 month by month"
expect_status 0 "$MEDSEC" checklist history
expect_in out.txt " 4: 2026-10=0 2026-11=1"
# On a terminal, one item at a time: each answer saved at once; a stop loses nothing and the next
# run starts at the first open item (a pseudo-terminal typed into by tests/integration/pty_session.py).
ASK="レベル (0-3"
{
	printf '%s\t%s\n' "$ASK" '1\n'  # item 1: level 1
	printf '%s\t%s\n' "$ASK" '\n'   # item 2: Enter takes the proposal (1)
	printf '%s\t%s\n' "$ASK" 'x\n'  # item 3: not understood, asked again
	printf '%s\t%s\n' "$ASK" '2\n'  # item 3: level 2
	printf '%s\t%s\n' "$ASK" 'q\n'  # item 4: stop
} > keys.txt
python3 "$SRC/tests/integration/pty_session.py" t1.txt -- "$MEDSEC" checklist answer --month 2026-12 --by 山田 \
	< keys.txt && ok || { fail "the first terminal session"; cat t1.txt >&2; }
expect_in t1.txt "回答 3 件。未回答 17 件"
{
	printf '%s\t%s\n' " 4. " ''       # the next run starts at item 4
	printf '%s\t%s\n' "$ASK" '0\n'
	printf '%s\t%s\n' "$ASK" '^D'       # the end of input: what was answered stays
} > keys2.txt
python3 "$SRC/tests/integration/pty_session.py" t2.txt -- "$MEDSEC" checklist answer --month 2026-12 --by 山田 \
	< keys2.txt && ok || { fail "the second terminal session"; cat t2.txt >&2; }
expect_eq "$(grep -c ' 1\. \| 2\. \| 3\. ' t2.txt)" 0 "answered items are not asked again"
expect_status 0 "$MEDSEC" checklist --month 2026-12 --json
expect_eq "$(jq -r '[.items[0:4][] | "\(.level):\(.by):\(.proposed.level // "-")"] | join(" ")' out.txt)" \
	"1:山田:- 1:山田:1 2:山田:- 0:山田:1" "the terminal's answers, with the proposals kept"
expect_status 2 "$MEDSEC" checklist answer
# 付録４: the five rules for staff, one page, with the intake's contacts as whom to call.
expect_status 2 "$MEDSEC" checklist poster
expect_status 0 "$MEDSEC" checklist poster -o poster
pdftotext poster/five-rules.pdf poster.txt && ok || fail "the poster's PDF does not read"
expect_eq "$(pdfinfo poster/five-rules.pdf | awk '/^Pages:/ {print $2}')" 1 "one page"
expect_in poster.txt "サイバーセキュリティ対策５ヶ条"
expect_in poster.txt "私物の USB メモリ等を業務のパソコンにつながない"
expect_in poster.txt "$(jq -r '.hospital.contacts[0].name' "$SAMPLE")"
expect_status 0 "$MEDSEC" --lang en checklist --month 2026-11
expect_in out.txt "next level (2): They are checked, and part is kept offline."

# The 立入検査's form (MHLW's 医療機関確認用) answered from November's levels (2=3, 4=1, 9=2):
# はい where each monthly item it follows is at 2 or more, いいえ with the fiscal year's end as target.
expect_status 0 "$MEDSEC" checklist inspection --month 2026-11 --json
A='[.items[] | select(.id == "2-①" or .id == "3-(2)" or .id == "2-⑤" or .id == "3-(3)") | "\(.id)=\(.answer):\(.target_on)"] | join(" ")'
expect_eq "$(jq -r "$A" out.txt)" "2-①=yes:null 2-⑤=open:null 3-(2)=no:2027-03-31 3-(3)=by_hand:null" \
	"MHLW items from the month's levels"
expect_eq "$(jq -r '.items[] | select(.id == "2-①") | .checked_on' out.txt)" 2026-11-23 \
	"checked on the day the level was answered (MEDSEC_NOW), in Japan"
expect_status 0 "$MEDSEC" checklist inspection --month 2026-11
expect_in out.txt "月次チェックリスト No.5 を先に回答してください"
# The forms: the hospital's filled in, one vendor form per vendor of the backup answers.
expect_status 0 "$MEDSEC" checklist inspection --month 2026-11 -o forms.xlsx
unzip -p forms.xlsx xl/workbook.xml | grep -o 'sheet name="[^"]*"' > sheets.txt
expect_eq "$(tr '\n' ' ' < sheets.txt)" \
	'sheet name="医療機関確認用" sheet name="事業者確認用1" sheet name="事業者確認用2" ' "the sheets"
unzip -p forms.xlsx xl/sharedStrings.xml > strings.xml
expect_in strings.xml "ベンダA社"
expect_in strings.xml "ベンダB社"
expect_in strings.xml "2027-03-31"
finish
