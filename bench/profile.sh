#!/bin/sh
# bench/profile.sh BUILD DATA - instructions per page under callgrind.
#
# Wall-clock figures move with whatever else the machine runs; counts of
# executed instructions do not, so they are the figure to track from one
# change to the next (bench/README.md keeps the history).  Counted:
#   floor     gumbo_parse_with_options and gumbo_destroy_output in
#             gumbo_floor, the parse alone;
#   pipeline  pipeline_run and the parser thread (dom.c parse_thread) in
#             bench_pipeline: decode, parse, flatten, extract, render.
# Loading the pages is not counted.  Then the functions where the
# pipeline's instructions go, self cost first.  BUILD should be built
# with -g (make bench-profile does it); PROFILE_TOP=N rows (default 25).
set -u
export LC_ALL=C
BUILD=${1:-build-prof}
DATA=${2:-../shared/bench/aeb}
TOP=${PROFILE_TOP:-25}

if ! command -v valgrind >/dev/null 2>&1; then
	echo "bench-profile: valgrind not found" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# count OUT FUNCTION... -- COMMAND...: instructions inside the functions
count() {
	out=$1
	shift
	set -- --collect-atstart=no "$@"
	valgrind --tool=callgrind --callgrind-out-file="$out" "$@" \
		2> "$out.log" > /dev/null || {
		tail -5 "$out.log" >&2
		return 1
	}
	sed -n 's/^summary: *//p; s/^totals: *//p' "$out" | head -1
}

echo "bench-profile: callgrind over the pages, a few minutes" >&2
pages=$(ls "$DATA"/html/*.html* "$DATA"/*.html* 2>/dev/null | wc -l)
floor=$(count "$tmp/floor" --toggle-collect=gumbo_parse_with_options \
	--toggle-collect=gumbo_destroy_output "$BUILD/gumbo_floor" "$DATA") || exit 1
pipe=$(count "$tmp/pipe" --toggle-collect=pipeline_run \
	--toggle-collect=parse_thread "$BUILD/bench_pipeline" "$DATA") || exit 1

awk -v f="$floor" -v p="$pipe" -v n="$pages" 'BEGIN {
	printf "pages: %d\n", n
	printf "gumbo floor:  %12.0f instructions per page\n", f / n
	printf "pipeline:     %12.0f instructions per page\n", p / n
	printf "floor / pipeline: %.3f (the in-process throughput ratio if time followed instructions)\n", f / p
}'
echo
echo "Where the pipeline's instructions go, per page."
# rows of callgrind_annotate as "instructions per page  function", each
# function once, thread and start-up frames left out; ONLY=src keeps the
# project's own functions
rows() {
	callgrind_annotate --show-percs=no "$@" 2>/dev/null |
		awk -v top="$TOP" -v n="$pages" -v total="$pipe" -v only="${ONLY-}" '
		/^-+$/ { sep++; next }
		sep >= 3 && /^-- / { exit }
		sep >= 3 && $1 ~ /^[0-9,]+$/ && shown < top {
			v = $1; gsub(/,/, "", v)
			name = $0
			sub(/^ *[0-9,]+ +/, "", name)
			sub(/ \[.*$/, "", name)
			ours = name ~ /(^|\/)src\//
			sub(/^(.*\/)?(src|bench)\//, "", name)
			sub(/^\.\/.*\//, "", name)
			if (v + 0 > total + 0 || name ~ /start_thread|clone|below main|libc_start|1ab70|bench_pipeline|PROGRAM/)
				next
			if (only != "" && !ours)
				next
			sub(/^\?\?\?:0x[0-9a-f]+.*/, "(gumbo, static function)", name)
			sub(/^\?\?\?:/, "", name)
			if (seen[name]++ && name !~ /static function/)
				next
			printf "%12.0f  %s\n", v / n, name
			shown++
		}'
}
echo "All functions, self (in the function itself):"
rows "$tmp/pipe"
echo
echo "The project's functions, self:"
ONLY=src rows "$tmp/pipe"
echo
echo "The project's functions, inclusive (with all they call):"
ONLY=src rows --inclusive=yes "$tmp/pipe"
