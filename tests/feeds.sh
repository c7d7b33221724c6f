#!/bin/sh
# tests/feeds.sh: builds the example content and tests/fixtures/feeds (an
# English site with feed_limit 2) and checks the side outputs: every feed
# and the sitemap are well-formed and valid against tests/schemas/*.rng,
# a real feed reader and the open data checks in tests/feeds.py pass, and
# two builds give byte-identical feeds, sitemap, robots.txt and data.
#
# The pages are rendered with tests/model-theme: these outputs do not
# depend on the theme.  The binary is $PRONGSAI (default ./prongsai);
# Python is /usr/bin/python3 with Debian's python3-feedparser.
. "$(dirname "$0")/lib/suite.sh"
py=/usr/bin/python3
if ! $py -c 'import feedparser' 2>/dev/null; then
	echo "feeds.sh: $py lacks feedparser: apt-get install python3-feedparser" >&2
	exit 3
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-feeds.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
fail=0

pass() { echo "PASS: $1"; }
flunk() { echo "FAIL: $1"; fail=1; }

# The files this suite owns in an output folder, sorted.
outputs() {
	(cd "$1" && find . \( -name feed.xml -o -path ./sitemap.xml -o \
	    -path ./robots.txt -o -path './data/*' \) -type f | sort)
}

# Check one site: $1 a name, $2 its content folder.
check_site() {
	name=$1
	site=$work/$name/site
	mkdir -p "$site/themes" || exit 3
	ln -s "$2" "$site/content"
	ln -s "$top/tests/model-theme" "$site/themes/default"
	for n in 1 2; do
		if "$bin" build --quiet --source "$site" \
		    --output "$work/$name/out$n" >"$work/$name/log$n" 2>&1; then
			:
		else
			flunk "$name: build $n"
			cat "$work/$name/log$n"
			return
		fi
	done
	pass "$name: two builds"
	out=$work/$name/out1

	feeds=$(cd "$out" && find . -name feed.xml | sort)
	bad=
	for f in $feeds; do
		xmllint --noout --relaxng tests/schemas/rss.rng "$out/$f" \
		    >"$work/xmllint.log" 2>&1 || {
			bad="$bad $f"
			head -5 "$work/xmllint.log"
		}
	done
	if [ -n "$feeds" ] && [ -z "$bad" ]; then
		pass "$name: $(echo "$feeds" | wc -l) feeds are well-formed and valid RSS 2.0 (rss.rng)"
	else
		flunk "$name: feeds invalid:${bad:- none found}"
	fi
	if xmllint --noout --relaxng tests/schemas/sitemap.rng \
	    "$out/sitemap.xml" >"$work/xmllint.log" 2>&1; then
		pass "$name: sitemap.xml is well-formed and valid (sitemap.rng)"
	else
		flunk "$name: sitemap.xml invalid"
		head -5 "$work/xmllint.log"
	fi

	$py tests/feeds.py "$out" "$2" "$name" || fail=1

	list=$(outputs "$out")
	if [ "$list" != "$(outputs "$work/$name/out2")" ]; then
		flunk "$name: two builds wrote different files"
	else
		diffs=
		for f in $list; do
			cmp -s "$out/$f" "$work/$name/out2/$f" ||
			    diffs="$diffs $f"
		done
		if [ -z "$diffs" ]; then
			pass "$name: two builds give byte-identical feeds, sitemap, robots.txt, data ($(echo "$list" | wc -l) files)"
		else
			flunk "$name: builds differ in$diffs"
		fi
	fi
}

check_site example "$top/content"
check_site fixture "$top/tests/fixtures/feeds/content"
check_site citizens "$top/tests/fixtures/citizens/content"

# The schemas must reject what they exist to catch, or they prove nothing.
out=$work/example/out1
if [ -f "$out/feed.xml" ]; then
	bad=
	i=0
	for sub in 's|<link>https://[^/]*/|<link>/|' \
	    's|<pubDate>[^<]*<|<pubDate>2023-04-30<|' \
	    's|<atom:link href="https:|<atom:link href="|' \
	    's|</language>|</language><unknown/>|' \
	    's|<item>|<item><foo:x xmlns:foo="urn:x"/>|'; do
		i=$((i + 1))
		sed "$sub" "$out/feed.xml" >"$work/neg.xml"
		if xmllint --noout --relaxng tests/schemas/rss.rng \
		    "$work/neg.xml" >/dev/null 2>&1; then
			[ $i -eq 5 ] || bad="$bad $sub"
		else
			[ $i -ne 5 ] || bad="$bad (extension element rejected)"
		fi
	done
	sed 's|<loc>https://[^/]*/|<loc>/|' "$out/sitemap.xml" >"$work/neg.xml"
	xmllint --noout --relaxng tests/schemas/sitemap.rng "$work/neg.xml" \
	    >/dev/null 2>&1 && bad="$bad relative-loc"
	if [ -z "$bad" ]; then
		pass "schemas reject relative links, bad dates, unknown elements"
	else
		flunk "schemas accept:$bad"
	fi
fi
exit $fail
