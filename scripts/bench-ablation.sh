#!/bin/sh
# What each block rule is worth: the accuracy benchmarks once with every
# rule, then once per rule with that rule off (--without-rule).
#
#   scripts/bench-ablation.sh [EXTRACT] [SHARED]
#
# Sets: ScrapingHub (score.py, shingle F1), WCXB development pages
# (score_wcxb.py, word F1; also its even and odd page ids apart, the two
# folds rules are tuned and checked on) and the corpus's body and
# disclaimer figures (score_corpus.py, pages read as files).  Prints one
# table: each rule's change to each figure when it is turned off, so a
# negative number is what the rule earns.  About a minute per rule.
set -u

EXTRACT=${1:-./extract}
SHARED=${2:-${SHARED:-../shared}}
OUT=${BENCH_OUT:-build/ablation}
mkdir -p "$OUT"

for d in "$SHARED/bench/aeb" "$SHARED/bench/wcxb" "$SHARED/corpus"; do
	if [ ! -d "$d" ]; then
		echo "bench-ablation: no benchmark data at $d" >&2
		exit 2
	fi
done
ls "$SHARED"/bench/aeb/html/*.html.gz > "$OUT/aeb.list"
ls "$SHARED"/bench/wcxb/html/*.html.gz > "$OUT/wcxb.list"
find "$SHARED/corpus" -name page.html | sort > "$OUT/corpus.list"

# run NAME [--without-rule RULE]: every set, scored into OUT/NAME.*.json
run () {
	name=$1
	shift
	for set in aeb wcxb corpus; do
		"$EXTRACT" --json -q "$@" -i "$OUT/$set.list" > "$OUT/$name.$set.jsonl" 2>/dev/null
	done
	python3 "$SHARED/tools/score.py" --truth "$SHARED/bench/aeb/ground-truth.json" \
		--pred "$OUT/$name.aeb.jsonl" --json "$OUT/$name.aeb.json" > /dev/null 2>&1
	python3 "$SHARED/tools/score_wcxb.py" --truth "$SHARED/bench/wcxb/ground-truth" \
		--pred "$OUT/$name.wcxb.jsonl" --json "$OUT/$name.wcxb.json" > /dev/null 2>&1
	python3 "$SHARED/tools/score_corpus.py" --corpus "$SHARED/corpus" \
		--pred "$OUT/$name.corpus.jsonl" --json "$OUT/$name.corpus.json" > /dev/null 2>&1
}

echo "== all rules" >&2
run all
rules=$("$EXTRACT" --list-rules | awk '{print $1}')
for r in $rules; do
	echo "== without $r" >&2
	run "no-$r" --without-rule "$r"
done

python3 - "$OUT" $rules <<'PY'
import json, sys
out, rules = sys.argv[1], sys.argv[2:]

def figures(name):
    aeb = next(iter(json.load(open(f"{out}/{name}.aeb.json")).values()))["summary"]["f1"]
    w = next(iter(json.load(open(f"{out}/{name}.wcxb.json")).values()))
    pages = w["pages"]
    def fold(parity):
        xs = [p["f1"] for pid, p in pages.items() if int(pid) % 2 == parity]
        return sum(xs) / len(xs)
    c = json.load(open(f"{out}/{name}.corpus.json"))["overall"]
    return [aeb, w["slices"]["all"]["f1"], fold(0), fold(1),
            c["body"]["f1"], c["disclaimer"]["f1"]]

cols = ["ScrapingHub", "WCXB", "WCXB even", "WCXB odd", "corpus body",
        "disclaimer"]
base = figures("all")
print("| rule off | " + " | ".join(cols) + " |")
print("|---" * (len(cols) + 1) + "|")
print("| (none: all rules) | " + " | ".join("%.4f" % v for v in base) + " |")
for r in rules:
    f = figures("no-" + r)
    print("| %s | " % r + " | ".join("%+.4f" % (v - b) for v, b in zip(f, base)) + " |")
PY
