/* Worker processes of gavel-index (see jobs.h). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS */
#include "jobs.h"
#include "shards.h"

#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "walk.h"
#include "xdb.h"

/* What a worker tells the parent, in memory they share. */
typedef struct slot {
    gv_index_stats stats; /* as of its last file or phase */
    gv_status st;
    char msg[sizeof(((gv_err *)0)->msg)];
    int done;
} slot;

/* A worker's own callbacks: keep its slot current, then pass the event
 * on to the caller's. */
typedef struct worker {
    gv_indexer *ix;
    slot *slot;
    const gv_index_opts *user;
} worker;

static void
worker_sync(worker *w)
{
    if (w->ix)
        w->slot->stats = *gv_indexer_stats(w->ix);
}

static void
worker_warn(void *ctx, const char *path, const char *msg, gv_warning_kind kind)
{
    worker *w = ctx;

    if (w->user->warn)
        w->user->warn(w->user->ctx, path, msg, kind);
}

static void
worker_progress(void *ctx, const char *path, gv_file_event event)
{
    worker *w = ctx;

    worker_sync(w);
    if (w->user->progress)
        w->user->progress(w->user->ctx, path, event);
}

static void
worker_phase(void *ctx, gv_index_phase phase)
{
    worker *w = ctx;

    worker_sync(w);
    if (w->user->phase)
        w->user->phase(w->user->ctx, phase);
}

/* The life of worker @p n: index its share, commit, report. */
static int
run_worker(const char *db_path, const gv_index_opts *user, unsigned n,
           const gv_jobs *jobs, char *const *paths, int npaths, slot *out)
{
    worker w = {NULL, out, user};
    gv_index_opts opts = *user;
    gv_err err = GV_ERR_INIT;
    gv_status st;

    if (jobs->in_worker)
        jobs->in_worker(jobs->ctx);
    opts.worker = n;
    opts.workers = jobs->workers;
    opts.warn = worker_warn;
    opts.progress = worker_progress;
    opts.phase = worker_phase;
    opts.ctx = &w;
    st = gv_indexer_open(db_path, &opts, &w.ix, &err);
    for (int i = 0; st == GV_OK && i < npaths; i++)
        st = gv_indexer_add_path(w.ix, paths[i], &err);
    if (st == GV_OK)
        st = gv_indexer_commit(w.ix, &err);
    worker_sync(&w);
    out->st = st;
    memcpy(out->msg, err.msg, sizeof(out->msg));
    out->done = 1;
    gv_indexer_close(w.ix);
    return st == GV_OK ? 0 : 1;
}

static void
add_stats(gv_index_stats *sum, const gv_index_stats *s)
{
    sum->indexed += s->indexed;
    sum->unchanged += s->unchanged;
    sum->removed += s->removed;
    sum->skipped += s->skipped;
    sum->failed += s->failed;
    sum->partial += s->partial;
    sum->repaired += s->repaired;
    sum->bad_records += s->bad_records;
    sum->commits += s->commits;
    sum->files += s->files;
    sum->bytes_read += s->bytes_read;
}

static void
sum_slots(const slot *slots, unsigned n, gv_index_stats *sum)
{
    memset(sum, 0, sizeof(*sum));
    for (unsigned i = 0; i < n; i++)
        add_stats(sum, &slots[i].stats);
}

/* Wait for the workers in @p pids, ticking meanwhile; returns how many
 * ended other than by reporting (a crash, a signal). */
static unsigned
wait_workers(pid_t *pids, const slot *slots, const gv_jobs *jobs)
{
    const struct timespec pause = {0, 100 * 1000 * 1000};
    unsigned alive = 0, lost = 0;
    gv_index_stats sum;

    for (unsigned i = 0; i < jobs->workers; i++)
        alive += pids[i] > 0; /* a fork that failed left no worker */

    while (alive) {
        for (unsigned i = 0; i < jobs->workers; i++) {
            int status;
            if (pids[i] <= 0 || waitpid(pids[i], &status, WNOHANG) != pids[i])
                continue;
            pids[i] = 0;
            alive--;
            if (!slots[i].done)
                lost++;
        }
        if (jobs->tick) {
            sum_slots(slots, jobs->workers, &sum);
            jobs->tick(jobs->ctx, &sum);
        }
        if (alive)
            nanosleep(&pause, NULL);
    }
    return lost;
}

