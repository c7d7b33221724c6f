#!/bin/sh
# tests/report.sh: the official report and the progress dashboard.
#
# Builds content/ into a temporary folder and checks:
#  (a) the 2566 report page: exactly the seed document's sixteen measures
#      in two sections (8 + 8), in the order of the measures' `order`
#      fields and of the seed (../shared/seed/000_f0c7e74f7511a791.txt, or
#      $SEED; its titles are also kept below for when it is absent), five
#      columns, rows numbered ๑.-๘. in Thai digits in each section, no
#      ASCII digit in the tables' text, each row linking to its measure;
#  (b) the dashboard of the home page and of the 2566 year page: every
#      number of every chart (SVG text, bar length, description, table),
#      of the stats and of the recent-updates list equals what Python
#      computes from the measures' front matter -- for content/ and for a
#      copy of it with varied progress and status;
#  (c) in headless Chromium (tests/report.mjs, playwright-core with
#      /usr/bin/chromium): the report printed to PDF has only A4 landscape
#      pages (pdfinfo), at most 7 of them, holding every measure title
#      (pdftotext); the home
#      and year pages at 360 px and 1280 px do not scroll sideways.
#      The same for the varied copy (its long labels must fit).
#      Screenshots and the PDF are kept in tests/out/ (git-ignored).
#
# The binary is $PRONGSAI (default ./prongsai).  Needs /usr/bin/python3
# with python3-yaml, node, chromium and poppler-utils.  Prints PASS:/FAIL:
# lines; exits 1 if any check failed (also when Chromium does not start).
. "$(dirname "$0")/lib/suite.sh"
py=/usr/bin/python3
# check.py below reads pages with tests/lib/htmltree.py.
PYTHONPATH=$top/tests/lib
export PYTHONPATH
seed=${SEED:-$top/../shared/seed/000_f0c7e74f7511a791.txt}
art=$top/tests/out
mkdir -p "$art"
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-report.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
fail=0

cat >"$work/check.py" <<'PYEOF'
# The checks of tests/report.sh: check.py report|charts|pdf ARGS...
import glob, os, re, sys
import yaml
from htmltree import parse

THAI = str.maketrans('๐๑๒๓๔๕๖๗๘๙', '0123456789')
TO_THAI = str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙')
failed = 0


def result(name, why):
    global failed
    if why:
        failed += 1
        print('FAIL: report/%s: %s' % (name, why))
    else:
        print('PASS: report/%s' % name)


def ws(s):
    return ' '.join(s.split())


def nows(s):
    return ''.join(s.split())


def num(s):
    """The numbers in s (Thai or ASCII digits) as ints."""
    return [int(x) for x in re.findall(r'\d+', s.translate(THAI))]


def front(path):
    with open(path, encoding='utf-8') as f:
        s = f.read()
    return yaml.safe_load(s.split('---', 2)[1]) or {}


def measures(content, year):
    """The year's published measures from front matter, in report order."""
    ms = []
    for p in sorted(glob.glob(os.path.join(content, 'measures', '*', '*.md'))):
        fm = front(p)
        if fm.get('fiscal_year') != year or fm.get('draft'):
            continue
        st = fm.get('status', 'planned')
        pr = fm.get('progress', 100 if st == 'done' else 0)
        ups = fm.get('updates') or []
        last = max((str(u['date']) for u in ups), default=None)
        ms.append(dict(file=os.path.basename(p), title=ws(fm['title']),
                       areas=fm.get('areas') or [], ind=fm.get('indicator') or 0,
                       order=fm.get('order'), status=st, progress=pr, last=last))
    ms.sort(key=lambda m: (m['order'] is None, m['order'] or 0, m['file']))
    return ms


def stats(ms):
    n = [m for m in ms if m['status'] != 'cancelled']
    s = sum(m['progress'] for m in n)
    mean = (s * 2 + len(n)) // (2 * len(n)) if n else 0
    st = {k: sum(1 for m in ms if m['status'] == k)
          for k in ('planned', 'in-progress', 'done', 'cancelled')}
    return len(ms), mean, st


