#!/bin/sh
# check-style.sh [SOURCE-TREE] - the habits a tool can check, run by `make test` (tests/integration/style.sh):
#   - every C file is as clang-format makes it (.clang-format: kernel style, 100 columns);
#   - no banned call in src/ and collector/: sscanf (its %d overflows into undefined behaviour on outside
#     text: use ms_read_digits), sprintf/strcpy/strcat/gets/atoi, and raw malloc/calloc/realloc/strdup
#     outside src/util/mem.c (the ms_x* wrappers say who owns what and never return NULL);
#   - the report's, the assessment's, the commands' and the collector's sentences come from
#     include/medsec/prose.h: no Japanese string literal in src/report and src/assess, no
#     `en ? "..." : "..."` pick in src/cli and collector;
#   - text files end in a newline and carry no trailing blanks (.editorconfig);
#   - commit subjects since the rule began read "area: what" in at most 72 characters.
# Prints each problem with its place; exits 1 if there is any.
set -u
cd "${1:-$(dirname "$0")/..}" || exit 2
problems=0
say() { echo "style: $*" >&2; problems=$((problems + 1)); }

git rev-parse --git-dir >/dev/null 2>&1 || { echo "style: not a git checkout: nothing checked" >&2; exit 2; }
files() { git ls-files "$@"; }

# C layout.
out=$(files '*.c' '*.h' | grep -v '^tests/fuzz/corpora/' | xargs clang-format --dry-run -Werror 2>&1 | grep 'error:' | head -20)
[ -z "$out" ] || say "not as clang-format makes it (run: clang-format -i FILE):
$out"

# Banned calls.
for dir in src collector; do
	[ -d "$dir" ] || continue
	out=$(grep -rnE '\b(sscanf|sprintf|vsprintf|strcpy|strcat|gets|atoi|atol)\(' "$dir" --include='*.c' --include='*.h')
	[ -z "$out" ] || say "banned call:
$out"
	out=$(grep -rnE '\b(malloc|calloc|realloc|strdup|strndup)\(' "$dir" --include='*.c' --include='*.h' |
		grep -v '^src/util/mem\.c:')
	[ -z "$out" ] || say "raw allocation outside src/util/mem.c (use ms_xmalloc, ms_xstrdup ...):
$out"
done

# Prose in one place (comments aside; the commands' usage and option tables keep their help beside
# each option, as issue 13 asks).
out=$(grep -nP '^(?!\s*(/?\*|//)).*"[^"]*[\x{3040}-\x{30ff}\x{4e00}-\x{9fff}]' src/report/*.c src/assess/*.c)
[ -z "$out" ] || say "a sentence outside include/medsec/prose.h (add a pair there, pick it with TXT):
$out"
out=$(grep -nE '(\ben|MS_LANG_EN)[[:space:]]*\?[[:space:]]*"' src/cli/*.c collector/*.c)
[ -z "$out" ] || say "a language picked by hand (add a pair to include/medsec/prose.h, use L()):
$out"

# Trailing blanks and the final newline.
# Fixtures are published data kept byte for byte.
for f in $(files '*.c' '*.h' '*.sh' '*.inc' '*.md' '*.cmake' 'CMakeLists.txt' 'Makefile' '*.json' |
	grep -vE '^tests/(fuzz/corpora|fixtures)/'); do
	[ -f "$f" ] || continue
	n=$(grep -nE '[[:blank:]]+$' "$f" | head -3 | cut -d: -f1 | tr '\n' ' ')
	[ -z "$n" ] || say "$f: trailing blanks on line $n"
	[ -s "$f" ] && [ "$(tail -c1 "$f" | od -An -c | tr -d ' ')" != '\n' ] && say "$f: no newline at the end"
done

# Commit subjects, from the first commit made under this rule (in a shallow clone without it:
# every commit the clone has, which are all newer).
base=7d56e77
range=HEAD
git rev-parse -q --verify "$base^{commit}" >/dev/null 2>&1 && range="$base..HEAD"
git log --format='%h %s' "$range" | while read -r hash subject; do
	len=$(printf '%s' "$subject" | wc -m)
	if [ "$len" -gt 72 ]; then
		echo "style: commit $hash: subject of $len characters (at most 72): $subject" >&2
		echo x
	elif ! printf '%s' "$subject" | grep -qE '^[a-z0-9][a-z0-9/_.,+-]*( [a-z0-9/_.,+-]+)?: [^ ]'; then
		echo "style: commit $hash: subject is not \"area: what\": $subject" >&2
		echo x
	fi
done > /tmp/check-style.$$
n=$(wc -l < /tmp/check-style.$$)
rm -f /tmp/check-style.$$
problems=$((problems + n))
[ "$problems" = 0 ] || { echo "style: $problems problem(s)" >&2; exit 1; }
echo "style: clean"
