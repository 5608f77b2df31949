/* HTML pages saved from news sites -> articles, through libxml2's HTML
 * parser (the only module that sees libxml2). Pure: no I/O. */
#ifndef GV_HTML_H
#define GV_HTML_H

#include "article.h"
#include "gv.h"

#include <stddef.h>

/**
 * Parse the @p len bytes at @p html (raw bytes as read: the encoding
 * comes from a BOM or a <meta charset>, else UTF-8, falling back to
 * Latin-1 for bytes that are not UTF-8) into @p out, which the caller
 * releases with gv_article_release(), even after an error:
 *
 * - title: og:title, else <title>, else the first <h1>;
 * - date: article:published_time, <meta name="date">, DC.date (and
 *   similar), else the first <time datetime>; date_source
 *   GV_DATE_HEADER when one parses;
 * - author, source (og:site_name, publisher), url (og:url, canonical);
 * - body: the text of <article> (else <main>, else <body>) without
 *   scripts, styles, navigation, forms, headers and footers of the page,
 *   entities decoded, one line per block element, in out->body_owned.
 *
 * Any bytes give an article (libxml2 recovers from broken markup); fields
 * are valid UTF-8 with whitespace collapsed, at most GV_MAX_FIELD_BYTES.
 * Returns GV_OK; GV_EBADDOC when the page has no text at all; GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_html_parse(const char *html, size_t len, gv_article *out, gv_err *err);

#endif