# Titles of the seed document when the seed file is not at hand.
SEED_TITLES = [[
    'การนำเทคโนโลยีมาใช้ในการดำเนินงาน',
    'การเผยแพร่ผลงานหรือข้อมูลข่าวสารต่างที่หลากหลายช่องทาง',
    'สร้างความรู้ความเข้าใจกับบุคลากรในหน่วยงานเกี่ยวกับตัวชี้วัดตามแบบประเมิน IIT',
    'ประชาสัมพันธ์ช่องทางให้ประชาชนเข้ามามีส่วนร่วมในการตอบแบบวัดความรู้อย่างกว้างขวาง',
    'การสร้างความรู้ความเข้าใจและอำนวยความสะดวกให้แก่ผู้รับบริการผู้มาติดต่อหรือผู้มีส่วนได้ส่วนเสีย',
    'สร้างการรับรู้เกี่ยวกับ หลักเกณฑ์และขั้นตอนการยื่นทรัพย์สินของทางราชการ',
    'สร้างการรับรู้เกี่ยวกับแผนการใช้จ่ายงบประมาณประจำปี แก่บุคลากรในสังกัดทุกคนทราบ',
    'การปรับปรุงการให้บริการของเจ้าหน้าที่',
], [
    'มาตรการส่งเสริมความรู้เกี่ยวกับการใช้งบประมาณในเรื่องของแผนการใช้จ่ายงบประมาณ',
    'มาตรการจัดซื้อจัดจ้างเพื่อป้องกันการเอื้อประโยชน์ให้ผู้ประกอบการรายใดรายหนึ่ง',
    'มาตรการ การใช้ทรัพย์สินของทาง ราชการ',
    'มาตรการแก้ไข ปัญหา การทุจริต',
    'มาตรการส่งเสริม คุณภาพการ ดำเนินงาน',
    'มาตรการปรับปรุง ประสิทธิภาพการ สื่อสาร',
    'มาตรการปรับปรุงการทำงาน',
    'มาตรการการพัฒนาตัวชี้วัดการประเมิน ITA',
]]


def seed_titles(path):
    """The first cell of every row of the seed's tables, per section."""
    if not os.path.exists(path):
        return SEED_TITLES, 'kept copy'
    secs = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if '\t' not in line:
                if re.match(r'^[๐-๙]+\.\s*มาตรการ', line):
                    secs.append([])
                continue
            cell = ws(re.sub(r'<[^>]*>', ' ', line.split('\t')[0]))
            if cell.startswith('มาตรการ/แนวทาง') or not secs:
                continue
            secs[-1].append(re.sub(r'^[๐-๙]+\.\s*', '', cell))
    return secs, path


