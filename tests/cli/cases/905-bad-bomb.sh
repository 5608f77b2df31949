# A gzip bomb stops at the decompressed-size cap with a warning.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad/bomb.txt.gz"
assert_rc 1
assert_err_has "'$FX/bad/bomb.txt.gz': indexed only the first 33554432 bytes (size cap reached)"
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 0, warnings 1"
