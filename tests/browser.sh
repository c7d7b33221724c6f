#!/bin/sh
# tests/browser.sh: what a citizen sees, in a real browser (issue 7).
#
# Builds the example site (content/) and a generated one of 300 measures
# over three fiscal years (bench/gen.py, deterministic) with $PRONGSAI
# (default ./prongsai), then runs tests/browser.mjs on both: headless
# Debian chromium driven by npm playwright-core, axe-core's WCAG 2.0/2.1
# A and AA rules, phone and desktop layout, keyboard, Thai glyphs, the
# page weight budget and no request off the machine, on one page of every
# page type.  Screenshots go to tests/out/ (git-ignored).  Needs
# /usr/bin/chromium, node and node_modules from `make deps`; fails (never
# skips) without them.  Prints PASS: browser/SITE/TYPE or FAIL:
# browser/SITE/TYPE: PAGE: RULE: detail, and the suite's run time.
. "$(dirname "$0")/lib/suite.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-browser.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

for need in /usr/bin/chromium node_modules/playwright-core \
    node_modules/axe-core/axe.min.js; do
	if [ ! -e "$need" ]; then
		echo "FAIL: browser/setup: no $need: run 'make deps'"
		exit 1
	fi
done
if ! command -v node >/dev/null 2>&1; then
	echo "FAIL: browser/setup: no node: run 'make deps'"
	exit 1
fi

build() {	# source output
	if ! "$bin" build --source "$1" --output "$2" >"$work/build.log" 2>&1; then
		echo "FAIL: browser/setup: prongsai build --source $1: $(head -n 5 "$work/build.log")"
		exit 1
	fi
}
build "$top" "$work/example"
if ! /usr/bin/python3 bench/gen.py 300 "$work/gen" >"$work/gen.log" 2>&1; then
	echo "FAIL: browser/setup: bench/gen.py 300: $(head -n 5 "$work/gen.log")"
	exit 1
fi
build "$work/gen" "$work/big"

t0=$(date +%s)
node tests/browser.mjs --shots "$top/tests/out" \
    example="$work/example" big="$work/big"
st=$?
echo "browser.sh: browser suite ran in $(($(date +%s) - t0)) s"
exit $st
