/* File stamps (see stamp.h). */
#include "stamp.h"

#include <stdio.h>
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

bool
gv_stamp_decode(const char *value, gv_stamp *out, const char **path_out)
{
    char crc[16];
    int used = 0;

    memset(out, 0, sizeof(*out));
    if (sscanf(value, "1 %llu %lld.%ld %15s %n", &out->size, &out->mtime_sec,
               &out->mtime_nsec, crc, &used) != 4 ||
        used == 0)
        return false;
    if (strcmp(crc, "-") != 0) {
        if (sscanf(crc, "%lx", &out->crc) != 1)
            return false;
        out->has_crc = true;
    }
    *path_out = value + used;
    return true;
}
