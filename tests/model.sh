#!/bin/sh
# tests/model.sh: builds the example content with the model-dumping theme
# (tests/model-theme) and validates every page model against the theme
# contract themes/default/page.rng; also checks that every UI word the
# default theme's stylesheets ask for is in both strings files.
# Prints PASS:/FAIL: lines; exits non-zero on any failure.
set -u
cd "$(dirname "$0")/.."
PRONGSAI=${PRONGSAI:-./prongsai}
RNG=themes/default/page.rng
fail=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-model.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM HUP

mkdir -p "$tmp/site/themes"
ln -s "$(pwd)/content" "$tmp/site/content"
ln -s "$(pwd)/tests/model-theme" "$tmp/site/themes/default"
if ! "$PRONGSAI" build --quiet --source "$tmp/site" --output "$tmp/out" \
    >"$tmp/build.log" 2>&1; then
	echo "FAIL: model/build"
	cat "$tmp/build.log"
	exit 1
fi

n=0
for f in $(cd "$tmp/out" && find . -name '*.html' | sed 's|^\./||' | sort); do
	n=$((n + 1))
	if xmllint --noout --relaxng "$RNG" "$tmp/out/$f" >"$tmp/v.log" 2>&1; then
		echo "PASS: model/$f"
	else
		echo "FAIL: model/$f"
		grep -v ' validates$' "$tmp/v.log" | head -20
		fail=1
	fi
done
if [ "$n" -eq 0 ]; then
	echo "FAIL: model: no pages were built"
	fail=1
fi

# Every word the stylesheets ask for, p:t('ID'), p:fill('ID', ...) or an
# 'ID' passed as <xsl:with-param name="id">, must exist in both strings
# files (status-CODE and dd-NAME words are built from codes and names).
ids=$(grep -ho -e "p:t('[a-z0-9-]*')" -e "p:fill('[a-z0-9-]*'" \
    -e "name=\"id\" select=\"'[a-z0-9-]*'\"" themes/default/*.xsl |
    sed "s/.*'\([a-z0-9-]*\)'.*/\1/" | sort -u)
if [ "$(printf '%s\n' "$ids" | wc -l)" -lt 100 ]; then
	echo "FAIL: strings: only $(printf '%s\n' "$ids" | wc -l) word ids found in the stylesheets"
	fail=1
fi
for lang in th en; do
	file=themes/default/strings/$lang.xml
	missing=
	for id in $ids status-planned status-in-progress status-done \
	    status-cancelled; do
		grep -q "<s id=\"$id\">" "$file" || missing="$missing $id"
	done
	if [ -z "$missing" ] && xmllint --noout "$file" 2>/dev/null; then
		echo "PASS: strings/$lang"
	else
		echo "FAIL: strings/$lang: missing:$missing"
		fail=1
	fi
done
exit $fail
