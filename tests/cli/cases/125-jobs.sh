# --jobs: several processes give the same index as one. A new index is
# built in shards and merged (the records of a JSON-lines file shared out
# by line; copies of a story written by two processes still one group);
# an index in shards is written a shard per process; a later run on the
# merged index updates it in place.
. "$GV_LIB"
cp -R "$FX/articles" "$FX/formats" "$FX/copies" .
set -- articles formats copies
# (Exit 1: formats/ holds bad JSON-lines records on purpose.)
"$IDX" -q --jobs 1 --db one.db "$@" 2>/dev/null
[ $? = 1 ] || fail "--jobs 1"
"$IDX" -q --jobs 2 --db two.db "$@" 2>/dev/null
[ $? = 1 ] || fail "--jobs 2"
"$IDX" -q --jobs 3 --shards 3 --db three "$@" 2>/dev/null
[ $? = 1 ] || fail "--shards 3"
[ ! -e two.db.gavel-build ] && [ ! -e two.db.gavel-merge ] ||
    fail "the build was not cleaned up"

# hits DB QUERY [OPTION]: each hit as path#record, score and copies, in
# rank order.
hits_of() {
    "$SRCH" --db "$1" -f json -n 1000 --no-snippets ${3:-} -- "$2" |
        jq -r '.hits[] | "\(.path)#\(.record) \(.score) \(.copies)"'
}
for q in 'court OR judge OR police OR bribery OR the' 'extradition' \
    'harbour pilot' '法院' 'source:reuters' 'date:2021 court'; do
    want=$(hits_of one.db "$q")
    [ -n "$want" ] || fail "no hits for '$q'"
    assert_eq "$(hits_of two.db "$q")" "$want" "--jobs 2: $q"
    # Shards find copies within each shard only: compare every copy.
    assert_eq "$(hits_of three "$q" --all-copies)" \
        "$(hits_of one.db "$q" --all-copies)" "3 shards: $q"
done
# Every JSON-lines record is there once.
assert_eq "$("$SRCH" --db two.db --count 'path:'"$PWD/formats" | cut -f1)" \
    "$("$SRCH" --db one.db --count 'path:'"$PWD/formats" | cut -f1)" "records"
# The copies of one story are one group, whichever process wrote them.
assert_eq "$("$SRCH" --db two.db -f json -n 100 'path:'"$PWD/copies" |
    jq '[.hits[] | select(.copies > 0)] | length')" 1 "one group of copies"
# ... and the same documents carry the key a search collapses on.
if command -v xapian-delve >/dev/null; then
    collapse_keys() { xapian-delve -V5 "$1" | tr ' ' '\n' | grep -c '^[0-9][0-9]*:'; }
    assert_eq "$(collapse_keys two.db)" "$(collapse_keys one.db)" "collapse keys"
    [ "$(collapse_keys one.db)" -ge 4 ] || fail "too few collapse keys"
fi

# The merged index updates in place, by one process.
run "$IDX" --jobs 2 --db two.db "$@"
assert_rc 0
assert_err_has "indexed 0, unchanged 46,"
echo "Title: A late addition

The court heard a late extradition appeal from the harbour." >articles/late.txt
run "$IDX" --jobs 2 --db two.db "$@"
assert_rc 0
assert_err_has "indexed 1, unchanged 46,"
[ "$("$SRCH" --db two.db -f paths 'late extradition appeal')" = "$PWD/articles/late.txt" ] ||
    fail "the update is not found"
# A build cut short (its stub of shards is there, the index is not) is
# finished by the next run, even one asked to use one process: by two,
# with more shards than workers, as a large build has.
"$IDX" -q --shards 5 --db four.db.gavel-build articles ||
    fail "the interrupted build"
"$IDX" -q --jobs 1 --db four.db "$@" 2>/dev/null
[ $? = 1 ] || fail "finishing the build"
[ ! -e four.db.gavel-build ] && [ ! -e four.db.gavel-build.shards ] ||
    fail "the interrupted build was left behind"
q='court OR judge OR police OR bribery OR the'
assert_eq "$(hits_of four.db "$q")" "$(hits_of two.db "$q")" "finished build"
# Its shards' commits do not wait for the disk: after a system crash, one
# may be damaged (here, blocks its last commit wrote are zeros). The next
# run builds them again instead of failing.
"$IDX" -q --shards 2 --db five.db.gavel-build articles ||
    fail "the second interrupted build"
table=five.db.gavel-build.shards/1/postlist.glass
dd if=/dev/zero of="$table" bs=8192 count=$(($(wc -c <"$table") / 8192)) \
    conv=notrunc 2>/dev/null
"$IDX" -q --jobs 2 --db five.db "$@" 2>/dev/null
[ $? = 1 ] || fail "rebuilding a damaged build"
assert_eq "$(hits_of five.db "$q")" "$(hits_of two.db "$q")" "rebuilt build"

run "$IDX" --jobs 0 --db x.db articles
assert_rc 2
assert_err_has "invalid --jobs '0'"
