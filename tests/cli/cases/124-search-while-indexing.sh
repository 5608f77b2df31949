# Searches never need the write lock: while gavel-index commits every 100
# documents, a loop of searches (each a new process) sees no failure.
. "$GV_LIB"
corpus="$GV_SHARED/corpora/reuters21578/docs.jsonl.gz"
[ -f "$corpus" ] || exit 77
mkdir tree
zcat "$corpus" | split -l 500 -a 2 - tree/part- --additional-suffix=.jsonl
"$IDX" -q -b 1 --db idx "$FX/articles/uk" # so searches have an index
"$IDX" -q -b 100 --db idx tree 2>/dev/null &
pid=$!
n=0
failed=0
while kill -0 $pid 2>/dev/null; do
    for q in 'oil prices' 'year:1987 cocoa' 'trade OR tariff' '"interest rates"'; do
        "$SRCH" --db idx -n 5 -- "$q" >/dev/null 2>search.err
        rc=$?
        n=$((n + 1))
        if [ $rc -eq 2 ]; then
            failed=$((failed + 1))
            cat search.err >&2
        fi
    done
done
wait $pid
echo "searches during indexing: $n, failed: $failed"
[ $n -ge 20 ] || fail "only $n searches ran during indexing"
assert_eq "$failed" 0 "failed searches"
