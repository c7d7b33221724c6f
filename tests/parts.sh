#!/bin/sh
# tests/parts.sh: long lists and reports in parts (site.yaml list_size
# and report_size).  On a site of 90 measures written by bench/gen.py,
# built with list_size 3 and report_size 11 and again with both 0: every
# year, area, status and owner list and every report is checked against
# its whole page by tests/parts.py (/usr/bin/python3): the parts, their
# addresses, how many measures each shows, each measure once, the
# order within each group, report row numbers, introduction and
# signature, "page K of N", the navigation, the sitemap; the checks fail
# on a part that lost a measure; the default sizes leave the small
# example site whole; bad sizes are errors at their line; two builds are
# byte-identical; the part pages' models validate against
# themes/default/page.rng; in Chromium (tests/browser.mjs, plain pass
# only), axe, layout and keyboard on the largest page of every type,
# which show the navigation of parts.
. "$(dirname "$0")/lib/suite.sh"
suite=parts
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-parts.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

/usr/bin/python3 bench/gen.py 90 "$work/site" >/dev/null || exit 3
site=$work/site
cp "$site/content/site.yaml" "$work/site.yaml"
sizes() {	# list report
	{ cat "$work/site.yaml"; printf 'list_size: %s\nreport_size: %s\n' \
	    "$1" "$2"; } >"$site/content/site.yaml"
}

sizes 3 11
if "$bin" build --quiet --source "$site" --output "$work/parts" \
    >"$work/log" 2>&1; then
	ok "build with list_size 3 and report_size 11"
else
	no build "$(cat "$work/log")"
fi
sizes 0 0
if "$bin" build --quiet --source "$site" --output "$work/whole" \
    >"$work/wlog" 2>&1; then
	ok "build with every list whole"
else
	no build-whole "$(cat "$work/wlog")"
fi
if [ -d "$work/parts" ] && [ -d "$work/whole" ]; then
	/usr/bin/python3 tests/parts.py "$work/parts" "$work/whole" 3 11 ||
	    fail=$((fail + 1))
	if find "$work/whole" -path '*/page/*' -name index.html |
	    grep -q .; then
		no "whole-has-no-parts" "list_size 0 still wrote parts"
	else
		ok "with list_size and report_size 0 no list is in parts"
	fi

	# The checks can fail: a part of 2566 without its first measure.
	cp -R "$work/parts" "$work/bad"
	f=$work/bad/2566/page/2/index.html
	sed 's|<li class="card measure-card[^"]*">.*</li></ul></section>|</ul></section>|' \
	    "$f" >"$work/page" && mv "$work/page" "$f"
	if cmp -s "$f" "$work/parts/2566/page/2/index.html"; then
		no "checks-can-fail" "the page was not changed"
	elif /usr/bin/python3 tests/parts.py "$work/bad" "$work/whole" 3 11 \
	    >"$work/badlog" 2>&1; then
		no "checks-can-fail" "a part without its measures passed"
	elif grep -q "^FAIL: parts/year 2566/: .*part 2 shows" "$work/badlog"; then
		ok "the checks fail on a part that lost its measures"
	else
		no "checks-can-fail" "$(grep FAIL "$work/badlog")"
	fi

	sizes 3 11
	if "$bin" build --quiet --source "$site" --output "$work/parts2" \
	    >"$work/log2" 2>&1 && diff -r "$work/parts" "$work/parts2" \
	    >"$work/diff" 2>&1; then
		ok "two builds are byte-identical"
	else
		no "byte-identical" "$(cat "$work/log2" "$work/diff" | head -20)"
	fi
fi

# The defaults (100 and 500) leave the example site's lists whole.
if "$bin" build --quiet --source . --output "$work/example" \
    >"$work/elog" 2>&1; then
	if find "$work/example" -path '*/page/*' -name index.html |
	    grep -q .; then
		no "defaults-whole" "the example site has parts"
	else
		ok "the default sizes leave the example site's lists whole"
	fi
else
	no "defaults-whole" "$(cat "$work/elog")"
fi

# Bad sizes: errors at their line and column, nothing written.
n=$(($(wc -l <"$work/site.yaml") + 1))
for v in -1 ten 100001; do
	{ cat "$work/site.yaml"; printf 'list_size: %s\n' "$v"; } \
	    >"$site/content/site.yaml"
	if "$bin" build --quiet --source "$site" --output "$work/no" \
	    >"$work/blog" 2>&1; then
		no "bad-size-$v" "the build passed"
	elif grep -q "content/site.yaml:$n:12: error: 'list_size' " \
	    "$work/blog" && [ ! -e "$work/no" ]; then
		ok "list_size: $v is an error at its line and column"
	else
		no "bad-size-$v" "$(cat "$work/blog")"
	fi
done

# The page models of parts, against the contract.
sizes 3 11
mkdir -p "$work/model/themes"
ln -s "$site/content" "$work/model/content"
ln -s "$top/tests/model-theme" "$work/model/themes/default"
why=
if ! "$bin" build --quiet --source "$work/model" --output "$work/models" \
    >"$work/mlog" 2>&1; then
	why="build: $(cat "$work/mlog")"
else
	for f in "$work/models/2566/page/2/index.html" \
	    "$work/models/2566/iit/page/2/index.html" \
	    "$work/models/2566/report/page/2/index.html" \
	    "$work/models/2566/index.html"; do
		xmllint --noout --relaxng themes/default/page.rng "$f" \
		    >"$work/v" 2>&1 || why="$why
${f#"$work/models/"}: $(grep -v ' validates$' "$work/v" | head -5)"
	done
	grep -q '<parts count="' "$work/models/2566/page/2/index.html" ||
	    why="$why
the part's model has no parts element"
fi
verdict "the models of parts validate against page.rng" "$why"

case $bin in
*-asan)	;;
*)	if [ ! -x /usr/bin/chromium ] ||
	    [ ! -d "$top/node_modules/playwright-core" ]; then
		no browser "no chromium or playwright-core: run 'make deps'"
	elif [ -d "$work/parts" ]; then
		node "$top/tests/browser.mjs" --shots "$top/tests/out" \
		    parts="$work/parts" >"$work/browser.log" 2>&1
		bst=$?
		why=$(grep '^FAIL:' "$work/browser.log")
		[ "$bst" -eq 0 ] || why="${why:-browser.mjs exited with $bst: $(tail -n 3 "$work/browser.log")}"
		for t in year area status; do
			grep -q "^PASS: browser/parts/$t\$" "$work/browser.log" ||
			    why="${why:-no $t page was checked}"
		done
		verdict "browser: axe, layout and keyboard on pages with parts" "$why"
	fi ;;
esac

[ "$fail" -eq 0 ]
