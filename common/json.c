/* JSON string escaping (see json.h). */
#include "json.h"

#include <string.h>

#include "utf8.h"

gv_status
gv_json_string(gv_buf *b, const char *s, size_t n, gv_err *err)
{
    gv_status st = gv_buf_putc(b, '"', err);
    size_t i = 0;

    while (st == GV_OK && i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t len;

        switch (c) {
        case '"':
            st = gv_buf_puts(b, "\\\"", err), i++;
            continue;
        case '\\':
            st = gv_buf_puts(b, "\\\\", err), i++;
            continue;
        case '\n':
            st = gv_buf_puts(b, "\\n", err), i++;
            continue;
        case '\t':
            st = gv_buf_puts(b, "\\t", err), i++;
            continue;
        case '\r':
            st = gv_buf_puts(b, "\\r", err), i++;
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            st = gv_buf_printf(b, err, "\\u%04x", c), i++;
            continue;
        }
        len = gv_utf8_decode(s + i, n - i, &cp);
        if (len == 0) {
            st = gv_buf_puts(b, "\xef\xbf\xbd", err), i++;
            continue;
        }
        st = gv_buf_append(b, s + i, len, err);
        i += len;
    }
    return st == GV_OK ? gv_buf_putc(b, '"', err) : st;
}

gv_status
gv_json_string_or_null(gv_buf *b, const char *s, gv_err *err)
{
    if (!s)
        return gv_buf_puts(b, "null", err);
    return gv_json_string(b, s, strlen(s), err);
}
