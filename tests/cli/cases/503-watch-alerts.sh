# Saved searches for cron: a first run marks what matches as seen; then
# only new documents are reported, a re-indexed (changed) old one is not,
# a failed write to stdout leaves the state as it was, and a second run
# on the same state at the same time gets exit 75.
. "$GV_LIB"
cp -R "$FX/articles/uk" tree
"$IDX" -q --db idx tree || fail "index"
printf '# name<TAB>query\nextradition\textradition\ncourts\tcourt\nlegal aid\t"legal aid"\n' >watch.tsv
W() { "$SRCH" --db idx --watch watch.tsv --state st "$@"; }

run W
assert_rc 1 "first run: nothing new"
assert_err_has "no state in 'st' yet: marking the current matches as seen"
[ ! -s out ] || fail "first run printed"
[ -f st ] || fail "no state file"
run W
assert_rc 1 "no change"
[ ! -s out ] || fail "nothing new printed something"

# A new matching article: exactly it is reported, in its saved search.
printf 'Title: Second extradition hearing\n\nA second extradition hearing opened.\n' >tree/new.txt
"$IDX" -q --db idx tree
run W -f jsonl
assert_rc 0
assert_eq "$(jq -r '[.name, (.path | sub(".*/"; ""))] | join(":")' out)" "extradition:new.txt" "the new article only"
run W
assert_rc 1 "reported once"

# A changed old article is re-indexed (a new Xapian document) but is not new.
printf '\nUpdated with a note on the extradition court.\n' >>tree/uk-banker-extradition-ruling.txt
"$IDX" -q --db idx tree
run W
assert_rc 1 "a re-indexed article is not reported again"

# A failed write (a full disk) leaves the state: the next run says it again.
printf 'Title: Third\n\nA third extradition case.\n' >tree/third.txt
"$IDX" -q --db idx tree
cp st st.before
W >/dev/full 2>err
[ $? = 2 ] || fail "a failed write is exit 2"
grep -q "cannot write the results" err || fail "no message for the failed write"
cmp -s st st.before || fail "the state changed after a failed write"
run W -f paths
assert_rc 0
assert_eq "$(sed 's|.*/||' out)" "third.txt" "reported after the failed run"

# --init marks without printing; --watch needs --state.
printf 'Title: Fourth\n\nA fourth extradition case.\n' >tree/fourth.txt
"$IDX" -q --db idx tree
run W --init
assert_rc 1
[ ! -s out ] || fail "--init printed"
run W
assert_rc 1 "--init marked it"
run "$SRCH" --db idx --watch watch.tsv
assert_rc 2
assert_err_has "--watch needs --state FILE"

# Another run holding the state: 75, state untouched.
if command -v flock >/dev/null; then
    flock st.lock sleep 3 &
    sleep 0.5
    run W
    assert_rc 75
    assert_err_has "state file 'st' is in use by another gavel-search --watch"
    wait
fi
# A bad saved query: the others still run, exit 2, and it keeps its marks.
printf 'broken\tcourt AND\n' >>watch.tsv
printf 'Title: Fifth\n\nA fifth extradition case.\n' >tree/fifth.txt
"$IDX" -q --db idx tree
run W -f paths
assert_rc 2
assert_err_has "watch.tsv:5: cannot parse query 'court AND'"
assert_eq "$(sed 's|.*/||' out)" "fifth.txt" "the good ones ran"
# An alert lists every new article, not the first 10 (-n caps it).
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
    printf 'Title: Batch %s\n\nAn extradition case, number %s.\n' $i $i >tree/batch-$i.txt
done
"$IDX" -q --db idx tree
cp st st.keep
run W -f paths -n 3
assert_rc 2 "the broken saved search is still there"
assert_eq "$(grep -c batch- out)" 3 "-n caps an alert"
cp st.keep st
run W -f paths
assert_rc 2
assert_eq "$(grep -c batch- out)" 12 "every new article"
