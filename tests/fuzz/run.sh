#!/bin/sh
# Runs libFuzzer harnesses for a fixed time each, FUZZ_JOBS (default 2)
# at a time, and fails if any of them leaves an artifact (crash, leak,
# timeout, out of memory) or exits with an error.
#
#   tests/fuzz/run.sh BUILD SECONDS fuzz_NAME...
#
# Inputs: the seeds of seeds.sh (regenerated in BUILD/seeds), the
# committed corpus tests/fuzz/corpus/NAME and the regression inputs
# tests/fuzz/regress/NAME.  New inputs go to BUILD/corpus/NAME, which
# persists between runs; findings go to BUILD/artifacts/NAME/, and each
# run's log to BUILD/logs/NAME.log.  The last line is
# "fuzz: N passed, N failed".
set -u
export LC_ALL=C
build=${1:?usage: run.sh BUILD SECONDS NAME...}
secs=${2:?usage: run.sh BUILD SECONDS NAME...}
shift 2
here=$(dirname "$0")
jobs=${FUZZ_JOBS:-2}
flags="-max_len=8192 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1"

# UBSan is fatal by the build (-fno-sanitize-recover); stacks help triage.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}

"$here/seeds.sh" "$build/seeds" || exit 1
mkdir -p "$build/logs" "$build/results"

dict_for() {
	case $1 in
	fuzz_pipeline | fuzz_charset) echo "-dict=$here/html.dict" ;;
	*) [ -f "$here/$1.dict" ] && echo "-dict=$here/$1.dict" ;;
	esac
}

run_one() {
	name=$1
	art=$build/artifacts/$name
	rm -rf "$art"
	mkdir -p "$art" "$build/corpus/$name"
	dirs="$build/corpus/$name $build/seeds/$name"
	for d in "$here/corpus/$name" "$here/regress/$name"; do
		[ -d "$d" ] && dirs="$dirs $d"
	done
	# shellcheck disable=SC2046,SC2086
	"$build/$name" $flags -max_total_time="$secs" $(dict_for "$name") \
		-artifact_prefix="$art/" $dirs > "$build/logs/$name.log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		"$build/logs/$name.log")
	found=$(ls "$art" | head -1)
	if [ "$rc" -eq 0 ] && [ -z "$found" ]; then
		echo "ok   $name: ${execs:-?} runs in ${secs} s"
		echo pass > "$build/results/$name"
	else
		echo "FAIL $name: exit $rc ${found:+artifact $art/$found} (log $build/logs/$name.log)"
		grep -m 5 -E 'ERROR|oracle failed|SUMMARY' "$build/logs/$name.log"
		echo fail > "$build/results/$name"
	fi
}

rm -f "$build"/results/*
# deal the harnesses round-robin into $jobs sequential queues
i=0
while [ $i -lt "$jobs" ]; do
	(
		k=0
		for name in "$@"; do
			[ $((k % jobs)) -eq $i ] && run_one "$name"
			k=$((k + 1))
		done
	) &
	i=$((i + 1))
done
wait

passed=0
failed=0
for name in "$@"; do
	if [ "$(cat "$build/results/$name" 2>/dev/null)" = pass ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
	fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
