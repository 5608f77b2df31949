# A loop of file links (a.txt -> b -> a.txt) is a warning naming each
# link, and a link to a parent folder is never walked twice, with or
# without -L (107-symlinks covers links out of the tree).
. "$GV_LIB"
mkdir -p tree/sub
cp "$FX/articles/uk/uk-magistrates-backlog.txt" tree/sub/
ln -s b tree/a.txt
ln -s a.txt tree/b
ln -s .. tree/sub/up
for opt in "" -L; do
    run timeout 20 "$IDX" --db "idx$opt" $opt tree
    assert_rc 1 "loops, option '$opt'"
    assert_err_has "gavel-index: warning: 'tree/a.txt': skipping: symbolic link loop"
    assert_err_has "gavel-index: warning: 'tree/b': skipping: symbolic link loop"
    assert_err_has "(index 'idx$opt' holds 1 documents)"
done
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 2"
# Named on the command line: the loop, and the parent link as a folder.
run timeout 20 "$IDX" --db idx tree/a.txt tree/sub/up
assert_rc 1
assert_err_has "gavel-index: warning: 'tree/a.txt': skipping: symbolic link loop"
assert_err_has "(index 'idx' holds 1 documents)"
run timeout 20 "$IDX" --db idx -L tree/sub/up
assert_rc 1
assert_err_has "(index 'idx' holds 1 documents)"
