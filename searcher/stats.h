/* gavel-search --stats: what an index holds, for people and scripts. */
#ifndef GV_STATS_H
#define GV_STATS_H

#include "buf.h"
#include "gv.h"
#include "xdb.h"

#include <stdbool.h>

/**
 * Describe the index at @p db_path, open as @p db, into @p out: documents,
 * distinct terms, the span of dates, the most frequent sources, size on
 * disk, last change and revision; as text, or with @p json as one JSON
 * document (keys: format_version, index, documents, terms, revision,
 * first_date, last_date, undated... see README).
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_stats_render(gv_db *db, const char *db_path, bool json, gv_buf *out,
                gv_err *err);

#endif
