#!/bin/sh
# The whole test suite, as `make check` runs it.  Each runner prints a
# "<name>: N passed, N failed" line; this sums them into the final line.
export LC_ALL=C
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
status=0

# Runs one test runner.  A runner that fails without printing its own
# "N passed, N failed" line (a build error, a crash) counts as a failure.
run() {
	out=$(mktemp)
	"$@" > "$out" 2>&1
	rc=$?
	cat "$out"
	cat "$out" >> "$log"
	if [ $rc -ne 0 ] && ! grep -q 'passed, [0-9]* failed' "$out"; then
		echo "$1: 0 passed, 1 failed" | tee -a "$log"
	fi
	rm -f "$out"
}

run tests/run-units.sh build
run tests/golden.sh ./extract
if [ -x tests/e2e/run.sh ]; then
	run tests/e2e/run.sh ./extract build
fi
run tests/batch/run.sh ./extract build
run tests/battery/run.sh ./extract build
run tests/scale/run.sh ./extract build
if [ -x tests/man.sh ]; then
	run tests/man.sh ./extract
fi
run tests/bench-smoke.sh build
run tests/run-units.sh build-asan
run tests/golden.sh build-asan/extract-asan
run tests/battery/run.sh build-asan/extract-asan build build-asan
run tests/fuzz/replay.sh build build-asan
if [ "${FUZZ_SMOKE-}" = 1 ]; then
	run make --no-print-directory fuzz-smoke
fi

passed=0
failed=0
for n in $(sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$log" | tr ' ' ':'); do
	passed=$((passed + ${n%%:*}))
	failed=$((failed + ${n##*:}))
done
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed"
exit $status
