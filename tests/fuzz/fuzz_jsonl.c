/* Fuzz target: one line of a JSON-lines archive -> UTF-8 repair -> record
 * -> dateline and path clues, as the indexer reads it. */
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "dating.h"
#include "jsonl.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_buf line = GV_BUF_INIT;
    gv_jsonl_record r;

    memset(&r, 0, sizeof(r)); /* released even when repair fails */
    if (gv_buf_append(&line, data, size, NULL) != GV_OK)
        return 0;
    if (gv_utf8_repair(&line, NULL, NULL) == GV_OK &&
        gv_jsonl_parse(line.data, line.len, &r, NULL) == GV_OK) {
        if (gv_article_complete(&r.article, r.dateline, "/a/2021/x.jsonl",
                                1600000000, NULL) != GV_OK)
            __builtin_trap();
        for (int f = 0; f < GV_FIELD_COUNT; f++)
            if (r.article.fields[f] &&
                (!r.article.fields[f][0] ||
                 !gv_utf8_is_valid(r.article.fields[f],
                                   strlen(r.article.fields[f]))))
                __builtin_trap();
        if (!gv_utf8_is_valid(r.article.body, r.article.body_len))
            __builtin_trap();
    }
    gv_jsonl_record_release(&r);
    gv_buf_release(&line);
    return 0;
}
