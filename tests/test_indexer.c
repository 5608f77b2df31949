/* Unit tests of indexer/: which names are indexed, the directory walk
 * (order, hidden entries, symlinks, loops), and the pipeline's counters,
 * warnings, phases and write lock. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "index.h"
#include "jobs.h"
#include "shards.h"
#include "walk.h"

static char tmp[4096];

static void
write_bytes(const char *rel, const char *data, size_t n)
{
    char path[4200];
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", tmp, rel);
    f = fopen(path, "w");
    CHECK(f != NULL);
    if (f) {
        CHECK(fwrite(data, 1, n, f) == n);
        fclose(f);
    }
}

static void
write_file(const char *rel, const char *text)
{
    write_bytes(rel, text, strlen(text));
}

static void
make_dir(const char *rel)
{
    char path[4200];

    snprintf(path, sizeof(path), "%s/%s", tmp, rel);
    CHECK(mkdir(path, 0755) == 0);
}

static void
make_link(const char *target, const char *rel)
{
    char path[4200];

    snprintf(path, sizeof(path), "%s/%s", tmp, rel);
    CHECK(symlink(target, path) == 0);
}

static void
test_wants_name(void)
{
    CHECK(gv_index_wants_name("a.txt"));
    CHECK(gv_index_wants_name("dir.d/a.text"));
    CHECK(gv_index_wants_name("story"));
    CHECK(gv_index_wants_name("story.gz"));
    CHECK(gv_index_wants_name("a.txt.gz"));
    CHECK(gv_index_wants_name("/x/y.z/README"));
    CHECK(!gv_index_wants_name("a.pdf"));
    CHECK(!gv_index_wants_name("a.pdf.gz"));
    CHECK(gv_index_wants_name("a.html"));
    CHECK(gv_index_wants_name("a.htm.gz"));
    CHECK(gv_index_wants_name("feed.jsonl"));
    CHECK(gv_index_wants_name("feed.ndjson.gz"));
    CHECK(!gv_index_wants_name("a.json"));
    CHECK(!gv_index_wants_name("a.HTML"));
    CHECK(!gv_index_wants_name("a.TXT.bak"));
}

/* Collects the paths a walk visits, relative to tmp, one per line. */
typedef struct visit_log {
    char files[4096];
    char problems[4096];
    char skipped[4096];
} visit_log;

static gv_status
log_file(void *ctx, const char *path, const struct stat *lst, gv_err *err)
{
    visit_log *log = ctx;

    (void)err;
    CHECK(lst != NULL); /* the files under a root folder come with it */
    strncat(log->files, path + strlen(tmp) + 1,
            sizeof(log->files) - strlen(log->files) - 2);
    strcat(log->files, "\n");
    return GV_OK;
}

static void
log_problem(void *ctx, const char *path, const char *msg)
{
    visit_log *log = ctx;

    (void)msg;
    strncat(log->problems, path + strlen(tmp) + 1,
            sizeof(log->problems) - strlen(log->problems) - 2);
    strcat(log->problems, "\n");
}

static void
log_skipped(void *ctx, const char *path)
{
    visit_log *log = ctx;

    strncat(log->skipped, path + strlen(tmp) + 1,
            sizeof(log->skipped) - strlen(log->skipped) - 2);
    strcat(log->skipped, "\n");
}

static void
test_walk(void)
{
    visit_log log;
    gv_walk_ops ops = {.file = log_file,
                       .problem = log_problem,
                       .skipped = log_skipped,
                       .ctx = &log};
    gv_err err = GV_ERR_INIT;

    make_dir("w");
    make_dir("w/b");
    make_dir("w/.hidden");
    make_dir("w/other");
    write_file("w/b/z.txt", "z");
    write_file("w/b/a.txt", "a");
    write_file("w/.hidden/h.txt", "h");
    write_file("w/.dot.txt", "d");
    write_file("w/c.pdf", "c");
    write_file("w/other/o.txt", "o");
    make_link("../other", "w/b/link");
    make_link("..", "w/other/up");
    make_link("missing", "w/broken");

    memset(&log, 0, sizeof(log));
    char root[4200];
    snprintf(root, sizeof(root), "%s/w", tmp);
    CHECK(gv_walk(root, 0, &ops, &err) == GV_OK);
    /* Sorted by name, hidden left out, symlinked folders not followed,
     * files of any name passed on (the indexer filters). */
    CHECK_STR(log.files, "w/b/a.txt\nw/b/z.txt\nw/c.pdf\nw/other/o.txt\n");
    CHECK_STR(log.problems, "w/broken\n");
    CHECK_STR(log.skipped, "w/b/link\nw/other/up\n");

    memset(&log, 0, sizeof(log));
    CHECK(gv_walk(root, GV_WALK_FOLLOW_SYMLINKS, &ops, &err) == GV_OK);
    /* Followed: other/ is seen twice (once through b/link), and the loop
     * other/up -> w stops at w, which is already being walked. */
    CHECK_STR(log.files, "w/b/a.txt\nw/b/link/o.txt\nw/b/z.txt\nw/c.pdf\n"
                         "w/other/o.txt\n");

    snprintf(root, sizeof(root), "%s/nope", tmp);
    CHECK(gv_walk(root, 0, &ops, &err) == GV_EIO);
    CHECK(strstr(err.msg, "nope") != NULL);
}