def check_report(out, content, seed):
    year = 2566
    path = os.path.join(out, str(year), 'report', 'index.html')
    doc = parse(path)
    main = doc.one('main')
    h1 = ws(main.one('h1').text()) if main and main.one('h1') else ''
    result('report/heading', None if (
        'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส' in h1 and
        'ขององค์การบริหารส่วนตำบลทุ่งลูกนก ปี ๒๕๖๖' in h1) else 'h1 is %r' % h1)
    intro = main.one(cls='report-intro')
    result('report/intro', None if intro and 'ตามที่ได้ดำเนินการวิเคราะห์ผลคะแนน'
           in intro.text() else 'no introduction from content/reports/2566.md')
    per = main.one(cls='report-period')
    result('report/period', None if per and num(per.text()) else 'no reporting period')

    ms = measures(content, year)
    want = [[m['title'] for m in ms if set(m['areas']) & {'IIT', 'EIT'}],
            [m['title'] for m in ms if 'OIT' in m['areas']]]
    secs = list(main.all('section', 'report-section'))
    got, why = [], []
    for i, sec in enumerate(secs):
        h2 = ws(sec.one('h2').text())
        if not h2.startswith('%s. ' % str(i + 1).translate(TO_THAI)) or \
                'ประจำปี ๒๕๖๖' not in h2:
            why.append('section %d heading %r' % (i + 1, h2))
        tab = sec.one('table', 'report-table')
        if tab is None:
            why.append('section %d has no table' % (i + 1))
            got.append([])
            continue
        heads = [ws(th.text()) for th in tab.one('thead').all('th')]
        if heads != ['มาตรการ/แนวทาง', 'วิธีการดำเนินการ', 'ผู้รับผิดชอบ',
                     'ระยะเวลาดำเนินการ', 'ผลการดำเนินงาน']:
            why.append('section %d columns %r' % (i + 1, heads))
        rows = tab.one('tbody').children('tr')
        titles = []
        for k, tr in enumerate(rows):
            cells = [c for c in tr.kids if not isinstance(c, str)
                     and c.tag in ('th', 'td')]
            if len(cells) != 5:
                why.append('section %d row %d has %d cells' % (i + 1, k + 1, len(cells)))
                continue
            n = cells[0].one(cls='row-num')
            if n is None or ws(n.text()) != '%s.' % str(k + 1).translate(TO_THAI):
                why.append('section %d row %d numbered %r' % (
                    i + 1, k + 1, n and n.text()))
            a = cells[0].one('a')
            if a is None:
                why.append('section %d row %d has no link' % (i + 1, k + 1))
                continue
            titles.append(ws(a.text()))
            target = os.path.normpath(os.path.join(os.path.dirname(path), a.attrs['href']))
            if not os.path.isfile(target) or '/measures/' not in target:
                why.append('row link %s goes nowhere' % a.attrs['href'])
            for c in cells[1:]:
                if not nows(c.text()) and c is not cells[4]:
                    why.append('section %d row %d: an empty cell' % (i + 1, k + 1))
        if re.search(r'[0-9]', tab.text()):
            why.append('section %d: ASCII digits in %r' % (
                i + 1, re.findall(r'.{0,20}[0-9].{0,20}', tab.text())[:3]))
        got.append(titles)
    result('report/sections', None if [len(s) for s in got] == [8, 8]
           else 'rows per section %r, want [8, 8]' % [len(s) for s in got])
    result('report/rows', '; '.join(why[:8]) if why else None)
    result('report/order-of-content', None if got == want else
           'got %r, want (front matter order) %r' % (got, want))
    st, src = seed_titles(seed)
    st = [[ws(t) for t in s] for s in st]
    result('report/order-of-seed', None if got == st else
           'got %r, want (%s) %r' % (got, src, st))


