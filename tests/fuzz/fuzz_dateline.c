/* Fuzz target: bytes -> dateline parse, and the same bytes as a path.
 * Nothing a story or a file name holds may crash either, and what comes
 * out must lie inside the input and be valid UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dateline.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_part(const char *part)
{
    size_t n = strnlen(part, GV_DATELINE_PART_BYTES);

    if (n == GV_DATELINE_PART_BYTES || !gv_utf8_is_valid(part, n))
        __builtin_trap();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gv_dateline dl;
    gv_date d;
    char *path;

    if (gv_dateline_parse((const char *)data, size, &dl)) {
        if (dl.len == 0 || dl.len > size)
            __builtin_trap();
        check_part(dl.place);
        check_part(dl.agency);
        check_part(dl.reporter);
        if (dl.place[0] == '\0' || dl.date.month < 0 || dl.date.month > 12 ||
            (dl.date.month == 0) != (dl.date.day == 0))
            __builtin_trap();
    }

    path = malloc(size + 1); /* the path function wants a C string */
    if (!path)
        return 0;
    memcpy(path, data, size);
    path[size] = '\0';
    if (gv_date_from_path(path, &d)) {
        if (d.year < 1900 || d.year > 2099 ||
            (d.month && !gv_date_is_valid(d.year, d.month, d.day)))
            __builtin_trap();
    }
    free(path);
    return 0;
}
