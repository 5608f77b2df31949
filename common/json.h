/* JSON string escaping for the structured outputs. */
#ifndef GV_JSON_H
#define GV_JSON_H

#include "buf.h"
#include "gv.h"

/**
 * Append @p n bytes at @p s to @p b as a quoted JSON string: quotes,
 * backslashes and control characters escaped, invalid UTF-8 replaced by
 * U+FFFD, so the output is always valid JSON. Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_json_string(gv_buf *b, const char *s, size_t n, gv_err *err);

/** As gv_json_string() for a NUL-terminated @p s, or "null" for NULL. */
GV_MUST_CHECK gv_status
gv_json_string_or_null(gv_buf *b, const char *s, gv_err *err);

#endif
