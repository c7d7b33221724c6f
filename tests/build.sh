#!/bin/sh
# tests/build.sh: end-to-end tests of `prongsai build`.
#
# On the example site (content/): every measure has its page and no
# draft has one, every YEAR/iit|eit|oit page lists exactly the measures
# of that area, every internal link and asset resolves to a file, every
# page is well-formed for libxml2's HTML parser and valid for the Nu HTML
# Checker, and two builds are byte-identical.  Publishing: failed builds
# (bad measure, unwritable folder, a write that fails half-way, a theme
# error) leave the published output as it was, and a folder that is not
# Prongsai's is never replaced.  Injection: tests/fixtures/inject/ carries
# script in every field and must produce no executable markup, unless
# unsafe_html lets the raw HTML of bodies through.  Themes: Prongsai's
# p:t(), p:fill() and p:once do what the theme guide says.
#
# The binary is $PRONGSAI (default ./prongsai); the Nu checker is
# $VNU_JAR (default node_modules/vnu-jar/build/dist/vnu.jar, from
# `make deps`), run with java.  Needs /usr/bin/python3 with python3-yaml,
# and xmllint (libxml2-utils).  Prints PASS: build/NAME or
# FAIL: build/NAME: reason per check; exits 1 if any failed.
. "$(dirname "$0")/lib/suite.sh"
py=/usr/bin/python3
check=$top/tests/check_site.py
vnu=${VNU_JAR:-$top/node_modules/vnu-jar/build/dist/vnu.jar}
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-build.XXXXXX") || exit 3
trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

suite=build

# Run prongsai build with the arguments given; the status is in $st,
# stdout and stderr in $work/out.log and $work/err.log.  Sanitizer
# reports from any run are collected for the last check.
st=0
run() {
	"$bin" build "$@" >"$work/out.log" 2>"$work/err.log"
	st=$?
	sanitized "build $*"
}
sanitized() {	# what was run
	if grep -Eq 'Sanitizer|runtime error:' "$work/err.log"; then
		{ echo "== prongsai $1"; cat "$work/err.log"; } \
		    >>"$work/sanitizer.log"
	fi
}
# What went wrong with a run that should have worked, for a reason.
said() {
	printf 'exit status %s: %s' "$st" "$(head -n 5 "$work/err.log")"
}
# Run the Python checks; their output is the reason.
pycheck() {	# name args...
	name=$1
	shift
	verdict "$name" "$("$py" "$check" "$@" 2>&1)"
}
# Folders a failed build must not leave beside $1.
leftovers() {
	for f in "$1".tmp-* "$1".old-*; do
		[ -e "$f" ] && printf '%s was left behind; ' "${f#"$work"/}"
	done
}
# Did the published folder $1 stay as its copy $2?  Prints why not.
unchanged() {
	d=$(diff -r "$2" "$1" 2>&1 | head -n 5)
	[ -n "$d" ] && printf 'the published output changed: %s; ' "$d"
	leftovers "$1"
}

# --- The example site -------------------------------------------------
ex=$work/a/site
mkdir -p "$work/a" "$work/b"
run --source "$top" --output "$ex"
summary=$(cat "$work/out.log")
if [ "$st" -ne 0 ]; then
	no example-builds "$(said)"
	ex=
elif [ "$(wc -l <"$work/out.log")" -ne 1 ] ||
    ! printf '%s' "$summary" |
    grep -Eq '^[0-9]+ pages, [0-9]+ files.* [0-9.]+ ?s( |$)'; then
	no example-builds "expected one line 'N pages, N files ... in T s', got: $summary"
else
	ok example-builds
fi

