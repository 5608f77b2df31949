/* File stamps (see stamp.h). */
#include "stamp.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
gv_stamp_from_stat(const struct stat *st, gv_stamp *out)
{
    memset(out, 0, sizeof(*out));
    out->size = (unsigned long long)st->st_size;
    out->mtime_sec = (long long)st->st_mtim.tv_sec;
    out->mtime_nsec = st->st_mtim.tv_nsec;
}

bool
gv_stamp_same(const gv_stamp *a, const gv_stamp *b)
{
    return a->size == b->size && a->mtime_sec == b->mtime_sec &&
           a->mtime_nsec == b->mtime_nsec;
}

gv_status
gv_stamp_encode(const gv_stamp *s, const char *path, gv_buf *out, gv_err *err)
{
    char crc[16] = "-";

    gv_buf_reset(out);
    if (s->has_crc)
        snprintf(crc, sizeof(crc), "%08lx", s->crc);
    return gv_buf_printf(out, err, "1 %llu %lld.%09ld %s %s", s->size,
                         s->mtime_sec, s->mtime_nsec, crc, path);
}

/* The decimal digits at *p as a number, *p moved past them; false when
 * there are none or they overflow. */
static bool
read_decimal(const char **p, unsigned long long *out)
{
    const char *s = *p;
    unsigned long long v = 0;

    if (*s < '0' || *s > '9')
        return false;
    for (; *s >= '0' && *s <= '9'; s++) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (ULLONG_MAX - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *p = s;
    *out = v;
    return true;
}

/* *p past the character @p c, or false when it is not there. */
static bool
skip_char(const char **p, char c)
{
    if (**p != c)
        return false;
    (*p)++;
    return true;
}

/* Parsed by hand rather than with sscanf(), which took a sixth of a
 * no-op run's time: every stamp is decoded once a run, and again by the
 * sweep. */
bool
gv_stamp_decode(const char *value, gv_stamp *out, const char **path_out)
{
    const char *p = value;
    unsigned long long sec, nsec;
    bool before_1970;

    memset(out, 0, sizeof(*out));
    if (!skip_char(&p, '1') || !skip_char(&p, ' ') ||
        !read_decimal(&p, &out->size) || !skip_char(&p, ' '))
        return false;
    before_1970 = skip_char(&p, '-');
    if (!read_decimal(&p, &sec) || sec > LLONG_MAX || !skip_char(&p, '.') ||
        !read_decimal(&p, &nsec) || nsec > 999999999 || !skip_char(&p, ' '))
        return false;
    out->mtime_sec = before_1970 ? -(long long)sec : (long long)sec;
    out->mtime_nsec = (long)nsec;
    if (!skip_char(&p, '-')) {
        char *end;
        if (!isxdigit((unsigned char)*p))
            return false;
        out->crc = strtoul(p, &end, 16);
        out->has_crc = true;
        p = end;
    }
    if (!skip_char(&p, ' '))
        return false;
    *path_out = p;
    return true;
}
