# Symlinked folders are followed only with --follow (else counted as
# skipped), and a symlink loop ends the walk of that branch instead of
# recursing forever.
. "$GV_LIB"
mkdir -p tree/real
cp "$FX/articles/uk/uk-magistrates-backlog.txt" tree/real/
ln -s "$FX/articles/kenya" tree/linked
ln -s .. tree/real/loop
run "$IDX" --db a.db tree
assert_rc 0
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 2, failed 0"
run "$IDX" --db b.db --follow tree
assert_rc 0
assert_err_has "indexed 3, unchanged 0, removed 0, skipped 0, failed 0"
