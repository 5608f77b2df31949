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
#include "dating.h"
#include "html.h"
#include "jsonl.h"
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

/* Record problems reported one by one in a JSON-lines file; the rest
 * are counted in one closing warning. */
#define MAX_RECORD_WARNINGS 10

static bool
has_ext(const char *dot, size_t len, const char *ext)
{
    return len == strlen(ext) && strncmp(dot, ext, len) == 0;
}

gv_input_format
gv_index_format_of(const char *name)
{
    static const struct {
        const char *ext;
        gv_input_format format;
    } exts[] = {{".txt", GV_INPUT_TEXT},    {".text", GV_INPUT_TEXT},
                {".html", GV_INPUT_HTML},   {".htm", GV_INPUT_HTML},
                {".xhtml", GV_INPUT_HTML},  {".jsonl", GV_INPUT_JSONL},
                {".ndjson", GV_INPUT_JSONL}};
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
        return GV_INPUT_TEXT;
    for (size_t i = 0; i < sizeof(exts) / sizeof(exts[0]); i++)
        if (has_ext(dot, n - (size_t)(dot - base), exts[i].ext))
            return exts[i].format;
    return GV_INPUT_NONE;
}

bool
gv_index_wants_name(const char *name)
{
    return gv_index_format_of(name) != GV_INPUT_NONE;
}

