#!/bin/sh
# tests/man.sh: the manual pages render with every Thai word intact (vowel
# and tone marks included) through mandoc, groff and man-db on a UTF-8
# terminal, and mandoc's linter finds no mistake in them.
#
# What loses the marks is col(1): man-db runs `col -b` when its output is
# not a terminal (`man prongsai.5 > file`, `man prongsai.5 | less`), and
# col drops every combining character (ดำเนินการ becomes ดำเนนการ).  The
# last check shows that, so the advice in the README stays true.
. "$(dirname "$0")/lib/suite.sh"
suite=man
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-man.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

# Bold and underline are overstruck with backspaces; keep the letters.
plain() {
	/usr/bin/python3 -c '
import re, sys
t = sys.stdin.buffer.read().decode("utf-8", "replace")
sys.stdout.write(re.sub(r"\x1b\[[0-9;]*m", "", re.sub(r".\x08", "", t)))'
}

# The Thai words of page $1 (runs of Thai letters, marks and dots), one a line.
thai_words() {
	/usr/bin/python3 -c '
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
for w in sorted(set(re.findall(r"[\u0e01-\u0e5b.]*[\u0e01-\u0e5b]", t))):
    print(w)' "$1"
}

# missing WORDS RENDERED: the words not found in the rendered text.
missing() {
	while IFS= read -r w; do
		grep -Fq -e "$w" "$2" || printf '%s ' "$w"
	done <"$1"
}

for page in man/prongsai.1 man/prongsai.5; do
	name=$(basename "$page")
	thai_words "$page" >"$work/$name.words"
	n=$(wc -l <"$work/$name.words")
	mandoc -Tutf8 "$page" 2>/dev/null | plain >"$work/mandoc"
	verdict "mandoc-thai-intact-$name ($n words)" \
	    "$(missing "$work/$name.words" "$work/mandoc")"
	preconv -e UTF-8 "$page" | groff -mandoc -Tutf8 2>/dev/null |
	    plain >"$work/groff"
	verdict "groff-thai-intact-$name" \
	    "$(missing "$work/$name.words" "$work/groff")"
	# man-db as on a terminal: formatting kept, so no col -b.
	MAN_KEEP_FORMATTING=1 MANWIDTH=80 man -l "$page" 2>/dev/null |
	    plain >"$work/man"
	verdict "man-db-thai-intact-$name" \
	    "$(missing "$work/$name.words" "$work/man")"
	verdict "mandoc-lint-$name" "$(mandoc -Tlint -W warning "$page" 2>&1 |
	    grep -v 'referenced manual not found')"
done

# The examples an editor copies: each in the rendered prongsai.5 exactly.
for ex in 'ดำเนินการตลอดทั้งปี' 'ตลอดปีงบประมาณ ๒๕๖๖' \
    '## วิธีการดำเนินการ' '## ผลการดำเนินงาน'; do
	mandoc -Tutf8 -O width=200 man/prongsai.5 | plain >"$work/wide"
	grep -Fq -e "$ex" "$work/wide" && ok "example-$ex" ||
	    no "example-$ex" "not in mandoc -Tutf8 man/prongsai.5"
done

# col -b drops the marks (the reason for the README's advice).
case $(printf 'ดำเนินการ\n' | col -b) in
ดำเนินการ) no col-drops-marks "col -b keeps Thai marks now: update the README" ;;
*) ok col-drops-marks ;;
esac
echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
