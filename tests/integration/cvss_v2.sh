#!/bin/sh
# cvss_v2.sh - an older record scored in CVSS v2 only is shown, banded and counted, not dropped as
# unscored. The record is NVD's CVE-2019-19781 as published, with its v3.1 metrics taken out so it
# looks like the records NVD and JVN scored before v3 (it keeps its real v2 base score, 7.5).
. "$(dirname "$0")/common.inc"
export MEDSEC_VULNDB="$T/v.vdb"
jq '.vulnerabilities |= map(select(.cve.id == "CVE-2019-19781") | del(.cve.metrics.cvssMetricV31))
    | .totalResults = 1 | .resultsPerPage = 1' "$SRC/tests/fixtures/nvd/nvd_api2_bundle.json" > v2only.json
expect_eq "$(jq -c '.vulnerabilities[0].cve.metrics | keys' v2only.json)" '["cvssMetricV2"]' "the derived record"
expect_status 0 "$MEDSEC" vulndb import v2only.json
# The sample hospital with a Citrix ADC on line 1, firmware 13.0 (a version the record names).
jq '.devices[1] += {maker: "Citrix", model: "Citrix ADC VPX", firmware: "13.0"}' "$SAMPLE" > h.json
expect_status 0 "$MEDSEC" intake --allow-test-addresses h.json
expect_status 0 "$MEDSEC" plan
expect_status 0 "$MEDSEC" report -o r --format html,json
v='.targets[] | select(.model == "Citrix ADC VPX") | .vulnerabilities[] | select(.cve == "CVE-2019-19781")'
expect_eq "$(jq -c "$v | [.cvss_v3_score, .cvss_v2_score, .cvss_v2_vector, .severity]" r/report.json)" \
	'[null,7.5,"AV:N/AC:L/Au:N/C:P/I:P/A:P","high"]' "the v2-only record: scored and banded in v2"
expect_eq "$(jq -c '.targets[] | select(.model == "Citrix ADC VPX") | .counts.high' r/report.json)" 1 \
	"counted as high (NVD's v2 band for 7.5)"
expect_in r/report.html "7.5 (CVSS v2)"
expect_in r/report.html "CVSS v2 の基本値を「(CVSS v2)」と付けて示し"
finish
