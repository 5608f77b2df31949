# BM25 ranks the article about an extradition above two that mention one.
. "$GV_LIB"
assert_eq "$(hit_files extradition | head -1)" "uk-banker-extradition-ruling.txt" "top hit"
assert_eq "$(hits extradition)" 3 "extradition hits"
assert_eq "$(hits quarantotto)" 1 "unique word"
assert_eq "$(hit_files quarantotto)" "australia-smuggling-vessel-forfeiture.txt" "unique word"
# Scores fall with rank.
"$SRCH" --db "$DB" -f json -n 50 bribery >out || fail "bribery"
jq -e '[.hits[].score] as $s | $s == ($s | sort | reverse)' out >/dev/null ||
    fail "scores not in falling order"
jq -e '[.hits[].rank] == [range(1; (.hits | length) + 1)]' out >/dev/null ||
    fail "ranks not 1..n"
# --bm25 K1,B changes the weights (not which articles match).
a=$("$SRCH" --db "$DB" -f json extradition | jq -c '[.hits[].score]')
b=$("$SRCH" --db "$DB" -f json --bm25 1.2,0.75 extradition | jq -c '[.hits[].score]')
[ "$a" != "$b" ] || fail "--bm25 changed nothing"
assert_eq "$("$SRCH" --db "$DB" -f json --bm25 1.2,0.75 extradition | jq '.hits | length')" 3 "--bm25 hits"
run "$SRCH" --db "$DB" --bm25 2 extradition
assert_rc 2
assert_err_has "invalid --bm25 '2'"
