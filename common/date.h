/* Calendar dates as archives write them, normalised to YYYY-MM-DD. */
#ifndef GV_DATE_H
#define GV_DATE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gv_date {
    int year;  /* 0 when unknown */
    int month; /* 1..12 */
    int day;   /* 1..31 */
} gv_date;

#define GV_DATE_ISO_LEN 10 /* "YYYY-MM-DD" */

/**
 * Parse a date written as "2021-01-11" (optionally followed by a time),
 * "January 11, 2021", "11 January 2021", "Jan. 11, 2021", "Mon, 11 Jan
 * 2021 10:00:00 +0000" and the like, from the @p n bytes at @p s.
 * Returns true and fills *out only for a real calendar date with a year
 * between 1000 and 9999; text after the date (a time, a zone) is ignored.
 */
bool
gv_date_parse(const char *s, size_t n, gv_date *out);

/** Write @p d as "YYYY-MM-DD" into @p out (room for 11 bytes). */
void
gv_date_format(const gv_date *d, char out[GV_DATE_ISO_LEN + 1]);

/** True when @p year/@p month/@p day is a real calendar date. */
bool
gv_date_is_valid(int year, int month, int day);

/** Days from 1970-01-01 to @p d (a valid date), negative before it. */
long
gv_date_to_days(const gv_date *d);

/**
 * The month (1..12) that the @p n bytes at @p s name, in any case, in full
 * or as an abbreviation of at least three letters ("Jan", "Sept"); 0 for
 * anything else. No trailing "." is taken: pass the letters only.
 */
int
gv_date_month_from_name(const char *s, size_t n);

#endif
