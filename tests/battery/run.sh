#!/bin/sh
# run.sh - the hostile battery: every case of tests/battery/cases against
# servers on 127.0.0.1 and pages made at test time.
#
#	tests/battery/run.sh EXTRACT BUILD_DIR [LABEL]
#
# Starts, all bound to 127.0.0.1 and nothing else:
#   - BUILD_DIR/fixture_server, serving the raw responses gen.sh writes
#     ($BASE/page?file=NAME) and the generated pages ($BASE/files/NAME);
#   - a second fixture server, stopped with SIGSTOP: the kernel still
#     accepts connections on its port, but nothing ever answers ($MUTE);
#   - openssl s_server with a self-signed certificate made now ($TLS),
#     and three more with certificates of a test CA made now ($TLS_CA):
#     for 127.0.0.1 and localhost ($TLS_GOOD), for another name only
#     ($TLS_WRONG_HOST), and for 127.0.0.1 but expired ($TLS_EXPIRED),
#     if openssl is installed;
# and notes a port that refuses connections ($REFUSED).
#
# Each case runs in a fresh sh under `timeout` in a directory of its
# own, and passes when: its exit status is the expected one, every line
# of its stdout is a JSON object in strict UTF-8 (or, for text output,
# the text is valid UTF-8 without NUL), the error.kind of its records is
# the expected list, its wall time is within its bound, its own checks
# succeed, and no sanitizer wrote a report.  A case that needs a missing
# tool is skipped and counted as such.
#
# BATTERY_ONLY=REGEX runs only the cases whose id matches.  The last line
# is "battery (LABEL): N passed, N failed"; LABEL defaults to the name of
# BUILD_DIR.

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
	echo "usage: $0 EXTRACT BUILD_DIR [LABEL]" >&2
	exit 2
fi

