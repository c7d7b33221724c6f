#!/bin/sh
# tests/fuzz.sh: builds the libFuzzer harnesses and runs each for $FUZZ_TIME seconds (default 60), once: the ASan pass of tests/run.sh skips it.
#
# The harnesses carry their own ASan and UBSan, so running them again
# with PRONGSAI=./prongsai-asan would only double the time.  Lines and
# kept crashes are tests/fuzz/run.sh's.
. "$(dirname "$0")/lib/suite.sh"
case $bin in
*-asan)
	echo "SKIP: fuzz runs once, with the plain binary"
	exit 0 ;;
esac
if ! command -v clang >/dev/null 2>&1; then
	echo "FAIL: fuzz: no clang (make deps installs clang and libFuzzer)"
	exit 1
fi
mkdir -p build/fuzz
if ! make -s fuzz-build >build/fuzz/build.log 2>&1; then
	echo "FAIL: fuzz: the harnesses do not build"
	sed 's/^/    /' build/fuzz/build.log
	exit 1
fi
make -s fuzz FUZZ_TIME="${FUZZ_TIME:-60}"
