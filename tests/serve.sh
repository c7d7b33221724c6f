#!/bin/sh
# tests/serve.sh: end-to-end tests of `prongsai serve`, the preview server.
#
# Against a running server on a copy of the example site (base_url
# .../ita/): the path and method table (traversal in every encoding,
# NUL, bad UTF-8, methods, content types, Thai paths, redirects); a
# client waiting for the reload event after a save, and the pages that
# must and must not reload; the error overlay for a broken measure, then
# its recovery, with a raw client and in Chromium; a folder made while it runs; --drafts' banner (and
# build --drafts'); --poll; the load: 50 connections for 10 s with wrk
# and no errors, 500 idle live-reload clients without CPU, clients that
# send headers slowly or hang up mid-answer; --bind's warning; and a
# clean stop on SIGTERM and SIGINT (exit 0, no temporary folder left).
#
# The binary is $PRONGSAI (default ./prongsai).  Needs /usr/bin/python3
# (tests/serve.py, the clients), wrk, and node with playwright-core and
# /usr/bin/chromium (tests/serve-browser.mjs: the reload and the overlay
# in a real browser).  Prints PASS: serve/NAME or
# FAIL: serve/NAME: reason per check; exits 1 if any failed.
. "$(dirname "$0")/lib/suite.sh"
py=/usr/bin/python3
client=$top/tests/serve.py
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-serve-test.XXXXXX") || exit 3
srv=
trap '[ -n "$srv" ] && kill "$srv" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
# English messages, a heartbeat every second, the server's folder ours.
export PRONGSAI_LANG=en PRONGSAI_HEARTBEAT=1
mkdir -p "$work/tmp" "$work/site"
cp -R "$top/content" "$work/site/content"

suite=serve

# Start a server with the arguments given; sets $srv (its pid) and
# $port, or says why not and returns 1.  Its output is in $work/NAME.out
# and .err.
start() {	# name args...
	name=$1
	shift
	TMPDIR=$work/tmp "$bin" serve --port 0 "$@" >"$work/$name.out" \
	    2>"$work/$name.err" &
	srv=$!
	i=0
	while ! grep -q 'Preview at http://' "$work/$name.out" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 600 ] || ! kill -0 "$srv" 2>/dev/null; then
			no "$name-starts" "no address after 60 s: $(head -c 600 \
			    "$work/$name.err")"
			srv=
			return 1
		fi
		sleep 0.1
	done
	port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' \
	    "$work/$name.out" | head -n 1)
	ok "$name-starts"
}
# Stop the server with signal $2, check the exit status and the folder.
stop() {	# name signal
	kill -"$2" "$srv"
	i=0
	while kill -0 "$srv" 2>/dev/null && [ $i -lt 600 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	kill -9 "$srv" 2>/dev/null
	st=0
	wait "$srv" || st=$?
	srv=
	left=$(ls "$work/tmp")
	if [ "$st" -ne 0 ]; then
		no "$1-stops-on-$2" "exit status $st: $(tail -n 5 "$work/$1.err")"
	elif [ -n "$left" ]; then
		no "$1-stops-on-$2" "left behind in TMPDIR: $left"
	else
		ok "$1-stops-on-$2"
	fi
	if grep -Eq 'Sanitizer|runtime error:' "$work/$1.err"; then
		no "$1-sanitizer" "$(grep -E -A5 'Sanitizer|runtime error' \
		    "$work/$1.err" | head -n 20)"
	fi
}
# Run a client of tests/serve.py; each line it prints is a check.
clients() {	# args...
	"$py" "$client" "$@" >"$work/client.log" 2>"$work/client.err"
	st=$?
	while IFS='	' read -r name why; do
		case $name in '#'*) continue ;; esac
		verdict "$(printf '%s' "$name" | tr ' /' '-_')" "$why"
	done <"$work/client.log"
	[ "$st" -eq 0 ] || no "client-$1" "serve.py $1 failed: $(tail -n 5 \
	    "$work/client.err")"
	sed -n 's/^# //p' "$work/client.err"
}

# --- One server for the table, reloads, errors, load ------------------
# A draft measure, shown only with --drafts.
sed -e 's/^status: done/draft: true\nstatus: done/' \
    "$work/site/content/measures/2566/e-service.md" \
    >"$work/site/content/measures/2566/draft-one.md"
