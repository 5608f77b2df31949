/* Query lists (see querylist.h). */
#include "querylist.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Longer than a query may be, so an over-long one reaches the searcher
 * and is refused there with the usual message. */
#define MAX_LINE_BYTES (64u << 10)

void
gv_query_list_free(gv_query_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->count; i++) {
        free(l->items[i].name);
        free(l->items[i].query);
    }
    free(l->items);
    memset(l, 0, sizeof(*l));
}

static gv_status
add_item(gv_query_list *l, const char *name, size_t name_len, const char *query,
         unsigned line, const char *problem, gv_err *err)
{
    gv_query_item *grown = realloc(l->items, (l->count + 1) * sizeof(*grown));
    gv_query_item *it;

    if (!grown)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    l->items = grown;
    it = &l->items[l->count];
    it->line = line;
    it->problem = problem;
    it->name = name ? strndup(name, name_len) : NULL;
    it->query = strdup(query);
    if ((name && !it->name) || !it->query) {
        free(it->name);
        free(it->query);
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    }
    l->count++;
    return GV_OK;
}

static bool
name_taken(const gv_query_list *l, const char *name, size_t n)
{
    for (size_t i = 0; i < l->count; i++)
        if (strlen(l->items[i].name) == n &&
            memcmp(l->items[i].name, name, n) == 0)
            return true;
    return false;
}

/* One line (NUL-terminated, without its newline) into @p l. */
static gv_status
add_line(gv_query_list *l, const char *path, char *text, unsigned line,
         bool named, const char *problem, gv_err *err)
{
    size_t n = strlen(text);
    const char *name = text, *query = text, *tab;
    size_t name_len;

    if (n && text[n - 1] == '\r')
        text[--n] = '\0';
    if (strspn(text, " \t") == n || text[strspn(text, " \t")] == '#')
        return GV_OK;
    if (!named)
        return add_item(l, NULL, 0, text, line, problem, err);
    tab = strchr(text, '\t');
    name_len = tab ? (size_t)(tab - text) : n;
    if (tab)
        query = tab + 1;
    if (name_taken(l, name, name_len))
        return gv_err_set(err, GV_EINVAL,
                          "%s:%u: the name '%.*s' is used "
                          "twice",
                          path, line, (int)name_len, name);
    return add_item(l, name, name_len, query, line, problem, err);
}

gv_status
gv_query_list_read(const char *path, bool named, gv_query_list *out,
                   gv_err *err)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "r");
    gv_buf line = GV_BUF_INIT;
    unsigned lineno = 0;
    gv_status st = GV_OK;
    int c;

    memset(out, 0, sizeof(*out));
    if (!f)
        return gv_err_set(err, GV_EIO, "cannot open '%s': %s", path,
                          strerror(errno));
    do {
        c = getc(f);
        if (c != EOF && c != '\n') {
            if (line.len >= MAX_LINE_BYTES) {
                st = gv_err_set(err, GV_EINVAL,
                                "%s:%u: line longer than %u bytes", path,
                                lineno + 1, MAX_LINE_BYTES);
                break;
            }
            st = gv_buf_putc(&line, (char)c, err);
            continue;
        }
        if (c == EOF && line.len == 0)
            break;
        lineno++;
        st = gv_buf_putc(&line, '\0', err);
        if (st == GV_OK)
            st = add_line(out, path, line.data, lineno, named,
                          strlen(line.data) + 1 != line.len
                              ? "a NUL byte in the query"
                              : NULL,
                          err);
        gv_buf_reset(&line);
    } while (st == GV_OK && c != EOF);
    if (st == GV_OK && ferror(f))
        st = gv_err_set(err, GV_EIO, "cannot read '%s': %s", path,
                        strerror(errno));
    if (!is_stdin)
        fclose(f);
    gv_buf_release(&line);
    return st;
}
