#!/usr/bin/python3
"""tests/owners.py: the checks of tests/owners.sh on one built site.

usage: owners.py OUTPUT CONTENT

OUTPUT is the built site, CONTENT its content/ folder.  The truth is
worked out here from the measure files (python3-yaml) with the rule the
README gives, written again apart from Prongsai: an owner "NAME
(PARENT)" belongs to PARENT, the text in its last parentheses.  Checks
the owners list (sub-units nested under their parent, a parent without
measures of its own listed, every count), each owner's page (its own
measures, then one group per sub-unit holding the rest, each measure
once, counts adding up to the total; the sub-unit linking to its
parent), that every link of those pages resolves, and each owner's feed
read by feedparser (a parent's holds its sub-units' items, a sub-unit's
not its parent's).  Prints PASS:/FAIL: lines, exits 1 if any failed.
"""
import os
import re
import sys
import urllib.parse
from html.parser import HTMLParser

import feedparser
import yaml

OUT, CONTENT = sys.argv[1:3]
failed = 0


def result(name, problems):
    global failed
    if problems:
        failed += 1
        print("FAIL: owners/%s: %s" % (name, "; ".join(problems[:6])))
    else:
        print("PASS: owners/%s" % name)


# ---- The truth, from the content ----------------------------------------

def clean(s):
    s = re.sub("[\u200b-\u200d\u2060\ufeff]", "", s)
    return re.sub(r"[ \t\r\n\u00a0]+", " ", s).strip()


def split(name):
    """(unit, parent) if name ends in a parenthesised parent, else None."""
    if not name.endswith(")"):
        return None
    depth = 0
    for i in range(len(name) - 1, -1, -1):
        if name[i] == ")":
            depth += 1
        elif name[i] == "(":
            depth -= 1
            if depth == 0:
                break
    else:
        return None
    unit, par = name[:i].strip(), name[i + 1:-1].strip()
    if not unit or not par or "," in par:
        return None
    return unit, par


def norm(name):
    s = split(name)
    return name if s is None else "%s (%s)" % (s[0], norm(s[1]))


def parent(name):
    s = split(name)
    return None if s is None else s[1]


site = yaml.safe_load(open(os.path.join(CONTENT, "site.yaml"),
                           encoding="utf-8"))
BASE = site["base_url"]
measures = {}           # page path (YEAR/measures/SLUG/) -> owners, updates
for d, _, files in os.walk(os.path.join(CONTENT, "measures")):
    for f in files:
        text = open(os.path.join(d, f), encoding="utf-8").read()
        fm = yaml.safe_load(text.split("---\n")[1])
        key = "%d/measures/%s/" % (fm["fiscal_year"], f[:-3])
        measures[key] = ([norm(clean(o)) for o in fm["owners"]],
                         len(fm.get("updates") or []))

owners = set()
for os_, _ in measures.values():
    for o in os_:
        while o is not None:
            owners.add(o)
            o = parent(o)


def ancestry(o):
    while o is not None:
        yield o
        o = parent(o)


def all_of(o):
    """The measures o's page and feed hold: its own and its sub-units'."""
    return {k for k, (os_, _) in measures.items()
            if any(o in ancestry(x) for x in os_)}


def own_of(o):
    return {k for k, (os_, _) in measures.items() if o in os_}


children = {o: {c for c in owners if parent(c) == o} for o in owners}
result("the fixture has a parent without measures of its own, one with, "
       "and three levels",
       [] if any(children[o] and not own_of(o) for o in owners) and
       any(children[o] and own_of(o) for o in owners) and
       any(parent(o) and parent(parent(o)) for o in owners)
       else ["the fixture lost what it tests"])


# ---- A small tree of a page ---------------------------------------------

VOID = {"meta", "link", "img", "input", "br", "hr", "source", "wbr"}


class Node:
    def __init__(self, tag, attrs, up):
        self.tag, self.attrs, self.up, self.kids = tag, dict(attrs), up, []

    def cls(self):
        return set((self.attrs.get("class") or "").split())

    def text(self):
        return "".join(k if isinstance(k, str) else k.text()
                       for k in self.kids)

    def find(self, tag=None, cls=None, stop=None):
        """Descendants matching, in order, not looking inside stop."""
        for k in self.kids:
            if isinstance(k, str):
                continue
            if (tag is None or k.tag == tag) and \
                    (cls is None or cls in k.cls()):
                yield k
            if stop is None or not stop(k):
                yield from k.find(tag, cls, stop)

    def child(self, tag):
        return [k for k in self.kids if not isinstance(k, str)
                and k.tag == tag]


