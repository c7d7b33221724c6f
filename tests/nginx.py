#!/usr/bin/python3
"""tests/nginx.py: the HTTP half of tests/nginx.sh and tests/apache.sh.

usage: nginx.py BASE CONTROL SITE [SERVER]

BASE is the portal's address on the server that runs the documented
configuration (http://127.0.0.1:PORT/ita/), CONTROL the same site on a
server block or virtual host with Debian's defaults only (root, nothing
else), SITE the built folder being served, SERVER the suite's name
(nginx, the default, or apache).  Prints PASS:/FAIL: lines; exits 1 if
any check failed.
"""
import csv
import email.utils
import http.client
import io
import json
import os
import sys
import urllib.parse

import feedparser

BASE, CONTROL, SITE = sys.argv[1:4]
SERVER = sys.argv[4] if len(sys.argv) > 4 else "nginx"
failed = 0


def result(name, problems):
    global failed
    if problems:
        failed += 1
        print("FAIL: %s/%s: %s" % (SERVER, name, "; ".join(problems[:6])))
    else:
        print("PASS: %s/%s" % (SERVER, name))


def get(base, path, headers=None):
    """(status, headers, body) of GET base+path, no redirects followed."""
    u = urllib.parse.urlsplit(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
    c.request("GET", u.path + path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r.status, r, body


def want_type(path, ctype, status=200):
    st, r, body = get(BASE, path)
    p = []
    if st != status:
        p.append("%s: status %d, expected %d" % (path, st, status))
    if r.getheader("Content-Type") != ctype:
        p.append("%s: Content-Type %r, expected %r" %
                 (path, r.getheader("Content-Type"), ctype))
    return p, body


def file_bytes(rel):
    with open(os.path.join(SITE, rel), "rb") as f:
        return f.read()


# Pages, feeds, data, the sitemap: each with its charset.
p = []
for path, ctype, rel in (
        ("", "text/html; charset=utf-8", "index.html"),
        ("2566/", "text/html; charset=utf-8", "2566/index.html"),
        ("feed.xml", "application/rss+xml; charset=utf-8", "feed.xml"),
        ("iit/feed.xml", "application/rss+xml; charset=utf-8",
         "iit/feed.xml"),
        ("sitemap.xml", "text/xml; charset=utf-8", "sitemap.xml"),
        ("data/measures.csv", "text/csv; charset=utf-8",
         "data/measures.csv"),
        ("data/measures-th.csv", "text/csv; charset=utf-8",
         "data/measures-th.csv"),
        ("data/measures.json", "application/json; charset=utf-8",
         "data/measures.json"),
        ("static/style.css", "text/css; charset=utf-8",
         "static/style.css"),
        ("robots.txt", "text/plain; charset=utf-8", "robots.txt")):
    q, body = want_type(path, ctype)
    p += q
    if not q and body != file_bytes(rel):
        p.append("%s: not the file's bytes" % path)
result("content types with charset=utf-8: HTML, RSS, sitemap, CSV, "
       "JSON, CSS, text", p)

# Data read back over HTTP.
p = []
st, r, body = get(BASE, "data/measures.json")
try:
    n = len(json.loads(body.decode("utf-8"))["measures"])
    for name in ("measures.csv", "measures-th.csv"):
        st, r, body = get(BASE, "data/" + name)
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"),
                                           newline="")))
        if len(rows) != n + 1:
            p.append("%s: %d rows for %d measures" % (name, len(rows), n))
except Exception as e:  # noqa: BLE001 - any failure is the answer
    p.append(str(e))
result("JSON and both CSVs parse over HTTP and agree in size", p)

# feedparser over HTTP: no charset complaint from the documented server,
# the complaint of the issue from Debian's defaults (the control).
p = []
feeds = []
for d, _, files in os.walk(SITE):
    if "feed.xml" in files:
        feeds.append(os.path.relpath(os.path.join(d, "feed.xml"), SITE))
feeds.sort()
owner_feeds = [f for f in feeds if f.startswith("owners/")]
for rel in feeds:
    f = feedparser.parse(BASE + urllib.parse.quote(rel))
    if f.bozo or f.get("status") != 200 or not f.entries:
        p.append("%s: status %s, bozo %s" % (rel, f.get("status"),
                                              f.get("bozo_exception")))
if not owner_feeds:
    p.append("no owner feed in the site")
result("feedparser reads every feed over HTTP without a charset warning "
       "(%d feeds, %d of owners)" % (len(feeds), len(owner_feeds)), p)
# Without a charset, text/xml is us-ascii (RFC 3023): nginx's defaults
# give the warning; Apache's say application/xml, which feedparser
# reads by the XML declaration, but still no RSS type and no charset.
st, r, _ = get(CONTROL, "feed.xml")
ctype = r.getheader("Content-Type") or ""
f = feedparser.parse(CONTROL + "feed.xml")
p = []
if "charset" in ctype or ctype.startswith("application/rss+xml"):
    p.append("the control says %r: the check above proves nothing" % ctype)
