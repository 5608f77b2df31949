# Text output: a count line, then per hit rank and title, the date and
# byline, the path, and a snippet with the matches marked, in bold only on
# request (stdout here is not a terminal).
. "$GV_LIB"
"$SRCH" --db "$DB" -n 1 extradition
"$SRCH" --db "$DB" -n 1 --color=always extradition >colored
grep -q "$(printf '\033\\[1mextradition\033\\[0m')" colored || fail "no bold with --color=always"
