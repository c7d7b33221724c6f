"""tests/digits.py: with digits: thai, no page's visible text holds an ASCII digit.

Usage: digits.py OUTPUT_DIR.  Visible text is every text node outside
<head>, <script>, <style>, <code>, <pre> and <kbd>; attributes and URLs
are machine-readable and may keep ASCII digits.  Prints one line per
offending page and exits 1 if there is any.
"""
import html.parser
import os
import re
import sys

SKIP = {"head", "script", "style", "code", "pre", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Visible(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if any(t in SKIP for t in self.stack):
            return
        # URLs written out as text (e.g. an autolinked address) stay ASCII.
        text = re.sub(r"https?://\S+", "", data)
        if re.search(r"[0-9]", text):
            self.bad.append(text.strip()[:80])


def main(out):
    failed = 0
    pages = 0
    for root, _, files in os.walk(out):
        for f in sorted(files):
            if not f.endswith(".html"):
                continue
            path = os.path.join(root, f)
            pages += 1
            p = Visible()
            with open(path, encoding="utf-8") as fh:
                p.feed(fh.read())
            if p.bad:
                failed += 1
                rel = os.path.relpath(path, out)
                print("FAIL: digits/%s: ASCII digits in visible text: %s"
                      % (rel, " | ".join(p.bad[:5])))
    if pages == 0:
        print("FAIL: digits: no pages found in %s" % out)
        return 1
    if failed == 0:
        print("PASS: digits: %d pages, no ASCII digit in visible text" % pages)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