class Tree(HTMLParser):
    def __init__(self):
        super().__init__()
        self.root = self.cur = Node("#root", [], None)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.up
        if n is not None and n.up is not None:
            self.cur = n.up

    def handle_data(self, data):
        self.cur.kids.append(data)


def page(rel):
    t = Tree()
    t.feed(open(os.path.join(OUT, rel), encoding="utf-8").read())
    return t.root


THAI = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")


def number(s):
    m = re.search(r"\d+", s.translate(THAI))
    return int(m.group(0)) if m else None


def target(rel, href):
    """The output file a link of page rel leads to, or None if outside."""
    u = urllib.parse.urlsplit(href)
    if u.scheme or u.netloc:
        return None
    p = os.path.normpath(os.path.join(os.path.dirname(rel),
                                      urllib.parse.unquote(u.path)))
    if p.endswith("/") or os.path.isdir(os.path.join(OUT, p)):
        p = os.path.join(p, "index.html")
    return p


def measure_key(rel, href):
    p = target(rel, href)
    m = re.match(r"^(\d+/measures/[^/]+/)index\.html$", p or "")
    return m.group(1) if m else None


# ---- The owners list ------------------------------------------------------

LIST = "owners/index.html"
root = page(LIST)
top = next(root.find("ul", "owner-list"), None)
page_of = {}            # owner name -> its page in the output
listed = {}             # owner name -> (count shown, parent in the list)
p_list, p_links = [], []


def walk(ul, up):
    for li in ul.child("li"):
        a = li.child("a")
        meta = [k for k in li.child("span") if "meta" in k.cls()]
        if not a or not meta:
            p_list.append("an item without its link or count")
            continue
        name = a[0].text()
        if name in listed:
            p_list.append("%s listed twice" % name)
        listed[name] = (number(meta[0].text()), up)
        page_of[name] = target(LIST, a[0].attrs["href"])
        for sub in li.child("ul"):
            walk(sub, name)


if top is None:
    p_list.append("no owner list")
else:
    walk(top, None)
result("the owners list names every owner once, parents without "
       "measures of their own too (%d)" % len(owners),
       p_list + ([] if set(listed) == owners else
                 ["listed %s, expected %s" % (sorted(set(listed) - owners),
                                              sorted(owners - set(listed)))]))
result("each sub-unit is nested under its parent, the others at the top",
       ["%s under %s, expected under %s" % (o, up, parent(o))
        for o, (_, up) in sorted(listed.items()) if up != parent(o)])
result("each count in the owners list is the number of measures of the "
       "owner and its sub-units",
       ["%s: %s, expected %d" % (o, n, len(all_of(o)))
        for o, (n, _) in sorted(listed.items())
        if o in owners and n != len(all_of(o))])
for o, p in sorted(page_of.items()):
    if p is None or not os.path.isfile(os.path.join(OUT, p)):
        p_links.append("%s: %s" % (LIST, p))


# ---- Each owner's page ----------------------------------------------------

