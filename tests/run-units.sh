#!/bin/sh
# Runs every unit-test executable in BUILD (default build) and prints
# "N passed, N failed" counted over the cmocka test cases.
BUILD=${1:-build}
passed=0
failed=0
for t in "$BUILD"/test_*; do
	[ -x "$t" ] || continue
	out=$(UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 "$t" 2>&1)
	rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' | tail -1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or aborted before its summary
	fi
	if [ "$f" -ne 0 ]; then
		printf '%s\n' "$out" | grep -v '^\[ *\(RUN\|OK\) *\]' >&2
		echo "FAIL $t" >&2
	fi
	passed=$((passed + p))
	failed=$((failed + f))
done
echo "unit ($BUILD): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
