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

# One table: our figures beside the peers' (from the benchmark data's
# own anchors file, when it is there) and the targets.
python3 - "$OUT" "$SHARED/tools/ANCHORS.md" <<'PY'
import json, re, sys
out, anchors = sys.argv[1], sys.argv[2]
aeb = next(iter(json.load(open(out + "/aeb-score.json")).values()))["summary"]
hard = json.load(open(out + "/corpus-hard-score.json"))
soft = json.load(open(out + "/corpus-soft-score.json"))
try:
    text = open(anchors, encoding="utf-8").read()
except OSError:
    text = ""
def peer(row_start, col):
    for line in text.splitlines():
        if line.startswith("| " + row_start):
            cells = [c.strip() for c in line.strip("|").split("|")]
            return cells[col] if col < len(cells) else "-"
    return "-"
o, hs = hard["overall"], soft["overall"]
rows = [
    ("ScrapingHub body F1 / P / R",
     "%.3f / %.3f / %.3f" % (aeb["f1"], aeb["precision"], aeb["recall"]),
     " / ".join(peer("trafilatura 2.0.0", i) for i in (1, 2, 3)),
     " / ".join(peer("Readability.js", i) for i in (1, 2, 3)),
     ">= 0.975 / 0.96 / 0.98"),
    ("corpus body F1 (%d)" % o["body"]["pages"], "%.3f" % o["body"]["f1"],
     peer("body F1", 1).split(" ")[0], peer("body F1", 2).split(" ")[0],
     ">= best peer"),
    ("corpus snippet F1 (%d)" % o["snippets"]["cases"],
     "%.3f" % o["snippets"]["f1"], peer("snippet F1", 1).split(" ")[0],
     peer("snippet F1", 2).split(" ")[0], ">= best peer"),
    ("title exact / close (%d)" % o["title"]["cases"],
     "%.3f / %.3f" % (o["title"]["exact"], o["title"]["close"]),
     peer("title exact", 1), peer("title exact", 2), ">= best peer"),
    ("charset set body F1 (%d)" % hard["charset"]["body"]["pages"],
     "%.3f" % hard["charset"]["body"]["f1"], peer("charset set", 1),
     peer("charset set", 2), ""),
    ("error pages P / R, hard / soft",
     "%.3f / %.3f, %.3f / %.3f" % (o["error"]["precision"], o["error"]["recall"],
                                  hs["error"]["precision"], hs["error"]["recall"]),
     peer("error pages", 1), peer("error pages", 2), ""),
    ("disclaimer F1, leaked into body",
     "%.3f, %d of %d" % (o["disclaimer"]["f1"], o["disclaimer"]["leaked"],
                         o["disclaimer"]["cases"]),
     peer("disclaimer", 1), peer("disclaimer", 2), ""),
]
head = ("measure", "extract", "trafilatura", "Readability.js", "target")
widths = [max(len(r[i]) for r in rows + [head]) for i in range(5)]
print("== summary")
for r in [head] + rows:
    print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
PY

f1=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("%.4f" % next(iter(d.values()))["summary"]["f1"])' "$OUT/aeb-score.json")
base=$(cat "$BASELINE" 2>/dev/null || echo 0)
echo "== ScrapingHub body F1 $f1 (baseline $base)"
python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) + 1e-9 >= float(sys.argv[2]) else 1)' "$f1" "$base" ||
	{ echo "bench-accuracy: F1 $f1 fell below the baseline $base" >&2; exit 1; }
