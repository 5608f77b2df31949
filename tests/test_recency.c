/* Unit tests of searcher/recency.h: half-lives as written on the command
 * line, and the decay of a score with an article's age. */
#include "recency.h"

#include <math.h>

#include "check.h"

static bool
near(double a, double b)
{
    return fabs(a - b) < 1e-9;
}

static void
test_half_life(void)
{
    double d = -1;
    CHECK(gv_recency_parse_half_life("90d", &d) && near(d, 90));
    CHECK(gv_recency_parse_half_life("12w", &d) && near(d, 84));
    CHECK(gv_recency_parse_half_life("2y", &d) && near(d, 730));
    CHECK(gv_recency_parse_half_life("1d", &d) && near(d, 1));
    CHECK(gv_recency_parse_half_life("1000y", &d) && near(d, 365000));
    d = -1;
    CHECK(!gv_recency_parse_half_life("1001y", &d));
    CHECK(!gv_recency_parse_half_life("0d", &d));
    CHECK(!gv_recency_parse_half_life("90", &d));
    CHECK(!gv_recency_parse_half_life("d", &d));
    CHECK(!gv_recency_parse_half_life("", &d));
    CHECK(!gv_recency_parse_half_life("-5d", &d));
    CHECK(!gv_recency_parse_half_life(" 5d", &d));
    CHECK(!gv_recency_parse_half_life("5dd", &d));
    CHECK(!gv_recency_parse_half_life("5m", &d)); /* months or minutes? */
    CHECK(!gv_recency_parse_half_life("99999999999999999999d", &d));
    CHECK(near(d, -1)); /* refusals leave it alone */
}

static void
test_halvings(void)
{
    /* 2021-01-11 is day 18638 since 1970-01-01. */
    long day = 18638;
    CHECK(gv_recency_today(0) == 0);
    CHECK(gv_recency_today((time_t)day * 86400 + 86399) == day);
    CHECK(near(gv_recency_halvings("20210111", 8, day, 30), 0));
    CHECK(near(gv_recency_halvings("20201212", 8, day, 30), 1));
    CHECK(near(gv_recency_halvings("20201112", 8, day, 30), 2));
    CHECK(near(gv_recency_halvings("20200111", 8, day, 366), 1)); /* leap */
    CHECK(near(gv_recency_halvings("20210112", 8, day, 30), 0));  /* future */
    /* Older always decays more, whatever the half-life. */
    CHECK(gv_recency_halvings("19870301", 8, day, 1) >
          gv_recency_halvings("19870302", 8, day, 1));
    /* No valid date: decayed away, so undated hits come last. */
    CHECK(isinf(gv_recency_halvings("", 0, day, 30)));
    CHECK(isinf(gv_recency_halvings("2021011", 7, day, 30)));
    CHECK(isinf(gv_recency_halvings("20210230", 8, day, 30)));
    CHECK(isinf(gv_recency_halvings("2021x111", 8, day, 30)));
}

int
main(void)
{
    test_half_life();
    test_halvings();
    return CHECK_DONE();
}