p_own, p_groups, p_sum, p_once, p_parent, p_head = [], [], [], [], [], []
for o in sorted(owners):
    rel = page_of.get(o)
    if rel is None or not os.path.isfile(os.path.join(OUT, rel)):
        continue
    root = page(rel)
    for a in root.find("a"):
        t = target(rel, a.attrs.get("href", ""))
        if t is not None and not os.path.exists(os.path.join(OUT, t)):
            p_links.append("%s: %s" % (rel, a.attrs["href"]))
    main = next(root.find("main"))
    h1 = next(main.find("h1")).text()
    if h1 != o:
        p_head.append("%s: h1 %s" % (rel, h1))

    def cards(n):
        return [measure_key(rel, next(c.find("a")).attrs["href"])
                for c in n.find("li", "measure-card",
                                stop=lambda k: "sub-unit" in k.cls())]

    own = cards(main)
    if set(own) != own_of(o):
        p_own.append("%s: own %s, expected %s" % (o, sorted(own),
                                                  sorted(own_of(o))))
    total = number(next(main.find("dd", "stat-big")).text())
    subs = list(main.find("section", "sub-unit"))
    if children[o]:
        metas = [k for k in main.child("p") if "meta" in k.cls()]
        shown_own = number(metas[0].text()) if metas else 0
        if shown_own != len(own):
            p_sum.append("%s: own count %s, %d listed" % (o, shown_own,
                                                          len(own)))
    elif subs:
        p_groups.append("%s: sub-unit groups without sub-units" % o)
    seen, counts = list(own), len(own)
    for sec in subs:
        a = next(next(sec.find("h2")).find("a"))
        name = a.text()
        if target(rel, a.attrs["href"]) != page_of.get(name):
            p_groups.append("%s: %s links to %s" % (o, name, a.attrs["href"]))
        if name not in children[o]:
            p_groups.append("%s: a group for %s, not its sub-unit" % (o, name))
            continue
        ms = cards(sec)
        n = number(next(k for k in sec.child("p")
                        if "meta" in k.cls()).text())
        if n != len(ms):
            p_sum.append("%s: %s says %s, lists %d" % (o, name, n, len(ms)))
        counts += len(ms)
        for m in ms:
            if m not in all_of(name):
                p_groups.append("%s: %s under %s, which does not hold it"
                                % (o, m, name))
            if m in seen:
                p_once.append("%s: %s listed again under %s" % (o, m, name))
            if m in own_of(o):
                p_once.append("%s: %s is its own, yet under %s"
                              % (o, m, name))
        seen += ms
    for sec_i, sec in enumerate(subs):
        name = next(next(sec.find("h2")).find("a")).text()
        for later in subs[sec_i + 1:]:
            for m in cards(later):
                if name in children[o] and m in all_of(name):
                    p_once.append("%s: %s under a later group than %s"
                                  % (o, m, name))
    if set(seen) != all_of(o) or len(seen) != len(all_of(o)):
        p_once.append("%s: lists %s, expected each of %s once"
                      % (o, sorted(seen), sorted(all_of(o))))
    if not (total == counts == len(all_of(o))):
        p_sum.append("%s: total %s, groups add up to %d, expected %d"
                     % (o, total, counts, len(all_of(o))))
    # The sub-unit's page links to its parent: breadcrumb and "part of".
    crumbs = [target(rel, a.attrs["href"])
              for a in next(root.find("nav", "breadcrumb")).find("a")]
    want = [page_of.get(x) for x in reversed(list(ancestry(o))[1:])]
    if crumbs[2:] != want:
        p_parent.append("%s: breadcrumb %s, expected %s"
                        % (o, crumbs[2:], want))
    part = list(main.find("p", "part-of"))
    if parent(o) is None:
        if part:
            p_parent.append("%s: 'part of' without a parent" % o)
    elif len(part) != 1 or [target(rel, a.attrs["href"]) for a in
                            part[0].find("a")] != [page_of.get(parent(o))]:
        p_parent.append("%s: no 'part of' link to %s" % (o, parent(o)))

result("each owner page is headed by its name", p_head)
result("each owner page lists its own measures first", p_own)
result("each sub-unit's group on its parent's page holds only its measures "
       "and links to its page", p_groups)
result("each measure is listed once on an owner's page, in the first "
       "group that holds it", p_once)
result("the counts on each owner's page add up to its total", p_sum)
result("a sub-unit's page links to its parent units (breadcrumb, part of)",
       p_parent)
result("every link of the owners pages resolves", p_links)


# ---- Each owner's feed, read by feedparser -------------------------------

p_feed = []
for o in sorted(owners):
    rel = page_of.get(o)
    if rel is None:
        continue
    f = feedparser.parse(os.path.join(OUT, os.path.dirname(rel), "feed.xml"))
    if f.bozo:
        p_feed.append("%s: %s" % (o, f.bozo_exception))
        continue
    links = [e.get("link", "") for e in f.entries]
    got = {k for k in measures
           if any(u.split("#")[0] == BASE + k for u in links)}
    want = all_of(o)
    n = min(50, sum(1 + measures[k][1] for k in want))
    if got != want or len(f.entries) != n:
        p_feed.append("%s: items of %s (%d), expected of %s (%d)"
                      % (o, sorted(got), len(f.entries), sorted(want), n))
result("feedparser reads each owner's feed: a parent's holds its "
       "sub-units' items, a sub-unit's only its own", p_feed)

sys.exit(1 if failed else 0)
