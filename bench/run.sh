#!/bin/bash
# Benchmark `prongsai build` against Hugo and two floors (cmark-gfm alone over
# the same Markdown bodies, and `cp -r` of Prongsai's own output folder: the
# cost of writing those files and bytes).
#
#   bench/run.sh [--big]
#
# For N = 1,000 and 10,000 (and 100,000 with --big) it generates the site with
# bench/gen.py (cached under bench/out/, git-ignored), then runs every tool
# once to warm up and RUNS times (default 3) more, alternating the tools round
# by round, and reports the median wall time, CPU time (user + sys) and peak
# RSS measured by GNU time, and the files and bytes of HTML and XML each site
# generator wrote (counted after the warm-up run; "INVALID comparison" when
# Prongsai's and Hugo's differ by more than 25 %).  Then, at N = 10,000 (or the largest N run), the
# incremental case: build once, change one measure's progress, rebuild into
# the same output.  The table goes to stdout and to $RESULTS.
#
# Environment: PRONGSAI (default ./prongsai), RUNS (3), SIZES (overrides the
# list of N), THEME=auto|real|model (auto: the real theme if a build with it
# succeeds, else tests/model-theme, which dumps the page models), RUNDIR
# (where the tools write their output, default bench/out/run: e.g. a tmpfs
# such as /dev/shm/prongsai-bench to time the tools without the disk) and
# RESULTS (default bench/results.md).
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
PRONGSAI=${PRONGSAI:-$ROOT/prongsai}
# The summary line is recorded as written: keep it in English.
export PRONGSAI_LANG=en
RUNS=${RUNS:-3}
THEME=${THEME:-auto}
RUNDIR=${RUNDIR:-$OUT/run}
RESULTS=${RESULTS:-$BENCH/results.md}
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3

sizes="1000 10000"
for a in "$@"; do
    case $a in
    --big) sizes="$sizes 100000" ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument '$a' (use --big)" >&2; exit 2 ;;
    esac
done
sizes=${SIZES:-$sizes}

if [ ! -x /usr/bin/time ]; then
    echo "run.sh: GNU time is missing (apt-get install -y time)" >&2; exit 3
fi
[ -x "$PRONGSAI" ] || { echo "run.sh: $PRONGSAI not built (make)" >&2; exit 3; }
# Run a snapshot of the binary, so a rebuild during the benchmark changes
# nothing.  Prongsai finds its themes/ and framework/ in BIN/../share/prongsai
# (src/util.c, data_dirs()): links there to the checkout's.
mkdir -p "$OUT/bin" "$OUT/share/prongsai"
rm -f "$OUT/bin/prongsai" "$OUT/bin/themes" "$OUT/bin/framework" \
    "$OUT/share/prongsai/themes" "$OUT/share/prongsai/framework"
cp "$PRONGSAI" "$OUT/bin/prongsai"
ln -s "$(cd "$(dirname "$PRONGSAI")" && pwd)/themes" "$OUT/share/prongsai/themes"
ln -s "$(cd "$(dirname "$PRONGSAI")" && pwd)/framework" "$OUT/share/prongsai/framework"
PRONGSAI=$OUT/bin/prongsai

have_hugo=0; command -v hugo >/dev/null && have_hugo=1
have_cmark=0; command -v cmark-gfm >/dev/null && have_cmark=1
CMARK=(cmark-gfm -e table -e strikethrough -e autolink -e tagfilter -e tasklist)
notes=()
[ $have_hugo = 1 ] || notes+=("hugo is not installed (apt-get install -y hugo): Hugo runs skipped")
[ $have_cmark = 1 ] || notes+=("cmark-gfm is not installed (apt-get install -y cmark-gfm): floor skipped")

mkdir -p "$RUNDIR"
stamp_of() { echo "N=$1 $(sha256sum "$BENCH/gen.py" | cut -d' ' -f1)"; }

# generate N: the Prongsai site $OUT/site-N, the Hugo site $OUT/hugo-N and
# $OUT/site-N.bodies.md, every body one after the other (the cmark floor).
generate() {
    local n=$1 site=$OUT/site-$1 hs=$OUT/hugo-$1
    if [ "$(cat "$site.stamp" 2>/dev/null)" != "$(stamp_of "$n")" ]; then
        echo "generating N=$n ..." >&2
        rm -rf "$site" "$hs" "$site.stamp" "$site.bodies.md"
        $PY "$BENCH/gen.py" "$n" "$site" --hugo "$hs"
        find "$site/content/measures" -name '*.md' | LC_ALL=C sort |
            xargs awk 'FNR == 1 { fm = 0; print "" }
                       FNR == 1 && /^---$/ { fm = 1; next }
                       fm && /^(---|\.\.\.)$/ { fm = 0; next }
                       !fm' > "$site.bodies.md"
        stamp_of "$n" > "$site.stamp"
    fi
    # the Hugo config and layouts, always fresh from bench/hugo/
    rm -rf "$hs/layouts" "$hs/config.toml"
    cp -r "$BENCH/hugo/config.toml" "$BENCH/hugo/layouts" "$hs/"
}