if start main --source "$work/site" --drafts; then
	clients table 127.0.0.1 "$port"
	body=$("$py" -c 'import sys; sys.path.insert(0, sys.argv[1]); import serve
print(serve.request("127.0.0.1", int(sys.argv[2]), "GET",
    "/ita/2566/measures/draft-one/")[2].decode())' "$top/tests" "$port")
	case $body in
	*'class="draft-banner"'*) ok drafts-banner ;;
	*) no drafts-banner "the draft measure's page has no draft-banner" ;;
	esac
	clients reload 127.0.0.1 "$port" "$work/site"
	clients overlay 127.0.0.1 "$port" "$work/site"
	# The same in Chromium: the script itself reloads and shows the box.
	node "$top/tests/serve-browser.mjs" "http://127.0.0.1:$port/ita/" \
	    "$work/site" >"$work/client.log" 2>"$work/client.err" ||
	    no browser "serve-browser.mjs failed: $(tail -n 3 "$work/client.err")"
	while IFS='	' read -r name why; do
		verdict "$(printf '%s' "$name" | tr ' ' '-')" "$why"
	done <"$work/client.log"
	clients newdir 127.0.0.1 "$port" "$work/site"
	# After all those updates, the site served is the one a build makes.
	"$bin" build --source "$work/site" --drafts --quiet --output \
	    "$work/fresh" >/dev/null 2>&1
	d=$(diff -r "$work/fresh" "$work"/tmp/prongsai-serve.*/site 2>&1 |
	    head -n 5)
	verdict updates-equal-a-fresh-build "$d"
	rm -rf "$work/fresh" "$work/fresh.prongsai-cache"
	# 50 connections for 10 s: no socket error, no status but 200.
	wrk -t 2 -c 50 -d 10s --timeout 5s "http://127.0.0.1:$port/ita/" \
	    >"$work/wrk.log" 2>&1
	rps=$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.log")
	errs=$(grep -E 'Socket errors|Non-2xx' "$work/wrk.log")
	if [ -z "$rps" ]; then
		no load-50-connections "wrk said: $(head -c 400 "$work/wrk.log")"
	elif [ -n "$errs" ]; then
		no load-50-connections "$errs"
	else
		ok load-50-connections
		echo "# wrk, 50 connections, 10 s: $rps requests/s"
	fi
	clients idle 127.0.0.1 "$port" "$srv"
	clients rude 127.0.0.1 "$port"
	kill -0 "$srv" 2>/dev/null && ok alive-after-load ||
	    no alive-after-load "the server is gone"
	stop main TERM
fi
# The same mark from build --drafts, and none without it.
"$bin" build --source "$work/site" --drafts --quiet --output \
    "$work/built" >/dev/null 2>&1
"$bin" build --source "$work/site" --quiet --output "$work/plain" \
    >/dev/null 2>&1
if ! grep -q 'class="draft-banner"' \
    "$work/built/2566/measures/draft-one/index.html" 2>/dev/null; then
	no build-drafts-banner "build --drafts: no banner on the draft's page"
elif grep -rlq 'class="draft-banner"' "$work/plain" ||
    [ -e "$work/plain/2566/measures/draft-one" ]; then
	no build-drafts-banner "build without --drafts shows the draft"
else
	ok build-drafts-banner
fi
rm -rf "$work/built" "$work/plain"
# The draft's page model keeps the theme contract.
mkdir -p "$work/msite/themes"
ln -s "$work/site/content" "$work/msite/content"
ln -s "$top/tests/model-theme" "$work/msite/themes/default"
"$bin" build --source "$work/msite" --drafts --quiet --output "$work/model" \
    >/dev/null 2>&1
verdict draft-model-valid "$(xmllint --noout --relaxng \
    "$top/themes/default/page.rng" \
    "$work/model/2566/measures/draft-one/index.html" 2>&1 |
    grep -v ' validates$')"
grep -q 'draft="true"' "$work/model/2566/measures/draft-one/index.html" \
    2>/dev/null && ok draft-in-model ||
    no draft-in-model "the draft's page model has no draft=\"true\""
rm -rf "$work/model" "$work/msite"

# --- --poll, stopped with Ctrl-C -------------------------------------
if start poll --source "$work/site" --poll; then
	clients poll 127.0.0.1 "$port" "$work/site"
	stop poll INT
fi

# --- Output never touched, the first build broken --------------------
if [ -e "$work/site/output" ]; then
	no no-output-folder "serve wrote $work/site/output"
else
	ok no-output-folder
fi

# --- Command line ----------------------------------------------------
if start bind --source "$work/site" --bind 0.0.0.0; then
	grep -q 'warning: --bind 0.0.0.0' "$work/bind.err" &&
	    ok bind-warns || no bind-warns "no warning: $(cat "$work/bind.err")"
	stop bind TERM
fi
"$bin" serve --source "$work/site" --bind nowhere >/dev/null 2>&1
st=$?
[ "$st" -eq 2 ] && ok bad-bind || no bad-bind "exit status $st, expected 2"
"$bin" serve --source "$work/site" --port 70000 >/dev/null 2>&1
st=$?
[ "$st" -eq 2 ] && ok bad-port || no bad-port "exit status $st, expected 2"
"$bin" serve --source "$work/nosite" --port 0 >/dev/null 2>&1
st=$?
[ "$st" -eq 3 ] && ok no-site || no no-site "exit status $st, expected 3"
[ -z "$(ls "$work/tmp")" ] && ok failed-start-leaves-nothing ||
    no failed-start-leaves-nothing "left: $(ls "$work/tmp")"

[ "$fail" -eq 0 ]
