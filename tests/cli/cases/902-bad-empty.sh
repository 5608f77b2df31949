# Empty and whitespace-only files have no text to index: warning, exit 1.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad/empty.txt" "$FX/bad/whitespace-only.txt"
assert_rc 1
assert_err_has "'$FX/bad/empty.txt': skipping: no text"
assert_err_has "'$FX/bad/whitespace-only.txt': skipping: no text"
assert_err_has "indexed 0, unchanged 0, removed 0, skipped 0, failed 2"
