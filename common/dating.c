/* Dates and places from datelines and paths (see dating.h). */
#include "dating.h"

#include <stdlib.h>
#include <string.h>

#include "dateline.h"

/* A dateline a day or two ahead of the reference is a clock or time-zone
 * difference, not last year's story. */
#define AHEAD_SLACK_DAYS 2

static gv_status
fill_field(gv_article *a, gv_field f, const char *value, gv_err *err)
{
    if (a->fields[f] || !*value)
        return GV_OK;
    a->fields[f] = gv_field_copy(value, strlen(value));
    return a->fields[f] ? GV_OK : gv_err_set(err, GV_ENOMEM, "out of memory");
}

/* The year for @p month/@p day seen from @p ref: ref's year, or the one
 * before when the day would fall after ref. 0 when no valid date. */
static int
year_near(int month, int day, const gv_date *ref)
{
    int year = ref->year;

    if (ref->month &&
        month * 31 + day > ref->month * 31 + ref->day + AHEAD_SLACK_DAYS)
        year--;
    return gv_date_is_valid(year, month, day) ? year : 0;
}

static void
date_from_dateline(gv_article *a, const gv_dateline *dl, const char *path,
                   time_t mtime)
{
    gv_date d = dl->date, ref = {0, 0, 0};
    struct tm tm;

    if (d.year) {
        if (gv_date_is_valid(d.year, d.month, d.day)) {
            a->date = d;
            a->date_source = GV_DATE_DATELINE;
        }
        return;
    }
    if (path && gv_date_from_path(path, &ref)) {
        d.year = year_near(d.month, d.day, &ref);
        a->date_source = GV_DATE_DATELINE_PATH;
    } else if (mtime > 0 && gmtime_r(&mtime, &tm)) {
        ref.year = tm.tm_year + 1900;
        ref.month = tm.tm_mon + 1;
        ref.day = tm.tm_mday;
        d.year = year_near(d.month, d.day, &ref);
        a->date_source = GV_DATE_DATELINE_MTIME;
    }
    if (d.year)
        a->date = d;
    else
        a->date_source = GV_DATE_NONE;
}

gv_status
gv_article_complete(gv_article *a, const char *dateline, const char *path,
                    time_t mtime, gv_err *err)
{
    gv_dateline dl;
    bool have_dl = dateline ? gv_dateline_parse(dateline, strlen(dateline), &dl)
                            : gv_dateline_parse(a->body, a->body_len, &dl);
    gv_date from_path;
    gv_status st = GV_OK;

    if (have_dl) {
        st = fill_field(a, GV_FIELD_PLACE, dl.place, err);
        if (st == GV_OK)
            st = fill_field(a, GV_FIELD_SOURCE, dl.agency, err);
        if (st == GV_OK)
            st = fill_field(a, GV_FIELD_AUTHOR, dl.reporter, err);
        if (a->date_source == GV_DATE_NONE && dl.date.month)
            date_from_dateline(a, &dl, path, mtime);
    }
    if (a->date_source == GV_DATE_NONE && path &&
        gv_date_from_path(path, &from_path) && from_path.month &&
        from_path.day) {
        a->date = from_path;
        a->date_source = GV_DATE_PATH;
    }
    return st;
}
