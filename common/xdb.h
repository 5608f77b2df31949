/* A small C binding of libxapian: opaque handles for a database, a document
 * being built, a query parser, a parsed query and a match set. Every function
 * returns a gv_status and fills a caller-owned gv_err; no C++ exception ever
 * crosses into C. Implemented in xdb.cc, the only file that sees Xapian. */
#ifndef GV_XDB_H
#define GV_XDB_H

#include "buf.h"
#include "gv.h"

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gv_db gv_db;           /* an open database */
typedef struct gv_xdoc gv_xdoc;       /* a document being built */
typedef struct gv_qparser gv_qparser; /* a configured query parser */
typedef struct gv_query gv_query;     /* a parsed query */
typedef struct gv_mset gv_mset;       /* the hits of one search */

typedef enum gv_db_mode {
    GV_DB_READ,  /* read-only; never takes the write lock */
    GV_DB_WRITE, /* create if missing, else open; takes the write lock */
    /* As GV_DB_WRITE, but a commit does not wait for the disk: it
     * survives the process, not a crash of the system. For databases
     * that are built to be merged, whose loss costs only the time to
     * build them again. */
    GV_DB_WRITE_UNSYNCED,
} gv_db_mode;

/** Flags for text indexing and query parsing. */
enum gv_text_flags {
    GV_TEXT_CJK_NGRAM = 1 << 0, /* index/parse CJK text as n-grams */
};

/**
 * Open the database at @p path. In GV_DB_WRITE mode a missing database is
 * created, but not inside a folder that holds other files. In GV_DB_READ
 * mode @p path may also be a stub file of shards, opened as by
 * gv_db_open_many() with GV_DB_OPEN_OPTS_INIT. On success *out holds a
 * handle for gv_db_close().
 * Returns GV_OK; GV_ELOCKED when another writer holds the lock (msg names
 * the path); GV_EIO when the path is missing or cannot be opened;
 * GV_EINVAL for a folder of other files; GV_ECORRUPT; GV_EXAPIAN;
 * GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_db_open(const char *path, gv_db_mode mode, gv_db **out, gv_err *err);

/* ---- Many databases (shards) searched as one ---- */

/* How gv_db_open_many() treats remote shards. */
typedef struct gv_db_open_opts {
    unsigned timeout_ms;         /* each exchange with a remote shard */
    unsigned connect_timeout_ms; /* connecting to one */
    bool partial; /* leave out a remote shard that does not answer (see
                     gv_db_missing()) instead of failing */
} gv_db_open_opts;

#define GV_DB_TIMEOUT_MS_DEFAULT 5000u
#define GV_DB_OPEN_OPTS_INIT                                                   \
    {                                                                          \
        GV_DB_TIMEOUT_MS_DEFAULT, GV_DB_TIMEOUT_MS_DEFAULT, false              \
    }

/* Stub files nest at most this deep (a stub listing a stub ...). */
#define GV_MAX_STUB_DEPTH 8
/* A stub file is read up to this many bytes. */
#define GV_MAX_STUB_BYTES (1u << 20)

/**
 * Open the @p n (at least 1) databases at @p paths read-only, as one:
 * Xapian ranks their documents together with statistics over all of them,
 * so N shards rank as one index holding the same documents. A path may be
 * a database folder or a Xapian stub database file, whose lines are
 *
 *     # a comment
 *     auto PATH          a database (or another stub); relative to the stub
 *     glass PATH         a glass database
 *     chert PATH         a chert database
 *     remote HOST:PORT   a database served by xapian-tcpsrv
 *     remote :PROG ARGS  one served by PROG ARGS over a pipe (xapian-progsrv)
 *     inmemory           an empty in-memory database
 *
 * as in Xapian's own stub format, but opened here so that remote shards
 * get @p opts' timeouts. A remote shard that cannot be reached is an error
 * naming it, or with opts->partial is left out (see gv_db_missing()).
 * *out is for gv_db_close(); its gv_db_path() is the paths joined by ", ".
 * Returns GV_OK; GV_EIO (a missing path, an unreachable shard, or with
 * opts->partial no shard reachable at all; msg names it); GV_EINVAL (a bad
 * stub line, msg gives its file and line); GV_ECORRUPT; GV_EXAPIAN;
 * GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_db_open_many(const char *const *paths, size_t n, const gv_db_open_opts *opts,
                gv_db **out, gv_err *err);

/** The number of shards (Xapian sub-databases) @p db searches now. */
unsigned
gv_db_shard_count(const gv_db *db);

