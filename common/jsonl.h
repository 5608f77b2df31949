/* One record of a JSON-lines archive -> article, through jansson (the
 * only module that sees it). Pure: no I/O. */
#ifndef GV_JSONL_H
#define GV_JSONL_H

#include "article.h"
#include "gv.h"

#include <stddef.h>

typedef struct gv_jsonl_record {
    gv_article article; /* body in article.body_owned */
    char *id;           /* the record's own id, malloc'd; NULL if none */
    char *dateline;     /* a "dateline" field, malloc'd; NULL if none */
    bool has_text;      /* it had a text field (else only a title) */
} gv_jsonl_record;

/**
 * Parse one line of a JSON-lines archive, @p len bytes of UTF-8 at
 * @p line, into @p out (released with gv_jsonl_record_release(), even
 * after an error). The usual keys are understood, first present wins:
 *
 *   id:     id, _id, doc_id, docid, guid, uuid (string or number)
 *   title:  title, headline, subject
 *   date:   date, published, published_at, publication_date, pubdate,
 *           datetime, created_at (a date string, or epoch seconds)
 *   text:   text, body, content, article, full_text, story, abstract,
 *           description, summary
 *   source: source (or its "name"), publisher, publication, site, outlet,
 *           agency
 *   author: author, authors, byline, creator (arrays joined with ", ")
 *   url:    url, link, permalink
 *   place:  place, location
 *
 * Other keys are ignored. Returns GV_OK; GV_EBADDOC for a line that is
 * not a JSON object, or one with neither text nor title (msg says
 * which, with the column of a syntax error); GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_jsonl_parse(const char *line, size_t len, gv_jsonl_record *out, gv_err *err);

/** Free what @p r owns and zero it. NULL is allowed. */
void
gv_jsonl_record_release(gv_jsonl_record *r);

#endif
