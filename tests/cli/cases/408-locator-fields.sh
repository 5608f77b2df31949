# Every field the output shows can be searched: path: (a file or any
# folder above it), record:, url:, site: (a host or a domain above it).
. "$GV_LIB"
cp -R "$FX/formats" fx
"$IDX" -q --db idx fx "$FX/html" 2>/dev/null
top=$(cd fx && pwd -P)
names() {
    "$SRCH" --db idx -f json -n 100 -- "$1" |
        jq -r '.hits[] | .record // (.path | sub(".*/"; ""))' | sort | tr '\n' ' '
}
assert_eq "$(names "path:$top/wire/")" \
    "delhi-bail-pti-2019-10-05.txt london-fraud-sentencing.txt london-not-a-dateline.txt senate-subpoena-reuters.txt " "a folder"
assert_eq "$(names "path:$top/wire/london-fraud-sentencing.txt")" "london-fraud-sentencing.txt " "a file"
assert_eq "$(names "court path:$top/2021")" "procuratorate-interference-rules.txt " "words in a folder"
assert_eq "$(names "path:$top/archive.jsonl" | wc -w)" 6 "the records of one file"
assert_eq "$(names 'record:1002')" "1002 " "record:"
assert_eq "$(names 'url:https://example.org/news/sc-2020-001')" "sc-2020-001 " "url:"
assert_eq "$(names 'site:example.org')" "regulator-fine.htm sc-2020-001 sd-1 " "site: a domain"
assert_eq "$(names 'site:Northbank.Example.com')" "appeal-court-ruling.html " "site: a host, any case"
assert_eq "$(names 'site:org')" "" "not a top-level domain alone"
