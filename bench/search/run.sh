#!/bin/sh
# bench/search/run.sh: Prongsai's search index against Pagefind (issue 19).
#
#   sh bench/search/run.sh [N]        (N measures for the big site, default 10000)
#
# 1. recall and precision on the example site and a generated one of 300
#    measures: queries drawn from the content (truth.py queries), the
#    truth worked out apart from Prongsai (truth.py expect), Prongsai's
#    search page and Pagefind 1.6.0 (npx pagefind, on the same documents'
#    text as plain pages) asked in Chromium (bench.mjs recall);
# 2. a generated site of N measures: the CPU time of the build (user +
#    sys, -j 1 and with every core) against the CPU time search_write
#    takes on the loaded site (indextime.c), the index built twice
#    compared byte for byte, and its size;
# 3. bytes loaded and time to the first result for 20 queries on the big
#    site, each in a fresh browser context (bench.mjs speed).
# Needs ./prongsai and its objects in build/ (make prongsai), Debian
# chromium, cmark-gfm, python3-yaml, node_modules, and npx to reach
# Pagefind (package.json lists it).  Prints Markdown tables; the README's
# Search section holds the last figures.
set -eu
cd "$(dirname "$0")/../.."
n=${1:-10000}
py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-bsearch.XXXXXX")
trap 'rm -rf "$work"' EXIT
export TZ=Asia/Bangkok LC_ALL=C.UTF-8
PKGS="libcmark-gfm yaml-0.1 libxml-2.0 libxslt libexslt libthai jansson libxxhash"
pagefind() { npx --yes pagefind@1.6.0 --site "$1" >"$work/pagefind.log" 2>&1; }

cc -std=c11 -O2 -D_GNU_SOURCE -Isrc $(pkg-config --cflags $PKGS) \
    -o "$work/indextime" bench/search/indextime.c \
    $(ls build/*.o | grep -v '/main\.o$') $(pkg-config --libs $PKGS) \
    -lunistring -lpthread $(pkg-config --libs jemalloc)

echo "| site | search | queries | recall | precision | exactly right |"
echo "|---|---|---:|---:|---:|---:|"
$py bench/gen.py 300 "$work/g300" >/dev/null
for s in example:. g300:$work/g300; do
	name=${s%%:*} src=${s#*:}
	./prongsai build --quiet --source "$src" --output "$work/$name-out"
	$py bench/search/truth.py queries "$src" 60 1 >"$work/$name-q.json"
	$py bench/search/truth.py expect "$src" "$work/$name-q.json" >"$work/$name-e.json"
	$py bench/search/truth.py pagefind "$src" "$work/$name-pf"
	pagefind "$work/$name-pf"
	node bench/search/bench.mjs recall "$name" "$work/$name-out" \
	    "$work/$name-pf" "$work/$name-e.json" 2>"$work/$name-recall.log"
done

$py bench/gen.py "$n" "$work/big" >/dev/null
cpu() {	# the user + sys seconds of a command
	/usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1
	awk '{ printf "%.2f", $1 + $2 }' "$work/time"
}
b1=$(cpu ./prongsai build --quiet -j 1 --source "$work/big" --output "$work/big-out")
rm -rf "$work/big-out" "$work/big-out.prongsai-cache"
bn=$(cpu ./prongsai build --quiet --source "$work/big" --output "$work/big-out")
ix=$("$work/indextime" "$work/big" "$work/ix-out")
./prongsai build --quiet -j 1 --source "$work/big" --output "$work/big-again"
same=identical
diff -r "$work/big-out/search" "$work/big-again/search" >/dev/null || same=DIFFERENT
rm -rf "$work/big-again"
files=$(find "$work/big-out/search" -type f | wc -l)
bytes=$(du -s --apparent-size -B1 "$work/big-out/search" | cut -f1)
echo
echo "| measures | build CPU -j 1 | build CPU, all cores | index CPU (search_write) | share of the build without it | index files | index bytes | built twice |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
awk -v n="$n" -v b1="$b1" -v bn="$bn" -v ix="$ix" -v f="$files" -v by="$bytes" -v s="$same" \
    'BEGIN { printf "| %d | %.2f s | %.2f s | %.2f s | %.1f %% | %d | %.1f MB | %s |\n", n, b1, bn, ix, 100 * ix / (b1 - ix), f, by / 1e6, s }'

$py bench/search/truth.py queries "$work/big" 20 3 >"$work/big-q.json"
$py bench/search/truth.py pagefind "$work/big" "$work/big-pf"
pagefind "$work/big-pf"
pfbytes=$(du -s --apparent-size -B1 "$work/big-pf/pagefind" | cut -f1)
echo
echo "Pagefind's index of the same $n documents: $(find "$work/big-pf/pagefind" -type f | wc -l) files, $(awk -v b="$pfbytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')."
echo
echo "| site | search | queries | bytes to first result, median | largest | time to first result, median | slowest |"
echo "|---|---|---:|---:|---:|---:|---:|"
node bench/search/bench.mjs speed "$n measures" "$work/big-out" "$work/big-pf" \
    "$work/big-q.json" 2>"$work/speed.log"
if [ -n "${KEEP:-}" ]; then cp "$work"/*.log "$KEEP"/ 2>/dev/null || :; fi
