#!/bin/sh
# tests/search.sh: the search index and the search page (issue 19).
#
# Builds the example site (content/) and a generated one of 300 measures
# (bench/gen.py) with $PRONGSAI (default ./prongsai) and checks the index
# files: written for every document, byte-identical when built again
# (also with -j 1), kept as published when a later build fails.  Then
# draws queries from each site's content with bench/search/truth.py
# (Debian's python3 and cmark-gfm, apart from Prongsai's code), works
# out which documents hold them, and runs tests/search.mjs in headless
# Chromium: the queries typed into the search box, filters, marks,
# keyboard, no JavaScript, axe, a 360 px phone, no request off the
# machine.  Prints PASS:/FAIL: lines; fails (never skips) without
# chromium, node or node_modules.
. "$(dirname "$0")/lib/suite.sh"
suite=search
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-search.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

for need in /usr/bin/chromium /usr/bin/cmark-gfm node_modules/playwright-core \
    node_modules/axe-core/axe.min.js; do
	if [ ! -e "$need" ]; then
		no setup "no $need: run 'make deps'"
		exit 1
	fi
done

build() {	# source output [options]
	src=$1 out=$2
	shift 2
	if ! "$bin" build --quiet --source "$src" --output "$out" "$@" \
	    >"$work/build.log" 2>&1; then
		no "setup" "prongsai build --source $src: $(head -n 5 "$work/build.log")"
		exit 1
	fi
}
build "$top" "$work/example"
if ! /usr/bin/python3 bench/gen.py 300 "$work/gen" >"$work/gen.log" 2>&1; then
	no setup "bench/gen.py 300: $(head -n 5 "$work/gen.log")"
	exit 1
fi
build "$work/gen" "$work/big"

# files: the manifest counts every measure and free page; every shard,
# title and text file it implies is there.
for s in example big; do
	src=$top
	[ $s = big ] && src=$work/gen
	why=$(/usr/bin/python3 - "$work/$s/search" "$src" <<'EOF'
import json, os, sys
d, src = sys.argv[1], sys.argv[2]
m = json.load(open(os.path.join(d, "index.json")))
n = 0
for root, _, fs in os.walk(os.path.join(src, "content", "measures")):
    for f in fs:
        if f.endswith(".md") and "\ndraft: true" not in open(os.path.join(root, f)).read():
            n += 1
pages = os.path.join(src, "content", "pages")
n += len([f for f in os.listdir(pages) if f.endswith(".md")]) if os.path.isdir(pages) else 0
out = []
if m["docs"] != n:
    out.append("index.json counts %d documents, the content has %d" % (m["docs"], n))
size = 100
for k, (first, shards) in enumerate(m["blocks"]):
    if first != 100 * (2 ** k - 1):
        out.append("block %d starts at %d" % (k, first))
    for s in range(shards):
        if not os.path.isfile(os.path.join(d, "b", str(k), "%d.bin" % s)):
            out.append("no b/%d/%d.bin" % (k, s))
if not m["blocks"] or m["blocks"][-1][0] >= n or \
        m["blocks"][-1][0] + 100 * 2 ** (len(m["blocks"]) - 1) < n:
    out.append("the blocks %s do not hold %d documents" % (m["blocks"], n))
metas = sum(len(json.load(open(os.path.join(d, "m", "%d.json" % i))))
            for i in range((m["docs"] + m["meta"] - 1) // m["meta"]))
texts = sum(len(json.load(open(os.path.join(d, "x", "%d.json" % i))))
            for i in range((m["docs"] + m["text"] - 1) // m["text"]))
if metas != n or texts != n:
    out.append("m/ holds %d documents, x/ %d, want %d" % (metas, texts, n))
print("\n".join(out[:5]))
EOF
)
	verdict "files/$s" "$why"
done

# same: built again (one thread, a fresh folder), the index is the same
# bytes.
build "$work/gen" "$work/big2" -j 1
verdict same "$(diff -r "$work/big/search" "$work/big2/search" 2>&1 | head -n 5)"

# kept: a build that fails leaves the published index as it was.
cp -R "$work/gen" "$work/gen-bad"
printf -- '---\ntitle: [\n---\n' >"$work/gen-bad/content/measures/2566/zz-broken.md"
cp -R "$work/big/search" "$work/before"
if "$bin" build --quiet --source "$work/gen-bad" --output "$work/big" \
    >"$work/bad.log" 2>&1; then
	no kept "a build with a broken measure succeeded"
else
	verdict kept "$(diff -r "$work/before" "$work/big/search" 2>&1 | head -n 5)"
fi

for s in example big; do
	src=$top
	[ $s = big ] && src=$work/gen
	if ! /usr/bin/python3 bench/search/truth.py queries "$src" 24 7 \
	    >"$work/$s-q.json" 2>"$work/truth.log" ||
	    ! /usr/bin/python3 bench/search/truth.py expect "$src" \
	    "$work/$s-q.json" >"$work/$s-expect.json" 2>>"$work/truth.log"; then
		no "setup" "bench/search/truth.py: $(head -n 5 "$work/truth.log")"
		exit 1
	fi
done

node tests/search.mjs "example=$work/example:$work/example-expect.json" \
    "big=$work/big:$work/big-expect.json" >"$work/mjs.log" 2>&1
st=$?
grep -E '^(PASS|FAIL):' "$work/mjs.log"
[ $st -eq 0 ] || grep -vE '^(PASS|FAIL):' "$work/mjs.log" | head -n 20
[ "$fail" -eq 0 ] && [ $st -eq 0 ]
