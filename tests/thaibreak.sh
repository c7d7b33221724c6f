#!/bin/sh
# tests/thaibreak.sh: Thai lines end only between words (issue 20).
#
# Builds a copy of content/ with one more measure (a long Thai title,
# paragraphs, a list and a table full of ทุ่งลูกนก, การประเมินฯ, the
# example's words and one more `words:` entry, หนองปลาไหล) and checks:
#  (a) in headless Chromium at 360 px (tests/thaibreak.mjs), on the
#      measure's page, its year's page, the report and the home page:
#      every line end between two Thai letters is a word boundary of
#      libthai (read through Python's ctypes from libthai.so.0, not
#      through Prongsai) and none falls inside a protected word; at
#      least 20 such line ends were seen; and the control (the same
#      pages with the build's spans turned off) has a line end inside
#      a word, so the check can fail;
#  (b) the report's PDF (WeasyPrint, pdftotext): no protected word is
#      split over two lines, and each is in it;
#  (c) what must not change: no <wbr> or span.w in any <title>, <pre>,
#      <code>, <option>, attribute, feed, JSON, CSV or search index
#      file, and every page with Thai text has them;
#  (d) site.yaml's `words`: a word with a space, with Latin letters,
#      too long, or not a list each gives its file:line:col error.
# Needs /usr/bin/chromium, node_modules (playwright-core), /usr/bin/python3,
# libthai0 and poppler-utils.  The binary is $PRONGSAI (default ./prongsai).
. "$(dirname "$0")/lib/suite.sh"
suite=thaibreak
py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-thaibreak.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

site=$work/site
mkdir -p "$site"
cp -R "$top/content" "$site/content"
cat >>"$site/content/site.yaml" <<'EOF'
  - หนองปลาไหล
EOF
cat >"$site/content/measures/2566/zz-thaibreak.md" <<'EOF'
---
title: โครงการพัฒนาระบบการประเมินฯ คุณธรรมและความโปร่งใสขององค์การบริหารส่วนตำบลทุ่งลูกนกร่วมกับชุมชนบ้านหนองปลาไหลและอำเภอกำแพงแสนเพื่อยกระดับค่าคะแนนการประเมินฯ
fiscal_year: 2566
areas: [OIT]
indicator: 9
order: 99
owners:
  - กองส่งเสริมการเกษตรทุ่งลูกนก
period: whole-year
status: in-progress
progress: 40
summary: ชาวทุ่งลูกนกและหนองปลาไหลร่วมกันติดตามผลการประเมินฯ คุณธรรมและความโปร่งใสของหน่วยงานในพื้นที่อำเภอกำแพงแสนทุกเดือน
---

## วิธีการดำเนินการ

องค์การบริหารส่วนตำบลทุ่งลูกนกจัดประชุมชี้แจงผลการประเมินฯให้ประชาชนบ้านหนองปลาไหลและบ้านทุ่งลูกนกทราบถึงแนวทางการยกระดับค่าคะแนนการประเมินฯคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐประจำปีงบประมาณอย่างต่อเนื่องโดยเปิดโอกาสให้ชาวกำแพงแสนแสดงความคิดเห็นผ่านช่องทางออนไลน์และแบบสอบถามกระดาษ

- เผยแพร่ผลการประเมินฯบนเว็บไซต์ทุ่งลูกนกและเพจเฟซบุ๊กของหมู่บ้านหนองปลาไหลทุกไตรมาสเพื่อให้ผู้มีส่วนได้ส่วนเสียรับทราบ
- ติดตามความคืบหน้าการดำเนินการตามมาตรการส่งเสริมคุณธรรมของอำเภอกำแพงแสนร่วมกับคณะกรรมการหมู่บ้านทุ่งลูกนก

ชาวทุ่งลูกนกหนองปลาไหลกำแพงแสนร่วมประชุมที่ทุ่งลูกนกกับหนองปลาไหลแล้วไปกำแพงแสนต่อที่ทุ่งลูกนกจากหนองปลาไหลถึงกำแพงแสนผ่านทุ่งลูกนกสู่หนองปลาไหลและกำแพงแสนอีกครั้งที่ทุ่งลูกนกรอบหนองปลาไหล

## ผลการดำเนินงาน

ผลการประเมินฯของทุ่งลูกนกดีขึ้นที่หนองปลาไหลกับกำแพงแสนส่วนทุ่งลูกนกและหนองปลาไหลรวมทั้งกำแพงแสนกับทุ่งลูกนกถึงหนองปลาไหลจากกำแพงแสนผ่านทุ่งลูกนกร่วมหนองปลาไหลพร้อมกำแพงแสนที่ทุ่งลูกนก

