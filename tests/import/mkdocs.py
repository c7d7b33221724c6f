#!/usr/bin/python3
# tests/import/mkdocs.py SEED OUT: makes the documents tests/import.sh
# imports, from the seed report's text, with real writers: python-docx
# (Word), openpyxl (Excel), Python's csv (Excel's CSV and "Unicode
# text"), zipfile (bombs); and the bad files.
import csv
import io
import os
import re
import sys
import zipfile

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
import openpyxl

seed, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)

# ---- the seed: paragraphs and tables in order ----
blocks = []          # ('p', text) or ('t', [rows of cells]); a cell is [paragraphs]
table = None
for line in open(seed, encoding='utf-8').read().split('\n'):
    if '\t' in line:
        cells = line.split('\t')
        if table is None:
            table = []
            blocks.append(('t', table))
        table.append(cells)
        continue
    table = None
    if line.strip():
        blocks.append(('p', line.strip()))


def paras(cell):
    """A seed cell as paragraphs; each a list of (text, underline) runs."""
    parts = re.findall(r'<p>(.*?)</p>', cell) or [cell]
    res = []
    for p in parts:
        runs = []
        for u, plain in re.findall(r'<u>(.*?)</u>|([^<]+)', p):
            if u:
                runs.append((u, True))
            elif plain.strip():
                runs.append((plain, False))
        res.append([(t.strip(' ') if len(runs) == 1 else t, e) for t, e in runs])
    return res


def text_of(cell):
    return ' '.join(''.join(t for t, _ in p).strip() for p in paras(cell))


heading, intro, sections = [], [], []   # sections: (heading, [tables])
for kind, v in blocks:
    if kind == 'p':
        if not sections and re.match(r'^[๑๒]\. มาตรการ', v):
            sections.append((v, []))
        elif sections and re.match(r'^[๑๒]\. มาตรการ', v):
            sections.append((v, []))
        elif not sections and len(heading) < 2:
            heading.append(v)
        elif not sections:
            intro.append(v)
    else:
        sections[-1][1].append(v)
HEADER = sections[0][1][0][0]
rows = [r for _, tabs in sections for t in tabs for r in t[1:]]
assert len(rows) == 16, len(rows)


# ---- Word ----
def split_runs(text, size):
    """text cut every size characters: Word's runs split mid-word."""
    return [text[i:i + size] for i in range(0, len(text), size)] or ['']


def add_runs(p, runs, split=0, bold_underline=False):
    for t, emph in runs:
        for piece in (split_runs(t, split) if split else [t]):
            r = p.add_run(piece)
            if emph:
                r.underline = True
                r.bold = bold_underline


def fill(cell, seedcell, split=0, breaks=False):
    cell.paragraphs[0].text = ''
    first = True
    for runs in paras(seedcell):
        p = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        if breaks and len(runs) == 1 and ' ' in runs[0][0]:
            add_runs(p, runs, split)
        else:
            add_runs(p, runs, split)


def header_row(t, repeat=True):
    row = t.add_row() if len(t.rows) else t.rows[0]
    for i, h in enumerate(HEADER):
        row.cells[i].text = h
    if repeat:
        trpr = row._tr.get_or_add_trPr()
        el = OxmlElement('w:tblHeader')
        trpr.append(el)
    return row


def deleted(p, text):
    """A tracked deletion in paragraph p: w:del/w:r/w:delText."""
    d = OxmlElement('w:del')
    d.set(qn('w:id'), '1')
    d.set(qn('w:author'), 'clerk')
    r = OxmlElement('w:r')
    t = OxmlElement('w:delText')
    t.text = text
    r.append(t)
    d.append(r)
    p._p.append(d)


