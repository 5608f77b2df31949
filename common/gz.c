/* Plain and gzip file reading with caps, and in-memory zlib streams (see
 * gz.h). zlib's streaming inflate keeps memory bounded whatever the
 * compression ratio. */
#include "gz.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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

/* One open input file, plain or gzip, read a chunk at a time: the one
 * decoder under both gv_gz_read_file() and the line reader. */
typedef struct gz_stream {
    FILE *f;
    bool gzip, zs_live, first, ended;
    size_t raw_left; /* file bytes still allowed */
    bool raw_cap_hit;
    z_stream zs;
    unsigned char in[CHUNK];
} gz_stream;

static gv_status
stream_open(gz_stream *s, const char *path, size_t max_raw, gv_err *err)
{
    struct stat st;
    int fd;

    memset(s, 0, sizeof(*s));
    /* Only a regular file is read. The walk checked that, but the entry
     * may have been replaced since by a FIFO (open would wait for a
     * writer forever) or a device (/dev/zero never ends): O_NONBLOCK
     * keeps the open from waiting, fstat() checks what was opened, and
     * O_NOCTTY keeps a terminal from becoming ours. */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return gv_err_set(err, GV_EIO, "cannot open: %s", strerror(errno));
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        return gv_err_set(err, GV_EIO, "cannot open: %s", strerror(saved));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return gv_err_set(err, GV_EIO, "cannot open: not a regular file");
    }
    if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
        !(s->f = fdopen(fd, "rb"))) {
        int saved = errno;
        close(fd);
        return gv_err_set(err, GV_EIO, "cannot open: %s", strerror(saved));
    }
    s->raw_left = max_raw;
    s->first = true;
    s->gzip = gv_gz_is_gzip_name(path);
    if (s->gzip) {
        if (inflateInit2(&s->zs, 15 + 16) != Z_OK) /* +16: gzip only */
            return gv_err_set(err, GV_ENOMEM, "cannot start gzip decoder");
        s->zs_live = true;
    }
    return GV_OK;
}

static void
stream_close(gz_stream *s)
{
    if (s->zs_live)
        inflateEnd(&s->zs);
    if (s->f)
        fclose(s->f);
    memset(s, 0, sizeof(*s));
}

/* Up to @p want raw file bytes into @p dst; 0 at the end or the cap. */
static gv_status
read_raw(gz_stream *s, unsigned char *dst, size_t want, size_t *got,
         gv_err *err)
{
    if (want > s->raw_left)
        want = s->raw_left;
    *got = want ? fread(dst, 1, want, s->f) : 0;
    s->raw_left -= *got;
    if (*got == 0 && ferror(s->f))
        return gv_err_set(err, GV_EIO, "read error: %s", strerror(errno));
    if (*got == 0 && want == 0 && s->raw_left == 0) {
        /* At the raw cap: is there more? */
        int c = fgetc(s->f);
        s->raw_cap_hit = c != EOF;
    }
    return GV_OK;
}

/* After one gzip member has ended: true when another member follows
 * (gzip(1) reads concatenated members as one file). Anything else after
 * the end, such as zero padding, is ignored as gzip(1) ignores it. */
static bool
another_member(gz_stream *s)
{
    size_t have = s->zs.avail_in, n = 0;
    gv_err ignored = GV_ERR_INIT; /* a read error here ends the file */

    memmove(s->in, s->zs.next_in, have);
    if (have < 2 &&
        read_raw(s, s->in + have, sizeof(s->in) - have, &n, &ignored) == GV_OK)
        have += n;
    s->zs.next_in = s->in;
    s->zs.avail_in = (uInt)have;
    return have >= 2 && s->in[0] == 0x1f && s->in[1] == 0x8b;
}

