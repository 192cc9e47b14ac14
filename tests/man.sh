#!/bin/sh
# The manual page: mandoc finds no warning in it, and it documents every
# option that --help lists, and no option that --help does not.
export LC_ALL=C
EXTRACT=${1:-./extract}
MAN=man/extract.1
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; }

if command -v mandoc >/dev/null 2>&1; then
	if mandoc -T lint -W warning "$MAN" >/dev/null 2>&1; then
		ok "mandoc -T lint finds no warning"
	else
		mandoc -T lint -W warning "$MAN" >&2
		not_ok "mandoc -T lint finds no warning"
	fi
fi

help_opts=$("$EXTRACT" --help | grep -o -- '--[a-z][a-z-]*' | sort -u)
man_opts=$(sed -n 's/.*Fl -\([a-z][a-z-]*\).*/--\1/p' "$MAN" | sort -u)
missing=$(printf '%s\n' "$help_opts" | while read -r o; do
	printf '%s\n' "$man_opts" | grep -qx -- "$o" || printf '%s ' "$o"
done)
extra=$(printf '%s\n' "$man_opts" | while read -r o; do
	printf '%s\n' "$help_opts" | grep -qx -- "$o" || printf '%s ' "$o"
done)
if [ -z "$missing" ]; then
	ok "every --help option is in the manual"
else
	not_ok "options missing from the manual: $missing"
fi
if [ -z "$extra" ]; then
	ok "every option in the manual is in --help"
else
	not_ok "options only in the manual: $extra"
fi

help_short=$("$EXTRACT" --help | grep -o -- '^ *-[A-Za-z],' | tr -d ' ,' | sort -u)
for s in $help_short; do
	if grep -q "Fl ${s#-} ," "$MAN" || grep -q "Fl ${s#-}\$" "$MAN"; then
		:
	else
		missing_short="$missing_short $s"
	fi
done
if [ -z "${missing_short-}" ]; then
	ok "every short option is in the manual"
else
	not_ok "short options missing from the manual:$missing_short"
fi
echo "man: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
