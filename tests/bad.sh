#!/bin/sh
# tests/bad.sh: runs `prongsai check` on every case of tests/bad/ and
# compares what it says with NAME.expect.
#
# A case is tests/bad/NAME.expect plus either tests/bad/NAME.md (one
# measure file, installed as content/measures/2566/NAME.md) or a folder
# tests/bad/NAME/ laid over the site (with an optional setup.sh run in
# the site root, for links and large files).  Both go into a fresh copy
# of tests/bad/_site/.  Every line of NAME.expect must appear verbatim
# in stderr, every error or warning in stderr must be in NAME.expect,
# and the exit status must be 1 if NAME.expect holds an error, else 0.
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
	name=$(basename "$exp" .expect)
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
		while IFS= read -r line; do
			grep -Fxq -e "$line" "$err" ||
			    why="$why$nl    missing: $line"
		done <"$exp"
		while IFS= read -r line; do
			case $line in
			*': error: '* | *': warning: '*)
				grep -Fxq -e "$line" "$exp" ||
				    why="$why$nl    unexpected: $line" ;;
			esac
		done <"$err"
	fi
	# After a deliberate change of wording: REGEN=1 sh tests/bad.sh
	if [ -n "$why" ] && [ "${REGEN:-}" = 1 ] && [ -f "$err" ]; then
		cp "$err" "$exp"
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
	rm -rf "$site" "$out" "$err"
done
echo "bad: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
