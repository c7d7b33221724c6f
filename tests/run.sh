#!/bin/sh
# tests/run.sh: runs every test suite; prints "N passed, N failed" (every check) and fails if any did.
# Called by `make check` after the binaries are built.
set -u
cd "$(dirname "$0")/.."
export TZ=Asia/Bangkok LC_ALL=C.UTF-8
pass=0 fail=0
log=$(mktemp "${TMPDIR:-/tmp}/prongsai-run.XXXXXX")
trap 'rm -f "$log"' EXIT
result() {	# name status
	if [ "$2" -eq 0 ]; then pass=$((pass + 1)); echo "PASS: $1"
	else fail=$((fail + 1)); echo "FAIL: $1"; fi
}
# cmocka unit tests, plain and under ASan+UBSan.
for t in build/tests/test_*; do
	[ -x "$t" ] || continue
	ASAN_OPTIONS=detect_leaks=1 "$t" >"$t.log" 2>&1
	st=$?
	grep -E '^\[  (PASSED|FAILED)' "$t.log" | sed "s|^|$(basename "$t"): |" |
	    tee -a "$log"
	[ $st -eq 0 ] || cat "$t.log"
	result "$(basename "$t")" $st
done
# Shell suites: each prints its own PASS/FAIL lines and exits non-zero on
# failure.  Each runs with the plain binary and again under ASan+UBSan.
for s in tests/*.sh; do
	[ "$s" = tests/run.sh ] && continue
	for bin in ./prongsai ./prongsai-asan; do
		PRONGSAI=$bin ASAN_OPTIONS=detect_leaks=1 sh "$s" >"$log.one" 2>&1
		st=$?
		cat "$log.one"
		cat "$log.one" >>"$log"
		rm -f "$log.one"
		result "$(basename "$s") ($bin)" $st
	done
done
# Every check, not just every suite: the suites' own PASS/FAIL lines and
# the cmocka tests (counted once per build, plain and ASan).
checks=$(grep -c '^PASS: ' "$log")
failed=$(grep -c '^FAIL: ' "$log")
tests=$(sed -n 's/.*\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" |
    awk '{ n += $1 } END { print n + 0 }')
echo "suites: $pass passed, $fail failed"
# A failed suite without a FAIL line of its own (a crash) still counts.
[ "$fail" -gt "$failed" ] && failed=$fail
echo "$((checks + tests)) passed, $failed failed"
[ "$fail" -eq 0 ]