gv_status
gv_jobs_index(const char *db_path, const gv_index_opts *opts,
              const gv_jobs *jobs, char *const *paths, int npaths,
              gv_index_stats *total, gv_err *err)
{
    size_t size = jobs->workers * sizeof(slot);
    slot *slots;
    pid_t *pids, parent;
    unsigned lost;
    gv_status st = GV_OK;

    memset(total, 0, sizeof(*total));
    pids = calloc(jobs->workers, sizeof(*pids));
    slots = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
                 -1, 0);
    if (!pids || slots == MAP_FAILED) {
        free(pids);
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    }
    memset(slots, 0, size);
    parent = getpid();
    fflush(NULL); /* nothing buffered is written twice */
    for (unsigned i = 0; i < jobs->workers; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            /* Killed with the parent (kill -9 included): an orphan would
             * go on writing its shard and hold the lock the next run
             * needs to take the build up. */
            if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
                _exit(1);
            _exit(run_worker(db_path, opts, i, jobs, paths, npaths, &slots[i]));
        }
        if (pids[i] < 0) {
            st = gv_err_set(err, GV_EIO, "cannot start a worker: %s",
                            strerror(errno));
            /* The started ones finish their share: nothing is half done. */
            break;
        }
    }
    lost = wait_workers(pids, slots, jobs);
    sum_slots(slots, jobs->workers, total);
    for (unsigned i = 0; st == GV_OK && i < jobs->workers; i++)
        if (slots[i].done && slots[i].st != GV_OK)
            st = gv_err_set(err, slots[i].st, "%s", slots[i].msg);
    if (st == GV_OK && lost)
        st = gv_err_set(err, GV_EIO,
                        "%u of %u workers died before they finished "
                        "(what they committed is kept)",
                        lost, jobs->workers);
    munmap(slots, size);
    free(pids);
    return st;
}

/* The walk of gv_jobs_input_bytes(). */
typedef struct sizing {
    unsigned long long bytes, enough;
} sizing;

static gv_status
size_file(void *ctx, const char *path, const struct stat *lst, gv_err *err)
{
    sizing *z = ctx;
    struct stat sb;

    (void)err;
    if (lst && S_ISREG(lst->st_mode))
        sb = *lst;
    else if (stat(path, &sb) != 0)
        return GV_OK;
    if (gv_index_format_of(path) != GV_INPUT_NONE)
        z->bytes += (unsigned long long)sb.st_size;
    /* Enough said: stop the walk (the status goes no further). */
    return z->bytes >= z->enough ? GV_EINVAL : GV_OK;
}

unsigned long long
gv_jobs_input_bytes(char *const *paths, int npaths, bool follow_symlinks,
                    unsigned long long enough)
{
    sizing z = {0, enough};
    const gv_walk_ops ops = {size_file, NULL, NULL, NULL, &z};
    struct stat sb;

    for (int i = 0; i < npaths && z.bytes < enough; i++) {
        gv_err ignored = GV_ERR_INIT;
        if (stat(paths[i], &sb) != 0)
            continue;
        if (S_ISREG(sb.st_mode))
            z.bytes += (unsigned long long)sb.st_size;
        else if (S_ISDIR(sb.st_mode) &&
                 gv_walk(paths[i],
                         follow_symlinks ? GV_WALK_FOLLOW_SYMLINKS : 0, &ops,
                         &ignored) == GV_ENOMEM)
            break;
    }
    return z.bytes;
}

static int
remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb, (void)flag, (void)ftw;
    return remove(path);
}

/* Remove @p path and everything under it; a missing one is fine. */
static gv_status
remove_tree(const char *path, gv_err *err)
{
    struct stat sb;

    if (lstat(path, &sb) != 0 && errno == ENOENT)
        return GV_OK;
    if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) != 0)
        return gv_err_set(err, GV_EIO, "cannot remove '%s': %s", path,
                          strerror(errno));
    return GV_OK;
}

/* Copies of one story that two workers wrote, brought into one group:
 * in the shards of @p build, before their merge packs the blocks this
 * rewrites (done after, it left some 8 MB of 320 unused). */
static gv_status
regroup(const char *build, const gv_index_opts *opts, gv_err *err)
{
    gv_index_opts one = *opts;
    gv_indexer *ix = NULL;
    unsigned long moved;
    gv_status st;

    one.shards = 0;
    one.workers = 0;
    one.split_records = false;
    one.shards_as_one = true;
    st = gv_indexer_open(build, &one, &ix, err);
    if (st == GV_OK)
        st = gv_indexer_regroup(ix, &moved, err);
    gv_indexer_close(ix);
    return st;
}

unsigned
gv_jobs_interrupted_build(const char *db_path)
{
    gv_buf build = GV_BUF_INIT;
    gv_err ignored = GV_ERR_INIT;
    unsigned shards = 0;

    if (gv_buf_printf(&build, &ignored, "%s.gavel-build", db_path) != GV_OK ||
        gv_shards_read(build.data, &shards, &ignored) != GV_OK)
        shards = 0;
    gv_buf_release(&build);
    return shards;
}

