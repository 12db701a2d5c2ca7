# backup.sh - `medsec backup`: the sample questionnaire (examples/sample-backup.json, valid against
# docs/json/backup.schema.json) decided as 支援A with its reasons, each backup's verdict and rule,
# each system's shortfalls and 加算1, in Japanese, English and JSON; the other categories from
# changed intents, the contradiction ("operating" but nothing offline) flagged 要確認; bad answers
# refused with every place named, exit 2.
. "$(dirname "$0")/common.inc"
Q=$SRC/examples/sample-backup.json

python3 -c 'import json, jsonschema, sys; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
	"$SRC/docs/json/backup.schema.json" "$Q" && ok || fail "the sample against its schema"
expect_status 0 "$MEDSEC" backup "$Q"
expect_in out.txt "支援方針: 支援A"
expect_in out.txt "記入内容からは、電子カルテのバックアップにオフラインとみなせるものがありません"
expect_in out.txt "2. フル・テープ・取り外し → オフラインではない"
expect_in out.txt "取り外しているが施錠保管の回答がない: 要確認"
expect_in out.txt "不足: 12 か月以内にリストア試験をしていない"
expect_in out.txt "診療録管理体制加算1 のバックアップの要件 (複数の方式・一部をオフライン) を満たしていません"
expect_status 0 "$MEDSEC" --lang en backup "$Q"
expect_in out.txt "support category: support A"
expect_in out.txt "disks swapped in turns, the one not in use locked away"
expect_status 0 "$MEDSEC" backup --json "$Q"
expect_eq "$(jq -r '[.category, .needs_confirmation, .ehr_offline, .kasan1] | map(tostring) | join(" ")' out.txt)" \
	"support_a false false false" "category and flags"
expect_eq "$(jq -r '[.systems[].backups[] | .rule + ":" + (.offline | tostring)] | join(" ")' out.txt)" \
	"always_connected:false removed_not_locked:false always_connected:false only_during_transfer:true rotated:true" \
	"each backup's rule"
expect_eq "$(jq -r '[.systems[] | .name + "=" + ([.shortfalls[].key] | join(","))] | join(" ")' out.txt)" \
	"電子カルテ=no_offline,restore_untested オーダリング=generations,single_method,no_offline,restore_untested 医事会計・レセプト=" \
	"shortfalls per system"

# The documents: the draft plan and the support policy report, HTML and PDF, all or none.
expect_status 0 "$MEDSEC" backup "$Q" --output docs
for f in backup-plan.html backup-plan.pdf support-policy.html support-policy.pdf; do
	[ -s "docs/$f" ] && ok || fail "docs/$f not written"
done
expect_in out.txt "docs/support-policy.pdf"
pdftotext docs/backup-plan.pdf plan.txt && ok || fail "the plan's PDF does not read"
for h in "オフラインバックアップ計画書 (案)" "2. 現状のバックアップ" "3. 不足している点" "4. 目標とする構成" "8. 役割"; do
	expect_in plan.txt "$h"
done
expect_in plan.txt "サーバを院内に新設し、バックアップ媒体を接続します"
pdftotext docs/support-policy.pdf policy.txt && ok || fail "the policy's PDF does not read"
expect_in policy.txt "現地作業の立会い"
expect_in policy.txt "新設サーバ・バックアップ媒体の現地構築・設置"
expect_eq "$(pdfinfo docs/support-policy.pdf | awk '/^Pages:/ {print $2}')" 1 "the policy report is a page"
expect_eq "$(grep -c 'src="http\|href="http' docs/backup-plan.html)" 0 "the HTML fetches nothing"
expect_status 0 "$MEDSEC" --lang en backup "$Q" --output en
pdftotext en/backup-plan.pdf en.txt && expect_in en.txt "Offline backup plan (draft)"
# Twice in one run, both languages: each PDF lays out its own pages (the second PDF of a run
# once aborted in cairo; five runs in a row must all succeed).
for i in 1 2 3 4 5; do
	"$MEDSEC" --lang en backup "$Q" --output "again$i" >/dev/null 2>&1 && ok || fail "run $i"
done
: > afile
expect_status 1 "$MEDSEC" backup "$Q" --output afile/docs
expect_in err.txt "afile/docs"

# The tape locked away makes the EHR's backup offline; the other intents give the other categories.
jq '.systems[0].backups[1].locked_away = true' "$Q" > locked.json
intent() { jq --argjson i "$1" '.intent = $i' "$2" > q.json; "$MEDSEC" backup --json q.json | jq -r '[.category, .needs_confirmation] | map(tostring) | join(" ")'; }
expect_eq "$(intent '{"operating": true}' locked.json)" "not_eligible false" "対象外"
expect_eq "$(intent '{"operating": true}' "$Q")" "not_eligible true" "対象外, but 要確認"
expect_eq "$(intent '{"planning_with_vendor": true}' "$Q")" "report_only false" "報告のみ"
expect_eq "$(intent '{"support_needed": true, "new_server": true, "procure": "later", "destination": "cloud"}' "$Q")" \
	"support_b false" "支援B"
