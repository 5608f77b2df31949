# --sort newest/oldest order by date with undated articles last; relevance
# ties go to the newer article.
. "$GV_LIB"
cp -R "$FX/formats" fx
touch -d 2024-05-01T12:00:00Z fx/wire/london-fraud-sentencing.txt fx/archive.jsonl
"$IDX" -q --db idx fx 2>/dev/null
all='court OR regulator OR panel OR jury OR London OR senate OR 法院'
dates() {
    "$SRCH" --db idx -f json -n 100 "$@" -- "$all" | jq -r '.hits[] | .date // "none"' | tr '\n' ' '
}
# in_order LIST SORT-FLAGS: LIST with its dates sorted, undated ones last.
in_order() {
    for d in $1; do [ "$d" = none ] || echo "$d"; done | sort $2 | tr '\n' ' '
    for d in $1; do [ "$d" = none ] && printf 'none '; done
}
newest=$(dates --sort newest)
oldest=$(dates --sort oldest)
count=$(echo "$newest" | wc -w)
[ "$count" -ge 12 ] || fail "only $count hits"
echo "$newest" | grep -q none || fail "no undated hit to check"
assert_eq "$newest" "$(in_order "$newest" -r)" "newest first, undated last"
assert_eq "$oldest" "$(in_order "$oldest")" "oldest first, undated last"
[ "$newest" != "$oldest" ] || fail "both orders alike"
# A pure filter scores every hit alike: relevance falls back to newest.
assert_eq "$("$SRCH" --db idx -f json 'year:2022' | jq -r '[.hits[].record] | join(" ")')" "sd-2 sd-1" "ties newest first"
# Offsets page through the same order.
first=$("$SRCH" --db idx -f json -n 3 --sort oldest -- "$all" | jq -r '[.hits[].date] | join(" ")')
second=$("$SRCH" --db idx -f json -n 3 --offset 3 --sort oldest -- "$all" | jq -r '[.hits[].date] | join(" ")')
assert_eq "$first $second" "$(echo "$oldest" | cut -d' ' -f1-6)" "pages"
run "$SRCH" --db idx --sort latest court
assert_rc 2
assert_err_has "invalid --sort 'latest'"
