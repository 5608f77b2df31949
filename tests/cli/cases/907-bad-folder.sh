# Indexing all of fixtures/bad: every bad file is reported, none stops the
# run, and the readable ones are committed.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad"
assert_rc 1
for f in binary.txt empty.txt truncated.txt.gz not-gzip.txt.gz whitespace-only.txt \
    invalid-utf8.txt bomb.txt.gz; do
    assert_err_has "'$FX/bad/$f': "
done
# Skipped: README.md. broken.html is recovered by the HTML parser.
assert_err_has "indexed 3, unchanged 0, removed 0, skipped 1, failed 5"
