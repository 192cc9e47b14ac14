#!/bin/sh
# run.sh - batch mode end to end: lists, hostile servers, retries,
# politeness, output order, parser isolation, signals and --resume, and
# memory that does not grow with the list.
#
#	tests/batch/run.sh EXTRACT BUILD_DIR
#
# Uses BUILD_DIR/fixture_server (bound to 127.0.0.1 only), and the
# helpers BUILD_DIR/jsonl_check (reads JSON Lines without jq) and
# BUILD_DIR/peak_rss.  Each case runs under a time limit; the last line
# is "batch: N passed, N failed".  The harness is tests/lib.sh.

TEST_NAME="batch"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
test_setup "$@"
CHECK=$BUILD/jsonl_check
PEAK=$BUILD/peak_rss
WARC_MAKE=$BUILD/warc_make
test_start "$CHECK" "$PEAK" "$WARC_MAKE"

# Pages served as /files/harbour-N.html, each with its own title.
DOCROOT=$TEST_TMP/docroot
mkdir -p "$DOCROOT"
for i in 1 2 3 4 5 6; do
	cat >"$DOCROOT/harbour-$i.html" <<EOF
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour log $i</title></head>
<body><article><h1>Harbour log $i</h1>
<p>Entry $i of the harbour log: the boats that came in on the evening tide,
the weather at the pier and the <a href="/tides.html">tide table</a>.</p>
<p><img src="/pier-$i.jpg" alt="The pier, day $i"> Every entry is signed
by the harbour master on duty.</p>
</article></body></html>
EOF
done

refused_port
REFUSED="http://127.0.0.1:$last_port/"
start_server 600 --dir "$here/../e2e/fixtures" --docroot "$DOCROOT"
BASE="http://127.0.0.1:$last_port"

PAGE=$TEST_TMP/page.html
cat >"$PAGE" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tides of the northern harbour</title></head>
<body><article><h1>Tides of the northern harbour</h1>
<p>Twice a day the harbour empties until the fishing boats rest on the mud,
and twice a day the sea returns to lift them.</p>
</article></body></html>
EOF
TINY=$TEST_TMP/tiny.html
printf '<title>t</title><p>A very small page.</p>\n' >"$TINY"

# field FILE INDEX KEY: that field of the record with that index.
field () {
	"$CHECK" get "$1" "$2" "$3" 2>/dev/null
}

# expect INDEX KEY VALUE: ./out's record INDEX has KEY = VALUE (JSON).
expect () {
	got=$(field out "$1" "$2")
	if [ "$got" = "$3" ]; then
		return 0
	fi
	echo "record $1: $2 is $got, expected $3"
	return 1
}

# count_records FILE N: exactly one record for each of N entries.
count_records () {
	"$CHECK" count "$1" "$2" >/dev/null
}

# The child processes of $1 (Linux /proc).
children () {
	cat "/proc/$1/task/$1/children" 2>/dev/null
}

# A number in [lo, hi) from /dev/urandom.
random_between () {
	od -An -N2 -tu2 /dev/urandom |
		awk -v lo="$1" -v hi="$2" '{ print lo + $1 % (hi - lo) }'
}

# ---- the list ----

test_expect_success 'blank lines, comments, CRLF and a BOM are handled' '
	printf "\357\273\277# urls\r\n$BASE/status/200\r\n\r\n   \n#x\n$PAGE\n  $BASE/gzip  " >list &&
	run_extract 0 -i list --json &&
	count_records out 3 &&
	expect 0 input "\"$BASE/status/200\"" &&
	expect 1 input "\"$PAGE\"" &&
	expect 2 input "\"$BASE/gzip\"" &&
	expect 1 error null
'

test_expect_success 'an invalid line is a record, and the batch goes on (exit 4)' '
	cat >list <<-EOF &&
	$BASE/status/200
	ftp://example.com/file
	javascript:alert(1)
	http://
	http://exa mple.com/
	$TEST_TMP/no-such-file.html
	example.com/page
	-
	$BASE/status/200?again
	EOF
	run_extract 4 -i list --json &&
	count_records out 9 &&
	expect 0 error null &&
	expect 1 error.kind "\"invalid_url\"" &&
	expect 2 error.kind "\"invalid_url\"" &&
	expect 3 error.kind "\"invalid_url\"" &&
	expect 4 error.kind "\"invalid_url\"" &&
	expect 5 error.kind "\"unreadable\"" &&
	expect 6 error.kind "\"unreadable\"" &&
	expect 7 error.kind "\"invalid_url\"" &&
	expect 8 error null &&
	grep -q "a URL needs http:// or https://" out &&
	err_has "line 2: unsupported scheme"
