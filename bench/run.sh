#!/bin/sh
# bench/run.sh BUILD DATA - the speed and memory figures as one table.
#
# BUILD holds extract-bench, bench_pipeline, gumbo_floor and spawn_time
# (make bench builds them with -O2 -DNDEBUG); DATA is the benchmark
# folder (its html/ holds *.html.gz).  Environment:
#   BENCH_ROUNDS=N       rounds of the one-core, two-core and batch figures
#                        (default 5; the round with the median ratio
#                        is shown, and every round's ratio beside it)
#   BENCH_READABILITY=0  skip Readability.js (it needs node, npm and the
#                        npm registry; it is skipped without them anyway)
#   BENCH_ONEOFF_PAGE=ID the page of the one-off figure
# One-core figures run pinned to CPU 0 when taskset exists.
set -u
export LC_ALL=C
BUILD=${1:-build-bench}
DATA=${2:-../shared/bench/aeb}
ROUNDS=${BENCH_ROUNDS:-5}
case $ROUNDS in
'' | *[!0-9]* | 0)
	echo "bench: BENCH_ROUNDS must be a whole number of at least 1" >&2
	exit 2
	;;
esac
PAGE=${BENCH_ONEOFF_PAGE:-35b158918c676ff2c74445517db76c83db70a805cc50b64e1369b354a027fcbd}

if [ ! -d "$DATA" ]; then
	echo "bench: no benchmark data in $DATA (make bench BENCH_DATA=DIR)" >&2
	exit 1
fi
HTML=$DATA
[ -d "$DATA/html" ] && HTML=$DATA/html
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

PIN=
if command -v taskset >/dev/null 2>&1; then
	PIN="taskset -c 0"
fi
CORES=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")

# field LINE KEY
field() {
	printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"
}

# The line of FILE whose first (tab-separated) field is the median, without
# that field.
median_by() {
	sort -n "$1" | sed -n "$(((ROUNDS + 1) / 2))p" | cut -f2-
}

div() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'
}

row() { # LABEL LINE NOTE
	l=$2
	if [ -z "$l" ]; then
		printf '%-36s %s\n' "$1" "$3"
		return
	fi
	pages_s=$(field "$l" pages_s)
	mb_s=$(field "$l" mb_s)
	[ "$(field "$l" bytes)" = 0 ] && { pages_s=-; mb_s=-; }
	rss=$(field "$l" rss_kb)
	printf '%-36s %8s %7s %8s %8s %8s %7s MB  %s\n' "$1" "$pages_s" "$mb_s" \
		"$(field "$l" med_ms)" "$(field "$l" p90_ms)" \
		"$(field "$l" max_ms)" "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')" "$3"
}

status() { printf 'bench: %s\n' "$*" >&2; }

# ---- one core, in one process: floor and pipeline, paired page by page --
status "one core: $ROUNDS rounds of gumbo alone and the pipeline, page by page"
$PIN "$BUILD/bench_pipeline" -c -r "$ROUNDS" "$DATA" > "$tmp/paired" || exit 1
# the round whose ratio is the median
round=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^pages_s=/) { split($i, a, "="); v = a[2] } }
	/name=floor_paired/ { f = v } /name=pipeline_paired/ { n++; print v / f "\t" n }' "$tmp/paired" |
	sort -n | awk '{ l[NR] = $2 } END { print l[int((NR + 1) / 2)] }')
floor=$(grep 'name=floor_paired' "$tmp/paired" | sed -n "${round}p")
pipe=$(grep 'name=pipeline_paired' "$tmp/paired" | sed -n "${round}p")
one_core_ratios=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^pages_s=/) { split($i, a, "="); v = a[2] } }
	/name=floor_paired/ { f = v } /name=pipeline_paired/ { printf "%s%.2f", sep, v / f; sep = " " }' "$tmp/paired")
pages=$(field "$pipe" pages)
bytes=$(field "$pipe" bytes)

# ---- all cores --------------------------------------------------------
status "two cores: $ROUNDS rounds of one thread, two threads, two processes and gumbo alone in two"
: > "$tmp/threads"
: > "$tmp/procs"
: > "$tmp/fscale"
r=0
while [ "$r" -lt "$ROUNDS" ]; do
	one=$("$BUILD/bench_pipeline" -j 1 -r 1 "$DATA") || exit 1
	two=$("$BUILD/bench_pipeline" -j 2 -r 2 "$DATA") || exit 1
	procs=$("$BUILD/bench_pipeline" -p 2 -r 2 "$DATA") || exit 1
	printf '%s\t%s\t%s\n' "$(div "$(field "$two" pages_s)" "$(field "$one" pages_s)")" "$one" "$two" >> "$tmp/threads"
	printf '%s\t%s\n' "$(div "$(field "$procs" pages_s)" "$(field "$one" pages_s)")" "$procs" >> "$tmp/procs"
	# the machine's own scaling: the floor, once alone and twice side by side
	f1=$("$BUILD/gumbo_floor" "$DATA") || exit 1
	"$BUILD/gumbo_floor" "$DATA" > "$tmp/f2a" &
	"$BUILD/gumbo_floor" "$DATA" > "$tmp/f2b" || exit 1
	wait
	f2_secs=$(cat "$tmp/f2a" "$tmp/f2b" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^secs=/) { split($i, a, "="); if (a[2] > m) m = a[2] } } END { print m }')
	awk -v a="$(field "$f1" secs)" -v b="$f2_secs" 'BEGIN { printf "%.2f\n", 2 * a / b }' >> "$tmp/fscale"
	r=$((r + 1))
