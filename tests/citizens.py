#!/usr/bin/python3
"""tests/citizens.py: the checks of tests/citizens.sh on one built site.

usage: citizens.py OUTPUT CONTENT STRINGS

OUTPUT is the built site, CONTENT its content/ folder (the truth the
pages must agree with: each measure's fiscal_year and status, read with
python3-yaml), STRINGS the theme's strings folder.  Prints PASS:/FAIL:
lines and exits 1 if any check failed.
"""
import csv
import io
import json
import os
import re
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import yaml

OUT, CONTENT, STRINGS = sys.argv[1:4]
failed = 0


def result(name, problems):
    global failed
    if problems:
        failed += 1
        print("FAIL: citizens/%s: %s" % (name, "; ".join(problems[:6])))
    else:
        print("PASS: citizens/%s" % name)


class Page(HTMLParser):
    """The links of a page, and those inside elements of some classes."""

    def __init__(self, classes=()):
        super().__init__()
        self.links, self.inside, self.classes = [], {}, classes
        self.stack = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = set((a.get("class") or "").split())
        self.stack.append((tag, cls & set(self.classes)))
        if tag == "a" and a.get("href"):
            self.links.append((a["href"], [c for _, cs in self.stack
                                           for c in cs]))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break


def parse(rel, classes=()):
    p = Page(classes)
    with open(os.path.join(OUT, rel), encoding="utf-8") as f:
        p.feed(f.read())
    return p


def resolve(page, href):
    """A relative link of page (a site path) as a site path."""
    u = urllib.parse.urljoin("http://x/" + page, href)
    return urllib.parse.unquote(urllib.parse.urlsplit(u).path[1:])


# The truth: every measure's year and status, from its front matter.
truth = {}
for d, _, files in os.walk(os.path.join(CONTENT, "measures")):
    for fn in files:
        with open(os.path.join(d, fn), encoding="utf-8") as f:
            fm = yaml.safe_load(f.read().split("---")[1])
        truth[fn[:-3]] = (int(fm["fiscal_year"]), fm["status"])
STATUSES = ["planned", "in-progress", "done", "cancelled"]
years = sorted({y for y, _ in truth.values()})

# Every status page lists exactly its measures; no page for an empty status.
p = []
pages = 0
for y in years:
    for s in STATUSES:
        want = sorted(k for k, v in truth.items() if v == (y, s))
        rel = "%d/status/%s/index.html" % (y, s)
        if not want:
            if os.path.exists(os.path.join(OUT, rel)):
                p.append("%s exists for no measure" % rel)
            continue
        if not os.path.exists(os.path.join(OUT, rel)):
            p.append("no %s" % rel)
            continue
        pages += 1
        got = sorted({resolve(rel, h).split("/")[2]
                      for h, cls in parse(rel, ("card-title",)).links
                      if "card-title" in cls})
        if got != want:
            p.append("%s lists %s, content has %s" % (rel, got, want))
if sorted({s for _, s in truth.values()}) != sorted(STATUSES):
    p.append("the fixture lacks a status")
result("status pages list exactly their measures (%d pages)" % pages, p)

# The year pages' status counts link to them, and say the right numbers.
p = []
for y in years:
    rel = "%d/index.html" % y
    with open(os.path.join(OUT, rel), encoding="utf-8") as f:
        html = f.read()
    links = {resolve(rel, h) for h, cls in parse(rel).links}
    for s in STATUSES:
        n = sum(1 for v in truth.values() if v == (y, s))
        target = "%d/status/%s/index.html" % (y, s)
        if (target in links) != (n > 0):
            p.append("%s: link to %s is %s for %d measures" %
                     (rel, target, target in links, n))
    counts = re.findall(r'<span class="status-num">([^<]*)</span>', html)
    thai = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
    want = [str(sum(1 for v in truth.values() if v == (y, s)))
            for s in STATUSES]
    if [c.translate(thai) for c in counts[:4]] != want:
        p.append("%s: counts %s, content %s" % (rel, counts[:4], want))
    if 'class="status-bar"' not in html:
        p.append("%s: no status bar" % rel)
