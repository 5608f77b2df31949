/* Near-duplicate fingerprints of article text (MinHash over word
 * shingles), their LSH band keys and a similarity estimate: how the
 * indexer finds copies of one wire story. Pure: no I/O, no allocation. */
#ifndef GV_NEARDUP_H
#define GV_NEARDUP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A signature holds GV_NEARDUP_HASHES minima, one per hash function,
 * over the set of shingles of GV_NEARDUP_SHINGLE consecutive words. Two
 * texts agree on each minimum with a probability equal to the Jaccard
 * similarity of their shingle sets. */
#define GV_NEARDUP_HASHES 64
#define GV_NEARDUP_SHINGLE                                                     \
    4 /* words per shingle; a CJK character is a word                          \
       */

/* Locality-sensitive hashing: the signature cut into GV_NEARDUP_BANDS
 * bands of GV_NEARDUP_ROWS minima each; two texts share a band key with
 * probability 1 - (1 - J^4)^16 for Jaccard similarity J: 0.12 at J 0.3,
 * 0.64 at J 0.5, 0.99 at J 0.7. */
#define GV_NEARDUP_BANDS 16
#define GV_NEARDUP_ROWS  (GV_NEARDUP_HASHES / GV_NEARDUP_BANDS)

/* A text with fewer shingles, or about fewer different ones (a text
 * repeating a few words), gets no signature: short notices would
 * otherwise pass for copies of each other. */
#define GV_NEARDUP_MIN_SHINGLES 40
#define GV_NEARDUP_MIN_DISTINCT 30

/* When two texts count as copies of one story: an estimated similarity
 * of at least GV_NEARDUP_THRESHOLD, or GV_NEARDUP_SHORT_THRESHOLD when
 * either text has fewer than GV_NEARDUP_SHORT_SHINGLES shingles. Short
 * fixed-form notices (a central bank's daily operation, an auction) that
 * differ in a figure or two are mostly 0.7-0.77 alike and are not
 * copies (some still pass: 64 minima estimate roughly); reprints
 * and updates of longer stories, with a changed headline, a trimmed or
 * added paragraph, "yesterday" for "today", stay above 0.6 (see README,
 * "Wire copies", for the measurements). */
#define GV_NEARDUP_THRESHOLD       0.6
#define GV_NEARDUP_SHORT_SHINGLES  100
#define GV_NEARDUP_SHORT_THRESHOLD 0.8

/* Bytes of an encoded signature: a version byte, the number of shingles
 * (4 bytes), then each minimum (4 bytes), all most significant first. */
#define GV_NEARDUP_SIG_BYTES (1 + 4 + 4 * GV_NEARDUP_HASHES)

typedef struct gv_neardup_sig {
    uint32_t min[GV_NEARDUP_HASHES];
    size_t shingles; /* shingles hashed (with repeats) */
} gv_neardup_sig;

/**
 * Fingerprint the @p len bytes of UTF-8 @p text into *out. Words are runs
 * of letters and digits, lower-cased (ASCII and Latin-1); each CJK
 * character is a word of its own; invalid bytes separate words. Returns
 * false, leaving *out unusable, when the text is too short or too
 * repetitive to fingerprint (see GV_NEARDUP_MIN_SHINGLES).
 */
bool
gv_neardup_sign(const char *text, size_t len, gv_neardup_sig *out);

/** The LSH key of band @p band (below GV_NEARDUP_BANDS) of @p sig. */
uint64_t
gv_neardup_band_key(const gv_neardup_sig *sig, unsigned band);

/** The estimated Jaccard similarity of the texts of @p a and @p b, 0..1:
 * the share of minima they agree on. */
double
gv_neardup_similarity(const gv_neardup_sig *a, const gv_neardup_sig *b);

/** True when @p a and @p b are fingerprints of copies of one story (see
 * GV_NEARDUP_THRESHOLD); *similarity_out, if not NULL, receives
 * gv_neardup_similarity(). */
bool
gv_neardup_is_copy(const gv_neardup_sig *a, const gv_neardup_sig *b,
                   double *similarity_out);

/** Write @p sig as GV_NEARDUP_SIG_BYTES bytes at @p out. */
void
gv_neardup_encode(const gv_neardup_sig *sig,
                  unsigned char out[GV_NEARDUP_SIG_BYTES]);

/** Read a signature written by gv_neardup_encode() from the @p len bytes
 * at @p data into *out; false for anything else (a damaged value, another
 * version). */
bool
gv_neardup_decode(const char *data, size_t len, gv_neardup_sig *out);

#endif