if [ -n "$ex" ]; then
	pycheck measure-pages measures "$top" "$ex"
	pycheck area-lists areas "$top" "$ex"
	pycheck links links "$top" "$ex"
	pycheck wellformed wellformed "$ex"

	# The Nu HTML Checker, once over every page.
	if ! command -v java >/dev/null 2>&1; then
		no html-valid "no java: run 'make deps'"
	elif [ ! -f "$vnu" ]; then
		no html-valid "no $vnu: run 'make deps'"
	else
		find "$ex" -name '*.html' | sort >"$work/pages"
		# shellcheck disable=SC2046
		java -jar "$vnu" --errors-only --format gnu \
		    $(cat "$work/pages") >"$work/vnu.log" 2>&1
		vst=$?
		why=$("$py" "$check" vnu "$work/vnu.log" "$ex" 2>&1)
		if [ -z "$why" ] && [ "$vst" -ne 0 ]; then
			why="vnu exited with $vst: $(head -n 5 "$work/vnu.log")"
		fi
		verdict html-valid "$why"
	fi

	# Determinism: another folder, another time zone; then a rebuild over
	# the first output (which reuses unchanged files) changes nothing.
	why=
	TZ=UTC "$bin" build --source "$top" --output "$work/b/other" \
	    >"$work/out.log" 2>"$work/err.log"
	st=$?
	sanitized "build in another time zone"
	if [ "$st" -ne 0 ]; then
		why="second build: $(said)"
	elif ! d=$(diff -r "$ex" "$work/b/other" 2>&1); then
		why="two builds differ: $(printf '%s\n' "$d" | head -n 5)"
	else
		run --source "$top" --output "$ex"
		if [ "$st" -ne 0 ]; then
			why="rebuild: $(said)"
		elif ! d=$(diff -r "$ex" "$work/b/other" 2>&1); then
			why="a rebuild over the output differs: $(printf '%s\n' "$d" | head -n 5)"
		fi
	fi
	verdict deterministic "$why"
fi

# --- Publishing ---------------------------------------------------------
site=$work/pub/site
out=$work/pub/out
saved=$work/pub/saved
mkdir -p "$site" "$work/pub"
cp -R "$top/content" "$site/"
run --source "$site" --output "$out"
if [ "$st" -ne 0 ] || [ -n "$(cd "$out" && find . -name '.*' ! -name .)" ]; then
	no publish-first "$(said) $(cd "$out" && find . -name '.*' ! -name .)"
