# tests/lib/suite.sh: sourced by every shell suite first.  Moves to the
# repository, fixes the time zone and locale, and sets $top (the
# repository) and $bin (the absolute path of $PRONGSAI, default
# ./prongsai), or exits 3 with a message naming the suite.
set -u
cd "$(dirname "$0")/.." || exit 3
export TZ=Asia/Bangkok LC_ALL=C.UTF-8
top=$PWD
bin=${PRONGSAI:-./prongsai}
case $bin in
/*)	;;
*/*)	bin=$top/$bin ;;
*)	bin=$(command -v "$bin") || bin= ;;
esac
if [ -z "$bin" ] || [ ! -x "$bin" ]; then
	echo "$(basename "$0"): no prongsai binary at ${PRONGSAI:-./prongsai}" >&2
	exit 3
fi