/**
 * Shard @p i (below gv_db_shard_count()) of @p db: its path, or HOST:PORT
 * for a remote one; owned by @p db, valid until gv_db_close(). *is_remote
 * (when not NULL) says which.
 */
const char *
gv_db_shard_name(const gv_db *db, unsigned i, bool *is_remote);

/**
 * The shards left out because they did not answer (opt. partial), at open
 * or since, oldest first: gv_db_missing(@p db, i) for i below
 * gv_db_missing_count() is "'HOST:PORT' (in 'STUB'): WHY", owned by @p db.
 */
unsigned
gv_db_missing_count(const gv_db *db);
const char *
gv_db_missing(const gv_db *db, unsigned i);

/**
 * Merge the databases at @p paths (folders or stub files of local
 * databases, as gv_db_open_many() reads them) into one new database at
 * @p out_path with Xapian's compaction; documents get new numbers, and
 * user metadata of all of them is kept. @p out_path must not exist.
 * Returns GV_OK; GV_EINVAL (@p out_path exists, or a remote shard: Xapian
 * compacts only local ones); GV_EIO; GV_ECORRUPT; GV_EXAPIAN; GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_db_compact(const char *const *paths, size_t n, const char *out_path,
              gv_err *err);

/**
 * Close @p db. Uncommitted changes are discarded: call gv_db_commit()
 * first. Never reports an error. NULL is allowed.
 */
void
gv_db_close(gv_db *db);

/** The path @p db was opened with; owned by @p db. */
const char *
gv_db_path(const gv_db *db);

/** Make pending changes durable. Returns GV_OK, GV_EIO, GV_EXAPIAN. */
GV_MUST_CHECK gv_status
gv_db_commit(gv_db *db, gv_err *err);

/**
 * Move a read-only handle to the latest committed revision. Returns GV_OK,
 * GV_EIO, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_reopen(gv_db *db, gv_err *err);

/** Number of documents, into *out. Returns GV_OK or GV_EXAPIAN. */
GV_MUST_CHECK gv_status
gv_db_doc_count(gv_db *db, unsigned *out, gv_err *err);

/**
 * Store @p doc as the one document indexed by the unique term @p idterm,
 * replacing any document that has it. Needs GV_DB_WRITE.
 * Returns GV_OK, GV_EINVAL (read-only db, empty or oversized term),
 * GV_EXAPIAN, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_db_replace(gv_db *db, const char *idterm, gv_xdoc *doc, gv_err *err);

/**
 * Delete every document indexed by @p idterm (none is not an error).
 * Returns GV_OK, GV_EINVAL (read-only db), GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_delete(gv_db *db, const char *idterm, gv_err *err);

/**
 * The user metadata stored under @p key (at most GV_MAX_TERM_BYTES) into
 * @p out (reset first; empty when there is none). Metadata is committed
 * with the documents, so it can say what a commit holds.
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_get_metadata(gv_db *db, const char *key, gv_buf *out, gv_err *err);

/**
 * Whether every database @p db is made of (each shard it opened, remote
 * ones too) holds some metadata under @p key, into *out.
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_metadata_everywhere(gv_db *db, const char *key, bool *out, gv_err *err);

/** Store @p value under @p key ("" deletes it). Needs GV_DB_WRITE.
 * Returns GV_OK, GV_EINVAL, GV_EIO, GV_EXAPIAN. */
GV_MUST_CHECK gv_status
gv_db_set_metadata(gv_db *db, const char *key, const char *value, gv_err *err);

/** The number of distinct terms in @p db (it walks them all) into *out.
 * Returns GV_OK, GV_EIO, GV_EXAPIAN. */