done
mid=$(median_by "$tmp/threads")
one=$(printf '%s\n' "$mid" | cut -f1)
two=$(printf '%s\n' "$mid" | cut -f2)
procs=$(median_by "$tmp/procs")
floor_scaling=$(sort -n "$tmp/fscale" | sed -n "$(((ROUNDS + 1) / 2))p")
thread_scaling=$(cut -f1 "$tmp/threads" | sort -n | sed -n "$(((ROUNDS + 1) / 2))p")
proc_scaling=$(cut -f1 "$tmp/procs" | sort -n | sed -n "$(((ROUNDS + 1) / 2))p")
thread_ratios=$(cut -f1 "$tmp/threads" | tr '\n' ' ')
proc_ratios=$(cut -f1 "$tmp/procs" | tr '\n' ' ')

batch=
batch_note="no batch mode (extract -i) yet"
if "$BUILD/extract-bench" --help 2>&1 |
	grep -qE -- '(^|[[:space:],])-i([[:space:],]|$)'; then
	status "batch mode: extract -i over the pages, one core then all"
	for f in "$HTML"/*.html.gz "$HTML"/*.html; do
		[ -f "$f" ] && printf '%s\n' "$f"
	done > "$tmp/list1"
	cat "$tmp/list1" "$tmp/list1" "$tmp/list1" > "$tmp/list"
	n=$(wc -l < "$tmp/list")
	# one worker pinned to one CPU, then one per CPU, in turns
	: > "$tmp/batch"
	r=0
	while [ "$r" -lt "$ROUNDS" ]; do
		b1=$($PIN "$BUILD/spawn_time" batch1 1 "$BUILD/extract-bench" \
			--json -q --workers 1 -i "$tmp/list") || break
		b2=$("$BUILD/spawn_time" batch2 1 "$BUILD/extract-bench" \
			--json -q --workers "$CORES" -i "$tmp/list") || break
		printf '%s %s %s\n' "$(div "$(field "$b1" secs)" "$(field "$b2" secs)")" \
			"$(field "$b1" secs)" "$b2" >> "$tmp/batch"
		r=$((r + 1))
	done
	if [ "$r" = "$ROUNDS" ]; then
		mid=$(sort -n "$tmp/batch" | sed -n "$(((ROUNDS + 1) / 2))p")
		s1=$(printf '%s\n' "$mid" | cut -d' ' -f2)
		b2=$(printf '%s\n' "$mid" | cut -d' ' -f3-)
		s2=$(field "$b2" secs)
		batch=$(printf 'name=batch pages=%s bytes=%s secs=%s pages_s=%s mb_s=%s med_ms=- p90_ms=- max_ms=- rss_kb=%s' \
			"$n" "$((bytes * 3))" "$s2" "$(div "$n" "$s2")" \
			"$(awk -v b="$bytes" -v s="$s2" 'BEGIN { printf "%.2f", 3 * b / 1e6 / s }')" \
			"$(field "$b2" rss_kb)")
		batch_note="scaling $(div "$s1" "$s2")x over extract -i on one core, $(div "$n" "$s1") pages/s (target >= 1.8); rounds $(cut -d' ' -f1 "$tmp/batch" | tr '\n' ' ')"
	else
		batch_note="extract -i failed"
	fi
	# flat memory: a 1,000-line and a 1,000,000-line list of a missing file
	awk 'BEGIN { for (i = 0; i < 1000; i++) print "/nonexistent/page.html" }' > "$tmp/k"
	awk 'BEGIN { for (i = 0; i < 1000000; i++) print "/nonexistent/page.html" }' > "$tmp/m"
	mk=$("$BUILD/spawn_time" list1k 1 "$BUILD/extract-bench" --json -q -i "$tmp/k")
	mm=$("$BUILD/spawn_time" list1m 1 "$BUILD/extract-bench" --json -q -i "$tmp/m")
	flat_note="peak RSS $(awk -v k="$(field "$mk" rss_kb)" 'BEGIN { printf "%.1f", k / 1024 }') MB for 1,000 lines, $(awk -v k="$(field "$mm" rss_kb)" 'BEGIN { printf "%.1f", k / 1024 }') MB for 1,000,000 lines"
fi

# ---- one-off calls ------------------------------------------------------
status "one-off calls on $PAGE (median of 10)"
gzip -dc "$HTML/$PAGE.html.gz" > "$tmp/page.html" 2>/dev/null ||
	cp "$HTML/$PAGE.html" "$tmp/page.html" || exit 1
"$BUILD/gumbo_floor" -1 "$tmp/page.html" # warm the page cache
"$BUILD/extract-bench" --json "$tmp/page.html" > /dev/null
"$BUILD/spawn_time" oneoff_floor 10 "$BUILD/gumbo_floor" -1 "$tmp/page.html" \
	-- oneoff_extract "$BUILD/extract-bench" --json "$tmp/page.html" > "$tmp/oneoff" || exit 1
of=$(grep 'name=oneoff_floor' "$tmp/oneoff")
oe=$(grep 'name=oneoff_extract' "$tmp/oneoff")

# ---- memory -------------------------------------------------------------
status "memory: streaming run and per-page growth"
stream=$("$BUILD/bench_pipeline" -s "$DATA") || exit 1
mem=$("$BUILD/bench_pipeline" -m "$DATA") || exit 1

# ---- Readability.js -------------------------------------------------------
rd=
rd_note="skipped (BENCH_READABILITY=0)"
if [ "${BENCH_READABILITY:-1}" != 0 ]; then
	if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
		rd_note="skipped: node or npm not found"
	else
		status "Readability.js: installing @mozilla/readability and jsdom"
		if npm install --prefix "$tmp/js" --no-audit --no-fund --loglevel=error \
			@mozilla/readability@0.6.0 jsdom@27.0.0 > "$tmp/npm.log" 2>&1; then
			status "Readability.js: running (about half a minute)"
			# not pinned: node runs its collector on helper threads
			if rd=$(NODE_PATH="$tmp/js/node_modules" node bench/readability_bench.js "$DATA" 2> "$tmp/node.log"); then
				rd_note="extract is $(div "$(field "$pipe" pages_s)" "$(field "$rd" pages_s)")x faster"
			else
				rd=
				rd_note="skipped: the node run failed ($(tail -1 "$tmp/node.log"))"
			fi
		else
			rd_note="skipped: npm install failed (no registry?)"
		fi
	fi
fi

# ---- the table ------------------------------------------------------------
fps=$(field "$floor" pages_s)
echo
printf 'extract benchmark: %s pages, %s MB of HTML (%s), %s cores\n' "$pages" \
	"$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')" "$DATA" "$CORES"
printf '%-36s %8s %7s %8s %8s %8s %10s  %s\n' "figure" "pages/s" "MB/s" \
	"med ms" "p90 ms" "max ms" "peak RSS" "ratio"
row "gumbo parse only (floor), 1 core" "$floor" "1.00 (the floor)"
row "extract pipeline, 1 core" "$pipe" \
	"$(div "$(field "$pipe" pages_s)" "$fps") x floor (target >= 0.75); rounds $one_core_ratios"
row "extract pipeline, 1 thread" "$one" ""
row "extract pipeline, 2 threads" "$two" \
	"scaling ${thread_scaling}x (median round); rounds $thread_ratios"
row "extract pipeline, 2 processes" "$procs" \
	"scaling ${proc_scaling}x (median round); rounds $proc_ratios; gumbo alone scales ${floor_scaling}x here"
row "extract -i, all cores" "$batch" "$batch_note"
row "Readability.js + jsdom, 1 process" "$rd" "$rd_note"
row "one-off gumbo process, 115 KB page" "$of" ""
row "one-off extract --json, 115 KB page" "$oe" \
	"$(div "$(field "$oe" med_ms)" "$(field "$of" med_ms)") x gumbo process (target <= 1.5); CPU time $(div "$(field "$oe" med_cpu_ms)" "$(field "$of" med_cpu_ms)") x"
row "streaming run from disk, 1 process" "$stream" \
	"peak RSS target <= 64 MB"
echo
echo "The first rows hold the pages in memory ($(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }') MiB), which their peak RSS includes."
big="$(field "$mem" big_worst_ratio) ($(field "$mem" big_bytes) bytes)"
[ "$(field "$mem" big_bytes)" = 0 ] && big="- (no page of 100 KB or more)"
printf 'Memory per page (RSS growth after a warm-up page / HTML bytes): worst %s (%s, %s bytes); worst over 100 KB %s; largest growth %s KB (%s bytes)\n' \
	"$(field "$mem" worst_ratio)" "$(field "$mem" worst_page)" \
	"$(field "$mem" worst_bytes)" "$big" "$(field "$mem" max_grow_kb)" \
	"$(field "$mem" max_grow_bytes)"
if [ -n "${flat_note-}" ]; then
	echo "URL list memory: $flat_note"
else
	echo "URL list memory: no batch mode (extract -i) yet"
fi
