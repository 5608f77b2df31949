/* The indexing pipeline (see index.h). */
#include "index.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "article.h"
#include "buf.h"
#include "schema.h"
#include "utf8.h"
#include "walk.h"
#include "xdb.h"

struct gv_indexer {
    gv_db *db;
    gv_index_opts opts;
    gv_index_stats stats;
    unsigned pending; /* documents written since the last commit */
    struct stat db_stat;
    bool have_db_stat;
    gv_buf text, idterm; /* reused for every file */
};

bool
gv_index_wants_name(const char *name)
{
    const char *base = strrchr(name, '/');
    size_t n;

    base = base ? base + 1 : name;
    n = strlen(base);
    if (n > 3 && strcmp(base + n - 3, ".gz") == 0)
        n -= 3;
    /* The extension is what follows the last dot not at the start. */
    const char *dot = NULL;
    for (size_t i = 1; i < n; i++)
        if (base[i] == '.')
            dot = base + i;
    if (!dot)
        return true;
    size_t ext = n - (size_t)(dot - base);
    return (ext == 4 && strncmp(dot, ".txt", 4) == 0) ||
           (ext == 5 && strncmp(dot, ".text", 5) == 0);
}

static void
warn(gv_indexer *ix, const char *path, const char *msg, gv_warning_kind kind)
{
    if (kind == GV_WARN_FAILED)
        ix->stats.failed++;
    else if (kind == GV_WARN_PARTIAL)
        ix->stats.partial++;
    else
        ix->stats.repaired++;
    if (ix->opts.warn)
        ix->opts.warn(ix->opts.ctx, path, msg, kind);
}

gv_status
gv_indexer_open(const char *db_path, const gv_index_opts *opts,
                gv_indexer **out, gv_err *err)
{
    gv_indexer *ix;
    gv_status st;

    *out = NULL;
    ix = calloc(1, sizeof(*ix));
    if (!ix)
        return gv_err_set(err, GV_ENOMEM, "out of memory");
    ix->opts = *opts;
    if (ix->opts.batch_docs == 0)
        ix->opts.batch_docs = GV_INDEX_BATCH_DEFAULT;
    gv_buf_init(&ix->text);
    gv_buf_init(&ix->idterm);
    st = gv_db_open(db_path, GV_DB_WRITE, &ix->db, err);
    if (st != GV_OK) {
        gv_indexer_close(ix);
        return st;
    }
    /* The index may live inside a folder being indexed: never index it. */
    ix->have_db_stat = stat(db_path, &ix->db_stat) == 0;
    *out = ix;
    return GV_OK;
}

void
gv_indexer_close(gv_indexer *ix)
{
    if (!ix)
        return;
    gv_db_close(ix->db);
    gv_buf_release(&ix->text);
    gv_buf_release(&ix->idterm);
    free(ix);
}

const gv_index_stats *
gv_indexer_stats(const gv_indexer *ix)
{
    return &ix->stats;
}

gv_status
gv_indexer_doc_count(gv_indexer *ix, unsigned *out, gv_err *err)
{
    return gv_db_doc_count(ix->db, out, err);
}

gv_status
gv_indexer_commit(gv_indexer *ix, gv_err *err)
{
    gv_status st = gv_db_commit(ix->db, err);

    if (st == GV_OK) {
        ix->pending = 0;
        ix->stats.commits++;
    }
    return st;
}

/* Read @p abs_path into ix->text as clean UTF-8: stopped at the caps
 * without a cut-off character, invalid sequences repaired, control
 * characters blanked. Problems with the file are warnings (GV_EBADDOC,
 * GV_EIO in @p file_err); only GV_ENOMEM is the caller's to stop on. */
static gv_status
load_text(gv_indexer *ix, const char *path, const char *abs_path,
          gv_err *file_err)
{
    char msg[320];
    gv_read_info info;
    size_t repaired = 0;
    gv_status st;

    gv_buf_reset(&ix->text);
    st =
        gv_gz_read_file(abs_path, &ix->opts.limits, &ix->text, &info, file_err);
    if (st != GV_OK)
        return st;
    if (info.hit_cap) {
        ix->text.len = gv_utf8_complete_len(ix->text.data, ix->text.len);
        ix->text.data[ix->text.len] = '\0';
        snprintf(msg, sizeof(msg),
                 "indexed only the first %zu bytes (size cap reached)",
                 ix->text.len);
        warn(ix, path, msg, GV_WARN_PARTIAL);
    }
    st = gv_utf8_repair(&ix->text, &repaired, file_err);
    if (st == GV_OK && repaired) {
        snprintf(msg, sizeof(msg),
                 "replaced %zu invalid UTF-8 sequence%s with U+FFFD", repaired,
                 repaired == 1 ? "" : "s");
        warn(ix, path, msg, GV_WARN_REPAIRED);
    }
    gv_utf8_blank_controls(ix->text.data, ix->text.len);
    return st;
}

