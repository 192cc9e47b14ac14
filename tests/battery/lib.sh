# lib.sh - helpers for the hostile battery, sourced by run.sh and by
# every case (each case runs in a fresh sh under `timeout`).
#
# In a case's COMMAND (see the cases file):
#	x ARGS...	run extract under a hard time limit (the case's
#			bound + 2 s); its exit status goes to ./rc and its
#			wall time in ms to ./ms; x itself always succeeds,
#			so checks can follow with &&
#	has TEXT, lacks TEXT	fixed string in ./out (or not)
#	err_has TEXT		fixed string in ./err
#	err_lines N		./err has exactly N lines
#	field KEY VALUE		./out has "KEY":VALUE (VALUE as JSON text)
#	took_at_least MS	the last x ran at least MS ms
#	records FILE N		FILE has exactly one JSON record per index
#				0..N-1 (jsonl_check count)
#	need TOOL...		skip the case unless every TOOL is installed
#	plain_build		skip the case in a sanitizer build
#	no_nul FILE		FILE has no NUL byte
#	peak ARGS...		x, under peak_rss; rss_below MIB checks it
# A case may write a line to ./note: run.sh shows it after "ok".
# Diagnostics of the helpers go to stderr (./err), never to ./out.

LC_ALL=C
export LC_ALL

now_ms () {
	echo $(( $(date +%s%N) / 1000000 ))
}

x () {
	_x_start=$(now_ms)
	timeout -k 1 "$((BOUND + 2))" "$EXTRACT" "$@"
	echo $? >rc
	echo $(( $(now_ms) - _x_start )) >ms
	return 0
}

has () {
	grep -Fq -- "$1" out && return 0
	echo "output lacks: $1" >&2
	return 1
}

lacks () {
	grep -Fq -- "$1" out || return 0
	echo "output has: $1" >&2
	return 1
}

err_has () {
	grep -Fq -- "$1" err && return 0
	echo "stderr lacks: $1" >&2
	return 1
}

err_lines () {
	[ "$(wc -l <err)" -eq "$1" ] && return 0
	echo "stderr has $(wc -l <err) lines, expected $1" >&2
	return 1
}

field () {
	grep -Eq "\"$1\":$2([,}])" out && return 0
	echo "output lacks \"$1\":$2" >&2
	return 1
}

took_at_least () {
	[ "$(cat ms)" -ge "$1" ] && return 0
	echo "took $(cat ms) ms, expected at least $1 ms" >&2
	return 1
}

records () {
	"$CHECK" count "$1" "$2" >/dev/null
}

# The JSON of KEY in record INDEX of FILE (batch output).
jget () {
	"$CHECK" get "$1" "$2" "$3" 2>/dev/null
}

need () {
	for _tool in "$@"; do
		command -v "$_tool" >/dev/null 2>&1 && continue
		echo "skipped: $_tool is not installed" >&2
		exit 77
	done
}

plain_build () {
	[ "$SANITIZED" = 1 ] || return 0
	echo "skipped: not meaningful under AddressSanitizer" >&2
	exit 77
}

no_nul () {
	[ "$(tr -d '\000' <"$1" | wc -c)" -eq "$(wc -c <"$1")" ] && return 0
	echo "$1 has NUL bytes" >&2
	return 1
}

# ---- special cases: what a one-line command cannot say ----

# The children of process $1 (Linux /proc).
children () {
	cat "/proc/$1/task/$1/children" 2>/dev/null
}

# sig_batch SIGNAL WANT: a batch of slow pages gets SIGNAL mid-way;
# extract must exit WANT soon after, with only whole records written,
# and leave no worker behind.
sig_batch () {
	i=0
	while [ $i -lt 300 ]; do
		echo "$BASE/delay?ms=100&sig=$i"
		i=$((i + 1))
	done >list
	timeout -k 1 "$BOUND" "$EXTRACT" -i list --json -o out.jsonl \
		--parallel 8 --parallel-host 8 2>err.x &
	pid=$!
	sleep 1
	kids=$(children "$(children $pid)")
	kill "-$1" "$(children $pid)"
	start=$(now_ms)
	wait $pid
	echo $? >rc
	echo $(( $(now_ms) - start )) >ms
	[ "$(cat ms)" -lt 3000 ] || { echo "exit took $(cat ms) ms" >&2; return 1; }
	n=$(wc -l <out.jsonl)
	[ "$n" -gt 0 ] && [ "$n" -lt 300 ] ||
		{ echo "$n records: not interrupted mid-way" >&2; return 1; }
	"$CHECK" kinds out.jsonl >/dev/null || return 1
	sleep 0.3
	for k in $kids; do
		[ -d "/proc/$k" ] && ! grep -q '^State:.*Z' "/proc/$k/status" &&
			{ echo "worker $k left behind" >&2; return 1; }
	done
	return 0
}

# kill9_resume: kill -9 mid-batch, then --resume: each entry once.
kill9_resume () {
	i=0
	while [ $i -lt 200 ]; do
		echo "$BASE/delay?ms=50&k9=$i"
		i=$((i + 1))
	done >list
	timeout -k 1 "$BOUND" "$EXTRACT" -i list --json -o out.jsonl \
		--parallel 8 --parallel-host 8 2>>err &
	pid=$!
	sleep 0.8
	kill -KILL "$(children $pid)"
	wait $pid
	printf '{"schema_version":1,"input":"torn' >>out.jsonl
	x -i list --json -o out.jsonl --resume --parallel 8 --parallel-host 8 &&
		records out.jsonl 200
}

