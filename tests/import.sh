#!/bin/sh
# tests/import.sh: prongsai init, new and import.  Real documents made
# from the seed report by real writers (tests/import/mkdocs.py: Word by
# python-docx, Excel by openpyxl, CSV and Excel's "Unicode text", Word's
# web page) import to 16 measures equal to the example's in title,
# order, owners, period, status and progress, and the imported site
# checks clean and builds a report of the same 16 rows; Word's details
# (runs split mid-word, bold and underline, w:br, w:tab, w:delText,
# merged cells, a repeated header row, a table continued, a nested
# table) come through; bad files (not a zip, zip bombs, too many parts,
# entities, external references, a password, no header row, empty
# tables) fail with their message and write nothing; nothing is
# overwritten without --force; --dry-run writes nothing; init and new
# make files that check clean.
. "$(dirname "$0")/lib/suite.sh"
suite=import
export PRONGSAI_LANG=en
py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-import.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
# The seed report's text, where tests/report.sh finds it (SEED to override).
seed=${SEED:-$top/../shared/seed/000_f0c7e74f7511a791.txt}
[ -f "$seed" ] || seed=/work/shared/seed/000_f0c7e74f7511a791.txt
if [ ! -f "$seed" ]; then
	no seed "no seed report at ${SEED:-$top/../shared/seed/}: set SEED"
	exit 1
fi
docs=$work/docs

if ! $py tests/import/mkdocs.py "$seed" "$docs" >"$work/mk.log" 2>&1; then
	no make-documents "$(cat "$work/mk.log")"
	exit 1
fi
ok make-documents
(cd "$docs" && zip -q -e -P secret password.docx seed.docx) ||
    no password-document "zip -e failed"

# The example site, built once, is what every import is compared with.
"$bin" build --output "$work/example" --quiet >"$work/ex.log" 2>&1 ||
    no example-builds "$(cat "$work/ex.log")"

# A new site for fiscal year 2566 without its example measure.
fresh() {
	rm -rf "$1"
	"$bin" init "$1" --year 2566 \
	    --organization "องค์การบริหารส่วนตำบลทุ่งลูกนก" >/dev/null &&
	    rm "$1/content/measures/2566/example.md"
}

# A listing of every file under $1 with its checksum.
tree() {
	(cd "$1" && find . -type f | sort | xargs md5sum)
}

# Import, check, build and compare each kind of document.
for f in seed.docx seed.xlsx shared.xlsx seed.csv seed.txt thai874.csv \
    semicolon.csv seed.htm; do
	s=$work/site-$f
	fresh "$s"
	why=
	"$bin" import --force --source "$s" "$docs/$f" >"$work/imp.log" 2>&1 ||
	    why="import failed: $(cat "$work/imp.log")"
	if [ -z "$why" ] && ! grep -q '^16 measures of fiscal year 2566 imported' \
	    "$work/imp.log"; then
		why="no count of 16: $(cat "$work/imp.log")"
	fi
	if [ -z "$why" ]; then
		"$bin" check --source "$s" >"$work/chk.log" 2>&1
		st=$?
		grep -q ' 0 errors, 0 warnings$' "$work/chk.log" && [ $st -eq 0 ] ||
		    why="check: $(cat "$work/chk.log")"
	fi
	if [ -z "$why" ]; then
		"$bin" build --source "$s" --quiet >"$work/b.log" 2>&1 ||
		    why="build: $(cat "$work/b.log")"
	fi
	if [ -z "$why" ]; then
		why=$($py tests/import/compare.py "$work/example" "$s/output" 2>&1)
	fi
	verdict "$f-equals-example" "$why"
done

# What each document's details must give.
m=$work/site-seed.docx/content/measures/2566
has() {	# name file fixed-string...
	n=$1 f=$2
	shift 2
	why=
	for s in "$@"; do
		grep -qF -- "$s" "$f" || why="$why${why:+; }no '$s' in $(basename "$f")"
	done
	verdict "$n" "$why"
}
hasnt() {	# name file fixed-string
	if grep -qF -- "$3" "$2"; then no "$1" "'$3' in $(basename "$2")"
	else ok "$1"; fi
}
has docx-runs-joined "$m/m-001.md" 'title: "การนำเทคโนโลยีมาใช้ในการดำเนินงาน"' \
    'owners:
  - "ผู้ช่วยเจ้าพนักงาน ธุรการ"'