GV_MUST_CHECK gv_status
gv_db_term_count(gv_db *db, unsigned long long *out, gv_err *err);

/** The revision of @p db (it grows with each commit) into *out; over
 * several shards, the sum of the local ones' (it grows with a commit to
 * any of them; remote shards do not tell theirs). */
GV_MUST_CHECK gv_status
gv_db_revision(gv_db *db, unsigned long long *out, gv_err *err);

/** The lowest and highest value in @p slot into @p lo and @p hi (reset
 * first; empty when no document has one). */
GV_MUST_CHECK gv_status
gv_db_value_bounds(gv_db *db, unsigned slot, gv_buf *lo, gv_buf *hi,
                   gv_err *err);

/** Called for each value counted; returning false stops. */
typedef bool (*gv_value_count_fn)(void *ctx, const char *value, unsigned count);

/**
 * The @p max most frequent values of @p slot over all documents, most
 * frequent first, each with its number of documents, through @p fn.
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_top_values(gv_db *db, unsigned slot, unsigned max, gv_value_count_fn fn,
                 void *ctx, gv_err *err);

/** Called for each metadata key; returning false stops the walk. */
typedef bool (*gv_metadata_fn)(void *ctx, const char *key, const char *value);

/**
 * Call @p fn for each metadata key starting with @p prefix, in key order,
 * with its value (as of the last commit or change). @p fn must not change
 * metadata. Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_each_metadata(gv_db *db, const char *prefix, gv_metadata_fn fn, void *ctx,
                    gv_err *err);

/** Number of documents indexed by @p term, into *out. */
GV_MUST_CHECK gv_status
gv_db_term_freq(gv_db *db, const char *term, unsigned *out, gv_err *err);

/** Called for each document of a posting list; returning false stops. */
typedef bool (*gv_docid_fn)(void *ctx, unsigned docid);

/**
 * Call @p fn with each document indexed by @p term, in document order. A
 * writable @p db includes its uncommitted changes.
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_each_posting(gv_db *db, const char *term, gv_docid_fn fn, void *ctx,
                   gv_err *err);

/** Called for a document of term @p term; returning false stops. */
typedef bool (*gv_term_docid_fn)(void *ctx, const char *term, unsigned docid);

/**
 * Call @p fn with each document of each term beginning with @p prefix
 * that indexes two documents or more, term by term in byte order, each
 * term's documents in document order (a document comes once for each
 * such term it has); returning false stops.
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_each_shared_posting(gv_db *db, const char *prefix, gv_term_docid_fn fn,
                          void *ctx, gv_err *err);

/**
 * Change document @p docid in place: value slot @p slot to the @p len
 * bytes at @p value, and boolean term @p old_term (if it has it) to
 * @p new_term (both NULL: its terms stay). Needs GV_DB_WRITE; the caller
 * commits.
 * Returns GV_OK; GV_EINVAL (no such document, read-only db); GV_EIO,
 * GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_retag(gv_db *db, unsigned docid, unsigned slot, const char *value,
            size_t len, const char *old_term, const char *new_term,
            gv_err *err);

/**
 * Value slot @p slot of document @p docid into @p out (reset first; empty
 * when unset). A writable @p db includes its uncommitted changes.
 * Returns GV_OK; GV_EINVAL when there is no such document; GV_EIO,
 * GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_db_get_value(gv_db *db, unsigned docid, unsigned slot, gv_buf *out,
                gv_err *err);

/* ---- Building documents ---- */

/**
 * Start a document whose free text is stemmed with @p stem_lang (a Xapian
 * stemmer name such as "english"; "" or "none" for no stemming) and split
 * with @p text_flags (enum gv_text_flags). Free with gv_xdoc_free().
 * Returns GV_OK, GV_EINVAL (unknown language), GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_xdoc_new(const char *stem_lang, unsigned text_flags, gv_xdoc **out,
            gv_err *err);

/** Free @p doc. NULL is allowed. */
void
gv_xdoc_free(gv_xdoc *doc);

