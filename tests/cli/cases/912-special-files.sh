# FIFOs, sockets and devices (and symlinks to them, such as x.txt ->
# /dev/zero) are never opened: in a folder they are skipped, named on the
# command line they are warnings. The run ends at once and indexes the rest.
. "$GV_LIB"
mkdir in
cp "$FX/articles/uk/uk-magistrates-backlog.txt" in/
mkfifo in/fifo.txt
ln -s /dev/zero in/zero.txt
ln -s /dev/null in/null.txt
ln -s /dev/tty in/tty.txt
ln -s /dev/urandom in/random.txt
specials="fifo.txt zero.txt null.txt tty.txt random.txt"
if command -v python3 >/dev/null 2>&1 &&
    python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("in/sock.txt")'; then
    specials="$specials sock.txt"
fi
# A device node of its own, where we may make one (root, not in every
# container).
if mknod in/char.txt c 1 5 2>/dev/null; then
    specials="$specials char.txt"
fi
n=$(echo $specials | wc -w)
run timeout 20 "$IDX" --db idx in
assert_rc 0 "a folder with special files"
assert_err_has "indexed 1, unchanged 0, removed 0, skipped $n, failed 0"
run timeout 20 "$IDX" -v --db idx in
assert_err_has "gavel-index: skipped 'in/fifo.txt'"
assert_err_has "gavel-index: skipped 'in/zero.txt'"
# Named one by one.
for f in $specials; do
    run timeout 20 "$IDX" --db idx "in/$f" in/uk-magistrates-backlog.txt
    assert_rc 1 "$f on the command line"
    assert_err_has "gavel-index: warning: 'in/$f': skipping: not a file or folder"
    assert_err_has "indexed 0, unchanged 1, removed 0, skipped 0, failed 1"
done
run timeout 20 "$IDX" --db idx /dev/zero /dev/null in/fifo.txt
assert_rc 1
assert_err_has "'/dev/zero': skipping: not a file or folder"
assert_err_has "'in/fifo.txt': skipping: not a file or folder"
assert_err_has "indexed 0, unchanged 0, removed 0, skipped 0, failed 3"
run "$SRCH" --db idx magistrates
assert_rc 0
