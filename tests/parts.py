#!/usr/bin/python3
"""tests/parts.py: the checks of tests/parts.sh on one site built twice.

usage: parts.py PARTS WHOLE LIST REPORT

PARTS is the site built with list_size: LIST and report_size: REPORT,
WHOLE the same site built with both 0 (every list on one page), which
is the truth the parts are checked against.  For every list page of
WHOLE (a year, its areas, its statuses, an owner) and every report:
the parts are at ADDRESS/page/K/ for K = 2..N and no further, with
N = ceil(measures / size); each part but the last shows exactly size
measures and the last the rest; every measure is on exactly one part;
within each group (an area, an indicator, a sub-unit, a year of an
owner, a report's section) the parts in order show the whole page's
sequence; a report's rows keep their numbers, its introduction is on
the first part and its signature on the last; every part says "หน้า K
จาก N" in its title and heading, and its navigation marks itself, links
its neighbours with rel=prev and rel=next and resolves; a list not over
its size has no parts; sitemap.xml lists every part.  Prints PASS:/FAIL:
lines, exits 1 if any failed.
"""
import os
import re
import sys
import urllib.parse
from html.parser import HTMLParser

PARTS, WHOLE = sys.argv[1:3]
LIST, REPORT = int(sys.argv[3]), int(sys.argv[4])
failed = 0


def result(name, problems):
    global failed
    if problems:
        failed += 1
        print("FAIL: parts/%s: %s" % (name, "; ".join(problems[:6])))
    else:
        print("PASS: parts/%s" % name)


def thai(n):
    return str(n).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def clean(s):
    s = re.sub("[\u200b-\u200d\u2060\ufeff]", "", s)
    return re.sub(r"\s+", " ", s).strip()


class Page(HTMLParser):
    """What a list page shows: its cards or report rows, each with the
    headings of the group it is in, its title, h1, navigation of parts."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path = path
        self.items = []         # (group, slug, row number or None)
        self.heads = {}         # level -> text
        self.head = None        # level being read
        self.text = ""
        self.in_title = self.in_h1 = False
        self.title = self.h1 = ""
        self.in_main = False
        self.card = None        # heading level of the card's title
        self.in_row = False
        self.row = []           # cells of the report row being read
        self.cell = None
        self.nav = None         # [(href, text, rel, current)]
        self.in_nav = False
        self.link = None
        self.classes = set()
        self.tables = []        # classes of the tables the parser is in
        with open(path, encoding="utf-8") as f:
            self.feed(f.read())

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        self.classes.update(cls)
        if tag == "title":
            self.in_title = True
        elif tag == "main":
            self.in_main = True
        elif tag == "h1":
            self.in_h1 = True
        elif tag == "nav" and "parts" in cls:
            self.in_nav, self.nav = True, []
        elif tag == "a" and self.in_nav:
            self.link = [a.get("href"), "", a.get("rel"),
                         a.get("aria-current") == "page"]
        elif re.fullmatch("h[2-6]", tag) and self.in_main:
            if "card-title" in cls:
                self.card = tag
            else:
                self.head, self.text = int(tag[1]), ""
        elif tag == "a" and self.card and not self.in_row:
            self.add(a.get("href"), None)
        elif tag == "table":
            self.tables.append(cls)
        elif tag == "tr" and self.outer():
            self.in_row, self.row = True, []
        elif tag in ("td", "th") and self.in_row and self.outer():
            self.cell = ""
        elif tag == "a" and self.in_row and self.cell is not None:
            if "/measures/" in (a.get("href") or ""):
                self.row.append(("href", a.get("href")))

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag == "h1":
            self.in_h1 = False
        elif tag == "nav" and self.in_nav:
            self.in_nav = False
        elif tag == "a" and self.link is not None:
            self.link[1] = clean(self.link[1])
            self.nav.append(tuple(self.link))
            self.link = None
        elif tag == self.card:
            self.card = None
        elif self.head is not None and tag == "h%d" % self.head:
            self.heads = {k: v for k, v in self.heads.items()
                          if k < self.head}
            self.heads[self.head] = clean(self.text)
            self.head = None
        elif tag == "table" and self.tables:
            self.tables.pop()
        elif tag in ("td", "th") and self.cell is not None and \
                self.outer():
            self.row.append(("cell", clean(self.cell)))
            self.cell = None
        elif tag == "tr" and self.in_row and self.outer():
            self.in_row = False
            hrefs = [v for k, v in self.row if k == "href"]
            cells = [v for k, v in self.row if k == "cell"]
            if hrefs and cells:
                self.add(hrefs[0], cells[0])

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.in_h1:
            self.h1 += data
        if self.head is not None:
            self.text += data
        if self.link is not None:
            self.link[1] += data
        if self.cell is not None:
            self.cell += data

    def outer(self):
        """In a report's own table, not a table of a body in a cell?"""
        return bool(self.tables) and "report-table" in self.tables[-1]

    def add(self, href, number):
        m = re.search(r"measures/([^/]+)/", href or "")
        if m:
            group = tuple(v for k, v in sorted(self.heads.items()))
            self.items.append((group, m.group(1), number))


def target(page, href):
    """The file a relative link of page (a path under PARTS) points to."""
    u = urllib.parse.urlsplit(href)
    p = os.path.normpath(os.path.join(os.path.dirname(page),
                                      urllib.parse.unquote(u.path)))
    return p


