# An index kept inside the folder being indexed is never indexed itself.
. "$GV_LIB"
mkdir tree
cp "$FX/articles/uk/uk-magistrates-backlog.txt" tree/
run "$IDX" --db tree/gavel.db tree
assert_rc 0
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 0"
run "$IDX" --db tree/gavel.db tree
assert_rc 0
assert_err_has "indexed 0, unchanged 1, removed 0, skipped 0, failed 0"
