# JSON lines: one document per record, the usual keys understood, a bad
# line a warning naming the file and line while the rest is indexed.
. "$GV_LIB"
run "$IDX" --db idx "$FX/formats/archive.jsonl" "$FX/formats/scraper-dump.ndjson.gz"
assert_rc 1 "bad records make the run partial"
assert_err_has "archive.jsonl': line 4: skipping record: not valid JSON"
assert_err_has "archive.jsonl': line 7: skipping record: not a JSON object"
assert_err_has "indexed 8,"
[ "$(grep -c 'line 8' err)" = 0 ] || fail "a blank line warned"
q='[.record, .date, .date_source, .title, .source, .author, .url] | map(. // "-") | join("|")'
assert_eq "$(field idx plinthwort "$q")" \
    "sc-2020-001|2020-02-10|header|Supreme Court narrows immunity for jail officers|Courtwire|Maya Ferreira|https://example.org/news/sc-2020-001" "record 1"
assert_eq "$(field idx gallowbrook "$q")" \
    "1002|2020-07-21|header|Appeals court revives antitrust suit against ticket seller|The Docket|Dev Raman, Ola Nwosu|-" "record 2"
assert_eq "$(field idx wickerfell '[.record, .date] | join("|")')" \
    "line:3|2021-01-01" "epoch date, no id"
assert_eq "$(field idx 'title:"hearing date"' '[.record, .date] | join("|")')" \
    "no-text|2020-12-01" "a title without text"
assert_eq "$(field idx hollowmarch '[.place, .source, .date_source] | join("|")')" \
    "GENEVA|AFP|dateline+mtime" "a dateline field"
assert_eq "$(field idx 司法解释 '[.record, .source] | join("|")')" "zh-1|法治日报" "CJK"
assert_eq "$(field idx saltmarrow '[.record, .date, .path] | join("|")' | sed 's|/.*/||')" \
    "sd-1|2022-05-09|scraper-dump.ndjson.gz" "gzip'd"
# Author and source fields of records are searchable.
assert_eq "$("$SRCH" --db idx -f json 'author:nwosu' | jq -r '.hits[0].record')" 1002 "author:"
assert_eq "$("$SRCH" --db idx -f json 'source:courtwire' | jq '.hits | length')" 2 "source:"

# Re-indexing replaces each record by its id: no duplicates.
"$IDX" -q --db idx "$FX/formats/archive.jsonl" 2>/dev/null
assert_eq "$("$SRCH" --db idx -f json -n 100 'court OR regulator OR panel OR 法院 OR jury' | jq '.hits | length')" 8 "records after re-index"
# Text output names the record after the file's path.
run "$SRCH" --db idx wickerfell
assert_out_has "/formats/archive.jsonl#line:3"
