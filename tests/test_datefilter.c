/* Unit tests of searcher/datefilter.h: date bounds as people write them. */
#include "datefilter.h"

#include <string.h>

#include "check.h"

/* 2021-03-15 12:00:00 UTC */
#define NOW ((time_t)1615809600)

static const char *
bound(const char *s, bool upper)
{
    static char out[GV_DATE_KEY_LEN + 1];

    if (!gv_date_bound_parse(s, strlen(s), upper, NOW, out))
        return "(none)";
    return out;
}

static void
test_bounds(void)
{
    CHECK_STR(bound("2021-03-05", false), "20210305");
    CHECK_STR(bound("2021-03-05", true), "20210305");
    CHECK_STR(bound("20210305", false), "20210305");
    CHECK_STR(bound("2021/3/5", false), "20210305");
    CHECK_STR(bound("2021.03.05", true), "20210305");
    CHECK_STR(bound("2021-03", false), "20210301");
    CHECK_STR(bound("2021-03", true), "20210331");
    CHECK_STR(bound("2020-02", true), "20200229");
    CHECK_STR(bound("2021-02", true), "20210228");
    CHECK_STR(bound("202104", true), "20210430");
    CHECK_STR(bound("2021", false), "20210101");
    CHECK_STR(bound("2021", true), "20211231");
    CHECK_STR(bound(" 2021 ", true), "20211231");
    CHECK_STR(bound("30d", false), "20210213");
    CHECK_STR(bound("2w", false), "20210301");
    CHECK_STR(bound("0d", false), "20210315");
    static const char *const bad[] = {
        "",          "21",       "2021-13",    "2021-02-30", "2021-03-05x",
        "2021-",     "2021-03-", "2021-3/5",   "0999",       "20210",
        "2021031",   "d",        "30",         "-5d",        "5y",
        "yesterday", "2021--03", "March 2021",
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        const char *got = bound(bad[i], false);
        if (strcmp(got, "(none)") != 0)
            fprintf(stderr, "'%s' was taken as %s\n", bad[i], got);
        CHECK_STR(got, "(none)");
    }
}

static void
test_ranges(void)
{
    gv_date_bounds b;
    const char *why = NULL;

    CHECK(gv_date_bounds_parse("2020-01-01..2020-06-30", NOW, &b, &why));
    CHECK_STR(b.lo, "20200101");
    CHECK_STR(b.hi, "20200630");
    CHECK(gv_date_bounds_parse("2020..2021-02", NOW, &b, &why));
    CHECK_STR(b.lo, "20200101");
    CHECK_STR(b.hi, "20210228");
    CHECK(gv_date_bounds_parse("2021-03", NOW, &b, &why));
    CHECK_STR(b.lo, "20210301");
    CHECK_STR(b.hi, "20210331");
    CHECK(gv_date_bounds_parse("2020-05..", NOW, &b, &why));
    CHECK_STR(b.lo, "20200501");
    CHECK_STR(b.hi, "");
    CHECK(gv_date_bounds_parse("..2019", NOW, &b, &why));
    CHECK_STR(b.lo, "");
    CHECK_STR(b.hi, "20191231");
    CHECK(gv_date_bounds_parse("7d..", NOW, &b, &why));
    CHECK_STR(b.lo, "20210308");

    CHECK(!gv_date_bounds_parse("..", NOW, &b, &why));
    CHECK(!gv_date_bounds_parse("2021..2020", NOW, &b, &why));
    CHECK(why && strstr(why, "ends before it starts"));
    CHECK(!gv_date_bounds_parse("2020..x", NOW, &b, &why));
    CHECK(why && strstr(why, "expected a date"));
    CHECK(!gv_date_bounds_parse("", NOW, &b, &why));
    CHECK(!gv_date_bounds_parse("2020...2021", NOW, &b, &why));
}

int
main(void)
{
    test_bounds();
    test_ranges();
    return CHECK_DONE();
}
