/* Fuzz target: bytes -> JSON string. The output must be one well-formed
 * JSON string: quoted, no raw control bytes, valid UTF-8. */
#include <stdint.h>

#include "json.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_buf out = GV_BUF_INIT;
    uint32_t cp;

    if (gv_json_string(&out, (const char *)data, size, NULL) == GV_OK) {
        if (out.len < 2 || out.data[0] != '"' || out.data[out.len - 1] != '"')
            __builtin_trap();
        for (size_t i = 0; i < out.len;) {
            size_t len = gv_utf8_decode(out.data + i, out.len - i, &cp);
            if (!len || cp < 0x20)
                __builtin_trap();
            i += len;
        }
    }
    gv_buf_release(&out);
    return 0;
}
