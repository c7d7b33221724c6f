#!/usr/bin/python3
# tests/import/compare.py WANT GOT: compares two built sites, the
# example (WANT) and an imported one (GOT): the open data of their
# 2566 measures by order (title, order, owners, period, status,
# progress) and the rows of their 2566 report pages.  Prints one line
# per difference and exits 1 if there is any.
#
# Where they must differ, and are not compared: the slugs (the example's
# are English words an editor chose; an import numbers them m-001...),
# areas (the example sorts each measure into IIT or EIT, the seed's
# heading names both for all eight), indicator, summary and updates (the
# seed has none of them).
import json
import os
import sys
from html.parser import HTMLParser

FIELDS = ('title', 'order', 'owners', 'period_start', 'period_end',
          'status', 'progress')


def measures(site):
    with open(os.path.join(site, 'data', 'measures.json'), encoding='utf-8') as f:
        ms = [m for m in json.load(f)['measures'] if m['fiscal_year'] == 2566]
    return sorted(ms, key=lambda m: m['order'])


class Rows(HTMLParser):
    """The link text of the first cell of each row of each report table."""

    def __init__(self):
        super().__init__()
        self.rows, self.table, self.cell, self.a = [], 0, 0, False
        self.text = ''

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get('class') or ''
        if tag == 'table' and 'report-table' in cls.split():
            self.table += 1
        elif self.table and tag == 'tr':
            self.cell = 0
        elif self.table and tag in ('td', 'th'):
            self.cell += 1
        elif self.table and tag == 'a' and self.cell == 1:
            self.a, self.text = True, ''

    def handle_endtag(self, tag):
        if tag == 'table' and self.table:
            self.table -= 1
        elif tag == 'a' and self.a:
            self.rows.append(' '.join(self.text.split()))
            self.a = False

    def handle_data(self, data):
        if self.a:
            self.text += data


def report(site):
    p = Rows()
    with open(os.path.join(site, '2566', 'report', 'index.html'), encoding='utf-8') as f:
        p.feed(f.read())
    return p.rows


want, got = sys.argv[1], sys.argv[2]
bad = []
a, b = measures(want), measures(got)
if len(a) != 16 or len(b) != 16:
    bad.append('measures: want 16 and 16, have %d and %d' % (len(a), len(b)))
for x, y in zip(a, b):
    for f in FIELDS:
        if x[f] != y[f]:
            bad.append('order %s %s: want %r, got %r' % (x['order'], f, x[f], y[f]))
ra, rb = report(want), report(got)
if len(ra) != 16 or ra != rb:
    bad.append('report rows differ:\n  want %r\n  got  %r' % (ra, rb))
for line in bad:
    print(line)
sys.exit(1 if bad else 0)
