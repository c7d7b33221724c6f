"""tests/lib/htmltree.py: a built page as a tree, for the suites' Python halves.

parse(path) reads an HTML file with Python's own html.parser into Nodes
(tests/oit.py, the checks of tests/report.sh).  An end tag closes the
nearest open element of its name and those inside it; text stays as
str children.
"""
import html.parser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.kids = []

    def text(self):
        return "".join(k if isinstance(k, str) else k.text()
                       for k in self.kids)

    def classes(self):
        return self.attrs.get("class", "").split()

    def all(self, tag=None, cls=None, where=None, **attrs):
        """The descendants, in document order, with that tag, class,
        attributes (data_chart= for data-chart) and where(node) true."""
        for k in self.kids:
            if isinstance(k, str):
                continue
            if ((tag is None or k.tag == tag) and
                    (cls is None or cls in k.classes()) and
                    (where is None or where(k)) and
                    all(k.attrs.get(a.replace("_", "-")) == v
                        for a, v in attrs.items())):
                yield k
            yield from k.all(tag, cls, where, **attrs)

    def one(self, tag=None, cls=None, where=None, **attrs):
        """The first of all(...), or None."""
        return next(self.all(tag, cls, where, **attrs), None)

    def children(self, tag):
        return [k for k in self.kids if not isinstance(k, str) and
                k.tag == tag]


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", {}, None)

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.kids.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.kids.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.kids.append(data)


def parse(path):
    """The root (tag "#root") of the HTML file at path."""
    t = Tree()
    with open(path, encoding="utf-8") as f:
        t.feed(f.read())
    return t.root
