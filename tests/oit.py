"""tests/oit.py: the O-item checklist and the ITA scores of a built site.

Usage: oit.py SITE OUTPUT FRAMEWORK YEAR [complete]

SITE is the site folder (content/ inside), OUTPUT its built output,
FRAMEWORK the framework/YEAR.yaml the build used.  Reads the checklist
page YEAR/checklist/index.html and data/YEAR/oit.csv back and compares
both with the framework and with content/oit/YEAR.yaml: every item once,
in the framework's order, in its group, with its name; the address of
each item as the content file says (or the portal's own page for the
items the measures and the report answer); the page's links resolve to
files of the output and equal the CSV's absolute addresses; the items
not published are marked so on the page and empty in the CSV
("complete": none may be).  Then reads the scores back from the home
page and the year pages and compares them with content/scores/*.yaml.
Prints PASS:/FAIL: lines; exits 1 on any failure.
"""
import csv
import io
import os
import re
import sys
import urllib.parse

import yaml

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "lib"))
from htmltree import parse  # noqa: E402

THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

fails = 0


def check(name, problems):
    global fails
    if problems:
        fails += 1
        print("FAIL: oit/%s: %s" % (name, "\n    ".join(problems[:12])))
    else:
        print("PASS: oit/%s" % name)


def norm(u):
    """An absolute address compared as text: decoded, no index.html."""
    u = urllib.parse.unquote(u)
    return u[:-len("index.html")] if u.endswith("/index.html") else u


def main():
    site, out, fwpath, year = sys.argv[1:5]
    complete = "complete" in sys.argv[5:]
    with open(fwpath, encoding="utf-8") as f:
        fw = yaml.safe_load(f)
    with open(os.path.join(site, "content", "site.yaml"),
              encoding="utf-8") as f:
        base = yaml.safe_load(f)["base_url"]
    mpath = os.path.join(site, "content", "oit", year + ".yaml")
    with open(mpath, encoding="utf-8") as f:
        mapping = yaml.safe_load(f) or {}
    items = fw["oit_items"]
    groups = [g["code"] for g in fw["oit_groups"]]
    page_rel = "%s/checklist/index.html" % year
    page_url = base + page_rel

    # The address each item must have, from the content file.
    want = {}
    for it in items:
        v = mapping.get(it["code"])
        u = v["url"] if isinstance(v, dict) else v
        if u is None:
            u = {"measures": base + year + "/",
                 "report": base + year + "/report/"}.get(
                     it.get("answered_by"))
        elif u.startswith("files/"):
            u = base + u
        elif u.startswith("/"):
            u = base + u[1:]
            if not u.endswith("/") and not u.endswith(".html") \
                    and "." not in u.rsplit("/", 1)[-1]:
                u += "/"
        want[it["code"]] = norm(u) if u else None

    # The page: groups in order, items in order, each once.
    doc = parse(os.path.join(out, page_rel))
    secs = list(doc.all("section", "oit-group"))
    rows = []
    for s in secs:
        g = s.attrs["id"][len("group-"):].replace("-", ".")
        for li in s.all("li", "oit-item"):
            a = li.one("a")
            name = next(li.all(cls="oit-name")).text()
            badge = li.one(cls="badge-unpublished")
            rows.append((li.attrs["data-code"], g, name.translate(THAI),
                         a.attrs["href"] if a else None,
                         badge.text() if badge else None))
    p = []
    if [s.attrs["id"] for s in secs] != \
            ["group-" + g.replace(".", "-") for g in groups]:
        p.append("groups %s, want %s" % ([s.attrs["id"] for s in secs],
                                          groups))
    codes = [r[0] for r in rows]
    if codes != [it["code"] for it in items]:
        p.append("items %s, want %s" % (codes, [it["code"] for it in items]))
    for r, it in zip(rows, items):
        if r[1] != it["group"]:
            p.append("%s in group %s, want %s" % (r[0], r[1], it["group"]))
        if r[2] != it["th"]:
            p.append("%s named %r, want %r" % (r[0], r[2], it["th"]))
    check("%s/page-items" % year, p)

    # Links: resolve in the output and say what the content file says.
    p = []
    unpublished = 0
    for code, _, _, href, badge in rows:
        if href is None:
            unpublished += 1
            if want[code] is not None:
                p.append("%s not linked, want %s" % (code, want[code]))
            if badge != "ยังไม่ได้เผยแพร่":
                p.append("%s: no 'not published' mark (%r)" % (code, badge))
            continue
        absu = urllib.parse.urljoin(page_url, href)
        if norm(absu) != want[code]:
            p.append("%s links to %s, want %s" % (code, absu, want[code]))
        if absu.startswith(base):
            rel = urllib.parse.unquote(absu[len(base):].split("#")[0])
            f = os.path.join(out, rel)
            if not os.path.isfile(f):
                p.append("%s: %s is not a file of the output" % (code, rel))
    if complete and unpublished:
        p.append("%d items not published in a complete mapping"
                 % unpublished)
    check("%s/page-links" % year, p)

    # The CSV: BOM, header, one row per item in order, absolute addresses
    # equal to the page's links.
    p = []
    with open(os.path.join(out, "data", year, "oit.csv"), "rb") as f:
        raw = f.read()
    if not raw.startswith(b"\xef\xbb\xbf"):
        p.append("no BOM")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"),
                                        newline="")))
    if table[0] != ["code", "name", "address"]:
        p.append("header %s" % table[0])
    body = table[1:]
    if [r[0] for r in body] != [it["code"] for it in items]:
        p.append("CSV items %s" % [r[0] for r in body])
    for r, it, row in zip(body, items, rows):
        if r[1] != it["th"]:
            p.append("%s: CSV name %r" % (r[0], r[1]))
        got = norm(r[2]) if r[2] else None
        if got != want[it["code"]]:
            p.append("%s: CSV address %r, want %r" % (r[0], r[2],
                                                     want[it["code"]]))
        if r[2] and not r[2].startswith(("https://", "http://")):
            p.append("%s: CSV address %r is not absolute" % (r[0], r[2]))
        if r[2] and any(ord(c) > 127 or c == " " for c in r[2]):
            p.append("%s: CSV address %r is not encoded" % (r[0], r[2]))
        link = norm(urllib.parse.urljoin(page_url, row[3])) if row[3] else None
        if got != link:
            p.append("%s: CSV %r, page %r" % (r[0], got, link))
    check("%s/csv" % year, p)
    scores(site, out, base)
    return 1 if fails else 0


