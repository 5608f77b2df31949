/* The index schema shared by gavel-index and gavel-search: term prefixes
 * (after Xapian Omega's conventions), value slots, the stemmer, and the
 * stored record, so a field the indexer writes is one the searcher reads. */
#ifndef GV_SCHEMA_H
#define GV_SCHEMA_H

#include "article.h"
#include "buf.h"
#include "gv.h"
#include "neardup.h"
#include "xdb.h"

#include <stdint.h>

#define GV_STEM_LANG  "english"
#define GV_TEXT_FLAGS GV_TEXT_CJK_NGRAM

/* Term prefixes. Free text is also indexed without a prefix. */
#define GV_PREFIX_ID     "Q"       /* unique id, from the path */
#define GV_PREFIX_TITLE  "S"       /* Omega: subject/title */
#define GV_PREFIX_AUTHOR "A"       /* Omega: author */
#define GV_PREFIX_SOURCE "XSOURCE" /* the publication or agency */
#define GV_PREFIX_PLACE  "XPLACE"  /* where the story is filed from */
#define GV_PREFIX_DAY    "D"       /* Omega: D20210111 */
#define GV_PREFIX_MONTH  "M"       /* Omega: M202101 */
#define GV_PREFIX_YEAR   "Y"       /* Omega: Y2021 */
#define GV_PREFIX_URL    "U"       /* Omega: the full URL */
#define GV_PREFIX_SITE   "H"       /* Omega: host name, and each parent */
#define GV_PREFIX_PATH   "XPATH"   /* the file, and each folder above it */
#define GV_PREFIX_RECORD "XRECORD" /* a JSON-lines record's own id */
#define GV_PREFIX_FILE   "XFILE"   /* every document read from one file */
#define GV_PREFIX_CITE   "XCITE"   /* a citation's key (see cite.h) */

/* Copies of one story (near-duplicates; see neardup.h). */
#define GV_PREFIX_DUP_BAND  "XDUPBAND"  /* a near-duplicate LSH band key */
#define GV_PREFIX_DUP_GROUP "XDUPGROUP" /* the group of copies of a story */

/* Metadata key prefix of the file stamps: what the index knows of each
 * file it holds (see indexer/stamp.h). */
#define GV_STAMP_KEY_PREFIX "F"

/* Value slots. */
#define GV_SLOT_DATE   0 /* "YYYYMMDD": sorts and ranges as a string */
#define GV_SLOT_BODY   1 /* the body's start, for snippets (compressed) */
#define GV_SLOT_SOURCE 2 /* the source as written, for counting */
#define GV_SLOT_CITES  6 /* the citations' keys, one a line, for counting */

/* Value slots of copies of one story. */
#define GV_SLOT_DUP_SIG   3 /* near-duplicate signature (neardup.h) */
#define GV_SLOT_DUP_GROUP 4 /* group of copies: GV_DUP_GROUP_LEN hex digits */
/* The group again, only on a document whose group has others: what a
 * search collapses on. A search reads the collapse key of every match,
 * and a key that almost no document has costs almost nothing to read. */
#define GV_SLOT_DUP_COLLAPSE 5

/* Metadata key: set ("1") in an index made since GV_SLOT_DUP_COLLAPSE, so
 * that a search knows every copy in it has that slot. An older index
 * lacks it (and some of its copies the slot): searches collapse it on
 * GV_SLOT_DUP_GROUP, as before. */
#define GV_META_COLLAPSE_SLOT "gavel:collapse-slot"

/* A group id: 16 hex digits. Band terms: the prefix and 16 hex digits. */
#define GV_DUP_GROUP_LEN  16
#define GV_DUP_TERM_BYTES (sizeof(GV_PREFIX_DUP_GROUP) + GV_DUP_GROUP_LEN)

/* Title words count this many times a body word. */
#define GV_TITLE_WDF 2

/* Body bytes kept in GV_SLOT_BODY for snippets. The body is a value, not
 * part of the document data, because libxapian 1.4.22 cannot read back
 * some compressed data tags over 8 KiB ("Too few chunks of compressed
 * data": its inflate loop gives up when the input runs out before the
 * output), which a long, repetitive article can produce. Values are not
 * compressed that way. */
#define GV_MAX_STORED_BODY (64u << 10)

/* The stored record stays under the 8 KiB at which that bug starts. */
#define GV_MAX_RECORD_BYTES 8000u

