#!/bin/sh
# tests/hostile.sh: hostile sites and faults that need a build, not only
# a check: every site that `check` passes also builds; links, pipes and
# folders that lead out of the site never publish anything from outside;
# a menu link cannot become javascript:; SIGTERM stops a build at any
# stage with the old output intact; a killed build's folder is removed
# by the next build (and only that); the output may not be inside
# content/; lists whose length content controls stay near-linear at
# sizes ten times those that once hung (each run has a time limit).
#
# The binary is $PRONGSAI (default ./prongsai).  Needs /usr/bin/python3
# to generate the large sites.  Prints PASS: hostile/NAME or FAIL:
# hostile/NAME: reason per check; exits 1 if any failed.
. "$(dirname "$0")/lib/suite.sh"
py=/usr/bin/python3
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-hostile.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
trap 'exit 130' HUP INT TERM
# Time limits of the scale checks: generous, for ASan on a busy machine;
# the runs that once took minutes or never ended now take seconds.
limit=${HOSTILE_TIMEOUT:-120}
case $bin in *asan*) limit=$((limit * 2)) ;; esac

suite=hostile

# Run prongsai with a time limit; status in $st (137: killed), stderr
# in $work/err.log.
run() {
	watched "$bin" "$@" >"$work/out.log" 2>"$work/err.log"
	st=$?
	if grep -Eq 'Sanitizer|runtime error:' "$work/err.log"; then
		echo "== prongsai $*" >>"$work/sanitizer.log"
		cat "$work/err.log" >>"$work/sanitizer.log"
	fi
}

measure() {	# file title owners-yaml
	mkdir -p "$(dirname "$1")"
	cat >"$1" <<EOF
---
title: $2
fiscal_year: 2566
areas: EIT
owners: $3
period: whole-year
status: done
---

## วิธีการดำเนินการ

ทดสอบ
EOF
}

# A new site in folder $1 with one measure.
site() {
	rm -rf "$1"
	mkdir -p "$1"
	cp -R "$top/tests/bad/_site/." "$1/"
	measure "$1/content/measures/2566/a.md" "มาตรการทดสอบ" "สำนักปลัด"
}

# --- check passes only what build publishes ---------------------------
# Each case: set up, then `check` and `build` must agree: both 0, or
# check 1 and build 1 (a content error, never 3).
agree() {	# name
	run check --source "$s"
	c=$st
	run build --source "$s" --output "$work/out-$1" -q
	b=$st
	why=
	[ "$c" = 0 ] && [ "$b" != 0 ] &&
	    why="check passed but build exited $b: $(head -n 3 "$work/err.log")"
	[ "$c" = 1 ] && [ "$b" != 1 ] && why="check exited 1, build $b"
	[ "$c" != 0 ] && [ "$c" != 1 ] && why="check exited $c"
	verdict "agree-$1" "$why"
}
s=$work/site
site "$s"
long=$("$py" -c 'print("ก" * 100)')	# 300 bytes
measure "$s/content/measures/2566/b.md" "ยาว" "$long"
agree long-owner
# Its page: a folder of at most 200 bytes (the name cut at a character).
short=$("$py" -c 'print("ก" * 66)')
why=
[ "$b" = 0 ] || why="build exited $b; "
[ -s "$work/out-long-owner/owners/$short/index.html" ] ||
    why="${why}no owners/$short/index.html"
verdict long-owner-page "$why"

site "$s"
mkdir -p "$s/content/pages"
printf -- '---\ntitle: ก\n---\n\nก\n' >"$s/content/pages/about.md"
printf -- '---\ntitle: ข\nslug: about\n---\n\nข\n' >"$s/content/pages/other.md"
agree page-slug-twice
site "$s"
mkdir -p "$s/content/pages"
printf -- '---\ntitle: ก\n---\n\nก\n' >"$s/content/pages/owners.md"
agree page-slug-owners
site "$s"
mkdir -p "$s/content/pages"
printf -- '---\ntitle: ก\n---\n\nก\n' >"$s/content/pages/2566.md"
agree page-slug-year

# --- nothing from outside is published ---------------------------------
site "$s"
mkdir -p "$work/secret"
echo "root:secret" >"$work/secret/shadow"
ln -s "$work/secret" "$s/content/files"
run build --source "$s" --output "$work/out-link" -q
why=
[ "$st" = 1 ] || why="build exited $st, expected 1; "
[ -e "$work/out-link" ] && grep -rq "root:secret" "$work/out-link" &&
    why="${why}the secret was published"
verdict files-folder-link "$why"

