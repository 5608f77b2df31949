/* The indexing pipeline of gavel-index: walk -> read -> repair -> parse ->
 * document -> write, with batched commits. Reports problems through a
 * callback and never prints. */
#ifndef GV_INDEX_H
#define GV_INDEX_H

#include "gv.h"
#include "gz.h"

#include <stdbool.h>

/* What a warning is about. */
typedef enum gv_warning_kind {
    GV_WARN_FAILED,   /* the file was not indexed */
    GV_WARN_PARTIAL,  /* only its start was indexed: a size cap */
    GV_WARN_REPAIRED, /* indexed after repair: invalid UTF-8 */
    GV_WARN_RECORD    /* one record of a JSON-lines file was not indexed */
} gv_warning_kind;

/* What a file holds, by its name. */
typedef enum gv_input_format {
    GV_INPUT_NONE, /* not an article file: skipped in folders */
    GV_INPUT_TEXT,
    GV_INPUT_HTML,
    GV_INPUT_JSONL
} gv_input_format;

/* A JSON-lines file is read a line at a time; past this many bytes of
 * content it is cut, so a gzip bomb ends. */
#define GV_MAX_STREAM_BYTES (4ull << 30)

/* An HTML page is read up to this many bytes (its parse tree is many
 * times larger than the page). */
#define GV_MAX_HTML_BYTES (8u << 20)

/* Called once per problem with a file, with a message naming it. */
typedef void (*gv_index_warn_fn)(void *ctx, const char *path, const char *msg,
                                 gv_warning_kind kind);
/* What happened to a file. */
typedef enum gv_file_event {
    GV_FILE_INDEXED,   /* read and written (or failed: see warn) */
    GV_FILE_UNCHANGED, /* the index holds it as it is: not read */
    GV_FILE_SKIPPED,   /* left out by its name */
    GV_FILE_REMOVED    /* gone from its folder: its documents removed */
} gv_file_event;

/* Called once for each file, with what happened to it. */
typedef void (*gv_index_progress_fn)(void *ctx, const char *path,
                                     gv_file_event event);

/* What the indexer is busy with, for a progress display. */
typedef enum gv_index_phase {
    GV_PHASE_COUNTING,  /* gv_indexer_count(): a walk that only counts */
    GV_PHASE_INDEXING,  /* gv_indexer_add_path() walks and reads files */
    GV_PHASE_REMOVING,  /* ... then sweeps the files gone from the folder */
    GV_PHASE_COMMITTING /* gv_indexer_commit() (not the batch commits) */
} gv_index_phase;

/* Called when a phase starts, and again with GV_PHASE_INDEXING after
 * each document written: a big JSON-lines file gives many documents but
 * one file event. Called often: a display limits its own redraws. */
typedef void (*gv_index_phase_fn)(void *ctx, gv_index_phase phase);

typedef struct gv_index_opts {
    unsigned batch_docs;   /* commit after this many documents (0: see
                              gv_index_default_batch()) */
    size_t batch_bytes;    /* ... or this many bytes of their text */
    bool follow_symlinks;  /* descend into symlinked folders */
    bool verify;           /* also compare checksums to find changes */
    unsigned wait_seconds; /* for another writer to finish */
    gv_read_limits limits;
    gv_index_warn_fn warn;         /* may be NULL */
    gv_index_progress_fn progress; /* may be NULL */
    gv_index_phase_fn phase;       /* may be NULL */
    void *ctx;                     /* passed to warn, progress and phase */
    /* 0: the index as it is (one, or the stub file of shards it is);
     * N > 1: a new stub file listing N new shards (see shards.h), or one
     * that already lists N. */
    unsigned shards;
    /* workers > 1: this process is worker @p worker of that many, each
     * writing its own shards (shard i belongs to worker i % workers) and
     * skipping files routed to the others. With @p split_records, the
     * records of a JSON-lines file are shared out by line instead (for
     * shards to be merged into one index). Only worker 0 reports what
     * every worker meets: names skipped, unreadable files and folders. */
    unsigned worker, workers;
    bool split_records;
    /* Commits do not wait for the disk (see GV_DB_WRITE_UNSYNCED): for
     * shards that are built to be merged into a new index. */
    bool unsynced;
    /* A stub file of shards is opened as one index, which Xapian writes
     * each document's changes through to its shard: for regrouping the
     * shards of a build before they are merged. */
    bool shards_as_one;
} gv_index_opts;

/* The batch of a run that did not choose one: GV_INDEX_BATCH_DEFAULT
 * into an empty index (smaller batches cost Xapian's writer less CPU);
 * into one that holds documents, GV_INDEX_BATCH_UPDATE, or one per
 * GV_INDEX_BATCH_PER_DOCS of them, up to GV_INDEX_BATCH_MAX_AUTO: a
 * commit to an index rewrites a block of each posting list it adds to,
 * so fewer commits write less. 500 articles added to 25,553 wrote 0.41 GB
 * to disk in 3 commits, 0.18 GB in one; added to 1,000,000, 1.1 and 0.67
 * GB. */
#define GV_INDEX_BATCH_DEFAULT  200u
#define GV_INDEX_BATCH_UPDATE   1000u
#define GV_INDEX_BATCH_PER_DOCS 1000u
#define GV_INDEX_BATCH_MAX_AUTO 2000u
/* ... and at most this much text: Xapian holds some 35 times the text of
 * a batch until its commit (about 430 MB for 12 MB). */
