#!/bin/sh
# ctest FIXTURES_SETUP step: build the shared index of fixtures/articles
# with the real gavel-index, for the search cases to read.
set -u
rm -rf "$GV_SHARED_DB" "$GV_TMP"
mkdir -p "$GV_TMP"
"$GAVEL_INDEX" --db "$GV_SHARED_DB" "$GV_FIXTURES/articles"
rc=$?
if [ $rc -ne 0 ]; then
    echo "setup: gavel-index exited $rc on fixtures/articles" >&2
    exit 1
fi
echo "1 passed, 0 failed"