expect_eq "$(intent '{"support_needed": true, "new_server": false, "destination": "onsite"}' "$Q")" \
	"support_c false" "支援C"
jq '.intent = {"operating": true}' locked.json > ok.json
expect_status 0 "$MEDSEC" backup ok.json
expect_in out.txt "記入内容から、電子カルテのバックアップにオフラインとみなせるものがあります"

# Kept per hospital: import, show by today's rules, and the programme office's summary.
expect_status 2 "$MEDSEC" backup show
expect_in err.txt "医療機関が登録されていません"
expect_status 0 "$MEDSEC" intake --allow-test-addresses "$SAMPLE"
expect_status 2 "$MEDSEC" backup show
expect_in err.txt "アンケート回答がまだ取り込まれていません"
expect_status 0 "$MEDSEC" backup import "$Q"
expect_in out.txt "支援方針: 支援A"
expect_status 0 "$MEDSEC" backup show --json
expect_eq "$(jq -r .category out.txt)" support_a "kept and decided again"
# The shortfalls are findings of the hospital's report, ranked with the rest (source: declared).
expect_status 0 "$MEDSEC" plan
expect_status 0 "$MEDSEC" report -o rep --format json
F='.findings[] | select(.kind == "backup")'
expect_eq "$(jq -r "[$F | .rule + \":\" + .severity + \":\" + .subject] | join(\" \")" rep/report.json)" \
	"backup-no-offline:high:電子カルテ backup-no-offline:high:オーダリング backup-restore-untested:medium:電子カルテ backup-restore-untested:medium:オーダリング backup-generations:medium:オーダリング backup-single-method:medium:オーダリング" \
	"backup findings, most urgent first"
expect_eq "$(jq -r "[$F][0] | [.source, .manual] | join(\" \")" rep/report.json)" \
	"declared 04 オフラインバックアップの実施" "source and manual chapter"
python3 -c 'import json, jsonschema, sys; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
	"$SRC/docs/json/report.schema.json" rep/report.json && ok || fail "report.json against its schema"
jq '.hospital.name = "さくら記念病院"' "$SAMPLE" > h2.json
expect_status 0 "$MEDSEC" intake --allow-test-addresses h2.json
jq '.hospital = "さくら記念病院" | .intent = {"planning_with_vendor": true,
    "design": "NAS へ転送後に切り離し、週次で LTO", "planned_for": "2027-04"}' "$Q" > b2.json
expect_status 2 "$MEDSEC" backup --hospital みなと中央病院 import b2.json
expect_in err.txt "回答の医療機関が違います"
expect_status 0 "$MEDSEC" backup --hospital さくら記念病院 import b2.json
expect_status 0 "$MEDSEC" backup --hospital さくら記念病院 import b2.json # every import kept
expect_status 0 "$MEDSEC" backup summary
expect_in out.txt "オフラインバックアップ支援の集計 (2 医療機関)"
expect_in out.txt "構成概要: NAS へ転送後に切り離し、週次で LTO / 導入予定時期: 2027-04"
expect_status 0 "$MEDSEC" backup summary --json
expect_eq "$(jq -c '.counts' out.txt)" \
	'{"support_a":1,"support_b":0,"support_c":0,"report_only":1,"not_eligible":0}' "counts per category"
expect_eq "$(jq -r '[.answers[] | .hospital + ":" + .category] | join(" ")' out.txt)" \
	"さくら記念病院:report_only みなと中央病院:support_a" "one line per hospital, by name"

# Bad answers: every problem named by its place, exit 2.
jq '.systems[0].backups[0].medium = "floppy" | .systems[1].backups[0].generations = "many"
    | .systems[2].vendr = "x" | .intent.procure = null' "$Q" > bad.json
expect_status 2 "$MEDSEC" backup bad.json
expect_in err.txt "bad.json:/systems/0/backups/0/medium: floppy: 選択肢にない値です"
expect_in err.txt "bad.json:/systems/1/backups/0/generations: many"
expect_in err.txt "bad.json:/systems/2/vendr: x: 不明な項目です"
expect_in err.txt "bad.json:/intent/procure"
printf '{"medsec_backup": 1, ' > broken.json
expect_status 2 "$MEDSEC" backup broken.json
expect_in err.txt "broken.json:1:"
expect_status 2 "$MEDSEC" backup no-such-file.json
expect_status 2 "$MEDSEC" backup
finish