def check_charts(out, content, label):
    year = 2566
    fw = yaml.safe_load(open(find_framework(content, year), encoding='utf-8'))
    inds = {i['number']: i['th'] for i in fw['indicators']}
    areas = [(a['code'], a['th']) for a in fw['areas']]
    ms = measures(content, year)
    for page in ('index.html', '%d/index.html' % year):
        doc = parse(os.path.join(out, page))
        dash = doc.one('div', 'dashboard')
        name = '%s/%s' % (label, page)
        if dash is None:
            result(name + '/dashboard', 'no dashboard')
            continue
        why = []
        # Stats: count, mean, status counts.
        n, mean, st = stats(ms)
        big = dash.one(cls='stat-big')
        if big is None or num(big.text()) != [n]:
            why.append('count %r, want %d' % (big and big.text(), n))
        pt = dash.one(cls='stats').one(cls='progress-text')
        if pt is None or num(pt.text()) != [mean]:
            why.append('mean %r, want %d' % (pt and pt.text(), mean))
        for li in dash.one('ul', 'status-counts').children('li'):
            code = li.one('span', 'badge').attrs['class'].split('badge-')[-1]
            if num(li.one(cls='status-num').text()) != [st[code]]:
                why.append('status %s %r, want %d' % (code, li.text(), st[code]))
        result(name + '/stats', '; '.join(why) or None)

        # Charts: the area chart, then one indicator chart per area.
        want = {'chart-areas-%d' % year: [
            (aname, ) + stats([m for m in ms if code in m['areas']])[:2]
            for code, aname in areas]}
        for code, aname in areas:
            am = [m for m in ms if code in m['areas']]
            if not am:
                continue
            groups = sorted({m['ind'] for m in am}, key=lambda x: (x == 0, x))
            want['chart-ind-%d-%s' % (year, code.lower())] = [
                (('ตัวชี้วัดที่ %s %s' % (str(g).translate(TO_THAI), inds.get(g, '')))
                 .strip() if g else 'มาตรการอื่น ๆ ที่ไม่ได้ระบุตัวชี้วัด',)
                + stats([m for m in am if m['ind'] == g])[:2] for g in groups]
        for cid, rows in want.items():
            why = []
            sec = dash.one('section', 'chart', id=cid)
            if sec is None:
                result('%s/%s' % (name, cid), 'no such chart')
                continue
            svg = sec.one('svg')
            if svg is None or svg.attrs.get('role') != 'img' or \
                    'width' in svg.attrs and svg.attrs['width'] != '100%' or \
                    'viewbox' not in svg.attrs:
                why.append('svg needs role=img, viewBox and width 100%')
            t, d = svg.one('title'), svg.one('desc')
            if not (t and d and svg.attrs.get('aria-labelledby') == t.attrs.get('id')
                    and svg.attrs.get('aria-describedby') == d.attrs.get('id')):
                why.append('svg needs title and desc referenced by aria')
            trs = sec.one('table', 'chart-table').one('tbody').children('tr')
            got = [(ws(tr.one('th').text()), ) + tuple(
                num(td.text())[0] for td in tr.children('td')) for tr in trs]
            if got != rows:
                why.append('table %r, want %r' % (got, rows))
            bars = list(svg.all('rect', 'chart-bar'))
            vals = [num(x.text()) for x in svg.all('text', 'chart-value')]
            if [v for v in vals] != [[r[2]] for r in rows]:
                why.append('bar numbers %r, want %r' % (vals, [r[2] for r in rows]))
            track = list(svg.all('rect', 'chart-track'))
            for b, r, tr in zip(bars, rows, track):
                full = float(tr.attrs['width']) + 1
                if abs(float(b.attrs['width']) - full * r[2] / 100) > 0.06:
                    why.append('bar of %s is %s long, want %.1f' % (
                        r[0], b.attrs['width'], full * r[2] / 100))
            if len(bars) != len(rows):
                why.append('%d bars for %d rows' % (len(bars), len(rows)))
            dn = num(d.text()) if d else []
            wn = []
            for r in rows:
                wn += num(r[0]) + [r[2], r[1]]
            if dn != wn:
                why.append('desc numbers %r, want %r' % (dn, wn))
            result('%s/%s' % (name, cid), '; '.join(why) or None)

        # Recently updated: newest update first, ties by file, five at most.
        rec = sorted((m for m in ms if m['last']),
                     key=lambda m: m['file'])
        rec.sort(key=lambda m: m['last'], reverse=True)
        rec = rec[:5]
        items = list(dash.all('li', 'recent-item'))
        got = [(ws(li.one('a').text()), li.one('time').attrs.get('datetime'),
                num(li.one(cls='recent-progress').text()),
                li.one('span', 'badge').attrs['class'].split('badge-')[-1])
               for li in items]
        want_r = [(m['title'], m['last'], [m['progress']], m['status']) for m in rec]
        result(name + '/recent', None if got == want_r else
               'got %r, want %r' % (got, want_r))
        box = dash.one(cls='report-box')
        link = box and box.one('a')
        result(name + '/report-link', None if link and os.path.isfile(
            os.path.normpath(os.path.join(out, os.path.dirname(page), link.attrs['href'])))
            and box.one(cls='report-box-period') else 'no report link with its period')


def find_framework(content, year):
    site = os.path.dirname(os.path.abspath(content))
    for p in (os.path.join(site, 'framework', '%d.yaml' % year),
              os.path.join(os.environ.get('TOP', '.'), 'framework', '%d.yaml' % year)):
        if os.path.exists(p):
            return p
    raise SystemExit('no framework/%d.yaml' % year)


