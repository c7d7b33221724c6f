#!/bin/sh
# tests/layers.sh: the source files form layers: if file A uses a
# symbol that file B defines (read from nm over build/*.o), B never
# uses one of A's, directly or through others.  A cycle means two
# stages that cannot be read, tested or replaced one without the other.
# Prints PASS: layers/no-cycle or FAIL with the files in the cycle; and
# checks that the table of source files in docs/internals.md (moved
# there from the README) names every file.
. "$(dirname "$0")/lib/suite.sh"
suite=layers
work=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-layers.XXXXXX") || exit 3
trap 'rm -rf "$work"' EXIT
for o in build/*.o; do
	[ -f "$o" ] || continue
	f=$(basename "$o" .o)
	nm "$o" | awk -v f="$f" '$2 ~ /^[TDBRC]$/ { print $3, f }' >>"$work/defs"
	nm -u "$o" | awk -v f="$f" '{ print $2, f }' >>"$work/uses"
done
if [ ! -s "$work/defs" ]; then
	verdict no-cycle "no object files in build/: run make first"
	exit 1
fi
# "user definer" for every symbol defined in another of our files.
sort -o "$work/defs" "$work/defs"
sort -o "$work/uses" "$work/uses"
join "$work/uses" "$work/defs" | awk '$2 != $3 { print $2, $3 }' |
    sort -u >"$work/edges"
echo "layers: $(wc -l <"$work/edges") uses between $(ls build/*.o | wc -l) files"
why=$(tsort "$work/edges" 2>&1 >/dev/null | sed -n 's/^tsort: //p' |
    grep -v 'input contains a loop' | tr '\n' ' ')
verdict no-cycle "${why:+files in a cycle: $why}"
# docs/internals.md's table of source files names every file there is.
why=
for f in src/*.c src/*.h; do
	grep -q "^| \`$f\` |" docs/internals.md || why="$why $f"
done
verdict readme-lists-every-source "${why:+not in docs/internals.md's table:$why}"
[ "$fail" -eq 0 ]