'

test_expect_success 'a line with a NUL byte and an overlong line are records' '
	{ printf "$BASE/status/200\n$BASE/\000x\n"; head -c 70000 /dev/zero | tr "\\000" a; printf "\n$PAGE\n"; } >list &&
	run_extract 4 -i list --json &&
	count_records out 4 &&
	expect 1 error.kind "\"invalid_url\"" &&
	expect 2 error.kind "\"invalid_url\"" &&
	expect 3 error null
'

test_expect_success 'an empty list is no error (exit 0)' '
	: >list &&
	run_extract 0 -i list --json &&
	test ! -s out
'

test_expect_success 'a missing list or a directory is a usage error (exit 2)' '
	run_extract 2 -i "$TEST_TMP/no-such-list" --json &&
	err_has "no-such-list" &&
	run_extract 2 -i "$TEST_TMP" --json
'

test_expect_success 'stdin is read lazily: work starts before the list ends' '
	{ echo "$BASE/status/200?first"; sleep 3; echo "$BASE/status/200?second"; } |
		"$EXTRACT" -i - --json -o out.jsonl 2>err &
	pid=$! &&
	sleep 2 &&
	test "$(wc -l <out.jsonl)" -eq 1 &&
	wait $pid &&
	count_records out.jsonl 2
'

# ---- hostile servers ----

cat >"$TEST_TMP/faults" <<EOF
$BASE/reset
$BASE/flaky?id=f500&fail=1&status=500
$BASE/flaky?id=f429&fail=1&status=429&retry_after=1
$BASE/flaky?id=f429long&fail=1&status=429&retry_after=999
$BASE/drip
$BASE/endless
$BASE/gzip-bomb
$BASE/loop
$BASE/redirect-to?url=file:///etc/hostname
$BASE/redirect-to?url=ftp://127.0.0.1:1/x
$BASE/pdf
$BASE/type?ct=image/png
$BASE/huge-headers
$BASE/empty
$BASE/stall
$REFUSED
$BASE/page?file=article
$BASE/length-lie
EOF

test_expect_success 'every hostile server gives its record, in bounded time' '
	run_extract 4 -i "$TEST_TMP/faults" --json -m 4 -Y 1000 -y 2 \
		--retry-delay 0.2 --max-filesize 1000000 &&
	faster_than 12000 &&
	count_records out 18 &&
	expect 0 error.kind "\"fetch_failed\"" && expect 0 attempts 3 &&
	expect 1 error null && expect 1 attempts 2 && expect 1 status 200 &&
	expect 2 error null && expect 2 attempts 2 &&
	expect 3 attempts 1 && expect 3 status 429 &&
	expect 4 error.kind "\"timeout\"" &&
	expect 5 error.kind "\"too_large\"" &&
	expect 6 error.kind "\"too_large\"" &&
	expect 7 error.kind "\"fetch_failed\"" && expect 7 attempts 1 &&
	expect 8 error.kind "\"fetch_failed\"" &&
	expect 9 error.kind "\"fetch_failed\"" &&
	expect 10 error.kind "\"not_html\"" &&
	expect 11 error.kind "\"not_html\"" &&
	expect 12 error.kind "\"fetch_failed\"" &&
	expect 13 status 200 &&
	expect 14 error.kind "\"timeout\"" &&
	expect 15 error.kind "\"fetch_failed\"" && expect 15 attempts 3 &&
	expect 16 error null &&
	expect 17 error.kind "\"fetch_failed\"" &&
	curl -s "$BASE/count?id=f500" | grep -q "count 2" &&
	curl -s "$BASE/count?id=f429" | grep -q "count 2" &&
	curl -s "$BASE/count?id=f429long" | grep -q "count 1"
'

