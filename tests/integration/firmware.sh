# firmware.sh - `medsec firmware`: the declared firmware of the sample hospital's devices checked
# against the index (annex 2), the latest-firmware list, and refusal of bad lists.
. "$(dirname "$0")/common.inc"
FX=$SRC/tests/fixtures
export MEDSEC_VULNDB="$T/v.vdb"

# The sample hospital, with its FortiGate declared one release older (7.2.6).
jq '(.devices[] | select(.model == "FortiGate 60F") | .firmware) = "7.2.6"' "$SAMPLE" > h.json
"$MEDSEC" intake --allow-test-addresses h.json >/dev/null || fail "intake"
expect_status 2 "$MEDSEC" firmware
expect_in err.txt "medsec vulndb import"	# no index yet: says how to make one
"$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" "$FX/firmware/latest-test.json" >/dev/null || fail "import"

expect_status 0 "$MEDSEC" firmware --json
fg='.devices[] | select(.model == "FortiGate 60F")'
expect_eq "$(jq -r "$fg | .status + \" \" + (.cpe | join(\",\"))" out.txt)" "checked fortinet:fortios" "FortiGate mapped"
expect_eq "$(jq -r "$fg | .matches[] | select(.cve == \"CVE-2024-21762\") | [.severity, .kev, .ransomware, .confidence] | join(\" \")" out.txt)" \
	"critical true true exact" "FortiOS 7.2.6 → CVE-2024-21762"
expect_eq "$(jq -r "$fg | .counts.critical" out.txt)" 1 "one critical"
expect_eq "$(jq -r "$fg | .fixed_in" out.txt)" 7.2.7 "fixed from 7.2.7"
expect_eq "$(jq -r "$fg | .latest.version + \" \" + .latest.date" out.txt)" "99.0.0 2026-01-01" "latest from the list"
expect_eq "$(jq -r '.devices[] | select(.model == "GE-PON-ONU") | .status' out.txt)" no_mapping "ONU unmapped"
expect_eq "$(jq -r '.devices[] | select(.model == "RTX1210") | .latest.source' out.txt)" \
	"https://example.invalid/test-only" "latest of the Yamaha, matched by its Japanese maker name"
expect_eq "$(jq -r '.devices[] | select(.model == "UNIVERGE IX2215") | .matches[0].cve + " " + .matches[0].confidence' out.txt)" \
	"CVE-2026-16876 product" "NEC IX by the CNA's name, to confirm"
expect_eq "$(jq -r '.notice' out.txt)" "This product uses the NVD API but is not endorsed or certified by the NVD." "notice"

expect_status 0 "$MEDSEC" firmware
expect_in out.txt "回線1  Fortinet FortiGate 60F  ファームウェア 7.2.6"
expect_in out.txt "緊急 1 件"
expect_in out.txt "既知の脆弱性は 7.2.7 以降で修正されています"
expect_in out.txt "最新のファームウェア 99.0.0 (2026-01-01 確認, https://example.invalid/test-only)"
expect_in out.txt "不明 (確認未実施)"
expect_status 0 "$MEDSEC" --lang en firmware
expect_in out.txt "latest firmware: not in the index"

# A newer list replaces an entry; an older one does not.
jq '.entries[1].version = "98.0.0" | .entries[1].date = "2025-01-01"' "$FX/firmware/latest-test.json" > older.json
expect_status 0 "$MEDSEC" vulndb import older.json
expect_status 0 "$MEDSEC" firmware --json
expect_eq "$(jq -r "$fg | .latest.version + \" \" + .latest.date" out.txt)" "99.0.0 2026-01-01" "an older list does not replace"
jq '.entries[1].version = "99.1.0" | .entries[1].date = "2026-06-01"' "$FX/firmware/latest-test.json" > newer.json
expect_status 0 "$MEDSEC" vulndb import newer.json
expect_status 0 "$MEDSEC" firmware --json
expect_eq "$(jq -r "$fg | .latest.version + \" \" + .latest.date" out.txt)" "99.1.0 2026-06-01" "a newer list replaces"

