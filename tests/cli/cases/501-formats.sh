# Every output format: json parses, jsonl is one hit per line with its
# query, tsv keeps hostile names and titles in their columns, paths and -0
# feed xargs, --count says whether it is exact, -q prints nothing.
. "$GV_LIB"
mkdir in
printf 'Title: Back\\slash ruling on quillbridge\n\nThe quillbridge court ruled.\n' >in/a.txt
printf 'Title: Second quillbridge story\n\nquillbridge again.\n' >"$(printf 'in/tab\there\nnewline.txt')"
"$IDX" -q --db idx in || fail "index"

"$SRCH" --db idx -f json quillbridge >out || fail "json"
assert_eq "$(jq '.hits | length' out)" 2 "json hits"
"$SRCH" --db idx -f jsonl quillbridge >out || fail "jsonl"
assert_eq "$(wc -l <out | tr -d ' ')" 2 "jsonl lines"
assert_eq "$(jq -r '.query' out | sort -u)" quillbridge "jsonl query field"
assert_eq "$(jq -c 'keys_unsorted' out | sort -u)" \
    '["format_version","name","query","rank","docid","path","record","score","percent","date","date_source","title","source","author","place","url","snippet","group","copies","copy_sources","citations"]' "jsonl keys"
# The same fields in json and jsonl.
assert_eq "$("$SRCH" --db idx -f json quillbridge | jq -c '[.hits[] | keys_unsorted] | unique')" \
    '[["rank","docid","path","record","score","percent","date","date_source","title","source","author","place","url","snippet","group","copies","copy_sources","citations"]]' "json keys"

"$SRCH" --db idx -f tsv quillbridge >out || fail "tsv"
assert_eq "$(wc -l <out | tr -d ' ')" 2 "tsv rows, whatever the names hold"
assert_eq "$(awk -F '\t' '{ print NF }' out | sort -u)" 19 "19 columns in every row"
assert_eq "$(awk -F '\t' '$5 ~ /tab/ { print $5 }' out | sed 's|.*/in/||')" 'tab\there\nnewline.txt' "escaped path"
assert_eq "$(awk -F '\t' '$11 ~ /Back/ { print $11 }' out)" 'Back\\slash ruling on quillbridge' "escaped backslash"

"$SRCH" --db idx -f paths quillbridge >out || fail "paths"
assert_eq "$(grep -c . out)" 3 "a path with a newline spans two lines"
"$SRCH" --db idx -f paths -0 quillbridge | xargs -0 cat >out || fail "paths -0"
assert_eq "$(grep -c quillbridge out)" 4 "xargs -0 reads both files"
run "$SRCH" --db idx -0 quillbridge
assert_rc 2
assert_err_has "-0 goes with --format paths"

run "$SRCH" --db idx --count quillbridge
assert_rc 0
assert_eq "$(cat out)" "$(printf '2\texact\tquillbridge')" "count"
run "$SRCH" --db idx --count nosuchwordanywhere
assert_rc 1
assert_eq "$(cut -f1,2 out)" "$(printf '0\texact')" "count of nothing"
assert_eq "$("$SRCH" --db idx -f json --count quillbridge | jq -c '[.count, .exact]')" "[2,true]" "json count"
# On a big index an estimate says so, --exact counts.
"$SRCH" --db "$DB" --count 'the OR a' | cut -f2 | grep -qE '^(exact|estimated)$' || fail "count kind"
assert_eq "$("$SRCH" --db "$DB" --count --exact 'the OR a' | cut -f2)" exact "--exact"

run "$SRCH" --db idx -q quillbridge
assert_rc 0
[ ! -s out ] || fail "-q printed something"
run "$SRCH" --db idx -q nosuchwordanywhere
assert_rc 1
run "$SRCH" --db idx -f yaml quillbridge
assert_rc 2
assert_err_has "unknown --format 'yaml': expected text, json, jsonl, tsv or paths"
# --no-snippets leaves them out: null in JSON, an empty column, no line.
assert_eq "$("$SRCH" --db idx -f json --no-snippets quillbridge | jq -c '[.hits[].snippet]')" "[null,null]" "no snippets"
assert_eq "$("$SRCH" --db idx -f tsv --no-snippets quillbridge | awk -F '\t' '{ print NF ":" $16 }' | sort -u)" "19:" "empty snippet column"