else
	ok publish-first
	cp -a "$out" "$saved"

	# (a) A bad measure: nothing is published.
	cat >"$site/content/measures/2566/zz-bad.md" <<-'EOF'
	---
	title: มาตรการที่มีข้อผิดพลาด
	fiscal_year: 2566
	areas: [OIT]
	owners: สำนักปลัด
	period: whole-year
	status: done
	progress: 150
	---
	EOF
	run --source "$site" --output "$out"
	why=$(unchanged "$out" "$saved")
	[ "$st" -eq 1 ] || why="exit status $st, expected 1; $why"
	verdict publish-bad-measure "$why"
	rm -f "$site/content/measures/2566/zz-bad.md"

	# (b) The output's folder is not writable (permissions do not stop root).
	if [ "$(id -u)" -ne 0 ]; then
		echo x >>"$site/content/pages/about.md"
		chmod 555 "$work/pub"
		run --source "$site" --output "$out"
		chmod 755 "$work/pub"
		why=$(unchanged "$out" "$saved")
		[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
		    why="exit status $st, expected a failure; $why"
		verdict publish-unwritable "$why"
		cp "$top/content/pages/about.md" "$site/content/pages/about.md"
	else
		echo "SKIP: build/publish-unwritable: running as root, where" \
		    "permissions do not stop writes (publish-write-fails covers it)"
	fi

	# (c) A write fails half-way, after the pages, as on a full disk:
	# the file size limit stops the copy of a large evidence file.
	mkdir -p "$site/content/files"
	dd if=/dev/zero of="$site/content/files/big.bin" bs=1024 count=4096 \
	    2>/dev/null
	(ulimit -f 2048 && trap '' XFSZ &&
	    exec "$bin" build --source "$site" --output "$out") \
	    >"$work/out.log" 2>"$work/err.log"
	st=$?
	sanitized "build with a file size limit"
	why=$(unchanged "$out" "$saved")
	[ "$st" -eq 3 ] || why="exit status $st, expected 3; $why"
	grep -q 'nothing was published' "$work/err.log" ||
	    why="${why}stderr does not say that nothing was published"
	verdict publish-write-fails "$why"
	rm -f "$site/content/files/big.bin"

	# (d) The theme fails at run time on the first measure page, after
	# the home, year and area pages were written.
	theme=$site/themes/default
	mkdir -p "$site/themes"
	cp -R "$top/themes/default" "$theme"
	if [ -f "$theme/measure.xsl" ]; then
		mv "$theme/measure.xsl" "$theme/measure-real.xsl"
		cat >"$theme/measure.xsl" <<-'EOF'
		<?xml version="1.0" encoding="UTF-8"?>
		<xsl:stylesheet version="1.0"
		    xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
		  <xsl:import href="measure-real.xsl"/>
		  <xsl:template match="/">
		    <xsl:message terminate="yes">a test theme failure</xsl:message>
		  </xsl:template>
		</xsl:stylesheet>
		EOF
		run --source "$site" --output "$out"
		why=$(unchanged "$out" "$saved")
		[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
		    why="exit status $st, expected a failure; $why"
		grep -q 'measures/.*index.html' "$work/err.log" ||
		    why="${why}stderr does not name the measure page: $(head -n 3 "$work/err.log")"
		verdict publish-theme-error "$why"
	else
		no publish-theme-error "no themes/default/measure.xsl"
	fi
	rm -rf "$site/themes"

	# After all that, a good build replaces the output.
	sed -i 's/^title: การนำเทคโนโลยีมาใช้ในการดำเนินงาน$/title: ชื่อใหม่ของมาตรการ/' \
	    "$site/content/measures/2566/e-service.md"
	run --source "$site" --output "$out"
	why=$(leftovers "$out")
	if [ "$st" -ne 0 ]; then
		why="$(said); $why"
	elif ! grep -q 'ชื่อใหม่ของมาตรการ' \
	    "$out/2566/measures/e-service/index.html"; then
		why="${why}the new title is not on the page"
	elif [ -e "$out/.prongsai-output" ]; then
		why="${why}the build marker is in the published folder"
	fi
	verdict publish-replace "$why"
fi

# A folder that is not Prongsai's is never replaced: a non-empty folder
# without the marker, a file, the site itself.
why=
foreign=$work/foreign/www
mkdir -p "$foreign/sub"
echo "keep me" >"$foreign/keep.txt"
echo "keep me too" >"$foreign/sub/page.html"
cp -a "$foreign" "$work/foreign/saved"
run --source "$site" --output "$foreign"
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
    why="folder: exit status $st, expected a refusal; "
why=$why$(unchanged "$foreign" "$work/foreign/saved")
echo "a file" >"$work/foreign/file"
run --source "$site" --output "$work/foreign/file"
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
    why="${why}file: exit status $st, expected a refusal; "
[ "$(cat "$work/foreign/file")" = "a file" ] ||
    why="${why}the file was changed; "
why=$why$(leftovers "$work/foreign/file")
verdict refuse-foreign-output "$why"

why=
cp -a "$site" "$work/pub/site-saved"
run --source "$site" --output "$site"
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
    why="--output SITE: exit status $st, expected a refusal; "
(cd "$site" && exec "$bin" build --output .) >"$work/out.log" \
    2>"$work/err.log"
st=$?
sanitized "build --output . in the site"
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
    why="${why}--output . in the site: exit status $st, expected a refusal; "
d=$(diff -r "$work/pub/site-saved" "$site" 2>&1 | head -n 5)
[ -z "$d" ] || why="${why}the site changed: $d; "
why=$why$(leftovers "$site")
verdict refuse-site-root "$why"

mkdir "$work/empty"
run --source "$site" --output "$work/empty"
why=
[ "$st" -eq 0 ] || why=$(said)
[ -f "$work/empty/index.html" ] || why="${why}; no index.html"
verdict accept-empty-output "$why"

# Whose folder is it?  The render cache knows the folder the site's last
# build published (its inode): a copy of that output, or the same folder
# once the cache is gone, is refused; an output from before 0.2 (with its
# .prongsai-output marker) is replaced.
why=
mine=$work/mine/out
mkdir -p "$work/mine"
run --source "$site" --output "$mine"
[ "$st" -eq 0 ] || why="first build: $(said); "
run --source "$site" --output "$mine"
[ "$st" -eq 0 ] || why="${why}rebuild of its own output: $(said); "
cp -a "$mine" "$work/mine/copy" && rm -rf "$mine" && mv "$work/mine/copy" "$mine"
cp -a "$mine" "$work/mine/saved"
run --source "$site" --output "$mine"
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
    why="${why}a copy of the output: exit status $st, expected a refusal; "
grep -q 'not made by prongsai' "$work/err.log" ||
    why="${why}the refusal does not say why: $(said); "
why=$why$(unchanged "$mine" "$work/mine/saved")
: >"$mine/.prongsai-output"
run --source "$site" --output "$mine"
[ "$st" -eq 0 ] || why="${why}an output with the old marker: $(said); "
[ -e "$mine/.prongsai-output" ] && why="${why}the old marker was kept; "
rm -rf "$site/.prongsai"
cp -a "$mine" "$work/mine/saved2"
run --source "$site" --output "$mine"
[ "$st" -ne 0 ] && [ "$st" -lt 128 ] ||
    why="${why}without the cache: exit status $st, expected a refusal; "
why=$why$(unchanged "$mine" "$work/mine/saved2")
verdict replace-only-own-output "$why"

# --- Injection ---------------------------------------------------------
fx=$top/tests/fixtures/inject
inj=$work/inject/out
mkdir -p "$work/inject"
run --source "$fx" --output "$inj"
if [ "$st" -ne 0 ]; then
	no inject-builds "$(said)"
else
	ok inject-builds
	pycheck inject-measure-pages measures "$fx" "$inj"
	pycheck inject-no-script inject "$inj"
	pycheck inject-escaped escaped "$inj"
	pycheck inject-wellformed wellformed "$inj"
fi

run --source "$fx" --output "$work/inject/drafts" --drafts
if [ "$st" -ne 0 ]; then
	no inject-drafts "$(said)"
else
	pycheck inject-drafts measures "$fx" "$work/inject/drafts" --drafts
fi

# unsafe_html: true lets the raw HTML of bodies through.
mkdir -p "$work/inject/unsafe"
cp -R "$fx/content" "$work/inject/unsafe/"
sed -i 's/^unsafe_html: false$/unsafe_html: true/' \
    "$work/inject/unsafe/content/site.yaml"
run --source "$work/inject/unsafe" --output "$work/inject/unsafe-out"
if [ "$st" -ne 0 ]; then
	no inject-unsafe-html "$(said)"
else
	pycheck inject-unsafe-html unsafe "$work/inject/unsafe-out"
fi

# Addresses in site.yaml (menu, base_url) are content too: a script URL
# there is refused, or never reaches a page.
why=
for v in menu base; do
	s=$work/inject/$v
	mkdir -p "$s"
	cp -R "$fx/content" "$s/"
	if [ $v = menu ]; then
		sed -i 's|^    url: /about/$|    url: javascript:alert("pwned-menu-js")|' \
		    "$s/content/site.yaml"
	else
		sed -i 's|^base_url: .*|base_url: javascript:alert("pwned-base-url")//x/|' \
		    "$s/content/site.yaml"
	fi
	run --source "$s" --output "$s-out"
	if [ "$st" -eq 1 ] && grep -q 'site.yaml' "$work/err.log"; then
		:
	elif [ "$st" -ne 0 ]; then
		why="$why$v: $(said)
"
	else
		r=$("$py" "$check" inject "$s-out" 2>&1) ||
		    why="$why$v url accepted and published: $r
"
	fi
done
verdict inject-site-urls "$(printf '%s' "$why" | head -n 12)"

# --- An output folder written with a trailing slash ---------------------
# "out/" is the folder out: built twice, the second build keeps every
# file, and nothing of Prongsai's (build folder, cache) lands inside it
# or beside it: the render cache is in the site folder's .prongsai/,
# which a .gitignore keeps out of the site's repository.
why=
ss=$work/slash-site
mkdir -p "$ss" && ln -s "$top/content" "$ss/content"
# A cache an older Prongsai left beside the output is removed.
mkdir -p "$work/slash" && echo 'prongsai-cache 2 theme 0' >"$work/slash/out.prongsai-cache"
run --source "$ss" --output "$work/slash/out/"
if [ "$st" -ne 0 ]; then
	why="first build: $(said)"
else
	run --source "$ss" --output "$work/slash/out//"
	if [ "$st" -ne 0 ]; then
		why="second build: $(said)"
	elif ! grep -q ' 0 written' "$work/out.log"; then
		why="the second build rewrote files: $(cat "$work/out.log")"
	elif inside=$(cd "$work/slash/out" && find . -name '.tmp-*' -o \
	    -name '*cache*' -o -name '.old-*') && [ -n "$inside" ]; then
		why="left inside the output: $inside"
	elif beside=$(ls -A "$work/slash") && [ "$beside" != out ]; then
		why="beside the output: $beside"
	elif [ "$(ls "$ss/.prongsai/" | grep -c '^cache-[0-9a-f]\{16\}$')" != 1 ]; then
		why="no cache in the site's .prongsai/: $(ls -A "$ss/.prongsai" 2>&1)"
	elif [ "$(cat "$ss/.prongsai/.gitignore" 2>/dev/null | grep -v '^#')" != '*' ]; then
		why="no .gitignore of * in .prongsai/"
	fi
fi
verdict output-trailing-slash "$why"

# --- A render cache of an older format -----------------------------------
# Format 1 had no tag: its first line was "theme KEY".  The same entries
# under that line, even with the right key, are ignored without a word:
# every page is rendered again, and the cache is written in the new format.
why=
cache=$(ls "$ss"/.prongsai/cache-* 2>/dev/null | head -n 1)
if ! head -n 1 "$cache" | grep -Eq '^prongsai-cache [0-9]+ theme [0-9a-f]{32}$'; then
	why="first line of the cache: $(head -n 1 "$cache")"
else
	sed '1s/^prongsai-cache [0-9]* //' "$cache" >"$work/old-cache" &&
	    mv "$work/old-cache" "$cache"
	run --source "$ss" --output "$work/slash/out"
	if [ "$st" -ne 0 ] || [ -s "$work/err.log" ]; then
		why="build over the old cache: $(said)"
	elif ! pages=$(sed -n 's/^\([0-9]*\) pages,.*/\1/p' "$work/out.log") ||
	    ! grep -q " $pages pages rendered" "$work/out.log"; then
		why="expected every page rendered: $(cat "$work/out.log")"
	elif ! head -n 1 "$cache" | grep -q '^prongsai-cache '; then
		why="the cache was not rewritten: $(head -n 1 "$cache")"
	fi
fi
verdict cache-old-format "$why"

# --- Caches of output folders that are gone are removed ------------------
# A cache per output folder: builds into passing folders (tests, CI) must
# not pile them up in .prongsai/.
why=
run --source "$ss" --output "$work/prune-a" -q
run --source "$ss" --output "$work/prune-b" -q
n1=$(ls "$ss/.prongsai" | grep -c '^cache-')
rm -rf "$work/prune-a"
run --source "$ss" --output "$work/prune-b" -q
n2=$(ls "$ss/.prongsai" | grep -c '^cache-')
if [ "$st" -ne 0 ]; then
	why="build: $(said)"
elif [ "$n1" -ne 3 ] || [ "$n2" -ne 2 ]; then
	why="$n1 caches for three outputs, then $n2 once one was deleted (expected 3, 2)"
elif ! grep -qx "output $work/prune-b" "$ss"/.prongsai/cache-*; then
	why="no cache names its output $work/prune-b"
fi
verdict cache-of-a-deleted-output-removed "$why"

# --- A theme made before a page type existed ----------------------------
# Its missing stylesheets fall back to page.xsl with a warning; with no
# fallback at all the build fails.
fs=$work/fallback
cp -R "$top/tests/bad/_site" "$fs"
mkdir -p "$fs/content/measures/2566" "$fs/themes"
cp "$top/content/measures/2566/e-service.md" "$fs/content/measures/2566/"
cp -R "$top/themes/default" "$fs/themes/old"
rm "$fs/themes/old/owners.xsl" "$fs/themes/old/404.xsl"
echo "theme: old" >>"$fs/content/site.yaml"
run --source "$fs" --output "$work/fallback-out" -q
why=
[ "$st" -eq 0 ] || why="build failed: $(said); "
for t in owners 404; do
	grep -q "themes/old/$t.xsl: warning: the theme has no stylesheet for pages of type '$t'; they are made with page.xsl" \
	    "$work/err.log" || why="${why}no warning for $t.xsl; "
done
[ -f "$work/fallback-out/owners/index.html" ] &&
    [ -f "$work/fallback-out/404.html" ] || why="${why}pages missing"
verdict theme-fallback "$why"
rm "$fs/themes/old/page.xsl"
run --source "$fs" --output "$work/fallback-out" -q
verdict theme-no-fallback "$([ "$st" -eq 1 ] ||
    echo "exit status $st, expected 1 without page.xsl or default.xsl")"

# --- The theme's words through p:t() and p:fill() ----------------------
# Prongsai's XPath functions give a theme its words as key('s', id) on
# /page/strings would (the first of an id, "[id]" when missing), and
# fill a pattern's {name}s from name/value pairs, leaving others as
# written.  /page/strings is in the models of the stylesheets that name
# it (home.xsl here, by its key) and only those: measure.xsl counts it
# without naming it.
ws=$work/words
cp -R "$top/tests/bad/_site" "$ws"
mkdir -p "$ws/content/measures/2566" "$ws/themes"
cp "$top/content/measures/2566/e-service.md" "$ws/content/measures/2566/"
cp -R "$top/themes/default" "$ws/themes/words"
echo "theme: words" >>"$ws/content/site.yaml"
sed -i 's|</strings>|<s id="x-dup">one</s><s id="x-dup">two</s><s id="x-pat">a{n}b{other}c{year}{{n}}d{</s><s id="x-mixed">A <b>bold</b> word</s></strings>|' \
    "$ws/themes/words/strings/th.xml"
cat >"$ws/themes/words/home.xsl" <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>
  <xsl:key name="s" match="/page/strings/s" use="@id"/>
  <xsl:template match="page" mode="main">
    <p id="w-words"><xsl:value-of select="count(*[local-name() = 'strings'])"/></p>
    <p id="w-dup"><xsl:value-of select="p:t('x-dup')"/></p>
    <p id="w-key"><xsl:value-of select="key('s', 'x-dup')"/></p>
    <p id="w-missing"><xsl:value-of select="p:t('x-none')"/></p>
    <p id="w-mixed"><xsl:value-of select="p:t('x-mixed')"/></p>
    <p id="w-fill"><xsl:value-of select="p:fill('x-pat', 'year', 2566, 'n', count(/page/site))"/></p>
    <p id="w-fill-bare"><xsl:value-of select="p:fill('x-pat')"/></p>
    <p id="w-fill-missing"><xsl:value-of select="p:fill('x-none', 'n', 1)"/></p>
  </xsl:template>
</xsl:stylesheet>
XSL
cat >"$ws/themes/words/measure.xsl" <<'XSL'
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" exclude-result-prefixes="p">
  <xsl:import href="layout.xsl"/>
  <xsl:template match="page" mode="main">
    <p id="w-words"><xsl:value-of select="count(*[local-name() = 'strings'])"/></p>
    <p id="w-t"><xsl:value-of select="p:t('x-dup')"/></p>
  </xsl:template>
</xsl:stylesheet>
XSL
run --source "$ws" --output "$work/words-out" -q
why=
[ "$st" -eq 0 ] || why="build failed: $(said); "
wm=$work/words-out/2566/measures/e-service/index.html
for want in '<p id="w-words">0</p>' '<p id="w-t">one</p>'; do
	grep -qF "$want" "$wm" 2>/dev/null || why="${why}measure page: no $want; "
done
for want in '<p id="w-words">1</p>' \
    '<p id="w-dup">one</p>' '<p id="w-key">one</p>' \
    '<p id="w-missing">[x-none]</p>' '<p id="w-mixed">A bold word</p>' \
    '<p id="w-fill">a1b{other}c2566{{n}}d{</p>' \
    '<p id="w-fill-bare">a{n}b{other}c{year}{{n}}d{</p>' \
    '<p id="w-fill-missing">[x-none]</p>'; do
	grep -qF "$want" "$work/words-out/index.html" 2>/dev/null ||
	    why="${why}no $want; "
done
verdict theme-words "$why"
# A wrong number of arguments is the theme's error, reported, not a crash.
sed -i "s|p:fill('x-none', 'n', 1)|p:fill('x-none', 'n')|" \
    "$ws/themes/words/home.xsl"
run --source "$ws" --output "$work/words-out" -q
verdict theme-words-arity "$([ "$st" -eq 1 ] ||
    echo "exit status $st, expected 1")"

