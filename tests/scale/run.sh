#!/bin/sh
# run.sh - the recipes of README.md "Running at scale", run for real
# with GNU parallel on this machine.
#
#	tests/scale/run.sh EXTRACT BUILD_DIR
#
# "-S 2/:" gives parallel two job slots on ":", its name for the local
# machine: the jobs go through parallel's remote-job machinery (job
# numbers, joblog, --return) but run as local processes, so no ssh is
# needed.  URLs point at BUILD_DIR/fixture_server on 127.0.0.1.  The
# commands are the README's, with "extract" found on PATH and smaller
# chunks.
#
# Skipped when parallel is not installed: the last line is then
# "scale: 0 passed, 0 failed" after a "# skipped" line.  Otherwise it
# is "scale: N passed, N failed".  The harness is tests/lib.sh.

TEST_NAME="scale"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
test_setup "$@"
CHECK=$BUILD/jsonl_check

if ! command -v parallel >/dev/null 2>&1; then
	echo "# skipped: GNU parallel is not installed (Debian package parallel)"
	echo "scale: 0 passed, 0 failed"
	exit 0
fi
test_start "$CHECK"

# "extract" as the README writes it; parallel's state stays in here,
# and its citation notice is acknowledged.
bin=$TEST_TMP/bin
mkdir -p "$bin"
ln -s "$EXTRACT" "$bin/extract"
PATH=$bin:$PATH
PARALLEL_HOME=$TEST_TMP/parallel-home
PARALLEL=--will-cite
export PATH PARALLEL_HOME PARALLEL

DOCROOT=$TEST_TMP/docroot
mkdir -p "$DOCROOT"
N=60
i=1
while [ $i -le $N ]; do
	printf '%s\n' "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">" \
		"<title>Lighthouse report $i</title></head><body><article>" \
		"<h1>Lighthouse report $i</h1><p>Report $i of the lighthouse" \
		"keepers: the lamp was lit at dusk, the lens turned all night and" \
		"the fog signal sounded twice before the morning.</p></article>" \
		"</body></html>" >"$DOCROOT/report-$i.html"
	i=$((i + 1))
done

start_server 300 --docroot "$DOCROOT"
BASE="http://127.0.0.1:$last_port"
LOCAL="http://localhost:$last_port"

# Half the pages by one host name, half by another.
URLS=$TEST_TMP/urls.txt
i=1
while [ $i -le $N ]; do
	if [ $((i % 2)) -eq 0 ]; then
		echo "$BASE/files/report-$i.html"
	else
		echo "$LOCAL/files/report-$i.html"
	fi
	i=$((i + 1))
done >"$URLS"

# The input of each record, one per line, sorted (records start with
# schema_version, then input).
inputs () {
	sed -n 's/^{"schema_version":1,"input":"\([^"]*\)".*}$/\1/p' "$@" | sort
}

# "url<TAB>title" of each page, sorted, from records or -p output.
pages () {
	sed -n 's/.*"final_url":"\([^"]*\)".*"title":"\([^"]*\)".*/\1	\2/p' "$@" |
		sort
}

test_expect_success 'a list split over two slots with --pipe: one record per input' '
	mkdir warc &&
	timeout 120 parallel --pipe -N 8 -S 2/: --joblog jobs.log \
		"extract -i - --json --exit-zero --warc-output warc/part-{#}.warc.gz" \
		<"$URLS" >out.jsonl &&
	test "$(wc -l <out.jsonl)" -eq $N &&
	inputs out.jsonl >got &&
	sort "$URLS" >want &&
	cmp got want &&
	test "$(grep -c "\"error\":null" out.jsonl)" -eq $N &&
	test "$(awk "NR > 1 && \$7 == 0" jobs.log | wc -l)" -eq $(( (N + 7) / 8 )) &&
	test "$(awk "NR > 1" jobs.log | cut -f2 | sort -u)" = ":"
'