/* Read, repair and parse one file and write its document. Problems with
 * the file itself are warnings; only index errors are returned. */
static gv_status
index_file(gv_indexer *ix, const char *path, gv_err *err)
{
    char abs_path[PATH_MAX], msg[320];
    gv_err file_err = GV_ERR_INIT;
    gv_article article;
    gv_xdoc *doc = NULL;
    gv_status st;

    memset(&article, 0, sizeof(article));
    if (!realpath(path, abs_path)) {
        snprintf(msg, sizeof(msg), "skipping: %s", strerror(errno));
        warn(ix, path, msg, GV_WARN_FAILED);
        return GV_OK;
    }
    st = load_text(ix, path, abs_path, &file_err);
    if (st == GV_OK)
        st = gv_article_parse(ix->text.data, ix->text.len, &article, &file_err);
    if (st == GV_ENOMEM) {
        gv_article_release(&article);
        return gv_err_set(err, st, "'%s': %s", path, file_err.msg);
    }
    if (st != GV_OK) {
        snprintf(msg, sizeof(msg), "skipping: %s", file_err.msg);
        warn(ix, path, msg, GV_WARN_FAILED);
        gv_article_release(&article);
        return GV_OK;
    }
    st = gv_schema_build_doc(&article, abs_path, &doc, err);
    if (st == GV_OK)
        st = gv_schema_id_term(abs_path, &ix->idterm, err);
    if (st == GV_OK)
        st = gv_db_replace(ix->db, ix->idterm.data, doc, err);
    gv_xdoc_free(doc);
    gv_article_release(&article);
    if (st != GV_OK)
        return st;
    ix->stats.indexed++;
    if (ix->opts.progress)
        ix->opts.progress(ix->opts.ctx, path, true);
    if (++ix->pending >= ix->opts.batch_docs)
        return gv_indexer_commit(ix, err);
    return GV_OK;
}

static bool
walk_enter_dir(void *ctx, const char *path, const struct stat *st)
{
    const gv_indexer *ix = ctx;

    (void)path;
    return !(ix->have_db_stat && st->st_dev == ix->db_stat.st_dev &&
             st->st_ino == ix->db_stat.st_ino);
}

static void
walk_problem(void *ctx, const char *path, const char *msg)
{
    char text[320];

    snprintf(text, sizeof(text), "skipping: %s", msg);
    warn(ctx, path, text, GV_WARN_FAILED);
}

static void
walk_skipped(void *ctx, const char *path)
{
    gv_indexer *ix = ctx;

    ix->stats.skipped++;
    if (ix->opts.progress)
        ix->opts.progress(ix->opts.ctx, path, false);
}

/* A file met while walking a folder: indexed if its name says article. */
static gv_status
walk_file(void *ctx, const char *path, gv_err *err)
{
    if (!gv_index_wants_name(path)) {
        walk_skipped(ctx, path);
        return GV_OK;
    }
    return index_file(ctx, path, err);
}

gv_status
gv_indexer_add_path(gv_indexer *ix, const char *root, gv_err *err)
{
    const gv_walk_ops ops = {walk_file, walk_enter_dir, walk_problem,
                             walk_skipped, ix};
    unsigned flags = ix->opts.follow_symlinks ? GV_WALK_FOLLOW_SYMLINKS : 0;
    struct stat st;

    if (stat(root, &st) != 0) {
        walk_problem(ix, root, strerror(errno));
        return GV_OK;
    }
    /* A file named on the command line is indexed whatever its name. */
    if (S_ISREG(st.st_mode))
        return index_file(ix, root, err);
    if (!S_ISDIR(st.st_mode)) {
        walk_problem(ix, root, "not a file or folder");
        return GV_OK;
    }
    return gv_walk(root, flags, &ops, err);
}
