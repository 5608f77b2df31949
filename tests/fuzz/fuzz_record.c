/* Fuzz target: bytes as a stored record (document data) -> fields, and as
 * a stored body (value GV_SLOT_BODY) -> text. An index written by another
 * version or damaged must not crash a search. */
#include <stdint.h>

#include "schema.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_record r;

    if (gv_record_parse((const char *)data, size, &r, NULL) == GV_OK) {
        /* Every field points into the record's own storage. */
        const char *lo = r.storage.data, *hi = lo + r.storage.len;
        for (int f = 0; f < GV_FIELD_COUNT; f++)
            if (r.fields[f] && (r.fields[f] < lo || r.fields[f] > hi))
                __builtin_trap();
        if (r.path && (r.path < lo || r.path > hi))
            __builtin_trap();
    }
    gv_record_release(&r);

    /* A body never reads back as more than the cap, whatever its header
     * says. */
    gv_buf text = GV_BUF_INIT;
    if (gv_schema_body_decode((const char *)data, size, &text, NULL) == GV_OK &&
        text.len > GV_MAX_STORED_BODY)
        __builtin_trap();
    gv_buf_release(&text);
    return 0;
}
