# schema.sh - what medsec writes and reads as JSON matches docs/json/*.schema.json.
. "$(dirname "$0")/common.inc"

# Debian's interpreter, where python3-jsonschema is installed (not a pyenv one on PATH).
PY=/usr/bin/python3
if ! $PY -c 'import jsonschema' 2>/dev/null; then
	skip "python3-jsonschema is not installed; tools/deps.sh test installs it"
fi
validate() {
	if $PY - "$1" "$2" <<'PYEOF'
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
errors = list(Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
for e in errors:
    print("  %s: %s" % ("/".join(map(str, e.absolute_path)), e.message), file=sys.stderr)
sys.exit(1 if errors else 0)
PYEOF
	then ok; else fail "$2 does not match $1"; fi
}
validate "$SRC/docs/json/intake.schema.json" "$SAMPLE"
"$MEDSEC" intake --allow-test-addresses "$SAMPLE" >/dev/null || fail "import"
"$MEDSEC" template --filled export.json >/dev/null || fail "export"
validate "$SRC/docs/json/intake.schema.json" export.json
"$MEDSEC" plan --json > plan.json || fail "plan"
validate "$SRC/docs/json/plan.schema.json" plan.json
"$MEDSEC" --lang en plan confirm-ip 3 198.18.10.33 --by Yamada --json > plan2.json || fail "confirm-ip"
validate "$SRC/docs/json/plan.schema.json" plan2.json
# The schema is strict where medsec is: an unknown member fails both.
jq '.lines[0].colour = "blue"' "$SAMPLE" > extra.json
if $PY -c "
import json,sys
from jsonschema import Draft202012Validator
s=json.load(open('$SRC/docs/json/intake.schema.json'))
sys.exit(0 if list(Draft202012Validator(s).iter_errors(json.load(open('extra.json')))) else 1)"; then ok; else
	fail "the schema accepts an unknown member"; fi
expect_status 2 "$MEDSEC" intake --check --allow-test-addresses extra.json

# The onsite record, as given and as stored; the report's JSON with and without an index.
validate "$SRC/docs/json/onsite.schema.json" "$SRC/examples/sample-onsite.json"
"$MEDSEC" onsite "$SRC/examples/sample-onsite.json" >/dev/null || fail "onsite"
"$MEDSEC" onsite --show --json > onsite.json || fail "onsite --show"
validate "$SRC/docs/json/onsite.schema.json" onsite.json
"$MEDSEC" report -o r1 --format json >/dev/null || fail "report without an index"
validate "$SRC/docs/json/report.schema.json" r1/report.json
FX=$SRC/tests/fixtures
"$MEDSEC" vulndb import --index v.vdb "$FX/nvd/nvd_api2_bundle.json" "$FX/kev/known_exploited_vulnerabilities.json" \
	>/dev/null || fail "vulndb import"
"$MEDSEC" assess --index v.vdb --json > r2.json || fail "assess --json"
validate "$SRC/docs/json/report.schema.json" r2.json
finish
