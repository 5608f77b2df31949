/* Relevance with recency: a hit's score halves with every half-life of
 * its article's age, for "the latest on X" (--recent). */
#ifndef GV_RECENCY_H
#define GV_RECENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/**
 * Parse a half-life written as "90d", "12w" or "2y" (days, weeks, years
 * of 365 days; at least one day, at most 1000 years) into *days.
 * Returns false, leaving *days alone, for anything else.
 */
bool
gv_recency_parse_half_life(const char *s, double *days);

/** The day @p now falls on (UTC), as days since 1970-01-01. */
long
gv_recency_today(time_t now);

/**
 * How many halvings the score of an article dated by the @p len bytes of
 * @p yyyymmdd (the index's date value) has had by @p today: its age in
 * days over @p half_life_days, 0 for an article dated after @p today
 * (it counts as new), and INFINITY for one with no valid date, so that
 * undated articles follow every dated one. The decayed score is
 * weight * 2^-halvings; ranking by log2(weight) - halvings gives the same
 * order without the underflow of very old articles.
 */
double
gv_recency_halvings(const char *yyyymmdd, size_t len, long today,
                    double half_life_days);

#endif
