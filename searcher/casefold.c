/* Query case folding (see casefold.h). */
#include "casefold.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the @p n bytes at @p s are an operator: AND, NEAR/3, ... */
static bool
is_operator(const char *s, size_t n)
{
    static const char *const ops[] = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

    for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
        size_t len = strlen(ops[i]);
        if (n < len || memcmp(s, ops[i], len) != 0)
            continue;
        if (n == len)
            return true;
        /* NEAR/3, ADJ/3: a window of words. */
        if ((strcmp(ops[i], "NEAR") == 0 || strcmp(ops[i], "ADJ") == 0) &&
            s[len] == '/' && n > len + 1 &&
            strspn(s + len + 1, "0123456789") == n - len - 1)
            return true;
    }
    return false;
}

/* The length of the exact field name and colon @p s starts with, or 0. */
static size_t
exact_field(const char *s)
{
    static const char *const fields[] = {"url:", "record:", "path:", "cite:"};

    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (strncmp(s, fields[i], strlen(fields[i])) == 0)
            return strlen(fields[i]);
    return 0;
}

char *
gv_query_fold_case(const char *query)
{
    size_t n = strlen(query);
    char *out = malloc(n + 1);
    size_t i = 0;

    if (!out)
        return NULL;
    memcpy(out, query, n + 1);
    while (i < n) {
        size_t start, end, field;

        while (i < n && is_space(out[i]))
            i++;
        /* A word may follow brackets and a + or - sign. */
        while (i < n && strchr("(+-", out[i]))
            i++;
        start = i;
        field = exact_field(out + i);
        if (field && out[i + field] == '"') {
            /* A quoted exact value: as written, up to its closing quote. */
            const char *close = strchr(out + i + field + 1, '"');
            i = close ? (size_t)(close - out) + 1 : n;
            continue;
        }
        while (i < n && !is_space(out[i]))
            i++;
        end = i;
        if (field)
            continue;
        /* "OR)" closes a bracket after an operator-looking word. */
        while (end > start && out[end - 1] == ')')
            end--;
        if (is_operator(out + start, end - start))
            continue;
        for (size_t k = start; k < end; k++)
            if (out[k] >= 'A' && out[k] <= 'Z')
                out[k] = (char)(out[k] - 'A' + 'a');
    }
    return out;
}
