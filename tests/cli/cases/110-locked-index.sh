# A second writer waits for the lock up to --wait seconds, then gives up
# with exit 75 (EX_TEMPFAIL) and a message naming the index; one that
# gets the lock within its wait goes on. Searches never need the lock.
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
start=$(date +%s)
run "$IDX" --wait 1 --db idx "$FX/articles/uk"
assert_rc 75
assert_err_has "gavel-index: index 'idx' is locked by another writer (another gavel-index holds it); gave up after waiting 1 s"
[ $(($(date +%s) - start)) -le 10 ] || fail "waited far longer than --wait"
run "$IDX" --wait 0 --db idx "$FX/articles/uk"
assert_rc 75
run "$SRCH" --db idx judge
assert_rc 0
# A writer that waits longer gets the lock once the holder lets go.
"$IDX" -q --wait 30 --db idx "$FX/articles/uk" 2>waiter.err 3>&- &
waiter=$!
sleep 1
exec 3>&-
wait $holder || fail "lock holder failed"
wait $waiter || fail "the waiting writer failed: $(cat waiter.err)"
assert_eq "$("$SRCH" --db idx -f json -n 100 'place:london' | jq '.hits | length')" 5 "the waiter indexed"
run "$IDX" --wait soon --db idx "$FX/articles/uk"
assert_rc 2
assert_err_has "invalid --wait 'soon'"
