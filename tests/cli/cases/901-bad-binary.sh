# A binary file is skipped with a warning naming it; exit 1.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad/binary.txt" "$FX/articles/kenya"
assert_rc 1
assert_err_has "gavel-index: warning: '$FX/bad/binary.txt': skipping: binary file (NUL bytes)"
assert_err_has "indexed 2, unchanged 0, removed 0, skipped 0, failed 1"
