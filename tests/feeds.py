#!/usr/bin/python3
"""tests/feeds.py: checks one built site's feeds, sitemap, robots.txt and
open data with a real feed reader (Debian's python3-feedparser) and the
standard library.

usage: feeds.py OUTPUT CONTENT NAME

OUTPUT is the built site, CONTENT its content/ folder, NAME what to call
it in the PASS:/FAIL: lines (site.yaml is read
for base_url, feed_limit, language and digits).  Prints PASS:/FAIL: lines
and exits 1 if any check failed.
"""
import calendar
import csv
import io
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser

import feedparser

OUT, CONTENT, NAME = sys.argv[1], sys.argv[2], sys.argv[3]
failed = 0


def result(name, problems):
    """One PASS/FAIL line; problems is a list of strings (empty: pass)."""
    global failed
    if problems:
        failed += 1
        print("FAIL: %s: %s: %s" % (NAME, name, "; ".join(problems[:5])))
    else:
        print("PASS: %s: %s" % (NAME, name))


def site_setting(key, default):
    with open(os.path.join(CONTENT, "site.yaml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^%s:\s*(.*?)\s*$" % key, line)
            if m:
                return m.group(1).strip("\"'")
    return default


BASE = site_setting("base_url", "")
if not BASE.endswith("/"):
    BASE += "/"
LIMIT = int(site_setting("feed_limit", "50"))
LANG = site_setting("language", "th")
DIGITS = site_setting("digits", "thai" if LANG == "th" else "arabic")
AREAS = ["IIT", "EIT", "OIT"]


def abs_url(path):
    """The URL prongsai publishes for a site path."""
    return BASE + urllib.parse.quote(path, safe="/-._~!$&'()*+,;=:@%")


def is_absolute(u):
    return re.match(r"^[A-Za-z][A-Za-z0-9+.\-]*:[!-~]+$", u or "") is not None


def git_added(path):
    """The date (in Thailand, +0700) of the oldest commit that added the
    file, as YYYY-MM-DD, or None: not in git, or a shallow clone."""
    d = os.path.dirname(path)
    try:
        sh = subprocess.run(["git", "-C", d, "rev-parse",
                             "--is-shallow-repository"], capture_output=True,
                            text=True)
        if sh.returncode != 0 or sh.stdout.strip() == "true":
            return None
        r = subprocess.run(["git", "-C", d, "log", "--no-renames",
                            "--diff-filter=A", "--format=%ct", "--",
                            os.path.basename(path)],
                           capture_output=True, text=True)
    except OSError:
        return None
    lines = r.stdout.split()
    if r.returncode != 0 or not lines:
        return None
    return time.strftime("%Y-%m-%d", time.gmtime(int(lines[-1]) + 7 * 3600))


# The content: one measure per Markdown file (slug: the file name, or slug:).
measures, titles, statuses, added = {}, {}, {}, {}
mroot = os.path.join(CONTENT, "measures")
for year in sorted(os.listdir(mroot)):
    for fn in sorted(os.listdir(os.path.join(mroot, year))):
        if not fn.endswith(".md"):
            continue
        with open(os.path.join(mroot, year, fn), encoding="utf-8-sig") as f:
            text = f.read()
        front = text.split("\n---", 1)[0]
        if re.search(r"^draft:\s*true", front, re.M):
            continue
        m = re.search(r"^slug:\s*(\S+)", front, re.M)
        slug = m.group(1) if m else fn[:-3]
        measures[slug] = int(year)
        m = re.search(r"^title:\s*(.*?)\s*$", front, re.M)
        titles[slug] = m.group(1) if m else None
        if m and m.group(1)[:1] in "\"'":
            import yaml
            titles[slug] = yaml.safe_load(m.group(1))
        m = re.search(r"^status:\s*(\S+)", front, re.M)
        statuses[slug] = m.group(1) if m else None
        added[slug] = git_added(os.path.join(mroot, year, fn))


def measure_date(m):
    """A measure's own item date, as the README documents it: published,
    else the day its file first entered git, else its period's start; a
    month-precision date is its 1st."""
    d = m["published"] or added.get(m["slug"]) or m["period_start"]
    return d + "-01" if len(d) == 7 else d


class Links(HTMLParser):
    """Every URL attribute of an HTML fragment."""
    ATTRS = {"href", "src", "cite", "poster", "longdesc", "action",
             "formaction", "data", "background", "srcset"}

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in self.ATTRS:
                self.urls.append(v)


# ---- Open data ---------------------------------------------------------

def read_data(prefix):
    """(json object, csv rows, raw csv bytes) of data/PREFIXmeasures.*"""
    with open(os.path.join(OUT, "data", prefix + "measures.json"),
              encoding="utf-8") as f:
        j = json.load(f)
    with open(os.path.join(OUT, "data", prefix + "measures.csv"), "rb") as f:
        raw = f.read()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"),
                                           newline="")))
    return j, rows, raw


