# Fields in JSON come from headers, from the first line, or are null.
. "$GV_LIB"
"$SRCH" --db "$DB" -f json 'title:extradition' >out || fail search
assert_eq "$(jq -r '.hits[0] | [.date, .source, .author, .place] | join("|")' out)" \
    "2021-03-04|Financial Courier|Tobias Wrenfield|London" "header fields"
assert_eq "$(jq -r '.hits[0].url' out)" \
    "https://news.example.com/2021/03/04/meridian-banker-ruling" "url"
"$SRCH" --db "$DB" -f json quarantotto >out || fail search
assert_eq "$(jq -r '.hits[0].title' out)" \
    "Federal Court orders forfeiture of fishing boat used in tobacco smuggling run" "title from first line"
assert_eq "$(jq -c '.hits[0] | [.author, .url, .record]' out)" "[null,null,null]" "missing fields"
# Its dateline "PERTH, Sept 8 (AAP) -" gives place, agency and day; the
# year can only come from the file time.
assert_eq "$(jq -c '.hits[0] | [.place, .source, .date_source]' out)" \
    '["PERTH","AAP","dateline+mtime"]' "dateline fields"
jq -e '.hits[0].date | test("^[0-9]{4}-09-08$")' out >/dev/null || fail "dateline day"
"$SRCH" --db "$DB" -f json 'title:solicitor' >out || fail search
assert_eq "$(jq -r '.hits[0].date' out)" "2021-02-02" "D Month YYYY"
"$SRCH" --db "$DB" -f json 'title:"legal aid"' >out || fail search
assert_eq "$(jq -r '.hits[0].date' out)" "2021-11-15" "Mon. D, YYYY"
