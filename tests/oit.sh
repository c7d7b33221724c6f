#!/bin/sh
# tests/oit.sh: the O-item checklist and the ITA scores (issue 18).
#
# Builds tests/fixtures/oit (a full mapping of 2566's O-items: portal
# pages, files, main-site addresses, notes; scores of 2564-2566) and the
# example (content/) with $PRONGSAI (default ./prongsai), and reads them
# back with tests/oit.py: the checklist page and data/2566/oit.csv hold
# every item of framework/2566.yaml once, in order, in its group, with
# the address the content file gives, the CSV absolute and equal to the
# page's links; the scores shown on the home and year pages are the
# numbers of content/scores/, each indicator's score of year N beside
# the measures of year N+1.  Then: a copy with two items left out gets a
# warning for each and shows them as not published; a copy with its own
# framework/2567.yaml (O-items numbered as one agency's 2569 list, the
# measures O25, their progress O26) gets the checklist of 2567 from it
# (read back the same way); linkchecker crawls
# the fixture (tests/links.sh); its page models validate against
# page.rng; the Nu HTML Checker finds no error; no ASCII digit in its
# visible text; two builds are byte-identical; and in Chromium axe-core
# and the layout checks of tests/browser.mjs pass on its pages.
. "$(dirname "$0")/lib/suite.sh"
suite=oit
py=/usr/bin/python3
fx=$top/tests/fixtures/oit
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-oit.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
export PRONGSAI_LANG=en

build() {	# name source output
	if "$bin" build --quiet --source "$2" --output "$3" \
	    >"$work/$1.log" 2>&1; then
		ok "build-$1"
		return 0
	fi
	no "build-$1" "$(head -n 5 "$work/$1.log")"
	return 1
}

# Lines of tests/oit.py, counted as this suite's, but those matching
# drop; oit.py stopping short of its checks (a traceback) is a failure
# of its own.
readback() {	# label site output framework year [complete] [drop]
	"$py" "$top/tests/oit.py" "$2" "$3" "$4" "$5" ${6:-} \
	    >"$work/readback.raw" 2>&1
	sed "s|^\([A-Z]*: oit\)/|\1/$1/|" "$work/readback.raw" |
	    if [ -n "${7:-}" ]; then grep -v -e "$7"; else cat; fi \
	    >"$work/readback.log"
	while IFS= read -r line; do
		case $line in
		PASS:*)	pass=$((pass + 1)); echo "$line" ;;
		FAIL:*)	fail=$((fail + 1)); echo "$line" ;;
		*)	echo "$line" ;;
		esac
	done <"$work/readback.log"
	grep -q '^PASS:' "$work/readback.log" || no "readback-$1" "oit.py printed no check"
	! grep -q '^Traceback' "$work/readback.raw" ||
	    no "readback-$1" "oit.py stopped: $(tail -n 2 "$work/readback.raw")"
}

if build fixture "$fx" "$work/fx"; then
	readback fixture "$fx" "$work/fx" "$top/framework/2566.yaml" 2566 complete
fi
if build example "$top" "$work/ex"; then
	readback example "$top" "$work/ex" "$top/framework/2566.yaml" 2566 complete
fi

# Two items left out: a warning each from check, and on the page and in
# the CSV as not published.
cp -R "$fx" "$work/part"
sed -i '/^O3:/d; /^O17:/d' "$work/part/content/oit/2566.yaml"
(cd "$work/part" && "$bin" check) >"$work/part-check.log" 2>&1
st=$?
why=
[ "$st" -eq 0 ] || why="check exited with $st"
for code in O3 O17; do
	grep -q "content/oit/2566.yaml: warning: $code .* has no address" \
	    "$work/part-check.log" || why="$why${why:+; }no warning for $code"
done
n=$(grep -c ': warning: ' "$work/part-check.log")
[ "$n" -eq 2 ] || why="$why${why:+; }$n warnings, want 2"
verdict unmapped-warned "$why"
if build part "$work/part" "$work/part-out"; then
	readback part "$work/part" "$work/part-out" "$top/framework/2566.yaml" 2566
	why=$(sed 's/<wbr>//g' "$work/part-out/2566/checklist/index.html" | grep -o 'ยังไม่ได้เผยแพร่' | wc -l)
	[ "$why" -eq 2 ] && why= || why="$why items marked not published, want 2"
	verdict unmapped-shown "$why"
fi

