# bad_input.sh - bad files get exit 2, every problem named, and the store untouched.
. "$(dirname "$0")/common.inc"

"$MEDSEC" intake --allow-test-addresses "$SAMPLE" >/dev/null || fail "sample import"
sqlite3 medsec.db .dump > before.sql

jq '.hospital.consent = "同意しない" | .lines[0].global_ip = "10.0.0.1"
    | .lines[1].link_type = "光回線" | .devices[0].line_no = 42 | .lines[3].no = 1' \
	"$SAMPLE" > bad.json
expect_status 2 "$MEDSEC" intake --allow-test-addresses bad.json
expect_in err.txt "medsec: bad.json:/hospital/consent: 同意しない: 同意確認は「同意する」のみ受け付けます"
expect_in err.txt "medsec: bad.json:/lines/0/global_ip: 10.0.0.1: グローバルIPアドレスではありません"
expect_in err.txt "medsec: bad.json:/lines/1/link_type: 光回線: 選択肢にない値です (選択肢: インターネット / インターネットVPN / 閉域網 / 電話回線のみ)"
expect_in err.txt "medsec: bad.json:/devices/0/line_no: 42: 記入されていない回線番号です"
expect_in err.txt "medsec: bad.json:/lines/3/no: 1: 回線番号が重複しています"
expect_in err.txt "エラー 5 件"
expect_status 2 "$MEDSEC" --lang en intake --allow-test-addresses bad.json
expect_in err.txt "bad.json:/lines/0/global_ip: 10.0.0.1: not a global address"

printf '{"hospital": {"name": "x",}}' > syntax.json
expect_status 2 "$MEDSEC" intake syntax.json
expect_in err.txt "medsec: syntax.json:1:"
printf 'not a workbook' > fake.xlsx
expect_status 2 "$MEDSEC" intake fake.xlsx
expect_status 2 "$MEDSEC" intake missing.xlsx
expect_in err.txt "missing.xlsx"
printf 'PK\003\004garbage' > trunc.xlsx
expect_status 2 "$MEDSEC" intake trunc.xlsx
expect_in err.txt "trunc.xlsx"

# Warnings alone do not stop an import.
jq '.lines[2].global_ip_use = "no"' "$SAMPLE" > warn.json
expect_status 0 "$MEDSEC" intake --allow-test-addresses --check warn.json
expect_in err.txt "警告: warn.json:/lines/2/global_ip"

sqlite3 medsec.db .dump > after.sql
cmp -s before.sql after.sql && ok || fail "a refused import changed the store"
finish