test_expect_success 'Retry-After is waited for' '
	echo "$BASE/flaky?id=wait&fail=1&status=503&retry_after=2" >list &&
	run_extract 0 -i list --json --retry-delay 0 &&
	expect 0 attempts 2 &&
	test "$elapsed_ms" -ge 1900
'

test_expect_success 'Retry-After as an HTTP date is waited for' '
	when=$(date -u -d "+3 seconds" "+%a, %d %b %Y %H:%M:%S GMT" |
		sed "s/ /%20/g; s/,/%2C/g; s/:/%3A/g") &&
	echo "$BASE/flaky?id=date&fail=1&status=503&retry_after=$when" >list &&
	run_extract 0 -i list --json --retry-delay 0 &&
	expect 0 attempts 2 &&
	test "$elapsed_ms" -ge 1500
'

test_expect_success '--retry 0 keeps the first answer (exit 1)' '
	echo "$BASE/flaky?id=noretry&fail=1&status=500" >list &&
	run_extract 1 -i list --json --retry 0 &&
	expect 0 attempts 1 &&
	expect 0 status 500
'

# ---- politeness ----

test_expect_success '--parallel-host caps transfers to one host' '
	for i in 1 2 3 4 5 6 7 8; do echo "$BASE/delay?ms=500&i=$i"; done >list &&
	run_extract 0 -i list --json --parallel 16 --parallel-host 2 &&
	test "$elapsed_ms" -ge 1900 &&
	run_extract 0 -i list --json --parallel 16 --parallel-host 8 &&
	faster_than 1900
'

test_expect_success '--parallel caps transfers in all' '
	for i in 1 2 3 4 5 6; do echo "$BASE/delay?ms=500&i=$i"; done >list &&
	run_extract 0 -i list --json --parallel 2 --parallel-host 8 &&
	test "$elapsed_ms" -ge 1400
'

test_expect_success '--host-delay spaces the requests to one host' '
	for i in 1 2 3; do echo "$BASE/status/200?i=$i"; done >list &&
	run_extract 0 -i list --json --host-delay 0.6 &&
	test "$elapsed_ms" -ge 1100
'

# ---- output ----

test_expect_success '--keep-order writes in list order' '
	for i in 0 1 2 3 4 5 6 7 8 9 10 11; do
		echo "$BASE/delay?ms=$(( (12 - i) * 40 ))&i=$i"
	done >list &&
	echo "$TEST_TMP/missing.html" >>list &&
	run_extract 4 -i list --json --keep-order --parallel 12 &&
	count_records out 13 &&
	"$CHECK" ordered out
'

test_expect_success 'text mode: a header per entry, failures included' '
	printf "%s\n" "$PAGE" "ftp://x/" "$BASE/status/404" >list &&
	run_extract 4 -i list -q &&
	test "$(grep -c "^==> .* <==\$" out)" -eq 3 &&
	out_has "==> ftp://x/ <==" &&
	out_has "[line 2: unsupported scheme" &&
	out_has "Tides of the northern harbour"
'

test_expect_success 'records go to -o FILE; stdout stays empty' '
	printf "%s\n" "$PAGE" "$PAGE" >list &&
	run_extract 0 -i list --json -o records.jsonl &&
	test ! -s out &&
	count_records records.jsonl 2
'

test_expect_success '| head -1 ends the batch quietly and soon' '
	for i in $(seq 1 200); do echo "$BASE/delay?ms=100&i=$i"; done >list &&
	start=$(now_ms) &&
	"$EXTRACT" -i list --json 2>err | head -n 1 >first &&
	test $(( $(now_ms) - start )) -lt 5000 &&
	test "$(wc -l <first)" -eq 1 &&
	test ! -s err
'

test_expect_success 'an unwritable output is exit 5' '
	echo "$PAGE" >list &&
	timeout 20 "$EXTRACT" -i list --json >/dev/full 2>err
	test $? -eq 5 && err_has "write error"
'

test_expect_success 'exit status: the highest code; --exit-zero gives 0' '
	printf "%s\n" "$PAGE" "$BASE/status/404" >list &&
	run_extract 1 -i list --json &&
	printf "%s\n" "$PAGE" "$BASE/status/404" "$REFUSED" >list &&
	run_extract 3 -i list --json --retry 0 &&
	run_extract 0 -i list --json --retry 0 --exit-zero &&
	count_records out 3
