# Shards. A slice of Reuters-21578 (../shared/corpora, not copied here),
# in 18 JSON-lines files, indexed once as one index and once as 3 shards
# (gavel-index --shards), ranks the same: through the stub file, through
# several --db, and through a stub that mixes a local shard with two served
# by xapian-tcpsrv on loopback ports (same hits, same scores, same order
# but for ties). A server that dies or hangs: an error naming it (exit 2),
# or with --partial the other shards' hits and a warning, within the
# timeout. --compact merges the shards back into one index.
. "$GV_LIB"
corpus="$GV_SHARED/corpora/reuters21578/docs.jsonl.gz"
[ -f "$corpus" ] || exit 77
for tool in xapian-tcpsrv setsid; do
    command -v "$tool" >/dev/null || {
        echo "221-shards: $tool is missing (apt-get install xapian-tools)" >&2
        exit 77
    }
done

# Servers run in a process group of their own, by setsid (xapian-tcpsrv
# signals its whole process group when it stops), and are always stopped,
# hung ones too.
pids=
stop_servers() {
    for p in $pids; do
        kill -CONT "-$p" 2>/dev/null
        kill -- "-$p" 2>/dev/null
    done
}
trap stop_servers EXIT
trap 'exit 1' INT TERM

# serve DB: xapian-tcpsrv for DB on a free loopback port; sets $port and
# $pid, and leaves its log (one line per connection) in srv.$port.
serve() {
    try=0
    while [ "$try" -lt 20 ]; do
        port=$(awk -v s="$$$try$(date +%N)" 'BEGIN { srand(s % 2147483647);
            print 20000 + int(rand() * 40000) }')
        setsid xapian-tcpsrv --port "$port" --interface 127.0.0.1 "$1" \
            >"srv.$port" 2>&1 &
        pid=$!
        pids="$pids $pid"
        i=0
        while [ "$i" -lt 100 ]; do
            grep -qs '^Listening' "srv.$port" && return 0
            kill -0 "$pid" 2>/dev/null || break # port taken: try another
            sleep 0.1
            i=$((i + 1))
        done
        try=$((try + 1))
    done
    fail "cannot start xapian-tcpsrv for '$1'"
}

# halt PID: stop a server for good (and its connections).
halt() {
    kill -- "-$1" 2>/dev/null
    wait "$1" 2>/dev/null
}

# connections PORT: how many connections the server on PORT has had.
connections() {
    grep -c '^Connection from' "srv.$1"
}

# ranked DBARGS QUERY...: the hits, "score date record" in rank order
# (scores to 3 decimals), searched within 30 s. Every copy of a story:
# copies are grouped within a shard, so folding them differs.
ranked() {
    dbs=$1
    shift
    # shellcheck disable=SC2086 # DBARGS is split on purpose
    timeout 30 "$SRCH" $dbs -n 1000 -f json --no-snippets --all-copies "$@" >ranked.json ||
        [ $? = 1 ] || fail "search $dbs $*"
    jq -r '.hits[] | "\(.score * 1000 | round) \(.date) \(.record)"' ranked.json
}

# same A B WHAT: the same ranking: scores and dates in the same order, and
# the same hits (equal ones may swap: their order follows docids).
same() {
    [ -n "$1" ] || fail "$3: no hits"
    assert_eq "$(echo "$1" | cut -d' ' -f1,2)" "$(echo "$2" | cut -d' ' -f1,2)" \
        "$3: scores in rank order"
    assert_eq "$(echo "$1" | sort)" "$(echo "$2" | sort)" "$3: hits"
}

mkdir corpus
zcat "$corpus" | head -1800 |
    split -l 100 -a 2 --additional-suffix=.jsonl - corpus/part-
run "$IDX" --no-progress --db one corpus
assert_rc 0
run "$IDX" --no-progress --shards 3 --db three corpus
assert_rc 0
assert_err_has "(index 'three' holds 1800 documents in 3 shards)"
[ -f three ] || fail "no stub file"
assert_eq "$(grep -v '^#' three)" "auto three.shards/0
auto three.shards/1
auto three.shards/2" "stub file"
for i in 0 1 2; do
    n=$("$SRCH" --db "three.shards/$i" -f json --stats | jq .documents)
    [ "$n" -gt 0 ] && [ "$n" -lt 1800 ] || fail "shard $i holds $n documents"
