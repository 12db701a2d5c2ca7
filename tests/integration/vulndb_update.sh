# vulndb_update.sh - `medsec vulndb update` against NVD, KEV and MyJVN endpoints served on loopback
# from the real fixtures (feed_server.py): full then incremental, paging by what the server sends,
# the pace between requests, and a failed download leaving the index untouched.
. "$(dirname "$0")/common.inc"
export MEDSEC_VULNDB="$T/v.vdb"
python3 "$SRC/tests/integration/feed_server.py" "$SRC/tests/fixtures" port.txt req.log 60 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$T"' EXIT
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s port.txt ] && break; sleep 0.2; done
B=http://127.0.0.1:$(cat port.txt)
urls="--nvd-url $B/nvd --kev-url $B/kev --jvn-url $B/myjvn"

# Empty index: everything (NVD paged 10 at a time by the server, though 2,000 were asked).
expect_status 0 "$MEDSEC" vulndb update $urls --delay-ms 0
expect_status 0 "$MEDSEC" vulndb status --json
expect_eq "$(jq -r '.sources.nvd.records' out.txt)" 23 "NVD records"
expect_eq "$(jq -r '.sources.kev.records' out.txt)" 1404 "KEV entries"
expect_eq "$(jq -r '.sources.jvn.records' out.txt)" 9 "JVN entries (overview + details)"
expect_eq "$(grep -c ' /nvd?resultsPerPage=2000&startIndex=' req.log)" 3 "three NVD pages, no date filter"
expect_in req.log "/nvd?resultsPerPage=2000&startIndex=20 "
expect_in req.log "/myjvn?method=getVulnOverviewList&feed=hnd&lang=ja&rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n&startItem=1&maxCountItem=50"
expect_in req.log "/myjvn?method=getVulnDetailInfo&feed=hnd&lang=ja&vulnId=JVNDB-2025-002953+JVNDB-2025-002884"
expect_status 0 "$MEDSEC" vuln lookup fortinet fortios 6.0.4 --json
expect_eq "$(jq -r '.matches[] | select(.cve == "CVE-2018-13379") | .confidence' out.txt)" exact "answers after update"

# Again: only what changed since the newest records held, in NVD windows of at most 120 days.
: > req.log
NVD_API_KEY=test-key expect_status 0 "$MEDSEC" vulndb update $urls --delay-ms 0 --source nvd,jvn
expect_in req.log "/nvd?lastModStartDate=2026-09-07T02:17:17.000Z&lastModEndDate=2026-11-23T09:00:00.000Z&resultsPerPage=2000&startIndex=0 test-key"
expect_not_in req.log "/kev"
expect_in req.log "datePublishedStartY=2025&datePublishedStartM=4&datePublishedStartD=4"
"$MEDSEC" vulndb status --json > st.json
expect_eq "$(jq -r '.sources.nvd.records' st.json)" 23 "still 23 after an incremental update"

# The pace: requests to one source at least --delay-ms apart. The times are the test server's,
# which logs a request when its thread gets to it: allow it 30 ms of scheduling (seen 11 ms late
# on a loaded CI machine); without the pace the requests come a few milliseconds apart.
: > req.log
expect_status 0 "$MEDSEC" vulndb update $urls --source kev,jvn --delay-ms 300
awk '/myjvn/ { if (last && $1 - last < 0.27) bad = 1; last = $1; n++ } END { exit !(n >= 2 && !bad) }' req.log \
	&& ok || fail "MyJVN requests closer than 300 ms: $(cat req.log)"

# A failed download changes nothing, and says which URL failed.
cp "$MEDSEC_VULNDB" before.vdb
expect_status 1 "$MEDSEC" vulndb update --nvd-url $B/fail/nvd --kev-url $B/kev --jvn-url $B/myjvn --delay-ms 0
expect_in err.txt "$B/fail/nvd"
expect_in err.txt "HTTP 500"
cmp -s before.vdb "$MEDSEC_VULNDB" && ok || fail "a failed update changed the index"
expect_status 2 "$MEDSEC" vulndb update --source none
finish