# --- p:once: made once per key, placed as written -----------------------
# The default theme's keys are right: without its p:once elements it
# writes the same bytes.  A key that does not say what the content shows
# gives every page of a type the first page's content (the theme's
# promise broken, on purpose: it proves the content is not made again);
# a key per page gives each its own; with another output method the
# content is made every time; no key is the theme's error.
os=$work/once
cp -R "$top/content" "$os-site-content"
mkdir -p "$os/site/themes"
mv "$os-site-content" "$os/site/content"
cp -R "$top/themes/default" "$os/site/themes/plain"
sed -i -e 's|<p:once key="[^"]*">||g' -e 's|</p:once>||g' \
    "$os/site/themes/plain/layout.xsl"
run --source "$os/site" --output "$work/once-default" -q
st1=$st
sed -i 's|^theme: .*|theme: plain|' "$os/site/content/site.yaml"
run --source "$os/site" --output "$work/once-plain" -q
why=
[ "$st1" -eq 0 ] && [ "$st" -eq 0 ] || why="builds failed: $(said); "
grep -q '<p:once' "$os/site/themes/plain/layout.xsl" && why="${why}p:once left in; "
d=$(diff -r "$work/once-default" "$work/once-plain" 2>&1 | head -n 5)
[ -z "$d" ] || why="${why}output differs without p:once: $d"
verdict once-default-theme-same "$why"

