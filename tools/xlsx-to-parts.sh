#!/bin/sh
# Turns a workbook into the fuzz_xlsx "parts" seed format: its XML parts, in
# the harness's fixed order, separated by NUL bytes. Usage: xlsx-to-parts.sh IN.xlsx OUT
set -e
in=$1 out=$2
: > "$out"
first=1
for p in _rels/.rels xl/workbook.xml xl/_rels/workbook.xml.rels xl/sharedStrings.xml \
	xl/styles.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml \
	xl/worksheets/sheet3.xml xl/worksheets/sheet4.xml; do
	[ $first = 1 ] || printf '\000' >> "$out"
	first=0
	unzip -p "$in" "$p" >> "$out" 2>/dev/null || true
done
