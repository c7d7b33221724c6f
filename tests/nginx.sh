#!/bin/sh
# tests/nginx.sh: the publishing guide, tested (issue 21).  Builds the
# example into a web root and runs Debian's real nginx on loopback (not
# the system service: its own configuration, pid and logs in a temporary
# folder, in the foreground) with exactly docs/publish/nginx.conf (only
# its root changed to the temporary folder), beside a server block with
# Debian's defaults as the control; tests/nginx.py then fetches pages,
# feeds (content type; feedparser over HTTP with /usr/bin/python3), the
# data, Thai URLs, the 404 page and the /ita redirect.  Also checks that
# the README shows the configuration as it is in the file, and that
# docs/publish/rsync.sh sends only the files a rebuild changed.
. "$(dirname "$0")/lib/suite.sh"
suite=nginx
py=/usr/bin/python3
nginx=/usr/sbin/nginx
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-nginx.XXXXXX") || exit 3
ngpid=
cleanup() {
	if [ -n "$ngpid" ]; then
		kill "$ngpid" 2>/dev/null
		wait "$ngpid" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' HUP INT TERM
if [ ! -x "$nginx" ] || ! $py -c 'import feedparser' 2>/dev/null ||
    ! command -v rsync >/dev/null 2>&1; then
	no setup "needs Debian's nginx, rsync and python3-feedparser: run 'make deps'"
	exit 1
fi
# The workers drop to an unprivileged user, which must read the site.
chmod 755 "$work"
conf=docs/publish/nginx.conf

# The README shows the configuration that is tested.
why=$($py -c '
import sys
conf, readme = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
if "```nginx\n" + conf + "```\n" not in readme:
    print("the README has no nginx block equal to " + sys.argv[1])
' "$conf" README.md)
verdict readme-shows-the-tested-config "$why"

if ! "$bin" build --quiet --source "$top" --output "$work/www/ita" \
    >"$work/build.log" 2>&1; then
	no setup "prongsai build: $(head -n 5 "$work/build.log")"
	exit 1
fi
ports=$($py -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s:
    x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))
')
port=${ports% *} control=${ports#* }
mkdir -p "$work/tmp"
sed "s|^    root /var/www;\$|    root $work/www;|" "$conf" >"$work/ita.conf"
if [ "$(grep -c "root $work/www;" "$work/ita.conf")" != 1 ]; then
	no setup "$conf has no single 'root /var/www;' line to point at the test's folder"
	exit 1
fi
cat >"$work/nginx.conf" <<EOF
daemon off;
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 64; }
http {
	include /etc/nginx/mime.types;
	default_type application/octet-stream;
	access_log off;
	client_body_temp_path $work/tmp/body;
	proxy_temp_path $work/tmp/proxy;
	fastcgi_temp_path $work/tmp/fastcgi;
	uwsgi_temp_path $work/tmp/uwsgi;
	scgi_temp_path $work/tmp/scgi;
	server {
		listen 127.0.0.1:$port;
		server_name localhost;
		include $work/ita.conf;
	}
	server {
		listen 127.0.0.1:$control;
		server_name localhost;
		root $work/www;
	}
}
EOF
if "$nginx" -t -q -e "$work/error.log" -p "$work" -c "$work/nginx.conf" \
    >"$work/t.log" 2>&1; then
	ok "nginx -t accepts the configuration"
else
	no "nginx -t accepts the configuration" "$(cat "$work/t.log" "$work/error.log")"
	exit 1
fi
"$nginx" -e "$work/error.log" -p "$work" -c "$work/nginx.conf" &
ngpid=$!
up=
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	if $py -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
		up=1
		break
	fi
	sleep 0.25
done
if [ -z "$up" ]; then
	no setup "nginx did not start: $(cat "$work/error.log")"
	exit 1
fi
$py tests/nginx.py "http://127.0.0.1:$port/ita/" \
    "http://127.0.0.1:$control/ita/" "$work/www/ita" || fail=$((fail + 1))
kill "$ngpid" 2>/dev/null
wait "$ngpid" 2>/dev/null
ngpid=

# rsync.sh after a rebuild that changed one measure sends what the build
# wrote, and nothing else; the copy is the output but for the marker.
why=
site=$work/site
mkdir -p "$site" && cp -R "$top/content" "$site/"
if ! "$bin" build --quiet --source "$site" --output "$work/out" \
    >"$work/b1" 2>&1 || ! OUTPUT=$work/out DEST=$work/copy \
    sh docs/publish/rsync.sh >"$work/r1" 2>&1; then
	why="first build or rsync: $(cat "$work/b1" "$work/r1")"
else
	f=$site/content/measures/2566/e-service.md
	sed 's/^progress: .*/progress: 55/; s/^status: done/status: in-progress/' \
	    "$f" >"$work/m" && mv "$work/m" "$f"
	if ! "$bin" build --source "$site" --output "$work/out" \
	    >"$work/b2" 2>&1 || ! OUTPUT=$work/out DEST=$work/copy \
	    sh docs/publish/rsync.sh >"$work/r2" 2>&1; then
		why="second build or rsync: $(cat "$work/b2" "$work/r2")"
	fi
fi
sent=?
if [ -z "$why" ]; then
	written=$(sed -n 's/.* files, \([0-9]*\) written,.*/\1/p' "$work/b2")
	sent=$(grep -c '^>f' "$work/r2")
	if [ -z "$written" ] || [ "$sent" -ne "$written" ] || [ "$sent" -eq 0 ]; then
		why="the build wrote ${written:-?} files, rsync sent $sent: $(head -n 5 "$work/r2")"
	elif ! diff -r -x .prongsai-output "$work/out" "$work/copy" >"$work/d" 2>&1; then
		why="the copy differs: $(head -n 5 "$work/d")"
	elif [ -e "$work/copy/.prongsai-output" ]; then
		why="the marker was copied"
	fi
fi
verdict "rsync.sh sends only the files the rebuild changed ($sent of $(find "$work/out" -type f | wc -l))" "$why"
[ "$fail" -eq 0 ]