/**
 * Index @p len bytes of UTF-8 @p text: each word and its stem get
 * @p wdf_inc added to their within-document frequency, under @p prefix
 * ("" for none). With @p positions, word positions are stored for phrase
 * and NEAR searches, continuing after any text indexed before.
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_xdoc_index_text(gv_xdoc *doc, const char *text, size_t len, unsigned wdf_inc,
                   const char *prefix, bool positions, gv_err *err);

/**
 * Leave a gap of @p delta positions, so that a phrase cannot match across
 * two fields. Returns GV_OK, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_xdoc_skip_positions(gv_xdoc *doc, unsigned delta, gv_err *err);

/**
 * Add the boolean (filter) term @p term, which carries no weight.
 * Terms longer than GV_MAX_TERM_BYTES are refused with GV_EINVAL.
 * Returns GV_OK, GV_EINVAL, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_xdoc_add_boolean_term(gv_xdoc *doc, const char *term, gv_err *err);

/** Set value slot @p slot to @p len bytes at @p value. */
GV_MUST_CHECK gv_status
gv_xdoc_set_value(gv_xdoc *doc, unsigned slot, const char *value, size_t len,
                  gv_err *err);

/** Set the document data (the stored record) to @p len bytes. */
GV_MUST_CHECK gv_status
gv_xdoc_set_data(gv_xdoc *doc, const char *data, size_t len, gv_err *err);

/* ---- Parsing queries ---- */

typedef enum gv_default_op {
    GV_OP_AND, /* plain words must all match */
    GV_OP_OR,  /* any plain word may match; more matches rank higher */
} gv_default_op;

/**
 * Make a query parser that stems with @p stem_lang and splits with
 * @p text_flags, taking wildcard expansions from @p db (which must outlive
 * the parser). Free with gv_qparser_free().
 * Returns GV_OK, GV_EINVAL (unknown language), GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_qparser_new(gv_db *db, const char *stem_lang, unsigned text_flags,
               gv_qparser **out, gv_err *err);

/** Free @p qp. NULL is allowed. */
void
gv_qparser_free(gv_qparser *qp);

/**
 * Let "field:words" search the free text indexed under @p prefix. With
 * @p is_boolean, "field:value" instead filters on the term prefix+value.
 */
GV_MUST_CHECK gv_status
gv_qparser_add_prefix(gv_qparser *qp, const char *field, const char *prefix,
                      bool is_boolean, gv_err *err);

/**
 * A boolean filter field handled in C: for "field:value" the parser calls
 * @p fn with the value, and the query *out it builds (which the parser
 * takes over) filters the rest. @p fn returns GV_OK, or GV_EQUERY with a
 * message, which becomes the parse error. @p ctx is passed to @p fn.
 */
typedef gv_status (*gv_field_fn)(void *ctx, const char *value, gv_query **out,
                                 gv_err *err);

GV_MUST_CHECK gv_status
gv_qparser_add_field_fn(gv_qparser *qp, const char *field, gv_field_fn fn,
                        void *ctx, gv_err *err);

/** Choose how plain words combine. */
void
gv_qparser_set_default_op(gv_qparser *qp, gv_default_op op);

/** Query syntax a parser accepts (Xapian's QueryParser flags). */
enum gv_parse_flags {
    GV_PARSE_BOOLEAN = 1 << 0,  /* AND, OR, NOT, XOR, NEAR, brackets */
    GV_PARSE_PHRASE = 1 << 1,   /* "quoted phrases" */
    GV_PARSE_LOVEHATE = 1 << 2, /* +required -excluded */
    GV_PARSE_WILDCARD = 1 << 3, /* trailing wildcards: judic* */
    GV_PARSE_PURE_NOT = 1 << 4, /* a query that is only NOT x */
};

#define GV_PARSE_DEFAULT                                                       \
    (GV_PARSE_BOOLEAN | GV_PARSE_PHRASE | GV_PARSE_LOVEHATE |                  \
     GV_PARSE_WILDCARD | GV_PARSE_PURE_NOT)

/**
 * Choose the syntax gv_qparser_parse() accepts (enum gv_parse_flags);
 * GV_PARSE_DEFAULT until set. CJK n-grams follow the parser's text flags.
 */
