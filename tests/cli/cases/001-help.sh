# --help prints usage with every option to stdout and exits 0.
. "$GV_LIB"
run "$IDX" --help
assert_rc 0
assert_err_empty
for opt in --db --batch --follow --verbose --quiet --help --version \
    GAVEL_DB "Exit status"; do
    assert_out_has "$opt"
done
run "$SRCH" -h
assert_rc 0
for opt in --db --limit --offset --any --format --color --help --version \
    text json GAVEL_DB "Exit status" NEAR "title:" "author:" "source:" \
    "place:"; do
    assert_out_has "$opt"
done
