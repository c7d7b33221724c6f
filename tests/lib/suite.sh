# tests/lib/suite.sh: sourced by every shell suite first.  Moves to the
# repository, fixes the time zone and locale, and sets $top (the
# repository) and $bin (the absolute path of $PRONGSAI, default
# ./prongsai), or exits 3 with a message naming the suite.
set -u
cd "$(dirname "$0")/.." || exit 3
export TZ=Asia/Bangkok LC_ALL=C.UTF-8
# Messages in English, which the suites match; tests/bad.sh also runs
# each case in Thai against NAME.th.expect.
export PRONGSAI_LANG=en
top=$PWD
bin=${PRONGSAI:-./prongsai}
case $bin in
/*)	;;
*/*)	bin=$top/$bin ;;
*)	bin=$(command -v "$bin") || bin= ;;
esac
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
	echo "$(basename "$0"): no prongsai binary at ${PRONGSAI:-./prongsai}" >&2
	exit 3
fi

# Checks, counted: ok NAME prints PASS: $suite/NAME; no NAME REASON
# prints FAIL: $suite/NAME: REASON (later lines of REASON indented);
# verdict NAME REASON is ok if REASON is empty, else no.  Set suite=
# first; a suite ends with [ "$fail" -eq 0 ].
pass=0 fail=0
ok() {
	pass=$((pass + 1))
	echo "PASS: ${suite:-test}/$1"
}
no() {
	fail=$((fail + 1))
	printf 'FAIL: %s/%s: %s\n' "${suite:-test}" "$1" \
	    "$(printf '%s\n' "$2" | sed '2,$s/^/    /')"
}
verdict() {
	if [ -z "$2" ]; then ok "$1"; else no "$1" "$2"; fi
}

# Run "$@" and return its status, or 137 if it ran longer than $limit
# seconds (default 20) and was killed: a hang is a failure, not a
# stalled suite.
watched() {
	"$@" &
	pid=$!
	(
		s=
		trap 'kill "$s"; exit 0' TERM
		sleep "${limit:-20}" &
		s=$!
		wait "$s" && kill -9 "$pid"
	) >/dev/null 2>&1 &
	dog=$!
	wait "$pid"
	st=$?
	kill "$dog" 2>/dev/null
	wait "$dog" 2>/dev/null
	return $st
}