void
gv_qparser_set_flags(gv_qparser *qp, unsigned parse_flags);

/**
 * Parse @p text with Xapian's query syntax: AND, OR, NOT, XOR, brackets,
 * +/-, "phrases", NEAR, trailing wildcards, and the added fields.
 * On success *out holds a query for gv_query_free().
 * Returns GV_OK; GV_EQUERY with the parser's message; GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_qparser_parse(gv_qparser *qp, const char *text, gv_query **out, gv_err *err);

/**
 * A query for documents like @p text (a whole article or judgment): its
 * words made terms as the indexer makes them, the @p max_terms (0: all)
 * with the highest count times idf in the index kept, OR'ed and weighted
 * by their count. Words the index lacks are left out, so the query is
 * empty when it holds none. Returns GV_OK, GV_ENOMEM, GV_EIO.
 */
GV_MUST_CHECK gv_status
gv_qparser_like(gv_qparser *qp, const char *text, size_t len,
                unsigned max_terms, gv_query **out, gv_err *err);

/** Free @p q. NULL is allowed. */
void
gv_query_free(gv_query *q);

/** A query matching the documents that hold @p term, into *out.
 * Returns GV_OK, GV_ENOMEM. */
GV_MUST_CHECK gv_status
gv_query_new_term(const char *term, gv_query **out, gv_err *err);

/**
 * A query matching the documents whose value in @p slot is between @p lo
 * and @p hi (string order, both ends included; NULL leaves an end open).
 * Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_query_new_value_range(unsigned slot, const char *lo, const char *hi,
                         gv_query **out, gv_err *err);

/**
 * A query matching the documents that either @p a or @p b matches, into
 * *out. Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_query_new_or(const gv_query *a, const gv_query *b, gv_query **out,
                gv_err *err);

/**
 * @p q restricted to the documents @p filter matches, ranked by @p q
 * alone, into *out. Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_query_new_filtered(const gv_query *q, const gv_query *filter, gv_query **out,
                      gv_err *err);

/**
 * The documents @p q matches, ranked by @p q and @p extra together
 * (Xapian's AND_MAYBE), into *out. Returns GV_OK, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_query_new_and_maybe(const gv_query *q, const gv_query *extra, gv_query **out,
                       gv_err *err);

/** True when @p q matches nothing by construction (e.g. all stopwords). */
bool
gv_query_is_empty(const gv_query *q);

/**
 * A malloc'd description of @p q in Xapian's notation, for diagnostics;
 * the caller frees it. NULL when out of memory.
 */
char *
gv_query_describe(const gv_query *q);

/* ---- Running queries ---- */

/* The order of hits. */
typedef enum gv_sort_order {
    GV_SORT_RELEVANCE,  /* best first; ties by sort_slot, highest first */
    GV_SORT_VALUE_DESC, /* sort_slot highest first, then relevance */
    GV_SORT_VALUE_ASC   /* sort_slot lowest first, then relevance */
} gv_sort_order;

/**
 * The key a hit is ranked by, highest first, from its relevance @p weight
 * and the @p len bytes of its value in the rescore slot ("" when unset).
 * With @p value NULL, the highest key any hit of that weight could get:
 * that bound is what lets a search stop early. At equal weight, a value
 * greater in byte order must never get a lower key.
 */
typedef double (*gv_rescore_fn)(void *ctx, const char *value, size_t len,
                                double weight);

typedef struct gv_search_opts {
    unsigned offset;         /* hits to skip */
    unsigned limit;          /* hits to return at most */
    unsigned check_at_least; /* docs to examine for better estimates */
    double bm25_k1, bm25_b;  /* BM25 parameters; < 0 keeps Xapian's */
    gv_sort_order sort;
    int sort_slot;     /* < 0: none (relevance ties stay in docid order).
                          Documents without a value sort last either way. */
    int collapse_slot; /* >= 0: keep only the best hit of each value of
                          this slot (Xapian's collapse); documents without
                          a value are never collapsed. < 0: none. */
    bool count_only;   /* for the counts: hits' documents are not read, and
                          gv_mset_hit() gives no data */
    /* When set, hits are ranked by the key rescore() makes of their
     * relevance and their value in rescore_slot, ties by relevance (sort
     * is ignored), and a hit's weight is its key. The ranking is exact
     * unless more than M = max(GV_RESCORE_MAX_HITS, offset + limit) match
     * and the page's keys fall below the bound of the M-th most relevant
     * hit; then it ranks those M. */
    gv_rescore_fn rescore;
    void *rescore_ctx;
    unsigned rescore_slot;
    /* >= 0: count the values of this slot over every match (a value may
     * hold several, one per line), for gv_mset_each_facet(). */
    int facet_slot;
} gv_search_opts;

