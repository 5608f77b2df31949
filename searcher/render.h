/* Result renderers of gavel-search: one function per output format, all
 * behind one table, so --help and option parsing read the same list. */
#ifndef GV_RENDER_H
#define GV_RENDER_H

#include "buf.h"
#include "gv.h"
#include "search.h"

#include <stdbool.h>

/* Version of the JSON layout; bump on any change (see README). */
#define GV_JSON_FORMAT_VERSION 1

typedef struct gv_render_opts {
    bool use_color; /* ANSI bold for matches (a terminal) */
} gv_render_opts;

typedef gv_status (*gv_render_fn)(const gv_result_set *rs,
                                  const gv_render_opts *opts, gv_buf *out,
                                  gv_err *err);

typedef struct gv_format {
    const char *name;
    gv_render_fn render;
    const char *help;
} gv_format;

/** The formats, ended by an entry whose name is NULL. */
extern const gv_format gv_formats[];

/** The format called @p name, or NULL. */
const gv_format *
gv_format_find(const char *name);

/*
 * text: for people. A count line, then one block per hit:
 *
 *     about 12 matches, showing 1-10
 *
 *     1. Court of Appeal cuts sentence in bribery case
 *        2021-01-11 | Reuters | Amara Okafor | score 8.21
 *        /archive/uk/appeal.txt
 *        ...the **bribery** case against the former minister...
 *
 * Matches are **marked**, or bold on a terminal.
 */
GV_MUST_CHECK gv_status
gv_render_text(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *out,
               gv_err *err);

/*
 * json: one document per run, keys in this order (README documents it):
 *   {"format_version":1, "query":"...", "offset":0,
 *    "matches_estimated":12, "matches_lower_bound":12,
 *    "matches_upper_bound":12,
 *    "hits":[{"rank":1, "docid":4, "path":"...", "score":8.21,
 *             "percent":100, "date":"2021-01-11"|null, "title":...|null,
 *             "source":...|null, "author":...|null, "place":...|null,
 *             "url":...|null, "snippet":"...**bribery**..."}]}
 */
GV_MUST_CHECK gv_status
gv_render_json(const gv_result_set *rs, const gv_render_opts *opts, gv_buf *out,
               gv_err *err);

#endif
