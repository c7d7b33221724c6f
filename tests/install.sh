#!/bin/sh
# tests/install.sh: an installed Prongsai finds its own themes and
# framework, wherever its prefix is moved.
#
# Builds a copy of the sources (src/, Makefile, themes/, framework/,
# man/, po/) in a temporary folder, so the repository's own build/ is left
# alone: a plain `make`, then `make install PREFIX=$tmp/p DESTDIR=`,
# which must rebuild what embeds the data folder.  The installed binary,
# copied away from its prefix, finds the data through the compiled
# DATADIR; after `mv $tmp/p $tmp/q` it finds it beside itself
# (BIN/../share/prongsai).  Each build runs from a site folder elsewhere
# (tests/bad/_site plus one measure of content/measures/2566/), which has
# neither themes/ nor framework/.  A missing theme and a missing
# framework are errors that name every folder searched, in order.
#
# Installing builds its own binary, so only the plain pass runs it: with
# a $PRONGSAI ending in -asan the suite prints a note and passes.
# Prints PASS: install/NAME or FAIL: install/NAME: reason per check;
# exits 1 if any failed.
. "$(dirname "$0")/lib/suite.sh"
case $bin in
*-asan)	echo "install: skipped under $bin (the suite builds its own binary)"
	exit 0 ;;
esac
# The real path: the binary names its folders by it.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-install.XXXXXX") || exit 3
tmp=$(cd "$tmp" && pwd -P) || exit 3
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' HUP INT TERM

suite=install
# Run a make of the copy, clear of any make that runs this suite.
mk() {
	(cd "$tmp/src" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
	    make -s -j2 "$@") >>"$tmp/make.log" 2>&1
}
# Run prongsai ($1, the binary) build in the site folder; the status is
# in $st, stderr in $tmp/err.log.
st=0
run() {
	(cd "$tmp/site" && "$1" build --quiet) >"$tmp/out.log" 2>"$tmp/err.log"
	st=$?
}
said() {
	printf 'exit status %s: %s' "$st" "$(head -n 5 "$tmp/err.log")"
}

mkdir "$tmp/src" || exit 3
cp -R "$top/src" "$top/Makefile" "$top/themes" "$top/framework" \
    "$top/man" "$top/po" "$tmp/src/" || exit 3
mkdir -p "$tmp/site/content/measures/2566" || exit 3
cp -R "$top/tests/bad/_site/." "$tmp/site/" || exit 3
cp "$top/content/measures/2566/asset-use-manual.md" \
    "$tmp/site/content/measures/2566/" || exit 3
mkdir -p "$tmp/site/content/reports" || exit 3
cp "$top/content/reports/2566.md" "$tmp/site/content/reports/" || exit 3

# A plain make first (PREFIX=/usr/local): install must rebuild for its own.
p=$tmp/p
if ! mk prongsai || ! mk install PREFIX="$p" DESTDIR=; then
	no make-install "$(tail -n 5 "$tmp/make.log")"
	exit 1
fi
missing=
for f in bin/prongsai share/man/man1/prongsai.1 share/man/man5/prongsai.5 \
    share/prongsai/themes/default/home.xsl \
    share/prongsai/framework/2566.yaml \
    share/prongsai/locale/th/LC_MESSAGES/prongsai.mo \
    share/prongsai/locale/en/LC_MESSAGES/prongsai.mo; do
	[ -f "$p/$f" ] || missing="$missing $f"
done
if [ -z "$missing" ]; then ok make-install
else no make-install "not installed in $p:$missing"; fi
# Marks the installed theme, to tell it from any other.
echo installed >"$p/share/prongsai/themes/default/static/installed-mark.txt"

# Away from its prefix, the binary has only the DATADIR compiled in.
mkdir "$tmp/away" && cp "$p/bin/prongsai" "$tmp/away/prongsai"
run "$tmp/away/prongsai"
if [ $st -eq 0 ] && [ -n "$(find "$tmp/site/output" -name installed-mark.txt)" ]
then ok datadir-follows-prefix
else no datadir-follows-prefix "$(said)"; fi
rm -rf "$tmp/site/output"

# Moved, it finds its data beside itself.
q=$tmp/q
mv "$p" "$q" || exit 3
run "$q/bin/prongsai"
if [ $st -ne 0 ]; then
	no moved-prefix "$(said)"
elif [ ! -f "$tmp/site/output/index.html" ]; then
	no moved-prefix "no index.html in the output"
elif [ -z "$(find "$tmp/site/output" -name installed-mark.txt)" ]; then
	no moved-prefix "the installed theme was not used"
else
	ok moved-prefix
fi

# Its messages: the Thai catalog installed beside the themes, found from
# the moved prefix, with no source tree in sight.
out=$(cd "$tmp/site" && PRONGSAI_LANG=th "$q/bin/prongsai" check 2>&1)
case $out in
*"ตรวจ 3 ไฟล์: ข้อผิดพลาด 0 รายการ, คำเตือน 0 รายการ"*) ok installed-thai ;;
*) no installed-thai "PRONGSAI_LANG=th check said: $out" ;;
esac

# A theme that does not exist: every folder, in order, and no other.
cp "$tmp/site/content/site.yaml" "$tmp/site.yaml"
echo 'theme: nosuch' >>"$tmp/site/content/site.yaml"
run "$q/bin/prongsai"
want="content/site.yaml: error: theme 'nosuch' not found; looked in: ./themes/nosuch, $q/share/prongsai/themes/nosuch, $p/share/prongsai/themes/nosuch"
if [ $st -eq 1 ] && grep -qxF "$want" "$tmp/err.log"; then
	ok theme-error-names-folders
else
	no theme-error-names-folders "wanted: $want
got $(said)"
fi
cp "$tmp/site.yaml" "$tmp/site/content/site.yaml"

# No framework anywhere: the same for framework/.
mv "$q/share/prongsai/framework" "$tmp/framework" || exit 3
run "$q/bin/prongsai"
want="looked in: ./framework, $q/share/prongsai/framework, $p/share/prongsai/framework"
if [ $st -eq 1 ] && grep "^framework: error: no ITA framework file" \
    "$tmp/err.log" | grep -qF "$want"; then
	ok framework-error-names-folders
else
	no framework-error-names-folders "wanted: ...$want
got $(said)"
fi

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
