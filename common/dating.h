/* Completing an article from clues outside its headers: the dateline it
 * opens with and the path it was read from. Pure: no I/O. */
#ifndef GV_DATING_H
#define GV_DATING_H

#include "article.h"
#include "gv.h"

#include <time.h>

/**
 * Fill in what @p a lacks from its dateline, found in @p dateline (a
 * record's own dateline field) or else at the start of its body: place,
 * source (the agency) and author (the reporter). Then date it when no
 * header did: from the dateline, its year (when it gives none) from
 * @p path, else from @p mtime (the file's modification time), taking the
 * latest year that does not put the day after that time; failing a
 * dateline, from a date in @p path. a->date_source says which.
 * An undated article stays undated: the file time alone dates nothing.
 * Returns GV_OK or GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_article_complete(gv_article *a, const char *dateline, const char *path,
                    time_t mtime, gv_err *err);

#endif