def word(path):
    d = docx.Document()
    for h in heading:
        d.add_heading(h, level=0)
    for p in intro:
        d.add_paragraph(p)
    n = 0
    for si, (sh, tabs) in enumerate(sections):
        merged_head = si == 1
        if not merged_head:
            d.add_paragraph(sh)
        for ti, tab in enumerate(tabs):
            body = tab[1:]
            t = d.add_table(rows=1, cols=5)
            t.style = 'Table Grid'
            if merged_head and ti == 0:
                # The section heading as a row merged across the table (w:gridSpan).
                c = t.rows[0].cells[0].merge(t.rows[0].cells[4])
                c.text = sh
                header_row(t)
            else:
                header_row(t)
            prev = None
            for ri, r in enumerate(body):
                n += 1
                if n == 6:
                    # A table continued on the next page: a new table, no header row.
                    d.add_paragraph()
                    t = d.add_table(rows=0, cols=5)
                    t.style = 'Table Grid'
                if n == 13:
                    header_row(t, repeat=False)    # the header row repeated
                row = t.add_row()
                for ci in range(5):
                    fill(row.cells[ci], r[ci], split=5 if n <= 3 else 0)
                if n == 1:
                    # A tab in the period and deleted text in the title.
                    c = row.cells[3]
                    c.paragraphs[0].text = ''
                    c.paragraphs[0].add_run('ม.ค.')
                    c.paragraphs[0].add_run().add_tab()
                    c.paragraphs[0].add_run('- ก.พ. ๖๖')
                    deleted(row.cells[0].paragraphs[0], 'ข้อความที่ลบแล้ว')
                if n == 4:
                    # Three owners on three lines (w:br).
                    c = row.cells[2]
                    c.paragraphs[0].text = ''
                    names = ['นักวิเคราะห์ นโยบายและแผน', 'เจ้าพนักงาน ธุรการ',
                             'ผู้ช่วยเจ้าพนักงาน ธุรการ']
                    for k, nm in enumerate(names):
                        run = c.paragraphs[0].add_run(nm)
                        if k < 2:
                            run.add_break(WD_BREAK.LINE)
                if n == 2:
                    # The status in bold and underlined, split mid-word.
                    c = row.cells[4]
                    c.paragraphs[0].text = ''
                    add_runs(c.paragraphs[0], [('ดำเนินการครบถ้วน ๑๐๐ %', True)],
                             split=4, bold_underline=True)
                    c.paragraphs[0].add_run(' - มีการเผยแพร่ผลงานข้อมูลข่าวสาร'
                                            'หลากหลายช่องทาง เช่น เว็บไซต์ อปต. '
                                            'เฟซบุ๊ก ไลน์ - ประชาสัมพันธ์ ข้อมูล'
                                            'ข่าวสารต่าง ๆ ในเว็บไซต์อยู่เสมอ')
                if n == 12 and prev is not None:
                    # The period merged down from the row above (w:vMerge).
                    prev.cells[3].merge(row.cells[3])
                    prev.cells[3].text = 'ม.ค. ๖๖'
                if n == 16:
                    # A table nested in the result cell.
                    c = row.cells[4]
                    c.paragraphs[0].text = 'ดำเนินการครบถ้วน ๑๐๐ %'
                    for extra in c.paragraphs[1:]:
                        extra._p.getparent().remove(extra._p)
                    inner = c.add_table(rows=1, cols=1)
                    inner.rows[0].cells[0].text = ('- มีการประชุมติดตาม ของ คณะกรรมการ '
                                                   'ITA ปี ๒๕๖๖ ประจำทุกเดือน')
                prev = row
    d.save(path)


