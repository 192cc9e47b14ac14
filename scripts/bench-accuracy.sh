#!/bin/sh
# Extraction accuracy on the shared benchmark and corpus.
#
#   scripts/bench-accuracy.sh [EXTRACT] [SHARED]
#
# Runs EXTRACT (default ./extract) over SHARED/bench/aeb (body F1 with
# score.py) and over SHARED/corpus served by serve_corpus.py on 127.0.0.1,
# once with real statuses and once with every page served as 200, and
# scores each run with score_corpus.py.  Ends non-zero when the
# ScrapingHub F1 falls below tests/aeb-baseline.txt.
set -u

EXTRACT=${1:-./extract}
SHARED=${2:-${SHARED:-../shared}}
OUT=${BENCH_OUT:-build/accuracy}
BASELINE=tests/aeb-baseline.txt
mkdir -p "$OUT"

if [ ! -d "$SHARED/bench/aeb" ] || [ ! -d "$SHARED/corpus" ]; then
	echo "bench-accuracy: no benchmark data under $SHARED" >&2
	exit 2
fi

echo "== ScrapingHub article benchmark ($SHARED/bench/aeb)"
for f in "$SHARED"/bench/aeb/html/*.html.gz; do
	"$EXTRACT" --json -q "$f" 2>/dev/null
done > "$OUT/aeb.jsonl"
python3 "$SHARED/tools/score.py" --truth "$SHARED/bench/aeb/ground-truth.json" \
	--pred "$OUT/aeb.jsonl" --per-page 10 --json "$OUT/aeb-score.json" |
	tee "$OUT/aeb-score.txt"

run_corpus() {
	mode=$1
	rm -f "$OUT/port-$mode.txt" "$OUT/urls-$mode.txt"
	python3 "$SHARED/tools/serve_corpus.py" --errors "$mode" \
		--url-file "$OUT/urls-$mode.txt" "$SHARED/corpus" \
		> "$OUT/port-$mode.txt" 2>/dev/null &
	server=$!
	# the port is printed once the server listens; the list follows it
	i=0
	while [ ! -s "$OUT/port-$mode.txt" ] && [ $i -lt 300 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	n=$(find "$SHARED/corpus" -name page.html | wc -l)
	while [ "$(wc -l < "$OUT/urls-$mode.txt" 2>/dev/null || echo 0)" -lt "$n" ] &&
		[ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	while read -r url; do
		"$EXTRACT" --json -q "$url" 2>/dev/null
	done < "$OUT/urls-$mode.txt" > "$OUT/corpus-$mode.jsonl"
	kill "$server" 2>/dev/null
	wait "$server" 2>/dev/null
	echo "== corpus, errors served $mode"
	python3 "$SHARED/tools/score_corpus.py" --corpus "$SHARED/corpus" \
		--pred "$OUT/corpus-$mode.jsonl" --errors "$mode" --worst 5 \
		--json "$OUT/corpus-$mode-score.json" | tee "$OUT/corpus-$mode.txt"
}
run_corpus hard
run_corpus soft

f1=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.4f" % next(iter(d.values()))["summary"]["f1"])' "$OUT/aeb-score.json")
base=$(cat "$BASELINE" 2>/dev/null || echo 0)
echo "== ScrapingHub body F1 $f1 (baseline $base)"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) + 1e-9 >= float(sys.argv[2]) else 1)' "$f1" "$base" ||
	{ echo "bench-accuracy: F1 $f1 fell below the baseline $base" >&2; exit 1; }
