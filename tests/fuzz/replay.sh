#!/bin/sh
# Replays the fuzz regression inputs (tests/fuzz/regress/<harness>/*),
# one process per input, and the committed corpora (tests/fuzz/corpus/
# <harness>/, one process per harness), through the replay programs of
# each BUILD given (default build), e.g. the normal and the ASan build.
# Needs no clang: the replay programs are tests/fuzz/replay.c linked
# with each harness.  The last line is "fuzz-replay: N passed, N failed".
export LC_ALL=C
here=$(dirname "$0")
[ $# -gt 0 ] || set -- build
passed=0
failed=0

run() {
	if out=$("$@" 2>&1); then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL fuzz-replay: $*" >&2
		printf '%s\n' "$out" | tail -20 >&2
	fi
}

for build in "$@"; do
	for src in "$here"/fuzz_*.c; do
		name=$(basename "$src" .c)
		bin=$build/replay_${name#fuzz_}
		if [ ! -x "$bin" ]; then
			echo "FAIL fuzz-replay: $bin is not built" >&2
			failed=$((failed + 1))
			continue
		fi
		for f in "$here/regress/$name"/*; do
			[ -f "$f" ] && run "$bin" "$f"
		done
		[ -d "$here/corpus/$name" ] && run "$bin" "$here/corpus/$name"
	done
done
echo "fuzz-replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
