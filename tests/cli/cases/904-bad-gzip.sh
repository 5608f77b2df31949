# A truncated gzip and a .gz that is not gzip are skipped with warnings;
# the other files of the run are still indexed and committed.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad/truncated.txt.gz" "$FX/bad/not-gzip.txt.gz" "$FX/articles/kenya"
assert_rc 1
assert_err_has "'$FX/bad/truncated.txt.gz': skipping: truncated gzip stream"
assert_err_has "'$FX/bad/not-gzip.txt.gz': skipping: not in gzip format"
assert_err_has "indexed 2, unchanged 0, removed 0, skipped 0, failed 2"
run "$SRCH" --db idx judge
assert_rc 0
