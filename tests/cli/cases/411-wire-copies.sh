# Copies of one wire story (fixtures/copies: another outlet and headline,
# a trimmed last paragraph, an editor's note) are one hit with a count of
# the others; stories on the same court and topic with other facts, and
# short notices, stay apart. --all-copies shows every copy. Group ids
# survive re-indexing and the removal of the copy that started the group.
. "$GV_LIB"
cp -R "$FX/copies" in
run "$IDX" --db idx in
assert_rc 0
assert_err_has "indexed 8,"

"$SRCH" --db idx -f json 'port velmora' >out || fail "search"
assert_eq "$(jq '.matches_estimated' out)" 5 "stories matched"
assert_eq "$(jq -c '[.hits[].copies] | sort' out)" "[0,0,0,0,3]" "one hit for the four copies"
# The hit shown for the copies names the other three outlets.
assert_eq "$(jq -r '.hits[] | select(.copies == 3) | [.source] + .copy_sources | sort | join(",")' out)" \
    "Evening Docket,Harbour Courier,The Ledger Law Wire,Velmora Daily" "sources"
group=$(jq -r '.hits[] | select(.copies == 3) | .group' out)
assert_eq "$(jq -r '[.hits[].group] | unique | length' out)" 4 "other stories, other groups"
assert_eq "$(jq -c '[.hits[] | select(.path | test("notice")) | .group]' out)" "[null,null]" "short notices have no group"

# Every copy with --all-copies, each counting no others.
"$SRCH" --db idx -f json --all-copies 'port velmora' >out || fail "all copies"
assert_eq "$(jq '.hits | length' out)" 8 "every copy"
assert_eq "$(jq '[.hits[].copies] | add' out)" 0 "no copies folded"
assert_eq "$(jq -r --arg g "$group" '[.hits[] | select(.group == $g)] | length' out)" 4 "four copies share a group"
assert_eq "$("$SRCH" --db idx --count 'port velmora')" "5	exact	port velmora" "--count: stories"
assert_eq "$("$SRCH" --db idx --count --all-copies 'port velmora')" "8	exact	port velmora" "--count: articles"
assert_eq "$("$SRCH" --db idx -f json --all-copies "group:$group" | jq '.hits | length')" 4 "group: field"

# Only the copies carry the collapse key a search reads for every match;
# an index made before it (no marker) is collapsed on the group as before.
if command -v xapian-delve >/dev/null; then
    assert_eq "$(xapian-delve -V5 idx | tr ' ' '\n' | grep -c ":$group\$")" 4 "collapse keys: the copies"
    assert_eq "$(xapian-delve -V5 idx | tr ' ' '\n' | grep -c '^[0-9][0-9]*:')" 4 "collapse keys: no others"
    cp -R idx old-idx
    xapian-metadata set old-idx gavel:collapse-slot ''
    assert_eq "$("$SRCH" --db old-idx -f json 'port velmora' | jq -c '[.hits[].copies] | sort')" \
        "[0,0,0,0,3]" "older index: collapsed on the group"
    # A text made a copy of a lone story gives that story the key too.
    sed 's/^Source: .*/Source: Lone Copy Wire/' in/appeal-harbour-official.txt >in/lone-copy.txt
    "$IDX" -q --db idx in || fail "index a copy of a lone story"
    lone=$("$SRCH" --db idx -f json --all-copies 'path:'"$PWD"'/in/lone-copy.txt' | jq -r '.hits[0].group')
    assert_eq "$(xapian-delve -V5 idx | tr ' ' '\n' | grep -c ":$lone\$")" 2 "the lone story and its copy"
    assert_eq "$("$SRCH" --db idx --count 'port velmora')" "5	exact	port velmora" "still five stories"
    rm in/lone-copy.txt
    "$IDX" -q --db idx in || fail "index without the copy"
fi

# Text output names the copies' sources.
run "$SRCH" --db idx 'sandlark'
assert_rc 0
assert_out_has "1 match, showing 1-1"
assert_out_has "   + 3 copies: "
# Only the copies that match count: the editor's note is in one alone.
assert_eq "$("$SRCH" --db idx -f json 'sandlark misstated' | jq -c '[.hits[] | [.source, .copies]]')" \
    '[["Velmora Daily",0]]' "copies that match"

# The copy that started the group goes: the others keep its id. Back, it
# joins them again under the same id.
mv in/courier-headline.txt courier.txt
"$IDX" -q --db idx in || fail "reindex without the first copy"
assert_eq "$("$SRCH" --db idx -f json sandlark | jq -r '[.hits[0].group, .hits[0].copies] | join(":")')" \
    "$group:2" "group kept"
mv courier.txt in/courier-headline.txt
"$IDX" -q --db idx in || fail "reindex with it back"
assert_eq "$("$SRCH" --db idx -f json --all-copies sandlark | jq -r '[.hits[].group] | unique | join(",")')" \
    "$group" "one group again"

# Changed into another story, it leaves the group; the others stay in it.
sed -e '/^Title:/!s/dredging/ferry/g' -e 's/Sandlark Marine/Pellworth Ferries/' \
    -e 's/310-million-crown/95-million-crown/' -e 's/eleven months/two years/' \
    "$FX/copies/appeal-harbour-official.txt" >in/courier-headline.txt
touch -d '2022-01-01' in/courier-headline.txt
"$IDX" -q --db idx in || fail "reindex changed"
"$SRCH" --db idx -f json --all-copies --sort oldest 'port velmora' >out || fail "search changed"
assert_eq "$(jq -r --arg g "$group" '[.hits[] | select(.group == $g)] | length' out)" 3 "three copies left"
assert_eq "$(jq -r '[.hits[] | select(.path | test("courier")) | .group] | .[0]' out | grep -c "$group")" 0 "changed copy in a group of its own"

# Saved searches: a new copy of a story already reported is not new.
printf 'sandlark\tsandlark\n' >watch.tsv
"$SRCH" --db idx --watch watch.tsv --state st --init 2>/dev/null
sed 's/^Source: .*/Source: Coastal Record/' "$FX/copies/docket-trimmed.txt" >in/coastal.txt
"$IDX" -q --db idx in || fail "index the new copy"
run "$SRCH" --db idx --watch watch.tsv --state st
assert_rc 1 "a new copy is not news"
run "$SRCH" --db idx --watch watch.tsv --state st --all-copies
assert_rc 0 "with --all-copies it is"
assert_out_has "in/coastal.txt"
