/* Unit tests of common/dating.h: which clue dates an article, and the
 * year a dateline without one is given. */
#include "dating.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Midday UTC of a day, for file times (timegm() is not POSIX). */
static time_t
utc(int year, int month, int day)
{
    /* Days since 1970-01-01 of the civil date (Howard Hinnant's method). */
    int y = year - (month <= 2);
    int era = y / 400, yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long days = (long)era * 146097 + doe - 719468;

    return (time_t)days * 86400 + 12 * 3600;
}

/* Complete an article of @p body (with a @p header_date if not NULL)
 * read from @p path at @p mtime; its date as "YYYY-MM-DD source". */
static const char *
dated(const char *body, const char *header_date, const char *path, time_t mtime)
{
    static char out[64];
    gv_article a;
    gv_err err = GV_ERR_INIT;
    char iso[GV_DATE_ISO_LEN + 1];

    memset(&a, 0, sizeof(a));
    a.body = body;
    a.body_len = strlen(body);
    if (header_date && gv_date_parse(header_date, strlen(header_date), &a.date))
        a.date_source = GV_DATE_HEADER;
    if (gv_article_complete(&a, NULL, path, mtime, &err) != GV_OK)
        return "(error)";
    if (a.date_source == GV_DATE_NONE) {
        snprintf(out, sizeof(out), "none");
    } else {
        gv_date_format(&a.date, iso);
        snprintf(out, sizeof(out), "%s %s", iso,
                 gv_date_source_name(a.date_source));
    }
    gv_article_release(&a);
    return out;
}

static void
test_sources(void)
{
    const char *wire = "LONDON, March 3 (Reuters) - A court ruled.";
    time_t may2024 = utc(2024, 5, 1);

    /* A header beats everything. */
    CHECK_STR(dated(wire, "2020-01-02", "/a/2019/01/01/x.txt", may2024),
              "2020-01-02 header");
    /* A dateline with its year needs nothing else. */
    CHECK_STR(
        dated("PARIS, March 3, 1999 (AFP) - Text.", NULL, "/a/x.txt", may2024),
        "1999-03-03 dateline");
    /* The year from the path: a full date, or a year folder. */
    CHECK_STR(dated(wire, NULL, "/a/2021/06/30/x.txt", may2024),
              "2021-03-03 dateline+path");
    CHECK_STR(dated(wire, NULL, "/a/2019/x.txt", may2024),
              "2019-03-03 dateline+path");
    /* Else from the file time. */
    CHECK_STR(dated(wire, NULL, "/a/x.txt", may2024),
              "2024-03-03 dateline+mtime");
    /* No dateline: a full date in the path, else nothing. The file time
     * alone dates nothing. */
    CHECK_STR(dated("A court ruled.", NULL, "/a/2021-06-30-x.txt", may2024),
              "2021-06-30 path");
    CHECK_STR(dated("A court ruled.", NULL, "/a/2021/x.txt", may2024), "none");
    CHECK_STR(dated("A court ruled.", NULL, "/a/x.txt", may2024), "none");
    CHECK_STR(dated("A court ruled.", NULL, NULL, 0), "none");
}

static void
test_year_choice(void)
{
    const char *dec = "BERLIN, Dec 30 (dpa) - Text.";
    const char *jan = "BERLIN, Jan 2 (dpa) - Text.";

    /* A story filed on Dec 30, saved on Jan 3: last year's. */
    CHECK_STR(dated(dec, NULL, "/a/x.txt", utc(2022, 1, 3)),
              "2021-12-30 dateline+mtime");
    CHECK_STR(dated(dec, NULL, "/a/2022/01/03/x.txt", 0),
              "2021-12-30 dateline+path");
    /* ... and Jan 2 saved on Jan 3 is this year's. */
    CHECK_STR(dated(jan, NULL, "/a/x.txt", utc(2022, 1, 3)),
              "2022-01-02 dateline+mtime");
    /* A day or two ahead is a clock difference, not last year. */
    CHECK_STR(dated(jan, NULL, "/a/x.txt", utc(2022, 1, 1)),
              "2022-01-02 dateline+mtime");
    CHECK_STR(dated(jan, NULL, "/a/x.txt", utc(2021, 12, 20)),
              "2021-01-02 dateline+mtime");
    /* Feb 29 only in a leap year; otherwise no date from it. */
    CHECK_STR(dated("ROME, Feb 29 - Text.", NULL, "/a/2024/x.txt", 0),
              "2024-02-29 dateline+path");
    CHECK_STR(dated("ROME, Feb 29 - Text.", NULL, "/a/2023/x.txt", 0), "none");
    /* A year-only path takes the dateline's day as it is. */
    CHECK_STR(dated(dec, NULL, "/a/2022/x.txt", 0), "2022-12-30 dateline+path");
}

static void
test_fields(void)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    const char *body = "China News Service, Beijing, January 11 (Reporter "
                       "Zhang Su) The court said.";

    memset(&a, 0, sizeof(a));
    a.body = body;
    a.body_len = strlen(body);
    a.fields[GV_FIELD_SOURCE] = strdup("Header Source");
    CHECK(gv_article_complete(&a, NULL, "/x.txt", 0, &err) == GV_OK);
    CHECK_STR(a.fields[GV_FIELD_PLACE], "Beijing");
    CHECK_STR(a.fields[GV_FIELD_AUTHOR], "Zhang Su");
    /* A header's field is kept over the dateline's. */
    CHECK_STR(a.fields[GV_FIELD_SOURCE], "Header Source");
    gv_article_release(&a);

    /* A record's own dateline field is used instead of its text. */
    memset(&a, 0, sizeof(a));
    a.body = "Showers continued.";
    a.body_len = strlen(a.body);
    CHECK(gv_article_complete(&a, "SALVADOR, Feb 26 -", "/x.jsonl", 0, &err) ==
          GV_OK);
    CHECK_STR(a.fields[GV_FIELD_PLACE], "SALVADOR");
    CHECK(a.date_source == GV_DATE_NONE); /* no year anywhere */
    gv_article_release(&a);
}

int
main(void)
{
    test_sources();
    test_year_choice();
    test_fields();
    return CHECK_DONE();
}