def fmt2(v):
    return ("%.2f" % v).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def scores(site, out, base):
    sdir = os.path.join(site, "content", "scores")
    if not os.path.isdir(sdir):
        return
    sc = {}
    for name in sorted(os.listdir(sdir)):
        with open(os.path.join(sdir, name), encoding="utf-8") as f:
            sc[int(name[:-5])] = yaml.safe_load(f)
    with open(os.path.join(site, "content", "site.yaml"),
              encoding="utf-8") as f:
        thai = yaml.safe_load(f).get("digits", "thai") == "thai"
    label = fmt2 if thai else (lambda v: "%.2f" % v)

    pages = [("home", "index.html")] + [
        (str(y), "%d/index.html" % y) for y in sorted(sc)
        if os.path.isfile(os.path.join(out, "%d/index.html" % y))]
    for pname, rel in pages:
        doc = parse(os.path.join(out, rel))
        p = []
        table = doc.one("table", data_chart="scores")
        if table is None:
            check("scores/%s" % pname, ["no scores table"])
            continue
        trs = list(table.all("tr", where=lambda n: "data-year" in n.attrs))
        if [int(t.attrs["data-year"]) for t in trs] != sorted(sc):
            p.append("years %s, want %s" % (
                [t.attrs["data-year"] for t in trs], sorted(sc)))
        for t in trs:
            y = int(t.attrs["data-year"])
            s = sc[y]
            cells = list(t.all("td"))
            for i, key in enumerate(["IIT", "EIT", "OIT", "total"]):
                c = cells[i]
                if key not in s:
                    if c.text().strip():
                        p.append("%d %s: %r, want empty" % (y, key, c.text()))
                    continue
                if float(c.attrs.get("data-score", "nan")) != float(s[key]):
                    p.append("%d %s: data %s, want %s" % (
                        y, key, c.attrs.get("data-score"), s[key]))
                if c.text().strip() != label(float(s[key])):
                    p.append("%d %s: shows %r, want %r" % (
                        y, key, c.text().strip(), label(float(s[key]))))
            if cells[4].text().strip() != str(s.get("level", "")):
                p.append("%d level %r" % (y, cells[4].text()))
            nxt = os.path.join(out, "%d/index.html" % (y + 1))
            a = cells[5].one("a")
            if os.path.isfile(nxt) != (a is not None):
                p.append("%d: link to the next year's measures %s" % (
                    y, "missing" if a is None else "where it has none"))
            elif a is not None:
                dest = os.path.normpath(os.path.join(
                    os.path.dirname(os.path.join(out, rel)), a.attrs["href"]))
                if dest != os.path.normpath(nxt):
                    p.append("%d: next links to %s" % (y, a.attrs["href"]))
        # The chart: a bar per year with the total, and its description.
        svg = next(doc.all("svg", aria_labelledby="scores-t"))
        bars = [float(b.attrs["data-value"]) for b in svg.all("rect", "chart-bar")]
        if bars != [float(sc[y]["total"]) for y in sorted(sc)]:
            p.append("bars %s" % bars)
        tracks = [float(b.attrs["width"]) + 1 for b in svg.all("rect", "chart-track")]
        for b, full, y in zip(svg.all("rect", "chart-bar"), tracks,
                              sorted(sc)):
            if abs(float(b.attrs["width"]) -
                   full * float(sc[y]["total"]) / 100) > 0.06:
                p.append("bar of %d is %s long" % (y, b.attrs["width"]))
        shown = [t.text().strip() for t in svg.all("text", "chart-value")]
        if shown != [label(float(sc[y]["total"])) for y in sorted(sc)]:
            p.append("bar numbers %s" % shown)
        desc = next(svg.all("desc")).text()
        for y in sorted(sc):
            if label(float(sc[y]["total"])) not in desc:
                p.append("desc lacks %d's total: %r" % (y, desc))
        check("scores/%s" % pname, p)

    # Each indicator's score of year N beside the measures of year N+1.
    for y in sorted(sc):
        rel = "%d/index.html" % (y + 1)
        if not os.path.isfile(os.path.join(out, rel)):
            continue
        doc = parse(os.path.join(out, rel))
        p = []
        inds = sc[y].get("indicators", {})
        seen = 0
        for sec in doc.all("section", "indicator"):
            h = next(sec.all(cls="indicator-title")).text()
            m = re.search(r"[0-9]+", h.translate(THAI))
            num = int(m.group(0)) if m else 0
            ps = sec.one(cls="indicator-score")
            if num in inds:
                seen += 1
                if ps is None:
                    p.append("indicator %d: no score of %d" % (num, y))
                    continue
                if float(ps.attrs["data-score"]) != float(inds[num]) or \
                        label(float(inds[num])) not in ps.text():
                    p.append("indicator %d: %r, want %s" % (
                        num, ps.text(), inds[num]))
            elif ps is not None:
                p.append("indicator %d shows a score it has not" % num)
        if inds and not seen:
            p.append("no indicator group with a score")
        tab = doc.one("table", "scores-indicators")
        if inds and tab is None:
            p.append("no table of %d's indicator scores" % y)
        elif tab is not None:
            got = {int(t.attrs["data-indicator"]):
                   float(next(t.all("td")).attrs["data-score"])
                   for t in tab.all(
                       where=lambda n: "data-indicator" in n.attrs)}
            if got != {int(k): float(v) for k, v in inds.items()}:
                p.append("indicator table %s" % got)
        check("scores/indicators-%d-beside-%d" % (y, y + 1), p)


if __name__ == "__main__":
    sys.exit(main())
