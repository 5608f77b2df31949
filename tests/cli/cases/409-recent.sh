# --recent: relevance decayed by age. A slightly less relevant but much
# newer article overtakes an old one; undated articles follow the dated
# ones; with no dates at all the order is plain relevance.
. "$GV_LIB"
mkdir -p dated undated
# article FILE DATE TITLE BODY: an article file with a Date header when
# DATE is not empty.
article() {
    { echo "Title: $3"; [ -z "$2" ] || echo "Date: $2"; echo; echo "$4"; } >"$1"
}
filler='The hearing continued through the afternoon before the panel rose.'
article dated/old.txt 2012-03-01 'Antitrust ruling on antitrust damages' \
    "The antitrust case turned on antitrust damages. $filler"
article dated/new.txt 2024-03-01 'Regulator fines port operator' \
    "An antitrust inquiry preceded the fine. $filler $filler"
article dated/mid.txt 2018-03-01 'Antitrust appeal heard' \
    "The antitrust appeal was heard. $filler $filler"
article dated/nodate.txt '' 'Antitrust antitrust antitrust' \
    "Antitrust antitrust antitrust law. $filler"
article undated/a.txt '' 'Antitrust antitrust' "Antitrust law. $filler"
article undated/b.txt '' 'Cartel case' "An antitrust case. $filler $filler"
article undated/c.txt '' 'Antitrust appeal' "An antitrust appeal. $filler"
"$IDX" -q --db dated.db dated 2>/dev/null || fail "index dated"
"$IDX" -q --db undated.db undated 2>/dev/null || fail "index undated"

order() {
    db=$1
    shift
    "$SRCH" --db "$db" -f json -n 10 "$@" antitrust |
        jq -r '[.hits[].path | sub(".*/"; "")] | join(" ")'
}
plain=$(order dated.db)
assert_eq "$plain" "nodate.txt old.txt mid.txt new.txt" "plain relevance"
# A five-year half-life: twelve years of age outweigh the better match.
assert_eq "$(order dated.db --recent 5y)" "new.txt mid.txt old.txt nodate.txt" \
    "recency with undated last"
# So long a half-life that age hardly counts: relevance among the dated.
assert_eq "$(order dated.db --recent 1000y)" "old.txt mid.txt new.txt nodate.txt" \
    "a long half-life"
# No dates at all: exactly the plain order.
assert_eq "$(order undated.db --recent 30d)" "$(order undated.db)" "undated"
# Scores are the decayed ones, so they fall with the rank.
"$SRCH" --db dated.db -f json --recent 5y antitrust |
    jq -e '[.hits[].score] | . == (sort | reverse)' >/dev/null ||
    fail "scores not in rank order"
# A pure filter weighs nothing: the newest come first, undated last.
assert_eq "$("$SRCH" --db dated.db -f json --recent 30d 'path:'"$PWD/dated" |
    jq -r '[.hits[].path | sub(".*/"; "")] | join(" ")')" \
    "new.txt mid.txt old.txt nodate.txt" "a pure filter"
# Paging stays in the same order.
assert_eq "$(order dated.db --recent 5y -n 2 --offset 1)" "mid.txt old.txt" "offset"

run "$SRCH" --db dated.db --recent 0d antitrust
assert_rc 2
assert_err_has "invalid --recent '0d'"
run "$SRCH" --db dated.db --recent 90 antitrust
assert_rc 2
assert_err_has "invalid --recent '90'"
run "$SRCH" --db dated.db --recent 90d --sort oldest antitrust
assert_rc 2
assert_err_has "does not go with --sort"
