# A file deleted between the listing and the read (a symlink to a missing
# file stands for it) is a warning; a file that shrank to nothing is one
# too ("no text"), and neither stops the run.
. "$GV_LIB"
mkdir in
cp "$FX/articles/uk/uk-magistrates-backlog.txt" in/
printf 'Title: Shrinking\n\nvanishword once here\n' >in/shrink.txt
ln -s missing.txt in/gone.txt
run "$IDX" --db idx in
assert_rc 1
assert_err_has "gavel-index: warning: 'in/gone.txt': skipping: broken symbolic link"
assert_err_has "indexed 2, unchanged 0, removed 0, skipped 0, failed 1"
run "$IDX" --db idx in/gone.txt in/uk-magistrates-backlog.txt
assert_rc 1
assert_err_has "gavel-index: warning: 'in/gone.txt': skipping: broken symbolic link"
: >in/shrink.txt
rm in/gone.txt
run "$IDX" --db idx in
assert_rc 1
assert_err_has "gavel-index: warning: 'in/shrink.txt': skipping: no text"
assert_err_has "indexed 0, unchanged 1, removed 0, skipped 0, failed 1"
# The emptied file's old document went with its old content.
run "$SRCH" --db idx vanishword
assert_rc 1
run "$SRCH" --db idx magistrates
assert_rc 0