| พื้นที่ | ผลการประเมินฯ |
|---|---|
| บ้านทุ่งลูกนกหมู่ที่หนึ่งและบ้านหนองปลาไหลหมู่ที่สอง | ประชาชนเข้าร่วมการประเมินฯเพิ่มขึ้นอย่างต่อเนื่องทุกไตรมาสของปีงบประมาณ |
| อำเภอกำแพงแสนและตำบลทุ่งลูกนก | การประเมินฯคุณธรรมและความโปร่งใสผ่านเกณฑ์ที่กำหนดไว้ทุกตัวชี้วัด |

`รหัสทุ่งลูกนกในโค้ด`
EOF

if ! "$bin" build --source "$site" --output "$work/out" >"$work/build.log" 2>&1; then
	no build "$(head -n 5 "$work/build.log")"
	exit 1
fi
ok build
out=$work/out
pages="$out/2566/measures/zz-thaibreak/index.html $out/2566/index.html $out/2566/report/index.html $out/index.html"
for p in $pages; do
	[ -f "$p" ] || { no pages "no $p"; exit 1; }
done

cat >"$work/check.py" <<'PYEOF'
# check.py chromium|pdf|marks|errors ARGS: the checks of tests/thaibreak.sh.
import ctypes, glob, json, os, re, sys, unicodedata

# การ|ประเมินฯ is two words (the issue's complaint was การประ|เมินฯ).
PROTECT = ['ทุ่งลูกนก', 'ประเมินฯ', 'หนองปลาไหล', 'กำแพงแสน']
lib = ctypes.CDLL('libthai.so.0')
lib.th_brk_new.restype = ctypes.c_void_p
lib.th_brk_new.argtypes = [ctypes.c_char_p]
lib.th_brk_find_breaks.argtypes = [ctypes.c_void_p, ctypes.c_char_p,
                                   ctypes.POINTER(ctypes.c_int),
                                   ctypes.c_size_t]
brk = lib.th_brk_new(None)


def libthai(s):
    """libthai's word boundaries inside s, as offsets."""
    tis = s.encode('tis_620', 'replace')
    pos = (ctypes.c_int * (len(tis) + 1))()
    n = lib.th_brk_find_breaks(brk, tis, pos, len(tis) + 1)
    return {pos[i] for i in range(n) if 0 < pos[i] < len(s)}


def protected(run):
    """The spans of run that protected words cover."""
    spans = []
    for w in PROTECT:
        for m in re.finditer(re.escape(w), run):
            spans.append((m.start(), m.end()))
    return spans


def allowed(run, at):
    spans = protected(run)
    if any(a < at < b for a, b in spans):
        return False
    if at in libthai(run) or any(at in (a, b) for a, b in spans):
        return True
    # libthai on the pieces between protected words, as the build does.
    cuts = sorted({0, len(run)} | {x for s in spans for x in s})
    for a, b in zip(cuts, cuts[1:]):
        if a < at < b and at - a in libthai(run[a:b]):
            return True
    return False


def chromium(real, control):
    real, control = json.load(open(real)), json.load(open(control))
    seen, bad = 0, []
    for page in real:
        for b in page['breaks']:
            seen += 1
            if not allowed(b['run'], b['at']):
                bad.append('%s: %s|%s' % (os.path.basename(os.path.dirname(
                    page['file'])) or page['file'], b['run'][:b['at']][-12:],
                    b['run'][b['at']:][:12]))
        if page['width'] > 360:
            bad.append('%s scrolls sideways (%d px)' % (page['file'],
                                                        page['width']))
    print('seen %d line ends inside Thai text' % seen)
    why = '; '.join(bad[:8])
    if seen < 20:
        why += '; only %d line ends inside Thai text' % seen
    cbad = sum(1 for p in control for b in p['breaks']
               if not allowed(b['run'], b['at']))
    print('control: %d line ends inside words' % cbad)
    print(json.dumps({'bad': why, 'control': cbad}))


def pdf(txt):
    text = unicodedata.normalize('NFKC', open(txt).read())
    why = []
    for w in PROTECT:
        w = unicodedata.normalize('NFKC', w)
        if w not in text:
            why.append('%s not in the PDF' % w)
        for k in range(1, len(w)):
            if re.search(re.escape(w[:k]) + r'[ \t]*\n[ \t\f]*' +
                         re.escape(w[k:]), text):
                why.append('%s|%s split over two lines' % (w[:k], w[k:]))
    print('; '.join(why))


