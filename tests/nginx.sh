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

# The README shows the files that are tested, as they are.
why=$($py -c '
import sys
readme = open("README.md", encoding="utf-8").read()
for lang, f in (("nginx", "nginx.conf"), ("apache", "apache.conf"),
                ("sh", "rsync.sh"), ("yaml", "gitlab-ci.yml"),
                ("yaml", "github-actions.yml")):
    text = open("docs/publish/" + f, encoding="utf-8").read()
    if "```%s\n%s```\n" % (lang, text) not in readme:
        print("the README has no %s block equal to docs/publish/%s" % (lang, f))
')
verdict readme-shows-the-tested-files "$why"

if ! "$bin" build --quiet --source "$top" --output "$work/www/ita" \
    >"$work/build.log" 2>&1; then
	no setup "prongsai build: $(head -n 5 "$work/build.log")"
	exit 1
fi
# What a web admin may leave in the web root by hand, never to be served.
mkdir "$work/www/ita/.git" && echo secret >"$work/www/ita/.git/config"
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
# wrote, and nothing else; the copy is the output.
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
	elif ! diff -r "$work/out" "$work/copy" >"$work/d" 2>&1; then
		why="the copy differs: $(head -n 5 "$work/d")"
	fi
fi
verdict "rsync.sh sends only the files the rebuild changed ($sent of $(find "$work/out" -type f | wc -l))" "$why"

# The CI recipes: each checks and builds every commit, publishes only a
# commit of the default branch after both, keeps the whole history, and
# its rsync (content compared, as a fresh runner's files are all new)
# sends nothing for a fresh build of content the server already has,
# leaving the server's time stamps alone.
why=
if [ -z "$(cat "$work/r2" 2>/dev/null)" ]; then
	why="no second build to compare with"
else
	"$bin" build --quiet --source "$site" --output "$work/fresh" >/dev/null 2>&1 ||
	    why="fresh build failed"
	(cd "$work/copy" && find . -type f -printf '%p %T@\n' | sort) >"$work/t1"
fi
[ -z "$why" ] && why=$($py - "$work/fresh" "$work/copy" <<'PYEOF'
import shlex, subprocess, sys, yaml
src, dest = sys.argv[1:3]
def rsync_of(lines):
    """The rsync command of some script lines, continuations joined."""
    text = "\n".join(lines).replace("\\\n", " ")
    r = [l for l in text.split("\n") if l.lstrip().startswith("rsync ")]
    return shlex.split(r[0]) if r else None
problems = []
gl = yaml.safe_load(open("docs/publish/gitlab-ci.yml"))
gh = yaml.safe_load(open("docs/publish/github-actions.yml"))
if gl.get("variables", {}).get("GIT_DEPTH") != 0:
    problems.append("gitlab: GIT_DEPTH is not 0")
if sorted(gl["publish"].get("needs", [])) != ["build", "check"]:
    problems.append("gitlab: publish does not need check and build")
if "CI_DEFAULT_BRANCH" not in str(gl["publish"].get("rules")):
    problems.append("gitlab: publish is not limited to the default branch")
if not any("prongsai check" in l for l in gl["check"]["script"]):
    problems.append("gitlab: no prongsai check")
jobs = gh["jobs"]
if sorted(jobs["publish"].get("needs", [])) != ["build", "check"]:
    problems.append("github: publish does not need check and build")
if "default_branch" not in jobs["publish"].get("if", ""):
    problems.append("github: publish is not limited to the default branch")
for j in ("check", "build"):
    if not any(st.get("with", {}).get("fetch-depth") == 0
               for st in jobs[j]["steps"]):
        problems.append("github: %s fetches a shallow history" % j)
cmds = {"gitlab": rsync_of(gl["publish"]["script"]),
        "github": rsync_of([st.get("run", "")
                            for st in jobs["publish"]["steps"]])}
for name, cmd in cmds.items():
    if cmd is None:
        problems.append("%s: no rsync command" % name)
        continue
    if "-e" in cmd:
        i = cmd.index("-e")
        del cmd[i:i + 2]
    cmd = cmd[:-2] + [src + "/", dest + "/"]
    out = subprocess.run(cmd, capture_output=True, text=True)
    sent = [l for l in out.stdout.splitlines() if l.startswith(">f")]
    if out.returncode != 0 or sent:
        problems.append("%s: rsync exit %d, sent %s" % (
            name, out.returncode, sent[:3] or out.stderr[:200]))
print("; ".join(problems))
PYEOF
)
if [ -z "$why" ]; then
	(cd "$work/copy" && find . -type f -printf '%p %T@\n' | sort) >"$work/t2"
	cmp -s "$work/t1" "$work/t2" ||
	    why="the server's time stamps changed: $(diff "$work/t1" "$work/t2" | head -n 4)"
fi
verdict "ci-recipes: check and build every commit, publish the default branch after both, rsync by content" "$why"
[ "$fail" -eq 0 ]
