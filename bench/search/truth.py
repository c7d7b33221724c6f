#!/usr/bin/python3
"""bench/search/truth.py: what a search should find, worked out apart from Prongsai.

    truth.py docs SITE                  the documents as JSON lines
    truth.py queries SITE N [SEED]      N queries drawn from the content
    truth.py expect SITE QUERIES.json   {query: [site paths that contain it]}
    truth.py pagefind SITE OUT          one HTML page per document for Pagefind

A document is a measure (not a draft) or a free page of SITE/content; its
text is its title, summary, owners and body as a reader sees them: the
Markdown rendered by the cmark-gfm program (Debian cmark-gfm) with the
extensions Prongsai uses, its HTML reduced to text by Python's html.parser.
The normal form is written again here from the issue's words, not from
search.c: NFC, nikhahit + sara aa (with a tone mark between) as sara am,
zero-width characters dropped, Thai digits as Arabic digits, Latin-1
capitals folded, blanks as one space.  A page contains a query when its
normal form contains every word of the query's (words of one character
are not searched, as in search.js).

Queries: single space-separated words of the text, parts of compounds
(a piece starting and ending at a letter boundary inside a longer run of
Thai), two-word queries, and a few fixed ones from the issue (งบประมาณ,
ร้องเรียน, ดี, ๒๕๖๖).
"""
import html.parser
import json
import os
import random
import re
import subprocess
import sys
import unicodedata

import yaml

INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
INLINE = {"a", "abbr", "b", "code", "del", "em", "i", "ins", "kbd", "mark",
          "q", "s", "small", "span", "strong", "sub", "sup", "u"}
# A character that cannot start or end a piece: Thai vowel and tone marks
# above and below, and the vowels written after a consonant.
MARK = re.compile("[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]")
THAI = re.compile("[\u0e00-\u0e7f]+")
LETTER = re.compile("[\u0e01-\u0e2ea-zA-Z]")


def norm(s):
    s = INVISIBLE.sub("", s)
    s = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" or
                ("\u00c0" <= c <= "\u00de" and c != "\u00d7") else c
                for c in s)
    s = " ".join(s.split())
    s = AM.sub("\\1\u0e33", unicodedata.normalize("NFC", s))
    return "".join(chr(ord(c) - 0x0e50 + 48) if "\u0e50" <= c <= "\u0e59"
                   else c for c in s)


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag not in INLINE:
            self.out.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if tag not in INLINE:
            self.out.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def markdown_text(md):
    ext = []
    for e in ("table", "tasklist", "strikethrough", "autolink", "tagfilter"):
        ext += ["--extension", e]
    r = subprocess.run(["cmark-gfm"] + ext, input=md.encode(),
                       capture_output=True, check=True)
    p = Text()
    p.feed(r.stdout.decode())
    p.close()
    return "".join(p.out)


def split(path):
    with open(path, encoding="utf-8-sig") as f:
        text = f.read().replace("\r\n", "\n")
    _, fm, body = text.split("---\n", 2)
    # Every scalar a string: the generated content has dates that do not
    # exist, which Prongsai reports but which stop yaml's date reader.
    return yaml.load(fm, Loader=yaml.BaseLoader) or {}, body


def docs(site):
    out = []
    root = os.path.join(site, "content", "measures")
    for d, _, files in sorted(os.walk(root)):
        for f in sorted(files):
            if not f.endswith(".md"):
                continue
            fm, body = split(os.path.join(d, f))
            if str(fm.get("draft", "")).lower() in ("true", "yes", "on"):
                continue
            slug = str(fm.get("slug") or f[:-3])
            st = fm.get("status", "")
            year = int(norm(str(fm["fiscal_year"])))
            out.append({
                "path": "%d/measures/%s/" % (year, slug),
                "title": str(fm["title"]),
                "year": year,
                "areas": [str(a) for a in ([fm["areas"]] if isinstance(
                    fm.get("areas"), str) else fm.get("areas", []))],
                "status": st,
                "text": " ".join([str(fm.get("summary") or "")] +
                                 [str(o) for o in fm.get("owners", [])] +
                                 [markdown_text(body)])})
    pages = os.path.join(site, "content", "pages")
    for f in sorted(os.listdir(pages)) if os.path.isdir(pages) else []:
        if f.endswith(".md"):
            fm, body = split(os.path.join(pages, f))
            out.append({"path": str(fm.get("slug") or f[:-3]) + "/",
                        "title": str(fm["title"]), "year": 0, "areas": [],
                        "status": "", "text": markdown_text(body)})
    return out


