# A file and a folder without read permission are warnings naming them
# ("cannot open: Permission denied"); the other files are indexed (exit 1).
# root reads anything, so as root gavel-index runs as nobody (setpriv).
. "$GV_LIB"
as_user=
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null 2>&1 || exit 77
    as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
    # The binary and its folders must be open to nobody, and so must the
    # folders above this one (a clone inside a 0700 folder is not).
    $as_user "$IDX" --version >/dev/null 2>&1 || exit 77
    $as_user ls "$PWD" >/dev/null 2>&1 || exit 77
fi
chmod 755 .
mkdir -p in/locked w
cp "$FX/articles/uk/uk-magistrates-backlog.txt" in/
printf 'Title: Sealed ruling\n\nquillsealed text\n' >in/sealed.txt
cp in/sealed.txt in/locked/inner.txt
chmod 644 in/uk-magistrates-backlog.txt
chmod 755 in
chmod 000 in/sealed.txt in/locked
chmod 777 w
run $as_user "$IDX" --db w/idx in
chmod 755 in/locked
chmod 644 in/sealed.txt
assert_rc 1
assert_err_has "gavel-index: warning: 'in/sealed.txt': skipping: cannot open: Permission denied"
assert_err_has "gavel-index: warning: 'in/locked': skipping: Permission denied"
assert_err_has "indexed 1, unchanged 0, removed 0, skipped 0, failed 2"
run "$SRCH" --db w/idx magistrates
assert_rc 0
run "$SRCH" --db w/idx quillsealed
assert_rc 1
# Named on the command line, the same warning.
chmod 000 in/sealed.txt
run $as_user "$IDX" --db w/idx in/sealed.txt in/uk-magistrates-backlog.txt
chmod 644 in/sealed.txt
assert_rc 1
assert_err_has "gavel-index: warning: 'in/sealed.txt': skipping: cannot open: Permission denied"
assert_err_has "indexed 0, unchanged 1, removed 0, skipped 0, failed 1"
