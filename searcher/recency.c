/* Relevance decayed by age (see recency.h). */
#include "recency.h"

#include <math.h>
#include <stdlib.h>

#include "date.h"

#define SECONDS_PER_DAY 86400
#define MAX_HALF_LIFE   (1000.0 * 365)

bool
gv_recency_parse_half_life(const char *s, double *days)
{
    char *end;
    long n;
    double unit;

    if (*s < '0' || *s > '9')
        return false;
    n = strtol(s, &end, 10);
    if (end[0] == '\0' || end[1] != '\0')
        return false;
    switch (*end) {
    case 'd':
        unit = 1;
        break;
    case 'w':
        unit = 7;
        break;
    case 'y':
        unit = 365;
        break;
    default:
        return false;
    }
    if (n < 1 || (double)n * unit > MAX_HALF_LIFE)
        return false;
    *days = (double)n * unit;
    return true;
}

long
gv_recency_today(time_t now)
{
    return (long)(now / SECONDS_PER_DAY);
}

/* The date value "YYYYMMDD" into *out; false for anything else. */
static bool
parse_date_value(const char *s, size_t len, gv_date *out)
{
    int v[8];

    if (len != 8)
        return false;
    for (size_t i = 0; i < 8; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v[i] = s[i] - '0';
    }
    out->year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    out->month = v[4] * 10 + v[5];
    out->day = v[6] * 10 + v[7];
    return gv_date_is_valid(out->year, out->month, out->day);
}

double
gv_recency_halvings(const char *yyyymmdd, size_t len, long today,
                    double half_life_days)
{
    gv_date d;
    long age;

    if (!parse_date_value(yyyymmdd, len, &d))
        return INFINITY;
    age = today - gv_date_to_days(&d);
    return age <= 0 ? 0.0 : (double)age / half_life_days;
}
