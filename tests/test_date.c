/* Unit tests of common/date.h: the date forms archives use, refusal of
 * anything that is not a whole real date, and YYYY-MM-DD formatting. */
#define _DEFAULT_SOURCE /* timegm() */
#include "date.h"

#include <string.h>
#include <time.h>

#include "check.h"

/* Parse @p s and compare with y/m/d; print what came out on mismatch. */
static int
parses_to(const char *s, int y, int m, int d)
{
    gv_date out = {-1, -1, -1};
    bool ok = gv_date_parse(s, strlen(s), &out);

    if (!ok || out.year != y || out.month != m || out.day != d) {
        fprintf(stderr, "  \"%s\" -> %s %d-%d-%d, want %d-%d-%d\n", s,
                ok ? "ok" : "refused", out.year, out.month, out.day, y, m, d);
        return 0;
    }
    return 1;
}

static int
refuses(const char *s)
{
    gv_date out = {-1, -1, -1};

    if (gv_date_parse(s, strlen(s), &out)) {
        fprintf(stderr, "  \"%s\" accepted as %d-%d-%d\n", s, out.year,
                out.month, out.day);
        return 0;
    }
    return 1;
}

static void
test_valid_forms(void)
{
    CHECK(parses_to("2021-01-11", 2021, 1, 11));
    CHECK(parses_to("2021-01-11T08:30:00Z", 2021, 1, 11));
    CHECK(parses_to("2021/01/11", 2021, 1, 11));
    CHECK(parses_to("2021-1-5", 2021, 1, 5));
    CHECK(parses_to("January 11, 2021", 2021, 1, 11));
    CHECK(parses_to("11 January 2021", 2021, 1, 11));
    CHECK(parses_to("Jan. 11, 2021", 2021, 1, 11));
    CHECK(parses_to("Jan 11 2021", 2021, 1, 11));
    CHECK(parses_to("11th January 2021", 2021, 1, 11));
    CHECK(parses_to("1st March 2021", 2021, 3, 1));
    CHECK(parses_to("Monday, January 11, 2021", 2021, 1, 11));
    CHECK(parses_to("Mon, 11 Jan 2021 10:00:00 +0000", 2021, 1, 11));
    CHECK(parses_to("Sept. 3, 2020", 2020, 9, 3));
    CHECK(parses_to("29 February 2020", 2020, 2, 29));   /* leap year */
    CHECK(parses_to("29 February 2000", 2000, 2, 29));   /* 400-year leap */
    CHECK(parses_to("DECEMBER 31, 1999", 1999, 12, 31)); /* any case */
    CHECK(parses_to("  2021-01-11", 2021, 1, 11));       /* leading blanks */
    CHECK(parses_to("Nov 2, 2022", 2022, 11, 2));

    /* Only n bytes are read: the rest of the buffer must not matter. */
    gv_date d = {0, 0, 0};
    CHECK(gv_date_parse("2021-01-1199", 10, &d) && d.day == 11);
}

static void
test_invalid(void)
{
    CHECK(refuses("29 February 2021")); /* not a leap year */
    CHECK(refuses("29 February 1900")); /* century, not a leap year */
    CHECK(refuses("2021-13-01"));
    CHECK(refuses("2021-02-30"));
    CHECK(refuses("2021-04-31"));
    CHECK(refuses("2021-00-10"));
    CHECK(refuses("2021-01-00"));
    CHECK(refuses("January 2021")); /* no day */
    CHECK(refuses("11 January"));   /* no year */
    CHECK(refuses("hello"));
    CHECK(refuses(""));
    CHECK(refuses("   "));
    CHECK(refuses("Jan 32, 2021"));
    CHECK(refuses("12345-01-01")); /* year beyond 9999 */
    CHECK(refuses("0999-01-01"));  /* year before 1000 */
    CHECK(refuses("May be 2021")); /* "be" is not a day */
    CHECK(refuses("2021-01-111"));
    CHECK(refuses("2021-01/11")); /* mixed separators */
    CHECK(refuses("Jan 11, 21")); /* two-digit year */
    CHECK(refuses("Foo 11, 2021"));
    CHECK(refuses("January February 11 2021"));

    /* A refused date leaves *out as it was. */
    gv_date d = {7, 7, 7};
    CHECK(!gv_date_parse("2021-02-30", 10, &d));
    CHECK(d.year == 7 && d.month == 7 && d.day == 7);
}

static void
test_is_valid(void)
{
    CHECK(gv_date_is_valid(2021, 1, 31));
    CHECK(!gv_date_is_valid(2021, 2, 29));
    CHECK(gv_date_is_valid(2024, 2, 29));
    CHECK(!gv_date_is_valid(2021, 6, 31));
    CHECK(gv_date_is_valid(2021, 12, 31));
    CHECK(!gv_date_is_valid(2021, 0, 1));
    CHECK(!gv_date_is_valid(2021, 1, 0));
    CHECK(gv_date_is_valid(1000, 1, 1));
    CHECK(gv_date_is_valid(9999, 12, 31));
    CHECK(!gv_date_is_valid(10000, 1, 1));
}

static void
test_format(void)
{
    char out[GV_DATE_ISO_LEN + 1];
    gv_date d = {2021, 1, 11};

    gv_date_format(&d, out);
    CHECK_STR(out, "2021-01-11");
    d = (gv_date){1999, 12, 31};
    gv_date_format(&d, out);
    CHECK_STR(out, "1999-12-31");
    d = (gv_date){1000, 2, 3};
    gv_date_format(&d, out);
    CHECK_STR(out, "1000-02-03");

    /* Round trip: parse a worded date, format, parse the result again. */
    gv_date a = {0, 0, 0}, b = {0, 0, 0};
    CHECK(gv_date_parse("Sept. 3, 2020", 13, &a));
    gv_date_format(&a, out);
    CHECK_STR(out, "2020-09-03");
    CHECK(strlen(out) == GV_DATE_ISO_LEN);
    CHECK(gv_date_parse(out, strlen(out), &b));
    CHECK(b.year == a.year && b.month == a.month && b.day == a.day);
}

/* gv_date_to_days against timegm(), day by day across leap years. */
static void
test_to_days(void)
{
    gv_date d = {1970, 1, 1};
    CHECK(gv_date_to_days(&d) == 0);
    d = (gv_date){1969, 12, 31};
    CHECK(gv_date_to_days(&d) == -1);
    d = (gv_date){2000, 3, 1};
    CHECK(gv_date_to_days(&d) == 11017);

    long mismatches = 0;
    for (int y = 1896; y <= 2104; y++)
        for (int m = 1; m <= 12; m++)
            for (int day = 1; day <= 31; day++) {
                if (!gv_date_is_valid(y, m, day))
                    continue;
                struct tm tm = {0};
                tm.tm_year = y - 1900, tm.tm_mon = m - 1, tm.tm_mday = day;
                d = (gv_date){y, m, day};
                if (gv_date_to_days(&d) * 86400L != (long)timegm(&tm))
                    mismatches++;
            }
    CHECK(mismatches == 0);
}

int
main(void)
{
    test_to_days();
    test_valid_forms();
    test_invalid();
    test_is_valid();
    test_format();
    return CHECK_DONE();
}
