#!/bin/sh
# dayof.sh - seed 002's day-of rule without sending a packet (dry runs only; the namespace
# bed's scan_netns.sh proves it on the wire): a dynamic line's address counts only on the day
# in Japan it was confirmed; the workbook's 当日記入欄 is a declaration dated by its import;
# who confirmed is required, stored and shown; a row-19 line ends in a meeting whose answers
# the table judges.
. "$(dirname "$0")/common.inc"
D=2026-11-23T01:00:00Z		# 10:00 in Japan on 11-23
LATE=2026-11-23T14:59:00Z	# 23:59 in Japan, the same day
NEXT=2026-11-23T15:00:00Z	# 00:00 in Japan on 11-24: another day, though still 11-23 in UTC

# The workbook says, for the dynamic line (declared 5, plan 3): confirmed, 198.18.10.44.
jq '.lines[4] += {day_ip_confirmed: true, day_global_ip: "198.18.10.44"}' "$SAMPLE" > day.json
MEDSEC_NOW=$D expect_status 0 "$MEDSEC" intake --allow-test-addresses day.json
MEDSEC_NOW=$D expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[2] | [.status, .target, .confirmed_on, .confirmed_by]' out.txt)" \
	'["target","198.18.10.44","2026-11-23",null]' "the workbook's day-of address, dated by its import"
MEDSEC_NOW=$LATE expect_status 0 "$MEDSEC" scan --dry-run --ports 22 --udp-ports none
expect_in out.txt "tcp 198.18.10.44 22"
# The next day in Japan: refused before anything is sent, naming the line and the date.
for cmd in "scan --dry-run --ports 22 --udp-ports none" "scan --ports 22 --udp-ports none"; do
	MEDSEC_NOW=$NEXT expect_status 2 "$MEDSEC" $cmd
	expect_in err.txt "回線3 (198.18.10.44, 2026-11-23): この動的IPアドレスの確認は診断当日のものではないため、調査できません"
	expect_eq "$(wc -c < out.txt)" 0 "output of a refused '$cmd'"
done
MEDSEC_NOW=$NEXT expect_status 2 "$MEDSEC" --lang en scan --dry-run
expect_in err.txt "line 3 (198.18.10.44, 2026-11-23): this dynamic address was not confirmed on the day"
expect_eq "$(sqlite3 medsec.db 'SELECT count(*) FROM scan')" 0 "scans recorded by refused runs"
MEDSEC_NOW=$NEXT expect_status 0 "$MEDSEC" plan
expect_in out.txt "当日のアドレス 198.18.10.44: 2026-11-23 記入依頼書の当日記入欄 (本日の確認ではありません。当日に確認し直すまで調査しません)"

# A confirmation on the new day, by name, counts that day only.
MEDSEC_NOW=$NEXT expect_status 2 "$MEDSEC" plan confirm-ip 3 198.18.10.45
expect_in err.txt "--by NAME"
MEDSEC_NOW=$NEXT expect_status 0 "$MEDSEC" plan confirm-ip 3 198.18.10.45 --by "山田 花子"
expect_in out.txt "回線3 198.18.10.45 (2026-11-24 山田 花子)"
MEDSEC_NOW=$NEXT expect_status 0 "$MEDSEC" scan --dry-run --ports 22 --udp-ports none
expect_in out.txt "tcp 198.18.10.45 22"
expect_not_in out.txt "198.18.10.44"
MEDSEC_NOW=2026-11-25T00:00:00Z expect_status 2 "$MEDSEC" scan --dry-run --ports 22 --udp-ports none
expect_in err.txt "回線3 (198.18.10.45, 2026-11-24)"
MEDSEC_NOW=$NEXT expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[2] | [.confirmed_ip, .confirmed_on, .confirmed_by]' out.txt)" \
	'["198.18.10.45","2026-11-24","山田 花子"]' "the newer confirmation replaces the workbook's"

# A workbook re-imported on a later day brings its 当日記入欄 with that day's date.
jq '.lines[4] += {day_ip_confirmed: true, day_global_ip: "198.18.10.46"}' "$SAMPLE" > day2.json
MEDSEC_NOW=2026-11-26T00:00:00Z expect_status 0 "$MEDSEC" intake --allow-test-addresses day2.json
MEDSEC_NOW=2026-11-26T00:00:00Z expect_status 0 "$MEDSEC" plan
MEDSEC_NOW=2026-11-26T00:00:00Z expect_status 0 "$MEDSEC" scan --dry-run --ports 22 --udp-ports none
expect_in out.txt "tcp 198.18.10.46 22"

# Static lines are not touched by the rule: line 1 is scanned on any day.
jq '.lines[4].ip_kind = "static"' "$SAMPLE" > static.json
MEDSEC_NOW=2026-12-01T00:00:00Z expect_status 0 "$MEDSEC" intake --allow-test-addresses static.json
MEDSEC_NOW=2026-12-01T00:00:00Z expect_status 0 "$MEDSEC" plan
MEDSEC_NOW=2026-12-01T00:00:00Z expect_status 0 "$MEDSEC" plan confirm 2 --by 佐藤
MEDSEC_NOW=2026-12-09T00:00:00Z expect_status 0 "$MEDSEC" scan --dry-run --ports 22 --udp-ports none
expect_in out.txt "tcp 198.18.10.1 22"

# Row 19 (global address use "わからない") ends in a meeting, not in 診断対象外.
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[] | select(.declared_no == 7) | [.table_row, .eligibility, .status]' out.txt)" \
	'[19,"no","needs_meeting"]' "row 19 before the meeting"
expect_status 2 "$MEDSEC" plan confirm 5 --by 佐藤
expect_in err.txt "打合せでの回答を --global-ip あり|なし"
expect_status 2 "$MEDSEC" plan confirm 5 --global-ip perhaps --by 佐藤
expect_in err.txt "--global-ip perhaps: 選択肢にない値です"
expect_status 2 "$MEDSEC" plan confirm 2 --global-ip あり --by 佐藤
expect_in err.txt "回線2はグローバルIP利用が申告済みです"
expect_status 0 "$MEDSEC" plan confirm 5 198.18.10.7 --global-ip あり --ip-kind 固定IP --by 佐藤
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[] | select(.declared_no == 7) | [.declared_row, .table_row, .eligibility, .status, .target, .meeting_by]' out.txt)" \
	'[19,2,"yes","target","198.18.10.7","佐藤"]' "row 19 answered: static address, no FQDN, on the internet (row 2)"
expect_status 0 "$MEDSEC" plan confirm 5 --global-ip なし --by 佐藤
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[] | select(.declared_no == 7) | [.declared_row, .table_row, .status]' out.txt)" \
	'[19,18,"not_eligible"]' "row 19 answered: no global address (row 18)"
expect_status 0 "$MEDSEC" plan confirm 5 --global-ip yes --ip-kind dynamic --by 佐藤
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[] | select(.declared_no == 7) | [.table_row, .status]' out.txt)" \
	'[8,"not_eligible"]' "row 19 answered dynamic with neither address nor FQDN (row 8)"
expect_status 0 "$MEDSEC" plan confirm 5 198.18.10.8 --global-ip yes --ip-kind dynamic --by 佐藤
expect_status 0 "$MEDSEC" plan --json
expect_eq "$(jq -c '.lines[] | select(.declared_no == 7) | [.table_row, .status]' out.txt)" \
	'[6,"needs_day_ip"]' "row 19 answered dynamic with an address: the day-of address is still needed (row 6)"
finish