done
# Xapian's own tools read the stub too.
if command -v quest >/dev/null; then
    quest -d three cocoa | grep -q '^Exactly' || fail "quest over the stub"
fi

serve three.shards/1
p1=$port
pid1=$pid
serve three.shards/2
p2=$port
pid2=$pid
printf '# shard 0 here, 1 and 2 served\nauto three.shards/0\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' \
    "$p1" "$p2" >mixed

# The same rankings over one index and over the shards, every way.
for q in cocoa '"oil prices"' 'title:bank AND rate' 'place:tokyo yen' \
    'wheat OR maize'; do
    want=$(ranked "--db one" "$q")
    same "$(ranked "--db three" "$q")" "$want" "stub: $q"
    same "$(ranked "--db three.shards/0 --db three.shards/1 --db three.shards/2" "$q")" \
        "$want" "three --db: $q"
    same "$(ranked "--db mixed" "$q")" "$want" "local and remote: $q"
    jq -e '[.hits[].docid] | length == (unique | length)' ranked.json >/dev/null ||
        fail "docids repeat over shards: $q"
done
# A wildcard matches the same articles; Xapian 1.4 expands it in each shard
# on its own, so its scores differ (see README).
assert_eq "$(ranked "--db mixed" 'export*' | cut -d' ' -f3 | sort)" \
    "$(ranked "--db one" 'export*' | cut -d' ' -f3 | sort)" "export*"
want=$(ranked "--db one" --since 1987-03-02 --until 1987-03-05 --sort newest sugar)
same "$(ranked "--db mixed" --since 1987-03-02 --until 1987-03-05 --sort newest sugar)" \
    "$want" "date range, newest first"
want=$(ranked "--db one" --any gold silver copper)
same "$(ranked "--db mixed" --any gold silver copper)" "$want" "--any"
# Snippets and every other field of a hit, docids apart.
for d in one mixed; do
    timeout 30 "$SRCH" --db "$d" -f json -n 20 'coffee prices' |
        jq -c '.hits[] | del(.docid)' | sort >"hits.$d" || fail "json over $d"
done
cmp -s hits.one hits.mixed || fail "hits with snippets differ over the shards"
# A batch of queries, counted exactly.
printf 'cocoa\ngrain exports\nnot-a-word-here\ndollar yen\n' >queries
timeout 30 "$SRCH" --db one --queries queries --count --exact --all-copies >count.one
timeout 30 "$SRCH" --db mixed --queries queries --count --exact --all-copies >count.mixed
cmp -s count.one count.mixed || fail "--queries --count differs over the shards"
# Saved searches remember articles, not document numbers: seen over the
# one index, nothing is new over the shards.
printf 'cocoa\tcocoa\nyen\tyen place:tokyo\n' >watch
run timeout 30 "$SRCH" --db one --all-copies --watch watch --state state --init
assert_rc 1
run timeout 30 "$SRCH" --db mixed --all-copies --watch watch --state state
assert_rc 1
[ ! -s out ] || fail "--watch over the shards found new articles"
run timeout 30 "$SRCH" --db mixed --stats
assert_rc 0
assert_out_has "documents:  1800"
assert_out_has "shards:     3 (2 remote)"

# The queries below search single shards, whose documents depend on
# where the test runs (shards follow a hash of each file's path): a word
# of nearly every article has hits in each.
common=said
# A server dies while a search has it open (the queries come through a
# FIFO once both connections are up): by default an error naming it.
# dies_midway MODE: run --queries over mixed with MODE, killing server 2
# once connected; leaves the results in out and err, the exit code in RC.
dies_midway() {
    rm -f qfifo
    mkfifo qfifo
    c1=$(connections "$p1")
    c2=$(connections "$p2")
    # shellcheck disable=SC2086 # MODE may be empty
    timeout 30 "$SRCH" $1 --timeout 2 --db mixed --queries qfifo -f jsonl \
        -n 1000 --all-copies --no-snippets >out 2>err &
    spid=$!
    i=0
    while [ "$(connections "$p1")" = "$c1" ] || [ "$(connections "$p2")" = "$c2" ]; do
        [ "$i" -lt 200 ] || fail "gavel-search did not connect"
        sleep 0.1
        i=$((i + 1))
    done
    halt "$pid2"
    printf '%s\n' "$common" >qfifo
    wait "$spid"
    RC=$?
}
dies_midway ""
assert_rc 2 "a shard died"
assert_err_has "shard '127.0.0.1:$p2' (in 'mixed') stopped answering"
[ ! -s out ] || fail "results printed after an error"