# use_theme SITE: link the model-dumping theme into SITE when asked to
use_theme() {
    rm -rf "$1/themes"
    if [ "$theme_used" = model ]; then
        mkdir -p "$1/themes"
        ln -s "$ROOT/tests/model-theme" "$1/themes/default"
    fi
}

# timeit TIMEFILE LOG CMD...: run CMD under GNU time; print "wall user sys KiB"
timeit() {
    local tf=$1 log=$2; shift 2
    if ! /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >"$log" 2>&1; then
        echo "run.sh: failed: $*" >&2; tail -20 "$log" >&2; exit 3
    fi
    tail -1 "$tf"
}

TSV=$OUT/times.tsv
: > "$TSV"
# what each site generator wrote: N, tool, files and bytes of *.html and *.xml
SIZES_TSV=$OUT/sizes.tsv
: > "$SIZES_TSV"

# unmarked_bytes DIR: the bytes of DIR's *.html and *.xml without the Thai
# line-break marks (wordbreak.c's <span class="w|n"> and <wbr>), which no
# Hugo site has: the same text and markup is the same work, compared.
unmarked_bytes() {
    $PY - "$1" <<'PYEOF'
import os, re, sys
mark = re.compile(rb'<span class="[wn]">((?:[^<]|<wbr>)*)</span>')
total = 0
for d, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith((".html", ".xml")):
            b = open(os.path.join(d, f), "rb").read()
            while True:     # a span.n inside a span.w: inner ones first
                u = mark.sub(lambda m: m.group(1).replace(b"<wbr>", b""), b)
                if u == b:
                    break
                b = u
            total += len(b)
print(total)
PYEOF
}

# run_tool N TOOL ROUND: one timed run of TOOL on the sites of size N
run_tool() {
    local n=$1 tool=$2 round=$3 site=$OUT/site-$1 hs=$OUT/hugo-$1
    local dest=$RUNDIR/$n-$tool tf=$RUNDIR/time.txt log=$RUNDIR/log.txt r
    rm -rf "$dest" "$dest".*
    case $tool in
    prongsai)    r=$(timeit "$tf" "$log" "$PRONGSAI" build --source "$site" --output "$dest" --quiet) ;;
    prongsai-j1) r=$(timeit "$tf" "$log" "$PRONGSAI" build --source "$site" --output "$dest" --quiet -j 1) ;;
    hugo)        r=$(timeit "$tf" "$log" hugo --quiet -s "$hs" -d "$dest") ;;
    cmark-gfm)   mkdir -p "$dest"
                 r=$(timeit "$tf" "$dest/bodies.html" "${CMARK[@]}" "$site.bodies.md") ;;
    cp)          r=$(timeit "$tf" "$log" cp -r "$RUNDIR/floor-$n" "$dest") ;;
    esac
    [ "$round" = 0 ] || printf '%s\t%s\t%s\t%s\n' "$n" "$tool" "$round" "$r" | tr ' ' '\t' >> "$TSV"
    case $round:$tool in
    0:prongsai|0:prongsai-j1|0:hugo)
        printf '%s\t%s\t%s\t%s\n' "$n" "$tool" \
            "$(find "$dest" -type f \( -name '*.html' -o -name '*.xml' \) | wc -l)" \
            "$(unmarked_bytes "$dest")" >> "$SIZES_TSV" ;;
    esac
    rm -rf "$dest"
}