# ---- Excel ----
def excel(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = 'มาตรการ ๒๕๖๖'
    for h in heading:
        ws.append([h])
    for p in intro:
        ws.append([p])
    ws.append(HEADER)
    for sh, tabs in sections:
        ws.append([sh])
        ws.merge_cells(start_row=ws.max_row, start_column=1,
                       end_row=ws.max_row, end_column=5)
        for tab in tabs:
            for r in tab[1:]:
                ws.append(['\n'.join(''.join(t for t, _ in p).strip()
                                     for p in paras(c)) for c in r])
    # Rows 11 and 12 share their period cell (a merged range down).
    wb.save(path)


def shared_strings(src, dst):
    """The workbook (openpyxl writes inline strings, <is>) with its
    strings in xl/sharedStrings.xml as Excel keeps them, the status of
    each result a bold run of its rich text."""
    zin = zipfile.ZipFile(src)
    items = []

    def share(m):
        body = m.group(3)
        st = 'ดำเนินการครบถ้วน ๑๐๐ %'
        txt = re.sub(r'&#(\d+);', lambda k: chr(int(k.group(1))), body)
        if st in txt and txt.startswith('<t>' + st):
            rest = txt[len('<t>' + st):-len('</t>')]
            body = ('<r><rPr><b/></rPr><t>%s</t></r><r><t xml:space="preserve">'
                    '%s</t></r>' % (st, rest))
        items.append(body)
        return '<c %st="s"%s><v>%d</v></c>' % (m.group(1), m.group(2), len(items) - 1)
    zout = zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED)
    for info in zin.infolist():
        data = zin.read(info.filename)
        if info.filename.startswith('xl/worksheets/sheet'):
            data = re.sub(r'<c ([^>]*)t="inlineStr"([^>]*)><is>(.*?)</is></c>',
                          share, data.decode('utf-8'), flags=re.S).encode('utf-8')
        elif info.filename == '[Content_Types].xml':
            data = data.replace(b'</Types>', b'<Override PartName="/xl/sharedStrings.xml" '
                                b'ContentType="application/vnd.openxmlformats-officedocument.'
                                b'spreadsheetml.sharedStrings+xml"/></Types>')
        elif info.filename == 'xl/_rels/workbook.xml.rels':
            data = data.replace(b'</Relationships>', b'<Relationship Id="rIdSS" Type="http://'
                                b'schemas.openxmlformats.org/officeDocument/2006/relationships/'
                                b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        zout.writestr(info, data)
    zout.writestr('xl/sharedStrings.xml',
                  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                  'count="%d" uniqueCount="%d">%s</sst>' % (
                      len(items), len(items), ''.join('<si>%s</si>' % i for i in items)))
    zout.close()


# ---- CSV as Excel saves it ----
def csv_rows():
    res = [HEADER]
    for sh, tabs in sections:
        res.append([sh, '', '', '', ''])
        for tab in tabs:
            for r in tab[1:]:
                res.append(['\n'.join(''.join(t for t, _ in p).strip()
                                      for p in paras(c)) for c in r])
    return res


def write_csv(path, delim, encoding, bom):
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delim, lineterminator='\r\n')
    for r in csv_rows():
        w.writerow(r)
    data = buf.getvalue().encode(encoding)
    with open(path, 'wb') as f:
        f.write(bom + data)


