# A second writer is refused at once with a message naming the index and
# exit 2; searches do not need the lock and go on working.
. "$GV_LIB"
"$IDX" -q --db idx "$FX/articles/kenya" || fail "first index"
mkfifo control
"$GV_HOLD_LOCK" idx <control >held &
holder=$!
exec 3>control
i=0
until grep -q locked held 2>/dev/null; do
    i=$((i + 1))
    [ $i -lt 100 ] || fail "the lock holder did not start"
    sleep 0.1
done
run "$IDX" --db idx "$FX/articles/uk"
assert_rc 2
assert_err_has "gavel-index: index 'idx' is locked by another writer (another gavel-index holds it)"
run "$SRCH" --db idx judge
assert_rc 0
exec 3>&-
wait $holder || fail "lock holder failed"
run "$IDX" -q --db idx "$FX/articles/uk"
assert_rc 0
