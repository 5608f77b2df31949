/* Reading one input file, plain or gzip-compressed, with caps on the bytes
 * read and the bytes produced. The only user of zlib. */
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

/** True when @p name ends in ".gz". */
bool
gv_gz_is_gzip_name(const char *name);

/** zlib's version string; static. */
const char *
gv_gz_zlib_version(void);

#endif
