# --format json: one valid document with the documented keys in order.
. "$GV_LIB"
run "$SRCH" --db "$DB" -f json -n 3 judge
assert_rc 0
assert_err_empty
jq -e . out >/dev/null || fail "not JSON"
assert_eq "$(jq -c 'keys_unsorted' out)" \
    '["format_version","query","offset","matches_estimated","matches_lower_bound","matches_upper_bound","hits"]' "top-level keys"
assert_eq "$(jq -c '.hits[0] | keys_unsorted' out)" \
    '["rank","docid","path","record","score","percent","date","date_source","title","source","author","place","url","snippet","group","copies","copy_sources","citations"]' "hit keys"
assert_eq "$(jq '.format_version' out)" 2 "format_version"
assert_eq "$(jq -r '.query' out)" judge "query"
assert_eq "$(jq '.hits | length' out)" 3 "hits"
jq -e '.matches_lower_bound <= .matches_estimated and .matches_estimated <= .matches_upper_bound' out >/dev/null ||
    fail "bounds"
jq -e '[.hits[] | .score | type] == ["number","number","number"]' out >/dev/null || fail "score type"
