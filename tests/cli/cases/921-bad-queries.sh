# Queries that cannot be run exit 2 with a message and print nothing;
# queries Xapian's parser accepts leniently (unbalanced quotes and
# brackets) and deep nesting within the size limit never crash.
. "$GV_LIB"
run "$SRCH" --db "$DB" ''
assert_rc 2
assert_err_has "gavel-search: empty query"
run "$SRCH" --db "$DB" -f json -- ' ' ' '
assert_rc 2
assert_err_has "gavel-search: empty query"
[ ! -s out ] || fail "stdout on error"
long=$(head -c 16385 /dev/zero | tr '\0' 'a')
run "$SRCH" --db "$DB" -f json "$long"
assert_rc 2
assert_err_has "query of 16385 bytes is longer than the 16384-byte limit"
[ ! -s out ] || fail "stdout on error"
open=$(head -c 10000 /dev/zero | tr '\0' '(')
close=$(head -c 10000 /dev/zero | tr '\0' ')')
run "$SRCH" --db "$DB" "${open}court${close}"
assert_rc 2
assert_err_has "query of 20005 bytes is longer than the 16384-byte limit"
# As deep as the limit allows: parsed and run.
open=$(head -c 8000 /dev/zero | tr '\0' '(')
close=$(head -c 8000 /dev/zero | tr '\0' ')')
run "$SRCH" --db "$DB" -f json "${open}court${close}"
assert_rc 0
jq -e . out >/dev/null || fail "JSON"
run "$SRCH" --db "$DB" -f json "$open"
assert_rc 1
for q in '"plea bargain' 'court)' '((court' '"a" "b' '(("' ')' '"'; do
    run "$SRCH" --db "$DB" -f json -- "$q"
    [ "$RC" = 0 ] || [ "$RC" = 1 ] || fail "exit $RC for query '$q'"
    jq -e . out >/dev/null || fail "JSON for query '$q'"
done
run "$SRCH" --db "$DB" "$(printf 'caf\351 court')"
assert_rc 2
assert_err_has "gavel-search: query is not valid UTF-8 (byte 4 is 0xe9)"
run "$SRCH" --db "$DB" -f json -- "$(printf 'court \377\376')"
assert_rc 2
assert_err_has "query is not valid UTF-8 (byte 7 is 0xff)"
[ ! -s out ] || fail "stdout on error"
# A bad field value where libxapian 1.4.22 once crashed (found by fuzzing).
run "$SRCH" --db "$DB" "$(printf 'J\n+(-date:2')"
assert_rc 2
assert_err_has "date:2: expected a date"
