#!/bin/sh
# tests/fuzz/run.sh: runs each named libFuzzer harness (build/fuzz/fuzz_NAME) for $FUZZ_TIME seconds from a fresh seed corpus; one PASS/FAIL line each.
#
# Usage: sh tests/fuzz/run.sh NAME...  (frontmatter, period, check, import), from
# `make fuzz` or tests/fuzz.sh, with the harnesses already built.
#
# build/fuzz/corpus-NAME/ starts as the seeds made here from the content
# the tests use, and keeps what libFuzzer adds (make clean drops it);
# tests/fuzz/regress/NAME/ holds inputs that once failed and is read
# first.  A crash, leak, timeout or slow unit (one slow again when
# replayed) is kept in build/fuzz/crash-NAME/ and
# the line names it; the whole log is build/fuzz/NAME.log.
set -u
cd "$(dirname "$0")/../.." || exit 3
export TZ=Asia/Bangkok LC_ALL=C.UTF-8
time=${FUZZ_TIME:-60}
slow=${FUZZ_SLOW:-10}	# seconds after which libFuzzer keeps a slow unit
out=build/fuzz
# UBSan reports carry a stack like ASan's; -fno-sanitize-recover stops.
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

# The Markdown files of the bad cases, fixtures and sample site.
content_files() {
	find tests/bad tests/fixtures content -name '*.md' -type f | sort
}

# Copy file $1 into folder $2 under a name made of its path.
seed_file() {
	cp "$1" "$2/seed-$(printf '%s' "$1" | tr '/' '_')"
}

# Write each line of stdin into folder $1 as one seed, named by checksum.
seed_lines() {
	while IFS= read -r v; do
		[ -n "$v" ] || continue
		printf '%s' "$v" >"$1/seed-$(printf '%s' "$v" | cksum |
		    cut -d' ' -f1)"
	done
}

# Period and date texts: the front matter values of the content, the
# unit tests' tables (those without C escapes) and tests/fuzz/period.seeds.
period_texts() {
	content_files | xargs sed -n \
	    's/^ *-\{0,1\} *\(period\|start\|end\|date\|published\): *//p' |
	    sed "s/^\"\(.*\)\"\$/\1/; s/^'\(.*\)'\$/\1/" | grep -v '^{'
	sed -n 's/.*{ *"\([^"\\]*\)", *[0-9].*/\1/p' tests/test_thaidate.c
	grep -v '^#' tests/fuzz/period.seeds
}

# Make the seeds of harness $1 in folder $2.
seeds() {
	case $1 in
	period)
		period_texts | seed_lines "$2" ;;
	import)
		# The documents tests/import.sh imports, each after its kind's byte.
		d=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-seeds.XXXXXX")
		/usr/bin/python3 tests/import/mkdocs.py \
		    /work/shared/seed/000_f0c7e74f7511a791.txt "$d" >/dev/null 2>&1
		for f in "$d"/*; do
			case $f in
			*.docx) k='\000' ;; *.xlsx) k='\001' ;;
			*.csv|*.txt) k='\002' ;; *.htm) k='\003' ;;
			*) continue ;;
			esac
			# The bombs are big and found at once; keep the rest.
			[ "$(wc -c <"$f")" -lt 200000 ] || continue
			{ printf "$k"; cat "$f"; } >"$2/seed-$(basename "$f")"
		done
		rm -rf "$d" ;;
	frontmatter)
		for f in $(content_files) $(find tests/bad tests/fixtures \
		    content framework -name '*.yaml' -type f | sort); do
			seed_file "$f" "$2"
		done ;;
	*)
		for f in $(content_files); do
			seed_file "$f" "$2"
		done ;;
	esac
}

fail=0
for name in "$@"; do
	exe=$out/fuzz_$name
	corpus=$out/corpus-$name
	crash=$out/crash-$name
	log=$out/$name.log
	if [ ! -x "$exe" ]; then
		echo "FAIL: fuzz $name: no $exe (make fuzz-build)"
		fail=1
		continue
	fi
	mkdir -p "$corpus" "$crash"
	seeds "$name" "$corpus"
	dict=
	case $name in
	period)	dict=-dict=tests/fuzz/period.dict ;;
	import)	dict=-close_fd_mask=2 ;;	# each bad input's diagnostics
	*)	dict=-dict=tests/fuzz/yaml.dict ;;
	esac
	regress=
	[ -d "tests/fuzz/regress/$name" ] && regress=tests/fuzz/regress/$name
	start=$(date +%s)
	"$exe" -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 \
	    -report_slow_units="$slow" \
	    -print_final_stats=1 $dict -artifact_prefix="$crash/" \
	    "$corpus" $regress >"$log" 2>&1
	st=$?
	secs=$(($(date +%s) - start))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
	kept=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
	# A slow unit (not a crash) is kept only when it is slow again on
	# its own, three runs taking $slow s or more: on this shared machine
	# a stall of the host can make one run slow, which says nothing of
	# the code.
	stalls=
	if [ "$st" -eq 0 ] && [ -n "$kept" ]; then
		left=
		for k in $kept; do
			case $k in
			*/slow-unit-*)
				t0=$(date +%s)
				"$exe" -runs=3 -timeout=10 "$k" >>"$log" 2>&1
				rst=$?
				rsecs=$(($(date +%s) - t0))
				if [ "$rst" -eq 0 ] && [ "$rsecs" -lt "$slow" ]; then
					stalls="$stalls $(basename "$k")"
					rm -f "$k"
					continue
				fi ;;
			esac
			left="$left $k"
		done
		kept=${left# }
	fi
	if [ "$st" -eq 0 ] && [ -z "$kept" ]; then
		[ -z "$stalls" ] || echo "    note: fuzz $name: slow once, fast" \
		    "when replayed 3 times:$stalls"
		echo "PASS: fuzz $name: ${execs:-?} execs in ${secs} s" \
		    "(${rate:-?}/s), 0 crashes"
		continue
	fi
	fail=1
	echo "FAIL: fuzz $name: exit status $st after ${execs:-?} execs;" \
	    "input kept at ${kept:-(none, see $log)}"
	# The sanitizer's verdict and the frames of our own code.
	grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)|^ +#[0-9]+ .* (src|tests)/' \
	    "$log" | grep -v 'fuzzer::' | head -14 | sed 's/^/    /'
	echo "    log: $log"
done
exit $fail