static void
warn(gv_indexer *ix, const char *path, const char *msg, gv_warning_kind kind)
{
    if (kind == GV_WARN_FAILED)
        ix->stats.failed++;
    else if (kind == GV_WARN_PARTIAL)
        ix->stats.partial++;
    else if (kind == GV_WARN_RECORD)
        ix->stats.bad_records++;
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

/* Read @p abs_path into ix->text as it is, stopped at the caps without a
 * cut-off character. Problems with the file are warnings (GV_EBADDOC,
 * GV_EIO in @p file_err); only GV_ENOMEM is the caller's to stop on. */
static gv_status
load_raw(gv_indexer *ix, const char *path, const char *abs_path,
         gv_input_format format, gv_err *file_err)
{
    gv_read_limits limits = ix->opts.limits;
    char msg[320];
    gv_read_info info;
    gv_status st;

    /* libxml2's tree takes some 20 times the page: keep that bounded. */
    if (format == GV_INPUT_HTML && limits.max_text_bytes > GV_MAX_HTML_BYTES)
        limits.max_text_bytes = GV_MAX_HTML_BYTES;
    gv_buf_reset(&ix->text);
    st = gv_gz_read_file(abs_path, &limits, &ix->text, &info, file_err);
    if (st == GV_OK && info.hit_cap) {
        ix->text.len = gv_utf8_complete_len(ix->text.data, ix->text.len);
        ix->text.data[ix->text.len] = '\0';
        snprintf(msg, sizeof(msg),
                 "indexed only the first %zu bytes (size cap reached)",
                 ix->text.len);
        warn(ix, path, msg, GV_WARN_PARTIAL);
    }
    return st;
}

/* Make @p text clean UTF-8: invalid sequences repaired (counted into
 * *repaired), control characters blanked. */
static gv_status
clean_text(gv_buf *text, size_t *repaired, gv_err *err)
{
    gv_status st = gv_utf8_repair(text, repaired, err);

    if (st == GV_OK)
        gv_utf8_blank_controls(text->data, text->len);
    return st;
}

static void
warn_repaired(gv_indexer *ix, const char *path, size_t repaired)
{
    char msg[320];

    snprintf(msg, sizeof(msg),
             "replaced %zu invalid UTF-8 sequence%s with U+FFFD", repaired,
             repaired == 1 ? "" : "s");
    warn(ix, path, msg, GV_WARN_REPAIRED);
}

/* Write the document of @p a, read from @p abs_path (record @p record of
 * it, or NULL for the whole file), and commit when a batch is full. */
static gv_status
write_article(gv_indexer *ix, const gv_article *a, const char *abs_path,
              const char *record, gv_err *err)
{
    gv_xdoc *doc = NULL;
    gv_status st = gv_schema_build_doc(a, abs_path, record, &doc, err);

    if (st == GV_OK)
        st = gv_schema_id_term(abs_path, record, &ix->idterm, err);
    if (st == GV_OK)
        st = gv_db_replace(ix->db, ix->idterm.data, doc, err);
    gv_xdoc_free(doc);
    if (st != GV_OK)
        return st;
    ix->stats.indexed++;
    if (++ix->pending >= ix->opts.batch_docs)
        return gv_indexer_commit(ix, err);
    return GV_OK;
}

/* A problem with a file: a warning, unless it is running out of memory,
 * which stops the run. */
static gv_status
file_problem(gv_indexer *ix, const char *path, gv_status st,
             const gv_err *file_err, gv_err *err)
{
    char msg[320];

    if (st == GV_ENOMEM)
        return gv_err_set(err, st, "'%s': %s", path, file_err->msg);
    snprintf(msg, sizeof(msg), "skipping: %s", file_err->msg);
    warn(ix, path, msg, GV_WARN_FAILED);
    return GV_OK;
}

/* One article file: plain text or an HTML page. */
static gv_status
index_article_file(gv_indexer *ix, const char *path, const char *abs_path,
                   gv_input_format format, time_t mtime, gv_err *err)
{
    gv_err file_err = GV_ERR_INIT;
    gv_article article;
    size_t repaired = 0;
    gv_status st;

    memset(&article, 0, sizeof(article));
    st = load_raw(ix, path, abs_path, format, &file_err);
    /* libxml2 decodes a page by its declared charset; text is UTF-8. */
    if (st == GV_OK && format == GV_INPUT_HTML)
        st = gv_html_parse(ix->text.data, ix->text.len, &article, &file_err);
    else if (st == GV_OK) {
        st = clean_text(&ix->text, &repaired, &file_err);
        if (st == GV_OK && repaired)
            warn_repaired(ix, path, repaired);
        if (st == GV_OK)
            st = gv_article_parse(ix->text.data, ix->text.len, &article,
                                  &file_err);
    }
    if (st == GV_OK)
        st = gv_article_complete(&article, NULL, abs_path, mtime, &file_err);
    if (st != GV_OK) {
        gv_article_release(&article);
        return file_problem(ix, path, st, &file_err, err);
    }
    st = write_article(ix, &article, abs_path, NULL, err);
    gv_article_release(&article);
    return st;
}

/* One line of a JSON-lines file as a document. A bad record is a
 * warning (GV_EBADDOC in @p rec_err); other errors stop the file. */
static gv_status
index_record(gv_indexer *ix, const char *abs_path, unsigned long lineno,
             time_t mtime, gv_err *rec_err, gv_err *err)
{
    gv_jsonl_record rec;
    char line_key[32];
    size_t repaired = 0;
    gv_status st = clean_text(&ix->text, &repaired, rec_err);

    if (st == GV_OK)
        st = gv_jsonl_parse(ix->text.data, ix->text.len, &rec, rec_err);
    else
        memset(&rec, 0, sizeof(rec));
    if (st == GV_OK)
        st = gv_article_complete(&rec.article, rec.dateline, abs_path, mtime,
                                 rec_err);
    if (st == GV_OK) {
        /* Without its own id a record is known by its line. */
        snprintf(line_key, sizeof(line_key), "line:%lu", lineno);
        st = write_article(ix, &rec.article, abs_path,
                           rec.id ? rec.id : line_key, err);
    }
    gv_jsonl_record_release(&rec);
    return st;
}

/* A JSON-lines file, one document per line, read a line at a time. */
static gv_status
index_jsonl_file(gv_indexer *ix, const char *path, const char *abs_path,
                 time_t mtime, gv_err *err)
{
    const gv_line_limits limits = {SIZE_MAX, GV_MAX_STREAM_BYTES,
                                   ix->opts.limits.max_text_bytes};
    gv_err file_err = GV_ERR_INIT;
    gv_line_reader *lines = NULL;
    gv_line_info info = {0};
    unsigned long bad = 0, before = ix->stats.indexed;
    char msg[400];
    gv_status st = gv_lines_open(abs_path, &limits, &lines, &file_err);

    while (st == GV_OK) {
        gv_err rec_err = GV_ERR_INIT;
        st = gv_lines_next(lines, &ix->text, &info, &file_err);
        if (st != GV_OK || info.eof)
            break;
        if (ix->text.len == 0 || strspn(ix->text.data, " \t\r") == ix->text.len)
            continue; /* blank lines separate nothing */
        if (info.cut) {
            gv_err_set(&rec_err, GV_EBADDOC,
                       "longer than the %zu-byte cap for one record",
                       limits.max_line_bytes);
            st = GV_EBADDOC;
        } else {
            st = index_record(ix, abs_path, info.lineno, mtime, &rec_err, err);
        }
        if (st == GV_EBADDOC && ++bad <= MAX_RECORD_WARNINGS) {
            snprintf(msg, sizeof(msg), "line %lu: skipping record: %s",
                     info.lineno, rec_err.msg);
            warn(ix, path, msg, GV_WARN_RECORD);
        }
        if (st == GV_EBADDOC)
            st = GV_OK;
        else if (st != GV_OK) {
            gv_lines_close(lines);
            /* Out of memory or the index failed: stop the run. */
            return gv_err_set(err, st, "'%s' line %lu: %s", path, info.lineno,
                              rec_err.msg);
        }
    }
    gv_lines_close(lines);
    if (bad > MAX_RECORD_WARNINGS) {
        snprintf(msg, sizeof(msg), "%lu more bad records not shown",
                 bad - MAX_RECORD_WARNINGS);
        warn(ix, path, msg, GV_WARN_RECORD);
    }
    if (st == GV_OK && info.hit_cap) {
        snprintf(msg, sizeof(msg),
                 "indexed only the first %llu bytes (size cap reached)",
                 (unsigned long long)GV_MAX_STREAM_BYTES);
        warn(ix, path, msg, GV_WARN_PARTIAL);
    }
    if (st != GV_OK && ix->stats.indexed > before) {
        /* Records before a damaged stretch of gzip are kept. */
        snprintf(msg, sizeof(msg), "stopped at line %lu: %s", info.lineno + 1,
                 file_err.msg);
        warn(ix, path, msg, GV_WARN_PARTIAL);
        return GV_OK;
    }
    return st == GV_OK ? GV_OK : file_problem(ix, path, st, &file_err, err);
}

/* Read, parse and write one file. Problems with the file itself are
 * warnings; only index errors are returned. */
static gv_status
index_file(gv_indexer *ix, const char *path, gv_input_format format,
           gv_err *err)
{
    char abs_path[PATH_MAX], msg[320];
    struct stat sb;
    gv_status st;

    if (!realpath(path, abs_path) || stat(abs_path, &sb) != 0) {
        snprintf(msg, sizeof(msg), "skipping: %s", strerror(errno));
        warn(ix, path, msg, GV_WARN_FAILED);
        return GV_OK;
    }
    if (format == GV_INPUT_JSONL)
        st = index_jsonl_file(ix, path, abs_path, sb.st_mtime, err);
    else
        st = index_article_file(ix, path, abs_path, format, sb.st_mtime, err);
    if (st == GV_OK && ix->opts.progress)
        ix->opts.progress(ix->opts.ctx, path, true);
    return st;
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
    gv_input_format format = gv_index_format_of(path);

    if (format == GV_INPUT_NONE) {
        walk_skipped(ctx, path);
        return GV_OK;
    }
    return index_file(ctx, path, format, err);
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
    /* A file named on the command line is indexed whatever its name:
     * as plain text unless the name says otherwise. */
    if (S_ISREG(st.st_mode)) {
        gv_input_format format = gv_index_format_of(root);
        return index_file(ix, root, format ? format : GV_INPUT_TEXT, err);
    }
    if (!S_ISDIR(st.st_mode)) {
        walk_problem(ix, root, "not a file or folder");
        return GV_OK;
    }
    return gv_walk(root, flags, &ops, err);
}
