#!/bin/sh
# Golden tests: runs EXTRACT on every samples/<case>/input.html and
# compares with the expected text and JSON output.
#
#   tests/golden.sh [EXTRACT]           compare
#   tests/golden.sh --update [EXTRACT]  rewrite the expected files
#
# A case may have a "headers" file with "Status: N" and "Content-Type: V"
# lines: they are passed as --status and --content-type, as if the page
# had been served with them.  "expected.code" holds the exit status.
export LC_ALL=C
update=0
if [ "${1-}" = "--update" ]; then
	update=1
	shift
fi
EXTRACT=${1:-./extract}
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

for dir in samples/*/; do
	case_name=$(basename "$dir")
	input="$dir/input.html"
	[ -f "$input" ] || continue
	set --
	if [ -f "$dir/headers" ]; then
		status=$(sed -n 's/^Status: *//p' "$dir/headers" | tr -d '\r')
		ctype=$(sed -n 's/^Content-Type: *//p' "$dir/headers" | tr -d '\r')
		[ -n "$status" ] && set -- "$@" --status "$status"
		[ -n "$ctype" ] && set -- "$@" --content-type "$ctype"
	fi
	"$EXTRACT" "$@" "$input" > "$tmp/out.txt" 2>/dev/null
	code=$?
	"$EXTRACT" --json "$@" --base-url "https://samples.example/$case_name/" \
		"$input" > "$tmp/out.json" 2>/dev/null
	sed -i "s|\"input\":\"[^\"]*\"|\"input\":\"input.html\"|" "$tmp/out.json"
	if [ $update -eq 1 ]; then
		cp "$tmp/out.txt" "$dir/expected.txt"
		cp "$tmp/out.json" "$dir/expected.json"
		echo "$code" > "$dir/expected.code"
		echo "updated $case_name"
		continue
	fi
	ok=1
	cmp -s "$tmp/out.txt" "$dir/expected.txt" || ok=0
	cmp -s "$tmp/out.json" "$dir/expected.json" || ok=0
	[ "$code" = "$(cat "$dir/expected.code" 2>/dev/null)" ] || ok=0
	if [ $ok -eq 1 ]; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL golden $case_name (exit $code)" >&2
		diff "$dir/expected.txt" "$tmp/out.txt" | head -20 >&2
		diff "$dir/expected.json" "$tmp/out.json" | head -5 >&2
	fi
done
[ $update -eq 1 ] && exit 0
echo "golden ($EXTRACT): $passed passed, $failed failed"
[ "$failed" -eq 0 ]
