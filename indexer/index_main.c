/* gavel-index: parse options, run the indexing pipeline, print warnings
 * and the summary, choose the exit code. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "index.h"
#include "jobs.h"
#include "progress.h"
#include "shards.h"
#include "xdb.h"

#define PROG "gavel-index"

/* 75 is EX_TEMPFAIL of sysexits.h: try again later. */
enum {
    EXIT_ALL_INDEXED = 0,
    EXIT_SOME_FAILED = 1,
    EXIT_FATAL = 2,
    EXIT_BUSY = 75
};
enum {
    OPT_VERSION = 256,
    OPT_BATCH_MB,
    OPT_VERIFY,
    OPT_WAIT,
    OPT_PROGRESS,
    OPT_NO_PROGRESS,
    OPT_SHARDS,
    OPT_COMPACT,
    OPT_JOBS
};

static void
usage(FILE *out)
{
    fprintf(out,
            "Usage: " PROG " [OPTION]... PATH...\n"
            "       " PROG " [--db PATH] --compact=OUT\n"
            "Index the articles under each PATH into a Xapian index.\n"
            "\n"
            "Folders are walked recursively. Indexed: plain text (*.txt,\n"
            "*.text, no extension), HTML pages (*.html, *.htm, *.xhtml) and\n"
            "JSON lines (*.jsonl, *.ndjson: one article per line), each\n"
            "also gzip'd (+ .gz). Hidden files and folders are left out. A\n"
            "file named on the command line is indexed whatever its name\n"
            "(as text unless the name says otherwise).\n"
            "\n"
            "Running it again updates the index: files with the same size\n"
            "and modification time are not read again, changed files have\n"
            "their documents replaced, and the documents of files gone\n"
            "from a folder PATH (deleted, renamed, hidden) are removed.\n"
            "\n"
            "On a terminal, a line on stderr shows the progress: the phase\n"
            "(counting, indexing, removing, committing), files done of the\n"
            "total, documents, MB/s of text read and the time left. Not\n"
            "with -q or -v, nor when stderr is not a terminal.\n"
            "\n"
            "Options:\n"
            "  -d, --db=PATH      index to create or update (default:\n"
            "                     $GAVEL_DB, else ./gavel.db)\n"
            "      --shards=N     split the index into N shards: --db\n"
            "                     names a Xapian stub file listing them\n"
            "                     (folder PATH.shards); each file's\n"
            "                     documents go to the shard its path\n"
            "                     hashes to. Later runs on that stub keep\n"
            "                     its number of shards\n"
            "      --compact=OUT  merge the index of --db (its shards) into\n"
            "                     one new index OUT with Xapian's\n"
            "                     compaction, and exit; no PATH\n"
            "  -j, --jobs=N       processes that write at once (default:\n"
            "                     one per core): each writes its own\n"
            "                     shards; a new index (of 4 MB of input\n"
            "                     or more, or any with -j) is built in N\n"
            "                     shards or more (one per 32 MB of input)\n"
            "                     merged at the end. An existing\n"
            "                     index is updated by one process\n"
            "  -b, --batch=N      commit every N documents (default %u into\n"
            "                     a new index; %u, or one per %u the index\n"
            "                     holds, up to %u, into one with documents)\n"
            "      --batch-mb=M   ... or every M MB of text (default %u);\n"
            "                     a crash loses at most the current batch,\n"
            "                     and the next run finishes the job\n"
            "      --verify       also compare checksums to find changed\n"
            "                     files (reads every file)\n"
            "      --wait=SECONDS wait this long for another gavel-index\n"
            "                     to finish with the index (default %u)\n"
            "  -L, --follow       descend into symlinked folders\n"
            "      --progress     show the progress line even when stderr is\n"
            "                     not a terminal: then as a plain line at\n"
            "                     each phase and every %u s\n"
            "      --no-progress  no progress line\n"
            "  -v, --verbose      name each file: indexed, unchanged,\n"
            "                     skipped or removed\n"
            "  -q, --quiet        no summary line (warnings and errors\n"
            "                     still print)\n"
            "  -h, --help         show this help and exit\n"
            "      --version      show version information and exit\n"
            "\n"
            "Exit status: 0 every file was indexed (invalid UTF-8 repaired,\n"
            "with a warning) or skipped by name; 1 the index was committed\n"
            "but some files or JSON-lines records failed, or were indexed\n"
            "only up to a size cap (see stderr); 2 bad usage, or the index\n"
            "could not be opened or written (only earlier commits are\n"
            "kept); 75 another gavel-index held the index for longer than\n"
            "--wait.\n",
            GV_INDEX_BATCH_DEFAULT, GV_INDEX_BATCH_UPDATE,
            GV_INDEX_BATCH_PER_DOCS, GV_INDEX_BATCH_MAX_AUTO,
            GV_INDEX_BATCH_BYTES_DEFAULT >> 20, GV_INDEX_WAIT_DEFAULT,
            (unsigned)GV_PROGRESS_LOG_INTERVAL);
}

