# Errors exit 2 with one message naming what is wrong, and print nothing
# on stdout.
. "$GV_LIB"
run "$SRCH" --db missing.db court
assert_rc 2
assert_err_has "gavel-search: cannot open index 'missing.db': No such file or directory"
assert_err_has "gavel-search: make it with gavel-index, or name another with --db or GAVEL_DB"
[ ! -s out ] || fail "stdout on error"
mkdir not-an-index
run "$SRCH" --db not-an-index court
assert_rc 2
assert_err_has "cannot open index 'not-an-index'"
run "$SRCH" --db "$DB" 'court AND'
assert_rc 2
assert_err_has "cannot parse query 'court AND': Syntax: <expression> AND <expression>"
[ ! -s out ] || fail "stdout on query error"
run "$SRCH" --db "$DB" -f json 'court NOT'
assert_rc 2
assert_err_has "cannot parse query 'court NOT': Syntax: <expression> NOT <expression>"
[ ! -s out ] || fail "stdout on query error in JSON"
run "$SRCH" --db "$DB" '   '
assert_rc 2
assert_err_has "empty query"
long=$(head -c 20000 /dev/zero | tr '\0' 'a')
run "$SRCH" --db "$DB" "$long"
assert_rc 2
assert_err_has "longer than the 16384-byte limit"
echo x >a-file
run "$IDX" --db a-file "$FX/articles/uk"
assert_rc 2
assert_err_has "a-file"
run sh -c "'$SRCH' --db '$DB' court >/dev/full"
assert_rc 2
assert_err_has "gavel-search: cannot write the results: No space left on device"
[ "$(grep -c . err)" = 1 ] || fail "one message for a failed write"
run sh -c "'$SRCH' --help >/dev/full"
assert_rc 2
run sh -c "'$IDX' --version >/dev/full"
assert_rc 2
mkdir junk
echo garbage >junk/iamglass
run "$SRCH" --db junk court
assert_rc 2
assert_err_has "gavel-search: index 'junk' is corrupt: "
run "$IDX" --db no-such-dir/x.db "$FX/articles/uk"
assert_rc 2
assert_err_has "gavel-index: cannot create index 'no-such-dir/x.db': "
mkdir articles
cp "$FX/articles/uk/uk-magistrates-backlog.txt" articles/
run "$IDX" --db articles articles
assert_rc 2
assert_err_has "gavel-index: cannot create index 'articles': the folder holds other files and no index"
[ "$(ls articles)" = uk-magistrates-backlog.txt ] || fail "index files written among the articles"
