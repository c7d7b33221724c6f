#!/bin/sh
# tests/menu.sh: the site menu.  site.yaml's menu entries come first, in
# their order; then every free page no entry links to, by menu_order
# (smaller first, default 0), equal orders by title in Thai dictionary
# order.  Checked in the menu of index.html.  Prints PASS: menu/NAME or
# FAIL: menu/NAME: reason per check; exits 1 if any failed.
. "$(dirname "$0")/lib/suite.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-menu.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
suite=menu

# page NAME TITLE [ORDER]: a free page, with menu_order ORDER if given.
page() {
	{
		echo ---
		echo "title: $2"
		[ $# -gt 2 ] && echo "menu_order: $3"
		echo ---
		echo
		echo "$2."
	} >"$site/content/pages/$1.md"
}
# menu DIR N: the first N titles of the menu of DIR/index.html, each
# followed by a space.
menu() {
	/usr/bin/python3 - "$1/index.html" "$2" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<ul class="nav-menu">(.*?)</ul>', html, re.S)
items = re.findall(r"<li>(.*?)</li>", m.group(1) if m else "", re.S)
for li in items[:int(sys.argv[2])]:
    print(re.sub(r"<[^>]*>", "", li).strip(), end=" ")
EOF
}
# build NAME: build $site into $work/NAME; reason on failure.
build() {
	"$PRONGSAI_BIN" build -q --source "$site" --output "$work/$1" \
	    >"$work/$1.log" 2>&1 || { cat "$work/$1.log"; return 1; }
	if grep -Eq 'Sanitizer|runtime error:' "$work/$1.log"; then
		cat "$work/$1.log"
		return 1
	fi
}
PRONGSAI_BIN=$bin

site=$work/site
mkdir -p "$site/content/pages"
cat >"$site/content/site.yaml" <<'EOF'
title: ศูนย์ข้อมูลความโปร่งใส
organization: องค์การบริหารส่วนตำบลทดสอบ
base_url: https://example.org/ita/
language: th
menu:
  - title: หน้าแรก
    url: /
EOF
page three "สาม" 3
page minus "ลบหนึ่ง" -1
page none "ไม่มี"

# Three pages: -1, then the default 0, then 3; after site.yaml's entry,
# before the owners' link the theme adds last.
if why=$(build order); then
	got=$(menu "$work/order" 4)
	want="หน้าแรก ลบหนึ่ง ไม่มี สาม "
	[ "$got" = "$want" ] && ok order ||
	    no order "expected '$want', got '$got'"
else
	no order "build failed: $why"
fi

# Equal orders: Thai dictionary order, where เกี่ยวกับ (ก) comes before
# ขอบคุณ (ข) although its first byte (เ) sorts after ข.
page none "เกี่ยวกับ"
page thanks "ขอบคุณ"
if why=$(build thai); then
	got=$(menu "$work/thai" 5)
	want="หน้าแรก ลบหนึ่ง เกี่ยวกับ ขอบคุณ สาม "
	[ "$got" = "$want" ] && ok thai-order ||
	    no thai-order "expected '$want', got '$got'"
else
	no thai-order "build failed: $why"
fi

# A page an entry of site.yaml links to keeps that entry's place, once.
cat >>"$site/content/site.yaml" <<'EOF'
  - title: ขอบคุณมาก
    url: /thanks/
EOF
if why=$(build linked); then
	got=$(menu "$work/linked" 5)
	want="หน้าแรก ขอบคุณมาก ลบหนึ่ง เกี่ยวกับ สาม "
	[ "$got" = "$want" ] && ok linked-page-once ||
	    no linked-page-once "expected '$want', got '$got'"
else
	no linked-page-once "build failed: $why"
fi
[ "$fail" -eq 0 ]