def lists():
    """(kind, site path) of every list page and report of WHOLE."""
    out = []
    for d in sorted(os.listdir(WHOLE)):
        if not re.fullmatch(r"\d{4}", d):
            continue
        out.append(("year", d + "/"))
        for a in ("iit", "eit", "oit"):
            if os.path.exists(os.path.join(WHOLE, d, a, "index.html")):
                out.append(("area", "%s/%s/" % (d, a)))
        sd = os.path.join(WHOLE, d, "status")
        for s in sorted(os.listdir(sd)) if os.path.isdir(sd) else []:
            out.append(("status", "%s/status/%s/" % (d, s)))
        if os.path.exists(os.path.join(WHOLE, d, "report", "index.html")):
            out.append(("report", d + "/report/"))
    od = os.path.join(WHOLE, "owners")
    for o in sorted(os.listdir(od)):
        if os.path.isdir(os.path.join(od, o)):
            out.append(("owner", "owners/%s/" % o))
    return out


def part_path(base, k):
    return base if k == 1 else "%spage/%d/" % (base, k)


with open(os.path.join(PARTS, "index.html"), encoding="utf-8") as f:
    PARTS_BASE = re.search(r'<link rel="canonical" href="([^"]*)"', f.read()).group(1)
split = whole_ok = 0
sitemap = open(os.path.join(PARTS, "sitemap.xml"), encoding="utf-8").read()
for kind, base in lists():
    size = REPORT if kind == "report" else LIST
    whole = Page(os.path.join(WHOLE, base, "index.html"))
    slugs = list(dict.fromkeys(s for g, s, n in whole.items))
    n = max(1, -(-len(slugs) // size))
    name = "%s %s" % (kind, base)
    problems = []
    if not os.path.exists(os.path.join(PARTS, part_path(base, n),
                                       "index.html")):
        problems.append("part %d of %d is not there" % (n, n))
    if os.path.exists(os.path.join(PARTS, part_path(base, n + 1),
                                   "index.html")):
        problems.append("a part %d beyond %d" % (n + 1, n))
    if n == 1:
        whole_ok += 1
        if os.path.exists(os.path.join(PARTS, base, "page")):
            result(name, ["%d measures, not over %d, but it has parts"
                          % (len(slugs), size)])
        continue
    if problems:
        result(name, problems)
        continue
    split += 1
    seen = {}
    groups = {}
    for k in range(1, n + 1):
        path = part_path(base, k)
        f = os.path.join(PARTS, path, "index.html")
        p = Page(f)
        mine = list(dict.fromkeys(s for g, s, num in p.items))
        want = size if k < n else len(slugs) - size * (n - 1)
        if len(mine) != want:
            problems.append("part %d shows %d measures, not %d"
                            % (k, len(mine), want))
        for s in mine:
            if s in seen:
                problems.append("%s is on parts %d and %d"
                                % (s, seen[s], k))
            seen[s] = k
        for g, s, num in p.items:
            groups.setdefault(g, []).append((s, num))
        label = "หน้า %s จาก %s" % (thai(k), thai(n))
        if label not in clean(p.title) or label not in clean(p.h1):
            problems.append("part %d: title %r or heading %r lacks %r"
                            % (k, clean(p.title), clean(p.h1), label))
        if p.nav is None:
            problems.append("part %d has no navigation of parts" % k)
            continue
        cur = [h for h, t, rel, c in p.nav if c]
        if len(cur) != 1 or target(f, cur[0]) != os.path.normpath(f):
            problems.append("part %d: the navigation marks %r" % (k, cur))
        for want_rel, j in (("prev", k - 1), ("next", k + 1)):
            hs = [h for h, t, rel, c in p.nav if rel == want_rel]
            exp = os.path.normpath(os.path.join(PARTS, part_path(base, j),
                                                "index.html"))
            if 1 <= j <= n and (len(hs) != 1 or target(f, hs[0]) != exp):
                problems.append("part %d: rel=%s is %r" % (k, want_rel, hs))
            if not 1 <= j <= n and hs:
                problems.append("part %d: rel=%s on an end" % (k, want_rel))
        for h, t, rel, c in p.nav:
            if not os.path.exists(target(f, h)):
                problems.append("part %d: %s does not resolve" % (k, h))
        if kind == "report":
            if ("report-intro" in p.classes) != (k == 1) and \
                    "report-intro" in whole.classes:
                problems.append("part %d: introduction %s" % (
                    k, "missing" if k == 1 else "repeated"))
            if ("report-end" in p.classes) != (k == n) and \
                    "report-end" in whole.classes:
                problems.append("part %d: signature %s" % (
                    k, "missing" if k == n else "before the last part"))
        url = urllib.parse.quote(PARTS_BASE + path, safe="/:")
        if "<loc>%s</loc>" % url not in sitemap:
            problems.append("sitemap.xml lacks %s" % url)
    if set(seen) != set(slugs):
        problems.append("the parts show %d measures, the whole list %d"
                        % (len(seen), len(slugs)))
    wholeg = {}
    for g, s, num in whole.items:
        wholeg.setdefault(g, []).append((s, num))
    for g in wholeg:
        if groups.get(g) != wholeg[g]:
            problems.append("group %r: the parts show %s, the page %s" % (
                " / ".join(g), [s for s, x in groups.get(g, [])][:4],
                [s for s, x in wholeg[g]][:4]))
    result(name, problems)

result("some lists and reports are in parts, %d lists not over their size "
       "whole" % whole_ok,
       [] if split and whole_ok else
       ["no list was over its size, or every one: the test tests too little"])
sys.exit(1 if failed else 0)