# With --partial: the other shards' hits, and a warning naming it.
serve three.shards/2
p2=$port
pid2=$pid
printf 'auto three.shards/0\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' \
    "$p1" "$p2" >mixed
dies_midway --partial
assert_rc 0 "--partial"
assert_err_has "warning: left out shard '127.0.0.1:$p2' (in 'mixed')"
want=$(ranked "--db three.shards/0 --db three.shards/1" "$common")
same "$(jq -r '"\(.score * 1000 | round) \(.date) \(.record)"' out)" "$want" \
    "--partial, shard 2 died midway"

# A server that is down when the search starts: at once, an error, or
# with --partial the others' hits.
run timeout 30 "$SRCH" --db mixed "$common"
assert_rc 2 "a shard is down"
assert_err_has "gavel-search: cannot reach shard '127.0.0.1:$p2' (in 'mixed'): "
run timeout 30 "$SRCH" --db mixed -f json -n 1000 --all-copies --no-snippets --partial "$common"
assert_rc 0 "--partial, a shard is down"
assert_err_has "warning: left out shard '127.0.0.1:$p2' (in 'mixed')"
same "$(jq -r '.hits[] | "\(.score * 1000 | round) \(.date) \(.record)"' out)" \
    "$want" "--partial, shard 2 down"

# A server that hangs (stopped: it accepts connections, never answers):
# the timeout ends the wait.
kill -STOP "-$pid1"
printf 'auto three.shards/0\nremote 127.0.0.1:%s\n' "$p1" >hung
start=$(date +%s)
run timeout 30 "$SRCH" --timeout 1 --db hung "$common"
assert_rc 2 "a shard hangs"
assert_err_has "cannot reach shard '127.0.0.1:$p1' (in 'hung'): Timeout"
run timeout 30 "$SRCH" --timeout 1 --partial --db hung -f json -n 1000 --all-copies \
    --no-snippets "$common"
assert_rc 0 "--partial, a shard hangs"
assert_err_has "warning: left out shard '127.0.0.1:$p1' (in 'hung')"
[ $(($(date +%s) - start)) -le 12 ] || fail "two searches with --timeout 1 took over 12 s"
same "$(jq -r '.hits[] | "\(.score * 1000 | round) \(.date) \(.record)"' out)" \
    "$(ranked "--db three.shards/0" "$common")" "--partial, shard 1 hangs"

# Options and stub lines that are wrong.
run "$SRCH" --timeout 0 --db one cocoa
assert_rc 2
assert_err_has "invalid --timeout '0'"
printf 'auto three.shards/0\nremote 127.0.0.1\n' >bad
run "$SRCH" --db bad cocoa
assert_rc 2
assert_err_has "stub 'bad' line 2: expected remote HOST:PORT"
printf 'auto three.shards/9\n' >bad
run "$SRCH" --db bad cocoa
assert_rc 2
assert_err_has "cannot open shard 'three.shards/9' (in 'bad'): No such file or directory"

# The shards merged back into one index rank as the one index did, and
# it updates like any other. The number of shards of a stub is fixed.
run "$IDX" --db three --compact merged
assert_rc 0
same "$(ranked "--db merged" cocoa)" "$(ranked "--db one" cocoa)" "merged"
run "$IDX" --no-progress --db merged corpus
assert_rc 0
assert_err_has "indexed 0, unchanged 18,"
run "$IDX" --db three --compact merged
assert_rc 2
assert_err_has "cannot merge into 'merged': it already exists"
run "$IDX" --shards 4 --db three corpus
assert_rc 2
assert_err_has "'three' holds 3 shards, not 4"
# A changed and a removed file, in whichever shard they are.
sed 's/"title": *"[^"]*"/"title": "Zanzibar cloves report"/' corpus/part-aa.jsonl >part.tmp
mv part.tmp corpus/part-aa.jsonl
rm corpus/part-ab.jsonl
run "$IDX" --no-progress --db three corpus
assert_rc 0
assert_err_has "unchanged 16, removed 1,"
assert_err_has "holds 1700 documents in 3 shards"
[ "$("$SRCH" --db three --count --exact 'title:zanzibar' | cut -f1)" -ge 1 ] ||
    fail "the changed file is not found"
