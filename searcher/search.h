/* Query building and running for gavel-search: query text -> Xapian query
 * (schema fields, stemming, CJK) -> ranked hits with their stored records
 * and snippets. Never prints. */
#ifndef GV_SEARCH_H
#define GV_SEARCH_H

#include "gv.h"
#include "schema.h"

#include <stdbool.h>
#include <time.h>

/* Bytes marking the start and end of a matched term in a snippet; the
 * renderers turn them into bold, "**" or nothing. */
#define GV_HI_START '\x02'
#define GV_HI_END   '\x03'

/* The order of hits. */
typedef enum gv_result_order {
    GV_ORDER_RELEVANCE, /* best first; ties newest first */
    GV_ORDER_NEWEST,    /* newest first, undated last */
    GV_ORDER_OLDEST     /* oldest first, undated last */
} gv_result_order;

/* BM25's defaults, chosen on the test collections of bench/quality (see
 * bench/quality.md): better than Xapian's 1, 0.5 on all four collections
 * they were chosen on, and on three of the four held out. */
#define GV_BM25_K1_DEFAULT 1.5
#define GV_BM25_B_DEFAULT  0.75
/* --like keeps this many of its text's most telling words. */
#define GV_LIKE_TERMS_DEFAULT 100

/* What --facet counts over all the matches. */
typedef enum gv_facet {
    GV_FACET_NONE,
    GV_FACET_SOURCE, /* the source as written */
    GV_FACET_CITE,   /* each citation (see cite.h) */
} gv_facet;

/** The facet called @p name ("source", "cite") into *out; false if none. */
bool
gv_facet_parse(const char *name, gv_facet *out);

/** The name of @p f, as gv_facet_parse() takes it. */
const char *
gv_facet_name(gv_facet f);

typedef struct gv_search_req {
    const char *query; /* Xapian query syntax plus the schema's fields */
    /* A text to find articles like (NULL: none): its like_terms most
     * telling words (0: all) rank the hits. With a query too, the query
     * says what matches and both rank. */
    const char *like;
    size_t like_len;
    unsigned like_terms;
    unsigned offset; /* hits to skip */
    unsigned limit;  /* hits to return at most */
    bool match_any;  /* plain words OR instead of AND */
    gv_result_order order;
    /* Only articles dated in this range, "YYYYMMDD" with both ends
     * included; NULL leaves an end open (and lets undated ones in when
     * both are NULL). */
    const char *date_lo, *date_hi;
    bool exact_count; /* count every match (slower), not an estimate */
    /* BM25's k1 and b; 0 or less keeps Gavel's defaults. */
    double bm25_k1, bm25_b;
    /* Above 0: rank by relevance decayed by age, halving every this many
     * days before @p now (see recency.h); order must be relevance. */
    double recent_half_life;
    time_t now;
    gv_facet facet;     /* counted over every match (slower) */
    unsigned facet_max; /* its most frequent values to keep */
    /* Every copy of a story, instead of only the best of each group of
     * copies (see README, "Wire copies"). */
    bool all_copies;
    /* Only each hit's stored record: its citations and group are left
     * empty (as for output that prints neither), which saves reading two
     * values a hit. */
    bool records_only;
} gv_search_req;

typedef struct gv_result {
    unsigned rank; /* 1-based */
    unsigned docid;
    double score;
    int percent;
    gv_record record;
    /* The keys of its citations, one a line ("" for none); owned by the
     * result set. */
    const char *citations;
    /* One line with GV_HI_* marks; NULL until
     * gv_result_set_fill_snippets(). */
    char *snippet;
    unsigned hit; /* private: its place in the search's hits */
    /* The group of copies of the article (GV_DUP_GROUP_LEN hex digits),
     * "" when it has none (a short text, an older index). */
    char group[GV_DUP_GROUP_LEN + 1];
    /* Other matching copies folded into this hit: Xapian's count (a
     * lower bound) until gv_result_set_fill_copies(), then exact; 0 with
     * all_copies. */
    unsigned copies;
    /* The distinct sources of those copies, best first, at most
     * GV_MAX_COPY_SOURCES, malloc'd; NULL until filled. */
    char **copy_sources;
    size_t copy_source_count;
} gv_result;