#define GV_INDEX_BATCH_BYTES_DEFAULT (12u << 20)
#define GV_INDEX_WAIT_DEFAULT        60u
#define GV_INDEX_OPTS_INIT                                                     \
    {                                                                          \
        0, GV_INDEX_BATCH_BYTES_DEFAULT, false, false, GV_INDEX_WAIT_DEFAULT,  \
            GV_READ_LIMITS_DEFAULT, NULL, NULL, NULL, NULL, 0, 0, 0, false,    \
            false, false                                                       \
    }

/** The batch for an index holding @p docs documents (see
 * GV_INDEX_BATCH_DEFAULT). */
unsigned
gv_index_default_batch(unsigned docs);

typedef struct gv_index_stats {
    unsigned long indexed;     /* documents written */
    unsigned long unchanged;   /* files the index held as they are */
    unsigned long removed;     /* files gone: their documents removed */
    unsigned long skipped;     /* files and folders left out by name */
    unsigned long failed;      /* files that could not be indexed */
    unsigned long partial;     /* files indexed only in part */
    unsigned long repaired;    /* files indexed after repair */
    unsigned long bad_records; /* JSON-lines records not indexed */
    unsigned long commits;
    unsigned long files;           /* files read (or failed), or unchanged */
    unsigned long long bytes_read; /* of text, after gunzip */
} gv_index_stats;

typedef struct gv_indexer gv_indexer;

/**
 * Open (creating if needed) the index at @p db_path for writing, with
 * @p opts (copied), waiting up to opts->wait_seconds while another writer
 * holds it. @p db_path may be the stub file of an index in shards (see
 * opts.shards and shards.h): each file's documents then go to the shard
 * its path hashes to. *out is for gv_indexer_close().
 * Returns GV_OK, GV_ELOCKED (another writer still), GV_EIO, GV_EINVAL (a
 * stub file not of gavel-index's shards, or of another number of them),
 * GV_ECORRUPT, GV_EXAPIAN, GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_indexer_open(const char *db_path, const gv_index_opts *opts,
                gv_indexer **out, gv_err *err);

/**
 * Index @p root: a file (indexed whatever its name, as text unless
 * gv_index_format_of() says otherwise) or a folder (walked; see
 * gv_walk(); files of a known format are indexed, others counted as
 * skipped). A JSON-lines file gives one document per record.
 * A file the index holds with the same size and modification time (and
 * with opts.verify, checksum) is not read again; a changed one has its
 * documents replaced; after a folder, the documents of files under it
 * that are gone (deleted, renamed, now hidden or of a skipped name) are
 * removed. One bad
 * file, or a @p root that cannot be read, is reported through opts.warn
 * and does not stop the run. Calls opts.phase with GV_PHASE_INDEXING, and
 * for a folder with GV_PHASE_REMOVING before the sweep.
 * Returns GV_OK, or a fatal status from writing the index (GV_EXAPIAN,
 * GV_EIO, GV_ENOMEM): then stop and close without committing.
 */
GV_MUST_CHECK gv_status
gv_indexer_add_path(gv_indexer *ix, const char *root, gv_err *err);

/**
 * Count into *out the files that gv_indexer_add_path(@p ix, @p root) would
 * read or find unchanged (the total of gv_index_stats.files), by a walk
 * that opens nothing and warns about nothing (the real walk will), for a
 * progress display. Calls opts.phase with GV_PHASE_COUNTING.
 * Returns GV_OK (*out is 0 when @p root cannot be read), GV_ENOMEM.
 */
GV_MUST_CHECK gv_status
gv_indexer_count(gv_indexer *ix, const char *root, unsigned long *out,
                 gv_err *err);

/**
 * Commit what is pending, after calling opts.phase with
 * GV_PHASE_COMMITTING. Returns GV_OK, GV_EIO, GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_indexer_commit(gv_indexer *ix, gv_err *err);

/** Counters so far; owned by @p ix. */
const gv_index_stats *
gv_indexer_stats(const gv_indexer *ix);

/** Documents in the index, into *out. */
GV_MUST_CHECK gv_status
gv_indexer_doc_count(gv_indexer *ix, unsigned *out, gv_err *err);

/** The number of shards @p ix writes (1 for an index not split). */
unsigned
gv_indexer_shard_count(const gv_indexer *ix);

/**
 * After shards written apart were merged into the one index @p ix writes:
 * join each article to the group of its most similar earlier copy, as if
 * one process had written them all (copies written by two processes
 * could not see each other). Commits; *moved counts the articles moved.
 * Returns GV_OK, GV_EINVAL (@p ix writes shards), GV_EIO, GV_ENOMEM,
 * GV_EXAPIAN.
 */
GV_MUST_CHECK gv_status
gv_indexer_regroup(gv_indexer *ix, unsigned long *moved, gv_err *err);

/** Close @p ix, dropping anything not committed. NULL is allowed. */
void
gv_indexer_close(gv_indexer *ix);

/** True when gavel-index indexes a file of this name inside a folder. */
bool
gv_index_wants_name(const char *name);

/**
 * The format of a file named @p name: *.txt, *.text and names without an
 * extension are text; *.html, *.htm, *.xhtml are HTML; *.jsonl, *.ndjson
 * are JSON lines; each also with ".gz". Anything else is GV_INPUT_NONE.
 */
gv_input_format
gv_index_format_of(const char *name);

#endif
