#!/usr/bin/env python3
"""Generate a synthetic Prongsai site of N measures, for the benchmark.

    gen.py N OUTDIR [--hugo OUTDIR2]

OUTDIR receives a complete Prongsai site: content/site.yaml,
content/reports/YEAR.md and content/measures/YEAR/SLUG.md for N measures spread over fiscal years
2566-2568, every area, indicator, status and period form, 1-4 owners from a
pool of about 200 Thai position titles with unit names, 0-5 updates, https
evidence links and a Thai Markdown body of 1-4 KB.

With --hugo OUTDIR2, the same measures are also written as the content
folder of a Hugo site (bench/hugo/ holds its config and layouts):
OUTDIR2/content/YEAR/measures/SLUG.md with Hugo front matter (title, date
from the publication or the period start, lastmod from the last update, an
`owners` taxonomy list, the other fields as page params, the period bounds
in the common era, and a weight: the measure's rank in Prongsai's order,
oldest year first and then report order, so that Hugo's ByWeight lists and
splits the lists in parts as Prongsai does) and the same Markdown bodies,
and an _index.md for the home page, each year (YEAR/), its areas
(YEAR/iit/...) and report (YEAR/report/, with the report's introduction)
and measures by status (YEAR/status/STATUS/), each area's feed
(iit/feed.xml), the data dictionary (data/), each year's open data
(data/YEAR/) and the owner list, so that Hugo writes the same paths as
Prongsai.

Report order is `order` (measures without one last), then the title in
Thai dictionary order, then the slug.  Prongsai orders titles by libthai's
th_strxfrm; gen.py calls the same function through ctypes, and without
libthai falls back to code point order (with a warning: the Hugo site's
parts may then hold other measures than Prongsai's).

Deterministic: everything comes from one random.Random(42); no clock, no
hash ordering.  The same N gives byte-identical files, and the first K
measures of a bigger N are the measures of N = K (but for the Hugo
weights, ranks among all N).  Standard library only (and libthai, which
Prongsai needs anyway, through ctypes).
"""

import calendar
import datetime
import os
import random
import sys

YEARS = (2566, 2567, 2568)
AREA_OF = {1: "IIT", 2: "IIT", 3: "IIT", 4: "IIT", 5: "IIT",
           6: "EIT", 7: "EIT", 8: "EIT", 9: "OIT", 10: "OIT"}
AREAS = ("IIT", "EIT", "OIT")
STATUSES = ("planned", "in-progress", "done", "cancelled")
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
               "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")

POSITIONS = (
    "ปลัดองค์การบริหารส่วนตำบล", "รองปลัดองค์การบริหารส่วนตำบล",
    "ผู้อำนวยการกอง", "หัวหน้าฝ่าย", "นักวิเคราะห์นโยบายและแผน",
    "นักทรัพยากรบุคคล", "นิติกร", "นักจัดการงานทั่วไป",
    "นักวิชาการเงินและบัญชี", "นักวิชาการพัสดุ", "นักวิชาการจัดเก็บรายได้",
    "นักวิชาการคอมพิวเตอร์", "นักประชาสัมพันธ์", "นักพัฒนาชุมชน",
    "เจ้าพนักงานธุรการ", "เจ้าพนักงานการเงินและบัญชี", "เจ้าพนักงานพัสดุ",
    "เจ้าพนักงานจัดเก็บรายได้", "นายช่างโยธา", "ผู้ช่วยเจ้าพนักงานธุรการ",
)
UNITS = (
    "สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม",
    "กองสาธารณสุขและสิ่งแวดล้อม", "กองสวัสดิการสังคม", "กองยุทธศาสตร์และงบประมาณ",
    "หน่วยตรวจสอบภายใน", "งานการเจ้าหน้าที่", "งานนิติการ",
)