def html_text(t):
    return t.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def word_html(path):
    """The report saved by Word as "Web Page, Filtered" on a Thai
    Windows: windows-874, MsoNormal paragraphs, <u> and <b>, lines
    wrapped in the source, rowspan and colspan."""
    o = ['<html>\n<head>\n<meta http-equiv=Content-Type content="text/html; '
         'charset=windows-874">\n<meta name=Generator content="Microsoft Word 15 '
         '(filtered)">\n<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>clerk'
         '</o:Author></o:DocumentProperties></xml><![endif]-->\n'
         '<style>\n<!--\np.MsoNormal {margin:0cm;}\n-->\n</style>\n'
         '</head>\n<body lang=EN-US>\n<div class=WordSection1>\n']
    for h in heading:
        o.append('<p class=MsoTitle><span lang=TH>%s</span></p>\n' % html_text(h))
    for p in intro:
        o.append('<p class=MsoNormal><span lang=TH>%s</span></p>\n' % html_text(p))
    n = 0
    for sh, tabs in sections:
        o.append('<p class=MsoNormal><b><span lang=TH>%s</span></b></p>\n' % html_text(sh))
        for tab in tabs:
            o.append('<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>\n'
                     '<tr>%s</tr>\n' % ''.join(
                         '<td valign=top><p class=MsoNormal><b><span lang=TH>%s'
                         '</span></b></p></td>' % html_text(h) for h in HEADER))
            for r in tab[1:]:
                n += 1
                o.append('<tr>\n')
                for ci, c in enumerate(r):
                    if n == 12 and ci == 3:
                        continue          # under the rowspan of row 11
                    span = ' rowspan=2' if n == 11 and ci == 3 else ''
                    o.append('<td valign=top%s>' % span)
                    for runs in paras(c):
                        body = ''.join('<u>%s</u>' % html_text(t) if e else html_text(t)
                                       for t, e in runs)
                        # Word wraps long lines of its source at blanks.
                        body = re.sub(r'(.{60,}?) ', lambda m: m.group(1) + '\n', body)
                        if n == 9 and ci == 0:
                            # A list number Word hides from old browsers only.
                            body = ('<![if !supportLists]><span lang=TH>๙.<span '
                                    'style=\'font:7.0pt "Times New Roman"\'>&nbsp;&nbsp; '
                                    '</span></span><![endif]>' + body)
                        o.append('<p class=MsoNormal><span lang=TH>%s</span><o:p></o:p></p>' % (
                            'ม.ค. ๖๖' if n == 11 and ci == 3 else body))
                    o.append('</td>\n')
                o.append('</tr>\n')
            o.append('</table>\n<p class=MsoNormal>&nbsp;</p>\n')
    o.append('</div>\n</body>\n</html>\n')
    with open(path, 'wb') as f:
        f.write(''.join(o).encode('cp874'))


word(os.path.join(out, 'seed.docx'))
word_html(os.path.join(out, 'seed.htm'))


def thai_style_ids(src, dst):
    """The document as Thai Word saves it: the Title style's id in Thai
    (its w:name stays "Title")."""
    zin = zipfile.ZipFile(src)
    with zipfile.ZipFile(dst, 'w', zipfile.ZIP_DEFLATED) as z:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename in ('word/document.xml', 'word/styles.xml'):
                data = data.decode('utf-8').replace(
                    'w:styleId="Title"', 'w:styleId="ชื่อเรื่อง"').replace(
                    'w:val="Title"/>', 'w:val="ชื่อเรื่อง"/>').replace(
                    '<w:name w:val="ชื่อเรื่อง"/>', '<w:name w:val="Title"/>').encode('utf-8')
            z.writestr(info.filename, data)


thai_style_ids(os.path.join(out, 'seed.docx'), os.path.join(out, 'thaistyle.docx'))
excel(os.path.join(out, 'seed.xlsx'))
shared_strings(os.path.join(out, 'seed.xlsx'), os.path.join(out, 'shared.xlsx'))
write_csv(os.path.join(out, 'seed.csv'), ',', 'utf-8', b'\xef\xbb\xbf')
write_csv(os.path.join(out, 'seed.txt'), '\t', 'utf-16-le', b'\xff\xfe')
# Excel's plain "CSV" on a Thai Windows: Windows-874, no BOM; and semicolons.
write_csv(os.path.join(out, 'thai874.csv'), ',', 'cp874', b'')
write_csv(os.path.join(out, 'semicolon.csv'), ';', 'utf-8', b'\xef\xbb\xbf')

# ---- bad files ----
with open(os.path.join(out, 'notzip.docx'), 'wb') as f:
    f.write(b'This is not a Word file at all.\n')
