# Hidden files and files with other extensions are not indexed from a
# folder; a file named on the command line is indexed whatever its name.
. "$GV_LIB"
run "$SRCH" --db "$DB" zanzibarite
assert_rc 1
run "$SRCH" --db "$DB" marmalux
assert_rc 1
run "$IDX" -q --db idx "$FX/articles/notes/ignored.pdf"
assert_rc 0
run "$SRCH" --db idx marmalux
assert_rc 0
assert_out_has "ignored.pdf"
