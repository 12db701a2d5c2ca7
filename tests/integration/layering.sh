# layering.sh - dependencies point down the flow (DESIGN.md): a module includes only the
# headers of modules below it. util < model < store < intake < plan < cli.
. "$(dirname "$0")/common.inc"

# check FOLDER FORBIDDEN-HEADER...: no file in src/FOLDER includes any of them.
check() {
	dir=$1
	shift
	for h in "$@"; do
		hits=$(grep -rlE "#include \"(medsec/)?$h\"" "$SRC/src/$dir" 2>/dev/null)
		if [ -n "$hits" ]; then fail "src/$dir includes $h: $hits"; else ok; fi
	done
}
check util model.h store.h intake.h plan.h cli/cli.h 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h'
check model store.h intake.h plan.h cli/cli.h 'intake/[a-z_]+\.h'
check store intake.h plan.h cli/cli.h 'intake/[a-z_]+\.h'
check intake plan.h cli/cli.h 'store/[a-z_]+\.h'
check plan cli/cli.h 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h'
check scan store.h intake.h cli/cli.h 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h'
check probe store.h intake.h plan.h cli/cli.h 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h'
check vulndb store.h intake.h plan.h scan.h cli/cli.h 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h'
check onsite store.h intake.h scan.h probe.h vulndb.h assess.h report.h cli/cli.h 'intake/[a-z_]+\.h' \
	'store/[a-z_]+\.h'
check assess intake.h scan.h report.h cli/cli.h 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h' 'report/[a-z_]+\.h'
# The report presents the assessment: it neither looks anything up nor reads the store.
check report store.h intake.h scan.h probe.h onsite.h cli/cli.h 'intake/[a-z_]+\.h' \
	'store/[a-z_]+\.h'
hits=$(grep -rlE 'vdb_lookup|vdb_open|assess_run|store_[a-z_]+\(' "$SRC/src/report")
if [ -n "$hits" ]; then fail "the report computes or loads: $hits"; else ok; fi
check cli 'intake/[a-z_]+\.h' 'store/[a-z_]+\.h' 'report/[a-z_]+\.h' 'assess/[a-z_]+\.h'
# SQL lives in the store only.
hits=$(grep -rlE 'sqlite3_|SELECT |INSERT INTO' "$SRC/src" | grep -v "/src/store/")
if [ -n "$hits" ]; then fail "SQL outside src/store: $hits"; else ok; fi
# Deep code does not print: only src/cli writes to stdout or stderr (the report writes files).
hits=$(grep -rlE '\b(printf|puts)\(|stderr|stdout' "$SRC/src" | grep -v '/src/cli/' \
	| grep -v '/src/util/mem.c')
if [ -n "$hits" ]; then fail "printing outside src/cli: $hits"; else ok; fi
# Only the scanner and the prober open sockets (to targets the plan authorises).
hits=$(grep -rlE '\bsocket\(' "$SRC/src" | grep -v '/src/scan/' | grep -v '/src/probe/')
if [ -n "$hits" ]; then fail "sockets outside src/scan and src/probe: $hits"; else ok; fi
# Only the feed download talks HTTP.
hits=$(grep -rlE 'curl/curl\.h|curl_easy_' "$SRC/src" | grep -v '/src/vulndb/update.c')
if [ -n "$hits" ]; then fail "HTTP outside src/vulndb/update.c: $hits"; else ok; fi
# Every operation of the store is exercised by the backend-neutral conformance suite.
for op in $(grep -oE '\bstore_[a-z_]+\(' "$SRC/include/medsec/store.h" | tr -d '(' | sort -u); do
	grep -qE "\b$op\(" "$SRC/tests/unit/test_store_conformance.c" && ok ||
		fail "$op is not in tests/unit/test_store_conformance.c"
done
finish
