/* gavel-index on several cores: worker processes, each writing its own
 * shards (see index.h's opts.worker), and for a new index, shards built
 * beside it and merged into it by Xapian's compaction. Xapian lets one
 * process write a database at a time, so parallel writing means a
 * database per worker. */
#ifndef GV_JOBS_H
#define GV_JOBS_H

#include "gv.h"
#include "index.h"

#include <stdbool.h>

/* Worker processes at most. */
#define GV_JOBS_MAX 64u

/* Below this much input a new index is built by one process, in place,
 * each batch searchable once committed. Above it, shards built in
 * parallel are faster (twice on 17.7 MB of Reuters articles, and still
 * a quarter faster on 263 KB), but show nothing until merged. */
#define GV_JOBS_MIN_BYTES (4ull << 20)

/* A new index is built in shards of about this much input each, merged
 * at the end: a Xapian writer slows as its database grows (each commit
 * rewrites more scattered B-tree blocks), so many small shards build
 * faster than one large one per worker. At most GV_JOBS_SHARDS_PER_WORKER
 * a worker. */
#define GV_JOBS_SHARD_BYTES       (32ull << 20)
#define GV_JOBS_SHARDS_PER_WORKER 32u
/* A worker commits its shards of a build once it holds this much text
 * (or opts->batch_docs a shard), at most: the default batch of text (see
 * index.h), about 430 MB of Xapian's memory. Batches of a quarter of that
 * made the first third of a build of 1,000,000 articles 13% slower. */
#define GV_JOBS_BATCH_BYTES GV_INDEX_BATCH_BYTES_DEFAULT

/**
 * The bytes of the files that indexing @p paths would read (their sizes
 * on disk, of the formats gavel-index reads), counting no further than
 * @p enough.
 */
unsigned long long
gv_jobs_input_bytes(char *const *paths, int npaths, bool follow_symlinks,
                    unsigned long long enough);

/**
 * The shards of a new index built from @p paths by @p workers processes:
 * @p workers times the rounds of GV_JOBS_SHARD_BYTES each worker has to
 * write (at least one, at most GV_JOBS_SHARDS_PER_WORKER), no more than
 * GV_MAX_SHARDS in all.
 */
unsigned
gv_jobs_build_shards(unsigned workers, char *const *paths, int npaths,
                     bool follow_symlinks);

/* Called in the parent about ten times a second with the sum of what the
 * workers have done so far. */
typedef void (*gv_jobs_tick_fn)(void *ctx, const gv_index_stats *sum);

typedef struct gv_jobs {
    unsigned workers;     /* processes, at least 2 */
    gv_jobs_tick_fn tick; /* may be NULL */
    /* Called in each worker right after it starts (the parent's display
     * is the parent's): may be NULL. */
    void (*in_worker)(void *ctx);
    void *ctx; /* passed to tick and in_worker */
} gv_jobs;

/**
 * Index @p paths (@p npaths of them, as gv_indexer_add_path() takes them)
 * into the stub file of shards at @p db_path with @p jobs->workers
 * processes, each writing the shards i with i % workers == its number
 * (at most one worker per shard). The stub and its shards must exist.
 * @p opts is each worker's (its warn and progress callbacks run in the
 * worker). The workers' stats are summed into *total. Returns GV_OK, or
 * the first worker's error (each worker keeps what it committed).
 */
GV_MUST_CHECK gv_status
gv_jobs_index(const char *db_path, const gv_index_opts *opts,
              const gv_jobs *jobs, char *const *paths, int npaths,
              gv_index_stats *total, gv_err *err);

/**
 * Build the new index @p db_path (which must not exist) from @p paths with
 * @p jobs->workers processes: shards in DB.gavel-build (a stub file and
 * its .shards folder, reused when a run was interrupted), as many as the
 * input calls for (GV_JOBS_SHARD_BYTES), the records of
 * a JSON-lines file shared out by line, then merged into @p db_path by
 * compaction (through DB.gavel-merge, renamed into place when complete)
 * and removed. Returns GV_OK, GV_EINVAL (@p db_path exists), or an error
 * of the workers or the merge; the build is kept after an error, so the
 * next run goes on from it.
 */
GV_MUST_CHECK gv_status
gv_jobs_build_new(const char *db_path, const gv_index_opts *opts,
                  const gv_jobs *jobs, char *const *paths, int npaths,
                  gv_index_stats *total, gv_err *err);

/**
 * The number of shards of an interrupted gv_jobs_build_new() of
 * @p db_path (its DB.gavel-build stub), or 0 when there is none. Such a
 * build is finished in parallel, even when one process was asked for.
 */
unsigned
gv_jobs_interrupted_build(const char *db_path);

#endif
