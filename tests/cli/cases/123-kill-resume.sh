# kill -9 at random moments, many times: after each kill the index opens,
# passes xapian-check and keeps every committed batch (its document count
# never goes down); the next run finishes the job, and the index ends with
# the same documents and terms as one built without interruption. (One
# process, writing in place: a parallel build, killed, leaves no index
# until the next run finishes it; that is checked at the end.)
. "$GV_LIB"
corpus="$GV_SHARED/corpora/reuters21578/docs.jsonl.gz"
[ -f "$corpus" ] || exit 77
command -v xapian-check >/dev/null || exit 77
# 54 JSON-lines files of 400 records, and 62 text files.
mkdir -p tree/wire tree/text
zcat "$corpus" | split -l 400 -a 2 - tree/wire/part- --additional-suffix=.jsonl
for i in 1 2; do cp -R "$FX/articles" "tree/text/copy$i"; done
trials=${GV_KILL_TRIALS:-12}
seed=${GV_KILL_SEED:-$(date +%s)}
echo "kill trials: $trials, seed $seed"
docs() { "$SRCH" --db idx -f json -n 0 -- 'year:1987 OR judge OR court OR 法院' | jq .matches_lower_bound; }
last=0
t=0
while [ $t -lt $trials ]; do
    t=$((t + 1))
    # 0.1 to 2.5 s into the run: early walks, mid-batch writes, commits.
    delay=$(awk -v s="$seed" -v t="$t" 'BEGIN { srand(s + t); printf "%.2f", 0.1 + rand() * 2.4 }')
    "$IDX" -q --jobs 1 -b 150 --db idx tree 2>/dev/null &
    pid=$!
    sleep "$delay"
    if ! kill -9 $pid 2>/dev/null; then
        # It finished first: start again from nothing, so that every
        # trial kills a run with work to do.
        wait $pid
        echo "trial $t: the run finished within ${delay}s; starting over"
        rm -rf idx
        last=0
        continue
    fi
    wait $pid 2>/dev/null
    [ -d idx ] || continue # killed before it made the index
    xapian-check idx >check.out 2>&1 || fail "xapian-check after kill $t at ${delay}s: $(tail -3 check.out)"
    n=$(xapian-delve idx | sed -n 's/^number of documents = //p')
    [ -n "$n" ] || fail "the index does not open after kill $t"
    [ "$n" -ge "$last" ] || fail "kill $t at ${delay}s lost committed documents: $n < $last"
    echo "kill $t at ${delay}s: $n documents"
    last=$n
done
run "$IDX" --jobs 1 --db idx tree
# 1 when this run read the file with the one empty Reuters record.
[ "$RC" = 0 ] || [ "$RC" = 1 ] || fail "the resumed run: exit $RC: $(cat err)"
"$IDX" -q --jobs 1 --db clean tree 2>/dev/null
xapian-check idx >/dev/null || fail "xapian-check after the resumed run"
assert_eq "$(xapian-delve idx | grep 'number of documents')" \
    "$(xapian-delve clean | grep 'number of documents')" "documents"
xapian-delve -a -vv -1 idx >terms.resumed
xapian-delve -a -vv -1 clean >terms.clean
cmp -s terms.resumed terms.clean || fail "terms differ: $(diff terms.resumed terms.clean | head -5)"
echo "resumed index identical to a clean build: $(wc -l <terms.clean) terms"

# A parallel build killed with -9: its workers die with it, so none goes
# on writing its shard and holding the lock the next run needs (which
# would wait for it, then give up).
"$IDX" -q --jobs 2 --db par tree 2>/dev/null &
pid=$!
sleep 1
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
run "$IDX" --wait 5 --db par tree
[ "$RC" = 0 ] || [ "$RC" = 1 ] || fail "after killing a parallel build: exit $RC: $(cat err)"
assert_eq "$(xapian-delve par | grep 'number of documents')" \
    "$(xapian-delve clean | grep 'number of documents')" "documents of the parallel build"
