# An HTML page over 8 MiB is indexed up to the cap, with a warning, so
# its parse tree stays bounded; the words of its start are found.
. "$GV_LIB"
mkdir in
{
    printf '<html><head><title>Huge docket page</title></head><body>\n'
    printf '<p>ledgerquill opens the page.</p>\n'
    yes '<p>filler text of a docket listing that goes on and on</p>' | head -n 170000
    printf '<p>tailwhistle closes it.</p></body></html>\n'
} >in/huge.html
run "$IDX" --db idx in
assert_rc 1
assert_err_has "huge.html': indexed only the first 8388608 bytes (size cap reached)"
run "$SRCH" --db idx ledgerquill
assert_rc 0
run "$SRCH" --db idx tailwhistle
assert_rc 1
