#!/bin/sh
# Install what Gavel needs from Debian (only what is missing), then build it
# into build/ (or $GV_BUILD_DIR). Sourced by demo.sh and test.sh; safe to
# run again. GV_SANITIZE=1 builds with AddressSanitizer and UBSan into
# build-asan/; GV_WERROR=1 makes warnings errors.
set -eu

# Build: cmake, make, C and C++ compilers, pkg-config. Libraries: Xapian,
# zlib, jansson (JSON lines), libxml2 (HTML pages). Tests: jq (checks JSON
# output), xapian-tools (xapian-check), groff-base (renders the man pages;
# the man -l check runs only where man-db is installed).
GV_PACKAGES="cmake make gcc g++ pkg-config libxapian-dev zlib1g-dev
libjansson-dev libxml2-dev jq xapian-tools groff-base"

gv_missing_packages() {
    for pkg in $GV_PACKAGES; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        case "$status" in
        *" installed") ;;
        *) printf '%s ' "$pkg" ;;
        esac
    done
}

gv_install_packages() {
    missing=$(gv_missing_packages)
    [ -n "$missing" ] || return 0
    echo "setup: installing $missing" >&2
    if [ "$(id -u)" = 0 ]; then
        sudo=
    elif command -v sudo >/dev/null 2>&1; then
        sudo=sudo
    else
        echo "setup: need root or sudo to install: $missing" >&2
        exit 2
    fi
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

gv_build() {
    top=$(cd "$(dirname "$0")/.." && pwd)
    flags=
    if [ "${GV_SANITIZE:-0}" = 1 ]; then
        GV_BUILD_DIR=${GV_BUILD_DIR:-$top/build-asan}
        flags="$flags -DGV_SANITIZE=ON"
    fi
    GV_BUILD_DIR=${GV_BUILD_DIR:-$top/build}
    [ "${GV_WERROR:-0}" = 1 ] && flags="$flags -DGV_WERROR=ON"
    # shellcheck disable=SC2086 # flags are separate words
    cmake -S "$top" -B "$GV_BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        $flags >/dev/null
    cmake --build "$GV_BUILD_DIR" -j "$(nproc)" >/dev/null
    GV_TOP=$top
    export GV_BUILD_DIR GV_TOP
}

gv_install_packages
gv_build