def check_pdf(info, text_default, text_raw, content):
    sizes = re.findall(r'^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)', open(info).read(), re.M)
    bad = [(w, h) for w, h in sizes
           if abs(float(w) - 842) > 1 or abs(float(h) - 595) > 1]
    result('pdf/a4-landscape', None if sizes and not bad else
           'page sizes %r' % (bad or 'none'))
    # Chromium's own print, as a clerk prints the page (8 pages before
    # print.css scaled Laksaman for it as fontconfig does for WeasyPrint).
    result('pdf/at-most-7-pages', None if 0 < len(sizes) <= 7 else
           '%d pages' % len(sizes))
    print('# Chromium prints the report of 16 rows on %d A4 pages' % len(sizes))
    t1 = nows(open(text_default, encoding='utf-8').read())
    t2 = nows(open(text_raw, encoding='utf-8').read())
    miss = [m['title'] for m in measures(content, 2566)
            if nows(m['title']) not in t1 and nows(m['title']) not in t2]
    result('pdf/titles', None if not miss else 'not in the PDF: %r' % miss)
    result('pdf/heading', None if nows('รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส')
           in t2 else 'no heading in the PDF')


MARKS = set('\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a'
            '\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e')


def nfkc(s):
    import unicodedata
    return unicodedata.normalize('NFKC', s)


def pgm(path):
    """A binary PGM (pdftoppm -gray) as (width, height, rows of bytes)."""
    data = open(path, 'rb').read()
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    px = parts[4]
    return w, h, [px[y * w:(y + 1) * w] for y in range(h)]


def frame(path):
    """Why the table on this page image has no four outer rules, or None."""
    w, h, rows = pgm(path)
    dark = lambda v: v < 110
    # Horizontal rules: rows with a dark run over a third of the page.
    hr = []
    for y, r in enumerate(rows):
        best = run = start = 0
        for x in range(w):
            if dark(r[x]):
                run += 1
                if run > best:
                    best, bx = run, x
            else:
                run = 0
        if best > w / 3:
            hr.append((y, bx - best + 1, bx))
    if len(hr) < 2:
        return 'no table rules found'
    left = min(a for _, a, _ in hr)
    right = max(b for _, _, b in hr)
    def vrun(x0):
        best = (0, 0, 0)
        for x in range(max(0, x0 - 2), min(w, x0 + 3)):
            run = 0
            for y in range(h):
                if dark(rows[y][x]):
                    run += 1
                    if run > best[0]:
                        best = (run, y - run + 1, y)
                else:
                    run = 0
        return best
    why = []
    lv, rv = vrun(left), vrun(right)
    if lv[0] < 40:
        why.append('left')
    if rv[0] < 40:
        why.append('right')
    if not why:
        y0, y1 = min(lv[1], rv[1]), max(lv[2], rv[2])
        # A rule of .75 pt at 72 dpi may fall on two rows of pixels.
        span = lambda y: all(any(dark(rows[yy][x]) for yy in range(
            max(0, y - 2), min(h, y + 3))) for x in range(left + 3, right - 2))
        if not span(y0):
            why.append('top')
        if not span(y1):
            why.append('bottom')
    return 'no %s rule' % '/'.join(why) if why else None


