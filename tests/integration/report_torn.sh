#!/bin/sh
# report_torn.sh - a report written to a full disk is refused whole: exit 1, medsec's own
# message (no libxlsxwriter "[ERROR]" lines), no staged file left, and the folder holds the
# previous complete set, byte for byte. Runs on a small tmpfs (root), at several fill levels
# so the disk fills in each of the report's files in turn. Also: -o creates missing parents.
. "$(dirname "$0")/common.inc"
FX=$SRC/tests/fixtures
export MEDSEC_VULNDB="$T/v.vdb"

"$MEDSEC" intake --allow-test-addresses "$SAMPLE" >/dev/null || fail "intake"
"$MEDSEC" plan >/dev/null || fail "plan"
"$MEDSEC" onsite "$SRC/examples/sample-onsite.json" >/dev/null || fail "onsite"
"$MEDSEC" vulndb import "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	"$FX/jvn/dataFeed_jvndb_detail_hnd.xml" >/dev/null || fail "index"

# whole DIR WHAT: every file of the report in DIR is complete (a PDF with its trailer, a
# readable workbook, JSON that parses, HTML to its end).
whole() {
	for f in "$1"/*.pdf; do pdfinfo "$f" >/dev/null 2>&1 && ok || fail "$2: $f is torn"; done
	unzip -tq "$1/annexes.xlsx" >/dev/null 2>&1 && ok || fail "$2: annexes.xlsx is torn"
	jq -e .medsec_report "$1/report.json" >/dev/null 2>&1 && ok || fail "$2: report.json is torn"
	for f in "$1"/*.html; do tail -c 20 "$f" | grep -q '</html>' && ok || fail "$2: $f is torn"; done
}
mkdir whole
expect_status 0 "$MEDSEC" report -o whole
whole whole "on a roomy disk"
set_size=$(du -sk whole | cut -f1)
# -o a/b/c: missing parents are created.
expect_status 0 "$MEDSEC" report -o a/b/c
[ -s a/b/c/report.pdf ] && ok || fail "report -o a/b/c wrote no report.pdf"
# A file where a folder should be is a clear error, not a crash.
: > afile
expect_status 1 "$MEDSEC" report -o afile/x
expect_in err.txt "afile"

[ "$(id -u)" = 0 ] || skip "a tmpfs needs root (CI runs as root)"
mnt=$T/mnt
mkdir "$mnt"
mount -t tmpfs -o size=$((set_size * 2 + 512))k medsec-torn "$mnt" || skip "cannot mount a tmpfs here"
trap 'umount "$mnt" 2>/dev/null; rm -rf "$T"' EXIT

MEDSEC_NOW=2026-11-01T09:00:00Z "$MEDSEC" report -o "$mnt/r" >/dev/null 2>&1 || fail "the first report"
(cd "$mnt/r" && sha256sum * > "$T/old.sum")
[ -s "$T/old.sum" ] || fail "no first set"
# Fill the disk, then free some room, at several sizes so the disk runs out in the HTML, the
# PDF, the workbook or the JSON. Each run ends in one of two states: refused (exit 1) with the
# previous set untouched, or done (exit 0) with every file of the folder from this run.
refused=0
for free_kb in 0 8 64 $((set_size / 3)) $((set_size * 2 / 3)) $set_size; do
	rm -f "$mnt/fill"
	dd if=/dev/zero of="$mnt/fill" bs=4k 2>/dev/null
	[ "$free_kb" = 0 ] || truncate -s "-${free_kb}k" "$mnt/fill"
	touch "$T/before"
	"$MEDSEC" report -o "$mnt/r" >out.txt 2>err.txt
	rc=$?
	expect_not_in err.txt "[ERROR]"
	expect_eq "$(ls -A "$mnt/r" | grep -c '\.tmp$')" 0 "staged files left with $free_kb KiB free"
	case $rc in
	1)	refused=$((refused + 1))
		expect_in err.txt "書き込めません"
		(cd "$mnt/r" && sha256sum -c --quiet "$T/old.sum") >/dev/null 2>&1 && ok ||
			fail "with $free_kb KiB free the previous set changed"
		expect_eq "$(ls "$mnt/r" | wc -l)" "$(wc -l < "$T/old.sum")" "files with $free_kb KiB free" ;;
	0)	expect_eq "$(find "$mnt/r" -type f ! -newer "$T/before" | wc -l)" 0 \
			"files older than the run that said it succeeded with $free_kb KiB free"
		whole "$mnt/r" "with $free_kb KiB free"
		(cd "$mnt/r" && sha256sum * > "$T/old.sum") ;;
	*)	fail "exit $rc with $free_kb KiB free" ;;
	esac
done
# With no room at all and with 8 KiB, nothing can be written: those runs must be refused.
[ "$refused" -ge 2 ] && ok || fail "only $refused runs were refused on a full disk"
# With room again the new set replaces the old one whole, and it is a readable PDF.
rm -f "$mnt/fill"
touch "$T/before"
expect_status 0 "$MEDSEC" report -o "$mnt/r"
expect_eq "$(find "$mnt/r" -type f ! -newer "$T/before" | wc -l)" 0 "files not replaced with room again"
whole "$mnt/r" "with room again"
finish
