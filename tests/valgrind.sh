#!/bin/sh
# valgrind memcheck over the golden samples and the fuzz corpora.
#
#   tests/valgrind.sh [EXTRACT [BUILD]]
#
# The samples run through EXTRACT --json as golden.sh runs them; the
# fuzz corpora (tests/fuzz/corpus/<harness>/ and tests/fuzz/regress/
# <harness>/, plus VALGRIND_CORPUS/<harness>/ when that is set, e.g. to
# build-fuzz/corpus) replay through BUILD/replay_<name>, one process per
# harness.  memcheck sees invalid reads and leaks inside the libraries
# that ASan cannot (Debian's gumbo, iconv and libuchardet are not
# instrumented).  A run fails on any error and on definite or indirect
# leaks; tests/valgrind.supp holds the few documented exceptions.  The
# last line is "valgrind: N passed, N failed".
export LC_ALL=C
EXTRACT=${1:-./extract}
BUILD=${2:-build}
here=$(dirname "$0")
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed (apt-get install valgrind)" >&2
	echo "valgrind: 0 passed, 1 failed"
	exit 1
fi

# dom.c parses on a thread of its own.  A bigger stack cache than
# glibc's 40 MB lets the threads reuse one stack, so memcheck does not
# mark a fresh one for every parse.
export GLIBC_TUNABLES=glibc.pthread.stack_cache_size=1073741824

vg() {
	valgrind -q --error-exitcode=99 --leak-check=full \
		--errors-for-leak-kinds=definite,indirect \
		--show-leak-kinds=definite,indirect --num-callers=30 \
		--suppressions="$here/valgrind.supp" --log-file="$log" "$@" \
		> /dev/null 2>&1
	# 99 is memcheck's verdict; the program's own status is its business
	if [ $? -ne 99 ] && [ ! -s "$log" ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL valgrind: $*" >&2
		head -60 "$log" >&2
	fi
}

for dir in samples/*/; do
	input=$dir/input.html
	[ -f "$input" ] || continue
	set --
	if [ -f "$dir/headers" ]; then
		status=$(sed -n 's/^Status: *//p' "$dir/headers" | tr -d '\r')
		ctype=$(sed -n 's/^Content-Type: *//p' "$dir/headers" | tr -d '\r')
		[ -n "$status" ] && set -- "$@" --status "$status"
		[ -n "$ctype" ] && set -- "$@" --content-type "$ctype"
	fi
	vg "$EXTRACT" --json "$@" "$input"
done

for src in "$here"/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	set --
	for d in "$here/fuzz/corpus/$name" "$here/fuzz/regress/$name" \
		${VALGRIND_CORPUS:+"$VALGRIND_CORPUS/$name"}; do
		[ -n "$(ls -A "$d" 2>/dev/null)" ] && set -- "$@" "$d"
	done
	[ $# -gt 0 ] || continue
	vg "$BUILD/replay_${name#fuzz_}" "$@"
done

echo "valgrind: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
