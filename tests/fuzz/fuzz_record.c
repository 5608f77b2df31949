/* Fuzz target: bytes as a stored record (document data) -> fields. An
 * index written by another version or damaged must not crash a search. */
#include <stdint.h>

#include "schema.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_record r;

    if (gv_record_parse((const char *)data, size, &r, NULL) == GV_OK &&
        r.body_len && r.body[r.body_len] != '\0')
        __builtin_trap();
    gv_record_release(&r);
    return 0;
}