site "$s"
mkdir -p "$s/content/files/2566"
echo "%PDF-1.4 plan" >"$s/content/files/2566/plan.pdf"
ln -s 2566/plan.pdf "$s/content/files/plan.pdf"
run build --source "$s" --output "$work/out-inlink" -q
why=
[ "$st" = 0 ] || why="build exited $st: $(head -n 2 "$work/err.log")"
[ -f "$work/out-inlink/files/plan.pdf" ] && [ ! -L "$work/out-inlink/files/plan.pdf" ] &&
    grep -q "plan" "$work/out-inlink/files/plan.pdf" ||
    why="${why}files/plan.pdf (a link inside content/files) was not published as a file"
verdict files-inner-link-published "$why"

# --- a menu link that is a site path stays a path ---------------------
site "$s"
printf 'menu:\n  - title: x\n    url: /javascript:alert(document.domain)\n' \
    >>"$s/content/site.yaml"
run build --source "$s" --output "$work/out-js" -q
why=
[ "$st" = 0 ] || why="build exited $st; "
grep -l 'href="javascript:' "$work/out-js/index.html" \
    "$work/out-js/404.html" >/dev/null 2>&1 &&
    why="${why}a page links to javascript:"
verdict menu-javascript "$why"

# --- pipes: never block, in check or build -----------------------------
for f in content/measures/2566/pipe.md content/site.yaml; do
	site "$s"
	rm -f "$s/$f"
	mkfifo "$s/$f"
	run build --source "$s" --output "$work/out-fifo" -q
	why=
	[ "$st" = 137 ] && why="build blocked on the pipe $f"
	[ "$st" = 1 ] || [ -n "$why" ] || why="build exited $st, expected 1"
	verdict "fifo-$(basename "$f")" "$why"
done

# --- SIGTERM and SIGINT stop a build cleanly at any stage --------------
big=$work/big
"$py" - "$big" <<'EOF'
import os, sys
root = sys.argv[1]
os.makedirs(root + "/content/measures/2566")
open(root + "/content/site.yaml", "w").write(
    "title: t\norganization: o\nbase_url: https://www.example.go.th/ita/\n")
for i in range(3000):
    open("%s/content/measures/2566/m%04d.md" % (root, i), "w").write(
        "---\ntitle: มาตรการที่ %d\nfiscal_year: 2566\nareas: EIT\n"
        "owners: [กอง %d]\nperiod: whole-year\nstatus: done\n---\n\n"
        "## วิธีการดำเนินการ\n\nทดสอบ %d\n" % (i, i % 50, i))
EOF
run build --source "$big" --output "$work/out-big" -q -j 2
cp -R "$work/out-big" "$work/out-big.copy"
for sig in TERM INT; do
	for delay in 0.05 0.3 1 2; do
		echo "changed" >>"$big/content/measures/2566/m0001.md"
		"$bin" build --source "$big" --output "$work/out-big" -q -j 2 \
		    >/dev/null 2>"$work/sig.log" &
		pid=$!
		sleep "$delay"
		kill -"$sig" "$pid" 2>/dev/null
		t=0
		while kill -0 "$pid" 2>/dev/null && [ $t -lt 100 ]; do
			sleep 0.1
			t=$((t + 1))
		done
		why=
		if kill -0 "$pid" 2>/dev/null; then
			kill -9 "$pid"
			why="still running 10 s after SIG$sig"
		fi
		wait "$pid"
		st=$?
		# Finished before the signal (0) is fine; else the old output.
		if [ "$st" != 0 ] && [ -z "$why" ]; then
			d=$(diff -r "$work/out-big.copy" "$work/out-big" 2>&1 | head -n 3)
			[ -n "$d" ] && why="the published output changed: $d"
		fi
		for f in "$work"/out-big.tmp-* "$work"/out-big.old-*; do
			[ -e "$f" ] && why="$why ${f##*/} was left behind"
		done
		[ "$st" = 0 ] && rm -rf "$work/out-big.copy" &&
		    cp -R "$work/out-big" "$work/out-big.copy"
		verdict "sig$sig-after-${delay}s" "$why"
	done
done

# --- a killed build's folder is removed by the next, and only that ------
site "$s"
out=$work/pub
run build --source "$s" --output "$out" -q
mkdir -p "$out.tmp-2147483000" "$out.tmp-2147483001" "$out.tmp-1" \
    "$out.old-2147483002" "$work/pubx.tmp-2147483003"
for d in "$out.tmp-2147483000" "$out.tmp-1" "$out.old-2147483002" \
    "$work/pubx.tmp-2147483003"; do
	: >"$d/.prongsai-output"
done
run build --source "$s" --output "$out" -q
why=
[ -e "$out.tmp-2147483000" ] && why="a dead build's folder was kept; "
[ -e "$out.old-2147483002" ] && why="${why}a dead build's old folder was kept; "
[ -e "$out.tmp-2147483001" ] || why="${why}a folder without the marker was removed; "
[ -e "$out.tmp-1" ] || why="${why}the folder of a live process was removed; "
[ -e "$work/pubx.tmp-2147483003" ] || why="${why}another output's folder was removed"
verdict stale-build-folders "$why"
rm -rf "$out.tmp-2147483001" "$out.tmp-1" "$work/pubx.tmp-2147483003"

