#!/bin/sh
# Proves that `make`, `make demo` and `make bench` need only their own packages: configures
# and builds medsec in a scratch folder with pkg-config blind to every package that only
# tests, the demo's test bed, benchmarks or fuzzing install (tools/deps.sh). .ci/run calls it
# before `make test`, which installs those packages. Exit 0 when the build works so.
set -e
cd "$(dirname "$0")/.."
tools/deps.sh build
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
build_pkgs=$(tools/deps.sh --list build)
others=""
for what in test demo bench fuzz; do others="$others $(tools/deps.sh --list $what)"; done
# The .pc files of packages outside the build set, where such packages are installed.
hidden="$work/hidden"
: > "$hidden"
for p in $(echo $others | tr ' ' '\n' | sort -u); do
	case " $(echo $build_pkgs) " in *" $p "*) continue ;; esac
	dpkg -L "$p" 2>/dev/null | grep '\.pc$' >> "$hidden" || true
done
mkdir "$work/pc"
for dir in $(pkg-config --variable pc_path pkg-config | tr ':' ' '); do
	[ -d "$dir" ] || continue
	for pc in "$dir"/*.pc; do
		[ -e "$pc" ] || continue
		grep -qxF "$pc" "$hidden" && continue
		[ -e "$work/pc/${pc##*/}" ] || ln -s "$pc" "$work/pc/${pc##*/}"
	done
done
export PKG_CONFIG_LIBDIR="$work/pc" PKG_CONFIG_PATH=
# The mask must hide what tests need, or this proves nothing.
if pkg-config --exists cmocka; then
	echo "check-build-deps: cmocka is still visible to pkg-config" >&2
	exit 1
fi
# The very targets a user runs, into a scratch build folder.
make --no-print-directory BUILD="$work/build" build build-bench >/dev/null
"$work/build/medsec" --help >/dev/null
echo "check-build-deps: medsec and its benchmarks build without any test-only package"