def neutral(cell):
    """A cell as the CSV must hold it: one that a spreadsheet would run
    as a formula (= + - @ Tab CR first, but not a plain number such as
    -5) with a ' in front (OWASP)."""
    if cell and cell[0] in "=+-@\t\r" and not re.match(r"^-[0-9]+$", cell):
        return "'" + cell
    return cell


STATUS_TH = {"planned": "ยังไม่เริ่มดำเนินการ",
             "in-progress": "อยู่ระหว่างดำเนินการ",
             "done": "ดำเนินการแล้วเสร็จ", "cancelled": "ยกเลิก"}
DATES = ("period_start", "period_end", "published", "last_update")


def csv_of(key, v, th=False):
    """What the CSV (th: the Thai CSV) holds for a JSON value (documented
    in the README)."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return str(v).lower()
    if isinstance(v, int):
        return str(v)
    if isinstance(v, list):
        if key == "areas":
            return neutral(" ".join(v))
        if key == "evidence":
            return neutral(" | ".join("%s <%s>" % (e["title"], e["url"])
                                      for e in v))
        return neutral(" | ".join(v))
    if th and key in DATES:
        y, mo, d = v.split("-")
        return "%s/%s/%d" % (d, mo, int(y) + 543)
    if th and key == "status":
        return STATUS_TH[v]
    return neutral(v)


COLUMNS = ["slug", "fiscal_year", "title", "areas", "indicator", "order",
           "owners", "period_start", "period_end", "published", "status",
           "progress", "summary", "url", "update_count", "last_update",
           "evidence"]

problems = []
try:
    data, rows, raw = read_data("")
except Exception as e:  # noqa: BLE001 - any failure is the test's answer
    data, rows, raw = None, [], b""
    problems.append("cannot read data/measures.*: %s" % e)
result("data/measures.json and .csv parse", problems)

if data is not None:
    result("data/measures.csv starts with a UTF-8 BOM",
           [] if raw.startswith(b"\xef\xbb\xbf") else ["no BOM"])
    p = []
    if not raw.endswith(b"\r\n") or raw.count(b"\r\n") < len(rows) + 1:
        p.append("records must end in CRLF (RFC 4180)")
    header = raw[3:].split(b"\r\n", 1)[0].decode()
    if header.split(",") != COLUMNS:
        p.append("header is %s" % header)
    result("CSV header and line ends", p)

    ms = data.get("measures", [])
    p = []
    for key in ("title", "organization", "base_url", "generator"):
        if not isinstance(data.get(key), str):
            p.append("no %s" % key)
    if data.get("base_url") != BASE:
        p.append("base_url %r" % data.get("base_url"))
    if data.get("count") != len(ms):
        p.append("count %r for %d measures" % (data.get("count"), len(ms)))
    if re.search(r"\d{4}-\d\d-\d\dT|\d\d:\d\d:\d\d",
                 json.dumps({k: v for k, v in data.items()
                             if k != "measures"})):
        p.append("a timestamp in the header")
    result("JSON header", p)

    p = []
    got = {m["slug"]: m["fiscal_year"] for m in ms}
    if got != measures:
        p.append("measures %s, content %s" % (sorted(got), sorted(measures)))
    if len(ms) != len(measures):
        p.append("%d measures, content has %d" % (len(ms), len(measures)))
    for m in ms:
        if m["title"] != titles.get(m["slug"]) or \
                m["status"] != statuses.get(m["slug"]):
            p.append("%s: title or status differs from the file" % m["slug"])
        if list(m.keys()) != COLUMNS:
            p.append("%s: keys %s" % (m["slug"], list(m.keys())))
        if m["url"] != abs_url("%d/measures/%s/" % (m["fiscal_year"],
                                                    m["slug"])):
            p.append("%s: url %s" % (m["slug"], m["url"]))
        if m["update_count"] < 0 or (m["update_count"] == 0) != \
                (m["last_update"] is None):
            p.append("%s: update_count/last_update" % m["slug"])
        if not set(m["areas"]) <= set(AREAS) or not m["areas"]:
            p.append("%s: areas %s" % (m["slug"], m["areas"]))
        for d in DATES:
            if m[d] is not None and not re.match(r"^\d{4}-\d\d-\d\d$",
                                                 m[d]):
                p.append("%s: %s %s" % (m["slug"], d, m[d]))
        for e in m["evidence"]:
            if not is_absolute(e["url"]):
                p.append("%s: evidence url %s" % (m["slug"], e["url"]))
    result("JSON agrees with the content (%d measures)" % len(measures), p)

    p = []
    if len(rows) != len(ms):
        p.append("%d CSV rows, %d JSON measures" % (len(rows), len(ms)))
    for m, r in zip(ms, rows):
        for k in COLUMNS:
            if csv_of(k, m[k]) != r.get(k):
                p.append("%s.%s: JSON %r, CSV %r" % (m["slug"], k, m[k],
                                                    r.get(k)))
    result("CSV agrees with JSON (formula cells neutralised)", p)

    # The Thai CSV: Thai column names, Thai status words, BE dates.
    p = []
    th_rows = []
    try:
        with open(os.path.join(OUT, "data", "measures-th.csv"), "rb") as f:
            th_raw = f.read()
        if not th_raw.startswith(b"\xef\xbb\xbf"):
            p.append("no BOM")
        th_reader = csv.reader(io.StringIO(th_raw.decode("utf-8-sig"),
                                           newline=""))
        th_head = next(th_reader)
        th_rows = list(th_reader)
        if len(th_head) != len(COLUMNS) or \
                any(re.match(r"^[a-z_]+$", h) for h in th_head):
            p.append("header is not Thai: %s" % th_head)
        if len(th_rows) != len(ms):
            p.append("%d rows, %d measures" % (len(th_rows), len(ms)))
        for m, r in zip(ms, th_rows):
            for k, cell in zip(COLUMNS, r):
                if csv_of(k, m[k], True) != cell:
                    p.append("%s.%s: JSON %r, Thai CSV %r" % (
                        m["slug"], k, m[k], cell))
    except Exception as e:  # noqa: BLE001
        p.append("cannot read data/measures-th.csv: %s" % e)
    result("Thai CSV agrees with JSON (Thai names, status words, "
           "Buddhist Era dates DD/MM/YYYY)", p)

    p = []
    years = sorted(set(measures.values()))
    seen = []
    for y in years:
        try:
            yj, yrows, yraw = read_data("%d/" % y)
        except Exception as e:  # noqa: BLE001
            p.append("data/%d: %s" % (y, e))
            continue
        if yj.get("fiscal_year") != y:
            p.append("data/%d: fiscal_year %r" % (y, yj.get("fiscal_year")))
        if any(m["fiscal_year"] != y for m in yj["measures"]):
            p.append("data/%d: holds other years" % y)
        if [r["slug"] for r in yrows] != [m["slug"] for m in yj["measures"]]:
            p.append("data/%d: CSV and JSON differ" % y)
        if not yraw.startswith(b"\xef\xbb\xbf"):
            p.append("data/%d: no BOM" % y)
        if not os.path.isfile(os.path.join(OUT, "data", str(y),
                                           "measures-th.csv")):
            p.append("data/%d: no measures-th.csv" % y)
        seen += yj["measures"]
    if seen != ms:
        p.append("the years' files together differ from data/measures.json")
    result("per-year data files (%s)" % ", ".join(map(str, years)), p)
else:
    ms = []

# ---- Feeds -------------------------------------------------------------

feeds = set()
for d, _, files in os.walk(OUT):
    if "feed.xml" in files:
        feeds.add(os.path.relpath(os.path.join(d, "feed.xml"), OUT))
owner_dirs = set()
if os.path.isdir(os.path.join(OUT, "owners")):
    owner_dirs = {d for d in os.listdir(os.path.join(OUT, "owners"))
                  if os.path.isfile(os.path.join(OUT, "owners", d,
                                                 "index.html"))}
want = {"feed.xml"} | {"%s/feed.xml" % a.lower() for a in AREAS} | \
    {"%d/measures/%s/feed.xml" % (y, s) for s, y in measures.items()} | \
    {"owners/%s/feed.xml" % d for d in owner_dirs}
result("the feeds are feed.xml, AREA/feed.xml, one per measure and one "
       "per owner (%d)" % len(want),
       [] if feeds == want else ["missing %s, extra %s" %
                                 (sorted(want - feeds), sorted(feeds - want))])

# How many items each feed should have: a measure plus its updates.
by_slug = {m["slug"]: m for m in ms}


SITE_TITLE = site_setting("title", "")


def th_day(parsed):
    """feedparser's UTC time as the day in Thailand (+0700), the pubDate's."""
    return time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(parsed) +
                                                 7 * 3600))


def belongs(owner, unit):
    """Is owner unit, or a sub-unit of it: "NAME (UNIT)", at any depth?"""
    while owner != unit:
        if not owner.endswith(")"):
            return False
        depth, i = 0, len(owner)
        while i > 0:
            i -= 1
            depth += {")": 1, "(": -1}.get(owner[i], 0)
            if depth == 0:
                break
        if depth != 0 or i == 0 or not owner[:i].strip() or \
                "," in owner[i + 1:-1]:
            return False
        owner = owner[i + 1:-1].strip()
    return True


def expected_items(rel, title=""):
    if rel == "feed.xml":
        sel = ms
    elif rel.startswith("owners/"):
        # The owner's name is the channel title after "SITE TITLE: "; a
        # unit's feed holds its sub-units' ("NAME (UNIT)") items too.
        name = title[len(SITE_TITLE) + 2:]
        sel = [m for m in ms if any(belongs(o, name) for o in m["owners"])]
    elif rel.count("/") == 1:
        sel = [m for m in ms if rel.split("/")[0].upper() in m["areas"]]
    else:
        sel = [by_slug.get(rel.split("/")[2])] if \
            rel.split("/")[2] in by_slug else []
    return min(LIMIT, sum(1 + m["update_count"] for m in sel))


def thai_digits(s):
    return re.search(r"[0-9]", s) is None


p_bozo, p_items, p_order, p_guid, p_limit, p_chan, p_links, p_words = \
    [], [], [], [], [], [], [], []
p_dates = []
total_items = 0
for rel in sorted(feeds):
    f = feedparser.parse(os.path.join(OUT, rel))
    if f.bozo:
        p_bozo.append("%s: %s" % (rel, f.bozo_exception))
        continue
    ch = f.feed
    if not ch.get("title") or not ch.get("subtitle"):
        p_chan.append("%s: no title or description" % rel)
    if not ch.get("link", "").startswith(BASE):
        p_chan.append("%s: channel link %s" % (rel, ch.get("link")))
    if ch.get("language") != LANG:
        p_chan.append("%s: language %s" % (rel, ch.get("language")))
    if "Prongsai" not in ch.get("generator", ""):
        p_chan.append("%s: generator" % rel)
    selfs = [ln["href"] for ln in ch.get("links", [])
             if ln.get("rel") == "self"]
    if selfs != [abs_url(rel)]:
        p_chan.append("%s: atom:link self %s" % (rel, selfs))
    es = f.entries
    total_items += len(es)
    guids = [e.get("id") for e in es]
    if len(set(guids)) != len(guids) or None in guids:
        p_guid.append("%s: guids not unique" % rel)
    for e in es:
        if not e.get("title"):
            p_items.append("%s: an item without title" % rel)
        if not e.get("link", "").startswith(BASE):
            p_items.append("%s: link %s" % (rel, e.get("link")))
        if not e.get("published_parsed"):
            p_items.append("%s: %s: no date" % (rel, e.get("title")))
        if not e.get("summary"):
            p_items.append("%s: %s: no description" % (rel, e.get("title")))
        for t in e.get("tags", []):
            if not t.get("term"):
                p_items.append("%s: empty category" % rel)
        if e.get("guidislink"):
            p_guid.append("%s: guid is a permalink" % rel)
        for c in e.get("content", []):
            lp = Links()
            lp.feed(c.value)
            for u in lp.urls:
                if not is_absolute(u):
                    p_links.append("%s: relative URL %r" % (rel, u))
        if "#update-" in e.get("id", ""):
            words = e["title"].rsplit(": ", 1)[-1]
            if DIGITS == "thai" and not thai_digits(words):
                p_words.append("%s: %s" % (rel, e["title"]))
            if LANG == "th" and not re.search(r"[\u0e00-\u0e7f]", words):
                p_words.append("%s: not Thai: %s" % (rel, e["title"]))
    dates = [time.mktime(e.published_parsed) for e in es
             if e.get("published_parsed")]
    if dates != sorted(dates, reverse=True):
        p_order.append("%s: not newest first" % rel)
    if es and ch.get("updated_parsed") != es[0].get("published_parsed"):
        p_chan.append("%s: lastBuildDate is not the newest item's" % rel)
    want_n = expected_items(rel, ch.get("title", ""))
    if len(es) > LIMIT or len(es) != want_n:
        p_limit.append("%s: %d items, expected %d (feed_limit %d)" %
                       (rel, len(es), want_n, LIMIT))
    for e in es:
        slug = e.get("link", "").rstrip("/").rsplit("/", 1)[-1]
        if e.get("id", "").endswith("#measure") and slug in by_slug and \
                e.get("published_parsed"):
            got = th_day(e.published_parsed)
            if got != measure_date(by_slug[slug]):
                p_dates.append("%s: %s dated %s, expected %s" % (
                    rel, slug, got, measure_date(by_slug[slug])))
        elif "#update-" in e.get("id", "") and e.get("published_parsed"):
            day = re.search(r"#update-(\d{4}-\d\d(-\d\d)?)-\d+$",
                            e["id"]).group(1)
            if len(day) == 7:
                day += "-01"
            if th_day(e.published_parsed) != day:
                p_dates.append("%s: %s not dated by its update" % (rel,
                                                                   e["id"]))
result("feedparser reads every feed without bozo (%d feeds, %d items)"
       % (len(feeds), total_items), p_bozo)
result("channels: title, description, link, language, generator, "
       "self link, lastBuildDate", p_chan)
result("items: title, absolute link, description, parsed date", p_items)
result("guids unique and not permalinks", p_guid)
result("items newest first", p_order)
result("item count is min(items, feed_limit %d)" % LIMIT, p_limit)
result("content:encoded has no relative URL", p_links)
result("update titles in the site's language and digits", p_words)
result("item dates: a measure on its published date, else its file's "
       "first day in git, else its period's start; an update on its date",
       p_dates)

# ---- Sitemap and robots.txt ------------------------------------------

p = []
locs = []
try:
    import xml.etree.ElementTree as ET
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(os.path.join(OUT, "sitemap.xml")).getroot()
    entries = [(u.find("s:loc", ns).text,
                getattr(u.find("s:lastmod", ns), "text", None))
               for u in root.findall("s:url", ns)]
    locs = [u for u, _ in entries]
except Exception as e:  # noqa: BLE001
    entries = []
    p.append("cannot parse sitemap.xml: %s" % e)
pages = []
for d, _, files in os.walk(OUT):
    if "index.html" in files:
        rel = os.path.relpath(d, OUT)
        pages.append("" if rel == "." else rel + "/")
want = {abs_url(x) for x in pages}
if len(set(locs)) != len(locs):
    p.append("duplicate locs")
if set(locs) != want:
    p.append("missing %s, extra %s" % (sorted(want - set(locs))[:3],
                                       sorted(set(locs) - want)[:3]))
if any("404" in u for u in locs):
    p.append("lists the 404 page")
result("sitemap lists every page but 404 (%d)" % len(pages), p)

p = []
for u, lm in entries:
    if lm is not None and not re.match(r"^\d{4}-\d\d-\d\d$", lm):
        p.append("%s: lastmod %s" % (u, lm))
for m in ms:
    lm = dict(entries).get(m["url"])
    want = m["last_update"] or measure_date(m)
    if len(want) == 7:
        want += "-01"
    if lm != want:
        p.append("%s: lastmod %s, expected %s" % (m["slug"], lm, want))
if entries and entries[0][1] != max(
        (e[1] for e in entries if e[1]), default=None):
    p.append("the home page's lastmod is not the newest")
result("sitemap lastmod from the content", p)

p = []
try:
    with open(os.path.join(OUT, "robots.txt"), encoding="utf-8") as f:
        robots = f.read()
    if "Sitemap: %ssitemap.xml\n" % BASE not in robots:
        p.append("no Sitemap line")
    if not re.search(r"^User-agent: \*$", robots, re.M):
        p.append("no User-agent: *")
    if re.search(r"^Disallow: /", robots, re.M):
        p.append("disallows something")
except OSError as e:
    p.append(str(e))
result("robots.txt allows all and names the sitemap", p)

sys.exit(1 if failed else 0)