# head_one: `extract -i LIST | head -n 1` ends soon, quietly.
head_one () {
	i=0
	while [ $i -lt 200 ]; do
		echo "$BASE/delay?ms=100&h=$i"
		i=$((i + 1))
	done >list
	start=$(now_ms)
	{ x -i list --json 2>err.x; } | head -n 1 >first
	echo $(( $(now_ms) - start )) >ms
	[ "$(cat ms)" -lt 4000 ] || { echo "took $(cat ms) ms" >&2; return 1; }
	[ "$(wc -l <first)" -eq 1 ] && [ ! -s err.x ] ||
		{ echo "first: $(wc -l <first) lines; stderr:" >&2; cat err.x >&2; return 1; }
	"$CHECK" kinds first >/dev/null
}

# fifo_no_writer: a list that is a FIFO nobody writes to blocks, as
# `cat FIFO` does (a writer may still come), and a signal ends the wait
# at once with a usage error.
fifo_no_writer () {
	mkfifo fifo
	timeout -k 1 "$BOUND" "$EXTRACT" -i fifo --json &
	pid=$!
	sleep 0.5
	kill -0 "$(children $pid)" || { echo "did not wait for a writer" >&2; return 1; }
	kill -TERM "$(children $pid)"
	wait $pid
	echo $? >rc
}

# slow_reader: an 8 MB text record through a pipe read 2 s late loses
# nothing.
slow_reader () {
	x --json "$G/text7m.html" >direct &&
	{ x --json "$G/text7m.html" | { sleep 2; cat; } >late; } &&
	cmp direct late && [ "$(wc -c <late)" -gt 7000000 ]
}

# conns_check N: 40 slow pages, at most N connections at once: the most
# the server saw open at once, less those open at the reset (the reset
# request itself, and any a previous case left closing), is at most N.
conns_check () {
	"$EXTRACT" --json "$BASE/conns?reset=1" >/dev/null 2>&1
	i=0
	while [ $i -lt 40 ]; do
		echo "$BASE/delay?ms=200&c=$i"
		i=$((i + 1))
	done >list
	x -i list --json --parallel 50 --parallel-host "$1" &&
	"$EXTRACT" --json "$BASE/conns" >conns 2>&1 &&
	max=$(sed -n 's/.*"title":"conns \([0-9]*\) base.*/\1/p' conns) &&
	base=$(sed -n 's/.*"title":"conns [0-9]* base \([0-9]*\)".*/\1/p' conns) &&
	echo "at most $max connections at once, $base before" >&2 &&
	[ $((max - base)) -le "$1" ] && took_at_least $((40 / $1 * 200 - 200))
}

# peak_kib: the peak RSS (KiB) of the last `peak` run.
peak () {
	_x_start=$(now_ms)
	"$PEAK" rss timeout -k 1 "$((BOUND + 2))" "$EXTRACT" "$@"
	echo $? >rc
	echo $(( $(now_ms) - _x_start )) >ms
	echo "peak RSS $(cat rss) KiB" >&2
	echo "peak RSS $(( $(cat rss) / 1024 )) MiB" >>note
	return 0
}

# rss_below MIB: the last `peak` run stayed under MIB MiB (plain builds
# only: AddressSanitizer's shadow memory and quarantine say nothing about
# ours).
rss_below () {
	[ "$SANITIZED" = 1 ] && return 0
	[ "$(cat rss)" -le $(($1 * 1024)) ] && return 0
	echo "peak RSS $(cat rss) KiB is over $1 MiB" >&2
	return 1
}

# wait_for REGEX FILE TENTHS: until a line of FILE matches REGEX, for at
# most TENTHS tenths of a second (FILE need not exist yet).
wait_for () {
	tries=0
	while ! grep -q "$1" "$2" 2>/dev/null && [ $tries -lt "$3" ]; do
		sleep 0.1
		tries=$((tries + 1))
	done
}

# tls_no_close_notify: a TLS server that answers with a page whose body
# only the close would end (no Content-Length, not chunked), then dies
# without a close_notify.  openssl s_server (plain: -quiet would hide the
# ACCEPT line with its port) sends what comes on its stdin, here a FIFO
# holding the response (whose first byte, "H", is none of s_server's
# one-letter commands); once the request has come, the server gets
# SIGKILL, so the kernel closes the connection with a bare FIN (nothing
# unread is left, which would make it a reset).
tls_no_close_notify () {
	mkfifo reply
	# Read-write, so that neither end waits for the other to open.
	exec 3<>reply
	cat "$FX/tls/close-delimited" >&3
	: >server.log
	timeout -s KILL "$((BOUND + 5))" openssl s_server -accept 127.0.0.1:0 \
		-cert "$TLS_DIR/good.pem" -key "$TLS_DIR/good.key" \
		-naccept 1 <reply >>server.log 2>&1 3>&- &
	guard=$!
	wait_for '^ACCEPT' server.log 50
	server=$(children $guard)
	port=$(sed -n 's/^ACCEPT .*:\([0-9][0-9]*\)$/\1/p' server.log)
	[ -n "$port" ] && [ -n "$server" ] ||
		{ echo "the TLS server did not start" >&2; return 1; }
	x --json --cacert "$TLS_CA" "https://127.0.0.1:$port/" 3>&- &
	client=$!
	wait_for '^GET / ' server.log 100
	sleep 0.3
	kill -KILL "$server"
	wait $client
	wait $guard
	exec 3>&-
	grep -q '^GET / ' server.log ||
		{ echo "the request never reached the server" >&2; return 1; }
}