# A site gives a year's list in its own framework file (the shipped one
# has none for 2567), numbered as one agency's 2569 list: the measures
# are O25 and their progress O26.
cp -R "$fx" "$work/own"
mkdir -p "$work/own/framework"
{
	cat "$top/framework/2567.yaml"
	cat <<'YAML'
oit_groups:
  - {code: "1", th: ข้อมูลพื้นฐาน}
  - {code: "2", th: การส่งเสริมคุณธรรม}
oit_items:
  - {code: O1, group: "1", th: โครงสร้างและอำนาจหน้าที่}
  - {code: O2, group: "1", th: ข้อมูลผู้บริหาร}
  - {code: O24, group: "2", th: การปฏิบัติตามประมวลจริยธรรม}
  - {code: O25, group: "2", answered_by: measures, th: การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร}
  - {code: O26, group: "2", answered_by: report, th: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน}
YAML
} >"$work/own/framework/2567.yaml"
printf 'O1: /about/\nO24: https://www.example.go.th/ethics\n' \
    >"$work/own/content/oit/2567.yaml"
mkdir -p "$work/own/content/reports"
printf -- '---\nfiscal_year: 2567\ntitle: รายงาน\nperiod: {start: 2023-10, end: 2024-09}\n---\nรายงาน\n' \
    >"$work/own/content/reports/2567.md"
if build own "$work/own" "$work/own-out"; then
	# The site has no scores: their checks are not this case's.
	readback own "$work/own" "$work/own-out" \
	    "$work/own/framework/2567.yaml" 2567 "" /scores/
	why=$(sed 's/<wbr>//g' "$work/own-out/2567/checklist/index.html" | grep -o 'ยังไม่ได้เผยแพร่' | wc -l)
	[ "$why" -eq 1 ] && why= || why="$why items marked not published, want 1 (O2)"
	verdict own-framework-unpublished "$why"
fi

# The links of the fixture resolve and every page is reached.
LINKS_SITE=$fx PRONGSAI=$bin sh "$top/tests/links.sh" >"$work/links.log" 2>&1
lst=$?
why=$(grep '^FAIL:' "$work/links.log")
[ "$lst" -eq 0 ] || why="${why:-links.sh exited with $lst}"
verdict links "$why"

# The page models of the fixture against the theme contract.
mkdir -p "$work/msite/themes"
ln -s "$fx/content" "$work/msite/content"
ln -s "$top/tests/model-theme" "$work/msite/themes/default"
if "$bin" build --quiet --source "$work/msite" --output "$work/mout" \
    >"$work/mbuild.log" 2>&1; then
	pages=$(cd "$work/mout" && find . -name '*.html' | sort)
	why=
	[ -n "$pages" ] || why="the build made no page"
	for f in $pages; do
		xmllint --noout --relaxng "$top/themes/default/page.rng" \
		    "$work/mout/$f" >/dev/null 2>"$work/v.log" ||
		    why="$why$f: $(head -n 2 "$work/v.log")
"
	done
	verdict model "$why"
else
	no model "$(head -n 5 "$work/mbuild.log")"
fi

# The Nu HTML Checker over every page of the fixture.
vnu=${VNU_JAR:-$top/node_modules/vnu-jar/build/dist/vnu.jar}
if [ ! -f "$vnu" ] || ! command -v java >/dev/null 2>&1; then
	no html-valid "no java or no $vnu: run 'make deps'"
elif [ -d "$work/fx" ]; then
	# shellcheck disable=SC2046
	java -jar "$vnu" --errors-only --format gnu \
	    $(find "$work/fx" -name '*.html' | sort) >"$work/vnu.log" 2>&1
	vst=$?
	why=$("$py" "$top/tests/check_site.py" vnu "$work/vnu.log" "$work/fx" 2>&1)
	[ -z "$why" ] && [ "$vst" -ne 0 ] && why="vnu exited with $vst: $(head -n 5 "$work/vnu.log")"
	verdict html-valid "$why"
fi

if [ -d "$work/fx" ]; then
	why=$("$py" "$top/tests/digits.py" "$work/fx" 2>&1)
	dst=$?
	[ "$dst" -eq 0 ] && why= || why=${why:-digits.py exited with $dst}
	verdict thai-digits "$why"
	"$bin" build --quiet --source "$fx" --output "$work/fx2" -j 1 \
	    >/dev/null 2>&1
	why=$(diff -r "$work/fx" "$work/fx2" 2>&1 | head -n 5)
	verdict deterministic "$why"
fi

# In Chromium: axe-core, layout at 360 and 1280 px, keyboard, on the
# largest page of every type of the fixture.
if [ ! -x /usr/bin/chromium ] || [ ! -d "$top/node_modules/playwright-core" ]; then
	no browser "no chromium or playwright-core: run 'make deps'"
elif [ -d "$work/fx" ]; then
	node "$top/tests/browser.mjs" --shots "$top/tests/out" \
	    oit="$work/fx" >"$work/browser.log" 2>&1
	bst=$?
	why=$(grep '^FAIL:' "$work/browser.log")
	[ "$bst" -eq 0 ] || why="${why:-browser.mjs exited with $bst: $(tail -n 3 "$work/browser.log")}"
	verdict browser "$why"
fi

echo "oit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