hasnt docx-deleted-text-skipped "$m/m-001.md" 'ข้อความที่ลบแล้ว'
has docx-tab "$m/m-001.md" 'period: "ม.ค. - ก.พ. ๖๖"'
has docx-bold-underline "$m/m-002.md" '**ดำเนินการครบถ้วน ๑๐๐ %**' \
    '- ประชาสัมพันธ์ ข้อมูลข่าวสารต่าง ๆ ในเว็บไซต์อยู่เสมอ'
has docx-numbered-points "$m/m-002.md" '1. เผยแพร่ผลงานข้อมูลข่าวสาร' \
    '2. เพิ่มความถี่ในการประชาสัมพันธ์'
has docx-line-breaks-owners "$m/m-004.md" '  - "นักวิเคราะห์ นโยบายและแผน"' \
    '  - "เจ้าพนักงาน ธุรการ"' '  - "ผู้ช่วยเจ้าพนักงาน ธุรการ"'
has docx-continued-table "$m/m-006.md" 'order: 6' 'areas: [IIT, EIT]'
has docx-underline "$m/m-007.md" '**ดำเนินการครบถ้วน ๑๐๐ %**'
has docx-paragraph-owners "$m/m-008.md" '  - "เจ้าหน้าที่ จุด ให้บริการต่างๆ"' \
    '  - "หัวหน้าส่วน ทุก สำนัก/กอง"'
has docx-gridspan-section "$m/m-009.md" 'areas: [OIT]' 'order: 9'
has docx-vmerge "$m/m-012.md" 'period: "ม.ค. ๖๖"'
has docx-repeated-header "$m/m-013.md" 'title: "มาตรการส่งเสริม คุณภาพการ ดำเนินงาน"'
has docx-nested-table "$m/m-016.md" '- มีการประชุมติดตาม ของ คณะกรรมการ ITA ปี ๒๕๖๖ ประจำทุกเดือน'
has docx-report "$work/site-seed.docx/content/reports/2566.md" \
    'title: "รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ขององค์การบริหารส่วนตำบลทุ่งลูกนก ปี ๒๕๖๖"' \
    'period: "ต.ค. - เม.ย. ๒๕๖๖"' 'ตามที่ได้ดำเนินการวิเคราะห์ผลคะแนน'
fresh "$work/thaistyle"
"$bin" import --force --source "$work/thaistyle" "$docs/thaistyle.docx" >/dev/null 2>&1
has docx-thai-style-id "$work/thaistyle/content/reports/2566.md" \
    'title: "รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ขององค์การบริหารส่วนตำบลทุ่งลูกนก ปี ๒๕๖๖"'
hasnt docx-report-no-section-heading "$work/site-seed.docx/content/reports/2566.md" \
    'มาตรการ/แนวทาง เพื่อยกระดับ'
has csv-owners-run-together "$work/site-seed.csv/content/measures/2566/m-004.md" \
    '  - "นักวิเคราะห์ นโยบายและแผน"' '  - "เจ้าพนักงาน ธุรการ"' \
    '  - "ผู้ช่วยเจ้าพนักงาน ธุรการ"'
has xlsx-shared-rich-text "$work/site-shared.xlsx/content/measures/2566/m-001.md" \
    '**ดำเนินการครบถ้วน ๑๐๐ %**'
has htm-rowspan "$work/site-seed.htm/content/measures/2566/m-012.md" 'period: "ม.ค. ๖๖"'
has htm-conditional-list-number "$work/site-seed.htm/content/measures/2566/m-009.md" \
    'title: "มาตรการส่งเสริมความรู้เกี่ยวกับการใช้งบประมาณในเรื่องของแผนการใช้จ่ายงบประมาณ"' 'order: 9'

