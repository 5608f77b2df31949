#!/bin/sh
# omindex's index of a large tree, built on two cores: the tree's top
# folders are shared out between two omindex processes, each writing its
# own database (omindex -p, so that each folder's run keeps the others'),
# and xapian-compact merges the two. Each document gets the URL a single
# `omindex --url / TREE` gives it (/FOLDER/...), so a later no-op run of
# that command over the whole tree finds every file already indexed.
# This is for timing omindex's no-op re-run at a size where its one-core
# build takes hours (1,000,000 generated articles); its build time is
# not a measurement.
#
#   bench/omindex_split.sh TREE DB
#
# Afterwards DB holds the tree (DB.tree names it, as index_bench.py
# leaves it), and the no-op is timed with:
#   time omindex --db DB --url / TREE
set -eu
[ $# -eq 2 ] || { echo "usage: omindex_split.sh TREE DB" >&2; exit 2; }
tree=$(cd "$1" && pwd)
db=$2
command -v omindex >/dev/null 2>&1 ||
    { echo "omindex_split.sh: needs omindex (Debian xapian-omega)" >&2; exit 2; }
rm -rf "$db" "$db.half0" "$db.half1" "$db.tree"

# Half H (0 or 1) of the top folders, in name order, alternately.
half() {
    n=0
    for dir in "$tree"/*/; do
        name=$(basename "$dir")
        if [ $((n % 2)) -eq "$1" ]; then
            omindex -p --db "$db.half$1" --url "/$name/" "$dir" >/dev/null ||
                { echo "omindex_split.sh: omindex failed on $dir" >&2; return 1; }
        fi
        n=$((n + 1))
    done
}

half 0 & first=$!
half 1 & second=$!
status=0
wait "$first" || status=1
wait "$second" || status=1
[ "$status" -eq 0 ] || exit 1
xapian-compact "$db.half0" "$db.half1" "$db" >/dev/null
rm -rf "$db.half0" "$db.half1"
printf '%s' "$tree" >"$db.tree"