#define GV_MAX_COPY_SOURCES 10

typedef struct gv_result_set {
    const char *query; /* borrowed from the request */
    const char *name;  /* a saved search's name, or NULL; the caller's */
    unsigned estimated, lower_bound, upper_bound;
    unsigned offset;
    size_t count; /* entries in results */
    gv_result *results;
    gv_facet facet; /* what gv_result_set_each_facet() counts */
    unsigned facet_max;
    struct gv_mset *mset;    /* private: the hits, for snippets */
    struct gv_query *xquery; /* private: the query run, for copies */
    gv_db *db;               /* private, borrowed from the searcher */
    bool collapsed;          /* copies were folded into their best hit */
} gv_result_set;

typedef struct gv_searcher gv_searcher;

/**
 * Open the index at @p db_path (a folder, or a stub file of shards with
 * remote ones under the default timeouts) for searching. *out is for
 * gv_searcher_close(). Returns GV_OK, GV_EIO (missing or unreadable index;
 * msg names the path), GV_ECORRUPT, GV_EXAPIAN, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_searcher_open(const char *db_path, gv_searcher **out, gv_err *err);

/**
 * Open the @p n indexes at @p db_paths (folders or Xapian stub files of
 * local and remote shards; see gv_db_open_many()) to search them as one,
 * remote shards with @p opts. *out is for gv_searcher_close(). Returns as
 * gv_searcher_open(), and GV_EINVAL for a bad stub file.
 */
GV_MUST_CHECK gv_status
gv_searcher_open_many(const char *const *db_paths, size_t n,
                      const gv_db_open_opts *opts, gv_searcher **out,
                      gv_err *err);

/** Close @p s. NULL is allowed. */
void
gv_searcher_close(gv_searcher *s);

/** The index @p s searches, for what the searcher does not wrap. */
gv_db *
gv_searcher_db(gv_searcher *s);

/**
 * Run @p req. On success *out holds the hits, freed with
 * gv_result_set_free(). Returns GV_OK; GV_EQUERY for an empty, oversized
 * or unparsable query (msg says what is wrong); GV_EIO, GV_ECORRUPT,
 * GV_EXAPIAN, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_searcher_run(gv_searcher *s, const gv_search_req *req, gv_result_set **out,
                gv_err *err);

/** Free @p rs. NULL is allowed. */
void
gv_result_set_free(gv_result_set *rs);

/**
 * The most frequent values (facet_max at most) of the facet the request
 * asked for, over every match, most frequent first, each with its number
 * of matches, through @p fn (nothing without a facet).
 */
void
gv_result_set_each_facet(const gv_result_set *rs, gv_value_count_fn fn,
                         void *ctx);

/**
 * Make the snippet of each result of @p rs that has none: only for the
 * hits that are shown, as a snippet costs reading the body.
 * Returns GV_OK, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_result_set_fill_snippets(gv_result_set *rs, gv_err *err);

/**
 * Count exactly the other copies that matched of each result of @p rs
 * that has any, and list their sources: one small search per result that
 * belongs to a group of copies, so only for the hits that are shown.
 * Nothing to do when @p rs was run with all_copies.
 * Returns GV_OK, GV_EIO, GV_ENOMEM, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_result_set_fill_copies(gv_result_set *rs, gv_err *err);

/**
 * Keep only the results whose entry in @p keep (one per result) is true,
 * in their order; the others are freed. Ranks are kept as they were.
 */
void
gv_result_set_keep(gv_result_set *rs, const bool *keep);

/** Keep only the first @p n results of @p rs; the others are freed. */
void
gv_result_set_truncate(gv_result_set *rs, size_t n);

/**
 * Turn a snippet as Xapian returns it (HTML-escaped, @p hi_start/@p hi_end
 * around matches) into one line of plain text with GV_HI_START/GV_HI_END
 * marks: entities decoded, whitespace runs made one space. The result is
 * malloc'd; NULL when out of memory.
 */
char *
gv_search_plain_snippet(const char *html);

#endif