# Bad lists are refused whole, with the place.
jq '.entries[0].source = "" | .entries[1].date = "someday"' "$FX/firmware/latest-test.json" > bad.json
cp "$MEDSEC_VULNDB" before.vdb
expect_status 2 "$MEDSEC" vulndb import bad.json
expect_in err.txt "bad.json:/entries/0/source"
expect_in err.txt "bad.json:/entries/1/date: someday"
cmp -s before.vdb "$MEDSEC_VULNDB" && ok || fail "a refused list changed the index"
# The shipped list is valid, and gives the newest release of the device's own branch first.
expect_status 0 "$MEDSEC" vulndb import --index shipped.vdb "$SRC/data/firmware-latest.json"
expect_status 0 "$MEDSEC" firmware --index shipped.vdb --json
expect_eq "$(jq -r "$fg | .latest.version + \" \" + .latest.date" out.txt)" "7.2.11 2025-02-12" \
	"FortiOS 7.2.6 against the newest 7.2 (Fortinet's 7.2.11 CLI reference)"
jq '(.devices[] | select(.model == "FortiGate 60F") | .firmware) = "6.4.15"' "$SAMPLE" > old.json
expect_status 0 "$MEDSEC" --db old.db intake --allow-test-addresses old.json
expect_status 0 "$MEDSEC" --db old.db firmware --index shipped.vdb --json
expect_eq "$(jq -r "$fg | .latest.version" out.txt)" 7.6.7 "a branch without an entry: the model's newest"
# Palo Alto: branch entries for every model ("*"), none for the model's overall newest.
jq '.devices += [{"line_no": 1, "kind": "utm", "maker": "Palo Alto Networks", "model": "PA-440", "firmware": "11.2.4-h5",
    "location": "サーバ室", "password_default_changed": "yes", "password_length": "unknown",
    "password_periodic_change": "unknown", "password_reused": "unknown", "password_two_factor": "unknown"}]' \
	"$SAMPLE" > pa.json
expect_status 0 "$MEDSEC" --db pa.db intake --allow-test-addresses pa.json
expect_status 0 "$MEDSEC" --db pa.db firmware --index shipped.vdb --json
expect_eq "$(jq -r '.devices[] | select(.model == "PA-440") | .latest.version' out.txt)" 11.2.10-h4 \
	"PAN-OS 11.2.4-h5 against the newest 11.2 on every model"
jq '(.devices[] | select(.model == "PA-440") | .firmware) = "10.1.14"' pa.json > pa10.json
expect_status 0 "$MEDSEC" --db pa10.db intake --allow-test-addresses pa10.json
expect_status 0 "$MEDSEC" --db pa10.db firmware --index shipped.vdb --json
expect_eq "$(jq -r '.devices[] | select(.model == "PA-440") | .latest' out.txt)" null \
	"a branch without an entry and no model entry: not known"
jq '.entries += [{"makers": ["Palo Alto Networks"], "model": "*", "version": "12.1.5", "date": "2026-03-05",
    "source": "https://example.invalid/test-only"}]' "$SRC/data/firmware-latest.json" > anymodel.json
expect_status 2 "$MEDSEC" vulndb import --index am.vdb anymodel.json
expect_in err.txt "anymodel.json:/entries/$(jq '.entries | length' "$SRC/data/firmware-latest.json")/branch"
jq '.entries[0].branch = "seven"' "$SRC/data/firmware-latest.json" > badbranch.json
expect_status 2 "$MEDSEC" vulndb import --index bb.vdb badbranch.json
expect_in err.txt "badbranch.json:/entries/0/branch: seven"
MEDSEC_DATA=/nonexistent expect_status 2 "$MEDSEC" firmware
finish