struct run {
    bool verbose;
    bool show_progress;
    gv_progress progress;
    gv_index_phase phase;
    gv_indexer *ix;
    unsigned long files_total; /* 0: not counted */
};

static void
on_phase(void *ctx, gv_index_phase phase)
{
    struct run *run = ctx;

    run->phase = phase;
    if (!run->show_progress || !run->ix)
        return;
    const gv_index_stats *s = gv_indexer_stats(run->ix);
    const gv_progress_counts counts = {s->files, run->files_total, s->indexed,
                                       s->bytes_read};
    gv_progress_update(&run->progress, phase, &counts);
}

static void
on_warning(void *ctx, const char *path, const char *msg, gv_warning_kind kind)
{
    struct run *run = ctx;

    (void)kind;
    if (run->show_progress)
        gv_progress_hide(&run->progress);
    fprintf(stderr, PROG ": warning: '%s': %s\n", path, msg);
    if (run->show_progress)
        gv_progress_show(&run->progress);
}

static void
on_progress(void *ctx, const char *path, gv_file_event event)
{
    static const char *const said[] = {
        [GV_FILE_INDEXED] = "indexed",
        [GV_FILE_UNCHANGED] = "unchanged",
        [GV_FILE_SKIPPED] = "skipped",
        [GV_FILE_REMOVED] = "removed",
    };
    struct run *run = ctx;

    if (run->verbose) {
        if (run->show_progress)
            gv_progress_hide(&run->progress);
        fprintf(stderr, PROG ": %s '%s'\n", said[event], path);
        if (run->show_progress)
            gv_progress_show(&run->progress);
    }
    on_phase(run, run->phase);
}

static double
seconds_since(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* One process: open, (count for the line,) index, commit. */
static gv_status
index_here(const char *db_path, const gv_index_opts *opts, struct run *run,
           char *const *paths, int npaths, gv_index_stats *total, bool *opened,
           gv_err *err)
{
    gv_indexer *ix = NULL;
    gv_status st = gv_indexer_open(db_path, opts, &ix, err);

    *opened = st == GV_OK;
    run->ix = ix;
    /* The total for the line: a walk that opens no file (0.05 s for
     * 25,000 files in the cache), and that warms the cache for the real
     * walk. Only for the line: a cron run does not pay for it. */
    for (int i = 0; run->show_progress && st == GV_OK && i < npaths; i++) {
        unsigned long n = 0;
        st = gv_indexer_count(ix, paths[i], &n, err);
        run->files_total += n;
    }
    for (int i = 0; st == GV_OK && i < npaths; i++)
        st = gv_indexer_add_path(ix, paths[i], err);
    if (st == GV_OK)
        st = gv_indexer_commit(ix, err);
    if (ix)
        *total = *gv_indexer_stats(ix);
    run->ix = NULL;
    gv_indexer_close(ix);
    return st;
}

/* In a worker: the parent draws the line. */
static void
quiet_worker(void *ctx)
{
    struct run *run = ctx;

    run->show_progress = false;
}

static void
on_workers_tick(void *ctx, const gv_index_stats *sum)
{
    struct run *run = ctx;
    const gv_progress_counts counts = {sum->files, run->files_total,
                                       sum->indexed, sum->bytes_read};

    if (run->show_progress)
        gv_progress_update(&run->progress, GV_PHASE_INDEXING, &counts);
}

/* @p workers processes: into the shards of a stub (made first when new),
 * or for a new index, shards merged into it at the end. */
static gv_status
index_parallel(const char *db_path, const gv_index_opts *opts, unsigned workers,
               struct run *run, char *const *paths, int npaths,
               gv_index_stats *total, gv_err *err)
{
    const gv_jobs jobs = {workers, on_workers_tick, quiet_worker, run};
    struct stat sb;
    gv_indexer *ix = NULL;
    gv_status st;

    if (stat(db_path, &sb) != 0 && opts->shards <= 1) {
        st = gv_jobs_build_new(db_path, opts, &jobs, paths, npaths, total, err);
    } else {
        st = gv_indexer_open(db_path, opts, &ix, err); /* make them */
        gv_indexer_close(ix);
        if (st == GV_OK)
            st = gv_jobs_index(db_path, opts, &jobs, paths, npaths, total, err);
    }
    if (run->show_progress)
        gv_progress_update(&run->progress, GV_PHASE_COMMITTING,
                           &(gv_progress_counts){total->files, run->files_total,
                                                 total->indexed,
                                                 total->bytes_read});
    return st;
}

/* How many processes index: one, unless there are cores to use and
 * databases for them to write: the shards of a stub (at most one worker
 * each), or a new index, built in shards and merged, when --jobs asks or
 * the input is big enough for the merge to pay. */
static unsigned
choose_workers(const char *db_path, const gv_index_opts *opts, unsigned jobs,
               char *const *paths, int npaths)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    unsigned want = jobs ? jobs : cores > 1 ? (unsigned)cores : 1;
    unsigned have = 0;
    gv_err ignored = GV_ERR_INIT;
    struct stat sb;

    if (want > GV_JOBS_MAX)
        want = GV_JOBS_MAX;
    /* A new index whose build was cut short: finish that build rather
     * than leave it behind, with two workers at least (its shards are
     * for workers to write). */
    if (stat(db_path, &sb) != 0 && opts->shards <= 1 &&
        (have = gv_jobs_interrupted_build(db_path)) > 0) {
        want = want < 2 ? 2 : want;
        return want < have ? want : have;
    }
    if (want < 2)
        return 1;
    if (stat(db_path, &sb) == 0) {
        if (!S_ISREG(sb.st_mode) ||
            gv_shards_read(db_path, &have, &ignored) != GV_OK)
            return 1; /* one index, updated in place */
        return want < have ? want : have;
    }
    if (opts->shards > 1)
        return want < opts->shards ? want : opts->shards;
    if (jobs || gv_jobs_input_bytes(paths, npaths, opts->follow_symlinks,
                                    GV_JOBS_MIN_BYTES) >= GV_JOBS_MIN_BYTES)
        return want;
    return 1;
}

