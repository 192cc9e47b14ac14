#!/bin/sh
# check-layering.sh - which stage may include which, and where each
# third-party library may be used.
#
#	scripts/check-layering.sh [SRC_DIR]
#
# src/ has one folder per stage.  A file may include headers of its own
# folder and of the folders listed for it below, nothing else of the
# project's; each library's header is allowed in one folder only.  Prints
# one line per breach ("src/extract/x.c: includes fetch/fetch.h") and
# exits 1 if there is any.  README.md "How it works" draws the same graph.
src=${1:-src}

# folder: the folders it may include (besides itself)
allowed () {
	case $1 in
	base) echo "" ;;
	fetch | decode | dom) echo "base" ;;
	extract) echo "base dom" ;;
	render) echo "base extract" ;;
	pipeline) echo "base decode dom extract render" ;;
	run) echo "base fetch pipeline render" ;;
	batch) echo "base fetch pipeline render run" ;;
	cli) echo "base fetch pipeline render run batch" ;;
	*) echo "?" ;;
	esac
}

# library header: the one folder that may include it
library_home () {
	case $1 in
	gumbo.h) echo dom ;;
	curl/*) echo fetch ;;
	iconv.h | uchardet.h | uchardet/*) echo decode ;;
	*) echo "" ;;
	esac
}

bad=0
for f in "$src"/*/*.c "$src"/*/*.h; do
	[ -e "$f" ] || continue
	folder=$(basename "$(dirname "$f")")
	ok=$(allowed "$folder")
	if [ "$ok" = "?" ]; then
		echo "$f: folder '$folder' is not a known stage"
		bad=1
		continue
	fi
	# project headers: #include "stage/name.h"
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f"); do
		case $inc in
		*/*) stage=${inc%%/*} ;;
		*)
			echo "$f: includes \"$inc\" without its folder"
			bad=1
			continue
			;;
		esac
		[ "$stage" = "$folder" ] && continue
		case " $ok " in
		*" $stage "*) ;;
		*)
			echo "$f: includes $inc ($folder may not include $stage)"
			bad=1
			;;
		esac
	done
	# library headers: #include <lib.h>
	for inc in $(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*<\([^>]*\)>.*/\1/p' "$f"); do
		home=$(library_home "$inc")
		if [ -n "$home" ] && [ "$home" != "$folder" ]; then
			echo "$f: includes <$inc> (only $home/ may)"
			bad=1
		fi
	done
done
exit $bad
