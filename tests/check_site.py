#!/usr/bin/python3
"""tests/check_site.py: checks on a site that `prongsai build` wrote.

Helper of tests/build.sh.  Standard library plus python3-yaml (Debian
package python3-yaml) for the front matter.  Usage:

  check_site.py measures SITE OUT [--drafts]   a page per measure, none per draft
  check_site.py areas SITE OUT                 YEAR/iit|eit|oit list the right measures
  check_site.py links SITE OUT                 internal links and assets resolve
  check_site.py wellformed OUT...              libxml2's HTML parser is silent
  check_site.py vnu LOG OUT                    the Nu checker's errors for pages of OUT
  check_site.py inject OUT                     no executable markup anywhere
  check_site.py escaped OUT                    content markup shows as text
  check_site.py unsafe OUT                     unsafe_html lets raw HTML through

Prints one reason per line on failure (at most MAX_REASONS) and exits 1;
prints nothing and exits 0 on success.
"""

import html.parser
import os
import posixpath
import re
import subprocess
import sys
import urllib.parse

MAX_REASONS = 20
AREAS = ("iit", "eit", "oit")
MEASURE_PAGE = re.compile(r"^([0-9]+)/measures/([^/]+)/index\.html$")


class Failures:
    def __init__(self):
        self.reasons = []

    def add(self, msg):
        self.reasons.append(msg)

    def finish(self):
        for r in self.reasons[:MAX_REASONS]:
            print(r)
        if len(self.reasons) > MAX_REASONS:
            print("... and %d more" % (len(self.reasons) - MAX_REASONS))
        return 1 if self.reasons else 0


def html_files(out):
    """Every .html file under out, as paths relative to out, sorted."""
    found = []
    for d, dirs, files in os.walk(out):
        dirs.sort()
        for f in sorted(files):
            if f.endswith(".html"):
                found.append(os.path.relpath(os.path.join(d, f), out))
    return found


