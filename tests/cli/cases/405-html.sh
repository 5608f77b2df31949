# HTML pages: fields from meta tags, text without page furniture, a
# Latin-1 page decoded, a gzip'd page, broken markup recovered.
. "$GV_LIB"
run "$IDX" --db idx "$FX/html"
assert_rc 0
assert_err_has "indexed 4, unchanged 0, removed 0, skipped 1,"
q='[.title, .date, .date_source, .author, .source, .place] | map(. // "-") | join("|")'
assert_eq "$(field idx quillfeather "$q")" \
    "Court of Appeal quashes harbour pilot's conviction over disclosure failures|2021-05-18|header|Ingrid Halvorsen|Northbank Legal Wire|Leeds" "og: tags"
assert_eq "$(field idx quillfeather .url)" \
    "https://northbank.example.com/2021/05/18/harbour-pilot-appeal" "og:url"
assert_eq "$(field idx brambleworth '[.date, .author] | join("|")')" \
    "2022-09-07|Priya Ramaswamy" "<time datetime>"
assert_eq "$(field idx marrowgate .date)" "2019-03-14" "<meta name=date>"
assert_eq "$(field idx lanternwick '[.date, .author] | join("|")')" \
    "2020-11-23|Tomasz Wierzbicki" "gzip'd page, DC. tags"
# Latin-1 bytes come out as UTF-8, and are searchable so.
run "$SRCH" --db idx Müller
assert_rc 0
assert_out_has "legacy-sentencing.html"
# Scripts, navigation, footers, forms, asides and CSS are not text.
for w in navbarxyzzy footerplugh formonlyword Asidewordqux stylesheetonly; do
    run "$SRCH" --db idx "$w"
    assert_rc 1 "$w is page furniture"
done
# Fields of pages are searchable too.
assert_eq "$("$SRCH" --db idx -f json 'author:halvorsen' | jq '.hits | length')" 1 "author:"
assert_eq "$("$SRCH" --db idx -f json 'title:harbour' | jq '.hits | length')" 1 "title:"
assert_eq "$("$SRCH" --db idx -f json 'year:2020' | jq -r '.hits[0].path' | sed 's|.*/||')" \
    "tribunal-bail-decision.html.gz" "year:"

# Broken markup is recovered, not refused.
run "$IDX" --db idx "$FX/bad/broken.html"
assert_rc 0
run "$SRCH" --db idx tanglewrack
assert_rc 0
