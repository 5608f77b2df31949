/* gavel-index: parse options, run the indexing pipeline, print warnings
 * and the summary, choose the exit code. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "index.h"
#include "xdb.h"

#define PROG "gavel-index"

enum { EXIT_ALL_INDEXED = 0, EXIT_SOME_FAILED = 1, EXIT_FATAL = 2 };
enum { OPT_VERSION = 256 };

static void
usage(FILE *out)
{
    fprintf(out,
            "Usage: " PROG " [OPTION]... PATH...\n"
            "Index the articles under each PATH into a Xapian index.\n"
            "\n"
            "Folders are walked recursively. Indexed: plain text (*.txt,\n"
            "*.text, no extension), HTML pages (*.html, *.htm, *.xhtml) and\n"
            "JSON lines (*.jsonl, *.ndjson: one article per line), each\n"
            "also gzip'd (+ .gz). Hidden files and folders are left out. A\n"
            "file named on the command line is indexed whatever its name\n"
            "(as text unless the name says otherwise). Re-indexing a file\n"
            "replaces its documents.\n"
            "\n"
            "Options:\n"
            "  -d, --db=PATH      index to create or update (default:\n"
            "                     $GAVEL_DB, else ./gavel.db)\n"
            "  -b, --batch=N      commit every N documents (default %u);\n"
            "                     a crash loses at most the current batch\n"
            "  -L, --follow       descend into symlinked folders\n"
            "  -v, --verbose      name each file indexed or skipped\n"
            "  -q, --quiet        no summary line\n"
            "  -h, --help         show this help and exit\n"
            "      --version      show version information and exit\n"
            "\n"
            "Exit status: 0 every file was indexed (invalid UTF-8 repaired,\n"
            "with a warning) or skipped by name; 1 the index was committed\n"
            "but some files or JSON-lines records failed, or were indexed\n"
            "only up to a size cap (see stderr); 2 bad usage, or the index "
            "could not be opened\n"
            "or written (another gavel-index holds it, for one).\n",
            GV_INDEX_BATCH_DEFAULT);
}

struct run {
    bool verbose;
};

static void
on_warning(void *ctx, const char *path, const char *msg, gv_warning_kind kind)
{
    (void)ctx;
    (void)kind;
    fprintf(stderr, PROG ": warning: '%s': %s\n", path, msg);
}

static void
on_progress(void *ctx, const char *path, bool was_indexed)
{
    const struct run *run = ctx;

    if (run->verbose)
        fprintf(stderr, PROG ": %s '%s'\n", was_indexed ? "indexed" : "skipped",
                path);
}

static double
seconds_since(const struct timespec *t0)
{
    struct timespec t1;

    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) +
           (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

int
main(int argc, char **argv)
{
    static const struct option long_opts[] = {
        {"db", required_argument, NULL, 'd'},
        {"batch", required_argument, NULL, 'b'},
        {"follow", no_argument, NULL, 'L'},
        {"verbose", no_argument, NULL, 'v'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, OPT_VERSION},
        {NULL, 0, NULL, 0},
    };
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    const char *db_path = getenv("GAVEL_DB");
    struct run run = {false};
    bool quiet = false;
    gv_indexer *ix = NULL;
    gv_err err = GV_ERR_INIT;
    gv_status st;
    struct timespec t0;
    int c;

    if (!db_path || !*db_path)
        db_path = "gavel.db";
    opterr = 0; /* gv_cli_bad_option() says what is wrong */
    while ((c = getopt_long(argc, argv, ":d:b:Lvqh", long_opts, NULL)) != -1) {
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
        case 'L':
            opts.follow_symlinks = true;
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
    if (optind == argc)
        return gv_cli_bad_usage(PROG, "%s", "no PATH to index");
    if (!*db_path)
        return gv_cli_bad_usage(PROG, "%s", "empty --db path");

    clock_gettime(CLOCK_MONOTONIC, &t0);
    opts.warn = on_warning;
    opts.progress = on_progress;
    opts.ctx = &run;
    st = gv_indexer_open(db_path, &opts, &ix, &err);
    for (int i = optind; st == GV_OK && i < argc; i++)
        st = gv_indexer_add_path(ix, argv[i], &err);
    if (st == GV_OK)
        st = gv_indexer_commit(ix, &err);

    if (st != GV_OK) {
        fprintf(stderr, PROG ": %s%s\n", err.msg,
                st == GV_ELOCKED ? " (another gavel-index holds it)" : "");
        if (ix)
            fprintf(stderr,
                    PROG ": stopped; the last committed batch is kept\n");
        gv_indexer_close(ix);
        return EXIT_FATAL;
    }
    const gv_index_stats *s = gv_indexer_stats(ix);
    unsigned docs = 0;
    if (gv_indexer_doc_count(ix, &docs, &err) != GV_OK)
        docs = 0;
    if (!quiet)
        fprintf(stderr,
                PROG ": indexed %lu, skipped %lu, failed %lu, warnings %lu "
                     "in %.2f s (index '%s' holds %u documents)\n",
                s->indexed, s->skipped, s->failed,
                s->partial + s->repaired + s->bad_records, seconds_since(&t0),
                db_path, docs);
    /* Repaired text is indexed whole; a file cut at a cap is not. */
    int code = s->failed || s->partial || s->bad_records ? EXIT_SOME_FAILED
                                                         : EXIT_ALL_INDEXED;
    gv_indexer_close(ix);
    return code;
}
