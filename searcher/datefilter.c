/* Date bounds and the date fields of the query syntax (see datefilter.h). */
#include "datefilter.h"

#include <stdio.h>
#include <string.h>

#include "date.h"
#include "schema.h"

#define SECONDS_PER_DAY 86400

/* How much of a date a bound gives. */
typedef enum precision { NONE, YEAR, MONTH, DAY } precision;

/* Up to @p max digits at *p as a number; the count in *ndigits. */
static int
take_number(const char **p, const char *end, int max, int *ndigits)
{
    int v = 0;

    *ndigits = 0;
    while (*p < end && **p >= '0' && **p <= '9' && *ndigits < max) {
        v = v * 10 + (**p - '0');
        (*p)++;
        (*ndigits)++;
    }
    return v;
}

static int
last_day(int year, int month)
{
    int day = 31;

    while (day > 28 && !gv_date_is_valid(year, month, day))
        day--;
    return day;
}

/* "2021", "2021-03", "2021-03-05", "202103", "20210305" (also with '/'
 * or '.') into *d, with what it gave; NONE when it is none of them. */
static precision
parse_calendar(const char *s, const char *end, gv_date *d)
{
    const char *p = s;
    int n;
    char sep = 0;
    /* Separated parts may have one digit ("2021-3-5"); bare ones two. */
    int want_min = 2;

    memset(d, 0, sizeof(*d));
    d->year = take_number(&p, end, 4, &n);
    if (n != 4 || d->year < 1000)
        return NONE;
    if (p == end)
        return YEAR;
    if (*p == '-' || *p == '/' || *p == '.') {
        sep = *p++;
        want_min = 1;
    }
    d->month = take_number(&p, end, 2, &n);
    if (n < want_min || !gv_date_is_valid(d->year, d->month, 1))
        return NONE;
    if (p == end)
        return MONTH;
    if (sep && *p++ != sep)
        return NONE;
    d->day = take_number(&p, end, 2, &n);
    if (n < want_min || p != end)
        return NONE;
    return gv_date_is_valid(d->year, d->month, d->day) ? DAY : NONE;
}

/* "30d" or "2w": that many days or weeks before @p now's day. */
static bool
parse_relative(const char *s, const char *end, time_t now, gv_date *d)
{
    const char *p = s;
    int n, count = take_number(&p, end, 5, &n);
    struct tm tm;

    if (!n || p + 1 != end || (*p != 'd' && *p != 'w'))
        return false;
    now -= (time_t)count * (*p == 'w' ? 7 : 1) * SECONDS_PER_DAY;
    if (!gmtime_r(&now, &tm))
        return false;
    d->year = tm.tm_year + 1900;
    d->month = tm.tm_mon + 1;
    d->day = tm.tm_mday;
    return true;
}

bool
gv_date_bound_parse(const char *s, size_t n, bool upper, time_t now,
                    char out[GV_DATE_KEY_LEN + 1])
{
    const char *end = s + n;
    gv_date d;
    precision got;

    while (s < end && *s == ' ')
        s++;
    while (end > s && end[-1] == ' ')
        end--;
    got = parse_relative(s, end, now, &d) ? DAY : parse_calendar(s, end, &d);
    if (got == NONE)
        return false;
    if (got == YEAR)
        d.month = upper ? 12 : 1;
    if (got != DAY)
        d.day = upper ? last_day(d.year, d.month) : 1;
    snprintf(out, GV_DATE_KEY_LEN + 1, "%04d%02d%02d", d.year, d.month, d.day);
    return true;
}

bool
gv_date_bounds_parse(const char *s, time_t now, gv_date_bounds *out,
                     const char **why)
{
    const char *dots = strstr(s, "..");
    size_t n = strlen(s);

    memset(out, 0, sizeof(*out));
    *why = "expected a date such as 2021, 2021-03 or 2021-03-05, or a "
           "range such as 2020-01-01..2020-06-30";
    if (!dots) {
        return gv_date_bound_parse(s, n, false, now, out->lo) &&
               gv_date_bound_parse(s, n, true, now, out->hi);
    }
    size_t lo_len = (size_t)(dots - s), hi_len = n - lo_len - 2;
    if (lo_len == 0 && hi_len == 0)
        return false;
    if (lo_len && !gv_date_bound_parse(s, lo_len, false, now, out->lo))
        return false;
    if (hi_len && !gv_date_bound_parse(dots + 2, hi_len, true, now, out->hi))
        return false;
    if (lo_len && hi_len && strcmp(out->lo, out->hi) > 0) {
        *why = "the range ends before it starts";
        return false;
    }
    return true;
}

static gv_status
date_field(void *ctx, const char *value, gv_query **out, gv_err *err)
{
    gv_date_bounds b;
    const char *why;

    (void)ctx;
    if (!gv_date_bounds_parse(value, time(NULL), &b, &why))
        return gv_err_set(err, GV_EQUERY, "date:%s: %s", value, why);
    return gv_query_new_value_range(GV_SLOT_DATE, b.lo[0] ? b.lo : NULL,
                                    b.hi[0] ? b.hi : NULL, out, err);
}

/* year:, month:, day: each take a date of one precision. */
typedef struct term_field {
    const char *name, *prefix, *example;
    precision wants;
} term_field;

static const term_field term_fields[] = {
    {"year", GV_PREFIX_YEAR, "2021", YEAR},
    {"month", GV_PREFIX_MONTH, "2021-03", MONTH},
    {"day", GV_PREFIX_DAY, "2021-03-05", DAY},
};

static gv_status
term_field_fn(void *ctx, const char *value, gv_query **out, gv_err *err)
{
    const term_field *f = ctx;
    char term[32];
    gv_date d;

    if (parse_calendar(value, value + strlen(value), &d) != f->wants)
        return gv_err_set(err, GV_EQUERY, "%s:%s: expected a %s such as %s",
                          f->name, value, f->name, f->example);
    if (f->wants == YEAR)
        snprintf(term, sizeof(term), "%s%04d", f->prefix, d.year);
    else if (f->wants == MONTH)
        snprintf(term, sizeof(term), "%s%04d%02d", f->prefix, d.year, d.month);
    else
        snprintf(term, sizeof(term), "%s%04d%02d%02d", f->prefix, d.year,
                 d.month, d.day);
    return gv_query_new_term(term, out, err);
}

gv_status
gv_datefilter_add_fields(gv_qparser *qp, gv_err *err)
{
    gv_status st = gv_qparser_add_field_fn(qp, "date", date_field, NULL, err);

    for (size_t i = 0;
         st == GV_OK && i < sizeof(term_fields) / sizeof(term_fields[0]); i++)
        st = gv_qparser_add_field_fn(qp, term_fields[i].name, term_field_fn,
                                     (void *)&term_fields[i], err);
    return st;
}
