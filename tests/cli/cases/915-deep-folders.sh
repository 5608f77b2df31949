# An article 300 folders down is indexed; a tree deeper than PATH_MAX
# gives a warning (the system refuses the path), not a crash, and the
# rest is indexed.
. "$GV_LIB"
mkdir deep
(
    cd deep || exit 1
    i=0
    while [ $i -lt 300 ]; do
        mkdir d && cd d || exit 1
        i=$((i + 1))
    done
    printf 'Title: Bottom\n\nabyssquill at the bottom\n' >a.txt
) || fail "cannot build the 300-deep tree"
run "$IDX" --db idx deep
assert_rc 0
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 0"
run "$SRCH" --db idx abyssquill
assert_rc 0

mkdir deeper
cp "$FX/articles/uk/uk-magistrates-backlog.txt" deeper/
name=$(printf '%0200d' 0)
(
    cd deeper || exit 1
    i=0
    while [ $i -lt 25 ]; do # 25 * 201 bytes: past PATH_MAX (4096);
        # -P: dash cannot cd by a logical path that long
        mkdir "$name" && cd -P "$name" || exit 1
        i=$((i + 1))
    done
    printf 'Title: Too deep\n\nabysswhorl too deep\n' >a.txt
) || fail "cannot build the tree deeper than PATH_MAX"
run timeout 60 "$IDX" --db idx2 deeper
assert_rc 1
assert_err_has "skipping: File name too long"
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 1"
run "$SRCH" --db idx2 magistrates
assert_rc 0
rm -rf deeper 2>/dev/null || true
