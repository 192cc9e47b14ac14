#!/bin/sh
# run.sh - end-to-end tests: extract against the loopback fixture server.
#
#	tests/e2e/run.sh EXTRACT BUILD_DIR
#
# Starts BUILD_DIR/fixture_server on 127.0.0.1 (never any other address),
# runs every case with a time limit, stops the server on exit, and ends
# with the line "e2e: N passed, N failed" (named, so that tests/run-all.sh
# counts it); the exit status is non-zero if any case failed.  Each case
# names the exit status and the JSON it expects under the CLI contract
# (exit codes in src/exitcode.h).  The harness is tests/lib.sh.

TEST_NAME="e2e"
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../lib.sh"
test_setup "$@"
FIXTURES=$here/fixtures
test_start

refused_port
REFUSED="http://127.0.0.1:$last_port/"
start_server 300 --dir "$FIXTURES"
port=$last_port
BASE="http://127.0.0.1:$port"

# A small article for the local-input cases.
PAGE=$TEST_TMP/page.html
cat >"$PAGE" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Tides of the northern harbour</title></head>
<body><article><h1>Tides of the northern harbour</h1>
<p>Twice a day the harbour empties until the fishing boats rest on the mud,
and twice a day the sea returns to lift them, a rhythm the town has
organised its markets around for centuries.</p>
<p>Spring tides, near the full and new moon, bring the highest water, and
the harbour master posts their times on the door of the customs house.</p>
</article></body></html>
EOF
gzip -c "$PAGE" >"$PAGE.gz"

# ---- HTTP statuses and redirects ----

test_expect_success '200 is a page (exit 0)' '
	run_extract 0 --json "$BASE/status/200" &&
	json_has status 200 &&
	json_has error null
'

test_expect_success '301 then 200 is the final page (exit 0)' '
	run_extract 0 --json "$BASE/status/301" &&
	json_has status 200 &&
	json_has final_url "\"$BASE/status/200\""
'

test_expect_success '302 then 200 is the final page (exit 0)' '
	run_extract 0 --json "$BASE/status/302" &&
	json_has status 200 &&
	json_has final_url "\"$BASE/status/200\""
'

test_expect_success 'a chain of 3 redirects is followed (exit 0)' '
	run_extract 0 --json "$BASE/redirect/3" &&
	json_has final_url "\"$BASE/redirect/0\""
'

