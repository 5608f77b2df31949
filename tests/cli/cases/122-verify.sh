# Same size and time but other bytes: a plain re-run trusts the stamp,
# --verify compares checksums and reads the file again.
. "$GV_LIB"
mkdir tree
printf 'Title: Ruling on the harbour tender\n\nThe judge cited the word quillmoss.\n' >tree/a.txt
touch -d 2021-01-01T00:00:00Z tree/a.txt
"$IDX" -q --db idx tree || fail "index"
# The same length, the same time, one word changed.
printf 'Title: Ruling on the harbour tender\n\nThe judge cited the word quillfern.\n' >tree/a.txt
touch -d 2021-01-01T00:00:00Z tree/a.txt
run "$IDX" --db idx tree
assert_err_has "indexed 0, unchanged 1"
run "$IDX" --db idx --verify tree
assert_err_has "indexed 1, unchanged 0"
run "$SRCH" --db idx quillfern
assert_rc 0
run "$SRCH" --db idx quillmoss
assert_rc 1
# Verified once, it is unchanged for --verify too.
run "$IDX" --db idx --verify tree
assert_err_has "indexed 0, unchanged 1"
# A file indexed by a plain run has its checksum already: the first
# --verify run finds it unchanged.
printf 'Title: Plain\n\nIndexed without verify.\n' >tree/b.txt
"$IDX" -q --db idx tree
run "$IDX" --db idx --verify tree
assert_err_has "indexed 0, unchanged 2"
