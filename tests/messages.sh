#!/bin/sh
# tests/messages.sh: every message has its Thai words (gettext coverage),
# and the language of messages follows --lang, PRONGSAI_LANG, the site
# and the environment, in that order (see prongsai(1), LANGUAGE OF
# MESSAGES).
. "$(dirname "$0")/lib/suite.sh"
suite=messages
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-messages.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM

# Coverage: xgettext finds every _() and N_() message of src/*.c; each
# must be translated (not empty, not fuzzy) in po/th.po or in one of the
# fragments po/th-TOPIC.po that branches add.
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$work/all.pot" \
    src/*.c 2>"$work/xg.err"
verdict xgettext-runs "$(cat "$work/xg.err")"
msgcat --use-first po/th.po $(ls po/th-*.po 2>/dev/null) \
    -o "$work/th.po" 2>"$work/cat.err" || cat "$work/cat.err" >&2
n=$(grep -c '^msgid ' "$work/all.pot")
# msgcmp counts an untranslated or fuzzy message as missing.
if msgcmp "$work/th.po" "$work/all.pot" >"$work/cmp.out" 2>&1; then
	ok "every-message-has-thai ($n messages)"
else
	no every-message-has-thai "$(grep -A1 'this message' "$work/cmp.out" |
	    head -40)"
fi
# The checker must be able to fail: a message new to the code and to no
# PO file is found.
printf '#include "extern.h"\nconst char *x(void) { return _("a new message '\
'nobody translated"); }\n' >"$work/new.c"
xgettext --from-code=UTF-8 --keyword=_ -o "$work/new.pot" "$work/new.c"
msgcat "$work/all.pot" "$work/new.pot" -o "$work/both.pot"
if msgcmp "$work/th.po" "$work/both.pot" >/dev/null 2>&1; then
	no coverage-check-can-fail "an untranslated message was not noticed"
else
	ok coverage-check-can-fail
fi
# Messages printed without _(): a diagnostic or a line on stderr whose
# format is a bare literal with words in it.
bare=$(grep -n -E '(SEV_(ERROR|WARNING),|fprintf\(stderr,|fputs\() *"[^"%]*[a-z]{2,} [a-z]' \
    src/*.c)
verdict no-bare-messages "$bare"
# Every Thai translation keeps the English one's %s, %d... (msgfmt
# --check-format): a mismatch would crash printf.
verdict formats-match "$(msgfmt --check-format -o /dev/null "$work/th.po" 2>&1)"

# The language chosen.  A site in English, so that only the
# environment or the options ask for Thai.
site=$work/site
cp -R tests/bad/_site "$site"
mkdir -p "$site/content/measures/2566"
cat >"$site/content/measures/2566/bad.md" <<'EOF'
---
title: มาตรการ
fiscal_year: 2566
areas: [EIT]
owners: [สำนักปลัด]
period: whole-year
status: finished
---
EOF
th_word='ไม่รู้จักสถานะ'
en_word='unknown status'
# lang NAME WANT [VAR=VALUE...] -- ARGS: the check says WANT's words.
lang() {
	name=$1 want=$2
	shift 2
	out=$(cd "$site" && env "$@" 2>&1)
	case $want in
	th) word=$th_word ;;
	*) word=$en_word ;;
	esac
	case $out in
	*"$word"*) ok "$name" ;;
	*) no "$name" "expected $want, got: $out" ;;
	esac
}
sed -i 's/^language:.*//' "$site/content/site.yaml"
echo 'language: en' >>"$site/content/site.yaml"
lang site-en-env-c en -u PRONGSAI_LANG LANG=C LC_ALL=C "$bin" check
lang site-en-env-thai th -u PRONGSAI_LANG -u LANGUAGE LC_ALL= \
    LANG=th_TH.UTF-8 "$bin" check
lang site-en-language-thai th -u PRONGSAI_LANG LANGUAGE=th LC_ALL=C.UTF-8 \
    "$bin" check
lang prongsai-lang-th th PRONGSAI_LANG=th LANG=C "$bin" check
lang option-beats-env en PRONGSAI_LANG=th LANG=th_TH.UTF-8 "$bin" check \
    --lang en
sed -i 's/^language: en$/language: th/' "$site/content/site.yaml"
lang site-th-env-c th -u PRONGSAI_LANG LANG=C LC_ALL=C "$bin" check
lang prongsai-lang-beats-site en PRONGSAI_LANG=en "$bin" check
lang option-beats-site en -u PRONGSAI_LANG "$bin" check --lang en
lang source-option-site th -u PRONGSAI_LANG LC_ALL=C sh -c \
    'cd / && exec "$0" check --source "$1"' "$bin" "$site"

# Bad values are refused, in words.
out=$("$bin" check --lang fr 2>&1)
st=$?
case $st:$out in
2:*"--lang wants th"*) ok bad-lang-option ;;
*) no bad-lang-option "status $st: $out" ;;
esac
out=$(PRONGSAI_LANG=xx "$bin" check 2>&1)
st=$?
case $st:$out in
2:*PRONGSAI_LANG*) ok bad-prongsai-lang ;;
*) no bad-prongsai-lang "status $st: $out" ;;
esac

# --help: one line for each option getopt knows, in both languages
# (none read from main.c's longopts[] tables is a failure).
opts=$(sed -n '/longopts\[\] = {/,/NULL, 0, NULL, 0/p' src/main.c |
    sed -n 's/.*{ "\([a-z-]*\)",.*/\1/p')
for l in en th; do
	help=$("$bin" --help --lang $l 2>&1)
	why=
	[ -n "$opts" ] || why="no options read from src/main.c's longopts[]"
	for opt in $opts; do
		c=$(printf '%s\n' "$help" | grep -c -e "--$opt ")
		[ "$c" -ge 1 ] || why="$why no line for --$opt;"
		d=$(printf '%s\n' "$help" | grep -c -E -e "^  (-[a-z], |    )--$opt ")
		[ "$d" -eq 1 ] || why="$why --$opt described $d times;"
	done
	verdict "help-every-option-$l" "$why"
done
case $("$bin" --help --lang th) in
*ตัวเลือก*) ok help-in-thai ;;
*) no help-in-thai "no Thai words in --help --lang th" ;;
esac
# The summary line's plurals.
out=$(cd "$site" && PRONGSAI_LANG=en "$bin" check 2>&1 | tail -1)
verdict summary-en "$([ "$out" = "2 files checked: 1 error, 0 warnings" ] ||
    echo "$out")"
out=$(cd "$site" && PRONGSAI_LANG=th "$bin" check 2>&1 | tail -1)
verdict summary-th "$([ "$out" = "ตรวจ 2 ไฟล์: ข้อผิดพลาด 1 รายการ, คำเตือน 0 รายการ" ] ||
    echo "$out")"
# Only the messages change: the portal is byte for byte the same.
sed -i 's/^status: finished$/status: เสร็จแล้ว/' "$site/content/measures/2566/bad.md"
(cd "$site" && PRONGSAI_LANG=th "$bin" build -q --output "$work/out-th" &&
    PRONGSAI_LANG=en "$bin" build -q --output "$work/out-en") \
    >"$work/build.log" 2>&1
verdict output-same-in-both-languages "$(diff -r "$work/out-th" \
    "$work/out-en" 2>&1 | head -5)"
echo "messages: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