#define GV_RESCORE_MAX_HITS 10000u

#define GV_SEARCH_OPTS_INIT                                                    \
    {                                                                          \
        0, 10, 0, -1.0, -1.0, GV_SORT_RELEVANCE, -1, -1, false, NULL, NULL, 0, \
            -1                                                                 \
    }

/**
 * Rank the documents of @p db that match @p q with BM25 and keep hits
 * offset..offset+limit-1 in *out, for gv_mset_free(), with their documents
 * already read. When another process commits meanwhile, the database is
 * reopened and the search retried (a few times at most).
 * Returns GV_OK, GV_EIO, GV_ECORRUPT, GV_EXAPIAN, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_db_search(gv_db *db, const gv_query *q, const gv_search_opts *opts,
             gv_mset **out, gv_err *err);

/** Free @p ms. NULL is allowed. */
void
gv_mset_free(gv_mset *ms);

/** Hits held by @p ms. */
unsigned
gv_mset_size(const gv_mset *ms);

/** Xapian's estimate and bounds of all matching documents. */
unsigned
gv_mset_estimate(const gv_mset *ms);
unsigned
gv_mset_lower_bound(const gv_mset *ms);
unsigned
gv_mset_upper_bound(const gv_mset *ms);

/** One hit, as read by gv_mset_hit(). Strings are owned by the mset. */
typedef struct gv_hit {
    unsigned docid;
    unsigned rank;    /* 0-based position in the full ranking */
    double weight;    /* the BM25 score */
    int percent;      /* 0..100, relative to the best possible score */
    const char *data; /* stored record; valid until gv_mset_free() */
    size_t data_len;
    /* With collapse_slot: how many matching documents of the same value
     * Xapian dropped in favour of this one. A lower bound: documents the
     * match skipped as unable to rank are not counted. */
    unsigned collapse_count;
} gv_hit;

/**
 * Read hit @p i (0-based, below gv_mset_size()) into *out, fetching its
 * document. Returns GV_OK, GV_EINVAL (bad index), GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_mset_hit(gv_mset *ms, unsigned i, gv_hit *out, gv_err *err);

/**
 * Value slot @p slot of hit @p i into *out: a pointer owned by the mset,
 * valid until gv_mset_free(), with its length in *len_out ("" when unset).
 */
GV_MUST_CHECK gv_status
gv_mset_value(gv_mset *ms, unsigned i, unsigned slot, const char **out,
              size_t *len_out, gv_err *err);

/**
 * The @p max values most often found in the facet slot among all the
 * matches, most frequent first (ties in byte order), each with its number
 * of matches, through @p fn. Nothing unless opts->facet_slot was set.
 */
void
gv_mset_each_facet(const gv_mset *ms, unsigned max, gv_value_count_fn fn,
                   void *ctx);

/**
 * Pick about @p length bytes of @p text around the terms that the search
 * matched, with each match between @p hi_start and @p hi_end, and @p omit
 * where text was cut. Like Xapian, the result is HTML-escaped (&amp; &lt;
 * &gt;). *out is malloc'd, the caller frees it.
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_mset_snippet(const gv_mset *ms, const char *text, size_t text_len,
                size_t length, const char *hi_start, const char *hi_end,
                const char *omit, char **out, gv_err *err);

/** Xapian's version string ("1.4.22"); static. */
const char *
gv_xapian_version(void);

#ifdef __cplusplus
}
#endif

#endif
