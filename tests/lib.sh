# lib.sh - what the end-to-end runners share (tests/e2e/run.sh,
# tests/batch/run.sh, tests/scale/run.sh): their command line, the case
# harness, a temporary directory, fixture servers on 127.0.0.1, and the
# cleanup of both on exit, SIGINT and SIGTERM.
#
# A runner sets TEST_NAME (the name that starts its summary line,
# "TEST_NAME: N passed, N failed", which tests/run-all.sh adds up, and
# that names its temporary directory), sources this file and calls:
#
#	test_setup "$@"		checks the arguments "EXTRACT BUILD_DIR"
#				(usage error, exit 2); sets EXTRACT (exported),
#				BUILD and SERVER (BUILD/fixture_server), all
#				absolute
#	test_start [TOOL...]	exit 1, as one failure, unless EXTRACT, SERVER
#				and each TOOL are executable; makes $TEST_TMP
#				and the traps that stop the servers and remove
#				it (KEEP_TMP=1 keeps it)
#	test_expect_success ...	each case (below)
#	test_done		last: the summary line; non-zero if a case failed
#
# Cases, in the manner of git's t/test-lib.sh:
#
#	test_expect_success 'what it shows' '
#		commands joined with &&
#	'
#
# The commands run in a subshell inside a fresh directory of their own
# under $TEST_TMP, so a case cannot disturb the next one; their output is
# kept and shown only when the case fails ("ok N - ..." or "not ok N -
# ..." and the output as "#" lines).  Helpers for the commands:
#	run_extract RC ARGS...	run extract (under timeout, EXTRACT_TIMEOUT
#				seconds) with stdout in ./out and stderr in
#				./err; fail unless the exit status is RC.
#				Sets $elapsed_ms.
#	json_has KEY VALUE	./out has "KEY":VALUE (VALUE as JSON text)
#	out_has TEXT, err_has TEXT	fixed-string search in ./out, ./err
#	faster_than MS		the last run_extract took under MS ms
#	now_ms			the time in milliseconds
# Output is grepped, not parsed: jq may not be installed.
#
# Servers, in the runner or in a case:
#	start_server LIFETIME [ARG...]	a fixture server living at most
#				LIFETIME seconds, with fixture_server's ARGs
#				(--dir, --docroot, --port); sets $last_pid and
#				$last_port.  It is stopped at exit, even when
#				started in a case's subshell.  If it does not
#				start, the run ends as one failure.
#	stop_server PID		stop it now
#	refused_port		sets $last_port to a port that refuses
#				connections: one a server has just left
#	test_abort MESSAGE [FILE...]	MESSAGE (and the FILEs) on stderr,
#				then the run ends as one failure (exit 1)

LC_ALL=C
export LC_ALL
unset CDPATH
# Every request goes straight to the loopback server, never via a proxy.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

test_count=0
test_passed=0
test_failed=0
: "${EXTRACT_TIMEOUT:=20}"

# ---- the runner ----

test_setup () {
	if [ $# -ne 2 ]; then
		echo "usage: $0 EXTRACT BUILD_DIR" >&2
		exit 2
	fi
	case $1 in
	/*) EXTRACT=$1 ;;
	*) EXTRACT=$(pwd)/$1 ;;
	esac
	BUILD=$(cd "$2" 2>/dev/null && pwd)
	SERVER=$BUILD/fixture_server
	export EXTRACT
}

test_abort () {
	echo "$0: $1" >&2
	shift
	[ $# -eq 0 ] || cat "$@" >&2
	echo "$TEST_NAME: 0 passed, 1 failed"
	exit 1
}

# shellcheck disable=SC2120 # the TOOLs are optional
test_start () {
	for tool in "$EXTRACT" "$SERVER" "$@"; do
		[ -x "$tool" ] || test_abort "missing $tool; build it first"
	done
	TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/extract-$TEST_NAME.XXXXXX") ||
		exit 1
	trap test_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

# The servers are listed in a file, so that those a case's subshell
# started are stopped too.
test_cleanup () {
	for pid in $(cat "$TEST_TMP/server.pids" 2>/dev/null); do
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	done
	[ -n "${KEEP_TMP-}" ] || rm -rf "$TEST_TMP"
}

test_done () {
	echo "$TEST_NAME: $test_passed passed, $test_failed failed"
	[ "$test_failed" -eq 0 ]
}

# ---- fixture servers ----

start_server () {
	lifetime=$1
	shift
	portfile=$(mktemp "$TEST_TMP/port.XXXXXX") ||
		test_abort "cannot make a file in $TEST_TMP"
	"$SERVER" --lifetime "$lifetime" "$@" \
		>"$portfile" 2>>"$TEST_TMP/server.err" &
	last_pid=$!
	echo "$last_pid" >>"$TEST_TMP/server.pids"
	tries=0
	while ! grep -q '^[0-9][0-9]*$' "$portfile" 2>/dev/null &&
	      [ $tries -lt 50 ]; do
		sleep 0.1
		tries=$((tries + 1))
	done
	last_port=$(head -n 1 "$portfile")
	if [ -z "$last_port" ]; then
		kill "$last_pid" 2>/dev/null
		test_abort "the fixture server did not start" \
			"$TEST_TMP/server.err"
	fi
}

# Also forgets PID, so that the cleanup cannot hit a process that is
# given the number later.
stop_server () {
	kill "$1" 2>/dev/null
	wait "$1" 2>/dev/null
	grep -vx "$1" "$TEST_TMP/server.pids" >"$TEST_TMP/server.pids.new"
	mv "$TEST_TMP/server.pids.new" "$TEST_TMP/server.pids"
}

refused_port () {
	start_server 5
	stop_server "$last_pid"
}

# ---- cases ----

now_ms () {
	echo $(( $(date +%s%N) / 1000000 ))
}

run_extract () {
	want=$1
	shift
	start=$(now_ms)
	timeout "$EXTRACT_TIMEOUT" "$EXTRACT" "$@" >out 2>err
	rc=$?
	elapsed_ms=$(( $(now_ms) - start ))
	if [ "$rc" -ne "$want" ]; then
		echo "extract $*: exit status $rc, expected $want" \
			"(after $elapsed_ms ms)"
		echo "--- stderr:"
		cat err
		echo "--- stdout (start):"
		head -c 2000 out
		echo
		return 1
	fi
	return 0
}

# lacking MESSAGE FILE [BYTES]: a failed check says why and shows FILE
# (its first BYTES, or all of it); returns 1.
lacking () {
	echo "$1"
	if [ -n "${3-}" ]; then
		head -c "$3" "$2"
		echo
	else
		cat "$2"
	fi
	return 1
}

json_has () {
	grep -Eq "\"$1\": ?$2( ?[,}])" out ||
		lacking "output lacks \"$1\": $2" out 2000
}

out_has () {
	grep -Fq -- "$1" out || lacking "output lacks: $1" out 2000
}

err_has () {
	grep -Fq -- "$1" err || lacking "stderr lacks: $1" err
}

faster_than () {
	if [ "$elapsed_ms" -lt "$1" ]; then
		return 0
	fi
	echo "took $elapsed_ms ms, limit $1 ms"
	return 1
}

test_expect_success () {
	test_count=$((test_count + 1))
	dir="$TEST_TMP/case-$test_count"
	mkdir -p "$dir"
	if (cd "$dir" && eval "$2") >"$dir/log" 2>&1; then
		test_passed=$((test_passed + 1))
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed -e 's/^/#	/' "$dir/log"
	fi
}