/* Up to @p cap content bytes into @p dst; *got 0 means the end. */
static gv_status
stream_read(gz_stream *s, unsigned char *dst, size_t cap, size_t *got,
            gv_err *err)
{
    gv_status st = GV_OK;

    *got = 0;
    if (!s->gzip)
        return read_raw(s, dst, cap, got, err);
    while (st == GV_OK && *got == 0 && !s->ended) {
        if (s->zs.avail_in == 0) {
            size_t n;
            st = read_raw(s, s->in, sizeof(s->in), &n, err);
            if (st != GV_OK || (n == 0 && s->raw_cap_hit))
                break;
            if (n == 0)
                return gv_err_set(err, GV_EBADDOC, "truncated gzip stream");
            if (s->first && (n < 2 || s->in[0] != 0x1f || s->in[1] != 0x8b))
                return gv_err_set(err, GV_EBADDOC, "not in gzip format");
            s->first = false;
            s->zs.next_in = s->in;
            s->zs.avail_in = (uInt)n;
        }
        s->zs.next_out = dst;
        s->zs.avail_out = (uInt)cap;
        int zr = inflate(&s->zs, Z_NO_FLUSH);
        if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
            return gv_err_set(err, GV_EBADDOC, "corrupt gzip stream: %s",
                              s->zs.msg ? s->zs.msg : "bad data");
        *got = cap - s->zs.avail_out;
        if (zr == Z_STREAM_END) {
            s->ended = !another_member(s);
            if (!s->ended)
                inflateReset(&s->zs);
        }
    }
    return st;
}

gv_status
gv_gz_read_file(const char *path, const gv_read_limits *limits, gv_buf *out,
                gv_read_info *info, gv_err *err)
{
    gv_read_limits defaults = GV_READ_LIMITS_DEFAULT;
    unsigned char chunk[CHUNK];
    size_t start = out->len, room, n = 0;
    gz_stream s;
    gv_status st;

    memset(info, 0, sizeof(*info));
    if (!limits)
        limits = &defaults;
    room = limits->max_text_bytes;
    st = stream_open(&s, path, limits->max_raw_bytes, err);
    info->was_gzip = s.gzip;
    do {
        /* One byte past the cap tells whether the content goes on. */
        size_t want = room < sizeof(chunk) ? room + 1 : sizeof(chunk);
        if (st == GV_OK)
            st = stream_read(&s, chunk, want, &n, err);
        if (st == GV_OK && n > room) {
            n = room;
            info->hit_cap = true;
        }
        room -= n;
        if (st == GV_OK)
            st = gv_buf_append(out, chunk, n, err);
    } while (st == GV_OK && n && !info->hit_cap);
    info->hit_cap |= s.raw_cap_hit;
    stream_close(&s);
    if (st == GV_OK)
        st = check_binary(out, start, err);
    return st;
}

struct gv_line_reader {
    gz_stream s;
    gv_line_limits limits;
    size_t content; /* content bytes read so far */
    unsigned long lineno;
    bool sniffed;
    gv_buf pending; /* read but not yet returned */
    size_t pos;     /* start of the unreturned bytes in pending */
};

gv_status
gv_lines_open(const char *path, const gv_line_limits *limits,
              gv_line_reader **out, gv_err *err)
{
    gv_line_reader *r = calloc(1, sizeof(*r));
    gv_status st;

    *out = NULL;
    if (!r)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    r->limits = *limits;
    gv_buf_init(&r->pending);
    st = stream_open(&r->s, path, limits->max_raw_bytes, err);
    if (st != GV_OK) {
        gv_lines_close(r);
        return st;
    }
    *out = r;
    return GV_OK;
}

void
gv_lines_close(gv_line_reader *r)
{
    if (!r)
        return;
    stream_close(&r->s);
    gv_buf_release(&r->pending);
    free(r);
}

/* Refill r->pending with the next chunk; *got 0 at the end. */
static gv_status
fill_pending(gv_line_reader *r, gv_line_info *info, size_t *got, gv_err *err)
{
    unsigned char chunk[CHUNK];
    size_t want = sizeof(chunk);
    gv_status st;

    *got = 0;
    gv_buf_reset(&r->pending);
    r->pos = 0;
    if (r->content >= r->limits.max_text_bytes) {
        info->hit_cap = !r->s.ended;
        return GV_OK;
    }
    if (want > r->limits.max_text_bytes - r->content)
        want = r->limits.max_text_bytes - r->content;
    st = stream_read(&r->s, chunk, want, got, err);
    info->hit_cap = r->s.raw_cap_hit;
    if (st != GV_OK || *got == 0)
        return st;
    if (!r->sniffed) {
        r->sniffed = true;
        if (memchr(chunk, '\0', *got < BINARY_SNIFF ? *got : BINARY_SNIFF))
            return gv_err_set(err, GV_EBADDOC, "binary file (NUL bytes)");
    }
    r->content += *got;
    return gv_buf_append(&r->pending, chunk, *got, err);
}