'

test_expect_success 'a summary on stderr; nothing with -q' '
	printf "%s\n" "$PAGE" "$BASE/status/404" >list &&
	run_extract 1 -i list --json &&
	tail -n 1 err | grep -q "^extract: 2 inputs in .*: 1 ok, 1 error pages, 0 failed" &&
	run_extract 1 -i list --json -q &&
	test ! -s err
'

if command -v script >/dev/null 2>&1; then
test_expect_success 'a progress line on a terminal, without colour under NO_COLOR' '
	for i in $(seq 1 30); do echo "$BASE/delay?ms=50&i=$i"; done >list &&
	NO_COLOR=1 TERM=xterm timeout 20 script -qec \
		"$EXTRACT -i list --json -o o.jsonl --parallel 2" /dev/null >tty 2>&1 &&
	grep -q "/30 done, " tty &&
	! grep -q "$(printf "\033")\\[" tty &&
	TERM=xterm timeout 20 script -qec \
		"$EXTRACT -i list --json -o o.jsonl -q" /dev/null >tty 2>&1 &&
	! grep -q "done" tty
'
fi

# ---- parser isolation ----

# A page that keeps gumbo busy for a second or two (7 MB of tables,
# about 320 MiB of address space to parse).
HEAVY=$TEST_TMP/heavy.html
awk "BEGIN { printf \"<html><body>\"; for (i = 0; i < 200000; i++) printf \"<table><tr><td>x</td></tr></table>\" }" >"$HEAVY"

test_expect_success 'a parser that crashes is that page'"'"'s record; the batch goes on' '
	printf "%s\n" "$HEAVY" "$PAGE" >list &&
	"$EXTRACT" -i list --json --workers 1 >out 2>err &
	pid=$! &&
	sleep 0.3 &&
	worker=$(children "$pid") &&
	test -n "$worker" &&
	kill -SEGV $worker &&
	wait $pid
	test $? -eq 4 &&
	count_records out 2 &&
	expect 0 error.kind "\"parse_crashed\"" &&
	grep -q "signal 11 (SIGSEGV)" out &&
	expect 1 error null
'

test_expect_success 'a parser out of memory fails its page alone' '
	printf "%s\n" "$PAGE" "$HEAVY" "$PAGE" >list &&
	run_extract 4 -i list --json --parse-memory 150 &&
	count_records out 3 &&
	expect 0 error null &&
	kind=$(field out 1 error.kind) &&
	echo "heavy page under 150 MiB: $kind" &&
	{ [ "$kind" = "\"parse_crashed\"" ] || [ "$kind" = "\"unreadable\"" ]; } &&
	expect 2 error null
'

test_expect_success 'a parser that hangs is stopped (parse_timeout)' '
	mkfifo fifo &&
	printf "%s\n" "$PWD/fifo" "$PAGE" >list &&
	run_extract 4 -i list --json --parse-timeout 1 &&
	faster_than 8000 &&
	expect 0 error.kind "\"parse_timeout\"" &&
	expect 1 error null
'

# ---- signals and --resume ----

# The kill test: N URLs, interrupted at random points in every way a
# batch can be, then resumed to the end: one record per entry, no more.
N=5000
awk -v base="$BASE" -v n="$N" 'BEGIN {
	for (i = 0; i < n; i++) {
		if (i % 31 == 0) print base "/status/404?i=" i
		else if (i % 97 == 0) print base "/flaky?id=k" i "&fail=1&status=503&retry_after=1"
		else if (i % 5 == 0) print base "/gzip?i=" i
		else print base "/delay?ms=" (i % 7) * 10 "&i=" i
	}
}' >"$TEST_TMP/kill-list"

# A process that exists and is not a zombie (an orphan waiting for an
# init that may never reap it).
alive () {
	state=$(sed -n "s/^[0-9]* (.*) \([A-Za-z]\).*/\1/p" "/proc/$1/stat" 2>/dev/null)
	[ -n "$state" ] && [ "$state" != Z ]
}