def marks(out):
    why = []
    raw = re.compile(r'<(title|pre|code|script|style|textarea|option)\b[^>]*>'
                     r'(.*?)</\1>', re.S | re.I)
    for f in glob.glob(out + '/**/*', recursive=True):
        if not os.path.isfile(f) or f.endswith(('.woff2', '.ttf', '.png',
                                                 '.pdf', '.svg', '.css')):
            continue
        s = open(f, encoding='utf-8', errors='replace').read()
        if f.endswith('.html'):
            for m in raw.finditer(s):
                if '<wbr>' in m.group(2) or 'class="w"' in m.group(2):
                    why.append('%s: marks in <%s>' % (f, m.group(1)))
            for m in re.finditer(r'<[^>]*>', s):
                if m.group(0) not in ('<wbr>', '<span class="w">',
                                      '<span class="n">') and \
                        ('&lt;wbr' in m.group(0) or 'wbr>' in m.group(0)):
                    why.append('%s: marks in a tag' % f)
            if 'class="w"' not in s and re.search('[\u0e01-\u0e4f]{3}', s):
                why.append('%s: no Thai run marked' % f)
        elif '<wbr>' in s or 'class="w"' in s or '&lt;wbr' in s \
                or 'class=\\"w\\"' in s:
            why.append('%s: marks in a %s file' % (f, f.rsplit('.', 1)[-1]))
    print('; '.join(sorted(set(why))[:8]))


getattr(sys.modules[__name__], sys.argv[1])(*sys.argv[2:])
PYEOF

# (a) Chromium at 360 px, and the control.
if node tests/thaibreak.mjs 360 real $pages >"$work/real.json" 2>"$work/node.err" &&
    node tests/thaibreak.mjs 360 control $pages >"$work/control.json" 2>>"$work/node.err"; then
	$py "$work/check.py" chromium "$work/real.json" "$work/control.json" >"$work/chromium.txt"
	head -n 2 "$work/chromium.txt"
	res=$(tail -n 1 "$work/chromium.txt")
	verdict chromium-360-between-words "$(printf '%s' "$res" | $py -c 'import json,sys; print(json.load(sys.stdin)["bad"])')"
	c=$(printf '%s' "$res" | $py -c 'import json,sys; print(json.load(sys.stdin)["control"])')
	if [ "$c" -gt 0 ]; then ok control-can-fail; else no control-can-fail "without the marks Chromium broke no word: the check cannot fail"; fi
else
	no chromium-360-between-words "node: $(head -n 5 "$work/node.err")"
fi

# (b) The report's PDF.
pdf=$out/2566/report/report.pdf
if [ ! -f "$pdf" ]; then
	no pdf-between-words "no $pdf (is weasyprint installed?)"
else
	pdftotext "$pdf" "$work/report.txt"
	verdict pdf-between-words "$($py "$work/check.py" pdf "$work/report.txt")"
fi

# (c) Marks only in the pages' text.
verdict marks-only-in-text "$($py "$work/check.py" marks "$out")"
why=
grep -q '<code>รหัสทุ่งลูกนกในโค้ด</code>' "$out/2566/measures/zz-thaibreak/index.html" ||
    why="the <code> text was changed"
verdict code-untouched "$why"

# (d) Bad `words`.
bad=$work/bad
for c in space latin long map; do
	rm -rf "$bad"
	cp -R "$site" "$bad"
	sed -i '/^words:/,$d' "$bad/content/site.yaml"
	case $c in
	space)	printf 'words:\n  - ทุ่ง ลูกนก\n' ;;
	latin)	printf 'words:\n  - ทุ่งลูกนกRiver\n' ;;
	long)	printf 'words:\n  - องค์การบริหารส่วนตำบลทุ่งลูกนก\n' ;;
	map)	printf 'words: ทุ่งลูกนก\n' ;;
	esac >>"$bad/content/site.yaml"
	line=$(grep -n '^words:' "$bad/content/site.yaml" | cut -d: -f1)
	[ "$c" = map ] || line=$((line + 1))
	"$bin" check --source "$bad" >"$work/bad.log" 2>&1
	rc=$?
	why=
	[ "$rc" -eq 1 ] || why="exit $rc, not 1"
	grep -q "content/site.yaml:$line:[0-9]*: error: .*'words'" "$work/bad.log" ||
	    why="$why; no error at content/site.yaml:$line: $(cat "$work/bad.log")"
	verdict "words-$c" "$why"
done

echo "thaibreak: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