theme_used=$THEME
for n in $sizes; do
    generate "$n"
    if [ "$theme_used" = auto ]; then
        theme_used=real
        use_theme "$OUT/site-$n"
        rm -rf "$RUNDIR/probe"
        if ! "$PRONGSAI" build --source "$OUT/site-$n" --output "$RUNDIR/probe" --quiet \
                > "$RUNDIR/probe.log" 2>&1; then
            theme_used=model
            notes+=("the real theme failed to build (first line: $(grep -m1 . "$RUNDIR/probe.log" || true)); Prongsai used tests/model-theme, which writes each page's XML model instead of HTML")
        fi
        rm -rf "$RUNDIR/probe" "$RUNDIR/probe".*
    fi
    use_theme "$OUT/site-$n"
    # What the cp floor copies: Prongsai's output, where the tools write.
    rm -rf "$RUNDIR/floor-$n" "$RUNDIR/floor-$n".*
    "$PRONGSAI" build --source "$OUT/site-$n" --output "$RUNDIR/floor-$n" \
        --quiet > "$RUNDIR/floor.log" 2>&1 ||
        { echo "bench: the cp floor's build failed: $RUNDIR/floor.log" >&2; exit 1; }
    tools="prongsai prongsai-j1"
    [ $have_hugo = 1 ] && tools="$tools hugo"
    [ $have_cmark = 1 ] && tools="$tools cmark-gfm"
    tools="$tools cp"
    for round in $(seq 0 "$RUNS"); do
        for tool in $tools; do
            echo "N=$n round $round/$RUNS: $tool" >&2
            run_tool "$n" "$tool" "$round"
        done
    done
    rm -rf "$RUNDIR/floor-$n"
done