here=$(cd "$(dirname "$0")" && pwd)
case $1 in
/*) EXTRACT=$1 ;;
*) EXTRACT=$(pwd)/$1 ;;
esac
BUILD=$(cd "$2" 2>/dev/null && pwd)
LABEL=${3:-$(basename "$2")}
SERVER=$BUILD/fixture_server
CHECK=$BUILD/jsonl_check
PEAK=$BUILD/peak_rss
LIB=$here/lib.sh
. "$LIB"
. "$here/gen.sh"

unset CDPATH
# Every request goes straight to the loopback servers, never via a proxy.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY \
	no_proxy NO_PROXY

finish () {
	echo "battery ($LABEL): $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
passed=0
failed=0
skipped=0

for tool in "$EXTRACT" "$SERVER" "$CHECK" "$PEAK"; do
	if [ ! -x "$tool" ]; then
		echo "battery: missing $tool; build it first" >&2
		failed=1
		finish
		exit 1
	fi
done

SANITIZED=0
if grep -q __asan_init "$EXTRACT" 2>/dev/null; then
	SANITIZED=1
fi

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/extract-battery.XXXXXX") || exit 1
SAN=$TEST_TMP/sanitizer
mkdir -p "$SAN"
pids=
cleanup () {
	for p in $pids; do
		kill -KILL "$p" 2>/dev/null
		wait "$p" 2>/dev/null
	done
	rm -rf "$TEST_TMP"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Reports go to files, where the checks below look: a worker's stderr is
# /dev/null, so a report printed there would be lost.
export ASAN_OPTIONS="log_path=$SAN/asan:detect_leaks=1"
export UBSAN_OPTIONS="log_path=$SAN/ubsan:print_stacktrace=1:halt_on_error=1"

LIFETIME=900

# wait_port FILE PID: the first line of FILE once it is a port number.
wait_port () {
	wait_for '^[0-9][0-9]*$' "$1" 50
	head -n 1 "$1"
}

# start_server ARGS: a fixture server with its lifetime; sets $spid, $sport.
start_server () {
	portfile=$TEST_TMP/port.$$.$#.$(now_ms)
	"$SERVER" --lifetime "$LIFETIME" "$@" >"$portfile" \
		2>>"$TEST_TMP/server.err" &
	spid=$!
	pids="$pids $spid"
	sport=$(wait_port "$portfile")
	if [ -z "$sport" ]; then
		echo "battery: the fixture server did not start" >&2
		cat "$TEST_TMP/server.err" >&2
		failed=1
		finish
		exit 1
	fi
}

echo "battery: making inputs in $TEST_TMP"
G=$TEST_TMP/gen
FX=$TEST_TMP/raw
mkdir -p "$G" "$FX"
gen_pages "$G"

start_server --docroot "$G" --dir "$FX"
BASE=http://127.0.0.1:$sport
PORT=$sport
(cd "$TEST_TMP" && gen_raw "$FX" "$BASE")

start_server
kill -KILL "$spid"
wait "$spid" 2>/dev/null
REFUSED=http://127.0.0.1:$sport/

# The mute server is stopped for good: its own lifetime alarm cannot
# fire, so `timeout` kills it (SIGKILL works on a stopped process) even
# if this script is killed before its cleanup.
portfile=$TEST_TMP/port.mute
timeout -s KILL "$LIFETIME" "$SERVER" >"$portfile" 2>>"$TEST_TMP/server.err" &
pids="$pids $!"
MUTE=127.0.0.1:$(wait_port "$portfile")
mute_pid=$(children $!)
if [ -z "$mute_pid" ] || ! kill -STOP "$mute_pid"; then
	echo "battery: the mute server did not start" >&2
	failed=1
	finish
	exit 1
fi
pids="$pids $mute_pid"

# start_tls CERT KEY: openssl s_server on the files of $FX/tls, with
# CERT and KEY; sets $tls_url to its https:// base, or to "" when it did
# not start.
start_tls () {
	out=$TEST_TMP/tls.$(basename "$1" .pem).out
	(cd "$FX/tls" && exec timeout "$LIFETIME" openssl s_server \
		-accept 127.0.0.1:0 -cert "$1" -key "$2" -HTTP -naccept 1000 \
		>"$out" 2>&1 </dev/null) &
	tls_timeout=$!
	pids="$pids $tls_timeout"
	wait_for '^ACCEPT' "$out" 50
	# Killing timeout would leave openssl behind: kill both.
	pids="$pids $(children $tls_timeout)"
	tls_port=$(sed -n 's/^ACCEPT .*:\([0-9][0-9]*\)$/\1/p' "$out")
	tls_url=
	[ -n "$tls_port" ] && tls_url=https://127.0.0.1:$tls_port
}

# make_ca DIR: a test CA (DIR/ca.pem) and three certificates it signs,
# DIR/NAME.pem with DIR/NAME.key: good (127.0.0.1 and localhost, valid
# for two days from now), wrong-host (wrong.invalid only) and expired
# (127.0.0.1, valid for one day in 2020).  `openssl ca` is used because
# the x509 command of OpenSSL 3.0 cannot set a start date.
make_ca () {
	mkdir -p "$1" && cd "$1" || return 1
	cat >ca.cnf <<-'EOF'
	[ca]
	default_ca = battery
	[battery]
	database = index.txt
	new_certs_dir = .
	serial = serial
	default_md = sha256
	policy = anything
	unique_subject = no
	[anything]
	commonName = supplied
	[good]
	subjectAltName = IP:127.0.0.1, DNS:localhost
	[wrong_host]
	subjectAltName = DNS:wrong.invalid
	EOF
	: >index.txt
	echo 01 >serial
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
		-nodes -keyout ca.key -out ca.pem -days 2 \
		-subj "/CN=extract battery CA" \
		-addext basicConstraints=critical,CA:TRUE \
		-addext keyUsage=critical,keyCertSign,cRLSign || return 1
	for spec in good:127.0.0.1:good wrong-host:wrong.invalid:wrong_host \
	    expired:127.0.0.1:good; do
		name=${spec%%:*}
		rest=${spec#*:}
		dates="-days 2"
		[ "$name" = expired ] &&
			dates="-startdate 20200101000000Z -enddate 20200102000000Z"
		openssl req -new -newkey ec \
			-pkeyopt ec_paramgen_curve:prime256v1 -nodes \
			-keyout "$name.key" -out "$name.csr" \
			-subj "/CN=${rest%%:*}" || return 1
		# shellcheck disable=SC2086
		openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key \
			-in "$name.csr" -out "$name.pem" -notext \
			-extfile ca.cnf -extensions "${rest#*:}" $dates ||
			return 1
	done
}

TLS=
TLS_CA=
TLS_DIR=
TLS_GOOD=
TLS_WRONG_HOST=
TLS_EXPIRED=
if command -v openssl >/dev/null 2>&1; then
	(cd "$TEST_TMP" &&
	 openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
		-nodes -keyout key.pem -out cert.pem -days 2 \
		-subj /CN=battery.invalid >/dev/null 2>&1)
	start_tls "$TEST_TMP/cert.pem" "$TEST_TMP/key.pem"
	TLS=$tls_url
	TLS_DIR=$TEST_TMP/ca
	if (make_ca "$TLS_DIR") >"$TEST_TMP/ca.log" 2>&1; then
		TLS_CA=$TLS_DIR/ca.pem
		start_tls "$TLS_DIR/good.pem" "$TLS_DIR/good.key"
		TLS_GOOD=$tls_url
		start_tls "$TLS_DIR/wrong-host.pem" "$TLS_DIR/wrong-host.key"
		TLS_WRONG_HOST=$tls_url
		start_tls "$TLS_DIR/expired.pem" "$TLS_DIR/expired.key"
		TLS_EXPIRED=$tls_url
	else
		# The cases that need them fail, and say why.
		echo "battery: the test CA could not be made:" >&2
		tail -n 5 "$TEST_TMP/ca.log" >&2
	fi
fi

export EXTRACT CHECK PEAK LIB SANITIZED BASE PORT REFUSED MUTE TLS G FX \
	TLS_CA TLS_DIR TLS_GOOD TLS_WRONG_HOST TLS_EXPIRED

# ---- the cases ----

# kinds_ok WANT: the records' error.kind list is one of WANT's
# "|"-separated alternatives ("-" takes any).
kinds_ok () {
	[ "$1" = - ] && return 0
	got=$(tr '\n' ',' <kinds | sed 's/,$//')
	[ -n "$got" ] || got=none
	for alt in $(echo "$1" | tr '|' ' '); do
		[ "$alt" = "$got" ] && return 0
	done
	echo "error.kind: $got, expected $1"
	return 1
}

exit_ok () {
	[ "$1" = - ] && return 0
	if [ ! -s rc ]; then
		echo "extract did not run"
		return 1
	fi
	for alt in $(echo "$1" | tr '|' ' '); do
		[ "$alt" = "$(cat rc)" ] && return 0
	done
	echo "exit status $(cat rc), expected $1"
	return 1
}

# The output is JSON Lines in strict UTF-8, or valid UTF-8 text.
output_ok () {
	: >kinds
	[ -s out ] || return 0
	if [ "$(head -c 1 out)" = "{" ]; then
		"$CHECK" kinds out >kinds 2>kinds.err && return 0
		echo "stdout is not JSON Lines in UTF-8:"
		head -n 3 kinds.err
		return 1
	fi
	if ! iconv -f UTF-8 -t UTF-8 out >/dev/null 2>&1; then
		echo "stdout is not valid UTF-8"
		return 1
	fi
	no_nul out 2>&1
}

sanitizer_ok () {
	# UBSan beside ASan writes to stderr whatever log_path says.
	if grep -q -e 'runtime error:' -e 'Sanitizer' err; then
		echo "sanitizer report on stderr:"
		grep -A 20 -e 'runtime error:' -e 'Sanitizer' err | head -n 40
		return 1
	fi
	for f in "$SAN"/*; do
		[ -e "$f" ] || return 0
		echo "sanitizer report:"
		head -n 40 "$f"
		rm -f "$SAN"/*
		return 1
	done
	return 0
}

n=0
# run_case ID BOUND EXIT KINDS COMMAND
run_case () {
	n=$((n + 1))
	dir=$TEST_TMP/cases/$1
	mkdir -p "$dir"
	start=$(now_ms)
	(cd "$dir" && BOUND=$2 timeout -k 2 $(($2 + 10)) sh -c \
		'. "$LIB"; eval "$1"' case "$5" >out 2>err </dev/null)
	status=$?
	elapsed=$(( $(now_ms) - start ))
	if [ $status -eq 77 ]; then
		skipped=$((skipped + 1))
		echo "skip $n - $1 ($(tail -n 1 "$dir/err"))"
		return
	fi
	why=$(
		cd "$dir" || exit 1
		ok=0
		if [ $status -eq 124 ] || [ $status -eq 137 ]; then
			echo "the case was killed at its hard limit"
			ok=1
		elif [ $status -ne 0 ]; then
			echo "the case's own checks failed (status $status)"
			ok=1
		fi
		exit_ok "$3" || ok=1
		output_ok || ok=1
		kinds_ok "$4" || ok=1
		if [ "$elapsed" -gt $(($2 * 1000)) ]; then
			echo "took $elapsed ms, bound $2 s"
			ok=1
		fi
		sanitizer_ok || ok=1
		exit $ok
	)
	if [ $? -eq 0 ]; then
		passed=$((passed + 1))
		echo "ok $n - $1 ($elapsed ms)"
		[ -s "$dir/note" ] && sed 's/^/#	/' "$dir/note"
		rm -rf "$dir"
		return
	fi
	failed=$((failed + 1))
	echo "not ok $n - $1 ($elapsed ms)"
	{
		printf '%s\n' "$why"
		echo "command: $5"
		echo "--- stderr:"
		head -c 1500 "$dir/err"
		echo "--- stdout (start):"
		head -c 600 "$dir/out"
		echo
	} | sed 's/^/#	/'
}

while IFS= read -r line; do
	case $line in
	'#'* | '') continue ;;
	esac
	set -f
	# shellcheck disable=SC2086
	set -- $line
	set +f
	id=$1 bound=$2 want=$3 kinds=$4
	cmd=$(printf '%s\n' "$line" |
		sed 's/^[^ 	]*[ 	]*[^ 	]*[ 	]*[^ 	]*[ 	]*[^ 	]*[ 	]*//')
	if [ -n "${BATTERY_ONLY-}" ] &&
	   ! printf '%s\n' "$id" | grep -Eq -- "$BATTERY_ONLY"; then
		continue
	fi
	run_case "$id" "$bound" "$want" "$kinds" "$cmd"
done <"$here/cases"

if [ "$skipped" -gt 0 ]; then
	echo "battery ($LABEL): $skipped skipped"
fi
finish
