# -n and --offset page through one ranking.
. "$GV_LIB"
all=$(hit_files judge | tr '\n' ' ')
second=$("$SRCH" --db "$DB" -f json -n 1 --offset 1 judge | jq -r '.hits[] | .path' | sed 's|.*/||')
assert_eq "$second" "$(echo "$all" | cut -d' ' -f2)" "second hit"
"$SRCH" --db "$DB" -f json -n 1 --offset 1 judge >out
assert_eq "$(jq '.hits[0].rank' out)" 2 "rank after offset"
run "$SRCH" --db "$DB" -n 2 judge
assert_rc 0
assert_out_has "showing 1-2"
assert_out_lacks "3. "
run "$SRCH" --db "$DB" -n 0 judge
assert_rc 0
assert_out_has "matches"
# With no hits asked for, a phrase still counts as matched.
run "$SRCH" --db "$DB" -n 0 '"plea bargain"'
assert_rc 0
assert_out_has "3 matches"