# --- the output may not be inside content/ -----------------------------
for o in content content/files/pub content/x/../files/y; do
	site "$s"
	mkdir -p "$s/content/files"
	run build --source "$s" --output "$s/$o" -q
	why=
	[ "$st" = 2 ] || why="build exited $st, expected 2 (refused)"
	[ -e "$s/content/files/pub" ] && why="$why; content/files/pub was made"
	verdict "output-inside-content-$(echo "$o" | tr '/.' '--')" "$why"
done

# --- names that look alike are one owner -------------------------------
site "$s"
measure "$s/content/measures/2566/b.md" "ข" "[สำนักปลัด]"
# SARA AM typed as NIKHAHIT + SARA AA, and a zero-width space.
measure "$s/content/measures/2566/c.md" "ค" \
    "[$(printf '\340\270\252\340\271\215\340\270\262\340\270\231\340\270\261\340\270\201\340\270\233\340\270\245\340\270\261\340\270\224\342\200\213')]"
run build --source "$s" --output "$work/out-norm" -q
n=$(find "$work/out-norm/owners" -mindepth 1 -maxdepth 1 -type d | wc -l)
verdict owner-normal-form "$([ "$st" = 0 ] && [ "$n" = 1 ] ||
    echo "build exited $st with $n owner pages, expected 1")"

# --- near-linear where content decides the length ----------------------
# 30,000 owners whose names all make the folder name "ก" (3,000 took 20 s
# when every new key was checked against every key before it).
scale() {	# name, build (1) or only check (0), the generator's Python body
	name=$1
	build=$2
	shift
	rm -rf "$work/scale"
	"$py" -c "import os, sys
r = sys.argv[1]
os.makedirs(r + '/content/measures/2566')
open(r + '/content/site.yaml', 'w').write('title: t\norganization: o\nbase_url: https://www.example.go.th/ita/\n')
def m(i, owners, title=None):
    open('%s/content/measures/2566/m%06d.md' % (r, i), 'w').write(
        '---\ntitle: %s\nfiscal_year: 2566\nareas: EIT\nowners:\n%s\nperiod: whole-year\nstatus: done\n---\n\nก\n'
        % (title or 'มาตรการ %d' % i, ''.join('  - \"%s\"\n' % o for o in owners)))
$2" "$work/scale"
	s0=$(date +%s)
	run check --source "$work/scale" -q
	c=$st
	st=0
	# Building thousands of pages under ASan would take minutes: the
	# plain pass builds, the ASan pass checks.
	case $bin in
	*asan*)	;;
	*)	[ "$build" = 1 ] && run build --source "$work/scale" \
		    --output "$work/out-$name" -q ;;
	esac
	s1=$(date +%s)
	why=
	[ "$c" = 137 ] && why="check did not end within $limit s; "
	[ "$st" = 137 ] && why="${why}build did not end within $limit s; "
	[ -z "$why" ] && [ "$c" != 0 ] && why="check exited $c; "
	[ -z "$why" ] && [ "$st" != 0 ] &&
	    why="build exited $st: $(head -n 2 "$work/err.log")"
	echo "hostile: $name: check and build in $((s1 - s0)) s"
	verdict "scale-$name" "$why"
}
scale owners-one-folder-name 1 '
p = "!#$%&()*+,;<=>@[]^_{|}~"
k = 0
for i in range(300):
    names = []
    for j in range(100):
        n, s = k, ""
        while True:
            s += p[n % len(p)]
            n //= len(p)
            if n == 0: break
        names.append("ก" + s.replace("\\\\", "") + "ข")
        k += 1
    m(i, names)'
case $bin in
*asan*)	;;
*)	n=$(find "$work/out-owners-one-folder-name/owners" -mindepth 1 -maxdepth 1 -type d |
	    wc -l)
	verdict owners-one-folder-name-pages "$([ "$n" = 30000 ] ||
	    echo "$n owner pages, expected 30000")" ;;
esac
rm -rf "$work/out-owners-one-folder-name"
# One owner listed 19,000 times in one measure (front matter holds at
# most 20,000 values): one owner, the repeats warned of.
scale owner-repeated 1 'm(0, ["กองคลัง"] * 19000)'
# 100,000 measures (ASan: did not end in 300 s), five owners each of 2,000.
scale many-measures 0 '
for i in range(100000):
    m(i, ["กอง %d" % ((i + j) % 2000) for j in range(5)])'

if [ -s "$work/sanitizer.log" ]; then
	verdict sanitizers "$(head -n 20 "$work/sanitizer.log")"
fi
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