TOPICS = (
    ("เปิดเผยข้อมูลการจัดซื้อจัดจ้างรายเดือน", "procurement-disclosure"),
    ("ประชาสัมพันธ์ช่องทางการร้องเรียนการทุจริต", "complaint-channels"),
    ("จัดทำคู่มือการปฏิบัติงานและเผยแพร่ต่อสาธารณะ", "operations-manual"),
    ("สร้างการรับรู้หลักเกณฑ์การใช้ทรัพย์สินของทางราชการ", "asset-rules"),
    ("ชี้แจงแผนการใช้จ่ายงบประมาณประจำปีแก่บุคลากร", "budget-briefing"),
    ("ส่งเสริมความโปร่งใสในการบริหารงานบุคคล", "hr-transparency"),
    ("พัฒนาระบบการให้บริการประชาชนผ่านช่องทางออนไลน์", "e-service"),
    ("สำรวจความพึงพอใจของผู้รับบริการ", "satisfaction-survey"),
    ("ปรับปรุงขั้นตอนการให้บริการให้สั้นลง", "service-streamlining"),
    ("อบรมเสริมสร้างคุณธรรมและจริยธรรมของบุคลากร", "ethics-training"),
    ("ประกาศเจตจำนงสุจริตของผู้บริหาร", "integrity-pledge"),
    ("จัดทำแผนป้องกันการทุจริตประจำปี", "anti-corruption-plan"),
    ("ประเมินความเสี่ยงการทุจริตและผลประโยชน์ทับซ้อน", "risk-assessment"),
    ("เผยแพร่รายงานผลการดำเนินงานประจำปี", "annual-report"),
    ("เปิดโอกาสให้ประชาชนมีส่วนร่วมในการตรวจสอบ", "public-participation"),
    ("ควบคุมการใช้รถราชการและวัสดุสำนักงาน", "vehicle-control"),
    ("พัฒนาเว็บไซต์หน่วยงานให้เข้าถึงง่าย", "website-upgrade"),
    ("จัดทำมาตรฐานการให้บริการและเผยแพร่", "service-standard"),
    ("รายงานผลการจัดเก็บรายได้ต่อสาธารณะ", "revenue-report"),
    ("ส่งเสริมการใช้จ่ายงบประมาณอย่างคุ้มค่า", "budget-efficiency"),
)
TITLE_SUFFIX = (
    "", " ประจำปีงบประมาณ", " ระยะที่ ๑", " ระยะที่ ๒", " ของหน่วยงาน",
    " แบบบูรณาการ", " ในระดับตำบล", " ร่วมกับภาคประชาชน",
)

