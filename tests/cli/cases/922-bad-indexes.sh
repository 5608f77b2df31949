# A damaged index (one of its tables cut short) is an error naming it,
# exit 2 and nothing on stdout, for every table; never a crash. (208-errors
# covers a missing index, an empty folder and a garbage iamglass.)
. "$GV_LIB"
for table in "$DB"/*.glass; do
    t=$(basename "$table")
    for size in 0 100; do
        rm -rf dmg
        cp -r "$DB" dmg
        truncate -s $size "dmg/$t"
        run "$SRCH" --db dmg -f json judge
        assert_rc 2 "$t cut to $size bytes"
        assert_err_has "gavel-search: index 'dmg'"
        [ ! -s out ] || fail "stdout for $t cut to $size bytes"
    done
done
# An index that is a file, and an iamglass that is empty.
echo x >a-file
run "$SRCH" --db a-file court
assert_rc 2
assert_err_has "'a-file'"
rm -rf dmg
cp -r "$DB" dmg
: >dmg/iamglass
run "$SRCH" --db dmg court
assert_rc 2
assert_err_has "gavel-search: index 'dmg' is corrupt: "
