#!/bin/sh
# Quick start: set up and build, index fixtures/articles into ./gavel.db,
# and run a sample ranked search.
set -eu
. "$(dirname "$0")/setup.sh"
echo "+ gavel-index --db gavel.db fixtures/articles" >&2
"$GV_BUILD_DIR/indexer/gavel-index" --db "$GV_TOP/gavel.db" \
    "$GV_TOP/fixtures/articles"
echo "+ gavel-search --db gavel.db -n 3 judicial corruption" >&2
"$GV_BUILD_DIR/searcher/gavel-search" --db "$GV_TOP/gavel.db" -n 3 \
    judicial corruption
echo >&2
echo "Programs: $GV_BUILD_DIR/indexer/gavel-index and" \
    "$GV_BUILD_DIR/searcher/gavel-search (--help for each)" >&2
