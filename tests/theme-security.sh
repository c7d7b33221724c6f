#!/bin/sh
# tests/theme-security.sh: a theme may read only its own files and may not write or fetch.
#
# A copy of tests/bad/_site/ (in a folder whose name has a space) with
# one measure and the theme "evil" in its themes/ folder (a copy of
# themes/default) is built once as it is;
# then, for each hostile change to the theme, the build must exit 1 (a
# theme error is the site's error, like any other in its stylesheets),
# say why, write no file outside the output, leave the published output
# as it was, and finish within $THEME_TIMEOUT seconds (default 20: a FIFO
# opened for reading would block forever).  The changes: xsl:document,
# saxon:output, xalan:write and exsl:document to an absolute path,
# document() of /etc/passwd and of http://127.0.0.1:9/, xsl:import and
# xsl:include of a file outside the theme (by ../ and through a link), a
# stylesheet that is a link out or a FIFO, an external entity.  A FIFO
# nobody uses and document() of the theme's own files are allowed, and
# the default theme still builds the example site.
#
# The binary is $PRONGSAI (default ./prongsai).  Prints PASS: theme/NAME
# or FAIL: theme/NAME: reason per check; exits 1 if any failed.
. "$(dirname "$0")/lib/suite.sh"
limit=${THEME_TIMEOUT:-20}
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-theme.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

suite=theme

# Build $site into $out; the status is in $st (137 if it was killed for
# running too long), stderr in $work/err.log.
site="$work/my site"	# a space, as a URI must escape
out=$work/out
st=0
run() {
	watched "$bin" build --source "$site" --output "$out" \
	    >"$work/out.log" 2>"$work/err.log"
	st=$?
}
said() {
	printf 'exit status %s: %s' "$st" "$(head -n 3 "$work/err.log")"
}

# The site, its pristine theme (kept aside) and a stylesheet outside it.
mkdir -p "$site/content/measures/2566" "$site/themes" "$work/pwned" || exit 3
cp -R "$top/tests/bad/_site/." "$site/" || exit 3
cp "$top/tests/bad/ok-minimal.md" "$site/content/measures/2566/m.md" || exit 3
printf 'theme: evil\n' >>"$site/content/site.yaml"
cp -R "$top/themes/default" "$work/evil" || exit 3
mv "$work/evil/measure.xsl" "$work/evil/measure-real.xsl"
outside='<?xml version="1.0"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>'
printf '%s\n' "$outside" >"$site/x.xsl"
printf '%s\n' "$outside" >"$work/outside.xsl"
theme=$site/themes/evil

# A fresh theme whose measure.xsl imports the real one, adds the
# top-level elements $1 and does $2 before the page.
fresh() {
	rm -rf "$theme"
	cp -R "$work/evil" "$theme"
	cat >"$theme/measure.xsl" <<-EOF
	<?xml version="1.0" encoding="UTF-8"?>
	<xsl:stylesheet version="1.0"
	    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	    xmlns:exsl="http://exslt.org/common"
	    xmlns:saxon="http://icl.com/saxon"
	    xmlns:xalan="org.apache.xalan.xslt.extensions.Redirect"
	    extension-element-prefixes="exsl saxon xalan">
	  <xsl:import href="measure-real.xsl"/>
	  $1
	  <xsl:template match="/">
	    $2
	    <xsl:apply-imports/>
	  </xsl:template>
	</xsl:stylesheet>
	EOF
}

# The published output as it was, to compare against.
fresh '' ''
run
if [ "$st" -eq 0 ] && [ -f "$out/2566/measures/m/index.html" ]; then
	verdict baseline ""
else
	verdict baseline "the unchanged theme does not build: $(said)"
	echo "theme: $pass passed, $fail failed"
	exit 1
fi
cp -R "$out" "$work/saved"

# The build must fail: exit 1, the message matching the grep -E
# pattern $2, nothing in $work/pwned, the output unchanged.
refused() {	# name pattern
	why=
	run
	if [ "$st" -eq 137 ]; then
		why="killed: did not finish within $limit seconds; "
	elif [ "$st" -ne 1 ]; then
		why="$(said), expected 1; "
	fi
	grep -Eq -- "$2" "$work/err.log" ||
	    why="${why}stderr does not say /$2/: $(head -n 3 "$work/err.log"); "
	[ -n "$(ls -A "$work/pwned")" ] &&
	    why="${why}written outside the output: $(ls -A "$work/pwned"); "
	d=$(diff -r "$work/saved" "$out" 2>&1 | head -n 3)
	[ -n "$d" ] && why="${why}the published output changed: $d; "
	for f in "$out".tmp-* "$out".old-*; do
		[ -e "$f" ] && why="${why}${f#"$work"/} was left behind; "
	done
	grep -Eq 'Sanitizer|runtime error:' "$work/err.log" &&
	    why="${why}sanitizer: $(grep -E -m 1 'Sanitizer|runtime error:' \
	    "$work/err.log"); "
	rm -rf "$work/pwned"
	mkdir "$work/pwned"
	verdict "$1" "$why"
}
# The build must succeed (a theme doing only what it may).
allowed() {	# name
	run
	if [ "$st" -eq 0 ]; then
		verdict "$1" ""
	else
		verdict "$1" "$(said)"
	fi
}

