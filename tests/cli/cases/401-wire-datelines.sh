# Wire stories: the dateline gives place, agency, reporter and the day;
# a year it lacks comes from the path, else from the file time, and the
# JSON output says which.
. "$GV_LIB"
cp -R "$FX/formats" fx
touch -d 2024-05-01T12:00:00Z fx/wire/london-fraud-sentencing.txt
run "$IDX" --db idx fx/2021 fx/wire
assert_rc 0
q='[.date, .date_source, .place, .source, .author] | map(. // "-") | join("|")'
assert_eq "$(field idx tallowmere "$q")" \
    "2021-01-11|dateline+path|Beijing|China News Service|Zhang Su" "seed-style"
assert_eq "$(field idx brindlecote "$q")" \
    "2023-06-14|header|WASHINGTON|Reuters|-" "Reuters style"
assert_eq "$(field idx marrowfen "$q")" \
    "2019-10-05|dateline+path|NEW DELHI|PTI|-" "PTI style"
assert_eq "$(field idx Quenterbrook "$q")" \
    "2024-03-03|dateline+mtime|LONDON|-|-" "year from the file time"
assert_eq "$(field idx gorseway "$q")" "-|-|-|-|-" "not a dateline"
# A title is still the first line cut short, dateline and all.
assert_eq "$(field idx tallowmere '.title' | cut -c1-40)" \
    "China News Service, Beijing, January 11 " "title"

# A file time before March 3 makes it last year's March 3.
touch -d 2024-02-01T12:00:00Z fx/wire/london-fraud-sentencing.txt
run "$IDX" --db idx fx/wire/london-fraud-sentencing.txt
assert_rc 0
assert_eq "$(field idx Quenterbrook .date)" "2023-03-03" "year before"

# The text output shows the dateline fields and flags a guessed year.
run "$SRCH" --db idx Quenterbrook
assert_rc 0
assert_out_has "2023-03-03 (year from file time) | LONDON | score"
run "$SRCH" --db idx tallowmere
assert_out_has "2021-01-11 | Beijing | China News Service | Zhang Su | score"

# Dateline fields are searchable like header fields.
assert_eq "$("$SRCH" --db idx -f json 'place:"new delhi"' | jq -r '.hits[0].path' | sed 's|.*/||')" \
    "delhi-bail-pti-2019-10-05.txt" "place:"
assert_eq "$("$SRCH" --db idx -f json 'author:"zhang su"' | jq '.hits | length')" 1 "author:"
assert_eq "$("$SRCH" --db idx -f json 'source:reuters' | jq '.hits | length')" 1 "source:"
