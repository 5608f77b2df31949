# A Gavel index is a plain Xapian database: xapian-check finds no errors,
# and Xapian's own quest searches it with the same prefixes.
. "$GV_LIB"
command -v xapian-check >/dev/null || exit 77
run xapian-check "$DB"
assert_rc 0
assert_out_has "No errors found"
run quest -d "$DB" extradition
assert_rc 0
assert_out_has "Exactly 3 matches"
run xapian-delve -t Y2021 "$DB"
assert_rc 0
assert_out_has "termfreq"
