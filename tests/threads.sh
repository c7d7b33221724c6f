#!/bin/sh
# tests/threads.sh: -j 1 and -j 4 give byte-identical output (the threaded
# run under ThreadSanitizer when built), and a rebuild after one change
# rewrites only the files whose bytes changed, keeping the others' inodes
# and times (issue 8).
set -u
cd "$(dirname "$0")/.."
bin=${PRONGSAI:-./prongsai}
tsan=./prongsai-tsan
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-threads.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
fail=0
ok() { echo "PASS: threads/$1"; }
no() { echo "FAIL: threads/$1: $2"; fail=1; }

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
# Every written file must be one that shows this measure or its numbers.
unexpected=$(printf '%s\n' "$changed" | grep -v -e "/2567/measures/$slug/" \
    -e '^\./index\.html$' -e '^\./2567/index\.html$' -e '^\./2567/[ieo]it/' \
    -e '^\./2567/report/' -e '^\./owners/' -e 'feed\.xml$' \
    -e '^\./data/' -e '^\./sitemap\.xml$')
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
exit $fail
