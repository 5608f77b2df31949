# The project's seed, a real wire story from ../shared/corpora (not copied
# here): no title line, a dateline paragraph first. Skipped (77) when the
# corpora are not beside the project.
. "$GV_LIB"
seed="$GV_SHARED/corpora/seed/judicial-anticorruption-2021-01-11.txt"
[ -f "$seed" ] || exit 77
run "$IDX" --db idx "$seed"
assert_rc 0
"$SRCH" --db idx -f json '"money cases"' >out || fail "phrase in the seed"
title=$(jq -r '.hits[0].title' out)
case "$title" in
"China News Service, Beijing, January 11 (Reporter Zhang Su) "*...) ;;
*) fail "title of a story without a title line: $title" ;;
esac
[ ${#title} -le 110 ] || fail "title not cut: ${#title} bytes"
# The first paragraph stays searchable although it gave the title.
run "$SRCH" --db idx '"Iron Order"'
assert_rc 0
# Its dateline gives place, agency, reporter and the day; the year is the
# one in its file name (judicial-anticorruption-2021-01-11.txt).
assert_eq "$("$SRCH" --db idx -f json '"money cases"' | jq -r '.hits[0] | [.date, .date_source, .place, .source, .author] | join("|")')" \
    "2021-01-11|dateline+path|Beijing|China News Service|Zhang Su" "dateline fields"
run "$SRCH" --db idx 'place:beijing source:"china news service" author:"zhang su" date:2021-01'
assert_rc 0
