#!/bin/sh
# Ranking-quality harness: bench/quality/run.sh [COLLECTION...]
# (default: cranfield cisi cacm med npl lisa adi irled2017). Installs the
# peers (xapian-tools, xapian-omega, sqlite3) when missing, builds Gavel
# into $GV_BUILD_DIR (default build/), runs quality.py, which writes
# bench/quality.md and bench/quality.json. See bench/quality/README.md.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
build=${GV_BUILD_DIR:-$top/build}

missing=
command -v quest >/dev/null 2>&1 || missing="$missing xapian-tools"
command -v scriptindex >/dev/null 2>&1 || missing="$missing xapian-omega"
command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
command -v python3 >/dev/null 2>&1 || missing="$missing python3"
if [ -n "$missing" ]; then
    echo "quality: installing$missing" >&2
    sudo=
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    # shellcheck disable=SC2086 # one word per package
    $sudo env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

cmake -S "$top" -B "$build" >/dev/null
cmake --build "$build" -j "$(nproc)" >/dev/null

tree=$(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?')
if [ -n "$(git -C "$top" status --porcelain -- common indexer searcher 2>/dev/null)" ]; then
    tree="$tree (C sources modified)"
fi
cmd="bench/quality/run.sh${*:+ $*}"
for v in GV_SEARCH_ARGS GV_QUERY_CASE GV_LONG_QUERY GV_MAX_QUERIES GV_JOBS GV_FTS5_LONG; do
    eval "val=\${$v:-}"
    [ -z "$val" ] || cmd="$v='$val' $cmd"
done
exec python3 "$here/quality.py" --bin "$build" --command "$cmd" --tree "$tree" "$@"