# interrupt SIGNAL: starts (or resumes) the batch, sends SIGNAL after a
# random pause, and checks the exit status; SIGKILL also checks that no
# worker process outlives the batch.
interrupt () {
	"$EXTRACT" -i "$TEST_TMP/kill-list" --json -o out.jsonl --resume \
		--parallel-host 16 -q >/dev/null 2>>err &
	pid=$!
	pause=$(random_between 300 1500)
	echo "kill -$1 after $pause ms"
	sleep "$(awk -v ms="$pause" "BEGIN { print ms / 1000 }")"
	workers=$(children "$pid")
	kill "-$1" "$pid"
	wait "$pid"
	rc=$?
	case $1 in
	INT) [ $rc -eq 130 ] || [ $rc -le 4 ] ;;
	TERM) [ $rc -eq 143 ] || [ $rc -le 4 ] ;;
	KILL) sleep 0.5; for w in $workers; do
		alive "$w" && { echo "worker $w left"; return 1; }
	      done; true ;;
	esac || { echo "kill -$1: exit status $rc"; return 1; }
	echo "$(wc -l <out.jsonl) lines so far"
}

test_expect_success 'SIGINT, SIGTERM, kill -9, torn lines, --resume: each entry once' '
	: >err &&
	interrupt INT &&
	interrupt KILL &&
	printf "{\"schema_version\":1,\"input\":\"torn" >>out.jsonl &&
	interrupt TERM &&
	interrupt KILL &&
	timeout 120 "$EXTRACT" -i "$TEST_TMP/kill-list" --json -o out.jsonl \
		--resume --parallel-host 16 2>>err >/dev/null
	rc=$? &&
	test $rc -eq 1 &&
	"$CHECK" count out.jsonl $N &&
	grep -q "dropped an incomplete last line" err
'

test_expect_success '--resume with another list is refused (exit 2)' '
	printf "%s\n" "$PAGE" "$BASE/status/200" >list &&
	run_extract 0 -i list --json -o o.jsonl &&
	printf "%s\n" "$PAGE" "$BASE/status/200?other" "$PAGE" >list &&
	printf "%s\n" "$(head -n 1 o.jsonl)" >o2.jsonl &&
	grep "\"index\":1" o.jsonl >>o2.jsonl &&
	run_extract 2 -i list --json -o o2.jsonl --resume &&
	err_has "resume with the list"
'

test_expect_success '--resume needs -o and --json' '
	echo "$PAGE" >list &&
	run_extract 2 -i list --json --resume &&
	run_extract 2 -i list -o o.txt --resume
'

# ---- formats and fields ----

for i in 1 2 3 4 5 6; do echo "$BASE/files/harbour-$i.html"; done >"$TEST_TMP/harbour-list"

test_expect_success '--markdown and --format markdown, alone and in a batch' '
	run_extract 0 --markdown "$BASE/files/harbour-1.html" &&
	test "$(head -n 1 out)" = "# Harbour log 1" &&
	out_has "evening tide" &&
	run_extract 0 -i "$TEST_TMP/harbour-list" --format markdown --keep-order &&
	test "$(grep -c "^==> .* <==\$" out)" -eq 6 &&
	test "$(grep -c "^# Harbour log" out)" -eq 6
'

test_expect_success '--with-markdown, --links and --images add JSON fields' '
	run_extract 0 -i "$TEST_TMP/harbour-list" --json --with-markdown \
		--links --images &&
	count_records out 6 &&
	field out 0 links | grep -qF "[{\"url\":\"$BASE/tides.html\"" &&
	field out 0 images | grep -qF "\"alt\":\"The pier, day 1\"}]" &&
	field out 0 markdown | grep -q "^\"# Harbour log 1" &&
	run_extract 0 --json "$BASE/files/harbour-2.html" &&
	! grep -q "\"links\"" out &&
	run_extract 2 --links "$BASE/files/harbour-2.html" &&
	err_has "use them with --json or -p"
'

