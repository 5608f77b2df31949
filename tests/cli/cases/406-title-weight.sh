# A word in the title outranks the same word in the body: two articles of
# the same length, the word once in each, in the title of one only.
. "$GV_LIB"
mkdir in
filler="The hearing was adjourned until the spring after counsel for both sides asked for more time to read the disclosed material."
printf 'Title: Ferry operator fined over safety lapses\n\n%s\n%s\n' "$filler" "$filler" >in/a-title.txt
printf 'Title: Harbour board fined over safety lapses\n\n%s A ferry was named.\n%s\n' "$filler" "$filler" >in/b-body.txt
"$IDX" -q --db idx in || fail "index"
assert_eq "$("$SRCH" --db idx -f json ferry | jq -r '[.hits[].path | sub(".*/"; "")] | join(" ")')" \
    "a-title.txt b-body.txt" "title hit first"