# The same document gives the same bytes.
fresh "$work/again"
"$bin" import --force --source "$work/again" "$docs/seed.docx" >/dev/null 2>&1
verdict deterministic "$(diff -r "$work/again/content" \
    "$work/site-seed.docx/content" 2>&1)"

# Bad files: their message, exit 1, nothing written.
fresh "$work/bad"
before=$(tree "$work/bad")
bad() {	# name file message
	"$bin" import --source "$work/bad" "$docs/$2" >"$work/out" 2>"$work/err"
	st=$?
	why=
	[ $st -eq 1 ] || why="exit $st, want 1"
	grep -qF -- "$3" "$work/err" || why="$why${why:+; }no message '$3' in: $(cat "$work/err")"
	grep -qF "$docs/$2: nothing was written" "$work/err" ||
	    why="$why${why:+; }no 'nothing was written'"
	[ "$(tree "$work/bad")" = "$before" ] || why="$why${why:+; }the site changed"
	verdict "bad-$1" "$why"
}
bad not-a-zip notzip.docx 'this is not a Word or Excel file (it is not a zip archive)'
bad zip-bomb bomb.docx 'word/document.xml unpacks to more than 64 MiB: the file is not a report (a zip bomb?)'
bad zip-bomb-lying liar.docx 'word/document.xml unpacks to more than 64 MiB'
bad too-many-parts entries.docx 'the file holds 6001 parts, more than 5000'
bad too-many-cells cells.xlsx 'table 1 has more than 1000000 cells'
bad entities entity.docx 'word/document.xml declares entities or a DTD'
bad external-reference external.docx 'word/document.xml declares entities or a DTD'
bad password password.docx 'this file is password-protected'
bad no-header noheader.docx 'table 1 has no header row Prongsai knows'
bad empty-table empty.docx 'table 2 is empty'
bad header-only headeronly.docx 'table 1 has its header row but no measure under it'
bad no-table notable.docx 'the document has no table'
bad no-owner badcells.docx 'table 1, row 4, column 3 (ผู้รับผิดชอบ): no owner is written'
why=
for w in 'table 1, row 2, column 4 (ระยะเวลาดำเนินการ): cannot read the period "สักวันหนึ่ง"' \
    'table 1, row 2, column 5 (ผลการดำเนินงาน): the result does not say how far' \
    'table 1, row 3, column 1 (มาตรการ/แนวทาง): this row has no measure title'; do
	grep -qF -- "$w" "$work/err" || why="no warning '$w'"
done
verdict bad-cells-warned "$why"
bad unknown-kind ../mk.log 'cannot import this kind of file'
"$bin" import --source "$work/bad" "$docs/unmapped.docx" >/dev/null 2>"$work/err"
has unmapped-column "$work/err" 'table 1, row 2, column 6 (หมายเหตุ): this column is not one of the report'"'"'s and is not imported'
has in-progress "$work/bad/content/measures/2566/m-001.md" 'status: in-progress' 'progress: 50'

# Never over a file without --force; --dry-run writes nothing.
s=$work/site-seed.docx
before=$(tree "$s/content")
"$bin" import --source "$s" "$docs/seed.docx" >"$work/out" 2>"$work/err"
st=$?
why=
[ $st -eq 1 ] || why="exit $st"
grep -qF 'content/measures/2566/m-001.md: error: already exists' "$work/err" ||
    why="$why; no 'already exists': $(cat "$work/err")"
[ "$(tree "$s/content")" = "$before" ] || why="$why; files changed"
verdict no-overwrite "$why"
fresh "$work/dry"
before=$(tree "$work/dry")
"$bin" import --dry-run --source "$work/dry" "$docs/seed.xlsx" >"$work/out" 2>&1
why=
grep -q '^=== would write content/measures/2566/m-016.md$' "$work/out" || why="no m-016 listed"
grep -q 'nothing written (--dry-run)' "$work/out" || why="$why; no summary"
[ "$(tree "$work/dry")" = "$before" ] || why="$why; files written"
verdict dry-run "$why"
echo changed >>"$s/content/measures/2566/m-003.md"
"$bin" import --force --source "$s" "$docs/seed.docx" >/dev/null 2>&1
verdict force "$(diff "$s/content/measures/2566/m-003.md" \
    "$work/again/content/measures/2566/m-003.md")"

