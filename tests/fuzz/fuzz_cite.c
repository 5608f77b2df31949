/* Fuzz target: bytes -> citation scan, and the same bytes as a cite:
 * query. Nothing may crash, every span must lie inside the input, spans
 * must come in text order, and every key must be a short lowercase word. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cite.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct seen {
    size_t size, last_end;
} seen;

static void
check_key(const char *key)
{
    size_t n = strnlen(key, GV_CITE_KEY_BYTES);

    if (n == 0 || n == GV_CITE_KEY_BYTES || !strchr(key, ':'))
        __builtin_trap();
    for (size_t k = 0; k < n; k++)
        if (!((key[k] >= 'a' && key[k] <= 'z') ||
              (key[k] >= '0' && key[k] <= '9') || key[k] == ':' ||
              key[k] == '-'))
            __builtin_trap();
}

static bool
check_cite(const gv_cite *c, void *ctx)
{
    seen *s = ctx;

    if (c->len == 0 || c->start > s->size || c->len > s->size - c->start ||
        c->start + c->len < s->last_end)
        __builtin_trap();
    s->last_end = c->start + c->len;
    check_key(c->key);
    return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    seen s = {size, 0};
    char key[GV_CITE_KEY_BYTES];

    gv_cite_scan((const char *)data, size, check_cite, &s);
    if (gv_cite_normalize((const char *)data, size, key, sizeof(key)))
        check_key(key);
    return 0;
}
