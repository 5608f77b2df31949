# Indexing all of fixtures/bad: every bad file is reported, none stops the
# run, and the readable ones are committed.
. "$GV_LIB"
run "$IDX" --db idx "$FX/bad"
assert_rc 1
for f in binary.txt empty.txt truncated.txt.gz not-gzip.txt.gz whitespace-only.txt \
    invalid-utf8.txt bomb.txt.gz; do
    assert_err_has "'$FX/bad/$f': "
done
# Skipped: README.md and broken.html, until the indexer reads HTML.
assert_err_has "indexed 2, skipped 2, failed 5"
