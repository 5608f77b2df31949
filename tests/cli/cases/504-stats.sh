# --stats: documents, terms, dates, sources, size, last change, revision.
. "$GV_LIB"
run "$SRCH" --db "$DB" --stats
assert_rc 0
assert_out_has "documents:  31"
assert_out_has "dates:      2021-01-11 to "
assert_out_has "       4  Reuters"
"$SRCH" --db "$DB" -f json --stats >out || fail "json"
assert_eq "$(jq -c '[.format_version, .documents, .first_date, .sources[0]]' out)" \
    '[2,31,"2021-01-11",{"source":"Reuters","documents":4}]' "json stats"
jq -e '.terms > 1000 and .bytes > 0 and .revision >= 1 and .changed > 0' out >/dev/null || fail "numbers"
run "$SRCH" --db "$DB" --stats judge
assert_rc 2
assert_err_has "--stats takes no query"