def check_built(pdf, work, content):
    """The report's PDF the build wrote (pages as pdftotext -raw files)."""
    import subprocess
    info = subprocess.run(['pdfinfo', '-f', '1', '-l', '999', pdf],
                          capture_output=True, text=True).stdout
    sizes = re.findall(r'^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)', info, re.M)
    n = len(sizes)
    result('built/a4-landscape', None if sizes and all(
        abs(float(a) - 842) < 1 and abs(float(b) - 595) < 1 for a, b in sizes)
        else 'page sizes %r' % sizes)
    result('built/at-most-7-pages', None if 0 < n <= 7 else '%d pages' % n)
    print('# the report of 16 rows: %d A4 pages' % n)
    fonts = subprocess.run(['pdffonts', pdf], capture_output=True, text=True).stdout
    rows = [l.split() for l in fonts.splitlines()[2:] if l.strip()]
    result('built/fonts-embedded', None if rows and all(
        r[-5] == 'yes' for r in rows) else fonts)
    pages = []
    for i in range(1, n + 1):
        t = subprocess.run(['pdftotext', '-raw', '-f', str(i), '-l', str(i), pdf, '-'],
                           capture_output=True, text=True).stdout
        pages.append(nfkc(t))
    whole = nows(''.join(pages))
    ms = measures(content, 2566)
    miss = [m['title'] for m in ms if nows(nfkc(m['title'])) not in whole]
    result('built/titles', None if not miss else 'not in the PDF: %r' % miss)
    result('built/heading', None if nows(nfkc(
        'รายงานการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส')) in whole
        else 'no heading')
    # Every line of every page is a line of the report: none is only
    # marks, and no word starts with a mark torn from its letter.
    bad = []
    for i, t in enumerate(pages):
        for line in t.splitlines():
            for tok in line.split():
                if tok[0] in MARKS:
                    bad.append('page %d: %r' % (i + 1, line))
                    break
    result('built/no-stray-marks', '; '.join(bad[:5]) or None)
    fm = front(os.path.join(content, 'reports', '2566.md'))
    last = nows(pages[-1]) if pages else ''
    sb = fm.get('signed_by') or {}
    want = [nows(nfkc(x)) for x in ('(ลงชื่อ)', sb.get('name', ''), sb.get('position', ''))]
    result('built/signature-on-last-page', None if sb and all(w in last for w in want)
           else 'last page lacks %r' % [w for w in want if w not in last])
    others = ''.join(nows(p) for p in pages[:-1])
    result('built/signature-only-there', None if want[0] not in others
           else 'a signature line before the last page')
    lastrow = nows(nfkc(ms[-1]['title'])) if ms else ''
    result('built/signature-with-last-row', None if lastrow and lastrow[-12:] in last
           else 'the last row %r is not on the signature page' % ms[-1]['title'])
    why = []
    subprocess.run(['pdftoppm', '-gray', '-r', '72', pdf, os.path.join(work, 'pg')])
    for i, img in enumerate(sorted(glob.glob(os.path.join(work, 'pg-*.pgm')))):
        w = frame(img)
        if w:
            why.append('page %d: %s' % (i + 1, w))
    result('built/table-frame', '; '.join(why) or None)


def vary(content):
    """Give the copy of content/ varied progress and status."""
    files = sorted(glob.glob(os.path.join(content, 'measures', '*', '*.md')))
    plan = [(37, 'in-progress'), (0, 'planned'), (55, 'cancelled'),
            (81, 'in-progress'), (12, 'in-progress'), (66, 'in-progress'),
            (99, 'in-progress')]
    for i, p in enumerate(files[:len(plan)]):
        pr, st = plan[i]
        s = open(p, encoding='utf-8').read()
        head, body = s.split('---', 2)[1], s.split('---', 2)[2]
        head = re.sub(r'^progress:.*$', 'progress: %d' % pr, head, flags=re.M)
        head = re.sub(r'^status:.*$', 'status: %s' % st, head, flags=re.M)
        # The updates say done at 100; let them agree with the measure.
        head = re.sub(r'^(\s+)progress: \d+$', r'\g<1>progress: %d' % pr, head, flags=re.M)
        head = re.sub(r'^(\s+)status: \S+$', r'\g<1>status: %s' % st, head, flags=re.M)
        open(p, 'w', encoding='utf-8').write('---' + head + '---' + body)


cmd = sys.argv[1]
if cmd == 'report':
    check_report(*sys.argv[2:5])
elif cmd == 'charts':
    check_charts(*sys.argv[2:5])
elif cmd == 'pdf':
    check_pdf(*sys.argv[2:6])
elif cmd == 'built':
    check_built(*sys.argv[2:5])
elif cmd == 'vary':
    vary(sys.argv[2])
sys.exit(1 if failed else 0)
PYEOF

