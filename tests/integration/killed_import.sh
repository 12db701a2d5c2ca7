# killed_import.sh - an import killed before it commits leaves no half hospital behind.
. "$(dirname "$0")/common.inc"

count() { sqlite3 medsec.db "SELECT count(*) FROM $1"; }

MEDSEC_FAULT=intake-before-commit "$MEDSEC" intake --allow-test-addresses "$SAMPLE" \
	>/dev/null 2>&1
expect_eq $? 137 "killed by SIGKILL"
expect_eq "$(count hospital)" 0 "hospitals after a killed first import"
expect_eq "$(count intake_revision)" 0 "revisions after a killed first import"
expect_eq "$(sqlite3 medsec.db 'PRAGMA integrity_check')" ok "integrity"

expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
jq '.lines[0].use = "変更後"' "$SAMPLE" > changed.json
MEDSEC_FAULT=intake-before-commit "$MEDSEC" intake --allow-test-addresses changed.json \
	>/dev/null 2>&1
expect_eq $? 137 "killed by SIGKILL"
expect_eq "$(count intake_revision)" 1 "revisions after a killed re-import"
expect_eq "$(sqlite3 medsec.db "SELECT count(*) FROM intake_revision WHERE intake_json LIKE '%変更後%'")" 0 \
	"nothing of the killed import"
expect_status 0 "$MEDSEC" intake --allow-test-addresses --json changed.json
expect_eq "$(jq -r .revision out.txt)" 2 "the retried import"
finish
