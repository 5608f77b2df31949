# The progress line: none when stderr is a file (as here) unless
# --progress, then plain lines per phase; on a terminal redrawn with '\r'
# and cleared before warnings and the summary.
. "$GV_LIB"
phases='^gavel-index: (counting|indexing|removing|committing) '
esc=$(printf '\033')
cr=$(printf '\r')

# Default, stderr is a file: the summary only.
run "$IDX" --db a.db "$FX/articles"
assert_rc 0
assert_eq "$(grep -Ec "$phases" err)" 0 "progress lines by default"
assert_eq "$(wc -l <err)" 1 "stderr lines by default"

# --progress to a file: a plain line at each phase, without '\r' or
# escapes; the last counts every file done, as -v lists them.
run "$IDX" --db b.db --progress -v "$FX/articles"
assert_rc 0
for p in counting indexing removing committing; do
    grep -q "^gavel-index: $p " err || fail "no '$p' line"
done
if grep -q "[$cr$esc]" err; then fail "'\\r' or an escape in a log"; fi
last=$(grep -E "$phases" err | tail -1)
files=$(grep -c "^gavel-index: indexed '" err)
[ "$files" -ge 30 ] || fail "only $files files listed"
case "$last" in
"gavel-index: committing $files/$files files, $files docs"*) ;;
*) fail "last progress line '$last', expected $files/$files files" ;;
esac
assert_err_has "indexed $files, unchanged 0"

# Again: every file unchanged, each counted as done.
run "$IDX" --db b.db --progress "$FX/articles"
assert_rc 0
grep -q "^gavel-index: committing $files/$files files, 0 docs" err ||
    fail "unchanged files not counted as done"

# --no-progress, and the last of the two options wins.
run "$IDX" --db c.db --progress --no-progress "$FX/articles"
assert_rc 0
assert_eq "$(grep -Ec "$phases" err)" 0 "progress lines with --no-progress"
# -q keeps warnings and drops the summary; --progress still shows.
run "$IDX" --db c.db -q --no-progress --progress "$FX/bad/binary.txt"
assert_rc 1
assert_err_has "committing 1/1 files, 0 docs"
assert_eq "$(grep -c 'indexed 0, unchanged' err)" 0 "summary with -q"

# Warnings stay whole lines between progress lines.
run "$IDX" --db d.db --progress "$FX/articles" "$FX/bad/binary.txt" \
    "$FX/bad/truncated.txt.gz"
assert_rc 1
grep -qx "gavel-index: warning: '$FX/bad/binary.txt': skipping: binary file (NUL bytes)" err ||
    fail "binary.txt warning not a whole line"
grep -qx "gavel-index: warning: '$FX/bad/truncated.txt.gz': skipping: truncated gzip stream" err ||
    fail "truncated.txt.gz warning not a whole line"
assert_err_has "failed 2"

# On a pseudo-terminal (util-linux script): redrawn in place with '\r'
# and ESC[K, cleared before a warning and before the summary.
if ! command -v script >/dev/null 2>&1 ||
    ! script -qec true /dev/null >/dev/null 2>&1; then
    exit 0 # no script(1) or no pty here: the rest is skipped
fi
on_tty() {
    TERM=xterm script -qec "$*" /dev/null >tty </dev/null
}
on_tty "'$IDX' --db e.db '$FX/articles' '$FX/bad/binary.txt'"
grep -q "${cr}gavel-index: committing 32/32 files, 31 docs.*$esc\[K" tty ||
    fail "no committing line drawn in place: $(od -c tty | head -20)"
grep -q "$cr$esc\[Kgavel-index: warning: '$FX/bad/binary.txt'" tty ||
    fail "line not cleared before the warning"
grep -q "$cr$esc\[Kgavel-index: indexed 31, unchanged 0" tty ||
    fail "line not cleared before the summary"
# -v lists files instead; -q shows no line either.
on_tty "'$IDX' --db f.db -v '$FX/articles'"
if grep -q "$esc" tty; then fail "a progress line with -v"; fi
on_tty "'$IDX' --db g.db -q '$FX/articles'"
[ ! -s tty ] || fail "output with -q on a terminal: $(cat -v tty)"
exit 0
