/* File stamps: what the index knows of each file it holds (size,
 * modification time, and with --verify a checksum), kept as Xapian
 * metadata and committed with the file's documents, so that a re-run
 * skips unchanged files without reading them. */
#ifndef GV_STAMP_H
#define GV_STAMP_H

#include "buf.h"
#include "gv.h"

#include <stdbool.h>
#include <sys/stat.h>

typedef struct gv_stamp {
    unsigned long long size;
    long long mtime_sec;
    long mtime_nsec;
    bool has_crc;
    unsigned long crc;
} gv_stamp;

/** The stamp of a file from its stat(2), without a checksum. */
void
gv_stamp_from_stat(const struct stat *st, gv_stamp *out);

/** True when @p a and @p b have the same size and modification time. */
bool
gv_stamp_same(const gv_stamp *a, const gv_stamp *b);

/**
 * Encode @p s and the file's @p path as a metadata value into @p out
 * (reset first): "1 SIZE SEC.NSEC CRC|- PATH". Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_stamp_encode(const gv_stamp *s, const char *path, gv_buf *out, gv_err *err);

/**
 * Decode @p value into *out, with *path_out pointing at the path inside
 * @p value. Returns false for anything else (an unknown version).
 */
bool
gv_stamp_decode(const char *value, gv_stamp *out, const char **path_out);

#endif
