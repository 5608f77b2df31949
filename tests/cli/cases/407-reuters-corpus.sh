# A real dated corpus: Reuters-21578 as JSON lines (../shared/corpora, not
# copied here). A date range returns exactly the articles dated in it,
# counted independently with jq, in the order asked for.
. "$GV_LIB"
corpus="$GV_SHARED/corpora/reuters21578/docs.jsonl.gz"
[ -f "$corpus" ] || exit 77
run "$IDX" --db idx "$corpus"
# One record (id 12793) is empty: a warning naming its line, exit 1.
assert_rc 1
assert_err_has "docs.jsonl.gz': line 12793: skipping record: no text or title field"
assert_err_has "indexed 21577,"
lo=1987-03-02
hi=1987-03-04
want=$(zcat "$corpus" | jq -r --arg lo "$lo" --arg hi "$hi" \
    'select(.date != null and .date[0:10] >= $lo and .date[0:10] <= $hi)
     | select(.text != "" or .title != null) | .id' | sort)
[ -n "$want" ] || fail "no articles in range by jq"
n=$(echo "$want" | wc -l)
# (--all-copies: every article, also the wire copies folded by default.)
"$SRCH" --db idx -f json -n 100000 --all-copies --sort oldest "date:$lo..$hi" >out || fail "range search"
assert_eq "$(jq -r '.hits[].record' out | sort)" "$want" "the $n articles in range"
jq -e --arg lo "$lo" --arg hi "$hi" 'all(.hits[]; .date >= $lo and .date <= $hi)' out >/dev/null ||
    fail "a hit out of range"
jq -e '[.hits[].date] as $d | $d == ($d | sort)' out >/dev/null || fail "not oldest first"
# Words, a range and newest first, with --since/--until.
"$SRCH" --db idx -f json -n 1000 --sort newest --since "$lo" --until "$hi" cocoa >out || fail "cocoa"
[ "$(jq '.hits | length' out)" -ge 1 ] || fail "no cocoa in range"
jq -e --arg lo "$lo" --arg hi "$hi" 'all(.hits[]; .date >= $lo and .date <= $hi)' out >/dev/null ||
    fail "a cocoa hit out of range"
jq -e '[.hits[].date] as $d | $d == ($d | sort | reverse)' out >/dev/null || fail "not newest first"
# The dateline field gives the place: "SALVADOR, Feb 26 -".
assert_eq "$("$SRCH" --db idx -f json 'title:"bahia cocoa review"' | jq -r '.hits[0].place')" "SALVADOR" "place"
