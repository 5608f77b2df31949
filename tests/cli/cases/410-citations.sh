# cite: finds a statute or case however an article wrote it; look-alikes
# are not citations; --facet cite counts them over every match; JSON
# lists each hit's citations.
. "$GV_LIB"
mkdir a
cat >a/usc-formal.txt <<'TXT'
Title: Police officers sued over raid

The family sued under 42 U.S.C. § 1983, citing Roe v. Wade, 410 U.S. 113.
TXT
cat >a/usc-plain.txt <<'TXT'
Title: Jail conditions claim survives

The judge let the 42 USC 1983 claim go ahead, and a conspiracy claim under
42 U.S.C. §§ 1983, 1985 with it.
TXT
cat >a/usc-words.txt <<'TXT'
Title: Explainer: suing the state

Most such suits rely on section 1983 of title 42 of the United States Code.
TXT
cat >a/india.txt <<'TXT'
Title: Bench revisits custodial death ruling

The bench followed AIR 1996 SC 463 and (1995) 6 SCC 315, as well as
1995 (5) SCALE 690, in reading Article 21 of the Constitution.
TXT
cat >a/uk-china.txt <<'TXT'
Title: Courts abroad

London: the court applied [2020] UKSC 5 and [2019] EWCA Crim 123.
Beijing: prosecutors invoked Article 12 of the Criminal Law of the
People's Republic of China.
TXT
cat >a/lookalikes.txt <<'TXT'
Title: Numbers that are not citations

Call 555 123 4567 or +1 202 555 0100. On 12 May 2020, 42 U.S. soldiers
and 410 US troops arrived. Article 12 was read aloud. [2020] was a hard
year for AIR 2020 passengers, said section 5 of the report.
TXT
"$IDX" -q --db idx a 2>/dev/null || fail "index"

cites() {
    "$SRCH" --db idx -f paths -- "cite:$1" | sed 's|.*/||' | sort | tr '\n' ' '
}
usc1983="usc-formal.txt usc-plain.txt usc-words.txt "
assert_eq "$(cites '"42 U.S.C. § 1983"')" "$usc1983" "42 U.S.C. § 1983"
assert_eq "$(cites '"42 USC 1983"')" "$usc1983" "42 USC 1983"
assert_eq "$(cites '"section 1983 of title 42"')" "$usc1983" "in words"
assert_eq "$(cites usc:42:1983)" "$usc1983" "the key itself"
assert_eq "$(cites '"42 USC 1985"')" "usc-plain.txt " "§§ gives both"
assert_eq "$(cites '"410 U.S. 113"')" "usc-formal.txt " "US Reports"
assert_eq "$(cites '"AIR 1996 SC 463"')" "india.txt " "AIR"
assert_eq "$(cites '"(1995) 6 SCC 315"')" "india.txt " "SCC"
assert_eq "$(cites '"1995 (5) SCALE 690"')" "india.txt " "SCALE"
assert_eq "$(cites '"[2020] UKSC 5"')" "uk-china.txt " "UKSC"
assert_eq "$(cites '"[2019] EWCA Crim 123"')" "uk-china.txt " "EWCA Crim"
assert_eq "$(cites '"Article 12 of the Criminal Law"')" "uk-china.txt " "article"
# Nothing in the look-alikes is a citation.
"$SRCH" --db idx -f json 'path:'"$PWD/a/lookalikes.txt" |
    jq -e '.hits[0].citations == []' >/dev/null || fail "look-alikes cited"
# With words, and combined with other filters.
assert_eq "$(cites '"42 USC 1983" conspiracy')" "usc-plain.txt " "with words"

# JSON lists each hit's citations, each key once.
"$SRCH" --db idx -f json 'cite:"42 USC 1985"' >out
assert_eq "$(jq -r '.hits[0].citations | join(" ")' out)" \
    "usc:42:1983 usc:42:1985" "citations field"
# Facet counts over every match (-n 0: the counts alone).
run "$SRCH" --db idx -f json -n 0 --facet cite 'cite:usc:42:1983'
assert_rc 0
assert_eq "$(jq -c '.facets.cite[0:3]' out)" \
    '[{"value":"usc:42:1983","count":3},{"value":"us:410:113","count":1},{"value":"usc:42:1985","count":1}]' \
    "facet counts"
run "$SRCH" --db idx --facet cite:1 'Article OR court OR claim'
assert_rc 0
assert_out_has "cite (in all"
[ "$(grep -c '^ *[0-9][0-9]*  ' out)" = 1 ] || fail "--facet cite:1 shows one"

run "$SRCH" --db idx 'cite:"hello world"'
assert_rc 2
assert_err_has 'cite:"hello world" is not a citation'
run "$SRCH" --db idx --facet cite -f tsv court
assert_rc 2
assert_err_has "--facet goes with -f text or json"