# (a) Writes, with each element that can write a file.
p=$work/pwned
fresh '' "<xsl:document href=\"$p/a\" method=\"text\">x</xsl:document>"
refused xsl-document "File write for $p/a refused"
fresh '' "<xsl:document href=\"$p/new/a\" method=\"text\">x</xsl:document>"
refused xsl-document-new-folder "File write for $p/new/a refused"
fresh '' "<saxon:output file=\"$p/a\" method=\"text\">x</saxon:output>"
refused saxon-output "File write for $p/a refused"
fresh '' "<xalan:write file=\"$p/a\">x</xalan:write>"
refused xalan-write "measure.xsl:[0-9]+: .*(refused|write)"
# (b) libexslt is not registered: exsl:document is an unknown element.
fresh '' "<exsl:document href=\"$p/a\" method=\"text\">x</exsl:document>"
refused exsl-document "measure.xsl:[0-9]+: .*failed to find extension document"
# (c), (d) Reads outside the theme and from the network.
fresh '' '<xsl:value-of select="document('"'"'/etc/passwd'"'"')"/>'
refused read-etc-passwd "measure.xsl:[0-9]+: Local file read for /etc/passwd refused"
fresh '' '<xsl:value-of select="document('"'"'http://127.0.0.1:9/x'"'"')"/>'
refused read-network "Network file read for http://127.0.0.1:9/x refused"
# (e) Stylesheets from outside: by ../, by a link, a stylesheet a link.
fresh '<xsl:import href="../../x.xsl"/>' ''
refused import-dotdot "read rights for [^ ]*/x.xsl denied"
fresh '<xsl:include href="../../x.xsl"/>' ''
refused include-dotdot "read rights for [^ ]*/x.xsl denied"
fresh '<xsl:import href="outside.xsl"/>' ''
ln -s "$work/outside.xsl" "$theme/outside.xsl"
refused import-link-outside "read rights for [^ ]*/outside.xsl denied"
fresh '' ''
rm "$theme/page.xsl"
ln -s "$work/outside.xsl" "$theme/page.xsl"
refused stylesheet-link-outside "page.xsl: error: .*page.xsl: a theme may read only regular files inside its own folder"
# (f) FIFOs must not hang the build: as a stylesheet, an import, the
# words, document(); one nobody reads is no error.
fresh '' ''
rm "$theme/page.xsl"
mkfifo "$theme/page.xsl"
refused fifo-stylesheet "page.xsl: error: .*page.xsl: a theme may read only regular files inside its own folder"
fresh '<xsl:import href="fifo.xsl"/>' ''
mkfifo "$theme/fifo.xsl"
refused fifo-import "read rights for [^ ]*fifo.xsl denied"
fresh '' ''
rm "$theme/strings/th.xml"
mkfifo "$theme/strings/th.xml"
refused fifo-strings "th.xml: error: .*regular file inside the theme folder"
fresh '' '<xsl:value-of select="count(document('"'"'fifo.xml'"'"'))"/>'
mkfifo "$theme/fifo.xml"
refused fifo-document "read rights for [^ ]*fifo.xml denied"
fresh '' ''
mkfifo "$theme/unused.xsl"
allowed fifo-unused
# static/ is published file by file: a pipe there cannot be, so it is
# refused (without blocking) like a pipe in content/files/.
fresh '' ''
mkfifo "$theme/static/unused.css"
refused fifo-static "unused.css: error: this is not a regular file"
# External entities and DTDs are not loaded, even from the theme.
fresh '<xsl:include href="entity.xsl"/>' ''
cat >"$theme/entity.xsl" <<'EOF'
<?xml version="1.0"?>
<!DOCTYPE xsl:stylesheet [<!ENTITY e SYSTEM "/etc/passwd">]>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:variable name="v">&e;</xsl:variable>
</xsl:stylesheet>
EOF
refused external-entity "/etc/passwd: a theme file may not load a DTD or an external entity"
# A bad expression is reported once, as its author wrote it (theme.c
# puts the plain paths it can compile in parentheses, never this one).
fresh '' '<xsl:value-of select="title/"/>'
refused xpath-as-written "could not compile select expression 'title/'$"
n=$(grep -c "Invalid expression" "$work/err.log")
[ "$n" -eq 1 ] && verdict xpath-reported-once "" ||
    verdict xpath-reported-once "said $n times: $(head -n 3 "$work/err.log")"
# What a theme may do: read its own files with document().
fresh '' '<xsl:value-of select="count(document('"'"'strings/en.xml'"'"'))"/>'
allowed document-own-file

# The default theme, with the sandbox, on the example site.
"$bin" build --source . --output "$work/example" >"$work/out.log" \
    2>"$work/err.log"
st=$?
if [ "$st" -eq 0 ] && [ -f "$work/example/index.html" ]; then
	verdict default-theme ""
else
	verdict default-theme "$(said)"
fi

echo "theme: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