# init: a site that checks and builds; every setting explained; refuses a full folder.
i=$work/init
"$bin" init "$i" --organization "เทศบาลตำบลทดสอบ" --base-url https://www.test.go.th/ita --year 2567 >"$work/out" 2>&1
why=
"$bin" check --source "$i" >"$work/chk.log" 2>&1 || why="check: $(cat "$work/chk.log")"
grep -q ' 0 errors, 0 warnings$' "$work/chk.log" || why="$why; $(cat "$work/chk.log")"
"$bin" build --source "$i" --quiet >"$work/b.log" 2>&1 || why="$why; build: $(cat "$work/b.log")"
[ -f "$i/output/2567/report/index.html" ] || why="$why; no report page"
[ -d "$i/content/pages" ] && [ -d "$i/content/files" ] || why="$why; folders missing"
verdict init-check-build "$why"
# The settings are read from config.c's table: none read is a failure.
keys=$(sed -n '/^static const char \*const knownkeys\[\] = {/,/};/p' src/config.c |
    grep -o '"[a-z_]*"' | tr -d '"')
why=
for k in $keys; do
	# An optional setting is there as an example to uncomment.
	grep -B1 -E "^(# )?$k:" "$i/content/site.yaml" | head -1 |
	    LC_ALL=C grep -q "^# .*$(printf '\340\270')" ||
	    why="$why $k"
done
if [ -z "$keys" ]; then
	no init-every-setting-explained "no settings read from src/config.c's knownkeys[]"
else
	verdict init-every-setting-explained "${why:+no Thai comment above:$why}"
fi
"$bin" init "$work/badurl" --base-url "ftp://x" >/dev/null 2>"$work/err"
st=$?
verdict init-bad-base-url "$([ $st -eq 2 ] && [ ! -e "$work/badurl" ] &&
    grep -q -- '--base-url must be' "$work/err" || echo "exit $st: $(cat "$work/err")")"
"$bin" init "$i" >/dev/null 2>"$work/err"
st=$?
why=
[ $st -eq 2 ] || why="exit $st"
grep -q 'the folder is not empty' "$work/err" || why="$why; $(cat "$work/err")"
verdict init-refuses-full-folder "$why"

# new: every field of measure_fieldtab with a Thai comment, whole-year, valid.
"$bin" new --source "$i" --area IIT --area EIT "มาตรการใหม่" >"$work/out" 2>&1
"$bin" new --source "$i" "มาตรการที่สอง" >>"$work/out" 2>&1
"$bin" new --source "$i" --slug own-name --year 2567 "มาตรการที่สาม" >>"$work/out" 2>&1
why=
for f in m-001 m-002 own-name; do
	grep -q "^wrote content/measures/2567/$f.md" "$work/out" || why="$why no $f;"
done
n=$i/content/measures/2567/m-001.md
grep -q '^period: whole-year$' "$n" || why="$why not whole-year;"
grep -q '^areas: \[IIT, EIT\]$' "$n" || why="$why areas;"
keys=$(grep -o '^	{ "[a-z_]*", F_' src/measure.c | grep -o '"[a-z_]*"' | tr -d '"')
[ -n "$keys" ] || why="$why no fields read from src/measure.c's measure_fieldtab;"
for k in $keys; do
	grep -q "^#* *$k:" "$n" || why="$why no $k;"
done
"$bin" check --source "$i" >"$work/chk.log" 2>&1 || why="$why check: $(cat "$work/chk.log")"
grep -q ' 0 errors, 0 warnings$' "$work/chk.log" || why="$why $(cat "$work/chk.log")"
verdict new-check "$why"
"$bin" new --source "$i" --slug own-name "x" >/dev/null 2>"$work/err"
verdict new-no-overwrite "$([ $? -eq 2 ] && grep -q 'already exists' "$work/err" || cat "$work/err")"
[ "$fail" -eq 0 ]
