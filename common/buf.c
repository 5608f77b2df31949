/* gv_buf: growable byte buffer. */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char gv_buf_empty[1];

void
gv_buf_init(gv_buf *b)
{
    b->data = gv_buf_empty;
    b->len = 0;
    b->cap = 0;
}

void
gv_buf_release(gv_buf *b)
{
    if (!b)
        return;
    if (b->cap)
        free(b->data);
    gv_buf_init(b);
}

void
gv_buf_reset(gv_buf *b)
{
    b->len = 0;
    b->data[0] = '\0';
}

char *
gv_buf_detach(gv_buf *b, size_t *len_out)
{
    char *s;

    if (len_out)
        *len_out = b->len;
    s = b->cap ? b->data : strdup("");
    gv_buf_init(b);
    return s;
}

gv_status
gv_buf_grow(gv_buf *b, size_t extra, gv_err *err)
{
    size_t need, cap;
    char *p;

    if (extra > SIZE_MAX - b->len - 1)
        return gv_err_set(err, GV_ENOMEM, "buffer size overflow");
    need = b->len + extra + 1;
    if (need <= b->cap)
        return GV_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = realloc(b->cap ? b->data : NULL, cap);
    if (!p)
        return gv_err_set(err, GV_ENOMEM, "out of memory (%zu bytes)", cap);
    if (!b->cap)
        p[0] = '\0';
    b->data = p;
    b->cap = cap;
    return GV_OK;
}

gv_status
gv_buf_append(gv_buf *b, const void *p, size_t n, gv_err *err)
{
    gv_status st = gv_buf_grow(b, n, err);

    if (st != GV_OK)
        return st;
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
    return GV_OK;
}

gv_status
gv_buf_puts(gv_buf *b, const char *s, gv_err *err)
{
    return gv_buf_append(b, s, strlen(s), err);
}

gv_status
gv_buf_putc(gv_buf *b, char c, gv_err *err)
{
    return gv_buf_append(b, &c, 1, err);
}

gv_status
gv_buf_printf(gv_buf *b, gv_err *err, const char *fmt, ...)
{
    va_list ap;
    int n;
    gv_status st;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return gv_err_set(err, GV_EINVAL, "bad format string");
    st = gv_buf_grow(b, (size_t)n, err);
    if (st != GV_OK)
        return st;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return GV_OK;
}