# the incremental case, on a copy of the site so the cache stays pristine
inc_n=10000
case " $sizes " in *" 10000 "*) ;; *) inc_n=${sizes##* } ;; esac
inc=$OUT/inc-$inc_n incout=$RUNDIR/inc-$inc_n-out
rm -rf "$inc" "$incout" "$incout".*
mkdir -p "$inc"
cp -r "$OUT/site-$inc_n/content" "$inc/"
use_theme "$inc"
INC=$OUT/inc.tsv
: > "$INC"
tf=$RUNDIR/time.txt
echo "N=$inc_n incremental ..." >&2
r=$(timeit "$tf" "$RUNDIR/inc.log" "$PRONGSAI" build --source "$inc" --output "$incout")
printf 'full build into an empty output\t%s\t%s\n' "${r// /$'\t'}" "$(tail -1 "$RUNDIR/inc.log")" >> "$INC"
target=$(grep -l '^status: in-progress' -r "$inc/content/measures" | LC_ALL=C sort | sed -n 1p)
p0=$(sed -n 's/^progress: \([0-9]*\)$/\1/p' "$target")
for k in $(seq 1 "$RUNS"); do
    r=$(timeit "$tf" "$RUNDIR/inc.log" "$PRONGSAI" build --source "$inc" --output "$incout")
    printf 'rebuild, nothing changed\t%s\t%s\n' "${r// /$'\t'}" "$(tail -1 "$RUNDIR/inc.log")" >> "$INC"
    sed -i "s/^progress: [0-9]*$/progress: $(( (p0 + k) % 101 ))/" "$target"
    r=$(timeit "$tf" "$RUNDIR/inc.log" "$PRONGSAI" build --source "$inc" --output "$incout")
    printf 'rebuild after changing one progress\t%s\t%s\n' "${r// /$'\t'}" "$(tail -1 "$RUNDIR/inc.log")" >> "$INC"
done
rm -rf "$incout" "$incout".* "$inc"

# the report
notes+=("cp -r floor: a copy of Prongsai's own output folder (built once beforehand, untimed) into the place the tools write to")
notes+=("cmark-gfm floor: one cmark-gfm process over every body concatenated into one stream (front matter stripped beforehand, untimed), HTML written to a file: cheaper than one process per file")
notes+=("theme: $theme_used")
notes+=("output written to $RUNDIR ($(stat -f -c %T "$RUNDIR") file system)")
{
    for x in "${notes[@]}"; do printf '%s\n' "$x"; done
} > "$OUT/notes.txt"
$PY - "$TSV" "$INC" "$OUT/notes.txt" "$RUNS" "$inc_n" "$PRONGSAI" "$SIZES_TSV" <<'EOF' | tee "$RESULTS"
import os, platform, statistics, subprocess, sys
tsv, inc, notes, runs, inc_n, prongsai, sizes_tsv = sys.argv[1:8]
sizes = {}
for line in open(sizes_tsv):
    n, tool, files, size = line.split("\t")
    sizes[(int(n), tool)] = (int(files), int(size))
invalid = set()
for n in {k[0] for k in sizes}:
    p, h = sizes.get((n, "prongsai")), sizes.get((n, "hugo"))
    if p and h:
        for i, what in ((0, "files"), (1, "bytes")):
            if abs(p[i] - h[i]) > 0.25 * max(p[i], h[i]):
                invalid.add(n)
                print("run.sh: INVALID comparison at N = %d: Prongsai wrote "
                      "%d %s of HTML and XML, Hugo %d" % (n, p[i], what, h[i]),
                      file=sys.stderr)
def cmd(*a):
    try:
        return subprocess.run(a, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except Exception:
        return "?"
cpu = "?"
for line in open("/proc/cpuinfo"):
    if line.startswith("model name"):
        cpu = line.split(":", 1)[1].strip(); break
mem = "?"
for line in open("/proc/meminfo"):
    if line.startswith("MemTotal"):
        mem = "%.1f GiB" % (int(line.split()[1]) / 1048576); break
rows = {}
order = []
for line in open(tsv):
    n, tool, rnd, wall, user, sys_, kib = line.split("\t")
    key = (int(n), tool)
    if key not in rows:
        rows[key] = []; order.append(key)
    rows[key].append((float(wall), float(user) + float(sys_), int(kib)))
med = {k: tuple(statistics.median(x[i] for x in v) for i in range(3))
       for k, v in rows.items()}
names = {"prongsai": "prongsai build", "prongsai-j1": "prongsai build -j 1",
         "hugo": "hugo", "cmark-gfm": "cmark-gfm floor", "cp": "cp -r floor"}
print("# Prongsai benchmark\n")
print("Machine: %s, %d online CPUs, %s RAM; %s; %s; %s; %s.\n" % (
    cpu, os.cpu_count(), mem, platform.platform(), cmd(prongsai, "version"),
    cmd("hugo", "version"), cmd("cmark-gfm", "--version")))
print("Median of %s runs after one warm-up, tools alternated round by round; "
      "CPU = user + sys; peak = maximum resident set size.\n" % runs)
print("HTML+XML: the files and bytes (without the Thai line-break marks, which Hugo cannot make) of *.html and *.xml the tool wrote "
      "(the comparison is invalid when Prongsai's and Hugo's differ by more "
      "than 25 %).\n")
print("| N | tool | wall s | CPU s | peak MiB | wall ÷ Hugo wall | HTML+XML files | HTML+XML bytes |")
print("|---:|---|---:|---:|---:|---:|---:|---:|")
for key in order:
    n, tool = key
    w, c, k = med[key]
    h = med.get((n, "hugo"))
    ratio = "%.2f" % (w / h[0]) if h and h[0] > 0 else "—"
    if tool == "hugo":
        ratio = "1"
    if tool == "hugo" and n in invalid:
        ratio = "INVALID comparison"
    elif n in invalid and h:
        ratio += " (INVALID comparison)"
    fs = sizes.get(key)
    print("| %d | %s | %.2f | %.2f | %.1f | %s | %s | %s |" % (
        n, names[tool], w, c, k / 1024, ratio,
        "{:,}".format(fs[0]) if fs else "—", "{:,}".format(fs[1]) if fs else "—"))
print()
for n in sorted({k[0] for k in order}):
    p, h, f = med.get((n, "prongsai")), med.get((n, "hugo")), med.get((n, "cmark-gfm"))
    parts = []
    if p and h:
        parts.append("Prongsai/Hugo wall %.2f, CPU %.2f, peak memory %.2f" % (
            p[0] / h[0], p[1] / h[1], p[2] / h[2]))
    if p and f and f[0] > 0:    # a tiny N's floor rounds to 0.00 s
        parts.append("Prongsai/cmark-gfm floor wall %.2f" % (p[0] / f[0]))
    if n in invalid:
        parts.append("INVALID comparison: the tools wrote more than 25 % "
                     "different files or bytes of HTML and XML")
    if parts:
        print("- N = %d: %s." % (n, "; ".join(parts)))
print("\n## Incremental rebuild, N = %s\n" % inc_n)
print("The same output folder each time; the change sets one in-progress "
      "measure's `progress` to a new value.\n")
print("| case | wall s | CPU s | peak MiB | prongsai says |")
print("|---|---:|---:|---:|---|")
inc_rows = {}
iorder = []
for line in open(inc):
    case, wall, user, sys_, kib, said = line.rstrip("\n").split("\t")
    if case not in inc_rows:
        inc_rows[case] = []; iorder.append(case)
    inc_rows[case].append((float(wall), float(user) + float(sys_), int(kib), said))
for case in iorder:
    v = inc_rows[case]
    said = v[-1][3].split(" -> ")[0]
    print("| %s%s | %.2f | %.2f | %.1f | %s |" % (
        case, " (median of %d)" % len(v) if len(v) > 1 else "",
        statistics.median(x[0] for x in v), statistics.median(x[1] for x in v),
        statistics.median(x[2] for x in v) / 1024, said))
print("\n## Notes\n")
for line in open(notes):
    print("- " + line.strip())
EOF
