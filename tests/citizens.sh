#!/bin/sh
# tests/citizens.sh: what a citizen asks of the site (issue 21), on
# tests/fixtures/citizens (a Thai site with measures in every status and
# the CSV injection cases), built with the default theme: every status
# with measures has its page YEAR/status/CODE/, which lists exactly the
# measures in that status, and the year page's counts link to it; the
# home page lists what is not finished; owner feeds exist; both CSVs,
# read back with Python's csv module, hold each formula cell with a '
# in front while the JSON keeps the exact value; the data dictionary
# page names every column; a measure without `published` is dated by its
# file's first commit, and a shallow clone warns.  Checks in
# tests/citizens.py; Python is /usr/bin/python3.
. "$(dirname "$0")/lib/suite.sh"
suite=citizens
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-citizens.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
if "$bin" build --source tests/fixtures/citizens --output "$work/out" \
    >"$work/log" 2>&1; then
	ok build
	/usr/bin/python3 tests/citizens.py "$work/out" \
	    tests/fixtures/citizens/content themes/default/strings || fail=$((fail + 1))
else
	no build "$(cat "$work/log")"
fi

# Git dates: a measure without `published` is dated by the day (in
# Thailand) of the commit that added its file, not by a later one; a
# shallow clone has lost that day, so the build warns and uses the
# period's start.  20:30 UTC on 5 March is 03:30 on 6 March in Thailand.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE
g=$work/git
mkdir -p "$g/content/measures/2567"
cp tests/fixtures/citizens/content/site.yaml "$g/content/"
cp tests/fixtures/citizens/content/measures/2567/it-helpdesk.md \
    "$g/content/measures/2567/"
mkdir -p "$g/content/reports"
cp tests/fixtures/citizens/content/reports/2567.md "$g/content/reports/"
commit() {	# date message
	GIT_AUTHOR_DATE=$1 GIT_COMMITTER_DATE=$1 git -C "$g" -c user.name=t \
	    -c user.email=t@example.org commit -q -m "$2" >/dev/null 2>&1
}
item_date() {	# output: the pubDate of it-helpdesk's own item
	grep -A4 '<link>[^<]*it-helpdesk/</link>' "$1/2567/measures/it-helpdesk/feed.xml" |
	    sed -n 's|.*<guid[^>]*>[^<]*#measure</guid>.*|m|p; s|.*<pubDate>\(.*\)</pubDate>.*|\1|p' |
	    sed -n '/^m$/{n;p;}' | head -n 1
}
why=
if git -C "$g" init -q >/dev/null 2>&1 && git -C "$g" add content &&
    commit 2024-03-05T20:30:00+00:00 add && echo "later edit" \
    >>"$g/content/measures/2567/it-helpdesk.md" && git -C "$g" add content &&
    commit 2024-05-01T10:00:00+00:00 edit; then
	if ! "$bin" build --quiet --source "$g" --output "$work/git-out" \
	    >"$work/glog" 2>&1; then
		why="build: $(cat "$work/glog")"
	elif [ "$(item_date "$work/git-out")" != "Wed, 06 Mar 2024 00:00:00 +0700" ]; then
		why="dated '$(item_date "$work/git-out")', expected the first commit's day in Thailand, Wed, 06 Mar 2024"
	elif [ -s "$work/glog" ]; then
		why="the build said: $(cat "$work/glog")"
	fi
else
	why="cannot make a git repository"
fi
verdict git-date-of-first-commit "$why"
why=
git -C "$g" commit -q --allow-empty -m third -c user.name=t >/dev/null 2>&1
if git -c protocol.file.allow=always clone -q --depth 1 "file://$g" \
    "$work/shallow" >/dev/null 2>&1; then
	PRONGSAI_LANG=en "$bin" build --quiet --source "$work/shallow" \
	    --output "$work/shallow-out" >"$work/slog" 2>&1
	if ! grep -q "warning: the site's git history is shallow" "$work/slog"; then
		why="no warning: $(cat "$work/slog")"
	elif [ "$(item_date "$work/shallow-out")" != "Sun, 01 Oct 2023 00:00:00 +0700" ]; then
		why="dated '$(item_date "$work/shallow-out")', expected the period's start"
	fi
else
	why="cannot clone shallow"
fi
verdict git-shallow-clone-warns "$why"
echo "citizens: git item date $(item_date "$work/git-out"); shallow $(item_date "$work/shallow-out")"
[ "$fail" -eq 0 ]
