/* Date parsing (see date.h). A small tokenizer rather than sscanf, so
 * that any order of "11 January 2021" / "January 11, 2021" is accepted
 * and anything else is refused instead of half-parsed. */
#include "date.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *const month_names[12] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

static const char *const weekday_names[7] = {"monday",   "tuesday", "wednesday",
                                             "thursday", "friday",  "saturday",
                                             "sunday"};

static bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool
gv_date_is_valid(int year, int month, int day)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};

    if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1)
        return false;
    if (month == 2 && day == 29)
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1];
}

long
gv_date_to_days(const gv_date *d)
{
    /* Days from civil, counting years from March so that a leap day is
     * the last day of its year (H. Hinnant's method). */
    long y = d->year - (d->month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy =
        (153 * (d->month + (d->month > 2 ? -3 : 9)) + 2) / 5 + d->day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int
gv_date_month_from_name(const char *w, size_t n)
{
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);
        if (n >= 3 && n <= full && strncasecmp(w, month_names[m], n) == 0)
            return m + 1;
    }
    return 0;
}

static bool
is_weekday_word(const char *w, size_t n)
{
    for (int d = 0; d < 7; d++)
        if (n >= 3 && n <= strlen(weekday_names[d]) &&
            strncasecmp(w, weekday_names[d], n) == 0)
            return true;
    return false;
}

/* "2021-01-11", "2021/01/11", "2021.01.11", then anything. */
static bool
parse_iso(const char *s, size_t n, gv_date *out)
{
    int y = 0, m = 0, d = 0;
    size_t i = 0, k;

    for (k = 0; k < 4; k++, i++) {
        if (i >= n || !is_digit(s[i]))
            return false;
        y = y * 10 + (s[i] - '0');
    }
    if (i >= n || (s[i] != '-' && s[i] != '/' && s[i] != '.'))
        return false;
    char sep = s[i++];
    for (k = 0; k < 2 && i < n && is_digit(s[i]); k++, i++)
        m = m * 10 + (s[i] - '0');
    if (k == 0 || i >= n || s[i] != sep)
        return false;
    i++;
    for (k = 0; k < 2 && i < n && is_digit(s[i]); k++, i++)
        d = d * 10 + (s[i] - '0');
    if (k == 0 || (i < n && is_digit(s[i])))
        return false;
    if (!gv_date_is_valid(y, m, d))
        return false;
    out->year = y, out->month = m, out->day = d;
    return true;
}

/* Words and numbers in any of the usual orders: an optional weekday, then
 * day and month name in either order, then the year; stops at the year. */
static bool
parse_words(const char *s, size_t n, gv_date *out)
{
    int y = 0, m = 0, d = 0;
    size_t i = 0;

    while (i < n && y == 0) {
        if (memchr(" \t,.-", s[i], 5)) {
            i++;
            continue;
        }
        size_t start = i;
        if (is_alpha(s[i])) {
            while (i < n && is_alpha(s[i]))
                i++;
            int month = gv_date_month_from_name(s + start, i - start);
            if (month && !m)
                m = month;
            else if (!is_weekday_word(s + start, i - start) || m || d)
                return false;
            continue;
        }
        if (!is_digit(s[i]))
            return false;
        int v = 0;
        while (i < n && is_digit(s[i]) && i - start < 5)
            v = v * 10 + (s[i++] - '0');
        size_t digits = i - start;
        if (digits == 4 && m && d) {
            y = v;
        } else if (digits <= 2 && !d) {
            d = v;
            /* "11th", "1st" */
            if (i + 1 < n && is_alpha(s[i]) && is_alpha(s[i + 1]) &&
                (i + 2 >= n || !is_alpha(s[i + 2])))
                i += 2;
        } else {
            return false;
        }
    }
    if (!gv_date_is_valid(y, m, d))
        return false;
    out->year = y, out->month = m, out->day = d;
    return true;
}

bool
gv_date_parse(const char *s, size_t n, gv_date *out)
{
    while (n && (*s == ' ' || *s == '\t'))
        s++, n--;
    return parse_iso(s, n, out) || parse_words(s, n, out);
}

void
gv_date_format(const gv_date *d, char out[GV_DATE_ISO_LEN + 1])
{
    snprintf(out, GV_DATE_ISO_LEN + 1, "%04d-%02d-%02d", d->year, d->month,
             d->day);
}
