#!/bin/sh
# Installs the Debian packages extract needs to build and test, if any is
# missing.  Does nothing when everything is present; needs root otherwise.
set -eu

PKGS="build-essential pkg-config libcurl4-openssl-dev libgumbo-dev \
libjansson-dev libuchardet-dev zlib1g-dev libcmocka-dev"
if [ "${1-}" = "--test" ]; then
	# curl and gzip drive the end-to-end tests; mandoc lints the man page;
	# parallel runs the scale-out recipes (tests/scale).
	PKGS="$PKGS curl gzip mandoc parallel"
fi

missing=""
for p in $PKGS; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
		grep -q "install ok installed"; then
		missing="$missing $p"
	fi
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "extract: missing build dependencies:$missing" >&2
	echo "extract: run as root, or: sudo apt-get install$missing" >&2
	exit 1
fi
echo "installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null