class Page(html.parser.HTMLParser):
    """Collects every element (tag, attrs, path of open tags) and the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements = []      # (tag, [(name, value)], ancestors tuple)
        self.text = []
        self.stack = []
        self.raw = {}           # tag -> text inside it (style, script)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, attrs, tuple(self.stack)))
        if tag not in ("area", "base", "br", "col", "embed", "hr", "img",
                       "input", "link", "meta", "source", "track", "wbr"):
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, attrs, tuple(self.stack)))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)
        if self.stack and self.stack[-1] in ("style", "script"):
            self.raw.setdefault(self.stack[-1], []).append(data)


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


def front_matter(path):
    """The YAML front matter of a content file as a dict."""
    import yaml  # python3-yaml
    with open(path, encoding="utf-8-sig") as f:
        text = f.read().replace("\r\n", "\n")
    if not text.startswith("---\n"):
        raise ValueError("%s: no front matter" % path)
    end = re.search(r"^---[ \t]*$", text[4:], re.M)
    if end is None:
        raise ValueError("%s: front matter not closed" % path)
    data = yaml.safe_load(text[4:4 + end.start()]) or {}
    if not isinstance(data, dict):
        raise ValueError("%s: front matter is not a map" % path)
    return data


def truthy(v):
    if isinstance(v, str):
        return v.strip().lower() in ("true", "yes", "on")
    return bool(v)


def site_measures(site):
    """[(file, year, slug, set of areas, draft)] for content/measures/**."""
    root = os.path.join(site, "content", "measures")
    found = []
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if not x.startswith("."))
        for f in sorted(files):
            if f.startswith(".") or not f.endswith(".md"):
                continue
            path = os.path.join(d, f)
            fm = front_matter(path)
            areas = fm.get("areas", [])
            if isinstance(areas, str):
                areas = [areas]
            found.append((os.path.relpath(path, site),
                          int(fm["fiscal_year"]),
                          str(fm.get("slug") or f[:-3]),
                          {str(a).lower() for a in areas},
                          truthy(fm.get("draft", False))))
    return found


def cmd_measures(site, out, drafts=False):
    fail = Failures()
    want = set()
    for file, year, slug, _, draft in site_measures(site):
        page = "%d/measures/%s/index.html" % (year, slug)
        if draft and not drafts:
            if os.path.exists(os.path.join(out, page)):
                fail.add("%s is a draft but %s was published" % (file, page))
        else:
            want.add(page)
            if not os.path.isfile(os.path.join(out, page)):
                fail.add("%s has no page %s" % (file, page))
    if not want:
        fail.add("%s has no measures to check" % site)
    for page in html_files(out):
        if MEASURE_PAGE.match(page) and page not in want:
            fail.add("%s is not the page of any published measure" % page)
    return fail.finish()


def resolve(page, url):
    """The output path url (from page) points at, or None if external."""
    u = url.strip()
    parts = urllib.parse.urlsplit(u)
    if parts.scheme or u.startswith("//"):
        return None
    path = urllib.parse.unquote(parts.path, errors="strict")
    if path == "":
        return None if u.startswith("#") else page
    if path.startswith("/"):
        return "/"  # an absolute path: reported by the caller
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page),
                                               path))
    if path.endswith("/"):
        joined += "/"
    return joined


def page_links(p):
    """(tag, attribute, value) of the links and assets of a parsed page."""
    want = {"a": "href", "link": "href", "img": "src", "script": "src"}
    for tag, attrs, _ in p.elements:
        if tag in want:
            for name, value in attrs:
                if name == want[tag] and value is not None:
                    yield tag, name, value


def base_path(site):
    """The path of the site's base_url, e.g. /ita/."""
    import yaml  # python3-yaml
    with open(os.path.join(site, "content", "site.yaml"),
              encoding="utf-8-sig") as f:
        cfg = yaml.safe_load(f) or {}
    path = urllib.parse.urlsplit(str(cfg.get("base_url", "/"))).path
    return path if path.endswith("/") else path + "/"


def cmd_links(site, out):
    """404.html is served at any depth, so it alone may link with
    absolute paths under the path of base_url."""
    fail = Failures()
    base = base_path(site)
    pages = html_files(out)
    if not pages:
        fail.add("no pages in %s" % out)
    for page in pages:
        for tag, name, value in page_links(parse(os.path.join(out, page))):
            where = '%s: <%s %s="%s">' % (page, tag, name, value)
            scheme = urllib.parse.urlsplit(value.strip()).scheme.lower()
            if scheme in ("http", "https", "mailto", "tel"):
                continue
            if scheme:
                fail.add("%s: unexpected URL scheme" % where)
                continue
            if value.strip().startswith("//") or value.startswith("#"):
                continue
            if value.strip() == "":
                fail.add("%s: empty link" % where)
                continue
            try:
                target = resolve(page, value)
            except UnicodeDecodeError:
                fail.add("%s: bad percent-encoding" % where)
                continue
            if target == "/" and page == "404.html":
                path = urllib.parse.unquote(
                    urllib.parse.urlsplit(value.strip()).path)
                if not path.startswith(base):
                    fail.add("%s: not under the base path %s" %
                             (where, base))
                    continue
                target = posixpath.normpath(path[len(base):] or ".") + \
                    ("/" if path.endswith("/") else "")
            if target == "/":
                fail.add("%s: absolute path; internal links must be "
                         "relative" % where)
            elif target.startswith("../") or target == "..":
                fail.add("%s: points outside the site" % where)
            elif target.endswith("/") or target == ".":
                fail.add("%s: links a folder; link its index.html" % where)
            elif not os.path.isfile(os.path.join(out, target)):
                fail.add("%s: %s does not exist" % (where, target))
    return fail.finish()


def cmd_areas(site, out):
    fail = Failures()
    want = {}
    for _, year, slug, areas, draft in site_measures(site):
        if draft:
            continue
        for a in AREAS:  # empty areas are checked too
            want.setdefault((year, a), set())
        for a in areas:
            want[(year, a)].add((year, slug))
    if not want:
        fail.add("%s has no measures to check" % site)
    for (year, area), expect in sorted(want.items()):
        page = "%d/%s/index.html" % (year, area)
        path = os.path.join(out, page)
        if not os.path.isfile(path):
            fail.add("%s is missing" % page)
            continue
        got = set()
        for tag, _, value in page_links(parse(path)):
            if tag != "a":
                continue
            try:
                target = resolve(page, value)
            except UnicodeDecodeError:
                continue
            m = MEASURE_PAGE.match(target or "")
            if m:
                got.add((int(m.group(1)), m.group(2)))
        for y, s in sorted(expect - got):
            fail.add("%s does not list %d/%s" % (page, y, s))
        for y, s in sorted(got - expect):
            fail.add("%s lists %d/%s, which is not in %s" %
                     (page, y, s, area.upper()))
    return fail.finish()


def cmd_wellformed(outs):
    """libxml2's HTML parser on every page; its HTML 4 element table does
    not know HTML5 elements, so only 'Tag X invalid' for those is let go."""
    html5 = {"article", "aside", "audio", "bdi", "canvas", "data",
             "datalist", "details", "dialog", "figcaption", "figure",
             "footer", "header", "hgroup", "main", "mark", "math", "meter",
             "nav", "output", "picture", "progress", "rp", "rt", "ruby",
             "search", "section", "slot", "summary", "svg", "template",
             "time", "track", "video", "wbr", "path", "circle", "rect",
             "line", "polyline", "polygon", "g", "use", "symbol", "title",
             "desc", "defs", "text", "tspan", "line", "pattern", "source", "use"}
    fail = Failures()
    files = []
    for out in outs:
        files += [os.path.join(out, p) for p in html_files(out)]
    if not files:
        fail.add("no pages")
        return fail.finish()
    r = subprocess.run(["xmllint", "--html", "--noout"] + files,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines = r.stdout.decode("utf-8", "replace").splitlines()
    head = re.compile(r"^(.*):([0-9]+): (HTML parser error|parser error|"
                      r"parser warning|HTML parser warning|[a-z ]*error|"
                      r"[a-z ]*warning) : (.*)$")
    i = 0
    while i < len(lines):
        m = head.match(lines[i])
        if m is None:
            fail.add("xmllint: %s" % lines[i])
            i += 1
            continue
        # Each message is followed by the line in question and a caret.
        j = i + 1
        while j < len(lines) and not head.match(lines[j]):
            j += 1
        t = re.match(r"^Tag (\S+) invalid$", m.group(4))
        if not (t and t.group(1).lower() in html5):
            name = m.group(1)
            for out in outs:
                if name.startswith(out.rstrip("/") + "/"):
                    name = os.path.relpath(name, out)
            fail.add("%s:%s: %s" % (name, m.group(2), m.group(4)))
        i = j
    if r.returncode not in (0,) and not fail.reasons and \
            not any(head.match(x) for x in lines):
        fail.add("xmllint exited with %d" % r.returncode)
    return fail.finish()


def cmd_vnu(log, out):
    """Lines of the Nu checker's gnu-format log that are about pages of out."""
    fail = Failures()
    prefix = os.path.abspath(out) + "/"
    with open(log, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.rstrip("\n")
            raw = line[1:].split('"', 1)[0] if line.startswith('"') \
                else line.split(":", 1)[0]
            name = raw
            if name.startswith("file:"):
                name = urllib.parse.unquote(urllib.parse.urlsplit(name).path)
            if os.path.abspath(name).startswith(prefix):
                page = os.path.relpath(os.path.abspath(name), out)
                rest = line[len(raw) + 2:] if line.startswith('"') \
                    else line[len(raw):]
                fail.add(page + rest)
    return fail.finish()


# Elements that must not be in any page (the default theme uses none but
# the search page's own script, theme_script below).
FORBIDDEN = {"script", "iframe", "object", "embed", "frame", "frameset",
             "applet", "base", "portal"}
URL_ATTRS = {"href", "src", "action", "formaction", "data", "poster",
             "srcset", "background", "xlink:href", "ping", "cite",
             "longdesc", "manifest", "codebase", "archive", "dynsrc",
             "lowsrc", "icon"}
BAD_SCHEME = re.compile(r"^(javascript|vbscript|livescript|data):")


def bad_url(value):
    # Browsers drop leading C0 controls and spaces and any tab or newline.
    v = re.sub(r"[\t\n\r]", "", value).lstrip("\x00\x01\x02\x03\x04\x05\x06"
                                              "\x07\x08\x0b\x0c\x0e\x0f"
                                              "\x10\x11\x12\x13\x14\x15"
                                              "\x16\x17\x18\x19\x1a\x1b"
                                              "\x1c\x1d\x1e\x1f ")
    v = v.lower()
    if v.startswith("data:image/"):
        return False
    return bool(BAD_SCHEME.match(v))


def theme_script(page, tag, attrs):
    """Is this the search page's <script src=".../static/search.js">,
    the theme's one script, with nothing else on it?"""
    return page == "search/index.html" and tag == "script" and \
        len(attrs) == 1 and attrs[0][0] == "src" and \
        re.fullmatch(r"(\.\./)*static/search\.js", attrs[0][1] or "")


def cmd_inject(out):
    fail = Failures()
    pages = html_files(out)
    if not pages:
        fail.add("no pages in %s" % out)
    for page in pages:
        p = parse(os.path.join(out, page))
        for tag, attrs, ancestors in p.elements:
            where = "%s: <%s>" % (page, tag)
            if theme_script(page, tag, attrs):
                continue
            if tag in FORBIDDEN:
                fail.add("%s element" % where)
            if tag == "style" and "body" in ancestors:
                fail.add("%s element in the body" % where)
            if tag == "meta" and any(n == "http-equiv" and
                                     (v or "").lower() == "refresh"
                                     for n, v in attrs):
                fail.add("%s refresh" % where)
            for name, value in attrs:
                if name.startswith("on"):
                    fail.add('%s has event handler %s="%s"' %
                             (where, name, value))
                elif name == "srcdoc":
                    fail.add("%s has srcdoc" % where)
                elif value is not None and (name in URL_ATTRS or
                                            name.endswith("href")) and \
                        bad_url(value):
                    fail.add('%s has %s="%s"' % (where, name, value))
                elif name == "style" and value is not None and \
                        re.search(r"javascript:|expression\s*\(|pwned",
                                  value, re.I):
                    fail.add('%s has style="%s"' % (where, value))
        for text in p.raw.get("script", []):
            if text.strip():
                fail.add("%s: inline <script>: %s" % (page, text.strip()[:60]))
        for text in p.raw.get("style", []):
            if "pwned" in text:
                fail.add("%s: <style> from content: %s" %
                         (page, text.strip()[:60]))
    return fail.finish()


def cmd_escaped(out):
    """Content markup must reach readers as text: the measure title, an
    owner and an evidence title show literally on the measure page."""
    fail = Failures()
    page = "2566/measures/script-title/index.html"
    path = os.path.join(out, page)
    if not os.path.isfile(path):
        fail.add("%s is missing" % page)
        return fail.finish()
    text = "".join(parse(path).text)
    for s in ('<script>alert("pwned-title")</script> มาตรการทดสอบ',
              '<script>alert("pwned-owner")</script>',
              '<script>alert("pwned-evidence")</script>'):
        if s not in text:
            fail.add("%s does not show %s as text" % (page, s))
    return fail.finish()


def cmd_unsafe(out):
    """With unsafe_html the raw HTML of bodies reaches the page."""
    fail = Failures()
    want = {
        "2566/measures/script-title/index.html":
            [("img", "onerror", "pwned-raw-img"),
             ("span", "class", "pwned-raw-span")],
        "about/index.html": [("img", "onerror", "pwned-page-raw-img")],
    }
    for page, items in sorted(want.items()):
        path = os.path.join(out, page)
        if not os.path.isfile(path):
            fail.add("%s is missing" % page)
            continue
        p = parse(path)
        for tag, name, needle in items:
            if not any(t == tag and any(n == name and needle in (v or "")
                                        for n, v in a)
                       for t, a, _ in p.elements):
                fail.add('%s: no raw <%s %s="…%s…">' %
                         (page, tag, name, needle))
    return fail.finish()


def main(argv):
    cmds = {
        "measures": lambda a: cmd_measures(a[0], a[1], "--drafts" in a[2:]),
        "areas": lambda a: cmd_areas(a[0], a[1]),
        "links": lambda a: cmd_links(a[0], a[1]),
        "wellformed": lambda a: cmd_wellformed(a),
        "vnu": lambda a: cmd_vnu(a[0], a[1]),
        "inject": lambda a: cmd_inject(a[0]),
        "escaped": lambda a: cmd_escaped(a[0]),
        "unsafe": lambda a: cmd_unsafe(a[0]),
    }
    if len(argv) < 3 or argv[1] not in cmds:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        return cmds[argv[1]](argv[2:])
    except ImportError as e:
        print("%s: install the Debian package python3-yaml" % e)
        return 1
    except (OSError, ValueError, KeyError) as e:
        print("%s: %s" % (type(e).__name__, e))
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
