#!/bin/sh
# tests/apache.sh: the publishing guide's Apache configuration, tested
# like nginx's (tests/nginx.sh).  Builds the example into a web root and
# runs Debian's real apache2 on loopback (not the system service: its
# own ServerRoot, configuration, pid and logs in a temporary folder, in
# the foreground), with docs/publish/apache.conf included as the README
# shows it (only /var/www/ita changed to the temporary folder) in one
# virtual host, loading only the modules its first lines say it needs
# (from /usr/lib/apache2/modules, with the MPM and authz_core that
# every Debian Apache loads); a second virtual host with Debian's
# defaults is the control.  tests/nginx.py then fetches pages, feeds
# (Content-Type with charset=utf-8, exact; feedparser over HTTP), CSV
# and JSON, Thai URLs, the 404 page, the /ita redirect, a dot file and
# the caching headers (exact values, 304).
. "$(dirname "$0")/lib/suite.sh"
suite=apache
py=/usr/bin/python3
httpd=/usr/sbin/apache2
mods=/usr/lib/apache2/modules
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-apache.XXXXXX") || exit 3
apid=
cleanup() {
	if [ -n "$apid" ]; then
		kill "$apid" 2>/dev/null
		wait "$apid" 2>/dev/null
	fi
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' HUP INT TERM
if [ ! -x "$httpd" ] || [ ! -d "$mods" ] ||
    ! $py -c 'import feedparser' 2>/dev/null; then
	no setup "needs Debian's apache2 and python3-feedparser: run 'make deps'"
	exit 1
fi
# The children drop to an unprivileged user, which must read the site.
chmod 755 "$work"
conf=docs/publish/apache.conf

if ! "$bin" build --quiet --source "$top" --output "$work/www/ita" \
    >"$work/build.log" 2>&1; then
	no setup "prongsai build: $(head -n 5 "$work/build.log")"
	exit 1
fi
# A dot file in the web root, which must not be served.
echo secret >"$work/www/ita/.secret"
ports=$($py -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s:
    x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))
')
port=${ports% *} control=${ports#* }

# The documented text with only its folder moved: every /var/www/ita.
n=$(grep -c '/var/www/ita' "$conf")
sed "s|/var/www/ita|$work/www/ita|g" "$conf" >"$work/ita.conf"
if [ "$n" -lt 2 ] || grep -q '/var/www/ita' "$work/ita.conf"; then
	no setup "$conf does not name its folder /var/www/ita"
	exit 1
fi
# The modules the file says it needs ("Needs mod_a, mod_b and mod_c").
need=$(sed -n '1,8p' "$conf" | tr '\n' ' ' | sed -n 's/.*Needs \([^.(]*\).*/\1/p' |
    grep -o 'mod_[a-z_]*' | sort -u)
if [ -z "$need" ]; then
	no setup "$conf does not say which modules it needs"
	exit 1
fi
# Those compiled into Debian's apache2 (apache2 -l: unixd, log_config)
# are there already.
builtin=$("$httpd" -l 2>/dev/null)
avail=/etc/apache2/mods-available
load() {	# module...: LoadModule lines, then Debian's .conf of each if asked
	for m; do
		case $builtin in
		*" mod_$m.c"*)	continue ;;
		esac
		echo "LoadModule ${m}_module $mods/mod_$m.so"
	done
	for m; do
		if [ -n "$withconf" ] && [ -f "$avail/$m.conf" ]; then
			echo "Include $avail/$m.conf"
		fi
	done
}
# Debian's default modules (those its apache2 package enables) and
# headers, as an admin who follows the guide has them: compression,
# content negotiation, autoindex and the rest must not undo the file.
debian="access_compat alias auth_basic authn_core authn_file authz_core
authz_host authz_user autoindex deflate dir env filter mime mpm_event
negotiation reqtimeout setenvif status headers"
user=
if [ "$(id -u)" -eq 0 ]; then
	user="User nobody
Group nogroup"
fi
mkdir -p "$work/run" "$work/empty"

# Run apache2 with the modules of set $1 (named: those the file names;
# debian: Debian's defaults) and check what it serves.
serve() {
	withconf=
	case $1 in
	named)	load mpm_event authz_core $(echo "$need" | sed 's/^mod_//') ;;
	debian)	withconf=1 && load $debian ;;
	esac >"$work/modules.conf"
	cat >"$work/apache2.conf" <<EOF
ServerRoot $work
DefaultRuntimeDir $work/run
PidFile $work/apache2.pid
ErrorLog $work/error.log
LogLevel warn
Mutex file:$work/run default
ServerName localhost
Listen 127.0.0.1:$port
Listen 127.0.0.1:$control
Include $work/modules.conf
$user
TypesConfig /etc/mime.types
# Debian's apache2.conf: nothing outside the site is served.
<Directory />
	Options FollowSymLinks
	AllowOverride None
	Require all denied
</Directory>
<VirtualHost 127.0.0.1:$port>
	DocumentRoot $work/empty
	Include $work/ita.conf
</VirtualHost>
<VirtualHost 127.0.0.1:$control>
	DocumentRoot $work/www
	<Directory $work/www>
		Require all granted
	</Directory>
</VirtualHost>
EOF
	: >"$work/error.log"
	if "$httpd" -t -f "$work/apache2.conf" >"$work/t.log" 2>&1; then
		ok "$1: apache2 -t accepts the configuration ($(grep -c LoadModule "$work/modules.conf") modules)"
	else
		no "$1: apache2 -t accepts the configuration" "$(cat "$work/t.log")"
		return
	fi
	"$httpd" -f "$work/apache2.conf" -DFOREGROUND >"$work/run.log" 2>&1 &
	apid=$!
	up=
	for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
		if $py -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
			up=1
			break
		fi
		sleep 0.25
	done
	if [ -z "$up" ]; then
		no "$1: setup" "apache2 did not start: $(cat "$work/run.log" "$work/error.log" 2>/dev/null)"
	else
		$py tests/nginx.py "http://127.0.0.1:$port/ita/" \
		    "http://127.0.0.1:$control/ita/" "$work/www/ita" "$suite/$1" ||
		    fail=$((fail + 1))
		# The checks can fail: on the control (Debian's defaults, without
		# the file) those the file is there for must fail.
		$py tests/nginx.py "http://127.0.0.1:$control/ita/" \
		    "http://127.0.0.1:$control/ita/" "$work/www/ita" control \
		    >"$work/neg.log" 2>&1
		st=$?
		why=
		[ "$st" -eq 1 ] || why="exit $st"
		for c in "content types with charset" "a missing address gets" \
		    "a folder without a page" "names starting with a dot" \
		    "caching headers"; do
			grep -q "^FAIL: control/$c" "$work/neg.log" ||
			    why="$why; '$c' passed"
		done
		verdict "$1: the checks fail on Debian's defaults without the file" "$why"
	fi
	kill "$apid" 2>/dev/null
	wait "$apid" 2>/dev/null
	apid=
	# Nothing went wrong inside the server (a folder without a page is
	# mod_autoindex's AH01276, asked for above).
	verdict "$1: the error log is empty" \
	    "$(grep -v 'AH00558\|resuming normal operations\|caught SIGTERM\|AH00489\|AH00094\|AH01276' "$work/error.log" 2>/dev/null)"
}
serve named
serve debian
[ "$fail" -eq 0 ]
