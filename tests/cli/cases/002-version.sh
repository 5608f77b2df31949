# --version names the program, its version and the library versions.
. "$GV_LIB"
for prog in "$IDX" "$SRCH"; do
    run "$prog" --version
    assert_rc 0
    assert_err_empty
    grep -Eq '^gavel-(index|search) [0-9]+\.[0-9]+\.[0-9]+ \(xapian 1\.[0-9.]+, zlib [0-9.]+\)$' out ||
        fail "bad version line: $(cat out)"
done