if ctype.startswith("text/xml") and not (
        f.bozo and "us-ascii" in str(f.bozo_exception)):
    p.append("text/xml without a charset read cleanly")
result("control: Debian's defaults serve the feed as %r (feedparser: %s)"
       % (ctype, str(f.get("bozo_exception"))[:60]), p)

# Thai URLs: every owner page, by its percent-encoded address.
p = []
owners = sorted(os.listdir(os.path.join(SITE, "owners")))
thai = [o for o in owners if os.path.isdir(os.path.join(SITE, "owners", o))
        and any(ord(c) > 0x7f for c in o)]
for o in thai:
    path = "owners/%s/" % urllib.parse.quote(o)
    st, r, body = get(BASE, path)
    if st != 200 or body != file_bytes("owners/%s/index.html" % o):
        p.append("%s: status %d" % (urllib.parse.unquote(path), st))
if not thai:
    p.append("no Thai owner folder in the site")
result("Thai URLs: %d owner pages answer by their encoded address"
       % len(thai), p)

# The not-found page, the redirect, the marker.
p = []
nf = file_bytes("404.html")
for path in ("no/such/page/", "2566/measures/nothing/", "ไม่มี.html"):
    st, r, body = get(BASE, urllib.parse.quote(path))
    if st != 404 or body != nf or \
            r.getheader("Content-Type") != "text/html; charset=utf-8":
        p.append("%s: status %d, %s, %s" % (path, st,
                                            r.getheader("Content-Type"),
                                            "404.html" if body == nf
                                            else "another body"))
result("a missing address gets 404.html with status 404", p)
# A folder of the site that has no page of its own: the site's page too,
# 404, or 403 where the server forbids listing the folder.
p = []
for path in ("static/", "2566/measures/", "data/2566/"):
    st, r, body = get(BASE, path)
    if st not in (403, 404) or body != nf:
        p.append("%s: status %d, %s" % (
            path, st, "404.html" if body == nf else "another body"))
result("a folder without a page gets 404.html", p)
u = urllib.parse.urlsplit(BASE)
st, r, body = get("%s://%s" % (u.scheme, u.netloc), u.path.rstrip("/"))
loc = r.getheader("Location") or ""
result("%s redirects to %s" % (u.path.rstrip("/"), u.path),
       [] if st == 301 and loc.endswith(u.path) else
       ["status %d, Location %r" % (st, loc)])
p = []
dots = sorted(n for n in os.listdir(SITE) if n.startswith("."))
if not dots:
    result("the web root holds a dot file to refuse", ["none in %s" % SITE])
paths = []
for n in dots:
    if os.path.isdir(os.path.join(SITE, n)):
        paths += [n + "/"] + [n + "/" + f for f in
                              sorted(os.listdir(os.path.join(SITE, n)))]
    else:
        paths.append(n)
for path in paths:
    st, r, body = get(BASE, path)
    if st != 404:
        p.append("%s: status %d" % (path, st))
result("names starting with a dot are not served (%s)" % ", ".join(dots), p)

# Caching: pages ask again (and get 304 when unchanged), static files
# are kept a day.
p = []
st, r, body = get(BASE, "")
if r.getheader("Cache-Control") != "no-cache":
    p.append("page Cache-Control %r" % r.getheader("Cache-Control"))
lm = r.getheader("Last-Modified")
st2, r2, _ = get(BASE, "", {"If-Modified-Since": lm or ""})
if st2 != 304:
    p.append("conditional GET of an unchanged page: %d" % st2)
st, r, body = get(BASE, "feed.xml")
if r.getheader("Cache-Control") != "no-cache":
    p.append("feed Cache-Control %r" % r.getheader("Cache-Control"))
st, r, body = get(BASE, "static/style.css")
if r.getheader("Cache-Control") != "public, max-age=86400":
    p.append("static Cache-Control %r" % r.getheader("Cache-Control"))
if lm is None or email.utils.parsedate_to_datetime(lm) is None:
    p.append("no Last-Modified")
# As a browser asks: compressed, then again with the validators it was
# given (If-None-Match wins over If-Modified-Since when both are sent).
gz = {"Accept-Encoding": "gzip"}
for path in ("", "feed.xml", "data/measures.json"):
    st, r, body = get(BASE, path, gz)
    etag, lm = r.getheader("ETag"), r.getheader("Last-Modified")
    again = dict(gz)
    if etag:
        again["If-None-Match"] = etag
    if lm:
        again["If-Modified-Since"] = lm
    st2, r2, _ = get(BASE, path, again)
    if st2 != 304:
        p.append("%s again with %s (%s): %d" % (
            path or "/", etag or lm,
            r.getheader("Content-Encoding") or "identity", st2))
result("caching headers: no-cache and 304 for pages, feeds and data, "
       "compressed too; a day for static files", p)

sys.exit(1 if failed else 0)