typedef struct warn_log {
    int failures, caveats;
    char last[512];
} warn_log;

static void
on_warn(void *ctx, const char *path, const char *msg, gv_warning_kind kind)
{
    warn_log *w = ctx;

    if (kind == GV_WARN_FAILED)
        w->failures++;
    else
        w->caveats++;
    snprintf(w->last, sizeof(w->last), "%s: %s", path, msg);
}

static void
test_indexer(void)
{
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    warn_log wl;
    gv_indexer *ix = NULL, *second = NULL;
    gv_err err = GV_ERR_INIT;
    char root[4200], db[4200];
    unsigned docs = 0;

    memset(&wl, 0, sizeof(wl));
    make_dir("i");
    write_file("i/one.txt", "Title: One\n\nThe court sat.\n");
    write_file("i/two", "Two\n\nThe appeal failed.\n");
    write_file("i/skip.md", "not an article\n");
    write_bytes("i/bin.txt", "a\0b", 3);
    write_file("i/cafe.txt", "Caf\xe9 court\n\nbody\n");
    snprintf(root, sizeof(root), "%s/i", tmp);
    snprintf(db, sizeof(db), "%s/i/index.db", tmp);
    opts.warn = on_warn;
    opts.ctx = &wl;
    opts.batch_docs = 1;
    CHECK(gv_indexer_open(db, &opts, &ix, &err) == GV_OK);
    if (!ix)
        return;
    CHECK(gv_indexer_add_path(ix, root, &err) == GV_OK);
    CHECK(gv_indexer_add_path(ix, "/no/such/place", &err) == GV_OK);
    CHECK(gv_indexer_commit(ix, &err) == GV_OK);
    const gv_index_stats *s = gv_indexer_stats(ix);
    CHECK(s->indexed == 3);
    CHECK(s->skipped == 1);
    CHECK(s->failed == 2);   /* bin.txt and the missing root */
    CHECK(s->repaired == 1); /* cafe.txt: Latin-1 repaired */
    CHECK(s->partial == 0);
    CHECK(wl.failures == 2 && wl.caveats == 1);
    CHECK(strstr(wl.last, "/no/such/place") != NULL);
    CHECK(s->commits >= 3); /* batch of 1: one commit per document */
    CHECK(gv_indexer_doc_count(ix, &docs, &err) == GV_OK && docs == 3);

    /* A second writer is refused while the first holds the lock (at
     * once: it would wait wait_seconds). */
    opts.wait_seconds = 0;
    CHECK(gv_indexer_open(db, &opts, &second, &err) == GV_ELOCKED);
    CHECK(second == NULL);
    CHECK(strstr(err.msg, db) != NULL);
    gv_indexer_close(ix);

    /* Re-indexing replaces documents: the count stays. */
    gv_err_clear(&err);
    CHECK(gv_indexer_open(db, &opts, &ix, &err) == GV_OK);
    if (!ix)
        return;
    CHECK(gv_indexer_add_path(ix, root, &err) == GV_OK);
    CHECK(gv_indexer_commit(ix, &err) == GV_OK);
    CHECK(gv_indexer_doc_count(ix, &docs, &err) == GV_OK && docs == 3);
    gv_indexer_close(ix);
    gv_indexer_close(NULL);
}

/* An index in shards: each file's documents in the shard its path hashes
 * to, the stub file written and read back, updates per shard. */
