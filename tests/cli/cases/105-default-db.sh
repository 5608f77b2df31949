# Without --db both programs use $GAVEL_DB, else ./gavel.db.
. "$GV_LIB"
run "$IDX" -q "$FX/articles/kenya"
assert_rc 0
[ -d gavel.db ] || fail "no ./gavel.db"
run "$SRCH" judge
assert_rc 0
GAVEL_DB=other.db "$IDX" -q "$FX/articles/uk" || fail "GAVEL_DB index"
[ -d other.db ] || fail "no other.db"
GAVEL_DB=other.db run "$SRCH" extradition
assert_rc 0
assert_out_has "uk-banker-extradition-ruling.txt"
run "$SRCH" extradition
assert_rc 1