/**
 * The value of GV_SLOT_BODY for the @p len bytes of body text at @p text
 * (at most GV_MAX_STORED_BODY), into @p out (reset first): compressed
 * when that makes it smaller (see schema.c for the format).
 * Returns GV_OK, GV_EINVAL (@p len over GV_MAX_STORED_BODY), GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_schema_body_encode(const char *text, size_t len, gv_buf *out, gv_err *err);

/**
 * The body text held by a GV_SLOT_BODY value of @p len bytes at @p value,
 * into @p out (reset first): the value itself when stored as text (every
 * index made before bodies were compressed), else the text decompressed,
 * never more than GV_MAX_STORED_BODY bytes. An empty value gives "".
 * Returns GV_OK; GV_ECORRUPT when the value is damaged (msg says how);
 * GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_schema_body_decode(const char *value, size_t len, gv_buf *out, gv_err *err);

/**
 * The unique id term of the document read from @p path (a file's absolute
 * path) or, when @p record is not NULL, of that record of it (a JSON-lines
 * record's id), written into @p out: "Q" + path [+ "#" + record], or for
 * one too long for a Xapian term, its start plus a hash of the whole.
 * Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_schema_id_term(const char *path, const char *record, gv_buf *out,
                  gv_err *err);

/**
 * The term every document read from @p path carries (GV_PREFIX_FILE +
 * path, hashed when too long), and the metadata key of its stamp
 * (GV_STAMP_KEY_PREFIX + path, the same way), into @p out.
 * Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_schema_file_term(const char *path, gv_buf *out, gv_err *err);
GV_MUST_CHECK gv_status
gv_schema_stamp_key(const char *path, gv_buf *out, gv_err *err);

/**
 * Build the Xapian document for article @p a read from @p path (record
 * @p record of it, or NULL for the whole file): free text
 * with positions (title, then body), field terms, date terms and value,
 * the body's start (GV_SLOT_BODY) and the stored record, which keeps as
 * many fields as fit in GV_MAX_RECORD_BYTES, path first.
 * *out is for gv_xdoc_free().
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_schema_build_doc(const gv_article *a, const char *path, const char *record,
                    gv_xdoc **out, gv_err *err);

/**
 * Add what finds copies of @p sig's text to @p doc: a band term for each
 * LSH band, and the signature itself in GV_SLOT_DUP_SIG.
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_schema_add_dup_sig(gv_xdoc *doc, const gv_neardup_sig *sig, gv_err *err);

/** The term of band @p band of @p sig, into @p out. */
void
gv_schema_dup_band_term(const gv_neardup_sig *sig, unsigned band,
                        char out[GV_DUP_TERM_BYTES]);

/**
 * The id of a group of copies started by the document of unique term
 * @p idterm, into @p out: a hash of the term, so it does not depend on
 * Xapian's document numbers. @p attempt > 0 gives other ids, for when
 * the first is taken (the document has been indexed before and its old
 * copies keep that id).
 */
void
gv_schema_dup_group_id(const char *idterm, unsigned attempt,
                       char out[GV_DUP_GROUP_LEN + 1]);

/** The term of group @p group, into @p out. */
void
gv_schema_dup_group_term(const char *group, char out[GV_DUP_TERM_BYTES]);

/**
 * Put @p doc in the group of copies @p group: the group in
 * GV_SLOT_DUP_GROUP and the term GV_PREFIX_DUP_GROUP + group; and, when
 * @p has_others (the group holds other documents), the collapse key in
 * GV_SLOT_DUP_COLLAPSE.
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_schema_set_dup_group(gv_xdoc *doc, const char *group, bool has_others,
                        gv_err *err);

/**
 * Teach @p qp the query fields title:, author:, source:, place: (words),
 * and url:, site:, path:, record:, cite:, group: (exact values).
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_schema_add_query_fields(gv_qparser *qp, gv_err *err);

/** A stored record read back: what a hit shows. */
typedef struct gv_record {
    /* NUL-terminated, owned by the record; NULL when absent. */
    const char *path;
    const char *record; /* which record of the file: JSON lines */
    const char *fields[GV_FIELD_COUNT]; /* date is "YYYY-MM-DD" */
    const char *date_source;            /* gv_date_source_name() */
    gv_buf storage;                     /* private */
} gv_record;

/**
 * Decode the stored record of @p len bytes at @p data into @p out, which
 * the caller releases with gv_record_release() (also after an error).
 * Unknown keys are ignored, so older indexes stay readable.
 * Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_record_parse(const char *data, size_t len, gv_record *out, gv_err *err);

/** Free what @p r owns. NULL is allowed. */
void
gv_record_release(gv_record *r);

/** A 64-bit FNV-1a hash of @p s (ids too long for a term, seen sets). */
uint64_t
gv_schema_hash(const char *s);

/** A 64-bit hash of the document's identity (its path and record): the
 * same for every version of the document, whatever its Xapian number. */
uint64_t
gv_record_key(const gv_record *r);

#endif