/* The documents (and shards) the index at @p db_path holds now. */
static void
count_documents(const char *db_path, unsigned *docs, unsigned *shards)
{
    gv_err ignored = GV_ERR_INIT;
    gv_db *db = NULL;

    *docs = 0;
    if (gv_shards_read(db_path, shards, &ignored) != GV_OK)
        *shards = 1;
    if (gv_db_open(db_path, GV_DB_READ, &db, &ignored) == GV_OK &&
        gv_db_doc_count(db, docs, &ignored) != GV_OK)
        *docs = 0;
    gv_db_close(db);
}

int
main(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"batch", required_argument, NULL, 'b'},
        {"batch-mb", required_argument, NULL, OPT_BATCH_MB},
        {"verify", no_argument, NULL, OPT_VERIFY},
        {"wait", required_argument, NULL, OPT_WAIT},
        {"follow", no_argument, NULL, 'L'},
        {"progress", no_argument, NULL, OPT_PROGRESS},
        {"no-progress", no_argument, NULL, OPT_NO_PROGRESS},
        {"shards", required_argument, NULL, OPT_SHARDS},
        {"compact", required_argument, NULL, OPT_COMPACT},
        {"jobs", required_argument, NULL, 'j'},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    const char *db_path = getenv("GAVEL_DB");
    struct run run = {0};
    int progress = -1; /* --progress 1, --no-progress 0, else by default */
    bool quiet = false;
    gv_err err = GV_ERR_INIT;
    gv_status st;
    struct timespec t0;
    const char *compact_out = NULL;
    unsigned mb, jobs = 0; /* 0: as many as there are cores */
    int c;

    if (!db_path || !*db_path)
        db_path = "gavel.db";
    opterr = 0; /* gv_cli_bad_option() says what is wrong */
    while ((c = getopt_long(argc, argv, ":d:b:j:Lvqh", long_opts, NULL)) !=
           -1) {
        switch (c) {
        case 'd':
            db_path = optarg;
            break;
        case 'b':
            if (!gv_cli_parse_uint(optarg, 1, UINT_MAX, &opts.batch_docs))
                return gv_cli_bad_usage(PROG,
                                        "invalid --batch '%s': expected a "
                                        "positive number",
                                        optarg);
            break;
        case OPT_BATCH_MB:
            if (!gv_cli_parse_uint(optarg, 1, 1u << 20, &mb))
                return gv_cli_bad_usage(PROG,
                                        "invalid --batch-mb '%s': expected a "
                                        "positive number",
                                        optarg);
            opts.batch_bytes = (size_t)mb << 20;
            break;
        case OPT_VERIFY:
            opts.verify = true;
            break;
        case OPT_SHARDS:
            if (!gv_cli_parse_uint(optarg, 1, GV_MAX_SHARDS, &opts.shards))
                return gv_cli_bad_usage(PROG,
                                        "invalid --shards '%s': expected a "
                                        "number from 1 to %u",
                                        optarg, GV_MAX_SHARDS);
            break;
        case OPT_COMPACT:
            compact_out = optarg;
            break;
        case 'j':
        case OPT_JOBS:
            if (!gv_cli_parse_uint(optarg, 1, GV_JOBS_MAX, &jobs))
                return gv_cli_bad_usage(PROG,
                                        "invalid --jobs '%s': expected a "
                                        "number from 1 to %u",
                                        optarg, GV_JOBS_MAX);
            break;
        case OPT_WAIT:
            if (!gv_cli_parse_uint(optarg, 0, 7 * 24 * 3600,
                                   &opts.wait_seconds))
                return gv_cli_bad_usage(PROG,
                                        "invalid --wait '%s': expected "
                                        "seconds",
                                        optarg);
            break;
        case 'L':
            opts.follow_symlinks = true;
            break;
        case OPT_PROGRESS:
            progress = 1;
            break;
        case OPT_NO_PROGRESS:
            progress = 0;
            break;
        case 'v':
            run.verbose = true;
            break;
        case 'q':
            quiet = true;
            break;
        case 'h':
            usage(stdout);
            return gv_cli_finish(PROG, 0);
        case OPT_VERSION:
            gv_cli_print_version(stdout, PROG);
            return gv_cli_finish(PROG, 0);
        default:
            return gv_cli_bad_option(PROG, c, argv, optind, NULL);
        }
    }
    if (!*db_path)
        return gv_cli_bad_usage(PROG, "%s", "empty --db path");
    if (compact_out) {
        if (optind < argc || opts.shards)
            return gv_cli_bad_usage(PROG, "%s",
                                    "--compact takes no PATH nor --shards");
        st = gv_db_compact(&db_path, 1, compact_out, &err);
        if (st != GV_OK) {
            fprintf(stderr, PROG ": %s\n", err.msg);
            return EXIT_FATAL;
        }
        if (!quiet)
            fprintf(stderr, PROG ": merged '%s' into '%s'\n", db_path,
                    compact_out);
        return EXIT_ALL_INDEXED;
    }
    if (optind == argc)
        return gv_cli_bad_usage(PROG, "%s", "no PATH to index");

    /* By default only for a person watching: -v lists each file, which
     * is progress enough, and a dumb terminal cannot clear a line. */
    const bool on_terminal = isatty(STDERR_FILENO);
    const char *term = getenv("TERM");
    if (progress < 0)
        progress = on_terminal && !quiet && !run.verbose &&
                   !(term && strcmp(term, "dumb") == 0);
    run.show_progress = progress;
    gv_progress_init(&run.progress, stderr, PROG,
                     on_terminal ? GV_PROGRESS_TERMINAL : GV_PROGRESS_LOG);

    clock_gettime(CLOCK_MONOTONIC, &t0);
    opts.warn = on_warning;
    opts.progress = on_progress;
    opts.phase = on_phase;
    opts.ctx = &run;
    char *const *paths = argv + optind;
    const int npaths = argc - optind;
    const unsigned workers =
        choose_workers(db_path, &opts, jobs, paths, npaths);
    gv_index_stats total;
    unsigned docs = 0, shards = 1;
    bool committed_some = false;
    if (workers > 1)
        st = index_parallel(db_path, &opts, workers, &run, paths, npaths,
                            &total, &err);
    else
        st = index_here(db_path, &opts, &run, paths, npaths, &total,
                        &committed_some, &err);
    gv_progress_finish(&run.progress);

    if (st == GV_ELOCKED) {
        fprintf(stderr,
                PROG ": %s (another gavel-index holds it); gave up after "
                     "waiting %u s\n",
                err.msg, opts.wait_seconds);
        return EXIT_BUSY;
    }
    if (st != GV_OK) {
        fprintf(stderr, PROG ": %s\n", err.msg);
        if (committed_some || workers > 1)
            fprintf(stderr,
                    PROG ": stopped; the last committed batch is kept\n");
        return EXIT_FATAL;
    }
    count_documents(db_path, &docs, &shards);
    const gv_index_stats *s = &total;
    if (!quiet)
        fprintf(stderr,
                PROG ": indexed %lu, unchanged %lu, removed %lu, skipped "
                     "%lu, failed %lu, warnings %lu in %.2f s (index '%s' "
                     "holds %u documents%s%.0u%s)\n",
                s->indexed, s->unchanged, s->removed, s->skipped, s->failed,
                s->partial + s->repaired + s->bad_records, seconds_since(&t0),
                db_path, docs, shards > 1 ? " in " : "",
                shards > 1 ? shards : 0, shards > 1 ? " shards" : "");
    /* Repaired text is indexed whole; a file cut at a cap is not. */
    return s->failed || s->partial || s->bad_records ? EXIT_SOME_FAILED
                                                     : EXIT_ALL_INDEXED;
}