# A zip bomb: one part that unpacks to 100 MiB of zeros.
with zipfile.ZipFile(os.path.join(out, 'bomb.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
    with z.open('word/document.xml', 'w') as f:
        block = b'\0' * (1 << 20)
        for _ in range(100):
            f.write(block)
# A zip bomb whose headers lie: they say 1,000 bytes.
blob = b' ' * (100 << 20)
with zipfile.ZipFile(os.path.join(out, 'liar.docx'), 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('word/document.xml', blob)
raw = bytearray(open(os.path.join(out, 'liar.docx'), 'rb').read())
raw[22:26] = (1000).to_bytes(4, 'little')
cd = raw.find(b'PK\x01\x02')
raw[cd + 24:cd + 28] = (1000).to_bytes(4, 'little')
open(os.path.join(out, 'liar.docx'), 'wb').write(bytes(raw))
# A sheet that asks for 25 million cells: one far-right cell on each of 100,000 rows.
with zipfile.ZipFile(os.path.join(out, 'cells.xlsx'), 'w', zipfile.ZIP_DEFLATED) as z:
    ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
    z.writestr('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://'
               'schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="%s" xmlns:r="http://'
               'schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
               '<sheet name="a" sheetId="1" r:id="rId1"/></sheets></workbook>' % ns)
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://'
               'schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
               'Type="worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet xmlns="%s"><sheetData>%s'
               '</sheetData></worksheet>' % (ns, ''.join(
                   '<row r="%d"><c r="IV%d"><v>1</v></c></row>' % (i, i) for i in range(1, 100001))))
# Too many entries.
with zipfile.ZipFile(os.path.join(out, 'entries.docx'), 'w') as z:
    for i in range(6000):
        z.writestr('word/p%d.xml' % i, '')
    z.writestr('word/document.xml', '<w:document/>')
# Entities and an external reference in document.xml.
src = zipfile.ZipFile(os.path.join(out, 'seed.docx'))
for name, doctype in (
        ('entity.docx', '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
         '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'),
        ('external.docx', '<!DOCTYPE w:document [<!ENTITY x SYSTEM '
         '"file:///etc/passwd">]>')):
    with zipfile.ZipFile(os.path.join(out, name), 'w', zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == 'word/document.xml':
                s = data.decode('utf-8')
                s = s.replace('?>', '?>' + doctype, 1)
                s = s.replace('<w:t>', '<w:t>&b;' if name == 'entity.docx' else
                              '<w:t>&x;', 1)
                data = s.encode('utf-8')
            z.writestr(info.filename, data)


def simple(path, tables):
    d = docx.Document()
    d.add_heading('รายงาน ปี ๒๕๖๖', level=0)
    d.add_paragraph('๑. มาตรการ (IIT)')
    for rows_ in tables:
        t = d.add_table(rows=0, cols=max(len(r) for r in rows_))
        for r in rows_:
            row = t.add_row()
            for i, v in enumerate(r):
                row.cells[i].text = v
    d.save(path)


simple(os.path.join(out, 'noheader.docx'),
       [[['ก', 'ข', 'ค', 'ง', 'จ'], ['๑', '๒', '๓', '๔', '๕']]])
simple(os.path.join(out, 'empty.docx'), [[HEADER], [['', '', '', '', '']]])
simple(os.path.join(out, 'headeronly.docx'), [[HEADER]])
simple(os.path.join(out, 'badcells.docx'), [[HEADER,
       ['๑. มาตรการหนึ่ง', 'ทำ', 'เจ้าพนักงาน ธุรการ', 'สักวันหนึ่ง', 'ดีมาก'],
       ['', 'ทำ', 'เจ้าพนักงาน ธุรการ', 'ม.ค. ๖๖', 'ดำเนินการครบถ้วน ๑๐๐ %'],
       ['๓. มาตรการสาม', 'ทำ', '', 'ม.ค. ๖๖', 'ดำเนินการครบถ้วน ๑๐๐ %']]])
simple(os.path.join(out, 'unmapped.docx'), [[HEADER + ['หมายเหตุ'],
       ['๑. มาตรการหนึ่ง', 'ทำ', 'เจ้าพนักงาน ธุรการ', 'ต.ค. ๖๕ - ก.ย. ๖๖',
        'อยู่ระหว่างดำเนินการ ๕๐ %', 'ดูภาคผนวก']]])
d = docx.Document()
d.add_paragraph('ไม่มีตาราง')
d.save(os.path.join(out, 'notable.docx'))