result("year pages: status counts equal the content and link to the "
       "status pages", p)

# The home page lists what is not finished in the current year.
p = []
cur = max(years)
want = sorted(k for k, v in truth.items()
              if v[0] == cur and v[1] in ("planned", "in-progress"))
home = parse("index.html", ("unfinished-list",))
got = sorted({resolve("index.html", h).split("/")[2]
              for h, cls in home.links if "unfinished-list" in cls and
              "/measures/" in resolve("index.html", h)})
if got != want:
    p.append("lists %s, content has %s" % (got, want))
result("home page lists the unfinished measures (%d)" % len(want), p)

# A feed per owner.
owners = sorted(d for d in os.listdir(os.path.join(OUT, "owners"))
                if os.path.isdir(os.path.join(OUT, "owners", d)))
p = [d for d in owners
     if not os.path.isfile(os.path.join(OUT, "owners", d, "feed.xml"))]
result("every owner has a feed (%d)" % len(owners),
       ["no feed: %s" % ", ".join(p)] if p else [])

# CSV injection: each case in both CSVs, read back with csv.
with open(os.path.join(OUT, "data", "measures.json"), encoding="utf-8") as f:
    js = {m["slug"]: m for m in json.load(f)["measures"]}
cases = [("procurement-plan", "summary", "="), ("it-helpdesk", "title", "+"),
         ("budget-disclosure", "summary", "-"),
         ("it-helpdesk", "owners", "@"), ("complaints", "summary", "\t"),
         ("mobile-office", "summary", "\r"),
         ("budget-disclosure", "evidence", "=")]
for name, header_of in (("measures.csv", None), ("measures-th.csv", 1)):
    p = []
    with open(os.path.join(OUT, "data", name), encoding="utf-8-sig",
              newline="") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    eng = ["slug", "fiscal_year", "title", "areas", "indicator", "order",
           "owners", "period_start", "period_end", "published", "status",
           "progress", "summary", "url", "update_count", "last_update",
           "evidence"]
    by = {r[0]: dict(zip(eng, r)) for r in body}
    for slug, col, first in cases:
        v = js[slug][col]
        if col == "owners":
            v = " | ".join(v)
        elif col == "evidence":
            v = " | ".join("%s <%s>" % (e["title"], e["url"]) for e in v)
        if not v.startswith(first):
            p.append("JSON %s.%s is %r, not the exact value" % (slug, col, v))
        cell = by.get(slug, {}).get(col)
        if cell != "'" + v:
            p.append("%s.%s: CSV %r, expected %r" % (slug, col, cell,
                                                     "'" + v))
    if by.get("procurement-plan", {}).get("order") != "-5":
        p.append("order -5 is not the number -5: %r" %
                 by.get("procurement-plan", {}).get("order"))
    for slug, r in by.items():
        for col, cell in r.items():
            if cell[:1] in ("=", "+", "@", "\t", "\r") or \
                    (cell[:1] == "-" and not re.match(r"^-[0-9]+$", cell)):
                p.append("%s.%s starts a formula: %r" % (slug, col, cell))
    result("%s: formula cells start with ' (%d cases), the JSON is exact"
           % (name, len(cases)), p)

# The data dictionary names every column, and the theme says what each holds.
p = []
with open(os.path.join(OUT, "data", "index.html"), encoding="utf-8") as f:
    html = f.read()
for c in eng:
    if "<code>%s</code>" % c not in html:
        p.append("%s not on data/" % c)
for lang in ("th", "en"):
    ids = {s.get("id") for s in ET.parse(os.path.join(STRINGS, lang +
                                                      ".xml")).getroot()}
    p += ["%s.xml has no dd-%s" % (lang, c) for c in eng
          if "dd-" + c not in ids]
result("data dictionary page lists every column with its meaning", p)

sys.exit(1 if failed else 0)
