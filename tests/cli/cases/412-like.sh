# --like FILE: articles like a whole text (a judgment, an article), ranked
# by the text's most telling words; no query size limit, filters apply.
. "$GV_LIB"
mkdir in
filler='The court heard the appeal and the judges gave their reasons in open court.'
i=0
while [ $i -lt 20 ]; do
    printf 'Title: Appeal number %s heard\n\n%s %s\n' $i "$filler" "$filler" \
        >in/filler-$i.txt
    i=$((i + 1))
done
printf 'Title: Demurrage award upheld\nDate: 2020-01-10\n\n%s\n' \
    "The arbitrator awarded demurrage under the charterparty after the vessel waited at the berth. $filler" \
    >in/a.txt
printf 'Title: Charterparty dispute settled\nDate: 2023-05-05\n\n%s\n' \
    "The owners and the charterers settled their charterparty dispute. $filler" \
    >in/c.txt
printf 'Title: Council approves budget\n\n%s\n' \
    'The council approved the budget for the coming year.' >in/d.txt
"$IDX" -q --db idx in || fail "index"

# The text: common words many times, a few rare ones, many words the
# index lacks, and more than the 16 KiB a typed query may hold.
{
    i=0
    while [ $i -lt 20 ]; do echo "$filler"; i=$((i + 1)); done
    echo 'The vessel lay at the berth; demurrage ran under the charterparty.'
    echo 'The arbitrator found the charterparty clear. Demurrage and the'
    echo 'charterparty again, demurrage and the charterparty: zyxwv qwertz.'
    i=0
    while [ $i -lt 400 ]; do
        echo "Exhibit $i was read into record by clerk"
        i=$((i + 1))
    done
} >judgment.txt
[ "$(wc -c <judgment.txt)" -gt 16384 ] || fail "judgment.txt too short"

like() {
    "$SRCH" --db idx -f json -n 30 "$@" |
        jq -r '[.hits[].path | sub(".*/"; "")] | join(" ")'
}
top2=$(like --like judgment.txt | cut -d' ' -f1-2)
assert_eq "$top2" "a.txt c.txt" "the articles sharing the rare words first"
# The same text typed as a query is over the limit; --like has none.
run "$SRCH" --db idx --any "$(cat judgment.txt)"
assert_rc 2
assert_err_has "limit"
# Only the most telling word: the charterparty articles alone.
assert_eq "$(like --like judgment.txt --like-terms 1 | tr ' ' '\n' | sort |
    tr '\n' ' ')" "a.txt c.txt " "--like-terms 1"
# Every word (0): every article has "the", so all match; the rare words
# still lead.
all=$(like --like judgment.txt --like-terms 0)
assert_eq "$(echo "$all" | wc -w)" 23 "--like-terms 0 matches"
assert_eq "$(echo "$all" | cut -d' ' -f1)" "a.txt" "--like-terms 0 order"
# A query says what matches; both rank.
assert_eq "$(like --like judgment.txt title:settled)" "c.txt" "with a query"
assert_eq "$(like --like judgment.txt --since 2022 | cut -d' ' -f1)" "c.txt" \
    "with --since"
# From stdin, and gzip'd.
assert_eq "$(like --like - <judgment.txt | cut -d' ' -f1-2)" "$top2" "stdin"
gzip -c judgment.txt >judgment.txt.gz
assert_eq "$(like --like judgment.txt.gz | cut -d' ' -f1-2)" "$top2" "gzip"
# Words are stemmed as the indexer stems them.
echo 'Charterparties.' >plural.txt
assert_eq "$(like --like plural.txt | tr ' ' '\n' | sort | tr '\n' ' ')" \
    "a.txt c.txt " "stemmed"
# A text of words the index lacks matches nothing.
echo 'zyxwv qwertz' >unknown.txt
run "$SRCH" --db idx --like unknown.txt
assert_rc 1

run "$SRCH" --db idx --like nope.txt
assert_rc 2
assert_err_has "--like 'nope.txt'"
run "$SRCH" --db idx --like judgment.txt --like-terms many
assert_rc 2
assert_err_has "invalid --like-terms 'many'"
echo appeal >queries.txt
run "$SRCH" --db idx --like judgment.txt --queries queries.txt
assert_rc 2
assert_err_has "--like goes with one search"