for case in 403:forbidden 404:not_found 410:gone 500:server_error; do
	code=${case%%:*}
	kind=${case#*:}
	test_expect_success "$code is an error page (exit 1, $kind)" '
		run_extract 1 --json "$BASE/status/'"$code"'" &&
		json_has status '"$code"' &&
		json_has kind "\"'"$kind"'\""
	'
done

test_expect_success 'a raw 404 fixture is an error page (exit 1)' '
	run_extract 1 --json "$BASE/page?file=error-404" &&
	json_has status 404
'

test_expect_success 'a raw fixture article is extracted (exit 0)' '
	run_extract 0 --json "$BASE/page?file=article" &&
	json_has status 200 &&
	out_has "Keeping a lighthouse lit" &&
	out_has "clockwork that turned the lens"
'

test_expect_success 'a redirect loop fails quickly (exit 3)' '
	run_extract 3 --json "$BASE/loop" &&
	json_has kind "\"fetch_failed\"" &&
	faster_than 5000
'

test_expect_success '--max-redirs 2 stops a chain of 3 (exit 3)' '
	run_extract 3 --json --max-redirs 2 "$BASE/redirect/3"
'

test_expect_success 'a redirect to file:// is refused (exit 3)' '
	run_extract 3 --json "$BASE/redirect-to?url=file:///etc/hostname" &&
	json_has kind "\"fetch_failed\"" &&
	err_has "extract: "
'

test_expect_success 'a redirect to ftp:// is refused (exit 3)' '
	run_extract 3 --json "$BASE/redirect-to?url=ftp://127.0.0.1:$port/x" &&
	json_has kind "\"fetch_failed\""
'

# ---- content encodings and charsets ----

test_expect_success 'a gzip-encoded page is inflated (exit 0)' '
	run_extract 0 --json "$BASE/gzip" &&
	out_has "travelled gzip-compressed"
'

test_expect_success 'a gzip bomb stops at the byte cap (exit 3)' '
	run_extract 3 --json --max-filesize 1000000 "$BASE/gzip-bomb" &&
	json_has kind "\"too_large\""
'

test_expect_success 'Content-Encoding gzip on a plain body fails (exit 3)' '
	run_extract 3 --json "$BASE/bad-gzip"
'

# "café" as UTF-8 in the output, or as a JSON escape.
has_cafe () {
	grep -q -e "caf$(printf "\303\251")" -e "caf\\\\u00e9" -e "caf\\\\u00E9" out ||
	{ echo "no decoded \"café\" in the output"; head -c 2000 out; return 1; }
}

test_expect_success 'the header charset beats <meta> (windows-1252 bytes)' '
	run_extract 0 --json "$BASE/charset/header-wins" &&
	has_cafe
'

test_expect_success 'the header charset beats <meta> (UTF-8 bytes)' '
	run_extract 0 --json "$BASE/charset/header-utf8" &&
	has_cafe &&
	! grep -q "caf$(printf "\303\203")" out
'

test_expect_success '<meta> charset applies when the header has none' '
	run_extract 0 --json "$BASE/charset/meta" &&
	has_cafe
'

# ---- limits and hostile servers ----

test_expect_success 'a body over --max-filesize is too large (exit 3)' '
	run_extract 3 --json --max-filesize 100000 "$BASE/big?bytes=1000000" &&
	json_has kind "\"too_large\""
'

test_expect_success 'an unannounced body over the cap is too large (exit 3)' '
	run_extract 3 --json --max-filesize 100000 \
		"$BASE/big?bytes=1000000&nolength=1" &&
	json_has kind "\"too_large\""
'

test_expect_success 'a body just under the cap is a page (exit 0)' '
	run_extract 0 --json --max-filesize 100000 "$BASE/big?bytes=99000"
'

test_expect_success 'an endless body stops at the cap (exit 3)' '
	run_extract 3 --json --max-filesize 100000 "$BASE/endless" &&
	json_has kind "\"too_large\"" &&
	faster_than 5000
'

test_expect_success 'a stalled server times out with -m 2 (exit 3)' '
	run_extract 3 --json -m 2 "$BASE/stall" &&
	json_has kind "\"timeout\"" &&
	faster_than 4000
'

test_expect_success 'a body cut short is not a page (exit 3)' '
	run_extract 3 --json "$BASE/length-lie" &&
	json_has kind "\"fetch_failed\""
'

test_expect_success 'a connection reset mid-body is not a page (exit 3)' '
	run_extract 3 --json "$BASE/reset"
'

test_expect_success 'a reply without a status line is refused (exit 3)' '
	run_extract 3 --json "$BASE/page?file=http09"
'

test_expect_success 'a refused connection fails quickly (exit 3)' '
	run_extract 3 --json "$REFUSED" &&
	json_has kind "\"fetch_failed\"" &&
	err_has "extract: " &&
	faster_than 5000
'

# ---- content types ----

test_expect_success 'a PDF is refused without downloading it (exit 4)' '
	run_extract 4 --json "$BASE/pdf" &&
	json_has kind "\"not_html\"" &&
	faster_than 5000
'

test_expect_success 'application/json is not HTML (exit 4)' '
	run_extract 4 --json "$BASE/type?ct=application/json" &&
	json_has kind "\"not_html\""
'

test_expect_success 'text/plain is accepted (exit 0)' '
	run_extract 0 --json "$BASE/type?ct=text/plain"
'

test_expect_success 'a page without Content-Type is accepted (exit 0)' '
	run_extract 0 --json "$BASE/no-type" &&
	out_has "came without any Content-Type"
'

# ---- request options ----

test_expect_success '-A and -H reach the server' '
	run_extract 0 --json -A "probe-agent/9" -H "X-Probe: 42" \
		"$BASE/echo" &&
	out_has "probe-agent/9" &&
	out_has "X-Probe: 42"
'

test_expect_success '-b sends a cookie string' '
	run_extract 0 --json -b "flavour=oat" "$BASE/echo" &&
	out_has "flavour=oat"
'

# ---- local input ----

test_expect_success 'a local file is extracted (exit 0)' '
	run_extract 0 --json "$PAGE" &&
	out_has "Tides of the northern harbour" &&
	out_has "fishing boats"
'

test_expect_success 'stdin is extracted (exit 0)' '
	run_extract 0 --json - <"$PAGE" &&
	out_has "fishing boats"
'

test_expect_success 'a gzipped local file is inflated (exit 0)' '
	run_extract 0 --json "$PAGE.gz" &&
	out_has "fishing boats"
'

test_expect_success 'a missing local file is unreadable (exit 4)' '
	run_extract 4 --json "$TEST_TMP/no-such-file.html" &&
	err_has "no-such-file.html"
'

test_expect_success 'a directory is unreadable (exit 4)' '
	run_extract 4 --json "$TEST_TMP"
'

# ---- command line and output ----

test_expect_success 'an unknown option is a usage error (exit 2)' '
	run_extract 2 --no-such-option "$PAGE" &&
	err_has "extract: "
'

test_expect_success '-o FILE takes the record instead of stdout' '
	run_extract 0 --json -o record.json "$PAGE" &&
	test ! -s out &&
	grep -q "fishing boats" record.json
'

test_expect_success '-o into a missing directory is exit 5' '
	run_extract 5 --json -o "$TEST_TMP/no/such/dir/x.json" "$PAGE"
'

test_expect_success 'an unwritable stdout is exit 5' '
	timeout "$EXTRACT_TIMEOUT" "$EXTRACT" --json "$PAGE" >/dev/full 2>err
	rc=$?
	test "$rc" -eq 5 || { echo "exit status $rc, expected 5"; cat err; false; }
'

test_done
