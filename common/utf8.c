/* UTF-8 decoding, repair and clipping. */
#include "utf8.h"

#include <string.h>

size_t
gv_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    uint32_t c, min;
    size_t len, i;

    if (n == 0)
        return 0;
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (s[0] >= 0xc2 && s[0] <= 0xdf) {
        len = 2, c = s[0] & 0x1f, min = 0x80;
    } else if (s[0] >= 0xe0 && s[0] <= 0xef) {
        len = 3, c = s[0] & 0x0f, min = 0x800;
    } else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
        len = 4, c = s[0] & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return len;
}

bool
gv_utf8_is_valid(const char *s, size_t n)
{
    uint32_t cp;

    for (size_t i = 0; i < n;) {
        size_t len = gv_utf8_decode(s + i, n - i, &cp);
        if (!len)
            return false;
        i += len;
    }
    return true;
}

gv_status
gv_utf8_repair(gv_buf *b, size_t *repaired_out, gv_err *err)
{
    static const char replacement[] = "\xef\xbf\xbd"; /* U+FFFD */
    gv_buf fixed = GV_BUF_INIT;
    size_t i = 0, repaired = 0, good_from = 0;
    uint32_t cp;
    gv_status st = GV_OK;

    if (repaired_out)
        *repaired_out = 0;
    if (b->len >= 3 && memcmp(b->data, "\xef\xbb\xbf", 3) == 0)
        i = good_from = 3;
    /* Copy only when something is wrong: valid text costs one scan. */
    while (i < b->len) {
        size_t n = gv_utf8_decode(b->data + i, b->len - i, &cp);
        if (n) {
            i += n;
            continue;
        }
        st = gv_buf_append(&fixed, b->data + good_from, i - good_from, err);
        if (st == GV_OK)
            st = gv_buf_append(&fixed, replacement, 3, err);
        if (st != GV_OK)
            goto out;
        repaired++;
        i++;
        /* Skip the continuation bytes of the broken sequence. */
        while (i < b->len && ((unsigned char)b->data[i] & 0xc0) == 0x80)
            i++;
        good_from = i;
    }
    if (repaired == 0 && good_from == 0)
        goto out;
    st = gv_buf_append(&fixed, b->data + good_from, b->len - good_from, err);
    if (st != GV_OK)
        goto out;
    gv_buf_release(b);
    *b = fixed;
    gv_buf_init(&fixed);
    if (repaired_out)
        *repaired_out = repaired;
out:
    gv_buf_release(&fixed);
    return st;
}

size_t
gv_utf8_clip(const char *s, size_t n, size_t max)
{
    size_t i;

    if (n <= max)
        return n;
    i = max;
    while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
        i--;
    return i;
}

size_t
gv_utf8_complete_len(const char *s, size_t n)
{
    size_t start = n, want;
    unsigned char lead;

    /* Back up over at most three continuation bytes to a lead byte. */
    while (start > 0 && n - start < 3 &&
           ((unsigned char)s[start - 1] & 0xc0) == 0x80)
        start--;
    if (start == 0)
        return n;
    lead = (unsigned char)s[--start];
    if (lead >= 0xc2 && lead <= 0xdf)
        want = 2;
    else if (lead >= 0xe0 && lead <= 0xef)
        want = 3;
    else if (lead >= 0xf0 && lead <= 0xf4)
        want = 4;
    else
        return n; /* ASCII, or damage for repair to count */
    return n - start < want ? start : n;
}

void
gv_utf8_blank_controls(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
            c == 0x7f)
            s[i] = ' ';
    }
}