SUBJECTS = (
    "หน่วยงาน", "คณะทำงานขับเคลื่อนการประเมิน ITA", "ผู้บริหารท้องถิ่น",
    "เจ้าหน้าที่ผู้รับผิดชอบ", "สำนักปลัด", "กองคลัง", "บุคลากรทุกระดับ",
    "งานประชาสัมพันธ์", "คณะกรรมการตรวจรับพัสดุ", "หน่วยตรวจสอบภายใน",
)
VERBS = (
    "ได้ดำเนินการ", "ได้จัดทำ", "ได้เผยแพร่", "ได้ประชาสัมพันธ์", "ได้ทบทวน",
    "ได้รวบรวมและวิเคราะห์", "ได้ติดตามและประเมินผล", "ได้ชี้แจง",
    "ได้ปรับปรุง", "ได้จัดประชุมเพื่อพิจารณา",
)
OBJECTS = (
    "ข้อมูลการจัดซื้อจัดจ้างตามแบบ สขร.๑",
    "แผนปฏิบัติการป้องกันการทุจริต",
    "คู่มือการปฏิบัติงานด้านการให้บริการประชาชน",
    "หลักเกณฑ์การยื่นและใช้ทรัพย์สินของทางราชการ",
    "ประกาศเจตจำนงสุจริตในการบริหารงาน",
    "รายงานผลการใช้จ่ายงบประมาณรายไตรมาส",
    "ข้อมูลข่าวสารที่สาธารณชนควรทราบ",
    "ผลการสำรวจความพึงพอใจของผู้รับบริการ",
    "มาตรฐานการปฏิบัติงานและระยะเวลาการให้บริการ",
    "ช่องทางการแจ้งเรื่องร้องเรียนและข้อเสนอแนะ",
    "ประมวลจริยธรรมของเจ้าหน้าที่ของรัฐ",
    "แนวทางการป้องกันผลประโยชน์ทับซ้อน",
)
MANNERS = (
    "ผ่านเว็บไซต์ของหน่วยงาน", "ทางเฟซบุ๊กและไลน์ของหน่วยงาน",
    "ในการประชุมประจำเดือนของพนักงาน", "ผ่านบอร์ดประชาสัมพันธ์หน้าสำนักงาน",
    "ด้วยหนังสือเวียนถึงทุกส่วนราชการ", "ทางหอกระจายข่าวของหมู่บ้าน",
    "ในการประชุมประชาคมหมู่บ้าน", "ผ่านระบบสารบรรณอิเล็กทรอนิกส์",
)
ENDINGS = (
    "เพื่อให้ประชาชนและผู้มีส่วนได้ส่วนเสียได้รับทราบอย่างทั่วถึง",
    "ให้เป็นไปตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐",
    "เพื่อยกระดับผลการประเมินคุณธรรมและความโปร่งใสของหน่วยงาน",
    "โดยยึดหลักธรรมาภิบาลและความคุ้มค่าของงบประมาณ",
    "และรายงานผลให้ผู้บริหารทราบทุกไตรมาส",
    "ทั้งนี้ได้จัดเก็บหลักฐานไว้เพื่อการตรวจสอบ",
    "ซึ่งได้รับความร่วมมือเป็นอย่างดีจากทุกส่วนราชการ",
    "เพื่อป้องกันการทุจริตและประพฤติมิชอบในหน่วยงาน",
)
RESULTS = (
    "ดำเนินการครบถ้วนตามแผนที่กำหนด",
    "ผู้เข้าร่วมอบรมมีความรู้ความเข้าใจเพิ่มขึ้นร้อยละ ๘๕",
    "เผยแพร่ข้อมูลครบทุกเดือนตามกำหนดเวลา",
    "ไม่พบเรื่องร้องเรียนเกี่ยวกับการทุจริตในรอบปี",
    "ผลการสำรวจความพึงพอใจอยู่ในระดับมาก",
    "ลดระยะเวลาการให้บริการลงจากเดิมร้อยละ ๓๐",
    "บุคลากรลงนามรับทราบแนวทางครบทุกคน",
    "มีผู้เข้าชมข้อมูลบนเว็บไซต์เพิ่มขึ้นอย่างต่อเนื่อง",
    "อยู่ระหว่างรวบรวมข้อมูลเพื่อรายงานผลรอบถัดไป",
    "ได้นำข้อเสนอแนะไปปรับปรุงการปฏิบัติงานแล้ว",
)
STEPS = (
    "แต่งตั้งคณะทำงานและมอบหมายผู้รับผิดชอบ",
    "จัดทำแผนและกำหนดกรอบระยะเวลาการดำเนินงาน",
    "ประชุมชี้แจงแนวทางแก่บุคลากรที่เกี่ยวข้อง",
    "รวบรวมข้อมูลและหลักฐานประกอบการดำเนินงาน",
    "เผยแพร่ข้อมูลผ่านช่องทางที่ประชาชนเข้าถึงได้",
    "ติดตามผลและรายงานต่อผู้บริหารเป็นระยะ",
    "สรุปผลการดำเนินงานและข้อเสนอแนะเพื่อการปรับปรุง",
    "จัดเก็บเอกสารหลักฐานในระบบสารบรรณ",
)
NOTES = (
    "เริ่มดำเนินการตามแผน", "จัดประชุมคณะทำงานครั้งที่ ๑",
    "รายงานผลรอบ ๖ เดือน", "เผยแพร่ข้อมูลบนเว็บไซต์แล้ว",
    "ปรับแผนตามข้อเสนอของผู้บริหาร", "รวบรวมหลักฐานครบถ้วน",
    "รายงานผลการดำเนินงานรอบ ต.ค. – เม.ย.", "ชะลอการดำเนินงานเนื่องจากงบประมาณ",
)
EVIDENCE = (
    "ประกาศเจตจำนงสุจริต", "รายงานสรุปผลการจัดซื้อจัดจ้าง",
    "คำสั่งแต่งตั้งคณะทำงาน", "ภาพกิจกรรมการอบรม",
    "รายงานการประชุม", "แบบสำรวจความพึงพอใจ", "คู่มือการปฏิบัติงาน",
    "หนังสือเวียนแจ้งบุคลากร",
)
HOSTS = ("www.example.go.th", "ita.example.go.th", "data.example.go.th")


