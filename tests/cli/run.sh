#!/bin/sh
# Run one CLI case (tests/cli/cases/NNN-topic.sh) in a fresh folder with a
# fixed locale and time zone. The case asserts with the helpers of lib.sh
# and exits non-zero on the first failure. If NNN-topic.exit exists, the
# case's exit code must equal it; if NNN-topic.stdout exists, the case's
# stdout, with the fixtures path and scores masked, must equal it.
set -u
case_file=${1:?case script}
name=$(basename "$case_file" .sh)
dir=$(dirname "$case_file")
work="$GV_TMP/$name"
rm -rf "$work"
mkdir -p "$work"
cd "$work" || exit 2
LC_ALL=C TZ=UTC
export LC_ALL TZ
unset GAVEL_DB
GV_LIB="$(cd "$(dirname "$0")" && pwd)/lib.sh"
export GV_LIB
sh "$case_file" >"$work/.case-stdout"
rc=$?
[ "$rc" = 77 ] && exit 77 # the case's input is missing here: skipped
want_rc=0
[ -f "$dir/$name.exit" ] && want_rc=$(cat "$dir/$name.exit")
if [ "$rc" != "$want_rc" ]; then
    echo "$name: exit $rc, expected $want_rc" >&2
    exit 1
fi
if [ -f "$dir/$name.stdout" ]; then
    sed -e "s|$GV_FIXTURES|FIXTURES|g" -e 's/score [0-9.]*/score N/' \
        "$work/.case-stdout" >"$work/.masked"
    if ! diff -u "$dir/$name.stdout" "$work/.masked" >&2; then
        echo "$name: stdout differs from $name.stdout" >&2
        exit 1
    fi
fi
echo "1 passed, 0 failed"
