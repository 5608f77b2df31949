# Xapian's query language: AND by default, OR, NOT, XOR, brackets, +/-,
# phrases, NEAR, wildcards; --any makes plain words OR.
. "$GV_LIB"
assert_eq "$(hits bribery)" 6 "bribery"
assert_eq "$(hits '"plea bargain"')" 3 "phrase"
assert_eq "$(hits plea bargain)" 4 "both words (AND)"
assert_eq "$(hits 'plea NEAR bargain')" 3 "NEAR (within 10 words)"
assert_eq "$(hit_files bribery source:reuters)" "uk-solicitor-bribery-trial.txt" "AND with a field"
assert_eq "$(hits 'bribery AND NOT source:reuters')" 5 "AND NOT"
assert_eq "$(hits 'bribery -source:reuters')" 5 "minus"
# Options may follow the query; a -word after -- is a query word.
n=$("$SRCH" bribery --db "$DB" -f json -- -kenya | jq '.hits | length')
assert_eq "$n" 5 "-word after --"
run "$SRCH" --db "$DB" bribery -kenya
assert_rc 2
assert_err_has "unknown option '-k'"
assert_err_has "put it after --"
assert_eq "$(hits 'extradition OR quarantotto')" 4 "OR"
assert_eq "$(hits 'extradition XOR forfeiture')" \
    "$(( $(hits extradition OR forfeiture) - $(hits extradition AND forfeiture) ))" "XOR"
assert_eq "$(hits '(extradition OR quarantotto) AND banker')" 1 "brackets"
assert_eq "$(hits 'judic*')" 13 "wildcard"
assert_eq "$(hits quarantotto extradition)" 0 "plain words AND"
n=$("$SRCH" --db "$DB" --any -f json quarantotto extradition | jq '.hits | length')
assert_eq "$n" 4 "--any"
