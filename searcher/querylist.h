/* Lists of queries read from a file: --queries (one query per line) and
 * --watch (saved searches, "NAME<TAB>QUERY" per line). */
#ifndef GV_QUERYLIST_H
#define GV_QUERYLIST_H

#include "gv.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct gv_query_item {
    char *name;          /* saved search's name; NULL in a plain list */
    char *query;         /* the query text */
    unsigned line;       /* 1-based line in the file */
    const char *problem; /* static; why the line cannot be a query, or
                            NULL (the others still run) */
} gv_query_item;

typedef struct gv_query_list {
    gv_query_item *items;
    size_t count;
} gv_query_list;

/**
 * Read @p path ("-" for standard input) into @p out, freed with
 * gv_query_list_free() (also after an error). Blank lines and lines
 * starting with '#' are skipped; a trailing "\\r" is dropped. With
 * @p named, a line is "NAME<TAB>QUERY" (or just QUERY, which is then its
 * own name), and names must be unique.
 * Returns GV_OK; GV_EIO (msg names the file); GV_EINVAL for a line that
 * is too long or a name used twice (msg names the file and line);
 * GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_query_list_read(const char *path, bool named, gv_query_list *out,
                   gv_err *err);

/** Free what @p l holds. NULL is allowed. */
void
gv_query_list_free(gv_query_list *l);

#endif
