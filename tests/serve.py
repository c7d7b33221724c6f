#!/usr/bin/python3
"""The clients of tests/serve.sh, against a running `prongsai serve`.

    serve.py table HOST PORT
    serve.py reload HOST PORT SITE
    serve.py overlay HOST PORT SITE
    serve.py newdir HOST PORT SITE
    serve.py poll HOST PORT SITE
    serve.py idle HOST PORT PID
    serve.py rude HOST PORT

Each prints one line per check: its name, a tab, and why it failed
(nothing after the tab when it passed).  Requests are written on raw
sockets, byte for byte, so that nothing normalises the paths tried.
The site is the example site with base_url .../ita/.  Standard
library only.
"""

import os
import re
import select
import socket
import sys
import time
import urllib.parse

BASE = "/ita/"
MEASURE = "content/measures/2566/asset-rules-awareness.md"
PAGE = "2566/measures/asset-rules-awareness/index.html"
OWNER = "งานพัสดุ-กองคลัง"


def verdict(name, why=""):
    print("%s\t%s" % (name, why.replace("\n", " ")[:400]))
    sys.stdout.flush()


def request(host, port, method, path, timeout=30):
    """Status, headers (lower-case names) and body of one request."""
    if isinstance(path, str):
        path = path.encode("utf-8")
    s = socket.create_connection((host, port), timeout=timeout)
    s.sendall(method.encode() + b" " + path + b" HTTP/1.1\r\nHost: " +
              host.encode() + b"\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers, body


def table(host, port):
    owner = urllib.parse.quote(OWNER)
    html = "text/html; charset=utf-8"
    # method, path, status, content type (or None), location (or None)
    rows = [
        ("GET", "/", 302, None, BASE),
        ("GET", "/ita", 301, None, BASE),
        ("GET", "/ita/", 200, html, None),
        ("HEAD", "/ita/", 200, html, None),
        ("GET", "/ita/?utm=1", 200, html, None),
        ("GET", "/ita/index.html", 200, html, None),
        ("POST", "/ita/", 405, None, None),
        ("PUT", "/ita/index.html", 405, None, None),
        ("DELETE", "/ita/index.html", 405, None, None),
        ("OPTIONS", "/ita/", 405, None, None),
        ("GET", "/ita/2566", 301, None, "/ita/2566/"),
        ("GET", "/ita/2566/", 200, html, None),
        ("GET", "/ita/" + PAGE, 200, html, None),
        ("GET", "/ita/feed.xml", 200, "application/rss+xml; charset=utf-8",
         None),
        ("GET", "/ita/sitemap.xml", 200, "application/xml; charset=utf-8",
         None),
        ("GET", "/ita/data/measures.json", 200, "application/json", None),
        ("GET", "/ita/data/measures.csv", 200, "text/csv; charset=utf-8",
         None),
        ("GET", "/ita/robots.txt", 200, "text/plain; charset=utf-8", None),
        ("GET", "/ita/static/style.css", 200, "text/css; charset=utf-8",
         None),
        ("GET", "/ita/static/favicon.svg", 200, "image/svg+xml", None),
        ("GET", "/ita/static/favicon.png", 200, "image/png", None),
        ("GET", "/ita/owners/%s/" % owner, 200, html, None),
        ("GET", "/ita/owners/%s" % owner, 301, None,
         "/ita/owners/%s/" % owner),
        ("GET", "/ita/owners/%s/" % OWNER, 200, html, None),
        ("GET", "/ita/nosuch/", 404, html, None),
        ("GET", "/nosuch", 404, html, None),
        ("GET", "/etc/passwd", 404, html, None),
        ("GET", "/ita/.prongsai-output", 404, html, None),
        ("GET", "/ita//etc/passwd", 404, html, None),
        ("GET", "/ita/../../../../etc/passwd", 400, None, None),
        ("GET", "/ita/./index.html", 400, None, None),
        ("GET", "/ita/%2e%2e/%2e%2e/%2e%2e/etc/passwd", 400, None, None),
        ("GET", "/ita/%2E%2E/%2E%2E/etc/passwd", 400, None, None),
        ("GET", "/ita/.%2e/.%2e/etc/passwd", 400, None, None),
        ("GET", "/ita/..%2f..%2f..%2fetc%2fpasswd", 400, None, None),
        ("GET", "/ita/%2fetc%2fpasswd", 400, None, None),
        ("GET", "/ita/..%5c..%5c..%5cetc%5cpasswd", 400, None, None),
        ("GET", "/ita/..\\..\\etc\\passwd", 400, None, None),
        ("GET", "/ita/index.html%00.css", 400, None, None),
        ("GET", "/ita/%00", 400, None, None),
        ("GET", "/ita/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", 400, None,
         None),
        ("GET", "/ita/%c0%af", 400, None, None),
        ("GET", "/ita/%e0%80%af", 400, None, None),
        ("GET", "/ita/%ff%fe", 400, None, None),
        ("GET", "/ita/%e0%b8", 400, None, None),
        ("GET", "/ita/%ed%a0%80", 400, None, None),
        ("GET", "/ita/%zz", 400, None, None),
        ("GET", "/ita/%4", 400, None, None),
        ("GET", "/ita/%0a", 400, None, None),
    ]
    for method, path, status, ctype, loc in rows:
        name = "table %s %s" % (method, path)
        try:
            st, hd, body = request(host, port, method, path)
        except Exception as e:
            verdict(name, "request failed: %r" % e)
            continue
        why = []
        if st != status:
            why.append("status %d, expected %d" % (st, status))
        if ctype is not None and hd.get("content-type") != ctype:
            why.append("content type %r, expected %r" %
                       (hd.get("content-type"), ctype))
        if loc is not None and hd.get("location") != loc:
            why.append("location %r, expected %r" % (hd.get("location"), loc))
        if method == "HEAD" and body:
            why.append("HEAD answered with %d bytes of body" % len(body))
        if method == "HEAD" and int(hd.get("content-length", "0")) == 0:
            why.append("HEAD without the page's Content-Length")
        if b"root:x:0:0" in body or b"root:*:" in body:
            why.append("the answer holds /etc/passwd")
        if st == 405 and "GET" not in hd.get("allow", ""):
            why.append("405 without Allow: GET, HEAD")
        if st == 200 and ctype == html and method == "GET" and \
                b"EventSource" not in body:
            why.append("a page without the live-reload script")
        verdict(name, "; ".join(why))


class Stream:
    """A live-reload client for one page, as its script opens it."""

    def __init__(self, host, port, page, gen=None):
        q = "page=" + urllib.parse.quote("/" + page, safe="")
        if gen is not None:
            q = "gen=%s&%s" % (gen, q)
        self.s = socket.create_connection((host, port), timeout=60)
        self.s.sendall(("GET /.prongsai/events?%s HTTP/1.1\r\nHost: %s\r\n"
                        "\r\n" % (q, host)).encode())
        self.buf = b""
        self.head = None

    def read(self, timeout):
        """What came within timeout seconds (once something came, what
        is there), as text."""
        end = time.monotonic() + timeout
        got = b""
        while True:
            left = 0 if got else end - time.monotonic()
            if left < 0:
                break
            r, _, _ = select.select([self.s], [], [], left)
            if not r:
                break
            chunk = self.s.recv(65536)
            if not chunk:
                break
            got += chunk
            if self.head is None and b"\r\n\r\n" in self.buf + got:
                self.head, _, rest = (self.buf + got).partition(b"\r\n\r\n")
                self.buf, got = b"", rest
        return got.decode("utf-8", "replace")

    def wait(self, what, timeout):
        """Read until what (a regular expression) shows; the text or None."""
        end = time.monotonic() + timeout
        text = ""
        while time.monotonic() < end:
            text += self.read(min(0.5, max(end - time.monotonic(), 0.01)))
            if re.search(what, text):
                return text
        return None

    def close(self):
        self.s.close()


def shown(body):
    """A page's bytes without the marks of Thai line breaks (wordbreak.c),
    which come between the words of a Thai text."""
    return re.sub(rb'<wbr>|<span class="[wn]">|</span>', b"", body)


def gen_of(body):
    m = re.search(rb"events\?gen=(\d+)", body)
    return m.group(1).decode() if m else None


def save(path, text):
    """Save as many editors do: a new file, renamed over the old one."""
    tmp = os.path.join(os.path.dirname(path), "." + os.path.basename(path) +
                       ".swp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.rename(tmp, path)


def reload(host, port, site):
    path = os.path.join(site, MEASURE)
    st, _, body = request(host, port, "GET", BASE + PAGE)
    gen = gen_of(body)
    verdict("reload script names the build", "" if gen else
            "no gen= in the page's script")
    mine = Stream(host, port, PAGE, gen)
    year = Stream(host, port, "2566/index.html", gen)
    about = Stream(host, port, "about/index.html", gen)
    hello = mine.wait(r": prongsai", 10)
    verdict("reload stream opens", "" if hello and mine.head and
            b"text/event-stream" in mine.head else
            "no event stream: %r" % mine.head)
    text = open(path, encoding="utf-8").read()
    new = text.replace("สร้างการรับรู้เกี่ยวกับ หลักเกณฑ์",
                       "ทดสอบรีโหลด หลักเกณฑ์", 1)
    t0 = time.monotonic()
    save(path, new)
    got = mine.wait(r"event: reload", 60)
    took = time.monotonic() - t0
    verdict("reload event after a save", "" if got else
            "no reload event within 60 s of the save")
    st, _, body = request(host, port, "GET", BASE + PAGE)
    verdict("reloaded page is the new build",
            "" if "ทดสอบรีโหลด".encode() in shown(body) else
            "the page after the reload event does not show the new title")
    got = year.wait(r"event: reload", 60)
    verdict("year page reloads too", "" if got else
            "the year page, which lists the measure, had no reload event")
    st, _, body = request(host, port, "GET", BASE + "2566/index.html")
    verdict("year page shows the new title",
            "" if "ทดสอบรีโหลด".encode() in shown(body) else
            "the year page after its reload event shows the old title")
    quiet = ""
    end = time.monotonic() + 1.5
    while time.monotonic() < end:
        quiet += about.read(end - time.monotonic())
    verdict("unchanged page does not reload",
            "" if "event: reload" not in quiet else
            "about/ reloaded though the change does not show on it")
    verdict("heartbeat", "" if about.wait(r": heartbeat", 5) else
            "no heartbeat comment within 5 s (PRONGSAI_HEARTBEAT=1)")
    stale = Stream(host, port, PAGE, "1")
    verdict("page older than the build reloads at once",
            "" if stale.wait(r"event: reload", 10) else
            "a stream opened with an old gen= had no reload event")
    for s in (mine, year, about, stale):
        s.close()
    print("# save to reload: %.0f ms" % (took * 1000), file=sys.stderr)


def overlay(host, port, site):
    path = os.path.join(site, MEASURE)
    good = open(path, encoding="utf-8").read()
    st, _, body = request(host, port, "GET", BASE + "about/")
    about = Stream(host, port, "about/index.html", gen_of(body))
    about.wait(r": prongsai", 10)
    bad = good.replace("status: done", "status: finished", 1)
    save(path, bad)
    got = about.wait(r"event: reload", 60)
    verdict("errors reload every page", "" if got else
            "no reload event on about/ after a broken save")
    for page in (BASE + PAGE, BASE + "about/", BASE + "nosuch/"):
        st, _, body = request(host, port, "GET", page)
        text = body.decode("utf-8", "replace")
        m = re.search(r'<section id="prongsai-errors".*?</section>', text,
                      re.S)
        why = []
        if not m:
            why.append("no error overlay")
        else:
            ov = m.group(0)
            if not re.search(re.escape(MEASURE) + r":\d+:\d+", ov):
                why.append("the overlay does not say file:line:col")
            if "finished" not in ov or "status" not in ov:
                why.append("the overlay lacks the message or the line")
            if "status: finished" not in ov:
                why.append("the overlay lacks the offending line")
        if page == BASE + PAGE and "ทดสอบรีโหลด".encode() not in \
                shown(text.encode()):
            why.append("the page is not the last good build")
        verdict("overlay on %s" % page, "; ".join(why))
    st, _, body = request(host, port, "GET", BASE + "about/")
    about.close()
    about = Stream(host, port, "about/index.html", gen_of(body))
    about.wait(r": prongsai", 10)
    save(path, good)
    got = about.wait(r"event: reload", 60)
    st, _, body = request(host, port, "GET", BASE + "about/")
    verdict("overlay clears when fixed", "" if got and
            b"prongsai-errors" not in body else
            "no reload, or the overlay is still there after the fix")
    about.close()


def newdir(host, port, site):
    """A new year's folder, then a measure saved in it, then changed."""
    folder = os.path.join(site, "content/measures/2567")
    src = open(os.path.join(site, MEASURE), encoding="utf-8").read()
    st, _, body = request(host, port, "GET", BASE + "about/")
    s = Stream(host, port, "about/index.html", gen_of(body))
    s.wait(r": prongsai", 10)
    os.mkdir(folder)
    time.sleep(1)
    text = src.replace("fiscal_year: 2566", "fiscal_year: 2567", 1)
    save(os.path.join(folder, "new-measure.md"), text)
    got = s.wait(r"event: reload", 60)
    st, _, _ = request(host, port, "GET",
                       BASE + "2567/measures/new-measure/")
    verdict("measure in a new folder", "" if got and st == 200 else
            "no reload or no page (status %d) for a measure saved in a "
            "folder made after the server started" % st)
    s.close()
    # The new year is in every page's menu, which the theme makes once
    # per build (p:once): not kept from the build before.
    verdict("menu shows the new year", menu_links(host, port, "2567"))
    page = "2567/measures/new-measure/index.html"
    st, _, body = request(host, port, "GET", BASE + page)
    s = Stream(host, port, page, gen_of(body))
    s.wait(r": prongsai", 10)
    save(os.path.join(folder, "new-measure.md"),
         text.replace("ทดสอบรีโหลด", "แก้ในโฟลเดอร์ใหม่", 1))
    got = s.wait(r"event: reload", 60)
    st, _, body = request(host, port, "GET", BASE + page)
    verdict("change in the new folder", "" if got and
            "แก้ในโฟลเดอร์ใหม่".encode() in shown(body) else
            "a change to a file in the new folder was not seen")
    s.close()
    st, _, body = request(host, port, "GET", BASE + "about/")
    s = Stream(host, port, "about/index.html", gen_of(body))
    s.wait(r": prongsai", 10)
    os.remove(os.path.join(folder, "new-measure.md"))
    s.wait(r"event: reload", 60)
    st, _, _ = request(host, port, "GET", BASE + page)
    verdict("removed measure's page is gone", "" if st == 404 else
            "status %d for the page of a deleted measure" % st)
    s.close()
    verdict("menu drops the year gone", menu_links(host, port, "2567", False))


def menu_links(host, port, year, want=True):
    """Why the menus of a measure page and of about/ do not (want) or
    still (not want) link to the year's page, or "" if all is as wanted;
    a page that does not load is a reason too."""
    why = ""
    link = ('href="[./]*%s/index.html"' % year).encode()
    for page in (PAGE, "about/index.html"):
        st, _, body = request(host, port, "GET", BASE + page)
        nav = re.search(rb'<nav class="site-nav".*?</nav>', body, re.S)
        if st != 200 or not nav:
            why += "%s: status %d, menu %s; " % (page, st,
                                                 "found" if nav else "none")
        elif bool(re.search(link, nav.group(0))) != want:
            why += "%s %s %s in its menu; " % (
                page, "has no" if want else "still has", year)
    return why


def poll(host, port, site):
    path = os.path.join(site, MEASURE)
    st, _, body = request(host, port, "GET", BASE + PAGE)
    s = Stream(host, port, PAGE, gen_of(body))
    s.wait(r": prongsai", 10)
    text = open(path, encoding="utf-8").read()
    save(path, text.replace("ทดสอบรีโหลด", "ทดสอบโพล", 1))
    got = s.wait(r"event: reload", 60)
    st, _, body = request(host, port, "GET", BASE + PAGE)
    verdict("--poll sees a save", "" if got and
            "ทดสอบโพล".encode() in shown(body) else
            "no reload, or the old page, with --poll")
    s.close()


def cpu_of(pid):
    with open("/proc/%s/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle(host, port, pid):
    n = 500
    streams = []
    try:
        for i in range(n):
            streams.append(Stream(host, port, "about/index.html"))
    except OSError as e:
        verdict("500 idle live-reload clients", "opened %d: %r" %
                (len(streams), e))
        return
    opened = sum(1 for s in streams if s.wait(r": prongsai", 10))
    verdict("500 idle live-reload clients", "" if opened == n else
            "%d of %d streams opened" % (opened, n))
    c0, t0 = cpu_of(pid), time.monotonic()
    time.sleep(5)
    c1, t1 = cpu_of(pid), time.monotonic()
    share = (c1 - c0) / (t1 - t0)
    print("# CPU with %d idle streams: %.1f %% of a core" % (n, share * 100),
          file=sys.stderr)
    verdict("idle clients cost no CPU", "" if share < 0.10 else
            "the server used %.0f %% of a core with %d idle streams" %
            (share * 100, n))
    beats = sum(1 for s in streams[:50] if s.wait(r": heartbeat", 5))
    verdict("idle clients get heartbeats", "" if beats == 50 else
            "%d of 50 streams had a heartbeat" % beats)
    for s in streams:
        s.close()
    time.sleep(2)
    st, _, _ = request(host, port, "GET", BASE)
    verdict("serves after the clients left", "" if st == 200 else
            "status %d" % st)


def rude(host, port):
    """Clients that send headers slowly, or hang up mid-answer."""
    slow = []
    for i in range(50):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(b"GET /ita/ HTTP/1.1\r\nHo")
        slow.append(s)
    for i in range(50):
        s = socket.create_connection((host, port), timeout=10)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        s.sendall(b"GET /ita/data/measures.json HTTP/1.1\r\nHost: x\r\n\r\n")
        s.recv(10)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                     b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.close()
    t0 = time.monotonic()
    st, _, body = request(host, port, "GET", BASE, timeout=10)
    took = time.monotonic() - t0
    verdict("serves beside slow and hung-up clients",
            "" if st == 200 and took < 5 else
            "status %d after %.1f s" % (st, took))
    for s in slow:
        s.sendall(b"st: x\r\n\r\n")
    ok = 0
    for s in slow:
        try:
            if s.recv(12).startswith(b"HTTP/1.1 200"):
                ok += 1
        except OSError:
            pass
        s.close()
    verdict("slow clients are answered", "" if ok == 50 else
            "%d of 50 slow clients got their page" % ok)


def main(argv):
    cmd, host, port = argv[1], argv[2], int(argv[3])
    if cmd == "table":
        table(host, port)
    elif cmd == "idle":
        idle(host, port, argv[4])
    elif cmd == "rude":
        rude(host, port)
    else:
        {"reload": reload, "overlay": overlay, "newdir": newdir,
         "poll": poll}[cmd](host, port, argv[4])


if __name__ == "__main__":
    main(sys.argv)
