#!/bin/sh
# No-op re-index benchmark: how fast gavel-index and Xapian's omindex get
# through a tree in which nothing changed, as a nightly cron run mostly
# is. The tree is ../shared/corpora/guardian_crime exploded into one .txt
# file per article (made under $GV_BENCH_DIR, never in the repository).
# Runs alternate between the two tools so that machine noise hits both.
#
#   bench/noop.sh [RUNS]        RUNS no-op runs of each (default 5)
#
# Needs a build (scripts/setup.sh), python3 (to explode the corpus) and
# omindex (Debian xapian-omega; installed here when missing).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
corpus=$top/../shared/corpora/guardian_crime/docs.jsonl.gz
work=${GV_BENCH_DIR:-/tmp/gavel-bench}
index=${GV_BUILD_DIR:-$top/build}/indexer/gavel-index

[ -f "$corpus" ] || { echo "noop.sh: no corpus at $corpus" >&2; exit 2; }
[ -x "$index" ] || { echo "noop.sh: build first (scripts/setup.sh)" >&2; exit 2; }
if ! command -v omindex >/dev/null 2>&1; then
    sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xapian-omega >/dev/null
fi

mkdir -p "$work"
tree=$work/guardian
if [ ! -d "$tree" ]; then
    echo "noop.sh: exploding the corpus into $tree" >&2
    python3 - "$corpus" "$tree" <<'EOF'
import gzip, json, os, sys
corpus, tree = sys.argv[1], sys.argv[2]
with gzip.open(corpus, "rt", encoding="utf-8") as f:
    for n, line in enumerate(f):
        rec = json.loads(line)
        d = os.path.join(tree, "%03d" % (n // 1000))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "%s.txt" % rec["id"]), "w", encoding="utf-8") as out:
            out.write(rec["text"] or "")
EOF
fi
files=$(find "$tree" -type f | wc -l)

# seconds CMD...: wall-clock seconds of CMD, its output dropped.
seconds() {
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f\n", b - a }'
}
# calc EXPR: EXPR with awk's arithmetic, 2 decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rm -rf "$work/gavel.db" "$work/omega.db"
g_full=$(seconds "$index" -q --db "$work/gavel.db" "$tree")
o_full=$(seconds omindex --db "$work/omega.db" --url / "$tree")
: >"$work/g.times"
: >"$work/o.times"
: >"$work/f.times"
i=0
while [ $i -lt "$runs" ]; do
    seconds "$index" -q --db "$work/gavel.db" "$tree" >>"$work/g.times"
    seconds omindex --db "$work/omega.db" --url / "$tree" >>"$work/o.times"
    # The floor: only walking the tree and stat'ing every file.
    seconds find "$tree" -type f -newer "$work/g.times" >>"$work/f.times"
    i=$((i + 1))
done
g=$(median <"$work/g.times")
o=$(median <"$work/o.times")
f=$(median <"$work/f.times")

cat <<EOF
### No-op re-index ($(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m))

Tree: guardian_crime exploded into $files files. First run, then the median
of $runs no-op runs of each, alternating. Command: \`bench/noop.sh $runs\`.

| tool | first run (s) | no-op run (s) | no-op files/s | no-op time vs omindex |
| --- | ---: | ---: | ---: | ---: |
| $("$index" --version | head -n 1) | $g_full | $g | $(calc "$files / $g") | $(calc "$g / $o") |
| omindex $(omindex --version | awk '{ print $NF }') | $o_full | $o | $(calc "$files / $o") | 1.00 |
| \`find -newer\` (walk and stat only) | | $f | $(calc "$files / $f") | $(calc "$f / $o") |
EOF
