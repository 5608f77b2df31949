# File names that are not UTF-8 or hold a newline or a tab are indexed and
# found; JSON stays valid (such bytes become U+FFFD, controls are escaped)
# and the text output keeps one block per hit.
. "$GV_LIB"
mkdir in
latin1=$(printf 'in/caf\351.txt')
newline=$(printf 'in/new\nline.txt')
tab=$(printf 'in/ta\tb.txt')
printf 'Title: Cafe ruling\n\nzanzibarite one\n' >"$latin1"
printf 'Title: Newline ruling\n\nzanzibarite two\n' >"$newline"
printf 'Title: Tab ruling\n\nzanzibarite three\n' >"$tab"
run "$IDX" --db idx in
assert_rc 0
assert_err_has "indexed 3, unchanged 0, removed 0, skipped 0, failed 0"
run "$IDX" --db idx2 "$latin1" "$newline" "$tab"
assert_rc 0
assert_err_has "indexed 3, unchanged 0, removed 0, skipped 0, failed 0"
run "$SRCH" --db idx -f json zanzibarite
assert_rc 0
jq -e . out >/dev/null || fail "JSON is not valid"
assert_eq "$(jq '.hits | length' out)" 3 "JSON hits"
jq -r '.hits[].path' out | sed 's|.*/in/||' >paths
grep -qx "caf$(printf '\357\277\275').txt" paths || fail "no U+FFFD in the JSON path"
jq -e '[.hits[].path | select(endswith("/in/new\nline.txt"))] | length == 1' out >/dev/null ||
    fail "the newline is not kept in the JSON path"
jq -e '[.hits[].path | select(endswith("/in/ta\tb.txt"))] | length == 1' out >/dev/null ||
    fail "the tab is not kept in the JSON path"
run "$SRCH" --db idx zanzibarite
assert_rc 0
# 3 blocks, each: blank line, title, byline, path, snippet.
assert_eq "$(wc -l <out | tr -d ' ')" 16 "lines of text output"
assert_eq "$(grep -c '^   /' out)" 3 "path lines"
assert_out_has "/in/new?line.txt"
assert_out_has "/in/ta?b.txt"
assert_out_has "/in/caf$(printf '\357\277\275').txt"
assert_out_lacks "$(printf '\351')"
