# Nothing matched: exit 1, a count line, no error.
. "$GV_LIB"
run "$SRCH" --db "$DB" nosuchwordanywhere
assert_rc 1
assert_out_has "0 matches"
assert_err_empty
run "$SRCH" --db "$DB" -f json nosuchwordanywhere
assert_rc 1
jq -e '.hits == [] and .matches_estimated == 0' out >/dev/null || fail "json of no match"
