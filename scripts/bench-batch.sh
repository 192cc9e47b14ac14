#!/bin/sh
# bench-batch.sh - batch mode throughput against a loopback server.
#
#	scripts/bench-batch.sh EXTRACT BUILD_DIR [CORPUS [REQUESTS]]
#
# Serves the page.html files under CORPUS (default ../shared/corpus)
# from BUILD_DIR/fixture_server on 127.0.0.1 and fetches REQUESTS
# (default 10000) URLs cycling over them, three ways:
#   1. the fetch-only ceiling: curl --parallel --parallel-max 16, bodies
#      thrown away;
#   2. extract -i LIST --json --parallel 16 --parallel-host 16 (one host
#      here, so the per-host limit is raised to match curl's 16);
#   3. the single-core extraction rate: the same pages as local files,
#      one worker, the whole process pinned to one CPU (taskset).
# Prints pages/s for each and the ratio of (2) to the target
# min(ceiling, 2 x single-core rate): the goal is 0.8 or more.
# Timing is wall-clock on whatever else the machine is doing.
set -u

if [ $# -lt 2 ]; then
	echo "usage: $0 EXTRACT BUILD_DIR [CORPUS [REQUESTS]]" >&2
	exit 2
fi
EXTRACT=$1
SERVER=$2/fixture_server
CORPUS=${3:-../shared/corpus}
REQUESTS=${4:-10000}
LOCAL=2000 # local-file entries for the single-core rate

for f in "$EXTRACT" "$SERVER"; do
	[ -x "$f" ] || { echo "bench-batch: missing $f" >&2; exit 1; }
done
command -v curl >/dev/null || { echo "bench-batch: needs curl" >&2; exit 1; }
[ -d "$CORPUS" ] || { echo "bench-batch: no corpus at $CORPUS" >&2; exit 1; }
CORPUS=$(cd "$CORPUS" && pwd)
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bench-batch.XXXXXX") || exit 1
server_pid=
cleanup () {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

"$SERVER" --docroot "$CORPUS" --lifetime 1800 >"$tmp/port" 2>"$tmp/server.err" &
server_pid=$!
tries=0
while ! grep -q '^[0-9][0-9]*$' "$tmp/port" 2>/dev/null && [ $tries -lt 50 ]; do
	sleep 0.1
	tries=$((tries + 1))
done
port=$(head -n 1 "$tmp/port")
[ -n "$port" ] || { echo "bench-batch: the server did not start" >&2; exit 1; }

(cd "$CORPUS" && find . -name page.html | sed 's|^\./||' | sort) >"$tmp/pages"
pages=$(wc -l <"$tmp/pages")
[ "$pages" -gt 0 ] || { echo "bench-batch: no page.html under $CORPUS" >&2; exit 1; }
awk -v n="$REQUESTS" -v base="http://127.0.0.1:$port/files/" '
	{ p[NR] = $0 }
	END { for (i = 0; i < n; i++) print base p[i % NR + 1] "?n=" i }
' "$tmp/pages" >"$tmp/urls"
awk '{ print "url = \"" $0 "\"\noutput = \"/dev/null\"" }' "$tmp/urls" >"$tmp/curl.cfg"
awk -v n="$LOCAL" -v root="$CORPUS/" '
	{ p[NR] = $0 }
	END { for (i = 0; i < n; i++) print root p[i % NR + 1] }
' "$tmp/pages" >"$tmp/local"

now () {
	date +%s.%N
}

# rate COUNT START END: COUNT per second between two times.
rate () {
	awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", n / (b - a) }'
}

echo "bench-batch: $REQUESTS requests over $pages corpus pages, server 127.0.0.1:$port"
# Other work on the machine skews every figure below: say how much there was.
[ -r /proc/loadavg ] && echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(getconf _NPROCESSORS_ONLN) CPUs)"

t0=$(now)
curl -s --no-progress-meter --parallel --parallel-max 16 -K "$tmp/curl.cfg" 2>/dev/null
t1=$(now)
ceiling=$(rate "$REQUESTS" "$t0" "$t1")
echo "fetch only (curl --parallel-max 16):      $ceiling pages/s"

t0=$(now)
"$EXTRACT" -i "$tmp/urls" --json -q -o "$tmp/out.jsonl" \
	--parallel 16 --parallel-host 16
rc=$?
t1=$(now)
e2e=$(rate "$REQUESTS" "$t0" "$t1")
records=$(wc -l <"$tmp/out.jsonl")
echo "extract end to end (--parallel 16):        $e2e pages/s ($records records, exit $rc)"

pin=
command -v taskset >/dev/null && pin="taskset -c 0"
t0=$(now)
$pin "$EXTRACT" -i "$tmp/local" --json -q -o /dev/null --workers 1
t1=$(now)
single=$(rate "$LOCAL" "$t0" "$t1")
echo "extraction on one core (--workers 1${pin:+, pinned}): $single pages/s"

[ -r /proc/loadavg ] && echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v e="$e2e" -v c="$ceiling" -v s="$single" 'BEGIN {
	t = 2 * s < c ? 2 * s : c
	printf "target min(fetch ceiling, 2 x one core) = %.1f pages/s; " \
	       "end to end / target = %.2f (goal >= 0.80)\n", t, e / t
}'
