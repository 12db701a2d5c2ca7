# style.sh - the tree is as tools/check-style.sh wants it (clang-format, banned calls, prose in
# prose.h, blanks, commit subjects), and the checker finds each kind of problem (in a scratch clone).
. "$(dirname "$0")/common.inc"
command -v clang-format >/dev/null || skip "clang-format missing (tools/deps.sh test installs it)"
git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1 || skip "$SRC is not a git checkout"

"$SRC/tools/check-style.sh" "$SRC" >out.txt 2>err.txt && ok || { fail "the tree is not clean"; cat err.txt >&2; }

# Positive controls, one per rule, in a clone.
git clone -q "$SRC" s || fail "clone"
cp "$SRC/tools/check-style.sh" s/tools/check-style.sh	# the checker as it is in the tree
cd s || exit 1
git config user.email test@invalid
git config user.name test
printf '\nint style_probe(const char *s);\nint style_probe(const char *s) { int v; return sscanf(s, "%%d", &v); }\n' >> src/util/text.c
printf 'void *style_alloc(void);\nvoid *style_alloc(void)\n{\n\treturn malloc(1);\n}\n' >> src/scan/ports.c
printf 'trailing \n' >> README.md
printf 'const char *style_word(void);\nconst char *style_word(void)\n{\n\treturn "目次";\n}\n' >> src/report/rdoc.c
printf 'const char *style_pick(int en);\nconst char *style_pick(int en)\n{\n\treturn en ? "yes" : "はい";\n}\n' >> src/cli/cli.c
git commit -qam "A subject that does not say its area and runs on well past the seventy-two allowed" || fail "commit"
"$SRC/tools/check-style.sh" . >out.txt 2>err.txt && fail "a broken tree passed"
expect_in err.txt "not as clang-format makes it"
expect_in err.txt "src/util/text.c"
expect_in err.txt "banned call"
expect_in err.txt "raw allocation outside src/util/mem.c"
expect_in err.txt "README.md: trailing blanks"
expect_in err.txt "a sentence outside include/medsec/prose.h"
expect_in err.txt "src/report/rdoc.c"
expect_in err.txt "a language picked by hand"
expect_in err.txt "characters (at most 72)"
finish
