# English words are stemmed at index and query time; Chinese is searched
# by n-grams without any set-up.
. "$GV_LIB"
assert_eq "$(hits judges)" "$(hits judge)" "judges vs judge"
[ "$(hits judge)" -gt "$(hits '"judges"')" ] || fail "stemming adds nothing"
# A capitalised word is stemmed too; a quoted word is exact.
assert_eq "$(hits Judges)" "$(hits judge)" "Judges is stemmed"
assert_eq "$(hits '"Judges"')" "$(hits '"judges"')" "a quoted word is exact"
assert_eq "$(hit_files 司法腐败)" "zh-supreme-court-anticorruption.txt" "CJK"
assert_eq "$(hit_files 'title:最高人民法院')" "zh-supreme-court-anticorruption.txt" "CJK title"
"$SRCH" --db "$DB" -f json 司法腐败 >out || fail "CJK search"
jq -e '.hits[0].snippet | contains("**司法腐败**")' out >/dev/null ||
    fail "CJK snippet not marked: $(jq -r '.hits[0].snippet' out)"
