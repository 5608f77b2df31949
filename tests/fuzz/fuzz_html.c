/* Fuzz target: bytes -> HTML parse (libxml2, metadata, body text). Nothing
 * a saved page holds may crash the parser, print, or leave bad UTF-8. */
#include <stdint.h>
#include <string.h>

#include "html.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_article a;
    gv_err err = GV_ERR_INIT;
    gv_status st = gv_html_parse((const char *)data, size, &a, &err);

    if (st != GV_OK && st != GV_EBADDOC && st != GV_ENOMEM)
        __builtin_trap();
    if (st == GV_OK) {
        /* The body is owned, valid UTF-8; fields are capped, valid,
         * without runs of spaces or control characters. */
        if (!a.body || a.body != a.body_owned || strlen(a.body) != a.body_len ||
            !gv_utf8_is_valid(a.body, a.body_len))
            __builtin_trap();
        if (!a.fields[GV_FIELD_TITLE] && a.body_len == 0)
            __builtin_trap();
        for (int f = 0; f < GV_FIELD_COUNT; f++) {
            const char *v = a.fields[f];
            size_t n = v ? strlen(v) : 0;
            if (!v)
                continue;
            if (n == 0 || n > GV_MAX_FIELD_BYTES || !gv_utf8_is_valid(v, n) ||
                v[0] == ' ' || v[n - 1] == ' ' || strstr(v, "  "))
                __builtin_trap();
            for (size_t i = 0; i < n; i++)
                if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f)
                    __builtin_trap();
        }
        if ((a.date_source == GV_DATE_HEADER) !=
            (a.fields[GV_FIELD_DATE] != NULL))
            __builtin_trap();
    }
    gv_article_release(&a);
    return 0;
}
