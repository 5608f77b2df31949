# The disk fills up while gavel-index writes (an LD_PRELOAD shim makes
# writes under the index fail with ENOSPC after a budget): a clear error
# naming the index, exit 2, and the index still opens at its last commit,
# sound for xapian-check, with the first run's articles all found.
. "$GV_LIB"
[ -n "${GV_ENOSPC_SHIM:-}" ] && [ -f "$GV_ENOSPC_SHIM" ] || exit 77
command -v xapian-check >/dev/null 2>&1 || exit 77
preload=$GV_ENOSPC_SHIM
if [ "${GV_SANITIZE:-0}" = 1 ]; then
    # ASan's runtime must come first in the list of loaded libraries.
    asan=$(ldd "$IDX" | awk '/libasan/ { print $3 }')
    [ -n "$asan" ] && [ -f "$asan" ] || exit 77
    preload="$asan $GV_ENOSPC_SHIM"
fi
run "$IDX" --db idx "$FX/articles/uk"
assert_rc 0
first=$("$SRCH" --db idx -f json -n 1000 "path:$FX/articles/uk" | jq '.hits | length')
[ "$first" -gt 0 ] || fail "the first run indexed nothing"
run env GV_ENOSPC_DIR="$PWD/idx" GV_ENOSPC_AFTER=100000 LD_PRELOAD="$preload" \
    timeout 60 "$IDX" --db idx -b 5 "$FX/articles"
assert_rc 2
assert_err_has "gavel-index: cannot write index 'idx': no space left on device"
assert_err_has "gavel-index: stopped; the last committed batch is kept"
xapian-check idx >check.log 2>&1 || { cat check.log >&2; fail "xapian-check"; }
assert_eq "$("$SRCH" --db idx -f json -n 1000 "path:$FX/articles/uk" | jq '.hits | length')" \
    "$first" "first run's articles after the failed run"
# Space again: the next run completes.
run "$IDX" --db idx "$FX/articles"
assert_rc 0
