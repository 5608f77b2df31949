#!/bin/sh
# Set up and build, then run the whole test suite with ctest.
# GV_SANITIZE=1: the same under AddressSanitizer and UBSan (build-asan/).
set -eu
. "$(dirname "$0")/setup.sh"
cd "$GV_BUILD_DIR"
ctest --output-on-failure -j "$(nproc)"