# The site: content/ as it is, and a copy with varied progress.
mkdir -p "$work/site" "$work/var"
ln -s "$top/content" "$work/site/content"
cp -R "$top/content" "$work/var/content"
"$py" "$work/check.py" vary "$work/var/content" || fail=1
# ...whose framework names indicator 4 at length: its labels need two lines.
mkdir -p "$work/var/framework"
sed 's/^\(  - {number: 4, area: IIT, th: \)[^,]*/\1การใช้ทรัพย์สินของราชการเพื่อประโยชน์ส่วนรวมอย่างถูกต้องตามระเบียบ/' \
    "$top/framework/2566.yaml" >"$work/var/framework/2566.yaml"
for s in site var; do
	if "$bin" build --quiet --source "$work/$s" --output "$work/$s/out" \
	    >"$work/$s.log" 2>&1; then
		echo "PASS: report/build-$s"
	else
		echo "FAIL: report/build-$s"
		cat "$work/$s.log"
		exit 1
	fi
done

# (a) the report page, (b) the charts.
TOP=$top "$py" "$work/check.py" report "$work/site/out" "$top/content" "$seed" || fail=1
TOP=$top "$py" "$work/check.py" charts "$work/site/out" "$top/content" content || fail=1
TOP=$top "$py" "$work/check.py" charts "$work/var/out" "$work/var/content" varied || fail=1

# (d) the PDF the build made with WeasyPrint: pages, fonts, text, frame,
# signature; the same bytes from a second build; its link on the page.
pdf=$work/site/out/2566/report/report.pdf
if [ -s "$pdf" ]; then
	echo "PASS: report/built-pdf"
	mkdir -p "$work/pg"
	TOP=$top "$py" "$work/check.py" built "$pdf" "$work/pg" "$top/content" || fail=1
	cp "$pdf" "$art/report-2566-built.pdf"
	rm -f "$art"/report-2566-built-p-*.png
	pdftoppm -png -r 50 "$pdf" "$art/report-2566-built-p"
	grep -q 'href="../../2566/report/report.pdf"' "$work/site/out/2566/report/index.html" &&
	    echo "PASS: report/pdf-link" || { echo "FAIL: report/pdf-link"; fail=1; }
	"$bin" build --quiet --source "$work/site" --output "$work/again" \
	    >"$work/again.log" 2>&1
	if cmp -s "$pdf" "$work/again/2566/report/report.pdf"; then
		echo "PASS: report/pdf-reproducible"
	else
		echo "FAIL: report/pdf-reproducible: two builds wrote different PDFs"
		fail=1
	fi
	# A rebuild with the report unchanged keeps the published PDF.
	ino=$(stat -c %i "$pdf")
	"$bin" build --quiet --source "$work/site" --output "$work/site/out" \
	    >/dev/null 2>&1
	[ "$(stat -c %i "$work/site/out/2566/report/report.pdf")" = "$ino" ] &&
	    echo "PASS: report/pdf-kept" ||
	    { echo "FAIL: report/pdf-kept: the PDF was made again"; fail=1; }
else
	echo "FAIL: report/built-pdf: the build wrote no 2566/report/report.pdf"
	fail=1
fi
# Without the renderer: a warning, no PDF, no link, the rest as before.
mkdir -p "$work/nopath"
if PATH=$work/nopath PRONGSAI_LANG=en "$bin" build --quiet --source "$work/site" \
    --output "$work/nopdf" >"$work/nopdf.log" 2>&1 &&
    grep -q 'WeasyPrint.*not installed' "$work/nopdf.log" &&
    [ ! -e "$work/nopdf/2566/report/report.pdf" ] &&
    ! grep -q 'report.pdf' "$work/nopdf/2566/report/index.html"; then
	echo "PASS: report/no-renderer"
else
	echo "FAIL: report/no-renderer"
	cat "$work/nopdf.log"
	fail=1
fi

