# test-lib.sh - helpers for the end-to-end tests, sourced by run.sh.
#
# In the manner of git's t/test-lib.sh: each case is
#
#	test_expect_success 'what it shows' '
#		commands joined with &&
#	'
#
# The commands run in a subshell inside a fresh directory of their own,
# so a case cannot disturb the next one; their output is kept and shown
# only when the case fails.  test_done prints the summary as the last
# line, "N passed, N failed", and returns non-zero if anything failed.
#
# Helpers for the commands:
#	run_extract RC ARGS...	run extract (under timeout) with stdout in
#				./out and stderr in ./err; fail unless the
#				exit status is RC.  Sets $elapsed_ms.
#	json_has KEY VALUE	./out has "KEY":VALUE (VALUE as JSON text)
#	out_has TEXT, err_has TEXT	fixed-string search in ./out, ./err
#	faster_than MS		the last run_extract took under MS ms
#
# Output is grepped, not parsed: jq may not be installed.

LC_ALL=C
export LC_ALL
unset CDPATH
# Every request goes straight to the loopback server, never via a proxy.
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY

test_count=0
test_passed=0
test_failed=0
: "${EXTRACT_TIMEOUT:=20}"

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

json_has () {
	if grep -Eq "\"$1\": ?$2( ?[,}])" out; then
		return 0
	fi
	echo "output lacks \"$1\": $2"
	head -c 2000 out
	echo
	return 1
}

out_has () {
	if grep -Fq -- "$1" out; then
		return 0
	fi
	echo "output lacks: $1"
	head -c 2000 out
	echo
	return 1
}

err_has () {
	if grep -Fq -- "$1" err; then
		return 0
	fi
	echo "stderr lacks: $1"
	cat err
	return 1
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

test_done () {
	echo "$test_passed passed, $test_failed failed"
	[ "$test_failed" -eq 0 ]
}
