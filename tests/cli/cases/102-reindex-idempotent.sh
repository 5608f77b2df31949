# Indexing the same tree again, even by another spelling of its path,
# replaces documents instead of adding copies.
. "$GV_LIB"
run "$IDX" --db idx "$FX/articles/uk"
assert_rc 0
assert_err_has "holds 5 documents"
run "$IDX" --db idx "$FX/articles/uk/" "$FX/articles/uk/../uk"
assert_rc 0
assert_err_has "holds 5 documents"
run "$IDX" -q --db idx "$FX/articles/uk/uk-magistrates-backlog.txt"
assert_rc 0
assert_err_empty
