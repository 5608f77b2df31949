# Date fields and options: date: ranges (closed and open), year:, month:,
# day:, --since and --until; bad dates are usage or query errors.
. "$GV_LIB"
cp -R "$FX/formats" fx
touch -d 2024-05-01T12:00:00Z fx/wire/london-fraud-sentencing.txt fx/archive.jsonl
"$IDX" -q --db idx fx 2>/dev/null
records() { # records QUERY [OPTION...]: sorted record ids or file names
    q=$1
    shift
    "$SRCH" --db idx -f json -n 100 "$@" -- "$q" |
        jq -r '.hits[] | .record // (.path | sub(".*/"; ""))' | sort | tr '\n' ' '
}
assert_eq "$(records 'date:2020-01-01..2020-12-31')" "1002 no-text sc-2020-001 " "closed range"
assert_eq "$(records 'date:2020')" "1002 no-text sc-2020-001 " "a year as a range"
assert_eq "$(records 'date:2022-05-10..')" "dl-geneva london-fraud-sentencing.txt sd-2 senate-subpoena-reuters.txt " "open end"
assert_eq "$(records 'date:..2019-12-31')" "delhi-bail-pti-2019-10-05.txt " "open start"
assert_eq "$(records 'year:2022')" "sd-1 sd-2 " "year:"
assert_eq "$(records 'month:2020-07')" "1002 " "month:"
assert_eq "$(records 'day:2022-05-09')" "sd-1 " "day:"
assert_eq "$(records 'court date:2020')" "1002 no-text sc-2020-001 " "words and a range"
assert_eq "$(records 'court OR jury OR senate' --since 2022-05-10)" "london-fraud-sentencing.txt sd-2 senate-subpoena-reuters.txt " "--since"
assert_eq "$(records 'court' --until 2020-06)" "delhi-bail-pti-2019-10-05.txt sc-2020-001 " "--until a month"
assert_eq "$(records 'court' --since 2020 --until 2020)" "1002 no-text sc-2020-001 " "--since and --until"
# An undated article is outside every range.
assert_eq "$(records 'gorseway')" "london-not-a-dateline.txt " "undated found"
assert_eq "$(records 'gorseway' --since 1900)" "" "undated filtered out"

run "$SRCH" --db idx 'date:2020-13-01'
assert_rc 2
assert_err_has "date:2020-13-01: expected a date"
run "$SRCH" --db idx 'date:2021..2020'
assert_rc 2
assert_err_has "ends before it starts"
run "$SRCH" --db idx 'year:20'
assert_rc 2
assert_err_has "year:20: expected a year such as 2021"
run "$SRCH" --db idx --since yesterday court
assert_rc 2
assert_err_has "invalid --since 'yesterday'"
run "$SRCH" --db idx --since 2022 --until 2021 court
assert_rc 2
assert_err_has "--since is after --until"
# Relative dates: nothing in the fixtures is from the last 30 days.
run "$SRCH" --db idx --since 30d court
assert_rc 1
