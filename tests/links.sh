#!/bin/sh
# tests/links.sh: Debian's linkchecker crawls the example site, and
# tests/fixtures/citizens (a status of every kind), from the home page,
# served on loopback (issues 7, 21).
#
# Builds content/ with $PRONGSAI (default ./prongsai), serves the output
# with Python's http.server on a free 127.0.0.1 port under the path of
# the site's base_url (/ita/ for the example), and runs linkchecker from
# the home page over internal links only (external ones are not fetched:
# the site must work offline), without robots.txt.  Passes when every
# internal link, asset and feed it found answers, and every HTML page
# and every feed in the output was reached from the home page (404.html,
# served for missing addresses, is the only page nothing links to).
# Prints PASS: links/NAME or FAIL: links/NAME: reason.
. "$(dirname "$0")/lib/suite.sh"
py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-links.XXXXXX") || exit 3
server=
cleanup() {
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' HUP INT TERM

if ! command -v linkchecker >/dev/null 2>&1; then
	echo "FAIL: links/setup: no linkchecker: run 'make deps'"
	exit 1
fi
crawl() {	# name source
name=$1
out=$work/$name
if ! "$bin" build --source "$2" --output "$out" >"$work/build.log" 2>&1; then
	echo "FAIL: links/$name/setup: prongsai build: $(head -n 5 "$work/build.log")"
	return 1
fi
# The path of base_url, from the home page's canonical link: /ita/.
base=$(sed -n 's|.*<link rel="canonical" href="[a-z]*://[^/"]*\(/[^"]*\)".*|\1|p' \
    "$out/index.html" | head -n 1)
base=${base%index.html}
case $base in */) ;; *) base=$base/ ;; esac
root=$work/root-$name
mkdir -p "$root$base"
rmdir "$root$base"
ln -s "$out" "$root${base%/}"

# http.server, on a port the kernel picks; it says which, in a log of
# this crawl's own (the background job truncates its log only once it
# runs, so a shared one could still show the last crawl's dead port).  Its answers
# carry a LinkChecker header, which lifts linkchecker's 10 requests a
# second limit for this host (see linkcheck/checker/httpurl.py).
"$py" -u -c '
import functools, http.server, sys
class H(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("LinkChecker", "unlimited")
        super().end_headers()
s = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
    functools.partial(H, directory=sys.argv[1]))
print("port", s.server_address[1])
s.serve_forever()
' "$root" >"$work/server-$name.log" 2>&1 &
server=$!
port=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	port=$(sed -n 's/^port \([0-9]*\)$/\1/p' "$work/server-$name.log" 2>/dev/null)
	[ -n "$port" ] && break
	sleep 0.25
done
if [ -z "$port" ]; then
	echo "FAIL: links/$name/setup: http.server did not start: $(head -n 5 "$work/server-$name.log")"
	return 1
fi
home=http://127.0.0.1:$port${base}index.html

printf '[checking]\nmaxrequestspersecond=1000\n' >"$work/linkcheckerrc"
t0=$(date +%s)
# linkchecker run as root drops to nobody: it writes to its stdout, which
# this shell opened.
linkchecker -f "$work/linkcheckerrc" --no-robots --no-warnings --no-status \
    -o csv --verbose "$home" >"$work/links.csv" 2>"$work/linkchecker.log"
lst=$?
echo "links.sh: $name: linkchecker ran in $(($(date +%s) - t0)) s"

"$py" - "$work/links.csv" "$out" "http://127.0.0.1:$port$base" "$lst" "$name" <<'EOF'
import csv, os, sys, urllib.parse
log, out, prefix, status, name = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
rows = []
with open(log, encoding="utf-8") as f:
    lines = [l for l in f if not l.startswith("#")]
for r in csv.DictReader(lines, delimiter=";"):
    rows.append(r)
fails = {"resolve": [], "reach": []}
seen = set()
for r in rows:
    url = r.get("url") or r.get("urlname") or ""
    if r.get("valid") != "True":
        fails["resolve"].append("%s (linked from %s): %s" % (url, r.get("parentname") or "the start", r.get("result")))
        continue
    if url.startswith(prefix):
        rel = urllib.parse.unquote(urllib.parse.urlsplit(url).path[len(urllib.parse.urlsplit(prefix).path):])
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        seen.add(rel)
if status not in (0, 1):
    fails["resolve"].append("linkchecker exited with %d" % status)
if not rows:
    fails["resolve"].append("linkchecker checked nothing")
want = []
for d, dirs, files in os.walk(out):
    dirs.sort()
    for n in sorted(files):
        if n.endswith(".html") or n == "feed.xml":
            want.append(os.path.relpath(os.path.join(d, n), out))
for rel in want:
    if rel not in seen and rel != "404.html":
        fails["reach"].append("%s is not reachable from the home page" % rel)
print("links.sh: %s: %d URLs checked, %d of %d pages and feeds reached" %
      (name, len(rows), len([w for w in want if w in seen]), len(want)))
bad = 0
for name, what in (("resolve", "every internal link, asset and feed answers"),
                   ("reach", "every page and feed is reachable from the home page")):
    if fails[name]:
        bad = 1
        more = len(fails[name]) - 20
        print("FAIL: links/%s/%s: %s" % (sys.argv[5], name, "\n    ".join(fails[name][:20] + (["... and %d more" % more] if more > 0 else []))))
    else:
        print("PASS: links/%s/%s" % (sys.argv[5], name))
sys.exit(bad)
EOF
st=$?
kill "$server" 2>/dev/null
wait "$server" 2>/dev/null
server=
return $st
}

# The example, and a fixture with measures in every status (its status
# pages, owner feeds and data dictionary).
# LINKS_SITE: another site folder to crawl alone (tests/oit.sh gives
# its fixture).
if [ -n "${LINKS_SITE:-}" ]; then
	crawl site "$LINKS_SITE"
	exit $?
fi
crawl example "$top"
a=$?
crawl citizens "$top/tests/fixtures/citizens"
b=$?
[ $a -eq 0 ] && [ $b -eq 0 ]
