/* Dates and date ranges as people write them in queries and options
 * ("2021", "2021-03", "2021-03-05", "2020-01-01..2020-06-30", "30d"), as
 * "YYYYMMDD" bounds on the date value slot, and the date fields of the
 * query syntax (date:, year:, month:, day:). */
#ifndef GV_DATEFILTER_H
#define GV_DATEFILTER_H

#include "gv.h"
#include "xdb.h"

#include <stdbool.h>
#include <time.h>

#define GV_DATE_KEY_LEN 8 /* "YYYYMMDD" */

/* Both ends included; "" leaves an end open. */
typedef struct gv_date_bounds {
    char lo[GV_DATE_KEY_LEN + 1];
    char hi[GV_DATE_KEY_LEN + 1];
} gv_date_bounds;

/**
 * Parse one date bound from the @p n bytes at @p s into @p out: a day
 * ("2021-03-05", "20210305"), a month ("2021-03") or a year ("2021"),
 * taken as its first day, or its last with @p upper; or "Nd"/"Nw", N days
 * or weeks before the day of @p now (UTC). Returns false for anything
 * else, including dates that do not exist.
 */
bool
gv_date_bound_parse(const char *s, size_t n, bool upper, time_t now,
                    char out[GV_DATE_KEY_LEN + 1]);

/**
 * Parse @p s as a date or a range "A..B", "A..", "..B" of bounds as
 * gv_date_bound_parse() reads them; a single date A means A..A (all of a
 * month or year). Returns false, with @p why set to a static message, for
 * a malformed range or one that ends before it starts.
 */
bool
gv_date_bounds_parse(const char *s, time_t now, gv_date_bounds *out,
                     const char **why);

/**
 * Teach @p qp the date fields: date:RANGE (on @p slot), and year:YYYY,
 * month:YYYY-MM, day:YYYY-MM-DD (on the Y, M, D terms).
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_datefilter_add_fields(gv_qparser *qp, gv_err *err);

#endif