# (e) identity: on every page when site.yaml gives it, and nothing of it
# (and no failure) when it does not; colours and logos checked.
"$py" - "$work/site/out" <<'PYEOF2' || fail=1
import glob, os, sys
out = sys.argv[1]
bad = []
for p in sorted(glob.glob(os.path.join(out, '**', '*.html'), recursive=True)):
    h = open(p, encoding='utf-8').read()
    for what in ('class="brand-logo" alt="ตราองค์การบริหารส่วนตำบลทุ่งลูกนก"',
                 'class="main-site" href="https://www.tungluknok.go.th/"',
                 'saraban@tungluknok.go.th', 'href="tel:034961234"'):
        if what not in h:
            bad.append('%s: no %s' % (os.path.relpath(p, out), what))
print('FAIL: report/identity-every-page: %s' % '; '.join(bad[:5]) if bad
      else 'PASS: report/identity-every-page')
sys.exit(1 if bad else 0)
PYEOF2
mkdir -p "$work/bare"
cp -R "$top/content" "$work/bare/content"
sed -i '/^logo:/,$d' "$work/bare/content/site.yaml"
if "$bin" build --quiet --source "$work/bare" --output "$work/bare/out" \
    >"$work/bare.log" 2>&1 &&
    ! grep -lq 'brand-logo\|class="main-site"\|class="contact"' \
    "$work/bare/out/index.html" "$work/bare/out/2566/report/index.html"; then
	echo "PASS: report/identity-absent"
else
	echo "FAIL: report/identity-absent"
	cat "$work/bare.log"
	fail=1
fi
for case in 'colors: {primary: "#ffd166"}:too light' \
    'colors: {primary: red}:#RRGGBB' \
    'logo: {file: files/none.svg, alt: x}:no logo file' \
    'logo: {file: files/x.gif, alt: x}:SVG or PNG' \
    'contact: {email: nobody}:not an e-mail'; do
	yaml=${case%:*}
	want=${case##*:}
	mkdir -p "$work/badid"
	rm -rf "$work/badid/content"
	cp -R "$work/bare/content" "$work/badid/content"
	printf '%s\n' "$yaml" >>"$work/badid/content/site.yaml"
	if PRONGSAI_LANG=en "$bin" build --quiet --source "$work/badid" \
	    --output "$work/badid/out" >"$work/badid.log" 2>&1; then
		echo "FAIL: report/identity-refused: $yaml was accepted"
		fail=1
	elif grep -q "site.yaml:[0-9]*:[0-9]*: .*$want" "$work/badid.log" &&
	    ! PRONGSAI_LANG=en "$bin" check --source "$work/badid" \
	    >"$work/badid-check.log" 2>&1 &&
	    grep -q "site.yaml:[0-9]*:[0-9]*: .*$want" "$work/badid-check.log"; then
		echo "PASS: report/identity-refused: $want"
	else
		echo "FAIL: report/identity-refused: $yaml"
		cat "$work/badid.log"
		fail=1
	fi
done

# (c) Chromium: the PDF and the screenshots.
rm -f "$art/report-2566.pdf"
node tests/report.mjs "$work/site/out" "$art"
case $? in
0)	;;
2)	echo "FAIL: report/chromium: Chromium did not start"; exit 1 ;;
*)	fail=1 ;;
esac
node tests/report.mjs "$work/var/out" "$art" varied || fail=1
if [ -s "$art/report-2566.pdf" ]; then
	pdfinfo -f 1 -l 9999 "$art/report-2566.pdf" >"$work/pdfinfo.txt" 2>&1
	pdftotext "$art/report-2566.pdf" "$work/pdf.txt" 2>/dev/null
	pdftotext -raw "$art/report-2566.pdf" "$work/pdf-raw.txt" 2>/dev/null
	"$py" "$work/check.py" pdf "$work/pdfinfo.txt" "$work/pdf.txt" \
	    "$work/pdf-raw.txt" "$top/content" || fail=1
	rm -f "$art"/report-2566-p-*.png
	pdftoppm -png -r 50 "$art/report-2566.pdf" "$art/report-2566-p"
else
	echo "FAIL: report/pdf: no PDF was printed"
	fail=1
fi
exit $fail