/* The stub file @p build and its shards (or those of an interrupted
 * run), the workers filling them, the copies between them grouped, and
 * their merge into @p merge (started again if it was cut short). */
static gv_status
build_and_merge(const char *build, const char *merge,
                const gv_index_opts *build_opts, const gv_jobs *jobs,
                char *const *paths, int npaths, gv_index_stats *total,
                gv_err *err)
{
    gv_index_opts opts = *build_opts;
    gv_indexer *ix = NULL;
    gv_status st = gv_indexer_open(build, &opts, &ix, err);

    gv_indexer_close(ix);
    opts.split_records = true;
    if (st == GV_OK)
        st = gv_jobs_index(build, &opts, jobs, paths, npaths, total, err);
    if (st == GV_OK)
        st = regroup(build, &opts, err);
    if (st == GV_OK)
        st = remove_tree(merge, err);
    if (st == GV_OK)
        st = gv_db_compact(&build, 1, merge, err);
    return st;
}

unsigned
gv_jobs_build_shards(unsigned workers, char *const *paths, int npaths,
                     bool follow_symlinks)
{
    const unsigned long long per_round = workers * GV_JOBS_SHARD_BYTES;
    unsigned long long bytes = gv_jobs_input_bytes(
        paths, npaths, follow_symlinks, per_round * GV_JOBS_SHARDS_PER_WORKER);
    unsigned rounds = (unsigned)((bytes + per_round - 1) / per_round);

    if (rounds < 1)
        rounds = 1;
    if (rounds > GV_JOBS_SHARDS_PER_WORKER)
        rounds = GV_JOBS_SHARDS_PER_WORKER;
    while (rounds > 1 && workers * rounds > GV_MAX_SHARDS)
        rounds--;
    return workers * rounds;
}

gv_status
gv_jobs_build_new(const char *db_path, const gv_index_opts *opts,
                  const gv_jobs *jobs, char *const *paths, int npaths,
                  gv_index_stats *total, gv_err *err)
{
    gv_buf build = GV_BUF_INIT, shards = GV_BUF_INIT, merge = GV_BUF_INIT;
    gv_index_opts build_opts = *opts;
    struct stat sb;
    gv_status st;

    memset(total, 0, sizeof(*total));
    if (lstat(db_path, &sb) == 0)
        return gv_err_set(err, GV_EINVAL, "'%s' exists: not a new index",
                          db_path);
    st = gv_buf_printf(&build, err, "%s.gavel-build", db_path);
    if (st == GV_OK)
        st = gv_buf_printf(&shards, err, "%s.shards", build.data);
    if (st == GV_OK)
        st = gv_buf_printf(&merge, err, "%s.gavel-merge", db_path);
    /* An interrupted build keeps its shards: each file's stamp is in the
     * shard its path routes to among them. */
    build_opts.shards = gv_jobs_interrupted_build(db_path);
    if (!build_opts.shards)
        build_opts.shards = gv_jobs_build_shards(jobs->workers, paths, npaths,
                                                 opts->follow_symlinks);
    /* A batch a shard (smaller batches rewrite more of a table for each
     * document), up to GV_JOBS_BATCH_BYTES of text a worker. */
    if (!build_opts.batch_docs)
        build_opts.batch_docs = GV_INDEX_BATCH_DEFAULT;
    build_opts.batch_docs *=
        (build_opts.shards + jobs->workers - 1) / jobs->workers;
    if (!build_opts.batch_bytes || build_opts.batch_bytes > GV_JOBS_BATCH_BYTES)
        build_opts.batch_bytes = GV_JOBS_BATCH_BYTES;
    /* The shards are scratch until merged: their commits need not wait
     * for the disk, which more than halves the time of a large build. */
    build_opts.unsynced = true;
    if (st == GV_OK)
        st = build_and_merge(build.data, merge.data, &build_opts, jobs, paths,
                             npaths, total, err);
    /* A system crash can leave the shards of an interrupted build
     * damaged (their last commits never reached the disk): start again. */
    if (st == GV_ECORRUPT) {
        st = remove_tree(shards.data, err);
        if (st == GV_OK)
            st = remove_tree(build.data, err);
        if (st == GV_OK)
            st = build_and_merge(build.data, merge.data, &build_opts, jobs,
                                 paths, npaths, total, err);
    }
    /* Once renamed, the merge is the index. */
    if (st == GV_OK && rename(merge.data, db_path) != 0)
        st = gv_err_set(err, GV_EIO, "cannot rename '%s' to '%s': %s",
                        merge.data, db_path, strerror(errno));
    if (st == GV_OK)
        st = remove_tree(shards.data, err);
    if (st == GV_OK)
        st = remove_tree(build.data, err);
    gv_buf_release(&build);
    gv_buf_release(&shards);
    gv_buf_release(&merge);
    return st;
}
