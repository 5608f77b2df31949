/* Plain and gzip file reading with caps (see gz.h). zlib's streaming
 * inflate keeps memory bounded whatever the compression ratio. */
#include "gz.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#define CHUNK        65536u
#define BINARY_SNIFF 8192u /* a NUL in this many leading bytes: binary */

bool
gv_gz_is_gzip_name(const char *name)
{
    size_t n = strlen(name);

    return n > 3 && strcmp(name + n - 3, ".gz") == 0;
}

const char *
gv_gz_zlib_version(void)
{
    return zlibVersion();
}

static gv_status
check_binary(const gv_buf *out, size_t start, gv_err *err)
{
    size_t n = out->len - start;

    if (n > BINARY_SNIFF)
        n = BINARY_SNIFF;
    if (memchr(out->data + start, '\0', n))
        return gv_err_set(err, GV_EBADDOC, "binary file (NUL bytes)");
    return GV_OK;
}

/* Append up to @p room bytes of @p n at @p p; note when the cap cut it. */
static gv_status
append_capped(gv_buf *out, const unsigned char *p, size_t n, size_t *room,
              gv_read_info *info, gv_err *err)
{
    if (n > *room) {
        n = *room;
        info->hit_cap = true;
    }
    *room -= n;
    return gv_buf_append(out, p, n, err);
}

static gv_status
read_plain(FILE *f, const gv_read_limits *lim, gv_buf *out, gv_read_info *info,
           gv_err *err)
{
    unsigned char chunk[CHUNK];
    size_t room = lim->max_text_bytes < lim->max_raw_bytes ? lim->max_text_bytes
                                                           : lim->max_raw_bytes;
    gv_status st = GV_OK;

    while (st == GV_OK && !info->hit_cap) {
        size_t n = fread(chunk, 1, sizeof(chunk), f);
        if (n == 0)
            break;
        st = append_capped(out, chunk, n, &room, info, err);
        if (st == GV_OK && room == 0 && !info->hit_cap) {
            int c = fgetc(f); /* exactly at the cap: is there more? */
            info->hit_cap = c != EOF;
        }
    }
    if (st == GV_OK && ferror(f))
        st = gv_err_set(err, GV_EIO, "read error: %s", strerror(errno));
    return st;
}

/* After one gzip member has ended: true when another member follows
 * (gzip(1) reads concatenated members as one file). Anything else after
 * the end, such as zero padding, is ignored as gzip(1) ignores it. The
 * unread input is moved to the front of @p in, topped up from @p f. */
static bool
another_member(FILE *f, unsigned char *in, size_t in_size, z_stream *zs,
               size_t *raw_left)
{
    size_t have = zs->avail_in;

    memmove(in, zs->next_in, have);
    if (have < 2 && *raw_left) {
        size_t want = in_size - have < *raw_left ? in_size - have : *raw_left;
        size_t n = fread(in + have, 1, want, f);
        *raw_left -= n;
        have += n;
    }
    zs->next_in = in;
    zs->avail_in = (uInt)have;
    return have >= 2 && in[0] == 0x1f && in[1] == 0x8b;
}

static gv_status
read_gzip(FILE *f, const gv_read_limits *lim, gv_buf *out, gv_read_info *info,
          gv_err *err)
{
    unsigned char in[CHUNK], buf[CHUNK];
    size_t room = lim->max_text_bytes, raw_left = lim->max_raw_bytes;
    z_stream zs;
    bool first = true, ended = false;
    gv_status st = GV_OK;

    memset(&zs, 0, sizeof(zs));
    if (inflateInit2(&zs, 15 + 16) != Z_OK) /* +16: gzip wrapper only */
        return gv_err_set(err, GV_ENOMEM, "cannot start gzip decoder");
    info->was_gzip = true;
    while (st == GV_OK && !info->hit_cap && !ended) {
        if (zs.avail_in == 0) {
            size_t want = raw_left < sizeof(in) ? raw_left : sizeof(in);
            size_t n = want ? fread(in, 1, want, f) : 0;
            if (n == 0) {
                if (ferror(f))
                    st = gv_err_set(err, GV_EIO, "read error: %s",
                                    strerror(errno));
                else if (want == 0)
                    info->hit_cap = true;
                else
                    st = gv_err_set(err, GV_EBADDOC, "truncated gzip stream");
                break;
            }
            raw_left -= n;
            if (first && (n < 2 || in[0] != 0x1f || in[1] != 0x8b)) {
                st = gv_err_set(err, GV_EBADDOC, "not in gzip format");
                break;
            }
            first = false;
            zs.next_in = in;
            zs.avail_in = (uInt)n;
        }
        zs.next_out = buf;
        zs.avail_out = sizeof(buf);
        int zr = inflate(&zs, Z_NO_FLUSH);
        if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR) {
            st = gv_err_set(err, GV_EBADDOC, "corrupt gzip stream: %s",
                            zs.msg ? zs.msg : "bad data");
            break;
        }
        st = append_capped(out, buf, sizeof(buf) - zs.avail_out, &room, info,
                           err);
        if (st == GV_OK && zr == Z_STREAM_END) {
            ended = !another_member(f, in, sizeof(in), &zs, &raw_left);
            if (!ended)
                inflateReset(&zs);
        }
    }
    inflateEnd(&zs);
    return st;
}

gv_status
gv_gz_read_file(const char *path, const gv_read_limits *limits, gv_buf *out,
                gv_read_info *info, gv_err *err)
{
    gv_read_limits defaults = GV_READ_LIMITS_DEFAULT;
    size_t start = out->len;
    FILE *f;
    gv_status st;

    memset(info, 0, sizeof(*info));
    if (!limits)
        limits = &defaults;
    f = fopen(path, "rb");
    if (!f)
        return gv_err_set(err, GV_EIO, "cannot open: %s", strerror(errno));
    if (gv_gz_is_gzip_name(path))
        st = read_gzip(f, limits, out, info, err);
    else
        st = read_plain(f, limits, out, info, err);
    fclose(f);
    if (st == GV_OK)
        st = check_binary(out, start, err);
    return st;
}