gv_status
gv_lines_next(gv_line_reader *r, gv_buf *line, gv_line_info *info, gv_err *err)
{
    bool started = false; /* some byte of this line was consumed */

    memset(info, 0, sizeof(*info));
    gv_buf_reset(line);
    for (;;) {
        const char *p = r->pending.data + r->pos;
        size_t avail = r->pending.len - r->pos, got;
        const char *nl = avail ? memchr(p, '\n', avail) : NULL;
        size_t n = nl ? (size_t)(nl - p) : avail;
        size_t room = r->limits.max_line_bytes - line->len;
        gv_status st;

        /* Keep a too-long line's start; skip the rest of it. */
        if (n > room)
            info->cut = true;
        st = gv_buf_append(line, p, n < room ? n : room, err);
        if (st != GV_OK)
            return st;
        r->pos += n + (nl != NULL);
        started |= avail > 0;
        if (nl)
            break;
        st = fill_pending(r, info, &got, err);
        if (st != GV_OK)
            return st;
        if (got == 0) {
            info->eof = !started;
            if (!started)
                return GV_OK;
            break;
        }
    }
    info->lineno = ++r->lineno;
    return GV_OK;
}

gv_status
gv_gz_file_crc32(const char *path, unsigned long *out, gv_err *err)
{
    unsigned char chunk[CHUNK];
    uLong crc = crc32(0L, Z_NULL, 0);
    FILE *f = fopen(path, "rb");
    size_t n;

    *out = 0;
    if (!f)
        return gv_err_set(err, GV_EIO, "cannot open: %s", strerror(errno));
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        crc = crc32(crc, chunk, (uInt)n);
    if (ferror(f)) {
        fclose(f);
        return gv_err_set(err, GV_EIO, "read error: %s", strerror(errno));
    }
    fclose(f);
    *out = crc;
    return GV_OK;
}

gv_status
gv_gz_deflate(const void *data, size_t len, gv_buf *out, gv_err *err)
{
    uLong bound;
    uLongf n;
    gv_status st;
    int zr;

    if (len > UINT_MAX / 2)
        return gv_err_set(err, GV_EINVAL, "%zu bytes are too many to compress",
                          len);
    bound = compressBound((uLong)len);
    st = gv_buf_grow(out, bound, err);
    if (st != GV_OK)
        return st;
    n = bound;
    zr = compress2((Bytef *)out->data + out->len, &n, (const Bytef *)data,
                   (uLong)len, Z_DEFAULT_COMPRESSION);
    if (zr == Z_MEM_ERROR)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    if (zr != Z_OK) /* cannot happen: the output has compressBound() */
        return gv_err_set(err, GV_EINVAL, "cannot compress: zlib error %d", zr);
    out->len += n;
    out->data[out->len] = '\0';
    return GV_OK;
}

gv_status
gv_gz_inflate(const void *data, size_t len, size_t out_len, gv_buf *out,
              gv_err *err)
{
    uLongf n;
    uLong used = (uLong)len;
    gv_status st;
    int zr;

    if (len > UINT_MAX || out_len >= UINT_MAX)
        return gv_err_set(err, GV_EINVAL,
                          "%zu bytes are too many to decompress", len);
    st = gv_buf_grow(out, out_len, err);
    if (st != GV_OK)
        return st;
    /* Room for one byte more (where the NUL goes) tells a stream that
     * holds more than expected (Z_BUF_ERROR, or one byte too many) from
     * one that ends early (Z_DATA_ERROR); uncompress2() never writes past
     * n bytes, so memory stays bounded. */
    n = (uLongf)out_len + 1;
    zr = uncompress2((Bytef *)out->data + out->len, &n, (const Bytef *)data,
                     &used);
    if (zr == Z_MEM_ERROR)
        st = gv_err_set(err, GV_ENOMEM, "out of memory");
    else if (zr == Z_BUF_ERROR || (zr == Z_OK && n > out_len))
        st = gv_err_set(err, GV_ECORRUPT,
                        "compressed data holds more than %zu bytes", out_len);
    else if (zr != Z_OK)
        st = gv_err_set(err, GV_ECORRUPT, "corrupt compressed data");
    else if (n != out_len)
        st = gv_err_set(err, GV_ECORRUPT,
                        "compressed data holds %lu bytes, not %zu",
                        (unsigned long)n, out_len);
    else if (used != len)
        st = gv_err_set(err, GV_ECORRUPT,
                        "%lu stray bytes after compressed data",
                        (unsigned long)(len - used));
    if (st == GV_OK)
        out->len += n;
    out->data[out->len] = '\0'; /* also over what a failure wrote */
    return st;
}