static void
test_shards(void)
{
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    gv_indexer *ix = NULL;
    gv_err err = GV_ERR_INIT;
    char root[4200], stub[4200], name[64];
    unsigned docs = 0, count = 0, files = 0;
    unsigned used[3] = {0, 0, 0};

    CHECK(gv_shards_route("/a/b.txt", 1) == 0);
    CHECK(gv_shards_route("/a/b.txt", 3) == gv_shards_route("/a/b.txt", 3));
    make_dir("s");
    /* At least 12 files, and more until every shard has one (which paths
     * go where depends on the temporary folder's name). */
    for (int i = 0; i < 60 && (i < 12 || !used[0] || !used[1] || !used[2]);
         i++, files++) {
        snprintf(name, sizeof(name), "s/art%02d.txt", i);
        write_file(name, "Title: Ruling\n\nThe court ruled.\n");
        snprintf(root, sizeof(root), "%s/%s", tmp, name);
        char real[4200];
        if (realpath(root, real))
            used[gv_shards_route(real, 3)]++;
    }
    CHECK(used[0] && used[1] && used[2]); /* paths spread over 3 */
    snprintf(root, sizeof(root), "%s/s", tmp);
    snprintf(stub, sizeof(stub), "%s/archive", tmp);
    opts.shards = 3;
    CHECK(gv_indexer_open(stub, &opts, &ix, &err) == GV_OK);
    if (!ix)
        return;
    CHECK(gv_indexer_shard_count(ix) == 3);
    CHECK(gv_indexer_add_path(ix, root, &err) == GV_OK);
    CHECK(gv_indexer_commit(ix, &err) == GV_OK);
    CHECK(gv_indexer_doc_count(ix, &docs, &err) == GV_OK && docs == files);
    gv_indexer_close(ix);
    CHECK(gv_shards_read(stub, &count, &err) == GV_OK && count == 3);

    /* Again, without saying how many: the stub says. A removed file
     * goes from its shard. */
    snprintf(root, sizeof(root), "%s/s/art05.txt", tmp);
    CHECK(unlink(root) == 0);
    snprintf(root, sizeof(root), "%s/s", tmp);
    opts.shards = 0;
    CHECK(gv_indexer_open(stub, &opts, &ix, &err) == GV_OK);
    if (!ix)
        return;
    CHECK(gv_indexer_shard_count(ix) == 3);
    CHECK(gv_indexer_add_path(ix, root, &err) == GV_OK);
    CHECK(gv_indexer_commit(ix, &err) == GV_OK);
    CHECK(gv_indexer_stats(ix)->removed == 1);
    CHECK(gv_indexer_stats(ix)->unchanged == files - 1);
    CHECK(gv_indexer_doc_count(ix, &docs, &err) == GV_OK && docs == files - 1);
    gv_indexer_close(ix);

    /* Another number of shards, or a stub of another kind: refused. */
    opts.shards = 2;
    CHECK(gv_indexer_open(stub, &opts, &ix, &err) == GV_EINVAL);
    CHECK(ix == NULL && strstr(err.msg, "holds 3 shards, not 2") != NULL);
    gv_err_clear(&err);
    write_file("other.stub", "auto elsewhere.db\n");
    snprintf(stub, sizeof(stub), "%s/other.stub", tmp);
    opts.shards = 0;
    CHECK(gv_indexer_open(stub, &opts, &ix, &err) == GV_EINVAL);
    CHECK(strstr(err.msg, "not a stub of gavel-index shards") != NULL);
    gv_err_clear(&err);
}

/* The phases seen, each letter once per run of calls: C I R M. */
static void
on_phase(void *ctx, gv_index_phase phase)
{
    char *log = ctx;
    const char letter = "CIRM"[phase];
    size_t n = strlen(log);

    if ((n == 0 || log[n - 1] != letter) && n + 1 < 16) {
        log[n] = letter;
        log[n + 1] = '\0';
    }
}

