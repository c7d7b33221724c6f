#!/bin/sh
# tests/owners.sh: owners that belong to a parent unit, "NAME (PARENT)"
# (issue 21), on tests/fixtures/owners: the fixture checks clean; the
# owners list nests each sub-unit under its parent, a parent's page
# lists its own measures and then its sub-units' by sub-unit, each
# measure once, with counts that add up, a sub-unit's page links to its
# parent, every link resolves, and feedparser reads a parent's feed
# with its sub-units' items (tests/owners.py, /usr/bin/python3); the
# checks fail on a parent's page that lost a sub-unit's group; every
# page model validates against themes/default/page.rng; two builds are
# byte-identical; in Chromium (tests/browser.mjs, plain pass only), axe,
# layout and keyboard on a parent's page and the owners list.
. "$(dirname "$0")/lib/suite.sh"
suite=owners
site=tests/fixtures/owners
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-owners.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

if "$bin" check --source "$site" >"$work/check" 2>&1 &&
    [ "$(cat "$work/check")" = "12 files checked: 0 errors, 0 warnings" ]; then
	ok "the fixture checks without an error or a warning"
else
	no check "$(cat "$work/check")"
fi

if "$bin" build --quiet --source "$site" --output "$work/out" \
    >"$work/log" 2>&1; then
	ok build
	/usr/bin/python3 tests/owners.py "$work/out" "$site/content" ||
	    fail=$((fail + 1))

	# The checks can fail: กองคลัง's page without its first sub-unit.
	cp -R "$work/out" "$work/bad"
	f=$work/bad/owners/กองคลัง/index.html
	sed 's|<section class="sub-unit">.*</section></section>|</section>|' \
	    "$f" >"$work/page" && mv "$work/page" "$f"
	if cmp -s "$f" "$work/out/owners/กองคลัง/index.html"; then
		no "checks-can-fail" "the page was not changed"
	elif /usr/bin/python3 tests/owners.py "$work/bad" "$site/content" \
	    >"$work/badlog" 2>&1; then
		no "checks-can-fail" "a parent's page without its sub-units passed"
	elif grep -q "^FAIL: owners/each measure is listed once" "$work/badlog"; then
		ok "the checks fail on a parent's page without its sub-units"
	else
		no "checks-can-fail" "$(grep FAIL "$work/badlog")"
	fi

	if "$bin" build --quiet --source "$site" --output "$work/out2" \
	    >"$work/log2" 2>&1 && diff -r "$work/out" "$work/out2" \
	    >"$work/diff" 2>&1; then
		ok "two builds are byte-identical"
	else
		no "byte-identical" "$(cat "$work/log2" "$work/diff" | head -20)"
	fi
else
	no build "$(cat "$work/log")"
fi

# The page models, sub-units and parents in them, against the contract.
mkdir -p "$work/model/themes"
ln -s "$top/$site/content" "$work/model/content"
ln -s "$top/tests/model-theme" "$work/model/themes/default"
why=
if ! "$bin" build --quiet --source "$work/model" --output "$work/models" \
    >"$work/mlog" 2>&1; then
	why="build: $(cat "$work/mlog")"
else
	for f in "$work/models/owners/index.html" \
	    "$work/models/owners"/*/index.html; do
		xmllint --noout --relaxng themes/default/page.rng "$f" \
		    >"$work/v" 2>&1 || why="$why
${f#"$work/models/"}: $(grep -v ' validates$' "$work/v" | head -5)"
	done
	grep -q '<sub-unit ' "$work/models/owners/กองคลัง/index.html" &&
	    grep -l '<parent ' "$work/models/owners"/*/index.html | grep -q . ||
	    why="$why
the models hold no sub-unit or parent"
fi
verdict "the owner page models validate against page.rng" "$why"

# In Chromium, on the largest page of every type (a parent's page, the
# nested owners list): axe-core, layout at 360 and 1280 px, keyboard.
# Once: the pages are the same whichever binary built them.
case $bin in
*-asan)	;;
*)	if [ ! -x /usr/bin/chromium ] ||
	    [ ! -d "$top/node_modules/playwright-core" ]; then
		no browser "no chromium or playwright-core: run 'make deps'"
	elif [ -d "$work/out" ]; then
		node "$top/tests/browser.mjs" --shots "$top/tests/out" \
		    owners="$work/out" >"$work/browser.log" 2>&1
		bst=$?
		why=$(grep '^FAIL:' "$work/browser.log")
		[ "$bst" -eq 0 ] || why="${why:-browser.mjs exited with $bst: $(tail -n 3 "$work/browser.log")}"
		grep -q '^PASS: browser/owners/owner$' "$work/browser.log" ||
		    why="${why:-no owner page was checked}"
		verdict "browser: axe, layout and keyboard on a parent's page and the owners list" "$why"
	fi ;;
esac

[ "$fail" -eq 0 ]