def thai(n):
    return str(n).translate(THAI_DIGITS)


def fiscal_bounds(fy):
    ce = fy - 543
    return datetime.date(ce - 1, 10, 1), datetime.date(ce, 9, 30)


def month_end(d):
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def yq(s):
    """A YAML scalar: plain when safe, double-quoted otherwise."""
    if s == "" or s[0] in "-?:,[]{}#&*!|>'\"%@`" or ": " in s or " #" in s \
            or s.strip() != s or s.lower() in ("true", "false", "yes", "no",
                                               "on", "off", "null", "~"):
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


class Gen:
    def __init__(self):
        self.r = random.Random(42)
        r = self.r
        pool = [p + " " + u for p in POSITIONS for u in UNITS]
        r.shuffle(pool)
        self.owners = sorted(pool[:200])

    def sentence(self):
        r = self.r
        subj = r.choice(SUBJECTS)
        if subj[-1].isascii():
            subj += " "
        return "%s%s%s %s %s" % (subj, r.choice(VERBS),
                                 r.choice(OBJECTS), r.choice(MANNERS),
                                 r.choice(ENDINGS))

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(self.r.randint(1, 3)))

    def body(self, topic_slug):
        r = self.r
        target = r.randint(1024, 4096)
        out = ["## วิธีการดำเนินการ", ""]
        steps = r.sample(STEPS, r.randint(2, 5))
        if r.random() < 0.5:
            for i, s in enumerate(steps, 1):
                out.append("%d. %s" % (i, s))
        else:
            for i, s in enumerate(steps, 1):
                out.append("%s. %s" % (thai(i), s))
                out.append("")
        out.append("")
        out.append(self.paragraph())
        out += ["", "## ผลการดำเนินงาน", ""]
        out.append("**%s**" % r.choice(RESULTS))
        out.append("")
        if r.random() < 0.25:
            out += ["| ไตรมาส | ผลการดำเนินงาน | ร้อยละ |", "|---|---|---:|"]
            for q in range(1, 5):
                out.append("| ไตรมาสที่ %s | %s | %s |" % (
                    thai(q), r.choice(RESULTS), thai(r.randint(40, 100))))
            out.append("")
        for _ in range(r.randint(2, 5)):
            mark = r.choice(("- ", "- ", "- [x] ", "- [ ] "))
            out.append(mark + r.choice(RESULTS))
        out.append("")
        if r.random() < 0.4:
            out.append("รายละเอียดเพิ่มเติมดูได้ที่ [เว็บไซต์หน่วยงาน](https://%s/%s/) "
                       "หรือ https://%s/ita" % (r.choice(HOSTS), topic_slug,
                                                 r.choice(HOSTS)))
            out.append("")
        text = "\n".join(out)
        while len(text.encode()) < target:
            text += "\n" + self.paragraph() + "\n"
        return text.rstrip("\n") + "\n"

    def period(self, fy):
        """(front matter lines, start date, (start, end) as ISO text in the
        common era, YYYY-MM for a month) for one measure."""
        r = self.r
        lo, hi = fiscal_bounds(fy)
        kind = r.randrange(6)
        if kind == 0:
            return ["period: whole-year"], lo, (lo.isoformat(), hi.isoformat())
        if kind == 1:
            # Thai wording: months of the fiscal year, two-digit years
            a, b = sorted(r.sample(range(12), 2))
            sm, em = (a + 9) % 12 + 1, (b + 9) % 12 + 1
            sy = fy - 1 if sm >= 10 else fy
            ey = fy - 1 if em >= 10 else fy
            s = '"%s %s - %s %s"' % (THAI_MONTHS[sm - 1], thai(sy % 100),
                                     THAI_MONTHS[em - 1], thai(ey % 100))
            return ["period: " + s], datetime.date(sy - 543, sm, 1), (
                "%04d-%02d" % (sy - 543, sm), "%04d-%02d" % (ey - 543, em))
        span = (hi - lo).days
        d1 = lo + datetime.timedelta(days=r.randrange(span - 30))
        d2 = d1 + datetime.timedelta(days=r.randint(0, (hi - d1).days))
        be = r.random() < 0.3
        def fmt(d, month):
            y = d.year + 543 if be else d.year
            return "%04d-%02d" % (y, d.month) if month else \
                "%04d-%02d-%02d" % (y, d.month, d.day)
        sm = kind in (2, 4)
        em = kind in (2, 5)
        start = d1.replace(day=1) if sm else d1
        ce = lambda d, month: "%04d-%02d" % (d.year, d.month) if month \
            else d.isoformat()
        return ["period:", "  start: " + fmt(d1, sm),
                "  end: " + fmt(d2, em)], start, (ce(d1, sm), ce(d2, em))

    def measure(self, i):
        r = self.r
        fy = YEARS[i % 3]
        indicator = r.randint(1, 10)
        areas = [AREA_OF[indicator]]
        for a in AREAS:
            if a not in areas and r.random() < 0.2:
                areas.append(a)
        areas.sort(key=AREAS.index)
        topic, tslug = r.choice(TOPICS)
        title = topic + r.choice(TITLE_SUFFIX)
        slug = "%s-%06d" % (tslug, i)
        status = r.choice(STATUSES)
        progress = {"planned": 0, "done": 100}.get(status, r.randint(5, 95))
        if status == "cancelled":
            progress = r.randint(0, 60)
        owners = r.sample(self.owners, r.randint(1, 4))
        plines, start, pce = self.period(fy)
        lo, hi = fiscal_bounds(fy)
        fm = ["title: " + yq(title),
              "fiscal_year: " + (thai(fy) if r.random() < 0.2 else str(fy))]
        if len(areas) == 1 and r.random() < 0.5:
            fm.append("areas: " + areas[0])
        else:
            fm.append("areas: [%s]" % ", ".join(areas))
        fm.append("indicator: %d" % indicator)
        order = r.randint(1, 500) if r.random() < 0.8 else None
        if order is not None:
            fm.append("order: %d" % order)
        fm.append("owners:")
        fm += ["  - " + yq(o) for o in owners]
        fm += plines
        fm.append("status: " + status)
        fm.append("progress: %d" % progress)
        summary = r.choice(OBJECTS) + " " + r.choice(MANNERS)
        fm.append("summary: " + yq(summary))
        evidence = []
        for _ in range(r.randint(0, 3)):
            evidence.append((r.choice(EVIDENCE) + " " + thai(fy),
                             "https://%s/ita/%d/%s/%d.pdf" % (
                                 r.choice(HOSTS), fy, slug, r.randint(1, 99))))
        if evidence:
            fm.append("evidence:")
            for t, u in evidence:
                fm += ["  - title: " + yq(t), "    url: " + u]
        updates = []
        n_up = r.randint(0, 5)
        if n_up:
            days = sorted(r.sample(range((hi - lo).days + 1), n_up))
            for k, dd in enumerate(days):
                d = lo + datetime.timedelta(days=dd)
                p = progress if k == n_up - 1 else \
                    min(progress, (k + 1) * 100 // (n_up + 1))
                st = status if k == n_up - 1 else "in-progress"
                updates.append((d, p, st, r.choice(NOTES)))
            fm.append("updates:")
            for d, p, st, note in updates:
                fm.append("  - date: %s" % d.isoformat())
                fm.append("    progress: %d" % p)
                fm.append("    status: " + st)
                fm.append("    note: " + yq(note))
        published = None
        if r.random() < 0.5:
            published = lo + datetime.timedelta(days=r.randrange(30))
            fm.append("published: %s" % published.isoformat())
        fm.append("draft: false")
        body = self.body(tslug)
        return {
            "fy": fy, "slug": slug, "title": title, "areas": areas,
            "indicator": indicator, "owners": owners, "status": status,
            "progress": progress, "summary": summary, "start": start,
            "evidence": evidence, "updates": updates,
            "order": order, "fm": fm, "body": body, "period": pce,
            "published": published,
        }


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def thai_sort_key():
    """A function giving a title's key in Thai dictionary order, the key
    Prongsai sorts titles by (thaitext.c, collate_key: libthai's
    th_strxfrm over the TIS-620 form, '~' for what TIS-620 lacks)."""
    import ctypes
    import ctypes.util
    try:
        lib = ctypes.CDLL(ctypes.util.find_library("thai") or "libthai.so.0")
        xfrm = lib.th_strxfrm
    except (OSError, AttributeError):
        sys.stderr.write("gen.py: libthai not found: the Hugo weights sort "
                         "titles by code point, not as Prongsai does\n")
        return lambda s: s.encode("utf-8")
    xfrm.restype = ctypes.c_size_t
    xfrm.argtypes = (ctypes.c_char_p, ctypes.c_char_p, ctypes.c_size_t)

    def one(c):
        try:
            b = c.encode("tis_620")
        except UnicodeEncodeError:
            return b"~"
        return b if b != b"\0" else b"~"

    def key(s):
        tis = b"".join(map(one, s))
        n = len(tis) * 8 + 16
        buf = ctypes.create_string_buffer(n)
        k = xfrm(buf, tis, n)
        return buf.raw[:min(k, n - 1)].split(b"\0", 1)[0]
    return key


# Each Hugo measure file starts with its weight, written once all measures
# are known (a fixed-width number, patched in place).
WEIGHT_AT = len("---\nweight: ")
WEIGHT_WIDTH = 9


def hugo_fm(m):
    last = m["updates"][-1][0] if m["updates"] else \
        (m["published"] or m["start"])
    fm = ["weight: " + " " * WEIGHT_WIDTH,
          "title: " + yq(m["title"]),
          "date: " + (m["published"] or m["start"]).isoformat(),
          "lastmod: " + last.isoformat(),
          "period_start: \"%s\"" % m["period"][0],
          "period_end: \"%s\"" % m["period"][1],
          "areas: [%s]" % ", ".join(m["areas"]),
          "fiscal_year: %d" % m["fy"],
          "indicator: %d" % m["indicator"],
          "owners:"]
    fm += ["  - " + yq(o) for o in m["owners"]]
    if m["order"] is not None:
        fm.append("order: %d" % m["order"])
    if m["published"] is not None:
        fm.append("published: \"%s\"" % m["published"].isoformat())
    fm += ["status: " + m["status"], "progress: %d" % m["progress"],
           "summary: " + yq(m["summary"])]
    if m["evidence"]:
        fm.append("evidence:")
        for t, u in m["evidence"]:
            fm += ["  - title: " + yq(t), "    url: " + u]
    if m["updates"]:
        fm.append("updates:")
        for d, p, st, note in m["updates"]:
            fm += ["  - date: \"%s\"" % d.isoformat(), "    progress: %d" % p,
                   "    status: " + st, "    note: " + yq(note)]
    return fm


SITE_YAML = """\
title: ศูนย์ข้อมูลความโปร่งใส (ชุดทดสอบสมรรถนะ)
organization: หน่วยงานทดสอบสมรรถนะ
base_url: https://bench.example.go.th/ita/
language: th
digits: thai
description: เว็บไซต์สังเคราะห์สำหรับวัดความเร็วของ Prongsai
current_year: 2568
feed_limit: 50
"""


AREA_DIRS = {"IIT": "iit", "EIT": "eit", "OIT": "oit"}
# The report's title and introduction (Prongsai: reports/YEAR.md; Hugo: the
# report section's _index.md)
REPORT_TITLE = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
REPORT_INTRO = "รายงานผลการดำเนินการตามมาตรการของปีงบประมาณ %d\n"


def hugo_sections(hugo):
    """The list pages of the Hugo site: the home page, a section per
    fiscal year with a nested section per area and the report, a
    feed-only section per area (/iit/feed.xml) and the owners taxonomy."""
    def page(path, fm):
        write(os.path.join(hugo, "content", path, "_index.md"),
              "---\n" + "\n".join(fm) + "\n---\n")
    page("", ["title: " + yq(SITE_YAML.split("\n")[0][7:])])
    page("owners", ["title: ผู้รับผิดชอบทั้งหมด"])
    page("data", ["title: ข้อมูลเปิด", "type: datadict"])
    for fy in YEARS:
        page(str(fy), ["title: ปีงบประมาณ " + thai(fy), "type: year",
                       "year: %d" % fy])
        page("data/%d" % fy, ["title: " + str(fy), "type: yeardata",
                              "year: %d" % fy,
                              "outputs: [ydatajson, ydatacsv, ydatacsvth]"])
        write(os.path.join(hugo, "content", "%d/report" % fy, "_index.md"),
              "---\n" + "\n".join(["title: " + REPORT_TITLE + " ปีงบประมาณ "
                                   + thai(fy), "type: report",
                                   "year: %d" % fy]) + "\n---\n"
              + REPORT_INTRO % fy)
        for st in STATUSES:
            page("%d/status/%s" % (fy, st), ["title: " + st, "type: status",
                                             "year: %d" % fy, "status: " + st])
        for a in AREAS:
            page("%d/%s" % (fy, AREA_DIRS[a]),
                 ["title: " + a, "type: area", "year: %d" % fy,
                  "area: " + a])
    for a in AREAS:
        page(AREA_DIRS[a], ["title: " + a, "type: areafeed", "area: " + a,
                            "outputs: [feed]"])


def main(argv):
    args = list(argv[1:])
    hugo = None
    if "--hugo" in args:
        k = args.index("--hugo")
        if k + 1 >= len(args):
            sys.exit("usage: gen.py N OUTDIR [--hugo OUTDIR2]")
        hugo = args[k + 1]
        del args[k:k + 2]
    if len(args) != 2 or not args[0].isdigit():
        sys.exit("usage: gen.py N OUTDIR [--hugo OUTDIR2]")
    n, out = int(args[0]), args[1]
    g = Gen()
    write(os.path.join(out, "content", "site.yaml"), SITE_YAML)
    # Each year that has measures has its report file, as a real site
    # does (check warns of a year without one).
    for fy in sorted({YEARS[i % 3] for i in range(n)}):
        write(os.path.join(out, "content", "reports", "%d.md" % fy),
              "---\nfiscal_year: %d\ntitle: %s\n"
              "period: {start: %d-10, end: %d-09}\n"
              "---\n" % (fy, REPORT_TITLE, fy - 544, fy - 543)
              + REPORT_INTRO % fy)
    if hugo:
        hugo_sections(hugo)
        key = thai_sort_key()
        ranks = []
    for i in range(n):
        m = g.measure(i)
        write(os.path.join(out, "content", "measures", str(m["fy"]),
                           m["slug"] + ".md"),
              "---\n" + "\n".join(m["fm"]) + "\n---\n\n" + m["body"])
        if hugo:
            path = os.path.join(hugo, "content", str(m["fy"]), "measures",
                                m["slug"] + ".md")
            write(path,
                  "---\n" + "\n".join(hugo_fm(m)) + "\n---\n\n" + m["body"])
            ranks.append((m["fy"], m["order"] is None, m["order"] or 0,
                          key(m["title"]), m["slug"], path))
    if hugo:
        # Prongsai's order (index.c, measure_cmp), oldest year first
        ranks.sort()
        for k, r in enumerate(ranks):
            with open(r[-1], "r+b") as f:
                f.seek(WEIGHT_AT)
                f.write(b"%*d" % (WEIGHT_WIDTH, k + 1))


if __name__ == "__main__":
    main(sys.argv)
