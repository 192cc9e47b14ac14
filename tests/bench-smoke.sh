#!/bin/sh
# The benchmark's own tools and script, so that `make bench` does not rot
# between the runs that measure: bench/run.sh over the bundled samples
# (one round, no Readability.js) prints every row of its table, and the
# paired and alternating timers pair and alternate.  Nothing is timed
# against a bound here; speed is make bench's business.
#
#   tests/bench-smoke.sh BUILD   (BUILD holds the four bench programs)
export LC_ALL=C
BUILD=${1:-build}
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }
check() { # DESCRIPTION COMMAND...
	d=$1
	shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/pages"
for s in samples/*/input.html; do
	name=$(basename "$(dirname "$s")")
	cp "$s" "$tmp/pages/$name.html"
done
pages=$(ls "$tmp/pages" | wc -l)

# bench_pipeline -c: a floor line and a pipeline line per pass, same pages
"$BUILD/bench_pipeline" -c -r 2 "$tmp/pages" > "$tmp/paired"
check "bench_pipeline -c prints a floor and a pipeline line per pass" \
	test "$(grep -c 'name=floor_paired pages=' "$tmp/paired")" = 2 -a \
	"$(grep -c 'name=pipeline_paired pages=' "$tmp/paired")" = 2
check "both lines count every page" \
	test "$(grep -c "pages=$pages " "$tmp/paired")" = 4

# spawn_time A -- B: the commands take turns, A B B A ...
"$BUILD/spawn_time" a 4 sh -c "echo a >> $tmp/turns" \
	-- b sh -c "echo b >> $tmp/turns" > "$tmp/spawn"
check "spawn_time runs two commands in turns (A B B A)" \
	test "$(tr -d '\n' < "$tmp/turns")" = abbaabba
check "spawn_time prints a line for each command" \
	test "$(grep -c '^med_cpu_ms=.* name=[ab] pages=4 ' "$tmp/spawn")" = 2

# the whole table
BENCH_ROUNDS=1 BENCH_READABILITY=0 BENCH_ONEOFF_PAGE=seed-article \
	bench/run.sh "$BUILD" "$tmp/pages" > "$tmp/table" 2> "$tmp/err"
rc=$?
check "bench/run.sh exits 0 (stderr: $(tail -1 "$tmp/err"))" test "$rc" = 0
for row in "gumbo parse only (floor), 1 core" "extract pipeline, 1 core" \
	"extract pipeline, 1 thread" "extract pipeline, 2 threads" \
	"extract pipeline, 2 processes" "extract -i, all cores" \
	"one-off gumbo process" "one-off extract --json" \
	"streaming run from disk"; do
	check "row: $row" grep -q "^$row.* MB " "$tmp/table"
done
check "the pipeline row has its ratio to the floor" \
	grep -Eq '^extract pipeline, 1 core .* [0-9]+\.[0-9]+ x floor' "$tmp/table"
check "the batch row has its scaling" \
	grep -Eq '^extract -i, all cores .* scaling [0-9]+\.[0-9]+x over' "$tmp/table"
check "the one-off row has its ratio" \
	grep -Eq '^one-off extract --json.* [0-9]+\.[0-9]+ x gumbo process' "$tmp/table"
check "Readability.js is skipped when asked" \
	grep -q '^Readability.js.*skipped (BENCH_READABILITY=0)' "$tmp/table"
check "memory per page, with no page of 100 KB or more" \
	grep -q 'worst over 100 KB - (no page of 100 KB or more)' "$tmp/table"
check "URL list memory for 1,000 and 1,000,000 lines" \
	grep -Eq '^URL list memory: peak RSS [0-9.]+ MB for 1,000 lines, [0-9.]+ MB for 1,000,000 lines' "$tmp/table"

BENCH_ROUNDS=0 bench/run.sh "$BUILD" "$tmp/pages" > /dev/null 2> "$tmp/err"
rc=$?
check "BENCH_ROUNDS=0 is refused (exit 2, one line)" \
	test "$rc" = 2 -a "$(wc -l < "$tmp/err")" = 1

echo "bench-smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
