# vulndb.sh - `medsec vulndb import|status` and `medsec vuln lookup` on the real feed fixtures:
# answers, JSON shape, gzip, merging, refusal of bad input with the index untouched.
. "$(dirname "$0")/common.inc"
FX=$SRC/tests/fixtures
export MEDSEC_VULNDB="$T/v.vdb"

expect_status 0 "$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" "$FX/jvn/getVulnOverviewList_hnd.xml"
expect_in out.txt "脆弱性インデックスを書き込みました"

expect_status 0 "$MEDSEC" vulndb status --json
expect_eq "$(jq -r '.sources.nvd.records' out.txt)" 23 "NVD records"
expect_eq "$(jq -r '.sources.kev.newest' out.txt)" 2025.08.25 "KEV catalogue"
expect_eq "$(jq -r '.sources.jvn.records' out.txt)" 9 "JVN entries (7 in the detail feed, 2 in the overview)"
expect_eq "$(jq -r '.unanalysed' out.txt)" 3 "unanalysed"
expect_in out.txt "This product uses the NVD API but is not endorsed or certified by the NVD."
expect_status 0 "$MEDSEC" vulndb status
expect_in out.txt "CISA KEV     1404 件, カタログ版 2025.08.25"

expect_status 0 "$MEDSEC" vuln lookup fortinet fortios 6.0.4 --json
expect_eq "$(jq -r '.matches[] | select(.cve == "CVE-2018-13379") | [.confidence, .kev, .ransomware, .cvss_v3.score, .cvss_v3.severity] | join(" ")' out.txt)" \
	"exact true true 9.8 critical" "FortiOS 6.0.4 → CVE-2018-13379"
expect_eq "$(jq -r '.cpe' out.txt)" "cpe:2.3:*:fortinet:fortios:6.0.4:*:*:*:*:*:*:*" "cpe shown"
expect_status 0 "$MEDSEC" vuln lookup --cpe "cpe:2.3:o:fortinet:fortios:7.2.7:*:*:*:*:*:*:*" --json
expect_eq "$(jq '[.matches[] | select(.cve == "CVE-2024-21762")] | length' out.txt)" 0 "FortiOS 7.2.7 is patched"
expect_status 0 "$MEDSEC" vuln lookup --cpe "cpe:/o:fortinet:fortios:7.2.6" --json
expect_eq "$(jq -r '.matches[0].cve' out.txt)" CVE-2024-21762 "URI binding"
expect_status 0 "$MEDSEC" vuln lookup openbsd openssh "9.2p1 Debian-2+deb12u3" --json
expect_eq "$(jq -r '.matches[] | select(.cve == "CVE-2024-6387") | .confidence + " " + (.reasons | join(","))' out.txt)" \
	"rough backport" "backported banner"
expect_status 0 "$MEDSEC" vuln lookup planex mzk-dp300n 1.05
expect_in out.txt "JVNDB-2025-000001"
expect_in out.txt "推定"
expect_in out.txt "JVN の影響を受けるバージョンの記述から判断しました"
expect_status 0 "$MEDSEC" --lang en vuln lookup planex mzk-dp300n 1.06
expect_in out.txt "no vulnerability found"

# The JSON follows its schema.
expect_status 0 "$MEDSEC" vuln lookup sonicwall sonicos 7.0.1-5035 --json
python3 -c "import json,jsonschema,sys; jsonschema.validate(json.load(open('out.txt')), json.load(open(sys.argv[1])))" \
	"$SRC/docs/json/vuln.schema.json" && ok || fail "vuln lookup JSON against docs/json/vuln.schema.json"

# Bad input: exit 2, the place named, the index unchanged.
cp "$MEDSEC_VULNDB" before.vdb
printf '{"vulnerabilities":[{"cve":{"id":"CVE-2020-0001","configurations":[{"nodes":[{"cpeMatch":[{"vulnerable":true,"criteria":"cpe:2.3:o"}]}]}]}}]}' > bad.json
expect_status 2 "$MEDSEC" vulndb import "$FX/kev/known_exploited_vulnerabilities.json" bad.json
expect_in err.txt "medsec: bad.json:/vulnerabilities/0/cve/configurations/0/nodes/0/cpeMatch/0: cpe:2.3:o: 脆弱性データの項目が不正です"
expect_status 2 "$MEDSEC" vulndb import "$FX/jvn/dataFeed_jvndb_rss_hnd.xml"
expect_in err.txt "dataFeed_jvndb_rss_hnd.xml:"
expect_status 2 "$MEDSEC" vulndb import missing.json
expect_in err.txt "missing.json"
cmp -s before.vdb "$MEDSEC_VULNDB" && ok || fail "a refused import changed the index"
printf 'garbage' > damaged.vdb
expect_status 2 "$MEDSEC" vuln lookup --index damaged.vdb a b 1
expect_in err.txt "壊れています"

# gzip feeds read as they are; a re-import with --rebuild gives the same bytes.
gzip -c "$FX/nvd/nvd_api2_bundle.json" > nvd.json.gz
expect_status 0 "$MEDSEC" vulndb import --rebuild --index r1.vdb nvd.json.gz "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" "$FX/jvn/getVulnOverviewList_hnd.xml"
cmp -s r1.vdb "$MEDSEC_VULNDB" && ok || fail "gzip feed built another index"
# Importing in pieces (merge) gives the same index as importing at once.
"$MEDSEC" vulndb import --index r2.vdb "$FX/jvn/getVulnOverviewList_hnd.xml" >/dev/null
"$MEDSEC" vulndb import --index r2.vdb "$FX/kev/known_exploited_vulnerabilities.json" "$FX/jvn/dataFeed_jvndb_detail_hnd.xml" >/dev/null
"$MEDSEC" vulndb import --index r2.vdb "$FX/nvd/nvd_api2_bundle.json" >/dev/null
cmp -s r2.vdb "$MEDSEC_VULNDB" && ok || fail "merged imports differ from one import"

expect_status 0 "$MEDSEC" vuln --help
expect_in out.txt "確度"
expect_status 2 "$MEDSEC" vuln lookup onlyvendor
finish
