/* Fuzz target: bytes -> UTF-8 repair -> article parse (headers, title,
 * dates). Nothing a file holds may crash the parser. */
#include <stdint.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_buf text = GV_BUF_INIT;
    gv_article a;
    gv_date d;

    memset(&a, 0, sizeof(a)); /* released even when repair fails */
    if (gv_buf_append(&text, data, size, NULL) != GV_OK)
        return 0;
    (void)gv_date_parse(text.data, text.len, &d);
    if (gv_utf8_repair(&text, NULL, NULL) == GV_OK &&
        gv_article_parse(text.data, text.len, &a, NULL) == GV_OK) {
        /* The body lies inside the text, every field is valid UTF-8. */
        if (a.body < text.data || a.body + a.body_len > text.data + text.len)
            __builtin_trap();
        for (int f = 0; f < GV_FIELD_COUNT; f++)
            if (a.fields[f] &&
                !gv_utf8_is_valid(a.fields[f], strlen(a.fields[f])))
                __builtin_trap();
    }
    gv_article_release(&a);
    gv_buf_release(&text);
    return 0;
}
