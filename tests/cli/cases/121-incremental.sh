# Re-runs update the index: unchanged files are not read, changed ones
# replaced, deleted/renamed/hidden ones removed, and a JSON-lines file
# that lost records loses their documents.
. "$GV_LIB"
cp -R "$FX/articles" tree
cp "$FX/formats/archive.jsonl" tree/
summary() { tail -n 1 err | sed 's/ in [0-9.]* s//'; }
count() { "$SRCH" --db idx -f json -n 0 -- "$1" | jq .matches_lower_bound; }

run "$IDX" --db idx tree
assert_rc 1 "archive.jsonl has bad lines"
assert_eq "$(summary)" "gavel-index: indexed 37, unchanged 0, removed 0, skipped 1, failed 0, warnings 2 (index 'idx' holds 37 documents)" "first run"
run "$IDX" --db idx tree
assert_rc 0
assert_eq "$(summary)" "gavel-index: indexed 0, unchanged 32, removed 0, skipped 1, failed 0, warnings 0 (index 'idx' holds 37 documents)" "no-op run"

# A changed file is read again and replaces its document.
printf '\nA late correction mentions the word spindlewhorl.\n' >>tree/uk/uk-banker-extradition-ruling.txt
run "$IDX" --db idx tree
assert_eq "$(summary)" "gavel-index: indexed 1, unchanged 31, removed 0, skipped 1, failed 0, warnings 0 (index 'idx' holds 37 documents)" "one changed"
assert_eq "$(count spindlewhorl)" 1 "new text found"
assert_eq "$(count extradition)" 3 "no copy of the old version"

# Deleted, renamed, moved into a hidden folder, renamed to a skipped name.
rm tree/uk/uk-magistrates-backlog.txt
mv tree/kenya tree/east-africa
mkdir tree/.attic
mv tree/us/us-federal-judge-recusal-pipeline.txt.gz tree/.attic/
mv tree/germany/germany-emissions-software-fine.txt.gz tree/germany/germany-emissions-software-fine.bak
run "$IDX" -v --db idx tree
assert_err_has "removed '$(pwd -P)/tree/uk/uk-magistrates-backlog.txt'"
assert_err_has "removed '$(pwd -P)/tree/kenya/kenya-judge-bribery.txt.gz'"
assert_err_has "indexed 'tree/east-africa/kenya-judge-bribery.txt.gz'"
assert_eq "$(summary)" "gavel-index: indexed 2, unchanged 27, removed 5, skipped 2, failed 0, warnings 0 (index 'idx' holds 34 documents)" "removals"
assert_eq "$(hit_files_in idx 'author:okafor' | sort | tr '\n' ' ')" \
    "kenya-judge-bribery.txt.gz uk-court-of-appeal-sentencing.txt " "a renamed folder's file, found once"
"$SRCH" --db idx -f json -n 100 'author:okafor' | jq -r '.hits[].path' | grep -q '/east-africa/' ||
    fail "the renamed file's new path"

# A JSON-lines file that lost a record loses its document.
grep -v plinthwort tree/archive.jsonl >tmp && mv tmp tree/archive.jsonl
run "$IDX" --db idx tree
assert_eq "$(count plinthwort)" 0 "the lost record"
assert_eq "$(count gallowbrook)" 1 "the records kept"
assert_eq "$(count 'path:'"$(pwd -P)"'/tree/archive.jsonl')" 5 "the file's records"

# Naming one file again does not read it when it is unchanged.
run "$IDX" --db idx tree/uk/uk-banker-extradition-ruling.txt
assert_err_has "indexed 0, unchanged 1"
