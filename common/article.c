/* Plain-text article parsing (see article.h). */
#include "article.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"

/* A first line longer than this is a paragraph, not a title. */
#define MAX_TITLE_LINE  200u
#define CUT_TITLE_BYTES 100u

static const char *const field_names[GV_FIELD_COUNT] = {
    "title", "date", "source", "author", "place", "url"};

const char *
gv_field_name(gv_field f)
{
    return f < GV_FIELD_COUNT ? field_names[f] : "";
}

static const char *const date_source_names[] = {
    [GV_DATE_HEADER] = "header",
    [GV_DATE_DATELINE] = "dateline",
    [GV_DATE_DATELINE_PATH] = "dateline+path",
    [GV_DATE_DATELINE_MTIME] = "dateline+mtime",
    [GV_DATE_PATH] = "path",
};

const char *
gv_date_source_name(gv_date_source s)
{
    return s > GV_DATE_NONE && s <= GV_DATE_PATH ? date_source_names[s] : NULL;
}

gv_date_source
gv_date_source_from_name(const char *name)
{
    for (int s = GV_DATE_HEADER; name && s <= GV_DATE_PATH; s++)
        if (strcmp(name, date_source_names[s]) == 0)
            return (gv_date_source)s;
    return GV_DATE_NONE;
}

void
gv_article_release(gv_article *a)
{
    if (!a)
        return;
    for (int f = 0; f < GV_FIELD_COUNT; f++)
        free(a->fields[f]);
    free(a->body_owned);
    memset(a, 0, sizeof(*a));
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

static bool
is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]) && s[i] != '\n')
            return false;
    return true;
}

/* A malloc'd copy of @p n bytes with runs of whitespace made one space,
 * ends trimmed, cut to at most @p max bytes at a character boundary. */
static char *
clean_copy(const char *s, size_t n, size_t max)
{
    char *out = malloc(n + 1), *o = out;
    bool space = false;

    if (!out)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i]) || s[i] == '\n' || s[i] == '\0') {
            space = o != out;
            continue;
        }
        if (space)
            *o++ = ' ';
        space = false;
        *o++ = s[i];
    }
    *o = '\0';
    out[gv_utf8_clip(out, (size_t)(o - out), max)] = '\0';
    return out;
}

char *
gv_field_copy(const char *s, size_t n)
{
    return clean_copy(s, n, GV_MAX_FIELD_BYTES);
}

/* "Key: value" with a known key: the field, else GV_FIELD_COUNT. */
static gv_field
header_field(const char *line, size_t n, size_t *value_at)
{
    for (int f = 0; f < GV_FIELD_COUNT; f++) {
        size_t k = strlen(field_names[f]);
        if (n > k && strncasecmp(line, field_names[f], k) == 0) {
            size_t i = k;
            while (i < n && is_space(line[i]))
                i++;
            if (i < n && line[i] == ':') {
                *value_at = i + 1;
                return (gv_field)f;
            }
        }
    }
    return GV_FIELD_COUNT;
}

/* A title made from a too-long first line: cut at a word, marked "...". */
static char *
cut_title(const char *line, size_t n)
{
    size_t clip = gv_utf8_clip(line, n, CUT_TITLE_BYTES), cut = clip;
    while (cut > CUT_TITLE_BYTES / 2 && !is_space(line[cut]))
        cut--;
    if (!is_space(line[cut]))
        cut = clip; /* no word break late enough: cut at a character */
    char *t = clean_copy(line, cut, CUT_TITLE_BYTES);
    if (!t)
        return NULL;
    size_t len = strlen(t);
    char *out = realloc(t, len + 4);
    if (!out) {
        free(t);
        return NULL;
    }
    memcpy(out + len, "...", 4);
    return out;
}

gv_status
gv_article_parse(const char *text, size_t len, gv_article *out, gv_err *err)
{
    const char *end = text + len, *p = text;
    bool in_headers = true;

    memset(out, 0, sizeof(*out));
    /* Header lines first, then the title line if no header gave one. */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *eol = nl ? nl : end;
        const char *next = nl ? nl + 1 : end;
        size_t n = (size_t)(eol - p), value_at = 0;

        if (is_blank(p, n)) {
            p = next;
            /* A blank line ends the header block once it has begun. */
            for (int f = 0; f < GV_FIELD_COUNT; f++)
                if (out->fields[f])
                    in_headers = false;
            continue;
        }
        gv_field f =
            in_headers ? header_field(p, n, &value_at) : GV_FIELD_COUNT;
        if (f != GV_FIELD_COUNT) {
            if (!out->fields[f]) {
                out->fields[f] =
                    clean_copy(p + value_at, n - value_at, GV_MAX_FIELD_BYTES);
                if (!out->fields[f])
                    return gv_err_set(err, GV_ENOMEM, "out of memory");
            }
            p = next;
            continue;
        }
        in_headers = false;
        if (!out->fields[GV_FIELD_TITLE]) {
            bool is_title = n <= MAX_TITLE_LINE;
            out->fields[GV_FIELD_TITLE] =
                is_title ? clean_copy(p, n, GV_MAX_FIELD_BYTES)
                         : cut_title(p, n);
            if (!out->fields[GV_FIELD_TITLE])
                return gv_err_set(err, GV_ENOMEM, "out of memory");
            if (is_title)
                p = next;
        }
        break;
    }
    out->body = p;
    out->body_len = (size_t)(end - p);
    if (out->fields[GV_FIELD_DATE] &&
        gv_date_parse(out->fields[GV_FIELD_DATE],
                      strlen(out->fields[GV_FIELD_DATE]), &out->date))
        out->date_source = GV_DATE_HEADER;
    else
        memset(&out->date, 0, sizeof(out->date));
    /* Empty header values are as good as missing. */
    for (int f = 0; f < GV_FIELD_COUNT; f++) {
        if (out->fields[f] && !out->fields[f][0]) {
            free(out->fields[f]);
            out->fields[f] = NULL;
        }
    }
    if (!out->fields[GV_FIELD_TITLE] && is_blank(out->body, out->body_len))
        return gv_err_set(err, GV_EBADDOC, "no text");
    return GV_OK;
}
