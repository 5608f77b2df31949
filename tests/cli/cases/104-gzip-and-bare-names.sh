# .gz articles and extension-less files are indexed with their headers.
. "$GV_LIB"
assert_eq "$(hit_files 'author:okafor' | sort | tr '\n' ' ')" \
    "kenya-judge-bribery.txt.gz uk-court-of-appeal-sentencing.txt " \
    "author:okafor"
assert_eq "$(hit_files brasilia)" "brazil-supreme-court-ruling" "brasilia"
"$SRCH" --db "$DB" -f json 'title:tender' >out || fail "title:tender"
assert_eq "$(jq -r '.hits[0].date' out)" "2021-12-03" "date from a .gz header"
