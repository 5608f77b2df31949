/* One plain-text article: header lines, title, body. Pure: no I/O. */
#ifndef GV_ARTICLE_H
#define GV_ARTICLE_H

#include "date.h"
#include "gv.h"

#include <stddef.h>

/* The header names a plain-text article may start with. */
typedef enum gv_field {
    GV_FIELD_TITLE,
    GV_FIELD_DATE,
    GV_FIELD_SOURCE,
    GV_FIELD_AUTHOR,
    GV_FIELD_PLACE,
    GV_FIELD_URL,
    GV_FIELD_COUNT
} gv_field;

/* Where an article's date came from, surest first. */
typedef enum gv_date_source {
    GV_DATE_NONE,           /* no date */
    GV_DATE_HEADER,         /* a header, meta tag or JSON field: sure */
    GV_DATE_DATELINE,       /* a dateline with its year: sure */
    GV_DATE_DATELINE_PATH,  /* a dateline's day, the year from the path */
    GV_DATE_DATELINE_MTIME, /* a dateline's day, the year from the file
                               time: a guess */
    GV_DATE_PATH            /* the file's path (2021/01/11/...) */
} gv_date_source;

typedef struct gv_article {
    /* Malloc'd, NUL-terminated, whitespace collapsed, at most
     * GV_MAX_FIELD_BYTES; NULL when the article does not have it. */
    char *fields[GV_FIELD_COUNT];
    gv_date date; /* year 0 if none */
    gv_date_source date_source;
    const char *body; /* into the parsed text, or body_owned */
    size_t body_len;
    char *body_owned; /* malloc'd body text made by the parser (HTML) */
} gv_article;

/**
 * Parse @p len bytes of UTF-8 @p text as an article into @p out (which the
 * caller releases with gv_article_release(), even after an error):
 *
 *   Title: Court upholds sentence        <- optional header lines, any
 *   Date: January 11, 2021                  case, in any order; they end
 *   Source: Reuters                         at a blank line or at the
 *                                           first line that is not one
 *   The body text ...
 *
 * Without a Title header, the first non-blank line is the title; a first
 * line too long to be a title (a wire story that opens with its dateline
 * paragraph) gives a title cut at a word and stays in the body.
 * out->body points into @p text, so @p text must outlive @p out.
 * Returns GV_OK; GV_EBADDOC when there is no text at all; GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_article_parse(const char *text, size_t len, gv_article *out, gv_err *err);

/** Free the fields and owned body of @p a and zero it. NULL is allowed. */
void
gv_article_release(gv_article *a);

/**
 * A field value from @p n bytes at @p s: malloc'd, NUL-terminated, runs of
 * whitespace (and NULs) made one space, ends trimmed, cut to at most
 * GV_MAX_FIELD_BYTES at a character boundary. NULL when out of memory.
 */
char *
gv_field_copy(const char *s, size_t n);

/** The header name of @p f in lower case ("title", "date", ...). */
const char *
gv_field_name(gv_field f);

/** The name of @p s for output: "header", "dateline", "dateline+path",
 * "dateline+mtime", "path"; NULL for GV_DATE_NONE. */
const char *
gv_date_source_name(gv_date_source s);

/** The gv_date_source named @p name, or GV_DATE_NONE. */
gv_date_source
gv_date_source_from_name(const char *name);

#endif
