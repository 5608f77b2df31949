# Indexing fixtures/articles: every article indexed, the .pdf skipped by
# name, the hidden file not even seen; one summary line; exit 0.
. "$GV_LIB"
run "$IDX" --db idx "$FX/articles"
assert_rc 0
assert_err_has "gavel-index: indexed 31, unchanged 0, removed 0, skipped 1, failed 0, warnings 0 in "
assert_err_has "(index 'idx' holds 31 documents)"
[ "$(wc -l <err)" -eq 1 ] || fail "more than the summary line on stderr"
[ ! -s out ] || fail "gavel-index wrote to stdout"
