#!/bin/sh
# tests/threads.sh: -j 1 and -j 4 give byte-identical output (the threaded
# run under ThreadSanitizer when built), and a rebuild after one change
# rewrites only the files whose bytes changed, keeping the others' inodes
# and times (issue 8).
. "$(dirname "$0")/lib/suite.sh"
tsan=$top/prongsai-tsan
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-threads.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
suite=threads

/usr/bin/python3 bench/gen.py 300 "$work/site" >/dev/null || {
	echo "FAIL: threads/generate"; exit 1; }

# Same bytes whatever the number of threads.
"$bin" build -q -j 1 --source "$work/site" --output "$work/j1" 2>"$work/e1" ||
    no j1-builds "$(head -n 3 "$work/e1")"
[ -x "$tsan" ] || tsan=$bin
TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$tsan" build -q -j 4 \
    --source "$work/site" --output "$work/j4" 2>"$work/e4"
st=$?
if [ $st -ne 0 ] || grep -q "ThreadSanitizer" "$work/e4"; then
	no j4-builds "exit $st: $(head -n 20 "$work/e4")"
elif diff -r "$work/j1" "$work/j4" >"$work/diff" 2>&1; then
	ok "j1-equals-j4 ($(find "$work/j1" -type f | wc -l) files, $tsan)"
else
	no j1-equals-j4 "$(head -n 5 "$work/diff")"
fi

# Incremental: change one measure's progress, rebuild over the same output.
"$bin" build -q --source "$work/site" --output "$work/inc" 2>/dev/null
(cd "$work/inc" && find . -type f ! -name .prongsai-output -printf '%p %i %T@\n' | sort) >"$work/before"
f=$(find "$work/site/content/measures/2567" -name '*.md' | sort | head -n 1)
slug=$(basename "$f" .md)
status=$(sed -n 's/^status: *//p' "$f")
sed -i 's/^progress: .*/progress: 37/' "$f"
grep -q '^progress: 37' "$f" || sed -i 's/^status: .*/&\nprogress: 37/' "$f"
line=$("$bin" build -j 2 --source "$work/site" --output "$work/inc" 2>"$work/e5")
(cd "$work/inc" && find . -type f ! -name .prongsai-output -printf '%p %i %T@\n' | sort) >"$work/after"
# Files whose inode changed were written; all others must be byte-identical
# to before and keep their time stamps (the same inode, hard-linked).
changed=$(join "$work/before" "$work/after" | awk '$2 != $4 {print $1}')
nchanged=$(printf '%s\n' "$changed" | grep -c .)
written=$(printf '%s' "$line" | sed -n 's/.* \([0-9]*\) written.*/\1/p')
if [ "$nchanged" != "$written" ]; then
	no incremental-count "build said '$line' but $nchanged files changed"
else
	ok "incremental-count ($written written of $(wc -l <"$work/after"))"
fi
# Every written file must be one that shows this measure or its numbers
# (the search index keeps each measure's progress in its search/m/ file).
unexpected=$(printf '%s\n' "$changed" | grep -v -e "/2567/measures/$slug/" \
    -e '^\./index\.html$' -e '^\./2567/index\.html$' -e '^\./2567/[ieo]it/' \
    -e '^\./2567/report/' -e "^\./2567/status/$status/" -e '^\./owners/' \
    -e 'feed\.xml$' \
    -e '^\./data/' -e '^\./sitemap\.xml$' -e '^\./search/m/')
if [ -n "$unexpected" ]; then
	no incremental-scope "unexpected files rewritten: $(echo $unexpected | head -c 300)"
else
	ok incremental-scope
fi
printf '%s\n' "$changed" | grep -q "/2567/measures/$slug/index.html" &&
    ok incremental-measure-page || no incremental-measure-page "not rewritten"
if printf '%s\n' "$changed" | grep -q '^\./2566/'; then
	no incremental-other-year "pages of 2566 were rewritten"
else
	ok incremental-other-year
fi
# The render cache: a page whose model and theme did not change is not put
# through the theme again.  Nothing changed: nothing is rendered or written.
rendered() { printf '%s' "$1" | sed -n 's/.* \([0-9]*\) pages rendered.*/\1/p'; }
line=$("$bin" build --source "$work/site" --output "$work/inc" 2>/dev/null)
if [ "$(rendered "$line")" = 0 ] && printf '%s' "$line" | grep -q ' 0 written'; then
	ok cache-nothing-changed
else
	no cache-nothing-changed "expected 0 written and 0 pages rendered, got '$line'"
fi
# One measure's progress changed: only the pages that show it are rendered.
sed -i 's/^progress: .*/progress: 38/' "$f"
line=$("$bin" build --source "$work/site" --output "$work/inc" 2>/dev/null)
n=$(rendered "$line")
pages=$(printf '%s' "$line" | sed -n 's/^\([0-9]*\) pages.*/\1/p')
if [ -n "$n" ] && [ "$n" -ge 1 ] && [ "$n" -le 20 ]; then
	ok "cache-one-change ($n of $pages pages rendered)"
else
	no cache-one-change "expected 1 to 20 pages rendered, got '$line'"
fi
# A page edited by hand in the output is rendered again, and everything
# equals a build from scratch.
page=$(find "$work/inc/2566/measures" -name index.html | sort | head -n 1)
echo '<p>edited by hand</p>' >>"$page"
line=$("$bin" build --source "$work/site" --output "$work/inc" 2>/dev/null)
"$bin" build -q --source "$work/site" --output "$work/fresh" 2>/dev/null
if [ "$(rendered "$line")" = 1 ] && diff -r "$work/inc" "$work/fresh" >/dev/null; then
	ok cache-hand-edit
else
	no cache-hand-edit "expected 1 page rendered and the same bytes as a fresh build, got '$line'"
fi
# A changed theme renders every page again.
mkdir -p "$work/site/themes"
cp -r themes/default "$work/site/themes/default"
sed -i 's/skip-link/skip-link x-changed/' "$work/site/themes/default/layout.xsl"
line=$("$bin" build --source "$work/site" --output "$work/inc" 2>/dev/null)
if [ "$(rendered "$line")" = "$pages" ] && grep -q x-changed "$work/inc/index.html"; then
	ok cache-theme-change
else
	no cache-theme-change "expected all $pages pages rendered, got '$line'"
fi
[ "$fail" -eq 0 ]
