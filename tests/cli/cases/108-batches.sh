# Small commit batches give the same index as one big batch.
. "$GV_LIB"
run "$IDX" --db small.db --batch 1 -v "$FX/articles/uk"
assert_rc 0
assert_err_has "indexed 5, unchanged 0, removed 0, skipped 0, failed 0"
assert_err_has "indexed '$FX/articles/uk/uk-solicitor-bribery-trial.txt'"
run "$IDX" --db big.db "$FX/articles/uk"
assert_rc 0
a=$("$SRCH" --db small.db -f json -n 100 court | jq -c '[.hits[] | [.path, .score]]')
b=$("$SRCH" --db big.db -f json -n 100 court | jq -c '[.hits[] | [.path, .score]]')
[ "$(echo "$a" | jq length)" -ge 4 ] || fail "too few hits: $a"
assert_eq "$a" "$b" "ranking after --batch 1"
