/* Result renderers of gavel-search: one entry per output format, all
 * behind one table, so --help and option parsing read the same list.
 * A run calls begin, then result (or count) once per query, then end. */
#ifndef GV_RENDER_H
#define GV_RENDER_H

#include "buf.h"
#include "gv.h"
#include "search.h"

#include <stdbool.h>

/* Version of the structured layouts; bump on any change (see README). */
#define GV_JSON_FORMAT_VERSION 2

typedef struct gv_render_opts {
    bool use_color;     /* ANSI bold for matches (a terminal) */
    bool batch;         /* several queries in one run */
    bool first;         /* the first result of the run */
    bool nul_separated; /* paths: end each with NUL, not newline */
    bool only_new;      /* saved searches: the hits are the new ones */
} gv_render_opts;

typedef gv_status (*gv_render_fn)(const gv_result_set *rs,
                                  const gv_render_opts *opts, gv_buf *out,
                                  gv_err *err);
typedef gv_status (*gv_render_edge_fn)(const gv_render_opts *opts, gv_buf *out,
                                       gv_err *err);

typedef struct gv_format {
    const char *name;
    gv_render_edge_fn begin; /* NULL: nothing before the first result */
    gv_render_fn result;     /* a query's hits */
    gv_render_fn count;      /* a query's count (--count) */
    gv_render_edge_fn end;   /* NULL: nothing after the last result */
    /* Shows each hit's snippet, copies and citations (false: the
     * records alone do). */
    bool needs_snippets;
    const char *help;
} gv_format;

/*
 * The formats, ended by an entry whose name is NULL:
 *
 * text   for people: a count line, then one block per hit (rank, title;
 *        date, place, source, author, score; path; snippet with the
 *        matches **marked**, or bold on a terminal; "+ N copies: SOURCES"
 *        when copies were folded into it). Several queries:
 *        each starts with "== [NAME: ]QUERY".
 * json   one document per run: a result object {"format_version",
 *        ["name",] "query", "offset", "matches_estimated",
 *        "matches_lower_bound", "matches_upper_bound", "hits":[...]};
 *        several queries: {"format_version":1,"results":[objects]}.
 * jsonl  one object per hit: "format_version", "name", "query", then the
 *        hit's fields.
 * tsv    one row per hit: name, query, then the hit's fields, with tab,
 *        newline, CR and backslash escaped as \t \n \r \\.
 * paths  each hit's file once, ended by newline or NUL.
 *
 * A hit's fields, in this order everywhere: rank, docid, path, record,
 * score, percent, date, date_source, title, source, author, place, url,
 * snippet, group, copies, copy_sources (null or an empty column when
 * absent; copy_sources is a JSON list, and "; "-joined in TSV).
 */
extern const gv_format gv_formats[];

/** The format called @p name, or NULL. */
const gv_format *
gv_format_find(const char *name);

#endif
