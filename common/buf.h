/* gv_buf: a growable, always NUL-terminated byte buffer (after git's
 * strbuf). Used for file contents, JSON output and built strings. */
#ifndef GV_BUF_H
#define GV_BUF_H

#include "gv.h"

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gv_buf {
    char *data; /* never NULL; data[len] == '\0' */
    size_t len; /* bytes in use, not counting the NUL */
    size_t cap; /* bytes allocated; 0 while data points at a static "" */
} gv_buf;

extern char gv_buf_empty[];
#define GV_BUF_INIT                                                            \
    {                                                                          \
        gv_buf_empty, 0, 0                                                     \
    }

/** Make @p b empty and valid, owning nothing. */
void
gv_buf_init(gv_buf *b);

/** Free what @p b owns and leave it as after gv_buf_init(). NULL allowed. */
void
gv_buf_release(gv_buf *b);

/** Empty @p b but keep its memory for reuse. */
void
gv_buf_reset(gv_buf *b);

/**
 * Hand the contents to the caller: returns a malloc'd NUL-terminated string
 * the caller frees (NULL only when out of memory), and leaves @p b empty.
 * @p len_out, if not NULL, receives the length.
 */
char *
gv_buf_detach(gv_buf *b, size_t *len_out);

/** Ensure room for @p extra more bytes. Returns GV_OK or GV_ENOMEM. */
GV_MUST_CHECK gv_status
gv_buf_grow(gv_buf *b, size_t extra, gv_err *err);

/** Append @p n bytes. Returns GV_OK or GV_ENOMEM. */
GV_MUST_CHECK gv_status
gv_buf_append(gv_buf *b, const void *p, size_t n, gv_err *err);

/** Append a NUL-terminated string. Returns GV_OK or GV_ENOMEM. */
GV_MUST_CHECK gv_status
gv_buf_puts(gv_buf *b, const char *s, gv_err *err);

/** Append one byte. Returns GV_OK or GV_ENOMEM. */
GV_MUST_CHECK gv_status
gv_buf_putc(gv_buf *b, char c, gv_err *err);

/** Append printf-formatted text. Returns GV_OK or GV_ENOMEM. */
GV_MUST_CHECK gv_status
gv_buf_printf(gv_buf *b, gv_err *err, const char *fmt, ...) GV_PRINTF(3, 4);

#ifdef __cplusplus
}
#endif

#endif
