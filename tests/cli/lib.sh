# Helpers for CLI cases, sourced as `. "$GV_LIB"`. Each case runs in its
# own empty folder; $DB is the shared index of fixtures/articles.
# run CMD...: runs CMD, keeps stdout in $OUT (file out), stderr in err,
# and the exit code in $RC. The assert_* helpers exit 1 with a message.

DB=$GV_SHARED_DB
FX=$GV_FIXTURES
IDX=$GAVEL_INDEX
SRCH=$GAVEL_SEARCH

fail() {
    echo "FAIL: $*" >&2
    if [ -f out ]; then echo "--- stdout:" >&2; head -40 out >&2; fi
    if [ -f err ]; then echo "--- stderr:" >&2; head -40 err >&2; fi
    exit 1
}

run() {
    "$@" >out 2>err
    RC=$?
}

assert_rc() {
    [ "$RC" = "$1" ] || fail "exit $RC, expected $1: ${2:-}"
}

assert_out_has() {
    grep -qF -- "$1" out || fail "stdout lacks '$1'"
}

assert_out_lacks() {
    if grep -qF -- "$1" out; then fail "stdout has '$1'"; fi
}

assert_err_has() {
    grep -qF -- "$1" err || fail "stderr lacks '$1'"
}

assert_err_empty() {
    [ ! -s err ] || fail "stderr is not empty"
}

assert_eq() {
    [ "$1" = "$2" ] || fail "${3:-value}: got '$1', expected '$2'"
}

# hits QUERY...: number of hits (up to 1000) for a JSON search of $DB.
hits() {
    "$SRCH" --db "$DB" -n 1000 -f json -- "$@" | jq '.hits | length'
}

# hit_files QUERY...: the base names of the hits' files, in rank order.
hit_files() {
    "$SRCH" --db "$DB" -n 1000 -f json -- "$@" |
        jq -r '.hits[].path' | sed 's|.*/||'
}

# field DB QUERY JQ: the jq expression JQ over the first JSON hit of QUERY.
field() {
    "$SRCH" --db "$1" -f json -- "$2" | jq -r ".hits[0] | $3"
}

# hit_files_in DB QUERY: the base names of the hits' files in DB.
hit_files_in() {
    "$SRCH" --db "$1" -n 1000 -f json -- "$2" | jq -r '.hits[].path' | sed 's|.*/||'
}