test_expect_success '-p prints fields: raw lines, or one JSON object with --json' '
	run_extract 0 -p title -p status -p authors -p error "$PAGE" &&
	printf "%s\n" "Tides of the northern harbour" "" "[]" "" >want &&
	cmp out want &&
	run_extract 0 --json -p title -p index "$PAGE" &&
	test "$(cat out)" = "{\"title\":\"Tides of the northern harbour\",\"index\":null}" &&
	run_extract 0 -p links "$BASE/files/harbour-3.html" &&
	grep -q "^\[{\"url\":\"$BASE/tides.html\"" out &&
	run_extract 0 -i "$TEST_TMP/harbour-list" --json -p index -p title &&
	test "$(grep -c "^{\"index\":[0-5],\"title\":\"Harbour log [1-6]\"}\$" out)" -eq 6 &&
	run_extract 0 -i "$TEST_TMP/harbour-list" -p title --keep-order &&
	test "$(sed -n 2p out)" = "Harbour log 1" &&
	test "$(grep -c "^==> " out)" -eq 6 &&
	run_extract 2 -p titel "$PAGE" &&
	err_has "no field '"'"'titel'"'"'" &&
	run_extract 2 -p title --markdown "$PAGE" &&
	run_extract 2 -i "$TEST_TMP/harbour-list" --json -p title -o o.jsonl --resume
'

test_expect_success 'fetched_at: when a URL was fetched; null for a file' '
	run_extract 0 --json "$BASE/files/harbour-1.html" &&
	grep -q "\"fetched_at\":\"20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-9:]*Z\"" out &&
	run_extract 0 --json "$PAGE" &&
	json_has fetched_at null
'

# ---- shards ----

test_expect_success '--shard I/N: the shards of a list hold each entry once' '
	{ cat "$TEST_TMP/harbour-list"
	  sed "s|127.0.0.1|localhost|" "$TEST_TMP/harbour-list"
	  for i in 1 2 3 4 5 6 7 8 9; do echo "$TEST_TMP/no-such-$i.html"; done
	  echo "ftp://example.com/x"; } >list &&
	for s in 1 2 3; do
		timeout 20 "$EXTRACT" -i list --json --shard $s/3 -q >s$s.jsonl
		test $? -le 4 || exit 1
	done &&
	cat s1.jsonl s2.jsonl s3.jsonl >all.jsonl &&
	count_records all.jsonl 22 &&
	for s in 1 2 3; do
		n=$(grep -c "\"input\":\"http://127.0.0.1:" s$s.jsonl)
		{ [ "$n" -eq 0 ] || [ "$n" -eq 6 ]; } || exit 1
		n=$(grep -c "\"input\":\"http://localhost:" s$s.jsonl)
		{ [ "$n" -eq 0 ] || [ "$n" -eq 6 ]; } || exit 1
	done &&
	run_extract 2 -i list --shard 0/3 &&
	run_extract 2 -i list --shard 4/3 &&
	run_extract 2 -i list --shard 1 &&
	run_extract 2 --shard 1/2 "$PAGE"
'

# ---- WARC ----

test_expect_success '--warc: HTML responses in, one record each, in file order' '
	"$WARC_MAKE" t.warc.gz &&
	run_extract 4 --warc t.warc.gz &&
	count_records out 5 &&
	"$CHECK" ordered out &&
	expect 0 input "\"https://harbour.example/notes\"" &&
	expect 0 url "\"https://harbour.example/notes\"" &&
	expect 0 title "\"Harbour notes\"" &&
	expect 0 fetched_at "\"2024-05-01T10:00:00Z\"" &&
	expect 1 status 404 && expect 1 error.kind "\"not_found\"" &&
	expect 2 title "\"Untyped page\"" &&
	expect 3 date_published null &&
	expect 4 date_published "\"2024-06-01\"" &&
	err_has "t.warc.gz: record truncated: 64 of 5000 block bytes at offset " &&
	err_has "WARC: 1 file, 5 HTML responses, 3 other records skipped, 1 bad" &&
	head -n 2 out >r.jsonl &&
	run_extract 4 --warc t.warc.gz -o r.jsonl --resume &&
	count_records r.jsonl 5 &&
	err_has "3 ok, 0 error pages, 0 failed, 2 done before" &&
	run_extract 0 --warc t.warc.gz --exit-zero -q &&
	test ! -s err
'

