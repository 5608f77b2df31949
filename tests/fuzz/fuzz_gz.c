/* Fuzz target: bytes as a .gz file -> capped reader. A damaged or hostile
 * gzip stream is an error status, never a crash or unbounded memory. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "gz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char dir[512]; /* made once per process */
    char path[600];
    gv_read_limits limits = {1u << 20, 1u << 20};
    gv_read_info info;
    gv_buf out = GV_BUF_INIT;
    FILE *f;

    if (!dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof(dir), "%s/fuzz_gz.XXXXXX", tmp ? tmp : "/tmp");
        if (!mkdtemp(dir)) {
            dir[0] = '\0';
            return 0;
        }
    }
    snprintf(path, sizeof(path), "%s/input.gz", dir);
    f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, size, f);
        fclose(f);
        if (gv_gz_read_file(path, &limits, &out, &info, NULL) == GV_OK &&
            out.len > limits.max_text_bytes)
            __builtin_trap();
    }
    unlink(path);
    gv_buf_release(&out);
    return 0;
}
