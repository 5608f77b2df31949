/* Status codes, the error record, input caps and attribute macros shared by
 * every module of Gavel. Library code reports through gv_err; only main()
 * prints. */
#ifndef GV_H
#define GV_H

#include <stddef.h>

#define GV_VERSION "0.1.0"

#if defined(__GNUC__)
#define GV_MUST_CHECK   __attribute__((warn_unused_result))
#define GV_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define GV_MUST_CHECK
#define GV_PRINTF(f, a)
#endif

/* Caps on every input (STYLE 3.6). */
#define GV_MAX_FILE_BYTES  (64u << 20) /* raw bytes read from one file */
#define GV_MAX_DOC_BYTES   (32u << 20) /* decompressed bytes of one file */
#define GV_MAX_QUERY_BYTES (16u << 10) /* one query string */
#define GV_MAX_FIELD_BYTES 1024u       /* one header value: title, author */
#define GV_MAX_TERM_BYTES  245u        /* Xapian's limit on one term */

typedef enum gv_status {
    GV_OK = 0,
    GV_ENOMEM,
    GV_EINVAL,
    GV_EIO,
    GV_EQUERY,
    GV_ELOCKED,
    GV_ECORRUPT,
    GV_EBADDOC,   /* one input record is malformed: skip it, go on */
    GV_EXAPIAN,   /* any other Xapian::Error */
    GV_EINTERNAL, /* any other C++ exception: a bug in xdb.cc */
} gv_status;

typedef struct gv_err {
    gv_status code;
    char msg[256]; /* fixed size: reporting works even after ENOMEM */
} gv_err;

#define GV_ERR_INIT                                                            \
    {                                                                          \
        GV_OK,                                                                 \
        {                                                                      \
            0                                                                  \
        }                                                                      \
    }

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Record an error in @p err (which may be NULL) and return @p code. The
 * first error wins: a later call on an err that already holds one keeps the
 * old message and code, so the root cause is what gets reported.
 */
gv_status
gv_err_set(gv_err *err, gv_status code, const char *fmt, ...) GV_PRINTF(3, 4);

/** Forget any recorded error, so @p err can be reused. NULL is allowed. */
void
gv_err_clear(gv_err *err);

/** A short constant name for @p code ("I/O error", "query error", ...). */
const char *
gv_status_name(gv_status code);

#ifdef __cplusplus
}
#endif

#endif
