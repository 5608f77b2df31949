# Invalid UTF-8 is repaired, the article indexed whole (exit 0), and a
# warning says so.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad/invalid-utf8.txt"
assert_rc 0
assert_err_has "'$FX/bad/invalid-utf8.txt': replaced 3 invalid UTF-8 sequences with U+FFFD"
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 0, warnings 1"
run "$SRCH" --db idx -f json vexillology
assert_rc 0
jq -e . out >/dev/null || fail "JSON of a repaired file is not valid"