test_expect_success '--warc -: the paths on stdin; a missing file is exit 4' '
	"$WARC_MAKE" a.warc.gz && cp a.warc.gz b.warc.gz &&
	printf "%s\n" a.warc.gz b.warc.gz | timeout 20 "$EXTRACT" --warc - -q -p title >out 2>err
	test $? -eq 4 &&
	test "$(grep -c "\"title\":\"Harbour notes\"" out)" -eq 2 &&
	test "$(wc -l <out)" -eq 10 &&
	run_extract 4 --warc a.warc.gz no-such.warc.gz -q &&
	count_records out 5 &&
	err_has "no-such.warc.gz: No such file" &&
	run_extract 2 --warc &&
	run_extract 2 --warc a.warc.gz - &&
	run_extract 2 --warc a.warc.gz -i list
'

test_expect_success '--warc-output keeps the fetched responses; --warc gives the same records' '
	{ cat "$TEST_TMP/harbour-list"; echo "$BASE/gzip"; echo "$BASE/status/404"
	  echo "$BASE/redirect/2"; echo "$REFUSED"; echo "$PAGE"; } >list &&
	run_extract 3 -i list --json --retry 0 -o batch.jsonl --warc-output c.warc.gz &&
	count_records batch.jsonl 11 &&
	run_extract 1 --warc c.warc.gz -o again.jsonl &&
	count_records again.jsonl 9 &&
	err_has "WARC: 1 file, 9 HTML responses, 0 other records skipped, 0 bad" &&
	"$EXTRACT" -i list --json --retry 0 -p final_url -p title -p body \
		-p status 2>/dev/null | grep -v "\"status\":null}\$" | sort >want &&
	test "$(wc -l <want)" -eq 9 &&
	timeout 20 "$EXTRACT" --warc c.warc.gz -p url -p title -p body \
		-p status 2>/dev/null | sed "s/^{\"url\":/{\"final_url\":/" | sort >got &&
	cmp want got &&
	test "$(grep -c "\"title\":\"Harbour log" got)" -eq 6
'

test_expect_success '--warc-output with --resume appends; usage errors are exit 2' '
	head -n 2 "$TEST_TMP/harbour-list" >list &&
	run_extract 0 -i list --json -o r.jsonl --warc-output r.warc.gz &&
	tail -n 4 "$TEST_TMP/harbour-list" >>list &&
	run_extract 0 -i list --json -o r.jsonl --resume --warc-output r.warc.gz &&
	count_records r.jsonl 6 &&
	run_extract 0 --warc r.warc.gz &&
	count_records out 6 &&
	run_extract 2 --warc-output x.warc.gz "$PAGE" &&
	run_extract 2 --warc r.warc.gz --warc-output x.warc.gz &&
	run_extract 5 -i list --json --warc-output "$TEST_TMP/no/such/dir.warc.gz"
'

test_expect_success '--warc-output after SIGTERM: whole records only' '
	for i in $(seq 1 40); do echo "$BASE/delay?ms=200&i=$i"; done >list &&
	"$EXTRACT" -i list --json -o o.jsonl --warc-output k.warc.gz \
		--parallel 4 -q 2>err &
	pid=$! &&
	sleep 1 &&
	kill -TERM $pid &&
	wait $pid
	test $? -eq 143 &&
	run_extract 0 --warc k.warc.gz &&
	err_has ", 0 bad" &&
	test "$(wc -l <out)" -ge "$(wc -l <o.jsonl)" &&
	test "$(wc -l <out)" -lt 40
'

# ---- memory ----

test_expect_success 'peak memory of 100,000 entries is that of 1,000' '
	yes "$TINY" | head -n 1000 >list1k &&
	yes "$TINY" | head -n 100000 >list100k &&
	"$PEAK" rss1k timeout 60 "$EXTRACT" -i list1k --json -q -o o1k.jsonl &&
	"$PEAK" rss100k timeout 120 "$EXTRACT" -i list100k --json -q -o o100k.jsonl &&
	count_records o100k.jsonl 100000 &&
	echo "peak RSS: $(cat rss1k) KiB for 1,000 entries, $(cat rss100k) KiB for 100,000" &&
	test "$(cat rss100k)" -le $(( $(cat rss1k) + 4096 ))
'

test_done
