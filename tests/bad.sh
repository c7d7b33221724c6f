#!/bin/sh
# tests/bad.sh: runs `prongsai check` on every case of tests/bad/ and
# compares what it says with NAME.expect (in English) and, run again in
# Thai, with NAME.th.expect.
#
# A case is tests/bad/NAME.expect plus either tests/bad/NAME.md (one
# measure file, installed as content/measures/2566/NAME.md) or a folder
# tests/bad/NAME/ laid over the site (with an optional setup.sh run in
# the site root, for links and large files).  Both go into a fresh copy
# of tests/bad/_site/.  Every line of NAME.expect must appear verbatim
# in stderr, every error or warning in stderr must be in NAME.expect,
# and the exit status must be 1 if NAME.expect holds an error, else 0.
# NAME.th.expect is the same for the Thai run (PRONGSAI_LANG=th), whose
# lines say ข้อผิดพลาด and คำเตือน; every case has one.
#
# The binary is $PRONGSAI (default ./prongsai); a case that runs longer
# than $BAD_TIMEOUT seconds (default 20) fails.
. "$(dirname "$0")/lib/suite.sh"
limit=${BAD_TIMEOUT:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-bad.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

# Run the check in site dir $1, stdout to $2, stderr to $3; the status
# is the checker's, or 137 if it was killed for running too long.
run_check() {
	watched sh -c 'cd "$1" && exec "$2" check' sh "$1" "$bin" >"$2" 2>"$3"
}

# Compare stderr $2 with the expectation $1 whose problem lines hold
# ": $3: " (errors) or ": $4: " (warnings); appends to $why.
compare() {
	[ -f "$1" ] || {
		why="$why$nl    no $1"
		return
	}
	while IFS= read -r line; do
		grep -Fxq -e "$line" "$2" ||
		    why="$why$nl    missing: $line"
	done <"$1"
	while IFS= read -r line; do
		case $line in
		*": $3: "* | *": $4: "*)
			grep -Fxq -e "$line" "$1" ||
			    why="$why$nl    unexpected: $line" ;;
		esac
	done <"$2"
}

# Set up case $1 in the new folder $2; prints why on failure.
setup_case() {
	cp -R "$top/tests/bad/_site/." "$2/" || return 1
	mkdir -p "$2/content/measures/2566" || return 1
	if [ -f "$top/tests/bad/$1.md" ]; then
		cp "$top/tests/bad/$1.md" "$2/content/measures/2566/$1.md"
	elif [ -d "$top/tests/bad/$1" ]; then
		cp -R "$top/tests/bad/$1/." "$2/" || return 1
		rm -f "$2/setup.sh"
		if [ -f "$top/tests/bad/$1/setup.sh" ]; then
			(cd "$2" && sh "$top/tests/bad/$1/setup.sh") || {
				echo "setup.sh failed"
				return 1
			}
		fi
	else
		echo "no tests/bad/$1.md and no folder tests/bad/$1/"
		return 1
	fi
}

nl='
'
pass=0 fail=0
for exp in tests/bad/*.expect; do
	[ -f "$exp" ] || continue
	case $exp in *.th.expect) continue ;; esac
	name=$(basename "$exp" .expect)
	thexp=tests/bad/$name.th.expect
	therr=$work/$name.th.err
	site=$work/$name
	out=$work/$name.out
	err=$work/$name.err
	why=
	mkdir "$site"
	if ! msg=$(setup_case "$name" "$site"); then
		why="$nl    cannot set up the case: $msg"
	else
		run_check "$site" "$out" "$err"
		st=$?
		want=0
		grep -q ': error: ' "$exp" && want=1
		if [ "$st" -eq 137 ]; then
			why="$nl    killed: did not finish within $limit seconds"
		elif [ "$st" -ne "$want" ]; then
			why="$nl    exit status $st, expected $want"
		fi
		compare "$exp" "$err" error warning
		# The same case in Thai: the same problems, in Thai words.
		PRONGSAI_LANG=th run_check "$site" "$out" "$therr"
		thst=$?
		[ "$thst" -eq "$st" ] ||
		    why="$why$nl    Thai run: exit status $thst, not $st"
		compare "$thexp" "$therr" ข้อผิดพลาด คำเตือน
	fi
	# After a deliberate change of wording: REGEN=1 sh tests/bad.sh
	# (then read the diff of both .expect files before committing).
	if [ -n "$why" ] && [ "${REGEN:-}" = 1 ] && [ -f "$err" ]; then
		cp "$err" "$exp"
		[ -f "$therr" ] && cp "$therr" "$thexp"
		echo "REGEN: bad/$name"
		why=
	fi
	if [ -z "$why" ]; then
		pass=$((pass + 1))
		echo "PASS: bad/$name"
	else
		fail=$((fail + 1))
		echo "FAIL: bad/$name$why"
		[ -f "$err" ] && diff -u "$exp" "$err" | sed 's/^/    /'
	fi
	rm -rf "$site" "$out" "$err" "$therr"
done
echo "bad: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
