# --queries: one query per line (blank and # lines skipped), the index
# opened once, each result tagged with its query; a bad line is reported
# with its number, the others still run, and the exit code is 2.
. "$GV_LIB"
cat >q.txt <<'Q'
# a watch list
extradition

"plea bargain"
bribery AND
nosuchwordanywhere
Q
run "$SRCH" --db "$DB" --queries q.txt -f jsonl
assert_rc 2
assert_err_has "gavel-search: q.txt:5: cannot parse query 'bribery AND'"
assert_eq "$(jq -r .query out | uniq | tr '\n' '|')" 'extradition|"plea bargain"|' "queries tagged"
assert_eq "$(wc -l <out | tr -d ' ')" 6 "3 + 3 hits"

grep -v 'AND' q.txt >good.txt
run "$SRCH" --db "$DB" --queries good.txt
assert_rc 0
assert_out_has '== extradition'
assert_out_has '== "plea bargain"'
assert_out_has '== nosuchwordanywhere'
"$SRCH" --db "$DB" --queries good.txt -f json >out || fail "json batch"
assert_eq "$(jq -c '[.format_version, (.results | map(.query))]' out)" \
    '[2,["extradition","\"plea bargain\"","nosuchwordanywhere"]]' "one JSON document"
assert_eq "$(jq '[.results[].hits | length]' out | tr -d ' \n')" '[3,3,0]' "hits per query"
# From stdin; counts.
printf 'extradition\nnosuchwordanywhere\n' | "$SRCH" --db "$DB" --queries - --count >out || fail "stdin"
assert_eq "$(awk -F '\t' '{ print $3 ":" $1 }' out | tr '\n' '|')" 'extradition:3|nosuchwordanywhere:0|' "counts"
# Nothing matches: 1.
printf 'nosuchwordanywhere\n' >none.txt
run "$SRCH" --db "$DB" --queries none.txt
assert_rc 1
# A NUL byte in a line is that line's error.
printf 'extradition\nbad\000query\n' >nul.txt
run "$SRCH" --db "$DB" --queries nul.txt -f paths
assert_rc 2
assert_err_has "nul.txt:2: a NUL byte in the query"
assert_out_has "uk-banker-extradition-ruling.txt"
run "$SRCH" --db "$DB" --queries missing.txt
assert_rc 2
assert_err_has "cannot open 'missing.txt'"
run "$SRCH" --db "$DB" --queries q.txt extradition
assert_rc 2
assert_err_has "give a QUERY or --queries/--watch, not both"
