/* UTF-8 validation and repair. Archives hold Latin-1 and damaged files;
 * text is repaired, never rejected. */
#ifndef GV_UTF8_H
#define GV_UTF8_H

#include "buf.h"
#include "gv.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/**
 * Decode one UTF-8 character at @p s (of @p n bytes available) into *cp.
 * Returns its length in bytes (1-4), or 0 when the bytes there are not a
 * valid, shortest-form character (overlong forms, surrogates, beyond
 * U+10FFFF and cut-off sequences are all invalid).
 */
size_t
gv_utf8_decode(const char *s, size_t n, uint32_t *cp);

/** True when all @p n bytes at @p s are valid UTF-8. */
bool
gv_utf8_is_valid(const char *s, size_t n);

/**
 * Replace every invalid byte sequence in @p b with U+FFFD and drop a
 * leading byte-order mark. *repaired_out, if not NULL, receives the number
 * of sequences replaced. Returns GV_OK or GV_ENOMEM (b is then unchanged).
 */
GV_MUST_CHECK gv_status
gv_utf8_repair(gv_buf *b, size_t *repaired_out, gv_err *err);

/**
 * The length of the @p n bytes at @p s without a cut-off character at the
 * end (as left by a size cap), so that repair does not count it as bad.
 */
size_t
gv_utf8_complete_len(const char *s, size_t n);

/**
 * Replace control characters other than tab, newline, carriage return and
 * form feed with spaces, in place: they mean nothing in an article, and
 * some would be taken for terminal escapes or snippet marks.
 */
void
gv_utf8_blank_controls(char *s, size_t n);

/** Byte length of the longest prefix of @p s no longer than @p max bytes
 * that does not cut a character in two. */
size_t
gv_utf8_clip(const char *s, size_t n, size_t max);

#endif
