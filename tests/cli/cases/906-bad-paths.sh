# A path that does not exist is a warning; the other paths are indexed.
. "$GV_LIB"
run "$IDX" --db idx no-such-dir "$FX/articles/kenya"
assert_rc 1
assert_err_has "gavel-index: warning: 'no-such-dir': skipping: No such file or directory"
assert_err_has "indexed 2, unchanged 0, removed 0, skipped 0, failed 1"
