# Misuse: one line naming the problem, the --help hint, exit 2, no stdout.
. "$GV_LIB"
check_usage() {
    want=$1
    shift
    run "$@"
    assert_rc 2 "$*"
    assert_err_has "$want"
    assert_err_has "for more information"
    [ ! -s out ] || fail "stdout not empty for: $*"
}
check_usage "no PATH to index" "$IDX"
check_usage "invalid --batch 'x'" "$IDX" --batch x .
check_usage "invalid --batch '0'" "$IDX" --batch 0 .
check_usage "unknown option '--nope'" "$IDX" --nope .
check_usage "no QUERY given" "$SRCH" --db "$DB"
check_usage "invalid --limit '-3'" "$SRCH" --db "$DB" -n -3 court
check_usage "invalid --limit '100001'" "$SRCH" --db "$DB" -n 100001 court
check_usage "invalid --offset 'ten'" "$SRCH" --db "$DB" --offset ten court
check_usage "unknown --format 'xml'" "$SRCH" --db "$DB" -f xml court
check_usage "invalid --color 'sometimes'" "$SRCH" --db "$DB" --color=sometimes court
check_usage "unknown option '-x'" "$SRCH" -x court
check_usage "option '--limit' needs a value" "$SRCH" court --limit
