#!/bin/sh
# tests/digits.sh: a site with digits: thai shows no ASCII digit in any page's visible text (issue 5).
set -u
cd "$(dirname "$0")/.."
bin=${PRONGSAI:-./prongsai}
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-digits.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
if ! "$bin" build --quiet --source . --output "$work/out" 2>"$work/err"; then
	echo "FAIL: digits/build: $(head -n 5 "$work/err")"
	exit 1
fi
/usr/bin/python3 tests/digits.py "$work/out"