static void
test_count_and_phases(void)
{
    gv_index_opts opts = GV_INDEX_OPTS_INIT;
    gv_indexer *ix = NULL;
    gv_err err = GV_ERR_INIT;
    char root[4200], db[4200], file[4200], phases[16] = "";
    unsigned long files = 0;

    make_dir("p");
    make_dir("p/sub");
    write_file("p/one.txt", "Title: One\n\nThe court sat.\n"); /* 27 bytes */
    write_file("p/sub/two", "Two\n\nThe appeal failed.\n");    /* 24 */
    write_file("p/skip.md", "not an article\n");
    snprintf(root, sizeof(root), "%s/p", tmp);
    snprintf(file, sizeof(file), "%s/p/skip.md", tmp);
    /* The index inside the folder: its files are not counted either. */
    snprintf(db, sizeof(db), "%s/p/index.db", tmp);
    opts.phase = on_phase;
    opts.ctx = phases;
    opts.batch_docs = 1;
    CHECK(gv_indexer_open(db, &opts, &ix, &err) == GV_OK);
    if (!ix)
        return;
    CHECK(gv_indexer_count(ix, root, &files, &err) == GV_OK);
    CHECK(files == 2);
    CHECK(gv_indexer_count(ix, file, &files, &err) == GV_OK);
    CHECK(files == 1); /* named: indexed whatever its name */
    CHECK(gv_indexer_count(ix, "/no/such/place", &files, &err) == GV_OK);
    CHECK(files == 0);
    CHECK(gv_indexer_add_path(ix, root, &err) == GV_OK);
    CHECK(gv_indexer_commit(ix, &err) == GV_OK);
    /* Batch commits (one per document here) are not a phase. */
    CHECK_STR(phases, "CIRM");
    const gv_index_stats *s = gv_indexer_stats(ix);
    CHECK(s->files == 2);
    CHECK(s->bytes_read == 27 + 24);
    gv_indexer_close(ix);

    /* Unchanged files count as done, and read nothing. */
    CHECK(gv_indexer_open(db, &opts, &ix, &err) == GV_OK);
    if (!ix)
        return;
    CHECK(gv_indexer_add_path(ix, root, &err) == GV_OK);
    s = gv_indexer_stats(ix);
    CHECK(s->files == 2 && s->unchanged == 2 && s->bytes_read == 0);
    gv_indexer_close(ix);
}

/* A file of @p bytes that takes no room on disk. */
static void
make_sparse(const char *rel, off_t bytes)
{
    char path[4200];

    snprintf(path, sizeof(path), "%s/%s", tmp, rel);
    write_file(rel, "");
    CHECK(truncate(path, bytes) == 0);
}

/* A new index is built in a shard per GV_JOBS_SHARD_BYTES of input,
 * rounded up to a multiple of the workers, within the caps. */
static void
test_build_shards(void)
{
    const off_t mb = 1 << 20;
    char root[4200];
    char *paths[] = {root};

    make_dir("sized");
    snprintf(root, sizeof(root), "%s/sized", tmp);
    CHECK(gv_jobs_build_shards(2, paths, 1, false) == 2); /* empty */
    make_sparse("sized/a.txt", 40 * mb);
    make_sparse("sized/notes.md", 500 * mb); /* not read, not counted */
    CHECK(gv_jobs_build_shards(2, paths, 1, false) == 2);
    make_sparse("sized/b.txt", 40 * mb); /* 80 MB: two rounds of 2 */
    CHECK(gv_jobs_build_shards(2, paths, 1, false) == 4);
    CHECK(gv_jobs_build_shards(3, paths, 1, false) == 3);
    make_sparse("sized/c.html", 8 * 1024 * mb);
    CHECK(gv_jobs_build_shards(2, paths, 1, false) ==
          2 * GV_JOBS_SHARDS_PER_WORKER);
    CHECK(gv_jobs_build_shards(GV_JOBS_MAX, paths, 1, false) <= GV_MAX_SHARDS);
    CHECK(gv_jobs_build_shards(GV_JOBS_MAX, paths, 1, false) % GV_JOBS_MAX ==
          0);
}

/* A run's default batch: small into an empty index, larger into one that
 * holds documents, growing with it within bounds. */
static void
test_default_batch(void)
{
    CHECK(gv_index_default_batch(0) == GV_INDEX_BATCH_DEFAULT);
    CHECK(gv_index_default_batch(1) == GV_INDEX_BATCH_UPDATE);
    CHECK(gv_index_default_batch(1000000) == GV_INDEX_BATCH_UPDATE);
    CHECK(gv_index_default_batch(1500000) == 1500);
    CHECK(gv_index_default_batch(50000000) == GV_INDEX_BATCH_MAX_AUTO);
}

int
main(void)
{
    const char *base = getenv("TMPDIR");

    snprintf(tmp, sizeof(tmp), "%s/test_indexer.XXXXXX", base ? base : "/tmp");
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_wants_name();
    test_walk();
    test_indexer();
    test_count_and_phases();
    test_shards();
    test_build_shards();
    test_default_batch();
    return CHECK_DONE();
}