cp -R "$top/themes/default" "$os/site/themes/probe"
sed -i 's|^theme: .*|theme: probe|' "$os/site/content/site.yaml"
probe() {	# key-attribute output-method
	cat >"$os/site/themes/probe/measure.xsl" <<XSL
<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:p="urn:prongsai:theme" extension-element-prefixes="p">
  <xsl:output method="$2" encoding="UTF-8" indent="no"/>
  <xsl:template match="/">
    <html><body><p:once $1><p class="probe"><xsl:value-of select="/page/@path"/></p></p:once></body></html>
  </xsl:template>
</xsl:stylesheet>
XSL
	rm -rf "$work/once-out"
	run --source "$os/site" --output "$work/once-out" -q
}
probes() {	# how many different probe paragraphs the measure pages have
	find "$work/once-out" -path '*/measures/*/index.html' \
	    -exec grep -ho '<p class="probe">[^<]*</p>' {} + | sort -u | wc -l
}
pages=$(find "$work/once-default" -path '*/measures/*/index.html' | wc -l)
probe 'key="same"' html
why=
[ "$st" -eq 0 ] || why="build failed: $(said); "
[ "$(probes)" -eq 1 ] || why="${why}$(probes) different contents for one key; "
verdict once-made-once "$why"
probe 'key="{/page/@path}"' html
verdict once-per-key "$([ "$st" -eq 0 ] && [ "$(probes)" -eq "$pages" ] ||
    echo "exit $st, $(probes) contents for $pages pages")"
probe 'key="same"' xml
verdict once-other-method-every-time "$([ "$st" -eq 0 ] &&
    [ "$(probes)" -eq "$pages" ] ||
    echo "exit $st, $(probes) contents for $pages pages")"
probe '' html
why=
[ "$st" -eq 1 ] || why="exit status $st, expected 1; "
grep -q 'p:once needs a key' "$work/err.log" || why="${why}no message: $(said)"
verdict once-needs-key "$why"

# --- Sanitizers (when $PRONGSAI is an ASan/UBSan build) ---------------
if [ -s "$work/sanitizer.log" ]; then
	no sanitizers "$(head -n 30 "$work/sanitizer.log")"
else
	ok sanitizers
fi

echo "build: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
