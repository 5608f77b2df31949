/* Date and place clues outside an article's headers: the dateline a wire
 * story opens with, and a date written into the file's path. Pure: no I/O,
 * no allocation. */
#ifndef GV_DATELINE_H
#define GV_DATELINE_H

#include "date.h"

#include <stdbool.h>
#include <stddef.h>

#define GV_DATELINE_PART_BYTES 128 /* room for each text part, with NUL */

/* A dateline taken apart. A part the dateline does not have is "". */
typedef struct gv_dateline {
    size_t len; /* bytes of the text the dateline takes, with the separator
                   ("-", "--", "—", "–", ":") and the spaces after it */
    char place[GV_DATELINE_PART_BYTES];    /* "Beijing", "NEW DELHI" */
    char agency[GV_DATELINE_PART_BYTES];   /* "China News Service", "PTI" */
    char reporter[GV_DATELINE_PART_BYTES]; /* "Zhang Su" */
    /* The date as written: month and day 0 when the dateline has none,
     * year 0 when it gives no year ("January 11"). */
    gv_date date;
} gv_dateline;

/**
 * Recognise a dateline at the start of the @p len bytes of UTF-8 @p text
 * (the start of an article body, leading whitespace allowed):
 *
 *   China News Service, Beijing, January 11 (Reporter Zhang Su) The ...
 *   Beijing, January 11 (Reporter Zhang Su) The ...
 *   WASHINGTON (Reuters) - The ...
 *   LONDON, March 3 — The ...
 *   NEW DELHI, Oct 5 (PTI): The ...
 *
 * Returns true and fills *out only for a real dateline; a first sentence
 * that merely starts with a place ("London is ...", "Washington, the
 * capital, ...") is not one. Place, agency and reporter are copied with
 * whitespace collapsed, cut at a character boundary if too long.
 */
bool
gv_dateline_parse(const char *text, size_t len, gv_dateline *out);

/**
 * Find a date written into @p path: folders "2021/01/11/", or a name or
 * folder holding "2021-01-11" (or "2021_01_11", "20210111") between
 * non-digits. The last such date in the path wins. A path with only
 * "2021/01/" or a folder "2021" gives the year alone (month and day 0).
 * Returns true and fills *out when a year was found (1900..2099).
 */
bool
gv_date_from_path(const char *path, gv_date *out);

#endif
