/* Reading one input file, plain or gzip-compressed, with caps on the bytes
 * read and the bytes produced; compressing and decompressing a short text
 * in memory (the body the index stores). The only user of zlib. */
#ifndef GV_GZ_H
#define GV_GZ_H

#include "buf.h"
#include "gv.h"

#include <stdbool.h>

typedef struct gv_read_limits {
    size_t max_raw_bytes;  /* bytes read from the file */
    size_t max_text_bytes; /* bytes of content, after decompression */
} gv_read_limits;

#define GV_READ_LIMITS_DEFAULT                                                 \
    {                                                                          \
        GV_MAX_FILE_BYTES, GV_MAX_DOC_BYTES                                    \
    }

/** What a successful read noticed, for the caller to warn about. */
typedef struct gv_read_info {
    bool was_gzip;
    bool hit_cap; /* content stopped at a cap: *out holds only the start */
} gv_read_info;

/**
 * Read the file at @p path into @p out (appending), decompressing it when
 * its name ends in ".gz". Reading stops at either cap with info->hit_cap
 * set, so a gzip bomb costs at most max_text_bytes of memory.
 * Returns GV_OK; GV_EIO when the file cannot be opened or read (msg has
 * strerror); GV_EBADDOC for a ".gz" file that is not gzip or is truncated
 * or corrupt, and for a file with a NUL byte in its first block (binary);
 * GV_ENOMEM. Messages name the problem, not the path: the caller names it.
 */
GV_MUST_CHECK gv_status
gv_gz_read_file(const char *path, const gv_read_limits *limits, gv_buf *out,
                gv_read_info *info, gv_err *err);

/* A file read line by line, for archives of one record per line (JSON
 * lines) that may be far larger than one document's cap. */
typedef struct gv_line_reader gv_line_reader;

typedef struct gv_line_limits {
    size_t max_raw_bytes;  /* file bytes read */
    size_t max_text_bytes; /* content bytes, after decompression */
    size_t max_line_bytes; /* bytes kept of one line */
} gv_line_limits;

typedef struct gv_line_info {
    unsigned long lineno; /* 1-based number of the line returned */
    bool cut;             /* the line was longer: only its start is kept */
    bool eof;             /* no line was returned: the file has ended */
    bool hit_cap;         /* the file goes on past a cap: reading ended */
} gv_line_info;

/**
 * Open @p path (decompressed when named ".gz") for gv_lines_next(), with
 * @p limits (copied). *out is for gv_lines_close().
 * Returns GV_OK, GV_EIO (msg has strerror), GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_lines_open(const char *path, const gv_line_limits *limits,
              gv_line_reader **out, gv_err *err);

/**
 * The next line of @p r into @p line (reset first; without its '\n'),
 * memory bounded by max_line_bytes whatever the line's length. At the end
 * info->eof is set and @p line is empty.
 * Returns GV_OK; GV_EBADDOC for gzip that is not gzip, truncated or
 * corrupt, and for a NUL byte in the first block (binary); GV_EIO;
 * GV_ENOMEM. After an error, stop reading.
 */
GV_MUST_CHECK gv_status
gv_lines_next(gv_line_reader *r, gv_buf *line, gv_line_info *info, gv_err *err);

/** Close @p r. NULL is allowed. */
void
gv_lines_close(gv_line_reader *r);

/**
 * The CRC-32 of the bytes of the file at @p path, as stored (not
 * decompressed), into *out: a check that its content changed.
 * Returns GV_OK, GV_EIO (msg has strerror).
 */
GV_MUST_CHECK gv_status
gv_gz_file_crc32(const char *path, unsigned long *out, gv_err *err);

/**
 * Compress the @p len bytes at @p data as one zlib stream (RFC 1950, with
 * its Adler-32 check), appended to @p out.
 * Returns GV_OK, GV_EINVAL (@p len too large for zlib), GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_gz_deflate(const void *data, size_t len, gv_buf *out, gv_err *err);

/**
 * Decompress the zlib stream of @p len bytes at @p data, which must give
 * exactly @p out_len bytes, appended to @p out. At most @p out_len bytes
 * are ever written, whatever the stream says, so memory is bounded by the
 * caller's cap.
 * Returns GV_OK; GV_ECORRUPT when the stream is not zlib, is damaged or
 * truncated, fails its check, gives more or fewer than @p out_len bytes,
 * or is followed by other bytes; GV_EINVAL (sizes too large for zlib);
 * GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_gz_inflate(const void *data, size_t len, size_t out_len, gv_buf *out,
              gv_err *err);

/** True when @p name ends in ".gz". */
bool
gv_gz_is_gzip_name(const char *name);

/** zlib's version string; static. */
const char *
gv_gz_zlib_version(void);

#endif