def words_of(q):
    return [w for w in norm(q).split(" ") if len(w) >= 2]


def contains(d, words):
    t, b = norm(d["title"]), norm(d["text"])
    return all(w in t or w in b for w in words)


def draw(ds, n, seed):
    rnd = random.Random(seed)
    runs = [w for d in ds for w in (d["title"] + " " + d["text"]).split()]
    single = sorted({w for w in runs if 2 <= len(w) <= 12 and
                     not MARK.match(w) and LETTER.search(w)})
    pieces = set()
    for w in runs:
        for m in THAI.finditer(w):
            s = m.group(0)
            if len(s) < 8:
                continue
            for _ in range(2):
                a = rnd.randrange(1, len(s) - 4)
                b = a + rnd.randrange(3, 7)
                while a < len(s) and MARK.match(s[a]):
                    a += 1
                while b < len(s) and MARK.match(s[b]):
                    b += 1
                if b - a >= 3:
                    pieces.add(s[a:b])
    pieces = sorted(pieces)
    qs = ["งบประมาณ", "ร้องเรียน", "ดี", "๒๕๖๖"]
    k = n // 3
    qs += rnd.sample(single, min(k, len(single)))
    qs += rnd.sample(pieces, min(k, len(pieces)))
    while len(qs) < n:
        if len(qs) % 2:
            qs.append(rnd.choice(single) + " " + rnd.choice(single + pieces))
        else:
            ws = rnd.choice(ds)["text"].split()
            ws = [w for w in ws if len(w) >= 2 and not MARK.match(w)]
            if len(ws) >= 2:
                qs.append(" ".join(rnd.sample(ws, 2)))
    return list(dict.fromkeys(qs))[:n]


def main(argv):
    if len(argv) >= 3 and argv[1] == "docs":
        for d in docs(argv[2]):
            print(json.dumps(d, ensure_ascii=False))
    elif len(argv) >= 4 and argv[1] == "queries":
        seed = int(argv[4]) if len(argv) > 4 else 1
        json.dump(draw(docs(argv[2]), int(argv[3]), seed), sys.stdout,
                  ensure_ascii=False, indent=0)
    elif len(argv) == 4 and argv[1] == "expect":
        ds = docs(argv[2])
        with open(argv[3], encoding="utf-8") as f:
            qs = json.load(f)
        out = {}
        for q in qs:
            ws = words_of(q)
            out[q] = {
                "all": [d["path"] for d in ds if ws and contains(d, ws)],
                "title": [d["path"] for d in ds if ws and
                          all(w in norm(d["title"]) for w in ws)]}
        json.dump({"queries": out, "docs": {d["path"]: {
            "title": d["title"], "year": d["year"], "areas": d["areas"],
            "status": d["status"]} for d in ds}}, sys.stdout,
            ensure_ascii=False)
    elif len(argv) == 4 and argv[1] == "pagefind":
        for d in docs(argv[2]):
            p = os.path.join(argv[3], d["path"], "index.html")
            os.makedirs(os.path.dirname(p), exist_ok=True)
            esc = html.escape
            with open(p, "w", encoding="utf-8") as f:
                f.write('<!DOCTYPE html><html lang="th"><head><meta '
                        'charset="utf-8"><title>%s</title></head><body>'
                        '<main data-pagefind-body><h1>%s</h1><p>%s</p>'
                        '</main></body></html>\n' % (
                            esc(d["title"]), esc(d["title"]),
                            esc(d["text"])))
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
