# boundary.sh - the build enforces the layering: a module that calls a function of a
# module it does not declare in CMakeLists.txt fails to link (cmake/Modules.cmake), and
# the portable core (util, model) cross-compiles for Windows with mingw-w64.
. "$(dirname "$0")/common.inc"

# A scratch copy of the sources, so that the injected call never touches the tree.
tar -C "$SRC" --exclude='./build*' --exclude=./.git --exclude=./demo-out --exclude=./fuzz-out -cf - . |
	(mkdir src && tar -C src -xf -) || fail "copy the sources"

# build TARGET: configures (once) and builds one target of the scratch copy; log in build.log.
build() {
	[ -d b ] || cmake -S src -B b -DMEDSEC_TESTS=OFF >build.log 2>&1 || { cat build.log >&2; return 2; }
	cmake --build b --target "$1" >build.log 2>&1
}

# Positive control: the scan module as it is links against util alone.
build medsec_scan_boundary && ok || { fail "the scan module does not link as it is"; cat build.log >&2; }
# The scan may not touch the store: a call to store_open from src/scan must fail the build.
cat >> src/src/scan/ports.c <<'C'

struct store;
int store_open(struct store **out, const char *url, void *err);
void scan_boundary_probe(void);
void scan_boundary_probe(void)
{
	struct store *s;
	store_open(&s, "x", 0);
}
C
if build medsec_scan_boundary; then fail "scan calling the store linked"; else
	expect_in build.log "undefined reference to \`store_open'"
fi
# The same call from a module that declares the store (survey) links.
cat >> src/src/survey/session.c <<'C'

void survey_boundary_probe(void);
void survey_boundary_probe(void)
{
	struct store *s;
	struct ms_error e;
	store_open(&s, "x", &e);
}
C
build medsec_survey_obj && ok || fail "survey, which declares the store, did not compile"

# The portable core for Windows.
if ! command -v x86_64-w64-mingw32-gcc >/dev/null; then
	skip "x86_64-w64-mingw32-gcc missing (tools/deps.sh test installs gcc-mingw-w64-x86-64)"
fi
if cmake -S "$SRC" -B w -DMEDSEC_CORE_ONLY=ON -DCMAKE_TOOLCHAIN_FILE="$SRC/cmake/mingw-w64.cmake" \
	>w.log 2>&1 && cmake --build w >>w.log 2>&1; then ok; else fail "the core does not build with mingw"; tail -20 w.log >&2; fi
[ -s w/libmedsec_util.a ] && [ -s w/libmedsec_model.a ] && [ -s w/libmedsec_terminal.a ] && ok ||
	fail "no Windows core libraries"
x86_64-w64-mingw32-objdump -f w/libmedsec_util.a 2>/dev/null | grep -q "pe-x86-64" && ok ||
	fail "the core library is not a Windows object"
finish
