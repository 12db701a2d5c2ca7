# cli.sh - help, usage errors and exit statuses of every command.
. "$(dirname "$0")/common.inc"

expect_status 0 "$MEDSEC" --help
expect_in out.txt "使い方"
expect_status 0 "$MEDSEC" --lang en --help
expect_in out.txt "usage: medsec"
expect_status 2 "$MEDSEC"
expect_status 2 "$MEDSEC" frobnicate
expect_in err.txt "medsec: 不明なコマンドです: frobnicate"
expect_status 2 "$MEDSEC" --lang xx intake a.json
expect_in err.txt "--lang"
expect_status 2 "$MEDSEC" --bogus
for cmd in template intake plan round scan scope diff; do
	expect_status 0 "$MEDSEC" "$cmd" --help
	expect_in out.txt "medsec $cmd"
	expect_status 0 "$MEDSEC" "$cmd" --help --lang en
	expect_in out.txt "usage: medsec $cmd"
	expect_status 2 "$MEDSEC" "$cmd" --no-such-option
done
expect_status 2 "$MEDSEC" intake
expect_status 2 "$MEDSEC" template
expect_status 2 "$MEDSEC" plan confirm-ip 1
expect_status 2 "$MEDSEC" round new extra
# Nothing stored yet: the commands that need a hospital say so.
expect_status 2 "$MEDSEC" plan
expect_in err.txt "medsec intake"
expect_status 2 "$MEDSEC" --lang en plan
expect_in err.txt "no hospital in the store"
# A store that cannot be opened is a system failure (1), named.
mkdir dir.db
expect_status 1 "$MEDSEC" --db dir.db plan
expect_in err.txt "dir.db"
finish
