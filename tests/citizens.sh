#!/bin/sh
# tests/citizens.sh: what a citizen asks of the site (issue 21), on
# tests/fixtures/citizens (a Thai site with measures in every status and
# the CSV injection cases), built with the default theme: every status
# with measures has its page YEAR/status/CODE/, which lists exactly the
# measures in that status, and the year page's counts link to it; the
# home page lists what is not finished; owner feeds exist; both CSVs,
# read back with Python's csv module, hold each formula cell with a '
# in front while the JSON keeps the exact value; the data dictionary
# page names every column.  Checks in tests/citizens.py; Python is
# /usr/bin/python3.
. "$(dirname "$0")/lib/suite.sh"
suite=citizens
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-citizens.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
if "$bin" build --source tests/fixtures/citizens --output "$work/out" \
    >"$work/log" 2>&1; then
	ok build
	/usr/bin/python3 tests/citizens.py "$work/out" \
	    tests/fixtures/citizens/content themes/default/strings || fail=$((fail + 1))
else
	no build "$(cat "$work/log")"
fi
[ "$fail" -eq 0 ]