test_expect_success 'one WARC file per job; --warc over them gives the same pages' '
	mkdir warc &&
	timeout 120 parallel --pipe -N 8 -S 2/: \
		"extract -i - --json --exit-zero --warc-output warc/part-{#}.warc.gz" \
		<"$URLS" >out.jsonl &&
	test "$(ls warc | wc -l)" -eq $(( (N + 7) / 8 )) &&
	timeout 60 extract --warc warc/*.warc.gz -p final_url -p title >again.jsonl 2>err &&
	grep -q "WARC: 8 files, $N HTML responses, 0 other records skipped, 0 bad" err &&
	pages out.jsonl >want &&
	pages again.jsonl >got &&
	test "$(wc -l <got)" -eq $N &&
	cmp want got &&
	ls warc/*.warc.gz | timeout 120 parallel -S 2/: \
		"extract --warc {} -o {.}.jsonl" &&
	test "$(cat warc/*.jsonl | wc -l)" -eq $N
'

test_expect_success '--shard i/N on each slot: every entry once, a host in one shard' '
	timeout 120 parallel -S 2/: \
		"extract -i $URLS --json --shard {}/3 -o shard-{}.jsonl" ::: 1 2 3 &&
	cat shard-1.jsonl shard-2.jsonl shard-3.jsonl >all.jsonl &&
	"$CHECK" count all.jsonl $N &&
	for h in 127.0.0.1 localhost; do
		n=0
		for s in 1 2 3; do
			grep -q "\"input\":\"http://$h:" shard-$s.jsonl && n=$((n + 1))
		done
		[ $n -eq 1 ] || exit 1
	done
'

# Ports with nothing behind them: one for good, one for a while.
refused_port
DEAD=$last_port
refused_port
LATER=$last_port

# README "Running at scale": a crawl that can be finished by running
# the same command again.
cat >"$TEST_TMP/resumable.sh" <<'EOF'
mkdir -p out warc
parallel --pipe -N 8 -S 2/: --joblog jobs.log --resume-failed \
    --return out/part-{#}.jsonl --return warc/part-{#}.warc.gz --cleanup \
    'mkdir -p out warc; extract -i - --json -q -o out/part-{#}.jsonl --warc-output warc/part-{#}.warc.gz; s=$?; [ $s = 1 ] || [ $s = 4 ] && s=0; exit $s' \
    < urls.txt
EOF

test_expect_success '--joblog and --resume-failed redo the jobs that exited 3' '
	{ head -n 16 "$URLS"
	  i=1; while [ $i -le 6 ]; do
		echo "http://127.0.0.1:$LATER/files/report-$i.html"; i=$((i + 1))
	  done
	  echo "$BASE/status/404"; echo "$BASE/files/no-such-page.html"
	  tail -n 24 "$URLS"; } >urls.txt &&
	timeout 120 sh "$TEST_TMP/resumable.sh" 2>err
	test $? -eq 1 &&
	test "$(awk "NR > 1 && \$7 == 3" jobs.log | wc -l)" -eq 1 &&
	grep -q "fetch_failed" out/part-*.jsonl &&
	start_server 300 --docroot "$DOCROOT" --port "$LATER" &&
	timeout 120 sh "$TEST_TMP/resumable.sh" 2>err &&
	test "$(awk "NR > 1" jobs.log | wc -l)" -eq 7 &&
	test "$(awk "NR > 1 && \$7 == 0" jobs.log | wc -l)" -eq 6 &&
	! grep -q "fetch_failed" out/part-*.jsonl &&
	inputs out/part-*.jsonl >got &&
	sort urls.txt >want &&
	cmp got want &&
	test "$(grep -c "\"kind\":\"not_found\"" out/*.jsonl | awk -F: "{ n += \$2 } END { print n }")" -eq 2 &&
	timeout 60 extract --warc warc/*.warc.gz -q --exit-zero >again.jsonl &&
	test "$(wc -l <again.jsonl)" -eq 48
'

test_expect_success 'Hadoop Streaming and RDD.pipe: lines in, one line out each, exit 0' '
	{ head -n 10 "$URLS"; echo "http://127.0.0.1:$DEAD/"; echo "not a url";
	  echo "$BASE/status/503"; } >part &&
	cat part | timeout 60 extract -i - --json --exit-zero -q --retry 0 >out &&
	test "$(wc -l <out)" -eq 13 &&
	inputs out >got && sort part >want && cmp got want &&
	mkdir warc &&
	head -n 5 "$URLS" | extract -i - --json -q --warc-output warc/a.warc.gz &&
	ls warc/a.warc.gz | timeout 60 extract --warc - --exit-zero -q >out &&
	test "$(wc -l <out)" -eq 5
'

test_done
